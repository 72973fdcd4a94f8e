//! Settings: its sections (the shop's details first, one Save), a delivery
//! zone, opening hours, and the M-Pesa credentials form
//! refusing bad input beside each field, also when testing the typed
//! credentials before saving (no network: nothing is sent to Safaricom).

use crate::harness::App;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn zones_and_mpesa_settings_are_checked_beside_their_fields() {
    let app = App::launch("settings").await;
    app.laptop_size().await;
    app.set_up_shop("Duka la Amina").await;
    // Settings opens at the shop's details, one Save in sight.
    app.click("#nav-settings").await;
    app.find("#settings-panel[data-section=shop]").await;
    assert_eq!(app.count("#settings-panel button[type=submit]").await, 1);
    app.doc_shot("00-settings-shop", "settings-sections").await;

    app.click("#settings-delivery").await;
    app.type_into("#zone-name", "Westlands").await;
    app.type_into("#zone-fee", "150").await;
    app.click("#zone-save").await;
    app.wait_text("main.content", "Westlands").await;

    app.click("#settings-mpesa").await;
    app.find("#payment-provider")
        .await
        .select_by_value("daraja")
        .await
        .expect("choose Daraja");
    app.type_into("#daraja-consumer-key", "my-key").await;
    app.type_into("#daraja-consumer-secret", "my-secret").await;
    app.type_into("#daraja-shortcode", "12").await;
    // "Test connection" tries what is typed, before saving: the form is
    // checked first, so nothing reaches Safaricom with a bad shortcode.
    app.click("#payment-test").await;
    app.wait_text("#payment-test-result", "Not tested").await;
    app.find(".field-error[data-field=shortcode]").await;
    app.click("#payment-save").await;
    app.find(".field-error[data-field=shortcode]").await;
    app.find(".field-error[data-field=passkey]").await;
    app.type_into("#daraja-shortcode", "174379").await;
    app.type_into("#daraja-passkey", "bfb279f9aa9bdbcf158e97dd71a467cd")
        .await;
    app.click("#payment-save").await;
    // The payment form's own toast (the zone's "saved" may still show).
    app.wait_text(".banner.ok", "Payment settings saved").await;
    // The saved secret is never shown back.
    let secret = app.find("#daraja-consumer-secret").await;
    assert_eq!(
        secret
            .prop("value")
            .await
            .expect("value")
            .unwrap_or_default(),
        ""
    );
    // On the sandbox no real money moves: Settings says real chats cannot
    // pay until the shop gives a till or paybill to pay by hand.
    app.wait_text("#payment-real-chats", "sandbox").await;
    app.type_into("#manual-number", "5123456").await;
    app.click("#payment-save").await;
    app.wait_text("#payment-real-chats", "till 5123456").await;
    app.doc_shot("01-settings", "settings").await;

    // Open on Sundays too (08:00-20:00 by default), saved and shown again.
    app.click("#settings-hours").await;
    app.click("#hours-open-6").await;
    app.click("#hours-save").await;
    app.wait_text(".banner.ok", "Opening hours saved").await;
    // Back from the till, Settings reopens at the section left.
    app.click("#nav-till").await;
    app.click("#nav-settings").await;
    app.find("#settings-panel[data-section=hours]").await;
    let sunday = app.find("#hours-open-6").await;
    assert_eq!(
        sunday.prop("checked").await.expect("checked").as_deref(),
        Some("true")
    );
    app.quit().await;
}

/// The `dir` and `lang` of the window, and the nav's first label.
async fn window_language(app: &App) -> (String, String, String) {
    let found = app
        .client
        .execute(
            "return [document.documentElement.dir, document.documentElement.lang,
                     document.querySelector('#nav-till .nav-label').textContent];",
            vec![],
        )
        .await
        .expect("the window's language");
    serde_json::from_value(found).expect("three strings")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_screens_speak_the_language_chosen_and_arabic_reads_right_to_left() {
    let app = App::launch("ui_language").await;
    app.laptop_size().await;
    app.set_up_shop("Duka la Amina").await;
    app.click("#nav-settings").await;
    app.click("#settings-computer").await;
    app.find("#ui-language")
        .await
        .select_by_value("ar")
        .await
        .expect("choose Arabic");
    app.wait_text("#nav-till", "الصندوق").await;
    assert_eq!(
        window_language(&app).await,
        ("rtl".into(), "ar".into(), "الصندوق".into())
    );
    // Settings stays where it was, now in Arabic.
    app.find("#settings-panel[data-section=computer]").await;
    app.wait_text(".settings-page h1", "الإعدادات").await;
    // The nav sits on the right, as Arabic reads.
    let nav_x = app
        .client
        .execute(
            "return document.querySelector('.sidenav').getBoundingClientRect().left;",
            vec![],
        )
        .await
        .expect("the nav's place")
        .as_f64()
        .unwrap_or(0.0);
    assert!(nav_x > 600.0, "the nav is at x = {nav_x}");
    app.click("#nav-till").await;
    app.wait_text("#new-order", "طلب جديد").await;
    app.doc_shot("01-till-arabic", "till-arabic").await;

    // A window of its own (Settings → Privacy → Export) speaks it too.
    app.click("#nav-settings").await;
    app.click("#settings-privacy").await;
    let main = app.client.window().await.expect("the main window");
    app.click("#privacy-export").await;
    app.switch_to_new_window(&[&main], "Export window").await;
    app.wait_text(".export-head h1", "تصدير البيانات").await;
    app.wait_text("#export-start", "اختر مكان الحفظ").await;
    let found = app
        .client
        .execute(
            "return [document.documentElement.dir, document.documentElement.lang];",
            vec![],
        )
        .await
        .expect("the Export window's language");
    let (dir, lang): (String, String) = serde_json::from_value(found).expect("two strings");
    assert_eq!((dir.as_str(), lang.as_str()), ("rtl", "ar"));
    // The rules' refusal from the shell (a number too short) is in Arabic
    // too, beside its field.
    app.click("#export-scope-customer").await;
    app.type_into("#export-phone", "0712").await;
    app.click("#export-start").await;
    app.wait_text(
        ".field-error[data-field=phone]",
        "رقم الهاتف المحمول فيه 10 أرقام",
    )
    .await;
    app.screenshot("02-export-arabic").await;
    app.click_to_close_window("#export-close").await;
    app.client
        .switch_to_window(main)
        .await
        .expect("back to the main window");

    // Remembered: the next start opens in Arabic; then Kiswahili.
    let data = app.quit().await;
    let app = App::relaunch("ui_language_again", data, &[]).await;
    app.laptop_size().await;
    app.wait_text("#nav-till", "الصندوق").await;
    app.click("#nav-settings").await;
    app.click("#settings-computer").await;
    app.find("#ui-language")
        .await
        .select_by_value("sw")
        .await
        .expect("choose Kiswahili");
    app.wait_text("#nav-till", "Kaunta").await;
    assert_eq!(
        window_language(&app).await,
        ("ltr".into(), "sw".into(), "Kaunta".into())
    );
    // A form's own check speaks it: an order with no items.
    app.click("#nav-till").await;
    app.click("#new-order").await;
    app.click("#order-submit").await;
    app.wait_text(
        ".field-error[data-field=lines]",
        "Ongeza angalau bidhaa moja.",
    )
    .await;
    app.quit().await;
}
