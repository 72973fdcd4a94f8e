use super::*;
use chrono::TimeZone;
use uuid::Uuid;

fn kes(major: i64) -> Money {
    Money::from_major(major, Currency::KES)
}

fn cash_up(counted: i64) -> CashUp {
    CashUp {
        id: CashUpId(Uuid::from_u128(9)),
        till: "Front till".into(),
        from: Utc.with_ymd_and_hms(2026, 12, 5, 5, 0, 0).unwrap(),
        at: Utc.with_ymd_and_hms(2026, 12, 5, 15, 30, 0).unwrap(),
        payments: 12,
        float: kes(500),
        cash_sales: kes(990),
        mpesa: kes(2_300),
        cash_refunds: None,
        counted: kes(counted),
        by: "Amina".into(),
        note: "Gave KES 10 too much change".into(),
    }
}

#[test]
fn the_drawer_should_hold_the_float_and_the_cash_taken() {
    assert_eq!(cash_up(1_490).expected(), kes(1_490));
    assert_eq!(cash_up(1_490).balance(), Balance::Balanced);
    assert_eq!(cash_up(1_480).balance(), Balance::Short(kes(10)));
    assert_eq!(cash_up(1_500).balance(), Balance::Over(kes(10)));
    assert_eq!(cash_up(1_480).balance().words(), "Short by KES 10");
    assert_eq!(cash_up(1_500).balance().words(), "Over by KES 10");
}

#[test]
fn cash_given_back_leaves_the_drawer_and_shows_on_the_z_report() {
    let c = CashUp {
        cash_refunds: Some(kes(120)),
        ..cash_up(1_370)
    };
    assert_eq!(c.expected(), kes(1_370));
    assert_eq!(c.balance(), Balance::Balanced);
    let text: Vec<String> = c
        .rows("Mama Mboga", 3, 32)
        .into_iter()
        .filter_map(|r| match r {
            Row::Text(t) => Some(t),
            _ => None,
        })
        .collect();
    let at = |label: &str| text.iter().position(|l| l.starts_with(label));
    assert!(
        text.contains(&format!("{:<20}{:>12}", "Cash refunds", "-KES 120")),
        "{text:#?}"
    );
    assert!(at("Cash sales") < at("Cash refunds") && at("Cash refunds") < at("Float"));
    assert!(
        text.contains(&format!("{:<19}{:>13}", "Expected cash", "KES 1,370")),
        "{text:#?}"
    );
    // None given back: no line (and the cash-ups counted before refunds
    // read the same).
    let zero = CashUp {
        cash_refunds: Some(kes(0)),
        ..cash_up(1_490)
    };
    assert_eq!(zero.rows("M", 3, 32), cash_up(1_490).rows("M", 3, 32));
}

#[test]
fn the_z_report_on_a_58_mm_roll() {
    let text: Vec<String> = cash_up(1_480)
        .rows("Mama Mboga", 3, 32)
        .into_iter()
        .map(|r| match r {
            Row::Title(t) | Row::Centered(t) | Row::Text(t) | Row::Bold(t) | Row::Qr(t) => t,
            Row::Rule => "-".repeat(32),
        })
        .collect();
    for l in &text {
        assert!(l.chars().count() <= 32, "{l:?}");
    }
    insta::assert_snapshot!(text.join("\n"));
}

#[test]
fn the_form_needs_a_count_and_reads_amounts_as_typed() {
    let ok = CashUpInput {
        float: "".into(),
        counted: "1,480".into(),
        note: String::new(),
    }
    .validate(Currency::KES)
    .expect("valid");
    assert_eq!(ok.float, kes(0));
    assert_eq!(ok.counted, kes(1_480));
    let errors = CashUpInput {
        float: "abc".into(),
        counted: " ".into(),
        note: "x".repeat(501),
    }
    .validate(Currency::KES)
    .expect_err("invalid");
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, vec!["float", "counted", "note"]);
    let zero = CashUpInput {
        counted: "0".into(),
        ..Default::default()
    }
    .validate(Currency::KES)
    .expect("an empty drawer is a count");
    assert_eq!(zero.counted, kes(0));
}
