//! Customer erasure and correction.
//!
//! Erasure removes a customer's personal data: their name and phone, their
//! chats, and the personal parts of their orders (phone, name, delivery
//! address, note) and payments (the paying phone). The orders themselves
//! stay for the tax retention period, pointing at the customer's row, which
//! keeps only a pseudonym (`erased:<id>`). Their refunds stay too, their
//! reasons (staff's words, which may name the customer) replaced by
//! [`ERASED_REASON`]. The erased customer row travels
//! through the outbox, and every other till (and the hosted database, by
//! trigger) scrubs its own copies when it sees it. An erasure wins over any
//! later edit of the same customer.
//!
//! Pending outbox rows and refused changes that still carry the old data are
//! scrubbed in the same transaction, and the WAL is checkpointed afterwards,
//! so no copy of the phone number is left in the store file.

use dukadesk_domain::ipc::{CustomerEdit, CustomerSummary};
use dukadesk_domain::refund::ERASED_REASON;
use dukadesk_domain::words::Problem;
use dukadesk_domain::{Country, CustomerId, Msisdn};
use sqlx::SqliteConnection;

use super::audit::{self, Actor, AuditAction};
use crate::store::{to_millis, Store, StoreError};

/// Where an erasure came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErasureSource {
    /// The customer wrote DELETE ME and confirmed.
    Chat,
    /// Staff or the owner, from the Customers page.
    Staff,
    /// Another till's erasure, arrived by sync.
    Sync,
}

impl ErasureSource {
    fn as_str(self) -> &'static str {
        match self {
            ErasureSource::Chat => "chat",
            ErasureSource::Staff => "staff",
            ErasureSource::Sync => "sync",
        }
    }
}

/// What one erasure removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Erased {
    /// Orders kept with the customer pseudonymised.
    pub orders: i64,
    /// Chats removed.
    pub chats: i64,
}

/// The pseudonym an erased customer's phone column holds.
pub(crate) fn pseudonym(customer_id: &str) -> String {
    format!("erased:{customer_id}")
}

/// Erases the customer's personal data on this till, inside the caller's
/// transaction. Returns `None` when there is no such customer, and zero
/// counts when it was erased already.
pub(crate) async fn erase_here(
    tx: &mut SqliteConnection,
    customer_id: &str,
    at_ms: i64,
) -> Result<Option<Erased>, StoreError> {
    Ok(erase_rows(tx, customer_id, at_ms)
        .await?
        .map(|(erased, _)| erased))
}

/// [`erase_here`], also naming the orders it scrubbed.
async fn erase_rows(
    tx: &mut SqliteConnection,
    customer_id: &str,
    at_ms: i64,
) -> Result<Option<(Erased, Vec<String>)>, StoreError> {
    let row: Option<(String, Option<i64>)> =
        sqlx::query_as("SELECT phone, erased_at FROM customers WHERE id = ?")
            .bind(customer_id)
            .fetch_optional(&mut *tx)
            .await?;
    let Some((phone, erased_at)) = row else {
        return Ok(None);
    };
    if erased_at.is_some() {
        return Ok(Some((Erased::default(), Vec::new())));
    }
    let pseudonym = pseudonym(customer_id);

    // Chats: the conversations with this customer or at this phone, and
    // their messages (by cascade). Orders keep no link to a removed chat.
    let chats: Vec<String> = sqlx::query_scalar(
        "SELECT id FROM conversations WHERE customer_id = ?1 OR address = ?2 OR address LIKE ?2 || '@%'",
    )
    .bind(customer_id)
    .bind(&phone)
    .fetch_all(&mut *tx)
    .await?;
    for chat in &chats {
        sqlx::query("UPDATE orders SET conversation_id = NULL WHERE conversation_id = ?")
            .bind(chat)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM conversations WHERE id = ?")
            .bind(chat)
            .execute(&mut *tx)
            .await?;
    }

    // Orders stay (tax), without the personal parts.
    let orders: Vec<String> =
        sqlx::query_scalar("SELECT id FROM orders WHERE customer_id = ? OR customer_phone = ?")
            .bind(customer_id)
            .bind(&phone)
            .fetch_all(&mut *tx)
            .await?;
    for order in &orders {
        scrub_order(tx, order).await?;
    }
    sqlx::query("UPDATE payments SET phone = NULL WHERE phone = ?")
        .bind(&phone)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "UPDATE outbox SET payload = json_set(payload, '$.phone', NULL)
         WHERE entity = 'payment' AND json_extract(payload, '$.phone') = ?",
    )
    .bind(&phone)
    .execute(&mut *tx)
    .await?;

    // The customer row keeps its id (kept orders point at it) and nothing else.
    sqlx::query(
        "UPDATE customers SET phone = ?, name = NULL, language = 'en', opted_out = 1, erased_at = ?, updated_at = ?
         WHERE id = ?",
    )
    .bind(&pseudonym)
    .bind(at_ms)
    .bind(at_ms)
    .bind(customer_id)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "UPDATE outbox SET payload = json_set(payload, '$.phone', ?, '$.name', NULL)
         WHERE entity = 'customer' AND entity_id = ?",
    )
    .bind(&pseudonym)
    .bind(customer_id)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "UPDATE erasure_requests SET address = ?, customer_id = ? WHERE customer_id = ? OR address = ?",
    )
    .bind(&pseudonym)
    .bind(customer_id)
    .bind(customer_id)
    .bind(&phone)
    .execute(&mut *tx)
    .await?;
    // Changes the server refused are kept for staff to read; those that
    // carry this customer's data go.
    sqlx::query("DELETE FROM sync_rejects WHERE entity_id = ? OR instr(payload, ?) > 0")
        .bind(customer_id)
        .bind(&phone)
        .execute(&mut *tx)
        .await?;
    for order in &orders {
        sqlx::query("DELETE FROM sync_rejects WHERE entity_id = ?")
            .bind(order)
            .execute(&mut *tx)
            .await?;
    }
    Ok(Some((
        Erased {
            orders: orders.len() as i64,
            chats: chats.len() as i64,
        },
        orders,
    )))
}

