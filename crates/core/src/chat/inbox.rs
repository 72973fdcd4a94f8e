//! The inbox: chats newest first, one chat's messages, staff replies and
//! taking a chat over from the bot.

use super::turn::{queue_message_by, run_turn};
use super::{channel_str, load, parse_channel};
use crate::store::{from_millis, parse_uuid, Store, StoreError};
use chrono::Duration;
use dukadesk_domain::bot::Inbound;
use dukadesk_domain::ipc::{
    ChatChannel, ConversationSummary, ConversationView, MessageAuthor, MessageStatus, MessageView,
    PhotoRef,
};
use dukadesk_domain::order::OrderStatus;
use dukadesk_domain::words::Problem;
use dukadesk_domain::{ConversationId, Country, ItemId, MessageId, Msisdn};

/// How long a staff reply or "take over" keeps the bot quiet.
pub const TAKEOVER: Duration = Duration::hours(1);

type SummaryRow = (
    String,
    String,
    String,
    Option<String>,
    i64,
    i64,
    Option<i64>,
    Option<String>,
    Option<i64>,
    Option<String>,
    Option<String>,
    Option<String>,
);

const SUMMARY_SQL: &str =
    "SELECT c.id, c.channel, c.address, cu.name, c.unread, c.needs_attention, c.taken_over_until,
        (SELECT body FROM messages m WHERE m.conversation_id = c.id ORDER BY m.seq DESC LIMIT 1),
        (SELECT number FROM orders o WHERE o.conversation_id = c.id ORDER BY o.number DESC LIMIT 1),
        (SELECT status FROM orders o WHERE o.conversation_id = c.id ORDER BY o.number DESC LIMIT 1),
        c.last_message_at, c.taken_over_by, c.handed_back_by
     FROM conversations c LEFT JOIN customers cu ON cu.id = c.customer_id";

fn summary(
    row: SummaryRow,
    last: i64,
    country: Country,
) -> Result<ConversationSummary, StoreError> {
    let (
        id,
        channel,
        address,
        name,
        unread,
        attention,
        taken,
        preview,
        number,
        status,
        taken_by,
        handed_back_by,
    ) = row;
    let title = name
        .filter(|n| !n.is_empty())
        .or_else(|| Msisdn::parse(&address, country).ok().map(|p| p.national()))
        .unwrap_or(address);
    let preview: String = preview
        .unwrap_or_default()
        .replace('\n', " ")
        .chars()
        .take(80)
        .collect();
    Ok(ConversationSummary {
        id: ConversationId(parse_uuid(&id, "conversation")?),
        channel: parse_channel(&channel),
        title,
        preview,
        last_message_at: from_millis(last),
        unread: u32::try_from(unread).unwrap_or(0),
        needs_attention: attention != 0,
        taken_over_until: taken.map(from_millis),
        taken_over_by: taken_by,
        handed_back_by,
        order: number.zip(status.as_deref().and_then(OrderStatus::parse)),
    })
}

impl Store {
    /// Chats, newest first.
    pub async fn conversations(&self) -> Result<Vec<ConversationSummary>, StoreError> {
        let country = self.require_shop().await?.country;
        let rows: Vec<(i64, SummaryRow)> = {
            let raw: Vec<sqlx::sqlite::SqliteRow> = sqlx::query(&format!(
                "{SUMMARY_SQL} ORDER BY c.last_message_at DESC LIMIT 200"
            ))
            .fetch_all(self.pool())
            .await?;
            raw.into_iter().map(summary_row).collect::<Result<_, _>>()?
        };
        rows.into_iter()
            .map(|(last, r)| summary(r, last, country))
            .collect()
    }

    /// One chat with its newest 200 messages; `mark_read` clears its unread
    /// count and attention flag.
    pub async fn conversation_view(
        &self,
        id: ConversationId,
        mark_read: bool,
    ) -> Result<ConversationView, StoreError> {
        let country = self.require_shop().await?.country;
        if mark_read {
            sqlx::query("UPDATE conversations SET unread = 0, needs_attention = 0 WHERE id = ?")
                .bind(id.to_string())
                .execute(self.writer())
                .await?;
        }
        let raw: Option<sqlx::sqlite::SqliteRow> =
            sqlx::query(&format!("{SUMMARY_SQL} WHERE c.id = ?"))
                .bind(id.to_string())
                .fetch_optional(self.pool())
                .await?;
        let (last, row) = summary_row(raw.ok_or(StoreError::NotFound("The chat"))?)?;
        type Row = (
            String,
            String,
            String,
            String,
            i64,
            Option<String>,
            Option<String>,
            Option<String>,
        );
        let messages: Vec<Row> = sqlx::query_as(
            "SELECT id, author, body, status, created_at, staff_name, photo_item,
                    (SELECT sha256 FROM item_photos p WHERE p.id = photo_item AND p.removed = 0)
             FROM (SELECT seq, id, author, body, status, created_at, staff_name,
                          json_extract(attachment, '$.photo') AS photo_item
                   FROM messages WHERE conversation_id = ? ORDER BY seq DESC LIMIT 200)
             ORDER BY seq",
        )
        .bind(id.to_string())
        .fetch_all(self.pool())
        .await?;
        let messages = messages
            .into_iter()
            .map(
                |(mid, author, body, status, at, by, photo_item, fingerprint)| {
                    let photo = match (photo_item, fingerprint) {
                        (Some(item), Some(fingerprint)) => Some(PhotoRef {
                            item: ItemId(parse_uuid(&item, "message")?),
                            fingerprint,
                        }),
                        _ => None,
                    };
                    Ok(MessageView {
                        id: MessageId(parse_uuid(&mid, "message")?),
                        author: match author.as_str() {
                            "customer" => MessageAuthor::Customer,
                            "staff" => MessageAuthor::Staff,
                            _ => MessageAuthor::Bot,
                        },
                        body,
                        at: from_millis(at),
                        status: match status.as_str() {
                            "received" => MessageStatus::Received,
                            "queued" => MessageStatus::Queued,
                            _ => MessageStatus::Sent,
                        },
                        by,
                        photo,
                    })
                },
            )
            .collect::<Result<Vec<_>, StoreError>>()?;
        Ok(ConversationView {
            summary: summary(row, last, country)?,
            messages,
        })
    }

