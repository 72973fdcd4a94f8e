//! The owner adds a reseller: their code is made from the name, their
//! greeting (and, once WhatsApp is linked, their link and QR) is shown to
//! share; a code already given is refused beside the field; a payout above
//! what is payable is refused with the amount that is; a rule may earn on
//! one item only, and says so; the figures are saved as a spreadsheet; a
//! reseller erased at their request keeps no name, number or code.

use crate::harness::App;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_owner_adds_a_reseller_and_payouts_are_held_to_what_is_payable() {
    let app = App::launch("resellers").await;
    app.laptop_size().await;
    app.set_up_shop("Duka la Juma").await;
    app.click("#nav-catalogue").await;
    app.click("#new-item").await;
    app.type_into("#item-name", "Safaricom 1GB").await;
    app.type_into("#item-price", "99").await;
    app.click("#item-save").await;
    app.wait_text(".item-list", "Safaricom 1GB").await;
    app.click("#nav-resellers").await;
    app.find("#resellers-empty").await;

    app.click("#reseller-add").await;
    app.type_into("#reseller-name", "Amina Hassan").await;
    app.type_into("#reseller-phone", "0722 111 222").await;
    app.type_into("#reseller-rate", "5").await;
    app.click("#reseller-save").await;
    app.wait_text("#resellers-table", "Amina Hassan").await;
    app.wait_text(".reseller-row .reseller-rule", "5%").await;
    let code = app
        .find(".reseller-row .reseller-code")
        .await
        .text()
        .await
        .expect("code");
    assert!(code.starts_with("AMINAH"), "{code}");
    app.wait_text("#reseller-greeting", &format!("ref {code}"))
        .await;

    // The same code for someone else is refused beside the field.
    app.click("#reseller-add").await;
    app.type_into("#reseller-name", "Juma").await;
    app.type_into("#reseller-phone", "0713 222 333").await;
    app.type_into("#reseller-code", &code).await;
    app.type_into("#reseller-rate", "10").await;
    app.click("#reseller-save").await;
    app.wait_text(
        "#reseller-form .field-error[data-field=code]",
        "Amina Hassan",
    )
    .await;
    // Another code, earning on one item only.
    app.type_into("#reseller-code", "JUMA5").await;
    app.find("#reseller-applies-to")
        .await
        .select_by_label("Safaricom 1GB")
        .await
        .expect("one item");
    app.click("#reseller-save").await;
    app.wait_text("#resellers-table", "10% on Safaricom 1GB")
        .await;

    // Nothing is payable yet: a payout is refused with what is.
    app.click(".reseller-row .reseller-name").await;
    app.type_into("#payout-amount", "100").await;
    app.click("#payout-save").await;
    app.wait_text(
        "#payout-form .field-error[data-field=amount]",
        "At most KES 0",
    )
    .await;
    app.doc_shot("01-reseller", "resellers").await;

    // The figures as a spreadsheet for the owner's accountant.
    app.click("#resellers-sheet").await;
    app.wait_text("#resellers-sheet-status", "Saved:").await;
    let status = app
        .find("#resellers-sheet-status")
        .await
        .text()
        .await
        .expect("status");
    let name = std::path::Path::new(status.trim_start_matches("Saved:").trim())
        .file_name()
        .and_then(|n| n.to_str())
        .expect("a file name")
        .to_owned();
    assert!(
        name.starts_with("duka-la-juma-resellers-") && name.ends_with(".csv"),
        "{name}"
    );
    let sheet = String::from_utf8(app.saved(&name).await).expect("UTF-8");
    assert!(sheet.starts_with('\u{feff}'), "a byte-order mark for Excel");
    let lines: Vec<&str> = sheet.trim_end().split("\r\n").collect();
    assert_eq!(lines.len(), 3, "a header and both resellers: {sheet}");
    assert!(lines[1].starts_with("Amina Hassan,"), "{sheet}");
    assert!(lines[2].contains("Safaricom 1GB"), "{sheet}");

    // Amina asks to be forgotten: her name, number and code go, on
    // confirmation; her row stays for the shop's accounts.
    app.click(".reseller-row .reseller-name").await;
    app.wait_text("#reseller-detail-name", "Amina Hassan").await;
    app.click("#reseller-erase").await;
    app.wait_text("#reseller-erase-confirm", "for good").await;
    app.screenshot("02-erase").await;
    app.click("#reseller-erase-yes").await;
    app.wait_text("#reseller-detail-name", "Erased reseller")
        .await;
    app.find("#reseller-erased").await;
    assert!(
        app.absent("#reseller-edit").await,
        "an erased reseller is not edited"
    );
    let table = app
        .find("#resellers-table")
        .await
        .text()
        .await
        .expect("table");
    assert!(!table.contains("Amina"), "{table}");
    app.quit().await;
}
