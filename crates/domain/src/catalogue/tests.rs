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
fn kenyan_airtime_and_bundles_are_what_the_provider_can_send() {
    let mut airtime = input("Airtime 100", "100");
    airtime.kind = ItemKindChoice::Airtime;
    assert!(airtime.validate(Currency::KES).is_ok());
    for price in ["5", "10,001", "99.50"] {
        airtime.price = price.into();
        let e = airtime.validate(Currency::KES).unwrap_err();
        assert_eq!(e[0].field, "price", "{price}");
        assert!(
            e[0].message.contains("KES 10 to KES 10,000"),
            "{}",
            e[0].message
        );
    }
    // Elsewhere the shop sends it itself: no provider limit.
    assert!(airtime.validate(Currency::MAD).is_ok());

    let mut bundle = input("Safaricom 1GB 3 days", "99");
    bundle.kind = ItemKindChoice::DataBundle;
    bundle.megabytes = "1024".into();
    bundle.validity_days = "3".into();
    let e = bundle.validate(Currency::KES).unwrap_err();
    assert_eq!(e[0].field, "validity_days");
    for days in ["1", "7", "14", "30", "90"] {
        bundle.validity_days = days.into();
        assert!(bundle.validate(Currency::KES).is_ok(), "{days}");
    }
}

#[test]
fn editing_round_trips_through_the_form() {
    let mut i = input("Unga 2kg", "1,250.50");
    i.stock = "7".into();
    let item = item_of(&i);
    let back = ItemInput::from_item(&item).validate(Currency::KES).unwrap();
    assert_eq!(back.price, item.price);
    assert_eq!(back.kind, item.kind);
    assert!(item.can_sell(7));
    assert!(!item.can_sell(8));
}

#[test]
fn only_a_changed_stock_is_a_new_count_and_a_level_below_zero_survives_an_edit() {
    let item = Item {
        id: ItemId::from_uuid(uuid::Uuid::nil()),
        name: "Sukari 1kg".into(),
        description: String::new(),
        price: Money::from_minor(16_000, Currency::KES),
        category_id: None,
        kind: ItemKind::Physical { stock: Some(-2) },
        archived: false,
        barcode: None,
        low_stock: None,
        aliases: Vec::new(),
        photo: None,
        tax_band: None,
        tax_class: None,
        updated_at: DateTime::<Utc>::UNIX_EPOCH,
    };
    assert_eq!(item.available(), Some(0));
    assert!(!item.can_sell(1));
    // Renamed, stock left alone: not a count, and -2 is not refused.
    let mut edit = ItemInput::from_item(&item);
    edit.name = "Sukari 1 kg".into();
    let v = edit.validate(Currency::KES).unwrap();
    assert!(!v.stock_counted);
    assert_eq!(v.kind, ItemKind::Physical { stock: Some(-2) });
    // Counted again: a new level, never below zero.
    edit.stock = "-1".into();
    assert_eq!(edit.validate(Currency::KES).unwrap_err()[0].field, "stock");
    edit.stock = "4".into();
    let v = edit.validate(Currency::KES).unwrap();
    assert!(v.stock_counted);
    assert_eq!(v.kind, ItemKind::Physical { stock: Some(4) });
    // Emptied: no longer counted, which is a change too.
    edit.stock = String::new();
    let v = edit.validate(Currency::KES).unwrap();
    assert!(v.stock_counted);
    assert_eq!(v.kind, ItemKind::Physical { stock: None });
    // A new item with a stock is counted; without, it is not.
    let mut new = input("Chumvi", "30");
    assert!(!new.validate(Currency::KES).unwrap().stock_counted);
    new.stock = "10".into();
    assert!(new.validate(Currency::KES).unwrap().stock_counted);
}

#[test]
fn a_barcode_is_kept_cleaned_and_a_bad_one_is_named() {
    let mut i = input("Unga 2kg", "210");
    i.barcode = " 6161101660013\r".into();
    assert_eq!(
        i.validate(Currency::KES).unwrap().barcode.as_deref(),
        Some("6161101660013")
    );
    i.barcode = String::new();
    assert_eq!(i.validate(Currency::KES).unwrap().barcode, None);
    i.barcode = "12".into();
    let errors = i.validate(Currency::KES).unwrap_err();
    assert_eq!(errors[0].field, "barcode");
}

#[test]
fn a_counted_item_runs_low_at_its_warning_level() {
    let mut i = input("Unga 2kg", "210");
    i.stock = "5".into();
    i.low_stock = "5".into();
    let v = i.validate(Currency::KES).unwrap();
    assert_eq!(v.low_stock, Some(5));
    let mut item = Item {
        id: ItemId::from_uuid(uuid::Uuid::nil()),
        name: v.name,
        description: v.description,
        price: v.price,
        category_id: None,
        kind: v.kind,
        archived: false,
        barcode: None,
        low_stock: v.low_stock,
        aliases: Vec::new(),
        photo: None,
        tax_band: None,
        tax_class: None,
        updated_at: DateTime::<Utc>::UNIX_EPOCH,
    };
    assert!(item.is_low(), "5 left, warned at 5");
    item.kind = ItemKind::Physical { stock: Some(6) };
    assert!(!item.is_low());
    item.kind = ItemKind::Physical { stock: Some(-1) };
    assert!(item.is_low(), "oversold is low");
    item.archived = true;
    assert!(!item.is_low(), "archived items are not sold");
    assert_eq!(ItemInput::from_item(&item).low_stock, "5");
    // Only counted items, and whole numbers.
    let mut uncounted = input("Mkate", "65");
    uncounted.low_stock = "3".into();
    assert_eq!(
        uncounted.validate(Currency::KES).unwrap_err()[0].field,
        "low_stock"
    );
    let mut bad = input("Mkate", "65");
    bad.stock = "10".into();
    bad.low_stock = "a few".into();
    assert_eq!(
        bad.validate(Currency::KES).unwrap_err()[0].field,
        "low_stock"
    );
}

