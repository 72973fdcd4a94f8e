//! Many tills on one server, measured in one run on this machine against a
//! real PostgreSQL and the real `dukadesk-server serve` process:
//!
//! (a) 10,000 tills (3,334 shops of three tills, the last of one) enrolled
//!     and each holding its live channel open: the server process's
//!     resident memory per open channel (its RSS with every channel open,
//!     less its RSS with the tills enrolled and none open).
//! (b) While they are connected: orders pushed at a steady 1,000 a second
//!     (each by one till of a shop, in turn over the shops), and each
//!     shop's other tills pulling when their live channel says so, as the
//!     till's worker does. The aggregate rate the server kept up with, and
//!     the time from an order's push to the moment a second till of its
//!     shop has pulled it. Targets: at least 1,000 orders/s, p95 under
//!     300 ms.
//!
//! The tills here are lean HTTP clients speaking `/v1` (a till's store is
//! not the subject), all in this process; the server runs as its own
//! process so its memory is its own. `DUKADESK_BENCH_TILLS`,
//! `DUKADESK_BENCH_SECONDS` and `DUKADESK_BENCH_RATE` (orders pushed a
//! second) make a smaller, longer or gentler run; the target is judged
//! against 1,000 a second whatever the rate asked. The CPU the server,
//! PostgreSQL and the simulated tills took while pushing is printed; with
//! `DUKADESK_BENCH_PG_PROFILE` set, so are the database's busiest
//! statements (pg_stat_statements, nested ones included).

use dukadesk_core::sync::admin;
use dukadesk_core::sync::http::take_event;
use dukadesk_core::sync::protocol::{
    EnrolRequest, EnrolResponse, Op, PullResponse, PushChange, PushRequest, PushResponse,
    SCHEMA_HEADER,
};
use dukadesk_core::sync::HOSTED_SCHEMA_VERSION;
use dukadesk_sims::postgres::TempPostgres;
use futures_util::StreamExt;
use std::collections::HashMap;
use std::sync::atomic::{AtomicI64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::Semaphore;
use uuid::Uuid;

const TILLS_PER_SHOP: usize = 3;
/// The rate the issue asks one node to keep up with.
const TARGET_RATE: u64 = 1_000;

fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A till as the server knows it.
struct Till {
    credential: String,
    device_id: Uuid,
    /// This till's outbox seq (pushes of one till go one at a time).
    seq: tokio::sync::Mutex<i64>,
}

/// CPU seconds (user and system) of the processes `filter` picks, given
/// each one's pid, parent pid and command line.
fn cpu_secs(mut filter: impl FnMut(u32, u32, &str) -> bool) -> f64 {
    let tick = 100.0; // USER_HZ on Linux
    let mut total = 0u64;
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|n| n.parse::<u32>().ok())
        else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
            continue;
        };
        let Some(close) = stat.rfind(')') else {
            continue;
        };
        // After the command: state, ppid, ... utime (14th field), stime.
        let fields: Vec<&str> = stat[close + 2..].split(' ').collect();
        let ppid = fields.get(1).and_then(|v| v.parse().ok()).unwrap_or(0);
        let cmdline = std::fs::read_to_string(format!("/proc/{pid}/cmdline")).unwrap_or_default();
        if !filter(pid, ppid, &cmdline.replace('\0', " ")) {
            continue;
        }
        total += fields
            .get(11)
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0)
            + fields
                .get(12)
                .and_then(|v| v.parse::<u64>().ok())
                .unwrap_or(0);
    }
    total as f64 / tick
}

fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

fn order_body(id: Uuid, number: i64) -> Box<serde_json::value::RawValue> {
    let now = chrono::Utc::now();
    let kes = |minor| serde_json::json!({"minor": minor, "currency": "KES"});
    // A whole order as a till sends it: the server refuses a body that is
    // not one.
    serde_json::value::to_raw_value(&serde_json::json!({
        "id": id, "number": number, "status": "Paid", "note": "",
        "customer_id": null, "customer_phone": null, "customer_name": null,
        "channel": "Till", "fulfilment": "Pickup",
        "created_at": now, "updated_at": now,
        "subtotal": kes(30000), "delivery_fee": kes(0), "total": kes(30000),
        "lines": [
            {"item_id": "33333333-3333-3333-3333-333333333333", "name": "Unga 2kg",
             "unit_price": kes(21000), "qty": 1, "total": kes(21000)},
            {"item_id": "44444444-4444-4444-4444-444444444444", "name": "Sukuma",
             "unit_price": kes(9000), "qty": 1, "total": kes(9000)}
        ]
    }))
    .expect("json")
}

/// Sent orders: when each was pushed, and when a second till of its shop
/// first had it.
#[derive(Default)]
struct Clock {
    sent: HashMap<Uuid, Instant>,
    seen: HashMap<Uuid, Duration>,
}

