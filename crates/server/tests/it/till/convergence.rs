//! Convergence: random sequences of what tills do (orders, moves, payments
//! by prompt and at the till, staff settling, erasure, correction, language
//! and opt-out, stock counts and corrections, cash-ups, credit, refunds) on three
//! tills of one shop, with random sync points and syncs cut off part-way
//! (each till reaches the server through its own proxy, which drops the
//! connection after a random number of bytes of replies: after the server
//! took a push, before the till heard all of it), through the real server.
//! After a final round of syncs every synced table is identical on every
//! till and on the server, and the books add up: every sale has its money,
//! and no money is recorded for an order still waiting.

use super::{backend, server_rows, till_rows, Backend};
use dukadesk_core::payments::ProviderOutcome;
use dukadesk_core::privacy::audit::Actor;
use dukadesk_core::privacy::erase::ErasureSource;
use dukadesk_core::store::testing::{sample_order, say, set_up_shop, unlocked_store_in};
use dukadesk_core::store::Store;
use dukadesk_core::sync::enrol_with_server;
use dukadesk_core::sync::http::ServerClient;
use dukadesk_core::sync::worker::sync_once;
use dukadesk_domain::bot::PaymentFailure;
use dukadesk_domain::catalogue::ItemInput;
use dukadesk_domain::ipc::{CustomerEdit, SaveCategory, SettlePayment};
use dukadesk_domain::order::{ManualOrderInput, OrderEvent, TillPayment};
use dukadesk_domain::{Country, CustomerId, OrderId, PaymentId};
use dukadesk_sims::proxy::CutProxy;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use std::sync::atomic::{AtomicU64, Ordering};
use uuid::Uuid;

/// Syncs cut part-way over the whole run (the test shows it cut some).
static CUT: AtomicU64 = AtomicU64::new(0);

/// Syncs tried again over the whole run, and why (printed at the end).
static RETRIED: AtomicU64 = AtomicU64::new(0);

/// One sync as the till's worker makes it: an attempt that fails for a
/// reason a later try may cure without anyone doing anything
/// (`SyncError::is_transient`: a connection the proxy cut a moment before
/// and the client had kept, a server slow under load) is tried again, a
/// few times, as the worker would after its pause; any other failure, or
/// one that does not pass, fails the case.
async fn sync_as_the_worker_would(store: &Store, hosted: &ServerClient, what: &str) {
    let mut tries = 0;
    loop {
        match sync_once(store, hosted).await {
            Ok(_) => return,
            Err(e) if e.is_transient() && tries < 4 => {
                tries += 1;
                RETRIED.fetch_add(1, Ordering::SeqCst);
                eprintln!("{what}: tried again after: {e}");
                tokio::time::sleep(std::time::Duration::from_millis(50 * tries)).await;
            }
            Err(e) => panic!("{what}: {e}"),
        }
    }
}

/// Tills of the shop.
const TILLS: usize = 3;

/// Customers of the shop; few, so that tills meet the same people.
const PHONES: &[&str] = &["0712000001", "0712000002", "0722000003"];

#[derive(Debug, Clone)]
enum Op {
    /// A walk-in sale paid in cash, or left unpaid.
    TillOrder { till: usize, paid: bool },
    /// Move the n-th order (mod count) on by its next step.
    Advance { till: usize, n: usize },
    /// Cancel the n-th order.
    Cancel { till: usize, n: usize },
    /// Cash at the till for the n-th order.
    PayAtTill { till: usize, n: usize },
    /// A chat customer orders and is prompted.
    ChatOrder { till: usize, phone: usize },
    /// M-Pesa answers the n-th attempt this till is waiting for.
    Outcome { till: usize, n: usize, kind: u8 },
    /// Staff settle the n-th attempt that ended unknown.
    Settle { till: usize, n: usize, paid: bool },
    /// The customer writes a language choice, STOP or START.
    Says { till: usize, phone: usize, text: u8 },
    /// Staff correct the n-th customer's name.
    Correct { till: usize, n: usize },
    /// The n-th customer is erased.
    Erase { till: usize, n: usize },
    /// Staff change the price of the n-th item.
    Reprice { till: usize, n: usize, price: u16 },
    /// Staff add a category.
    AddCategory { till: usize, n: usize },
    /// Staff count the n-th item's shelf.
    Count { till: usize, n: usize, level: u16 },
    /// Staff add or remove units of the n-th item without counting.
    CorrectStock { till: usize, n: usize, delta: i8 },
    /// The clerk counts the till's drawer (a cash-up).
    CashUp { till: usize, counted: u16 },
    /// A chat customer takes goods on credit at the till.
    OnCredit { till: usize, phone: usize },
    /// The n-th customer pays some credit back in cash.
    Repay { till: usize, n: usize, amount: u16 },
    /// Part of the n-th order's money goes back in cash.
    Refund { till: usize, n: usize, amount: u16 },
    /// The till syncs (upload, then pull).
    Sync { till: usize },
    /// The till syncs and the connection drops after `budget` bytes of
    /// the server's replies.
    CutSync { till: usize, budget: u16 },
}

