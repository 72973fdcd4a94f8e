//! A burst of 5,000 inbound WhatsApp messages from an offline drain (1,000
//! customers, five messages each, delivered in batches of 50 as the crate
//! commits them) through the journal, the bot and the store: every message
//! journalled, one bot turn per message, replies queued, orders created.
//! Prints messages per second and the p99 latency from a batch's arrival to
//! each of its messages' turn being committed, with their targets, and the
//! drain's rate against the bare commit rate of the rows each message
//! leaves (its journal line marked, the customer's message, the chat's
//! state, the bot's reply), one commit per message, measured in the same
//! run on a file of the same schema.

use dukadesk_core::channels::whatsapp::fake::FakeSession;
use dukadesk_core::channels::whatsapp::link::{AlwaysHere, LinkOptions, WhatsAppLink};
use dukadesk_core::channels::whatsapp::{Origin, WaContent, WaEvent, WaInbound};
use dukadesk_core::runtime::ChatRuntime;
use dukadesk_core::Store;
use dukadesk_domain::catalogue::ItemInput;
use dukadesk_domain::shop::{HoursInput, ShopInput};
use std::sync::Arc;
use std::time::{Duration, Instant};

const CUSTOMERS: usize = 1_000;
const DIALOGUE: [&str; 5] = ["hi", "2 sukuma", "1", "1", "1"];
const BATCH: usize = 50;

fn message(customer: usize, step: usize) -> WaInbound {
    let phone = format!("2547{:08}", 10_000_000 + customer);
    let chat = format!("{phone}@s.whatsapp.net");
    WaInbound {
        id: format!("3EB0{customer:06}{step:02}"),
        chat: chat.clone(),
        sender: chat,
        sender_phone: Some(phone),
        from_me: false,
        not_a_chat: false,
        push_name: String::new(),
        sent_at_ms: 0,
        content: WaContent::Text {
            text: DIALOGUE[step].into(),
            truncated: false,
        },
    }
}

#[tokio::main]
async fn main() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(&dir.path().join("bench.db"))
        .await
        .expect("open");
    let vault = dukadesk_core::vault::Vault::unlock(
        &store,
        &dukadesk_core::vault::KeySource::passphrase("bench passphrase"),
    )
    .await
    .expect("vault");
    store.attach_vault(vault).await.expect("attach");
    store
        .save_shop(&ShopInput {
            name: "Bench Shop".into(),
            ..Default::default()
        })
        .await
        .expect("shop");
    store
        .save_hours(&HoursInput::always_open())
        .await
        .expect("hours");
    store
        .save_item(&ItemInput {
            name: "Sukuma wiki".into(),
            price: "30".into(),
            stock: "100000000".into(),
            ..Default::default()
        })
        .await
        .expect("item");
    let runtime = ChatRuntime::start(store.clone(), Duration::from_secs(3600));
    let link = WhatsAppLink::new(
        store.clone(),
        Arc::new(FakeSession::new()),
        runtime.clone(),
        Arc::new(AlwaysHere),
        LinkOptions::TEST,
    );
    // Customers' messages interleave in a drain the way they were sent:
    // everyone's first message, then everyone's second, ...
    let all: Vec<WaInbound> = (0..DIALOGUE.len())
        .flat_map(|step| (0..CUSTOMERS).map(move |c| message(c, step)))
        .collect();
    let mut latencies = Vec::with_capacity(all.len());
    let start = Instant::now();
    for batch in all.chunks(BATCH) {
        let arrived = Instant::now();
        link.on_event(WaEvent::Messages {
            origin: Origin::OfflineDrain,
            messages: batch.to_vec(),
        })
        .await
        .expect("batch");
        let took = arrived.elapsed();
        latencies.extend(std::iter::repeat_n(took, batch.len()));
    }
    let wall = start.elapsed();
    runtime.shutdown();
    let bare = bare_rate(&all).await;
    let pending = store.whatsapp_pending().await.expect("pending");
    assert_eq!(pending, 0, "every message handled");
    let replies = store.queued_count("whatsapp").await.expect("queued");
    latencies.sort();
    let p99 = latencies[latencies.len() * 99 / 100];
    let p50 = latencies[latencies.len() / 2];
    let p90 = latencies[latencies.len() * 9 / 10];
    let rate = all.len() as f64 / wall.as_secs_f64();
    println!(
        "whatsapp drain: {} messages ({CUSTOMERS} customers) in {:.2} s: {rate:.0} messages/s (target at least 100/s: a 5,000-message drain in under a minute)",
        all.len(),
        wall.as_secs_f64()
    );
    println!(
        "whatsapp drain: p99 from a batch's arrival to its messages' turns committed {:.0} ms (target under 100 ms; p50 {:.0} ms, p90 {:.0} ms); {replies} replies queued",
        p99.as_secs_f64() * 1000.0,
        p50.as_secs_f64() * 1000.0,
        p90.as_secs_f64() * 1000.0,
    );
    println!(
        "whatsapp drain: {rate:.0} messages/s vs bare commits of the same rows {bare:.0}/s: {:.2}x (target at least 0.5x)",
        rate / bare
    );
}