/// Removes the personal parts of one order (and of its pending outbox rows,
/// of airtime sent to the customer's number, the reasons of its refunds,
/// and the name on its tax invoice).
pub(crate) async fn scrub_order(
    tx: &mut SqliteConnection,
    order_id: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE orders SET customer_phone = NULL, customer_phone_rev = NULL, customer_name = NULL,
           address = CASE WHEN address IS NULL THEN NULL ELSE '' END, note = ''
         WHERE id = ?",
    )
    .bind(order_id)
    .execute(&mut *tx)
    .await?;
    sqlx::query("UPDATE payments SET phone = NULL WHERE order_id = ? AND phone IS NOT NULL")
        .bind(order_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "UPDATE outbox SET payload = json_set(payload, '$.phone', NULL)
         WHERE entity = 'payment' AND json_extract(payload, '$.order_id') = ?",
    )
    .bind(order_id)
    .execute(&mut *tx)
    .await?;
    // A refund's reason is what staff typed, and may name the customer.
    sqlx::query("UPDATE refunds SET reason = ? WHERE order_id = ?")
        .bind(ERASED_REASON)
        .bind(order_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "UPDATE outbox SET payload = json_set(payload, '$.reason', ?)
         WHERE entity = 'refund' AND json_extract(payload, '$.order_id') = ?",
    )
    .bind(ERASED_REASON)
    .bind(order_id)
    .execute(&mut *tx)
    .await?;
    sqlx::query("UPDATE digital_sends SET recipient = '' WHERE order_id = ?")
        .bind(order_id)
        .execute(&mut *tx)
        .await?;
    // A tax invoice keeps what KRA signed (figures, numbers, a business
    // buyer's PIN), not the customer's name.
    sqlx::query("UPDATE tax_invoices SET customer_name = NULL WHERE order_id = ?")
        .bind(order_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "UPDATE outbox SET payload = CASE
             WHEN json_type(payload, '$.fulfilment.Delivery') IS NOT NULL
             THEN json_set(payload, '$.customer_phone', NULL, '$.customer_name', NULL, '$.note', '',
                           '$.fulfilment.Delivery.address', '')
             ELSE json_set(payload, '$.customer_phone', NULL, '$.customer_name', NULL, '$.note', '')
           END
         WHERE entity = 'order' AND entity_id = ?",
    )
    .bind(order_id)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

