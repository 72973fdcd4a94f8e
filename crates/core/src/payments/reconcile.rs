//! Reconciling an M-Pesa attempt without a public callback URL: send the
//! prompt, then ask for its status with growing pauses until a final answer
//! or a deadline. A deadline is *unknown*, not failed: money may have moved,
//! so the attempt waits for staff (and a late success still pays the order).
//! Attempts still pending when the app stopped are picked up again at start.

use super::daraja::{result_reason, DarajaClient, DarajaError, QueryStatus};
use super::ProviderOutcome;
use crate::backoff::jitter;
use crate::events::Effects;
use crate::store::{parse_uuid, Store, StoreError};
use chrono::{DateTime, Utc};
use dukadesk_domain::bot::PaymentFailure;
use dukadesk_domain::{Country, Money, Msisdn, PaymentId};
use std::future::Future;
use std::pin::Pin;

/// A future returned by a provider.
pub type ProviderFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// One poll's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Poll {
    /// Ask again later.
    Pending,
    /// Final.
    Done(ProviderOutcome),
}

/// Why a provider call did not get an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CallError {
    /// Worth trying again (offline, throttled, a 5xx, a garbled reply).
    Retry(String),
    /// Trying again will not help (refused request, wrong credentials).
    Refused(String),
}

/// What an attempt asks the provider for.
#[derive(Debug, Clone)]
pub struct Request {
    /// The attempt.
    pub payment: PaymentId,
    /// Order number, for the account reference.
    pub order_number: i64,
    /// Amount.
    pub amount: Money,
    /// Phone to prompt.
    pub phone: Msisdn,
}

/// An M-Pesa provider (Daraja, IntaSend), as reconciliation uses it.
pub trait PaymentProvider: Send + Sync + std::fmt::Debug {
    /// Sends the prompt; returns the provider's reference.
    fn start<'a>(
        &'a self,
        request: &'a Request,
        now: DateTime<Utc>,
    ) -> ProviderFuture<'a, Result<String, CallError>>;
    /// Asks where the prompt stands.
    fn poll<'a>(
        &'a self,
        reference: &'a str,
        now: DateTime<Utc>,
    ) -> ProviderFuture<'a, Result<Poll, CallError>>;
}

fn call_error(e: DarajaError) -> CallError {
    match e {
        DarajaError::Credentials(_) | DarajaError::Rejected(_) => CallError::Refused(e.to_string()),
        DarajaError::Throttled(_) | DarajaError::Unreachable(_) | DarajaError::Garbage(_) => {
            CallError::Retry(e.to_string())
        }
    }
}

impl PaymentProvider for DarajaClient {
    fn start<'a>(
        &'a self,
        request: &'a Request,
        now: DateTime<Utc>,
    ) -> ProviderFuture<'a, Result<String, CallError>> {
        Box::pin(async move {
            let reference = format!("Order {}", request.order_number);
            self.stk_push(
                &request.phone,
                request.amount.whole_major_ceil(),
                &reference,
                "DukaDesk",
                now,
            )
            .await
            .map_err(call_error)
        })
    }

    fn poll<'a>(
        &'a self,
        reference: &'a str,
        now: DateTime<Utc>,
    ) -> ProviderFuture<'a, Result<Poll, CallError>> {
        Box::pin(async move {
            match self.stk_query(reference, now).await.map_err(call_error)? {
                QueryStatus::Pending => Ok(Poll::Pending),
                QueryStatus::Final { code: 0, .. } => {
                    Ok(Poll::Done(ProviderOutcome::Paid { receipt: None }))
                }
                QueryStatus::Final { code, .. } => Ok(Poll::Done(ProviderOutcome::Failed {
                    reason: result_reason(code),
                })),
            }
        })
    }
}

/// Pauses between status polls and the overall deadline: the one retry
/// policy (`crate::backoff`), each pause taken with jitter.
pub use crate::backoff::Backoff;

/// Order number, amount, currency, phone, provider reference.
type AttemptRow = (i64, i64, String, Option<String>, Option<String>);

impl Store {
    async fn request_for(
        &self,
        payment: PaymentId,
    ) -> Result<(Request, Option<String>), StoreError> {
        let row: Option<AttemptRow> = sqlx::query_as(
            "SELECT o.number, p.amount_minor, p.currency, p.phone, p.provider_ref FROM payments p JOIN orders o ON o.id = p.order_id WHERE p.id = ?",
        )
        .bind(payment.to_string())
        .fetch_optional(self.pool())
        .await?;
        let (number, amount, currency, phone, reference) =
            row.ok_or(StoreError::NotFound("The payment"))?;
        let currency =
            dukadesk_domain::Currency::from_code(&currency).ok_or(StoreError::BadRow("payment"))?;
        let phone = phone
            .and_then(|p| Msisdn::parse(&p, Country::Kenya).ok())
            .ok_or(StoreError::BadRow("payment"))?;
        Ok((
            Request {
                payment,
                order_number: number,
                amount: Money::from_minor(amount, currency),
                phone,
            },
            reference,
        ))
    }

