//! The invoice queue (local migration 0021): an invoice is written in the
//! same transaction as the move that makes its sale (the order paid at
//! this till) or undoes it (an invoiced order cancelled), numbered the
//! largest plus one so the numbers have no gap, and signed by KRA strictly
//! in that order by [`super::signer`].
//!
//! Which till invoices a sale: the one whose own change paid the order
//! (its row's `version_device` is empty: not another till's change pulled
//! here). Each till that takes money is its own eTIMS device. A credit
//! note is written where its invoice is.

use crate::privacy::audit::{self, Actor, AuditAction};
use crate::store::{from_millis, to_millis, Store, StoreError};
use chrono::{DateTime, Utc};
use dukadesk_domain::ipc::{TaxInvoiceRow, TaxInvoiceState};
use dukadesk_domain::order::OrderStatus;
use dukadesk_domain::receipt::{ReceiptTax, SignedTax};
use dukadesk_domain::tax::{InvoiceKind, TaxBand, TaxLine, TaxPayment};
use dukadesk_domain::words::Problem;
use dukadesk_domain::OrderId;
use sqlx::SqliteConnection;

/// What the device row says, for the queue.
struct On {
    default_band: Option<TaxBand>,
    enabled_at: i64,
}

async fn enabled(tx: &mut SqliteConnection) -> Result<Option<On>, StoreError> {
    let row: Option<(Option<String>, i64)> =
        sqlx::query_as("SELECT default_band, enabled_at FROM tax_device WHERE enabled = 1")
            .fetch_optional(&mut *tx)
            .await?;
    Ok(row.map(|(band, enabled_at)| On {
        default_band: band.as_deref().and_then(TaxBand::parse),
        enabled_at,
    }))
}

async fn next_number(tx: &mut SqliteConnection) -> Result<i64, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT COALESCE(MAX(number), 0) + 1 FROM tax_invoices")
            .fetch_one(&mut *tx)
            .await?,
    )
}

/// The order's lines with their bands as the catalogue has them now (or
/// the shop's default), and its delivery fee as a line of its own.
async fn lines_of(
    tx: &mut SqliteConnection,
    order_id: &str,
    delivery_fee_minor: i64,
    default_band: Option<TaxBand>,
) -> Result<Vec<TaxLine>, StoreError> {
    let rows: Vec<(String, String, i64, i64, i64, Option<String>)> = sqlx::query_as(
        "SELECT l.item_id, l.name, l.qty, l.unit_price_minor, l.total_minor, i.tax_band
         FROM order_items l LEFT JOIN items i ON i.id = l.item_id
         WHERE l.order_id = ? ORDER BY l.position",
    )
    .bind(order_id)
    .fetch_all(&mut *tx)
    .await?;
    let mut lines: Vec<TaxLine> = rows
        .into_iter()
        .map(|(item_id, name, qty, unit, total, band)| TaxLine {
            item_id,
            name,
            band: band.as_deref().and_then(TaxBand::parse).or(default_band),
            qty: u32::try_from(qty).unwrap_or(1),
            unit_price_minor: unit,
            total_minor: total,
        })
        .collect();
    if delivery_fee_minor > 0 {
        lines.push(TaxLine {
            item_id: String::new(),
            name: "Delivery".into(),
            band: default_band,
            qty: 1,
            unit_price_minor: delivery_fee_minor,
            total_minor: delivery_fee_minor,
        });
    }
    Ok(lines)
}

/// How the order was paid, as KRA codes it; `None` when only the test
/// chat's simulated money paid it (never invoiced).
async fn payment_of(
    tx: &mut SqliteConnection,
    order_id: &str,
) -> Result<Option<TaxPayment>, StoreError> {
    let methods: Vec<String> = sqlx::query_scalar(
        "SELECT method FROM payments WHERE order_id = ? AND state = 'succeeded' ORDER BY created_at",
    )
    .bind(order_id)
    .fetch_all(&mut *tx)
    .await?;
    if methods.iter().any(|m| m == "simulated") {
        return Ok(None);
    }
    Ok(Some(match methods.first().map(String::as_str) {
        Some("cash") => TaxPayment::Cash,
        Some("credit") => TaxPayment::Credit,
        Some("mpesa_manual" | "mpesa_daraja" | "mpesa_intasend") => TaxPayment::MobileMoney,
        _ => TaxPayment::Other,
    }))
}

