use super::*;
use chrono::TimeZone;

fn at(secs: i64) -> DateTime<Utc> {
    Utc.timestamp_opt(1_800_000_000 + secs, 0).unwrap()
}

#[test]
fn connect_waits_for_a_string_and_for_the_last_try() {
    assert!(!can_connect("", false));
    assert!(!can_connect(" \n\t", false));
    assert!(!can_connect("DKE1.abc", true));
    assert!(can_connect("\nDKE1.abc\n", false));
}

#[test]
fn each_state_has_its_own_chip() {
    let offline = SyncStateView::Offline {
        error: "down".into(),
        retry_at: at(0),
    };
    let attention = SyncStateView::NeedsAttention {
        error: "refused".into(),
    };
    assert_eq!(chip(&SyncStateView::Online), ("ok", "Online".to_owned()));
    assert_eq!(
        chip(&SyncStateView::Connecting),
        ("busy", "Connecting".to_owned())
    );
    assert_eq!(chip(&offline), ("warn", "Offline".to_owned()));
    assert_eq!(chip(&attention), ("bad", "Needs attention".to_owned()));
}

#[test]
fn waiting_changes_are_counted_in_words() {
    assert_eq!(waiting_text(0), "Up to date");
    assert_eq!(waiting_text(1), "1 change waiting");
    assert_eq!(waiting_text(12), "12 changes waiting");
}

#[test]
fn the_next_try_counts_down_to_now() {
    assert_eq!(retry_text(at(30), at(0)), "next try in 30s");
    assert_eq!(retry_text(at(30), at(29)), "next try in 1s");
    assert_eq!(retry_text(at(30), at(30)), "next try now");
    assert_eq!(retry_text(at(30), at(90)), "next try now");
}

#[test]
fn the_bot_host_names_the_till_and_its_lease() {
    let until = |_: DateTime<Utc>| "14:05".to_owned();
    assert_eq!(bot_host_text(None, until), "no till yet");
    let mut bot = BotHostView {
        till_label: "Counter".into(),
        expires_at: at(60),
        this_till: true,
    };
    assert_eq!(bot_host_text(Some(&bot), until), "Counter (this till)");
    bot.this_till = false;
    bot.till_label = "Back office".into();
    assert_eq!(bot_host_text(Some(&bot), until), "Back office, until 14:05");
}
