//! Runs one WhatsApp session for the shop: linking (QR codes that rotate,
//! or an 8-character code for the phone), the link's health as Settings
//! shows it, reconnects, the inbound journal, and the outbound dispatcher
//! that paces replies through the per-merchant token bucket.
//!
//! Invariant: nothing contacts WhatsApp until the merchant links; once
//! linked, the session resumes at start-up without a new scan.
//!
//! Invariant: a logout (from the phone, from WhatsApp, or "Unlink" here)
//! wipes every key row at once and says so; "replaced" (another client took
//! the session) stops automatic reconnects.
//!
//! Invariant: only the till allowed to run the bot ([`BotGate`]) handles
//! messages; elsewhere they stay journalled.

use super::journal::Handled;
use super::session_store::wipe;
use super::{LinkMethod, Origin, Pacing, WaEvent, WhatsAppChannel, WhatsAppSession};
use crate::backoff::{jitter, Backoff};
use crate::channels::dispatch;
use crate::channels::rate::RateLimit;
use crate::runtime::ChatRuntime;
use crate::store::{from_millis, to_millis, Store, StoreError};
use chrono::{DateTime, Utc};
use dukadesk_domain::ipc::{PairingView, WhatsAppLinkState, WhatsAppStatus, WhatsAppUnlinked};
use dukadesk_domain::words::Problem;
use dukadesk_domain::Msisdn;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::{mpsc, watch, Notify};

/// WhatsApp logs out linked devices whose phone stays away this long.
pub const IDLE_LOGOUT_DAYS: i64 = 14;
/// Staff are warned this many days before.
pub const IDLE_WARNING_DAYS: i64 = 11;

/// Whether this till may run the bot now (the hosted backend's lease).
#[super::async_trait]
pub trait BotGate: Send + Sync + std::fmt::Debug {
    /// `None` when it may; otherwise why not, for staff.
    async fn refusal(&self) -> Option<String>;
}

/// A till on its own always runs its bot.
#[derive(Debug, Default, Clone, Copy)]
pub struct AlwaysHere;

#[super::async_trait]
impl BotGate for AlwaysHere {
    async fn refusal(&self) -> Option<String> {
        None
    }
}

/// On a till enrolled in the hosted backend, only the holder of the shop's
/// bot lease runs the bot; a till on its own always does.
#[derive(Debug)]
pub struct HostedGate(pub Arc<crate::sync::HostedSync>);

#[super::async_trait]
impl BotGate for HostedGate {
    async fn refusal(&self) -> Option<String> {
        let status = match self.0.status().await {
            Ok(s) => s,
            Err(e) => return Some(format!("The bot's till could not be checked: {e}")),
        };
        if !status.connected {
            return None;
        }
        if !status.runs_bot_here {
            return Some("This till is not set to run the WhatsApp bot (Settings > Hosted backend > run the bot here).".into());
        }
        match status.bot_host {
            Some(b) if b.this_till => None,
            Some(b) => Some(format!(
                "The till \"{}\" runs the WhatsApp bot for this shop; this till leaves customers to it.",
                b.till_label
            )),
            None => Some("Waiting for the shop's server to hand this till the WhatsApp bot.".into()),
        }
    }
}

/// Settings for a link.
#[derive(Debug, Clone, Copy)]
pub struct LinkOptions {
    /// Typing time before replies.
    pub pacing: Pacing,
    /// The token bucket replies go through.
    pub rate: RateLimit,
    /// First wait before reconnecting after the session ended by itself.
    pub reconnect_min: Duration,
    /// Longest wait.
    pub reconnect_max: Duration,
}

impl LinkOptions {
    /// For a personal number.
    pub const PRODUCTION: LinkOptions = LinkOptions {
        pacing: Pacing::HUMAN,
        rate: RateLimit::WHATSAPP_PERSONAL,
        reconnect_min: Duration::from_secs(1),
        reconnect_max: Duration::from_secs(900),
    };
    /// For tests: no waiting.
    pub const TEST: LinkOptions = LinkOptions {
        pacing: Pacing::NONE,
        rate: RateLimit::SIMULATOR,
        reconnect_min: Duration::from_millis(10),
        reconnect_max: Duration::from_millis(50),
    };
}

