//! WhatsApp as a linked device: the merchant's own number, linked like
//! WhatsApp Web, answers customers through the bot.
//!
//! - [`WhatsAppSession`] is the one seam to the protocol: connect (resume,
//!   QR or phone-number linking), events as DukaDesk's own [`WaEvent`], send
//!   text and documents, mark read, typing, logout. [`real::RealSession`]
//!   implements it with the `whatsapp-rust` crate (pinned exactly);
//!   [`fake::FakeSession`] drives tests and the pairing window's screenshots,
//!   since WhatsApp's servers cannot be reached from a test.
//! - [`translate`] turns the crate's messages into [`WaInbound`]; nothing
//!   else in DukaDesk sees the crate's types.
//! - [`session_store::SqlBackend`] keeps the protocol's keys in the shop's
//!   SQLite file, every value sealed by the vault.
//! - [`journal`] records each inbound message before it is handled, so each
//!   is answered once across reconnects, offline drains and restarts.
//! - [`link::WhatsAppLink`] runs a session: pairing, link health, reconnects,
//!   the journal, and the outbound [`WhatsAppChannel`] for the dispatcher.
//!
//! It must not depend on Tauri or the UI.

pub mod fake;
pub mod journal;
pub mod link;
pub mod real;
pub mod receipts;
pub mod session_store;
pub mod translate;

#[cfg(test)]
mod tests;

use super::{Capabilities, Channel, ChannelError, ChannelFuture};
pub use super::{Document, Image};
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::mpsc;

pub use whatsapp_rust::async_trait;

/// The longest inbound text the bot reads; longer messages are cut here
/// (and staff see that they were).
pub const MAX_TEXT_CHARS: usize = 4_096;

/// How the merchant links (or, once linked, how a session resumes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkMethod {
    /// A device is already linked: resume it, no scan.
    Resume,
    /// Show QR codes to scan.
    Qr,
    /// Link with an 8-character code entered on the phone with this number
    /// (digits with country code, e.g. 254712345678).
    PhoneNumber(String),
}

/// Which batch an inbound message came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Origin {
    /// Live traffic.
    Live,
    /// Queued while this device was offline, delivered on reconnect.
    OfflineDrain,
}

/// What an inbound message carries, as the bot reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum WaContent {
    /// Text (or a media caption). `truncated` when it was cut to
    /// [`MAX_TEXT_CHARS`].
    Text {
        /// The text.
        text: String,
        /// Cut short.
        truncated: bool,
    },
    /// Something the bot cannot read (a sticker, a voice note, a location,
    /// a picture without words...): shown to staff as what it is.
    Unsupported {
        /// "sticker", "voice note", "location", ...
        kind: String,
    },
    /// Protocol traffic with nothing for a person (reactions, edits,
    /// key distribution): journalled, not shown.
    Nothing,
}

/// One inbound message, translated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WaInbound {
    /// WhatsApp's message id (unique within chat and sender).
    pub id: String,
    /// The chat's id (`254…@s.whatsapp.net`, `…@lid`, `…@g.us`).
    pub chat: String,
    /// The sender's id.
    pub sender: String,
    /// The sender's phone number (digits, with country code) when known:
    /// from a phone-number id or resolved from a hidden (`@lid`) id.
    pub sender_phone: Option<String>,
    /// Sent by the merchant (from the phone or another linked device).
    pub from_me: bool,
    /// A group, a status update or a broadcast: never answered.
    pub not_a_chat: bool,
    /// The name the sender set in WhatsApp.
    pub push_name: String,
    /// When it was sent (Unix milliseconds).
    pub sent_at_ms: i64,
    /// What it says.
    pub content: WaContent,
}

impl WaInbound {
    /// The DukaDesk chat address: the phone number when known, otherwise
    /// the chat id (a hidden `@lid` id).
    pub fn address(&self) -> String {
        if self.from_me {
            // The chat is the customer's; the sender is the merchant.
            return jid_user_phone(&self.chat).unwrap_or_else(|| self.chat.clone());
        }
        self.sender_phone
            .clone()
            .or_else(|| jid_user_phone(&self.chat))
            .unwrap_or_else(|| self.chat.clone())
    }
}

/// The phone number in a phone-number id (`254…@s.whatsapp.net`, device
/// suffix dropped); `None` for other ids.
pub fn jid_user_phone(jid: &str) -> Option<String> {
    let (user, server) = jid.split_once('@')?;
    if server != "s.whatsapp.net" && server != "c.us" {
        return None;
    }
    let user = user.split(':').next().unwrap_or(user);
    (!user.is_empty() && user.len() <= 15 && user.bytes().all(|b| b.is_ascii_digit()))
        .then(|| user.to_owned())
}