#[tokio::main]
async fn main() {
    let tills_wanted = env_or("DUKADESK_BENCH_TILLS", 10_000);
    let seconds = env_or("DUKADESK_BENCH_SECONDS", 20) as u64;
    let push_rate = env_or("DUKADESK_BENCH_RATE", TARGET_RATE as usize).max(1) as u64;
    let shops = tills_wanted.div_ceil(TILLS_PER_SHOP);

    let mut pg = TempPostgres::start().unwrap_or_else(|e| panic!("{e}"));
    let profile = std::env::var_os("DUKADESK_BENCH_PG_PROFILE").is_some();
    if profile {
        pg.psql(
            "postgres",
            "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'",
        )
        .and_then(|_| pg.stop())
        .and_then(|_| pg.start_server())
        .and_then(|_| {
            pg.psql(
                "dukadesk",
                "CREATE SCHEMA profiling; CREATE EXTENSION pg_stat_statements SCHEMA profiling",
            )
        })
        .and_then(|_| {
            pg.psql(
                "postgres",
                "ALTER SYSTEM SET pg_stat_statements.track = 'all'",
            )
        })
        .and_then(|_| pg.psql("postgres", "SELECT pg_reload_conf()"))
        .unwrap_or_else(|e| panic!("{e}"));
    }
    let owner = admin::connect(&pg.owner_url()).await.expect("owner");
    admin::migrate(&owner).await.expect("migrate");
    let password = dukadesk_core::sync::protocol::new_secret();
    admin::set_server_login(&owner, &password)
        .await
        .expect("server login");
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mut server = std::process::Command::new(env!("CARGO_BIN_EXE_dukadesk-server"))
        .arg("serve")
        .env_remove("DUKADESK_SERVER_CONFIG")
        .env("DUKADESK_SERVER_LISTEN", format!("127.0.0.1:{port}"))
        .env("DUKADESK_SERVER_PUBLIC_URL", &base)
        .env(
            "DUKADESK_SERVER_DATABASE_URL",
            format!(
                "postgres://127.0.0.1:{}/dukadesk?sslmode=disable",
                pg.port()
            ),
        )
        .env("DUKADESK_SERVER_DATABASE_PASSWORD", &password)
        .env("DUKADESK_SERVER_LOG", "warn")
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("start dukadesk-server");
    let pid = server.id();
    let http = dukadesk_core::net::http_client()
        .timeout(Duration::from_secs(60))
        .build()
        .expect("client");
    let deadline = Instant::now() + Duration::from_secs(30);
    while http
        .get(format!("{base}/healthz"))
        .send()
        .await
        .map(|r| !r.status().is_success())
        .unwrap_or(true)
    {
        assert!(Instant::now() < deadline, "the server never answered");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    // Shops and tills, enrolled as an operator and then each till would.
    let started = Instant::now();
    let mut codes = Vec::with_capacity(tills_wanted);
    for s in 0..shops {
        let shop = admin::create_shop(&owner, &format!("Duka {s}"))
            .await
            .expect("shop");
        for t in 0..TILLS_PER_SHOP {
            if codes.len() == tills_wanted {
                break;
            }
            let d = admin::enrol_server_device(
                &owner,
                shop,
                &format!("Till {t}"),
                chrono::Duration::hours(2),
                chrono::Utc::now(),
            )
            .await
            .expect("enrol");
            codes.push(d.code);
        }
    }
    let gate = Arc::new(Semaphore::new(64));
    let mut enrolling = Vec::with_capacity(codes.len());
    for code in codes {
        let (http, base, gate) = (http.clone(), base.clone(), gate.clone());
        enrolling.push(tokio::spawn(async move {
            let _turn = gate.acquire_owned().await.expect("gate");
            let res = http
                .post(format!("{base}/v1/enrol"))
                .header(SCHEMA_HEADER, HOSTED_SCHEMA_VERSION)
                .json(&EnrolRequest { code })
                .send()
                .await
                .expect("enrol request");
            assert_eq!(res.status(), 200, "enrol");
            let e: EnrolResponse = res.json().await.expect("enrol body");
            Arc::new(Till {
                credential: e.credential.expose().clone(),
                device_id: e.device_id,
                seq: tokio::sync::Mutex::new(0),
            })
        }));
    }
    let mut tills = Vec::with_capacity(enrolling.len());
    for t in enrolling {
        tills.push(t.await.expect("enrolled"));
    }
    println!(
        "{} tills in {shops} shops enrolled in {:.0} s",
        tills.len(),
        started.elapsed().as_secs_f64()
    );

    // (a) Every till opens its live channel.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let idle_kib = rss_kib(pid);
    let clock = Arc::new(Mutex::new(Clock::default()));
    let ready = Arc::new(AtomicUsize::new(0));
    let pulls = Arc::new(AtomicI64::new(0));
    let streams = dukadesk_core::net::http_client()
        .pool_max_idle_per_host(0)
        .build()
        .expect("client");
    let gate = Arc::new(Semaphore::new(256));
    for (i, till) in tills.iter().enumerate() {
        let (till, streams, http, base, gate) = (
            till.clone(),
            streams.clone(),
            http.clone(),
            base.clone(),
            gate.clone(),
        );
        let (clock, ready, pulls) = (clock.clone(), ready.clone(), pulls.clone());
        // The second till of each shop is the one whose arrivals are timed.
        let timed = i % TILLS_PER_SHOP == 1;
        tokio::spawn(async move {
            let opening = gate.acquire_owned().await.expect("gate");
            let res = streams
                .get(format!("{base}/v1/live"))
                .header(SCHEMA_HEADER, HOSTED_SCHEMA_VERSION)
                .bearer_auth(&till.credential)
                .send()
                .await
                .expect("live request");
            assert_eq!(res.status(), 200, "live");
            let mut body = res.bytes_stream();
            let mut buf = Vec::new();
            let mut cursor = 0i64;
            let mut opening = Some(opening);
            while let Some(Ok(bytes)) = body.next().await {
                buf.extend_from_slice(&bytes);
                let mut wake = false;
                while let Some((event, data)) = take_event(&mut buf) {
                    match event.as_str() {
                        "ready" => {
                            opening.take();
                            ready.fetch_add(1, Ordering::Relaxed);
                        }
                        "change" if !data.contains(&till.device_id.to_string()) => wake = true,
                        _ => {}
                    }
                }
                if !wake {
                    continue;
                }
                // Pull to the end, as the worker does.
                loop {
                    let res = http
                        .get(format!("{base}/v1/pull?cursor={cursor}"))
                        .header(SCHEMA_HEADER, HOSTED_SCHEMA_VERSION)
                        .bearer_auth(&till.credential)
                        .send()
                        .await;
                    let Ok(res) = res else { break };
                    let Ok(page) = res.json::<PullResponse>().await else {
                        break;
                    };
                    pulls.fetch_add(1, Ordering::Relaxed);
                    cursor = page.cursor;
                    if timed {
                        let now = Instant::now();
                        let mut c = clock.lock().unwrap_or_else(|e| e.into_inner());
                        for ch in &page.changes {
                            if let Some(sent) = c.sent.get(&ch.id).copied() {
                                c.seen.entry(ch.id).or_insert(now - sent);
                            }
                        }
                    }
                    if !page.more {
                        break;
                    }
                }
            }
        });
    }
    let deadline = Instant::now() + Duration::from_secs(300);
    while ready.load(Ordering::Relaxed) < tills.len() {
        assert!(
            Instant::now() < deadline,
            "only {} of {} live channels opened",
            ready.load(Ordering::Relaxed),
            tills.len()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let open_kib = rss_kib(pid);
    let per = (open_kib.saturating_sub(idle_kib)) as f64 * 1024.0 / tills.len() as f64;
    println!(
        "(a) {} live channels open on one server: RSS {} MiB -> {} MiB, {:.1} KiB per open channel",
        tills.len(),
        idle_kib / 1024,
        open_kib / 1024,
        per / 1024.0
    );

    // (b) Orders at a steady rate while they are connected.
    // The first till of each shop takes the orders (tills were enrolled
    // shop by shop, three to a shop); a shop needs a second till to hear.
    let pushers: Vec<Arc<Till>> = tills
        .chunks(TILLS_PER_SHOP)
        .filter(|shop| shop.len() > 1)
        .map(|shop| shop[0].clone())
        .collect();
    let total = push_rate * seconds;
    let acked = Arc::new(AtomicUsize::new(0));
    let failed = Arc::new(AtomicUsize::new(0));
    let in_flight = Arc::new(Semaphore::new(512));
    let mut tick = tokio::time::interval(Duration::from_micros(1_000_000 / push_rate));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Burst);
    if profile {
        pg.psql("dukadesk", "SELECT profiling.pg_stat_statements_reset()")
            .unwrap_or_else(|e| panic!("{e}"));
    }
    let me = std::process::id();
    // This run's PostgreSQL: the postmaster started on its port, and its
    // children.
    let port_arg = format!("-p {} ", pg.port());
    let mut postmaster = 0;
    cpu_secs(|p, _, cmd| {
        if cmd.contains("postgres") && cmd.contains(&port_arg) {
            postmaster = p;
        }
        false
    });
    let cpu = move || {
        (
            cpu_secs(|p, _, _| p == pid),
            cpu_secs(|p, parent, _| postmaster != 0 && (p == postmaster || parent == postmaster)),
            cpu_secs(|p, _, _| p == me),
        )
    };
    let cpu_before = cpu();
    let started = Instant::now();
    let mut sending = Vec::with_capacity(total as usize);
    for n in 0..total {
        tick.tick().await;
        let till = pushers[n as usize % pushers.len()].clone();
        let (http, base, clock, acked, failed) = (
            http.clone(),
            base.clone(),
            clock.clone(),
            acked.clone(),
            failed.clone(),
        );
        let permit = in_flight.clone().acquire_owned().await.expect("permit");
        sending.push(tokio::spawn(async move {
            let _permit = permit;
            let mut seq = till.seq.lock().await;
            *seq += 1;
            let id = Uuid::new_v4();
            let change = PushChange {
                device_seq: *seq,
                entity: "order".into(),
                id,
                op: Op::Upsert,
                body: order_body(id, 10 * *seq + 1),
                version_at: chrono::Utc::now(),
            };
            clock
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .sent
                .insert(id, Instant::now());
            let res = http
                .post(format!("{base}/v1/push"))
                .header(SCHEMA_HEADER, HOSTED_SCHEMA_VERSION)
                .bearer_auth(&till.credential)
                .json(&PushRequest {
                    changes: vec![change],
                })
                .send()
                .await;
            match res {
                Ok(r) if r.status().is_success() => {
                    let ok = r
                        .json::<PushResponse>()
                        .await
                        .is_ok_and(|p| p.rejected.is_empty());
                    if ok {
                        acked.fetch_add(1, Ordering::Relaxed);
                    } else {
                        failed.fetch_add(1, Ordering::Relaxed);
                    }
                }
                _ => {
                    failed.fetch_add(1, Ordering::Relaxed);
                }
            }
        }));
    }
    for s in sending {
        let _ = s.await;
    }
    let took = started.elapsed();
    let cpu_after = cpu();
    let rate = acked.load(Ordering::Relaxed) as f64 / took.as_secs_f64();
    // Every acknowledged order reaches a second till of its shop.
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let seen = clock.lock().unwrap_or_else(|e| e.into_inner()).seen.len();
        if seen >= acked.load(Ordering::Relaxed) || Instant::now() > deadline {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let mut lat: Vec<Duration> = clock
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .seen
        .values()
        .copied()
        .collect();
    lat.sort();
    let p = |q: f64| {
        lat.get(((lat.len() as f64 * q).ceil() as usize).saturating_sub(1))
            .copied()
            .unwrap_or_default()
    };
    println!(
        "(b) {} orders pushed at {push_rate}/s by {} tills over {:.1} s while all {} are connected: {:.0} orders/s acknowledged (target >= {TARGET_RATE}): {}; {} refused or failed",
        acked.load(Ordering::Relaxed),
        pushers.len(),
        took.as_secs_f64(),
        tills.len(),
        rate,
        if rate >= TARGET_RATE as f64 * 0.98 { "met" } else { "NOT met" },
        failed.load(Ordering::Relaxed),
    );
    println!(
        "    push to a second till's pull: {} of {} arrived; p50 {:.0} ms, p95 {:.0} ms, max {:.0} ms (target p95 < 300 ms): {}; {} pulls in all",
        lat.len(),
        acked.load(Ordering::Relaxed),
        p(0.5).as_secs_f64() * 1e3,
        p(0.95).as_secs_f64() * 1e3,
        lat.last().copied().unwrap_or_default().as_secs_f64() * 1e3,
        if p(0.95) < Duration::from_millis(300) && lat.len() == acked.load(Ordering::Relaxed) {
            "met"
        } else {
            "NOT met"
        },
        pulls.load(Ordering::Relaxed),
    );
    println!(
        "    CPU while pushing: the server {:.1} s, PostgreSQL {:.1} s, the simulated tills {:.1} s, over {:.1} s",
        cpu_after.0 - cpu_before.0,
        cpu_after.1 - cpu_before.1,
        cpu_after.2 - cpu_before.2,
        took.as_secs_f64()
    );
    if profile {
        println!("    where the database's time went (statements, by total time):");
        let top = pg
            .psql(
                "dukadesk",
                "SELECT round(total_exec_time)::bigint || ' ms, ' || calls || ' calls, ' \
                 || round((total_exec_time / calls * 1000)::numeric) || ' us each: ' \
                 || left(regexp_replace(query, '\\s+', ' ', 'g'), 110) \
                 FROM profiling.pg_stat_statements ORDER BY total_exec_time DESC LIMIT 25",
            )
            .unwrap_or_else(|e| e.to_string());
        for line in top.lines() {
            println!("      {line}");
        }
    }
    let _ = server.kill();
    let _ = server.wait();
}
