//! The sync worker: a background task that uploads the outbox as soon as it
//! has rows, pulls other tills' changes when the server says there are some
//! (its live channel) or every `poll` otherwise, renews the bot lease, and backs
//! off with jitter while the server cannot be reached. The till never waits
//! for it: every change is already safe in the local store.

use super::hosted::BotLease;
use super::http::ServerClient;
use super::remote::{Lost, Remote};
use super::SyncError;
use crate::backoff::{jitter, Backoff};
use crate::store::Store;
use chrono::Utc;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::{watch, Notify};
use tokio::task::JoinHandle;
use uuid::Uuid;

/// Tuning.
#[derive(Debug, Clone)]
pub struct SyncOptions {
    /// Outbox rows per upload transaction.
    pub batch: i64,
    /// Changes per pull page.
    pub page: i64,
    /// How often the local outbox is looked at.
    pub local_poll: Duration,
    /// Pull at least this often even without a notification.
    pub poll: Duration,
    /// First pause after a failure; doubles up to `backoff_max`.
    pub backoff_min: Duration,
    /// Longest pause.
    pub backoff_max: Duration,
    /// The bot lease's length, renewed at a third of it. Taken when this
    /// till offers to run the bot (`Store::bot_host_wanted`), otherwise only
    /// read (`None`: neither).
    pub bot_lease: Option<Duration>,
}

impl Default for SyncOptions {
    fn default() -> Self {
        SyncOptions {
            batch: 1000,
            page: 1000,
            local_poll: Duration::from_millis(100),
            poll: Duration::from_secs(30),
            backoff_min: Duration::from_secs(1),
            backoff_max: Duration::from_secs(120),
            bot_lease: None,
        }
    }
}

/// Where sync stands: the same type the UI shows.
pub use dukadesk_domain::ipc::SyncStateView as SyncState;

/// A snapshot of the worker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncStatus {
    /// State.
    pub state: SyncState,
    /// The shop's bot lease as last seen.
    pub bot_lease: Option<BotLease>,
    /// Rounds completed since start (tests wait on this).
    pub rounds: u64,
    /// A round (upload, pull) is under way.
    pub busy: bool,
}

/// The running worker.
#[derive(Debug)]
pub struct SyncWorker {
    status: watch::Receiver<SyncStatus>,
    wake: Arc<Notify>,
    task: JoinHandle<()>,
}

impl SyncWorker {
    /// Starts the worker on the current tokio runtime.
    pub fn start(store: Store, opts: SyncOptions) -> Self {
        let (tx, rx) = watch::channel(SyncStatus {
            state: SyncState::NotConnected,
            bot_lease: None,
            rounds: 0,
            busy: false,
        });
        let wake = Arc::new(Notify::new());
        let task = tokio::spawn(run(store, opts, tx, wake.clone()));
        SyncWorker {
            status: rx,
            wake,
            task,
        }
    }

    /// The latest status.
    pub fn status(&self) -> SyncStatus {
        self.status.borrow().clone()
    }

    /// A receiver that sees every status change.
    pub fn subscribe(&self) -> watch::Receiver<SyncStatus> {
        self.status.clone()
    }

    /// Try now (after settings change, or "Sync now").
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    /// Stops the task (abruptly, as a crash would: everything it did is
    /// either committed or not).
    pub fn abort(&self) {
        self.task.abort();
    }

    /// Whether the task has ended.
    pub fn is_finished(&self) -> bool {
        self.task.is_finished()
    }
}

