//! PDF receipts on WhatsApp (optional, off by default): once an order from
//! a WhatsApp chat is paid, a message carrying its receipt as a PDF is
//! queued after the bot's text receipt, once per order. It goes out through
//! the same dispatcher and token bucket as every reply.

use crate::orders::receipt::Attachment;
use crate::store::{new_id, to_millis, Store, StoreError};

/// The setting that turns PDF receipts on ("1").
pub const SETTING: &str = "whatsapp.pdf_receipts";

/// Orders paid longer ago than this get no PDF when the setting is turned
/// on (no flood of old receipts).
const RECENT_MS: i64 = 24 * 3600 * 1000;

impl Store {
    /// Whether PDF receipts are on.
    pub async fn whatsapp_pdf_receipts(&self) -> Result<bool, StoreError> {
        Ok(self.setting(SETTING).await?.as_deref() == Some("1"))
    }

    /// Turns PDF receipts on or off.
    pub async fn set_whatsapp_pdf_receipts(&self, on: bool) -> Result<(), StoreError> {
        self.set_setting(SETTING, if on { "1" } else { "0" }).await
    }

    /// Queues a PDF receipt for each WhatsApp order paid recently that has
    /// none yet; returns how many.
    pub async fn queue_whatsapp_receipts(&self) -> Result<usize, StoreError> {
        if !self.whatsapp_pdf_receipts().await? {
            return Ok(0);
        }
        let now = to_millis(self.now());
        let due: Vec<(String, String, i64)> = sqlx::query_as(
            "SELECT o.id, o.conversation_id, o.number FROM orders o
             JOIN conversations c ON c.id = o.conversation_id
             WHERE c.channel = 'whatsapp'
               AND EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.id
                             AND p.state = 'succeeded' AND p.updated_at >= ?)
               AND NOT EXISTS (SELECT 1 FROM wa_receipts r WHERE r.order_id = o.id)",
        )
        .bind(now - RECENT_MS)
        .fetch_all(self.pool())
        .await?;
        let mut queued = 0;
        for (order, conversation, number) in due {
            let mut tx = self.write_tx().await?;
            let claimed = sqlx::query(
                "INSERT INTO wa_receipts (order_id, queued_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
            )
            .bind(&order)
            .bind(now)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if claimed == 0 {
                continue;
            }
            let attachment = serde_json::to_string(&Attachment {
                receipt: Some(order.clone()),
                ..Attachment::default()
            })
            .map_err(|_| StoreError::BadRow("attachment"))?;
            sqlx::query(
                "INSERT INTO messages (id, conversation_id, author, body, status, attachment, created_at)
                 VALUES (?, ?, 'bot', ?, 'queued', ?, ?)",
            )
            .bind(new_id().to_string())
            .bind(&conversation)
            .bind(format!("Receipt for order #{number} (PDF)"))
            .bind(attachment)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            queued += 1;
        }
        Ok(queued)
    }
}
