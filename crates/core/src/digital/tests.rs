//! The fulfilment machine against a real store and the Africa's Talking
//! simulator: a paid chat order's airtime and bundles are sent once,
//! followed to delivery, and told to the customer; nothing unpaid or
//! cancelled is sent; a lost answer is asked again, never sent anew; a
//! failure is refund due until staff settle it.

use super::africastalking::AfricasTalking;
use super::fulfil::DueSend;
use super::sender::{step, Pace, Via, NOT_CONNECTED};
use super::settings::LiveDigital;
use crate::payments::ProviderOutcome;
use crate::store::testing::{prompt_store, say};
use crate::store::{Store, StoreError};
use dukadesk_domain::catalogue::{ItemInput, ItemKindChoice};
use dukadesk_domain::ipc::{
    DigitalSettingsInput, DigitalState, DigitalVerdict, MessageAuthor, SettleDigital,
};
use dukadesk_domain::{ConversationId, OrderId, PaymentId, Sensitive};
use dukadesk_sims::africastalking::{AfricasTalkingSim, Config, Delivery as SimDelivery};
use std::time::Duration;

/// Pauses of a millisecond: the tests take each step themselves.
const QUICK: Pace = Pace {
    poll: crate::backoff::Backoff::doubling(Duration::from_millis(1), Duration::from_millis(1)),
    retry: crate::backoff::Backoff::doubling(Duration::from_millis(1), Duration::from_millis(1)),
    idle: Duration::from_millis(1),
};

const CUSTOMER: &str = "0712 000 111";
const FRIEND: &str = "0733 111 222";

struct Rig {
    _dir: tempfile::TempDir,
    store: Store,
    sim: AfricasTalkingSim,
    at: AfricasTalking,
    live: LiveDigital,
}

/// A shop selling airtime and a bundle, paid by M-Pesa prompt, its live
/// Africa's Talking account at the simulator.
async fn rig(config: Config) -> Rig {
    let (dir, store) = prompt_store().await;
    for (name, price, kind, mb, days) in [
        ("Airtime 100", "100", ItemKindChoice::Airtime, "", ""),
        (
            "Safaricom 1GB",
            "99",
            ItemKindChoice::DataBundle,
            "1024",
            "1",
        ),
    ] {
        store
            .save_item(&ItemInput {
                name: name.into(),
                price: price.into(),
                kind,
                megabytes: mb.into(),
                validity_days: days.into(),
                ..Default::default()
            })
            .await
            .expect("item");
    }
    let (username, key) = (config.username.clone(), config.api_key.clone());
    let sim = AfricasTalkingSim::start(config).await.expect("sim");
    store
        .save_digital_settings(&DigitalSettingsInput {
            environment: sim.base_url(),
            username,
            api_key: Sensitive::new(key),
            bundle_product: "DukaDesk Data".into(),
        })
        .await
        .expect("settings");
    let live = store.live_digital().await.expect("read").expect("live");
    let at = AfricasTalking::new(live.config.clone()).expect("client");
    Rig {
        _dir: dir,
        store,
        sim,
        at,
        live,
    }
}

impl Rig {
    /// The customer orders `what` for the friend's number and confirms;
    /// the order and its payment attempt.
    async fn order(&self, what: &str) -> (ConversationId, OrderId, PaymentId) {
        self.order_as(CUSTOMER, what, FRIEND).await
    }

    /// `customer` orders `what` for `recipient`.
    async fn order_as(
        &self,
        customer: &str,
        what: &str,
        recipient: &str,
    ) -> (ConversationId, OrderId, PaymentId) {
        let mut payments = Vec::new();
        let mut chat = None;
        for m in [what, "2", recipient, "1", "1", "1"] {
            let (id, effects) = say(&self.store, customer, m).await;
            chat = Some(id);
            payments.extend(effects.payments);
        }
        let chat = chat.expect("a chat");
        assert_eq!(payments.len(), 1, "one payment: {}", self.said(chat).await);
        let order: String = sqlx::query_scalar("SELECT order_id FROM payments WHERE id = ?")
            .bind(payments[0].to_string())
            .fetch_one(crate::store::testing::pool(&self.store))
            .await
            .expect("order");
        let order = OrderId(order.parse().expect("uuid"));
        (chat, order, payments[0])
    }

