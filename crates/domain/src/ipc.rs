//! Everything that crosses the boundary between the Yew front end and the
//! Tauri shell: command names, request and response types, and the one error
//! shape. Both sides compile this module, so a renamed field is a compile
//! error, not a runtime surprise.
//!
//! Convention: every command takes exactly one argument named `req` (the
//! command's `Req` type) and returns its `Resp` or an [`IpcError`].

use crate::catalogue::{Category, Item, ItemInput};
use crate::money::Money;
use crate::order::{
    FulfilmentKind, ManualOrderInput, Order, OrderChannel, OrderEvent, OrderStatus, TillPayment,
};
use crate::payment::PaymentAttempt;
use crate::shop::{DeliveryZone, Shop, ShopInput, ZoneInput};
use crate::{
    CategoryId, ConversationId, CustomerId, ItemId, MessageId, OrderId, PaymentId, Sensitive,
};
use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// A problem with one form field, shown beside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// The field's name in the form's input type.
    pub field: String,
    /// What is wrong and what to type instead.
    pub message: String,
}

impl FieldError {
    /// Builds a field error.
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

/// What kind of failure a command hit; the UI decides how to show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ErrorCode {
    /// The input was refused; see `fields`.
    Invalid,
    /// The thing asked for does not exist (any more).
    NotFound,
    /// The change conflicts with the current state (an illegal order move,
    /// stock gone).
    Conflict,
    /// The shop has not been set up yet.
    NotSetUp,
    /// The local database could not be read or written.
    Storage,
    /// Anything else; the message says what to do.
    Internal,
    /// Only the owner may do this: the UI asks for the owner password
    /// (`ConfirmOwner`) and tries again.
    OwnerRequired,
    /// The screen is locked: someone must sign in first.
    SignInRequired,
}

/// The one error every command returns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{message}")]
pub struct IpcError {
    /// Kind.
    pub code: ErrorCode,
    /// For people: what happened and what to do next.
    pub message: String,
    /// Per-field problems, for `Invalid`.
    pub fields: Vec<FieldError>,
}

impl IpcError {
    /// An error without field details.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            fields: Vec::new(),
        }
    }

    /// A validation error.
    pub fn invalid(fields: Vec<FieldError>) -> Self {
        Self {
            code: ErrorCode::Invalid,
            message: "Some fields need fixing.".into(),
            fields,
        }
    }

    /// The message for one field, if any.
    pub fn field(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|f| f.field == name)
            .map(|f| f.message.as_str())
    }
}

/// A command: its name as registered in the shell, and its types.
pub trait Command {
    /// The shell function's name.
    const NAME: &'static str;
    /// The `req` argument.
    type Req: Serialize + DeserializeOwned;
    /// The reply.
    type Resp: Serialize + DeserializeOwned;
}

/// An empty request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct NoArgs {}

macro_rules! command {
    ($(#[$doc:meta])* $ty:ident, $name:literal, $req:ty => $resp:ty) => {
        $(#[$doc])*
        #[derive(Debug)]
        pub enum $ty {}
        impl Command for $ty {
            const NAME: &'static str = $name;
            type Req = $req;
            type Resp = $resp;
        }
    };
}

/// Facts about the running app, for the settings page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppInfo {
    /// Version.
    pub version: String,
    /// The database file.
    pub database_path: String,
}

/// Light or dark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Theme {
    /// Light.
    #[default]
    Light,
    /// Dark.
    Dark,
}

/// The shop with its zones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShopView {
    /// The shop.
    pub shop: Shop,
    /// Delivery zones, active first.
    pub zones: Vec<DeliveryZone>,
}

/// Catalogue listing options.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ListItems {
    /// Include archived items.
    pub include_archived: bool,
}

/// Archive or restore an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetArchived {
    /// Item.
    pub id: ItemId,
    /// New state.
    pub archived: bool,
}

/// Add or remove units of a counted item without counting it (a delivery,
/// breakage): a stock correction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorrectStock {
    /// Item.
    pub id: ItemId,
    /// Units added (positive) or removed (negative); not zero.
    pub delta: i64,
}

/// Create or rename a category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct SaveCategory {
    /// Existing category, or `None` for a new one.
    pub id: Option<CategoryId>,
    /// Name.
    pub name: String,
}

/// Which orders the queue shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderQuery {
    /// Only this status.
    pub status: Option<OrderStatus>,
    /// Matches an order number (`1042`, `#1042`) or part of a phone number.
    pub search: String,
    /// At most this many, newest first.
    pub limit: u32,
}

impl Default for OrderQuery {
    fn default() -> Self {
        Self {
            status: None,
            search: String::new(),
            limit: 100,
        }
    }
}

/// One row of the order queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderSummary {
    /// Id.
    pub id: OrderId,
    /// Number.
    pub number: i64,
    /// Customer name or phone, or "Walk-in".
    pub customer: String,
    /// Units in the order.
    pub item_count: u32,
    /// Total.
    pub total: Money,
    /// Status.
    pub status: OrderStatus,
    /// Pickup or delivery.
    pub fulfilment: FulfilmentKind,
    /// Where it came from.
    pub channel: OrderChannel,
    /// Created.
    pub created_at: DateTime<Utc>,
}

/// One status change in an order's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderHistoryEntry {
    /// From.
    pub from: Option<OrderStatus>,
    /// To.
    pub to: OrderStatus,
    /// Who did it ("till", "bot", a staff name).
    pub actor: String,
    /// When.
    pub at: DateTime<Utc>,
}

