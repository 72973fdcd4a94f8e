//! Whole chats against a real SQLite store: the bot's turns, the order and
//! payment they create, the queue the dispatcher drains.

use crate::payments::ProviderOutcome;
use crate::runtime::ChatRuntime;
use crate::store::testing::{prompt_store, shop_store};
use crate::store::Store;
use dukadesk_domain::ipc::{ChatChannel, MessageAuthor, OrderQuery, SimulatedPayment};
use dukadesk_domain::order::{OrderEvent, OrderStatus};
use dukadesk_domain::payment::PaymentState;
use dukadesk_domain::{ConversationId, Country, Msisdn, PaymentId};
use std::time::Duration;

const PHONE: &str = "254712345678";

async fn say(
    store: &Store,
    text: &str,
    external: Option<&str>,
) -> (ConversationId, super::Effects) {
    let phone = Msisdn::parse(PHONE, Country::Kenya).expect("phone");
    store
        .receive_message(ChatChannel::WhatsApp, PHONE, Some(&phone), text, external)
        .await
        .expect("turn")
}

async fn bot_texts(store: &Store, id: ConversationId) -> Vec<String> {
    store
        .conversation_view(id, false)
        .await
        .expect("view")
        .messages
        .into_iter()
        .filter(|m| m.author == MessageAuthor::Bot)
        .map(|m| m.body)
        .collect()
}

#[tokio::test]
async fn a_chat_order_refused_for_stock_leaves_no_stock_taken_behind() {
    let (_dir, store) = prompt_store().await;
    let items = store.items(false).await.expect("items");
    let movements = |store: &Store| {
        let pool = store.pool().clone();
        async move {
            sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM stock_movements WHERE kind = 'sale'")
                .fetch_one(&pool)
                .await
                .expect("movements")
        }
    };
    say(&store, "2 sukuma", None).await;
    say(&store, "1 unga", None).await;
    for m in ["1", "1", "1"] {
        say(&store, m, None).await; // checkout, pickup, this number
    }
    // Meanwhile the last Unga is sold at the till: the chat's order, whose
    // first line (Sukuma) fits, is refused on its second.
    let unga = items.iter().find(|i| i.name == "Unga 2kg").expect("unga");
    let mut none_left = dukadesk_domain::catalogue::ItemInput::from_item(unga);
    none_left.stock = "0".into();
    store.save_item(&none_left).await.expect("count");
    let (id, _) = say(&store, "1", None).await; // pay
    let orders = store
        .list_orders(&OrderQuery::default(), Country::Kenya)
        .await
        .expect("orders");
    assert!(orders.is_empty(), "refused: {orders:?}");
    assert!(
        bot_texts(&store, id)
            .await
            .iter()
            .any(|t| t.contains("Unga")),
        "the customer hears why"
    );
    assert_eq!(movements(&store).await, 0, "no sale stays behind");
    let sukuma = items
        .iter()
        .find(|i| i.name == "Sukuma wiki")
        .expect("sukuma");
    assert_eq!(
        store.item(sukuma.id).await.expect("item").stock(),
        Some(1_000_000)
    );
}