    async fn pay(&self, payment: PaymentId) -> crate::events::Effects {
        self.store
            .apply_payment_outcome(
                payment,
                ProviderOutcome::Paid {
                    receipt: Some(
                        format!("QK{}", &payment.0.simple().to_string()[..8]).to_uppercase(),
                    ),
                },
            )
            .await
            .expect("paid")
    }

    /// Every send of `order`, as the sender sees them.
    async fn sends(&self, order: OrderId) -> Vec<DueSend> {
        let mut out = Vec::new();
        for v in self.store.digital_sends_of(order).await.expect("sends") {
            out.push(
                self.store
                    .digital_send(v.id)
                    .await
                    .expect("read")
                    .expect("send"),
            );
        }
        out
    }

    /// One step for each of `order`'s sends through the live account.
    async fn step_all(&self, order: OrderId) {
        for send in self.sends(order).await {
            step(&self.store, &send, Via::Live(&self.at, &self.live), &QUICK)
                .await
                .expect("step");
        }
    }

    async fn states(&self, order: OrderId) -> Vec<DigitalState> {
        self.store
            .digital_sends_of(order)
            .await
            .expect("sends")
            .iter()
            .map(|s| s.state)
            .collect()
    }

    /// Everything the bot said in the chat, one message a line.
    async fn said(&self, chat: ConversationId) -> String {
        self.store
            .conversation_view(chat, false)
            .await
            .expect("chat")
            .messages
            .iter()
            .filter(|m| m.author == MessageAuthor::Bot)
            .map(|m| m.body.clone())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

#[tokio::test]
async fn paid_airtime_is_sent_once_followed_to_delivery_and_told() {
    let rig = rig(Config::default()).await;
    let (chat, order, payment) = rig.order("airtime 100").await;
    assert_eq!(rig.states(order).await, [DigitalState::Unpaid]);

    // Unpaid: a step sends nothing.
    rig.step_all(order).await;
    assert!(rig.sim.sent().is_empty(), "nothing sent before payment");

    let effects = rig.pay(payment).await;
    assert!(effects.digital, "the payment wakes the sender");
    assert_eq!(rig.states(order).await, [DigitalState::Queued]);

    rig.step_all(order).await;
    let sent = rig.sim.sent();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].phone, "+254733111222");
    assert_eq!(sent[0].value_kes, 100);
    assert_eq!(rig.states(order).await, [DigitalState::Sent]);
    let views = rig.store.digital_sends_of(order).await.expect("views");
    assert_eq!(views[0].request_id.as_deref(), Some(sent[0].id.as_str()));

    rig.step_all(order).await;
    assert_eq!(rig.states(order).await, [DigitalState::Delivered]);
    let said = rig.said(chat).await;
    assert!(said.contains("being sent to 0733 111 222"), "{said}");
    assert!(
        said.contains("Airtime 100 has reached 0733 111 222"),
        "{said}"
    );
    // Nothing else to hand over: the order is done, and the customer heard
    // of the delivery once, with no other status message.
    let detail = rig.store.order_detail(order).await.expect("order");
    assert_eq!(
        detail.order.status,
        dukadesk_domain::order::OrderStatus::Delivered
    );
    assert_eq!(said.matches("has reached").count(), 1, "{said}");
    assert!(
        !said.contains("collected") && !said.contains("ready"),
        "{said}"
    );

    // Further steps and a payment told twice send nothing more.
    rig.step_all(order).await;
    rig.pay(payment).await;
    rig.step_all(order).await;
    assert_eq!(rig.sim.sent().len(), 1);
    assert!(rig
        .store
        .digital_to_settle()
        .await
        .expect("list")
        .is_empty());
}

