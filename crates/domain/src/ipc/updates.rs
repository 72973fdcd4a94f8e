//! The app's updater (the shell's `commands/updates.rs`).

use super::NoArgs;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The app's updater, as the Settings card shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateStatus {
    /// The running version.
    pub current_version: String,
    /// What the updater is doing or found.
    pub state: UpdateState,
}

/// A newer version offered by the update server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateOffer {
    /// Its version.
    pub version: String,
    /// Its release notes, as published (may be empty).
    pub notes: String,
    /// When it was published, if the server said.
    pub date: Option<DateTime<Utc>>,
}

/// Where the updater stands. The running version keeps working in every
/// state; only [`InstallUpdate`] replaces it, on the merchant's word.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum UpdateState {
    /// No check yet since the app started.
    Idle,
    /// This build cannot update itself; the message says why and what to do.
    NotConfigured {
        /// For people.
        message: String,
    },
    /// Asking the update server.
    Checking,
    /// The server offers nothing newer.
    UpToDate,
    /// The server could not be reached.
    Offline {
        /// For people.
        message: String,
    },
    /// A newer version can be downloaded.
    Available {
        /// The version offered.
        offer: UpdateOffer,
    },
    /// Downloading: bytes so far and, if the server said, in all.
    Downloading {
        /// The version offered.
        offer: UpdateOffer,
        /// Bytes received.
        received: u64,
        /// Bytes in all, when known.
        total: Option<u64>,
    },
    /// Downloaded and its signature checked: ready to install on restart.
    Ready {
        /// The version downloaded.
        offer: UpdateOffer,
    },
    /// The check or download failed; nothing was installed.
    Failed {
        /// For people: what went wrong and what to do.
        message: String,
        /// The offer, when the check had found one (so it can be tried again).
        offer: Option<UpdateOffer>,
    },
}

commands! {
    /// The updater's state (the check at start-up may have run already).
    GetUpdateStatus, "get_update_status", NoArgs => UpdateStatus;
    /// Ask the update server for a newer version.
    CheckForUpdate, "check_for_update", NoArgs => UpdateStatus;
    /// Start downloading the offered version; poll [`GetUpdateStatus`] for progress.
    DownloadUpdate, "download_update", NoArgs => UpdateStatus;
    /// Install the downloaded version and restart. Refused (`Conflict`, with
    /// the reason) while a payment is waiting for its answer.
    InstallUpdate, "install_update", NoArgs => UpdateStatus;
}
