//! A walk-in or phone order typed at the till: lines checked against the
//! catalogue, stock taken, delivery fee added, payment recorded, all in one
//! transaction.

use super::{channel_str, record_history};
use crate::catalogue::{take_stock, why_not_sold};
use crate::digital::fulfil::{queue_in, DigitalLine};
use crate::orders::pay::insert_till_payment;
use crate::records::stock::OrderLineRef;
use crate::shop::zone_in;
use crate::store::{new_id, to_millis, Store, StoreError};
use chrono::{DateTime, Utc};
use dukadesk_domain::barcode::{ScaleLabel, ScaleLabels, Weighed};
use dukadesk_domain::catalogue::Item;
use dukadesk_domain::ipc::{OrderDetail, OrderHistoryEntry};
use dukadesk_domain::order::{
    transition, Fulfilment, ManualOrderInput, Order, OrderChannel, OrderEvent, OrderLine,
    OrderStatus, Terms, TillPayment,
};
use dukadesk_domain::payment::PaymentState;
use dukadesk_domain::words::Problem;
use dukadesk_domain::{CustomerId, Money, Msisdn, OrderId};
use sqlx::SqliteConnection;

/// Finds or creates the customer with this phone, updating the name if given.
pub(crate) async fn upsert_customer(
    tx: &mut SqliteConnection,
    phone: &Msisdn,
    name: Option<&str>,
    now: DateTime<Utc>,
) -> Result<CustomerId, StoreError> {
    let existing: Option<String> = sqlx::query_scalar("SELECT id FROM customers WHERE phone = ?")
        .bind(phone.as_str())
        .fetch_optional(&mut *tx)
        .await?;
    let id = match existing {
        Some(id) => {
            if let Some(name) = name {
                sqlx::query("UPDATE customers SET name = ?, updated_at = ? WHERE id = ?")
                    .bind(name)
                    .bind(to_millis(now))
                    .bind(&id)
                    .execute(&mut *tx)
                    .await?;
            }
            CustomerId(crate::store::parse_uuid(&id, "customer")?)
        }
        None => {
            let id = CustomerId(new_id());
            sqlx::query("INSERT INTO customers (id, phone, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)")
                .bind(id.to_string())
                .bind(phone.as_str())
                .bind(name)
                .bind(to_millis(now))
                .bind(to_millis(now))
                .execute(&mut *tx)
                .await?;
            id
        }
    };
    crate::records::customers::changed(tx, &id.to_string(), now).await?;
    Ok(id)
}

/// The price and name of one weighed pack of `item`, read from the scale
/// label `code`. The label must be this item's (its first seven digits are
/// the item's barcode): the till's form and the store read it the same way.
fn weighed_line(item: &Item, code: &str, scale: ScaleLabels) -> Result<Weighed, StoreError> {
    let label = ScaleLabel::parse(code)
        .ok_or_else(|| StoreError::said("lines", &Problem::NotAScaleLabel(code.to_string())))?;
    if item.barcode.as_deref() != Some(label.item_code.as_str()) {
        return Err(StoreError::said(
            "lines",
            &Problem::LabelNotFor {
                code: code.to_owned(),
                name: item.name.clone(),
                item_code: label.item_code.clone(),
            },
        ));
    }
    scale
        .price(&label, item.price)
        .map_err(|e| StoreError::field("lines", format!("{}: {e}", item.name)))
}

/// Takes the next order number. As the transaction's first write it also
/// takes SQLite's write lock, so two windows never share a number. Once the
/// till is enrolled in a hosted backend its numbers end in its own digit
/// (`counter * 10 + device_no`), so two tills never hand out the same one.
pub(crate) async fn next_order_number(tx: &mut SqliteConnection) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "UPDATE counters SET value = value + 1 WHERE name = 'order_number'
         RETURNING CASE WHEN (SELECT value FROM counters WHERE name = 'device_no') > 0
                        THEN value * 10 + (SELECT value FROM counters WHERE name = 'device_no')
                        ELSE value END",
    )
    .fetch_one(tx)
    .await?)
}

