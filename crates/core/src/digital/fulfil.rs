//! The fulfilment machine's rows (`digital_sends`, local migration 0019):
//! written with a chat order (`unpaid`), released in the transaction that
//! pays the order (`queued`), claimed before the request leaves
//! (`sending`), given the provider's id before anything else (`sent`),
//! ended by the provider's final answer or by staff (`delivered`,
//! `failed` then `refunded` or sent again). [`super::sender`] drives it.
//!
//! The rules it keeps: nothing is sent for an order that is not paid; a
//! request whose answer was lost is asked again only under the same key (the
//! provider answers as it did the first time), never sent anew; a failure
//! tells the customer and stays on staff's list until they refund it or
//! send it again.

use crate::events::{Effects, Event};
use crate::store::{from_millis, new_id, parse_uuid, to_millis, Store, StoreError};
use chrono::{DateTime, Utc};
use dukadesk_domain::catalogue::{DigitalKind, ItemKind};
use dukadesk_domain::ipc::{DigitalSendView, DigitalState, DigitalVerdict, SettleDigital};
use dukadesk_domain::order::{OrderLine, OrderStatus};
use dukadesk_domain::words::Problem;
use dukadesk_domain::{Country, Currency, Money, Msisdn, OrderId};
use sqlx::SqliteConnection;
use std::time::Duration;
use uuid::Uuid;

/// Why a paid send of a cancelled order is refund due.
const CANCELLED_PAID: &str = "The order was cancelled after it was paid: refund the customer.";

/// A send still pending after this long is shown to staff.
pub const STUCK_AFTER: Duration = Duration::from_secs(30 * 60);

/// One digital line of an order being made.
#[derive(Debug, Clone)]
pub(crate) struct DigitalLine {
    /// The line's position in the order.
    pub position: usize,
    /// The item's name.
    pub name: String,
    /// What it delivers.
    pub kind: DigitalKind,
    /// Price of one.
    pub unit_price: Money,
    /// How many.
    pub qty: u32,
}

impl DigitalLine {
    /// What order line `position` sends, if its item (of `kind`) is
    /// airtime or a bundle.
    pub fn of(position: usize, line: &OrderLine, kind: ItemKind) -> Option<Self> {
        match kind {
            ItemKind::Digital(kind) => Some(DigitalLine {
                position,
                name: line.name.clone(),
                kind,
                unit_price: line.unit_price,
                qty: line.qty,
            }),
            _ => None,
        }
    }
}

/// Writes an order's sends as `unpaid` (inside the order's transaction):
/// one per unit, so each stays within what the provider sends at once.
pub(crate) async fn queue_in(
    tx: &mut SqliteConnection,
    order_id: OrderId,
    lines: &[DigitalLine],
    recipient: Option<&Msisdn>,
    simulated: bool,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let recipient = recipient.map(Msisdn::as_str).unwrap_or_default();
    for line in lines {
        let (megabytes, days, kind) = match line.kind {
            DigitalKind::Airtime => (None, None, "airtime"),
            DigitalKind::DataBundle {
                megabytes,
                validity_days,
            } => (
                Some(i64::from(megabytes)),
                Some(i64::from(validity_days)),
                "bundle",
            ),
        };
        let each = line.unit_price;
        for unit in 0..line.qty {
            let id = new_id().to_string();
            sqlx::query(
                "INSERT INTO digital_sends (id, order_id, position, unit, item_name, recipient, kind,
                     value_minor, currency, megabytes, validity_days, simulated, state, send_key,
                     next_try_at, created_at, updated_at)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'unpaid', ?, ?, ?, ?)
                 ON CONFLICT (order_id, position, unit) DO NOTHING",
            )
            .bind(&id)
            .bind(order_id.to_string())
            .bind(line.position as i64)
            .bind(i64::from(unit))
            .bind(&line.name)
            .bind(recipient)
            .bind(kind)
            .bind(each.minor)
            .bind(each.currency.code())
            .bind(megabytes)
            .bind(days)
            .bind(simulated)
            .bind(&id)
            .bind(to_millis(now))
            .bind(to_millis(now))
            .bind(to_millis(now))
            .execute(&mut *tx)
            .await?;
        }
    }
    Ok(())
}

