//! Property tests: whatever customers type (random Unicode, emoji, huge
//! messages, bursts of the same message, payment events in any order), the
//! bot never panics, always answers, keeps a valid state, and never creates
//! or pays an order twice.

use super::*;
use proptest::prelude::*;

fn any_message() -> impl Strategy<Value = String> {
    prop_oneof![
        // Things customers really type.
        prop::sample::select(vec![
            "hi",
            "Habari",
            "1",
            "2",
            "3",
            "4",
            "9",
            "0",
            "menu",
            "cart",
            "track",
            "cancel",
            "agent",
            "bot",
            "help",
            "delete me",
            "yes",
            "no",
            "sw",
            "en",
            "fr",
            "ar",
            "Bonjour",
            "السلام عليكم",
            "oui",
            "stop",
            "start",
            "2 sukuma",
            "tomatos x3",
            "remove sukuma",
            "0712345678",
            "0733 000 111",
            "Moi Avenue",
            "1gb",
            "unga 5",
            "photo of sukuma",
            "picha 2",
            "montre-moi le riz",
            "صورة طماطم",
            "🙂",
            "👍👍👍",
            "",
        ])
        .prop_map(str::to_owned),
        // Anything at all.
        "\\PC{0,40}",
        // Long messages (up to about 10 kB).
        "[a-z0-9 ]{0,200}".prop_map(|s| s.repeat(50)),
    ]
}

#[derive(Debug, Clone)]
enum Event {
    Say(String),
    Burst(String, usize),
    Paid,
    Failed,
    Unknown,
    Status(OrderStatus),
    Takeover,
    Release,
}

fn any_event() -> impl Strategy<Value = Event> {
    prop_oneof![
        6 => any_message().prop_map(Event::Say),
        1 => (any_message(), 2usize..6).prop_map(|(m, n)| Event::Burst(m, n)),
        1 => Just(Event::Paid),
        1 => Just(Event::Failed),
        1 => Just(Event::Unknown),
        1 => prop::sample::select(OrderStatus::ALL.to_vec()).prop_map(Event::Status),
        1 => Just(Event::Takeover),
        1 => Just(Event::Release),
    ]
}

fn check_state(chat: &Chat) -> Result<(), TestCaseError> {
    let s = &chat.state;
    prop_assert!(s
        .cart
        .lines
        .iter()
        .all(|l| l.qty >= 1 && l.qty <= crate::cart::MAX_QTY));
    prop_assert!(s.cart.subtotal().is_ok());
    // Every item in the cart is one the shop sells, within stock.
    for l in &s.cart.lines {
        let item = chat.fx.items.iter().find(|i| i.id == l.item_id);
        prop_assert!(
            item.is_some_and(|i| !i.archived && i.can_sell(l.qty)),
            "bad cart line {l:?}"
        );
    }
    if let Stage::AwaitingPayment(o) | Stage::PaymentFailed(o) = s.stage {
        prop_assert!(
            chat.orders.iter().any(|r| r.id == o),
            "waiting on an order never created"
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn random_conversations_stay_valid(events in prop::collection::vec(any_event(), 1..40)) {
        let mut chat = Chat::new(Some("0712345678"));
        let mut paid_orders = std::collections::HashSet::new();
        for event in events {
            let quiet = chat.state.is_quiet(Utc.from_utc_datetime(&chat.local_now));
            match event {
                Event::Say(m) => {
                    let out = chat.say(&m);
                    let confirm_delete = chat.state.stage == Stage::ConfirmDelete;
                    prop_assert!(quiet || !Chat::replies(&out).is_empty() || confirm_delete, "no reply to {m:?}");
                }
                Event::Burst(m, n) => {
                    for _ in 0..n {
                        chat.say(&m);
                    }
                }
                Event::Paid | Event::Failed | Event::Unknown if chat.orders.is_empty() => {}
                Event::Paid => {
                    let out = chat.pay(PaymentOutcome::Paid { receipt: Some("QFT4ABC12X".into()) });
                    let order = chat.orders.last().map(|o| o.id);
                    if !Chat::replies(&out).is_empty() {
                        prop_assert!(paid_orders.insert(order), "order {order:?} confirmed as paid twice");
                    }
                }
                Event::Failed => { chat.pay(PaymentOutcome::Failed { reason: PaymentFailure::Other }); }
                Event::Unknown => { chat.pay(PaymentOutcome::Unknown); }
                Event::Status(st) => {
                    if let Some(o) = chat.orders.last().map(|o| o.id) {
                        chat.feed(Inbound::OrderStatus { order_id: o, number: 1042, status: st, fulfilment: FulfilmentKind::Delivery });
                    }
                }
                Event::Takeover => {
                    let until = Utc.from_utc_datetime(&chat.local_now) + Duration::minutes(10);
                    chat.feed(Inbound::Takeover { until });
                }
                Event::Release => { chat.feed(Inbound::Release); }
            }
            check_state(&chat)?;
        }
        // Order ids are never reused: each CreateOrder is a new order.
        let ids: std::collections::HashSet<_> = chat.orders.iter().map(|o| o.id).collect();
        prop_assert_eq!(ids.len(), chat.orders.len());
    }

    /// Many conversations at once do not affect each other: each chat's
    /// transcript is what it would be alone.
    #[test]
    fn concurrent_conversations_are_independent(scripts in prop::collection::vec(prop::collection::vec(any_message(), 1..8), 2..6)) {
        let alone: Vec<String> = scripts.iter().map(|script| {
            let mut chat = Chat::new(Some("0712345678"));
            for m in script { chat.say(m); }
            chat.transcript
        }).collect();
        let mut chats: Vec<Chat> = scripts.iter().map(|_| Chat::new(Some("0712345678"))).collect();
        let longest = scripts.iter().map(Vec::len).max().unwrap_or(0);
        for i in 0..longest {
            for (chat, script) in chats.iter_mut().zip(&scripts) {
                if let Some(m) = script.get(i) { chat.say(m); }
            }
        }
        for (chat, expected) in chats.iter().zip(&alone) {
            prop_assert_eq!(&chat.transcript, expected);
        }
    }
}

#[test]
fn a_ten_kilobyte_message_gets_a_short_answer() {
    let mut chat = Chat::new(Some("0712345678"));
    chat.say("hi");
    let huge = "sukuma ".repeat(1500);
    let out = chat.say(&huge);
    let replies = Chat::replies(&out).join("\n");
    assert!(!replies.is_empty());
    assert!(
        replies.len() < 2_000,
        "the reply echoed the message: {} bytes",
        replies.len()
    );
}
