use super::state::{TaxAction as A, TaxBusy, TaxFormState};
use super::*;
use chrono::{TimeZone, Utc};
use dukadesk_domain::ipc::FieldError;
use dukadesk_domain::OrderId;
use uuid::Uuid;

fn saved(api_url: &str, has_secret: bool) -> TaxSettingsView {
    TaxSettingsView {
        set_up: true,
        enabled: true,
        api_url: api_url.into(),
        consumer_key: "ck_1".into(),
        has_secret,
        pin: "P051234567X".into(),
        branch: "00".into(),
        serial: "DUKA-01".into(),
        taxpayer_name: "Mama Mboga Ltd".into(),
        sdc_id: "KRACU0100000001".into(),
        mrc_no: "WIS01000001".into(),
        default_band: Some(TaxBand::B),
        unsigned: 2,
        items_without_band: 0,
        item_class: "5059690800".into(),
    }
}

#[test]
fn items_without_a_band_are_named_only_when_no_default_covers_them() {
    let mut view = saved(ETIMS_LIVE_URL, true);
    view.items_without_band = 3;
    assert_eq!(no_band_text(&view), None, "the default band covers them");
    view.default_band = None;
    let text = no_band_text(&view).expect("warned");
    assert!(text.contains('3') && text.contains("Catalogue"), "{text}");
    view.items_without_band = 0;
    assert_eq!(no_band_text(&view), None);
    view.items_without_band = 3;
    view.set_up = false;
    assert_eq!(no_band_text(&view), None, "not invoicing yet");
}

fn typed(s: &mut TaxFormState, field: &'static str, value: &str) {
    let set: fn(&mut TaxDraft, String) = match field {
        "consumer_key" => |f, v| f.consumer_key = v,
        "consumer_secret" => |f, v| f.consumer_secret = v,
        "pin" => |f, v| f.pin = v,
        "branch" => |f, v| f.branch = v,
        "serial" => |f, v| f.serial = v,
        "default_band" => |f, v| f.default_band = band_of(&v),
        _ => |f, v| f.environment = v,
    };
    s.apply(A::Edit {
        field,
        set,
        value: value.into(),
    });
}

fn row(number: i64, credit_note_for: Option<i64>) -> TaxInvoiceRow {
    TaxInvoiceRow {
        number,
        order_id: OrderId(Uuid::from_u128(7)),
        order_number: 1042,
        credit_note_for,
        state: TaxInvoiceState::Queued,
        reason: Some("KRA did not answer.".into()),
        total_minor: 125_000,
        tax_minor: Some(17_241),
        receipt_no: None,
        internal_data: None,
        signature: None,
        verify_url: None,
        sold_at: Utc.with_ymd_and_hms(2025, 3, 12, 11, 5, 0).unwrap(),
        buyer_pin: None,
    }
}

#[test]
fn nothing_saved_starts_on_the_sandbox_with_no_secret() {
    let form = TaxDraft::from_view(&TaxSettingsView::default());
    assert_eq!(form.environment, "sandbox");
    assert_eq!(form.custom_url, None);
    assert!(!form.has_secret);
    assert_eq!(form.secret_placeholder(), None);
    assert_eq!(form.environment_options().len(), 2);
    assert_eq!(
        form.to_request(),
        TaxSetupInput {
            environment: "sandbox".into(),
            ..TaxSetupInput::default()
        }
    );
    assert_eq!(
        status_text(&TaxSettingsView::default()),
        "Not set up: sales are not invoiced."
    );
}

#[test]
fn kras_urls_become_their_names_and_another_is_a_third_option() {
    for (url, env) in [
        (ETIMS_SANDBOX_URL, "sandbox"),
        ("https://etims-api-sbx.kra.go.ke/etims-api/", "sandbox"),
        (ETIMS_LIVE_URL, "production"),
    ] {
        let form = TaxDraft::from_view(&saved(url, true));
        assert_eq!(form.environment, env, "{url}");
        assert_eq!(form.custom_url, None, "{url}");
        assert_eq!(form.to_request().environment, env);
    }
    let form = TaxDraft::from_view(&saved("http://127.0.0.1:8088", true));
    let options = form.environment_options();
    assert_eq!(options.len(), 3);
    assert_eq!(options[2].0, "http://127.0.0.1:8088");
    assert_eq!(form.to_request().environment, "http://127.0.0.1:8088");
}

#[test]
fn a_saved_secret_is_kept_by_an_empty_field_and_the_rest_is_trimmed() {
    let mut s = TaxFormState::new(saved(ETIMS_LIVE_URL, true));
    assert_eq!(
        s.form.secret_placeholder().as_deref(),
        Some("saved — leave blank to keep")
    );
    typed(&mut s, "pin", " p051234567x ");
    typed(&mut s, "branch", " 01 ");
    let req = s.form.to_request();
    assert_eq!(
        req.pin, "p051234567x",
        "the shell checks and upper-cases it"
    );
    assert_eq!(req.branch, "01");
    assert_eq!(req.serial, "DUKA-01");
    assert_eq!(req.default_band, Some(TaxBand::B));
    assert!(req.consumer_secret.is_empty(), "blank: the saved one stays");
    typed(&mut s, "consumer_secret", " cs_9 ");
    assert_eq!(s.form.to_request().consumer_secret.expose(), "cs_9");
}

