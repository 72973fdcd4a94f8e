//! A sale's receipt: what it says (shop, order number, lines, totals, how it
//! was paid, who served, when, the shop's link) and how it is laid out in
//! the fixed columns of a till roll. The thermal printer, the PDF and the
//! on-screen preview all print these rows, so a receipt reads the same
//! wherever it is seen.

use crate::ipc::OrderDetail;
use crate::money::Money;
use crate::order::OrderStatus;
use crate::payment::{PaymentMethod, PaymentState};
use crate::report::local_time;
use crate::shop::Shop;
use crate::words::Problem;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

/// Paper widths of the thermal printers shops use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum PaperWidth {
    /// 58 mm roll: 32 characters a line.
    Mm58,
    /// 80 mm roll: 48 characters a line.
    #[default]
    Mm80,
}

impl PaperWidth {
    /// Characters a line in the printer's normal font.
    pub const fn columns(self) -> usize {
        match self {
            PaperWidth::Mm58 => 32,
            PaperWidth::Mm80 => 48,
        }
    }

    /// Printable dots a line (at 203 dpi).
    pub const fn dots(self) -> u32 {
        match self {
            PaperWidth::Mm58 => 384,
            PaperWidth::Mm80 => 576,
        }
    }

    /// As the settings form names it.
    pub const fn label(self) -> &'static str {
        match self {
            PaperWidth::Mm58 => "58 mm",
            PaperWidth::Mm80 => "80 mm",
        }
    }
}

/// How this till reaches its receipt printer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum PrinterConnection {
    /// No printer: receipts go by WhatsApp or PDF only.
    #[default]
    None,
    /// A network printer's raw port: `192.168.1.50` or `192.168.1.50:9100`.
    Network {
        /// Host and optional port (9100 if left out).
        address: String,
    },
    /// A printer the computer sees as a device or a file: a USB printer
    /// (`/dev/usb/lp0`), a serial port (`/dev/ttyUSB0`, `COM3`), or a
    /// printer shared on Windows (`\\localhost\POS58`).
    Device {
        /// The path.
        path: String,
    },
}

/// The default port of a network receipt printer.
pub const RAW_PRINT_PORT: u16 = 9100;

impl PrinterConnection {
    /// Where it prints, for messages: `192.168.1.50:9100`, `COM3`.
    pub fn describe(&self) -> String {
        match self {
            PrinterConnection::None => "no printer".into(),
            PrinterConnection::Network { address } => match split_address(address) {
                Ok((host, port)) => format!("{host}:{port}"),
                Err(_) => address.clone(),
            },
            PrinterConnection::Device { path } => path.clone(),
        }
    }
}

/// Why a printer's address as typed is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AddressError {
    /// Nothing typed.
    #[error("Type the printer's address, for example 192.168.1.50 (it is on the page the printer prints when you hold its feed button while switching it on).")]
    Empty,
    /// What follows the colon is no port.
    #[error("\"{0}\" is not a port number; receipt printers use 9100.")]
    BadPort(String),
    /// More than an address (a path, spaces).
    #[error("Type only the address, for example 192.168.1.50 or 192.168.1.50:9100.")]
    NotAnAddress,
}

/// Reads `host[:port]` (port 9100 if left out).
pub fn split_address(address: &str) -> Result<(String, u16), AddressError> {
    let address = address.trim();
    if address.is_empty() {
        return Err(AddressError::Empty);
    }
    let (host, port) = match address.rsplit_once(':') {
        Some((host, port)) if !host.contains(':') => {
            let port = port
                .parse::<u16>()
                .ok()
                .filter(|p| *p > 0)
                .ok_or_else(|| AddressError::BadPort(port.to_owned()))?;
            (host.trim(), port)
        }
        _ => (address, RAW_PRINT_PORT),
    };
    if host.is_empty() || host.contains(char::is_whitespace) || host.contains('/') {
        return Err(AddressError::NotAnAddress);
    }
    Ok((host.to_owned(), port))
}

/// This till's counter hardware: its receipt printer, and what the labels
/// of the shop's scale carry (read by the scanner at this till).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct PrinterSettings {
    /// How to reach it.
    pub connection: PrinterConnection,
    /// Roll width.
    pub width: PaperWidth,
    /// Print a receipt by itself when a sale at this till is paid.
    pub auto_print: bool,
    /// Open the cash drawer (wired to the printer) on cash sales.
    pub cash_drawer: bool,
    /// What the scale's labels carry after the item's code.
    #[serde(default)]
    pub scale_labels: crate::barcode::ScaleLabels,
}