/// Follows an order's move (inside its transaction): paid releases its
/// unpaid sends to the queue; cancelled drops those not yet asked of the
/// provider. True when sends were queued (wake the sender).
pub(crate) async fn follow_order_in(
    tx: &mut SqliteConnection,
    order_id: OrderId,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let row: Option<(String, bool)> =
        sqlx::query_as("SELECT status, pay_on_delivery FROM orders WHERE id = ?")
            .bind(order_id.to_string())
            .fetch_optional(&mut *tx)
            .await?;
    let Some((status, pay_on_delivery)) = row else {
        return Ok(false);
    };
    let Some(status) = OrderStatus::parse(&status) else {
        return Ok(false);
    };
    if status == OrderStatus::Cancelled {
        // Never paid: nothing is owed. Paid but not yet asked of the
        // provider: the money is owed back (refund due). Already asked:
        // it may still arrive, and its answer is followed as usual.
        sqlx::query(
            "UPDATE digital_sends SET updated_at = ?,
                 state = CASE state WHEN 'unpaid' THEN 'cancelled' ELSE 'failed' END,
                 last_error = CASE state WHEN 'unpaid' THEN last_error ELSE ? END
             WHERE order_id = ? AND state IN ('unpaid', 'queued')",
        )
        .bind(to_millis(now))
        .bind(CANCELLED_PAID)
        .bind(order_id.to_string())
        .execute(&mut *tx)
        .await?;
        return Ok(false);
    }
    if !status.money_in(pay_on_delivery) {
        return Ok(false);
    }
    let queued = sqlx::query(
        "UPDATE digital_sends SET state = 'queued', next_try_at = ?, updated_at = ?
         WHERE order_id = ? AND state = 'unpaid'",
    )
    .bind(to_millis(now))
    .bind(to_millis(now))
    .bind(order_id.to_string())
    .execute(&mut *tx)
    .await?
    .rows_affected();
    Ok(queued > 0)
}

/// What to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SendWhat {
    /// Airtime of this value.
    Airtime(Money),
    /// One bundle.
    Bundle {
        /// Size.
        megabytes: u32,
        /// Days valid.
        validity_days: u16,
    },
}

/// A send the sender must take a step on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueSend {
    /// The send.
    pub id: Uuid,
    /// Its order.
    pub order_id: OrderId,
    /// Where it stands: queued, sending or sent.
    pub state: DigitalState,
    /// What to send.
    pub what: SendWhat,
    /// To whom; `None` once the customer was erased.
    pub recipient: Option<Msisdn>,
    /// The key the provider knows this request by.
    pub key: String,
    /// The provider's id, once it took the request.
    pub request_id: Option<String>,
    /// Test chat: the simulated provider.
    pub simulated: bool,
    /// Tries so far in this state.
    pub attempts: u32,
    /// When it was queued.
    pub created_at: DateTime<Utc>,
}

type DueRow = (
    String,
    String,
    String,
    String,
    i64,
    String,
    Option<i64>,
    Option<i64>,
    String,
    String,
    Option<String>,
    bool,
    i64,
    i64,
);

const DUE_COLUMNS: &str =
    "id, order_id, state, kind, value_minor, currency, megabytes, validity_days,
     recipient, send_key, request_id, simulated, attempts, created_at";

