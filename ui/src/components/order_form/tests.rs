use super::*;
use dukadesk_domain::catalogue::ItemKind;
use dukadesk_domain::Currency;
use uuid::Uuid;

fn item(n: u128, name: &str, stock: Option<i64>) -> Item {
    Item {
        id: ItemId(Uuid::from_u128(n)),
        name: name.into(),
        description: String::new(),
        price: Money::from_major(30, Currency::KES),
        category_id: None,
        kind: ItemKind::Physical { stock },
        archived: false,
        barcode: None,
        low_stock: None,
        aliases: Vec::new(),
        photo: None,
        tax_band: None,
        tax_class: None,
        updated_at: Default::default(),
    }
}

#[test]
fn a_star_gives_the_quantity() {
    assert_eq!(parse_quick("3*Sugar"), (3, "sugar".into()));
    assert_eq!(parse_quick(" 12 * unga "), (12, "unga".into()));
    assert_eq!(parse_quick("sukuma"), (1, "sukuma".into()));
    assert_eq!(parse_quick("x*sugar"), (1, "x*sugar".into()));
}

#[test]
fn matches_skip_archived_items_and_put_prefixes_first() {
    let mut old = item(3, "Sugar 1kg (old)", None);
    old.archived = true;
    let items = vec![
        item(1, "Brown sugar", None),
        item(2, "Sugar 2kg", None),
        old,
    ];
    let names: Vec<&str> = matches(&items, "sugar")
        .iter()
        .map(|i| i.name.as_str())
        .collect();
    assert_eq!(names, ["Sugar 2kg", "Brown sugar"]);
    assert!(matches(&items, "").is_empty());
}

#[test]
fn the_till_finds_items_by_their_other_names_too() {
    let mut tomatoes = item(1, "Tomatoes 1kg", None);
    tomatoes.aliases = vec!["Nyanya".into()];
    let items = vec![item(2, "Nyanya chungu", None), tomatoes];
    let names: Vec<&str> = matches(&items, "nyan")
        .iter()
        .map(|i| i.name.as_str())
        .collect();
    assert_eq!(names, ["Nyanya chungu", "Tomatoes 1kg"]);
    let names: Vec<&str> = matches(&items, "anya")
        .iter()
        .map(|i| i.name.as_str())
        .collect();
    assert_eq!(names.len(), 2);
}

#[test]
fn quantities_follow_the_carts_stock_rules() {
    let sukuma = item(1, "Sukuma wiki bunch", Some(3));
    let mut cart = Cart::new(Currency::KES);
    assert_eq!(cart.add(&sukuma, 1), Ok(()));
    assert_eq!(set_qty(&mut cart, Some(&sukuma), 0, 3), Ok(()));
    assert_eq!(cart.lines[0].qty, 3);
    assert!(
        set_qty(&mut cart, Some(&sukuma), 0, 4).is_err(),
        "only 3 in stock"
    );
    assert_eq!(cart.lines[0].qty, 3);
    assert_eq!(
        set_qty(&mut cart, None, 0, 1),
        Ok(()),
        "lowering needs no item"
    );
    assert_eq!(cart.lines[0].qty, 1);
    assert_eq!(set_qty(&mut cart, None, 0, 0), Ok(()));
    assert!(cart.is_empty());
}

#[test]
fn the_draft_becomes_the_shells_input() {
    let sukuma = item(1, "Sukuma wiki bunch", None);
    let mut draft = Draft {
        search: String::new(),
        highlight: 0,
        cart: Cart::new(Currency::KES),
        phone: "0712 345 678".into(),
        name: String::new(),
        zone: None,
        address: "left over from a delivery".into(),
        pay: PayChoice::Mpesa,
        receipt: "qft4abc12x".into(),
        tendered: String::new(),
        note: String::new(),
        buyer_pin: " p051234567x".into(),
    };
    assert_eq!(draft.cart.add(&sukuma, 2), Ok(()));
    let input = draft.to_input();
    assert_eq!(
        input.lines,
        vec![ManualLineInput {
            item_id: sukuma.id,
            qty: 2,
            label: None
        }]
    );
    assert_eq!(input.address, "", "a pickup sends no address");
    assert_eq!(
        input.payment,
        TillPayment::MpesaReceipt("qft4abc12x".into())
    );
    assert_eq!(input.buyer_pin, " p051234567x");
    let valid = input
        .validate(dukadesk_domain::Country::Kenya)
        .expect("valid");
    assert_eq!(valid.buyer_pin.as_deref(), Some("P051234567X"));
}

#[test]
fn a_scale_label_adds_a_pack_of_the_item_with_its_code() {
    let mut tomatoes = item(1, "Tomatoes", None);
    tomatoes.price = Money::from_major(120, Currency::KES);
    tomatoes.barcode = Some("2001234".into());
    let mut unga = item(2, "Unga", None);
    unga.barcode = Some("6161101660013".into());
    let items = vec![tomatoes.clone(), unga.clone()];
    assert_eq!(
        scanned(&items, "6161101660013", ScaleLabels::WeightGrams),
        Scanned::Item(&unga)
    );
    match scanned(&items, "2001234012508", ScaleLabels::WeightGrams) {
        Scanned::Pack(item, weighed) => {
            assert_eq!(item.id, tomatoes.id);
            assert_eq!(weighed.price, Money::from_major(150, Currency::KES));
        }
        other => panic!("a pack: {other:?}"),
    }
    // Another scale code, a bad check digit, nothing weighed.
    assert_eq!(
        scanned(&items, "2009999012504", ScaleLabels::WeightGrams),
        Scanned::Unknown
    );
    assert_eq!(
        scanned(&items, "2001234012509", ScaleLabels::WeightGrams),
        Scanned::Unknown
    );
    assert!(matches!(
        scanned(&items, "2001234000000", ScaleLabels::WeightGrams),
        Scanned::Refused(_)
    ));
    // A pack is one pack: it can be removed, never counted up.
    let mut cart = Cart::new(Currency::KES);
    let Scanned::Pack(_, w) = scanned(&items, "2001234012508", ScaleLabels::PriceWhole) else {
        panic!("a pack");
    };
    cart.add_weighed(&tomatoes, "2001234012508", w).unwrap();
    assert!(set_qty(&mut cart, Some(&tomatoes), 0, 2).is_err());
    assert_eq!(set_qty(&mut cart, Some(&tomatoes), 0, 0), Ok(()));
    assert!(cart.is_empty());
}
