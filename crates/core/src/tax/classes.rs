//! KRA's item classification list (`selectItemClsList`), kept on this
//! till (local migration 0031): staff find an item's code by what it is,
//! and a code KRA does not list (or no longer uses) is refused in the
//! catalogue and in Settings → Tax instead of at KRA after a sale. The
//! signer refreshes it once a day with what changed since the last time;
//! until it has been fetched once, any ten-digit code is taken.

use super::oscu::{ItemClassEntry, Oscu};
use super::settings::Signing;
use crate::store::{to_millis, Store, StoreError};
use dukadesk_domain::ipc::ItemClassView;
use dukadesk_domain::tax::TaxBand;
use dukadesk_domain::words::Problem;

/// How often the list is asked for again.
pub const REFRESH: chrono::Duration = chrono::Duration::days(1);

/// After a failed refresh, the next try comes this long before a whole
/// [`REFRESH`] has passed.
const RETRY_AFTER: chrono::Duration = chrono::Duration::minutes(10);

/// At most this many entries answer a search.
const FOUND: i64 = 12;

/// The first time, everything KRA has.
const EVER: &str = "20000101000000";

impl Store {
    /// Whether the list should be asked for: eTIMS is on and it was never
    /// fetched, or not for a day.
    pub async fn item_classes_due(&self) -> Result<bool, StoreError> {
        let row: Option<(bool, Option<i64>)> =
            sqlx::query_as("SELECT enabled, classes_at FROM tax_device WHERE id = 1")
                .fetch_optional(self.pool())
                .await?;
        let now = to_millis(self.now());
        Ok(row.is_some_and(|(enabled, at)| {
            enabled && at.is_none_or(|at| now - at >= REFRESH.num_milliseconds())
        }))
    }

    /// What to ask KRA from: a second before its time of the last answer
    /// (an entry changed in that same second is asked for again; saving
    /// it twice is harmless), or everything the first time.
    async fn item_classes_since(&self) -> Result<String, StoreError> {
        let since: Option<String> =
            sqlx::query_scalar("SELECT classes_since FROM tax_device WHERE id = 1")
                .fetch_optional(self.pool())
                .await?
                .flatten();
        Ok(since
            .and_then(|s| chrono::NaiveDateTime::parse_from_str(&s, "%Y%m%d%H%M%S").ok())
            .map_or_else(
                || EVER.to_owned(),
                |t| {
                    (t - chrono::Duration::seconds(1))
                        .format("%Y%m%d%H%M%S")
                        .to_string()
                },
            ))
    }

    /// Keeps what KRA answered and when; `answered` is KRA's time of the
    /// answer (`None`: nothing changed, the time asked from stays).
    pub async fn save_item_classes(
        &self,
        entries: &[ItemClassEntry],
        answered: Option<&str>,
    ) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        for e in entries {
            sqlx::query(
                "INSERT INTO tax_item_classes (code, name, level, band, in_use) VALUES (?, ?, ?, ?, ?)
                 ON CONFLICT (code) DO UPDATE SET name = excluded.name, level = excluded.level,
                    band = excluded.band, in_use = excluded.in_use",
            )
            .bind(&e.code)
            .bind(&e.name)
            .bind(e.level)
            .bind(e.band.map(TaxBand::code))
            .bind(e.in_use)
            .execute(&mut *tx)
            .await?;
        }
        sqlx::query(
            "UPDATE tax_device SET classes_since = COALESCE(?, classes_since), classes_at = ?
             WHERE id = 1",
        )
        .bind(answered)
        .bind(to_millis(self.now()))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Notes a refresh that failed, so the next try comes in a few minutes
    /// rather than at once (the list already kept stays).
    async fn item_classes_failed(&self) -> Result<(), StoreError> {
        let at = self.now() - REFRESH + RETRY_AFTER;
        sqlx::query("UPDATE tax_device SET classes_at = ? WHERE id = 1")
            .bind(to_millis(at))
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// Entries in use whose code starts with `query`'s digits, or whose
    /// name holds each of its words, ten-digit codes only (what items
    /// take), by name.
    pub async fn find_item_classes(&self, query: &str) -> Result<Vec<ItemClassView>, StoreError> {
        let query = query.trim();
        let digits: String = query.chars().filter(|c| !c.is_whitespace()).collect();
        let rows: Vec<(String, String, Option<String>)> =
            if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
                sqlx::query_as(
                    "SELECT code, name, band FROM tax_item_classes
                     WHERE in_use = 1 AND length(code) = 10 AND code LIKE ? || '%'
                     ORDER BY code LIMIT ?",
                )
                .bind(&digits)
                .bind(FOUND)
                .fetch_all(self.pool())
                .await?
            } else {
                // Each word in the name, in any order (LIKE ignores ASCII
                // case; `%` and `_` typed are taken as themselves).
                let words: Vec<String> = query
                    .split_whitespace()
                    .take(5)
                    .map(|w| {
                        let w = w
                            .replace('\\', "\\\\")
                            .replace('%', "\\%")
                            .replace('_', "\\_");
                        format!("%{w}%")
                    })
                    .collect();
                if words.is_empty() {
                    return Ok(Vec::new());
                }
                let filter = " AND name LIKE ? ESCAPE '\\'".repeat(words.len());
                let sql = format!(
                    "SELECT code, name, band FROM tax_item_classes
                     WHERE in_use = 1 AND length(code) = 10{filter}
                     ORDER BY length(name), name LIMIT ?"
                );
                let mut q = sqlx::query_as(&sql);
                for w in &words {
                    q = q.bind(w);
                }
                q.bind(FOUND).fetch_all(self.pool()).await?
            };
        Ok(rows
            .into_iter()
            .map(|(code, name, band)| ItemClassView {
                code,
                name,
                band: band.as_deref().and_then(TaxBand::parse),
            })
            .collect())
    }

    /// Why `code` cannot be an item's classification, when KRA's list is
    /// kept here and does not list it in use (`None`: it can, or the list
    /// was never fetched).
    pub async fn unlisted_item_class(&self, code: &str) -> Result<Option<Problem>, StoreError> {
        let (kept, listed): (i64, Option<(String, bool)>) = (
            sqlx::query_scalar("SELECT COUNT(*) FROM tax_item_classes")
                .fetch_one(self.pool())
                .await?,
            sqlx::query_as("SELECT name, in_use FROM tax_item_classes WHERE code = ?")
                .bind(code)
                .fetch_optional(self.pool())
                .await?,
        );
        Ok(match listed {
            _ if kept == 0 => None,
            Some((_, true)) => None,
            Some((name, false)) => Some(Problem::ItemClassWithdrawn {
                code: code.to_owned(),
                name,
            }),
            None => Some(Problem::ItemClassUnlisted(code.to_owned())),
        })
    }
}

/// Asks KRA for what changed in its list since the last time and keeps
/// it; a failure is noted and tried again in a few minutes (staff lose
/// nothing: the list kept stays, and codes are checked against it).
pub async fn refresh(store: &Store, signing: &Signing, client: &Oscu) -> Result<(), StoreError> {
    let since = store.item_classes_since().await?;
    match client.item_classes(&signing.keys, &since).await {
        Ok((entries, answered)) => {
            store
                .save_item_classes(&entries, answered.as_deref())
                .await?;
            tracing::info!(
                changed = entries.len(),
                "KRA's item classification list refreshed"
            );
            Ok(())
        }
        Err(e) => {
            tracing::warn!(error = %e, "KRA's item classification list was not refreshed");
            store.item_classes_failed().await
        }
    }
}