impl Store {
    /// Enters a manual order. `actor` names who typed it.
    pub async fn create_manual_order(
        &self,
        input: &ManualOrderInput,
        actor: &str,
    ) -> Result<OrderDetail, StoreError> {
        let shop = self.require_shop().await?;
        let valid = input.validate(shop.country).map_err(StoreError::Invalid)?;
        let now = self.now();
        let currency = shop.currency;
        // Read before the write transaction: weighed packs are priced by
        // what this till's scale labels carry.
        let scale = if valid.lines.iter().any(|l| l.label.is_some()) {
            self.printer_settings().await?.scale_labels
        } else {
            ScaleLabels::default()
        };
        let mut tx = self.write_tx().await?;
        let number = next_order_number(&mut tx).await?;
        let id = OrderId(new_id());

        let mut lines = Vec::with_capacity(valid.lines.len());
        let mut digital = Vec::new();
        let mut subtotal = Money::zero(currency);
        for (position, line) in valid.lines.iter().enumerate() {
            let sale = OrderLineRef {
                order_id: id,
                position,
                staff_name: Some(actor),
            };
            let item = match take_stock(&mut tx, line.item_id, line.qty, sale, now).await? {
                Some(item) => item,
                None => {
                    return Err(StoreError::said(
                        "lines",
                        &why_not_sold(&mut tx, line.item_id, line.qty).await?,
                    ))
                }
            };
            let (name, unit_price) = match &line.label {
                None => (item.name.clone(), item.price),
                Some(code) => {
                    let weighed = weighed_line(&item, code, scale)?;
                    (weighed.line_name(&item.name), weighed.price)
                }
            };
            let total = unit_price
                .checked_mul(line.qty)
                .map_err(|e| StoreError::said("lines", &e))?;
            subtotal = subtotal
                .checked_add(total)
                .map_err(|e| StoreError::said("lines", &e))?;
            let line = OrderLine {
                item_id: item.id,
                name,
                unit_price,
                qty: line.qty,
                total,
            };
            digital.extend(DigitalLine::of(position, &line, item.kind));
            lines.push(line);
        }

        let (fulfilment, fee) = match valid.zone_id {
            None => (Fulfilment::Pickup, Money::zero(currency)),
            Some(zone_id) => {
                let zone = zone_in(&mut tx, zone_id, currency)
                    .await?
                    .filter(|z| z.active)
                    .ok_or_else(|| StoreError::said("zone_id", &Problem::ZoneGone))?;
                (
                    Fulfilment::Delivery {
                        zone_id,
                        zone_name: zone.name,
                        address: valid.address.clone(),
                    },
                    zone.fee,
                )
            }
        };
        let total = subtotal
            .checked_add(fee)
            .map_err(|e| StoreError::said("lines", &e))?;
        // Airtime and bundles sold over the counter go to the customer's
        // phone as typed: it is asked for.
        if !digital.is_empty() && valid.customer_phone.is_none() {
            return Err(StoreError::said("customer_phone", &Problem::AirtimePhone));
        }

        let customer_id = match &valid.customer_phone {
            Some(phone) => {
                Some(upsert_customer(&mut tx, phone, valid.customer_name.as_deref(), now).await?)
            }
            None => None,
        };

        // The order is born a draft and moves on at once: paid at the till,
        // or waiting for the customer's money.
        let event = match &valid.payment {
            TillPayment::Unpaid | TillPayment::OnDelivery => OrderEvent::RequestPayment,
            TillPayment::Cash | TillPayment::MpesaReceipt(_) | TillPayment::Credit => {
                OrderEvent::MarkPaid
            }
        };
        // Paid at the till, waiting for its money, or paid at the hand-over
        // (prepared and sent first, taking its stock on the shop's word).
        let pay_on_delivery = valid.payment == TillPayment::OnDelivery;
        let terms = Terms {
            fulfilment: fulfilment.kind(),
            pay_on_delivery,
        };
        let status =
            transition(OrderStatus::Draft, event, terms).map_err(StoreError::Transition)?;
        let order = Order {
            id,
            number,
            customer_id,
            customer_phone: valid.customer_phone.clone(),
            customer_name: valid.customer_name.clone(),
            channel: OrderChannel::Till,
            fulfilment,
            lines,
            subtotal,
            delivery_fee: fee,
            total,
            status,
            note: valid.note.clone(),
            created_at: now,
            updated_at: now,
            pay_on_delivery,
        };
        insert_order(&mut tx, &order, None).await?;
        let history = vec![
            OrderHistoryEntry {
                from: None,
                to: OrderStatus::Draft,
                actor: actor.to_owned(),
                at: now,
            },
            OrderHistoryEntry {
                from: Some(OrderStatus::Draft),
                to: status,
                actor: actor.to_owned(),
                at: now,
            },
        ];
        record_history(&mut tx, order.id, &history[0], None).await?;
        record_history(&mut tx, order.id, &history[1], Some(event)).await?;
        let payments: Vec<_> = insert_till_payment(&mut tx, &order, &valid.payment, now)
            .await?
            .into_iter()
            .collect();
        // Its airtime and bundles wait, unpaid, for the money that releases
        // them (now, when it was paid at once); the sender picks them up.
        queue_in(
            &mut tx,
            order.id,
            &digital,
            valid.customer_phone.as_ref(),
            false,
            now,
        )
        .await?;
        crate::digital::fulfil::follow_order_in(&mut tx, order.id, now).await?;
        crate::records::orders::changed(&mut tx, order.id, now).await?;
        // A sale paid at the counter is invoiced in its own transaction.
        crate::tax::invoices::follow_order_in(&mut tx, order.id, now).await?;
        if let Some(pin) = &valid.buyer_pin {
            crate::tax::invoices::set_buyer_in(&mut tx, order.id, pin).await?;
        }
        // A new order has given nothing back: it can give what it took.
        let refundable = payments
            .iter()
            .filter(|p| p.state == PaymentState::Succeeded && p.method.brings_money())
            .map(|p| p.amount.minor)
            .sum();
        tx.commit().await?;
        let detail = OrderDetail {
            refunds: Vec::new(),
            refundable: Some(Money::from_minor(refundable, order.total.currency))
                .filter(|m| m.minor > 0),
            over_refunded: None,
            refused_payments: Vec::new(),
            next_step: status.next_step(terms, order.channel),
            can_cancel: transition(status, OrderEvent::Cancel, terms).is_ok(),
            order,
            history,
            payments,
        };
        tracing::info!(number, "manual order created");
        Ok(detail)
    }
}