#[test]
fn other_names_are_split_trimmed_and_each_kept_once() {
    let mut i = input("Tomatoes", "20");
    i.aliases = " nyanya, Tomato ,\nNYANYA,, tomatoes , ṭamaṭim".into();
    let v = i.validate(Currency::KES).unwrap();
    // "NYANYA" repeats "nyanya" and "tomatoes" the name itself.
    assert_eq!(v.aliases, ["nyanya", "Tomato", "ṭamaṭim"]);
    // Shown back in the form as one line.
    let item = Item {
        id: ItemId::from_uuid(uuid::Uuid::nil()),
        name: v.name,
        description: v.description,
        price: v.price,
        category_id: None,
        kind: v.kind,
        archived: false,
        barcode: None,
        low_stock: None,
        aliases: v.aliases,
        photo: None,
        tax_band: None,
        tax_class: None,
        updated_at: DateTime::<Utc>::UNIX_EPOCH,
    };
    assert_eq!(
        ItemInput::from_item(&item).aliases,
        "nyanya, Tomato, ṭamaṭim"
    );
    assert_eq!(
        item.names().collect::<Vec<_>>(),
        ["Tomatoes", "nyanya", "Tomato", "ṭamaṭim"]
    );
    i.aliases = String::new();
    assert!(i.validate(Currency::KES).unwrap().aliases.is_empty());
}

#[test]
fn too_many_or_too_long_other_names_are_named_beside_the_field() {
    let mut i = input("Tomatoes", "20");
    i.aliases = (0..=MAX_ALIASES)
        .map(|n| format!("name {n}"))
        .collect::<Vec<_>>()
        .join(", ");
    let errors = i.validate(Currency::KES).unwrap_err();
    assert_eq!(errors[0].field, "aliases");
    assert!(
        errors[0].message.contains("at most 10"),
        "{}",
        errors[0].message
    );
    i.aliases = "x".repeat(41);
    let errors = i.validate(Currency::KES).unwrap_err();
    assert_eq!(errors[0].field, "aliases");
    assert!(errors[0].message.contains("40 characters"));
}

/// The item a valid form makes (no category, barcode or other names).
fn item_of(input: &ItemInput) -> Item {
    let v = input.validate(Currency::KES).unwrap();
    Item {
        id: ItemId::from_uuid(uuid::Uuid::nil()),
        name: v.name,
        description: v.description,
        price: v.price,
        category_id: None,
        kind: v.kind,
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

fn sample_item() -> Item {
    item_of(&input("Unga 2kg", "150"))
}

#[test]
fn an_item_from_elsewhere_is_held_to_the_editors_limits() {
    let mut item = sample_item();
    item.name = "n".repeat(MAX_NAME_CHARS + 50);
    item.description = "é".repeat(MAX_DESCRIPTION_CHARS + 1);
    item.aliases = (0..5000).map(|i| format!("alias {i}")).collect();
    item.aliases.insert(0, "x".repeat(MAX_ALIAS_CHARS + 1));
    item.aliases.insert(1, "  ".into());
    item.hold_to_limits();
    assert_eq!(item.name.chars().count(), MAX_NAME_CHARS);
    assert_eq!(item.description.chars().count(), MAX_DESCRIPTION_CHARS);
    assert_eq!(item.aliases.len(), MAX_ALIASES);
    assert_eq!(item.aliases[0], "alias 0");

    // An item made in the editor is untouched.
    let mut fine = sample_item();
    fine.aliases = vec!["nyanya".into()];
    let before = fine.clone();
    fine.hold_to_limits();
    assert_eq!(fine, before);
}

#[test]
fn an_items_kra_classification_is_ten_digits_or_the_shops() {
    let mut typed = input("Mkate", "60");
    assert_eq!(typed.validate(Currency::KES).unwrap().tax_class, None);
    typed.tax_class = " 5010 1500 00 ".into();
    let valid = typed.validate(Currency::KES).unwrap();
    assert_eq!(valid.tax_class.as_deref(), Some("5010150000"));
    for bad in ["12345", "50101500001", "50101500AB"] {
        typed.tax_class = bad.into();
        let errors = typed.validate(Currency::KES).unwrap_err();
        assert_eq!(errors.len(), 1, "{bad}");
        assert_eq!(errors[0].field, "tax_class");
    }
    // The form shows the item's code again.
    let mut item = sample_item();
    item.tax_class = Some("5010150000".into());
    assert_eq!(ItemInput::from_item(&item).tax_class, "5010150000");
    // From another till, a code that is not one is dropped (the shop's
    // applies); a code that is one stays.
    item.hold_to_limits();
    assert_eq!(item.tax_class.as_deref(), Some("5010150000"));
    item.tax_class = Some("'; DROP".into());
    item.hold_to_limits();
    assert_eq!(item.tax_class, None);
}