impl PrinterSettings {
    /// Problems with the form, by field (`address`, `path`).
    pub fn validate(&self) -> Vec<crate::ipc::FieldError> {
        use crate::ipc::FieldError;
        match &self.connection {
            PrinterConnection::None => Vec::new(),
            PrinterConnection::Network { address } => match split_address(address) {
                Ok(_) => Vec::new(),
                Err(e) => vec![FieldError::said("address", &e)],
            },
            PrinterConnection::Device { path } if path.trim().is_empty() => {
                vec![FieldError::said("path", &Problem::PrinterPort)]
            }
            PrinterConnection::Device { .. } => Vec::new(),
        }
    }
}

/// One sold line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceiptLine {
    /// Units.
    pub qty: u32,
    /// Item name when sold.
    pub name: String,
    /// Price of one.
    pub unit_price: Money,
    /// Price times units.
    pub total: Money,
}

/// One payment received.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceiptPayment {
    /// How: "Cash", "M-Pesa".
    pub how: String,
    /// Amount.
    pub amount: Money,
    /// The M-Pesa code, if any.
    pub code: Option<String>,
}

/// Everything a receipt shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipt {
    /// The shop's name.
    pub shop_name: String,
    /// The order number.
    pub order_number: i64,
    /// When it was paid (or made, if unpaid), on the shop's wall clock.
    pub at: NaiveDateTime,
    /// Lines.
    pub lines: Vec<ReceiptLine>,
    /// Sum of the lines.
    pub subtotal: Money,
    /// Delivery fee (zero for pickup).
    pub delivery_fee: Money,
    /// What the customer pays.
    pub total: Money,
    /// Payments received.
    pub payments: Vec<ReceiptPayment>,
    /// Money given back, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub refunds: Vec<ReceiptPayment>,
    /// Whether the order is paid in full.
    pub paid: bool,
    /// Who served (the staff member who rang it up), if a person did.
    pub served_by: Option<String>,
    /// The shop's customer link, printed as a QR code.
    pub link: Option<String>,
    /// The sale's KRA eTIMS invoice, when this till issued one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax: Option<ReceiptTax>,
}

/// A sale's tax invoice as its receipt shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceiptTax {
    /// The shop's KRA PIN.
    pub pin: String,
    /// A business buyer's KRA PIN, when the invoice carries one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buyer_pin: Option<String>,
    /// The invoice's number in this till's sequence.
    pub invoice_number: i64,
    /// What each band holds (bands with nothing in them left out).
    pub bands: Vec<crate::tax::BandTotal>,
    /// KRA's signature, once KRA signed it.
    pub signed: Option<SignedTax>,
}

/// What KRA's signature puts on a receipt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedTax {
    /// The control unit's id.
    pub sdc_id: String,
    /// KRA's receipt number.
    pub receipt_no: i64,
    /// When KRA signed it (`YYYYMMDDhhmmss`).
    pub kra_time: String,
    /// KRA's internal data.
    pub internal_data: String,
    /// The receipt signature.
    pub signature: String,
    /// KRA's verification address, printed as a QR code.
    pub verify_url: String,
}

/// Actors in an order's history that are not people.
const NOT_A_PERSON: &[&str] = &["bot", "till", "customer", "DukaDesk", "Another till", ""];

impl Receipt {
    /// The receipt of `detail` for `shop`; `link` is the shop's customer
    /// link if it has one.
    pub fn of(shop: &Shop, detail: &OrderDetail, link: Option<String>) -> Self {
        let order = &detail.order;
        let paid_at = detail
            .history
            .iter()
            .find(|h| h.to == OrderStatus::Paid)
            .map(|h| h.at)
            .unwrap_or(order.created_at);
        let at = local_time(paid_at, shop.country.utc_offset_hours());
        let payments = detail
            .payments
            .iter()
            .filter(|p| p.state == PaymentState::Succeeded)
            .map(|p| ReceiptPayment {
                how: match p.method {
                    PaymentMethod::Cash => "Cash".into(),
                    PaymentMethod::Simulated => "M-Pesa (test)".into(),
                    PaymentMethod::Credit => "On credit".into(),
                    _ => "M-Pesa".into(),
                },
                amount: p.amount,
                code: p.receipt.clone(),
            })
            .collect();
        let refunds = detail
            .refunds
            .iter()
            .map(|r| ReceiptPayment {
                how: match r.method {
                    crate::refund::RefundMethod::Cash => "Refund, cash".into(),
                    crate::refund::RefundMethod::Mpesa => "Refund, M-Pesa".into(),
                },
                amount: r.amount,
                code: r.receipt.clone(),
            })
            .collect();
        let served_by = detail
            .history
            .first()
            .map(|h| h.actor.clone())
            .filter(|a| !NOT_A_PERSON.contains(&a.as_str()));
        Self {
            shop_name: shop.name.clone(),
            order_number: order.number,
            at,
            lines: order
                .lines
                .iter()
                .map(|l| ReceiptLine {
                    qty: l.qty,
                    name: l.name.clone(),
                    unit_price: l.unit_price,
                    total: l.total,
                })
                .collect(),
            subtotal: order.subtotal,
            delivery_fee: order.delivery_fee,
            total: order.total,
            payments,
            refunds,
            paid: order.is_paid(),
            served_by,
            link,
            tax: None,
        }
    }

