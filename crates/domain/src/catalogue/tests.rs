use super::*;

fn input(name: &str, price: &str) -> ItemInput {
    ItemInput {
        name: name.into(),
        price: price.into(),
        ..Default::default()
    }
}

#[test]
fn valid_physical_item() {
    let mut i = input("Sukuma wiki", "30");
    i.stock = "12".into();
    let v = i.validate(Currency::KES).unwrap();
    assert_eq!(v.price.minor, 3_000);
    assert_eq!(v.kind, ItemKind::Physical { stock: Some(12) });
    let untracked = input("Bread", "65").validate(Currency::KES).unwrap();
    assert_eq!(untracked.kind, ItemKind::Physical { stock: None });
}

#[test]
fn every_bad_field_is_reported_beside_its_field() {
    let mut i = input("", "free");
    i.stock = "-3".into();
    let e = i.validate(Currency::KES).unwrap_err();
    let fields: Vec<_> = e.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["name", "price", "stock"]);
    assert!(input("Bread", "0").validate(Currency::KES).is_err());
}

#[test]
fn data_bundles_need_size_and_validity() {
    let mut i = input("Safaricom 1GB", "99");
    i.kind = ItemKindChoice::DataBundle;
    assert_eq!(i.validate(Currency::KES).unwrap_err().len(), 2);
    i.megabytes = "1024".into();
    i.validity_days = "1".into();
    assert_eq!(
        i.validate(Currency::KES).unwrap().kind,
        ItemKind::Digital(DigitalKind::DataBundle {
            megabytes: 1024,
            validity_days: 1
        })
    );
    i.validity_days = "0".into();
    assert_eq!(
        i.validate(Currency::KES).unwrap_err()[0].field,
        "validity_days"
    );
}

#[test]
fn editing_round_trips_through_the_form() {
    let mut i = input("Unga 2kg", "1,250.50");
    i.stock = "7".into();
    let v = i.validate(Currency::KES).unwrap();
    let item = Item {
        id: ItemId::from_uuid(uuid::Uuid::nil()),
        name: v.name,
        description: v.description,
        price: v.price,
        category_id: None,
        kind: v.kind,
        archived: false,
        updated_at: DateTime::<Utc>::UNIX_EPOCH,
    };
    let back = ItemInput::from_item(&item).validate(Currency::KES).unwrap();
    assert_eq!(back.price, item.price);
    assert_eq!(back.kind, item.kind);
    assert!(item.can_sell(7));
    assert!(!item.can_sell(8));
}
