//! Hosted statuses for the tests of the components that show them.

use dukadesk_domain::ipc::{HostedStatus, SyncStateView};

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
