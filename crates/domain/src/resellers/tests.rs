use super::*;

fn kes(shillings: i64) -> Money {
    Money::from_minor(shillings * 100, Currency::KES)
}

fn line(qty: u32, each: i64) -> OrderLine {
    OrderLine {
        item_id: crate::ItemId(uuid::Uuid::nil()),
        name: "Unga".into(),
        unit_price: kes(each),
        qty,
        total: kes(each * i64::from(qty)),
    }
}

#[test]
fn commission_is_a_share_of_the_goods_or_an_amount_a_unit() {
    let lines = [line(2, 210), line(3, 30)];
    let five = CommissionRule::Percent { basis_points: 500 };
    assert_eq!(
        five.on(&lines, Currency::KES),
        Money::from_minor(2_550, Currency::KES)
    );
    let ten = CommissionRule::PerUnit { amount: kes(10) };
    assert_eq!(ten.on(&lines, Currency::KES), kes(50));
    assert_eq!(five.describe(), "5%");
    assert_eq!(
        CommissionRule::Percent { basis_points: 250 }.describe(),
        "2.5%"
    );
    assert_eq!(
        CommissionRule::Percent { basis_points: 1005 }.describe(),
        "10.05%"
    );
}

#[test]
fn the_form_checks_every_field_and_makes_a_code() {
    let input = ResellerInput {
        name: "Amina Hassan".into(),
        phone: "0722 111 222".into(),
        rate: "2.5".into(),
        active: true,
        ..Default::default()
    };
    let (name, phone, code, rule, applies_to) = input
        .validate(Currency::KES, Country::Kenya, 7)
        .expect("valid");
    assert_eq!(
        (name.as_str(), phone.as_str()),
        ("Amina Hassan", "254722111222")
    );
    assert_eq!(code, "AMINAH07");
    assert_eq!(rule, CommissionRule::Percent { basis_points: 250 });
    assert_eq!(applies_to, AppliesTo::Everything);
    let bad = ResellerInput {
        name: " ".into(),
        phone: "12".into(),
        code: "no spaces!".into(),
        rate: "80".into(),
        ..Default::default()
    };
    let fields: Vec<_> = bad
        .validate(Currency::KES, Country::Kenya, 0)
        .expect_err("bad")
        .into_iter()
        .map(|e| e.field)
        .collect();
    assert_eq!(fields, ["name", "phone", "code", "rate"]);
    let per_unit = ResellerInput {
        rule: RuleChoice::PerUnit,
        rate: "10".into(),
        code: "juma5".into(),
        ..input
    };
    let (_, _, code, rule, _) = per_unit
        .validate(Currency::KES, Country::Kenya, 0)
        .expect("valid");
    assert_eq!(code, "JUMA5");
    assert_eq!(rule, CommissionRule::PerUnit { amount: kes(10) });
}

#[test]
fn a_code_is_found_as_a_word_and_taken_out_for_the_bot() {
    let codes = vec!["AMINA10".to_owned(), "JUMA5".to_owned()];
    assert_eq!(
        code_in("Hi Mama Mboga! (mama-mboga) ref AMINA10", &codes),
        Some(&codes[0])
    );
    assert_eq!(code_in("nataka unga, code juma5", &codes), Some(&codes[1]));
    assert_eq!(code_in("AMINA100 or XAMINA10", &codes), None);
    assert_eq!(
        without_code("Hi Mama Mboga! (mama-mboga) ref AMINA10", "AMINA10"),
        "Hi Mama Mboga! (mama-mboga)"
    );
    assert_eq!(without_code("2 unga code amina10", "AMINA10"), "2 unga");
}

#[test]
fn payouts_by_mpesa_need_their_code() {
    let id = ResellerId(uuid::Uuid::nil());
    let input = PayoutInput {
        reseller_id: Some(id),
        amount: "500".into(),
        method: "mpesa".into(),
        receipt: String::new(),
    };
    let e = input.validate(Currency::KES).expect_err("no code");
    assert_eq!(e[0].field, "receipt");
    let cash = PayoutInput {
        method: "cash".into(),
        ..input
    };
    assert_eq!(
        cash.validate(Currency::KES).expect("valid"),
        (id, kes(500), PayoutMethod::Cash, None)
    );
}

#[test]
fn resellers_ask_for_their_figures_in_every_language() {
    use crate::customer::Language;
    for (asked, lang) in [
        ("my sales", Language::En),
        ("Mauzo yangu?", Language::Sw),
        ("mes ventes svp", Language::Fr),
        ("مبيعاتي", Language::Ar),
        ("commission yangu", Language::Sw),
    ] {
        assert_eq!(asks_for_figures(asked), Some(lang), "{asked}");
    }
    assert_eq!(asks_for_figures("2 unga"), None);
    let totals = ResellerTotals {
        orders: 3,
        sales: kes(900),
        pending: kes(20),
        payable: kes(25),
        paid: kes(0),
    };
    let sw = figures_text(crate::customer::Language::Sw, "Amina", &totals);
    assert!(sw.contains("oda 3") && sw.contains("KES 25"), "{sw}");
}

