//! Drains the outbound queue of one channel, oldest first, through its rate
//! limit. A failed send is retried with backoff and never dropped; later
//! messages wait behind it, so every chat keeps its order.

use super::rate::{RateLimit, TokenBucket};
use super::{Attached, Channel};
use crate::backoff::{jitter, Backoff};
use crate::store::{to_millis, Store, StoreError};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::{watch, Notify};

/// A failed send waits 0.5 s, doubling to at most 32 s, with jitter; it is
/// never given up (the message stays queued until it goes).
const SEND_RETRY: Backoff = Backoff::doubling(Duration::from_millis(500), Duration::from_secs(32));

/// One queued message.
#[derive(Debug, Clone)]
struct Queued {
    id: String,
    address: String,
    body: String,
    rows: Vec<String>,
    attempts: i64,
    attachment: Option<String>,
}

impl Store {
    async fn next_queued(&self, channel: &str) -> Result<Option<Queued>, StoreError> {
        let row: Option<(String, String, String, String, i64, Option<String>)> = sqlx::query_as(
            "SELECT m.id, c.address, m.body, m.rows_json, m.attempts, m.attachment FROM messages m
             JOIN conversations c ON c.id = m.conversation_id
             WHERE m.status = 'queued' AND c.channel = ? ORDER BY m.seq LIMIT 1",
        )
        .bind(channel)
        .fetch_optional(self.pool())
        .await?;
        Ok(
            row.map(|(id, address, body, rows, attempts, attachment)| Queued {
                id,
                address,
                body,
                rows: serde_json::from_str(&rows).unwrap_or_default(),
                attempts,
                attachment,
            }),
        )
    }

    async fn mark_sent(&self, id: &str) -> Result<(), StoreError> {
        sqlx::query("UPDATE messages SET status = 'sent', sent_at = ?, attempts = attempts + 1 WHERE id = ?")
            .bind(to_millis(self.now()))
            .bind(id)
            .execute(self.writer())
            .await?;
        Ok(())
    }

    async fn mark_attempt(&self, id: &str) -> Result<(), StoreError> {
        sqlx::query("UPDATE messages SET attempts = attempts + 1 WHERE id = ?")
            .bind(id)
            .execute(self.writer())
            .await?;
        Ok(())
    }

    /// Messages waiting to go out on a channel.
    pub async fn queued_count(&self, channel: &str) -> Result<i64, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT COUNT(*) FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE m.status = 'queued' AND c.channel = ?",
        )
        .bind(channel)
        .fetch_one(self.pool())
        .await?)
    }
}

/// Runs until `stop` turns true. `wake` is notified whenever a turn queues
/// messages; a slow poll covers anything missed.
pub async fn run(
    store: Store,
    channel_name: &'static str,
    channel: Arc<dyn Channel>,
    limit: RateLimit,
    wake: Arc<Notify>,
    mut stop: watch::Receiver<bool>,
) {
    let mut bucket = TokenBucket::new(limit, Instant::now());
    loop {
        if *stop.borrow() {
            return;
        }
        let next = match store.next_queued(channel_name).await {
            Ok(next) => next,
            Err(e) => {
                tracing::warn!(error = %e, "could not read the outbound queue");
                None
            }
        };
        let Some(msg) = next else {
            tokio::select! {
                _ = wake.notified() => {}
                _ = tokio::time::sleep(Duration::from_secs(1)) => {}
                _ = stop.changed() => {}
            }
            continue;
        };
        if let Err(wait) = bucket.take(Instant::now()) {
            tokio::select! {
                _ = tokio::time::sleep(wait) => {}
                _ = stop.changed() => {}
            }
            continue;
        }
        let attached = match &msg.attachment {
            Some(a) => store.render_attachment(a, &msg.body).await.unwrap_or_else(|e| {
                tracing::warn!(error = %e, "an attachment could not be made; its caption goes alone");
                None
            }),
            None => None,
        };
        let sent = if let Some(Attached::Document(doc)) = &attached {
            channel.send_document(&msg.address, doc).await
        } else if let Some(Attached::Image(image)) = &attached {
            channel.send_image(&msg.address, image).await
        } else if msg.rows.is_empty() || !channel.capabilities().interactive_lists {
            channel.send_text(&msg.address, &msg.body).await
        } else {
            channel.send_list(&msg.address, &msg.body, &msg.rows).await
        };
        match sent {
            Ok(()) => {
                if let Err(e) = store.mark_sent(&msg.id).await {
                    tracing::warn!(error = %e, "sent a message but could not mark it sent");
                }
            }
            Err(e) => {
                let _ = store.mark_attempt(&msg.id).await;
                let attempt = u32::try_from(msg.attempts.max(0)).unwrap_or(u32::MAX);
                let backoff = jitter(SEND_RETRY.nth(attempt.saturating_add(1)));
                tracing::warn!(error = %e, attempts = msg.attempts + 1, "send failed; retrying");
                tokio::select! {
                    _ = tokio::time::sleep(backoff) => {}
                    _ = stop.changed() => {}
                }
            }
        }
    }
}
