//! The signer: sends the lowest unsigned invoice to KRA, one [`step`] at
//! a time, strictly in number order (KRA takes them in sequence).
//!
//! What each answer leads to:
//! - first, each line's item KRA does not know yet (or whose band or name
//!   changed) is registered (`saveItem`, [`super::items`]);
//! - signed: KRA's receipt number, internal data and signature saved;
//! - `994` (KRA has the number already: a repeat after a lost answer):
//!   signed, its signature noted as not received;
//! - nothing reached KRA, or the answer was lost: tried again later under
//!   the same number, so it is never signed twice;
//! - a line with no tax band, or KRA's refusal: it waits with the reason
//!   for staff, and the invoices after it wait behind it. The sale itself
//!   stands either way.

use super::oscu::{item_body, sale_body, Oscu, OscuError, SaleToSign};
use super::settings::Signing;
use crate::backoff::{jitter, Backoff};
use crate::store::{Store, StoreError};
use chrono::{DateTime, Utc};
use dukadesk_domain::ipc::TaxInvoiceState;
use dukadesk_domain::tax::InvoiceKind;
use std::time::Duration;

/// How soon invoices are tried again.
pub const RETRY: Backoff = Backoff::doubling(Duration::from_secs(10), Duration::from_secs(900));

/// A reason staff must act on is looked at again after this long (or at
/// once on "Send now").
pub const HELD: Duration = Duration::from_secs(600);

/// What a step did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stepped {
    /// Nothing unsigned.
    Idle,
    /// The next invoice is not due before this.
    NotBefore(DateTime<Utc>),
    /// An invoice was signed: go on at once.
    Signed(i64),
    /// It waits (the reason is saved on it).
    Waits(i64),
}

/// Kenyan time, in which KRA reads invoice dates.
fn kenyan(at: DateTime<Utc>) -> chrono::NaiveDateTime {
    dukadesk_domain::report::local_time(at, dukadesk_domain::Country::Kenya.utc_offset_hours())
}

/// Takes the lowest unsigned invoice one step through `client`.
pub async fn step(store: &Store, signing: &Signing, client: &Oscu) -> Result<Stepped, StoreError> {
    let Some(next) = store.next_invoice().await? else {
        return Ok(Stepped::Idle);
    };
    let now = store.now();
    if next.next_try_at > now {
        return Ok(Stepped::NotBefore(next.next_try_at));
    }
    let later = |d: Duration| {
        now + chrono::Duration::from_std(d).unwrap_or_else(|_| chrono::Duration::minutes(10))
    };
    // KRA's numbers for this device.
    let sale = SaleToSign {
        number: next.number - signing.number_base,
        kind: match next.kind {
            InvoiceKind::CreditNote { original } => InvoiceKind::CreditNote {
                original: original - signing.number_base,
            },
            sale => sale,
        },
        order_number: next.order_number,
        customer_name: next.customer_name.clone(),
        customer_pin: next.customer_pin.clone(),
        payment: next.payment,
        lines: next.lines.clone(),
        at: kenyan(next.sold_at),
    };
    let sending = next.state == TaxInvoiceState::Sending;
    if let Err(why) = dukadesk_domain::tax::totals(&sale.lines) {
        store
            .invoice_later(next.number, &why.to_string(), later(HELD), sending)
            .await?;
        return Ok(Stepped::Waits(next.number));
    }
    let retry = later(jitter(RETRY.nth(next.attempts + 1)));
    // KRA takes a sale only of items it knows: register what it does not.
    let (mut codes, todo) = store.item_codes(&sale.lines, &signing.item_class).await?;
    if let Some(item) = todo.iter().find(|t| t.class.is_empty()) {
        let why = no_item_class(&item.name);
        store
            .invoice_later(next.number, &why, later(HELD), sending)
            .await?;
        return Ok(Stepped::Waits(next.number));
    }
    for item in &todo {
        // A class KRA's list no longer has (withdrawn since the item was
        // saved, or pushed by another till) is not sent: staff pick another.
        if let Some(why) = store.unlisted_item_class(&item.class).await? {
            let why = format!("\"{}\": {why}", item.name);
            store
                .invoice_later(next.number, &why, later(HELD), sending)
                .await?;
            return Ok(Stepped::Waits(next.number));
        }
        match client.save_item(&signing.keys, &item_body(item)).await {
            Ok(()) => {
                store.item_registered(item, &signing.sdc_id).await?;
                codes.insert(item.item_id.clone(), item.registered());
            }
            Err(e @ (OscuError::Offline(_) | OscuError::Lost(_))) => {
                store
                    .invoice_later(next.number, &e.to_string(), retry, sending)
                    .await?;
                return Ok(Stepped::Waits(next.number));
            }
            Err(e) => {
                let why = format!("KRA did not take the item \"{}\": {e}", item.name);
                store
                    .invoice_later(next.number, &why, later(HELD), sending)
                    .await?;
                return Ok(Stepped::Waits(next.number));
            }
        }
    }
    let body = match sale_body(&sale, &codes) {
        Ok(body) => body,
        Err(why) => {
            store
                .invoice_later(next.number, &why.to_string(), later(HELD), sending)
                .await?;
            return Ok(Stepped::Waits(next.number));
        }
    };
    store.invoice_sending(next.number).await?;
    match client.save_sale(&signing.keys, &body).await {
        Ok(receipt) => {
            store
                .invoice_signed(next.number, sale.number, Some(&receipt), &signing.sdc_id)
                .await?;
            Ok(Stepped::Signed(next.number))
        }
        Err(OscuError::Duplicate)
            if next.state == TaxInvoiceState::Sending || next.attempts > 0 =>
        {
            store
                .invoice_signed(next.number, sale.number, None, &signing.sdc_id)
                .await?;
            Ok(Stepped::Signed(next.number))
        }
        Err(OscuError::Offline(why)) => {
            // Nothing reached KRA: not on its way.
            store
                .invoice_later(
                    next.number,
                    &OscuError::Offline(why).to_string(),
                    retry,
                    next.state == TaxInvoiceState::Sending,
                )
                .await?;
            Ok(Stepped::Waits(next.number))
        }
        Err(e @ OscuError::Lost(_)) => {
            store
                .invoice_later(next.number, &e.to_string(), retry, true)
                .await?;
            Ok(Stepped::Waits(next.number))
        }
        Err(e) => {
            let why = match e {
                OscuError::Duplicate => "KRA already has an invoice with this number from another program. Ask KRA support; the invoices after it wait.".to_owned(),
                e => e.to_string(),
            };
            store
                .invoice_later(next.number, &why, later(HELD), true)
                .await?;
            Ok(Stepped::Waits(next.number))
        }
    }
}

