//! What a till with stolen or forged credentials would try.

use crate::{change, item, refused, rig, MAX_BODY};
use dukadesk_core::sync::admin;
use dukadesk_core::sync::protocol::{FetchRequest, LeaseAction, LeaseRequest, SCHEMA_HEADER};
use uuid::Uuid;

#[tokio::test]
async fn a_forged_shop_or_device_in_a_push_reaches_no_other_shop() {
    let r = rig().await;
    let shop_a = r.shop("Shop A").await;
    let shop_b = r.shop("Shop B").await;
    let a = r.till(shop_a, "A till").await;
    let a2 = r.till(shop_a, "A office").await;
    let b = r.till(shop_b, "B till").await;
    let b_item = Uuid::new_v4();
    b.push(vec![item(1, b_item, "B's own")]).await;

    // A body naming shop B, and B's item id: stored in shop A, as data.
    let mut forged = serde_json::to_value(item(1, b_item, "forged")).expect("json");
    forged["body"]["shop_id"] = serde_json::json!(shop_b);
    let forged: dukadesk_core::sync::protocol::PushChange =
        serde_json::from_value(forged).expect("a change");
    a.push(vec![forged]).await;
    let rows: Vec<(Uuid, String)> =
        sqlx::query_as("SELECT shop_id, body->>'name' FROM items WHERE id = $1 ORDER BY name")
            .bind(b_item)
            .fetch_all(&r.su)
            .await
            .expect("rows");
    assert_eq!(
        rows,
        vec![
            (shop_b, "B's own".to_owned()),
            (shop_a, "forged".to_owned())
        ]
    );
    let seen = b.pull(0).await;
    assert_eq!(seen.changes.len(), 1);
    assert_eq!(seen.changes[0].body["name"], "B's own");

    // A change that names a shop, device or version_device outright is refused.
    for field in ["shop_id", "device_id", "version_device"] {
        let mut v = serde_json::to_value(item(2, Uuid::new_v4(), "x")).expect("json");
        v[field] = serde_json::json!(b.device_id);
        let res = a
            .request(reqwest::Method::POST, "/v1/push")
            .json(&serde_json::json!({ "changes": [v] }))
            .send()
            .await
            .expect("push");
        assert_eq!(refused(res, 400).await.code, "bad_request", "{field}");
    }

    // Another device's seq is not A's to spend: seqs count per credential.
    a.push((2..=5).map(|s| item(s, Uuid::new_v4(), "a")).collect())
        .await;
    let out = a2.push(vec![item(1, Uuid::new_v4(), "a2 first")]).await;
    assert_eq!(
        (out.replayed, out.rejected.len()),
        (0, 0),
        "A2's seq 1 is its own"
    );
    let seqs: Vec<(Uuid, i64)> = sqlx::query_as(
        "SELECT id, applied_seq FROM devices WHERE shop_id = $1 ORDER BY applied_seq",
    )
    .bind(shop_a)
    .fetch_all(&r.su)
    .await
    .expect("seqs");
    assert_eq!(seqs, vec![(a2.device_id, 1), (a.device_id, 5)]);
    let a_rows: i64 = sqlx::query_scalar("SELECT count(*) FROM items WHERE version_device = $1")
        .bind(a2.device_id)
        .fetch_one(&r.su)
        .await
        .expect("count");
    assert_eq!(a_rows, 1, "changes are credited to the credential's device");

    // Pushing out of order (to slip under another seq) is refused.
    let res = a
        .push_raw(vec![
            item(9, Uuid::new_v4(), "x"),
            item(7, Uuid::new_v4(), "y"),
        ])
        .await;
    assert_eq!(refused(res, 400).await.code, "bad_request");
}

#[tokio::test]
async fn oversized_pushes_are_refused_with_a_json_error() {
    let r = rig().await;
    let shop = r.shop("Duka").await;
    let a = r.till(shop, "Counter").await;
    let huge = "x".repeat(MAX_BODY + 1024);
    let res = a.push_raw(vec![item(1, Uuid::new_v4(), &huge)]).await;
    assert_eq!(refused(res, 413).await.code, "body_too_large");
    let many: Vec<_> = (1..=101).map(|s| item(s, Uuid::new_v4(), "x")).collect();
    let res = a.push_raw(many).await;
    assert_eq!(refused(res, 413).await.code, "batch_too_large");
    // Nothing of either landed; the till still works.
    assert!(a.pull(0).await.changes.is_empty());
}

