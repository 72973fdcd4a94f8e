use super::*;
use dukadesk_domain::ipc::SyncStateView;

/// A connected till with `pending` changes waiting, in `state`.
pub(crate) fn connected(state: SyncStateView, pending: i64) -> HostedStatus {
    HostedStatus {
        connected: true,
        shop_name: "Mama Mboga".into(),
        till_label: "Counter".into(),
        till_digit: 2,
        host: "db.example.com".into(),
        state,
        pending_changes: pending,
        last_synced_at: None,
        refused: Vec::new(),
        bot_host: None,
        runs_bot_here: false,
    }
}

/// A till that was never connected.
pub(crate) fn not_connected() -> HostedStatus {
    HostedStatus {
        connected: false,
        shop_name: String::new(),
        till_label: String::new(),
        till_digit: 0,
        host: String::new(),
        state: SyncStateView::NotConnected,
        pending_changes: 3,
        last_synced_at: None,
        refused: Vec::new(),
        bot_host: None,
        runs_bot_here: false,
    }
}

#[test]
fn an_older_answer_never_replaces_a_newer_one() {
    let mut feed = HostedFeed::default();
    feed.apply(HostedAction::Loaded(2, connected(SyncStateView::Online, 0)));
    feed.apply(HostedAction::Loaded(1, not_connected()));
    assert!(feed.status.as_ref().is_some_and(|s| s.connected));
    feed.apply(HostedAction::Failed(1, "late".into()));
    assert_eq!(feed.error, None);
}

#[test]
fn a_failure_keeps_the_last_status_until_one_arrives() {
    let mut feed = HostedFeed::default();
    feed.apply(HostedAction::Loaded(1, connected(SyncStateView::Online, 0)));
    feed.apply(HostedAction::Failed(2, "The app did not answer.".into()));
    assert!(feed.status.is_some());
    assert_eq!(feed.error.as_deref(), Some("The app did not answer."));
    feed.apply(HostedAction::Loaded(3, connected(SyncStateView::Online, 1)));
    assert_eq!(feed.error, None);
    assert_eq!(feed.status.as_ref().map(|s| s.pending_changes), Some(1));
}

#[test]
fn the_same_status_again_renders_nothing() {
    let first = Rc::new(HostedFeed::default())
        .reduce(HostedAction::Loaded(1, connected(SyncStateView::Online, 0)));
    let again = first
        .clone()
        .reduce(HostedAction::Loaded(2, connected(SyncStateView::Online, 0)));
    assert!(Rc::ptr_eq(&first, &again));
    // It still counts as shown: an answer to an older request is dropped.
    let older = again
        .clone()
        .reduce(HostedAction::Loaded(1, not_connected()));
    assert!(Rc::ptr_eq(&again, &older));
}