#[tokio::test]
async fn a_bundle_that_fails_on_the_network_is_told_and_refund_due_until_staff_settle() {
    let rig = rig(Config::default()).await;
    rig.sim.script(
        "+254733111222",
        SimDelivery::Fails("Subscriber not found".into()),
    );
    let (chat, order, payment) = rig.order("1gb").await;
    rig.pay(payment).await;
    rig.step_all(order).await;
    rig.step_all(order).await;
    assert_eq!(rig.states(order).await, [DigitalState::Failed]);
    let said = rig.said(chat).await;
    assert!(
        said.contains("could not send Safaricom 1GB to 0733 111 222"),
        "{said}"
    );
    let sent = rig.sim.sent();
    assert_eq!((sent.len(), sent[0].kind), (1, "bundle"));

    let due = rig.store.digital_to_settle().await.expect("list");
    assert_eq!(due.len(), 1);
    assert!(
        due[0].problem.contains("Subscriber not found"),
        "{}",
        due[0].problem
    );

    // A refund needs to say how; then the send leaves the list.
    let refund = |note: &str| SettleDigital {
        id: due[0].id,
        verdict: DigitalVerdict::Refunded { note: note.into() },
    };
    assert!(rig
        .store
        .settle_digital(&refund("  "), "Wanjiru")
        .await
        .is_err());
    rig.store
        .settle_digital(&refund("M-Pesa reversal QKA1B2C3D4"), "Wanjiru")
        .await
        .expect("refunded");
    assert_eq!(rig.states(order).await, [DigitalState::Refunded]);
    assert!(rig
        .store
        .digital_to_settle()
        .await
        .expect("list")
        .is_empty());
    // All its money went back: the order is cancelled (after payment), and
    // the customer hears so.
    let detail = rig.store.order_detail(order).await.expect("order");
    assert_eq!(
        detail.order.status,
        dukadesk_domain::order::OrderStatus::Cancelled
    );
    assert!(
        rig.said(chat).await.contains("cancelled"),
        "{}",
        rig.said(chat).await
    );
    // Refunded is final: it cannot be sent again.
    let again = SettleDigital {
        id: due[0].id,
        verdict: DigitalVerdict::SendAgain,
    };
    assert!(rig.store.settle_digital(&again, "Wanjiru").await.is_err());
    rig.step_all(order).await;
    assert_eq!(rig.sim.sent().len(), 1);
}

#[tokio::test]
async fn no_balance_fails_at_once_then_staff_send_it_again_under_a_new_key() {
    let rig = rig(Config {
        balance_kes: 50,
        ..Config::default()
    })
    .await;
    let (chat, order, payment) = rig.order("airtime 100").await;
    rig.pay(payment).await;
    rig.step_all(order).await;
    assert_eq!(rig.states(order).await, [DigitalState::Failed]);
    assert!(rig.sim.sent().is_empty());
    let due = rig.store.digital_to_settle().await.expect("list");
    assert!(
        due[0].problem.contains("balance is too low"),
        "{}",
        due[0].problem
    );
    assert!(rig.said(chat).await.contains("could not send"));

    // Topped up (an account with money), staff send it again.
    let rich = topped_up().await;
    let effects = rig
        .store
        .settle_digital(
            &SettleDigital {
                id: due[0].id,
                verdict: DigitalVerdict::SendAgain,
            },
            "Wanjiru",
        )
        .await
        .expect("again");
    assert!(effects.digital);
    for _ in 0..2 {
        for send in rig.sends(order).await {
            step(&rig.store, &send, Via::Live(&rich.1, &rich.2), &QUICK)
                .await
                .expect("step");
        }
    }
    assert_eq!(rig.states(order).await, [DigitalState::Delivered]);
    assert_eq!(rich.0.sent().len(), 1);
    assert!(rig.said(chat).await.contains("has reached"));
}

/// A second simulator with the default balance, and a client for it.
async fn topped_up() -> (AfricasTalkingSim, AfricasTalking, LiveDigital) {
    let sim = AfricasTalkingSim::start(Config::default())
        .await
        .expect("sim");
    let live = LiveDigital {
        config: super::africastalking::AtConfig {
            base_url: sim.base_url(),
            bundles_url: sim.base_url(),
            username: "sandbox".into(),
            api_key: Sensitive::new("atsk_test_sim".into()),
        },
        bundle_product: "DukaDesk Data".into(),
    };
    let at = AfricasTalking::new(live.config.clone()).expect("client");
    (sim, at, live)
}