#[test]
fn the_band_select_offers_none_then_every_band() {
    let options = band_options(t("tax-band-none"));
    assert_eq!(options.len(), TaxBand::ALL.len() + 1);
    assert_eq!(options[0].0, "");
    assert_eq!(options[0].1, "None — each item needs its own band");
    assert_eq!(options[2], ("B".to_owned(), "B · VAT 16%".to_owned()));
    for (value, _) in &options {
        assert_eq!(band_value(band_of(value)), value);
    }
    let mut s = TaxFormState::new(saved(ETIMS_LIVE_URL, true));
    typed(&mut s, "default_band", "");
    assert_eq!(s.form.options().default_band, None);
    typed(&mut s, "default_band", "E");
    assert_eq!(s.form.to_request().default_band, Some(TaxBand::E));
}

#[test]
fn the_status_line_names_the_device() {
    let view = saved(ETIMS_LIVE_URL, true);
    assert_eq!(
        status_text(&view),
        "Set up as device KRACU0100000001 for Mama Mboga Ltd (PIN P051234567X, branch 00)."
    );
    assert_eq!(unsigned_text(0), "Every invoice is signed.");
    assert_eq!(unsigned_text(1), "1 invoice not yet signed.");
    assert_eq!(unsigned_text(3), "3 invoices not yet signed.");
}

#[test]
fn a_set_up_empties_the_secret_only_if_nothing_was_typed_since() {
    let mut s = TaxFormState::new(TaxSettingsView::default());
    typed(&mut s, "consumer_key", "ck_1");
    typed(&mut s, "consumer_secret", "cs_1");
    s.apply(A::Started(TaxBusy::SetUp));
    assert_eq!(s.busy, Some(TaxBusy::SetUp));
    let sent = s.form.clone();
    let view = saved(ETIMS_SANDBOX_URL, true);
    s.apply(A::SetUp {
        sent,
        view: view.clone(),
    });
    assert_eq!(s.busy, None);
    assert_eq!(
        s.form.consumer_secret, "",
        "set up: the secret field empties"
    );
    assert!(s.form.has_secret);
    assert!(s.form.enabled);
    assert_eq!(s.saved, view);

    let mut s = TaxFormState::new(TaxSettingsView::default());
    typed(&mut s, "consumer_secret", "cs_1");
    s.apply(A::Started(TaxBusy::SetUp));
    let sent = s.form.clone();
    typed(&mut s, "serial", "DUKA-02");
    s.apply(A::SetUp { sent, view });
    assert_eq!(s.form.consumer_secret, "cs_1", "typed on: nothing is lost");
    assert_eq!(s.form.serial, "DUKA-02");
    assert!(s.form.has_secret, "but a secret is saved now");
}

#[test]
fn saved_options_replace_only_options_still_as_sent() {
    let mut s = TaxFormState::new(saved(ETIMS_LIVE_URL, true));
    s.apply(A::Enabled(false));
    s.apply(A::Started(TaxBusy::Options));
    let sent = s.form.options();
    assert_eq!(
        sent,
        TaxOptions {
            enabled: false,
            default_band: Some(TaxBand::B)
        }
    );
    let mut view = saved(ETIMS_LIVE_URL, true);
    view.enabled = false;
    s.apply(A::OptionsSaved {
        sent: sent.clone(),
        view: view.clone(),
    });
    assert_eq!(s.busy, None);
    assert!(!s.form.enabled);
    assert_eq!(s.saved, view);

    s.apply(A::Started(TaxBusy::Options));
    typed(&mut s, "default_band", "A");
    s.apply(A::OptionsSaved { sent, view });
    assert_eq!(s.form.default_band, Some(TaxBand::A), "chosen meanwhile");
}

#[test]
fn the_shells_field_errors_go_beside_their_inputs_until_edited() {
    let mut s = TaxFormState::new(TaxSettingsView::default());
    s.apply(A::Started(TaxBusy::SetUp));
    let err = dukadesk_domain::ipc::IpcError::invalid(vec![
        FieldError::new("pin", "A KRA PIN is a letter, nine digits and a letter."),
        FieldError::new("serial", "Type the device serial."),
        FieldError::new("token", "KRA refused the keys."),
    ]);
    s.apply(A::Failed(FormErrors::from_ipc(err, FIELDS)));
    assert_eq!(s.busy, None);
    assert!(s.errors.field("pin").is_some());
    assert_eq!(s.errors.banner(), Some("KRA refused the keys."));
    typed(&mut s, "pin", "P051234567X");
    assert_eq!(s.errors.field("pin"), None);
    assert!(s.errors.field("serial").is_some());
}

#[test]
fn rows_show_credit_notes_and_shillings_with_cents() {
    assert_eq!(number_text(&row(17, None)), "17");
    assert_eq!(number_text(&row(18, Some(17))), "CN 18 (for 17)");
    assert_eq!(kes_text(125_000), "KES 1,250.00");
    assert_eq!(kes_text(9_950), "KES 99.50");
    assert_eq!(kes_text(5), "KES 0.05");
    assert_eq!(kes_text(-150), "KES -1.50");
    assert_eq!(kes_text(123_456_789), "KES 1,234,567.89");
    assert_eq!(state_label(TaxInvoiceState::Queued), t("tax-state-queued"));
}
