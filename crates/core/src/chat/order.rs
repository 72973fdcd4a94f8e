//! Orders the bot takes: created once under the id the bot chose (a replay
//! finds the existing order), with the catalogue's current prices and stock.
//! Test-chat orders are marked as such and leave stock alone. Airtime and
//! bundles are written with the order, unpaid, for the sender.

use super::turn::BotCatalogue;
use super::Conversation;
use crate::catalogue::{item_in, take_stock};
use crate::digital::fulfil::{queue_in, DigitalLine};
use crate::orders::create::{insert_order, next_order_number};
use crate::orders::record_history;
use crate::records::stock::OrderLineRef;
use crate::shop::zone_in;
use crate::store::StoreError;
use chrono::{DateTime, Utc};
use dukadesk_domain::bot::{
    BotPay, FulfilmentChoice, OrderRequest, Rejection, MAX_OPEN_ON_DELIVERY,
};
use dukadesk_domain::ipc::{ChatChannel, OrderHistoryEntry};
use dukadesk_domain::order::{Fulfilment, Order, OrderChannel, OrderLine, OrderStatus};
use dukadesk_domain::Money;
use sqlx::SqliteConnection;

/// Creates the order, or says why not. A refused order leaves nothing
/// behind, not even the stock its first lines took: the turn's transaction
/// goes on (the bot answers), so the order's writes are undone to a
/// savepoint.
pub(crate) async fn create(
    tx: &mut SqliteConnection,
    request: &OrderRequest,
    conv: &Conversation,
    cat: &BotCatalogue,
    now: DateTime<Utc>,
) -> Result<Result<Order, Rejection>, StoreError> {
    if let Some(existing) = crate::orders::order_in(tx, request.id).await? {
        return Ok(Ok(existing));
    }
    sqlx::query("SAVEPOINT chat_order")
        .execute(&mut *tx)
        .await?;
    let made = build(tx, request, conv, cat, now).await;
    if !matches!(made, Ok(Ok(_))) {
        let undone = sqlx::query("ROLLBACK TO SAVEPOINT chat_order")
            .execute(&mut *tx)
            .await;
        // A failed write fails the whole turn anyway.
        if made.is_ok() {
            undone?;
        }
    }
    let released = sqlx::query("RELEASE SAVEPOINT chat_order")
        .execute(&mut *tx)
        .await;
    if made.is_ok() {
        released?;
    }
    made
}

async fn build(
    tx: &mut SqliteConnection,
    request: &OrderRequest,
    conv: &Conversation,
    cat: &BotCatalogue,
    now: DateTime<Utc>,
) -> Result<Result<Order, Rejection>, StoreError> {
    let currency = cat.shop.currency;
    let test = conv.channel == ChatChannel::TestChat;
    let pay_on_delivery = matches!(
        crate::payments::method_for(conv.channel, &cat.payment_method).1,
        BotPay::OnDelivery
    );
    if pay_on_delivery {
        // Taken on trust: a chat may have only a few waiting at once.
        let open: i64 = sqlx::query_scalar(&format!(
            "SELECT COUNT(*) FROM orders WHERE conversation_id = ? AND pay_on_delivery = 1
               AND status NOT IN ({})",
            crate::orders::statuses_sql(OrderStatus::is_final)
        ))
        .bind(conv.id.to_string())
        .fetch_one(&mut *tx)
        .await?;
        let open = u32::try_from(open).unwrap_or(u32::MAX);
        if open >= MAX_OPEN_ON_DELIVERY {
            return Ok(Err(Rejection::TooManyOpen { open }));
        }
    }
    let mut lines = Vec::with_capacity(request.lines.len());
    let mut digital = Vec::new();
    let mut subtotal = Money::zero(currency);
    for (position, line) in request.lines.iter().enumerate() {
        // Real chats take stock like the till; test chats only check it.
        let item = if test {
            item_in(tx, line.item_id)
                .await?
                .filter(|i| i.can_sell(line.qty))
        } else {
            let sale = OrderLineRef {
                order_id: request.id,
                position,
                staff_name: None,
            };
            take_stock(tx, line.item_id, line.qty, sale, now).await?
        };
        let Some(item) = item else {
            return Ok(Err(
                match item_in(tx, line.item_id).await?.filter(|i| !i.archived) {
                    Some(i) => Rejection::OnlyLeft {
                        item: i.name.clone(),
                        left: i.available().unwrap_or(0),
                    },
                    None => Rejection::NoLongerSold {
                        item: line.name.clone(),
                    },
                },
            ));
        };
        let Ok(total) = item.price.checked_mul(line.qty) else {
            return Ok(Err(Rejection::TooLarge));
        };
        let Ok(sum) = subtotal.checked_add(total) else {
            return Ok(Err(Rejection::TooLarge));
        };
        subtotal = sum;
        let line = OrderLine {
            item_id: item.id,
            name: item.name.clone(),
            unit_price: item.price,
            qty: line.qty,
            total,
        };
        digital.extend(DigitalLine::of(position, &line, item.kind));
        lines.push(line);
    }
    let (fulfilment, fee) = match &request.fulfilment {
        FulfilmentChoice::Pickup => (Fulfilment::Pickup, Money::zero(currency)),
        FulfilmentChoice::Delivery {
            zone_id, address, ..
        } => {
            let Some(zone) = zone_in(tx, *zone_id, currency).await?.filter(|z| z.active) else {
                return Ok(Err(Rejection::ZoneGone));
            };
            (
                Fulfilment::Delivery {
                    zone_id: *zone_id,
                    zone_name: zone.name,
                    address: address.clone(),
                },
                zone.fee,
            )
        }
    };
    let total = subtotal
        .checked_add(fee)
        .map_err(|e| StoreError::Stale(e.to_string()))?;
    let customer_phone = request.pay_phone.clone();
    let note = match &request.recipient {
        Some(r) => format!("Send airtime/bundle to {}", r.national()),
        None => String::new(),
    };
    let customer_name: Option<String> = match conv.customer_id {
        Some(c) => sqlx::query_scalar("SELECT name FROM customers WHERE id = ?")
            .bind(c.to_string())
            .fetch_optional(&mut *tx)
            .await?
            .flatten(),
        None => None,
    };
    let order = Order {
        id: request.id,
        number: next_order_number(tx).await?,
        customer_id: conv.customer_id,
        customer_phone: Some(customer_phone),
        customer_name,
        channel: if test {
            OrderChannel::TestChat
        } else {
            OrderChannel::WhatsApp
        },
        fulfilment,
        lines,
        subtotal,
        delivery_fee: fee,
        total,
        status: OrderStatus::Draft,
        note,
        created_at: now,
        updated_at: now,
        pay_on_delivery,
    };
    insert_order(tx, &order, Some(conv.id)).await?;
    // Its airtime and bundles wait, unpaid, for the payment that releases
    // them (`digital::fulfil`).
    queue_in(
        tx,
        order.id,
        &digital,
        request.recipient.as_ref(),
        test,
        now,
    )
    .await?;
    if !test {
        crate::resellers::credit_order_in(tx, conv.id, &order, now).await?;
    }
    let entry = OrderHistoryEntry {
        from: None,
        to: OrderStatus::Draft,
        actor: "bot".into(),
        at: now,
    };
    record_history(tx, order.id, &entry, None).await?;
    crate::records::orders::changed(tx, order.id, now).await?;
    Ok(Ok(order))
}
