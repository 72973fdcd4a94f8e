//! The WhatsApp channel end to end on a real SQLite store, with a fake
//! session standing in for WhatsApp's servers: pairing, the journal (each
//! message answered once across duplicates, drains and restarts), the bot's
//! replies going out paced through the dispatcher, the merchant's own
//! messages, unreadable messages, and the link's health.

use super::fake::{FakeCall, FakeSession};
use super::link::{AlwaysHere, BotGate, LinkOptions, WhatsAppLink};
use super::session_store::SqlBackend;
use super::{LinkMethod, Origin, WaContent, WaEvent, WaInbound};
use crate::runtime::ChatRuntime;
use crate::store::testing::shop_store;
use crate::store::Store;
use dukadesk_domain::ipc::{
    ChatChannel, MessageAuthor, OrderQuery, PairingView, WhatsAppLinkState,
};
use dukadesk_domain::Country;
use std::sync::Arc;
use std::time::Duration;
use whatsapp_rust::wacore::store::traits::SignalStore;

const CUSTOMER: &str = "254712345678";
const CHAT: &str = "254712345678@s.whatsapp.net";

fn text(id: &str, body: &str) -> WaInbound {
    text_from(CUSTOMER, id, body)
}

/// A text from the customer at `phone` (`254…`) in their one-to-one chat.
fn text_from(phone: &str, id: &str, body: &str) -> WaInbound {
    let chat = format!("{phone}@s.whatsapp.net");
    WaInbound {
        id: id.into(),
        chat: chat.clone(),
        sender: chat,
        sender_phone: Some(phone.into()),
        from_me: false,
        not_a_chat: false,
        push_name: "Wanjiru".into(),
        sent_at_ms: 0,
        content: WaContent::Text {
            text: body.into(),
            truncated: false,
        },
    }
}

fn live(messages: Vec<WaInbound>) -> WaEvent {
    WaEvent::Messages {
        origin: Origin::Live,
        messages,
    }
}

struct Rig {
    _dir: tempfile::TempDir,
    store: Store,
    fake: Arc<FakeSession>,
    link: WhatsAppLink,
    runtime: ChatRuntime,
}

async fn rig_on(dir: tempfile::TempDir, store: Store, gate: Arc<dyn BotGate>) -> Rig {
    let fake = Arc::new(FakeSession::new());
    let runtime = ChatRuntime::start(store.clone(), Duration::from_millis(20));
    let link = WhatsAppLink::new(
        store.clone(),
        fake.clone(),
        runtime.clone(),
        gate,
        LinkOptions::TEST,
    );
    Rig {
        _dir: dir,
        store,
        fake,
        link,
        runtime,
    }
}

/// A shop linked to WhatsApp through the fake: QR, scan, connected.
async fn linked() -> Rig {
    let (dir, store) = shop_store().await;
    let rig = rig_on(dir, store, Arc::new(AlwaysHere)).await;
    let status = rig.link.link(LinkMethod::Qr).await.expect("link");
    assert_eq!(status.state, WhatsAppLinkState::Linking);
    rig.emit(WaEvent::Paired {
        phone: "254700000001".into(),
        business_name: "Mama Mboga".into(),
    })
    .await;
    rig.emit(WaEvent::Connected).await;
    rig
}

impl Rig {
    /// Delivers an event and waits until the link has applied it.
    async fn emit(&self, event: WaEvent) {
        // The link applies events in order on its own task; wait until it
        // has applied this one.
        let mut applied = self.link.events_applied();
        let before = *applied.borrow_and_update();
        assert!(self.fake.emit(event).await, "the link is not listening");
        tokio::time::timeout(Duration::from_secs(20), applied.wait_for(|n| *n > before))
            .await
            .expect("the link applied the event within 20 s")
            .expect("the link is alive");
    }

    async fn orders(&self) -> usize {
        self.store
            .list_orders(&OrderQuery::default(), Country::Kenya)
            .await
            .expect("orders")
            .len()
    }

    /// The WhatsApp chat with `address`, if the inbox has one.
    async fn chat_id(&self, address: &str) -> Option<dukadesk_domain::ConversationId> {
        self.store
            .conversation_by_address(ChatChannel::WhatsApp, address)
            .await
            .expect("conv")
    }

