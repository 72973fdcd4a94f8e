//! KRA eTIMS: this till's device (Settings → Tax) and the invoices KRA has
//! not signed yet.

use super::{NoArgs, OrderRef};
use crate::tax::TaxBand;
use crate::{OrderId, Sensitive};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// KRA's eTIMS production API (`production` in Settings → Tax).
pub const ETIMS_LIVE_URL: &str = "https://etims-api.kra.go.ke/etims-api";
/// KRA's eTIMS sandbox API (`sandbox`).
pub const ETIMS_SANDBOX_URL: &str = "https://etims-api-sbx.kra.go.ke/etims-api";

/// Where an invoice stands with KRA.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TaxInvoiceState {
    /// Waiting its turn, or for the reason shown.
    Queued,
    /// Sent; KRA's answer was lost and it is sent again under the same
    /// number.
    Sending,
    /// Signed by KRA.
    Signed,
}

/// An invoice or credit note, as staff see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaxInvoiceRow {
    /// Its number in this till's sequence.
    pub number: i64,
    /// The order it invoices.
    pub order_id: OrderId,
    /// The order's number.
    pub order_number: i64,
    /// For a credit note: the invoice it undoes.
    pub credit_note_for: Option<i64>,
    /// Where it stands.
    pub state: TaxInvoiceState,
    /// Why it waits (or a note on a signed one), in plain words.
    pub reason: Option<String>,
    /// What was paid, VAT included, in cents.
    pub total_minor: i64,
    /// The VAT in it (`None` while a line has no band).
    pub tax_minor: Option<i64>,
    /// KRA's receipt number, once signed.
    pub receipt_no: Option<i64>,
    /// KRA's internal data, once signed.
    pub internal_data: Option<String>,
    /// KRA's signature, once signed.
    pub signature: Option<String>,
    /// KRA's verification address (the receipt's QR), once signed.
    pub verify_url: Option<String>,
    /// When it was sold (or credited).
    pub sold_at: DateTime<Utc>,
    /// The business buyer's KRA PIN it carries, if any.
    #[serde(default)]
    pub buyer_pin: Option<String>,
}

/// Issue an order's invoice again to a business buyer's KRA PIN given
/// after the sale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReissueInvoice {
    /// The order.
    pub order_id: OrderId,
    /// The buyer's KRA PIN, as typed.
    pub buyer_pin: String,
}

/// Settings → Tax as typed: set this till up as an eTIMS device.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaxSetupInput {
    /// `sandbox`, `production`, or an address.
    pub environment: String,
    /// The consumer key from KRA's developer portal.
    pub consumer_key: String,
    /// Its secret; blank keeps the saved one.
    pub consumer_secret: Sensitive<String>,
    /// The shop's KRA PIN.
    pub pin: String,
    /// The branch id (`00`: head office).
    pub branch: String,
    /// This till's device serial, as registered with KRA.
    pub serial: String,
    /// The band of items that have none.
    pub default_band: Option<TaxBand>,
    /// The item classification code (KRA's list) items are registered
    /// under: ten digits.
    #[serde(default)]
    pub item_class: String,
}

/// The choices that need no new set-up.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaxOptions {
    /// Invoice sales (off: nothing new is queued; queued ones still go).
    pub enabled: bool,
    /// The band of items that have none.
    pub default_band: Option<TaxBand>,
}

/// This till's eTIMS device, without its secrets.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaxSettingsView {
    /// Whether KRA set this till up.
    pub set_up: bool,
    /// Whether sales are invoiced.
    pub enabled: bool,
    /// The API it talks to.
    pub api_url: String,
    /// The consumer key.
    pub consumer_key: String,
    /// Whether a consumer secret is saved.
    pub has_secret: bool,
    /// The KRA PIN.
    pub pin: String,
    /// The branch.
    pub branch: String,
    /// The device serial.
    pub serial: String,
    /// The taxpayer's name as KRA has it.
    pub taxpayer_name: String,
    /// KRA's ids for the device.
    pub sdc_id: String,
    /// The MRC number.
    pub mrc_no: String,
    /// The band of items that have none.
    pub default_band: Option<TaxBand>,
    /// The item classification code items are registered under.
    #[serde(default)]
    pub item_class: String,
    /// Invoices not yet signed.
    pub unsigned: usize,
    /// Items on sale with no band of their own: with no default band,
    /// their sales wait for one.
    #[serde(default)]
    pub items_without_band: usize,
}

/// What staff typed to find an item classification: words of what the
/// item is ("bread"), or the first digits of a code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemClassQuery {
    /// As typed.
    pub query: String,
}

/// An entry of KRA's item classification list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemClassView {
    /// The ten-digit code.
    pub code: String,
    /// KRA's name for it.
    pub name: String,
    /// The band KRA suggests, if any.
    pub band: Option<TaxBand>,
}

commands! {
    /// This till's eTIMS device.
    GetTaxSettings, "get_tax_settings", NoArgs => TaxSettingsView;
    /// Set this till up with KRA (initialisation) and save the keys.
    SetUpEtims, "set_up_etims", TaxSetupInput => TaxSettingsView;
    /// Turn invoicing on or off; the default band.
    SaveTaxOptions, "save_tax_options", TaxOptions => TaxSettingsView;
    /// Invoices KRA has not signed yet, oldest first.
    ListUnsignedInvoices, "list_unsigned_invoices", NoArgs => Vec<TaxInvoiceRow>;
    /// Send the unsigned invoices now.
    SendInvoicesNow, "send_invoices_now", NoArgs => Vec<TaxInvoiceRow>;
    /// An order's invoice and credit note.
    InvoicesOfOrder, "invoices_of_order", OrderRef => Vec<TaxInvoiceRow>;
    /// Issue an order's invoice again to a buyer's KRA PIN (a credit note
    /// for the signed one, and a new invoice); the order's invoices after.
    ReissueInvoiceCmd, "reissue_invoice", ReissueInvoice => Vec<TaxInvoiceRow>;
    /// KRA's item classifications that match what was typed (kept on this
    /// till; empty until eTIMS is set up and the list fetched).
    FindItemClasses, "find_item_classes", ItemClassQuery => Vec<ItemClassView>;
}
