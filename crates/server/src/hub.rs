//! The live fan-out: one LISTEN connection per server process. It listens
//! on the channel of every shop with a till connected to `GET /v1/live`
//! (the channel `sync_push_begin` notifies at each upload's commit) and on
//! `dukadesk_revoked` (notified by `revoke_device`), and passes each
//! notification to that shop's streams, or closes the revoked device's
//! streams. Pushes handled here reach this server's streams the same way
//! (one wake per push, however many servers share the database).
//!
//! After the listening connection is lost and made again, notifications in
//! between are gone (PostgreSQL does not queue them): every stream is woken
//! (tills pull by cursor, so a spare wake costs one empty pull) and the
//! devices still connected are checked for revocation.

use crate::auth::Credentials;
use crate::db::Tenant;
use dukadesk_core::backoff::{jitter, Backoff};
use dukadesk_core::sync::protocol::LiveChange;
use sqlx::postgres::PgListener;
use sqlx::PgPool;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::{broadcast, mpsc, watch};
use tokio_util::sync::CancellationToken;
use uuid::Uuid;

/// Listening again after the database connection dropped: 0.2 s, doubling
/// to 10 s, with jitter, never given up.
const RELISTEN: Backoff = Backoff::doubling(Duration::from_millis(200), Duration::from_secs(10));

/// Where `revoke_device` announces a revoked device (payload: its id).
pub const REVOKED_CHANNEL: &str = "dukadesk_revoked";

/// The channel `sync_push_begin` notifies for `shop`.
pub fn shop_channel(shop: Uuid) -> String {
    format!("dukadesk_{}", shop.simple())
}

fn shop_of_channel(channel: &str) -> Option<Uuid> {
    channel
        .strip_prefix("dukadesk_")
        .and_then(|hex| Uuid::try_parse(hex).ok())
}

/// The fan-out, cheap to clone.
#[derive(Clone)]
pub struct Hub {
    inner: Arc<Inner>,
}

struct Inner {
    state: Mutex<State>,
    cmds: mpsc::UnboundedSender<Cmd>,
    /// Cancelled at shutdown: every stream ends.
    root: CancellationToken,
    /// The server's memory of credentials, told of revocations.
    credentials: Credentials,
}

#[derive(Default)]
struct State {
    shops: HashMap<Uuid, Shop>,
    devices: HashMap<Uuid, Vec<(u64, CancellationToken)>>,
    next_id: u64,
}

struct Shop {
    tx: broadcast::Sender<LiveChange>,
    streams: usize,
    /// True once the shop's channel is listened to: a stream says "ready"
    /// only then, so a change committed after "ready" always wakes it.
    listening: watch::Sender<bool>,
}

enum Cmd {
    Listen(Uuid),
    Unlisten(Uuid),
}

/// One till's live stream: its shop's changes, and a token cancelled when
/// the device is revoked or the server shuts down. Leaves the hub on drop.
pub struct Subscription {
    /// The shop's changes.
    pub changes: broadcast::Receiver<LiveChange>,
    /// Cancelled when this stream must end.
    pub closed: CancellationToken,
    listening: watch::Receiver<bool>,
    hub: Hub,
    tenant: Tenant,
    id: u64,
}

impl Subscription {
    /// Whether it is closing because the server shuts down.
    pub fn shutting_down(&self) -> bool {
        self.hub.shutting_down()
    }

    /// Waits until the shop's channel is listened to, at most `bound` (while
    /// the listening connection is down the stream opens anyway: the hub
    /// wakes every stream once it is back).
    pub async fn listening(&mut self, bound: Duration) {
        let _ = tokio::time::timeout(bound, self.listening.wait_for(|l| *l)).await;
    }
}

impl Drop for Subscription {
    fn drop(&mut self) {
        self.hub.leave(self.tenant, self.id);
    }
}