impl Store {
    /// Erases a customer's personal data (see the module docs), records it
    /// in the audit log, and sends the erasure to the other tills.
    pub async fn erase_customer(
        &self,
        customer_id: CustomerId,
        actor: &Actor,
        source: ErasureSource,
    ) -> Result<Erased, StoreError> {
        let id = customer_id.to_string();
        let now = self.now();
        let at = to_millis(now);
        let mut tx = self.write_tx().await?;
        // Their number before it is scrubbed (a pulled erasure has none).
        let phone: Option<String> =
            sqlx::query_scalar("SELECT phone FROM customers WHERE id = ? AND erased_at IS NULL")
                .bind(&id)
                .fetch_optional(&mut *tx)
                .await?;
        let (erased, orders) = erase_rows(&mut tx, &id, at)
            .await?
            .ok_or_else(|| StoreError::NotFound("The customer"))?;
        crate::records::customers::changed(&mut tx, &id, now).await?;
        // A reseller with the customer's number is the same person.
        if let Some(phone) = &phone {
            crate::resellers::erase_with_phone_in(&mut tx, phone, actor, now).await?;
        }
        // The scrubbed orders and payments travel too (the other tills and
        // the server scrub them by rule as well when the erasure lands).
        for order in &orders {
            crate::records::orders::scrubbed(&mut tx, order, now).await?;
        }
        sqlx::query(
            "UPDATE erasure_requests SET done_at = ? WHERE customer_id = ? AND done_at IS NULL",
        )
        .bind(at)
        .bind(&id)
        .execute(&mut *tx)
        .await?;
        audit::record(
            &mut tx,
            at,
            actor,
            AuditAction::CustomerErase,
            Some(&id),
            &format!(
                "from {}: {} orders kept without personal data, {} chats removed",
                source.as_str(),
                erased.orders,
                erased.chats
            ),
        )
        .await?;
        tx.commit().await?;
        self.checkpoint().await;
        tracing::info!(customer = %id, orders = erased.orders, chats = erased.chats, "customer erased");
        Ok(erased)
    }

    /// Carries out DELETE ME requests from chat once the bot's reply to the
    /// customer has gone out (a request older than an hour is carried out
    /// regardless). Returns how many were carried out.
    pub async fn run_erasure_requests(&self) -> Result<usize, StoreError> {
        let cutoff = to_millis(self.now()) - 3_600_000;
        let due: Vec<(String, Option<String>, String)> = sqlx::query_as(
            "SELECT r.id, r.customer_id, r.address FROM erasure_requests r
             WHERE r.done_at IS NULL
               AND (r.requested_at < ?1 OR NOT EXISTS (
                     SELECT 1 FROM messages m JOIN conversations c ON c.id = m.conversation_id
                     WHERE c.address = r.address AND m.status = 'queued'))",
        )
        .bind(cutoff)
        .fetch_all(self.pool())
        .await?;
        let mut done = 0;
        for (request, customer, address) in due {
            let customer = match customer {
                Some(c) => Some(c),
                None => sqlx::query_scalar(
                    "SELECT customer_id FROM conversations WHERE address = ? AND customer_id IS NOT NULL",
                )
                .bind(&address)
                .fetch_optional(self.pool())
                .await?,
            };
            match customer.and_then(|c| uuid::Uuid::parse_str(&c).ok()) {
                Some(c) => {
                    self.erase_customer(CustomerId(c), &Actor::Customer, ErasureSource::Chat)
                        .await?;
                }
                None => {
                    // No customer row: the chat alone is theirs.
                    let mut tx = self.write_tx().await?;
                    let at = to_millis(self.now());
                    sqlx::query(
                        "UPDATE orders SET conversation_id = NULL
                         WHERE conversation_id IN (SELECT id FROM conversations WHERE address = ?)",
                    )
                    .bind(&address)
                    .execute(&mut *tx)
                    .await?;
                    sqlx::query("DELETE FROM conversations WHERE address = ?")
                        .bind(&address)
                        .execute(&mut *tx)
                        .await?;
                    sqlx::query(
                        "UPDATE erasure_requests SET address = ?, done_at = ? WHERE id = ?",
                    )
                    .bind(pseudonym(&request))
                    .bind(at)
                    .bind(&request)
                    .execute(&mut *tx)
                    .await?;
                    audit::record(
                        &mut tx,
                        at,
                        &Actor::Customer,
                        AuditAction::CustomerErase,
                        None,
                        "from chat: the chat removed (no customer record)",
                    )
                    .await?;
                    tx.commit().await?;
                    self.checkpoint().await;
                }
            }
            done += 1;
        }
        Ok(done)
    }