/// An order with everything the detail pane shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderDetail {
    /// The order.
    pub order: Order,
    /// Status history, oldest first.
    pub history: Vec<OrderHistoryEntry>,
    /// Payment attempts, oldest first.
    pub payments: Vec<PaymentAttempt>,
    /// What the "advance" key does now.
    pub next_step: Option<OrderEvent>,
    /// Whether the order can still be cancelled.
    pub can_cancel: bool,
}

/// Apply a fulfilment event (start preparing, dispatch, deliver, cancel) to
/// an order. Payment events go through [`RecordPayment`] or the payment
/// providers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplyOrderEvent {
    /// Order.
    pub id: OrderId,
    /// Event.
    pub event: OrderEvent,
}

/// Record money received for an order at the till.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordPayment {
    /// Order.
    pub id: OrderId,
    /// Cash, or an M-Pesa receipt code the customer shows.
    pub payment: TillPayment,
}

/// Look up one order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderRef {
    /// Order.
    pub id: OrderId,
}

command!(
    /// Version and paths.
    GetAppInfo, "get_app_info", NoArgs => AppInfo);
command!(
    /// The shop, or `None` before first-run setup.
    GetShop, "get_shop", NoArgs => Option<ShopView>);
command!(
    /// First-run setup, or editing the shop's details later.
    SaveShop, "save_shop", ShopInput => ShopView);
command!(
    /// Save the opening hours (and whether the bot takes orders when closed).
    SaveHours, "save_hours", crate::shop::HoursInput => ShopView);
command!(
    /// Create or edit a delivery zone.
    SaveZone, "save_zone", ZoneInput => ShopView);
command!(
    /// Categories, in menu order.
    ListCategories, "list_categories", NoArgs => Vec<Category>);
command!(
    /// Create or rename a category.
    SaveCategoryCmd, "save_category", SaveCategory => Category);
command!(
    /// Items, by name.
    ListItemsCmd, "list_items", ListItems => Vec<Item>);
command!(
    /// Items running low (counted, at or below their warning level).
    ListLowStock, "list_low_stock", NoArgs => Vec<Item>);
command!(
    /// Create or edit an item.
    SaveItem, "save_item", ItemInput => Item);
command!(
    /// Archive or restore an item.
    SetItemArchived, "set_item_archived", SetArchived => Item);
command!(
    /// Add or remove units of a counted item without counting it.
    CorrectStockCmd, "correct_stock", CorrectStock => Item);
command!(
    /// The order queue.
    ListOrders, "list_orders", OrderQuery => Vec<OrderSummary>);
command!(
    /// One order in full.
    GetOrder, "get_order", OrderRef => OrderDetail);
command!(
    /// A walk-in or phone order typed at the till.
    CreateManualOrder, "create_manual_order", ManualOrderInput => OrderDetail);
command!(
    /// Move an order on (or cancel it).
    ApplyOrderEventCmd, "apply_order_event", ApplyOrderEvent => OrderDetail);
command!(
    /// Record cash or an M-Pesa receipt for an unpaid order.
    RecordPaymentCmd, "record_payment", RecordPayment => OrderDetail);
command!(
    /// The Reports page: sales for a period, compared with the period before.
    GetSalesReport, "get_sales_report", crate::report::SalesReportReq => crate::report::SalesReport);
command!(
    /// The remembered theme.
    GetTheme, "get_theme", NoArgs => Theme);
command!(
    /// Remember a theme.
    SetTheme, "set_theme", Theme => Theme);

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
}

/// Safaricom Daraja's sandbox.
pub const DARAJA_SANDBOX_URL: &str = "https://sandbox.safaricom.co.ke";
/// Safaricom Daraja's production API.
pub const DARAJA_PRODUCTION_URL: &str = "https://api.safaricom.co.ke";

/// Which M-Pesa service collects payments from chat customers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum MpesaProvider {
    /// No M-Pesa service: chat customers pay by hand to the shop's till or
    /// paybill and send the M-Pesa code, which staff confirm.
    #[default]
    NotConnected,
    /// Safaricom Daraja (M-Pesa Express) with the shop's own credentials.
    Daraja,
    /// IntaSend, a payment processor collecting M-Pesa for the shop.
    IntaSend,
}

/// IntaSend's sandbox.
pub const INTASEND_SANDBOX_URL: &str = "https://sandbox.intasend.com";
/// IntaSend's live API.
pub const INTASEND_LIVE_URL: &str = "https://payment.intasend.com";

/// IntaSend settings as shown (the secret key is never sent back).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct IntaSendSettingsView {
    /// Sandbox or live base URL.
    pub base_url: String,
    /// Publishable key.
    pub public_key: String,
    /// Whether a secret key is saved.
    pub has_secret: bool,
}

/// IntaSend settings as typed; an empty secret keeps the saved one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct IntaSendSettingsInput {
    /// `sandbox`, `live`, or a full URL.
    pub environment: String,
    /// Publishable key.
    pub public_key: String,
    /// Secret key (empty: keep).
    pub secret_key: Sensitive<String>,
}

/// Daraja settings as shown (secrets are never sent back to the UI).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct DarajaSettingsView {
    /// Base URL: Safaricom's sandbox or production.
    pub base_url: String,
    /// Consumer key.
    pub consumer_key: String,
    /// Business shortcode (paybill or head office).
    pub shortcode: String,
    /// Till number for buy-goods; empty for paybill.
    pub till_number: String,
    /// Whether a consumer secret is saved.
    pub has_secret: bool,
    /// Whether a passkey is saved.
    pub has_passkey: bool,
}

