//! One till flooding the server is turned away with 429 and Retry-After
//! (before the database is asked), while a till of another shop goes on;
//! `/metrics` counts both, by route template only.

use crate::rig_with;

#[tokio::test]
async fn a_flooding_till_is_slowed_and_another_shop_goes_on_and_metrics_count_it() {
    let r = rig_with(&[
        ("DUKADESK_SERVER_REQUESTS_PER_SECOND", "1"),
        ("DUKADESK_SERVER_REQUEST_BURST", "5"),
    ])
    .await;
    let flood = r.till(r.shop("Duka").await, "Counter").await;
    let calm = r.till(r.shop("Other").await, "Counter").await;

    // Forty pulls at once from one till: its burst of five goes through
    // (and one more for each second they take), the rest are told to wait.
    let answers = futures_util::future::join_all((0..40).map(|_| flood.pull_raw(0))).await;
    let mut ok = 0;
    let mut limited = 0;
    for res in answers {
        match res.status().as_u16() {
            200 => ok += 1,
            429 => {
                let wait: u64 = res
                    .headers()
                    .get("retry-after")
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.parse().ok())
                    .expect("Retry-After in whole seconds");
                assert!((1..=60).contains(&wait), "{wait}");
                let body = crate::refused(res, 429).await;
                assert_eq!(body.code, "rate_limited");
                assert!(body.message.contains("nothing is lost"), "{}", body.message);
                limited += 1;
            }
            other => panic!("unexpected status {other}"),
        }
    }
    assert!(
        ok >= 5 && limited >= 20,
        "{ok} went through, {limited} waited"
    );
    assert_eq!(ok + limited, 40);

    // The other shop's till has its own share.
    for _ in 0..5 {
        let res = calm.pull_raw(0).await;
        assert_eq!(res.status(), 200);
    }

    let text = r
        .http
        .get(format!("{}/metrics", r.base))
        .send()
        .await
        .expect("metrics")
        .text()
        .await
        .expect("text");
    assert!(
        text.contains(&format!("dukadesk_rate_limited_total {limited}")),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "dukadesk_requests_total{{route=\"/v1/pull\",status=\"429\"}} {limited}"
        )),
        "{text}"
    );
    assert!(text.contains("dukadesk_request_seconds_bucket"), "{text}");
    assert!(
        !text.contains(&flood.credential) && !text.contains(&flood.device_id.to_string()),
        "no credential or id in the metrics"
    );
}

/// A shop whose requests are stuck (here: its upload lock held from
/// outside) holds at most its share of the pool; another shop's tills
/// still get connections. With a pool of three (one is the live fan-out's
/// LISTEN) and a share of one, shop A's four pushes hold one connection
/// between them and shop B's pull the last.
#[tokio::test]
async fn a_stuck_shop_holds_only_its_share_of_the_pool() {
    let r = rig_with(&[
        ("DUKADESK_SERVER_POOL_SIZE", "3"),
        ("DUKADESK_SERVER_CONNECTIONS_PER_SHOP", "1"),
        ("DUKADESK_SERVER_LOCK_TIMEOUT_MS", "600000"),
        ("DUKADESK_SERVER_STATEMENT_TIMEOUT_MS", "600000"),
    ])
    .await;
    let shop_a = r.shop("Busy").await;
    let shop_b = r.shop("Quiet").await;
    let mut tills_a = Vec::new();
    for label in ["A1", "A2", "A3", "A4"] {
        tills_a.push(r.till(shop_a, label).await);
    }
    let b = r.till(shop_b, "B1").await;
    let mut lock = r.su.acquire().await.expect("connection");
    sqlx::query("SELECT pg_advisory_lock(hashtextextended('dukadesk-shop:' || $1::uuid::text, 0))")
        .bind(shop_a)
        .execute(&mut *lock)
        .await
        .expect("hold shop A's upload lock");
    let pushes: Vec<_> = tills_a
        .iter()
        .map(|t| {
            let t = t.clone();
            tokio::spawn(async move {
                t.push_raw(vec![crate::item(1, uuid::Uuid::new_v4(), "Unga")])
                    .await
                    .status()
            })
        })
        .collect();
    // One of them is inside, waiting for the lock.
    tokio::time::timeout(std::time::Duration::from_secs(20), async {
        loop {
            let waiting: i64 = sqlx::query_scalar(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted",
            )
            .fetch_one(&r.su)
            .await
            .expect("locks");
            if waiting >= 1 {
                return;
            }
            tokio::task::yield_now().await;
        }
    })
    .await
    .expect("a push of shop A waits for the lock");
    // Shop B is served meanwhile.
    let res = b.pull_raw(0).await;
    assert_eq!(res.status(), 200, "{:?}", res.text().await);
    let waiting: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted",
    )
    .fetch_one(&r.su)
    .await
    .expect("locks");
    assert_eq!(
        waiting, 1,
        "shop A's other pushes wait their turn outside the database"
    );
    sqlx::query("SELECT pg_advisory_unlock_all()")
        .execute(&mut *lock)
        .await
        .expect("unlock");
    for p in pushes {
        assert_eq!(p.await.expect("push task"), 200);
    }
}
