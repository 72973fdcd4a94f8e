//! Staff moving an order through fulfilment, or cancelling it. Cancelling
//! puts the stock back on the shelf (a restock movement per line, once
//! whichever tills cancel it). A chat order's customer hears of
//! each move from the bot, in the same transaction.

use super::{detail_in, order_in, record_transition};
use crate::catalogue::item_in;
use crate::chat::turn::notify_order_chat;
use crate::records::stock::{self, OrderLineRef};
use crate::store::{Store, StoreError};
use chrono::{DateTime, Utc};
use dukadesk_domain::bot::Inbound;
use dukadesk_domain::catalogue::ItemKind;
use dukadesk_domain::ipc::OrderDetail;
use dukadesk_domain::order::{transition, Order, OrderChannel, OrderEvent};
use dukadesk_domain::OrderId;
use sqlx::SqliteConnection;

/// Applies an event inside the caller's transaction.
pub(crate) async fn apply_in(
    tx: &mut SqliteConnection,
    id: OrderId,
    event: OrderEvent,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Order, StoreError> {
    let mut order = order_in(tx, id)
        .await?
        .ok_or(StoreError::NotFound("The order"))?;
    let from = order.status;
    order.status = transition(from, event, order.fulfilment.kind())
        .map_err(|e| StoreError::Conflict(e.to_string()))?;
    // Test-chat orders never took stock, so they give none back.
    if event == OrderEvent::Cancel && order.channel != OrderChannel::TestChat {
        for (position, line) in order.lines.iter().enumerate() {
            let Some(item) = item_in(tx, line.item_id).await? else {
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
    record_transition(tx, &mut order, from, event, actor, now).await?;
    Ok(order)
}

impl Store {
    /// Applies a fulfilment event (start preparing, dispatch, deliver,
    /// cancel). Payment events are refused here: money goes through
    /// [`Store::record_till_payment`] or a payment provider.
    pub async fn apply_order_event(
        &self,
        id: OrderId,
        event: OrderEvent,
        actor: &str,
    ) -> Result<OrderDetail, StoreError> {
        if !matches!(
            event,
            OrderEvent::StartPreparing
                | OrderEvent::Dispatch
                | OrderEvent::Deliver
                | OrderEvent::Cancel
        ) {
            return Err(StoreError::Conflict(
                "Payments are recorded with \"Record payment\", not by changing the status.".into(),
            ));
        }
        let cat = self.bot_catalogue().await?;
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let order = apply_in(&mut tx, id, event, actor, now).await?;
        let inbound = Inbound::OrderStatus {
            order_id: id,
            number: order.number,
            status: order.status,
        };
        notify_order_chat(&mut tx, id, inbound, &cat, now).await?;
        let detail = detail_in(&mut tx, id).await?;
        tx.commit().await?;
        Ok(detail)
    }
}
