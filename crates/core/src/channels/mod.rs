//! Channels carry messages to customers: the in-process simulator behind the
//! test chat, and the merchant's own WhatsApp as a linked device
//! ([`whatsapp`]). Outbound messages are never sent directly:
//! the bot's replies are queued in the `messages` table inside the turn's
//! transaction, and [`dispatch`] drains that queue in order through a
//! [`rate::TokenBucket`], so nothing is dropped and a chat's messages keep
//! their order across restarts.

pub mod dispatch;
pub mod rate;
pub mod simulator;
pub mod whatsapp;

use std::future::Future;
use std::pin::Pin;

/// A future returned by a channel.
pub type ChannelFuture<'a, T> = Pin<Box<dyn Future<Output = Result<T, ChannelError>> + Send + 'a>>;

/// Why a send failed. The dispatcher retries all of these with backoff.
#[derive(Debug, Clone, thiserror::Error)]
pub enum ChannelError {
    /// The channel is not connected right now.
    #[error("not connected: {0}")]
    Disconnected(String),
    /// The channel refused this message.
    #[error("refused: {0}")]
    Refused(String),
}

/// A file to send (a PDF receipt).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Its bytes.
    pub bytes: Vec<u8>,
    /// File name shown to the customer.
    pub file_name: String,
    /// MIME type.
    pub mime: String,
    /// Caption.
    pub caption: String,
}

/// A photo to send (an item's photo a customer asked for).
#[derive(Clone, PartialEq, Eq)]
pub struct Image {
    /// The picture, JPEG.
    pub bytes: Vec<u8>,
    /// Its width in pixels.
    pub width: u32,
    /// Its height in pixels.
    pub height: u32,
    /// The text shown under it.
    pub caption: String,
}

impl std::fmt::Debug for Image {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Image")
            .field("bytes", &self.bytes.len())
            .field("width", &self.width)
            .field("height", &self.height)
            .finish_non_exhaustive()
    }
}

/// A file a queued message carries, made when it is sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Attached {
    /// A document (a receipt).
    Document(Document),
    /// A photo.
    Image(Image),
}

/// What a channel can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Capabilities {
    /// Interactive lists and buttons (business accounts); otherwise the
    /// numbered text already in each reply is used.
    pub interactive_lists: bool,
}

/// A way to reach customers.
pub trait Channel: Send + Sync + std::fmt::Debug {
    /// What it supports.
    fn capabilities(&self) -> Capabilities;
    /// Sends text to a chat address.
    fn send_text<'a>(&'a self, to: &'a str, text: &'a str) -> ChannelFuture<'a, ()>;
    /// Sends a list; channels without lists send the text, which already
    /// carries the numbered options.
    fn send_list<'a>(
        &'a self,
        to: &'a str,
        text: &'a str,
        rows: &'a [String],
    ) -> ChannelFuture<'a, ()> {
        let _ = rows;
        self.send_text(to, text)
    }
    /// Sends a document; channels without documents send its caption.
    fn send_document<'a>(&'a self, to: &'a str, doc: &'a Document) -> ChannelFuture<'a, ()> {
        self.send_text(to, &doc.caption)
    }
    /// Sends a photo with its caption; channels without images send the
    /// caption.
    fn send_image<'a>(&'a self, to: &'a str, image: &'a Image) -> ChannelFuture<'a, ()> {
        self.send_text(to, &image.caption)
    }
    /// Marks the chat read up to now.
    fn mark_read<'a>(&'a self, to: &'a str) -> ChannelFuture<'a, ()>;
    /// Shows or hides "typing…".
    fn typing<'a>(&'a self, to: &'a str, on: bool) -> ChannelFuture<'a, ()>;
}