/// The payment settings page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct PaymentSettingsView {
    /// The provider in use.
    pub provider: MpesaProvider,
    /// Daraja's settings, if entered.
    pub daraja: Option<DarajaSettingsView>,
    /// IntaSend's settings, if entered.
    #[serde(default)]
    pub intasend: Option<IntaSendSettingsView>,
    /// Where chat customers pay by hand (with no service connected, or a
    /// sandbox one), if the shop said.
    #[serde(default)]
    pub manual: Option<crate::payment::PayTo>,
    /// How real WhatsApp chats pay now, in one plain sentence.
    #[serde(default)]
    pub real_chats: String,
}

/// Where customers pay by hand, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ManualPayInput {
    /// `till` (buy goods) or `paybill`; empty with an empty number clears it.
    pub kind: String,
    /// The till or paybill number.
    pub number: String,
}

/// Daraja settings as typed; an empty secret or passkey keeps the saved one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct DarajaSettingsInput {
    /// `sandbox`, `production`, or a full URL.
    pub environment: String,
    /// Consumer key.
    pub consumer_key: String,
    /// Consumer secret (empty: keep).
    pub consumer_secret: Sensitive<String>,
    /// Shortcode.
    pub shortcode: String,
    /// Passkey (empty: keep).
    pub passkey: Sensitive<String>,
    /// Till number for buy-goods; empty for paybill.
    pub till_number: String,
}

/// Save the payment settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct SavePaymentSettings {
    /// Provider to use.
    pub provider: MpesaProvider,
    /// Daraja's settings (required for Daraja).
    pub daraja: Option<DarajaSettingsInput>,
    /// IntaSend's settings (required for IntaSend).
    #[serde(default)]
    pub intasend: Option<IntaSendSettingsInput>,
    /// Where customers pay by hand (`None`: keep what is saved).
    #[serde(default)]
    pub manual: Option<ManualPayInput>,
}

/// "Test connection": with the form's values as typed (before saving), or
/// the saved settings when `typed` is `None`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct TestConnection {
    /// The form as it stands; blank secrets mean the saved ones.
    #[serde(default)]
    pub typed: Option<SavePaymentSettings>,
}

/// The result of "test connection".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConnectionTest {
    /// Whether the provider accepted the credentials.
    pub ok: bool,
    /// What happened, in plain words.
    pub message: String,
}

/// An M-Pesa attempt staff must settle from the M-Pesa statement: one with
/// no final answer from the service (money may have moved), or a payment
/// by hand waiting for staff to see the money arrive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnsettledPayment {
    /// The attempt.
    pub id: PaymentId,
    /// Its order.
    pub order_id: OrderId,
    /// The order's number.
    pub order_number: i64,
    /// Amount asked.
    pub amount: Money,
    /// Phone prompted, shown nationally (0712 345 678).
    pub phone: String,
    /// The provider's reference (CheckoutRequestID or invoice id); for a
    /// payment by hand, the M-Pesa code the customer sent, if any.
    pub provider_ref: Option<String>,
    /// When it was asked.
    pub created_at: DateTime<Utc>,
    /// A payment by hand (to the shop's till or paybill), not a prompt.
    #[serde(default)]
    pub by_hand: bool,
}

/// Staff's verdict on an unsettled attempt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettlePayment {
    /// The attempt.
    pub id: PaymentId,
    /// True: the money arrived (with the M-Pesa code if known); false: it did not.
    pub paid: bool,
    /// The M-Pesa receipt code from the statement or SMS; may be empty.
    pub receipt: String,
    /// With "Money arrived" and no code: why there is none (kept with the
    /// payment, so the books say who confirmed it on what grounds).
    #[serde(default)]
    pub no_code_reason: String,
}

command!(
    /// M-Pesa attempts waiting for staff to settle, oldest first.
    ListUnsettledPayments, "list_unsettled_payments", NoArgs => Vec<UnsettledPayment>);
command!(
    /// Settle one: paid (the order is paid and the customer told) or not.
    SettlePaymentCmd, "settle_payment", SettlePayment => Vec<UnsettledPayment>);
command!(
    /// The payment settings.
    GetPaymentSettings, "get_payment_settings", NoArgs => PaymentSettingsView);
command!(
    /// Save the payment settings.
    SavePaymentSettingsCmd, "save_payment_settings", SavePaymentSettings => PaymentSettingsView);
command!(
    /// Check credentials with the provider, as typed or as saved (no money
    /// moves, nothing saved).
    TestPaymentConnection, "test_payment_connection", TestConnection => ConnectionTest);
command!(
    /// The inbox: chats, newest first.
    ListConversations, "list_conversations", NoArgs => Vec<ConversationSummary>);
command!(
    /// One chat; marks it read.
    GetConversation, "get_conversation", ConversationRef => ConversationView);
command!(
    /// Staff reply (takes the chat over from the bot).
    SendStaffReply, "send_staff_reply", StaffReply => ConversationView);
command!(
    /// Take a chat over or hand it back to the bot.
    SetTakeoverCmd, "set_takeover", SetTakeover => ConversationView);
command!(
    /// The test chat.
    GetTestChat, "get_test_chat", NoArgs => TestChatView);
command!(
    /// Send a message as the test customer.
    TestChatSendCmd, "test_chat_send", TestChatSend => TestChatView);
command!(
    /// Choose what the simulated M-Pesa does.
    SetTestPayment, "set_test_payment", SimulatedPayment => TestChatView);
command!(
    /// Start the test chat over.
    ResetTestChat, "reset_test_chat", NoArgs => TestChatView);