#[tokio::test]
async fn a_chat_order_is_created_paid_and_followed_by_status_messages() {
    let (_dir, store) = prompt_store().await;
    let (id, e) = say(&store, "hi", Some("m1")).await;
    assert!(e.queued);
    say(&store, "2 sukuma", Some("m2")).await;
    say(&store, "1", Some("m3")).await; // checkout
    say(&store, "1", Some("m4")).await; // pickup
    say(&store, "1", Some("m5")).await; // this number
    let (_, effects) = say(&store, "1", Some("m6")).await; // pay
    assert_eq!(effects.payments.len(), 1);
    let orders = store
        .list_orders(&OrderQuery::default(), Country::Kenya)
        .await
        .expect("orders");
    assert_eq!(orders.len(), 1);
    assert_eq!(orders[0].status, OrderStatus::AwaitingPayment);
    assert_eq!(orders[0].total.minor, 6_000);
    // Stock is taken for a real chat order.
    let items = store.items(false).await.expect("items");
    assert_eq!(
        items
            .iter()
            .find(|i| i.name == "Sukuma wiki")
            .and_then(|i| i.stock()),
        Some(999_998)
    );

    let payment = effects.payments[0];
    store
        .apply_payment_outcome(
            payment,
            ProviderOutcome::Paid {
                receipt: Some("QFT4ABC12X".into()),
            },
        )
        .await
        .expect("paid");
    // The same outcome again (a duplicate callback) changes nothing.
    let again = store
        .apply_payment_outcome(
            payment,
            ProviderOutcome::Paid {
                receipt: Some("QFT4ABC12X".into()),
            },
        )
        .await
        .expect("again");
    assert_eq!(again, super::Effects::default());
    let detail = store.order_detail(orders[0].id).await.expect("detail");
    assert_eq!(detail.order.status, OrderStatus::Paid);
    assert_eq!(detail.payments.len(), 1);
    assert_eq!(detail.payments[0].state, PaymentState::Succeeded);
    let texts = bot_texts(&store, id).await;
    let confirmations = texts.iter().filter(|t| t.contains("QFT4ABC12X")).count();
    assert_eq!(confirmations, 1, "{texts:#?}");
    assert!(texts
        .last()
        .expect("reply")
        .contains(&format!("#{}", orders[0].number)));

    // Staff move it on; the customer hears each step once. A pickup
    // ordered by chat is made ready first, so the customer knows when to
    // come, then collected (never "delivered").
    let prepared = store
        .apply_order_event(orders[0].id, OrderEvent::StartPreparing, "till")
        .await
        .expect("prepare");
    assert_eq!(prepared.next_step, Some(OrderEvent::Dispatch));
    store
        .apply_order_event(orders[0].id, OrderEvent::Dispatch, "till")
        .await
        .expect("ready");
    store
        .apply_order_event(orders[0].id, OrderEvent::Deliver, "till")
        .await
        .expect("collected");
    let texts = bot_texts(&store, id).await;
    assert!(texts.iter().any(|t| t.contains("is being prepared")));
    assert!(
        texts.iter().any(|t| t.contains("is ready for pickup")),
        "{texts:#?}"
    );
    assert!(texts.last().expect("reply").contains("has been collected"));
    assert!(!texts
        .iter()
        .any(|t| t.contains("delivered") || t.contains("on its way")));
}

#[tokio::test]
async fn a_redelivered_message_is_handled_once() {
    let (_dir, store) = shop_store().await;
    let (id, _) = say(&store, "2 sukuma", Some("wamid.1")).await;
    let (_, effects) = say(&store, "2 sukuma", Some("wamid.1")).await;
    assert_eq!(effects, super::Effects::default());
    let view = store.conversation_view(id, false).await.expect("view");
    assert_eq!(
        view.messages
            .iter()
            .filter(|m| m.author == MessageAuthor::Customer)
            .count(),
        1
    );
    assert_eq!(
        view.messages
            .iter()
            .filter(|m| m.author == MessageAuthor::Bot)
            .count(),
        1
    );
    assert_eq!(view.summary.unread, 1);
}

