//! Resellers: the owner's list with each one's figures, the chat that
//! carries a reseller's code (attribution), the crediting of its orders,
//! payouts, and a reseller asking the bot for their own figures.
//!
//! A credit's state is read from its order every time: earned once the
//! order is paid, payable [`HOLD_DAYS`] after, and nothing if the order was
//! cancelled, so a cancellation reverses the commission without a write.
//! A refund of part of an order takes the same part of its commission
//! ([`earned_sql`]); a refund of all of it, all.

use crate::records::resellers::{self as rec, RESELLER_COLUMNS};
use crate::store::{new_id, to_millis, Store, StoreError};
use chrono::{DateTime, Duration, Utc};
use dukadesk_domain::ipc::{ChatChannel, ResellerView};
use dukadesk_domain::order::Order;
use dukadesk_domain::resellers::{
    self as domain, AppliesTo, Payout, PayoutInput, Reseller, ResellerCredit, ResellerInput,
    ResellerTotals, ATTRIBUTION_DAYS, HOLD_DAYS,
};
use dukadesk_domain::words::Problem;
use dukadesk_domain::{CategoryId, ConversationId, Currency, Money, Msisdn, ResellerId};
use sqlx::SqliteConnection;

/// The commission a credit `c` of order `o` still earns: its share of what
/// the order kept after refunds (rounded down; nothing once all of it went
/// back).
pub(crate) fn earned_sql() -> String {
    format!(
        "(CASE WHEN o.total_minor > 0
               THEN c.commission_minor * {} / o.total_minor
               ELSE c.commission_minor END)",
        kept_sql("total_minor")
    )
}

/// What order `o` kept of `column` after refunds (what went back read by
/// the order's key, `refunds_order`).
pub(crate) fn kept_sql(column: &str) -> String {
    format!(
        "MAX(o.{column} - (SELECT COALESCE(SUM(r.amount_minor), 0) FROM refunds r
                           WHERE r.order_id = o.id), 0)"
    )
}

/// A reseller's figures as they stand at `now`.
pub(crate) async fn totals_in(
    conn: &mut SqliteConnection,
    id: ResellerId,
    currency: Currency,
    now: DateTime<Utc>,
) -> Result<ResellerTotals, StoreError> {
    let held_since = to_millis(now - Duration::days(HOLD_DAYS));
    let (orders, sales, pending, earned): (i64, i64, i64, i64) = sqlx::query_as(&format!(
        "SELECT COUNT(o.id),
                COALESCE(SUM({kept}), 0),
                COALESCE(SUM(CASE WHEN c.at > ?1 THEN {earned} ELSE 0 END), 0),
                COALESCE(SUM(CASE WHEN c.at <= ?1 THEN {earned} ELSE 0 END), 0)
         FROM reseller_credits c JOIN orders o ON o.id = c.id
         WHERE c.reseller_id = ?2 AND {paid}",
        kept = kept_sql("subtotal_minor"),
        earned = earned_sql(),
        paid = crate::orders::paid_sql("o")
    ))
    .bind(held_since)
    .bind(id.to_string())
    .fetch_one(&mut *conn)
    .await?;
    let paid: i64 = sqlx::query_scalar(
        "SELECT COALESCE(SUM(amount_minor), 0) FROM reseller_payouts WHERE reseller_id = ?",
    )
    .bind(id.to_string())
    .fetch_one(&mut *conn)
    .await?;
    let money = |minor| Money::from_minor(minor, currency);
    Ok(ResellerTotals {
        orders,
        sales: money(sales),
        pending: money(pending),
        payable: money(earned - paid),
        paid: money(paid),
    })
}