/// Where hosted sync stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SyncStateView {
    /// No hosted backend set up: this till works on its own.
    NotConnected,
    /// Logging in.
    Connecting,
    /// Connected; changes go up and come down as they happen.
    Online,
    /// The server cannot be reached; the till keeps working and retries.
    Offline {
        /// Why, in plain words.
        error: String,
        /// Next try.
        retry_at: DateTime<Utc>,
    },
    /// Someone must act (login refused, app too old for the server).
    NeedsAttention {
        /// What happened and what to do.
        error: String,
    },
}

/// A change the hosted database refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefusedChange {
    /// What it was ("payment", "order").
    pub what: String,
    /// The server's reason.
    pub reason: String,
}

/// Which till runs the shop's WhatsApp bot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BotHostView {
    /// The till's label.
    pub till_label: String,
    /// Held until (renewed while that till runs).
    pub expires_at: DateTime<Utc>,
    /// Whether that is this till.
    pub this_till: bool,
}

/// Settings -> Hosted backend.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostedStatus {
    /// Whether this till is enrolled.
    pub connected: bool,
    /// The shop's name on the server.
    pub shop_name: String,
    /// This till's label.
    pub till_label: String,
    /// The last digit of this till's order numbers.
    pub till_digit: u8,
    /// The server.
    pub host: String,
    /// Sync state.
    pub state: SyncStateView,
    /// Changes made here not yet on the server.
    pub pending_changes: i64,
    /// Last time changes went up or came down.
    pub last_synced_at: Option<DateTime<Utc>>,
    /// Changes the server refused (newest first).
    pub refused: Vec<RefusedChange>,
    /// Who runs the WhatsApp bot, as last seen.
    pub bot_host: Option<BotHostView>,
    /// Whether this till offers to run the bot.
    pub runs_bot_here: bool,
}

/// Connect this till with an enrolment string.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ConnectHosted {
    /// The string printed by `dukadesk-server enrol-device`.
    pub enrolment: String,
}

/// Offer (or stop offering) to run the WhatsApp bot on this till.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct SetBotHost {
    /// True: take the bot when it is free (or its holder's lease expired).
    pub wanted: bool,
}

command!(
    /// Hosted backend and sync state.
    GetHostedStatus, "get_hosted_status", NoArgs => HostedStatus);
command!(
    /// Enrol this till (tests the connection, keeps the password secret).
    ConnectHostedCmd, "connect_hosted", ConnectHosted => HostedStatus);
/// What leaving the hosted backend did (the Disconnect window's result).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostedLeft {
    /// The backend's state afterwards (not connected).
    pub status: HostedStatus,
    /// Whether the server was reached to give up the WhatsApp bot lease
    /// (else the lease runs out by itself).
    pub server_told: bool,
    /// Changes made here that never reached the server; they stay on this
    /// till and go up if it is connected to the same shop again.
    pub unsent_changes: i64,
}

command!(
    /// Stop syncing and forget the connection (local data stays). The
    /// Disconnect window only.
    DisconnectHosted, "disconnect_hosted", NoArgs => HostedLeft);
command!(
    /// Sync now instead of waiting.
    SyncNow, "sync_now", NoArgs => HostedStatus);
command!(
    /// Offer to run the WhatsApp bot here, or not.
    SetBotHostCmd, "set_bot_host", SetBotHost => HostedStatus);

/// The app's updater, as the Settings card shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateStatus {
    /// The running version.
    pub current_version: String,
    /// What the updater is doing or found.
    pub state: UpdateState,
}

/// A newer version offered by the update server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateOffer {
    /// Its version.
    pub version: String,
    /// Its release notes, as published (may be empty).
    pub notes: String,
    /// When it was published, if the server said.
    pub date: Option<DateTime<Utc>>,
}

/// Where the updater stands. The running version keeps working in every
/// state; only [`InstallUpdate`] replaces it, on the merchant's word.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum UpdateState {
    /// No check yet since the app started.
    Idle,
    /// This build cannot update itself; the message says why and what to do.
    NotConfigured {
        /// For people.
        message: String,
    },
    /// Asking the update server.
    Checking,
    /// The server offers nothing newer.
    UpToDate,
    /// The server could not be reached.
    Offline {
        /// For people.
        message: String,
    },
    /// A newer version can be downloaded.
    Available {
        /// The version offered.
        offer: UpdateOffer,
    },
    /// Downloading: bytes so far and, if the server said, in all.
    Downloading {
        /// The version offered.
        offer: UpdateOffer,
        /// Bytes received.
        received: u64,
        /// Bytes in all, when known.
        total: Option<u64>,
    },
    /// Downloaded and its signature checked: ready to install on restart.
    Ready {
        /// The version downloaded.
        offer: UpdateOffer,
    },
    /// The check or download failed; nothing was installed.
    Failed {
        /// For people: what went wrong and what to do.
        message: String,
        /// The offer, when the check had found one (so it can be tried again).
        offer: Option<UpdateOffer>,
    },
}

command!(
    /// The updater's state (the check at start-up may have run already).
    GetUpdateStatus, "get_update_status", NoArgs => UpdateStatus);
command!(
    /// Ask the update server for a newer version.
    CheckForUpdate, "check_for_update", NoArgs => UpdateStatus);
command!(
    /// Start downloading the offered version; poll [`GetUpdateStatus`] for progress.
    DownloadUpdate, "download_update", NoArgs => UpdateStatus);
command!(
    /// Install the downloaded version and restart. Refused (`Conflict`, with
    /// the reason) while a payment is waiting for its answer.
    InstallUpdate, "install_update", NoArgs => UpdateStatus);