    /// The chat for a channel address, if it exists.
    pub async fn conversation_by_address(
        &self,
        channel: ChatChannel,
        address: &str,
    ) -> Result<Option<ConversationId>, StoreError> {
        let id: Option<String> =
            sqlx::query_scalar("SELECT id FROM conversations WHERE channel = ? AND address = ?")
                .bind(channel_str(channel))
                .bind(address)
                .fetch_optional(self.pool())
                .await?;
        id.map(|i| parse_uuid(&i, "conversation").map(ConversationId))
            .transpose()
    }

    /// A staff reply: queued like the bot's, and the bot stays quiet for a
    /// while so the two never talk over each other. `by` is the signed-in
    /// person's name: the message and the takeover carry it.
    pub async fn staff_reply(
        &self,
        id: ConversationId,
        text: &str,
        by: &str,
    ) -> Result<ConversationView, StoreError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(StoreError::said("text", &Problem::TypeAMessage));
        }
        if text.chars().count() > 4000 {
            return Err(StoreError::said("text", &Problem::MessageTooLong));
        }
        let cat = self.bot_catalogue().await?;
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let mut conv = load(&mut tx, id, &cat.shop)
            .await?
            .ok_or(StoreError::NotFound("The chat"))?;
        if conv.channel == ChatChannel::WhatsApp && !customer_wrote(&mut tx, id).await? {
            // Writing first to people on WhatsApp gets numbers banned.
            return Err(StoreError::said("text", &Problem::NeverWrote));
        }
        queue_message_by(&mut tx, id, "staff", Some(by), text, &[], now).await?;
        run_turn(
            &mut tx,
            &mut conv,
            Inbound::Takeover {
                until: now + TAKEOVER,
            },
            &cat,
            now,
        )
        .await?;
        record_takeover(&mut tx, id, true, by).await?;
        tx.commit().await?;
        self.conversation_view(id, true).await
    }

    /// Takes a chat over from the bot for [`TAKEOVER`], or hands it back;
    /// `by` (the signed-in person's name) is recorded either way.
    pub async fn set_takeover(
        &self,
        id: ConversationId,
        on: bool,
        by: &str,
    ) -> Result<ConversationView, StoreError> {
        let cat = self.bot_catalogue().await?;
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let mut conv = load(&mut tx, id, &cat.shop)
            .await?
            .ok_or(StoreError::NotFound("The chat"))?;
        let inbound = if on {
            Inbound::Takeover {
                until: now + TAKEOVER,
            }
        } else {
            Inbound::Release
        };
        run_turn(&mut tx, &mut conv, inbound, &cat, now).await?;
        record_takeover(&mut tx, id, on, by).await?;
        tx.commit().await?;
        self.conversation_view(id, false).await
    }

    /// Deletes a chat and its messages (its orders stay, unlinked).
    pub async fn delete_conversation(&self, id: ConversationId) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        sqlx::query("UPDATE orders SET conversation_id = NULL WHERE conversation_id = ?")
            .bind(id.to_string())
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM conversations WHERE id = ?")
            .bind(id.to_string())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }
}

/// Records who took the chat over (`on`) or handed it back, in the
/// caller's transaction. Taking over again clears the last hand-back, so
/// the pane never shows both.
async fn record_takeover(
    tx: &mut sqlx::SqliteConnection,
    id: ConversationId,
    on: bool,
    by: &str,
) -> Result<(), StoreError> {
    let sql = if on {
        "UPDATE conversations SET taken_over_by = ?, handed_back_by = NULL WHERE id = ?"
    } else {
        "UPDATE conversations SET handed_back_by = ? WHERE id = ?"
    };
    sqlx::query(sql)
        .bind(by)
        .bind(id.to_string())
        .execute(tx)
        .await?;
    Ok(())
}

fn summary_row(row: sqlx::sqlite::SqliteRow) -> Result<(i64, SummaryRow), StoreError> {
    use sqlx::Row;
    Ok((
        row.try_get(10)?,
        (
            row.try_get(0)?,
            row.try_get(1)?,
            row.try_get(2)?,
            row.try_get(3)?,
            row.try_get(4)?,
            row.try_get(5)?,
            row.try_get(6)?,
            row.try_get(7)?,
            row.try_get(8)?,
            row.try_get(9)?,
            row.try_get(11)?,
            row.try_get(12)?,
        ),
    ))
}

/// Whether the customer has written in this chat (WhatsApp chats are only
/// answered, never started).
pub(crate) async fn customer_wrote(
    tx: &mut sqlx::SqliteConnection,
    id: ConversationId,
) -> Result<bool, StoreError> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM messages WHERE conversation_id = ? AND author = 'customer'",
    )
    .bind(id.to_string())
    .fetch_one(tx)
    .await?;
    Ok(n > 0)
}
