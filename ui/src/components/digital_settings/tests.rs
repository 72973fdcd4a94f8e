use super::state::{DigitalAction as A, DigitalFormState};
use super::*;
use dukadesk_domain::ipc::FieldError;

fn saved(base_url: &str, has_key: bool) -> DigitalSettingsView {
    DigitalSettingsView {
        connected: true,
        base_url: base_url.into(),
        username: "duka".into(),
        has_key,
        bundle_product: "DukaBundles".into(),
        real_chats: "Sent at once.".into(),
    }
}

fn typed(s: &mut DigitalFormState, field: &'static str, value: &str) {
    let set: fn(&mut DigitalDraft, String) = match field {
        "username" => |f, v| f.username = v,
        "api_key" => |f, v| f.api_key = v,
        "bundle_product" => |f, v| f.bundle_product = v,
        _ => |f, v| f.environment = v,
    };
    s.apply(A::Edit {
        field,
        set,
        value: value.into(),
    });
}

fn ok(message: &str) -> ConnectionTest {
    ConnectionTest {
        ok: true,
        message: message.into(),
    }
}

#[test]
fn nothing_saved_starts_on_the_sandbox_with_no_key() {
    let form = DigitalDraft::from_view(&DigitalSettingsView::default());
    assert_eq!(form.environment, "sandbox");
    assert_eq!(form.custom_url, None);
    assert!(!form.has_key);
    assert_eq!(form.environment_options().len(), 2);
    assert_ne!(form.api_key_placeholder(), t("digital-api-key-keep"));
    assert_eq!(
        form.to_request(),
        DigitalSettingsInput {
            environment: "sandbox".into(),
            ..DigitalSettingsInput::default()
        }
    );
}

#[test]
fn the_africas_talking_urls_become_their_names() {
    for (url, env) in [
        (SANDBOX_URL, "sandbox"),
        ("https://api.sandbox.africastalking.com/", "sandbox"),
        (LIVE_URL, "production"),
    ] {
        let form = DigitalDraft::from_view(&saved(url, true));
        assert_eq!(form.environment, env, "{url}");
        assert_eq!(form.custom_url, None, "{url}");
        assert_eq!(form.to_request().environment, env);
    }
}

#[test]
fn another_url_is_a_third_option_sent_as_is() {
    let form = DigitalDraft::from_view(&saved("http://127.0.0.1:8099", true));
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
    assert_eq!(form.to_request().environment, "http://127.0.0.1:8099");
}

#[test]
fn a_saved_key_is_kept_by_an_empty_field_and_the_rest_is_trimmed() {
    let form = DigitalDraft::from_view(&saved(LIVE_URL, true));
    assert_eq!(form.api_key, "");
    assert_eq!(form.api_key_placeholder(), t("digital-api-key-keep"));
    let mut s = DigitalFormState::new(saved(LIVE_URL, true));
    typed(&mut s, "username", "  duka ");
    typed(&mut s, "bundle_product", " ");
    let req = s.form.to_request();
    assert_eq!(req.username, "duka");
    assert!(req.api_key.is_empty(), "blank: the saved key stays");
    assert_eq!(req.bundle_product, "", "airtime only");
    typed(&mut s, "api_key", " atsk_123 ");
    assert_eq!(s.form.to_request().api_key.expose(), "atsk_123");
}

#[test]
fn a_save_empties_the_key_only_if_nothing_was_typed_since() {
    let mut s = DigitalFormState::new(DigitalSettingsView::default());
    typed(&mut s, "username", "duka");
    typed(&mut s, "api_key", "atsk_1");
    s.apply(A::SaveStarted);
    assert!(s.saving);
    let sent = s.form.clone();
    let view = saved(SANDBOX_URL, true);
    s.apply(A::Saved {
        sent,
        view: view.clone(),
    });
    assert!(!s.saving);
    assert_eq!(s.form.api_key, "", "saved: the key field empties");
    assert!(s.form.has_key);
    assert_eq!(s.saved, view);

    let mut s = DigitalFormState::new(DigitalSettingsView::default());
    typed(&mut s, "api_key", "atsk_1");
    s.apply(A::SaveStarted);
    let sent = s.form.clone();
    typed(&mut s, "bundle_product", "DukaBundles");
    s.apply(A::Saved { sent, view });
    assert_eq!(s.form.api_key, "atsk_1", "typed on: nothing typed is lost");
    assert_eq!(s.form.bundle_product, "DukaBundles");
    assert!(s.form.has_key, "but the key is saved now");
}

#[test]
fn the_shells_field_errors_go_beside_their_inputs_until_edited() {
    let mut s = DigitalFormState::new(DigitalSettingsView::default());
    s.apply(A::SaveStarted);
    let err = dukadesk_domain::ipc::IpcError::invalid(vec![
        FieldError::new("username", "Type the username."),
        FieldError::new("api_key", "Paste the API key."),
    ]);
    s.apply(A::SaveFailed(FormErrors::from_ipc(err, FIELDS)));
    assert!(!s.saving);
    assert_eq!(s.errors.field("username"), Some("Type the username."));
    assert_eq!(s.errors.banner(), None);
    typed(&mut s, "username", "duka");
    assert_eq!(s.errors.field("username"), None);
    assert!(s.errors.field("api_key").is_some());
}

#[test]
fn a_test_result_shows_only_beside_the_details_it_tested() {
    let mut s = DigitalFormState::new(saved(LIVE_URL, true));
    s.apply(A::TestStarted);
    assert!(s.testing);
    let asked = s.form.clone();
    typed(&mut s, "username", "other");
    s.apply(A::Tested {
        asked,
        result: ok("Balance: KES 500."),
        errors: Some(FormErrors::from_fields(vec![FieldError::new(
            "username", "Wrong.",
        )])),
    });
    assert!(!s.testing);
    assert_eq!(s.test_result(), None, "it tested other details");
    assert_eq!(s.errors.field("username"), None, "nor its errors");
    typed(&mut s, "username", "duka");
    assert_eq!(s.test_result(), Some(&ok("Balance: KES 500.")));
}
