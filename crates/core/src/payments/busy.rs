//! Whether the app may stop now, for an update's restart: never while a
//! customer's M-Pesa prompt is waiting for its answer (the app is the one
//! polling for it, and the customer is looking at their phone). Attempts
//! that ended unknown do not count: they wait for staff, not for the app.
//! Nor do other tills' attempts: the till that started one polls for it.
//!
//! A sync batch in flight is the other reason (`HostedSync::restart_blocker`).

use crate::store::{Store, StoreError};

impl Store {
    /// Why the app should not restart now, in words for the merchant; `None`
    /// when nothing is in flight.
    pub async fn restart_blocker(&self) -> Result<Option<String>, StoreError> {
        let numbers: Vec<i64> = sqlx::query_scalar(
            "SELECT o.number FROM payments p JOIN orders o ON o.id = p.order_id
             WHERE p.state = 'pending' AND p.started_here = 1 AND p.method != 'mpesa_manual'
             ORDER BY p.created_at",
        )
        .fetch_all(self.pool())
        .await?;
        Ok(match numbers.as_slice() {
            [] => None,
            [one] => Some(format!(
                "A payment for order #{one} is still waiting for M-Pesa's answer. \
                 Restart to update once it has finished (usually within a minute)."
            )),
            many => Some(format!(
                "{} payments (orders {}) are still waiting for M-Pesa's answer. \
                 Restart to update once they have finished (usually within a minute).",
                many.len(),
                many.iter()
                    .map(|n| format!("#{n}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        })
    }
}

#[cfg(test)]
mod tests;