/// Messages per second when each message's rows are written bare, one
/// transaction per message, on a fresh file of the same schema.
async fn bare_rate(all: &[WaInbound]) -> f64 {
    use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
    use sqlx::{ConnectOptions, Connection};
    let dir = tempfile::tempdir().expect("tempdir");
    let mut conn = SqliteConnectOptions::new()
        .filename(dir.path().join("bare.db"))
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full)
        .foreign_keys(true)
        .connect()
        .await
        .expect("open bare");
    dukadesk_core::store::MIGRATOR
        .run(&mut conn)
        .await
        .expect("schema");
    // The journal and the chats as a drain finds them.
    for (seq, m) in all.iter().enumerate() {
        let body = serde_json::to_string(m).expect("json");
        sqlx::query("INSERT INTO wa_inbound (seq, chat, sender, id, body, received_at) VALUES (?, ?, ?, ?, ?, 0)")
            .bind(seq as i64 + 1)
            .bind(&m.chat)
            .bind(&m.sender)
            .bind(&m.id)
            .bind(body)
            .execute(&mut conn)
            .await
            .expect("journal");
    }
    for c in 0..CUSTOMERS {
        sqlx::query("INSERT INTO conversations (id, channel, address, bot_state, last_message_at, created_at) VALUES (?, 'whatsapp', ?, '{}', 0, 0)")
            .bind(format!("c{c}"))
            .bind(format!("2547{:08}", 10_000_000 + c))
            .execute(&mut conn)
            .await
            .expect("chat");
    }
    let start = Instant::now();
    for (seq, m) in all.iter().enumerate() {
        let chat = format!("c{}", seq % CUSTOMERS);
        let mut tx = conn.begin().await.expect("begin");
        sqlx::query("UPDATE wa_inbound SET handled_at = 1 WHERE seq = ? AND handled_at IS NULL")
            .bind(seq as i64 + 1)
            .execute(&mut *tx)
            .await
            .expect("mark");
        sqlx::query("INSERT INTO messages (id, conversation_id, author, body, external_id, status, created_at) VALUES (?, ?, 'customer', 'hi', ?, 'received', 1)")
            .bind(format!("in{seq}"))
            .bind(&chat)
            .bind(&m.id)
            .execute(&mut *tx)
            .await
            .expect("message");
        sqlx::query("UPDATE conversations SET unread = unread + 1, last_message_at = 1, bot_state = '{\"step\":\"menu\"}' WHERE id = ?")
            .bind(&chat)
            .execute(&mut *tx)
            .await
            .expect("chat");
        sqlx::query("INSERT INTO messages (id, conversation_id, author, body, status, created_at) VALUES (?, ?, 'bot', 'Karibu! Here is our menu.', 'queued', 1)")
            .bind(format!("out{seq}"))
            .bind(&chat)
            .execute(&mut *tx)
            .await
            .expect("reply");
        tx.commit().await.expect("commit");
    }
    all.len() as f64 / start.elapsed().as_secs_f64()
}