fn due_of(row: DueRow) -> Result<DueSend, StoreError> {
    let (
        id,
        order,
        state,
        kind,
        value,
        currency,
        mb,
        days,
        recipient,
        key,
        request_id,
        sim,
        attempts,
        at,
    ) = row;
    let what = match kind.as_str() {
        "airtime" => SendWhat::Airtime(Money::from_minor(
            value,
            Currency::from_code(&currency).ok_or(StoreError::BadRow("digital send"))?,
        )),
        _ => SendWhat::Bundle {
            megabytes: mb.and_then(|m| u32::try_from(m).ok()).unwrap_or(0),
            validity_days: days.and_then(|d| u16::try_from(d).ok()).unwrap_or(0),
        },
    };
    Ok(DueSend {
        id: parse_uuid(&id, "digital send")?,
        order_id: OrderId(parse_uuid(&order, "digital send")?),
        state: DigitalState::parse(&state).ok_or(StoreError::BadRow("digital send"))?,
        what,
        recipient: Msisdn::parse(&recipient, Country::Kenya).ok(),
        key,
        request_id,
        simulated: sim,
        attempts: u32::try_from(attempts).unwrap_or(u32::MAX),
        created_at: from_millis(at),
    })
}

/// How a claim went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Claim {
    /// Marked `sending`: the request may leave.
    Claimed,
    /// Not this one's turn any more (cancelled, settled, or taken).
    Gone,
}

/// The final answer for a send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Final {
    /// On the phone.
    Delivered,
    /// Not delivered, with why (for staff).
    Failed(String),
}

impl Store {
    /// Sends due for a step now (queued, sending or sent, their time come),
    /// oldest first.
    pub async fn due_digital(&self, limit: u32) -> Result<Vec<DueSend>, StoreError> {
        let rows: Vec<DueRow> = sqlx::query_as(&format!(
            "SELECT {DUE_COLUMNS} FROM digital_sends
             WHERE state IN ('queued', 'sending', 'sent') AND next_try_at <= ?
             ORDER BY next_try_at, created_at LIMIT ?"
        ))
        .bind(to_millis(self.now()))
        .bind(i64::from(limit))
        .fetch_all(self.pool())
        .await?;
        rows.into_iter().map(due_of).collect()
    }

    /// One send as the sender sees it.
    pub async fn digital_send(&self, id: Uuid) -> Result<Option<DueSend>, StoreError> {
        let row: Option<DueRow> = sqlx::query_as(&format!(
            "SELECT {DUE_COLUMNS} FROM digital_sends WHERE id = ?"
        ))
        .bind(id.to_string())
        .fetch_optional(self.pool())
        .await?;
        row.map(due_of).transpose()
    }

    /// When the next step is due, if any send is waiting.
    pub async fn next_digital_at(&self) -> Result<Option<DateTime<Utc>>, StoreError> {
        let at: Option<i64> = sqlx::query_scalar(
            "SELECT min(next_try_at) FROM digital_sends WHERE state IN ('queued', 'sending', 'sent')",
        )
        .fetch_one(self.pool())
        .await?;
        Ok(at.map(from_millis))
    }

