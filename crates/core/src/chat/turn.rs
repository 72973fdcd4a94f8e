//! One bot turn, inside the caller's transaction.

use super::{channel_str, find_or_create, load, state_json, Conversation, Effects};
use crate::payments;
use crate::store::{new_id, to_millis, Store, StoreError};
use chrono::{DateTime, Utc};
use dukadesk_domain::bot::{self, Action, BotContext, Inbound, PaymentOutcome};
use dukadesk_domain::catalogue::{Category, Item};
use dukadesk_domain::ipc::ChatChannel;
use dukadesk_domain::order::{OrderEvent, OrderStatus};
use dukadesk_domain::payment::PaymentMethod;
use dukadesk_domain::shop::{DeliveryZone, Shop};
use dukadesk_domain::{ConversationId, ItemId, Msisdn, OrderId};
use sqlx::SqliteConnection;
use std::collections::VecDeque;

/// What the bot sells and where it delivers, read once per turn.
#[derive(Debug, Clone)]
pub struct BotCatalogue {
    /// The shop.
    pub shop: Shop,
    /// Zones.
    pub zones: Vec<DeliveryZone>,
    /// Items on sale and archived (the bot skips archived ones).
    pub items: Vec<Item>,
    /// Categories.
    pub categories: Vec<Category>,
    /// How real chats (not the test chat) pay.
    pub payment_method: crate::payments::settings::RealChatPay,
}

impl Store {
    /// The catalogue as the bot sees it.
    pub async fn bot_catalogue(&self) -> Result<BotCatalogue, StoreError> {
        let shop = self.require_shop().await?;
        Ok(BotCatalogue {
            zones: self.zones(shop.currency).await?,
            items: self.items(false).await?,
            categories: self.categories().await?,
            payment_method: self.chat_payment_method().await?,
            shop,
        })
    }

    /// A customer's message arrived. `external_id` is the channel's message
    /// id: a message seen before is journalled once and not answered again.
    pub async fn receive_message(
        &self,
        channel: ChatChannel,
        address: &str,
        phone: Option<&Msisdn>,
        text: &str,
        external_id: Option<&str>,
    ) -> Result<(ConversationId, Effects), StoreError> {
        let cat = self.bot_catalogue().await?;
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let mut conv = find_or_create(&mut tx, channel, address, phone, &cat.shop, now).await?;
        let inserted = sqlx::query(
            "INSERT INTO messages (id, conversation_id, author, body, external_id, status, created_at)
             VALUES (?, ?, 'customer', ?, ?, 'received', ?) ON CONFLICT DO NOTHING",
        )
        .bind(new_id().to_string())
        .bind(conv.id.to_string())
        .bind(text)
        .bind(external_id)
        .bind(to_millis(now))
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if inserted == 0 {
            // Already handled (a redelivery after a reconnect or restart).
            tx.rollback().await?;
            return Ok((conv.id, Effects::default()));
        }
        sqlx::query(
            "UPDATE conversations SET unread = unread + 1, last_message_at = ? WHERE id = ?",
        )
        .bind(to_millis(now))
        .bind(conv.id.to_string())
        .execute(&mut *tx)
        .await?;
        // A reseller asking for their own figures is answered with them,
        // not by the bot.
        if let Some(figures) =
            crate::resellers::figures_for_in(&mut tx, channel, phone, text, cat.shop.currency, now)
                .await?
        {
            queue_message(&mut tx, conv.id, "bot", &figures, &[], now).await?;
            tx.commit().await?;
            return Ok((
                conv.id,
                Effects {
                    queued: true,
                    ..Effects::default()
                },
            ));
        }
        // A reseller's code (their shop link, or typed) is remembered for
        // the chat's orders and left out of what the bot reads. The test
        // chat's orders are no one's sales.
        let read = if channel == ChatChannel::TestChat {
            None
        } else {
            crate::resellers::attribute_in(&mut tx, conv.id, text, now).await?
        };
        let effects = run_turn(
            &mut tx,
            &mut conv,
            Inbound::Text(read.unwrap_or_else(|| text.to_owned())),
            &cat,
            now,
        )
        .await?;
        tx.commit().await?;
        Ok((conv.id, effects))
    }
}

