//! Push, pull, live and lease between the tills of one shop.

use crate::{item, refused, rig};
use dukadesk_core::sync::protocol::{LeaseAction, LeaseRequest, LeaseResponse, SCHEMA_HEADER};
use dukadesk_core::sync::HOSTED_SCHEMA_VERSION;
use uuid::Uuid;

#[tokio::test]
async fn two_tills_of_a_shop_push_and_pull_both_ways_and_the_live_stream_wakes() {
    let r = rig().await;
    let shop = r.shop("Duka").await;
    let a = r.till(shop, "Counter").await;
    let b = r.till(shop, "Office").await;
    let mut a_live = a.live().await;

    // B pushes: A's stream wakes, naming B; A pulls B's item.
    let sugar = Uuid::new_v4();
    let out = b.push(vec![item(1, sugar, "Sukari")]).await;
    assert_eq!((out.up_to_seq, out.replayed, out.rejected.len()), (1, 0, 0));
    let (event, data) = a_live.next().await.expect("a change event");
    assert_eq!(event, "change");
    assert!(data.contains(&b.device_id.to_string()), "{data}");
    let page = a.pull(0).await;
    assert_eq!(page.changes.len(), 1);
    assert_eq!(page.changes[0].id, sugar);
    assert_eq!(page.changes[0].version_device, b.device_id);
    assert_eq!(page.changes[0].body["name"], "Sukari");

    // A answers with a later version and an item of its own; B pulls both.
    let flour = Uuid::new_v4();
    a.push(vec![item(1, sugar, "Sukari 2kg"), item(2, flour, "Unga")])
        .await;
    let page = b.pull(0).await;
    let mut names: Vec<String> = page
        .changes
        .iter()
        .map(|c| c.body["name"].as_str().unwrap_or_default().to_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["Sukari 2kg", "Unga"]);
    assert!(page.changes.iter().all(|c| c.version_device == a.device_id));
    // The cursor pages: nothing after the last change.
    let rest = b.pull(page.cursor).await;
    assert!(rest.changes.is_empty() && !rest.more);

    // An older version loses (the conflict rule), whoever sends it last.
    let mut stale = item(2, sugar, "Sukari (old)");
    stale.version_at = chrono::Utc::now() - chrono::Duration::hours(1);
    b.push(vec![stale]).await;
    let now: String =
        sqlx::query_scalar("SELECT body->>'name' FROM items WHERE shop_id = $1 AND id = $2")
            .bind(shop)
            .bind(sugar)
            .fetch_one(&r.su)
            .await
            .expect("row");
    assert_eq!(now, "Sukari 2kg");

    // Paging with a limit.
    let res = a
        .request(reqwest::Method::GET, "/v1/pull?cursor=0&limit=1")
        .send()
        .await
        .expect("paged");
    let page: dukadesk_core::sync::protocol::PullResponse = res.json().await.expect("page");
    assert_eq!(page.changes.len(), 1);
    assert!(page.more);
    let bad = a
        .request(reqwest::Method::GET, "/v1/pull?cursor=abc")
        .send()
        .await
        .expect("bad");
    assert_eq!(refused(bad, 400).await.code, "bad_request");
}

/// "ready" is a promise: a change pushed the moment a stream says it is
/// ready wakes it, also for a shop whose first stream this is (its channel
/// is listened to before "ready"). Many shops at once, so that the server
/// has many channels to start listening to while the pushes arrive.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_pushed_right_after_ready_always_wakes_the_stream() {
    let r = rig().await;
    let mut shops = Vec::new();
    for n in 0..20 {
        let shop = r.shop(&format!("Duka {n}")).await;
        shops.push((r.till(shop, "Counter").await, r.till(shop, "Office").await));
    }
    let woken = shops.iter().enumerate().map(|(n, (a, b))| async move {
        let mut a_live = a.live().await;
        b.push(vec![item(1, Uuid::new_v4(), "Sukari")]).await;
        let (event, data) = a_live.next().await.expect("a change event");
        assert_eq!(event, "change", "shop {n}");
        assert!(data.contains(&b.device_id.to_string()), "{data}");
    });
    futures_util::future::join_all(woken).await;
}

