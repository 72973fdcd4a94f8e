//! Enrolment: a code works once and until it expires; the credential it
//! gives is the till's identity.

use crate::{refused, rig};
use dukadesk_core::sync::protocol::{EnrolRequest, EnrolResponse};

#[tokio::test]
async fn an_enrolment_code_works_once_and_not_after_it_expires() {
    let r = rig().await;
    let shop = r.shop("Duka").await;
    let code = r.code(shop, "Counter", chrono::Duration::hours(1)).await;
    let res = r
        .post("/v1/enrol")
        .json(&EnrolRequest { code: code.clone() })
        .send()
        .await
        .expect("enrol");
    assert_eq!(res.status(), 200);
    let e: EnrolResponse = res.json().await.expect("body");
    assert_eq!(
        (
            e.shop_id,
            e.shop_name.as_str(),
            e.label.as_str(),
            e.device_no
        ),
        (shop, "Duka", "Counter", 1)
    );
    // Only the hash is stored.
    let stored: Vec<u8> =
        sqlx::query_scalar("SELECT hash FROM device_credentials WHERE device_id = $1")
            .bind(e.device_id)
            .fetch_one(&r.su)
            .await
            .expect("stored");
    assert_eq!(stored.len(), 32);
    assert!(!String::from_utf8_lossy(&stored).contains(&e.credential));

    let again = r
        .post("/v1/enrol")
        .json(&EnrolRequest { code })
        .send()
        .await
        .expect("again");
    assert_eq!(refused(again, 409).await.code, "enrol_code_used");

    let expired = r.code(shop, "Office", chrono::Duration::minutes(-1)).await;
    let res = r
        .post("/v1/enrol")
        .json(&EnrolRequest { code: expired })
        .send()
        .await
        .expect("expired");
    assert_eq!(refused(res, 410).await.code, "enrol_code_expired");

    for garbage in ["", "not a code", &"A".repeat(43)] {
        let res = r
            .post("/v1/enrol")
            .json(&EnrolRequest {
                code: garbage.into(),
            })
            .send()
            .await
            .expect("garbage");
        assert_eq!(refused(res, 401).await.code, "enrol_code_unknown");
    }
    let res = r
        .post("/v1/enrol")
        .header("content-type", "application/json")
        .body("{\"code\": ")
        .send()
        .await
        .expect("truncated");
    assert_eq!(refused(res, 400).await.code, "bad_request");

    // The credential is the till's identity; a made-up one is not.
    let till = crate::Till {
        http: r.http.clone(),
        base: r.base.clone(),
        credential: e.credential,
        shop_id: shop,
        device_id: e.device_id,
    };
    assert!(till.pull(0).await.changes.is_empty());
    let stranger = crate::Till {
        credential: dukadesk_core::sync::protocol::new_secret(),
        ..till.clone()
    };
    assert_eq!(
        refused(stranger.pull_raw(0).await, 401).await.code,
        "credential_unknown"
    );
    let bare = r
        .http
        .get(format!("{}/v1/pull", r.base))
        .header(
            "dukadesk-schema",
            dukadesk_core::sync::HOSTED_SCHEMA_VERSION.to_string(),
        )
        .send()
        .await
        .expect("bare");
    assert_eq!(refused(bare, 401).await.code, "credential_missing");
}
