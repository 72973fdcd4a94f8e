use super::*;
use chrono::TimeZone;
use uuid::Uuid;

fn kes(major: i64) -> Money {
    Money::from_major(major, Currency::KES)
}

fn day(d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, d, 9, 0, 0).unwrap()
}

#[test]
fn repayments_pay_off_the_oldest_sales_first() {
    let sales = [(day(3), kes(300)), (day(1), kes(100)), (day(2), kes(200))];
    assert_eq!(standing(&sales, kes(0)), (kes(600), Some(day(1))));
    assert_eq!(standing(&sales, kes(100)), (kes(500), Some(day(2))));
    assert_eq!(standing(&sales, kes(250)), (kes(350), Some(day(2))));
    assert_eq!(standing(&sales, kes(600)), (kes(0), None));
    assert_eq!(standing(&sales, kes(700)), (kes(-100), None));
    assert_eq!(standing(&[], kes(0)), (kes(0), None));
}

#[test]
fn a_sale_past_the_limit_is_refused_with_what_is_owed() {
    assert_eq!(over_limit("Wanjiru", kes(900), None, kes(5_000)), None);
    assert_eq!(
        over_limit("Wanjiru", kes(900), Some(kes(1_000)), kes(100)),
        None
    );
    let refused = over_limit("Wanjiru", kes(900), Some(kes(1_000)), kes(101))
        .expect("over")
        .to_string();
    assert!(refused.contains("owe KES 900 of KES 1,000"), "{refused}");
    assert!(refused.contains("this sale is KES 101"), "{refused}");
}

#[test]
fn a_repayment_needs_an_amount_and_m_pesa_its_code() {
    let id = CustomerId(Uuid::from_u128(1));
    let cash = RepaymentInput {
        customer_id: id,
        amount: "500".into(),
        method: RepaymentMethod::Cash,
        receipt: String::new(),
    };
    assert_eq!(cash.validate(Currency::KES).expect("cash").amount, kes(500));
    let mpesa = RepaymentInput {
        method: RepaymentMethod::Mpesa,
        receipt: "qft4abc12x".into(),
        ..cash.clone()
    };
    assert_eq!(
        mpesa
            .validate(Currency::KES)
            .expect("mpesa")
            .receipt
            .as_deref(),
        Some("QFT4ABC12X")
    );
    let bad = RepaymentInput {
        amount: "0".into(),
        method: RepaymentMethod::Mpesa,
        receipt: "nope".into(),
        ..cash
    };
    let fields: Vec<String> = bad
        .validate(Currency::KES)
        .expect_err("bad")
        .into_iter()
        .map(|f| f.field)
        .collect();
    assert_eq!(fields, vec!["amount", "receipt"]);
}

#[test]
fn an_empty_limit_is_no_limit() {
    let id = CustomerId(Uuid::from_u128(1));
    let input = |limit: &str| CreditLimitInput {
        customer_id: id,
        limit: limit.into(),
    };
    assert_eq!(input(" ").validate(Currency::KES), Ok(None));
    assert_eq!(input("1,500").validate(Currency::KES), Ok(Some(kes(1_500))));
    assert_eq!(
        input("x").validate(Currency::KES).expect_err("bad")[0].field,
        "limit"
    );
}

#[test]
fn a_reminder_speaks_the_customer_s_language() {
    use crate::customer::Language;
    let en = reminder_text(Language::En, Some("Wanjiru"), "Mama Mboga", kes(340));
    assert_eq!(
        en,
        "Hello Wanjiru, a gentle reminder from Mama Mboga: your balance is KES 340. You can pay at the shop or by M-Pesa. Thank you!"
    );
    let sw = reminder_text(Language::Sw, None, "Mama Mboga", kes(340));
    assert!(sw.starts_with("Habari, ukumbusho"), "{sw}");
    assert!(sw.contains("KES 340"));
    assert!(reminder_text(Language::Fr, None, "Mama Mboga", kes(1)).starts_with("Bonjour,"));
    // In Morocco, in dirhams written the Moroccan way.
    let dh = Money::from_minor(125_050, Currency::MAD);
    let fr = reminder_text(Language::Fr, Some("Amal"), "Épicerie Atlas", dh);
    assert_eq!(
        fr,
        "Bonjour Amal, petit rappel de Épicerie Atlas : il reste 1 250,50 DH à régler. Vous pouvez payer au magasin ou par M-Pesa. Merci !"
    );
    let ar = reminder_text(Language::Ar, Some("Amal"), "Épicerie Atlas", dh);
    assert!(ar.starts_with("مرحبًا Amal، تذكير"), "{ar}");
    assert!(ar.contains("1 250,50 DH"), "{ar}");
}
