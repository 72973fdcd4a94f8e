use super::*;

#[test]
fn recent_times_read_as_how_long_ago() {
    assert_eq!(ago_text(Duration::seconds(0)).as_deref(), Some("just now"));
    assert_eq!(ago_text(Duration::seconds(-3)).as_deref(), Some("just now"));
    assert_eq!(ago_text(Duration::seconds(12)).as_deref(), Some("12 s ago"));
    assert_eq!(
        ago_text(Duration::seconds(61)).as_deref(),
        Some("1 min ago")
    );
    assert_eq!(
        ago_text(Duration::minutes(59)).as_deref(),
        Some("59 min ago")
    );
    assert_eq!(ago_text(Duration::hours(5)).as_deref(), Some("5 h ago"));
}

#[test]
fn a_day_or_more_and_the_future_fall_back_to_the_date() {
    assert_eq!(ago_text(Duration::hours(24)), None);
    assert_eq!(ago_text(Duration::days(40)), None);
    assert_eq!(ago_text(Duration::seconds(-30)), None);
}
