//! Chats: each customer message runs one bot turn inside one transaction
//! that journals the inbound message (once per channel message id), loads
//! the chat's bot state, runs `dukadesk_domain::bot::step`, applies what it
//! returns (queued replies, the order, the payment request, staff alerts,
//! erasure requests) and saves the new state. Work that needs the network
//! (starting a payment) is returned as [`Effects`] and done after commit.
//! The chat sits above orders and payments: it takes orders ([`order`]) and
//! asks for payments; they never call it back (see [`crate::reactions`]).

pub mod inbox;
pub(crate) mod order;
pub mod turn;

#[cfg(test)]
mod tests;

use crate::events::Effects;
use crate::store::{new_id, parse_uuid, to_millis, StoreError};
use chrono::{DateTime, Utc};
use dukadesk_domain::bot::BotState;
use dukadesk_domain::ipc::ChatChannel;
use dukadesk_domain::shop::Shop;
use dukadesk_domain::{ConversationId, CustomerId, Msisdn};
use sqlx::SqliteConnection;

pub(crate) fn channel_str(c: ChatChannel) -> &'static str {
    match c {
        ChatChannel::TestChat => "test_chat",
        ChatChannel::WhatsApp => "whatsapp",
    }
}

pub(crate) fn parse_channel(s: &str) -> ChatChannel {
    if s == "whatsapp" {
        ChatChannel::WhatsApp
    } else {
        ChatChannel::TestChat
    }
}

/// A chat as stored.
#[derive(Debug, Clone)]
pub(crate) struct Conversation {
    pub id: ConversationId,
    pub channel: ChatChannel,
    pub address: String,
    pub customer_id: Option<CustomerId>,
    pub state: BotState,
}

type ConversationRow = (String, String, String, Option<String>, String);

fn from_row(row: ConversationRow, shop: &Shop) -> Result<Conversation, StoreError> {
    let (id, channel, address, customer, state) = row;
    let state = serde_json::from_str(&state).unwrap_or_else(|e| {
        // A state from an older build that no longer parses starts afresh
        // rather than silencing the chat.
        tracing::warn!(error = %e, "a chat's bot state could not be read; starting it afresh");
        BotState::new(shop)
    });
    Ok(Conversation {
        id: ConversationId(parse_uuid(&id, "conversation")?),
        channel: parse_channel(&channel),
        address,
        customer_id: customer
            .map(|c| parse_uuid(&c, "conversation").map(CustomerId))
            .transpose()?,
        state,
    })
}

const CONVERSATION_COLUMNS: &str = "id, channel, address, customer_id, bot_state";

/// Loads a chat by id.
pub(crate) async fn load(
    tx: &mut SqliteConnection,
    id: ConversationId,
    shop: &Shop,
) -> Result<Option<Conversation>, StoreError> {
    let row: Option<ConversationRow> = sqlx::query_as(&format!(
        "SELECT {CONVERSATION_COLUMNS} FROM conversations WHERE id = ?"
    ))
    .bind(id.to_string())
    .fetch_optional(&mut *tx)
    .await?;
    row.map(|r| from_row(r, shop)).transpose()
}

/// Finds the chat for a channel address, creating it (and the customer, when
/// the number is known) on first contact.
pub(crate) async fn find_or_create(
    tx: &mut SqliteConnection,
    channel: ChatChannel,
    address: &str,
    phone: Option<&Msisdn>,
    shop: &Shop,
    now: DateTime<Utc>,
) -> Result<Conversation, StoreError> {
    let row: Option<ConversationRow> = sqlx::query_as(&format!(
        "SELECT {CONVERSATION_COLUMNS} FROM conversations WHERE channel = ? AND address = ?"
    ))
    .bind(channel_str(channel))
    .bind(address)
    .fetch_optional(&mut *tx)
    .await?;
    if let Some(row) = row {
        return from_row(row, shop);
    }
    let customer_id = match phone {
        Some(p) => Some(crate::orders::create::upsert_customer(tx, p, None, now).await?),
        None => None,
    };
    let conversation = Conversation {
        id: ConversationId(new_id()),
        channel,
        address: address.to_owned(),
        customer_id,
        state: BotState::new(shop),
    };
    sqlx::query(
        "INSERT INTO conversations (id, channel, address, customer_id, bot_state, last_message_at, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(conversation.id.to_string())
    .bind(channel_str(channel))
    .bind(address)
    .bind(customer_id.map(|c| c.to_string()))
    .bind(state_json(&conversation.state)?)
    .bind(to_millis(now))
    .bind(to_millis(now))
    .execute(&mut *tx)
    .await?;
    Ok(conversation)
}

pub(crate) fn state_json(state: &BotState) -> Result<String, StoreError> {
    serde_json::to_string(state).map_err(|_| StoreError::BadRow("bot state"))
}