/// A search of the Customers page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct CustomerQuery {
    /// Name or phone digits; empty lists the most recent customers.
    pub search: String,
}

/// Which customer to erase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EraseCustomerReq {
    /// The customer.
    pub id: CustomerId,
}

/// What an erasure removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErasureResult {
    /// Orders kept for the tax records without the customer's details.
    pub orders: i64,
    /// Chats removed.
    pub chats: i64,
}

/// The Privacy card: retention rules and the audit log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrivacyView {
    /// Orders are kept this many years.
    pub order_years: u32,
    /// Chats are kept this many months after their last message.
    pub chat_months: u32,
    /// When the retention job last ran.
    pub last_retention_run: Option<DateTime<Utc>>,
    /// The newest audit lines, newest first.
    pub audit: Vec<AuditLine>,
}

/// A new order retention, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct RetentionInput {
    /// Years, as typed.
    pub order_years: String,
}

command!(
    /// Customers, newest activity first, matching a name or phone digits.
    ListCustomers, "list_customers", CustomerQuery => Vec<CustomerSummary>);
command!(
    /// Correct a customer's name or phone (the change reaches every till).
    CorrectCustomer, "correct_customer", CustomerEdit => CustomerSummary);
command!(
    /// Erase a customer's personal data; their orders stay without it.
    EraseCustomer, "erase_customer", EraseCustomerReq => ErasureResult);
command!(
    /// Retention rules and the audit log.
    GetPrivacy, "get_privacy", NoArgs => PrivacyView);
command!(
    /// Set how many years orders are kept.
    SetOrderRetention, "set_order_retention", RetentionInput => PrivacyView);
/// What an export holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum ExportScope {
    /// Everything the shop keeps: orders, lines, payments, the catalogue,
    /// customers, delivery zones, business details, chats, the audit log.
    #[default]
    Shop,
    /// One customer, found by phone number: their row, their orders with
    /// lines and payments, their chats and messages.
    Customer,
}

/// What the Export window asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ExportRequest {
    /// Whole shop or one customer.
    pub scope: ExportScope,
    /// The customer's phone as typed (only for [`ExportScope::Customer`]).
    pub phone: String,
}

/// What an export will hold, checked before the save dialog opens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportPlan {
    /// The scope.
    pub scope: ExportScope,
    /// For one customer: their number (national form) and name, for people.
    pub customer: Option<String>,
    /// Rows in all.
    pub rows: u64,
    /// A file name to suggest in the save dialog.
    pub suggested_name: String,
}

/// One entity in a finished export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportedEntity {
    /// Its files' stem (`orders` for `orders.json` and `orders.csv`).
    pub name: String,
    /// For people ("Orders").
    pub label: String,
    /// Rows written.
    pub rows: u64,
}

/// A finished export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportResult {
    /// The ZIP file.
    pub path: String,
    /// Its size in bytes.
    pub bytes: u64,
    /// Rows per entity.
    pub entities: Vec<ExportedEntity>,
    /// Rows in all.
    pub rows: u64,
}

/// How a run of the Export window ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExportOutcome {
    /// The ZIP is complete at its place.
    Saved(ExportResult),
    /// The save dialog was closed or the export stopped: nothing was written.
    NothingWritten {
        /// For people.
        message: String,
    },
}

/// How far an export is, sent as [`ExportProgressEvent`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportProgress {
    /// What is being written now, for people ("Orders").
    pub entity: String,
    /// Rows written so far.
    pub done: u64,
    /// Rows to write in all.
    pub total: u64,
}

command!(
    /// Open the Export window (or bring it forward). Main window only.
    OpenExportWindow, "open_export_window", NoArgs => NoArgs);
command!(
    /// Check what an export will hold (an unknown phone is refused beside
    /// its field) before the save dialog opens.
    CheckExport, "check_export", ExportRequest => ExportPlan);
command!(
    /// Ask where to save (the native dialog), then export, sending
    /// [`ExportProgressEvent`]s to the Export window.
    RunExport, "run_export", ExportRequest => ExportOutcome);
command!(
    /// Stop a running export; its partial file is removed.
    CancelExport, "cancel_export", NoArgs => NoArgs);
command!(
    /// Close the window that asks (the Export or Disconnect window).
    CloseWindow, "close_window", NoArgs => NoArgs);

/// An event the shell sends to a window: its name and payload type.
pub trait Event {
    /// The Tauri event name.
    const NAME: &'static str;
    /// The payload.
    type Payload: Serialize + DeserializeOwned;
}

/// An export's progress, sent to the Export window.
#[derive(Debug)]
pub enum ExportProgressEvent {}
impl Event for ExportProgressEvent {
    const NAME: &'static str = "export-progress";
    type Payload = ExportProgress;
}
/// Someone who may use the till, as the lock screen and Settings show them
/// (never a password or PIN, nor its hash).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonView {
    /// Id.
    pub id: String,
    /// Name ("Owner" for the owner).
    pub name: String,
    /// Owner or staff.
    pub role: crate::people::Role,
    /// Deactivated people cannot sign in.
    pub active: bool,
}

/// Who is at the till.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionView {
    /// Who is signed in; `None` while the screen is locked.
    pub signed_in: Option<PersonView>,
    /// The owner typed their password in the last 10 minutes, so owner-only
    /// actions go through.
    pub owner_confirmed: bool,
    /// Whether an owner password has been set.
    pub owner_password_set: bool,
    /// Active staff, by name: when there are any, the app starts locked and
    /// locks after `idle_minutes` without use.
    pub staff: Vec<PersonView>,
    /// Idle minutes before the screen locks.
    pub idle_minutes: u32,
}

