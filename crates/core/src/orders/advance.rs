//! Staff moving an order through fulfilment, or cancelling it. Cancelling
//! puts the stock back on the shelf (a restock movement per line, once
//! whichever tills cancel it). A chat order's customer hears of each move
//! from the bot, in the same transaction (through [`crate::reactions`]).

use super::{detail_in, move_in, order_in};
use crate::events::Event;
use crate::store::{Store, StoreError};
use chrono::{DateTime, Utc};
use dukadesk_domain::ipc::OrderDetail;
use dukadesk_domain::order::{Order, OrderEvent};
use dukadesk_domain::OrderId;
use sqlx::SqliteConnection;

/// Applies an event inside the caller's transaction; returns the order as it
/// is now and what follows for the customer.
pub(crate) async fn apply_in(
    tx: &mut SqliteConnection,
    id: OrderId,
    event: OrderEvent,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<(Order, Vec<Event>), StoreError> {
    let mut order = order_in(tx, id)
        .await?
        .ok_or(StoreError::NotFound("The order"))?;
    let events = move_in(tx, &mut order, event, actor, now).await?;
    Ok((order, events))
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
            return Err(StoreError::Refused(
                "Payments are recorded with \"Record payment\", not by changing the status.".into(),
            ));
        }
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let (_, events) = apply_in(&mut tx, id, event, actor, now).await?;
        self.react_in(&mut tx, &events).await?;
        let detail = detail_in(&mut tx, id).await?;
        tx.commit().await?;
        Ok(detail)
    }
}
