//! Orders in the local store: reading them back ([`list`], the detail view)
//! and the use cases that change them ([`create`], [`advance`], [`pay`]).
//! Every change runs the domain's order machine ([`move_in`]) inside one
//! transaction that also writes the history row and the outbox row, and
//! returns what the customer must hear as events; orders never call the
//! chat ([`crate::reactions`] does).

pub mod advance;
pub mod create;
pub mod list;
pub mod pay;
pub mod receipt;

use crate::events::Event;
use crate::records::stock::{self, OrderLineRef};
use crate::store::{from_millis, parse_uuid, to_millis, Store, StoreError};
use chrono::{DateTime, Utc};
use dukadesk_domain::catalogue::ItemKind;
use dukadesk_domain::ipc::{OrderDetail, OrderHistoryEntry, RefusedPayment};
use dukadesk_domain::order::{
    step, Fulfilment, Order, OrderChannel, OrderEvent, OrderLine, OrderStatus,
};
use dukadesk_domain::{Country, Currency, CustomerId, ItemId, Money, Msisdn, OrderId, ZoneId};
use sqlx::SqliteConnection;

pub(crate) fn channel_str(c: OrderChannel) -> &'static str {
    match c {
        OrderChannel::Till => "till",
        OrderChannel::WhatsApp => "whatsapp",
        OrderChannel::TestChat => "test_chat",
    }
}

pub(crate) fn parse_channel(s: &str) -> OrderChannel {
    match s {
        "whatsapp" => OrderChannel::WhatsApp,
        "test_chat" => OrderChannel::TestChat,
        _ => OrderChannel::Till,
    }
}

pub(crate) fn event_str(e: OrderEvent) -> &'static str {
    match e {
        OrderEvent::RequestPayment => "request_payment",
        OrderEvent::PaymentSucceeded => "payment_succeeded",
        OrderEvent::PaymentFailed => "payment_failed",
        OrderEvent::RetryPayment => "retry_payment",
        OrderEvent::MarkPaid => "mark_paid",
        OrderEvent::StartPreparing => "start_preparing",
        OrderEvent::Dispatch => "dispatch",
        OrderEvent::Deliver => "deliver",
        OrderEvent::Cancel => "cancel",
        OrderEvent::PaidOnDelivery => "paid_on_delivery",
    }
}