/// Erases `reseller` in the caller's transaction (with its outbox row and
/// an audit line naming it by id only); `how` says where the request came
/// from.
pub(crate) async fn erase_in(
    tx: &mut SqliteConnection,
    reseller: &Reseller,
    actor: &crate::privacy::audit::Actor,
    how: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    rec::write(tx, &reseller.erased(), now).await?;
    // Chats no longer lead to them.
    sqlx::query(
        "UPDATE conversations SET reseller_id = NULL, reseller_at = NULL WHERE reseller_id = ?",
    )
    .bind(reseller.id.to_string())
    .execute(&mut *tx)
    .await?;
    crate::privacy::audit::record(
        tx,
        to_millis(now),
        actor,
        crate::privacy::audit::AuditAction::ResellerErase,
        Some(&reseller.id.to_string()),
        &format!("{how}: name, number and code removed; credits and payouts kept"),
    )
    .await
}

/// Resellers registered with `phone`, erased with the customer who asked
/// for it (the same person).
pub(crate) async fn erase_with_phone_in(
    tx: &mut SqliteConnection,
    phone: &str,
    actor: &crate::privacy::audit::Actor,
    now: DateTime<Utc>,
) -> Result<usize, StoreError> {
    let rows = sqlx::query(&format!(
        "SELECT {RESELLER_COLUMNS} FROM resellers WHERE phone = ? AND erased = 0"
    ))
    .bind(phone)
    .fetch_all(&mut *tx)
    .await?;
    for row in &rows {
        let reseller = rec::reseller_of(row)?;
        erase_in(
            tx,
            &reseller,
            actor,
            "with the customer of the same number",
            now,
        )
        .await?;
    }
    Ok(rows.len())
}

/// Active resellers' codes.
async fn active_codes(conn: &mut SqliteConnection) -> Result<Vec<String>, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT code FROM resellers WHERE active = 1 ORDER BY updated_at")
            .fetch_all(&mut *conn)
            .await?,
    )
}

/// The name of the category or item a rule covers (`None`: everything,
/// or one no longer in the catalogue).
async fn goods_name_in(
    conn: &mut SqliteConnection,
    applies_to: AppliesTo,
) -> Result<Option<String>, StoreError> {
    let (sql, id) = match applies_to {
        AppliesTo::Everything => return Ok(None),
        AppliesTo::Category(c) => ("SELECT name FROM categories WHERE id = ?", c.to_string()),
        AppliesTo::Item(i) => ("SELECT name FROM items WHERE id = ?", i.to_string()),
    };
    Ok(sqlx::query_scalar(sql)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?)
}

/// A reseller's rule as the owner reads it: "5%", "KES 10 a unit on
/// Data bundles".
async fn describe_in(conn: &mut SqliteConnection, r: &Reseller) -> Result<String, StoreError> {
    let rule = r.rule.describe();
    Ok(
        match (r.applies_to, goods_name_in(conn, r.applies_to).await?) {
            (AppliesTo::Everything, _) => rule,
            (_, Some(name)) => format!("{rule} on {name}"),
            (_, None) => format!("{rule} on goods no longer sold"),
        },
    )
}

/// A customer's message may carry a reseller's code (their shop link, or
/// typed): the chat remembers whose it is and when. Returns the text the
/// bot should read (without the code), when one was found.
pub(crate) async fn attribute_in(
    tx: &mut SqliteConnection,
    conversation: ConversationId,
    text: &str,
    now: DateTime<Utc>,
) -> Result<Option<String>, StoreError> {
    let codes = active_codes(tx).await?;
    let Some(code) = domain::code_in(text, &codes) else {
        return Ok(None);
    };
    // The oldest reseller with the code keeps it (two tills may have given
    // the same code offline).
    let reseller: String = sqlx::query_scalar(
        "SELECT id FROM resellers WHERE code = ? AND active = 1 ORDER BY updated_at, id LIMIT 1",
    )
    .bind(code)
    .fetch_one(&mut *tx)
    .await?;
    sqlx::query("UPDATE conversations SET reseller_id = ?, reseller_at = ? WHERE id = ?")
        .bind(reseller)
        .bind(to_millis(now))
        .bind(conversation.to_string())
        .execute(&mut *tx)
        .await?;
    Ok(Some(domain::without_code(text, code)))
}