/// The first owner password (setup, or a shop set up before passwords
/// existed). Refused once one is set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct CreateOwner {
    /// The password.
    pub password: Sensitive<String>,
    /// The same, typed again.
    pub repeat: Sensitive<String>,
}

/// Sign in at the lock screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct SignIn {
    /// A staff member's id, or `None` for the owner.
    pub person: Option<String>,
    /// Their PIN, or the owner password.
    pub secret: Sensitive<String>,
}

/// The owner password, typed for an owner-only action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ConfirmOwner {
    /// The password.
    pub password: Sensitive<String>,
}

/// Change the owner password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ChangeOwnerPassword {
    /// The current password.
    pub old: Sensitive<String>,
    /// The new one.
    pub password: Sensitive<String>,
    /// The new one again.
    pub repeat: Sensitive<String>,
}

/// Add a member of staff, or rename them or change their PIN.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct SaveStaff {
    /// Existing person, or `None` to add one.
    pub id: Option<String>,
    /// Name.
    pub name: String,
    /// 4 to 6 digits; empty keeps the current PIN of an existing person.
    pub pin: Sensitive<String>,
}

/// Deactivate a member of staff: they can no longer sign in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeactivateStaff {
    /// The person.
    pub id: String,
}

/// The day's summary on the Reports page, and where it is sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DaySummaryView {
    /// Today so far (shop time).
    pub summary: crate::summary::DaySummary,
    /// The message as the owner would receive it.
    pub text: String,
    /// The owner's number it goes to at closing time (empty: not sent).
    pub send_to: String,
    /// The language it is written in.
    pub language: crate::customer::Language,
    /// Whether this till's WhatsApp is linked (it sends from there).
    pub whatsapp_linked: bool,
}

/// Send the day's summary to the owner's WhatsApp at closing time, or stop
/// (an empty number).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct SetSummaryDelivery {
    /// The owner's WhatsApp number, as typed.
    pub number: String,
    /// English or Kiswahili.
    pub language: crate::customer::Language,
}

/// Where the saved secrets (M-Pesa keys, the sync credential, WhatsApp's
/// keys) stand on this computer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum VaultStatus {
    /// Open: secrets can be saved and used.
    Open {
        /// Protected by a passphrase (else by the computer's keyring).
        by_passphrase: bool,
    },
    /// Protected by a passphrase not yet entered since DukaDesk started.
    NeedsPassphrase,
    /// This computer has no keyring DukaDesk can use: choose a passphrase.
    ChoosePassphrase {
        /// Secrets saved before cannot be opened any more (the keyring that
        /// held their key is gone): they must be entered again.
        secrets_lost: bool,
    },
}

/// The vault passphrase, entered or chosen (`confirm`: typed again when
/// choosing).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct VaultPassphrase {
    /// The passphrase.
    pub passphrase: Sensitive<String>,
    /// The same again (choosing only).
    #[serde(default)]
    pub confirm: Sensitive<String>,
}

/// The fewest characters a new vault passphrase may have.
pub const VAULT_PASSPHRASE_MIN: usize = 10;

