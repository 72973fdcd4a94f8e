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
        intasend: None,
        ..Default::default()
    }
}

fn intasend(base_url: &str, has_secret: bool) -> PaymentSettingsView {
    PaymentSettingsView {
        provider: MpesaProvider::IntaSend,
        daraja: None,
        intasend: Some(IntaSendSettingsView {
            base_url: base_url.into(),
            public_key: "ISPubKey_test_abc".into(),
            has_secret,
        }),
        ..Default::default()
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
            daraja: None,
            intasend: None,
            manual: Some(ManualPayInput::default()),
        }
    );
    assert_eq!(form.intasend_environment, "sandbox");
    assert_eq!(form.intasend_custom_url, None);
    assert_eq!(form.intasend_environment_options().len(), 2);
    assert_ne!(form.secret_key_placeholder(), "saved — leave empty to keep");
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
    assert!(req.consumer_secret.is_empty());
    assert!(req.passkey.is_empty());
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
            consumer_secret: Default::default(),
            shortcode: "174379".into(),
            passkey: Default::default(),
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
            req.consumer_secret.expose().as_str(),
            req.shortcode.as_str(),
            req.passkey.expose().as_str()
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
    for p in [
        MpesaProvider::NotConnected,
        MpesaProvider::Daraja,
        MpesaProvider::IntaSend,
        MpesaProvider::OnDelivery,
    ] {
        assert_eq!(provider_from_value(provider_value(p)), Some(p));
    }
    assert_eq!(provider_value(MpesaProvider::NotConnected), "not_connected");
    assert_eq!(provider_value(MpesaProvider::Daraja), "daraja");
    assert_eq!(provider_value(MpesaProvider::IntaSend), "intasend");
    // The easiest path first: by hand, then IntaSend, then Daraja keys;
    // then no M-Pesa at all.
    let order: Vec<&str> = PROVIDERS.iter().map(|p| p.1).collect();
    assert_eq!(
        order,
        ["not_connected", "intasend", "daraja", "on_delivery"]
    );
    assert_eq!(shown_fields(MpesaProvider::OnDelivery), &[] as &[&str]);
    assert!(provider_label(PROVIDERS[2].0).starts_with("I have Daraja keys"));
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

#[test]
fn saved_intasend_settings_round_trip() {
    let form = PaymentDraft::from_view(&intasend(INTASEND_LIVE_URL, true));
    assert_eq!(form.provider, MpesaProvider::IntaSend);
    assert_eq!(form.intasend_environment, "live");
    assert_eq!(form.intasend_custom_url, None);
    assert_eq!(form.public_key, "ISPubKey_test_abc");
    assert_eq!(form.secret_key, "");
    assert_eq!(form.check(), Ok(()));
    assert_eq!(
        form.to_request(),
        SavePaymentSettings {
            provider: MpesaProvider::IntaSend,
            daraja: None,
            intasend: Some(IntaSendSettingsInput {
                environment: "live".into(),
                public_key: "ISPubKey_test_abc".into(),
                secret_key: Default::default(),
            }),
            manual: Some(ManualPayInput::default()),
        }
    );
}

#[test]
fn intasend_urls_become_their_names() {
    for (url, env) in [
        ("", "sandbox"),
        (INTASEND_SANDBOX_URL, "sandbox"),
        ("https://sandbox.intasend.com/", "sandbox"),
        (INTASEND_LIVE_URL, "live"),
        (" https://payment.intasend.com/ ", "live"),
    ] {
        let form = PaymentDraft::from_view(&intasend(url, false));
        assert_eq!(form.intasend_environment, env, "{url}");
        assert_eq!(form.intasend_custom_url, None, "{url}");
        assert_eq!(form.to_request().intasend.unwrap().environment, env);
    }
}

#[test]
fn intasend_environment_options_offer_a_saved_custom_url() {
    let form = PaymentDraft::from_view(&intasend(INTASEND_SANDBOX_URL, false));
    assert_eq!(
        form.intasend_environment_options(),
        vec![
            (
                "sandbox".to_owned(),
                "Sandbox (testing, no money)".to_owned()
            ),
            ("live".to_owned(), "Live".to_owned()),
        ]
    );
    let form = PaymentDraft::from_view(&intasend("http://127.0.0.1:8098/", false));
    assert_eq!(form.intasend_environment, "http://127.0.0.1:8098");
    let options = form.intasend_environment_options();
    assert_eq!(options.len(), 3);
    assert_eq!(
        options[2],
        (
            "http://127.0.0.1:8098".to_owned(),
            "Custom: http://127.0.0.1:8098".to_owned()
        )
    );
    assert_eq!(
        form.to_request().intasend.unwrap().environment,
        "http://127.0.0.1:8098"
    );
    // The Daraja select is not affected by IntaSend's custom URL.
    assert_eq!(form.environment_options().len(), 2);
}