/// Credits a chat order to the reseller whose code its chat carried in the
/// last [`ATTRIBUTION_DAYS`] (never to the reseller buying for
/// themselves), with the commission their rule gives now.
pub(crate) async fn credit_order_in(
    tx: &mut SqliteConnection,
    conversation: ConversationId,
    order: &Order,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let since = to_millis(now - Duration::days(ATTRIBUTION_DAYS));
    let row = sqlx::query(&format!(
        "SELECT {RESELLER_COLUMNS} FROM resellers
         WHERE active = 1 AND id = (SELECT reseller_id FROM conversations
                                    WHERE id = ? AND reseller_at >= ?)"
    ))
    .bind(conversation.to_string())
    .bind(since)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(row) = row else {
        return Ok(());
    };
    let reseller = rec::reseller_of(&row)?;
    if order.customer_phone.is_some() && order.customer_phone == reseller.phone {
        return Ok(());
    }
    if reseller.first_order_only {
        // The customer's earlier order through them already earned it.
        let earlier: Option<String> = sqlx::query_scalar(
            "SELECT c.id FROM reseller_credits c JOIN orders o ON o.id = c.id
             WHERE c.reseller_id = ? AND o.customer_phone = ? AND o.id != ? LIMIT 1",
        )
        .bind(reseller.id.to_string())
        .bind(order.customer_phone.as_ref().map(Msisdn::as_str))
        .bind(order.id.to_string())
        .fetch_optional(&mut *tx)
        .await?;
        if earlier.is_some() {
            return Ok(());
        }
    }
    // Only the lines of the goods the rule covers earn.
    let mut earning = Vec::with_capacity(order.lines.len());
    for line in &order.lines {
        let category = match reseller.applies_to {
            AppliesTo::Category(_) => sqlx::query_scalar::<_, Option<String>>(
                "SELECT category_id FROM items WHERE id = ?",
            )
            .bind(line.item_id.to_string())
            .fetch_optional(&mut *tx)
            .await?
            .flatten()
            .and_then(|c| c.parse().ok())
            .map(CategoryId),
            _ => None,
        };
        if reseller.applies_to.covers(line.item_id, category) {
            earning.push(line.clone());
        }
    }
    let credit = ResellerCredit {
        order_id: order.id,
        reseller_id: reseller.id,
        commission: reseller.rule.on(&earning, order.total.currency),
        at: now,
    };
    rec::credited(tx, &credit).await
}

/// A reseller writing from their registered number asks for their
/// figures: the answer, in the language they asked in. `None` for anyone
/// else or any other message (the bot answers those).
pub(crate) async fn figures_for_in(
    tx: &mut SqliteConnection,
    channel: ChatChannel,
    phone: Option<&Msisdn>,
    text: &str,
    currency: Currency,
    now: DateTime<Utc>,
) -> Result<Option<String>, StoreError> {
    let (Some(phone), Some(lang)) = (phone, domain::asks_for_figures(text)) else {
        return Ok(None);
    };
    // Only the channel that proves the number: WhatsApp.
    if channel != ChatChannel::WhatsApp {
        return Ok(None);
    }
    let row = sqlx::query(&format!(
        "SELECT {RESELLER_COLUMNS} FROM resellers WHERE phone = ? AND active = 1
         ORDER BY updated_at, id LIMIT 1"
    ))
    .bind(phone.as_str())
    .fetch_optional(&mut *tx)
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let reseller = rec::reseller_of(&row)?;
    let totals = totals_in(tx, reseller.id, currency, now).await?;
    Ok(Some(domain::figures_text(lang, &reseller.name, &totals)))
}

