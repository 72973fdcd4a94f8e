//! A session that talks to no server: tests (and debug builds started with
//! `DUKADESK_WHATSAPP_FAKE`, for the pairing window's screenshots) push the
//! events WhatsApp would send and read what was sent back.

use super::{async_trait, Document, Image, LinkMethod, SessionError, WaEvent, WhatsAppSession};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::mpsc;

/// Something the fake was asked to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FakeCall {
    /// connect(how).
    Connect(LinkMethod),
    /// send_text(to, text).
    Text(String, String),
    /// send_document(to, file name, size).
    Document(String, String, usize),
    /// send_image(to, caption, size).
    Image(String, String, usize),
    /// mark_read(chat, ids).
    Read(String, Vec<String>),
    /// typing(chat, on).
    Typing(String, bool),
    /// logout().
    Logout,
    /// shutdown().
    Shutdown,
}

#[derive(Debug, Default)]
struct Inner {
    events: Option<mpsc::Sender<WaEvent>>,
    connected: bool,
    calls: Vec<FakeCall>,
    next_id: u64,
    fail_sends: bool,
}

/// What a scripted fake plays on connect: (delay before, event).
pub type Script = fn(&LinkMethod) -> Vec<(Duration, WaEvent)>;

/// A scripted, in-process session.
#[derive(Debug, Default)]
pub struct FakeSession {
    inner: Arc<Mutex<Inner>>,
    /// Played on every connect.
    script: Option<Script>,
}

/// What WhatsApp would send while the merchant links: two QR codes, then
/// "codes ran out"; by phone number, a code, then success. For the pairing
/// window's screenshots in debug builds.
pub fn pairing_script(how: &LinkMethod) -> Vec<(Duration, WaEvent)> {
    let s = Duration::from_secs;
    match how {
        LinkMethod::Qr => vec![
            (
                Duration::from_millis(300),
                WaEvent::QrCode {
                    code: "2@WmFrYXJpYSBuZGl6aSBuYSBtYXppd2EgbGFsYQ==,eGxvcGx1a2VtZW50b3M0NQ==,c2FtYWtpIG5hIHVnYWxpIGtpYmljaGE=,YWR2LXNlY3JldC1mb3ItdGVzdHM=".into(),
                    valid_for: s(60),
                },
            ),
            (
                s(6),
                WaEvent::QrCode {
                    code: "2@U2VoZW11IHlhIHBpbGkgeWEga29kaQ==,eGxvcGx1a2VtZW50b3M0NQ==,c2FtYWtpIG5hIHVnYWxpIGtpYmljaGE=,YWR2LXNlY3JldC1mb3ItdGVzdHM=".into(),
                    valid_for: s(20),
                },
            ),
            (s(6), WaEvent::QrCodesExhausted),
        ],
        LinkMethod::PhoneNumber(_) => vec![
            (
                Duration::from_millis(300),
                WaEvent::PairingCode {
                    code: "K7QM-2XPL".into(),
                    valid_for: s(180),
                },
            ),
            (
                s(6),
                WaEvent::Paired {
                    phone: "254700123456".into(),
                    business_name: "Mama Njeri Groceries".into(),
                },
            ),
            (Duration::from_millis(300), WaEvent::Connected),
        ],
        LinkMethod::Resume => vec![(Duration::from_millis(300), WaEvent::Connected)],
    }
}

impl FakeSession {
    /// A fake that emits only what the test pushes.
    pub fn new() -> Self {
        Self::default()
    }

    /// A fake that plays `script` on each connect.
    pub fn scripted(script: Script) -> Self {
        Self {
            inner: Arc::default(),
            script: Some(script),
        }
    }

    /// Delivers an event as WhatsApp would. `Connected` and the events that
    /// end the session also flip whether sends succeed. Returns false when
    /// nobody is connected to listen.
    pub async fn emit(&self, event: WaEvent) -> bool {
        Self::track(&self.inner, &event);
        let tx = match self.inner.lock() {
            Ok(inner) => inner.events.clone(),
            Err(_) => return false,
        };
        match tx {
            Some(tx) => tx.send(event).await.is_ok(),
            None => false,
        }
    }

    /// Whether sends succeed after `event`: `Connected` and the events that
    /// end the session flip it.
    fn track(inner: &Mutex<Inner>, event: &WaEvent) {
        let Ok(mut inner) = inner.lock() else {
            return;
        };
        match event {
            WaEvent::Connected => inner.connected = true,
            WaEvent::Disconnected
            | WaEvent::LoggedOut { .. }
            | WaEvent::Replaced
            | WaEvent::TemporaryBan { .. } => inner.connected = false,
            _ => {}
        }
    }

