use super::*;
use crate::catalogue::ItemKind;
use chrono::{DateTime, Utc};

fn item(n: u128, price: i64, stock: Option<i64>) -> Item {
    Item {
        id: ItemId::from_uuid(uuid::Uuid::from_u128(n)),
        name: format!("item {n}"),
        description: String::new(),
        price: Money::from_major(price, Currency::KES),
        category_id: None,
        kind: ItemKind::Physical { stock },
        archived: false,
        barcode: None,
        low_stock: None,
        aliases: Vec::new(),
        photo: None,
        tax_band: None,
        tax_class: None,
        updated_at: DateTime::<Utc>::UNIX_EPOCH,
    }
}

#[test]
fn totals_and_merging() {
    let mut c = Cart::new(Currency::KES);
    let a = item(1, 30, Some(5));
    let b = item(2, 65, None);
    c.add(&a, 2).unwrap();
    c.add(&b, 1).unwrap();
    c.add(&a, 1).unwrap();
    assert_eq!(c.lines.len(), 2);
    assert_eq!(c.lines[0].qty, 3);
    assert_eq!(c.subtotal().unwrap(), Money::from_major(155, Currency::KES));
    c.remove(a.id, 5);
    assert_eq!(c.lines.len(), 1);
}

#[test]
fn refusals_keep_the_cart_as_it_was() {
    let mut c = Cart::new(Currency::KES);
    let a = item(1, 30, Some(2));
    c.add(&a, 2).unwrap();
    let before = c.clone();
    assert!(matches!(
        c.add(&a, 1),
        Err(CartError::OutOfStock { available: 2, .. })
    ));
    assert_eq!(c.add(&a, 0), Err(CartError::BadQuantity));
    let mut archived = item(3, 10, None);
    archived.archived = true;
    assert!(matches!(c.add(&archived, 1), Err(CartError::NotForSale(_))));
    let mut mad = item(4, 10, None);
    mad.price.currency = Currency::MAD;
    assert!(matches!(c.add(&mad, 1), Err(CartError::Currency(_))));
    assert_eq!(c, before);
}

#[test]
fn weighed_packs_are_lines_of_their_own() {
    use crate::barcode::{ScaleLabel, ScaleLabels};
    let mut c = Cart::new(Currency::KES);
    let tomatoes = item(1, 120, None);
    c.add(&tomatoes, 1).unwrap();
    for code in ["2001234012508", "2001234005005"] {
        let label = ScaleLabel::parse(code).expect("label");
        let w = ScaleLabels::WeightGrams
            .price(&label, tomatoes.price)
            .unwrap();
        c.add_weighed(&tomatoes, code, w).unwrap();
    }
    // Two packs, each its own line, never merged with the counted line.
    c.add(&tomatoes, 1).unwrap();
    assert_eq!(c.lines.len(), 3);
    assert_eq!(c.lines[0].qty, 2);
    assert_eq!(c.lines[1].name, "item 1 1.250 kg");
    assert_eq!(c.lines[2].unit_price, Money::from_major(60, Currency::KES));
    // 2 × 120 + 150 + 60.
    assert_eq!(c.subtotal().unwrap(), Money::from_major(450, Currency::KES));
    // Removing units leaves the packs; a pack goes by its index.
    c.remove(tomatoes.id, 2);
    assert_eq!(c.lines.len(), 2);
    c.remove_at(0, 1);
    assert_eq!(c.lines.len(), 1);
    assert_eq!(c.lines[0].label.as_deref(), Some("2001234005005"));
    // A counted item with one left: one pack, not two.
    let mut c = Cart::new(Currency::KES);
    let meat = item(2, 800, Some(1));
    let label = ScaleLabel::parse("2001234012508").unwrap();
    let w = ScaleLabels::PriceWhole.price(&label, meat.price).unwrap();
    c.add_weighed(&meat, "2001234012508", w).unwrap();
    assert!(matches!(
        c.add_weighed(&meat, "2001234012508", w),
        Err(CartError::OutOfStock { .. })
    ));
}