/// An invoice to write.
struct NewInvoice<'a> {
    order_id: &'a str,
    kind: InvoiceKind,
    order_number: i64,
    customer_name: Option<&'a str>,
    customer_pin: Option<&'a str>,
    payment: &'a str,
    lines: &'a str,
    /// The refund a credit note for part of the sale is for.
    refund: Option<&'a str>,
}

async fn insert(
    tx: &mut SqliteConnection,
    new: NewInvoice<'_>,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let number = next_number(tx).await?;
    let (kind_text, original) = match new.kind {
        InvoiceKind::Sale => ("sale", None),
        InvoiceKind::CreditNote { original } => ("credit_note", Some(original)),
    };
    sqlx::query(
        "INSERT INTO tax_invoices (number, order_id, kind, original, order_number, customer_name,
                                   customer_pin, payment, lines, sold_at, state, next_try_at,
                                   created_at, updated_at, refund_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?)",
    )
    .bind(number)
    .bind(new.order_id)
    .bind(kind_text)
    .bind(original)
    .bind(new.order_number)
    .bind(new.customer_name)
    .bind(new.customer_pin)
    .bind(new.payment)
    .bind(new.lines)
    .bind(to_millis(now))
    .bind(to_millis(now))
    .bind(to_millis(now))
    .bind(to_millis(now))
    .bind(new.refund)
    .execute(&mut *tx)
    .await?;
    Ok(number)
}

/// Follows an order's move inside its transaction: a sale this till just
/// took gets its invoice; an invoiced order cancelled gets its credit
/// note. True when an invoice was queued (wake the signer).
pub(crate) async fn follow_order_in(
    tx: &mut SqliteConnection,
    order_id: OrderId,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let Some(on) = enabled(tx).await? else {
        return Ok(false);
    };
    let id = order_id.to_string();
    type OrderRow = (
        String,
        i64,
        Option<String>,
        Option<String>,
        i64,
        i64,
        String,
        bool,
    );
    let row: Option<OrderRow> = sqlx::query_as(
        "SELECT status, number, customer_name, version_device, created_at, delivery_fee_minor, channel,
                pay_on_delivery
         FROM orders WHERE id = ?",
    )
    .bind(&id)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((status, number, customer, device, created_at, fee, channel, pay_on_delivery)) = row
    else {
        return Ok(false);
    };
    let Some(status) = OrderStatus::parse(&status) else {
        return Ok(false);
    };
    let invoiced = invoiced_in(tx, &id).await?;
    let ever_invoiced = invoiced.iter().any(|(_, kind, ..)| kind == "sale");
    if status == OrderStatus::Cancelled {
        // The sale that stands (the latest, not credited yet), if any.
        let Some((original, _, payment, lines, pin, ..)) = live_sale(&invoiced) else {
            return Ok(false);
        };
        // What refunds credited already is not credited again.
        let Some(lines) = still_standing(&invoiced, *original, lines)? else {
            return Ok(false);
        };
        let kind = InvoiceKind::CreditNote {
            original: *original,
        };
        let new = NewInvoice {
            order_id: &id,
            kind,
            order_number: number,
            customer_name: customer.as_deref(),
            customer_pin: pin.as_deref(),
            payment,
            lines: &lines,
            refund: None,
        };
        insert(tx, new, now).await?;
        return Ok(true);
    }
    if !status.money_in(pay_on_delivery)
        || ever_invoiced
        || device.is_some()
        || channel == "test_chat"
        || created_at < on.enabled_at
    {
        return Ok(false);
    }
    let Some(payment) = payment_of(tx, &id).await? else {
        return Ok(false);
    };
    let lines = lines_of(tx, &id, fee, on.default_band).await?;
    let lines = serde_json::to_string(&lines).map_err(|e| StoreError::Internal(e.to_string()))?;
    let new = NewInvoice {
        order_id: &id,
        kind: InvoiceKind::Sale,
        order_number: number,
        customer_name: customer.as_deref(),
        customer_pin: None,
        payment: payment.code(),
        lines: &lines,
        refund: None,
    };
    insert(tx, new, now).await?;
    Ok(true)
}