    /// Marks a queued send `sending` before its request leaves, once its
    /// order is checked to be paid and not cancelled.
    pub async fn claim_digital(&self, id: Uuid) -> Result<Claim, StoreError> {
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let claimed = sqlx::query(&format!(
            "UPDATE digital_sends SET state = 'sending', attempts = 0, updated_at = ?
             WHERE id = ? AND state = 'queued'
               AND EXISTS (SELECT 1 FROM orders o WHERE o.id = digital_sends.order_id AND {})",
            crate::orders::paid_sql("o")
        ))
        .bind(to_millis(now))
        .bind(id.to_string())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if claimed == 0 {
            // Its order was cancelled meanwhile: the money is owed back.
            sqlx::query(
                "UPDATE digital_sends SET state = 'failed', last_error = ?, updated_at = ?
                 WHERE id = ? AND state = 'queued'
                   AND (SELECT status FROM orders WHERE orders.id = digital_sends.order_id) = 'cancelled'",
            )
            .bind(CANCELLED_PAID)
            .bind(to_millis(now))
            .bind(id.to_string())
            .execute(&mut *tx)
            .await?;
            // Any other order not paid (it should not happen): looked at
            // again in a minute rather than asked again at once for ever.
            sqlx::query(
                "UPDATE digital_sends SET next_try_at = ?, last_error = ?
                 WHERE id = ? AND state = 'queued'",
            )
            .bind(to_millis(now + chrono::Duration::minutes(1)))
            .bind("Its order is not paid: nothing is sent until it is.")
            .bind(id.to_string())
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(if claimed == 1 {
            Claim::Claimed
        } else {
            Claim::Gone
        })
    }

    /// The provider took the request: its id is saved before anything
    /// else, and its delivery is first asked at `ask_at`.
    pub async fn digital_accepted(
        &self,
        id: Uuid,
        request_id: &str,
        ask_at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE digital_sends SET state = 'sent', request_id = ?, attempts = 0, last_error = NULL,
                 next_try_at = ?, updated_at = ?
             WHERE id = ? AND state = 'sending'",
        )
        .bind(request_id)
        .bind(to_millis(ask_at))
        .bind(to_millis(self.now()))
        .bind(id.to_string())
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// No answer to act on yet: try again at `at`. `nothing_left` (the
    /// provider could not be reached) puts a `sending` send back in the
    /// queue; otherwise it keeps its state, so a lost answer is asked
    /// again under the same key.
    pub async fn digital_later(
        &self,
        id: Uuid,
        why: &str,
        at: DateTime<Utc>,
        nothing_left: bool,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE digital_sends SET attempts = attempts + 1, last_error = ?, next_try_at = ?,
                 updated_at = ?,
                 state = CASE WHEN ? AND state = 'sending' THEN 'queued' ELSE state END
             WHERE id = ? AND state IN ('queued', 'sending', 'sent')",
        )
        .bind(why)
        .bind(to_millis(at))
        .bind(to_millis(self.now()))
        .bind(nothing_left)
        .bind(id.to_string())
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// The final answer: the send ends delivered or failed (refund due),
    /// and the chat customer is told, in one transaction. An answer for a
    /// send already ended changes nothing.
    pub async fn digital_final(
        &self,
        id: Uuid,
        answer: Final,
        by: Option<&str>,
    ) -> Result<Effects, StoreError> {
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let (state, error) = match &answer {
            Final::Delivered => ("delivered", None),
            Final::Failed(why) => ("failed", Some(why.as_str())),
        };
        let ended = sqlx::query(
            "UPDATE digital_sends SET state = ?, last_error = ?, settled_by = ?, updated_at = ?
             WHERE id = ? AND state IN ('queued', 'sending', 'sent')",
        )
        .bind(state)
        .bind(error)
        .bind(by)
        .bind(to_millis(now))
        .bind(id.to_string())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if ended == 0 {
            tx.rollback().await?;
            return Ok(Effects::default());
        }
        let event = resolved_event(&mut tx, id, matches!(answer, Final::Delivered)).await?;
        if matches!(answer, Final::Delivered) {
            complete_in(&mut tx, id, now).await?;
        }
        self.finish(tx, &[event]).await
    }

    /// Sends that need staff, oldest first: failed (refund due), and those
    /// waiting on the provider longer than [`STUCK_AFTER`] or stopped by a
    /// problem staff can fix (no account connected).
    pub async fn digital_to_settle(&self) -> Result<Vec<DigitalSendView>, StoreError> {
        let stuck =
            to_millis(self.now()) - i64::try_from(STUCK_AFTER.as_millis()).unwrap_or(i64::MAX);
        let rows: Vec<ViewRow> = sqlx::query_as(&format!(
            "{VIEW_SELECT}
                 WHERE d.state = 'failed'
                    OR (d.state IN ('queued', 'sending', 'sent')
                        AND (d.created_at < ? OR (d.state = 'queued' AND d.last_error IS NOT NULL)))
                 ORDER BY d.created_at"
        ))
        .bind(stuck)
        .fetch_all(self.pool())
        .await?;
        rows.into_iter().map(view_of).collect()
    }

    /// Every send of an order, in line order.
    pub async fn digital_sends_of(
        &self,
        order_id: OrderId,
    ) -> Result<Vec<DigitalSendView>, StoreError> {
        let rows: Vec<ViewRow> = sqlx::query_as(&format!(
            "{VIEW_SELECT} WHERE d.order_id = ? ORDER BY d.position, d.unit"
        ))
        .bind(order_id.to_string())
        .fetch_all(self.pool())
        .await?;
        rows.into_iter().map(view_of).collect()
    }

    /// Staff settle a send: send it again (a failed one, with a new key so
    /// the provider treats it as new), record that they sent it by hand,
    /// or that they refunded the customer. `by` is the signed-in person.
    pub async fn settle_digital(
        &self,
        verdict: &SettleDigital,
        by: &str,
    ) -> Result<Effects, StoreError> {
        let now = self.now();
        let id = verdict.id.to_string();
        let state: Option<String> =
            sqlx::query_scalar("SELECT state FROM digital_sends WHERE id = ?")
                .bind(&id)
                .fetch_optional(self.pool())
                .await?;
        let state = state
            .as_deref()
            .and_then(DigitalState::parse)
            .ok_or(StoreError::NotFound("That airtime or bundle"))?;
        let stale = || {
            StoreError::Stale(
                "That airtime or bundle has moved on meanwhile. Refresh to see where it stands."
                    .into(),
            )
        };
        match &verdict.verdict {
            DigitalVerdict::SendAgain => {
                if state != DigitalState::Failed {
                    return Err(stale());
                }
                let cancelled: Option<String> = sqlx::query_scalar(
                    "SELECT o.status FROM orders o JOIN digital_sends d ON d.order_id = o.id
                     WHERE d.id = ? AND o.status = 'cancelled'",
                )
                .bind(&id)
                .fetch_optional(self.pool())
                .await?;
                if cancelled.is_some() {
                    return Err(StoreError::Refusal(Problem::SendCancelled));
                }
                let mut tx = self.write_tx().await?;
                let moved = sqlx::query(
                    "UPDATE digital_sends SET state = 'queued', send_key = ?, request_id = NULL,
                         attempts = 0, last_error = NULL, next_try_at = ?, settled_by = ?,
                         updated_at = ?
                     WHERE id = ? AND state = 'failed' AND recipient != ''",
                )
                .bind(new_id().to_string())
                .bind(to_millis(now))
                .bind(by)
                .bind(to_millis(now))
                .bind(&id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if moved == 0 {
                    return Err(StoreError::Refusal(Problem::SendErased));
                }
                tx.commit().await?;
                Ok(Effects {
                    digital: true,
                    ..Effects::default()
                })
            }
            DigitalVerdict::SentByHand => {
                // Only a send nothing is in flight for: a request the
                // provider may still deliver is never doubled by hand.
                if !matches!(state, DigitalState::Failed | DigitalState::Queued) {
                    return Err(StoreError::Refusal(Problem::MayStillDeliver));
                }
                let mut tx = self.write_tx().await?;
                let moved = sqlx::query(
                    "UPDATE digital_sends SET state = 'delivered', settled_by = ?,
                         settle_note = 'sent by hand', updated_at = ?
                     WHERE id = ? AND state IN ('failed', 'queued')",
                )
                .bind(by)
                .bind(to_millis(now))
                .bind(&id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if moved == 0 {
                    return Err(stale());
                }
                let event = resolved_event(&mut tx, verdict.id, true).await?;
                complete_in(&mut tx, verdict.id, now).await?;
                self.finish(tx, &[event]).await
            }
            DigitalVerdict::Refunded { note } => {
                let note = note.trim();
                if note.is_empty() || note.chars().count() > 200 {
                    return Err(StoreError::said("note", &Problem::RefundNote));
                }
                if state != DigitalState::Failed {
                    return Err(stale());
                }
                let mut tx = self.write_tx().await?;
                let moved = sqlx::query(
                    "UPDATE digital_sends SET state = 'refunded', settled_by = ?, settle_note = ?,
                         updated_at = ?
                     WHERE id = ? AND state = 'failed'",
                )
                .bind(by)
                .bind(note)
                .bind(to_millis(now))
                .bind(&id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if moved == 0 {
                    return Err(stale());
                }
                let mut events = refund_send_in(&mut tx, verdict.id, note, by, now).await?;
                events.extend(refunded_in(&mut tx, verdict.id, by, now).await?);
                self.finish(tx, &events).await
            }
        }
    }
}

/// The paid pickup order of airtime and bundles only that `send` belongs
/// to, when every one of its sends is in one of `states`.
async fn settled_digital_order(
    tx: &mut SqliteConnection,
    send: Uuid,
    states: &str,
) -> Result<Option<dukadesk_domain::order::Order>, StoreError> {
    let order: String = sqlx::query_scalar("SELECT order_id FROM digital_sends WHERE id = ?")
        .bind(send.to_string())
        .fetch_one(&mut *tx)
        .await?;
    let left: i64 = sqlx::query_scalar(&format!(
        "SELECT COUNT(*) FROM digital_sends WHERE order_id = ? AND state NOT IN {states}"
    ))
    .bind(&order)
    .fetch_one(&mut *tx)
    .await?;
    if left > 0 {
        return Ok(None);
    }
    let order_id = OrderId(parse_uuid(&order, "digital send")?);
    let Some(order) = crate::orders::order_in(tx, order_id).await? else {
        return Ok(None);
    };
    if order.status != OrderStatus::Paid
        || order.fulfilment.kind() != dukadesk_domain::order::FulfilmentKind::Pickup
    {
        return Ok(None);
    }
    for line in &order.lines {
        let digital = crate::catalogue::item_in(tx, line.item_id)
            .await?
            .is_some_and(|i| matches!(i.kind, dukadesk_domain::catalogue::ItemKind::Digital(_)));
        if !digital {
            return Ok(None);
        }
    }
    Ok(Some(order))
}

/// An order of airtime and bundles only, every one of them delivered, is
/// done: it moves from Paid to Delivered (as staff would, preparing then
/// handing over) so it leaves the queue. The customer was told of each
/// delivery already, so the moves tell nothing more.
async fn complete_in(
    tx: &mut SqliteConnection,
    send: Uuid,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let Some(mut order) = settled_digital_order(tx, send, "('delivered')").await? else {
        return Ok(());
    };
    for event in [
        dukadesk_domain::order::OrderEvent::StartPreparing,
        dukadesk_domain::order::OrderEvent::Deliver,
    ] {
        crate::orders::move_in(tx, &mut order, event, "airtime", now).await?;
    }
    Ok(())
}

/// The money of one refunded send, recorded as a refund of its order (so
/// sales, the drawer and commissions see it): its line's unit price, at
/// most what the order can still give back (nothing for a sale on credit
/// or the test chat's money), the way `note` says it went back. Returns
/// what the chat customer is told.
async fn refund_send_in(
    tx: &mut SqliteConnection,
    send: Uuid,
    note: &str,
    by: &str,
    now: DateTime<Utc>,
) -> Result<Vec<Event>, StoreError> {
    let (order, price, currency, number): (String, i64, String, i64) = sqlx::query_as(
        "SELECT d.order_id, i.unit_price_minor, o.currency, o.number FROM digital_sends d
         JOIN order_items i ON i.order_id = d.order_id AND i.position = d.position
         JOIN orders o ON o.id = d.order_id
         WHERE d.id = ?",
    )
    .bind(send.to_string())
    .fetch_one(&mut *tx)
    .await?;
    let order = OrderId(parse_uuid(&order, "digital send")?);
    let currency = Currency::from_code(&currency).ok_or(StoreError::BadRow("digital send"))?;
    let left = crate::refunds::of_order_in(tx, order, currency).await?.left;
    let amount = price.min(left.minor);
    if amount <= 0 {
        return Ok(Vec::new());
    }
    let came = crate::refunds::way_back_in(tx, order).await?;
    let (method, receipt) = dukadesk_domain::refund::way_in_note(note, came);
    let refund = crate::refunds::give_in(
        tx,
        order,
        dukadesk_domain::refund::ValidRefund {
            amount: Money::from_minor(amount, currency),
            method,
            receipt,
            reason: note.to_owned(),
        },
        by,
        now,
    )
    .await?;
    Ok(vec![crate::refunds::refunded_event(&refund, number)])
}

/// An order of airtime and bundles only whose money all went back is
/// cancelled in staff's name (it counts as cancelled after payment, and a
/// reseller's commission on it is reversed on every till); the customer
/// hears of it like any cancellation.
async fn refunded_in(
    tx: &mut SqliteConnection,
    send: Uuid,
    by: &str,
    now: DateTime<Utc>,
) -> Result<Vec<Event>, StoreError> {
    match settled_digital_order(tx, send, "('refunded', 'cancelled')").await? {
        Some(mut order) => {
            crate::orders::move_in(
                tx,
                &mut order,
                dukadesk_domain::order::OrderEvent::Cancel,
                by,
                now,
            )
            .await
        }
        None => Ok(Vec::new()),
    }
}

/// The event telling a send's chat customer its final answer.
async fn resolved_event(
    tx: &mut SqliteConnection,
    id: Uuid,
    delivered: bool,
) -> Result<Event, StoreError> {
    let (order, item, recipient): (String, String, String) =
        sqlx::query_as("SELECT order_id, item_name, recipient FROM digital_sends WHERE id = ?")
            .bind(id.to_string())
            .fetch_one(&mut *tx)
            .await?;
    Ok(Event::DigitalResolved {
        order_id: OrderId(parse_uuid(&order, "digital send")?),
        item,
        recipient: national(&recipient),
        delivered,
    })
}

/// `0712 345 678` for a stored `254712345678`; empty for an erased one.
fn national(stored: &str) -> String {
    Msisdn::parse(stored, Country::Kenya)
        .map(|m| m.national())
        .unwrap_or_default()
}

/// The start of a query for [`ViewRow`]s (a send with its order's number).
const VIEW_SELECT: &str =
    "SELECT d.id, d.order_id, o.number, d.item_name, d.recipient, d.value_minor, d.currency,
            d.state, d.last_error, d.request_id, d.created_at, d.simulated
     FROM digital_sends d JOIN orders o ON o.id = d.order_id";

type ViewRow = (
    String,
    String,
    i64,
    String,
    String,
    i64,
    String,
    String,
    Option<String>,
    Option<String>,
    i64,
    bool,
);

fn view_of(row: ViewRow) -> Result<DigitalSendView, StoreError> {
    let (id, order, number, item, recipient, value, currency, state, error, request_id, at, sim) =
        row;
    let state = DigitalState::parse(&state).ok_or(StoreError::BadRow("digital send"))?;
    let problem = match (state, error) {
        (_, Some(e)) => e,
        (DigitalState::Sent, None) => {
            "Sent; Africa's Talking has not confirmed delivery yet.".into()
        }
        (DigitalState::Sending, None) => "Asked of Africa's Talking; its answer is awaited.".into(),
        _ => String::new(),
    };
    Ok(DigitalSendView {
        id: parse_uuid(&id, "digital send")?,
        order_id: OrderId(parse_uuid(&order, "digital send")?),
        order_number: number,
        item,
        recipient: national(&recipient),
        value: Money::from_minor(
            value,
            Currency::from_code(&currency).ok_or(StoreError::BadRow("digital send"))?,
        ),
        state,
        problem,
        request_id,
        created_at: from_millis(at),
        simulated: sim,
    })
}
