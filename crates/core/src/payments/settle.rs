//! Staff settling M-Pesa attempts that ended unknown: they check the M-Pesa
//! statement or the customer's SMS, then say whether the money arrived. The
//! verdict goes through the same path as a provider's answer, so the order,
//! the chat and the books move exactly as if M-Pesa had said it.

use super::ProviderOutcome;
use crate::events::Effects;
use crate::store::{from_millis, parse_uuid, Store, StoreError};
use dukadesk_domain::bot::PaymentFailure;
use dukadesk_domain::ipc::{SettlePayment, UnsettledPayment};
use dukadesk_domain::order::parse_mpesa_receipt;
use dukadesk_domain::payment::PaymentMethod;
use dukadesk_domain::words::Problem;
use dukadesk_domain::{Country, Currency, Money, Msisdn, OrderId, PaymentId};

type Row = (
    String,
    String,
    i64,
    i64,
    String,
    Option<String>,
    Option<String>,
    i64,
    String,
);

impl Store {
    /// Attempts staff must settle, oldest first: those whose outcome is
    /// unknown, and payments by hand still open (while their order waits
    /// for payment, or once the customer sent a code).
    pub async fn unsettled_payments(&self) -> Result<Vec<UnsettledPayment>, StoreError> {
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT p.id, p.order_id, o.number, p.amount_minor, p.currency, p.phone, p.provider_ref, p.created_at, p.method
             FROM payments p JOIN orders o ON o.id = p.order_id
             WHERE p.state = 'unknown'
                OR (p.state = 'pending' AND p.method = 'mpesa_manual'
                    AND (p.provider_ref IS NOT NULL OR o.status = 'awaiting_payment'))
             ORDER BY p.created_at",
        )
        .fetch_all(self.pool())
        .await?;
        rows.into_iter()
            .map(
                |(id, order, number, amount, currency, phone, reference, at, method)| {
                    Ok(UnsettledPayment {
                        id: PaymentId(parse_uuid(&id, "payment")?),
                        order_id: OrderId(parse_uuid(&order, "payment")?),
                        order_number: number,
                        amount: Money::from_minor(
                            amount,
                            Currency::from_code(&currency).ok_or(StoreError::BadRow("payment"))?,
                        ),
                        phone: phone
                            .as_deref()
                            .and_then(|p| Msisdn::parse(p, Country::Kenya).ok())
                            .map(|p| p.national())
                            .unwrap_or_default(),
                        provider_ref: reference,
                        created_at: from_millis(at),
                        by_hand: method == PaymentMethod::MpesaManual.as_str(),
                    })
                },
            )
            .collect()
    }

    /// Settles an unknown attempt as paid (with the receipt code, if known)
    /// or not paid. `by` is the signed-in person's name: the payment keeps
    /// it (`settled_by`) and the order's history names them.
    pub async fn settle_payment(
        &self,
        verdict: &SettlePayment,
        by: &str,
    ) -> Result<Effects, StoreError> {
        let unsettled = self.unsettled_payments().await?;
        let Some(attempt) = unsettled.iter().find(|p| p.id == verdict.id) else {
            return Err(StoreError::Stale(
                "That payment is already settled. Refresh to see where it stands.".into(),
            ));
        };
        let mut note = None;
        let outcome = if verdict.paid {
            let receipt = match verdict.receipt.trim() {
                // Money sent by hand is only confirmed against its code on
                // the statement: that is what stops a code used twice.
                "" if attempt.by_hand => {
                    return Err(StoreError::said("receipt", &Problem::StatementCode));
                }
                // Money confirmed with no code must say why: that is what
                // the books show when the statement does not agree.
                "" => {
                    let why = verdict.no_code_reason.trim();
                    if why.is_empty() {
                        return Err(StoreError::said("receipt", &Problem::CodeOrReason));
                    }
                    if why.chars().count() > 200 {
                        return Err(StoreError::said("no_code_reason", &Problem::ReasonLong));
                    }
                    note = Some(format!("Marked paid without an M-Pesa code by {by}: {why}"));
                    None
                }
                code => {
                    Some(parse_mpesa_receipt(code).map_err(|m| StoreError::said("receipt", &m))?)
                }
            };
            if let Some(code) = &receipt {
                let used: Option<i64> = sqlx::query_scalar(
                    "SELECT o.number FROM payments p JOIN orders o ON o.id = p.order_id WHERE p.receipt = ?",
                )
                .bind(code)
                .fetch_optional(self.pool())
                .await?;
                if let Some(number) = used {
                    return Err(StoreError::said(
                        "receipt",
                        &Problem::CodeRecorded {
                            code: code.clone(),
                            number,
                        },
                    ));
                }
            }
            ProviderOutcome::Paid { receipt }
        } else {
            ProviderOutcome::Failed {
                reason: PaymentFailure::Other,
            }
        };
        self.apply_outcome_noted(verdict.id, outcome, Some(by), note.as_deref())
            .await
    }
}

#[cfg(test)]
mod tests;