/// An order's invoices as `follow_order_in` reads them: number, kind,
/// payment, lines, buyer's PIN, the invoice a credit note credits, and the
/// refund a credit note for part of it is for.
type Invoiced = (
    i64,
    String,
    String,
    String,
    Option<String>,
    Option<i64>,
    Option<String>,
);

/// An order's invoices, in number order.
async fn invoiced_in(
    tx: &mut SqliteConnection,
    order_id: &str,
) -> Result<Vec<Invoiced>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT number, kind, payment, lines, customer_pin, original, refund_id FROM tax_invoices
         WHERE order_id = ? ORDER BY number",
    )
    .bind(order_id)
    .fetch_all(&mut *tx)
    .await?)
}

/// The order's sale invoice that stands: its latest sale, unless a credit
/// note took it back.
fn live_sale(invoiced: &[Invoiced]) -> Option<&Invoiced> {
    let sale = invoiced.iter().rev().find(|(_, kind, ..)| kind == "sale")?;
    // Only a credit note without a refund takes the whole sale back.
    let credited = invoiced
        .iter()
        .any(|i| i.5 == Some(sale.0) && i.6.is_none());
    (!credited).then_some(sale)
}

fn read_lines(lines: &str) -> Result<Vec<TaxLine>, StoreError> {
    serde_json::from_str(lines).map_err(|_| StoreError::BadRow("tax invoice"))
}

/// The lines of sale `original` (its `lines` as written) that refunds have
/// not credited yet; `None` when they credited all of it.
fn still_standing(
    invoiced: &[Invoiced],
    original: i64,
    lines: &str,
) -> Result<Option<String>, StoreError> {
    let mut refunded = 0;
    for note in invoiced
        .iter()
        .filter(|i| i.5 == Some(original) && i.6.is_some())
    {
        refunded += read_lines(&note.3)?
            .iter()
            .map(|l| l.total_minor)
            .sum::<i64>();
    }
    if refunded == 0 {
        return Ok(Some(lines.to_owned()));
    }
    let sale = read_lines(lines)?;
    let total: i64 = sale.iter().map(|l| l.total_minor).sum();
    if refunded >= total {
        return Ok(None);
    }
    let left = dukadesk_domain::tax::credited_lines(&sale, total - refunded);
    serde_json::to_string(&left)
        .map(Some)
        .map_err(|e| StoreError::Internal(e.to_string()))
}

/// Money given back on an invoiced sale (`refund`, just written in the
/// caller's transaction) gets a credit note for that much of the sale that
/// stands, shared over its lines and bands; at most what refunds have not
/// credited yet. True when one was queued. A sale this till did not
/// invoice, or that a cancellation already credited, gets none.
pub(crate) async fn refund_in(
    tx: &mut SqliteConnection,
    refund: &dukadesk_domain::refund::Refund,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    if enabled(tx).await?.is_none() {
        return Ok(false);
    }
    let id = refund.order_id.to_string();
    let invoiced = invoiced_in(tx, &id).await?;
    let Some((original, _, payment, lines, pin, ..)) = live_sale(&invoiced) else {
        return Ok(false);
    };
    let Some(standing) = still_standing(&invoiced, *original, lines)? else {
        return Ok(false);
    };
    let credited =
        dukadesk_domain::tax::credited_lines(&read_lines(&standing)?, refund.amount.minor);
    if credited.is_empty() {
        return Ok(false);
    }
    let (number, customer): (i64, Option<String>) =
        sqlx::query_as("SELECT number, customer_name FROM orders WHERE id = ?")
            .bind(&id)
            .fetch_one(&mut *tx)
            .await?;
    let credited =
        serde_json::to_string(&credited).map_err(|e| StoreError::Internal(e.to_string()))?;
    let refund_id = refund.id.to_string();
    let new = NewInvoice {
        order_id: &id,
        kind: InvoiceKind::CreditNote {
            original: *original,
        },
        order_number: number,
        customer_name: customer.as_deref(),
        customer_pin: pin.as_deref(),
        payment,
        lines: &credited,
        refund: Some(&refund_id),
    };
    insert(tx, new, now).await?;
    Ok(true)
}