impl Store {
    /// Every reseller with their figures and shop link, by name.
    /// `whatsapp` is the shop's linked number, if any (the shell's WhatsApp
    /// link knows it): the links need it.
    pub async fn resellers(
        &self,
        whatsapp: Option<&Msisdn>,
    ) -> Result<Vec<ResellerView>, StoreError> {
        let shop = self.require_shop().await?;
        let now = self.now();
        let mut conn = self.pool().acquire().await?;
        let rows = sqlx::query(&format!(
            "SELECT {RESELLER_COLUMNS} FROM resellers ORDER BY name COLLATE NOCASE, id"
        ))
        .fetch_all(&mut *conn)
        .await?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let reseller = rec::reseller_of(&row)?;
            let totals = totals_in(&mut conn, reseller.id, shop.currency, now).await?;
            out.push(ResellerView {
                rule: describe_in(&mut conn, &reseller).await?,
                applies_to_name: goods_name_in(&mut conn, reseller.applies_to).await?,
                link: whatsapp.map(|w| domain::link(&shop, w, &reseller.code)),
                greeting: domain::link_greeting(&shop, &reseller.code),
                totals,
                reseller,
            });
        }
        Ok(out)
    }

    /// The Resellers page as a spreadsheet (see [`resellers_csv`]).
    pub async fn resellers_sheet(&self, whatsapp: Option<&Msisdn>) -> Result<Vec<u8>, StoreError> {
        let views = self.resellers(whatsapp).await?;
        resellers_csv(&views).map_err(|e| {
            StoreError::Internal(format!("The resellers sheet could not be written: {e}"))
        })
    }

    /// Adds or changes a reseller (owner only, checked by the shell).
    pub async fn save_reseller(
        &self,
        input: &ResellerInput,
        whatsapp: Option<&Msisdn>,
    ) -> Result<Vec<ResellerView>, StoreError> {
        let shop = self.require_shop().await?;
        let seed = (new_id().as_u128() % 100) as u32;
        let (name, phone, code, rule, applies_to) = input
            .validate(shop.currency, shop.country, seed)
            .map_err(StoreError::Invalid)?;
        let id = input.id.unwrap_or_else(|| ResellerId(new_id()));
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let taken: Option<String> =
            sqlx::query_scalar("SELECT name FROM resellers WHERE code = ? AND id != ?")
                .bind(&code)
                .bind(id.to_string())
                .fetch_optional(&mut *tx)
                .await?;
        if let Some(other) = taken {
            return Err(StoreError::said(
                "code",
                &Problem::ResellerCodeTaken {
                    name: other,
                    code: code.to_owned(),
                },
            ));
        }
        if !applies_to.is_everything() && goods_name_in(&mut tx, applies_to).await?.is_none() {
            return Err(StoreError::said("applies_to", &Problem::AppliesToGone));
        }
        let erased: Option<bool> = sqlx::query_scalar("SELECT erased FROM resellers WHERE id = ?")
            .bind(id.to_string())
            .fetch_optional(&mut *tx)
            .await?;
        if erased == Some(true) {
            return Err(StoreError::Refusal(Problem::ResellerErased));
        }
        let reseller = Reseller {
            id,
            name,
            phone: Some(phone),
            code,
            rule,
            active: input.active,
            first_order_only: input.first_order_only,
            applies_to,
            erased: false,
        };
        rec::write(&mut tx, &reseller, now).await?;
        tx.commit().await?;
        self.resellers(whatsapp).await
    }

    /// Erases a reseller at their request, in `actor`'s name: their name,
    /// number and code go for good (on every till: an erasure wins over any
    /// change), their credits and payouts stay as the shop's accounts.
    /// Erasing one erased already changes nothing.
    pub async fn erase_reseller(
        &self,
        id: ResellerId,
        actor: &crate::privacy::audit::Actor,
        whatsapp: Option<&Msisdn>,
    ) -> Result<Vec<ResellerView>, StoreError> {
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let row = sqlx::query(&format!(
            "SELECT {RESELLER_COLUMNS} FROM resellers WHERE id = ?"
        ))
        .bind(id.to_string())
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(StoreError::NotFound("That reseller"))?;
        let reseller = rec::reseller_of(&row)?;
        if !reseller.erased {
            erase_in(&mut tx, &reseller, actor, "at the owner's hands", now).await?;
        }
        tx.commit().await?;
        self.resellers(whatsapp).await
    }

    /// Records a payout (cash from the drawer or M-Pesa with its code) to a
    /// reseller, at most what is payable to them now.
    pub async fn record_payout(
        &self,
        input: &PayoutInput,
        by: &str,
        whatsapp: Option<&Msisdn>,
    ) -> Result<Vec<ResellerView>, StoreError> {
        let shop = self.require_shop().await?;
        let (reseller_id, amount, method, receipt) =
            input.validate(shop.currency).map_err(StoreError::Invalid)?;
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let known: Option<String> = sqlx::query_scalar("SELECT id FROM resellers WHERE id = ?")
            .bind(reseller_id.to_string())
            .fetch_optional(&mut *tx)
            .await?;
        if known.is_none() {
            return Err(StoreError::NotFound("That reseller"));
        }
        let totals = totals_in(&mut tx, reseller_id, shop.currency, now).await?;
        if amount.minor > totals.payable.minor {
            return Err(StoreError::said(
                "amount",
                &Problem::PayoutOver {
                    most: Money::from_minor(totals.payable.minor.max(0), shop.currency),
                    days: HOLD_DAYS,
                },
            ));
        }
        if let Some(code) = &receipt {
            let used: Option<String> =
                sqlx::query_scalar("SELECT id FROM reseller_payouts WHERE receipt = ?")
                    .bind(code)
                    .fetch_optional(&mut *tx)
                    .await?;
            if used.is_some() {
                return Err(StoreError::said(
                    "receipt",
                    &Problem::PayoutCodeRecorded(code.clone()),
                ));
            }
        }
        let payout = Payout {
            id: rec::new_payout_id(),
            reseller_id,
            amount,
            method,
            receipt,
            by: by.to_owned(),
            at: now,
        };
        rec::paid_out(&mut tx, &payout).await?;
        tx.commit().await?;
        self.resellers(whatsapp).await
    }
}

