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
fn quantities_follow_the_carts_stock_rules() {
    let sukuma = item(1, "Sukuma wiki bunch", Some(3));
    let mut cart = Cart::new(Currency::KES);
    assert_eq!(cart.add(&sukuma, 1), Ok(()));
    assert_eq!(set_qty(&mut cart, Some(&sukuma), sukuma.id, 3), Ok(()));
    assert_eq!(cart.lines[0].qty, 3);
    assert!(
        set_qty(&mut cart, Some(&sukuma), sukuma.id, 4).is_err(),
        "only 3 in stock"
    );
    assert_eq!(cart.lines[0].qty, 3);
    assert_eq!(
        set_qty(&mut cart, None, sukuma.id, 1),
        Ok(()),
        "lowering needs no item"
    );
    assert_eq!(cart.lines[0].qty, 1);
    assert_eq!(set_qty(&mut cart, None, sukuma.id, 0), Ok(()));
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
    };
    assert_eq!(draft.cart.add(&sukuma, 2), Ok(()));
    let input = draft.to_input();
    assert_eq!(
        input.lines,
        vec![ManualLineInput {
            item_id: sukuma.id,
            qty: 2
        }]
    );
    assert_eq!(input.address, "", "a pickup sends no address");
    assert_eq!(
        input.payment,
        TillPayment::MpesaReceipt("qft4abc12x".into())
    );
    assert!(input.validate(dukadesk_domain::Country::Kenya).is_ok());
}