    /// Whether any of it was paid in cash (the drawer opens).
    pub fn has_cash(&self) -> bool {
        self.payments.iter().any(|p| p.how == "Cash")
    }

    /// The receipt as rows of a roll `columns` characters wide.
    pub fn rows(&self, columns: usize) -> Vec<Row> {
        let mut rows = vec![
            Row::Title(self.shop_name.clone()),
            Row::Centered(
                if self.paid {
                    "Receipt"
                } else {
                    "Bill (not paid)"
                }
                .into(),
            ),
            Row::Text(spread(
                &format!("Order #{}", self.order_number),
                &self.at.format("%-d %b %Y %H:%M").to_string(),
                columns,
            )),
            Row::Rule,
        ];
        for line in &self.lines {
            let amount = line.total.to_string();
            let label = format!("{} x {}", line.qty, line.name);
            let room = columns.saturating_sub(amount.chars().count() + 1).max(1);
            let mut parts = wrap(&label, room).into_iter();
            let first = parts.next().unwrap_or_default();
            rows.push(Row::Text(spread(&first, &amount, columns)));
            for rest in parts {
                rows.push(Row::Text(format!("    {rest}")));
            }
            if line.qty > 1 {
                rows.push(Row::Text(format!("    @ {}", line.unit_price)));
            }
        }
        rows.push(Row::Rule);
        if self.delivery_fee.minor > 0 {
            rows.push(Row::Text(spread(
                "Subtotal",
                &self.subtotal.to_string(),
                columns,
            )));
            rows.push(Row::Text(spread(
                "Delivery",
                &self.delivery_fee.to_string(),
                columns,
            )));
        }
        rows.push(Row::Bold(spread("TOTAL", &self.total.to_string(), columns)));
        for p in &self.payments {
            let how = match &p.code {
                Some(code) => format!("{} {code}", p.how),
                None => p.how.clone(),
            };
            rows.push(Row::Text(spread(&how, &p.amount.to_string(), columns)));
        }
        for r in &self.refunds {
            let how = match &r.code {
                Some(code) => format!("{} {code}", r.how),
                None => r.how.clone(),
            };
            rows.push(Row::Text(spread(&how, &format!("-{}", r.amount), columns)));
        }
        if !self.refunds.is_empty() {
            let given: i64 = self.refunds.iter().map(|r| r.amount.minor).sum();
            let kept = Money::from_minor(self.total.minor - given, self.total.currency);
            rows.push(Row::Bold(spread("NET PAID", &kept.to_string(), columns)));
        }
        if !self.paid {
            rows.push(Row::Bold(spread("DUE", &self.total.to_string(), columns)));
        }
        if let Some(name) = &self.served_by {
            rows.push(Row::Text(format!("Served by {name}")));
        }
        rows.push(Row::Rule);
        if let Some(tax) = &self.tax {
            tax_rows(tax, self.total.currency, columns, &mut rows);
            rows.push(Row::Rule);
        }
        if let Some(link) = &self.link {
            rows.push(Row::Centered("Order again on WhatsApp:".into()));
            rows.push(Row::Qr(link.clone()));
        }
        rows.push(Row::Centered("Thank you!".into()));
        rows
    }

    /// The receipt as plain text lines (the on-screen preview and tests);
    /// the title is centred like the rest, a QR code is shown as its link.
    pub fn text(&self, columns: usize) -> Vec<String> {
        self.rows(columns)
            .into_iter()
            .map(|row| match row {
                Row::Title(t) | Row::Centered(t) => centre(&t, columns),
                Row::Text(t) | Row::Bold(t) => t,
                Row::Rule => "-".repeat(columns),
                Row::Qr(link) => centre(&link, columns),
            })
            .collect()
    }
}

