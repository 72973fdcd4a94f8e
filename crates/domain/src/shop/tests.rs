use super::*;
use chrono::NaiveDate;

fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d)
        .and_then(|d| d.and_hms_opt(h, min, 0))
        .expect("valid date")
}

#[test]
fn shop_code_suggestion_and_validation() {
    assert_eq!(ShopCode::suggest("Mama Mboga's Fresh"), "mama-mbogas-fresh");
    assert_eq!(ShopCode::suggest("  --Duka  la  Juma-- "), "duka-la-juma");
    assert!(ShopCode::parse("ab").is_err());
    assert!(ShopCode::parse("duka juma").is_err());
    assert!(ShopCode::parse("-duka").is_err());
    assert_eq!(ShopCode::parse(" Duka-1 ").unwrap().as_str(), "duka-1");
}

#[test]
fn setup_form_errors_name_their_field() {
    let input = ShopInput::default();
    let errors = input.validate().unwrap_err();
    assert!(errors.iter().any(|e| e.field == "name"));
    let ok = ShopInput {
        name: "Duka la Juma".into(),
        ..Default::default()
    }
    .validate()
    .unwrap();
    assert_eq!(ok.code.as_str(), "duka-la-juma");
    let bad_code = ShopInput {
        name: "Duka".into(),
        code: "no spaces".into(),
        ..Default::default()
    };
    assert_eq!(bad_code.validate().unwrap_err()[0].field, "code");
}

#[test]
fn opening_hours() {
    let hours = OpeningHours::default();
    // 2026-11-23 is a Monday.
    assert!(hours.is_open(at(2026, 11, 23, 9, 0)));
    assert!(!hours.is_open(at(2026, 11, 23, 7, 59)));
    assert!(!hours.is_open(at(2026, 11, 23, 20, 0)));
    assert_eq!(
        hours.next_opening(at(2026, 11, 23, 21, 0)),
        Some(at(2026, 11, 24, 8, 0))
    );
    // Saturday evening: closed Sunday, so Monday morning.
    assert_eq!(
        hours.next_opening(at(2026, 11, 28, 21, 0)),
        Some(at(2026, 11, 30, 8, 0))
    );
    let never = OpeningHours { days: [None; 7] };
    assert_eq!(never.next_opening(at(2026, 11, 23, 9, 0)), None);
    assert!(OpeningHours::always().is_open(at(2026, 11, 29, 3, 0)));
}

#[test]
fn zone_validation() {
    let id = ZoneId::from_uuid(uuid::Uuid::nil());
    let z = ZoneInput {
        id: None,
        name: "CBD".into(),
        fee: "150".into(),
        active: true,
    }
    .validate(id, Currency::KES)
    .unwrap();
    assert_eq!(z.fee.minor, 15_000);
    let e = ZoneInput {
        id: None,
        name: "".into(),
        fee: "x".into(),
        active: true,
    }
    .validate(id, Currency::KES)
    .unwrap_err();
    assert_eq!(e.len(), 2);
}

#[test]
fn hours_form_round_trips_and_refuses_bad_times() {
    let form = HoursInput::from_hours(&OpeningHours::default(), true);
    assert_eq!(form.days.len(), 7);
    assert!(!form.days[6].open);
    assert_eq!(form.validate().unwrap(), OpeningHours::default());
    let mut bad = form.clone();
    bad.days[0].to = "07:00".into();
    bad.days[2].from = "8am".into();
    let errors = bad.validate().unwrap_err();
    assert_eq!(
        errors.iter().map(|e| e.field.as_str()).collect::<Vec<_>>(),
        ["day0", "day2"]
    );
    assert!(errors[0].message.contains("Monday"));
    let mut sunday = form;
    sunday.days[6] = DayInput {
        open: true,
        from: "10:00".into(),
        to: "14:00".into(),
    };
    let hours = sunday.validate().unwrap();
    assert!(hours.is_open(at(2026, 11, 29, 11, 0)));
    assert!(HoursInput {
        days: vec![],
        orders_when_closed: false
    }
    .validate()
    .is_err());
}

#[test]
fn the_customer_link_carries_a_greeting_with_the_shop_code() {
    let shop = Shop {
        id: crate::ShopId(uuid::Uuid::from_u128(1)),
        name: "Duka la Mama & Sons".into(),
        code: ShopCode::parse("duka-la-mama").unwrap(),
        business_type: BusinessType::Grocery,
        currency: crate::Currency::KES,
        country: crate::Country::Kenya,
        hours: OpeningHours::default(),
        orders_when_closed: false,
    };
    let number = Msisdn::parse("0712 345 678", crate::Country::Kenya).unwrap();
    assert_eq!(
        shop.customer_link(&number),
        "https://wa.me/254712345678?text=Hi%20Duka%20la%20Mama%20%26%20Sons%21%20%28duka%2Dla%2Dmama%29"
    );
}
