//! The inbound journal: every WhatsApp message is written to `wa_inbound`
//! (once per chat, sender and id) before it is handled, and handled in the
//! transaction (its group's; a savepoint of its own when the group is
//! handled again after one of it failed) that also marks it handled. A
//! message delivered twice
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
use crate::chat::turn::{run_turn_on, Arrived, BotCatalogue};
use crate::events::Effects;
use crate::store::{new_id, to_millis, Store, StoreError};
use chrono::{DateTime, Utc};
use dukadesk_domain::bot::Inbound;
use dukadesk_domain::ipc::ChatChannel;
use dukadesk_domain::Msisdn;
use sqlx::{Connection, SqliteConnection};

/// What handling the journal did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Handled {
    /// Messages handled now.
    pub count: usize,
    /// Work for after commit (payments, replies queued).
    pub effects: Effects,
    /// Customer messages to mark read: (chat id, message ids).
    pub read: Vec<(String, Vec<String>)>,
    /// A message could not be handled now: it and the later messages of
    /// its chat wait.
    pub stopped: bool,
}

impl Store {
    /// Journals inbound WhatsApp messages in one transaction; returns how
    /// many were new. Safe to call again with the same messages.
    pub async fn journal_whatsapp(&self, messages: &[WaInbound]) -> Result<usize, StoreError> {
        if messages.is_empty() {
            return Ok(0);
        }
        let now = to_millis(self.now());
        // All of them in one statement, in the order they came (the
        // journal's sequence is the order chats are answered in).
        let rows = messages
            .iter()
            .map(|m| {
                Ok(serde_json::json!([
                    m.chat,
                    m.sender,
                    m.id,
                    serde_json::to_string(m)?
                ]))
            })
            .collect::<Result<Vec<_>, serde_json::Error>>()
            .and_then(|rows| serde_json::to_string(&rows))
            .map_err(|_| StoreError::BadRow("whatsapp message"))?;
        let mut tx = self.write_tx().await?;
        let new = sqlx::query(
            "INSERT INTO wa_inbound (chat, sender, id, body, received_at)
             SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'),
                    json_extract(value, '$[2]'), json_extract(value, '$[3]'), ?
             FROM json_each(?) WHERE true ORDER BY key
             ON CONFLICT (chat, sender, id) DO NOTHING",
        )
        .bind(now)
        .bind(rows)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if new > 0 {
            sqlx::query("UPDATE wa_link SET last_message_at = ? WHERE id = 1")
                .bind(now)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(usize::try_from(new).unwrap_or(usize::MAX))
    }

    /// Messages journalled and not yet handled.
    pub async fn whatsapp_pending(&self) -> Result<i64, StoreError> {
        Ok(
            sqlx::query_scalar("SELECT COUNT(*) FROM wa_inbound WHERE handled_at IS NULL")
                .fetch_one(self.pool())
                .await?,
        )
    }

    /// Handles every journalled message not yet handled, oldest first.
    /// Messages commit in groups of up to [`GROUP`] (one transaction; each
    /// message in a savepoint of its own only when one of the group fails),
    /// so a burst (an offline drain after a reconnect) pays for one commit
    /// per group, not per message.
    /// A message that fails is rolled back alone and waits, with the later
    /// messages of its chat (each chat is answered in order), until the
    /// next batch or start; other chats go on, so one message that cannot
    /// be handled never holds up every customer. What committed is told
    /// and done even when a later group fails.
    pub async fn handle_whatsapp_pending(&self) -> Result<Handled, StoreError> {
        let mut handled = Handled::default();
        let mut waiting: Vec<String> = Vec::new();
        let mut after = 0i64;
        loop {
            let batch: Vec<(i64, String)> = sqlx::query_as(
                "SELECT seq, body FROM wa_inbound WHERE handled_at IS NULL AND seq > ? ORDER BY seq LIMIT ?",
            )
            .bind(after)
            .bind(GROUP)
            .fetch_all(self.pool())
            .await?;
            let Some(&(last, _)) = batch.last() else {
                break;
            };
            after = last;
            // One read of the catalogue per group: a turn re-checks stock
            // and prices inside the transaction when it makes an order.
            let cat = self.bot_catalogue().await?;
            match self.handle_group(batch, &cat, &mut waiting).await {
                Ok(group) => {
                    handled.stopped |= group.stopped;
                    handled.count += group.count;
                    handled.effects.merge(group.effects);
                    for (chat, ids) in group.read {
                        match handled.read.iter_mut().find(|(c, _)| *c == chat) {
                            Some((_, all)) => all.extend(ids),
                            None => handled.read.push((chat, ids)),
                        }
                    }
                }
                Err(e) => {
                    // Nothing of this group was kept; it waits whole.
                    tracing::warn!(error = %e, "a group of WhatsApp messages could not be handled yet");
                    handled.stopped = true;
                    break;
                }
            }
        }
        Ok(handled)
    }

    /// One group in one transaction; the chats in `waiting` (a message of
    /// theirs failed) are left for later. Most groups have no message that
    /// fails, so a group is first handled without a savepoint per message
    /// (two statements fewer each, on the drain's hot path); if one does
    /// fail, all of that attempt is rolled back and the group is handled
    /// again with a savepoint per message, keeping the others.
    async fn handle_group(
        &self,
        batch: Vec<(i64, String)>,
        cat: &BotCatalogue,
        waiting: &mut Vec<String>,
    ) -> Result<Handled, StoreError> {
        if let Some(group) = self.handle_group_in(&batch, cat, waiting, false).await? {
            return Ok(group);
        }
        self.handle_group_in(&batch, cat, waiting, true)
            .await
            .map(Option::unwrap_or_default)
    }

    /// One attempt at a group. Without `savepoints`, a message that fails
    /// rolls the whole attempt back and `None` says to try again with them.
    async fn handle_group_in(
        &self,
        batch: &[(i64, String)],
        cat: &BotCatalogue,
        waiting: &mut Vec<String>,
        savepoints: bool,
    ) -> Result<Option<Handled>, StoreError> {
        let now = self.now();
        let mut group = Handled::default();
        let messages: Vec<(i64, Option<WaInbound>)> = batch
            .iter()
            .map(|(seq, body)| (*seq, serde_json::from_str(body).ok()))
            .filter(|(_, m): &(i64, Option<WaInbound>)| {
                m.as_ref().is_none_or(|m| !waiting.contains(&m.chat))
            })
            .collect();
        let mut tx = self.write_tx().await?;
        // Without savepoints, the group's messages are marked handled in one
        // statement (a failure rolls the mark back with the rest); those
        // someone else handled meanwhile are not marked again, and skipped.
        let ours: Option<Vec<i64>> = if savepoints {
            None
        } else {
            let seqs: Vec<i64> = messages.iter().map(|(seq, _)| *seq).collect();
            let seqs =
                serde_json::to_string(&seqs).map_err(|e| StoreError::Internal(e.to_string()))?;
            Some(
                sqlx::query_scalar(
                    "UPDATE wa_inbound SET handled_at = ?
                     WHERE handled_at IS NULL AND seq IN (SELECT value FROM json_each(?))
                     RETURNING seq",
                )
                .bind(to_millis(now))
                .bind(seqs)
                .fetch_all(&mut *tx)
                .await?,
            )
        };
        for (seq, message) in messages {
            if ours.as_ref().is_some_and(|ours| !ours.contains(&seq)) {
                continue;
            }
            // A chat whose message failed in this group waits from there.
            if message.as_ref().is_some_and(|m| waiting.contains(&m.chat)) {
                continue;
            }
            let outcome = if savepoints {
                let mut one = tx.begin().await?;
                let outcome = handle_in(&mut one, seq, message.as_ref(), cat, now, true).await;
                match outcome {
                    Ok(Some(_)) => one.commit().await?,
                    _ => one.rollback().await?,
                }
                outcome
            } else {
                match handle_in(&mut tx, seq, message.as_ref(), cat, now, false).await {
                    Err(_) => {
                        tx.rollback().await?;
                        return Ok(None);
                    }
                    outcome => outcome,
                }
            };
            match outcome {
                Ok(Some((effects, read))) => {
                    group.count += 1;
                    group.effects.merge(effects);
                    if let Some((chat, id)) = read {
                        match group.read.iter_mut().find(|(c, _)| *c == chat) {
                            Some((_, ids)) => ids.push(id),
                            None => group.read.push((chat, vec![id])),
                        }
                    }
                }
                Ok(None) => {}
                Err(e) => {
                    // Left pending. Logged without the message or the
                    // sender.
                    tracing::warn!(error = %e, seq, "an inbound WhatsApp message could not be handled yet");
                    group.stopped = true;
                    if let Some(m) = message {
                        waiting.push(m.chat);
                    }
                }
            }
        }
        tx.commit().await?;
        Ok(Some(group))
    }
}

/// At most this many messages commit together.
pub const GROUP: i64 = 64;

/// One journalled message, inside the caller's transaction, marked handled
/// here when `mark` (else the caller marked it). `None`: someone else
/// handled it meanwhile.
async fn handle_in(
    tx: &mut SqliteConnection,
    seq: i64,
    message: Option<&WaInbound>,
    cat: &BotCatalogue,
    now: DateTime<Utc>,
    mark: bool,
) -> Result<Option<(Effects, Option<(String, String)>)>, StoreError> {
    if mark {
        let marked = sqlx::query(
            "UPDATE wa_inbound SET handled_at = ? WHERE seq = ? AND handled_at IS NULL",
        )
        .bind(to_millis(now))
        .bind(seq)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if marked == 0 {
            return Ok(None);
        }
    }
    let Some(m) = message else {
        tracing::warn!(
            seq,
            "a journalled WhatsApp message could not be read back; skipped"
        );
        return Ok(Some((Effects::default(), None)));
    };
    let body = match &m.content {
        WaContent::Text { text, .. } => text.clone(),
        WaContent::Unsupported { kind } => format!("[{kind}]"),
        WaContent::Nothing => String::new(),
    };
    if m.not_a_chat || body.is_empty() {
        return Ok(Some((Effects::default(), None)));
    }
    let address = m.address();
    let phone = Msisdn::parse(&address, cat.shop.country).ok();
    let mut conv = find_or_create(
        &mut *tx,
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
        return Ok(Some((Effects::default(), None)));
    }
    let effects = match &m.content {
        // Counted unread with the turn it starts, in one update.
        WaContent::Text { text, truncated } => {
            let arrived = Arrived {
                needs_staff: *truncated,
            };
            let inbound = Inbound::Text(text.clone());
            run_turn_on(tx, &mut conv, inbound, cat, now, Some(arrived)).await?
        }
        // A kind the bot cannot read: for staff.
        _ => {
            sqlx::query(
                "UPDATE conversations SET unread = unread + 1, last_message_at = ?,
                   needs_attention = 1 WHERE id = ?",
            )
            .bind(to_millis(now))
            .bind(conv.id.to_string())
            .execute(&mut *tx)
            .await?;
            Effects::default()
        }
    };
    Ok(Some((effects, Some((m.chat.clone(), m.id.clone())))))
}