#[tokio::test]
async fn a_revoked_till_is_refused_at_once_and_its_live_stream_closes() {
    let r = rig().await;
    let shop = r.shop("Duka").await;
    let a = r.till(shop, "Counter").await;
    let b = r.till(shop, "Office").await;
    a.push(vec![item(1, Uuid::new_v4(), "Sukari")]).await;
    let mut live = a.live().await;
    let mut other = b.live().await;
    admin::revoke_device(&r.owner, a.device_id)
        .await
        .expect("revoke");
    let (event, data) = live.next().await.expect("a revoked event");
    assert_eq!(event, "revoked");
    assert!(data.contains("device_revoked"), "{data}");
    assert_eq!(live.next().await, None, "the stream ends");
    assert_eq!(
        refused(a.pull_raw(0).await, 401).await.code,
        "device_revoked"
    );
    let res = a.push_raw(vec![item(2, Uuid::new_v4(), "late")]).await;
    assert_eq!(refused(res, 401).await.code, "device_revoked");
    // The shop's other till is untouched.
    b.push(vec![item(1, Uuid::new_v4(), "still here")]).await;
    assert_eq!(other.next().await.map(|e| e.0).as_deref(), Some("change"));
    assert_eq!(b.pull(0).await.changes.len(), 2);
}

/// The server remembers which shop a credential belongs to, but the
/// database checks it on every request: a till revoked in a way the server
/// never hears of (no NOTIFY: the row changed by hand) is refused all the
/// same on its next push, pull, fetch and bot lease.
#[tokio::test]
async fn a_till_revoked_behind_the_server_s_back_is_refused_on_its_next_request() {
    let r = rig().await;
    let shop = r.shop("Duka").await;
    let a = r.till(shop, "Counter").await;
    let b = r.till(shop, "Office").await;
    let id = Uuid::new_v4();
    // Each route once, so the server has the credential in mind.
    a.push(vec![item(1, id, "Sukari")]).await;
    assert_eq!(a.pull(0).await.changes.len(), 1);
    let fetch = |t: &crate::Till| {
        t.request(reqwest::Method::POST, "/v1/fetch")
            .json(&FetchRequest {
                entity: "item".into(),
                ids: vec![id],
            })
            .send()
    };
    let lease = |t: &crate::Till| {
        t.request(reqwest::Method::POST, "/v1/lease")
            .json(&LeaseRequest {
                action: LeaseAction::Read,
                ttl_seconds: None,
            })
            .send()
    };
    assert_eq!(fetch(&a).await.expect("fetch").status(), 200);
    assert_eq!(lease(&a).await.expect("lease").status(), 200);

    sqlx::query("UPDATE devices SET revoked_at = now() WHERE id = $1")
        .bind(a.device_id)
        .execute(&r.owner)
        .await
        .expect("revoke by hand");
    let res = a.push_raw(vec![item(2, Uuid::new_v4(), "late")]).await;
    assert_eq!(refused(res, 401).await.code, "device_revoked");
    assert_eq!(
        refused(a.pull_raw(0).await, 401).await.code,
        "device_revoked"
    );
    assert_eq!(
        refused(fetch(&a).await.expect("fetch"), 401).await.code,
        "device_revoked"
    );
    assert_eq!(
        refused(lease(&a).await.expect("lease"), 401).await.code,
        "device_revoked"
    );
    // Nothing of the refused push landed; the other till goes on.
    let seen = b.pull(0).await.changes;
    assert_eq!(seen.len(), 1, "{seen:?}");
    b.push(vec![item(1, Uuid::new_v4(), "still here")]).await;
}

#[tokio::test]
async fn a_till_of_another_schema_is_told_what_to_update() {
    let r = rig().await;
    let shop = r.shop("Duka").await;
    let a = r.till(shop, "Counter").await;
    let call = |schema: Option<&str>| {
        let mut req = r
            .http
            .get(format!("{}/v1/pull", r.base))
            .bearer_auth(&a.credential);
        if let Some(s) = schema {
            req = req.header(SCHEMA_HEADER, s);
        }
        req.send()
    };
    let newer = refused(call(Some("99")).await.expect("newer"), 409).await;
    assert_eq!(newer.code, "server_outdated");
    assert!(
        newer.message.contains("Update the DukaDesk server"),
        "{}",
        newer.message
    );
    let older = refused(call(Some("1")).await.expect("older"), 426).await;
    assert_eq!(older.code, "update_dukadesk");
    assert!(
        older.message.contains("Update DukaDesk"),
        "{}",
        older.message
    );
    let silent = refused(call(None).await.expect("none"), 426).await;
    assert_eq!(silent.code, "update_dukadesk");
    let unknown = r
        .http
        .get(format!("{}/v2/anything", r.base))
        .send()
        .await
        .expect("404");
    assert_eq!(refused(unknown, 404).await.code, "not_found");
}