fn op() -> impl Strategy<Value = Op> {
    let till = 0..TILLS;
    let n = 0..8usize;
    prop_oneof![
        3 => (till.clone(), any::<bool>()).prop_map(|(till, paid)| Op::TillOrder { till, paid }),
        3 => (till.clone(), n.clone()).prop_map(|(till, n)| Op::Advance { till, n }),
        1 => (till.clone(), n.clone()).prop_map(|(till, n)| Op::Cancel { till, n }),
        2 => (till.clone(), n.clone()).prop_map(|(till, n)| Op::PayAtTill { till, n }),
        3 => (till.clone(), 0..PHONES.len()).prop_map(|(till, phone)| Op::ChatOrder { till, phone }),
        3 => (till.clone(), n.clone(), 0..3u8).prop_map(|(till, n, kind)| Op::Outcome { till, n, kind }),
        1 => (till.clone(), n.clone(), any::<bool>()).prop_map(|(till, n, paid)| Op::Settle { till, n, paid }),
        2 => (till.clone(), 0..PHONES.len(), 0..4u8).prop_map(|(till, phone, text)| Op::Says { till, phone, text }),
        1 => (till.clone(), n.clone()).prop_map(|(till, n)| Op::Correct { till, n }),
        1 => (till.clone(), n.clone()).prop_map(|(till, n)| Op::Erase { till, n }),
        1 => (till.clone(), n.clone(), 1..500u16).prop_map(|(till, n, price)| Op::Reprice { till, n, price }),
        1 => (till.clone(), n.clone()).prop_map(|(till, n)| Op::AddCategory { till, n }),
        1 => (till.clone(), n.clone(), 0..20u16).prop_map(|(till, n, level)| Op::Count { till, n, level }),
        1 => (till.clone(), n.clone(), (-5..6i8).prop_filter("a change", |d| *d != 0)).prop_map(|(till, n, delta)| Op::CorrectStock { till, n, delta }),
        1 => (till.clone(), 0..2000u16).prop_map(|(till, counted)| Op::CashUp { till, counted }),
        1 => (till.clone(), 0..PHONES.len()).prop_map(|(till, phone)| Op::OnCredit { till, phone }),
        1 => (till.clone(), n.clone(), 1..300u16).prop_map(|(till, n, amount)| Op::Repay { till, n, amount }),
        1 => (till.clone(), n.clone(), 1..300u16).prop_map(|(till, n, amount)| Op::Refund { till, n, amount }),
        5 => till.clone().prop_map(|till| Op::Sync { till }),
        2 => (till, 0..1500u16).prop_map(|(till, budget)| Op::CutSync { till, budget }),
    ]
}

struct Till {
    _dir: tempfile::TempDir,
    store: Store,
    hosted: ServerClient,
    proxy: CutProxy,
}

async fn ids(store: &Store, sql: &str) -> Vec<String> {
    sqlx::query_scalar(sql)
        .fetch_all(dukadesk_core::store::testing::pool(store))
        .await
        .expect("ids")
}

fn pick(ids: &[String], n: usize) -> Option<Uuid> {
    (!ids.is_empty()).then(|| Uuid::parse_str(&ids[n % ids.len()]).expect("uuid"))
}