impl Drop for SyncWorker {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn run(store: Store, opts: SyncOptions, tx: watch::Sender<SyncStatus>, wake: Arc<Notify>) {
    // The one retry policy: doubling, jittered so tills that lost the
    // server together do not come back together.
    let policy = Backoff::doubling(opts.backoff_min, opts.backoff_max);
    let mut backoff = policy.first;
    loop {
        let (config, secret) = match store.sync_target().await {
            Ok(Some(c)) => c,
            Ok(None) => {
                let direct = store.synced_directly_before().await.unwrap_or(false);
                tx.send_modify(|s| {
                    s.state = if direct {
                        SyncState::NeedsAttention {
                            error: super::DIRECT_GONE.into(),
                        }
                    } else {
                        SyncState::NotConnected
                    };
                    s.bot_lease = None;
                });
                wake.notified().await;
                continue;
            }
            Err(e) => {
                // The vault still locked, or the store failing: try again
                // later, or as soon as someone wakes the worker (the vault
                // opened).
                tracing::error!(error = %e, "reading the hosted backend settings failed");
                tokio::select! {
                    _ = tokio::time::sleep(opts.backoff_max) => {}
                    _ = wake.notified() => {}
                }
                continue;
            }
        };
        tx.send_modify(|s| s.state = SyncState::Connecting);
        let err = match ServerClient::new(&config, &secret) {
            Ok(client) => session(&store, &client, &opts, &tx, &wake, &mut backoff).await,
            Err(e) => e,
        };
        tracing::warn!(error = %err, "sync paused");
        let pause = if err.is_transient() {
            let p = jitter(backoff);
            backoff = policy.next(backoff);
            tx.send_modify(|s| {
                s.state = SyncState::Offline {
                    error: err.to_string(),
                    retry_at: Utc::now()
                        + chrono::Duration::from_std(p)
                            .unwrap_or_else(|_| chrono::Duration::zero()),
                }
            });
            p
        } else {
            tx.send_modify(|s| {
                s.state = SyncState::NeedsAttention {
                    error: err.to_string(),
                }
            });
            opts.backoff_max
        };
        tokio::select! {
            _ = tokio::time::sleep(pause) => {}
            _ = wake.notified() => {}
        }
    }
}

/// One session with the other side: runs until an error. Once the live
/// channel is open the pause after a failure starts again from the least.
async fn session<R: Remote>(
    store: &Store,
    hosted: &R,
    opts: &SyncOptions,
    tx: &watch::Sender<SyncStatus>,
    wake: &Notify,
    backoff: &mut Duration,
) -> SyncError {
    let me = hosted.device_id();
    let remote = Arc::new(Notify::new());
    let (dead_tx, mut dead_rx) = watch::channel(None::<Lost>);
    let listener = match hosted.watch(remote.clone(), dead_tx).await {
        Ok(task) => task,
        Err(e) => return e,
    };
    *backoff = opts.backoff_min;
    let _stop_listener = AbortOnDrop(listener);
    // A notification missed while disconnected is made up by pulling now.
    let mut need_pull = true;
    let mut last_pull = Instant::now();
    let mut lease_due = Instant::now();
    loop {
        let round = async {
            if store.outbox_len().await? > 0 {
                upload_all(store, hosted, opts.batch).await?;
            }
            if need_pull || last_pull.elapsed() >= opts.poll {
                pull_all(store, hosted, me, opts.page).await?;
                last_pull = Instant::now();
            }
            if let Some(ttl) = opts.bot_lease {
                if Instant::now() >= lease_due {
                    let lease = if store.bot_host_wanted().await? {
                        Some(hosted.take_bot_lease(ttl).await?)
                    } else {
                        hosted.release_bot_lease().await?;
                        hosted.bot_lease().await?
                    };
                    tx.send_modify(|s| s.bot_lease = lease);
                    lease_due = Instant::now() + ttl / 3;
                }
            }
            Ok::<(), SyncError>(())
        };
        tx.send_modify(|s| s.busy = true);
        let result = round.await;
        tx.send_modify(|s| s.busy = false);
        if let Err(e) = result {
            return e;
        }
        need_pull = false;
        tx.send_modify(|s| {
            s.state = SyncState::Online;
            s.rounds += 1;
        });
        tokio::select! {
            _ = remote.notified() => need_pull = true,
            _ = wake.notified() => {
                need_pull = true;
                lease_due = Instant::now();
            }
            _ = dead_rx.changed() => {
                let why = dead_rx.borrow().clone();
                return why.map_or_else(|| SyncError::Offline("the live channel ended".into()), SyncError::from);
            }
            _ = tokio::time::sleep(opts.local_poll) => {}
        }
    }
}

struct AbortOnDrop(JoinHandle<()>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Uploads the whole outbox, batch by batch.
pub async fn upload_all<R: Remote>(store: &Store, hosted: &R, batch: i64) -> Result<(), SyncError> {
    loop {
        let changes = store.outbox_changes(batch).await?;
        if changes.is_empty() {
            return Ok(());
        }
        let uploaded = hosted.upload(&changes).await?;
        if !uploaded.rejected.is_empty() {
            tracing::warn!(
                count = uploaded.rejected.len(),
                "the server refused some changes; they are listed in Settings"
            );
        }
        store.outbox_uploaded(&changes, &uploaded).await?;
    }
}

/// Pulls and applies every change after the cursor.
pub async fn pull_all<R: Remote>(
    store: &Store,
    hosted: &R,
    me: Uuid,
    page: i64,
) -> Result<(), SyncError> {
    let mut applied_any = false;
    loop {
        let cursor = store.sync_cursor().await?;
        let rows = hosted.pull(cursor, page).await?;
        let Some(last) = rows.last().map(|r| r.change_seq) else {
            break;
        };
        // Parents first (customers and categories before items and orders,
        // orders before payments), each kind in server order.
        let mut parents = Vec::new();
        let mut look_in = rows.clone();
        for _ in 0..3 {
            let missing = store.missing_parents(&look_in).await?;
            if missing.is_empty() {
                break;
            }
            let mut fetched = Vec::new();
            for (entity, ids) in missing {
                fetched.extend(hosted.fetch(entity, &ids).await?);
            }
            look_in = fetched.clone();
            fetched.extend(parents);
            parents = fetched;
        }
        parents.extend(rows);
        // Fetched parents may repeat rows of the page: applied once, the
        // second is older or the same and changes nothing.
        parents.sort_by_key(|p| (super::local::apply_rank(&p.entity), p.change_seq));
        store.apply_pulled(&parents, me, last).await?;
        applied_any = true;
    }
    if applied_any {
        store.sync_fix_counter().await?;
    }
    Ok(())
}

/// One full round by hand: upload everything, then pull everything.
pub async fn sync_once<R: Remote>(store: &Store, hosted: &R) -> Result<(), SyncError> {
    upload_all(store, hosted, 1000).await?;
    pull_all(store, hosted, hosted.device_id(), 1000).await
}
