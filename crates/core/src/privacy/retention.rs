//! Retention: what the shop keeps, and for how long.
//!
//! - Chats: 12 months after their last message.
//! - Orders (and their lines, history and payments with M-Pesa receipt
//!   codes): the tax retention period, 7 years by default, configurable.
//! - Credentials of a disconnected service: gone within 24 hours (the job
//!   runs at start and every hour; disconnecting deletes them at once, this
//!   is the safety net).
//! - DELETE ME requests from chat are carried out here too.
//!
//! Each run writes one audit line per kind of data it removed.

use chrono::{DateTime, Months, Utc};
use serde::{Deserialize, Serialize};

use super::audit::{self, Actor, AuditAction};
use crate::settings::put_setting;
use crate::store::{to_millis, Store, StoreError};
use dukadesk_domain::words::Problem;

const ORDER_YEARS: &str = "retention.order_years";
const LAST_RUN: &str = "retention.last_run";

/// Chats are kept this long after their last message.
pub const CHAT_MONTHS: u32 = 12;
/// Orders are kept this long unless the owner sets otherwise.
pub const DEFAULT_ORDER_YEARS: u32 = 7;
/// The shortest order retention the app accepts (tax records).
pub const MIN_ORDER_YEARS: u32 = 5;
/// The longest.
pub const MAX_ORDER_YEARS: u32 = 30;

/// The moment before which orders are past an `years`-year retention at
/// `now`: `years` calendar years back (a 29 February start lands on 28
/// February). An order goes when its `created_at` is before this, whatever
/// its status. The same rule decides on the tills (`Store::run_retention`)
/// and on the hosted database (`dukadesk-server purge`).
pub fn order_cutoff(now: DateTime<Utc>, years: u32) -> DateTime<Utc> {
    now.checked_sub_months(Months::new(12 * years))
        .unwrap_or(now)
}

/// Whether `years` is an order retention the app accepts.
pub fn valid_order_years(years: u32) -> bool {
    (MIN_ORDER_YEARS..=MAX_ORDER_YEARS).contains(&years)
}

/// Credentials kept in the vault for a service, and the setting whose
/// absence means the service was disconnected.
const SERVICE_SECRETS: &[(&str, &str)] = &[("sync.password", "sync.config")];

/// What one run removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetentionRun {
    /// Chats older than the chat retention.
    pub chats: u64,
    /// Orders older than the order retention.
    pub orders: u64,
    /// Credentials of disconnected services.
    pub credentials: u64,
    /// DELETE ME requests carried out.
    pub erasures: u64,
}

impl Store {
    /// How many years orders are kept.
    pub async fn order_retention_years(&self) -> Result<u32, StoreError> {
        Ok(self
            .setting(ORDER_YEARS)
            .await?
            .and_then(|v| v.parse().ok())
            .unwrap_or(DEFAULT_ORDER_YEARS))
    }

    /// Sets how many years orders are kept.
    pub async fn set_order_retention_years(
        &self,
        years: u32,
        actor: &Actor,
    ) -> Result<(), StoreError> {
        if !valid_order_years(years) {
            return Err(StoreError::said(
                "order_years",
                &Problem::OrderYears {
                    min: MIN_ORDER_YEARS,
                    max: MAX_ORDER_YEARS,
                },
            ));
        }
        let at = to_millis(self.now());
        let mut tx = self.write_tx().await?;
        put_setting(&mut tx, ORDER_YEARS, &years.to_string()).await?;
        audit::record(
            &mut tx,
            at,
            actor,
            AuditAction::RetentionPolicy,
            None,
            &format!("orders kept {years} years"),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// When the retention job last ran.
    pub async fn retention_last_run(&self) -> Result<Option<DateTime<Utc>>, StoreError> {
        Ok(self
            .setting(LAST_RUN)
            .await?
            .and_then(|v| v.parse().ok())
            .and_then(DateTime::from_timestamp_millis))
    }

    /// Removes what is past its retention (see the module docs).
    pub async fn run_retention(&self) -> Result<RetentionRun, StoreError> {
        let erasures = self.run_erasure_requests().await? as u64;
        let now = self.now();
        let at = to_millis(now);
        let years = self.order_retention_years().await?;
        let chat_cutoff = to_millis(
            now.checked_sub_months(Months::new(CHAT_MONTHS))
                .unwrap_or(now),
        );
        let order_cutoff = to_millis(order_cutoff(now, years));

        let mut tx = self.write_tx().await?;
        let system = Actor::System;
        sqlx::query(
            "UPDATE orders SET conversation_id = NULL WHERE conversation_id IN
               (SELECT id FROM conversations WHERE last_message_at < ?)",
        )
        .bind(chat_cutoff)
        .execute(&mut *tx)
        .await?;
        let chats = sqlx::query("DELETE FROM conversations WHERE last_message_at < ?")
            .bind(chat_cutoff)
            .execute(&mut *tx)
            .await?
            .rows_affected();

        let old = "SELECT id FROM orders WHERE created_at < ?";
        for table in ["payments", "refunds", "digital_sends"] {
            sqlx::query(&format!("DELETE FROM {table} WHERE order_id IN ({old})"))
                .bind(order_cutoff)
                .execute(&mut *tx)
                .await?;
        }
        // Lines and history go with their order (ON DELETE CASCADE).
        let orders = sqlx::query("DELETE FROM orders WHERE created_at < ?")
            .bind(order_cutoff)
            .execute(&mut *tx)
            .await?
            .rows_affected();

        let mut credentials = 0;
        for (secret, connected) in SERVICE_SECRETS {
            credentials += sqlx::query(
                "DELETE FROM secrets WHERE name = ?
                   AND NOT EXISTS (SELECT 1 FROM settings WHERE key = ?)",
            )
            .bind(secret)
            .bind(connected)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        }

        for (action, n, what) in [
            (
                AuditAction::RetentionChats,
                chats,
                format!("chats with no message for {CHAT_MONTHS} months"),
            ),
            (
                AuditAction::RetentionOrders,
                orders,
                format!("orders older than {years} years"),
            ),
            (
                AuditAction::RetentionTokens,
                credentials,
                "credentials of disconnected services".to_owned(),
            ),
        ] {
            if n > 0 {
                audit::record(
                    &mut tx,
                    at,
                    &system,
                    action,
                    None,
                    &format!("removed {n} {what}"),
                )
                .await?;
            }
        }
        put_setting(&mut tx, LAST_RUN, &at.to_string()).await?;
        tx.commit().await?;
        if chats + orders + credentials > 0 {
            self.checkpoint().await;
        }
        let run = RetentionRun {
            chats,
            orders,
            credentials,
            erasures,
        };
        tracing::info!(?run, "retention job ran");
        Ok(run)
    }
}

/// Runs the retention job now and then every hour, and carries out DELETE
/// ME requests every minute, until the task is dropped.
pub async fn run_forever(store: Store) {
    let mut minute = 0u32;
    loop {
        let result = if minute % 60 == 0 {
            store.run_retention().await.map(|_| ())
        } else {
            store.run_erasure_requests().await.map(|_| ())
        };
        if let Err(e) = result {
            tracing::warn!(error = %e, "the retention job failed; it runs again shortly");
        }
        minute = minute.wrapping_add(1);
        tokio::time::sleep(std::time::Duration::from_secs(60)).await;
    }
}