/// Does one operation. Refusals (an illegal move, a settled attempt) are
/// part of the game: they must change nothing, which the final comparison
/// checks.
async fn apply(till: &Till, op: &Op, step: usize) {
    let s = &till.store;
    match *op {
        Op::TillOrder { paid, .. } => {
            let items = s.items(false).await.expect("items");
            let input = ManualOrderInput {
                payment: if paid {
                    TillPayment::Cash
                } else {
                    TillPayment::Unpaid
                },
                ..sample_order(&items)
            };
            // Refused when a count left too little stock: changes nothing.
            match s.create_manual_order(&input, "clerk").await {
                Ok(_) | Err(dukadesk_core::store::StoreError::Invalid(_)) => {}
                Err(e) => panic!("order: {e}"),
            }
        }
        Op::Advance { n, .. } => {
            let orders = ids(s, "SELECT id FROM orders ORDER BY id").await;
            if let Some(id) = pick(&orders, n) {
                let detail = s.order_detail(OrderId(id)).await.expect("detail");
                if let Some(event) = detail.next_step {
                    let _ = s.apply_order_event(OrderId(id), event, "clerk").await;
                }
            }
        }
        Op::Cancel { n, .. } => {
            let orders = ids(s, "SELECT id FROM orders ORDER BY id").await;
            if let Some(id) = pick(&orders, n) {
                let _ = s
                    .apply_order_event(OrderId(id), OrderEvent::Cancel, "clerk")
                    .await;
            }
        }
        Op::PayAtTill { n, .. } => {
            // Staff take cash only for an order with no prompt in flight.
            let orders = ids(
                s,
                "SELECT id FROM orders o WHERE status = 'awaiting_payment' AND NOT EXISTS
                   (SELECT 1 FROM payments p WHERE p.order_id = o.id AND p.state IN ('pending', 'unknown'))
                 ORDER BY id",
            )
            .await;
            if let Some(id) = pick(&orders, n) {
                let _ = s
                    .record_till_payment(OrderId(id), &TillPayment::Cash, "clerk")
                    .await;
            }
        }
        Op::ChatOrder { phone, .. } => {
            // Not `chat_to_payment`: a customer who said STOP gets no order.
            for m in ["2 sukuma", "1", "1", "1", "1"] {
                say(s, PHONES[phone], m).await;
            }
        }
        Op::Outcome { n, kind, .. } => {
            let pending = ids(
                s,
                "SELECT id FROM payments WHERE state IN ('pending', 'unknown') AND started_here = 1 ORDER BY id",
            )
            .await;
            if let Some(id) = pick(&pending, n) {
                let outcome = match kind {
                    0 => ProviderOutcome::Paid {
                        receipt: Some(format!("S{:09}", step * 7 + n)),
                    },
                    1 => ProviderOutcome::Failed {
                        reason: PaymentFailure::Cancelled,
                    },
                    _ => ProviderOutcome::Unknown,
                };
                s.apply_payment_outcome(PaymentId(id), outcome)
                    .await
                    .expect("outcome");
            }
        }
        Op::Settle { n, paid, .. } => {
            let unknown = ids(
                s,
                "SELECT id FROM payments WHERE state = 'unknown' ORDER BY id",
            )
            .await;
            if let Some(id) = pick(&unknown, n) {
                let _ = s
                    .settle_payment(
                        &SettlePayment {
                            id: PaymentId(id),
                            paid,
                            receipt: if paid {
                                format!("T{:09}", step * 11 + n)
                            } else {
                                String::new()
                            },
                            no_code_reason: String::new(),
                        },
                        "clerk",
                    )
                    .await;
            }
        }
        Op::Says { phone, text, .. } => {
            let text = ["kiswahili", "english", "STOP", "START"][usize::from(text)];
            say(s, PHONES[phone], text).await;
        }
        Op::Correct { n, .. } => {
            let customers = ids(
                s,
                "SELECT id FROM customers WHERE erased_at IS NULL ORDER BY id",
            )
            .await;
            if let Some(id) = pick(&customers, n) {
                let phone: String = sqlx::query_scalar("SELECT phone FROM customers WHERE id = ?")
                    .bind(id.to_string())
                    .fetch_one(dukadesk_core::store::testing::pool(s))
                    .await
                    .expect("phone");
                let _ = s
                    .correct_customer(
                        &CustomerEdit {
                            id: CustomerId(id),
                            name: format!("Customer {step}"),
                            phone,
                        },
                        Country::Kenya,
                        &Actor::Owner,
                    )
                    .await;
            }
        }
        Op::Erase { n, .. } => {
            let customers = ids(
                s,
                "SELECT id FROM customers WHERE erased_at IS NULL ORDER BY id",
            )
            .await;
            if let Some(id) = pick(&customers, n) {
                let _ = s
                    .erase_customer(CustomerId(id), &Actor::Owner, ErasureSource::Staff)
                    .await;
            }
        }
        Op::Reprice { n, price, .. } => {
            let items = s.items(true).await.expect("items");
            if !items.is_empty() {
                let item = &items[n % items.len()];
                // The stock field left as the form showed it: no count.
                s.save_item(&ItemInput {
                    price: price.to_string(),
                    ..ItemInput::from_item(item)
                })
                .await
                .expect("reprice");
            }
        }
        Op::Count { n, level, .. } => {
            let items = s.items(true).await.expect("items");
            if !items.is_empty() {
                let item = &items[n % items.len()];
                s.save_item_by(
                    &ItemInput {
                        stock: level.to_string(),
                        ..ItemInput::from_item(item)
                    },
                    Some("clerk"),
                )
                .await
                .expect("count");
            }
        }
        Op::CorrectStock { n, delta, .. } => {
            let items = s.items(true).await.expect("items");
            if !items.is_empty() {
                let item = &items[n % items.len()];
                // Refused for an item that is not counted: changes nothing.
                let _ = s.correct_stock(item.id, i64::from(delta), "clerk").await;
            }
        }
        Op::AddCategory { n, .. } => {
            // Two tills may pick the same name: both are kept, told apart.
            let _ = s
                .save_category(&SaveCategory {
                    id: None,
                    name: format!("Shelf {n}"),
                })
                .await;
        }
        Op::OnCredit { phone, .. } => {
            let items = s.items(false).await.expect("items");
            let input = ManualOrderInput {
                customer_phone: PHONES[phone].into(),
                payment: TillPayment::Credit,
                ..sample_order(&items)
            };
            match s.create_manual_order(&input, "clerk").await {
                Ok(_) | Err(dukadesk_core::store::StoreError::Invalid(_)) => {}
                Err(e) => panic!("credit sale: {e}"),
            }
        }
        Op::Repay { n, amount, .. } => {
            let customers = ids(
                s,
                "SELECT id FROM customers WHERE erased_at IS NULL ORDER BY id",
            )
            .await;
            if let Some(c) = pick(&customers, n) {
                let input = dukadesk_domain::credit::RepaymentInput {
                    customer_id: CustomerId(c),
                    amount: amount.to_string(),
                    method: dukadesk_domain::credit::RepaymentMethod::Cash,
                    receipt: String::new(),
                };
                s.record_repayment(&input, "clerk")
                    .await
                    .expect("repayment");
            }
        }
        Op::Refund { n, amount, .. } => {
            let orders = ids(s, "SELECT id FROM orders ORDER BY id").await;
            if let Some(id) = pick(&orders, n) {
                let input = dukadesk_domain::refund::RefundInput {
                    order_id: OrderId(id),
                    amount: amount.to_string(),
                    method: "cash".into(),
                    receipt: String::new(),
                    reason: "returned".into(),
                };
                // Refused for an order with less money left than that.
                match s.refund_order(&input, "owner").await {
                    Ok(_) | Err(dukadesk_core::store::StoreError::Invalid(_)) => {}
                    Err(e) => panic!("refund: {e}"),
                }
            }
        }
        Op::CashUp { counted, .. } => {
            s.record_cash_up(
                &dukadesk_domain::cashup::CashUpInput {
                    counted: counted.to_string(),
                    ..Default::default()
                },
                "clerk",
            )
            .await
            .expect("cash-up");
        }
        Op::Sync { .. } => sync_as_the_worker_would(s, &till.hosted, "sync").await,
        Op::CutSync { budget, .. } => {
            till.proxy.cut_replies_after(Some(u64::from(budget)));
            // Cut or not (a short sync may fit in the budget): either way
            // nothing is lost or applied twice, which the end checks.
            let before = till.proxy.cuts();
            let _ = sync_once(s, &till.hosted).await;
            till.proxy.cut_replies_after(None);
            CUT.fetch_add(till.proxy.cuts() - before, Ordering::SeqCst);
        }
    }
}

