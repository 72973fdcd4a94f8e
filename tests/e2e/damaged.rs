//! The shop's data file is checked after start-up, not before: a damaged
//! file still opens to a usable till, and a banner on every screen says
//! what happened and offers the export.

use crate::harness::App;
use std::time::Duration;

/// What `get_store_health` answers once the check has run (bounded poll).
async fn checked_health(app: &App) -> serde_json::Value {
    for _ in 0..300 {
        let health = app
            .raw_invoke("get_store_health", serde_json::json!({}))
            .await
            .expect("the store's health");
        if health != "Checking" {
            return health;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the check of the shop's data file never ended");
}

#[tokio::test]
async fn a_damaged_data_file_opens_to_a_usable_till_with_a_banner() {
    let app = App::launch("store_damaged").await;
    app.laptop_size().await;
    app.set_up_shop("Mama Mboga").await;
    assert_eq!(checked_health(&app).await, "Sound");
    assert!(app.absent("#store-damaged").await);
    let data = app.quit().await;

    dukadesk_core::store::testing::damage_table(&data.path().join("dukadesk.db"), "customers")
        .await;
    let app = App::relaunch("store_damaged", data, &[]).await;
    app.laptop_size().await;
    // The till is there (orders can be taken) and the banner says why to
    // export.
    app.find("#new-order").await;
    app.wait_text("#store-damaged", "damage in this shop's data file")
        .await;
    let health = checked_health(&app).await;
    assert!(
        health["Damaged"]["findings"]
            .as_array()
            .is_some_and(|f| !f.is_empty()),
        "{health}"
    );
    app.find("#store-damaged-export").await;
    app.click("#nav-catalogue").await;
    app.find("#store-damaged").await;
    app.screenshot("damaged").await;
    app.quit().await;
}