#[tokio::test]
async fn a_failed_then_retried_payment_records_each_attempt_once() {
    let (_dir, store) = prompt_store().await;
    let (id, _) = say(&store, "2 sukuma", None).await;
    for m in ["1", "1", "1"] {
        say(&store, m, None).await;
    }
    let (_, first) = say(&store, "1", None).await;
    store
        .apply_payment_outcome(
            first.payments[0],
            ProviderOutcome::Failed {
                reason: dukadesk_domain::bot::PaymentFailure::Cancelled,
            },
        )
        .await
        .expect("failed");
    let orders = store
        .list_orders(&OrderQuery::default(), Country::Kenya)
        .await
        .expect("orders");
    assert_eq!(orders[0].status, OrderStatus::PaymentFailed);
    let (_, retry) = say(&store, "1", None).await; // try again
    assert_eq!(retry.payments.len(), 1);
    assert_ne!(retry.payments[0], first.payments[0]);
    let orders_after = store
        .list_orders(&OrderQuery::default(), Country::Kenya)
        .await
        .expect("orders");
    assert_eq!(orders_after.len(), 1, "a retry pays the same order");
    assert_eq!(orders_after[0].status, OrderStatus::AwaitingPayment);
    // Timeout: unknown, not failed; a late success still pays.
    store
        .apply_payment_outcome(retry.payments[0], ProviderOutcome::Unknown)
        .await
        .expect("unknown");
    let view = store.conversation_view(id, false).await.expect("view");
    assert!(view.summary.needs_attention);
    store
        .apply_payment_outcome(
            retry.payments[0],
            ProviderOutcome::Paid {
                receipt: Some("QAB1234567".into()),
            },
        )
        .await
        .expect("late");
    let detail = store.order_detail(orders[0].id).await.expect("detail");
    assert_eq!(detail.order.status, OrderStatus::Paid);
    let states: Vec<_> = detail.payments.iter().map(|p| p.state).collect();
    assert_eq!(states, [PaymentState::Failed, PaymentState::Succeeded]);
    // A receipt already applied cannot pay anything else.
    let unknown = store
        .apply_payment_outcome(PaymentId(uuid::Uuid::nil()), ProviderOutcome::Unknown)
        .await;
    assert!(unknown.is_err());
}

#[tokio::test]
async fn staff_takeover_silences_the_bot_and_replies_queue_in_order() {
    let (_dir, store) = shop_store().await;
    let (id, _) = say(&store, "hi", None).await;
    let view = store
        .staff_reply(id, "Habari! This is Wanjiru from the shop.", "Wanjiru")
        .await
        .expect("reply");
    assert!(view.summary.taken_over_until.is_some());
    // Who replied, and so who paused the bot, is recorded by name.
    assert_eq!(view.summary.taken_over_by.as_deref(), Some("Wanjiru"));
    let reply = view.messages.last().expect("the reply");
    assert_eq!(reply.author, MessageAuthor::Staff);
    assert_eq!(reply.by.as_deref(), Some("Wanjiru"));
    assert!(
        view.messages[..view.messages.len() - 1]
            .iter()
            .all(|m| m.by.is_none()),
        "only staff replies name someone"
    );
    let before = bot_texts(&store, id).await.len();
    say(&store, "2 sukuma", None).await;
    assert_eq!(
        bot_texts(&store, id).await.len(),
        before,
        "the bot stays quiet during a takeover"
    );
    let released = store
        .set_takeover(id, false, "Juma")
        .await
        .expect("release");
    assert_eq!(released.summary.handed_back_by.as_deref(), Some("Juma"));
    assert!(released.summary.taken_over_until.is_none());
    say(&store, "2 sukuma", None).await;
    assert_eq!(bot_texts(&store, id).await.len(), before + 1);
    let authors: Vec<_> = store
        .conversation_view(id, true)
        .await
        .expect("view")
        .messages
        .iter()
        .map(|m| m.author)
        .collect();
    assert_eq!(
        authors[..4],
        [
            MessageAuthor::Customer,
            MessageAuthor::Bot,
            MessageAuthor::Bot,
            MessageAuthor::Staff
        ]
    );
    assert_eq!(
        store
            .conversation_view(id, false)
            .await
            .expect("view")
            .summary
            .unread,
        0
    );
    assert!(matches!(
        store.staff_reply(id, "   ", "Wanjiru").await,
        Err(crate::StoreError::Invalid(_))
    ));
}

