//! 1,000 M-Pesa payments pending at once, reconciled against the loopback
//! Daraja simulator through the real client: wall time, CPU time (this
//! process, which also runs the simulator) and HTTP requests per payment
//! next to the minimum the protocol needs.

use dukadesk_core::payments::daraja::DarajaClient;
use dukadesk_core::payments::reconcile::{reconcile, Backoff};
use dukadesk_core::Store;
use dukadesk_domain::catalogue::ItemInput;
use dukadesk_domain::ipc::{
    ChatChannel, DarajaSettingsInput, MpesaProvider, OrderQuery, SavePaymentSettings,
};
use dukadesk_domain::order::OrderStatus;
use dukadesk_domain::shop::ShopInput;
use dukadesk_domain::{Country, Msisdn};
use dukadesk_sims::daraja::{Config, Customer, DarajaSim};
use std::sync::Arc;
use std::time::{Duration, Instant};

const PAYMENTS: usize = 1_000;
/// The simulated customers answer at the second status query.
const POLLS: u32 = 2;

/// User plus system CPU seconds of this process so far.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map(|(_, r)| r.split_whitespace().collect())
        .unwrap_or_default();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // utime and stime are fields 14 and 15 of /proc/<pid>/stat (11 and 12 after the name).
    (ticks(11) + ticks(12)) / 100.0
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
    // Open around the clock: the run must not depend on the hour.
    store
        .save_hours(&dukadesk_domain::shop::HoursInput::always_open())
        .await
        .expect("hours");
    store
        .save_item(&ItemInput {
            name: "Sukuma wiki".into(),
            price: "30".into(),
            ..Default::default()
        })
        .await
        .expect("item");
    let cfg = Config {
        default_customer: Customer::PaysAfterPolls(POLLS),
        ..Config::default()
    };
    let sim = DarajaSim::start(cfg.clone()).await.expect("sim");
    store
        .save_payment_settings(&SavePaymentSettings {
            provider: MpesaProvider::Daraja,
            daraja: Some(DarajaSettingsInput {
                environment: sim.base_url(),
                consumer_key: cfg.consumer_key.clone(),
                consumer_secret: cfg.consumer_secret.clone().into(),
                shortcode: cfg.shortcode.clone(),
                passkey: cfg.passkey.clone().into(),
                till_number: String::new(),
            }),
            intasend: None,
            manual: None,
        })
        .await
        .expect("settings");

    // 1,000 customers each confirm an order: 1,000 attempts pending at once.
    let mut payments = Vec::with_capacity(PAYMENTS);
    for n in 0..PAYMENTS {
        let phone =
            Msisdn::parse(&format!("07{:08}", 10_000_000 + n), Country::Kenya).expect("phone");
        let mut last = None;
        for m in ["2 sukuma", "1", "1", "1"] {
            last = Some(
                store
                    .receive_message(ChatChannel::WhatsApp, phone.as_str(), Some(&phone), m, None)
                    .await
                    .expect("turn")
                    .1,
            );
        }
        payments.extend(last.expect("turns").payments);
    }
    assert_eq!(payments.len(), PAYMENTS);

    let client = Arc::new(
        DarajaClient::new(
            store
                .daraja_config()
                .await
                .expect("config")
                .expect("daraja"),
        )
        .expect("client"),
    );
    let backoff = Backoff {
        first: Duration::from_millis(200),
        growth_tenths: 15,
        max: Duration::from_secs(2),
        deadline: Duration::from_secs(120),
    };
    let (cpu0, wall0) = (cpu_seconds(), Instant::now());
    let tasks: Vec<_> = payments
        .into_iter()
        .map(|p| {
            let (store, client) = (store.clone(), client.clone());
            tokio::spawn(async move {
                reconcile(&store, client.as_ref(), p, backoff)
                    .await
                    .expect("reconcile")
            })
        })
        .collect();
    for t in tasks {
        t.await.expect("task");
    }
    let (cpu, wall) = (cpu_seconds() - cpu0, wall0.elapsed());
    let mut unsettled = 0;
    for status in [
        OrderStatus::AwaitingPayment,
        OrderStatus::PaymentFailed,
        OrderStatus::Draft,
    ] {
        let q = OrderQuery {
            status: Some(status),
            search: String::new(),
            limit: 500,
        };
        unsettled += store
            .list_orders(&q, Country::Kenya)
            .await
            .expect("orders")
            .len();
    }
    assert_eq!(unsettled, 0, "every payment reached its outcome");
    let (oauth, push, query) = sim.counts();
    let per = (oauth + push + query) as f64 / PAYMENTS as f64;
    let minimum = 1.0 + f64::from(POLLS) + 1.0 / PAYMENTS as f64;
    println!(
        "reconcile {PAYMENTS} pending payments: all paid, wall {wall:.2?}, CPU {:.2} ms per payment (client, store and simulator together)",
        cpu * 1000.0 / PAYMENTS as f64
    );
    println!(
        "HTTP requests per payment: {per:.3} ({oauth} token, {push} push, {query} query) vs the minimum {minimum:.3} (1 push, {POLLS} queries for customers who answer at the second query, one shared token)"
    );
}