/// What staff read when `item` must be registered and neither it nor the
/// shop has a classification code.
pub fn no_item_class(item: &str) -> String {
    format!("KRA must know each item before it is sold, under its classification code: type the shop's in Settings → Tax, or give \"{item}\" its own in the Catalogue, and the items and invoices are sent.")
}

/// What staff read on invoices while this till is not set up.
pub const NOT_SET_UP: &str =
    "eTIMS is not set up on this till: set it up in Settings → Tax, and the invoices are sent.";

/// The client for `signing`, built again when the settings changed
/// (`None`: it cannot be built now).
fn client_for(client: &mut Option<(Signing, Oscu)>, signing: Signing) -> Option<&(Signing, Oscu)> {
    if client.as_ref().is_none_or(|(built, _)| *built != signing) {
        *client = Oscu::new(signing.config.clone()).ok().map(|c| (signing, c));
    }
    client.as_ref()
}

/// Refreshes KRA's item classification list when a day old, then signs
/// what is due, and says when to look again (`None`: nothing to
/// sign; look again later). The vault is read only when an invoice is
/// due or the list is, both only once eTIMS is on, so a till that does
/// not invoice never asks it.
pub async fn round(
    store: &Store,
    client: &mut Option<(Signing, Oscu)>,
) -> Result<Option<DateTime<Utc>>, StoreError> {
    if store.item_classes_due().await? {
        if let Some(signing) = store.tax_signing().await? {
            if let Some((signing, oscu)) = client_for(client, signing) {
                super::classes::refresh(store, signing, oscu).await?;
            }
        }
    }
    let Some(next) = store.next_invoice().await? else {
        return Ok(None);
    };
    if next.next_try_at > store.now() {
        return Ok(Some(next.next_try_at));
    }
    let Some(signing) = store.tax_signing().await? else {
        let at = store.now() + chrono::Duration::from_std(HELD).unwrap_or_default();
        store
            .invoice_later(
                next.number,
                NOT_SET_UP,
                at,
                next.state == TaxInvoiceState::Sending,
            )
            .await?;
        return Ok(Some(at));
    };
    let Some((signing, oscu)) = client_for(client, signing) else {
        return Ok(Some(store.now() + chrono::Duration::minutes(1)));
    };
    // At most a batch a round, so a long queue does not hold the task.
    for _ in 0..50 {
        match step(store, signing, oscu).await? {
            Stepped::Idle => return Ok(None),
            Stepped::NotBefore(at) => return Ok(Some(at)),
            Stepped::Signed(_) => continue,
            Stepped::Waits(_) => {
                return Ok(store.next_invoice().await?.map(|n| n.next_try_at));
            }
        }
    }
    Ok(Some(store.now()))
}