#[tokio::test]
async fn delete_me_records_an_erasure_request() {
    let (_dir, store) = shop_store().await;
    say(&store, "delete me", None).await;
    say(&store, "yes", None).await;
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM erasure_requests WHERE address = ?")
        .bind(PHONE)
        .fetch_one(store.pool())
        .await
        .expect("count");
    assert_eq!(count, 1);
}

#[tokio::test]
async fn delete_me_and_stop_are_honoured_while_staff_hold_the_chat() {
    let (_dir, store) = shop_store().await;
    let (id, _) = say(&store, "hi", None).await;
    store
        .set_takeover(id, true, "Amina")
        .await
        .expect("take over");
    let before = bot_texts(&store, id).await.len();
    say(&store, "do you deliver to Ruaka?", None).await;
    assert_eq!(
        bot_texts(&store, id).await.len(),
        before,
        "the bot is quiet"
    );

    say(&store, "STOP", None).await;
    let opted_out: i64 = sqlx::query_scalar("SELECT opted_out FROM customers WHERE phone = ?")
        .bind(PHONE)
        .fetch_one(store.pool())
        .await
        .expect("customer");
    assert_eq!(opted_out, 1, "STOP is recorded while staff hold the chat");

    say(&store, "delete me", None).await;
    say(&store, "yes", None).await;
    let requests: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM erasure_requests WHERE address = ?")
            .bind(PHONE)
            .fetch_one(store.pool())
            .await
            .expect("count");
    assert_eq!(
        requests, 1,
        "DELETE ME is recorded while staff hold the chat"
    );
    let view = store.conversation_view(id, false).await.expect("view");
    assert!(view.summary.needs_attention, "staff see that it happened");
    let said = bot_texts(&store, id).await;
    assert!(
        said.len() >= before + 3,
        "the customer was answered: {said:#?}"
    );
}

#[tokio::test]
async fn the_test_chat_runs_end_to_end_through_the_dispatcher_and_simulated_payment() {
    let (_dir, store) = shop_store().await;
    let rt = ChatRuntime::start(store.clone(), Duration::from_millis(50));
    for m in ["hi", "2 sukuma", "1", "1", "1", "1"] {
        rt.test_chat_send("0708 374 149", m).await.expect("send");
    }
    // The simulated M-Pesa pays; the bot confirms; the dispatcher delivers.
    let mut confirmed = false;
    for _ in 0..100 {
        tokio::time::sleep(Duration::from_millis(50)).await;
        let sent = rt.simulator().sent();
        if sent.iter().any(|(_, t)| t.contains("is confirmed"))
            && store.queued_count("test_chat").await.expect("queue") == 0
        {
            confirmed = true;
            break;
        }
    }
    assert!(confirmed, "sent: {:#?}", rt.simulator().sent());
    let sent = rt.simulator().sent();
    assert!(sent.iter().all(|(to, _)| to == "254708374149"));
    // Delivered in the order the bot wrote them.
    let first_welcome = sent.iter().position(|(_, t)| t.contains("Welcome"));
    let confirmation = sent.iter().position(|(_, t)| t.contains("is confirmed"));
    assert!(first_welcome < confirmation);
    // Test orders are marked and leave stock alone.
    let orders = store
        .list_orders(&OrderQuery::default(), Country::Kenya)
        .await
        .expect("orders");
    assert_eq!(
        orders[0].channel,
        dukadesk_domain::order::OrderChannel::TestChat
    );
    assert_eq!(orders[0].status, OrderStatus::Paid);
    let items = store.items(false).await.expect("items");
    assert!(items.iter().all(|i| i.stock() == Some(1_000_000)));
    // A failing simulated payment says so in the chat.
    rt.set_test_payment(SimulatedPayment::Fail)
        .await
        .expect("mode");
    for m in ["2 sukuma", "1", "1", "1", "1"] {
        rt.test_chat_send("0708 374 149", m).await.expect("send");
    }
    let mut failed = false;
    for _ in 0..100 {
        tokio::time::sleep(Duration::from_millis(50)).await;
        if rt
            .simulator()
            .sent()
            .iter()
            .any(|(_, t)| t.contains("didn't go through"))
        {
            failed = true;
            break;
        }
    }
    assert!(failed);
    let view = rt.reset_test_chat().await.expect("reset");
    assert!(view.conversation.is_none());
    assert_eq!(
        store
            .list_orders(&OrderQuery::default(), Country::Kenya)
            .await
            .expect("orders")
            .len(),
        2
    );
    rt.shutdown();
    // Bad phone input is refused beside the field.
    assert!(
        matches!(rt.test_chat_send("12", "hi").await, Err(crate::StoreError::Invalid(f)) if f[0].field == "phone")
    );
}

