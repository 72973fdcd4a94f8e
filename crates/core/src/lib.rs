//! DukaDesk's native core: every side effect lives here (the SQLite store and
//! its outbox, configuration, the clock), behind small types the Tauri shell
//! calls. The rules themselves live in `dukadesk-domain`; this crate applies
//! them to stored data.
//!
//! It knows nothing of Tauri or the UI: the shell maps [`StoreError`] to the
//! IPC error shape with `From`, and nothing else.

pub mod backoff;
pub mod cashup;
pub mod catalogue;
pub mod channels;
pub mod chat;
pub mod clock;
pub mod config;
pub mod credit;
pub mod digital;
pub mod events;
pub mod net;
pub mod orders;
pub mod payments;
pub(crate) mod pdf;
pub mod people;
pub mod printing;
pub mod privacy;
pub(crate) mod reactions;
pub(crate) mod records;
pub mod refunds;
pub mod reports;
pub mod resellers;
pub mod runtime;
pub mod settings;
pub mod shop;
pub mod start;
pub mod store;
pub mod summary;
pub mod sync;
pub mod tax;
pub mod vault;

pub use clock::{Clock, ManualClock, SystemClock};
pub use config::Config;
pub use store::{Store, StoreError};
