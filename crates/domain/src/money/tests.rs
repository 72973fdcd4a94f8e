use super::*;
use proptest::prelude::*;

#[test]
fn parses_what_people_type() {
    let k = Currency::KES;
    assert_eq!(Money::parse("250", k).unwrap().minor, 25_000);
    assert_eq!(Money::parse("1,250", k).unwrap().minor, 125_000);
    assert_eq!(Money::parse(" 99.5 ", k).unwrap().minor, 9_950);
    assert_eq!(Money::parse("KES 300", k).unwrap().minor, 30_000);
    assert_eq!(Money::parse("Ksh. 300", k).unwrap().minor, 30_000);
    assert_eq!(Money::parse(".75", k).unwrap().minor, 75);
    assert_eq!(Money::parse("", k), Err(MoneyError::Empty));
    assert_eq!(Money::parse("-5", k), Err(MoneyError::Negative));
    assert_eq!(Money::parse("1.234", k), Err(MoneyError::TooManyDecimals));
    assert!(matches!(
        Money::parse("abc", k),
        Err(MoneyError::NotANumber(_))
    ));
    assert!(matches!(
        Money::parse(".", k),
        Err(MoneyError::NotANumber(_))
    ));
    assert_eq!(Money::parse("99999999999999", k), Err(MoneyError::TooLarge));
}

#[test]
fn prints_like_a_receipt() {
    assert_eq!(
        Money::from_minor(125_000, Currency::KES).to_string(),
        "KES 1,250"
    );
    assert_eq!(
        Money::from_minor(9_950, Currency::KES).to_string(),
        "KES 99.50"
    );
    assert_eq!(Money::from_minor(5, Currency::MAD).to_string(), "MAD 0.05");
    assert_eq!(
        Money::from_minor(12_345_678_900, Currency::KES).amount_text(),
        "123,456,789"
    );
}

#[test]
fn local_text_writes_dirhams_the_moroccan_way() {
    let mad = |minor| Money::from_minor(minor, Currency::MAD).local_text();
    assert_eq!(mad(125_000), "1 250 DH");
    assert_eq!(mad(125_050), "1 250,50 DH");
    assert_eq!(mad(9_950), "99,50 DH");
    assert_eq!(mad(5), "0,05 DH");
    assert_eq!(mad(0), "0 DH");
    assert_eq!(mad(12_345_678_900), "123 456 789 DH");
    assert_eq!(mad(-125_000), "-1 250 DH");
    // Receipts and forms keep the code in front.
    assert_eq!(
        Money::from_minor(125_050, Currency::MAD).to_string(),
        "MAD 1,250.50"
    );
}

#[test]
fn local_text_leaves_shillings_as_they_were() {
    for (minor, text) in [
        (125_000, "KES 1,250"),
        (125_050, "KES 1,250.50"),
        (9_950, "KES 99.50"),
        (0, "KES 0"),
        (12_345_678_900, "KES 123,456,789"),
    ] {
        let m = Money::from_minor(minor, Currency::KES);
        assert_eq!(m.local_text(), text);
        assert_eq!(m.local_text(), m.to_string());
    }
}

#[test]
fn mpesa_amount_rounds_up_to_whole_shillings() {
    assert_eq!(
        Money::from_minor(9_950, Currency::KES).whole_major_ceil(),
        100
    );
    assert_eq!(
        Money::from_minor(10_000, Currency::KES).whole_major_ceil(),
        100
    );
    assert_eq!(Money::from_minor(0, Currency::KES).whole_major_ceil(), 0);
}

#[test]
fn refuses_to_mix_currencies() {
    let a = Money::from_major(1, Currency::KES);
    let b = Money::from_major(1, Currency::MAD);
    assert!(matches!(
        a.checked_add(b),
        Err(MoneyError::CurrencyMismatch(..))
    ));
}

proptest! {
    #[test]
    fn printed_amounts_parse_back(minor in 0i64..MAX_MINOR) {
        let m = Money::from_minor(minor, Currency::KES);
        prop_assert_eq!(Money::parse(&m.to_string(), Currency::KES), Ok(m));
    }

    #[test]
    fn parse_never_panics(s in "\\PC{0,30}") {
        let _ = Money::parse(&s, Currency::KES);
    }
}
