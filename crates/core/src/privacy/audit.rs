//! The audit log: who did which privacy action, and when. Subjects are ids
//! (a customer id, a device id), never a phone number or a name, so the log
//! itself holds nothing an erasure would have to remove.

use serde::{Deserialize, Serialize};
use sqlx::SqliteConnection;

use crate::{Store, StoreError};

/// Who did something.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    /// The shop's owner, signed in with the owner password.
    Owner,
    /// A member of staff, by their staff id.
    Staff(String),
    /// The customer themselves (DELETE ME in chat, STOP).
    Customer,
    /// The app on its own (the retention job).
    System,
    /// Another till of the shop, by device id (changes that arrived by sync).
    Till(String),
}

impl Actor {
    /// The form stored in `audit_log.actor` and `order_events.actor`.
    pub fn as_stored(&self) -> String {
        match self {
            Actor::Owner => "owner".into(),
            Actor::Staff(id) => format!("staff:{id}"),
            Actor::Customer => "customer".into(),
            Actor::System => "system".into(),
            Actor::Till(device) => format!("till:{device}"),
        }
    }
}

/// One line of the audit log, as the app shows and exports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, sqlx::FromRow)]
pub struct AuditEntry {
    pub seq: i64,
    /// Unix milliseconds.
    pub at: i64,
    pub actor: String,
    pub action: String,
    pub subject: Option<String>,
    pub detail: String,
}

/// Records one action inside the caller's transaction, so the action and its
/// audit line are written together or not at all.
pub async fn record(
    conn: &mut SqliteConnection,
    at_ms: i64,
    actor: &Actor,
    action: &str,
    subject: Option<&str>,
    detail: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)",
    )
    .bind(at_ms)
    .bind(actor.as_stored())
    .bind(action)
    .bind(subject)
    .bind(detail)
    .execute(conn)
    .await?;
    Ok(())
}

impl Store {
    /// Records one action in a transaction of its own.
    pub async fn audit(
        &self,
        actor: &Actor,
        action: &str,
        subject: Option<&str>,
        detail: &str,
    ) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        record(
            &mut tx,
            self.now().timestamp_millis(),
            actor,
            action,
            subject,
            detail,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The newest `limit` lines of the audit log, newest first.
    pub async fn audit_log(&self, limit: i64) -> Result<Vec<AuditEntry>, StoreError> {
        Ok(sqlx::query_as::<_, AuditEntry>(
            "SELECT seq, at, actor, action, subject, detail FROM audit_log ORDER BY seq DESC LIMIT ?",
        )
        .bind(limit)
        .fetch_all(self.pool())
        .await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::testing::shop_store;

    #[tokio::test]
    async fn actions_are_listed_newest_first_with_who_did_them() {
        let (_dir, store) = shop_store().await;
        store
            .audit(&Actor::Owner, "export.shop", None, "12 files")
            .await
            .unwrap();
        store
            .audit(
                &Actor::Staff("s1".into()),
                "customer.correct",
                Some("c1"),
                "name",
            )
            .await
            .unwrap();
        let log = store.audit_log(10).await.unwrap();
        assert_eq!(log.len(), 2);
        assert_eq!(log[0].actor, "staff:s1");
        assert_eq!(log[0].subject.as_deref(), Some("c1"));
        assert_eq!(log[1].actor, "owner");
        assert_eq!(log[1].action, "export.shop");
        assert_eq!(store.audit_log(1).await.unwrap().len(), 1);
    }
}
