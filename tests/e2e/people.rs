//! Owner and staff: the owner adds a member of staff, locks the till; she
//! signs in with her PIN on the keypad, is asked for the owner password
//! when she tries to change the payment settings, and after five wrong PINs
//! is told how long to wait.

use crate::harness::{key, App, OWNER_PASSWORD};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_sign_in_with_a_pin_and_owner_only_actions_ask_for_the_owner_password() {
    let app = App::launch("people").await;
    app.laptop_size().await;
    app.type_into("#shop-name", "Duka la Wanjiru").await;
    app.type_owner_password().await;
    app.click("#setup-submit").await;
    app.wait_text("#signed-in", "Owner").await;

    // The owner (confirmed at setup) adds Amina; a bad PIN is refused
    // beside its field.
    app.open_settings("staff").await;
    app.type_into("#staff-name", "Amina").await;
    app.type_into("#staff-pin", "48a").await;
    app.click("#staff-add").await;
    app.find(".field-error[data-field=pin]").await;
    app.type_into("#staff-pin", "4821").await;
    app.click("#staff-add").await;
    app.find(".staff-row[data-name=Amina]").await;
    app.type_into("#staff-name", "Juma").await;
    app.type_into("#staff-pin", "7310").await;
    app.click("#staff-add").await;
    app.find(".staff-row[data-name=Juma]").await;

    // Lock: the lock screen offers the staff and the owner.
    app.click("#nav-lock").await;
    app.find(".lock").await;
    app.find(".person[data-name=Amina]").await;
    app.doc_shot("01-lock", "lock").await;
    app.click(".person[data-name=Amina]").await;
    app.wait_text(".lock-who", "Amina").await;
    // Once the "added" toast has faded: the lock screen as staff see it.
    tokio::time::sleep(std::time::Duration::from_millis(3_500)).await;
    app.screenshot("02-keypad").await;
    // The keypad's keys and the keyboard's digits both type.
    app.click("#key-4").await;
    app.click("#key-8").await;
    app.keys("21").await;
    app.keys(key::ENTER).await;
    app.wait_text("#signed-in", "Amina").await;

    // Amina tries to connect M-Pesa: the owner password is asked for.
    app.open_settings("mpesa").await;
    app.find("#payment-provider")
        .await
        .select_by_value("daraja")
        .await
        .expect("choose Daraja");
    app.type_into("#daraja-consumer-key", "my-key").await;
    app.type_into("#daraja-consumer-secret", "my-secret").await;
    app.type_into("#daraja-shortcode", "174379").await;
    app.type_into("#daraja-passkey", "bfb279f9aa9bdbcf158e97dd71a467cd")
        .await;
    app.click("#payment-save").await;
    app.wait_text("#owner-prompt", "Owner password needed")
        .await;
    app.type_into("#owner-prompt-password", "not the password")
        .await;
    app.click("#owner-prompt-submit").await;
    app.wait_text(".field-error[data-field=password]", "not right")
        .await;
    app.screenshot("03-owner-prompt").await;
    app.type_into("#owner-prompt-password", OWNER_PASSWORD)
        .await;
    app.click("#owner-prompt-submit").await;
    // The save went through once the owner confirmed.
    app.wait_text(".banner.ok", "saved").await;

    // Locked again; five wrong PINs and Amina is told how long to wait.
    app.click("#nav-lock").await;
    app.click(".person[data-name=Amina]").await;
    for n in 1..=5 {
        app.keys("1111").await;
        app.keys(key::ENTER).await;
        let expect = if n < 5 {
            format!("{} more", 5 - n)
        } else {
            "Wait 30 seconds".to_owned()
        };
        app.wait_text("#lock-error", &expect).await;
    }
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    app.screenshot("04-wait").await;
    let data_dir = app.quit().await;

    let store = dukadesk_core::Store::open(&data_dir.path().join("dukadesk.db"))
        .await
        .expect("open the app's database");
    let log = store.audit_log(100).await.expect("audit log");
    assert!(log.iter().any(|l| l.action == "signin.locked"));
    assert_eq!(log.iter().filter(|l| l.action == "staff.added").count(), 2);
    assert!(log.iter().all(|l| !l.detail.contains("4821")));
}