/// whatsapp-rust's own reconnect schedule (1 s, 1 s, 2 s, 3 s, 5 s, ...
/// capped), only to tell staff roughly when the crate tries next; our own
/// reconnects follow the one retry policy (`crate::backoff`).
pub fn crate_reconnect_estimate(attempt: u32, min: Duration, max: Duration) -> Duration {
    let (mut a, mut b) = (1u64, 1u64);
    for _ in 1..attempt.min(40) {
        (a, b) = (b, a.saturating_add(b));
    }
    min.saturating_mul(u32::try_from(a).unwrap_or(u32::MAX))
        .min(max)
}

/// What only lives in memory: the pairing window's state.
#[derive(Debug, Clone)]
enum Pairing {
    Idle,
    Starting,
    Qr { code: String, until: Instant },
    QrExhausted,
    PhoneCode { code: String, until: Instant },
    Failed(String),
    Linked,
}

#[derive(Debug)]
struct Live {
    pairing: Pairing,
    attempt: u32,
    undecryptable: u32,
    /// The current session's event loop.
    generation: u64,
    /// The dispatcher's stop switch, while one runs.
    dispatcher: Option<watch::Sender<bool>>,
}

struct Inner {
    store: Store,
    session: Arc<dyn WhatsAppSession>,
    runtime: ChatRuntime,
    gate: Arc<dyn BotGate>,
    options: LinkOptions,
    wake: Arc<Notify>,
    live: Mutex<Live>,
    /// How many session events have been applied, in order.
    applied: tokio::sync::watch::Sender<u64>,
}

/// The shop's WhatsApp link; cheap to clone.
#[derive(Clone)]
pub struct WhatsAppLink {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for WhatsAppLink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WhatsAppLink")
            .field("session", &self.inner.session)
            .finish()
    }
}

/// The link row as stored.
#[derive(Debug, Clone, Default)]
struct LinkRow {
    state: String,
    phone: Option<String>,
    business_name: Option<String>,
    connected_at: Option<i64>,
    last_message_at: Option<i64>,
    next_try_at: Option<i64>,
    ban_until: Option<i64>,
    detail: String,
}

type LinkTuple = (
    String,
    Option<String>,
    Option<String>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    String,
);

impl Store {
    async fn wa_link(&self) -> Result<LinkRow, StoreError> {
        let row: Option<LinkTuple> = sqlx::query_as(
            "SELECT state, phone, business_name, connected_at, last_message_at, next_try_at, ban_until, detail
             FROM wa_link WHERE id = 1",
        )
        .fetch_optional(self.pool())
        .await?;
        Ok(row
            .map(|r| LinkRow {
                state: r.0,
                phone: r.1,
                business_name: r.2,
                connected_at: r.3,
                last_message_at: r.4,
                next_try_at: r.5,
                ban_until: r.6,
                detail: r.7,
            })
            .unwrap_or_else(|| LinkRow {
                state: "unlinked".into(),
                ..Default::default()
            }))
    }

