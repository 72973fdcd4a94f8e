//! The inbound journal: every WhatsApp message is written to `wa_inbound`
//! (once per chat, sender and id) before it is handled, and handled in its
//! own transaction that also marks it handled. A message delivered twice
//! (a reconnect, an offline drain repeating live traffic, a restart between
//! the journal and the turn) is answered once.
//!
//! Invariant: the bot answers only customers' own text in one-to-one chats.
//! The merchant's own messages (`from_me`) are shown in the inbox and never
//! answered; groups, status updates and broadcasts are journalled and
//! ignored; stickers, voice notes and locations are shown to staff (the
//! chat is flagged) without a bot reply.

use super::{WaContent, WaInbound};
use crate::chat::find_or_create;
use crate::chat::turn::run_turn;
use crate::events::Effects;
use crate::store::{new_id, to_millis, Store, StoreError};
use dukadesk_domain::bot::Inbound;
use dukadesk_domain::ipc::ChatChannel;
use dukadesk_domain::Msisdn;

/// What handling the journal did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Handled {
    /// Messages handled now.
    pub count: usize,
    /// Work for after commit (payments, replies queued).
    pub effects: Effects,
    /// Customer messages to mark read: (chat id, message ids).
    pub read: Vec<(String, Vec<String>)>,
}

impl Store {
    /// Journals inbound WhatsApp messages in one transaction; returns how
    /// many were new. Safe to call again with the same messages.
    pub async fn journal_whatsapp(&self, messages: &[WaInbound]) -> Result<usize, StoreError> {
        if messages.is_empty() {
            return Ok(0);
        }
        let now = to_millis(self.now());
        let mut tx = self.write_tx().await?;
        let mut new = 0;
        for m in messages {
            let body =
                serde_json::to_string(m).map_err(|_| StoreError::BadRow("whatsapp message"))?;
            new += sqlx::query(
                "INSERT INTO wa_inbound (chat, sender, id, body, received_at) VALUES (?, ?, ?, ?, ?)
                 ON CONFLICT (chat, sender, id) DO NOTHING",
            )
            .bind(&m.chat)
            .bind(&m.sender)
            .bind(&m.id)
            .bind(&body)
            .bind(now)
            .execute(&mut *tx)
            .await?
            .rows_affected() as usize;
        }
        if new > 0 {
            sqlx::query("UPDATE wa_link SET last_message_at = ? WHERE id = 1")
                .bind(now)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(new)
    }

    /// Messages journalled and not yet handled.
    pub async fn whatsapp_pending(&self) -> Result<i64, StoreError> {
        Ok(
            sqlx::query_scalar("SELECT COUNT(*) FROM wa_inbound WHERE handled_at IS NULL")
                .fetch_one(self.pool())
                .await?,
        )
    }

    /// Handles every journalled message not yet handled, oldest first, each
    /// in its own transaction.
    pub async fn handle_whatsapp_pending(&self) -> Result<Handled, StoreError> {
        let mut handled = Handled::default();
        let mut after = 0i64;
        loop {
            let batch: Vec<(i64, String)> = sqlx::query_as(
                "SELECT seq, body FROM wa_inbound WHERE handled_at IS NULL AND seq > ? ORDER BY seq LIMIT 200",
            )
            .bind(after)
            .fetch_all(self.pool())
            .await?;
            if batch.is_empty() {
                break;
            }
            for (seq, body) in batch {
                after = seq;
                let message: Option<WaInbound> = serde_json::from_str(&body).ok();
                match self.handle_one(seq, message.as_ref()).await {
                    Ok(Some((effects, read))) => {
                        handled.count += 1;
                        handled.effects.merge(effects);
                        if let Some((chat, id)) = read {
                            match handled.read.iter_mut().find(|(c, _)| *c == chat) {
                                Some((_, ids)) => ids.push(id),
                                None => handled.read.push((chat, vec![id])),
                            }
                        }
                    }
                    Ok(None) => {}
                    Err(e) => {
                        // Left pending: tried again on the next batch or
                        // start. Logged without the message or the sender.
                        tracing::warn!(error = %e, seq, "an inbound WhatsApp message could not be handled yet");
                        return Err(e);
                    }
                }
            }
        }
        Ok(handled)
    }

    /// One journalled message, in one transaction. `None`: someone else
    /// handled it meanwhile.
    async fn handle_one(
        &self,
        seq: i64,
        message: Option<&WaInbound>,
    ) -> Result<Option<(Effects, Option<(String, String)>)>, StoreError> {
        let cat = self.bot_catalogue().await?;
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let marked = sqlx::query(
            "UPDATE wa_inbound SET handled_at = ? WHERE seq = ? AND handled_at IS NULL",
        )
        .bind(to_millis(now))
        .bind(seq)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if marked == 0 {
            tx.rollback().await?;
            return Ok(None);
        }
        let Some(m) = message else {
            tracing::warn!(
                seq,
                "a journalled WhatsApp message could not be read back; skipped"
            );
            tx.commit().await?;
            return Ok(Some((Effects::default(), None)));
        };
        let body = match &m.content {
            WaContent::Text { text, .. } => text.clone(),
            WaContent::Unsupported { kind } => format!("[{kind}]"),
            WaContent::Nothing => String::new(),
        };
        if m.not_a_chat || body.is_empty() {
            tx.commit().await?;
            return Ok(Some((Effects::default(), None)));
        }
        let address = m.address();
        let phone = Msisdn::parse(&address, cat.shop.country).ok();
        let mut conv = find_or_create(
            &mut tx,
            ChatChannel::WhatsApp,
            &address,
            phone.as_ref(),
            &cat.shop,
            now,
        )
        .await?;
        let (author, status) = if m.from_me {
            ("staff", "sent")
        } else {
            ("customer", "received")
        };
        let inserted = sqlx::query(
            "INSERT INTO messages (id, conversation_id, author, body, external_id, status, created_at, sent_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        )
        .bind(new_id().to_string())
        .bind(conv.id.to_string())
        .bind(author)
        .bind(&body)
        .bind(&m.id)
        .bind(status)
        .bind(to_millis(now))
        .bind(m.from_me.then(|| to_millis(now)))
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if inserted == 0 || m.from_me {
            // Seen before in this chat, or the merchant's own words: shown,
            // never answered.
            sqlx::query("UPDATE conversations SET last_message_at = ? WHERE id = ?")
                .bind(to_millis(now))
                .bind(conv.id.to_string())
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            return Ok(Some((Effects::default(), None)));
        }
        let needs_staff = matches!(m.content, WaContent::Unsupported { .. })
            || matches!(
                m.content,
                WaContent::Text {
                    truncated: true,
                    ..
                }
            );
        sqlx::query(
            "UPDATE conversations SET unread = unread + 1, last_message_at = ?,
               needs_attention = MAX(needs_attention, ?) WHERE id = ?",
        )
        .bind(to_millis(now))
        .bind(i64::from(needs_staff))
        .bind(conv.id.to_string())
        .execute(&mut *tx)
        .await?;
        let effects = match &m.content {
            WaContent::Text { text, .. } => {
                run_turn(&mut tx, &mut conv, Inbound::Text(text.clone()), &cat, now).await?
            }
            _ => Effects::default(),
        };
        tx.commit().await?;
        Ok(Some((effects, Some((m.chat.clone(), m.id.clone())))))
    }
}
