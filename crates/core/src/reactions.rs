//! The one place that decides what follows an [`Event`]: what the chat
//! customer behind an order is told, and (an order paid or cancelled) the
//! release or cancelling of its airtime and bundles and its tax invoice or
//! credit note. Use cases (orders, payments,
//! settling, the sync apply) write their rows through `records` and return
//! events; they end with [`Store::finish`], which reacts inside their
//! transaction and commits, so a move and its message to the customer are
//! written together or not at all.
//!
//! The layering it keeps: `orders` and `payments` never name `chat`; the
//! chat (above them) takes orders and asks for payments; reactions (above
//! all three) tell customers.

use crate::chat::turn::{notify_order_chat, BotCatalogue};
use crate::events::{Effects, Event};
use crate::store::{Store, StoreError};
use chrono::{DateTime, Utc};
use dukadesk_domain::bot::Inbound;
use sqlx::{Sqlite, SqliteConnection, Transaction};

/// Carries out what follows each event, in order, inside `tx`.
pub(crate) async fn react(
    tx: &mut SqliteConnection,
    events: &[Event],
    cat: &BotCatalogue,
    now: DateTime<Utc>,
) -> Result<Effects, StoreError> {
    let mut effects = Effects::default();
    for event in events {
        if let Event::OrderMoved { order_id, .. } | Event::PaymentResolved { order_id, .. } = event
        {
            effects.digital |= crate::digital::fulfil::follow_order_in(tx, *order_id, now).await?;
            crate::tax::invoices::follow_order_in(tx, *order_id, now).await?;
        }
        let (order_id, inbound) = match event {
            Event::OrderMoved {
                order_id,
                number,
                status,
                fulfilment,
            } => (
                *order_id,
                Inbound::OrderStatus {
                    order_id: *order_id,
                    number: *number,
                    status: *status,
                    fulfilment: *fulfilment,
                },
            ),
            Event::PaymentResolved {
                order_id,
                number,
                total,
                outcome,
            } => (
                *order_id,
                Inbound::Payment {
                    order_id: *order_id,
                    number: *number,
                    total: *total,
                    outcome: outcome.clone(),
                },
            ),
            Event::Refunded {
                order_id,
                number,
                amount,
                method,
            } => (
                *order_id,
                Inbound::Refunded {
                    order_id: *order_id,
                    number: *number,
                    amount: *amount,
                    method: *method,
                },
            ),
            Event::DigitalResolved {
                order_id,
                item,
                recipient,
                delivered,
            } => (
                *order_id,
                Inbound::Digital {
                    order_id: *order_id,
                    item: item.clone(),
                    recipient: recipient.clone(),
                    delivered: *delivered,
                },
            ),
        };
        effects.merge(notify_order_chat(tx, order_id, inbound, cat, now).await?);
    }
    Ok(effects)
}

impl Store {
    /// Reacts to a use case's events inside its transaction (the caller
    /// commits). Returns the work to do after the commit.
    pub(crate) async fn react_in(
        &self,
        tx: &mut SqliteConnection,
        events: &[Event],
    ) -> Result<Effects, StoreError> {
        if events.is_empty() {
            return Ok(Effects::default());
        }
        let cat = self.bot_catalogue().await?;
        react(tx, events, &cat, self.now()).await
    }

    /// Ends a use case: reacts to its events inside its transaction, then
    /// commits. Returns the work to do after the commit.
    pub(crate) async fn finish(
        &self,
        mut tx: Transaction<'static, Sqlite>,
        events: &[Event],
    ) -> Result<Effects, StoreError> {
        let effects = self.react_in(&mut tx, events).await?;
        tx.commit().await?;
        Ok(effects)
    }
}

#[cfg(all(test, not(windows)))]
mod tests {
    use std::path::{Path, PathBuf};

    fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("source dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                sources(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }

    /// The layering, checked on the source: orders and payments never name
    /// the chat, and nothing but the chat itself and the reactions tells a
    /// chat about its order.
    #[test]
    fn only_the_reactions_tell_a_chat_about_its_order() {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = Vec::new();
        sources(&src, &mut files);
        assert!(files.len() > 50, "found {} source files", files.len());
        let mut wrong = Vec::new();
        for file in &files {
            let rel = file.strip_prefix(&src).expect("under src");
            let text = std::fs::read_to_string(file).expect("read");
            let below_chat = rel.starts_with("orders") || rel.starts_with("payments");
            if below_chat && text.contains("chat::") {
                wrong.push(format!("{} names the chat", rel.display()));
            }
            let may_tell = rel.starts_with("chat") || rel == Path::new("reactions.rs");
            if !may_tell && text.contains("notify_order_chat") {
                wrong.push(format!("{} tells a chat itself", rel.display()));
            }
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
    }
}
