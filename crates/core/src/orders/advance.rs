//! Staff moving an order through fulfilment, or cancelling it. Cancelling
//! puts counted stock back on the shelf.

use super::{detail_in, order_in, record_transition};
use crate::catalogue::{item_in, write_stock};
use crate::store::{Store, StoreError};
use dukadesk_domain::catalogue::ItemKind;
use dukadesk_domain::ipc::OrderDetail;
use dukadesk_domain::order::{transition, OrderEvent};
use dukadesk_domain::OrderId;

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
        let now = self.now();
        let mut tx = self.pool().begin().await?;
        sqlx::query("UPDATE orders SET updated_at = updated_at WHERE id = ?")
            .bind(id.to_string())
            .execute(&mut *tx)
            .await?;
        let mut order = order_in(&mut tx, id)
            .await?
            .ok_or(StoreError::NotFound("The order"))?;
        let from = order.status;
        order.status = transition(from, event, order.fulfilment.kind())
            .map_err(|e| StoreError::Conflict(e.to_string()))?;
        if event == OrderEvent::Cancel {
            for line in &order.lines {
                if let Some(mut item) = item_in(&mut tx, line.item_id).await? {
                    if let ItemKind::Physical { stock: Some(stock) } = item.kind {
                        item.kind = ItemKind::Physical {
                            stock: Some(stock.saturating_add(line.qty)),
                        };
                        item.updated_at = now;
                        write_stock(&mut tx, &item).await?;
                    }
                }
            }
        }
        record_transition(&mut tx, &mut order, from, event, actor, now).await?;
        let detail = detail_in(&mut tx, id).await?;
        tx.commit().await?;
        Ok(detail)
    }
}