impl VaultPassphrase {
    /// Checks a passphrase being chosen: long enough, typed the same twice.
    pub fn check_new(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        if self.passphrase.expose().chars().count() < VAULT_PASSPHRASE_MIN {
            errors.push(FieldError::new(
                "passphrase",
                format!(
                    "Use at least {VAULT_PASSPHRASE_MIN} characters: a few words you will remember \
                     work well."
                ),
            ));
        } else if self.confirm != self.passphrase {
            errors.push(FieldError::new(
                "confirm",
                "The two passphrases differ. Type the same one twice.",
            ));
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

/// Minutes without use before the screen locks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetIdleMinutes {
    /// 1 to 120.
    pub minutes: u32,
}

command!(
    /// Who is at the till, and whether the owner is confirmed.
    GetSession, "get_session", NoArgs => SessionView);
command!(
    /// Sign in with a PIN (staff) or the password (owner).
    SignInCmd, "sign_in", SignIn => SessionView);
command!(
    /// Lock the screen and drop the owner's confirmation.
    LockCmd, "lock", NoArgs => SessionView);
command!(
    /// Type the owner password for owner-only actions (valid 10 minutes).
    ConfirmOwnerCmd, "confirm_owner", ConfirmOwner => SessionView);
command!(
    /// Set the first owner password; the owner is then signed in.
    CreateOwnerCmd, "create_owner", CreateOwner => SessionView);
command!(
    /// Change the owner password (needs the current one).
    ChangeOwnerPasswordCmd, "change_owner_password", ChangeOwnerPassword => SessionView);
command!(
    /// Today's summary, and where it is sent at closing time.
    GetDaySummary, "get_day_summary", NoArgs => DaySummaryView);
command!(
    /// Send the day's summary to the owner's WhatsApp at closing time (owner
    /// only).
    SetSummaryDeliveryCmd, "set_summary_delivery", SetSummaryDelivery => DaySummaryView);
command!(
    /// Where the saved secrets stand (open, or a passphrase to enter or choose).
    GetVaultStatus, "get_vault_status", NoArgs => VaultStatus);
command!(
    /// Open the saved secrets with their passphrase.
    UnlockVaultCmd, "unlock_vault", VaultPassphrase => VaultStatus);
command!(
    /// Protect the saved secrets with a new passphrase, on a computer with no
    /// usable keyring (owner only).
    ChooseVaultPassphraseCmd, "choose_vault_passphrase", VaultPassphrase => VaultStatus);
command!(
    /// Everyone, active or not (owner only).
    ListPeople, "list_people", NoArgs => Vec<PersonView>);
command!(
    /// Add or edit a member of staff (owner only).
    SaveStaffCmd, "save_staff", SaveStaff => Vec<PersonView>);
command!(
    /// Deactivate a member of staff (owner only).
    DeactivateStaffCmd, "deactivate_staff", DeactivateStaff => Vec<PersonView>);
command!(
    /// Minutes without use before the screen locks (owner only).
    SetIdleMinutesCmd, "set_idle_minutes", SetIdleMinutes => SessionView);
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

command!(
    /// The WhatsApp link's health and the pairing window's state.
    GetWhatsAppStatus, "get_whatsapp_status", NoArgs => WhatsAppStatus);
command!(
    /// Open the pairing window (created on demand).
    OpenPairingWindow, "open_pairing_window", NoArgs => ());
command!(
    /// Start linking (only now does DukaDesk contact WhatsApp).
    LinkWhatsAppCmd, "link_whatsapp", LinkWhatsApp => WhatsAppStatus);
command!(
    /// Stop a link in progress.
    CancelWhatsAppLink, "cancel_whatsapp_link", NoArgs => WhatsAppStatus);
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

command!(
    /// Unlink this computer from WhatsApp (log out on WhatsApp's servers)
    /// and wipe its keys. The Disconnect window only.
    UnlinkWhatsApp, "unlink_whatsapp", NoArgs => WhatsAppUnlinked);
command!(
    /// Open the Disconnect window (or bring it forward). Owner only.
    OpenDisconnectWindow, "open_disconnect_window", NoArgs => NoArgs);
command!(
    /// Send a PDF receipt after the text receipt, or not.
    SetWhatsAppPdfReceipts, "set_whatsapp_pdf_receipts", SetPdfReceipts => WhatsAppStatus);

/// What a print did, in words for a toast.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Printed {
    /// "Receipt #1042 printed on 192.168.1.50:9100."
    pub message: String,
}

command!(
    /// This till's receipt printer settings.
    GetPrinterSettings, "get_printer_settings", NoArgs => crate::receipt::PrinterSettings);
command!(
    /// Save this till's receipt printer settings.
    SavePrinterSettingsCmd, "save_printer_settings", crate::receipt::PrinterSettings => crate::receipt::PrinterSettings);
command!(
    /// Print a test page on the printer as typed (before saving it).
    PrintTestPage, "print_test_page", crate::receipt::PrinterSettings => Printed);
command!(
    /// Print an order's receipt (or its bill, if unpaid) on this till's
    /// printer.
    PrintReceipt, "print_receipt", OrderRef => Printed);

/// One cash-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CashUpRef {
    /// The cash-up.
    pub id: crate::CashUpId,
}

command!(
    /// What this till took since its last cash-up, before counting.
    GetCashUpDraft, "get_cash_up_draft", NoArgs => crate::cashup::CashUpDraft);
command!(
    /// Record the drawer as counted (by whoever is signed in).
    RecordCashUpCmd, "record_cash_up", crate::cashup::CashUpInput => crate::cashup::CashUp);
command!(
    /// The shop's cash-ups from every till, newest first.
    ListCashUps, "list_cash_ups", NoArgs => Vec<crate::cashup::CashUp>);
command!(
    /// Print a cash-up (Z report) on this till's printer.
    PrintCashUp, "print_cash_up", CashUpRef => Printed);

/// One customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerRef {
    /// The customer.
    pub id: CustomerId,
}

command!(
    /// A customer's credit: what they owe, their limit, their history.
    GetCreditAccount, "get_credit_account", CustomerRef => crate::credit::CreditAccount);
command!(
    /// Everyone who owes the shop, oldest debt first.
    ListDebtors, "list_debtors", NoArgs => Vec<crate::credit::Debtor>);
command!(
    /// Record money a customer paid back (by whoever is signed in).
    RecordRepaymentCmd, "record_repayment", crate::credit::RepaymentInput => crate::credit::CreditAccount);
command!(
    /// Send a customer who wrote on WhatsApp a gentle reminder of what
    /// they owe.
    SendCreditReminder, "send_credit_reminder", CustomerRef => crate::credit::CreditAccount);
command!(
    /// Set or remove a customer's credit limit.
    SetCreditLimitCmd, "set_credit_limit", crate::credit::CreditLimitInput => crate::credit::CreditAccount);

/// Where a file the merchant saved went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SavedFile {
    /// Saved at this path.
    Saved {
        /// The file.
        path: String,
    },
    /// The merchant closed the dialog: nothing was written.
    NothingWritten,
}

command!(
    /// Save an order's receipt (or its bill, unpaid) as a PDF where the
    /// merchant chooses.
    SaveReceiptPdf, "save_receipt_pdf", OrderRef => SavedFile);
command!(
    /// The start checklist on the till, ticked from the shop's state.
    GetStartChecklist, "get_start_checklist", NoArgs => crate::start::StartChecklist);
command!(
    /// Fold the start checklist away or open it again.
    FoldStartChecklist, "fold_start_checklist", crate::start::FoldChecklist => crate::start::StartChecklist);
command!(
    /// The shop link was copied: its step is done.
    ShopLinkShared, "shop_link_shared", crate::start::LinkShared => crate::start::StartChecklist);
command!(
    /// Save the shop's poster (its link as a QR code) where the merchant
    /// chooses.
    SaveShopPoster, "save_shop_poster", crate::start::SavePoster => SavedFile);

