//! Airtime and bundles in settings: the Africa's Talking account that
//! sends the airtime and data bundles customers buy in chats. The
//! environment (sandbox or production), the username, the API key, the
//! data bundles product's name, a plain sentence saying what real chats
//! get now (`#digital-real-chats`), and a "Test connection" button that
//! tries what is typed (reading the account's balance) before it is saved.
//!
//! Like the M-Pesa keys, the saved API key never comes back from the
//! shell: the view only says whether one is saved, and an empty key keeps
//! it. Saving and testing are for the owner: [`crate::ipc::invoke`] asks
//! for the owner password and sends them again.

use crate::components::banner::ErrorBanner;
use crate::components::field::{field_error, input_text, select_value, FormErrors};
use crate::components::payment_settings::test_result_class;
use crate::i18n::{t, t_args};
use crate::ipc::invoke;
use dukadesk_domain::ipc::{
    ConnectionTest, DigitalSettingsInput, DigitalSettingsView, GetDigitalSettings, NoArgs,
    SaveDigitalSettings, TestDigitalConnection, TestDigitalConnectionCmd,
    AFRICASTALKING_LIVE_URL as LIVE_URL, AFRICASTALKING_SANDBOX_URL as SANDBOX_URL,
};
use state::{DigitalAction, DigitalFormState};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

pub mod state;

/// The card's id, for links from other screens.
pub const DIGITAL_CARD: &str = "digital-settings";

/// Fields the form shows errors for, as the shell names them; errors for
/// any other field go into the banner.
pub const FIELDS: &[&str] = &["environment", "username", "api_key", "bundle_product"];

/// The form as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DigitalDraft {
    /// `sandbox`, `production`, or the saved custom URL.
    pub environment: String,
    /// A saved base URL that is neither Africa's Talking address, offered as
    /// a third environment.
    pub custom_url: Option<String>,
    /// The account's username.
    pub username: String,
    /// The API key as typed (empty: keep the saved one).
    pub api_key: String,
    /// The data bundles product's name (empty: airtime only).
    pub bundle_product: String,
    /// Whether an API key is saved.
    pub has_key: bool,
}

impl DigitalDraft {
    /// The form for saved settings: the key empty, the environment named
    /// when it is one of Africa's Talking's.
    pub fn from_view(view: &DigitalSettingsView) -> Self {
        let (environment, custom_url) = crate::components::field::saved_environment(
            &view.base_url,
            SANDBOX_URL,
            LIVE_URL,
            "production",
        );
        Self {
            environment,
            custom_url,
            username: view.username.clone(),
            api_key: String::new(),
            bundle_product: view.bundle_product.clone(),
            has_key: view.has_key,
        }
    }

    /// The request that saves (or tests) this form.
    pub fn to_request(&self) -> DigitalSettingsInput {
        DigitalSettingsInput {
            environment: self.environment.trim().to_owned(),
            username: self.username.trim().to_owned(),
            api_key: self.api_key.trim().into(),
            bundle_product: self.bundle_product.trim().to_owned(),
        }
    }

    /// The environment select's options: value and label.
    pub fn environment_options(&self) -> Vec<(String, String)> {
        let mut options = vec![
            ("sandbox".to_owned(), t("digital-env-sandbox")),
            ("production".to_owned(), t("digital-env-production")),
        ];
        if let Some(url) = &self.custom_url {
            options.push((url.clone(), t_args("digital-env-custom", &[("url", url)])));
        }
        options
    }

    /// The placeholder of the API key input.
    pub fn api_key_placeholder(&self) -> String {
        t(if self.has_key {
            "digital-api-key-keep"
        } else {
            "digital-api-key-placeholder"
        })
    }
}

/// Props of [`DigitalSettings`].
#[derive(Properties, PartialEq)]
pub struct DigitalSettingsProps {
    /// Shows a success toast.
    pub notify: Callback<String>,
}

/// The Airtime and bundles card: loads the saved settings, then shows the
/// form.
#[function_component]
pub fn DigitalSettings(props: &DigitalSettingsProps) -> Html {
    let loaded = use_state(|| None::<Result<DigitalSettingsView, String>>);
    {
        let loaded = loaded.clone();
        use_effect_with((), move |_| {
            spawn_local(async move {
                let result = invoke::<GetDigitalSettings>(&NoArgs {})
                    .await
                    .map_err(|e| e.message);
                loaded.set(Some(result));
            });
        });
    }
    let body = match &*loaded {
        None => html! { <p class="muted">{ t("digital-loading") }</p> },
        Some(Err(message)) => html! { <ErrorBanner message={AttrValue::from(message.clone())} /> },
        Some(Ok(view)) => {
            html! { <DigitalForm saved={view.clone()} notify={props.notify.clone()} /> }
        }
    };
    html! {
        <section id={DIGITAL_CARD} class="card payment-settings digital-settings" aria-labelledby="digital-settings-title">
            <h2 id="digital-settings-title">{ t("digital-title") }</h2>
            <p class="hint">{ t("digital-intro") }</p>
            { body }
        </section>
    }
}

/// Props of [`DigitalForm`].
#[derive(Properties, PartialEq)]
struct DigitalFormProps {
    saved: DigitalSettingsView,
    notify: Callback<String>,
}