    /// Sets the link's state (and, when given, the other columns).
    async fn set_wa_link(
        &self,
        state: &str,
        set: &[(&str, Option<String>)],
    ) -> Result<(), StoreError> {
        let now = to_millis(self.now());
        let mut tx = self.write_tx().await?;
        sqlx::query(
            "INSERT INTO wa_link (id, state, updated_at) VALUES (1, ?, ?)
             ON CONFLICT (id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at",
        )
        .bind(state)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        for (column, value) in set {
            // Column names come from this module only.
            let sql = format!("UPDATE wa_link SET {column} = ? WHERE id = 1");
            sqlx::query(&sql).bind(value).execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

fn ms(t: DateTime<Utc>) -> Option<String> {
    Some(to_millis(t).to_string())
}

impl WhatsAppLink {
    /// A link over `session`; nothing starts until [`WhatsAppLink::link`]
    /// or [`WhatsAppLink::resume`].
    pub fn new(
        store: Store,
        session: Arc<dyn WhatsAppSession>,
        runtime: ChatRuntime,
        gate: Arc<dyn BotGate>,
        options: LinkOptions,
    ) -> Self {
        Self {
            inner: Arc::new(Inner {
                store,
                session,
                runtime,
                gate,
                options,
                wake: Arc::new(Notify::new()),
                applied: tokio::sync::watch::Sender::new(0),
                live: Mutex::new(Live {
                    pairing: Pairing::Idle,
                    attempt: 0,
                    undecryptable: 0,
                    generation: 0,
                    dispatcher: None,
                }),
            }),
        }
    }

    /// Counts the session's events as the link applies them (in order), so
    /// a caller that sent one can wait until it took effect.
    pub fn events_applied(&self) -> tokio::sync::watch::Receiver<u64> {
        self.inner.applied.subscribe()
    }

    fn with_live<T>(&self, f: impl FnOnce(&mut Live) -> T) -> Option<T> {
        self.inner.live.lock().ok().map(|mut l| f(&mut l))
    }

    fn store(&self) -> &Store {
        &self.inner.store
    }

    /// Starts linking. Refused while linked, while the vault is locked, or
    /// while another till runs the bot.
    pub async fn link(&self, how: LinkMethod) -> Result<WhatsAppStatus, StoreError> {
        if how == LinkMethod::Resume {
            return self.resume().await.map(|_| ()).and(self.status().await);
        }
        let row = self.store().wa_link().await?;
        if matches!(row.state.as_str(), "connected" | "reconnecting") {
            return Err(StoreError::Stale(
                "WhatsApp is already linked on this computer. Unlink it first to link another number.".into(),
            ));
        }
        if !self.store().vault_unlocked() {
            return Err(StoreError::VaultLocked(
                "WhatsApp needs the saved secrets open to keep its keys, and they are locked. Open them in Settings → Saved secrets (enter their passphrase, or choose one), or set DUKADESK_VAULT_PASSPHRASE and start DukaDesk again.".into(),
            ));
        }
        if let Some(why) = self.inner.gate.refusal().await {
            return Err(StoreError::Refused(why));
        }
        if let LinkMethod::PhoneNumber(p) = &how {
            if p.len() < 8 || p.len() > 15 || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(StoreError::said("phone", &Problem::WhatsAppNumber));
            }
        }
        self.with_live(|l| l.pairing = Pairing::Starting);
        self.store()
            .set_wa_link("linking", &[("detail", Some(String::new()))])
            .await?;
        self.start(how).await?;
        self.status().await
    }

    /// Starts linking as the merchant asked in the pairing window (a phone
    /// number as they type it, read with the shop's country).
    pub async fn link_request(
        &self,
        req: &dukadesk_domain::ipc::LinkWhatsApp,
    ) -> Result<WhatsAppStatus, StoreError> {
        use dukadesk_domain::ipc::LinkWhatsApp;
        let how = match req {
            LinkWhatsApp::Qr => LinkMethod::Qr,
            LinkWhatsApp::PhoneNumber { phone } => {
                let shop = self.store().require_shop().await?;
                let phone = Msisdn::parse(phone, shop.country)
                    .map_err(|e| StoreError::said("phone", &e))?;
                LinkMethod::PhoneNumber(phone.as_str().to_owned())
            }
        };
        self.link(how).await
    }

    /// At start-up: reconnects a linked session (no scan). Returns whether
    /// one was resumed.
    pub async fn resume(&self) -> Result<bool, StoreError> {
        let row = self.store().wa_link().await?;
        if row.phone.is_none()
            || !matches!(row.state.as_str(), "connected" | "reconnecting" | "banned")
        {
            return Ok(false);
        }
        // Until WhatsApp says "connected", the link is (re)connecting.
        let now = self.store().now();
        self.store()
            .set_wa_link("reconnecting", &[("next_try_at", ms(now))])
            .await?;
        if let Err(e) = self.start(LinkMethod::Resume).await {
            // Keep trying with backoff (a network down at start-up).
            let generation = self.with_live(|l| l.generation).unwrap_or_default();
            let this = self.clone();
            tokio::spawn(async move { this.reconnect(generation).await });
            return Err(e);
        }
        Ok(true)
    }

    /// Connects and spawns the session's event loop. Boxed: the loop
    /// reconnects through here, and a recursive `async fn` has no `Send`
    /// proof.
    fn start(
        &self,
        how: LinkMethod,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), StoreError>> + Send + '_>>
    {
        Box::pin(async move {
            let rx = match self.inner.session.connect(how).await {
                Ok(rx) => rx,
                Err(e) => {
                    self.with_live(|l| l.pairing = Pairing::Failed(e.to_string()));
                    return Err(StoreError::Unreachable(format!(
                        "Could not reach WhatsApp: {e}. Check the internet connection and try again."
                    )));
                }
            };
            self.start_dispatcher();
            let generation = self
                .with_live(|l| {
                    l.generation += 1;
                    l.generation
                })
                .unwrap_or_default();
            // Anything journalled before a restart is handled now.
            self.handle_journal().await;
            let this = self.clone();
            tokio::spawn(async move { this.run(rx, generation).await });
            Ok(())
        })
    }

    fn start_dispatcher(&self) {
        let (stop, stop_rx) = watch::channel(false);
        let old = self.with_live(|l| l.dispatcher.replace(stop)).flatten();
        if let Some(old) = old {
            let _ = old.send(true);
        }
        let channel = Arc::new(WhatsAppChannel::new(
            self.inner.session.clone(),
            self.inner.options.pacing,
        ));
        tokio::spawn(dispatch::run(
            self.store().clone(),
            "whatsapp",
            channel,
            self.inner.options.rate,
            self.inner.wake.clone(),
            stop_rx,
        ));
    }

    fn stop_dispatcher(&self) {
        if let Some(Some(stop)) = self.with_live(|l| l.dispatcher.take()) {
            let _ = stop.send(true);
        }
    }

    fn current(&self, generation: u64) -> bool {
        self.with_live(|l| l.generation == generation)
            .unwrap_or(false)
    }

    /// One session's events until its stream ends; then, if still linked,
    /// a reconnect with backoff.
    async fn run(self, mut rx: mpsc::Receiver<WaEvent>, generation: u64) {
        let mut tick = tokio::time::interval(Duration::from_secs(10));
        tick.tick().await;
        loop {
            tokio::select! {
                event = rx.recv() => {
                    let Some(event) = event else { break };
                    if !self.current(generation) {
                        return;
                    }
                    if let Err(e) = self.on_event(event).await {
                        tracing::warn!(error = %e, "a WhatsApp event could not be applied");
                    }
                    self.inner.applied.send_modify(|n| *n += 1);
                }
                _ = tick.tick() => {
                    if !self.current(generation) {
                        return;
                    }
                    // Journalled messages left over (a restart, the bot's
                    // till changing) are handled here, and PDF receipts of
                    // orders paid meanwhile queued.
                    self.handle_journal().await;
                }
            }
        }
        if !self.current(generation) {
            return;
        }
        self.reconnect(generation).await;
    }

    /// The session ended by itself: reconnect a live link, with backoff,
    /// until it connects or the link ends.
    async fn reconnect(&self, generation: u64) {
        loop {
            let Ok(row) = self.store().wa_link().await else {
                return;
            };
            if row.phone.is_none() || !matches!(row.state.as_str(), "connected" | "reconnecting") {
                return;
            }
            let attempt = self
                .with_live(|l| {
                    l.attempt += 1;
                    l.attempt
                })
                .unwrap_or(1);
            let wait = jitter(
                Backoff::doubling(
                    self.inner.options.reconnect_min,
                    self.inner.options.reconnect_max,
                )
                .nth(attempt),
            );
            let next = self.store().now() + chrono::Duration::from_std(wait).unwrap_or_default();
            let _ = self
                .store()
                .set_wa_link("reconnecting", &[("next_try_at", ms(next))])
                .await;
            tokio::time::sleep(wait).await;
            if !self.current(generation) {
                return;
            }
            match self.start(LinkMethod::Resume).await {
                Ok(()) => return,
                Err(e) => {
                    tracing::warn!(error = %e, attempt, "reconnecting WhatsApp failed; trying again later");
                }
            }
        }
    }

    /// Applies one event.
    pub async fn on_event(&self, event: WaEvent) -> Result<(), StoreError> {
        let store = self.store();
        let now = store.now();
        match event {
            WaEvent::QrCode { code, valid_for } => {
                self.with_live(|l| {
                    l.pairing = Pairing::Qr {
                        code,
                        until: Instant::now() + valid_for,
                    }
                });
            }
            WaEvent::QrCodesExhausted => {
                self.with_live(|l| l.pairing = Pairing::QrExhausted);
            }
            WaEvent::PairingCode { code, valid_for } => {
                self.with_live(|l| {
                    l.pairing = Pairing::PhoneCode {
                        code,
                        until: Instant::now() + valid_for,
                    }
                });
            }
            WaEvent::PairingCodeFailed {
                reason,
                retry_after,
            } => {
                tracing::info!(%reason, "linking by phone number failed");
                let mut message = "WhatsApp did not give a code for that number. Check the number (with its country code) and that WhatsApp is installed on that phone, then try again.".to_owned();
                if let Some(wait) = retry_after {
                    message = format!(
                        "WhatsApp asked to wait {} minutes before asking for another code.",
                        wait.as_secs().div_ceil(60)
                    );
                }
                self.with_live(|l| l.pairing = Pairing::Failed(message));
            }
            WaEvent::PairFailed { reason } => {
                // The crate's words may name the account: not logged.
                let _ = reason;
                tracing::info!("linking failed after the scan");
                self.with_live(|l| {
                    l.pairing = Pairing::Failed(
                        "The phone could not link this computer. Get a new code and scan it again."
                            .into(),
                    )
                });
            }
            WaEvent::Paired {
                phone,
                business_name,
            } => {
                self.with_live(|l| l.pairing = Pairing::Linked);
                store
                    .set_wa_link(
                        "linking",
                        &[
                            ("phone", Some(phone)),
                            ("business_name", Some(business_name)),
                            ("linked_at", ms(now)),
                        ],
                    )
                    .await?;
            }
            WaEvent::Connected => {
                self.with_live(|l| {
                    l.attempt = 0;
                    if matches!(l.pairing, Pairing::Starting) {
                        l.pairing = Pairing::Linked;
                    }
                });
                store
                    .set_wa_link(
                        "connected",
                        &[
                            ("connected_at", ms(now)),
                            ("next_try_at", None),
                            ("ban_until", None),
                            ("detail", Some(String::new())),
                        ],
                    )
                    .await?;
                self.inner.wake.notify_one();
            }
            WaEvent::Disconnected => {
                let row = store.wa_link().await?;
                if matches!(row.state.as_str(), "connected" | "reconnecting") {
                    let attempt = self
                        .with_live(|l| {
                            l.attempt += 1;
                            l.attempt
                        })
                        .unwrap_or(1);
                    let next = now
                        + chrono::Duration::from_std(crate_reconnect_estimate(
                            attempt,
                            Duration::from_secs(1),
                            Duration::from_secs(900),
                        ))
                        .unwrap_or_default();
                    store
                        .set_wa_link("reconnecting", &[("next_try_at", ms(next))])
                        .await?;
                }
            }
            WaEvent::LoggedOut { reason } => {
                tracing::warn!(%reason, "WhatsApp logged this computer out; wiping its keys");
                self.end("logged_out").await?;
                self.inner.session.shutdown().await;
            }
            WaEvent::Replaced => {
                tracing::warn!("another WhatsApp client took this session over");
                self.inner.session.shutdown().await;
                self.stop_dispatcher();
                store.set_wa_link("replaced", &[]).await?;
            }
            WaEvent::TemporaryBan { reason, expires_in } => {
                tracing::warn!(%reason, secs = expires_in.as_secs(), "WhatsApp banned the number for a while");
                let until = now + chrono::Duration::from_std(expires_in).unwrap_or_default();
                store
                    .set_wa_link(
                        "banned",
                        &[("ban_until", ms(until)), ("detail", Some(reason))],
                    )
                    .await?;
            }
            WaEvent::StreamError { code } => {
                // The session carries on; the code is not personal data.
                tracing::warn!(%code, "WhatsApp stream error");
            }
            WaEvent::Undecryptable { .. } => {
                tracing::warn!("a WhatsApp message could not be decrypted");
                self.with_live(|l| l.undecryptable += 1);
            }
            WaEvent::Messages { origin, messages } => {
                let n = store.journal_whatsapp(&messages).await?;
                tracing::debug!(
                    new = n,
                    of = messages.len(),
                    drain = origin == Origin::OfflineDrain,
                    "WhatsApp messages journalled"
                );
                self.handle_journal().await;
            }
        }
        Ok(())
    }

    /// Handles what the journal holds, if this till runs the bot.
    pub async fn handle_journal(&self) -> Handled {
        if self.inner.gate.refusal().await.is_some() {
            return Handled::default();
        }
        let handled = match self.store().handle_whatsapp_pending().await {
            Ok(h) => h,
            Err(e) => {
                tracing::warn!(error = %e, "the WhatsApp journal could not be handled now");
                return Handled::default();
            }
        };
        let receipts = match self.store().queue_whatsapp_receipts().await {
            Ok(n) => n,
            Err(e) => {
                tracing::warn!(error = %e, "PDF receipts could not be queued now");
                0
            }
        };
        if handled.effects.queued || receipts > 0 {
            self.inner.wake.notify_one();
        }
        self.inner.runtime.after(handled.effects.clone());
        for (chat, ids) in &handled.read {
            if let Err(e) = self.inner.session.mark_read(chat, ids).await {
                tracing::debug!(error = %e, "read receipts not sent");
            }
        }
        handled
    }

    /// The link ends (logged out here or from the phone): keys wiped.
    async fn end(&self, state: &str) -> Result<(), StoreError> {
        self.with_live(|l| {
            l.generation += 1;
            l.pairing = Pairing::Idle;
            l.attempt = 0;
        });
        self.stop_dispatcher();
        wipe(self.store()).await?;
        self.store()
            .set_wa_link(state, &[("next_try_at", None), ("connected_at", None)])
            .await
    }

    /// "Unlink": removes this computer from the phone's linked devices and
    /// wipes the keys.
    pub async fn unlink(&self) -> Result<WhatsAppUnlinked, StoreError> {
        let whatsapp_told = match self.inner.session.logout().await {
            Ok(()) => true,
            Err(e) => {
                tracing::warn!(error = %e, "WhatsApp was not told of the unlink; keys wiped anyway");
                false
            }
        };
        self.end("unlinked").await?;
        self.store()
            .set_wa_link("unlinked", &[("phone", None), ("business_name", None)])
            .await?;
        Ok(WhatsAppUnlinked {
            status: self.status().await?,
            whatsapp_told,
        })
    }

    /// Stops a link in progress (the pairing window closed).
    pub async fn cancel(&self) -> Result<WhatsAppStatus, StoreError> {
        let row = self.store().wa_link().await?;
        if row.state == "linking" {
            self.with_live(|l| {
                l.generation += 1;
                l.pairing = Pairing::Idle;
            });
            self.inner.session.shutdown().await;
            self.stop_dispatcher();
            let next = if row.phone.is_some() {
                "connected"
            } else {
                "unlinked"
            };
            if next == "unlinked" {
                wipe(self.store()).await?;
            }
            self.store().set_wa_link(next, &[]).await?;
        } else {
            self.with_live(|l| {
                if !matches!(l.pairing, Pairing::Linked) {
                    l.pairing = Pairing::Idle;
                }
            });
        }
        self.status().await
    }

    /// Stops the session (the app is closing); the link stays.
    pub async fn shutdown(&self) {
        self.with_live(|l| l.generation += 1);
        self.stop_dispatcher();
        self.inner.session.shutdown().await;
    }

    /// The link as Settings and the pairing window show it.
    pub async fn status(&self) -> Result<WhatsAppStatus, StoreError> {
        let store = self.store();
        let row = store.wa_link().await?;
        let shop = store.require_shop().await.ok();
        let now = store.now();
        let at = |ms: Option<i64>| ms.map(from_millis);
        let (attempt, undecryptable, pairing) = self
            .with_live(|l| (l.attempt, l.undecryptable, l.pairing.clone()))
            .unwrap_or((0, 0, Pairing::Idle));
        let state = match row.state.as_str() {
            "linking" => WhatsAppLinkState::Linking,
            "connected" => WhatsAppLinkState::Connected {
                since: at(row.connected_at).unwrap_or(now),
            },
            "reconnecting" => WhatsAppLinkState::Reconnecting {
                next_try_at: at(row.next_try_at).unwrap_or(now),
                attempt: attempt.max(1),
            },
            "logged_out" => WhatsAppLinkState::LoggedOut,
            "replaced" => WhatsAppLinkState::Replaced,
            "banned" => WhatsAppLinkState::Banned {
                until: at(row.ban_until).unwrap_or(now),
                reason: row.detail.clone(),
            },
            _ => WhatsAppLinkState::NotLinked,
        };
        let phone = row.phone.as_ref().map(|p| match &shop {
            Some(s) => Msisdn::parse(p, s.country)
                .map(|m| m.national())
                .unwrap_or_else(|_| format!("+{p}")),
            None => format!("+{p}"),
        });
        let mut warnings = Vec::new();
        let linked = matches!(
            state,
            WhatsAppLinkState::Connected { .. } | WhatsAppLinkState::Reconnecting { .. }
        );
        if linked {
            // WhatsApp drops linked devices when the phone has been away for
            // 14 days; a customer message proves the phone was online.
            let last_seen = row.last_message_at.max(row.connected_at);
            if let Some(seen) = at(last_seen) {
                let idle = (now - seen).num_days();
                if idle >= IDLE_WARNING_DAYS {
                    warnings.push(format!(
                        "No WhatsApp activity for {idle} days. WhatsApp logs linked computers out after {IDLE_LOGOUT_DAYS} days without the phone: open WhatsApp on the phone to keep this link."
                    ));
                }
            }
            if let Some(why) = self.inner.gate.refusal().await {
                warnings.push(why);
            }
        }
        if undecryptable > 0 {
            warnings.push(format!(
                "{undecryptable} customer message(s) could not be read on this computer. They show on the phone; reply there or ask the customer to send again."
            ));
        }
        let pending = store.whatsapp_pending().await.unwrap_or(0);
        if linked && pending > 0 {
            warnings.push(format!("{pending} message(s) waiting to be answered."));
        }
        let seconds = |until: Instant| {
            u32::try_from(until.saturating_duration_since(Instant::now()).as_secs()).unwrap_or(0)
        };
        let pairing = match pairing {
            Pairing::Idle => PairingView::Idle,
            Pairing::Starting => PairingView::Starting,
            Pairing::Qr { code, until } => PairingView::Qr {
                code,
                seconds_left: seconds(until),
            },
            Pairing::QrExhausted => PairingView::QrExhausted,
            Pairing::PhoneCode { code, until } => PairingView::PhoneCode {
                code,
                seconds_left: seconds(until),
            },
            Pairing::Failed(message) => PairingView::Failed { message },
            Pairing::Linked => PairingView::Linked {
                phone: phone.clone().unwrap_or_default(),
                business_name: row.business_name.clone().unwrap_or_default(),
            },
        };
        Ok(WhatsAppStatus {
            state,
            phone,
            business_name: row.business_name.unwrap_or_default(),
            last_message_at: at(row.last_message_at),
            warnings,
            pairing,
            pdf_receipts: store.whatsapp_pdf_receipts().await?,
        })
    }

    /// Turns PDF receipts on or off.
    pub async fn set_pdf_receipts(&self, on: bool) -> Result<WhatsAppStatus, StoreError> {
        self.store().set_whatsapp_pdf_receipts(on).await?;
        self.status().await
    }

    /// Wakes the outbound dispatcher (a staff reply was queued).
    pub fn wake(&self) {
        self.inner.wake.notify_one();
    }
}
