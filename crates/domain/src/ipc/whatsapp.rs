//! Linking WhatsApp, the pairing window and the link's health (the shell's
//! `commands/whatsapp.rs`).

use super::NoArgs;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// How the WhatsApp link stands, as Settings shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum WhatsAppLinkState {
    /// No WhatsApp linked: the bot runs in the test chat only.
    NotLinked,
    /// The merchant is linking (the pairing window is open).
    Linking,
    /// Connected and answering.
    Connected {
        /// Since when.
        since: DateTime<Utc>,
    },
    /// The connection dropped; trying again.
    Reconnecting {
        /// Roughly when the next try is.
        next_try_at: DateTime<Utc>,
        /// Tries so far.
        attempt: u32,
    },
    /// Logged out from the phone (or removed by WhatsApp): the keys were
    /// wiped; link again to continue.
    LoggedOut,
    /// Another WhatsApp Web or desktop session took this one over.
    Replaced,
    /// WhatsApp banned the number for a while.
    Banned {
        /// Until when.
        until: DateTime<Utc>,
        /// Why, in words.
        reason: String,
    },
}

/// What the pairing window shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum PairingView {
    /// Nothing started yet: choose QR or phone number.
    Idle,
    /// Connecting to WhatsApp for a first code.
    Starting,
    /// A QR code to scan.
    Qr {
        /// The string to encode.
        code: String,
        /// Seconds until it is replaced.
        seconds_left: u32,
    },
    /// The codes ran out: offer a new one.
    QrExhausted,
    /// The 8-character code to type on the phone.
    PhoneCode {
        /// The code, e.g. "ABCD-EFGH".
        code: String,
        /// Seconds until it expires.
        seconds_left: u32,
    },
    /// Linking failed; what to do.
    Failed {
        /// For people.
        message: String,
    },
    /// Linked.
    Linked {
        /// The linked number, as the merchant writes it.
        phone: String,
        /// The WhatsApp Business name ("" for a personal account).
        business_name: String,
    },
}

/// Settings -> WhatsApp and the pairing window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WhatsAppStatus {
    /// The link.
    pub state: WhatsAppLinkState,
    /// The linked number (national form), once linked.
    pub phone: Option<String>,
    /// The business name, once linked.
    pub business_name: String,
    /// When the last customer message arrived.
    pub last_message_at: Option<DateTime<Utc>>,
    /// A warning to act on (WhatsApp's 14-day idle logout coming, a message
    /// that could not be read, another till runs the bot).
    pub warnings: Vec<String>,
    /// The pairing window's state.
    pub pairing: PairingView,
    /// Whether a PDF receipt follows the text receipt after payment.
    pub pdf_receipts: bool,
}

/// Turn PDF receipts on WhatsApp on or off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetPdfReceipts {
    /// On.
    pub on: bool,
}

/// How to link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum LinkWhatsApp {
    /// Scan QR codes.
    Qr,
    /// Type an 8-character code on the phone with this number.
    PhoneNumber {
        /// As the merchant types it (07…, +254…).
        phone: String,
    },
}

/// What unlinking WhatsApp did (the Disconnect window's result).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WhatsAppUnlinked {
    /// The link afterwards (not linked).
    pub status: WhatsAppStatus,
    /// Whether WhatsApp's servers were told (the phone's "Linked devices"
    /// list drops this computer). Keys are wiped here either way; when
    /// false the merchant removes the device on the phone.
    pub whatsapp_told: bool,
}

commands! {
    /// The WhatsApp link's health and the pairing window's state.
    GetWhatsAppStatus, "get_whatsapp_status", NoArgs => WhatsAppStatus;
    /// Open the pairing window (created on demand).
    OpenPairingWindow, "open_pairing_window", NoArgs => ();
    /// Start linking (only now does DukaDesk contact WhatsApp).
    LinkWhatsAppCmd, "link_whatsapp", LinkWhatsApp => WhatsAppStatus;
    /// Stop a link in progress.
    CancelWhatsAppLink, "cancel_whatsapp_link", NoArgs => WhatsAppStatus;
    /// Unlink this computer from WhatsApp (log out on WhatsApp's servers)
    /// and wipe its keys. The Disconnect window only.
    UnlinkWhatsApp, "unlink_whatsapp", NoArgs => WhatsAppUnlinked;
    /// Send a PDF receipt after the text receipt, or not.
    SetWhatsAppPdfReceipts, "set_whatsapp_pdf_receipts", SetPdfReceipts => WhatsAppStatus;
}
