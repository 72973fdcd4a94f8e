use super::*;
use crate::components::hosted_feed::tests::{connected, not_connected};
use chrono::DateTime;

#[test]
fn nothing_shows_while_the_till_works_on_its_own() {
    assert_eq!(indication(&not_connected()), None);
}

#[test]
fn online_says_synced_or_how_many_changes_wait() {
    let synced = indication(&connected(SyncStateView::Online, 0)).expect("shown");
    assert_eq!((synced.class, synced.label.as_str()), ("ok", "Synced"));
    let waiting = indication(&connected(SyncStateView::Online, 4)).expect("shown");
    assert_eq!(
        (waiting.class, waiting.label.as_str()),
        ("busy", "4 waiting")
    );
}

#[test]
fn problems_are_coloured_and_carry_the_error_in_the_tooltip() {
    let offline = indication(&connected(
        SyncStateView::Offline {
            error: "The hosted database cannot be reached.".into(),
            retry_at: DateTime::from_timestamp(1_800_000_000, 0).expect("time"),
        },
        2,
    ))
    .expect("shown");
    assert_eq!((offline.class, offline.label.as_str()), ("warn", "Offline"));
    assert_eq!(offline.title, "The hosted database cannot be reached.");
    let attention = indication(&connected(
        SyncStateView::NeedsAttention {
            error: "Update DukaDesk on this till.".into(),
        },
        0,
    ))
    .expect("shown");
    assert_eq!(
        (attention.class, attention.label.as_str()),
        ("bad", "Sync needs attention")
    );
    assert_eq!(attention.title, "Update DukaDesk on this till.");
}

#[test]
fn the_indicator_speaks_the_screens_language_and_counts_in_words() {
    let waiting = indication(&connected(SyncStateView::Online, 1)).expect("shown");
    assert!(
        waiting.title.starts_with("One change waiting to go to "),
        "{}",
        waiting.title
    );
    crate::i18n::set_language(dukadesk_domain::customer::Language::Sw);
    let synced = indication(&connected(SyncStateView::Online, 0)).expect("shown");
    let waiting = indication(&connected(SyncStateView::Online, 3)).expect("shown");
    crate::i18n::set_language(dukadesk_domain::customer::Language::En);
    assert_eq!(synced.label, "Imesawazishwa");
    assert_eq!(waiting.label, "3 zinasubiri");
    assert!(
        waiting.title.starts_with("Mabadiliko 3 "),
        "{}",
        waiting.title
    );
}
