use super::*;
use crate::money::{Currency, Money};
use crate::report::{LocalRange, ReportPeriod, SalesPaymentKind};
use crate::ItemId;

fn kes(shillings: i64) -> Money {
    Money::from_minor(shillings * 100, Currency::KES)
}

fn tally(orders: i64, shillings: i64) -> Tally {
    Tally {
        orders,
        amount: kes(shillings),
    }
}

fn report(day: NaiveDate) -> SalesReport {
    let item = |name: &str, qty, shillings| ItemSales {
        item_id: ItemId(uuid::Uuid::nil()),
        name: name.into(),
        qty,
        revenue: kes(shillings),
    };
    SalesReport {
        by_reseller: Vec::new(),
        refunds: tally(0, 0),
        period: ReportPeriod::Today,
        range: LocalRange::day(day),
        previous_range: LocalRange::day(day.pred_opt().expect("day before")),
        comparison: "vs yesterday".into(),
        sales: tally(23, 12_340),
        previous: tally(19, 10_100),
        awaiting_payment: tally(1, 300),
        cancelled: tally(2, 500),
        cancelled_after_payment: tally(1, 200),
        test_orders: 4,
        by_payment: vec![
            PaymentSplit {
                kind: SalesPaymentKind::MpesaPrompt,
                sales: tally(10, 6_000),
            },
            PaymentSplit {
                kind: SalesPaymentKind::MpesaManual,
                sales: tally(3, 2_340),
            },
            PaymentSplit {
                kind: SalesPaymentKind::Cash,
                sales: tally(10, 4_000),
            },
            PaymentSplit {
                kind: SalesPaymentKind::Credit,
                sales: tally(0, 0),
            },
        ],
        by_channel: Vec::new(),
        top_by_qty: Vec::new(),
        top_by_revenue: vec![
            item("Unga 2kg", 12, 2_400),
            item("Sukuma wiki", 40, 800),
            item("Maziwa", 10, 600),
            item("Chumvi", 5, 100),
        ],
        by_hour: Vec::new(),
    }
}

fn low() -> Vec<LowLine> {
    vec![
        LowLine {
            name: "Sukari 1kg".into(),
            left: 2,
        },
        LowLine {
            name: "Unga 2kg".into(),
            left: 0,
        },
    ]
}

/// A Monday: 6 December 2027 is one.
fn monday() -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 12, 6).expect("date")
}

#[test]
fn the_owner_reads_the_day_in_one_message() {
    let s = DaySummary::new("Mama Njeri", &report(monday()), low(), 2);
    assert_eq!(
        s.text(Language::En),
        "*Mama Njeri* · Monday 06/12/2027\n\
         Sales: KES 12,340 (23 orders; yesterday KES 10,100)\n\
         M-Pesa KES 8,340 · Cash KES 4,000\n\
         Best sellers: Unga 2kg ×12 (KES 2,400), Sukuma wiki ×40 (KES 800), Maziwa ×10 (KES 600)\n\
         Running low: Unga 2kg (0 left), Sukari 1kg (2 left)\n\
         To check: M-Pesa payments to settle: 2; orders waiting for payment: 1; cancelled after payment: 1 (KES 200)"
    );
    assert!(!s.is_quiet());
}

#[test]
fn a_kiswahili_owner_reads_it_in_kiswahili() {
    let s = DaySummary::new("Mama Njeri", &report(monday()), low(), 0);
    let text = s.text(Language::Sw);
    assert!(text.contains("Jumatatu 06/12/2027"), "{text}");
    assert!(
        text.contains("Mauzo: KES 12,340 (23 oda; jana KES 10,100)"),
        "{text}"
    );
    assert!(text.contains("Taslimu KES 4,000"), "{text}");
    assert!(
        text.contains("Vinavyokaribia kuisha: Unga 2kg (0 vimebaki)"),
        "{text}"
    );
    assert!(
        !text.contains("Sales") && !text.contains("Monday"),
        "{text}"
    );
}

