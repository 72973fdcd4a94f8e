//! Hosted sync: every till of a shop shares its data through the DukaDesk
//! server (`crates/server`), which alone talks to the hosted PostgreSQL
//! (`migrations/hosted/`). Tills are offline first and hold no database
//! login, only a credential for the server.
//!
//! - `admin`: provisioning (migrate, shops, enrolling and revoking tills),
//!   used by `dukadesk-server`'s admin subcommands.
//! - `purge`: hosted retention, deleting orders past a shop's retention
//!   period (`dukadesk-server purge`).
//! - `protocol`: the `/v1` wire types between tills and the server, the
//!   enrolment string (`DKS1.`) and credential helpers.
//! - `http`: the till's client of the server.
//! - `remote`: what the worker needs of the other side (the client).
//! - `check`: what another till's change must look like before the server
//!   stores it or a till applies it.
//! - `hosted`: the SQL the server runs for a till (upload a batch, pull
//!   changes, the bot lease) inside the transaction it began for the shop.
//! - `local`: the store's side: outbox batches, applying pulled changes with
//!   the conflict rules, the pull cursor.
//! - `worker`: the background task that keeps both in step.
//!
//! Conflict rules (the same on the server and on every till, so all converge):
//! - an order's status only moves forward: the version with the higher status
//!   rank wins, then the later change, then the higher device id;
//! - a payment attempt's final state never changes: the higher state rank
//!   wins (pending < unknown < failed/succeeded), then later, then device;
//! - everything else (shop details, zones, categories, items, customers) is
//!   last writer wins by change time, with the device id as tiebreak;
//! - stock movements are only ever inserted: the first version of an id
//!   the server receives stays, and a till takes it over its own; an
//!   item's stock is not in its row but follows from its movements by one
//!   rule (`records::stock`, and the server's `item_stock` view);
//! - a customer's erasure wins over every other version of them, whatever
//!   its time; orders and payments of an erased customer are scrubbed of
//!   personal data wherever they land (on the server by trigger, on tills
//!   as they are pulled), whatever their status rank;
//! - nothing is removed by a till: deletions are tombstones (`deleted`);
//!   only the owner's purge deletes orders past their retention period, and
//!   the server then skips them if a till sends them again.

pub mod admin;
pub mod check;
pub mod hosted;
pub mod http;
pub mod local;
#[cfg(test)]
mod merge_tests;
pub mod protocol;
pub mod purge;
pub mod remote;
pub mod service;
pub mod worker;

pub use hosted::BotLease;
pub use service::HostedSync;
pub use worker::{SyncOptions, SyncWorker};

/// Enrols `store` with the DukaDesk server: the one-time code exchanged
/// for the till's credential, the shop's details yielded to the server's
/// when another till already put them there, the connection saved.
pub async fn enrol_with_server(
    store: &crate::store::Store,
    enrolment: &protocol::ServerEnrolment,
) -> Result<http::ServerClient, SyncError> {
    let (client, answer) = http::ServerClient::enrol(enrolment, store.now()).await?;
    if answer.has_shop_profile {
        store.yield_shop_to_hosted().await?;
    }
    store
        .save_server_config(client.config(), answer.credential.expose())
        .await?;
    Ok(client)
}

/// The hosted schema version this build speaks (`hosted_schema_version()`).
/// 3: stock travels as movements (hosted migration 0005). 4: an order may
/// be paid on delivery and a reseller's commission may cover one item or
/// category (hosted migration 0013): a till of before would read such an
/// order as waiting for its money and such a commission as on everything,
/// so it is told to update before it syncs again. 5: refunds (hosted
/// migration 0014): a till of before would count refunded sales, cash and
/// commissions in full. 6: an item may carry its own KRA classification
/// (hosted migration 0015): a till of before would drop it when editing
/// the item.
pub const HOSTED_SCHEMA_VERSION: i32 = 6;

/// What a till that synced straight with the shop's database (before the
/// DukaDesk server existed) is told: that way is gone, and what to do.
pub const DIRECT_GONE: &str = "This till synced straight with the shop's database, which DukaDesk no longer does: tills now sync through the shop's DukaDesk server. Ask whoever runs it for a new enrolment string (dukadesk-server enrol-device) and paste it here. Changes made on this till meanwhile are kept and sent then.";

