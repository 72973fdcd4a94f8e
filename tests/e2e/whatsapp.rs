//! Linking WhatsApp: Settings opens the pairing window (its own native
//! window), which shows QR codes that refresh as they rotate, says when
//! they run out, then links by phone number with the 8-character code and
//! shows the linked number and business name; Settings then shows the link
//! connected. WhatsApp's servers cannot be reached from a test: the debug
//! build is started with `DUKADESK_WHATSAPP_FAKE=1`, which puts a scripted
//! session (two QR codes, "codes ran out"; by number, a code then success)
//! behind the same link, journal and window as the real one. Unlinking
//! happens in the Disconnect window (the main window may not unlink), which
//! explains, asks, and reports.

use crate::harness::{App, WAIT};
use fantoccini::Locator;
use std::time::{Duration, Instant};

/// The QR code's drawing (its path), to see it change.
async fn qr_path(app: &App) -> String {
    app.find("#pairing-qr path")
        .await
        .attr("d")
        .await
        .ok()
        .flatten()
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_pairing_window_shows_rotating_qr_codes_then_links_by_phone_number() {
    let app = App::launch_with("whatsapp", &[("DUKADESK_WHATSAPP_FAKE", "1".into())]).await;
    app.laptop_size().await;
    app.set_up_shop("Duka la Juma").await;
    app.open_settings("whatsapp").await;
    app.wait_text("#whatsapp-state", "Not linked").await;
    app.client
        .execute(
            "document.getElementById('whatsapp-settings').scrollIntoView()",
            vec![],
        )
        .await
        .expect("scroll");
    app.screenshot("01-settings-not-linked").await;

    let main = app.client.window().await.expect("main window");
    app.click("#whatsapp-link").await;
    // The pairing window opens beside the main one.
    let pairing = app.switch_to_new_window(&[&main], "pairing window").await;
    app.wait_text("h1", "Link WhatsApp").await;

    // QR codes: the first, then the next as it rotates.
    app.click("#pairing-qr-start").await;
    app.find("#pairing-qr").await;
    app.wait_text("#pairing-countdown", "This code changes in")
        .await;
    app.wait_text(".pairing-steps", "Linked devices > Link a device")
        .await;
    let first = qr_path(&app).await;
    assert!(first.len() > 1_000, "the QR code is drawn");
    app.doc_shot("02-qr-code", "pairing-qr").await;
    let deadline = Instant::now() + WAIT;
    while qr_path(&app).await == first {
        assert!(Instant::now() < deadline, "the QR code never rotated");
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    // Then they run out: a new code is offered.
    app.wait_text("#pairing-exhausted", "ran out").await;
    app.find("#pairing-new-code").await;
    app.doc_shot("03-codes-ran-out", "pairing-new-code").await;

    // By phone number instead: the code to type, large.
    app.type_into("#pairing-phone", "0700 123 456").await;
    app.click("#pairing-phone-start").await;
    app.wait_text("#pairing-code", "K7QM-2XPL").await;
    app.wait_text(".pairing-steps", "Link with phone number instead")
        .await;
    app.doc_shot("04-phone-code", "pairing-code").await;
    app.wait_text("#pairing-linked-phone", "0700 123 456").await;
    app.wait_text("#pairing-linked-business", "Mama Njeri Groceries")
        .await;
    app.doc_shot("05-linked", "pairing-linked").await;

    // Settings shows the link.
    app.client
        .switch_to_window(main.clone())
        .await
        .expect("back to the main window");
    app.wait_text("#whatsapp-state", "Connected").await;
    app.wait_text("#whatsapp-phone", "0700 123 456").await;
    app.wait_text("#whatsapp-business", "Mama Njeri Groceries")
        .await;
    assert!(app
        .client
        .find(Locator::Css("#whatsapp-unlink"))
        .await
        .is_ok());
    app.client
        .execute(
            "document.getElementById('whatsapp-settings').scrollIntoView()",
            vec![],
        )
        .await
        .expect("scroll");
    app.doc_shot("06-settings-connected", "whatsapp-settings")
        .await;

    // The till's start checklist now has WhatsApp ticked and shows the
    // shop link; copying it ticks the last step, and the poster is saved.
    app.click("#nav-till").await;
    app.find("#start-whatsapp[data-done=true]").await;
    let link = app
        .find("#shop-link")
        .await
        .prop("value")
        .await
        .expect("link")
        .unwrap_or_default();
    assert_eq!(
        link,
        "https://wa.me/254700123456?text=Hi%20Duka%20la%20Juma%21%20%28duka%2Dla%2Djuma%29"
    );
    app.click("#shop-link-copy").await;
    app.find("#start-share[data-done=true]").await;
    app.click("#poster-a5").await;
    let poster = app.saved("duka-la-juma-poster-A5.pdf").await;
    assert!(poster.starts_with(b"%PDF-1.4"));
    assert!(String::from_utf8_lossy(&poster).contains("Scan to order on WhatsApp"));
    app.wait_text("#shop-link-message", "Poster saved").await;
    app.doc_shot("07-shop-link", "shop-link").await;
    app.open_settings("whatsapp").await;
    app.wait_text("#whatsapp-state", "Connected").await;
    app.client
        .execute(
            "document.getElementById('whatsapp-settings').scrollIntoView()",
            vec![],
        )
        .await
        .expect("scroll");

    // Unlinking is done in the Disconnect window: the main window may not.
    app.assert_not_allowed("unlink_whatsapp", serde_json::json!({}))
        .await;
    app.click("#whatsapp-unlink").await;
    app.switch_to_new_window(&[&main, &pairing], "Disconnect window")
        .await;
    app.wait_text("h1", "Disconnect").await;
    app.wait_text(
        "#whatsapp-now",
        "Linked to 0700 123 456 (Mama Njeri Groceries)",
    )
    .await;
    app.wait_text("#whatsapp-effects", "keys kept on this computer are wiped")
        .await;
    app.wait_text("#hosted-now", "Not connected").await;
    app.wait_text("#meta-now", "does not connect to Facebook or Instagram")
        .await;
    // It may disconnect, and nothing else.
    for (command, req) in [
        ("list_orders", serde_json::json!({})),
        (
            "send_staff_reply",
            serde_json::json!({ "conversation_id": "00000000-0000-4000-8000-000000000001", "text": "hi" }),
        ),
        ("link_whatsapp", serde_json::json!("Qr")),
        (
            "run_export",
            serde_json::json!({ "scope": "Shop", "phone": "" }),
        ),
    ] {
        app.assert_not_allowed(command, req).await;
    }
    app.click("#whatsapp-start").await;
    app.wait_text(
        "#whatsapp-question",
        "Unlink WhatsApp from this computer now?",
    )
    .await;
    app.doc_shot("08-disconnect-asks", "disconnect").await;
    app.click("#whatsapp-cancel").await;
    app.find("#whatsapp-start").await;
    app.click("#whatsapp-start").await;
    app.click("#whatsapp-confirm").await;
    app.wait_text(
        "#whatsapp-result",
        "WhatsApp is unlinked and its keys are wiped",
    )
    .await;
    app.wait_text("#whatsapp-now", "Not linked").await;
    app.doc_shot("09-disconnect-done", "disconnect-done").await;
    app.click_to_close_window("#disconnect-close").await;

    // Settings shows it, and the audit log says who did it.
    app.client
        .switch_to_window(main)
        .await
        .expect("back to the main window");
    app.wait_text("#whatsapp-state", "Not linked").await;
    app.click("#nav-till").await;
    app.open_settings("privacy").await;
    app.wait_text("#audit-log", "WhatsApp unlinked").await;
    app.quit().await;
}