    /// Everything asked of it so far.
    pub fn calls(&self) -> Vec<FakeCall> {
        self.inner
            .lock()
            .map(|i| i.calls.clone())
            .unwrap_or_default()
    }

    /// The texts sent: (to, text).
    pub fn texts(&self) -> Vec<(String, String)> {
        self.calls()
            .into_iter()
            .filter_map(|c| match c {
                FakeCall::Text(to, text) => Some((to, text)),
                _ => None,
            })
            .collect()
    }

    /// Makes sends fail (as when the connection is flaky).
    pub fn fail_sends(&self, fail: bool) {
        if let Ok(mut i) = self.inner.lock() {
            i.fail_sends = fail;
        }
    }

    fn record(&self, call: FakeCall) -> Result<(), SessionError> {
        let mut inner = self
            .inner
            .lock()
            .map_err(|_| SessionError::Failed("fake poisoned".into()))?;
        inner.calls.push(call);
        Ok(())
    }

    fn sendable(&self) -> Result<String, SessionError> {
        let mut inner = self
            .inner
            .lock()
            .map_err(|_| SessionError::Failed("fake poisoned".into()))?;
        if !inner.connected {
            return Err(SessionError::NotConnected);
        }
        if inner.fail_sends {
            return Err(SessionError::Failed("send failed".into()));
        }
        inner.next_id += 1;
        Ok(format!("FAKE{:06}", inner.next_id))
    }
}

#[async_trait]
impl WhatsAppSession for FakeSession {
    async fn connect(&self, how: LinkMethod) -> Result<mpsc::Receiver<WaEvent>, SessionError> {
        let (tx, rx) = mpsc::channel(1024);
        {
            let mut inner = self
                .inner
                .lock()
                .map_err(|_| SessionError::Failed("fake poisoned".into()))?;
            inner.events = Some(tx.clone());
            inner.calls.push(FakeCall::Connect(how.clone()));
        }
        if let Some(script) = self.script {
            let script = script(&how);
            let inner = Arc::clone(&self.inner);
            tokio::spawn(async move {
                for (wait, event) in script {
                    tokio::time::sleep(wait).await;
                    Self::track(&inner, &event);
                    if tx.send(event).await.is_err() {
                        return;
                    }
                }
            });
        }
        Ok(rx)
    }

    async fn send_text(&self, to: &str, text: &str) -> Result<String, SessionError> {
        let id = self.sendable()?;
        self.record(FakeCall::Text(to.into(), text.into()))?;
        Ok(id)
    }

    async fn send_document(&self, to: &str, doc: &Document) -> Result<String, SessionError> {
        let id = self.sendable()?;
        self.record(FakeCall::Document(
            to.into(),
            doc.file_name.clone(),
            doc.bytes.len(),
        ))?;
        Ok(id)
    }

    async fn send_image(&self, to: &str, image: &Image) -> Result<String, SessionError> {
        let id = self.sendable()?;
        self.record(FakeCall::Image(
            to.into(),
            image.caption.clone(),
            image.bytes.len(),
        ))?;
        Ok(id)
    }

    async fn mark_read(&self, chat: &str, ids: &[String]) -> Result<(), SessionError> {
        self.record(FakeCall::Read(chat.into(), ids.to_vec()))
    }

    async fn typing(&self, chat: &str, on: bool) -> Result<(), SessionError> {
        self.record(FakeCall::Typing(chat.into(), on))
    }

    async fn logout(&self) -> Result<(), SessionError> {
        self.record(FakeCall::Logout)?;
        let (was_connected, tx) = {
            let mut inner = self
                .inner
                .lock()
                .map_err(|_| SessionError::Failed("fake poisoned".into()))?;
            let was = inner.connected;
            inner.connected = false;
            (was, inner.events.take())
        };
        if let Some(tx) = tx {
            let _ = tx
                .send(WaEvent::LoggedOut {
                    reason: "LoggedOut".into(),
                })
                .await;
        }
        // Offline, WhatsApp cannot be told (as with the real session).
        if was_connected {
            Ok(())
        } else {
            Err(SessionError::NotConnected)
        }
    }

    async fn shutdown(&self) {
        let _ = self.record(FakeCall::Shutdown);
        if let Ok(mut inner) = self.inner.lock() {
            inner.connected = false;
            inner.events = None;
        }
    }
}