/// The form, started from the saved settings.
#[function_component]
fn DigitalForm(props: &DigitalFormProps) -> Html {
    let state = use_reducer(|| DigitalFormState::new(props.saved.clone()));
    let dispatch = state.dispatcher();

    let onsubmit = {
        let (state, notify) = (state.clone(), props.notify.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if state.saving {
                return;
            }
            state.dispatch(DigitalAction::SaveStarted);
            let sent = state.form.clone();
            let req = sent.to_request();
            let (dispatch, notify) = (state.dispatcher(), notify.clone());
            spawn_local(async move {
                match invoke::<SaveDigitalSettings>(&req).await {
                    Ok(view) => {
                        dispatch.dispatch(DigitalAction::Saved { sent, view });
                        notify.emit(t("digital-saved"));
                    }
                    Err(err) => dispatch
                        .dispatch(DigitalAction::SaveFailed(FormErrors::from_ipc(err, FIELDS))),
                }
            });
        })
    };

    // Tests what is typed, before saving (a blank key means the saved
    // one): a wrong key is found before it is kept.
    let on_test = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            if state.testing {
                return;
            }
            state.dispatch(DigitalAction::TestStarted);
            let asked = state.form.clone();
            let req = TestDigitalConnection {
                typed: Some(asked.to_request()),
            };
            let dispatch = state.dispatcher();
            spawn_local(async move {
                let (result, errors) = match invoke::<TestDigitalConnectionCmd>(&req).await {
                    Ok(result) => (result, None),
                    Err(err) if !err.fields.is_empty() => (
                        ConnectionTest {
                            ok: false,
                            message: t("digital-not-tested"),
                        },
                        Some(FormErrors::from_ipc(err, FIELDS)),
                    ),
                    Err(err) => (
                        ConnectionTest {
                            ok: false,
                            message: err.message,
                        },
                        None,
                    ),
                };
                dispatch.dispatch(DigitalAction::Tested {
                    asked,
                    result,
                    errors,
                });
            });
        })
    };

    // Edits one value and forgets the error beside it.
    let edit = |field: &'static str, set: fn(&mut DigitalDraft, String)| {
        let dispatch = dispatch.clone();
        move |value: String| dispatch.dispatch(DigitalAction::Edit { field, set, value })
    };
    let on_env = edit("environment", |f, v| f.environment = v);
    let on_username = edit("username", |f, v| f.username = v);
    let on_api_key = edit("api_key", |f, v| f.api_key = v);
    let on_product = edit("bundle_product", |f, v| f.bundle_product = v);
    let (form, errors, saved) = (&state.form, &state.errors, &state.saved);
    let environments = form
        .environment_options()
        .into_iter()
        .map(|(value, label)| {
            let selected = value == form.environment;
            html! { <option {value} {selected}>{ label }</option> }
        });

    html! {
        <form id="digital-form" class="form" {onsubmit} novalidate=true>
            <ErrorBanner message={errors.banner().map(|m| AttrValue::from(m.to_owned()))} />
            <div class="field">
                <label for="digital-environment">{ t("digital-environment") }</label>
                <select id="digital-environment" aria-invalid={errors.invalid("environment")}
                    onchange={move |e: Event| on_env(select_value(&e))}>
                    { for environments }
                </select>
                { field_error(errors, "environment") }
            </div>
            <div class="field">
                <label for="digital-username">{ t("digital-username") }</label>
                <input id="digital-username" type="text" autocomplete="off" spellcheck="false"
                    placeholder="sandbox"
                    value={form.username.clone()} aria-invalid={errors.invalid("username")}
                    oninput={move |e: InputEvent| on_username(input_text(&e))} />
                <div class="hint">{ t("digital-username-hint") }</div>
                { field_error(errors, "username") }
            </div>
            <div class="field">
                <label for="digital-api-key">{ t("digital-api-key") }</label>
                <input id="digital-api-key" type="password" autocomplete="new-password"
                    placeholder={form.api_key_placeholder()}
                    value={form.api_key.clone()} aria-invalid={errors.invalid("api_key")}
                    oninput={move |e: InputEvent| on_api_key(input_text(&e))} />
                if form.has_key {
                    <div id="digital-api-key-saved" class="hint">{ t("digital-api-key-saved") }</div>
                }
                { field_error(errors, "api_key") }
            </div>
            <div class="field">
                <label for="digital-bundle-product">{ t("digital-bundle-product") }</label>
                <input id="digital-bundle-product" type="text" autocomplete="off" spellcheck="false"
                    maxlength="100"
                    value={form.bundle_product.clone()} aria-invalid={errors.invalid("bundle_product")}
                    oninput={move |e: InputEvent| on_product(input_text(&e))} />
                <div class="hint">{ t("digital-bundle-product-hint") }</div>
                { field_error(errors, "bundle_product") }
            </div>
            <p id="digital-real-chats" class="banner info" role="status">{ saved.real_chats.clone() }</p>
            <div class="actions">
                <button type="submit" id="digital-save" class="primary" disabled={state.saving}>
                    { t("digital-save") }
                </button>
                <button type="button" id="digital-test" class="secondary" disabled={state.testing}
                    aria-busy={if state.testing { "true" } else { "false" }} onclick={on_test}>
                    { if state.testing { t("digital-testing") } else { t("digital-test") } }
                </button>
            </div>
            if let Some(result) = state.test_result() {
                <div id="digital-test-result" class={classes!("banner", test_result_class(result))}
                    role={if result.ok { "status" } else { "alert" }}>
                    { result.message.clone() }
                </div>
            }
        </form>
    }
}

#[cfg(test)]
mod tests;