fn till_of(op: &Op) -> usize {
    match *op {
        Op::TillOrder { till, .. }
        | Op::Advance { till, .. }
        | Op::Cancel { till, .. }
        | Op::PayAtTill { till, .. }
        | Op::ChatOrder { till, .. }
        | Op::Outcome { till, .. }
        | Op::Settle { till, .. }
        | Op::Says { till, .. }
        | Op::Correct { till, .. }
        | Op::Erase { till, .. }
        | Op::Reprice { till, .. }
        | Op::AddCategory { till, .. }
        | Op::Count { till, .. }
        | Op::CorrectStock { till, .. }
        | Op::CashUp { till, .. }
        | Op::OnCredit { till, .. }
        | Op::Repay { till, .. }
        | Op::Refund { till, .. }
        | Op::Sync { till }
        | Op::CutSync { till, .. } => till,
    }
}

/// Orders that count as sales without a received payment, and received
/// payments of orders still waiting: both must be none.
async fn books(store: &Store) -> Vec<String> {
    ids(
        store,
        "SELECT 'sale without money: #' || number FROM orders o
           WHERE status IN ('paid', 'preparing', 'out_for_delivery', 'delivered')
             AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.id AND p.state = 'succeeded')
         UNION ALL
         SELECT 'money for a waiting order: #' || number FROM orders o
           WHERE status IN ('draft', 'awaiting_payment', 'payment_failed')
             AND EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.id AND p.state = 'succeeded')",
    )
    .await
}