/// The columns of [`resellers_csv`].
pub const SHEET_COLUMNS: [&str; 14] = [
    "Name",
    "Phone",
    "Code",
    "Active",
    "Commission rule",
    "Applies to",
    "First order only",
    "Orders",
    "Sales",
    "Commission pending",
    "Commission payable",
    "Commission paid",
    "Currency",
    "Shop link",
];

/// Every reseller's figures as the Resellers page shows them, one row
/// each, for the owner's spreadsheet or accountant: CSV, UTF-8 with a
/// byte-order mark and CRLF (as Excel on Windows reads it), amounts as
/// plain numbers (`1250.00`) with the currency in its own column.
pub fn resellers_csv(views: &[ResellerView]) -> std::io::Result<Vec<u8>> {
    let mut csv = crate::privacy::export::spreadsheet_csv(Vec::new(), 8 * 1024)?;
    let other = |e: csv::Error| std::io::Error::other(e.to_string());
    csv.write_record(SHEET_COLUMNS).map_err(other)?;
    let yes_no = |b: bool| if b { "yes" } else { "no" };
    for v in views {
        let (r, t) = (&v.reseller, &v.totals);
        csv.write_record([
            r.name.as_str(),
            &r.phone.as_ref().map(Msisdn::to_string).unwrap_or_default(),
            &r.code,
            yes_no(r.active),
            &v.rule,
            v.applies_to_name.as_deref().unwrap_or("Every item"),
            yes_no(r.first_order_only),
            &t.orders.to_string(),
            &t.sales.sheet_text(),
            &t.pending.sheet_text(),
            &t.payable.sheet_text(),
            &t.paid.sheet_text(),
            t.sales.currency.code(),
            v.link.as_deref().unwrap_or(""),
        ])
        .map_err(other)?;
    }
    csv.into_inner()
        .map_err(|e| std::io::Error::other(e.to_string()))
}

#[cfg(test)]
mod tests;