#[tokio::test]
async fn many_concurrent_chats_each_create_their_own_order_once() {
    let (_dir, store) = shop_store().await;
    let mut tasks = Vec::new();
    for n in 0..20u32 {
        let store = store.clone();
        tasks.push(tokio::spawn(async move {
            let address = format!("2547120000{n:02}");
            let phone = Msisdn::parse(&address, Country::Kenya).expect("phone");
            for (i, m) in ["2 sukuma", "1", "1", "1", "1", "1", "1"]
                .iter()
                .enumerate()
            {
                store
                    .receive_message(
                        ChatChannel::WhatsApp,
                        &address,
                        Some(&phone),
                        m,
                        Some(&format!("{n}-{i}")),
                    )
                    .await
                    .expect("turn");
            }
        }));
    }
    for t in tasks {
        t.await.expect("task");
    }
    let orders = store
        .list_orders(
            &OrderQuery {
                limit: 500,
                ..Default::default()
            },
            Country::Kenya,
        )
        .await
        .expect("orders");
    assert_eq!(orders.len(), 20, "one order per chat");
}

#[tokio::test]
async fn a_phone_gets_at_most_three_prompts_an_hour() {
    let (_dir, store) = prompt_store().await;
    let (id, _) = say(&store, "2 sukuma", None).await;
    for m in ["1", "1", "1"] {
        say(&store, m, None).await;
    }
    let (_, mut effects) = say(&store, "1", None).await; // first prompt
    for _ in 0..2 {
        store
            .apply_payment_outcome(
                effects.payments[0],
                ProviderOutcome::Failed {
                    reason: dukadesk_domain::bot::PaymentFailure::Cancelled,
                },
            )
            .await
            .expect("failed");
        effects = say(&store, "1", None).await.1; // try again
        assert_eq!(effects.payments.len(), 1);
    }
    store
        .apply_payment_outcome(
            effects.payments[0],
            ProviderOutcome::Failed {
                reason: dukadesk_domain::bot::PaymentFailure::Cancelled,
            },
        )
        .await
        .expect("failed");
    // A fourth prompt to the same phone within the hour is refused politely.
    let (_, fourth) = say(&store, "1", None).await;
    assert!(fourth.payments.is_empty());
    let texts = bot_texts(&store, id).await;
    assert!(
        texts
            .last()
            .expect("reply")
            .contains("several M-Pesa prompts"),
        "{texts:#?}"
    );
    // Another number may still pay.
    say(&store, "2", None).await;
    let (_, other) = say(&store, "0722 000 111", None).await;
    assert_eq!(other.payments.len(), 1);
}