/// Something went wrong talking to the hosted database, in words a merchant
/// can act on.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    /// The enrolment string is malformed.
    #[error(
        "That enrolment string is not valid: {0}. Copy it again from the admin command's output."
    )]
    BadEnrolment(String),
    /// The enrolment string is past its expiry.
    #[error(
        "That enrolment string has expired. Ask for a new one (dukadesk-server enrol-device)."
    )]
    EnrolmentExpired,
    /// A string for the direct database connection of earlier versions.
    #[error("{}", DIRECT_GONE)]
    DirectGone,
    /// The server turned the login down.
    #[error("The shop's server refused this till: {0}")]
    Refused(String),
    /// The server cannot be reached.
    #[error("The shop's server cannot be reached ({0}). The till keeps working; changes wait and sync when it is back.")]
    Offline(String),
    /// The server's certificate was not accepted.
    #[error("The shop's server's certificate was not accepted ({0}). The server needs a certificate from a public authority (e.g. Let's Encrypt); ask whoever runs it.")]
    Tls(String),
    /// The server showed a certificate other than the one pinned at
    /// enrolment.
    #[error("The shop's server showed a certificate that is not the one this till was connected with, so nothing was sent. If whoever runs the server changed its certificate, connect this till again with a new enrolment string; if not, someone may be between this till and the server.")]
    CertificateChanged,
    /// The server was upgraded by a newer DukaDesk.
    #[error("The shop's server was upgraded by a newer DukaDesk (schema {found}, this app knows {known}). Update DukaDesk on this till.")]
    SchemaTooNew {
        /// The server's version.
        found: i32,
        /// Ours.
        known: i32,
    },
    /// The server and this till speak versions that do not meet; the
    /// server's message says which side to update.
    #[error("{0}")]
    UpdateNeeded(String),
    /// The server refused a request as too large (the till sends less).
    #[error("The server refused a request as too large: {0}")]
    TooLarge(String),
    /// The till is not enrolled.
    #[error("This till is not connected to a hosted backend.")]
    NotEnrolled,
    /// The till is already enrolled with a shop.
    #[error("This till is already connected to {shop} as \"{label}\". Disconnect it first.")]
    AlreadyConnected {
        /// The shop's name.
        shop: String,
        /// This till's label there.
        label: String,
    },
    /// Any other database error.
    #[error("The shop's server answered with an error: {0}")]
    Server(String),
    /// The local store failed.
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
}

impl SyncError {
    /// Sorts a sqlx error into the right kind.
    pub fn from_pg(e: sqlx::Error) -> Self {
        match &e {
            sqlx::Error::Tls(t) => SyncError::Tls(t.to_string()),
            // rustls reports a refused certificate through the socket.
            sqlx::Error::Io(io) if io.to_string().contains("certificate") => {
                SyncError::Tls(io.to_string())
            }
            sqlx::Error::Io(_)
            | sqlx::Error::PoolTimedOut
            | sqlx::Error::PoolClosed
            | sqlx::Error::WorkerCrashed
            | sqlx::Error::Protocol(_) => SyncError::Offline(e.to_string()),
            sqlx::Error::Database(db) => {
                let code = db.code().map(|c| c.into_owned()).unwrap_or_default();
                match code.as_str() {
                    // invalid_password, invalid_authorization_specification,
                    // insufficient_privilege
                    "28P01" | "28000" | "42501" => SyncError::Refused(db.message().to_owned()),
                    // admin_shutdown, crash_shutdown, cannot_connect_now;
                    // and a busy server: a statement or lock timeout,
                    // serialization failure, deadlock, too many
                    // connections. Try again later; never a refused row.
                    "57P01" | "57P02" | "57P03" | "57014" | "55P03" | "40001" | "40P01"
                    | "53300" => SyncError::Offline(db.message().to_owned()),
                    _ => SyncError::Server(db.message().to_owned()),
                }
            }
            _ => SyncError::Server(e.to_string()),
        }
    }

    /// Whether retrying later may help without anyone doing anything.
    pub fn is_transient(&self) -> bool {
        matches!(self, SyncError::Offline(_) | SyncError::Server(_))
    }
}

#[cfg(any(test, feature = "testing"))]
pub mod testing;
