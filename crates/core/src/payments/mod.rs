//! Collecting money for chat orders. A request creates a pending payment
//! attempt and moves the order to "awaiting payment" in the caller's
//! transaction; the provider's outcome is applied once per attempt by
//! [`Store::apply_payment_outcome`], which moves the order and reports the
//! outcome as an event (the reactions tell the chat; payments never call
//! it). Real M-Pesa clients (Daraja, IntaSend) plug in behind the same
//! calls; today the test chat's [`simulated`] provider answers.

pub mod busy;
pub mod daraja;
pub mod intasend;
pub mod reconcile;
pub mod settings;
pub mod settle;
pub mod simulated;

use crate::events::{Effects, Event};
use crate::orders::{move_in, order_in};
use crate::records;
use crate::store::{new_id, parse_uuid, to_millis, Store, StoreError};
use chrono::{DateTime, Utc};
use dukadesk_domain::bot::{BotPay, PaymentFailure, PaymentOutcome};
use dukadesk_domain::ipc::ChatChannel;
use dukadesk_domain::order::{transition, OrderEvent, OrderStatus, TransitionError};
use dukadesk_domain::payment::{PaymentAttempt, PaymentMethod, PaymentState};
use dukadesk_domain::{Money, Msisdn, OrderId, PaymentId};
use settings::RealChatPay;
use sqlx::SqliteConnection;

/// What a provider reported for one attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProviderOutcome {
    /// Money received.
    Paid {
        /// M-Pesa receipt code, when the provider reports it.
        receipt: Option<String>,
    },
    /// No money moved.
    Failed {
        /// Why.
        reason: PaymentFailure,
    },
    /// No final answer: money may have moved.
    Unknown,
}

impl From<&ProviderOutcome> for PaymentOutcome {
    /// The bot's view of a provider's outcome.
    fn from(outcome: &ProviderOutcome) -> Self {
        match outcome {
            ProviderOutcome::Paid { receipt } => PaymentOutcome::Paid {
                receipt: receipt.clone(),
            },
            ProviderOutcome::Failed { reason } => PaymentOutcome::Failed { reason: *reason },
            ProviderOutcome::Unknown => PaymentOutcome::Unknown,
        }
    }
}

/// A payment request that could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Refusal {
    pub number: i64,
    pub total: Money,
    pub reason: PaymentFailure,
}

/// A payment attempt opened for an order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Opened {
    pub id: PaymentId,
    pub number: i64,
    pub total: Money,
}

/// How a chat pays, as the attempt records it and as the bot says it: the
/// test chat always uses the simulator; real chats use what Settings chose
/// (`real`), which has no simulator in it.
pub(crate) fn method_for(channel: ChatChannel, real: &RealChatPay) -> (PaymentMethod, BotPay) {
    match (channel, real) {
        // Paid on delivery, the test chat shows what customers meet: no
        // money moves until the hand-over, which staff record.
        (ChatChannel::TestChat, RealChatPay::OnDelivery) => {
            (PaymentMethod::Cash, BotPay::OnDelivery)
        }
        (ChatChannel::TestChat, _) => (PaymentMethod::Simulated, BotPay::Prompt),
        (ChatChannel::WhatsApp, RealChatPay::Daraja) => {
            (PaymentMethod::MpesaDaraja, BotPay::Prompt)
        }
        (ChatChannel::WhatsApp, RealChatPay::IntaSend) => {
            (PaymentMethod::MpesaIntaSend, BotPay::Prompt)
        }
        (ChatChannel::WhatsApp, RealChatPay::ByHand(to)) => {
            (PaymentMethod::MpesaManual, BotPay::ByHand(to.clone()))
        }
        (ChatChannel::WhatsApp, RealChatPay::OnDelivery) => {
            (PaymentMethod::Cash, BotPay::OnDelivery)
        }
    }
}

/// M-Pesa prompts one phone may receive in an hour.
pub const MAX_PROMPTS_PER_HOUR: i64 = 3;

/// Starts a payment attempt for an order.
pub(crate) async fn request(
    tx: &mut SqliteConnection,
    order_id: OrderId,
    phone: &Msisdn,
    method: PaymentMethod,
    now: DateTime<Utc>,
) -> Result<Result<Opened, Refusal>, StoreError> {
    let mut order = order_in(tx, order_id)
        .await?
        .ok_or(StoreError::NotFound("The order"))?;
    let refuse = |order: &dukadesk_domain::order::Order, reason: PaymentFailure| {
        Ok(Err(Refusal {
            number: order.number,
            total: order.total,
            reason,
        }))
    };
    let (pending, unknown): (i64, i64) = sqlx::query_as(
        "SELECT COALESCE(SUM(state = 'pending'), 0), COALESCE(SUM(state = 'unknown'), 0) FROM payments WHERE order_id = ?",
    )
    .bind(order_id.to_string())
    .fetch_one(&mut *tx)
    .await?;
    if pending > 0 {
        return refuse(&order, PaymentFailure::AlreadyWaiting);
    }
    // Money may have moved for an unknown attempt: a second prompt could
    // make the customer pay twice.
    if unknown > 0 {
        return refuse(&order, PaymentFailure::Unsettled);
    }
    // Never spam a customer with prompts: at most a few an hour per phone
    // (a payment by hand sends no prompt).
    let recent: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM payments WHERE phone = ? AND created_at > ? AND method NOT IN ('cash', 'mpesa_manual')",
    )
    .bind(phone.as_str())
    .bind(to_millis(now - chrono::Duration::hours(1)))
    .fetch_one(&mut *tx)
    .await?;
    if recent >= MAX_PROMPTS_PER_HOUR && method != PaymentMethod::MpesaManual {
        return refuse(&order, PaymentFailure::TooManyPrompts);
    }
    let event = match order.status {
        OrderStatus::Draft => Some(OrderEvent::RequestPayment),
        OrderStatus::PaymentFailed => Some(OrderEvent::RetryPayment),
        OrderStatus::AwaitingPayment => None,
        _ => return refuse(&order, PaymentFailure::OrderClosed),
    };
    if let Some(event) = event {
        // The bot asks for the money: it tells the customer itself.
        move_in(tx, &mut order, event, "bot", now).await?;
    }
    let attempt = PaymentAttempt {
        id: PaymentId(new_id()),
        order_id,
        method,
        amount: order.total,
        phone: Some(phone.clone()),
        state: PaymentState::Pending,
        provider_ref: None,
        receipt: None,
        failure: None,
        created_at: now,
        updated_at: now,
        settled_by: None,
    };
    records::payments::insert(tx, &attempt).await?;
    Ok(Ok(Opened {
        id: attempt.id,
        number: order.number,
        total: order.total,
    }))
}