#[tokio::test]
async fn a_garbled_answer_after_the_provider_took_it_is_asked_again_not_sent_twice() {
    let rig = rig(Config::default()).await;
    let (_chat, order, payment) = rig.order("airtime 100").await;
    rig.pay(payment).await;
    rig.sim.garble_every(Some(1));
    rig.step_all(order).await;
    // The provider sent it; the answer was lost.
    assert_eq!(rig.sim.sent().len(), 1);
    assert_eq!(rig.states(order).await, [DigitalState::Sending]);
    // Lost again: still one.
    rig.step_all(order).await;
    assert_eq!(rig.sim.sent().len(), 1);
    rig.sim.garble_every(None);
    rig.step_all(order).await;
    assert_eq!(rig.states(order).await, [DigitalState::Sent]);
    rig.step_all(order).await;
    assert_eq!(rig.states(order).await, [DigitalState::Delivered]);
    assert_eq!(rig.sim.sent().len(), 1);
    assert_eq!(rig.sim.balance_kes(), 9_900);
}

#[tokio::test]
async fn a_restart_between_send_and_status_resumes_by_asking() {
    let rig = rig(Config::default()).await;
    rig.sim.script("+254733111222", SimDelivery::Pending);
    let (chat, order, payment) = rig.order("airtime 100").await;
    rig.pay(payment).await;
    rig.step_all(order).await;
    rig.step_all(order).await;
    assert_eq!(
        rig.states(order).await,
        [DigitalState::Sent],
        "still pending"
    );

    // The app stops and starts again on the same file: the runtime's
    // sender picks the send up and asks (it is not sent again).
    let path = rig.store.path().to_owned();
    rig.store.close().await;
    let store = Store::open(&path).await.expect("reopen");
    let vault = crate::vault::Vault::unlock(&store, &crate::store::testing::test_key_source())
        .await
        .expect("vault");
    store.attach_vault(vault).await.expect("attach");
    let id = rig.sim.sent()[0].id.clone();
    rig.sim.settle(&id, SimDelivery::Delivered);
    let runtime = crate::runtime::ChatRuntime::start_paced(
        store.clone(),
        Duration::ZERO,
        crate::payments::reconcile::Backoff::CUSTOMER,
        QUICK,
    );
    runtime.resume().await.expect("resume");
    let mut states = Vec::new();
    for _ in 0..500 {
        states = store
            .digital_sends_of(order)
            .await
            .expect("sends")
            .iter()
            .map(|s| s.state)
            .collect();
        if states == [DigitalState::Delivered] {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    runtime.shutdown();
    assert_eq!(states, [DigitalState::Delivered]);
    assert_eq!(rig.sim.sent().len(), 1, "asked, not sent again");
    let said = store.conversation_view(chat, false).await.expect("chat");
    assert!(said.messages.iter().any(|m| m.body.contains("has reached")));
}

#[tokio::test]
async fn a_cancelled_order_sends_nothing_and_an_unpaid_one_waits() {
    let rig = rig(Config::default()).await;
    let (_chat, order, _payment) = rig.order("airtime 100").await;
    // The customer never pays; staff cancel.
    rig.store
        .apply_order_event(order, dukadesk_domain::order::OrderEvent::Cancel, "Wanjiru")
        .await
        .expect("cancel");
    assert_eq!(rig.states(order).await, [DigitalState::Cancelled]);
    rig.step_all(order).await;
    assert!(rig.sim.sent().is_empty());
    assert!(rig.store.due_digital(10).await.expect("due").is_empty());

    // Paid, then cancelled before the sender took it: the money is owed
    // back, so it is refund due, and nothing is sent.
    let (_chat, order, payment) = rig.order_as("0712 000 222", "airtime 100", FRIEND).await;
    rig.pay(payment).await;
    rig.store
        .apply_order_event(order, dukadesk_domain::order::OrderEvent::Cancel, "Wanjiru")
        .await
        .expect("cancel");
    assert_eq!(rig.states(order).await, [DigitalState::Failed]);
    rig.step_all(order).await;
    assert!(rig.sim.sent().is_empty());
    let due = rig.store.digital_to_settle().await.expect("list");
    assert!(
        due[0].problem.contains("cancelled after it was paid"),
        "{}",
        due[0].problem
    );
}

/// A small deterministic generator (xorshift), so a failure replays.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// The accounting invariant over random histories of payments, provider
/// answers (delivered, failed, pending, lost), cancellations, restarts of
/// the sender and staff verdicts: every shilling paid for airtime ends
/// delivered, refund due or refunded (and then recorded as given back,
/// once); nothing is sent unpaid; nothing is delivered twice.
#[tokio::test]
async fn money_in_equals_airtime_delivered_plus_refunds_over_random_histories() {
    const ORDERS: usize = 40;
    const EVENTS: usize = 10_000;
    let rig = rig(Config {
        balance_kes: 1_000_000,
        ..Config::default()
    })
    .await;
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    struct Model {
        order: OrderId,
        payment: PaymentId,
        recipient: String,
        total_minor: i64,
        paid: bool,
        cancelled_unpaid: bool,
    }
    let mut orders = Vec::new();
    for n in 0..ORDERS {
        let customer = format!("0712 1{:02} {:03}", n / 1000, n % 1000);
        let recipient = format!("0733 2{:02} {:03}", n / 1000, n % 1000);
        let (_, order, payment) = rig.order_as(&customer, "airtime 100", &recipient).await;
        let delivery = match rng.below(4) {
            0 => SimDelivery::Fails("Subscriber not found".into()),
            1 => SimDelivery::Pending,
            _ => SimDelivery::Delivered,
        };
        let international = format!("+254{}", recipient.replace(' ', "")[1..].to_owned());
        rig.sim.script(&international, delivery);
        orders.push(Model {
            order,
            payment,
            recipient: international,
            total_minor: 10_000,
            paid: false,
            cancelled_unpaid: false,
        });
    }
    for _ in 0..EVENTS {
        let m = &mut orders[rng.below(ORDERS as u64) as usize];
        match rng.below(10) {
            0 | 1 => {
                rig.store
                    .apply_payment_outcome(
                        m.payment,
                        ProviderOutcome::Paid {
                            receipt: Some(
                                format!("QK{}", &m.payment.0.simple().to_string()[..8])
                                    .to_uppercase(),
                            ),
                        },
                    )
                    .await
                    .expect("paid");
                m.paid |= !m.cancelled_unpaid;
            }
            2 => {
                let cancelled = rig
                    .store
                    .apply_order_event(
                        m.order,
                        dukadesk_domain::order::OrderEvent::Cancel,
                        "Wanjiru",
                    )
                    .await
                    .is_ok();
                m.cancelled_unpaid |= cancelled && !m.paid;
            }
            3 => rig.sim.garble_every(Some(1 + rng.below(2))),
            4 => rig.sim.garble_every(None),
            5 => {
                // A pending delivery lands or fails.
                for sent in rig.sim.sent() {
                    if sent.phone == m.recipient
                        && rig.sim.delivery_of(&sent.id) == Some(SimDelivery::Pending)
                        && rng.below(2) == 0
                    {
                        rig.sim.settle(&sent.id, SimDelivery::Delivered);
                    }
                }
            }
            6 => {
                // Staff settle what needs them.
                for view in rig.store.digital_sends_of(m.order).await.expect("sends") {
                    let verdict = match rng.below(3) {
                        0 => DigitalVerdict::SendAgain,
                        1 => DigitalVerdict::SentByHand,
                        _ => DigitalVerdict::Refunded {
                            note: "cash".into(),
                        },
                    };
                    let _ = rig
                        .store
                        .settle_digital(
                            &SettleDigital {
                                id: view.id,
                                verdict,
                            },
                            "Wanjiru",
                        )
                        .await;
                }
            }
            _ => rig.step_all(m.order).await,
        }
    }
    // Drain: the provider answers cleanly, pending deliveries land, every
    // send in flight is followed to its end.
    rig.sim.garble_every(None);
    for sent in rig.sim.sent() {
        if rig.sim.delivery_of(&sent.id) == Some(SimDelivery::Pending) {
            rig.sim.settle(&sent.id, SimDelivery::Delivered);
        }
    }
    for _ in 0..4 {
        for m in &orders {
            rig.step_all(m.order).await;
        }
    }
    let sent = rig.sim.sent();
    let (mut released, mut refunds) = (0, 0);
    for m in &orders {
        let views = rig.store.digital_sends_of(m.order).await.expect("sends");
        let to_phone: Vec<_> = sent.iter().filter(|s| s.phone == m.recipient).collect();
        let delivered_by_network = to_phone
            .iter()
            .filter(|s| rig.sim.delivery_of(&s.id) == Some(SimDelivery::Delivered))
            .count();
        assert_eq!(views.len(), 1);
        let v = &views[0];
        if !m.paid {
            assert!(to_phone.is_empty(), "nothing sent unpaid: {v:?}");
            assert!(
                matches!(v.state, DigitalState::Unpaid | DigitalState::Cancelled),
                "{v:?}"
            );
            continue;
        }
        released += 1;
        // Every paid shilling is accounted for once.
        assert_eq!(v.value.minor, m.total_minor);
        assert!(
            matches!(
                v.state,
                DigitalState::Delivered | DigitalState::Failed | DigitalState::Refunded
            ),
            "drained: {v:?}"
        );
        refunds += usize::from(v.state != DigitalState::Delivered);
        // A refunded send's money is recorded as given back, once, for its
        // order (sales, the drawer and commissions read it); nothing else
        // is.
        let given: i64 = sqlx::query_scalar(
            "SELECT COALESCE(SUM(amount_minor), 0) FROM refunds WHERE order_id = ?",
        )
        .bind(m.order.to_string())
        .fetch_one(crate::store::testing::pool(&rig.store))
        .await
        .expect("refunds");
        let owed = if v.state == DigitalState::Refunded {
            m.total_minor
        } else {
            0
        };
        assert_eq!(given, owed, "{v:?}");
        // Never delivered twice; delivered by the network only when the
        // machine says so (or staff sent it by hand, with nothing landed).
        assert!(delivered_by_network <= 1, "{v:?} {to_phone:?}");
        if v.state != DigitalState::Delivered {
            assert_eq!(delivered_by_network, 0, "{v:?}");
        }
    }
    assert!(released > ORDERS / 2, "most orders were paid: {released}");
    assert!(refunds > 0, "some ended refund due or refunded");
    // The provider's account paid for exactly what was sent.
    let spent: u64 = sent.iter().map(|s| s.value_kes).sum();
    assert_eq!(rig.sim.balance_kes(), 1_000_000 - spent);
}

#[tokio::test]
async fn without_a_live_account_a_real_send_waits_for_staff_who_send_it_by_hand() {
    let rig = rig(Config::default()).await;
    let (chat, order, payment) = rig.order("airtime 100").await;
    rig.pay(payment).await;
    for send in rig.sends(order).await {
        step(&rig.store, &send, Via::Nothing, &QUICK)
            .await
            .expect("step");
    }
    assert_eq!(rig.states(order).await, [DigitalState::Queued]);
    let due = rig.store.digital_to_settle().await.expect("list");
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].problem, NOT_CONNECTED);
    rig.store
        .settle_digital(
            &SettleDigital {
                id: due[0].id,
                verdict: DigitalVerdict::SentByHand,
            },
            "Wanjiru",
        )
        .await
        .expect("by hand");
    assert_eq!(rig.states(order).await, [DigitalState::Delivered]);
    assert!(rig.said(chat).await.contains("has reached"));
    rig.step_all(order).await;
    assert!(rig.sim.sent().is_empty(), "never sent twice");
}

