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
        .json(&EnrolRequest {
            code: code.clone().into(),
        })
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
    assert!(!String::from_utf8_lossy(&stored).contains(e.credential.expose().as_str()));

    let again = r
        .post("/v1/enrol")
        .json(&EnrolRequest { code: code.into() })
        .send()
        .await
        .expect("again");
    assert_eq!(refused(again, 409).await.code, "enrol_code_used");

    let expired = r.code(shop, "Office", chrono::Duration::minutes(-1)).await;
    let res = r
        .post("/v1/enrol")
        .json(&EnrolRequest {
            code: expired.into(),
        })
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
        credential: e.credential.expose().clone(),
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

/// A shop that runs its own server behind a self-signed certificate: the
/// enrolment string pins it, the till trusts that certificate and no other
/// (at enrolment and for every sync after), and someone in between with a
/// certificate of their own gets nothing, not even the one-time code.
#[tokio::test]
async fn a_pinned_certificate_is_the_only_one_a_till_trusts() {
    use dukadesk_core::net::CertPin;
    use dukadesk_core::store::testing::shop_store;
    use dukadesk_core::sync::http::ServerClient;
    use dukadesk_core::sync::worker::sync_once;
    use dukadesk_core::sync::{enrol_with_server, SyncError};
    use dukadesk_sims::tls::{Cert, TlsFront};

    let r = rig().await;
    let shop = r.shop("Duka").await;
    let addr = r.server.as_ref().expect("server").addr;
    let front = TlsFront::start(addr, Cert::Server).await.expect("front");
    let between = TlsFront::start(addr, Cert::Other).await.expect("other");
    let pin = CertPin::of(Cert::Server.der());
    let (_d, till) = shop_store().await;

    // No pin: the self-signed certificate is not trusted (verify-full).
    let mut e = r.enrolment(shop, "Counter").await;
    e.url = format!("https://{}", front.addr());
    let unpinned = enrol_with_server(&till, &e).await.expect_err("untrusted");
    assert!(matches!(unpinned, SyncError::Tls(_)), "{unpinned}");

    // Someone in between, showing their own certificate: refused before
    // the code leaves the till (the same code still works afterwards).
    e.pin = Some(pin);
    e.url = format!("https://{}", between.addr());
    let intercepted = enrol_with_server(&till, &e).await.expect_err("intercepted");
    assert!(
        matches!(intercepted, SyncError::CertificateChanged),
        "{intercepted}"
    );
    assert!(intercepted.to_string().contains("nothing was sent"));
    assert!(till.sync_target().await.expect("target").is_none());

    // The pinned server: enrolled through the string as pasted, and it syncs.
    e.url = format!("https://{}", front.addr());
    let pasted =
        dukadesk_core::sync::protocol::ServerEnrolment::decode(&e.encode()).expect("decodes");
    assert_eq!(pasted.pin, Some(pin));
    let client = enrol_with_server(&till, &pasted)
        .await
        .expect("pinned enrol");
    sync_once(&till, &client).await.expect("sync");
    assert_eq!(till.outbox_len().await.expect("len"), 0);

    // The pin is kept: the client the worker makes from the saved settings
    // trusts the same certificate, and refuses one in between.
    let (config, secret) = till.sync_target().await.expect("target").expect("enrolled");
    assert_eq!(config.pin, Some(pin));
    let again = ServerClient::new(&config, &secret).expect("client");
    sync_once(&till, &again).await.expect("sync again");
    let mut moved = config.clone();
    moved.url = format!("https://{}", between.addr());
    let wrong = ServerClient::new(&moved, &secret).expect("client");
    till.create_manual_order(
        &dukadesk_core::store::testing::sample_order(&till.items(false).await.expect("items")),
        "clerk",
    )
    .await
    .expect("order");
    let refused = sync_once(&till, &wrong).await.expect_err("in between");
    assert!(
        matches!(refused, SyncError::CertificateChanged),
        "{refused}"
    );
    assert!(!refused.is_transient(), "someone must look at it");
    assert!(till.outbox_len().await.expect("len") > 0, "the order waits");
}
