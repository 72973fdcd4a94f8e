//! The Export window: opened from Settings → Privacy as its own native
//! window; an unknown phone is refused beside the field; a main-window
//! command called from it is refused by its capability; a whole-shop
//! export runs with its progress bar and the ZIP on disk is complete
//! (manifest counts and checksums). The native save dialog cannot be
//! driven over WebDriver, so the app is given the place to save through
//! its debug-only testing seam, `DUKADESK_EXPORT_SAVE_PATH`.

use crate::harness::{stock_items, App};
use dukadesk_core::Store;
use dukadesk_domain::ipc::ChatChannel;
use dukadesk_domain::order::{ManualLineInput, ManualOrderInput, TillPayment};
use dukadesk_domain::{Country, Msisdn};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::io::Read;

/// Items, till orders of three customers (cash and M-Pesa with receipt
/// codes) and a chat, written through the core beside the running app, as a
/// second till on the same file would.
async fn stock_the_shop(data_dir: &std::path::Path) {
    let store = Store::open(&data_dir.join("dukadesk.db"))
        .await
        .expect("open the app's database");
    let items = stock_items(&store, &[("Sukuma wiki", "30"), ("Unga 2kg", "210")]).await;
    for (i, (phone, name)) in [
        ("0722000111", "Amina"),
        ("0711222333", "Baraka"),
        ("0799888777", "Chebet"),
        ("0722000111", "Amina"),
    ]
    .into_iter()
    .enumerate()
    {
        store
            .create_manual_order(
                &ManualOrderInput {
                    customer_phone: phone.into(),
                    customer_name: name.into(),
                    lines: items
                        .iter()
                        .map(|it| ManualLineInput {
                            item_id: it.id,
                            qty: 1 + i as u32,
                            label: None,
                        })
                        .collect(),
                    payment: if i % 2 == 0 {
                        TillPayment::MpesaReceipt(format!("QKX{i}A2B3C4"))
                    } else {
                        TillPayment::Cash
                    },
                    ..Default::default()
                },
                "till",
            )
            .await
            .expect("order");
    }
    let msisdn = Msisdn::parse("0799888777", Country::Kenya).expect("phone");
    store
        .receive_message(
            ChatChannel::WhatsApp,
            msisdn.as_str(),
            Some(&msisdn),
            "hi",
            None,
        )
        .await
        .expect("a chat");
    store.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_export_window_saves_a_complete_zip_and_is_held_to_its_capability() {
    let out = tempfile::tempdir().expect("a folder for the export");
    let dest = out.path().join("Duka la Amina export.zip");
    let app = App::launch_with(
        "export",
        &[("DUKADESK_EXPORT_SAVE_PATH", dest.display().to_string())],
    )
    .await;
    app.set_up_shop("Duka la Amina").await;
    app.open_settings("delivery").await;
    app.type_into("#zone-name", "Westlands").await;
    app.type_into("#zone-fee", "150").await;
    app.click("#zone-save").await;
    app.wait_text("main.content", "Westlands").await;
    stock_the_shop(app.data_dir()).await;

    // Settings → Privacy opens a second native window.
    app.click("#settings-privacy").await;
    let main = app.client.window().await.expect("the main window");
    app.click("#privacy-export").await;
    app.switch_to_new_window(&[&main], "Export window").await;
    app.find("#export-form").await;
    let title = app.client.title().await.expect("title");
    assert!(title.contains("DukaDesk"), "{title}");

    // An unknown number is refused beside the field; nothing is written.
    app.click("#export-scope-customer").await;
    app.type_into("#export-phone", "0799 123 456").await;
    app.click("#export-start").await;
    app.wait_text(
        ".field-error[data-field=phone]",
        "No customer has the number 0799 123 456",
    )
    .await;
    assert!(!dest.exists());
    app.screenshot("01-unknown-phone").await;

    // The window's capability grants its own commands and nothing else.
    let plan = app
        .raw_invoke(
            "check_export",
            serde_json::json!({ "scope": "Shop", "phone": "" }),
        )
        .await
        .expect("the Export window may check an export");
    assert!(plan["rows"].as_u64().is_some_and(|r| r > 0), "{plan}");
    for (command, req) in [
        (
            "send_staff_reply",
            serde_json::json!({ "conversation_id": "00000000-0000-4000-8000-000000000001", "text": "hi" }),
        ),
        (
            "apply_order_event",
            serde_json::json!({ "order_id": "00000000-0000-4000-8000-000000000001", "event": "Cancel" }),
        ),
        ("save_shop", serde_json::json!({})),
    ] {
        app.assert_not_allowed(command, req).await;
    }

    // The whole shop, with its progress bar, then the result.
    app.click("#export-scope-shop").await;
    app.click("#export-start").await;
    app.wait_text("#export-path", &dest.display().to_string())
        .await;
    let size = app.find("#export-size").await.text().await.expect("size");
    assert!(size.ends_with("KB") || size.ends_with("bytes"), "{size}");
    app.wait_text("li[data-entity=orders]", "4").await;
    app.doc_shot("02-export-saved", "export").await;

    // The ZIP on disk: every file listed with its rows and checksum.
    let zip_file = std::fs::File::open(&dest).expect("the export is at the chosen place");
    let mut archive = zip::ZipArchive::new(zip_file).expect("a ZIP");
    let mut files = BTreeMap::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).expect("entry");
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).expect("inflate");
        files.insert(entry.name().expect("entry name").into_owned(), bytes);
    }
    assert!(!out.path().join("Duka la Amina export.zip.partial").exists());
    let manifest: serde_json::Value =
        serde_json::from_slice(&files["manifest.json"]).expect("manifest.json");
    assert_eq!(manifest["scope"], "shop");
    let listed = manifest["files"].as_array().expect("files");
    assert_eq!(listed.len() + 1, files.len(), "every file is listed");
    let mut rows = BTreeMap::new();
    for f in listed {
        let name = f["name"].as_str().expect("name");
        let bytes = &files[name];
        let sha: String = Sha256::digest(bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(f["sha256"], sha, "{name} checksum");
        if name.ends_with(".csv") {
            let n = csv::Reader::from_reader(bytes.as_slice()).records().count() as u64;
            assert_eq!(f["rows"].as_u64(), Some(n), "{name}");
            rows.insert(name.trim_end_matches(".csv").to_owned(), n);
        }
    }
    assert_eq!(rows["business"], 1);
    assert_eq!(rows["delivery_zones"], 1);
    assert_eq!(rows["catalogue"], 2);
    assert_eq!(rows["customers"], 3);
    assert_eq!(rows["orders"], 4);
    assert_eq!(rows["order_items"], 8);
    assert_eq!(rows["payments"], 4);
    assert_eq!(rows["conversations"], 1);
    let summary = String::from_utf8(files["SUMMARY.txt"].clone()).expect("text");
    assert!(
        summary.contains("Everything Duka la Amina keeps"),
        "{summary}"
    );

    // Done closes the window; the main window is still there.
    app.click_to_close_window("#export-done").await;
    app.client
        .switch_to_window(main)
        .await
        .expect("back to the main window");
    app.find("#privacy-export").await;
    let data_dir = app.quit().await;

    // The export is in the audit log, as the owner's.
    let store = Store::open(&data_dir.path().join("dukadesk.db"))
        .await
        .expect("open the app's database");
    let log = store.audit_log(5).await.expect("audit log");
    assert_eq!(log[0].action, "export.shop");
    assert_eq!(log[0].actor, "owner");
}
