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