#[tokio::test]
async fn simulated_payments_waiting_at_a_restart_are_answered_after_it() {
    let (_dir, store) = shop_store().await;
    // The test chat's payment is out when the app stops (a runtime whose
    // simulated M-Pesa takes far longer than the test).
    let before = ChatRuntime::start(store.clone(), Duration::from_secs(3600));
    for m in ["2 sukuma", "1", "1", "1", "1"] {
        before
            .test_chat_send("0708 374 149", m)
            .await
            .expect("send");
    }
    before.shutdown();
    let id = store
        .conversation_by_address(ChatChannel::TestChat, "254708374149")
        .await
        .expect("lookup")
        .expect("the test chat");
    // Now it starts again.
    let rt = ChatRuntime::start(store.clone(), Duration::from_millis(10));
    assert_eq!(rt.resume().await.expect("resume"), 1);
    let mut paid = false;
    for _ in 0..100 {
        tokio::time::sleep(Duration::from_millis(20)).await;
        if bot_texts(&store, id)
            .await
            .iter()
            .any(|t| t.contains("is confirmed"))
        {
            paid = true;
            break;
        }
    }
    rt.shutdown();
    assert!(paid);
    assert_eq!(rt.resume().await.expect("again"), 0, "nothing left pending");
}

#[tokio::test]
async fn taking_a_chat_over_and_handing_it_back_record_who_did_it() {
    let (_dir, store) = shop_store().await;
    let (id, _) = say(&store, "hi", None).await;
    let fresh = store.conversation_view(id, false).await.expect("view");
    assert_eq!(fresh.summary.taken_over_by, None);
    assert_eq!(fresh.summary.handed_back_by, None);

    let taken = store
        .set_takeover(id, true, "Amina")
        .await
        .expect("take over");
    assert!(taken.summary.taken_over_until.is_some());
    assert_eq!(taken.summary.taken_over_by.as_deref(), Some("Amina"));
    assert_eq!(taken.summary.handed_back_by, None);

    let back = store
        .set_takeover(id, false, "Owner")
        .await
        .expect("hand back");
    assert!(back.summary.taken_over_until.is_none());
    assert_eq!(back.summary.taken_over_by.as_deref(), Some("Amina"));
    assert_eq!(back.summary.handed_back_by.as_deref(), Some("Owner"));

    // Taking over again starts afresh: no stale hand-back beside it.
    let again = store.set_takeover(id, true, "Juma").await.expect("again");
    assert_eq!(again.summary.taken_over_by.as_deref(), Some("Juma"));
    assert_eq!(again.summary.handed_back_by, None);
    // The inbox list carries the same.
    let listed = store.conversations().await.expect("list");
    assert_eq!(listed[0].taken_over_by.as_deref(), Some("Juma"));
}

