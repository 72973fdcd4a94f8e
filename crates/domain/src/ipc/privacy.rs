//! Customers' data: the Customers page, erasure, retention and the audit
//! log, the Export window, and the Disconnect window (the shell's
//! `commands/privacy.rs`, `commands/export.rs` and `commands/disconnect.rs`).

use super::{Event, NoArgs};
use crate::CustomerId;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

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
    /// What is being written now, as its files are named (`orders`): the
    /// window words it in its own language.
    #[serde(default)]
    pub name: String,
    /// What is being written now, in English ("Orders").
    pub entity: String,
    /// Rows written so far.
    pub done: u64,
    /// Rows to write in all.
    pub total: u64,
}

/// An export's progress, sent to the Export window.
#[derive(Debug)]
pub enum ExportProgressEvent {}
impl Event for ExportProgressEvent {
    const NAME: &'static str = "export-progress";
    type Payload = ExportProgress;
}

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

commands! {
    /// Customers, newest activity first, matching a name or phone digits.
    ListCustomers, "list_customers", CustomerQuery => Vec<CustomerSummary>;
    /// Correct a customer's name or phone (the change reaches every till).
    CorrectCustomer, "correct_customer", CustomerEdit => CustomerSummary;
    /// Erase a customer's personal data; their orders stay without it.
    EraseCustomer, "erase_customer", EraseCustomerReq => ErasureResult;
    /// Retention rules and the audit log.
    GetPrivacy, "get_privacy", NoArgs => PrivacyView;
    /// Set how many years orders are kept.
    SetOrderRetention, "set_order_retention", RetentionInput => PrivacyView;
    /// Open the Export window (or bring it forward). Main window only.
    OpenExportWindow, "open_export_window", NoArgs => NoArgs;
    /// Check what an export will hold (an unknown phone is refused beside
    /// its field) before the save dialog opens.
    CheckExport, "check_export", ExportRequest => ExportPlan;
    /// Ask where to save (the native dialog), then export, sending
    /// [`ExportProgressEvent`]s to the Export window.
    RunExport, "run_export", ExportRequest => ExportOutcome;
    /// Stop a running export; its partial file is removed.
    CancelExport, "cancel_export", NoArgs => NoArgs;
    /// Open the Disconnect window (or bring it forward). Owner only.
    OpenDisconnectWindow, "open_disconnect_window", NoArgs => NoArgs;
}