#[tokio::test]
async fn the_test_chats_airtime_is_simulated_and_never_reaches_the_provider() {
    let rig = rig(Config::default()).await;
    let runtime = crate::runtime::ChatRuntime::start_paced(
        rig.store.clone(),
        Duration::ZERO,
        crate::payments::reconcile::Backoff::CUSTOMER,
        QUICK,
    );
    for m in ["airtime 100", "2", FRIEND, "1", "1", "1"] {
        runtime.test_chat_send(CUSTOMER, m).await.expect("sent");
    }
    let mut said = String::new();
    for _ in 0..500 {
        let view = runtime.test_chat().await.expect("view");
        said = view
            .conversation
            .map(|c| {
                c.messages
                    .iter()
                    .map(|m| m.body.clone())
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .unwrap_or_default();
        if said.contains("has reached") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    runtime.shutdown();
    assert!(
        said.contains("Airtime 100 has reached 0733 111 222"),
        "{said}"
    );
    assert!(
        rig.sim.sent().is_empty(),
        "the test chat never reaches the provider"
    );
}

#[tokio::test]
async fn a_queued_send_whose_order_is_not_paid_is_not_sent_and_waits() {
    let rig = rig(Config::default()).await;
    let (_chat, order, payment) = rig.order("airtime 100").await;
    rig.pay(payment).await;
    // As if the order had gone back to waiting for money (it cannot through
    // the app; a damaged row could).
    sqlx::query("UPDATE orders SET status = 'awaiting_payment' WHERE id = ?")
        .bind(order.to_string())
        .execute(crate::store::testing::pool(&rig.store))
        .await
        .expect("status");
    rig.step_all(order).await;
    assert!(
        rig.sim.sent().is_empty(),
        "nothing sent for an unpaid order"
    );
    assert_eq!(rig.states(order).await, [DigitalState::Queued]);
    assert!(
        rig.store.due_digital(10).await.expect("due").is_empty(),
        "not due again at once"
    );
}

/// Airtime sold over the counter goes to the phone the clerk types, once
/// the money is in: paid in cash at once, it is sent; left unpaid, it waits
/// until the payment is recorded; with no phone typed, nothing is sold.
#[tokio::test]
async fn airtime_sold_at_the_till_goes_to_the_phone_typed_once_paid() {
    use dukadesk_domain::order::{ManualLineInput, ManualOrderInput, TillPayment};
    let rig = rig(Config::default()).await;
    let items = rig.store.items(false).await.expect("items");
    let airtime = items
        .iter()
        .find(|i| i.name == "Airtime 100")
        .expect("airtime")
        .id;
    let sale = |phone: &str, payment: TillPayment| ManualOrderInput {
        customer_phone: phone.into(),
        lines: vec![ManualLineInput {
            item_id: airtime,
            qty: 2,
            label: None,
        }],
        payment,
        ..Default::default()
    };
    let refused = rig
        .store
        .create_manual_order(&sale("", TillPayment::Cash), "Wanjiru")
        .await;
    assert!(
        matches!(refused, Err(StoreError::Invalid(ref f)) if f[0].field == "customer_phone"),
        "{refused:?}"
    );

    let paid = rig
        .store
        .create_manual_order(&sale(FRIEND, TillPayment::Cash), "Wanjiru")
        .await
        .expect("sold for cash");
    assert_eq!(
        rig.states(paid.order.id).await,
        [DigitalState::Queued, DigitalState::Queued]
    );
    rig.step_all(paid.order.id).await;
    let sent = rig.sim.sent();
    assert_eq!(sent.len(), 2, "one send a unit");
    assert!(sent
        .iter()
        .all(|s| s.phone == "+254733111222" && s.value_kes == 100));
    rig.step_all(paid.order.id).await;
    assert_eq!(rig.sim.sent().len(), 2, "never sent twice");

    let later = rig
        .store
        .create_manual_order(&sale(CUSTOMER, TillPayment::Unpaid), "Wanjiru")
        .await
        .expect("sold, not paid yet");
    assert_eq!(
        rig.states(later.order.id).await,
        [DigitalState::Unpaid, DigitalState::Unpaid]
    );
    rig.step_all(later.order.id).await;
    assert_eq!(rig.sim.sent().len(), 2, "nothing sent unpaid");
    rig.store
        .record_till_payment(later.order.id, &TillPayment::Cash, "Wanjiru")
        .await
        .expect("paid");
    rig.step_all(later.order.id).await;
    let sent = rig.sim.sent();
    assert_eq!(sent.len(), 4);
    assert!(sent[2..].iter().all(|s| s.phone == "+254712000111"));
}