impl Store {
    /// Applies a provider's outcome to one attempt. Applying the same final
    /// outcome twice changes nothing; a success after an unknown outcome
    /// (money did move) still marks the order paid.
    pub async fn apply_payment_outcome(
        &self,
        payment: PaymentId,
        outcome: ProviderOutcome,
    ) -> Result<Effects, StoreError> {
        self.apply_outcome(payment, outcome, None).await
    }

    /// [`Store::apply_payment_outcome`], with the name of the member of
    /// staff who settled the attempt, when staff did (`settle_payment`):
    /// it is kept on the payment and names them in the order's history.
    pub(crate) async fn apply_outcome(
        &self,
        payment: PaymentId,
        outcome: ProviderOutcome,
        settled_by: Option<&str>,
    ) -> Result<Effects, StoreError> {
        self.apply_outcome_noted(payment, outcome, settled_by, None)
            .await
    }

    /// [`Store::apply_outcome`] with a note kept on the payment (staff's
    /// reason for confirming money without an M-Pesa code), in the same
    /// transaction.
    pub(crate) async fn apply_outcome_noted(
        &self,
        payment: PaymentId,
        outcome: ProviderOutcome,
        settled_by: Option<&str>,
        note: Option<&str>,
    ) -> Result<Effects, StoreError> {
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let row: Option<(String, String)> =
            sqlx::query_as("SELECT order_id, state FROM payments WHERE id = ?")
                .bind(payment.to_string())
                .fetch_optional(&mut *tx)
                .await?;
        let Some((order_id, state)) = row else {
            return Err(StoreError::NotFound("The payment"));
        };
        let order_id = OrderId(parse_uuid(&order_id, "payment")?);
        let state = PaymentState::parse(&state).ok_or(StoreError::BadRow("payment"))?;
        // Final states never change; an unknown outcome told twice is one.
        let applies = !matches!(
            (&outcome, state),
            (_, PaymentState::Succeeded | PaymentState::Failed)
                | (ProviderOutcome::Unknown, PaymentState::Unknown)
        );
        if !applies {
            tx.rollback().await?;
            return Ok(Effects::default());
        }
        let (new_state, receipt, failure) = match &outcome {
            ProviderOutcome::Paid { receipt } => {
                (PaymentState::Succeeded, receipt.as_deref(), None)
            }
            ProviderOutcome::Failed { reason } => {
                (PaymentState::Failed, None, Some(reason.to_string()))
            }
            ProviderOutcome::Unknown => (PaymentState::Unknown, None, None),
        };
        if let Some(code) = receipt {
            let used: Option<String> =
                sqlx::query_scalar("SELECT id FROM payments WHERE receipt = ?")
                    .bind(code)
                    .fetch_optional(&mut *tx)
                    .await?;
            if used.is_some() {
                tracing::warn!(
                    receipt = code,
                    "a receipt already applied arrived again; ignored"
                );
                tx.rollback().await?;
                return Ok(Effects::default());
            }
        }
        records::payments::set_outcome(
            &mut tx,
            payment,
            records::payments::Outcome {
                state: new_state,
                receipt,
                failure: failure.as_deref().or(note),
                settled_by,
            },
            now,
        )
        .await?;
        let mut order = order_in(&mut tx, order_id)
            .await?
            .ok_or(StoreError::NotFound("The order"))?;
        let event = match outcome {
            ProviderOutcome::Paid { .. } => Some(OrderEvent::PaymentSucceeded),
            ProviderOutcome::Failed { .. } if order.status == OrderStatus::AwaitingPayment => {
                Some(OrderEvent::PaymentFailed)
            }
            _ => None,
        };
        if let Some(event) = event {
            match transition(order.status, event, order.terms()) {
                Ok(_) => {
                    // The payment's outcome below tells the customer.
                    let actor = settled_by.unwrap_or("m-pesa");
                    move_in(&mut tx, &mut order, event, actor, now).await?;
                }
                Err(TransitionError::AlreadyPaid) => {
                    tracing::warn!(
                        number = order.number,
                        "a second payment succeeded for a paid order; staff must refund one"
                    );
                }
                Err(e) => {
                    tracing::warn!(number = order.number, error = %e, "payment outcome for an order that moved on")
                }
            }
        }
        let attempt_row: (i64,) = sqlx::query_as("SELECT amount_minor FROM payments WHERE id = ?")
            .bind(payment.to_string())
            .fetch_one(&mut *tx)
            .await?;
        let total = Money::from_minor(attempt_row.0, order.total.currency);
        let resolved = Event::PaymentResolved {
            order_id,
            number: order.number,
            total,
            outcome: PaymentOutcome::from(&outcome),
        };
        self.finish(tx, &[resolved]).await
    }
}

#[cfg(test)]
mod tests;