    /// That chat as the inbox shows it.
    async fn chat(&self, address: &str) -> Option<dukadesk_domain::ipc::ConversationView> {
        let id = self.chat_id(address).await?;
        Some(self.store.conversation_view(id, false).await.expect("view"))
    }

    async fn bot_replies(&self) -> Vec<String> {
        let Some(view) = self.chat(CUSTOMER).await else {
            return Vec::new();
        };
        view.messages
            .into_iter()
            .filter(|m| m.author == MessageAuthor::Bot)
            .map(|m| m.body)
            .collect()
    }

    /// Waits until everything queued went out.
    async fn drained(&self) {
        for _ in 0..400 {
            if self.store.queued_count("whatsapp").await.expect("queue") == 0
                && self.store.whatsapp_pending().await.expect("pending") == 0
            {
                return;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        panic!("the outbound queue did not drain");
    }
}

/// The customer's side of a whole order: browse, add, checkout, pickup,
/// this number, pay.
const DIALOGUE: [&str; 6] = ["hi", "2 sukuma", "1", "1", "1", "1"];

#[tokio::test]
async fn an_order_over_whatsapp_every_message_delivered_twice_one_reply_each_one_order() {
    let rig = linked().await;
    for (i, body) in DIALOGUE.iter().enumerate() {
        let m = text(&format!("M{i}"), body);
        rig.emit(live(vec![m.clone()])).await;
        // The same message again, as a reconnect's offline drain repeats it.
        rig.emit(WaEvent::Messages {
            origin: Origin::OfflineDrain,
            messages: vec![m],
        })
        .await;
    }
    rig.drained().await;
    assert_eq!(rig.orders().await, 1, "one order");
    let replies = rig.bot_replies().await;
    let sent: Vec<String> = rig.fake.texts().into_iter().map(|(_, t)| t).collect();
    assert_eq!(sent, replies, "every reply sent once, in order");
    // One reply (or a reply and a follow-up) per message, never per delivery.
    assert!(
        replies.len() >= DIALOGUE.len() && replies.len() < DIALOGUE.len() * 2,
        "{replies:?}"
    );
    // Each went to the customer's chat, typing shown first.
    let calls = rig.fake.calls();
    let first_text = calls
        .iter()
        .position(|c| matches!(c, FakeCall::Text(..)))
        .expect("a text");
    assert!(
        matches!(&calls[first_text - 1], FakeCall::Typing(to, true) if to == CHAT),
        "{calls:?}"
    );
    assert!(calls.iter().all(|c| match c {
        FakeCall::Text(to, _) => to == CHAT,
        _ => true,
    }));
    // Customer messages were marked read.
    assert!(calls
        .iter()
        .any(|c| matches!(c, FakeCall::Read(chat, _) if chat == CHAT)));
    rig.runtime.shutdown();
}

#[tokio::test]
async fn an_old_message_arriving_out_of_order_is_not_answered_again() {
    let rig = linked().await;
    rig.emit(live(vec![text("A1", "hi")])).await;
    rig.emit(live(vec![text("A2", "2 sukuma")])).await;
    rig.drained().await;
    let before = rig.bot_replies().await.len();
    // A1 again, after A2, in a drain batch with a new message.
    rig.emit(WaEvent::Messages {
        origin: Origin::OfflineDrain,
        messages: vec![text("A1", "hi"), text("A3", "1")],
    })
    .await;
    rig.drained().await;
    let replies = rig.bot_replies().await;
    assert_eq!(replies.len(), before + 1, "only A3 answered: {replies:?}");
}

#[tokio::test]
async fn a_journalled_batch_survives_a_restart_and_is_answered_once() {
    let (dir, store) = shop_store().await;
    let path = store.path().to_path_buf();
    let vault = store.vault().expect("vault");
    {
        let rig = rig_on(
            tempfile::tempdir().expect("spare"),
            store.clone(),
            Arc::new(AlwaysHere),
        )
        .await;
        rig.link.link(LinkMethod::Qr).await.expect("link");
        rig.emit(WaEvent::Paired {
            phone: "254700000001".into(),
            business_name: String::new(),
        })
        .await;
        rig.emit(WaEvent::Connected).await;
        // The crate's durability hook journals a drain batch, then the app
        // stops before the batch is handled.
        store
            .journal_whatsapp(&[text("R1", "hi"), text("R2", "2 sukuma")])
            .await
            .expect("journal");
        rig.link.shutdown().await;
        rig.runtime.shutdown();
    }
    assert_eq!(store.whatsapp_pending().await.expect("pending"), 2);
    drop(store);
    let store = Store::open(&path).await.expect("reopen");
    store.attach_vault(vault).await.expect("vault");
    let rig = rig_on(dir, store, Arc::new(AlwaysHere)).await;
    // Linked before: resumed without a scan.
    assert!(rig.link.resume().await.expect("resume"));
    assert_eq!(rig.fake.calls()[0], FakeCall::Connect(LinkMethod::Resume));
    rig.emit(WaEvent::Connected).await;
    rig.drained().await;
    let replies = rig.bot_replies().await.len();
    assert!(replies >= 2, "both answered after the restart");
    // WhatsApp redelivers the same batch (it was never acknowledged).
    rig.emit(WaEvent::Messages {
        origin: Origin::OfflineDrain,
        messages: vec![text("R1", "hi"), text("R2", "2 sukuma")],
    })
    .await;
    rig.drained().await;
    assert_eq!(rig.bot_replies().await.len(), replies, "not answered twice");
    assert_eq!(rig.fake.texts().len(), replies);
}

#[tokio::test]
async fn the_merchants_own_messages_are_shown_and_never_answered() {
    let rig = linked().await;
    let mut mine = text("F1", "Karibu! We open at 8.");
    mine.from_me = true;
    mine.sender = "254700000001:2@s.whatsapp.net".into();
    mine.sender_phone = Some("254700000001".into());
    rig.emit(live(vec![mine])).await;
    rig.drained().await;
    let id = rig
        .chat_id(CUSTOMER)
        .await
        .expect("the chat shows in the inbox");
    let view = rig.chat(CUSTOMER).await.expect("chat");
    assert_eq!(view.messages.len(), 1);
    assert_eq!(view.messages[0].author, MessageAuthor::Staff);
    assert!(rig.fake.texts().is_empty(), "the bot answered the merchant");
    // Staff cannot start a WhatsApp chat from the app either: only
    // customers who wrote first are answered.
    let refused = rig.store.staff_reply(id, "Hello?", "Owner").await;
    assert!(refused.is_err());
    rig.emit(live(vec![text("C1", "hi")])).await;
    rig.drained().await;
    let replies = rig.bot_replies().await;
    assert!(
        !replies.is_empty(),
        "the customer's own message is answered"
    );
    assert_eq!(rig.fake.texts().len(), replies.len());
    rig.store
        .staff_reply(id, "Welcome back", "Owner")
        .await
        .expect("now allowed");
}

#[tokio::test]
async fn groups_status_and_stickers_are_not_answered_and_voice_notes_reach_staff() {
    let rig = linked().await;
    let mut group = text("G1", "hi");
    group.chat = "120363021033254949@g.us".into();
    group.not_a_chat = true;
    let mut sticker = text("S1", "");
    sticker.content = WaContent::Unsupported {
        kind: "sticker".into(),
    };
    let mut voice = text("V1", "");
    voice.content = WaContent::Unsupported {
        kind: "voice note".into(),
    };
    let mut reaction = text("X1", "");
    reaction.content = WaContent::Nothing;
    rig.emit(live(vec![group, sticker, voice, reaction])).await;
    rig.drained().await;
    assert!(rig.fake.texts().is_empty(), "{:?}", rig.fake.texts());
    let id = rig.chat_id(CUSTOMER).await.expect("chat");
    let view = rig.chat(CUSTOMER).await.expect("chat");
    let bodies: Vec<&str> = view.messages.iter().map(|m| m.body.as_str()).collect();
    assert_eq!(bodies, vec!["[sticker]", "[voice note]"]);
    let flagged: i64 = sqlx::query_scalar("SELECT needs_attention FROM conversations WHERE id = ?")
        .bind(id.to_string())
        .fetch_one(rig.store.pool())
        .await
        .expect("flag");
    assert_eq!(flagged, 1, "staff are asked to look");
    // Nothing left pending: each was handled once.
    assert_eq!(rig.store.whatsapp_pending().await.expect("pending"), 0);
}

#[tokio::test]
async fn a_hidden_number_is_asked_for_before_paying() {
    let rig = linked().await;
    let lid = "80123456789012@lid";
    for (i, body) in ["hi", "2 sukuma", "1", "1"].iter().enumerate() {
        let mut m = text(&format!("L{i}"), body);
        m.chat = lid.into();
        m.sender = lid.into();
        m.sender_phone = None;
        rig.emit(live(vec![m])).await;
    }
    rig.drained().await;
    let view = rig
        .chat(lid)
        .await
        .expect("the chat is kept under the hidden id");
    let last = view
        .messages
        .iter()
        .rev()
        .find(|m| m.author == MessageAuthor::Bot)
        .expect("reply");
    assert!(
        last.body.contains("Send the Safaricom number"),
        "{}",
        last.body
    );
    // Replies go to the hidden id itself.
    assert!(rig.fake.texts().iter().all(|(to, _)| to == lid));
}

#[tokio::test]
async fn another_till_running_the_bot_keeps_messages_journalled_not_answered() {
    #[derive(Debug)]
    struct Elsewhere;
    #[super::async_trait]
    impl BotGate for Elsewhere {
        async fn refusal(&self) -> Option<String> {
            Some("The till \"Back office\" runs the WhatsApp bot.".into())
        }
    }
    let (dir, store) = shop_store().await;
    let rig = rig_on(dir, store, Arc::new(Elsewhere)).await;
    let refused = rig.link.link(LinkMethod::Qr).await;
    assert!(
        refused.is_err(),
        "linking is refused on a till without the lease"
    );
    // A journal written anyway (a lease lost while linked) is not handled.
    rig.store
        .journal_whatsapp(&[text("E1", "hi")])
        .await
        .expect("journal");
    let handled = rig.link.handle_journal().await;
    assert_eq!(handled.count, 0);
    assert_eq!(rig.store.whatsapp_pending().await.expect("pending"), 1);
}

#[tokio::test]
async fn pairing_states_follow_the_events() {
    let (dir, store) = shop_store().await;
    let rig = rig_on(dir, store, Arc::new(AlwaysHere)).await;
    assert_eq!(
        rig.link.status().await.expect("s").pairing,
        PairingView::Idle
    );
    assert_eq!(
        rig.link.status().await.expect("s").state,
        WhatsAppLinkState::NotLinked
    );
    rig.link.link(LinkMethod::Qr).await.expect("link");
    assert_eq!(
        rig.link.status().await.expect("s").pairing,
        PairingView::Starting
    );
    rig.emit(WaEvent::QrCode {
        code: "2@abc,def,ghi".into(),
        valid_for: Duration::from_secs(60),
    })
    .await;
    match rig.link.status().await.expect("s").pairing {
        PairingView::Qr { code, seconds_left } => {
            assert_eq!(code, "2@abc,def,ghi");
            assert!((55..=60).contains(&seconds_left), "{seconds_left}");
        }
        other => panic!("{other:?}"),
    }
    rig.emit(WaEvent::QrCode {
        code: "2@next".into(),
        valid_for: Duration::from_secs(20),
    })
    .await;
    assert!(matches!(
        rig.link.status().await.expect("s").pairing,
        PairingView::Qr { code, .. } if code == "2@next"
    ));
    rig.emit(WaEvent::QrCodesExhausted).await;
    assert_eq!(
        rig.link.status().await.expect("s").pairing,
        PairingView::QrExhausted
    );

    // "Get a new code" by phone number instead.
    rig.link.cancel().await.expect("cancel");
    let bad = rig.link.link(LinkMethod::PhoneNumber("07x".into())).await;
    assert!(bad.is_err());
    rig.link
        .link(LinkMethod::PhoneNumber("254700000001".into()))
        .await
        .expect("link by number");
    rig.emit(WaEvent::PairingCodeFailed {
        reason: "rate-overlimit".into(),
        retry_after: Some(Duration::from_secs(300)),
    })
    .await;
    assert!(matches!(
        rig.link.status().await.expect("s").pairing,
        PairingView::Failed { message } if message.contains("5 minutes")
    ));
    rig.emit(WaEvent::PairingCode {
        code: "ABCD-EFGH".into(),
        valid_for: Duration::from_secs(180),
    })
    .await;
    assert!(matches!(
        rig.link.status().await.expect("s").pairing,
        PairingView::PhoneCode { code, .. } if code == "ABCD-EFGH"
    ));
    rig.emit(WaEvent::Paired {
        phone: "254700000001".into(),
        business_name: "Mama Mboga Groceries".into(),
    })
    .await;
    rig.emit(WaEvent::Connected).await;
    let s = rig.link.status().await.expect("s");
    assert_eq!(
        s.pairing,
        PairingView::Linked {
            phone: "0700 000 001".into(),
            business_name: "Mama Mboga Groceries".into()
        }
    );
    assert!(matches!(s.state, WhatsAppLinkState::Connected { .. }));
    assert_eq!(s.phone.as_deref(), Some("0700 000 001"));
}

#[tokio::test]
async fn link_health_reconnecting_replaced_banned_idle() {
    let rig = linked().await;
    rig.emit(WaEvent::Disconnected).await;
    match rig.link.status().await.expect("s").state {
        WhatsAppLinkState::Reconnecting {
            next_try_at,
            attempt,
        } => {
            assert_eq!(attempt, 1);
            assert!(next_try_at > rig.store.now());
        }
        other => panic!("{other:?}"),
    }
    // A stream error is logged; the link carries on.
    rig.emit(WaEvent::StreamError { code: "503".into() }).await;
    rig.emit(WaEvent::Connected).await;
    assert!(matches!(
        rig.link.status().await.expect("s").state,
        WhatsAppLinkState::Connected { .. }
    ));
    // Idle for 12 days: warned before WhatsApp's 14-day logout.
    let old = crate::store::to_millis(rig.store.now() - chrono::Duration::days(12));
    sqlx::query("UPDATE wa_link SET last_message_at = ?, connected_at = ? WHERE id = 1")
        .bind(old)
        .bind(old)
        .execute(rig.store.writer())
        .await
        .expect("age");
    let s = rig.link.status().await.expect("s");
    assert!(
        s.warnings.iter().any(|w| w.contains("14 days")),
        "{:?}",
        s.warnings
    );
    // Undecryptable messages are counted for staff, never crash.
    rig.emit(WaEvent::Undecryptable {
        id: "U1".into(),
        chat: CHAT.into(),
    })
    .await;
    let s = rig.link.status().await.expect("s");
    assert!(s.warnings.iter().any(|w| w.contains("could not be read")));
    rig.emit(WaEvent::TemporaryBan {
        reason: "messages were sent to too many people".into(),
        expires_in: Duration::from_secs(3600),
    })
    .await;
    match rig.link.status().await.expect("s").state {
        WhatsAppLinkState::Banned { until, reason } => {
            assert!(reason.contains("too many people"));
            let hour = until - rig.store.now();
            assert!(hour > chrono::Duration::minutes(59) && hour <= chrono::Duration::minutes(60));
        }
        other => panic!("{other:?}"),
    }
    rig.emit(WaEvent::Connected).await;
    rig.emit(WaEvent::Replaced).await;
    assert_eq!(
        rig.link.status().await.expect("s").state,
        WhatsAppLinkState::Replaced
    );
    assert!(rig.fake.calls().contains(&FakeCall::Shutdown));
}

#[tokio::test]
async fn logged_out_from_the_phone_wipes_every_key_and_offers_to_link_again() {
    let rig = linked().await;
    let backend = SqlBackend::new(rig.store.clone()).expect("backend");
    backend
        .put_session("254712345678@s.whatsapp.net", b"ratchet")
        .await
        .expect("session");
    backend.put_identity(CHAT, [9; 32]).await.expect("identity");
    rig.emit(WaEvent::LoggedOut {
        reason: "LoggedOut".into(),
    })
    .await;
    let keys: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM wa_keys")
        .fetch_one(rig.store.pool())
        .await
        .expect("count");
    assert_eq!(keys, 0);
    let s = rig.link.status().await.expect("s");
    assert_eq!(s.state, WhatsAppLinkState::LoggedOut);
    // Linking again is allowed.
    rig.link.link(LinkMethod::Qr).await.expect("link again");
}

#[tokio::test]
async fn unlink_tells_whatsapp_and_wipes() {
    let rig = linked().await;
    let backend = SqlBackend::new(rig.store.clone()).expect("backend");
    backend.put_identity(CHAT, [9; 32]).await.expect("identity");
    let done = rig.link.unlink().await.expect("unlink");
    assert!(done.whatsapp_told, "connected: WhatsApp was told");
    let s = done.status;
    assert_eq!(s.state, WhatsAppLinkState::NotLinked);
    assert_eq!(s.phone, None);
    assert!(rig.fake.calls().contains(&FakeCall::Logout));
    assert_eq!(
        backend.load_identity(CHAT).await.expect("load"),
        None,
        "keys wiped"
    );
}

#[tokio::test]
async fn unlink_while_offline_still_wipes_and_says_whatsapp_was_not_told() {
    let rig = linked().await;
    let backend = SqlBackend::new(rig.store.clone()).expect("backend");
    backend.put_identity(CHAT, [9; 32]).await.expect("identity");
    rig.emit(WaEvent::Disconnected).await;
    let done = rig.link.unlink().await.expect("unlink");
    assert!(!done.whatsapp_told, "offline: WhatsApp could not be told");
    assert_eq!(done.status.state, WhatsAppLinkState::NotLinked);
    assert_eq!(done.status.phone, None);
    assert_eq!(
        backend.load_identity(CHAT).await.expect("load"),
        None,
        "keys wiped even though WhatsApp was not told"
    );
}

#[tokio::test]
async fn a_failing_send_is_retried_not_dropped() {
    let rig = linked().await;
    rig.fake.fail_sends(true);
    rig.emit(live(vec![text("F1", "hi")])).await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    let replies = rig.bot_replies().await.len();
    assert!(replies > 0);
    assert!(rig.fake.texts().is_empty());
    assert_eq!(
        rig.store.queued_count("whatsapp").await.expect("queue"),
        i64::try_from(replies).expect("count"),
        "kept in the queue while sends fail"
    );
    rig.fake.fail_sends(false);
    for _ in 0..400 {
        if rig.fake.texts().len() == replies {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(
        rig.fake.texts().len(),
        replies,
        "all sent once the line is back"
    );
}

#[tokio::test]
async fn the_channel_never_sends_to_groups_or_broadcasts() {
    use crate::channels::Channel;
    let fake = Arc::new(FakeSession::new());
    let _events = super::WhatsAppSession::connect(fake.as_ref(), LinkMethod::Resume)
        .await
        .expect("connect");
    fake.emit(WaEvent::Connected).await;
    let channel = super::WhatsAppChannel::new(fake.clone(), super::Pacing::NONE);
    for to in [
        "120363021033254949@g.us",
        "status@broadcast",
        "1203@newsletter",
    ] {
        assert!(channel.send_text(to, "Sale today!").await.is_err(), "{to}");
    }
    channel
        .send_text(CUSTOMER, "Karibu")
        .await
        .expect("a customer");
    assert_eq!(fake.texts(), vec![(CHAT.to_owned(), "Karibu".to_owned())]);
}

#[test]
fn typing_time_grows_with_the_reply_and_varies() {
    let p = super::Pacing::HUMAN;
    assert!(p.delay(10, 500) < p.delay(200, 500));
    assert!(p.delay(100, 0) < p.delay(100, 1000));
    assert!(p.delay(100_000, 1000) <= p.max + p.jitter / 2);
    assert!(p.delay(0, 0) >= p.min - p.jitter / 2);
    assert_eq!(super::Pacing::NONE.delay(500, 1000), Duration::ZERO);
}

#[tokio::test]
async fn a_pdf_receipt_follows_payment_once_when_turned_on() {
    let rig = linked().await;
    rig.link.set_pdf_receipts(true).await.expect("on");
    for (i, body) in DIALOGUE.iter().enumerate() {
        rig.emit(live(vec![text(&format!("P{i}"), body)])).await;
    }
    rig.drained().await;
    // With no M-Pesa service the customer pays by hand; staff confirm it.
    let payment: String = sqlx::query_scalar("SELECT id FROM payments")
        .fetch_one(rig.store.pool())
        .await
        .expect("the attempt");
    let effects = rig
        .store
        .settle_payment(
            &dukadesk_domain::ipc::SettlePayment {
                id: dukadesk_domain::PaymentId(payment.parse().expect("id")),
                paid: true,
                receipt: "QFT4ABC12X".into(),
                no_code_reason: String::new(),
            },
            "Wanjiru",
        )
        .await
        .expect("confirmed");
    rig.runtime.after(effects);
    rig.link.handle_journal().await;
    rig.link.handle_journal().await;
    rig.drained().await;
    let documents: Vec<FakeCall> = rig
        .fake
        .calls()
        .into_iter()
        .filter(|c| matches!(c, FakeCall::Document(..)))
        .collect();
    assert_eq!(documents.len(), 1, "{documents:?}");
    match &documents[0] {
        FakeCall::Document(to, name, size) => {
            assert_eq!(to, CHAT);
            assert!(name.starts_with("receipt-") && name.ends_with(".pdf"));
            assert!(*size > 500);
        }
        other => panic!("{other:?}"),
    }
    // The text receipt went too (the bot's own words).
    assert!(rig
        .fake
        .texts()
        .iter()
        .any(|(_, t)| t.contains("Payment of")));
}

#[tokio::test]
async fn no_pdf_receipt_unless_turned_on() {
    let rig = linked().await;
    assert!(!rig.link.status().await.expect("s").pdf_receipts);
    assert_eq!(rig.store.queue_whatsapp_receipts().await.expect("queue"), 0);
}

#[tokio::test]
async fn a_huge_message_is_answered_once_and_flagged_for_staff() {
    let rig = linked().await;
    let mut huge = text("H1", "");
    huge.content = WaContent::Text {
        text: "2 sukuma "
            .repeat(500)
            .chars()
            .take(super::MAX_TEXT_CHARS)
            .collect(),
        truncated: true,
    };
    rig.emit(live(vec![huge])).await;
    rig.drained().await;
    let id = rig.chat_id(CUSTOMER).await.expect("chat");
    let flagged: i64 = sqlx::query_scalar("SELECT needs_attention FROM conversations WHERE id = ?")
        .bind(id.to_string())
        .fetch_one(rig.store.pool())
        .await
        .expect("flag");
    assert_eq!(flagged, 1, "staff see that it was cut");
    assert!(!rig.bot_replies().await.is_empty());
}

#[tokio::test]
async fn a_customer_who_asks_for_an_items_photo_gets_it_with_its_price() {
    let rig = linked().await;
    let items = rig.store.items(false).await.expect("items");
    let sukuma = items
        .iter()
        .find(|i| i.name == "Sukuma wiki")
        .expect("sukuma");
    let stored = rig
        .store
        .set_item_photo(
            sukuma.id,
            crate::catalogue::photos::tests::png_file(640, 480),
        )
        .await
        .expect("photo");
    let (_, jpeg) = rig
        .store
        .item_photo(sukuma.id, crate::catalogue::photos::PhotoSize::Full)
        .await
        .expect("read")
        .expect("stored");
    rig.emit(live(vec![text("Q1", "picha ya sukuma")])).await;
    rig.emit(live(vec![text("Q2", "photo of the unga")])).await;
    rig.drained().await;
    let images: Vec<FakeCall> = rig
        .fake
        .calls()
        .into_iter()
        .filter(|c| matches!(c, FakeCall::Image(..)))
        .collect();
    assert_eq!(images.len(), 1, "{images:?}");
    match &images[0] {
        FakeCall::Image(to, caption, size) => {
            assert_eq!(to, CHAT);
            assert!(caption.contains("Sukuma wiki"), "{caption}");
            assert!(caption.contains("30"), "{caption}");
            assert_eq!(*size, jpeg.len(), "the stored photo goes as it is");
        }
        other => panic!("{other:?}"),
    }
    // Unga has no photo: the customer is told so in words, with its price.
    let texts = rig.fake.texts();
    let last = &texts.last().expect("an answer").1;
    assert!(last.contains("Unga 2kg") && last.contains("210"), "{last}");
    // Staff see the photo in the chat, its caption under it.
    let chat: String =
        sqlx::query_scalar("SELECT id FROM conversations WHERE channel = 'whatsapp'")
            .fetch_one(rig.store.pool())
            .await
            .expect("the chat");
    let chat = dukadesk_domain::ConversationId(chat.parse().expect("id"));
    let view = rig
        .store
        .conversation_view(chat, false)
        .await
        .expect("view");
    let with_photo: Vec<_> = view.messages.iter().filter(|m| m.photo.is_some()).collect();
    assert_eq!(with_photo.len(), 1);
    let photo = with_photo[0].photo.as_ref().expect("photo");
    assert_eq!(photo.item, sukuma.id);
    assert_eq!(Some(&photo.fingerprint), stored.photo.as_ref());
}

/// A burst larger than a group (an offline drain) commits in groups: every
/// message handled once and every chat answered in order. A message whose
/// turn fails (here the database refuses its row, as it would a hostile
/// customer's message that trips a fault) is rolled back alone: it and the
/// later messages of its chat wait, every other chat is answered, and the
/// chat that waited is handled once the fault is gone.
#[tokio::test]
async fn a_burst_commits_in_groups_and_a_failing_message_holds_up_only_its_own_chat() {
    let (_dir, store) = shop_store().await;
    const CHATS: usize = 3;
    const EACH: usize = 50;
    const BAD: usize = 100;
    let message = |n: usize| {
        let phone = format!("2547123400{:02}", n % CHATS);
        text_from(
            &phone,
            &format!("B{n:03}"),
            if n == BAD { "boom" } else { "hi" },
        )
    };
    let burst: Vec<WaInbound> = (0..CHATS * EACH).map(message).collect();
    assert!(burst.len() as i64 > 2 * super::journal::GROUP);
    store.journal_whatsapp(&burst).await.expect("journal");
    let fault = "CREATE TRIGGER refuse_boom BEFORE INSERT ON messages WHEN NEW.body = 'boom'
                 BEGIN SELECT RAISE(ABORT, 'the disk refused this row'); END";
    let mut tx = store.write_tx().await.expect("tx");
    sqlx::query(fault).execute(&mut *tx).await.expect("fault");
    tx.commit().await.expect("commit");

    let first = store.handle_whatsapp_pending().await.expect("handled");
    // The failing message's chat from it on; nothing else.
    let held: Vec<usize> = (BAD..CHATS * EACH)
        .filter(|n| n % CHATS == BAD % CHATS)
        .collect();
    let pending = held.len() as i64;
    assert_eq!(
        (first.count, first.stopped),
        (CHATS * EACH - held.len(), true)
    );
    assert_eq!(store.whatsapp_pending().await.expect("pending"), pending);
    let customer_rows = |store: Store| async move {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM messages WHERE author = 'customer'")
            .fetch_one(store.pool())
            .await
            .expect("count")
    };
    assert_eq!(
        customer_rows(store.clone()).await,
        (CHATS * EACH - held.len()) as i64
    );

    let mut tx = store.write_tx().await.expect("tx");
    sqlx::query("DROP TRIGGER refuse_boom")
        .execute(&mut *tx)
        .await
        .expect("fixed");
    tx.commit().await.expect("commit");
    let second = store.handle_whatsapp_pending().await.expect("handled");
    assert_eq!((second.count, second.stopped), (pending as usize, false));
    assert_eq!(store.whatsapp_pending().await.expect("pending"), 0);
    assert_eq!(customer_rows(store.clone()).await, (CHATS * EACH) as i64);

    // Each chat: its messages in the order sent, each answered before the
    // next is read.
    let rows: Vec<(String, String, Option<String>)> = sqlx::query_as(
        "SELECT c.address, m.author, m.external_id FROM messages m
         JOIN conversations c ON c.id = m.conversation_id ORDER BY m.seq",
    )
    .fetch_all(store.pool())
    .await
    .expect("rows");
    for c in 0..CHATS {
        let phone = format!("2547123400{c:02}");
        let chat: Vec<_> = rows.iter().filter(|(a, _, _)| a.contains(&phone)).collect();
        let read: Vec<String> = chat
            .iter()
            .filter(|(_, author, _)| author == "customer")
            .filter_map(|(_, _, id)| id.clone())
            .collect();
        let sent: Vec<String> = (0..CHATS * EACH)
            .filter(|n| n % CHATS == c)
            .map(|n| format!("B{n:03}"))
            .collect();
        assert_eq!(read, sent, "chat {c} in order");
        for pair in chat.windows(2) {
            assert!(
                !(pair[0].1 == "customer" && pair[1].1 == "customer"),
                "chat {c}: {:?} was not answered before {:?}",
                pair[0].2,
                pair[1].2
            );
        }
    }
}
