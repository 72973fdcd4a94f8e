//! What the sync worker needs of the other side: the DukaDesk server
//! ([`ServerClient`], over HTTPS, the only way a till syncs). The worker
//! and the one-round helpers are written against this trait, so tests can
//! put a faulty wire between a till and the server.

use super::hosted::{BotLease, Change, Pulled, Uploaded};
use super::http::{LiveEvent, ServerClient};
use super::SyncError;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{watch, Notify};
use tokio::task::JoinHandle;
use uuid::Uuid;

/// Why the channel that says "another till changed something" was lost.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lost {
    /// The connection dropped: try again later.
    Offline(String),
    /// The server says this till was revoked.
    Refused(String),
}

impl From<Lost> for SyncError {
    fn from(l: Lost) -> Self {
        match l {
            Lost::Offline(why) => SyncError::Offline(why),
            Lost::Refused(why) => SyncError::Refused(why),
        }
    }
}

/// The other side of sync.
pub trait Remote: Send + Sync {
    /// This till.
    fn device_id(&self) -> Uuid;

    /// Uploads a batch of outbox rows (outbox order), exactly once.
    fn upload(&self, batch: &[Change]) -> impl Future<Output = Result<Uploaded, SyncError>> + Send;

    /// The shop's changes after `cursor`, at most `limit`.
    fn pull(
        &self,
        cursor: i64,
        limit: i64,
    ) -> impl Future<Output = Result<Vec<Pulled>, SyncError>> + Send;

    /// The current version of particular rows.
    fn fetch(
        &self,
        entity: &str,
        ids: &[Uuid],
    ) -> impl Future<Output = Result<Vec<Pulled>, SyncError>> + Send;

    /// Takes or renews the shop's bot lease.
    fn take_bot_lease(
        &self,
        ttl: Duration,
    ) -> impl Future<Output = Result<BotLease, SyncError>> + Send;

    /// Who holds the bot lease.
    fn bot_lease(&self) -> impl Future<Output = Result<Option<BotLease>, SyncError>> + Send;

    /// Gives the bot lease up if held.
    fn release_bot_lease(&self) -> impl Future<Output = Result<(), SyncError>> + Send;

    /// Starts watching for other tills' changes: `remote` is woken for
    /// each; when the channel is lost the task sends why on `lost` and ends.
    fn watch(
        &self,
        remote: Arc<Notify>,
        lost: watch::Sender<Option<Lost>>,
    ) -> impl Future<Output = Result<JoinHandle<()>, SyncError>> + Send;

    /// Lets go of connections.
    fn close(&self) -> impl Future<Output = ()> + Send;
}

impl Remote for ServerClient {
    fn device_id(&self) -> Uuid {
        self.config().device_id
    }

    async fn upload(&self, batch: &[Change]) -> Result<Uploaded, SyncError> {
        ServerClient::upload(self, batch).await
    }

    async fn pull(&self, cursor: i64, limit: i64) -> Result<Vec<Pulled>, SyncError> {
        ServerClient::pull(self, cursor, limit).await
    }

    async fn fetch(&self, entity: &str, ids: &[Uuid]) -> Result<Vec<Pulled>, SyncError> {
        ServerClient::fetch(self, entity, ids).await
    }

    async fn take_bot_lease(&self, ttl: Duration) -> Result<BotLease, SyncError> {
        ServerClient::take_bot_lease(self, ttl).await
    }

    async fn bot_lease(&self) -> Result<Option<BotLease>, SyncError> {
        ServerClient::bot_lease(self).await
    }

    async fn release_bot_lease(&self) -> Result<(), SyncError> {
        ServerClient::release_bot_lease(self).await
    }

    async fn watch(
        &self,
        remote: Arc<Notify>,
        lost: watch::Sender<Option<Lost>>,
    ) -> Result<JoinHandle<()>, SyncError> {
        let mut live = self.live().await?;
        let me = self.device_id();
        Ok(tokio::spawn(async move {
            loop {
                match live.next().await {
                    Ok(LiveEvent::Change(c)) if c.device_id == Some(me) => {}
                    Ok(_) => remote.notify_one(),
                    Err(e) => {
                        let why = match e {
                            SyncError::Refused(m) => Lost::Refused(m),
                            other => Lost::Offline(other.to_string()),
                        };
                        let _ = lost.send(Some(why));
                        break;
                    }
                }
            }
        }))
    }

    async fn close(&self) {}
}