/// Puts a business buyer's KRA PIN on the sale's invoice, inside the
/// sale's transaction (before anything is sent).
pub(crate) async fn set_buyer_in(
    tx: &mut SqliteConnection,
    order_id: OrderId,
    pin: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE tax_invoices SET customer_pin = ?
         WHERE order_id = ? AND kind = 'sale' AND state = 'queued'",
    )
    .bind(pin)
    .bind(order_id.to_string())
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// The next invoice in line, whether or not it is due yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextInvoice {
    /// Its number.
    pub number: i64,
    /// Queued, or sending (its answer was lost).
    pub state: TaxInvoiceState,
    /// Sale or credit note.
    pub kind: InvoiceKind,
    /// The order's number.
    pub order_number: i64,
    /// The customer's name.
    pub customer_name: Option<String>,
    /// A business buyer's KRA PIN.
    pub customer_pin: Option<String>,
    /// KRA's payment code.
    pub payment: TaxPayment,
    /// Its lines as written (a line with no band takes the item's band
    /// as the catalogue has it now, or the shop's default).
    pub lines: Vec<TaxLine>,
    /// When it was sold.
    pub sold_at: DateTime<Utc>,
    /// Tries so far.
    pub attempts: u32,
    /// When it is due.
    pub next_try_at: DateTime<Utc>,
}

fn payment_from_code(code: &str) -> TaxPayment {
    match code {
        "01" => TaxPayment::Cash,
        "02" => TaxPayment::Credit,
        "06" => TaxPayment::MobileMoney,
        _ => TaxPayment::Other,
    }
}

fn state_from(text: &str) -> TaxInvoiceState {
    match text {
        "sending" => TaxInvoiceState::Sending,
        "signed" => TaxInvoiceState::Signed,
        _ => TaxInvoiceState::Queued,
    }
}

impl Store {
    /// The lowest unsigned invoice: KRA signs them in order, so only it
    /// may be sent.
    pub async fn next_invoice(&self) -> Result<Option<NextInvoice>, StoreError> {
        type Row = (
            i64,
            String,
            String,
            Option<i64>,
            i64,
            Option<String>,
            String,
            String,
            i64,
            i64,
            i64,
            Option<String>,
        );
        let row: Option<Row> = sqlx::query_as(
            "SELECT number, state, kind, original, order_number, customer_name, payment, lines,
                    sold_at, attempts, next_try_at, customer_pin
             FROM tax_invoices WHERE state <> 'signed' ORDER BY number LIMIT 1",
        )
        .fetch_optional(self.pool())
        .await?;
        let Some((
            number,
            state,
            kind,
            original,
            order_number,
            customer,
            payment,
            lines,
            sold,
            attempts,
            next,
            customer_pin,
        )) = row
        else {
            return Ok(None);
        };
        let mut lines: Vec<TaxLine> =
            serde_json::from_str(&lines).map_err(|_| StoreError::BadRow("tax invoice"))?;
        // A line written with no band takes what staff have given since.
        if lines.iter().any(|l| l.band.is_none()) {
            let default: Option<String> =
                sqlx::query_scalar("SELECT default_band FROM tax_device WHERE id = 1")
                    .fetch_optional(self.pool())
                    .await?
                    .flatten();
            let default = default.as_deref().and_then(TaxBand::parse);
            for line in lines.iter_mut().filter(|l| l.band.is_none()) {
                let band: Option<String> =
                    sqlx::query_scalar("SELECT tax_band FROM items WHERE id = ?")
                        .bind(&line.item_id)
                        .fetch_optional(self.pool())
                        .await?
                        .flatten();
                line.band = band.as_deref().and_then(TaxBand::parse).or(default);
            }
        }
        Ok(Some(NextInvoice {
            number,
            state: state_from(&state),
            kind: match (kind.as_str(), original) {
                ("credit_note", Some(original)) => InvoiceKind::CreditNote { original },
                _ => InvoiceKind::Sale,
            },
            order_number,
            customer_name: customer,
            customer_pin,
            payment: payment_from_code(&payment),
            lines,
            sold_at: from_millis(sold),
            attempts: u32::try_from(attempts).unwrap_or(u32::MAX),
            next_try_at: from_millis(next),
        }))
    }