/// Every command name, for the test that checks the shell registers them all.
pub const ALL_COMMANDS: &[&str] = &[
    GetAppInfo::NAME,
    GetShop::NAME,
    SaveShop::NAME,
    SaveZone::NAME,
    SaveHours::NAME,
    ListCategories::NAME,
    SaveCategoryCmd::NAME,
    ListItemsCmd::NAME,
    SaveItem::NAME,
    SetItemArchived::NAME,
    CorrectStockCmd::NAME,
    ListOrders::NAME,
    GetOrder::NAME,
    CreateManualOrder::NAME,
    ApplyOrderEventCmd::NAME,
    RecordPaymentCmd::NAME,
    GetTheme::NAME,
    SetTheme::NAME,
    ListConversations::NAME,
    GetConversation::NAME,
    SendStaffReply::NAME,
    SetTakeoverCmd::NAME,
    GetTestChat::NAME,
    TestChatSendCmd::NAME,
    SetTestPayment::NAME,
    ResetTestChat::NAME,
    GetPaymentSettings::NAME,
    SavePaymentSettingsCmd::NAME,
    TestPaymentConnection::NAME,
    ListUnsettledPayments::NAME,
    SettlePaymentCmd::NAME,
    GetHostedStatus::NAME,
    ConnectHostedCmd::NAME,
    DisconnectHosted::NAME,
    SyncNow::NAME,
    SetBotHostCmd::NAME,
    GetUpdateStatus::NAME,
    CheckForUpdate::NAME,
    DownloadUpdate::NAME,
    InstallUpdate::NAME,
    ListCustomers::NAME,
    CorrectCustomer::NAME,
    EraseCustomer::NAME,
    GetPrivacy::NAME,
    SetOrderRetention::NAME,
    OpenExportWindow::NAME,
    CheckExport::NAME,
    RunExport::NAME,
    CancelExport::NAME,
    CloseWindow::NAME,
    GetSession::NAME,
    SignInCmd::NAME,
    LockCmd::NAME,
    ConfirmOwnerCmd::NAME,
    CreateOwnerCmd::NAME,
    ChangeOwnerPasswordCmd::NAME,
    GetDaySummary::NAME,
    SetSummaryDeliveryCmd::NAME,
    GetVaultStatus::NAME,
    UnlockVaultCmd::NAME,
    ChooseVaultPassphraseCmd::NAME,
    ListPeople::NAME,
    SaveStaffCmd::NAME,
    DeactivateStaffCmd::NAME,
    SetIdleMinutesCmd::NAME,
    GetWhatsAppStatus::NAME,
    OpenPairingWindow::NAME,
    LinkWhatsAppCmd::NAME,
    CancelWhatsAppLink::NAME,
    UnlinkWhatsApp::NAME,
    OpenDisconnectWindow::NAME,
    SetWhatsAppPdfReceipts::NAME,
    GetSalesReport::NAME,
    GetPrinterSettings::NAME,
    SavePrinterSettingsCmd::NAME,
    PrintTestPage::NAME,
    PrintReceipt::NAME,
    GetCashUpDraft::NAME,
    RecordCashUpCmd::NAME,
    ListCashUps::NAME,
    PrintCashUp::NAME,
    GetCreditAccount::NAME,
    ListDebtors::NAME,
    RecordRepaymentCmd::NAME,
    SetCreditLimitCmd::NAME,
    SendCreditReminder::NAME,
    GetStartChecklist::NAME,
    FoldStartChecklist::NAME,
    ShopLinkShared::NAME,
    SaveShopPoster::NAME,
    SaveReceiptPdf::NAME,
    ListLowStock::NAME,
];

/// A customer, as the Customers page lists them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerSummary {
    /// Id.
    pub id: CustomerId,
    /// Their number in national form (`0712 345 678`); `None` once erased.
    pub phone: Option<String>,
    /// Name, if known.
    pub name: Option<String>,
    /// They objected to non-essential messages (STOP).
    pub opted_out: bool,
    /// Their personal data was erased; their orders are kept without it.
    pub erased: bool,
    /// Orders on record.
    pub orders: i64,
    /// Their newest order.
    pub last_order_at: Option<DateTime<Utc>>,
}

/// A correction of a customer's details, as typed by staff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerEdit {
    /// The customer.
    pub id: CustomerId,
    /// Name (empty: none).
    pub name: String,
    /// Phone, in any form a person types.
    pub phone: String,
}

/// One line of the audit log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditLine {
    /// When.
    pub at: DateTime<Utc>,
    /// Who: "Owner", "Staff: Amina", "Customer", "DukaDesk", "Another till".
    pub actor: String,
    /// What, in words.
    pub action: String,
    /// Details (counts, what changed); never a phone number or a name.
    pub detail: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_vault_passphrase_is_long_enough_typed_twice_and_never_printed() {
        let p = |a: &str, b: &str| VaultPassphrase {
            passphrase: a.into(),
            confirm: b.into(),
        };
        let short = p("nine char", "nine char").check_new().expect_err("short");
        assert_eq!(short[0].field, "passphrase");
        let differ = p("ten chars!", "ten chars?")
            .check_new()
            .expect_err("differ");
        assert_eq!(differ[0].field, "confirm");
        assert!(p("ten chars!", "ten chars!").check_new().is_ok());
        // Letters, not bytes: ten Arabic letters are enough.
        assert!(p("كلمةسرطويل", "كلمةسرطويل").check_new().is_ok());
        assert!(!format!("{:?}", p("ten chars!", "ten chars!")).contains("ten chars"));
    }
}