    /// Corrects a customer's name or phone (the right to correction); the
    /// change reaches the other tills.
    pub async fn correct_customer(
        &self,
        edit: &CustomerEdit,
        country: Country,
        actor: &Actor,
    ) -> Result<CustomerSummary, StoreError> {
        let id = edit.id.to_string();
        let phone =
            Msisdn::parse(&edit.phone, country).map_err(|e| StoreError::said("phone", &e))?;
        let name = edit.name.trim();
        if name.chars().count() > 100 {
            return Err(StoreError::said("name", &Problem::TooLong(100)));
        }
        let name = (!name.is_empty()).then_some(name);
        let now = self.now();
        let at = to_millis(now);
        let mut tx = self.write_tx().await?;
        let current: Option<(String, Option<String>, Option<i64>)> =
            sqlx::query_as("SELECT phone, name, erased_at FROM customers WHERE id = ?")
                .bind(&id)
                .fetch_optional(&mut *tx)
                .await?;
        let Some((old_phone, old_name, erased_at)) = current else {
            return Err(StoreError::NotFound("The customer"));
        };
        if erased_at.is_some() {
            return Err(StoreError::Stale(
                "This customer's data was erased; there is nothing to correct.".into(),
            ));
        }
        let taken: Option<String> =
            sqlx::query_scalar("SELECT id FROM customers WHERE phone = ? AND id != ?")
                .bind(phone.as_str())
                .bind(&id)
                .fetch_optional(&mut *tx)
                .await?;
        if taken.is_some() {
            return Err(StoreError::said("phone", &Problem::PhoneTaken));
        }
        sqlx::query("UPDATE customers SET phone = ?, name = ?, updated_at = ? WHERE id = ?")
            .bind(phone.as_str())
            .bind(name)
            .bind(at)
            .bind(&id)
            .execute(&mut *tx)
            .await?;
        crate::records::customers::changed(&mut tx, &id, now).await?;
        let mut changed = Vec::new();
        if old_phone != phone.as_str() {
            changed.push("phone");
        }
        if old_name.as_deref() != name {
            changed.push("name");
        }
        audit::record(
            &mut tx,
            at,
            actor,
            AuditAction::CustomerCorrect,
            Some(&id),
            &if changed.is_empty() {
                "nothing changed".to_owned()
            } else {
                format!("changed: {}", changed.join(", "))
            },
        )
        .await?;
        tx.commit().await?;
        self.customer(edit.id).await
    }

    /// One customer, as the Customers page shows them.
    pub async fn customer(&self, id: CustomerId) -> Result<CustomerSummary, StoreError> {
        let row = sqlx::query_as::<_, SummaryRow>(&format!("{SUMMARY_SELECT} WHERE c.id = ?"))
            .bind(id.to_string())
            .fetch_optional(self.pool())
            .await?
            .ok_or_else(|| StoreError::NotFound("The customer"))?;
        Ok(row.into_summary())
    }

    /// Customers, newest activity first, optionally matching a name or
    /// phone digits. Erased customers are not listed.
    pub async fn list_customers(
        &self,
        search: &str,
        limit: i64,
    ) -> Result<Vec<CustomerSummary>, StoreError> {
        let search = search.trim();
        let digits: String = search.chars().filter(char::is_ascii_digit).collect();
        let digits = digits.trim_start_matches('0');
        let rows = sqlx::query_as::<_, SummaryRow>(&format!(
            "{SUMMARY_SELECT}
             WHERE c.erased_at IS NULL
               AND (?1 = '' OR c.name LIKE '%' || ?1 || '%' OR (?2 != '' AND c.phone LIKE '%' || ?2 || '%'))
             ORDER BY last_order_at IS NULL, last_order_at DESC, c.updated_at DESC
             LIMIT ?3"
        ))
        .bind(search)
        .bind(digits)
        .bind(limit)
        .fetch_all(self.pool())
        .await?;
        Ok(rows.into_iter().map(SummaryRow::into_summary).collect())
    }
}

const SUMMARY_SELECT: &str = "SELECT c.id, c.phone, c.name, c.opted_out, c.erased_at,
        (SELECT COUNT(*) FROM orders o WHERE o.customer_id = c.id) AS orders,
        (SELECT MAX(created_at) FROM orders o WHERE o.customer_id = c.id) AS last_order_at
     FROM customers c";

#[derive(sqlx::FromRow)]
struct SummaryRow {
    id: String,
    phone: String,
    name: Option<String>,
    opted_out: i64,
    erased_at: Option<i64>,
    orders: i64,
    last_order_at: Option<i64>,
}

impl SummaryRow {
    fn into_summary(self) -> CustomerSummary {
        let erased = self.erased_at.is_some();
        let phone = (!erased).then(|| {
            Msisdn::parse(&self.phone, Country::Kenya)
                .map(|m| m.national())
                .unwrap_or(self.phone)
        });
        CustomerSummary {
            id: uuid::Uuid::parse_str(&self.id)
                .map(CustomerId)
                .unwrap_or(CustomerId(uuid::Uuid::nil())),
            phone,
            name: self.name,
            opted_out: self.opted_out != 0,
            erased,
            orders: self.orders,
            last_order_at: self
                .last_order_at
                .and_then(chrono::DateTime::from_timestamp_millis),
        }
    }
}