impl Hub {
    /// Starts listening (the revocation channel is listened to before this
    /// returns) and the task that keeps it going.
    pub async fn start(
        pool: PgPool,
        root: CancellationToken,
        credentials: Credentials,
    ) -> Result<Self, sqlx::Error> {
        let (cmds, rx) = mpsc::unbounded_channel();
        let hub = Hub {
            inner: Arc::new(Inner {
                state: Mutex::new(State::default()),
                cmds,
                root,
                credentials,
            }),
        };
        let listener = hub.connect(&pool).await?;
        tokio::spawn(hub.clone().run(pool, listener, rx));
        Ok(hub)
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        // A panic while holding the lock cannot leave the maps half-changed
        // in a way that matters: take the data as it is.
        self.inner
            .state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Subscribes a till's live stream.
    pub fn subscribe(&self, tenant: Tenant) -> Subscription {
        let closed = self.inner.root.child_token();
        let mut st = self.state();
        st.next_id += 1;
        let id = st.next_id;
        let shop = st.shops.entry(tenant.shop_id).or_insert_with(|| Shop {
            tx: broadcast::channel(16).0,
            streams: 0,
            listening: watch::channel(false).0,
        });
        shop.streams += 1;
        let changes = shop.tx.subscribe();
        let listening = shop.listening.subscribe();
        if shop.streams == 1 {
            let _ = self.inner.cmds.send(Cmd::Listen(tenant.shop_id));
        }
        st.devices
            .entry(tenant.device_id)
            .or_default()
            .push((id, closed.clone()));
        Subscription {
            changes,
            closed,
            listening,
            hub: self.clone(),
            tenant,
            id,
        }
    }

    fn leave(&self, tenant: Tenant, id: u64) {
        let mut st = self.state();
        if let Some(list) = st.devices.get_mut(&tenant.device_id) {
            list.retain(|(i, _)| *i != id);
            if list.is_empty() {
                st.devices.remove(&tenant.device_id);
            }
        }
        if let Some(shop) = st.shops.get_mut(&tenant.shop_id) {
            shop.streams -= 1;
            if shop.streams == 0 {
                st.shops.remove(&tenant.shop_id);
                let _ = self.inner.cmds.send(Cmd::Unlisten(tenant.shop_id));
            }
        }
    }

    /// Wakes the streams of `shop`.
    pub fn wake(&self, shop: Uuid, device_id: Option<Uuid>) {
        if let Some(s) = self.state().shops.get(&shop) {
            let _ = s.tx.send(LiveChange { device_id });
        }
    }

    /// Marks the shops' channels as listened to.
    fn listened(&self, shops: &[Uuid]) {
        let st = self.state();
        for shop in shops {
            if let Some(s) = st.shops.get(shop) {
                s.listening.send_replace(true);
            }
        }
    }

    fn wake_all(&self) {
        for s in self.state().shops.values() {
            let _ = s.tx.send(LiveChange { device_id: None });
        }
    }

    /// Closes every stream of a revoked device (and forgets its credential).
    pub fn revoke(&self, device: Uuid) {
        self.inner.credentials.forget_device(device);
        let streams = self.state().devices.remove(&device).unwrap_or_default();
        for (_, token) in streams {
            token.cancel();
        }
    }

    /// Whether the server is shutting down.
    pub fn shutting_down(&self) -> bool {
        self.inner.root.is_cancelled()
    }

    /// Live streams open now (for tests and metrics).
    pub fn streams(&self) -> usize {
        self.state().shops.values().map(|s| s.streams).sum()
    }

    async fn connect(&self, pool: &PgPool) -> Result<PgListener, sqlx::Error> {
        let mut listener = PgListener::connect_with(pool).await?;
        listener.listen(REVOKED_CHANNEL).await?;
        let shops: Vec<Uuid> = self.state().shops.keys().copied().collect();
        let channels: Vec<String> = shops.iter().copied().map(shop_channel).collect();
        listener
            .listen_all(channels.iter().map(String::as_str))
            .await?;
        self.listened(&shops);
        Ok(listener)
    }

    /// After a gap in listening: close revoked devices' streams, wake the rest.
    async fn catch_up(&self, pool: &PgPool) {
        // Revocations may have gone unheard.
        self.inner.credentials.forget_all();
        let devices: Vec<Uuid> = self.state().devices.keys().copied().collect();
        if !devices.is_empty() {
            match sqlx::query_scalar::<_, Uuid>("SELECT * FROM server_revoked($1)")
                .bind(&devices)
                .fetch_all(pool)
                .await
            {
                Ok(revoked) => revoked.into_iter().for_each(|d| self.revoke(d)),
                Err(e) => tracing::warn!(error = %e, "could not check live devices"),
            }
        }
        self.wake_all();
    }

    async fn run(self, pool: PgPool, first: PgListener, mut cmds: mpsc::UnboundedReceiver<Cmd>) {
        let mut listener = Some(first);
        let mut failures = 0u32;
        loop {
            let mut l = match listener.take() {
                Some(l) => l,
                None => {
                    tokio::select! {
                        _ = self.inner.root.cancelled() => return,
                        _ = tokio::time::sleep(jitter(RELISTEN.nth(failures))) => {}
                    }
                    match self.connect(&pool).await {
                        Ok(l) => {
                            failures = 0;
                            self.catch_up(&pool).await;
                            l
                        }
                        Err(e) => {
                            tracing::warn!(error = %e, "live: cannot listen; retrying");
                            failures = failures.saturating_add(1);
                            continue;
                        }
                    }
                }
            };
            let lost = loop {
                tokio::select! {
                    _ = self.inner.root.cancelled() => return,
                    cmd = cmds.recv() => {
                        let r = match cmd {
                            None => return,
                            Some(Cmd::Listen(shop)) => {
                                let r = l.listen(&shop_channel(shop)).await;
                                if r.is_ok() {
                                    self.listened(&[shop]);
                                }
                                r
                            }
                            Some(Cmd::Unlisten(shop)) => l.unlisten(&shop_channel(shop)).await,
                        };
                        if let Err(e) = r {
                            break e.to_string();
                        }
                    }
                    n = l.try_recv() => match n {
                        Ok(Some(n)) => self.notified(n.channel(), n.payload()),
                        // Lost and already connected again: catch up.
                        Ok(None) => self.catch_up(&pool).await,
                        Err(e) => break e.to_string(),
                    }
                }
            };
            tracing::warn!(error = %lost, "live: listening connection lost");
        }
    }

    fn notified(&self, channel: &str, payload: &str) {
        if channel == REVOKED_CHANNEL {
            if let Ok(device) = Uuid::try_parse(payload.trim()) {
                self.revoke(device);
            }
        } else if let Some(shop) = shop_of_channel(channel) {
            self.wake(shop, Uuid::try_parse(payload.trim()).ok());
        }
    }
}
