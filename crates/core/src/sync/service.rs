//! What the app's Settings -> Hosted backend page drives: connect with an
//! enrolment string, watch sync, disconnect, choose the bot's till.

use super::http::ServerClient;
use super::protocol::ServerEnrolment;
use super::worker::{SyncOptions, SyncState, SyncWorker};
use super::SyncError;
use crate::store::{Store, StoreError};
use dukadesk_domain::ipc::{BotHostView, HostedLeft, HostedStatus, RefusedChange, SyncStateView};
use std::sync::Mutex;
use std::time::Duration;

/// The hosted backend as the app sees it: the store and a running worker.
#[derive(Debug)]
pub struct HostedSync {
    store: Store,
    opts: SyncOptions,
    worker: Mutex<SyncWorker>,
}

impl HostedSync {
    /// Starts the worker (it idles until the till is enrolled).
    pub fn start(store: Store, opts: SyncOptions) -> Self {
        let worker = SyncWorker::start(store.clone(), opts.clone());
        HostedSync {
            store,
            opts,
            worker: Mutex::new(worker),
        }
    }

    fn with_worker<T>(&self, f: impl FnOnce(&mut SyncWorker) -> T) -> T {
        let mut w = self.worker.lock().unwrap_or_else(|e| e.into_inner());
        f(&mut w)
    }

    /// Where sync stands.
    pub async fn status(&self) -> Result<HostedStatus, StoreError> {
        let worker = self.with_worker(|w| w.status());
        let config = self.store.sync_target().await?.map(|(c, _)| c);
        let state = match config {
            Some(_) => worker.state,
            None if self.store.synced_directly_before().await? => SyncStateView::NeedsAttention {
                error: super::DIRECT_GONE.into(),
            },
            None => SyncStateView::NotConnected,
        };
        let me = config.as_ref().map(|c| c.device_id);
        Ok(HostedStatus {
            connected: config.is_some(),
            shop_name: config
                .as_ref()
                .map(|c| c.shop_name.clone())
                .unwrap_or_default(),
            till_label: config.as_ref().map(|c| c.label.clone()).unwrap_or_default(),
            till_digit: config.as_ref().map(|c| c.device_no).unwrap_or_default(),
            host: config.as_ref().map(|c| c.host()).unwrap_or_default(),
            state,
            pending_changes: self.store.outbox_len().await?,
            last_synced_at: self.store.last_synced_at().await?,
            refused: self
                .store
                .sync_rejects()
                .await?
                .into_iter()
                .map(|r| RefusedChange {
                    what: r.entity,
                    reason: r.reason,
                })
                .collect(),
            bot_host: config.as_ref().and(worker.bot_lease).map(|l| BotHostView {
                this_till: Some(l.device_id) == me,
                till_label: l.device_label,
                expires_at: l.expires_at,
            }),
            runs_bot_here: self.store.bot_host_wanted().await?,
        })
    }

    /// Why the app should not restart now: a batch of changes is on its
    /// way (it would be rolled back whole and sent again, but the merchant
    /// should not see that as a pause).
    pub fn restart_blocker(&self) -> Option<String> {
        self.with_worker(|w| w.status().busy).then(|| {
            "Changes are being sent to the shop's other tills. Restart to update in a few seconds."
                .to_owned()
        })
    }

    /// Enrols this till with a pasted enrolment string from the DukaDesk
    /// server (`DKS1.`): the one-time code exchanged for the till's
    /// credential, saved, and sync started. A string for the direct
    /// database connection of earlier versions (`DKE1.`) is refused with
    /// what to ask for instead.
    pub async fn connect(&self, enrolment: &str) -> Result<HostedStatus, SyncError> {
        if let Some((c, _)) = self.store.sync_target().await? {
            return Err(SyncError::AlreadyConnected {
                shop: c.shop_name,
                label: c.label,
            });
        }
        let pasted: String = enrolment.chars().filter(|c| !c.is_whitespace()).collect();
        if pasted.starts_with("DKE1.") {
            return Err(SyncError::DirectGone);
        }
        let e = ServerEnrolment::decode(&pasted).ok_or_else(|| {
            SyncError::BadEnrolment(if pasted.starts_with("DKS1.") {
                "it is cut short or has a typo".into()
            } else {
                "it should start with DKS1.".into()
            })
        })?;
        super::enrol_with_server(&self.store, &e).await?;
        self.restart_worker();
        self.wait_for_round(Duration::from_secs(10)).await;
        Ok(self.status().await?)
    }

    /// Stops syncing and forgets the connection and its password. Changes
    /// not yet uploaded stay in the outbox (they go up if the till is
    /// enrolled again).
    pub async fn disconnect(&self) -> Result<HostedLeft, SyncError> {
        let Some((config, secret)) = self.store.sync_target().await? else {
            if self.store.synced_directly_before().await? {
                // Nothing to tell a server: just forget the old connection.
                self.store.forget_sync_config().await?;
                self.restart_worker();
                let status = self.status().await?;
                return Ok(HostedLeft {
                    unsent_changes: status.pending_changes,
                    status,
                    server_told: false,
                });
            }
            return Err(SyncError::NotEnrolled);
        };
        // Give the bot lease up at once, if the server is reachable.
        let server_told = match ServerClient::new(&config, &secret) {
            Ok(c) => c.release_bot_lease().await.is_ok(),
            Err(_) => false,
        };
        self.store.forget_sync_config().await?;
        self.restart_worker();
        let status = self.status().await?;
        Ok(HostedLeft {
            unsent_changes: status.pending_changes,
            status,
            server_told,
        })
    }

    /// Wakes the worker (the vault just opened: the credential is readable).
    pub fn wake(&self) {
        self.with_worker(|w| w.wake());
    }

    /// Syncs now and waits (a few seconds at most) for the round.
    pub async fn sync_now(&self) -> Result<HostedStatus, SyncError> {
        if self.store.sync_target().await?.is_none() {
            return Err(SyncError::NotEnrolled);
        }
        self.with_worker(|w| w.wake());
        self.wait_for_round(Duration::from_secs(10)).await;
        Ok(self.status().await?)
    }

    /// Offer to run the bot here, or stop offering.
    pub async fn set_bot_host(&self, wanted: bool) -> Result<HostedStatus, SyncError> {
        self.store.set_bot_host_wanted(wanted).await?;
        self.with_worker(|w| w.wake());
        self.wait_for_round(Duration::from_secs(10)).await;
        Ok(self.status().await?)
    }

    fn restart_worker(&self) {
        let fresh = SyncWorker::start(self.store.clone(), self.opts.clone());
        let old = self.with_worker(|w| std::mem::replace(w, fresh));
        old.abort();
    }

    async fn wait_for_round(&self, limit: Duration) {
        let mut rx = self.with_worker(|w| w.subscribe());
        let start = rx.borrow().rounds;
        let _ = tokio::time::timeout(limit, async {
            loop {
                {
                    let s = rx.borrow_and_update();
                    if s.rounds > start
                        || matches!(
                            s.state,
                            SyncState::Offline { .. } | SyncState::NeedsAttention { .. }
                        )
                    {
                        return;
                    }
                }
                if rx.changed().await.is_err() {
                    return;
                }
            }
        })
        .await;
    }
}
