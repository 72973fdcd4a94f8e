//! The hosted backend: enrolment, sync state and who runs the WhatsApp bot
//! (the shell's `commands/hosted.rs`).

use super::NoArgs;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Where hosted sync stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SyncStateView {
    /// No hosted backend set up: this till works on its own.
    NotConnected,
    /// Logging in.
    Connecting,
    /// Connected; changes go up and come down as they happen.
    Online,
    /// The server cannot be reached; the till keeps working and retries.
    Offline {
        /// Why, in plain words.
        error: String,
        /// Next try.
        retry_at: DateTime<Utc>,
    },
    /// Someone must act (login refused, app too old for the server).
    NeedsAttention {
        /// What happened and what to do.
        error: String,
    },
}

/// A change the hosted database refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefusedChange {
    /// What it was ("payment", "order").
    pub what: String,
    /// The server's reason.
    pub reason: String,
}

/// Which till runs the shop's WhatsApp bot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BotHostView {
    /// The till's label.
    pub till_label: String,
    /// Held until (renewed while that till runs).
    pub expires_at: DateTime<Utc>,
    /// Whether that is this till.
    pub this_till: bool,
}

/// Settings -> Hosted backend.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostedStatus {
    /// Whether this till is enrolled.
    pub connected: bool,
    /// The shop's name on the server.
    pub shop_name: String,
    /// This till's label.
    pub till_label: String,
    /// The last digit of this till's order numbers.
    pub till_digit: u8,
    /// The server.
    pub host: String,
    /// Sync state.
    pub state: SyncStateView,
    /// Changes made here not yet on the server.
    pub pending_changes: i64,
    /// Last time changes went up or came down.
    pub last_synced_at: Option<DateTime<Utc>>,
    /// Changes the server refused (newest first).
    pub refused: Vec<RefusedChange>,
    /// Who runs the WhatsApp bot, as last seen.
    pub bot_host: Option<BotHostView>,
    /// Whether this till offers to run the bot.
    pub runs_bot_here: bool,
}

/// Connect this till with an enrolment string.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ConnectHosted {
    /// The string printed by `dukadesk-server enrol-device`.
    pub enrolment: String,
}

/// Offer (or stop offering) to run the WhatsApp bot on this till.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct SetBotHost {
    /// True: take the bot when it is free (or its holder's lease expired).
    pub wanted: bool,
}

/// What leaving the hosted backend did (the Disconnect window's result).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostedLeft {
    /// The backend's state afterwards (not connected).
    pub status: HostedStatus,
    /// Whether the server was reached to give up the WhatsApp bot lease
    /// (else the lease runs out by itself).
    pub server_told: bool,
    /// Changes made here that never reached the server; they stay on this
    /// till and go up if it is connected to the same shop again.
    pub unsent_changes: i64,
}

commands! {
    /// Hosted backend and sync state.
    GetHostedStatus, "get_hosted_status", NoArgs => HostedStatus;
    /// Enrol this till (tests the connection, keeps the password secret).
    ConnectHostedCmd, "connect_hosted", ConnectHosted => HostedStatus;
    /// Stop syncing and forget the connection (local data stays). The
    /// Disconnect window only.
    DisconnectHosted, "disconnect_hosted", NoArgs => HostedLeft;
    /// Sync now instead of waiting.
    SyncNow, "sync_now", NoArgs => HostedStatus;
    /// Offer to run the WhatsApp bot here, or not.
    SetBotHostCmd, "set_bot_host", SetBotHost => HostedStatus;
}
