use super::*;

fn daraja(base_url: &str, till: &str) -> PaymentSettingsView {
    PaymentSettingsView {
        provider: MpesaProvider::Daraja,
        daraja: Some(DarajaSettingsView {
            base_url: base_url.into(),
            consumer_key: "key".into(),
            shortcode: "174379".into(),
            till_number: till.into(),
            has_secret: true,
            has_passkey: false,
        }),
    }
}

#[test]
fn nothing_saved_is_not_connected_on_the_sandbox() {
    let form = PaymentDraft::from_view(&PaymentSettingsView::default());
    assert_eq!(form.provider, MpesaProvider::NotConnected);
    assert_eq!(form.environment, "sandbox");
    assert_eq!(form.custom_url, None);
    assert_eq!(form.collection, Collection::Paybill);
    assert_eq!(form.environment_options().len(), 2);
    assert_eq!(
        form.to_request(),
        SavePaymentSettings {
            provider: MpesaProvider::NotConnected,
            daraja: None
        }
    );
}

#[test]
fn safaricom_urls_become_their_names() {
    for (url, env) in [
        (SANDBOX_URL, "sandbox"),
        ("https://sandbox.safaricom.co.ke/", "sandbox"),
        (PRODUCTION_URL, "production"),
    ] {
        let form = PaymentDraft::from_view(&daraja(url, ""));
        assert_eq!(form.environment, env, "{url}");
        assert_eq!(form.custom_url, None, "{url}");
        assert_eq!(form.to_request().daraja.unwrap().environment, env);
    }
}

#[test]
fn another_url_is_a_third_option_sent_as_is() {
    let form = PaymentDraft::from_view(&daraja("http://127.0.0.1:8099", ""));
    assert_eq!(form.environment, "http://127.0.0.1:8099");
    let options = form.environment_options();
    assert_eq!(options.len(), 3);
    assert_eq!(
        options[2],
        (
            "http://127.0.0.1:8099".to_owned(),
            "Custom: http://127.0.0.1:8099".to_owned()
        )
    );
    assert_eq!(
        form.to_request().daraja.unwrap().environment,
        "http://127.0.0.1:8099"
    );
}

#[test]
fn secrets_start_empty_and_placeholders_say_whether_one_is_saved() {
    let form = PaymentDraft::from_view(&daraja(SANDBOX_URL, ""));
    assert_eq!(form.consumer_secret, "");
    assert_eq!(form.passkey, "");
    assert_eq!(form.secret_placeholder(), "saved — leave empty to keep");
    assert_ne!(form.passkey_placeholder(), "saved — leave empty to keep");
    let req = form.to_request().daraja.unwrap();
    assert_eq!(req.consumer_secret, "");
    assert_eq!(req.passkey, "");
}

#[test]
fn a_saved_till_is_a_till_and_round_trips() {
    let form = PaymentDraft::from_view(&daraja(PRODUCTION_URL, "123456"));
    assert_eq!(form.collection, Collection::Till);
    assert_eq!(form.check(), Ok(()));
    assert_eq!(
        form.to_request().daraja.unwrap(),
        DarajaSettingsInput {
            environment: "production".into(),
            consumer_key: "key".into(),
            consumer_secret: String::new(),
            shortcode: "174379".into(),
            passkey: String::new(),
            till_number: "123456".into(),
        }
    );
}

#[test]
fn paybill_sends_no_till_even_if_one_was_typed() {
    let mut form = PaymentDraft::from_view(&daraja(SANDBOX_URL, "123456"));
    form.collection = Collection::Paybill;
    assert_eq!(form.to_request().daraja.unwrap().till_number, "");
}

#[test]
fn a_till_without_its_number_is_caught_before_sending() {
    let mut form = PaymentDraft::from_view(&daraja(SANDBOX_URL, ""));
    form.collection = Collection::Till;
    form.till_number = "  ".into();
    let errors = form.check().unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].field, "till_number");
    // Not checked when Daraja is not chosen.
    form.provider = MpesaProvider::NotConnected;
    assert_eq!(form.check(), Ok(()));
}

#[test]
fn typed_values_are_trimmed() {
    let mut form = PaymentDraft::from_view(&daraja(SANDBOX_URL, ""));
    form.consumer_key = " k ".into();
    form.consumer_secret = " s ".into();
    form.shortcode = " 600000 ".into();
    form.passkey = " p ".into();
    let req = form.to_request().daraja.unwrap();
    assert_eq!(
        (
            req.consumer_key.as_str(),
            req.consumer_secret.as_str(),
            req.shortcode.as_str(),
            req.passkey.as_str()
        ),
        ("k", "s", "600000", "p")
    );
}

#[test]
fn switching_back_to_not_connected_sends_no_credentials() {
    let mut form = PaymentDraft::from_view(&daraja(SANDBOX_URL, ""));
    form.provider = MpesaProvider::NotConnected;
    assert_eq!(form.to_request().daraja, None);
}

#[test]
fn select_values_round_trip() {
    for p in [MpesaProvider::NotConnected, MpesaProvider::Daraja] {
        assert_eq!(provider_from_value(provider_value(p)), Some(p));
    }
    assert_eq!(provider_value(MpesaProvider::NotConnected), "not_connected");
    assert_eq!(provider_value(MpesaProvider::Daraja), "daraja");
    assert_eq!(provider_from_value("mpesa"), None);
    for c in [Collection::Paybill, Collection::Till] {
        assert_eq!(Collection::from_value(c.value()), Some(c));
    }
    assert_eq!(Collection::from_value("bank"), None);
}

#[test]
fn test_results_are_ok_or_error() {
    let ok = ConnectionTest {
        ok: true,
        message: "Accepted.".into(),
    };
    let bad = ConnectionTest {
        ok: false,
        message: "Refused.".into(),
    };
    assert_eq!(test_result_class(&ok), "ok");
    assert_eq!(test_result_class(&bad), "error");
}