    /// Marks the invoice as on its way (committed before the request
    /// leaves, so a restart sends the same number again).
    pub async fn invoice_sending(&self, number: i64) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE tax_invoices SET state = 'sending', attempts = attempts + 1, updated_at = ?
             WHERE number = ? AND state <> 'signed'",
        )
        .bind(to_millis(self.now()))
        .bind(number)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// Saves KRA's signature (`None`: KRA had the number already and its
    /// first answer was lost).
    pub async fn invoice_signed(
        &self,
        number: i64,
        kra_number: i64,
        receipt: Option<&super::oscu::Receipt>,
        sdc_id: &str,
    ) -> Result<(), StoreError> {
        let note = receipt.is_none().then_some(
            "KRA had this invoice already (its first answer was lost), so its signature was not received.",
        );
        sqlx::query(
            "UPDATE tax_invoices SET state = 'signed', kra_number = ?, receipt_no = ?, internal_data = ?, signature = ?,
                    kra_time = ?, sdc_id = ?, last_error = ?, updated_at = ?
             WHERE number = ? AND state <> 'signed'",
        )
        .bind(kra_number)
        .bind(receipt.map(|r| r.receipt_no))
        .bind(receipt.map(|r| r.internal_data.as_str()))
        .bind(receipt.map(|r| r.signature.as_str()))
        .bind(receipt.map(|r| r.kra_time.as_str()))
        .bind(sdc_id)
        .bind(note)
        .bind(to_millis(self.now()))
        .bind(number)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// Leaves the invoice for later with the reason staff read. `sent`:
    /// the request may have reached KRA (it stays `sending`).
    pub async fn invoice_later(
        &self,
        number: i64,
        why: &str,
        at: DateTime<Utc>,
        sent: bool,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE tax_invoices SET last_error = ?, next_try_at = ?, updated_at = ?,
                    state = CASE WHEN ? THEN 'sending' ELSE 'queued' END
             WHERE number = ? AND state <> 'signed'",
        )
        .bind(why)
        .bind(to_millis(at))
        .bind(to_millis(self.now()))
        .bind(sent)
        .bind(number)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// Staff's "Send now": every unsigned invoice is due at once, and KRA's
    /// classification list if it never came.
    pub async fn send_invoices_now(&self) -> Result<(), StoreError> {
        sqlx::query("UPDATE tax_invoices SET next_try_at = ? WHERE state <> 'signed'")
            .bind(to_millis(self.now()))
            .execute(self.pool())
            .await?;
        // KRA's classification list, if it never came (KRA was away at
        // set-up), is asked for first.
        sqlx::query("UPDATE tax_device SET classes_at = NULL WHERE classes_since IS NULL")
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// Invoices KRA has not signed yet, oldest first, with their age and
    /// the reason they wait.
    pub async fn unsigned_invoices(&self) -> Result<Vec<TaxInvoiceRow>, StoreError> {
        self.invoice_rows("WHERE state <> 'signed' ORDER BY number", None)
            .await
    }

    /// Issues an order's invoice again to a business buyer who gives their
    /// KRA PIN after the sale (Kenyan buyers deduct only invoices that
    /// carry it). An invoice not sent yet simply takes the PIN; a signed
    /// one gets its credit note and a new invoice with the PIN, both queued
    /// in one transaction for KRA to sign in order. Refused, saying what to
    /// do, while the invoice is on its way to KRA, when the order has no
    /// invoice that stands (cancelled, or never invoiced by this till), and
    /// for the PIN it already carries. Either way an audit line names who
    /// did it (never the PIN). True when a credit note and a new invoice
    /// were queued (the signer, which looks every few seconds, sends them).
    pub async fn reissue_invoice(
        &self,
        order_id: OrderId,
        pin: &str,
        by: &Actor,
    ) -> Result<bool, StoreError> {
        let pin =
            dukadesk_domain::tax::check_pin(pin).map_err(|m| StoreError::said("buyer_pin", &m))?;
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let id = order_id.to_string();
        let invoiced = invoiced_in(&mut tx, &id).await?;
        let Some((number, _, payment, lines, current, ..)) = live_sale(&invoiced).cloned() else {
            return Err(StoreError::Refused(
                "This order has no tax invoice that stands (it was cancelled, or another till \
                 took the money): there is nothing to issue again here."
                    .into(),
            ));
        };
        if current.as_deref() == Some(pin.as_str()) {
            return Err(StoreError::said(
                "buyer_pin",
                &Problem::InvoiceCarriesPin(pin.to_owned()),
            ));
        }
        let (order_number, customer_name, state): (i64, Option<String>, String) = sqlx::query_as(
            "SELECT order_number, customer_name, state FROM tax_invoices WHERE number = ?",
        )
        .bind(number)
        .fetch_one(&mut *tx)
        .await?;
        let credited = match state.as_str() {
            // Not sent yet: the invoice just takes the PIN.
            "queued" => {
                sqlx::query(
                    "UPDATE tax_invoices SET customer_pin = ?, updated_at = ? WHERE number = ?",
                )
                .bind(&pin)
                .bind(to_millis(now))
                .bind(number)
                .execute(&mut *tx)
                .await?;
                false
            }
            "sending" => {
                return Err(StoreError::Refused(
                    "The invoice is on its way to KRA. Try again once it is signed (a minute, or \
                     when the till is back online)."
                        .into(),
                ));
            }
            _ => {
                // What refunds credited already is neither credited again
                // nor invoiced anew.
                let lines = still_standing(&invoiced, number, &lines)?.ok_or_else(|| {
                    StoreError::Refused(
                        "All of this sale's money went back: there is no invoice to issue again."
                            .into(),
                    )
                })?;
                let credit = NewInvoice {
                    order_id: &id,
                    kind: InvoiceKind::CreditNote { original: number },
                    order_number,
                    customer_name: customer_name.as_deref(),
                    customer_pin: current.as_deref(),
                    payment: &payment,
                    lines: &lines,
                    refund: None,
                };
                insert(&mut tx, credit, now).await?;
                let sale = NewInvoice {
                    order_id: &id,
                    kind: InvoiceKind::Sale,
                    order_number,
                    customer_name: customer_name.as_deref(),
                    customer_pin: Some(&pin),
                    payment: &payment,
                    lines: &lines,
                    refund: None,
                };
                insert(&mut tx, sale, now).await?;
                true
            }
        };
        let detail = if credited {
            format!("Order #{order_number}: its signed invoice credited and issued again with the buyer's PIN.")
        } else {
            format!(
                "Order #{order_number}: the buyer's PIN put on its invoice before it went to KRA."
            )
        };
        audit::record(
            &mut tx,
            to_millis(now),
            by,
            AuditAction::InvoiceReissued,
            Some(&id),
            &detail,
        )
        .await?;
        tx.commit().await?;
        tracing::info!(order_number, credited, "invoice given a buyer's PIN");
        Ok(credited)
    }

    /// The invoices of an order (its sale, and its credit note).
    pub async fn invoices_of(&self, order_id: OrderId) -> Result<Vec<TaxInvoiceRow>, StoreError> {
        self.invoice_rows(
            "WHERE order_id = ? ORDER BY number",
            Some(order_id.to_string()),
        )
        .await
    }

    /// The tax block of an order's receipt: its sale's invoice, signed or
    /// not yet (`None`: this till issued none).
    pub async fn receipt_tax(&self, order_id: OrderId) -> Result<Option<ReceiptTax>, StoreError> {
        type Row = (
            i64,
            String,
            Option<String>,
            Option<i64>,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
        );
        let row: Option<Row> = sqlx::query_as(
            "SELECT COALESCE(kra_number, number - COALESCE((SELECT number_base FROM tax_device WHERE id = 1), 0)),
                    lines, signature, receipt_no, internal_data, kra_time, sdc_id, customer_pin
             FROM tax_invoices WHERE order_id = ? AND kind = 'sale' ORDER BY number DESC LIMIT 1",
        )
        .bind(order_id.to_string())
        .fetch_optional(self.pool())
        .await?;
        let Some((number, lines, signature, receipt_no, internal, kra_time, sdc_id, buyer_pin)) =
            row
        else {
            return Ok(None);
        };
        let (pin, branch): (String, String) =
            sqlx::query_as("SELECT pin, branch FROM tax_device WHERE id = 1")
                .fetch_optional(self.pool())
                .await?
                .unwrap_or_default();
        let lines: Vec<TaxLine> =
            serde_json::from_str(&lines).map_err(|_| StoreError::BadRow("tax invoice"))?;
        let bands = dukadesk_domain::tax::totals(&lines)
            .map(|t| t.bands)
            .unwrap_or_default();
        let signed = signature.map(|signature| SignedTax {
            verify_url: dukadesk_domain::tax::verification_url(&pin, &branch, &signature),
            sdc_id: sdc_id.unwrap_or_default(),
            receipt_no: receipt_no.unwrap_or_default(),
            kra_time: kra_time.unwrap_or_default(),
            internal_data: internal.unwrap_or_default(),
            signature,
        });
        Ok(Some(ReceiptTax {
            pin,
            buyer_pin,
            invoice_number: number,
            bands,
            signed,
        }))
    }

    async fn invoice_rows(
        &self,
        filter: &str,
        bind: Option<String>,
    ) -> Result<Vec<TaxInvoiceRow>, StoreError> {
        type Row = (
            i64,
            String,
            String,
            Option<i64>,
            i64,
            String,
            Option<String>,
            Option<String>,
            Option<i64>,
            Option<String>,
            i64,
            String,
            Option<String>,
        );
        let sql = format!(
            "SELECT t.number, t.order_id, t.kind, t.original, t.order_number, t.state, t.last_error,
                    t.signature, t.receipt_no, t.internal_data, t.sold_at, t.lines, t.customer_pin
             FROM tax_invoices t {filter}"
        );
        let mut query = sqlx::query_as::<_, Row>(&sql);
        if let Some(b) = bind {
            query = query.bind(b);
        }
        let rows = query.fetch_all(self.pool()).await?;
        let device: Option<(String, String)> =
            sqlx::query_as("SELECT pin, branch FROM tax_device WHERE id = 1")
                .fetch_optional(self.pool())
                .await?;
        let mut out = Vec::with_capacity(rows.len());
        // What was paid, and the VAT in it (`None` while a line has no band).
        let totals_of = |lines: &str| {
            let lines: Vec<TaxLine> =
                serde_json::from_str(lines).map_err(|_| StoreError::BadRow("tax invoice"))?;
            let total: i64 = lines.iter().map(|l| l.total_minor).sum();
            let tax = dukadesk_domain::tax::totals(&lines)
                .ok()
                .map(|t| t.tax_minor);
            Ok::<_, StoreError>((total, tax))
        };
        for (
            number,
            order_id,
            kind,
            original,
            order_number,
            state,
            reason,
            signature,
            receipt_no,
            internal,
            sold,
            lines,
            buyer_pin,
        ) in rows
        {
            let (total_minor, tax_minor) = totals_of(&lines)?;
            let verify_url = match (&device, &signature) {
                (Some((pin, branch)), Some(sig)) => {
                    Some(dukadesk_domain::tax::verification_url(pin, branch, sig))
                }
                _ => None,
            };
            out.push(TaxInvoiceRow {
                number,
                order_id: crate::store::parse_uuid(&order_id, "tax invoice").map(OrderId)?,
                order_number,
                credit_note_for: if kind == "credit_note" {
                    original
                } else {
                    None
                },
                state: state_from(&state),
                reason,
                total_minor,
                tax_minor,
                receipt_no,
                internal_data: internal,
                signature,
                verify_url,
                sold_at: from_millis(sold),
                buyer_pin,
            });
        }
        Ok(out)
    }
}
