//! The inbox, one chat, staff replies and take-over, and the test chat (the
//! shell's `commands/chat.rs`).

use super::NoArgs;
use crate::order::OrderStatus;
use crate::{ConversationId, ItemId, MessageId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Which channel a chat runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ChatChannel {
    /// The merchant's own test chat (simulated customer and payment).
    TestChat,
    /// WhatsApp, through the linked device.
    WhatsApp,
}

/// One chat in the inbox list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationSummary {
    /// Id.
    pub id: ConversationId,
    /// Channel.
    pub channel: ChatChannel,
    /// Customer name, else their number.
    pub title: String,
    /// The newest message, shortened.
    pub preview: String,
    /// When the newest message came or went.
    pub last_message_at: DateTime<Utc>,
    /// Customer messages staff have not opened.
    pub unread: u32,
    /// The customer asked for a person, or a payment needs settling.
    pub needs_attention: bool,
    /// Staff handle the chat; the bot is quiet until then.
    pub taken_over_until: Option<DateTime<Utc>>,
    /// Who last took the chat over (Take over, or a reply), by the name
    /// shown at the till.
    #[serde(default)]
    pub taken_over_by: Option<String>,
    /// Who last handed the chat back to the bot.
    #[serde(default)]
    pub handed_back_by: Option<String>,
    /// The chat's newest order: number and status.
    pub order: Option<(i64, OrderStatus)>,
}

/// Who wrote a message, as shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MessageAuthor {
    /// The customer.
    Customer,
    /// The bot.
    Bot,
    /// Shop staff.
    Staff,
}

/// Delivery state of a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MessageStatus {
    /// From the customer.
    Received,
    /// Waiting for its turn (outbound rate limit).
    Queued,
    /// Handed to the channel.
    Sent,
}

/// One message as shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageView {
    /// Id.
    pub id: MessageId,
    /// Author.
    pub author: MessageAuthor,
    /// Text.
    pub body: String,
    /// When.
    pub at: DateTime<Utc>,
    /// Delivery state.
    pub status: MessageStatus,
    /// For a staff reply, who typed it (the name shown at the till).
    #[serde(default)]
    pub by: Option<String>,
    /// The item photo the message carries (its text is the caption), when
    /// the item still has it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub photo: Option<PhotoRef>,
}

/// An item's photo as the UI asks the shell for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhotoRef {
    /// The item.
    pub item: ItemId,
    /// The photo's fingerprint.
    pub fingerprint: String,
}

/// A chat with its messages, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationView {
    /// The list entry.
    pub summary: ConversationSummary,
    /// Messages, oldest first (the newest 200).
    pub messages: Vec<MessageView>,
}

/// Open a chat (marks it read).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationRef {
    /// Chat.
    pub id: ConversationId,
}

/// A reply typed by staff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffReply {
    /// Chat.
    pub id: ConversationId,
    /// Text.
    pub text: String,
}

/// Take a chat over from the bot, or hand it back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetTakeover {
    /// Chat.
    pub id: ConversationId,
    /// True to take over (for an hour, renewed by each staff reply).
    pub on: bool,
}

/// How the test chat's simulated M-Pesa answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum SimulatedPayment {
    /// The customer enters the PIN: paid.
    #[default]
    Succeed,
    /// The customer cancels the prompt.
    Fail,
    /// No answer: the outcome stays unknown.
    Timeout,
}

/// A message the merchant types as the test customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TestChatSend {
    /// The test customer's phone as typed.
    pub phone: String,
    /// Text.
    pub text: String,
}

/// The test chat and its payment setting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TestChatView {
    /// The test customer's number.
    pub phone: String,
    /// The chat, once started.
    pub conversation: Option<ConversationView>,
    /// What the simulated M-Pesa does.
    pub payment: SimulatedPayment,
    /// Whether the simulated airtime provider fails its sends (to try what
    /// a customer is told); otherwise it delivers them.
    #[serde(default)]
    pub airtime_fails: bool,
    /// The shop takes cash at the hand-over (no M-Pesa): the test chat's
    /// orders are paid at the till like real ones, and no simulated M-Pesa
    /// is offered.
    #[serde(default)]
    pub on_delivery: bool,
}

/// What the test chat's simulated airtime provider does.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetTestAirtime {
    /// Fail every send from now on (false: deliver them).
    pub fails: bool,
}

commands! {
    /// The inbox: chats, newest first.
    ListConversations, "list_conversations", NoArgs => Vec<ConversationSummary>;
    /// One chat; marks it read.
    GetConversation, "get_conversation", ConversationRef => ConversationView;
    /// Staff reply (takes the chat over from the bot).
    SendStaffReply, "send_staff_reply", StaffReply => ConversationView;
    /// Take a chat over or hand it back to the bot.
    SetTakeoverCmd, "set_takeover", SetTakeover => ConversationView;
    /// The test chat.
    GetTestChat, "get_test_chat", NoArgs => TestChatView;
    /// Send a message as the test customer.
    TestChatSendCmd, "test_chat_send", TestChatSend => TestChatView;
    /// Choose what the simulated M-Pesa does.
    SetTestPayment, "set_test_payment", SimulatedPayment => TestChatView;
    /// Choose whether the simulated airtime provider delivers or fails.
    SetTestAirtimeCmd, "set_test_airtime", SetTestAirtime => TestChatView;
    /// Start the test chat over.
    ResetTestChat, "reset_test_chat", NoArgs => TestChatView;
}
