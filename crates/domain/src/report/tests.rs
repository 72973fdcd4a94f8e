use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("date")
}

fn r(from: NaiveDate, to: NaiveDate) -> LocalRange {
    LocalRange { from, to }
}

#[test]
fn presets_resolve_to_local_days_and_their_comparison() {
    // Wednesday 11 March 2026.
    let today = d(2026, 3, 11);
    let table = [
        (
            ReportPeriod::Today,
            r(today, today),
            r(d(2026, 3, 10), d(2026, 3, 10)),
        ),
        (
            ReportPeriod::Yesterday,
            r(d(2026, 3, 10), d(2026, 3, 10)),
            r(d(2026, 3, 9), d(2026, 3, 9)),
        ),
        (
            ReportPeriod::ThisWeek,
            r(d(2026, 3, 9), today),
            r(d(2026, 3, 2), d(2026, 3, 4)),
        ),
        (
            ReportPeriod::ThisMonth,
            r(d(2026, 3, 1), today),
            r(d(2026, 2, 1), d(2026, 2, 11)),
        ),
    ];
    for (period, range, previous) in table {
        assert_eq!(period.resolve(today), Ok((range, previous)), "{period:?}");
    }
}

#[test]
fn a_month_compares_with_the_same_days_cut_at_the_shorter_month() {
    let (range, previous) = ReportPeriod::ThisMonth
        .resolve(d(2026, 3, 31))
        .expect("month");
    assert_eq!(range.days(), 31);
    assert_eq!(previous, r(d(2026, 2, 1), d(2026, 2, 28)));
    // On the 1st: one day against the 1st of the month before; January
    // reaches back into December.
    let (range, previous) = ReportPeriod::ThisMonth
        .resolve(d(2026, 1, 1))
        .expect("month");
    assert_eq!(range, r(d(2026, 1, 1), d(2026, 1, 1)));
    assert_eq!(previous, r(d(2025, 12, 1), d(2025, 12, 1)));
}

#[test]
fn a_week_starts_on_monday() {
    // Sunday 15 March 2026: Monday 9th to today.
    let (range, _) = ReportPeriod::ThisWeek
        .resolve(d(2026, 3, 15))
        .expect("week");
    assert_eq!(range, r(d(2026, 3, 9), d(2026, 3, 15)));
    let (range, _) = ReportPeriod::ThisWeek.resolve(d(2026, 3, 9)).expect("week");
    assert_eq!(range, r(d(2026, 3, 9), d(2026, 3, 9)));
}

#[test]
fn a_custom_range_compares_with_as_many_days_before() {
    let period = ReportPeriod::Custom {
        from: d(2026, 2, 27),
        to: d(2026, 3, 2),
    };
    let (range, previous) = period.resolve(d(2026, 3, 11)).expect("custom");
    assert_eq!(range.days(), 4);
    assert_eq!(previous, r(d(2026, 2, 23), d(2026, 2, 26)));
    assert_eq!(period.comparison(range), "vs the 4 days before");
}

#[test]
fn a_backwards_or_too_long_custom_range_is_refused_at_the_end_field() {
    let back = ReportPeriod::Custom {
        from: d(2026, 3, 2),
        to: d(2026, 3, 1),
    };
    let err = back.resolve(d(2026, 3, 11)).expect_err("backwards");
    assert_eq!(err[0].field, "to");
    let long = ReportPeriod::Custom {
        from: d(2025, 1, 1),
        to: d(2026, 1, 2),
    };
    assert!(long.resolve(d(2026, 3, 11)).is_err());
    let year = ReportPeriod::Custom {
        from: d(2025, 1, 1),
        to: d(2026, 1, 1),
    };
    assert_eq!(
        year.resolve(d(2026, 3, 11)).expect("366 days").0.days(),
        366
    );
}

#[test]
fn local_days_begin_at_local_midnight() {
    // Nairobi, UTC+3: the 11th starts at 21:00 UTC on the 10th.
    let (start, end) = LocalRange::day(d(2026, 3, 11)).utc_bounds(3);
    assert_eq!(start.to_rfc3339(), "2026-03-10T21:00:00+00:00");
    assert_eq!(end.to_rfc3339(), "2026-03-11T21:00:00+00:00");
    // 22:30 UTC on the 10th is 01:30 on the 11th in Nairobi.
    let late = Utc.with_ymd_and_hms(2026, 3, 10, 22, 30, 0).unwrap();
    assert_eq!(local_today(late, 3), d(2026, 3, 11));
    assert_eq!(local_today(late, 1), d(2026, 3, 10));
}

#[test]
fn the_sale_rule_follows_the_order_machine() {
    use OrderStatus as S;
    for status in OrderStatus::ALL {
        let sale = counts_as_sale(status);
        let waiting = awaits_payment(status);
        // Exactly one of sale, waiting, cancelled.
        assert_eq!(
            u8::from(sale) + u8::from(waiting) + u8::from(status == S::Cancelled),
            1,
            "{status:?}"
        );
        // A sale is an order whose money has been received (rank 2 and up),
        // unless it was cancelled.
        assert_eq!(sale, status.rank() >= 2 && status != S::Cancelled);
    }
    assert!(!counts_in_sales(OrderChannel::TestChat));
    assert!(counts_in_sales(OrderChannel::WhatsApp));
}

#[test]
fn payment_methods_group_into_kinds() {
    assert_eq!(
        SalesPaymentKind::of(Some(PaymentMethod::MpesaDaraja)),
        SalesPaymentKind::MpesaPrompt
    );
    assert_eq!(
        SalesPaymentKind::of(Some(PaymentMethod::MpesaIntaSend)),
        SalesPaymentKind::MpesaPrompt
    );
    assert_eq!(
        SalesPaymentKind::of(Some(PaymentMethod::MpesaManual)),
        SalesPaymentKind::MpesaManual
    );
    assert_eq!(
        SalesPaymentKind::of(Some(PaymentMethod::Cash)),
        SalesPaymentKind::Cash
    );
    assert_eq!(
        SalesPaymentKind::of(Some(PaymentMethod::Credit)),
        SalesPaymentKind::Credit
    );
    assert_eq!(SalesPaymentKind::of(None), SalesPaymentKind::NotRecorded);
}

#[test]
fn the_average_order_rounds_to_the_nearest_cent() {
    let t = Tally {
        orders: 3,
        amount: Money::from_minor(1_000, Currency::KES),
    };
    assert_eq!(t.average(), Some(Money::from_minor(333, Currency::KES)));
    let t = Tally {
        orders: 3,
        amount: Money::from_minor(1_001, Currency::KES),
    };
    assert_eq!(t.average(), Some(Money::from_minor(334, Currency::KES)));
    assert_eq!(Tally::zero(Currency::KES).average(), None);
}