    async fn set_provider_ref(
        &self,
        payment: PaymentId,
        reference: &str,
    ) -> Result<(), StoreError> {
        let now = self.now();
        let mut tx = self.write_tx().await?;
        crate::records::payments::set_provider_ref(&mut tx, payment, reference, now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records what went wrong with an attempt, for staff, and flags its chat.
    pub async fn note_payment_problem(
        &self,
        payment: PaymentId,
        detail: &str,
    ) -> Result<(), StoreError> {
        let now = self.now();
        let mut tx = self.write_tx().await?;
        crate::records::payments::note_problem(&mut tx, payment, detail, now).await?;
        sqlx::query(
            "UPDATE conversations SET needs_attention = 1 WHERE id = (SELECT o.conversation_id FROM payments p JOIN orders o ON o.id = p.order_id WHERE p.id = ?)",
        )
        .bind(payment.to_string())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// How an attempt collects money.
    pub async fn payment_method(
        &self,
        payment: PaymentId,
    ) -> Result<dukadesk_domain::payment::PaymentMethod, StoreError> {
        let method: Option<String> = sqlx::query_scalar("SELECT method FROM payments WHERE id = ?")
            .bind(payment.to_string())
            .fetch_optional(self.pool())
            .await?;
        method
            .as_deref()
            .and_then(dukadesk_domain::payment::PaymentMethod::parse)
            .ok_or(StoreError::NotFound("The payment"))
    }

    /// Pending attempts of a method that this till started, oldest first
    /// (to resume after a restart). Another till's attempts are that
    /// till's to watch: their outcome arrives here through sync.
    pub async fn pending_payments(
        &self,
        method: dukadesk_domain::payment::PaymentMethod,
    ) -> Result<Vec<PaymentId>, StoreError> {
        let ids: Vec<String> = sqlx::query_scalar(
            "SELECT id FROM payments WHERE state = 'pending' AND method = ? AND started_here = 1 ORDER BY created_at",
        )
        .bind(method.as_str())
        .fetch_all(self.pool())
        .await?;
        ids.iter()
            .map(|i| parse_uuid(i, "payment").map(PaymentId))
            .collect()
    }
}

/// Fails an attempt whose prompt never reached the phone, keeping the
/// details for staff.
async fn not_sent(store: &Store, payment: PaymentId, detail: &str) -> Result<Effects, StoreError> {
    let outcome = ProviderOutcome::Failed {
        reason: PaymentFailure::NotSent,
    };
    let effects = store.apply_payment_outcome(payment, outcome).await?;
    store.note_payment_problem(payment, detail).await?;
    Ok(effects)
}

/// Takes one attempt to a final (or unknown) outcome and applies it. Safe to
/// run again for the same attempt: a saved reference is polled, not re-sent,
/// and outcomes apply once.
pub async fn reconcile(
    store: &Store,
    provider: &dyn PaymentProvider,
    payment: PaymentId,
    backoff: Backoff,
) -> Result<Effects, StoreError> {
    let started = tokio::time::Instant::now();
    let (request, saved) = store.request_for(payment).await?;
    let mut pause = backoff.first;
    let reference = match saved {
        Some(r) => r,
        None => loop {
            match provider.start(&request, store.now()).await {
                Ok(r) => {
                    store.set_provider_ref(payment, &r).await?;
                    break r;
                }
                // The prompt never left, so no money can have moved. The
                // customer gets a polite reason; staff get the details.
                Err(CallError::Refused(why)) => return not_sent(store, payment, &why).await,
                Err(CallError::Retry(why)) => {
                    if backoff.past_deadline(started.elapsed(), pause) {
                        return not_sent(
                            store,
                            payment,
                            &format!("M-Pesa could not be reached: {why}"),
                        )
                        .await;
                    }
                    tokio::time::sleep(jitter(pause)).await;
                    pause = backoff.next(pause);
                }
            }
        },
    };
    pause = backoff.first;
    loop {
        if backoff.past_deadline(started.elapsed(), pause) {
            tracing::warn!(%payment, "no final M-Pesa answer before the deadline; left for staff to settle");
            return store
                .apply_payment_outcome(payment, ProviderOutcome::Unknown)
                .await;
        }
        tokio::time::sleep(jitter(pause)).await;
        pause = backoff.next(pause);
        match provider.poll(&reference, store.now()).await {
            Ok(Poll::Pending) => {}
            Ok(Poll::Done(outcome)) => return store.apply_payment_outcome(payment, outcome).await,
            Err(CallError::Retry(why)) => {
                tracing::info!(%payment, why, "status query failed; will ask again")
            }
            Err(CallError::Refused(why)) => {
                tracing::warn!(%payment, why, "status query refused; left for staff to settle");
                return store
                    .apply_payment_outcome(payment, ProviderOutcome::Unknown)
                    .await;
            }
        }
    }
}

#[cfg(test)]
mod tests;