#[tokio::test]
async fn a_row_dated_in_the_future_does_not_win_for_ever() {
    let r = rig().await;
    let shop = r.shop("Shop").await;
    let thief = r.till(shop, "stolen").await;
    let honest = r.till(shop, "counter").await;
    let id = Uuid::new_v4();
    // A stolen credential dates its change in 2100, to make it stick.
    let mut forged = item(1, id, "forged price");
    forged.version_at = "2100-01-01T00:00:00Z".parse().expect("date");
    thief.push(vec![forged]).await;
    let stored: chrono::DateTime<chrono::Utc> =
        sqlx::query_scalar("SELECT version_at FROM items WHERE id = $1")
            .bind(id)
            .fetch_one(&r.su)
            .await
            .expect("row");
    let ahead = stored - chrono::Utc::now();
    assert!(
        ahead
            <= chrono::Duration::from_std(dukadesk_core::sync::hosted::MAX_CLOCK_AHEAD)
                .expect("skew"),
        "stored {stored}"
    );
    // Staff correct it from an honest till once the skew has passed: the
    // correction wins on the server and for every till.
    let mut fixed = item(1, id, "right price");
    fixed.version_at = stored + chrono::Duration::seconds(1);
    honest.push(vec![fixed]).await;
    let name: String = sqlx::query_scalar("SELECT body->>'name' FROM items WHERE id = $1")
        .bind(id)
        .fetch_one(&r.su)
        .await
        .expect("row");
    assert_eq!(name, "right price");
    let seen = thief.pull(0).await;
    assert_eq!(seen.changes.len(), 1);
    assert_eq!(seen.changes[0].body["name"], "right price");
}

#[tokio::test]
async fn rows_the_other_tills_could_not_take_are_refused_and_the_rest_of_the_push_lands() {
    let r = rig().await;
    let shop = r.shop("Shop").await;
    let thief = r.till(shop, "stolen").await;
    let honest = r.till(shop, "counter").await;
    let kept = Uuid::new_v4();
    honest.push(vec![item(1, kept, "Sukari")]).await;

    let with = |id: Uuid, field: &str, value: serde_json::Value| {
        let mut body = serde_json::to_value(item(0, id, "forged"))
            .expect("json")
            .get("body")
            .cloned()
            .expect("body");
        body[field] = value;
        body
    };
    let (banded, hijack) = (Uuid::new_v4(), Uuid::new_v4());
    let out = thief
        .push(vec![
            // A tax band no till knows.
            change(1, "item", banded, with(banded, "tax_band", "Z".into())),
            // A body naming another item than the row it travels as: it
            // would overwrite that item past the conflict rules.
            change(2, "item", hijack, with(kept, "name", "hijacked".into())),
            change(3, "customer", Uuid::new_v4(), serde_json::json!({})),
            change(
                4,
                "order",
                Uuid::new_v4(),
                serde_json::json!({"status": "Paid"}),
            ),
            change(5, "payment", Uuid::new_v4(), serde_json::json!([1, 2, 3])),
            dukadesk_core::sync::protocol::PushChange {
                op: dukadesk_core::sync::protocol::Op::Delete,
                ..change(
                    6,
                    "customer",
                    Uuid::new_v4(),
                    serde_json::json!({"merged_into": "nobody"}),
                )
            },
            item(7, Uuid::new_v4(), "Unga"),
        ])
        .await;
    assert_eq!(out.up_to_seq, 7);
    let refused: Vec<(i64, &str)> = out
        .rejected
        .iter()
        .map(|r| (r.device_seq, r.reason.as_str()))
        .collect();
    assert_eq!(
        refused,
        [
            (1, "the item is malformed"),
            (2, "the item is malformed"),
            (3, "the customer is malformed"),
            (4, "the order is malformed"),
            (5, "the payment is malformed"),
            (6, "the customer merge is malformed"),
        ]
    );
    let names: Vec<String> = sqlx::query_scalar(
        "SELECT body->>'name' FROM items WHERE shop_id = $1 ORDER BY body->>'name'",
    )
    .bind(shop)
    .fetch_all(&r.su)
    .await
    .expect("items");
    assert_eq!(names, ["Sukari", "Unga"]);
    for table in ["customers", "orders", "payments"] {
        let n: i64 =
            sqlx::query_scalar(&format!("SELECT count(*) FROM {table} WHERE shop_id = $1"))
                .bind(shop)
                .fetch_one(&r.su)
                .await
                .expect("count");
        assert_eq!(n, 0, "{table}");
    }
}