#[test]
fn a_commission_may_cover_one_category_or_one_item() {
    let (veg, bundles) = (
        CategoryId(uuid::Uuid::from_u128(1)),
        CategoryId(uuid::Uuid::from_u128(2)),
    );
    let (sukuma, gb) = (
        ItemId(uuid::Uuid::from_u128(10)),
        ItemId(uuid::Uuid::from_u128(11)),
    );
    for scope in [
        AppliesTo::Everything,
        AppliesTo::Category(bundles),
        AppliesTo::Item(gb),
    ] {
        assert_eq!(AppliesTo::parse(&scope.value()), Some(scope));
    }
    assert_eq!(AppliesTo::parse(""), Some(AppliesTo::Everything));
    assert_eq!(AppliesTo::parse("category:not-an-id"), None);
    assert_eq!(AppliesTo::parse("shelf:1"), None);
    assert!(AppliesTo::Everything.covers(sukuma, Some(veg)));
    assert!(AppliesTo::Category(bundles).covers(gb, Some(bundles)));
    assert!(!AppliesTo::Category(bundles).covers(sukuma, Some(veg)));
    assert!(!AppliesTo::Category(bundles).covers(sukuma, None));
    assert!(AppliesTo::Item(gb).covers(gb, None));
    assert!(!AppliesTo::Item(gb).covers(sukuma, Some(bundles)));
    let input = ResellerInput {
        name: "Amina".into(),
        phone: "0722 111 222".into(),
        rate: "5".into(),
        applies_to: "item:nonsense".into(),
        ..Default::default()
    };
    let fields: Vec<_> = input
        .validate(Currency::KES, Country::Kenya, 0)
        .expect_err("bad scope")
        .into_iter()
        .map(|e| e.field)
        .collect();
    assert_eq!(fields, ["applies_to"]);
    // Bodies written before scopes read as everything, and everything is
    // not written.
    let r = Reseller {
        id: ResellerId(uuid::Uuid::from_u128(5)),
        name: "Amina".into(),
        phone: Some(Msisdn::parse("0722111222", Country::Kenya).expect("phone")),
        code: "AMINA".into(),
        rule: CommissionRule::Percent { basis_points: 500 },
        active: true,
        first_order_only: false,
        applies_to: AppliesTo::Everything,
        erased: false,
    };
    let body = serde_json::to_value(&r).expect("json");
    assert!(body.get("applies_to").is_none());
    assert!(body.get("erased").is_none(), "not erased: not written");
    let scoped = Reseller {
        applies_to: AppliesTo::Category(bundles),
        ..r
    };
    let back: Reseller =
        serde_json::from_str(&serde_json::to_string(&scoped).expect("json")).expect("read");
    assert_eq!(back.applies_to, AppliesTo::Category(bundles));
}

#[test]
fn an_erased_reseller_keeps_nothing_that_names_them() {
    let r = Reseller {
        id: ResellerId(uuid::Uuid::from_u128(0xABCD_EF01_2345)),
        name: "Amina Wanjiru".into(),
        phone: Some(Msisdn::parse("0722111222", Country::Kenya).expect("phone")),
        code: "AMINA10".into(),
        rule: CommissionRule::Percent { basis_points: 500 },
        active: true,
        first_order_only: true,
        applies_to: AppliesTo::Everything,
        erased: false,
    };
    assert!(r.is_valid());
    let gone = r.erased();
    assert!(gone.is_valid());
    assert_eq!(
        (gone.name.as_str(), gone.phone.clone(), gone.active),
        (ERASED_NAME, None, false)
    );
    assert!(!gone.code.contains("AMINA"), "{}", gone.code);
    assert_eq!(
        normalise_code(&gone.code).as_deref(),
        Some(gone.code.as_str())
    );
    // The rule and the id stay: the shop's accounts still add up.
    assert_eq!(
        (gone.id, gone.rule, gone.first_order_only),
        (r.id, r.rule, true)
    );
    let body = serde_json::to_string(&gone).expect("json");
    for kept in ["Amina", "722111222"] {
        assert!(!body.contains(kept), "{kept} in {body}");
    }
    // Half-erased or numberless rows are refused.
    assert!(!Reseller {
        phone: None,
        ..r.clone()
    }
    .is_valid());
    assert!(!Reseller {
        name: "Amina".into(),
        ..gone.clone()
    }
    .is_valid());
    assert!(!Reseller {
        phone: r.phone.clone(),
        ..gone
    }
    .is_valid());
}
