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