/// The statuses `pick` takes, as an SQL list (`'paid', 'preparing'`), so
/// SQL filters are written from the domain's rules, never beside them.
pub(crate) fn statuses_sql(pick: impl Fn(OrderStatus) -> bool) -> String {
    OrderStatus::ALL
        .into_iter()
        .filter(|s| pick(*s))
        .map(|s| format!("'{}'", s.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Whether the order under `alias` has its money in, as SQL: the rule of
/// [`OrderStatus::money_in`], written from it.
pub(crate) fn paid_sql(alias: &str) -> String {
    format!(
        "({alias}.status IN ({}) AND ({alias}.pay_on_delivery = 0 OR {alias}.status IN ({})))",
        statuses_sql(|s| s.money_in(false)),
        statuses_sql(|s| s.money_in(true))
    )
}

#[derive(sqlx::FromRow)]
struct OrderRow {
    number: i64,
    customer_id: Option<String>,
    customer_phone: Option<String>,
    customer_name: Option<String>,
    channel: String,
    fulfilment: String,
    zone_id: Option<String>,
    zone_name: Option<String>,
    address: Option<String>,
    subtotal_minor: i64,
    delivery_fee_minor: i64,
    total_minor: i64,
    currency: String,
    status: String,
    note: String,
    created_at: i64,
    updated_at: i64,
    pay_on_delivery: bool,
    /// The order's lines, in order, as a JSON array of
    /// `[item_id, name, unit_price_minor, qty, total_minor]`.
    lines: String,
}

const ORDER_COLUMNS: &str = "number, customer_id, customer_phone, customer_name, channel, fulfilment, zone_id, zone_name, address, subtotal_minor, delivery_fee_minor, total_minor, currency, status, note, created_at, updated_at, pay_on_delivery";

/// Reads an order with its lines inside a connection or transaction.
pub(crate) async fn order_in(
    conn: &mut SqliteConnection,
    id: OrderId,
) -> Result<Option<Order>, StoreError> {
    let row: Option<OrderRow> =
        // The lines with the order, in one statement.
        sqlx::query_as(&format!(
            "SELECT {ORDER_COLUMNS},
                    (SELECT json_group_array(json_array(item_id, name, unit_price_minor, qty,
                                                        total_minor) ORDER BY position)
                     FROM order_items WHERE order_id = orders.id) AS lines
             FROM orders WHERE id = ?"
        ))
            .bind(id.to_string())
            .fetch_optional(&mut *conn)
            .await?;
    let Some(row) = row else { return Ok(None) };
    let bad = || StoreError::BadRow("order");
    let OrderRow {
        number,
        customer_id,
        customer_phone: phone,
        customer_name,
        channel,
        fulfilment,
        zone_id,
        zone_name,
        address,
        subtotal_minor: subtotal,
        delivery_fee_minor: fee,
        total_minor: total,
        currency,
        status,
        note,
        created_at: created,
        updated_at: updated,
        pay_on_delivery,
        lines,
    } = row;
    let currency = Currency::from_code(&currency).ok_or_else(bad)?;
    let lines: Vec<(String, String, i64, i64, i64)> =
        serde_json::from_str(&lines).map_err(|_| bad())?;
    let lines = lines
        .into_iter()
        .map(|(item, name, unit, qty, total)| {
            Ok(OrderLine {
                item_id: ItemId(parse_uuid(&item, "order line")?),
                name,
                unit_price: Money::from_minor(unit, currency),
                qty: u32::try_from(qty).map_err(|_| bad())?,
                total: Money::from_minor(total, currency),
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    let fulfilment = match (fulfilment.as_str(), zone_id) {
        ("delivery", Some(zone)) => Fulfilment::Delivery {
            zone_id: ZoneId(parse_uuid(&zone, "order")?),
            zone_name: zone_name.unwrap_or_default(),
            address: address.unwrap_or_default(),
        },
        _ => Fulfilment::Pickup,
    };
    Ok(Some(Order {
        id,
        number,
        customer_id: customer_id
            .map(|c| parse_uuid(&c, "order").map(CustomerId))
            .transpose()?,
        customer_phone: phone.and_then(|p| Msisdn::parse(&p, Country::Kenya).ok()),
        customer_name,
        channel: parse_channel(&channel),
        fulfilment,
        lines,
        subtotal: Money::from_minor(subtotal, currency),
        delivery_fee: Money::from_minor(fee, currency),
        total: Money::from_minor(total, currency),
        status: OrderStatus::parse(&status).ok_or_else(bad)?,
        note,
        created_at: from_millis(created),
        updated_at: from_millis(updated),
        pay_on_delivery,
    }))
}

/// Writes one history row.
pub(crate) async fn record_history(
    tx: &mut SqliteConnection,
    order_id: OrderId,
    entry: &OrderHistoryEntry,
    event: Option<OrderEvent>,
) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO order_events (order_id, from_status, to_status, event, actor, at) VALUES (?, ?, ?, ?, ?, ?)")
        .bind(order_id.to_string())
        .bind(entry.from.map(|s| s.as_str()))
        .bind(entry.to.as_str())
        .bind(event.map(event_str))
        .bind(&entry.actor)
        .bind(to_millis(entry.at))
        .execute(tx)
        .await?;
    Ok(())
}

/// Records a status change of a stored order: history row, the order's new
/// status, and the outbox row, all in the caller's transaction. Only
/// [`move_in`] calls it, so no move skips the machine or what follows it.
async fn record_transition(
    tx: &mut SqliteConnection,
    order: &mut Order,
    from: OrderStatus,
    event: OrderEvent,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let entry = OrderHistoryEntry {
        from: Some(from),
        to: order.status,
        actor: actor.to_owned(),
        at: now,
    };
    record_history(tx, order.id, &entry, Some(event)).await?;
    order.updated_at = now;
    sqlx::query("UPDATE orders SET status = ?, updated_at = ? WHERE id = ?")
        .bind(order.status.as_str())
        .bind(to_millis(now))
        .bind(order.id.to_string())
        .execute(&mut *tx)
        .await?;
    crate::records::orders::changed(tx, order.id, now).await
}

/// Moves an order by `event` inside the caller's transaction: the domain's
/// machine says where it goes and what must follow; the stock comes back
/// here (a restock movement per counted line, once whichever tills cancel
/// it), the history and outbox rows are written, and what the customer must
/// hear is returned as an event for [`crate::reactions`].
pub(crate) async fn move_in(
    tx: &mut SqliteConnection,
    order: &mut Order,
    event: OrderEvent,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Vec<Event>, StoreError> {
    let from = order.status;
    let moved = step(from, event, order.terms(), order.channel).map_err(StoreError::Transition)?;
    order.status = moved.to;
    if moved.restock {
        for (position, line) in order.lines.iter().enumerate() {
            let Some(item) = crate::catalogue::item_in(tx, line.item_id).await? else {
                continue;
            };
            if matches!(item.kind, ItemKind::Physical { .. }) {
                let back = OrderLineRef {
                    order_id: order.id,
                    position,
                    staff_name: Some(actor),
                };
                stock::restock(tx, line.item_id, line.qty, back, now).await?;
            }
        }
    }
    record_transition(tx, order, from, event, actor, now).await?;
    // Every move here is this till's own: a sale paid gets its tax
    // invoice, an invoiced sale cancelled its credit note (whether or not
    // a chat customer hears of the move).
    crate::tax::invoices::follow_order_in(tx, order.id, now).await?;
    // A till order's airtime is released when it is paid and called off
    // when it is cancelled here: no reaction follows its moves (a chat
    // order's reaction does it, and wakes the sender).
    if order.channel == OrderChannel::Till {
        crate::digital::fulfil::follow_order_in(tx, order.id, now).await?;
    }
    Ok(if moved.tell_customer {
        vec![Event::OrderMoved {
            order_id: order.id,
            number: order.number,
            status: order.status,
            fulfilment: order.fulfilment.kind(),
        }]
    } else {
        Vec::new()
    })
}

/// The full detail of an order inside a connection or transaction.
pub(crate) async fn detail_in(
    conn: &mut SqliteConnection,
    id: OrderId,
) -> Result<OrderDetail, StoreError> {
    let order = order_in(conn, id)
        .await?
        .ok_or(StoreError::NotFound("The order"))?;
    let history: Vec<(Option<String>, String, String, i64)> = sqlx::query_as(
        "SELECT from_status, to_status, actor, at FROM order_events WHERE order_id = ? ORDER BY seq",
    )
    .bind(id.to_string())
    .fetch_all(&mut *conn)
    .await?;
    let history = history
        .into_iter()
        .map(|(from, to, actor, at)| {
            Ok(OrderHistoryEntry {
                from: from.as_deref().and_then(OrderStatus::parse),
                to: OrderStatus::parse(&to).ok_or(StoreError::BadRow("order history"))?,
                actor,
                at: from_millis(at),
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    let payments = crate::records::payments::payments_of_order(conn, id).await?;
    let refunds = crate::refunds::of_order_in(conn, id, order.total.currency).await?;
    let terms = order.terms();
    // A payment the shop's server refused (its M-Pesa code paid another
    // order first, at another till) is shown on the order for staff.
    let refused: Vec<(String, String)> = sqlx::query_as(
        "SELECT r.entity_id, r.reason FROM sync_rejects r
         JOIN payments p ON p.id = r.entity_id
         WHERE r.entity = 'payment' AND p.order_id = ? ORDER BY r.outbox_seq",
    )
    .bind(id.to_string())
    .fetch_all(&mut *conn)
    .await?;
    let refused_payments = refused
        .into_iter()
        .filter_map(|(payment, reason)| {
            let payment_id = dukadesk_domain::PaymentId(uuid::Uuid::parse_str(&payment).ok()?);
            Some(RefusedPayment { payment_id, reason })
        })
        .collect();
    Ok(OrderDetail {
        refused_payments,
        refundable: Some(refunds.left).filter(|m| m.minor > 0),
        over_refunded: refunds.over,
        refunds: refunds.refunds,
        next_step: order.status.next_step(terms, order.channel),
        can_cancel: dukadesk_domain::order::transition(order.status, OrderEvent::Cancel, terms)
            .is_ok(),
        order,
        history,
        payments,
    })
}

impl Store {
    /// One order in full.
    pub async fn order_detail(&self, id: OrderId) -> Result<OrderDetail, StoreError> {
        let mut conn = self.pool().acquire().await?;
        detail_in(&mut conn, id).await
    }
}

#[cfg(test)]
mod tests;
