//! The audit log: who did which privacy or accountable action (an owner
//! password, staff, an export, a tax invoice issued again), and when. Subjects are ids
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

/// What was done: the action names stored in `audit_log.action`, and the
/// words the app shows for them. Every writer names its action through this
/// type, so a new action cannot be stored without its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AuditAction {
    /// Staff or the customer erased a customer's personal data.
    CustomerErase,
    /// Staff corrected a customer's name or number.
    CustomerCorrect,
    /// The whole shop was exported.
    ExportShop,
    /// One customer's data was exported.
    ExportCustomer,
    /// The till left the hosted backend.
    DisconnectHosted,
    /// WhatsApp was unlinked.
    DisconnectWhatsApp,
    /// Retention removed old chats.
    RetentionChats,
    /// Retention removed old orders.
    RetentionOrders,
    /// Retention removed credentials of services no longer connected.
    RetentionTokens,
    /// The owner changed how long orders are kept.
    RetentionPolicy,
    /// The first owner password was set.
    OwnerPasswordSet,
    /// The owner password was changed.
    OwnerPasswordChanged,
    /// A member of staff was added.
    StaffAdded,
    /// A member of staff was renamed or given a new PIN.
    StaffChanged,
    /// A member of staff was removed.
    StaffRemoved,
    /// A wrong PIN or password was typed.
    SignInFailed,
    /// Sign-in paused after wrong tries.
    SignInLocked,
    /// A sale's tax invoice was given the buyer's KRA PIN (credited and
    /// issued again once signed).
    InvoiceReissued,
    /// A reseller's name, number and code erased.
    ResellerErase,
}

impl AuditAction {
    /// Every action, for lookups and tests.
    pub const ALL: &'static [AuditAction] = &[
        AuditAction::CustomerErase,
        AuditAction::CustomerCorrect,
        AuditAction::ExportShop,
        AuditAction::ExportCustomer,
        AuditAction::DisconnectHosted,
        AuditAction::DisconnectWhatsApp,
        AuditAction::RetentionChats,
        AuditAction::RetentionOrders,
        AuditAction::RetentionTokens,
        AuditAction::RetentionPolicy,
        AuditAction::OwnerPasswordSet,
        AuditAction::OwnerPasswordChanged,
        AuditAction::StaffAdded,
        AuditAction::StaffChanged,
        AuditAction::StaffRemoved,
        AuditAction::SignInFailed,
        AuditAction::SignInLocked,
        AuditAction::InvoiceReissued,
        AuditAction::ResellerErase,
    ];

    /// The name stored in `audit_log.action` (and exported).
    pub fn as_str(self) -> &'static str {
        match self {
            AuditAction::CustomerErase => "customer.erase",
            AuditAction::CustomerCorrect => "customer.correct",
            AuditAction::ExportShop => "export.shop",
            AuditAction::ExportCustomer => "export.customer",
            AuditAction::DisconnectHosted => "disconnect.hosted",
            AuditAction::DisconnectWhatsApp => "disconnect.whatsapp",
            AuditAction::RetentionChats => "retention.chats",
            AuditAction::RetentionOrders => "retention.orders",
            AuditAction::RetentionTokens => "retention.tokens",
            AuditAction::RetentionPolicy => "retention.policy",
            AuditAction::OwnerPasswordSet => "owner.password_set",
            AuditAction::OwnerPasswordChanged => "owner.password_changed",
            AuditAction::StaffAdded => "staff.added",
            AuditAction::StaffChanged => "staff.changed",
            AuditAction::StaffRemoved => "staff.removed",
            AuditAction::SignInFailed => "signin.failed",
            AuditAction::SignInLocked => "signin.locked",
            AuditAction::InvoiceReissued => "tax.invoice_reissued",
            AuditAction::ResellerErase => "reseller.erase",
        }
    }

    /// The action a stored name stands for, if this build knows it.
    pub fn parse(stored: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|a| a.as_str() == stored)
    }

    /// What the action is, in the words Settings -> Privacy shows.
    pub fn describe(self) -> &'static str {
        match self {
            AuditAction::CustomerErase => "Customer erased",
            AuditAction::CustomerCorrect => "Customer corrected",
            AuditAction::ExportShop => "Shop exported",
            AuditAction::ExportCustomer => "Customer's data exported",
            AuditAction::DisconnectHosted => "Left the hosted backend",
            AuditAction::DisconnectWhatsApp => "WhatsApp unlinked",
            AuditAction::RetentionChats => "Old chats removed",
            AuditAction::RetentionOrders => "Old orders removed",
            AuditAction::RetentionTokens => "Old credentials removed",
            AuditAction::RetentionPolicy => "Retention changed",
            AuditAction::OwnerPasswordSet => "Owner password set",
            AuditAction::OwnerPasswordChanged => "Owner password changed",
            AuditAction::StaffAdded => "Staff added",
            AuditAction::StaffChanged => "Staff changed",
            AuditAction::StaffRemoved => "Staff removed",
            AuditAction::SignInFailed => "Wrong PIN or password",
            AuditAction::SignInLocked => "Sign-in paused after wrong tries",
            AuditAction::InvoiceReissued => "Tax invoice given a buyer's PIN",
            AuditAction::ResellerErase => "Reseller erased",
        }
    }

    /// The words for a stored action name; a name this build does not know
    /// (written by a newer version) is shown as it is.
    pub fn describe_stored(stored: &str) -> &str {
        match Self::parse(stored) {
            Some(action) => action.describe(),
            None => stored,
        }
    }
}

impl std::fmt::Display for AuditAction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
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
    action: AuditAction,
    subject: Option<&str>,
    detail: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)",
    )
    .bind(at_ms)
    .bind(actor.as_stored())
    .bind(action.as_str())
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
        action: AuditAction,
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
            .audit(&Actor::Owner, AuditAction::ExportShop, None, "12 files")
            .await
            .unwrap();
        store
            .audit(
                &Actor::Staff("s1".into()),
                AuditAction::CustomerCorrect,
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

    #[test]
    fn every_action_has_one_stored_name_and_words() {
        let mut names = std::collections::HashSet::new();
        for &action in AuditAction::ALL {
            assert!(names.insert(action.as_str()), "{action} named twice");
            assert_eq!(AuditAction::parse(action.as_str()), Some(action));
            assert_ne!(action.describe(), action.as_str());
        }
        assert_eq!(
            AuditAction::describe_stored("disconnect.hosted"),
            "Left the hosted backend"
        );
        assert_eq!(
            AuditAction::describe_stored("signin.locked"),
            "Sign-in paused after wrong tries"
        );
        // A name from a newer version is shown as it is.
        assert_eq!(AuditAction::describe_stored("future.thing"), "future.thing");
    }
}
