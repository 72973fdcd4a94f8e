use super::*;
use dukadesk_domain::Currency;

#[test]
fn percent_change_rounds_half_away_from_zero() {
    assert_eq!(percent_change(112, 100), Some(12));
    assert_eq!(percent_change(95, 100), Some(-5));
    assert_eq!(percent_change(3, 2), Some(50));
    assert_eq!(percent_change(1, 3), Some(-67));
    assert_eq!(percent_change(2, 3), Some(-33));
    assert_eq!(percent_change(1_005, 1_000), Some(1)); // 0.5 rounds up
    assert_eq!(percent_change(995, 1_000), Some(-1));
    assert_eq!(percent_change(0, 100), Some(-100));
    assert_eq!(percent_change(5, 0), None);
    assert_eq!(percent_change(i64::MAX, 1), None); // beyond i64: no figure
}

#[test]
fn change_text_says_which_way_and_against_what() {
    let vs = "vs yesterday";
    assert_eq!(
        change_text(112, 100, vs),
        ("+12% vs yesterday".into(), Trend::Up)
    );
    assert_eq!(
        change_text(95, 100, vs),
        ("\u{2212}5% vs yesterday".into(), Trend::Down)
    );
    assert_eq!(
        change_text(7, 7, vs),
        ("no change vs yesterday".into(), Trend::Flat)
    );
    assert_eq!(
        change_text(0, 0, vs),
        ("no change vs yesterday".into(), Trend::Flat)
    );
    assert_eq!(
        change_text(30, 0, vs),
        ("up from none vs yesterday".into(), Trend::Up)
    );
    assert_eq!(
        change_text(10_001, 10_000, vs),
        ("+<1% vs yesterday".into(), Trend::Up)
    );
    assert_eq!(
        change_text(9_999, 10_000, vs),
        ("\u{2212}<1% vs yesterday".into(), Trend::Down)
    );
}

#[test]
fn hour_labels_are_two_digit_local_hours() {
    assert_eq!(hour_label(0), "00");
    assert_eq!(hour_label(9), "09");
    assert_eq!(hour_label(23), "23");
    let t = Tally {
        orders: 2,
        amount: Money::from_minor(45_000, Currency::KES),
    };
    assert_eq!(hour_title(9, t), "09:00\u{2013}10:00 · 2 orders · KES 450");
    assert_eq!(
        hour_title(23, Tally { orders: 1, ..t }),
        "23:00\u{2013}00:00 · 1 order · KES 450"
    );
}

#[test]
fn bars_scale_to_the_tallest_and_small_ones_still_show() {
    assert_eq!(bar_percent(0, 100), 0);
    assert_eq!(bar_percent(100, 100), 100);
    assert_eq!(bar_percent(50, 100), 50);
    assert_eq!(bar_percent(1, 10_000), 2);
    assert_eq!(bar_percent(5, 0), 0);
}

#[test]
fn ranges_read_as_dates() {
    let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).expect("date");
    assert_eq!(range_text(LocalRange::day(d(3, 11))), "Wed 11 Mar 2026");
    assert_eq!(
        range_text(LocalRange {
            from: d(3, 9),
            to: d(3, 11)
        }),
        "Mon 9 Mar \u{2013} Wed 11 Mar 2026"
    );
    let across = LocalRange {
        from: NaiveDate::from_ymd_opt(2025, 12, 30).expect("date"),
        to: d(1, 2),
    };
    assert_eq!(
        range_text(across),
        "Tue 30 Dec 2025 \u{2013} Fri 2 Jan 2026"
    );
}