async fn run_case(b: &Backend, ops: &[Op]) -> Result<(), TestCaseError> {
    let shop = b.shop("Duka").await;
    // Hundreds of stores: on a tmpfs where there is one (the files are
    // real SQLite files either way).
    let shm = std::path::Path::new("/dev/shm");
    let parent = if shm.is_dir() {
        shm.to_owned()
    } else {
        std::env::temp_dir()
    };
    let server = b.server.as_ref().expect("server").addr;
    let mut tills = Vec::new();
    for n in 0..TILLS {
        let (dir, store) = unlocked_store_in(&parent).await;
        if n == 0 {
            set_up_shop(&store).await;
        }
        let proxy = CutProxy::start(server).await.expect("proxy");
        let mut e = b.enrolment(shop, &format!("Till {n}")).await;
        e.url = format!("http://{}", proxy.addr());
        let hosted = enrol_with_server(&store, &e).await.expect("enrol");
        // The others start from the shop the first set up, as a new till
        // does.
        sync_as_the_worker_would(&store, &hosted, "first sync").await;
        tills.push(Till {
            _dir: dir,
            store,
            hosted,
            proxy,
        });
    }
    for (step, op) in ops.iter().enumerate() {
        apply(&tills[till_of(op)], op, step).await;
    }
    // Everything settles: each till sends what it has, then hears the rest,
    // until a whole round finds nothing to send before it and leaves
    // nothing to send after it (a pull may itself leave a change to send,
    // such as a customer merged here; and a change sent late in a round
    // reaches the tills before it only in the next). Bounded: it must
    // settle.
    let mut rounds = 0;
    loop {
        let mut unsent_before = 0;
        for till in &tills {
            unsent_before += till.store.outbox_len().await.expect("len");
        }
        for till in &tills {
            sync_as_the_worker_would(&till.store, &till.hosted, "settling").await;
        }
        let mut unsent = 0;
        for till in &tills {
            unsent += till.store.outbox_len().await.expect("len");
        }
        rounds += 1;
        if unsent_before == 0 && unsent == 0 {
            break;
        }
        prop_assert!(
            rounds < 8,
            "still {} changes to send after {} rounds",
            unsent,
            rounds
        );
    }
    let server = server_rows(&b.su, shop).await;
    for (i, till) in tills.iter().enumerate() {
        let rows = till_rows(&till.store).await;
        for (table, expected) in &server {
            prop_assert_eq!(
                rows.get(table),
                Some(expected),
                "till {} differs from the server in {}",
                i,
                table
            );
        }
        let wrong = books(&till.store).await;
        prop_assert!(wrong.is_empty(), "till {}: {:?}", i, wrong);
        // The report totals the triggers kept through all of it (sales,
        // moves, payments, pulled changes, erasures) are what the rows say.
        dukadesk_core::reports::rollups::testing::assert_totals_rebuild_the_same(&till.store).await;
        prop_assert_eq!(till.store.outbox_len().await.expect("len"), 0);
    }
    Ok(())
}

