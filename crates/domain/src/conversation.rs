//! Chats with customers and their messages.

use crate::{ConversationId, CustomerId, MessageId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Which way a message went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Direction {
    /// From the customer.
    Inbound,
    /// To the customer.
    Outbound,
}

/// Who wrote an outbound message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Author {
    /// The customer.
    Customer,
    /// The order bot.
    Bot,
    /// A person at the shop.
    Staff,
}

/// A chat with one customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conversation {
    /// Id.
    pub id: ConversationId,
    /// The customer.
    pub customer_id: CustomerId,
    /// Last message at.
    pub last_message_at: DateTime<Utc>,
    /// Inbound messages staff have not seen.
    pub unread: u32,
    /// While set and in the future, staff handle the chat and the bot is quiet.
    pub taken_over_until: Option<DateTime<Utc>>,
}

/// One message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    /// Id.
    pub id: MessageId,
    /// Chat.
    pub conversation_id: ConversationId,
    /// Direction.
    pub direction: Direction,
    /// Author.
    pub author: Author,
    /// Text.
    pub body: String,
    /// When.
    pub at: DateTime<Utc>,
}