/// Queues an outbound message.
pub(crate) async fn queue_message(
    tx: &mut SqliteConnection,
    conversation: ConversationId,
    author: &str,
    text: &str,
    rows: &[String],
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    queue_message_by(tx, conversation, author, None, text, rows, now).await
}

/// Queues the bot's message carrying an item's photo, `caption` under it
/// (channels without images send the caption alone; a photo gone by the
/// time it is sent leaves the caption too). Within a turn: the turn marks
/// the chat active.
async fn queue_photo(
    tx: &mut SqliteConnection,
    conversation: ConversationId,
    item: ItemId,
    caption: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let attachment = serde_json::to_string(&crate::orders::receipt::Attachment {
        photo: Some(item.to_string()),
        ..Default::default()
    })
    .map_err(|_| StoreError::BadRow("attachment"))?;
    insert_outbound(
        tx,
        conversation,
        ("bot", None),
        caption,
        &[],
        Some(&attachment),
        now,
    )
    .await
}

/// [`queue_message`], naming the member of staff who typed it.
pub(crate) async fn queue_message_by(
    tx: &mut SqliteConnection,
    conversation: ConversationId,
    author: &str,
    staff_name: Option<&str>,
    text: &str,
    rows: &[String],
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    queue_outbound(
        tx,
        conversation,
        (author, staff_name),
        text,
        rows,
        None,
        now,
    )
    .await
}

