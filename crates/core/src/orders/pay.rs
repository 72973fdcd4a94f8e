//! Money received at the till for an order: cash, or an M-Pesa receipt code
//! the customer shows. A receipt code can be recorded only once, ever. For
//! an order paid on delivery, the money comes at the hand-over: recording
//! it delivers the order in the same move.

use super::{detail_in, move_in, order_in};
use crate::store::{new_id, Store, StoreError};
use chrono::{DateTime, Utc};
use dukadesk_domain::ipc::OrderDetail;
use dukadesk_domain::order::{parse_mpesa_receipt, step, Order, OrderEvent, TillPayment};
use dukadesk_domain::payment::{PaymentAttempt, PaymentMethod, PaymentState};
use dukadesk_domain::words::Problem;
use dukadesk_domain::{OrderId, PaymentId};
use sqlx::SqliteConnection;

/// Inserts a succeeded till payment for the whole order total.
pub(crate) async fn insert_till_payment(
    tx: &mut SqliteConnection,
    order: &Order,
    payment: &TillPayment,
    now: DateTime<Utc>,
) -> Result<Option<PaymentAttempt>, StoreError> {
    let (method, receipt) = match payment {
        TillPayment::Unpaid | TillPayment::OnDelivery => return Ok(None),
        TillPayment::Cash => (PaymentMethod::Cash, None),
        TillPayment::MpesaReceipt(code) => (
            PaymentMethod::MpesaManual,
            Some(parse_mpesa_receipt(code).map_err(|m| StoreError::said("receipt", &m))?),
        ),
        TillPayment::Credit => {
            let customer = order
                .customer_id
                .ok_or_else(|| StoreError::said("customer_phone", &Problem::CreditPhone))?;
            crate::credit::check_limit_in(tx, customer, order.total).await?;
            (PaymentMethod::Credit, None)
        }
    };
    if let Some(code) = &receipt {
        let used: Option<i64> = sqlx::query_scalar(
            "SELECT o.number FROM payments p JOIN orders o ON o.id = p.order_id WHERE p.receipt = ?",
        )
        .bind(code)
        .fetch_optional(&mut *tx)
        .await?;
        if let Some(number) = used {
            return Err(StoreError::said(
                "receipt",
                &Problem::CodeUsed {
                    code: code.clone(),
                    number,
                },
            ));
        }
    }
    let attempt = PaymentAttempt {
        id: PaymentId(new_id()),
        order_id: order.id,
        method,
        amount: order.total,
        phone: order.customer_phone.clone(),
        state: PaymentState::Succeeded,
        provider_ref: None,
        receipt,
        failure: None,
        created_at: now,
        updated_at: now,
        settled_by: None,
    };
    crate::records::payments::insert(tx, &attempt).await?;
    Ok(Some(attempt))
}

impl Store {
    /// Records cash or an M-Pesa receipt for an order still waiting for
    /// money; for an order paid on delivery, at its hand-over, which it
    /// completes.
    pub async fn record_till_payment(
        &self,
        id: OrderId,
        payment: &TillPayment,
        actor: &str,
    ) -> Result<OrderDetail, StoreError> {
        if matches!(payment, TillPayment::Unpaid | TillPayment::OnDelivery) {
            return Err(StoreError::said("payment", &Problem::ChoosePayment));
        }
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let mut order = order_in(&mut tx, id)
            .await?
            .ok_or(StoreError::NotFound("The order"))?;
        let event = if order.pay_on_delivery {
            if !order.collects_now() && !order.status.is_final() {
                return Err(StoreError::Refusal(Problem::PaidAtHandOver(
                    order.display_number().to_string(),
                )));
            }
            OrderEvent::PaidOnDelivery
        } else {
            OrderEvent::MarkPaid
        };
        // The machine first: an order already paid is refused before any
        // money is written.
        step(order.status, event, order.terms(), order.channel).map_err(StoreError::Transition)?;
        insert_till_payment(&mut tx, &order, payment, now).await?;
        let events = move_in(&mut tx, &mut order, event, actor, now).await?;
        self.react_in(&mut tx, &events).await?;
        let detail = detail_in(&mut tx, id).await?;
        tx.commit().await?;
        Ok(detail)
    }
}