#[tokio::test]
async fn a_replayed_push_is_a_no_op() {
    let r = rig().await;
    let shop = r.shop("Duka").await;
    let a = r.till(shop, "Counter").await;
    let b = r.till(shop, "Office").await;
    let ids: Vec<Uuid> = (0..3).map(|_| Uuid::new_v4()).collect();
    let batch: Vec<_> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| item(i as i64 + 1, *id, &format!("Item {i}")))
        .collect();
    a.push(batch.clone()).await;
    let seen = b.pull(0).await;
    assert_eq!(seen.changes.len(), 3);

    // The same batch again (a lost answer): nothing applied twice.
    let again = a.push(batch.clone()).await;
    assert_eq!((again.up_to_seq, again.replayed), (3, 3));
    assert!(
        b.pull(seen.cursor).await.changes.is_empty(),
        "no new change"
    );

    // Overlapping: the old rows skipped, the new one applied.
    let mut more = batch[1..].to_vec();
    let new = Uuid::new_v4();
    more.push(item(4, new, "Item 3"));
    let out = a.push(more).await;
    assert_eq!((out.up_to_seq, out.replayed), (4, 2));
    let after = b.pull(seen.cursor).await;
    assert_eq!(
        after.changes.iter().map(|c| c.id).collect::<Vec<_>>(),
        vec![new]
    );
    let applied: i64 = sqlx::query_scalar("SELECT applied_seq FROM devices WHERE id = $1")
        .bind(a.device_id)
        .fetch_one(&r.su)
        .await
        .expect("seq");
    assert_eq!(applied, 4);
}

#[tokio::test]
async fn the_bot_lease_has_one_holder_per_shop() {
    let r = rig().await;
    let shop = r.shop("Duka").await;
    let a = r.till(shop, "Counter").await;
    let b = r.till(shop, "Office").await;
    let lease = |t: &crate::Till, action| {
        let t = t.clone();
        async move {
            let res = t
                .request(reqwest::Method::POST, "/v1/lease")
                .json(&LeaseRequest {
                    action,
                    ttl_seconds: Some(60),
                })
                .send()
                .await
                .expect("lease");
            assert_eq!(res.status(), 200);
            res.json::<LeaseResponse>()
                .await
                .expect("body")
                .holder
                .map(|h| h.device_id)
        }
    };
    assert_eq!(lease(&a, LeaseAction::Take).await, Some(a.device_id));
    assert_eq!(
        lease(&b, LeaseAction::Take).await,
        Some(a.device_id),
        "held by A"
    );
    assert_eq!(lease(&a, LeaseAction::Renew).await, Some(a.device_id));
    assert_eq!(
        lease(&b, LeaseAction::Release).await,
        Some(a.device_id),
        "B cannot release A's"
    );
    assert_eq!(lease(&a, LeaseAction::Release).await, None);
    assert_eq!(lease(&b, LeaseAction::Take).await, Some(b.device_id));
    assert_eq!(lease(&a, LeaseAction::Read).await, Some(b.device_id));
    let res = a
        .request(reqwest::Method::POST, "/v1/lease")
        .json(&LeaseRequest {
            action: LeaseAction::Take,
            ttl_seconds: Some(100_000),
        })
        .send()
        .await
        .expect("lease");
    assert_eq!(refused(res, 400).await.code, "bad_request");
}

/// Pull pages travel gzip-compressed to a till that accepts it (tills on
/// mobile data pay for every byte); the live channel is never compressed,
/// so its events are not held in a compressor's buffer.
#[tokio::test]
async fn pull_pages_are_compressed_and_the_live_channel_is_not() {
    let r = rig().await;
    let shop = r.shop("Duka").await;
    let till = r.till(shop, "Counter").await;
    let changes: Vec<_> = (1..=100)
        .map(|n| item(n, Uuid::new_v4(), &format!("Sukuma wiki bunch {n}")))
        .collect();
    till.push(changes).await;
    // A client that does not unpack by itself, to see the wire.
    let raw = dukadesk_core::net::http_client()
        .no_gzip()
        .build()
        .expect("client");
    let get = |path: &str, gzip: bool| {
        let mut rb = raw
            .get(format!("{}{path}", r.base))
            .header(SCHEMA_HEADER, HOSTED_SCHEMA_VERSION)
            .bearer_auth(&till.credential);
        if gzip {
            rb = rb.header("accept-encoding", "gzip");
        }
        rb.send()
    };
    let plain = get("/v1/pull?cursor=0", false).await.expect("pull");
    assert_eq!(plain.headers().get("content-encoding"), None);
    let plain_len = plain.bytes().await.expect("body").len();
    let packed = get("/v1/pull?cursor=0", true).await.expect("pull");
    assert_eq!(
        packed
            .headers()
            .get("content-encoding")
            .and_then(|v| v.to_str().ok()),
        Some("gzip")
    );
    let packed_len = packed.bytes().await.expect("body").len();
    assert!(
        packed_len * 4 < plain_len,
        "{packed_len} bytes compressed against {plain_len}"
    );
    // The till's own client unpacks it: the same 100 changes.
    assert_eq!(till.pull(0).await.changes.len(), 100);
    let live = get("/v1/live", true).await.expect("live");
    assert_eq!(live.headers().get("content-encoding"), None);
}