#[test]
fn a_moroccan_owner_reads_it_in_french_or_arabic_in_dirhams() {
    // The same day in a dirham shop: amounts written the Moroccan way.
    let mut r = report(monday());
    let mad = |m: Money| Money::from_minor(m.minor, Currency::MAD);
    for t in [
        &mut r.sales,
        &mut r.previous,
        &mut r.cancelled_after_payment,
    ] {
        t.amount = mad(t.amount);
    }
    for p in &mut r.by_payment {
        p.sales.amount = mad(p.sales.amount);
    }
    for i in &mut r.top_by_revenue {
        i.revenue = mad(i.revenue);
    }
    let s = DaySummary::new("Épicerie Amal", &r, low(), 2);
    let fr = s.text(Language::Fr);
    assert!(fr.contains("lundi 06/12/2027"), "{fr}");
    assert!(
        fr.contains("Ventes : 12 340 DH (23 commandes; hier 10 100 DH)"),
        "{fr}"
    );
    assert!(fr.contains("Espèces 4 000 DH"), "{fr}");
    assert!(fr.contains("Stock bas : Unga 2kg (0 en stock)"), "{fr}");
    assert!(
        fr.contains("À vérifier : paiements M-Pesa à régler : 2"),
        "{fr}"
    );
    assert!(!fr.contains("Sales") && !fr.contains("MAD"), "{fr}");

    let ar = s.text(Language::Ar);
    assert!(ar.contains("الاثنين 06/12/2027"), "{ar}");
    assert!(
        ar.contains("المبيعات: 12 340 DH (23 طلبات; أمس 10 100 DH)"),
        "{ar}"
    );
    assert!(ar.contains("نقدًا 4 000 DH"), "{ar}");
    assert!(ar.contains("مخزون منخفض: Unga 2kg (0 متبقية)"), "{ar}");
    assert!(!ar.contains("Sales") && !ar.contains("Monday"), "{ar}");
    assert_ne!(fr, s.text(Language::En));
    assert_ne!(ar, s.text(Language::En));
}

#[test]
fn a_quiet_closed_day_has_nothing_to_tell() {
    let mut r = report(monday());
    r.sales = tally(0, 0);
    r.awaiting_payment = tally(0, 0);
    r.cancelled_after_payment = tally(0, 0);
    r.by_payment.iter_mut().for_each(|p| p.sales = tally(0, 0));
    r.top_by_revenue.clear();
    let s = DaySummary::new("Duka", &r, Vec::new(), 0);
    assert!(s.is_quiet());
    assert!(
        s.text(Language::En).ends_with("No sales today."),
        "{}",
        s.text(Language::En)
    );
    let mut busy = s.clone();
    busy.to_settle = 1;
    assert!(!busy.is_quiet(), "a payment to settle is worth a message");
}

#[test]
fn it_is_due_at_closing_time_or_eight_on_a_closed_day() {
    let hours = OpeningHours::default();
    let due = due_at(&hours, monday());
    assert_eq!(due, monday().and_hms_opt(20, 0, 0).expect("time"));
    let mut early = hours.clone();
    early.days[0] = Some(crate::shop::DayHours {
        open: NaiveTime::from_hms_opt(7, 0, 0).expect("t"),
        close: NaiveTime::from_hms_opt(18, 30, 0).expect("t"),
    });
    assert_eq!(
        due_at(&early, monday()).time(),
        NaiveTime::from_hms_opt(18, 30, 0).expect("t")
    );
    let sunday = monday() - chrono::Duration::days(1);
    assert_eq!(
        due_at(&hours, sunday).time(),
        NaiveTime::from_hms_opt(20, 0, 0).expect("t"),
        "closed on Sundays by default: 20:00"
    );
}

#[test]
fn many_low_items_are_counted_not_listed() {
    let many: Vec<LowLine> = (0..8)
        .map(|n| LowLine {
            name: format!("Item {n}"),
            left: n,
        })
        .collect();
    let text = DaySummary::new("Duka", &report(monday()), many, 0).text(Language::En);
    assert!(text.contains("Item 4 (4 left), +3"), "{text}");
    assert!(!text.contains("Item 5"), "{text}");
}

#[test]
fn money_given_back_is_told_with_what_the_day_kept() {
    let mut r = report(monday());
    r.refunds = tally(2, 340);
    let s = DaySummary::new("Mama Njeri", &r, Vec::new(), 0);
    let text = s.text(Language::En);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[2], "Given back: -KES 340 (2) · net sales KES 12,000",
        "{text}"
    );
    assert!(s
        .text(Language::Sw)
        .contains("Zilizorudishwa: -KES 340 (2) · mauzo halisi KES 12,000"));
    // None given back: no line.
    let quiet = DaySummary::new("Mama Njeri", &report(monday()), Vec::new(), 0);
    assert!(!quiet.text(Language::En).contains("Given back"));
}
