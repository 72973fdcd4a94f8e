//! The cash-up (Z report): what this till took since its previous cash-up
//! (or since the start of the shop's day), the drawer counted against it,
//! recorded with who counted through `records::cash_ups` (so it syncs),
//! and the shop's cash-ups for Reports.
//!
//! "This till" is the till that took the payment: its cash went into this
//! drawer, and its M-Pesa prompts (and those of the chats it runs) were
//! paid to the shop's number. Credit paid back counts like a payment; a
//! sale on credit brought no money. Test-chat money is never counted.

use crate::records::cash_ups::{self, COLUMNS};
use crate::store::{from_millis, to_millis, Store, StoreError};
use dukadesk_domain::cashup::{CashUp, CashUpDraft, CashUpInput};
use dukadesk_domain::report::{local_today, LocalRange};
use dukadesk_domain::{CashUpId, Money};
use sqlx::Row;

/// What this till is called on a cash-up when it has no name of its own.
pub const THIS_TILL: &str = "This till";

impl Store {
    /// This till's name: its label on the shop's server, if enrolled.
    async fn till_label(&self) -> Result<String, StoreError> {
        Ok(self
            .server_config()
            .await
            .ok()
            .flatten()
            .map(|config| config.label)
            .filter(|l| !l.trim().is_empty())
            .unwrap_or_else(|| THIS_TILL.to_owned()))
    }

    /// What this till took since its previous cash-up (or since the start
    /// of the shop's day), up to now.
    pub async fn cash_up_draft(&self) -> Result<CashUpDraft, StoreError> {
        let shop = self.require_shop().await?;
        // Stored to the millisecond: the cash-up's `at` reads back as is.
        let now = from_millis(to_millis(self.now()));
        let last: Option<CashUp> = match sqlx::query(&format!(
            "SELECT {COLUMNS} FROM cash_ups WHERE here = 1 ORDER BY at DESC, id DESC LIMIT 1"
        ))
        .fetch_optional(self.pool())
        .await?
        {
            Some(row) => Some(cash_ups::from_row(&row)?),
            None => None,
        };
        let offset = shop.country.utc_offset_hours();
        let (day_start, _) = LocalRange::day(local_today(now, offset)).utc_bounds(offset);
        let from = last.as_ref().map_or(day_start, |c| c.at);
        // A payment taken at the very millisecond of the previous cash-up
        // was counted by it; one at the day's first millisecond was not.
        let after = match &last {
            Some(c) => to_millis(c.at),
            None => to_millis(day_start) - 1,
        };
        let currency = shop.currency;
        // Payments for orders (a sale on credit brought no money), and
        // credit paid back.
        let rows = sqlx::query(
            "SELECT method, COUNT(*) AS n, COALESCE(SUM(amount_minor), 0) AS total
             FROM payments
             WHERE started_here = 1 AND state = 'succeeded'
               AND updated_at > ?1 AND updated_at <= ?2 AND currency = ?3
             GROUP BY method
             UNION ALL
             SELECT CASE method WHEN 'cash' THEN 'cash' ELSE 'mpesa_manual' END,
                    COUNT(*), COALESCE(SUM(amount_minor), 0)
             FROM credit_payments
             WHERE here = 1 AND at > ?1 AND at <= ?2 AND currency = ?3
             GROUP BY method",
        )
        .bind(after)
        .bind(to_millis(now))
        .bind(currency.code())
        .fetch_all(self.pool())
        .await?;
        // Cash given back from this drawer.
        let cash_refunds: i64 = sqlx::query_scalar(
            "SELECT COALESCE(SUM(amount_minor), 0) FROM refunds
             WHERE here = 1 AND method = 'cash' AND at > ?1 AND at <= ?2 AND currency = ?3",
        )
        .bind(after)
        .bind(to_millis(now))
        .bind(currency.code())
        .fetch_one(self.pool())
        .await?;
        let (mut payments, mut cash, mut mpesa) = (0u32, 0i64, 0i64);
        for row in rows {
            let method: String = row.try_get("method")?;
            let n: i64 = row.try_get("n")?;
            let total: i64 = row.try_get("total")?;
            match method.as_str() {
                "cash" => cash += total,
                "mpesa_manual" | "mpesa_daraja" | "mpesa_intasend" => mpesa += total,
                // Test-chat money is not money.
                _ => continue,
            }
            payments = payments.saturating_add(u32::try_from(n).unwrap_or(u32::MAX));
        }
        Ok(CashUpDraft {
            till: self.till_label().await?,
            from,
            to: now,
            payments,
            cash_sales: Money::from_minor(cash, currency),
            mpesa: Money::from_minor(mpesa, currency),
            cash_refunds: Money::from_minor(cash_refunds, currency),
            float: last.map_or(Money::zero(currency), |c| c.float),
        })
    }

    /// Records the drawer as counted by `by`: the period up to now, what
    /// it should hold, what was counted. Returns the cash-up.
    pub async fn record_cash_up(
        &self,
        input: &CashUpInput,
        by: &str,
    ) -> Result<CashUp, StoreError> {
        let shop = self.require_shop().await?;
        let valid = input.validate(shop.currency).map_err(StoreError::Invalid)?;
        let draft = self.cash_up_draft().await?;
        let cash_up = CashUp {
            id: CashUpId(uuid::Uuid::new_v4()),
            till: draft.till,
            from: draft.from,
            at: draft.to,
            payments: draft.payments,
            float: valid.float,
            cash_sales: draft.cash_sales,
            mpesa: draft.mpesa,
            cash_refunds: Some(draft.cash_refunds),
            counted: valid.counted,
            by: by.to_owned(),
            note: input.note.trim().to_owned(),
        };
        let mut tx = self.write_tx().await?;
        cash_ups::added(&mut tx, &cash_up).await?;
        tx.commit().await?;
        Ok(cash_up)
    }

    /// The shop's cash-ups from every till, newest first.
    pub async fn cash_ups(&self, limit: u32) -> Result<Vec<CashUp>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM cash_ups ORDER BY at DESC, id DESC LIMIT ?"
        ))
        .bind(i64::from(limit))
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(cash_ups::from_row).collect()
    }

    /// One cash-up.
    pub async fn cash_up(&self, id: CashUpId) -> Result<CashUp, StoreError> {
        let row = sqlx::query(&format!("SELECT {COLUMNS} FROM cash_ups WHERE id = ?"))
            .bind(id.to_string())
            .fetch_optional(self.pool())
            .await?
            .ok_or(StoreError::NotFound("The cash-up"))?;
        cash_ups::from_row(&row)
    }
}

#[cfg(test)]
mod tests;