/// Inserts the order and its lines.
pub(crate) async fn insert_order(
    tx: &mut SqliteConnection,
    order: &Order,
    conversation: Option<dukadesk_domain::ConversationId>,
) -> Result<(), StoreError> {
    let (fulfilment, zone_id, zone_name, address) = match &order.fulfilment {
        Fulfilment::Pickup => ("pickup", None, None, None),
        Fulfilment::Delivery {
            zone_id,
            zone_name,
            address,
        } => (
            "delivery",
            Some(zone_id.to_string()),
            Some(zone_name.as_str()),
            Some(address.as_str()),
        ),
    };
    sqlx::query(
        "INSERT INTO orders (id, number, customer_id, customer_phone, customer_phone_rev, customer_name, channel, fulfilment, zone_id, zone_name, address,
           subtotal_minor, delivery_fee_minor, total_minor, currency, status, note, created_at, updated_at, conversation_id, pay_on_delivery)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(order.id.to_string())
    .bind(order.number)
    .bind(order.customer_id.map(|c| c.to_string()))
    .bind(order.customer_phone.as_ref().map(|p| p.as_str().to_owned()))
    .bind(order.customer_phone.as_ref().map(|p| p.as_str().chars().rev().collect::<String>()))
    .bind(order.customer_name.as_deref())
    .bind(channel_str(order.channel))
    .bind(fulfilment)
    .bind(zone_id)
    .bind(zone_name)
    .bind(address)
    .bind(order.subtotal.minor)
    .bind(order.delivery_fee.minor)
    .bind(order.total.minor)
    .bind(order.total.currency.code())
    .bind(order.status.as_str())
    .bind(&order.note)
    .bind(to_millis(order.created_at))
    .bind(to_millis(order.updated_at))
    .bind(conversation.map(|c| c.to_string()))
    .bind(order.pay_on_delivery)
    .execute(&mut *tx)
    .await?;
    for (position, line) in order.lines.iter().enumerate() {
        sqlx::query(
            "INSERT INTO order_items (id, order_id, position, item_id, name, unit_price_minor, qty, total_minor)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(new_id().to_string())
        .bind(order.id.to_string())
        .bind(position as i64)
        .bind(line.item_id.to_string())
        .bind(&line.name)
        .bind(line.unit_price.minor)
        .bind(i64::from(line.qty))
        .bind(line.total.minor)
        .execute(&mut *tx)
        .await?;
    }
    Ok(())
}