/// Queues one outbound message (the author, and who typed it for staff),
/// with what it carries, and marks the chat active now.
async fn queue_outbound(
    tx: &mut SqliteConnection,
    conversation: ConversationId,
    by: (&str, Option<&str>),
    text: &str,
    rows: &[String],
    attachment: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    insert_outbound(tx, conversation, by, text, rows, attachment, now).await?;
    sqlx::query("UPDATE conversations SET last_message_at = ? WHERE id = ?")
        .bind(to_millis(now))
        .bind(conversation.to_string())
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// [`queue_outbound`] without marking the chat active: a turn marks it
/// once, when it saves the bot's state.
async fn insert_outbound(
    tx: &mut SqliteConnection,
    conversation: ConversationId,
    (author, staff_name): (&str, Option<&str>),
    text: &str,
    rows: &[String],
    attachment: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO messages (id, conversation_id, author, staff_name, body, rows_json, status, attachment, created_at) VALUES (?, ?, ?, ?, ?, ?, 'queued', ?, ?)",
    )
    .bind(new_id().to_string())
    .bind(conversation.to_string())
    .bind(author)
    .bind(staff_name)
    .bind(text)
    .bind(serde_json::to_string(rows).unwrap_or_else(|_| "[]".into()))
    .bind(attachment)
    .bind(to_millis(now))
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Runs the bot on `first` (and on anything the turn itself produces, such
/// as a rejected order), applies its actions and saves its state.
pub(crate) async fn run_turn(
    tx: &mut SqliteConnection,
    conv: &mut Conversation,
    first: Inbound,
    cat: &BotCatalogue,
    now: DateTime<Utc>,
) -> Result<Effects, StoreError> {
    run_turn_on(tx, conv, first, cat, now, None).await
}

/// A customer's message that just arrived in the chat, counted with the
/// turn it starts (one update of the chat, not two).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Arrived {
    /// It needs staff (a kind the bot cannot read, or cut short).
    pub needs_staff: bool,
}

/// [`run_turn`] on a message that `arrived`: it counts as unread, marks the
/// chat active and, if it needs staff, flags the chat, in the update that
/// saves the bot's state.
pub(crate) async fn run_turn_on(
    tx: &mut SqliteConnection,
    conv: &mut Conversation,
    first: Inbound,
    cat: &BotCatalogue,
    now: DateTime<Utc>,
    arrived: Option<Arrived>,
) -> Result<Effects, StoreError> {
    let mut effects = Effects::default();
    let mut queue = VecDeque::from([first]);
    let local_now = dukadesk_domain::report::local_time(now, cat.shop.country.utc_offset_hours());
    let chat_phone = Msisdn::parse(&conv.address, cat.shop.country).ok();
    // A turn's own follow-ups (a rejected order) are bounded.
    for _ in 0..4 {
        let Some(inbound) = queue.pop_front() else {
            break;
        };
        let (_, pay) = payments::method_for(conv.channel, &cat.payment_method);
        let ctx = BotContext {
            pay: &pay,
            shop: &cat.shop,
            zones: &cat.zones,
            items: &cat.items,
            categories: &cat.categories,
            now,
            local_now,
            chat_phone: chat_phone.clone(),
            new_order_id: OrderId(new_id()),
        };
        let (state, actions) = bot::step(&conv.state, &inbound, &ctx);
        conv.state = state;
        let mut rejected: Option<OrderId> = None;
        for action in actions {
            match action {
                Action::Reply(reply) => {
                    match reply.photo {
                        Some(item) => {
                            queue_photo(tx, conv.id, item, &reply.text, now).await?;
                        }
                        None => {
                            insert_outbound(
                                tx,
                                conv.id,
                                ("bot", None),
                                &reply.text,
                                &reply.rows,
                                None,
                                now,
                            )
                            .await?;
                        }
                    }
                    effects.queued = true;
                }
                Action::CreateOrder(request) => {
                    if let Err(reason) = super::order::create(tx, &request, conv, cat, now).await? {
                        rejected = Some(request.id);
                        queue.push_back(Inbound::OrderRejected {
                            order_id: request.id,
                            reason,
                        });
                    }
                }
                Action::RequestPayment { order_id, phone } => {
                    if rejected == Some(order_id) {
                        continue;
                    }
                    let (method, _) = payments::method_for(conv.channel, &cat.payment_method);
                    match payments::request(tx, order_id, &phone, method, now).await? {
                        Ok(opened) if method == PaymentMethod::MpesaManual => {
                            effects.payments.push(opened.id);
                            queue.push_back(Inbound::PayByHand {
                                order_id,
                                number: opened.number,
                                total: opened.total,
                            });
                        }
                        Ok(opened) => effects.payments.push(opened.id),
                        Err(refusal) => queue.push_back(Inbound::Payment {
                            order_id,
                            number: refusal.number,
                            total: refusal.total,
                            outcome: PaymentOutcome::Failed {
                                reason: refusal.reason,
                            },
                        }),
                    }
                }
                Action::TakeOnDelivery { order_id } => {
                    if rejected == Some(order_id) {
                        continue;
                    }
                    if let Some(taken) = take_on_delivery(tx, order_id, now).await? {
                        queue.push_back(taken);
                    }
                }
                Action::CancelOrder { order_id } => {
                    // Only an order still waiting for its money: one staff
                    // have started (or that was paid) is theirs to call off.
                    let waiting = crate::orders::order_in(tx, order_id)
                        .await?
                        .is_some_and(|o| o.status.rank() <= OrderStatus::AwaitingPayment.rank());
                    if !waiting {
                        tracing::info!("the bot's cancel came after staff moved the order");
                        continue;
                    }
                    // The bot is the one talking: it tells the customer
                    // itself, so the move's events need no reaction.
                    if let Err(e) = crate::orders::advance::apply_in(
                        tx,
                        order_id,
                        dukadesk_domain::order::OrderEvent::Cancel,
                        "bot",
                        now,
                    )
                    .await
                    {
                        tracing::info!(error = %e, "the bot's cancel did not apply");
                    }
                }
                Action::NotifyStaff(alert) => {
                    tracing::info!(?alert, "chat needs staff");
                    sqlx::query("UPDATE conversations SET needs_attention = 1 WHERE id = ?")
                        .bind(conv.id.to_string())
                        .execute(&mut *tx)
                        .await?;
                }
                Action::SetLanguage(lang) => {
                    if let Some(customer) = conv.customer_id {
                        crate::records::customers::set_language(tx, customer, lang, now).await?;
                    }
                }
                Action::SetOptOut(out) => {
                    if let Some(customer) = conv.customer_id {
                        crate::records::customers::set_opt_out(tx, customer, out, now).await?;
                    }
                }
                Action::ClaimPayment { order_id, code } => {
                    crate::records::payments::claim_code(tx, order_id, &code, now).await?;
                }
                Action::EraseCustomer => {
                    sqlx::query(
                        "INSERT INTO erasure_requests (id, customer_id, address, source, requested_at) VALUES (?, ?, ?, 'chat', ?)",
                    )
                    .bind(new_id().to_string())
                    .bind(conv.customer_id.map(|c| c.to_string()))
                    .bind(&conv.address)
                    .bind(to_millis(now))
                    .execute(&mut *tx)
                    .await?;
                }
                Action::Unrecognised { stage } => {
                    tracing::info!(
                        stage,
                        channel = channel_str(conv.channel),
                        "a customer message the bot could not place"
                    );
                }
            }
        }
    }
    // The bot's state, and in the same statement the chat marked active
    // (the customer's message that arrived, the bot's replies).
    let active = arrived.is_some() || effects.queued;
    sqlx::query(
        "UPDATE conversations SET bot_state = ?, taken_over_until = ?, unread = unread + ?,
           needs_attention = MAX(needs_attention, ?),
           last_message_at = CASE WHEN ? THEN ? ELSE last_message_at END
         WHERE id = ?",
    )
    .bind(state_json(&conv.state)?)
    .bind(conv.state.quiet_until.map(to_millis))
    .bind(i64::from(arrived.is_some()))
    .bind(i64::from(arrived.is_some_and(|a| a.needs_staff)))
    .bind(active)
    .bind(to_millis(now))
    .bind(conv.id.to_string())
    .execute(&mut *tx)
    .await?;
    Ok(effects)
}

/// Takes an order paid on delivery: from draft to waiting for its money,
/// with no payment asked for (staff prepare it at once), and the bot's
/// answer with its number. `None` when the order is not there to take.
async fn take_on_delivery(
    tx: &mut SqliteConnection,
    order_id: OrderId,
    now: DateTime<Utc>,
) -> Result<Option<Inbound>, StoreError> {
    let Some(mut order) = crate::orders::order_in(tx, order_id).await? else {
        return Ok(None);
    };
    if !order.pay_on_delivery {
        tracing::warn!(
            number = order.number,
            "the bot took a prepaid order as paid on delivery"
        );
        return Ok(None);
    }
    if order.status == OrderStatus::Draft {
        // The bot tells the customer itself.
        crate::orders::move_in(tx, &mut order, OrderEvent::RequestPayment, "bot", now).await?;
    }
    Ok(Some(Inbound::TakenOnDelivery {
        order_id,
        number: order.number,
        total: order.total,
    }))
}

/// Tells the chat behind an order (if any) what happened to it.
pub(crate) async fn notify_order_chat(
    tx: &mut SqliteConnection,
    order_id: OrderId,
    inbound: Inbound,
    cat: &BotCatalogue,
    now: DateTime<Utc>,
) -> Result<Effects, StoreError> {
    let conversation: Option<Option<String>> =
        sqlx::query_scalar("SELECT conversation_id FROM orders WHERE id = ?")
            .bind(order_id.to_string())
            .fetch_optional(&mut *tx)
            .await?;
    let Some(Some(conversation)) = conversation else {
        return Ok(Effects::default());
    };
    let id = ConversationId(crate::store::parse_uuid(&conversation, "order")?);
    let Some(mut conv) = load(tx, id, &cat.shop).await? else {
        return Ok(Effects::default());
    };
    run_turn(tx, &mut conv, inbound, cat, now).await
}