#[test]
fn intasend_secret_placeholder_says_whether_one_is_saved() {
    let saved = PaymentDraft::from_view(&intasend(INTASEND_SANDBOX_URL, true));
    assert_eq!(
        saved.secret_key_placeholder(),
        "saved — leave empty to keep"
    );
    let unsaved = PaymentDraft::from_view(&intasend(INTASEND_SANDBOX_URL, false));
    assert_ne!(
        unsaved.secret_key_placeholder(),
        "saved — leave empty to keep"
    );
    // Daraja's placeholders follow Daraja's saved secrets, not IntaSend's.
    assert_ne!(saved.secret_placeholder(), "saved — leave empty to keep");
}

#[test]
fn intasend_values_are_trimmed() {
    let mut form = PaymentDraft::from_view(&intasend(INTASEND_SANDBOX_URL, false));
    form.intasend_environment = " live ".into();
    form.public_key = " ISPubKey_live_x ".into();
    form.secret_key = " ISSecretKey_live_y ".into();
    assert_eq!(
        form.to_request().intasend.unwrap(),
        IntaSendSettingsInput {
            environment: "live".into(),
            public_key: "ISPubKey_live_x".into(),
            secret_key: "ISSecretKey_live_y".into(),
        }
    );
}

#[test]
fn only_the_chosen_service_is_sent() {
    let mut form = PaymentDraft::from_view(&PaymentSettingsView {
        provider: MpesaProvider::Daraja,
        daraja: daraja(SANDBOX_URL, "").daraja,
        intasend: intasend(INTASEND_LIVE_URL, true).intasend,
        manual: None,
        ..Default::default()
    });
    let req = form.to_request();
    assert!(req.daraja.is_some());
    assert_eq!(req.intasend, None);

    form.provider = MpesaProvider::IntaSend;
    let req = form.to_request();
    assert_eq!(req.provider, MpesaProvider::IntaSend);
    assert_eq!(req.daraja, None);
    assert_eq!(req.intasend.unwrap().environment, "live");

    form.provider = MpesaProvider::NotConnected;
    let req = form.to_request();
    assert_eq!((req.daraja, req.intasend), (None, None));
}

#[test]
fn a_daraja_till_is_not_checked_when_intasend_is_chosen() {
    let mut form = PaymentDraft::from_view(&daraja(SANDBOX_URL, ""));
    form.collection = Collection::Till;
    form.provider = MpesaProvider::IntaSend;
    assert_eq!(form.check(), Ok(()));
}

#[test]
fn shell_errors_go_beside_the_shown_form_fields() {
    use dukadesk_domain::ipc::IpcError;
    let err = |fields: &[&str]| {
        IpcError::invalid(
            fields
                .iter()
                .map(|f| FieldError::new(*f, format!("bad {f}")))
                .collect(),
        )
    };
    let shown = shown_fields;

    let errors = FormErrors::from_ipc(
        err(&["environment", "public_key", "secret_key"]),
        shown(MpesaProvider::IntaSend),
    );
    assert_eq!(errors.field("environment"), Some("bad environment"));
    assert_eq!(errors.field("public_key"), Some("bad public_key"));
    assert_eq!(errors.field("secret_key"), Some("bad secret_key"));
    assert_eq!(errors.banner(), None);

    let errors = FormErrors::from_ipc(
        err(&["environment", "consumer_key"]),
        shown(MpesaProvider::Daraja),
    );
    assert_eq!(errors.field("environment"), Some("bad environment"));
    assert_eq!(errors.field("consumer_key"), Some("bad consumer_key"));
    assert_eq!(errors.banner(), None);

    // A Daraja field is not hidden when IntaSend is shown: it goes to the banner.
    let errors = FormErrors::from_ipc(err(&["consumer_key"]), shown(MpesaProvider::IntaSend));
    assert_eq!(errors.field("consumer_key"), None);
    assert_eq!(errors.banner(), Some("bad consumer_key"));
    let errors = FormErrors::from_ipc(err(&["secret_key"]), shown(MpesaProvider::Daraja));
    assert_eq!(errors.banner(), Some("bad secret_key"));
}

#[test]
fn the_pay_by_hand_number_round_trips_and_an_empty_one_clears_it() {
    use dukadesk_domain::payment::PayTo;
    let view = PaymentSettingsView {
        manual: Some(PayTo::Paybill("400200".into())),
        ..Default::default()
    };
    let mut form = PaymentDraft::from_view(&view);
    assert_eq!(
        (form.manual_kind.as_str(), form.manual_number.as_str()),
        ("paybill", "400200")
    );
    assert_eq!(
        form.to_request().manual,
        Some(ManualPayInput {
            kind: "paybill".into(),
            number: "400200".into()
        })
    );
    form.manual_number = "  ".into();
    assert_eq!(
        form.to_request().manual,
        Some(ManualPayInput::default()),
        "emptied: cleared"
    );
    // Nothing saved: a till is offered first.
    assert_eq!(
        PaymentDraft::from_view(&PaymentSettingsView::default()).manual_kind,
        "till"
    );
    // Its error shows beside it whichever service is chosen.
    for provider in [
        MpesaProvider::NotConnected,
        MpesaProvider::Daraja,
        MpesaProvider::IntaSend,
    ] {
        assert!(shown_fields(provider).contains(&"manual_number"));
    }
}