/// The tax invoice's block: the shop's PIN, the VAT in each band, and
/// KRA's signature with its verification QR (or a note that KRA has not
/// signed it yet).
fn tax_rows(
    tax: &ReceiptTax,
    currency: crate::money::Currency,
    columns: usize,
    rows: &mut Vec<Row>,
) {
    let money = |minor| Money::from_minor(minor, currency).to_string();
    rows.push(Row::Centered("TAX INVOICE (KRA eTIMS)".into()));
    rows.push(Row::Text(spread("PIN", &tax.pin, columns)));
    if let Some(buyer) = &tax.buyer_pin {
        rows.push(Row::Text(spread("Buyer PIN", buyer, columns)));
    }
    rows.push(Row::Text(spread(
        "Invoice no.",
        &tax.invoice_number.to_string(),
        columns,
    )));
    for b in tax.bands.iter().filter(|b| b.taxable_minor > 0) {
        rows.push(Row::Text(spread(
            b.band.label(),
            &money(b.taxable_minor),
            columns,
        )));
        if b.band.rate_bp() > 0 {
            rows.push(Row::Text(spread("  VAT", &money(b.tax_minor), columns)));
        }
    }
    match &tax.signed {
        Some(s) => {
            rows.push(Row::Text(spread("SCU ID", &s.sdc_id, columns)));
            rows.push(Row::Text(spread(
                "CU invoice no.",
                &format!("{}/{}", s.sdc_id, s.receipt_no),
                columns,
            )));
            rows.push(Row::Text(spread(
                "SCU time",
                &kra_time(&s.kra_time),
                columns,
            )));
            rows.push(Row::Text("Internal data:".into()));
            for part in wrap(&s.internal_data, columns) {
                rows.push(Row::Text(part));
            }
            rows.push(Row::Text("Receipt signature:".into()));
            for part in wrap(&s.signature, columns) {
                rows.push(Row::Text(part));
            }
            rows.push(Row::Qr(s.verify_url.clone()));
        }
        None => {
            let note = "Waiting for KRA's signature: ask for this receipt again later.";
            rows.extend(wrap(note, columns).into_iter().map(Row::Text));
        }
    }
}

/// `20261206143000` as `06/12/2026 14:30:00` (as it came, if not that).
fn kra_time(stamp: &str) -> String {
    chrono::NaiveDateTime::parse_from_str(stamp, "%Y%m%d%H%M%S")
        .map(|t| t.format("%d/%m/%Y %H:%M:%S").to_string())
        .unwrap_or_else(|_| stamp.to_owned())
}

/// One row of a laid-out receipt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// The shop's name, large and centred.
    Title(String),
    /// A centred line.
    Centered(String),
    /// A line as is (at most the roll's width).
    Text(String),
    /// A bold line.
    Bold(String),
    /// A dashed rule across the roll.
    Rule,
    /// A QR code of this text, centred.
    Qr(String),
}

/// `left` and `right` on one line `columns` wide, `left` shortened if both
/// do not fit.
pub fn spread(left: &str, right: &str, columns: usize) -> String {
    let right_len = right.chars().count();
    let room = columns.saturating_sub(right_len + 1);
    let left = shorten(left, room);
    let gap = columns
        .saturating_sub(left.chars().count() + right_len)
        .max(1);
    format!("{left}{}{right}", " ".repeat(gap))
}

/// `text` centred in `columns` (shortened if longer).
pub fn centre(text: &str, columns: usize) -> String {
    let text = shorten(text, columns);
    let pad = (columns - text.chars().count()) / 2;
    format!("{}{text}", " ".repeat(pad))
}

fn shorten(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        text.to_owned()
    } else {
        let mut s: String = text.chars().take(chars.saturating_sub(1)).collect();
        s.push('.');
        s
    }
}

/// Splits `text` into lines of at most `width` characters at spaces (a
/// word longer than a line is cut).
pub(crate) fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let mut word: String = word.to_owned();
        loop {
            let used = current.chars().count();
            let need = word.chars().count() + usize::from(used > 0);
            if used + need <= width {
                if used > 0 {
                    current.push(' ');
                }
                current.push_str(&word);
                break;
            }
            if used > 0 {
                lines.push(std::mem::take(&mut current));
                continue;
            }
            let head: String = word.chars().take(width).collect();
            word = word.chars().skip(width).collect();
            lines.push(head);
            if word.is_empty() {
                break;
            }
        }
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push(current);
    }
    lines
}

#[cfg(test)]
mod tests;