/// The WhatsApp id to send to for a chat address.
pub fn address_jid(address: &str) -> String {
    if address.contains('@') {
        address.to_owned()
    } else {
        format!("{address}@s.whatsapp.net")
    }
}

/// Whether a WhatsApp id is a one-to-one chat (a phone number or a hidden
/// `@lid` id), never a group, status update, newsletter or broadcast list.
pub fn is_one_to_one(jid: &str) -> bool {
    jid.ends_with("@s.whatsapp.net") || jid.ends_with("@lid")
}

/// The chat's id for a channel address, refused unless it is a
/// one-to-one chat: never groups, status or broadcast lists.
fn one_to_one(to: &str) -> Result<String, ChannelError> {
    let jid = address_jid(to);
    if is_one_to_one(&jid) {
        Ok(jid)
    } else {
        Err(ChannelError::Refused(
            "DukaDesk only answers one-to-one chats".into(),
        ))
    }
}

/// What the session reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WaEvent {
    /// A QR code to show; valid for `valid_for`, then the next one comes.
    QrCode {
        /// The string to encode.
        code: String,
        /// Validity.
        valid_for: Duration,
    },
    /// No more QR codes this round: offer "get a new code".
    QrCodesExhausted,
    /// The 8-character code to type on the phone.
    PairingCode {
        /// The code.
        code: String,
        /// Validity.
        valid_for: Duration,
    },
    /// Linking by phone number failed (throttled, refused, no connection).
    PairingCodeFailed {
        /// What went wrong, for staff (no personal data).
        reason: String,
        /// When the server said to try again.
        retry_after: Option<Duration>,
    },
    /// Linking failed after the scan.
    PairFailed {
        /// Why.
        reason: String,
    },
    /// Linked: the merchant's number and business name.
    Paired {
        /// Phone number, digits.
        phone: String,
        /// Business name ("" for a personal account).
        business_name: String,
    },
    /// Connected to WhatsApp.
    Connected,
    /// The connection dropped; the session tries again by itself.
    Disconnected,
    /// Logged out (from the phone, or the server removed this device).
    LoggedOut {
        /// Why, for staff.
        reason: String,
    },
    /// Another client took this session over; no more automatic reconnects.
    Replaced,
    /// WhatsApp banned the number for a while.
    TemporaryBan {
        /// Why, in words.
        reason: String,
        /// How long.
        expires_in: Duration,
    },
    /// A stream error the session survives.
    StreamError {
        /// The server's code.
        code: String,
    },
    /// Inbound messages.
    Messages {
        /// Live or offline drain.
        origin: Origin,
        /// In arrival order.
        messages: Vec<WaInbound>,
    },
    /// A message that could not be decrypted.
    Undecryptable {
        /// Its id.
        id: String,
        /// The chat.
        chat: String,
    },
}

/// What a session call can fail with.
#[derive(Debug, Clone, thiserror::Error)]
pub enum SessionError {
    /// Not connected (yet, or any more).
    #[error("WhatsApp is not connected")]
    NotConnected,
    /// The vault is locked: keys cannot be kept.
    #[error("{0}")]
    Locked(String),
    /// WhatsApp refused or the call failed.
    #[error("WhatsApp: {0}")]
    Failed(String),
}

impl From<SessionError> for ChannelError {
    fn from(e: SessionError) -> Self {
        match e {
            SessionError::NotConnected => ChannelError::Disconnected(e.to_string()),
            other => ChannelError::Refused(other.to_string()),
        }
    }
}

/// A linked-device session. Ids are WhatsApp ids as strings
/// (`254…@s.whatsapp.net`).
#[async_trait]
pub trait WhatsAppSession: Send + Sync + std::fmt::Debug {
    /// Connects (resuming or linking) and returns the session's events. The
    /// stream ends when the session stops for good (logged out, replaced,
    /// shut down).
    async fn connect(&self, how: LinkMethod) -> Result<mpsc::Receiver<WaEvent>, SessionError>;
    /// Sends text; returns WhatsApp's id for it.
    async fn send_text(&self, to: &str, text: &str) -> Result<String, SessionError>;
    /// Uploads and sends a document.
    async fn send_document(&self, to: &str, doc: &Document) -> Result<String, SessionError>;
    /// Uploads and sends a photo with its caption.
    async fn send_image(&self, to: &str, image: &Image) -> Result<String, SessionError>;
    /// Marks messages of a chat read.
    async fn mark_read(&self, chat: &str, ids: &[String]) -> Result<(), SessionError>;
    /// Shows (`true`) or stops "typing…".
    async fn typing(&self, chat: &str, on: bool) -> Result<(), SessionError>;
    /// Unlinks this device on WhatsApp's side and stops. Stored keys are the
    /// caller's to wipe. Stops even when offline, then answers
    /// `NotConnected`: WhatsApp was not told, and the phone still lists the
    /// device until the merchant removes it there.
    async fn logout(&self) -> Result<(), SessionError>;
    /// Stops without unlinking (app closing).
    async fn shutdown(&self);
}