/// The runtime a case runs on: two workers, as the tills' own.
fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime")
}

#[test]
fn random_work_on_three_tills_with_cut_syncs_converges_everywhere_and_the_books_add_up() {
    let rt = runtime();
    let b = rt.block_on(backend());
    let cases = std::env::var("DUKADESK_CONVERGENCE_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(200);
    let mut runner = TestRunner::new(Config {
        cases,
        max_shrink_iters: 200,
        // The failing case is printed; nothing is written into the tree.
        failure_persistence: None,
        ..Config::default()
    });
    let result = runner.run(&prop::collection::vec(op(), 1..30), |ops| {
        rt.block_on(run_case(&b, &ops))
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    let cut = CUT.load(Ordering::SeqCst);
    let retried = RETRIED.load(Ordering::SeqCst);
    println!("{cases} cases, {cut} syncs cut part-way, {retried} syncs tried again");
    assert!(cases < 20 || cut > 0, "no sync was cut in {cases} cases");
}

/// A case the random test found (CI, 2026-12-07): one customer met on all
/// three tills, merged on two of them in different orders (A into B on one,
/// B into C on another) while a third erased C. The till that had kept A
/// took the merge A into B after B had been merged into C, and brought B
/// back as a customer of its own, which the server did not have. Which
/// customer is erased depends on the ids drawn, so this fails only in some
/// runs when the chain is not followed (about one in six); the till's own
/// test, `sync::merge_tests`, pins it down.
#[test]
fn merges_made_on_different_tills_chain_to_one_customer_even_an_erased_one() {
    let rt = runtime();
    let b = rt.block_on(backend());
    let ops = vec![
        Op::CashUp {
            till: 2,
            counted: 1824,
        },
        Op::Refund {
            till: 2,
            n: 2,
            amount: 133,
        },
        Op::Advance { till: 2, n: 2 },
        Op::ChatOrder { till: 1, phone: 0 },
        Op::ChatOrder { till: 0, phone: 1 },
        Op::Sync { till: 2 },
        Op::ChatOrder { till: 1, phone: 2 },
        Op::Says {
            till: 2,
            phone: 2,
            text: 1,
        },
        Op::Says {
            till: 0,
            phone: 2,
            text: 0,
        },
        Op::Outcome {
            till: 2,
            n: 6,
            kind: 1,
        },
        Op::Says {
            till: 1,
            phone: 1,
            text: 2,
        },
        Op::OnCredit { till: 2, phone: 1 },
        Op::Sync { till: 2 },
        Op::Sync { till: 0 },
        Op::Advance { till: 2, n: 4 },
        Op::Outcome {
            till: 0,
            n: 3,
            kind: 2,
        },
        Op::Says {
            till: 2,
            phone: 0,
            text: 0,
        },
        Op::Sync { till: 1 },
        Op::Outcome {
            till: 0,
            n: 5,
            kind: 2,
        },
        Op::Erase { till: 0, n: 7 },
        Op::TillOrder {
            till: 2,
            paid: false,
        },
        Op::ChatOrder { till: 1, phone: 2 },
        Op::Says {
            till: 1,
            phone: 1,
            text: 0,
        },
    ];
    rt.block_on(run_case(&b, &ops)).expect("converges");
}