/// Issue 15, fault 1: with WhatsApp linked and no M-Pesa service connected,
/// a real customer was paid by the simulator and told "payment received"
/// with no money moved. Now they pay the shop's till by hand, send the
/// code, and only staff confirming it against the statement pays the order.
#[tokio::test]
async fn a_real_chat_with_no_mpesa_service_pays_by_hand_and_only_staff_confirm_it() {
    use dukadesk_domain::ipc::{ManualPayInput, SavePaymentSettings, SettlePayment};
    use dukadesk_domain::payment::PaymentMethod;
    let (_dir, store) = shop_store().await;
    // As in the app, the runtime starts what each turn asks for: were the
    // attempt simulated, the simulated M-Pesa would pay it.
    let rt = ChatRuntime::start(store.clone(), Duration::from_millis(1));
    let mut payments = Vec::new();
    let mut chat = None;
    for m in ["2 sukuma", "1", "1", "1"] {
        let (id, effects) = say(&store, m, None).await;
        payments.extend(effects.payments.clone());
        rt.after(effects);
        chat = Some(id);
    }
    let chat = chat.expect("chat");
    assert_eq!(payments.len(), 1);
    let orders = store
        .list_orders(&OrderQuery::default(), Country::Kenya)
        .await
        .expect("orders");
    let detail = store.order_detail(orders[0].id).await.expect("detail");
    assert_eq!(detail.payments[0].method, PaymentMethod::MpesaManual);
    assert_eq!(
        rt.resume().await.expect("resume"),
        0,
        "nothing simulated to pick up"
    );
    // No till or paybill saved yet: the customer is told staff will say
    // how, and staff are alerted.
    let texts = bot_texts(&store, chat).await;
    assert!(
        texts.last().expect("reply").contains("how to pay"),
        "{texts:#?}"
    );
    assert!(
        store
            .conversation_view(chat, false)
            .await
            .expect("view")
            .summary
            .needs_attention
    );

    // The shop saves its till: the next customer is told where to pay.
    store
        .save_payment_settings(&SavePaymentSettings {
            manual: Some(ManualPayInput {
                kind: "till".into(),
                number: "5123456".into(),
            }),
            ..Default::default()
        })
        .await
        .expect("till");
    let other = Msisdn::parse("0722000111", Country::Kenya).expect("phone");
    let mut second = None;
    for m in [
        "2 sukuma",
        "1",
        "1",
        "1",
        "QGH4ABC12X Confirmed. Ksh60.00 paid",
    ] {
        let (id, effects) = store
            .receive_message(ChatChannel::WhatsApp, other.as_str(), Some(&other), m, None)
            .await
            .expect("turn");
        rt.after(effects);
        second = Some(id);
    }
    let second = second.expect("chat");
    let texts = bot_texts(&store, second).await;
    assert!(
        texts.iter().any(|t| t.contains("till *5123456*")),
        "{texts:#?}"
    );
    assert!(texts.last().expect("reply").contains("QGH4ABC12X"));
    // Staff see both, the second with the code the customer sent.
    let unsettled = store.unsettled_payments().await.expect("unsettled");
    assert_eq!(unsettled.len(), 2);
    assert!(unsettled.iter().all(|p| p.by_hand));
    let claimed = unsettled
        .iter()
        .find(|p| p.provider_ref.as_deref() == Some("QGH4ABC12X"))
        .expect("the claimed one");
    let first = unsettled
        .iter()
        .find(|p| p.provider_ref.is_none())
        .expect("the first");
    for order in store
        .list_orders(&OrderQuery::default(), Country::Kenya)
        .await
        .expect("orders")
    {
        assert_eq!(
            order.status,
            OrderStatus::AwaitingPayment,
            "nothing paid by itself"
        );
    }
    // Paid by hand needs the code; a malformed one is refused.
    for bad in ["", "QGH4"] {
        let err = store
            .settle_payment(
                &SettlePayment {
                    id: claimed.id,
                    paid: true,
                    receipt: bad.into(),
                    no_code_reason: String::new(),
                },
                "Wanjiru",
            )
            .await
            .unwrap_err();
        assert!(matches!(err, crate::StoreError::Invalid(_)), "{err:?}");
    }
    let effects = store
        .settle_payment(
            &SettlePayment {
                id: claimed.id,
                paid: true,
                receipt: "qgh4abc12x".into(),
                no_code_reason: String::new(),
            },
            "Wanjiru",
        )
        .await
        .expect("confirm");
    rt.after(effects);
    let texts = bot_texts(&store, second).await;
    assert!(
        texts
            .last()
            .expect("reply")
            .contains("received (M-Pesa QGH4ABC12X)"),
        "{texts:#?}"
    );
    // The same code cannot pay the other order.
    let err = store
        .settle_payment(
            &SettlePayment {
                id: first.id,
                paid: true,
                receipt: "QGH4ABC12X".into(),
                no_code_reason: String::new(),
            },
            "Wanjiru",
        )
        .await
        .unwrap_err();
    assert!(format!("{err:?}").contains("already recorded"), "{err:?}");
    let detail = store.order_detail(claimed.order_id).await.expect("detail");
    assert_eq!(detail.order.status, OrderStatus::Paid);
    assert_eq!(detail.payments[0].settled_by.as_deref(), Some("Wanjiru"));
    rt.shutdown();
}

mod on_delivery;