/// How replies are paced on WhatsApp, on top of the dispatcher's token
/// bucket: "typing…" for a while that grows with the reply and varies a
/// little, like a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pacing {
    /// Least typing time before a reply.
    pub min: Duration,
    /// Extra time per character, capped at `max`.
    pub per_char: Duration,
    /// Most typing time.
    pub max: Duration,
    /// Up to this much is added or taken at random.
    pub jitter: Duration,
}

impl Pacing {
    /// For a personal number.
    pub const HUMAN: Pacing = Pacing {
        min: Duration::from_millis(800),
        per_char: Duration::from_millis(15),
        max: Duration::from_secs(4),
        jitter: Duration::from_millis(600),
    };
    /// For tests: no waiting.
    pub const NONE: Pacing = Pacing {
        min: Duration::ZERO,
        per_char: Duration::ZERO,
        max: Duration::ZERO,
        jitter: Duration::ZERO,
    };

    /// The typing time for a reply of `chars` characters, given a random
    /// number in 0..=1000.
    pub fn delay(&self, chars: usize, random_permille: u32) -> Duration {
        let base = (self.min + self.per_char * u32::try_from(chars).unwrap_or(u32::MAX))
            .min(self.max)
            .max(self.min);
        let jitter = self
            .jitter
            .mul_f64(f64::from(random_permille.min(1000)) / 1000.0);
        // Centre the jitter on the base: base - jitter/2 .. base + jitter/2.
        (base + jitter).saturating_sub(self.jitter / 2)
    }
}

/// The bot's outbound channel on WhatsApp: typing first, then the reply.
#[derive(Debug, Clone)]
pub struct WhatsAppChannel {
    session: Arc<dyn WhatsAppSession>,
    pacing: Pacing,
}

impl WhatsAppChannel {
    /// A channel over `session`.
    pub fn new(session: Arc<dyn WhatsAppSession>, pacing: Pacing) -> Self {
        Self { session, pacing }
    }
}

fn random_permille() -> u32 {
    use aes_gcm::aead::rand_core::RngCore;
    aes_gcm::aead::OsRng.next_u32() % 1001
}

impl Channel for WhatsAppChannel {
    fn capabilities(&self) -> Capabilities {
        // Lists are unreliable from personal numbers: numbered text.
        Capabilities::default()
    }

    fn send_text<'a>(&'a self, to: &'a str, text: &'a str) -> ChannelFuture<'a, ()> {
        Box::pin(async move {
            let jid = one_to_one(to)?;
            // Typing is a courtesy: a failure there does not stop the reply.
            let _ = self.session.typing(&jid, true).await;
            let wait = self.pacing.delay(text.chars().count(), random_permille());
            if !wait.is_zero() {
                tokio::time::sleep(wait).await;
            }
            let sent = self.session.send_text(&jid, text).await;
            let _ = self.session.typing(&jid, false).await;
            sent.map(|_| ()).map_err(ChannelError::from)
        })
    }

    fn send_document<'a>(&'a self, to: &'a str, doc: &'a Document) -> ChannelFuture<'a, ()> {
        Box::pin(async move {
            let jid = one_to_one(to)?;
            self.session
                .send_document(&jid, doc)
                .await
                .map(|_| ())
                .map_err(ChannelError::from)
        })
    }

    fn send_image<'a>(&'a self, to: &'a str, image: &'a Image) -> ChannelFuture<'a, ()> {
        Box::pin(async move {
            let jid = one_to_one(to)?;
            self.session
                .send_image(&jid, image)
                .await
                .map(|_| ())
                .map_err(ChannelError::from)
        })
    }

    fn mark_read<'a>(&'a self, to: &'a str) -> ChannelFuture<'a, ()> {
        let _ = to;
        // Read receipts go out per message from the link, which knows ids.
        Box::pin(async { Ok(()) })
    }

    fn typing<'a>(&'a self, to: &'a str, on: bool) -> ChannelFuture<'a, ()> {
        Box::pin(async move {
            self.session
                .typing(&address_jid(to), on)
                .await
                .map_err(ChannelError::from)
        })
    }
}
