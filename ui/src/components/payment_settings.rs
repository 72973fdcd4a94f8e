//! Payments (M-Pesa) in settings: which service collects money from chat
//! customers (none: they pay by hand to the shop's till or paybill;
//! Safaricom Daraja; or IntaSend), the chosen service's credentials, the
//! till or paybill number for paying by hand, a plain sentence saying how
//! real chats pay now (`#payment-real-chats`), and a "Test connection"
//! button that tries what is typed, before it is saved.
//!
//! Saved secrets never come back from the shell: the view only says whether
//! one is saved, and an empty secret or passkey keeps the saved one.

use crate::components::banner::ErrorBanner;
use crate::components::field::{field_error, input_text, select_value, FormErrors};
use crate::i18n::{t, t_args};
use crate::ipc::invoke;
use dukadesk_domain::ipc::{
    ConnectionTest, DarajaSettingsInput, DarajaSettingsView, FieldError, GetPaymentSettings,
    IntaSendSettingsInput, IntaSendSettingsView, ManualPayInput, MpesaProvider, NoArgs,
    PaymentSettingsView, SavePaymentSettings, SavePaymentSettingsCmd, TestConnection,
    TestPaymentConnection,
};
use state::{PaymentAction, PaymentFormState};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

pub mod state;

/// Fields the Daraja form shows errors for, as the shell names them.
const DARAJA_FIELDS: &[&str] = &[
    "environment",
    "consumer_key",
    "consumer_secret",
    "shortcode",
    "passkey",
    "till_number",
    "manual_number",
];

/// Fields of the pay-by-hand number, shown whatever the service.
const MANUAL_FIELDS: &[&str] = &["manual_number"];

/// Fields the IntaSend form shows errors for, as the shell names them.
/// `environment` is shared with Daraja: it goes to whichever form is shown.
const INTASEND_FIELDS: &[&str] = &["environment", "public_key", "secret_key", "manual_number"];

/// Fields shown beside their input when `provider` is chosen; errors for any
/// other field go into the banner.
pub fn shown_fields(provider: MpesaProvider) -> &'static [&'static str] {
    match provider {
        MpesaProvider::NotConnected => MANUAL_FIELDS,
        MpesaProvider::Daraja => DARAJA_FIELDS,
        MpesaProvider::IntaSend => INTASEND_FIELDS,
        MpesaProvider::OnDelivery => &[],
    }
}

use dukadesk_domain::ipc::{
    DARAJA_PRODUCTION_URL as PRODUCTION_URL, DARAJA_SANDBOX_URL as SANDBOX_URL, INTASEND_LIVE_URL,
    INTASEND_SANDBOX_URL,
};

/// Placeholder of a secret input when a secret is already saved.
fn keep_placeholder() -> String {
    t("payment-keep-placeholder")
}

/// The provider select's values (labels: [`provider_label`]).
/// The easiest first: paying by hand needs only the shop's number, IntaSend
/// an account and two keys; Daraja is for shops that already have keys.
/// Cash on delivery last: it is for shops with no M-Pesa at all.
const PROVIDERS: [(MpesaProvider, &str); 4] = [
    (MpesaProvider::NotConnected, "not_connected"),
    (MpesaProvider::IntaSend, "intasend"),
    (MpesaProvider::Daraja, "daraja"),
    (MpesaProvider::OnDelivery, "on_delivery"),
];

/// A provider as the select shows it.
pub fn provider_label(provider: MpesaProvider) -> String {
    match provider {
        MpesaProvider::NotConnected => t("payment-provider-none"),
        MpesaProvider::IntaSend => t("payment-provider-intasend"),
        MpesaProvider::Daraja => t("payment-provider-daraja"),
        MpesaProvider::OnDelivery => t("payment-provider-on-delivery"),
    }
}

/// How customers pay the shop: a paybill or a buy-goods till.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Collection {
    /// Paybill: the shortcode collects.
    #[default]
    Paybill,
    /// Buy goods: a till collects.
    Till,
}

impl Collection {
    /// The select value.
    pub fn value(self) -> &'static str {
        match self {
            Self::Paybill => "paybill",
            Self::Till => "till",
        }
    }

    /// The collection of a select value.
    pub fn from_value(value: &str) -> Option<Self> {
        match value {
            "paybill" => Some(Self::Paybill),
            "till" => Some(Self::Till),
            _ => None,
        }
    }
}

/// The provider select value.
pub fn provider_value(provider: MpesaProvider) -> &'static str {
    PROVIDERS
        .iter()
        .find(|p| p.0 == provider)
        .map_or("not_connected", |p| p.1)
}

/// The provider of a select value.
pub fn provider_from_value(value: &str) -> Option<MpesaProvider> {
    PROVIDERS.iter().find(|p| p.1 == value).map(|p| p.0)
}

/// The form as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PaymentDraft {
    /// Provider chosen.
    pub provider: MpesaProvider,
    /// `sandbox`, `production`, or the saved custom URL.
    pub environment: String,
    /// A saved base URL that is neither Safaricom address, offered as a third
    /// environment.
    pub custom_url: Option<String>,
    /// Consumer key.
    pub consumer_key: String,
    /// Consumer secret as typed (empty: keep the saved one).
    pub consumer_secret: String,
    /// Shortcode.
    pub shortcode: String,
    /// Passkey as typed (empty: keep the saved one).
    pub passkey: String,
    /// Paybill or till.
    pub collection: Collection,
    /// Till number (sent only for a till).
    pub till_number: String,
    /// Whether a consumer secret is saved.
    pub has_secret: bool,
    /// Whether a passkey is saved.
    pub has_passkey: bool,
    /// IntaSend: `sandbox`, `live`, or the saved custom URL.
    pub intasend_environment: String,
    /// A saved IntaSend base URL that is neither IntaSend address, offered as
    /// a third environment.
    pub intasend_custom_url: Option<String>,
    /// IntaSend publishable key.
    pub public_key: String,
    /// IntaSend secret key as typed (empty: keep the saved one).
    pub secret_key: String,
    /// Whether an IntaSend secret key is saved.
    pub has_secret_key: bool,
    /// Paying by hand: `till` or `paybill`.
    pub manual_kind: String,
    /// Paying by hand: the till or paybill number (empty: none).
    pub manual_number: String,
}

impl PaymentDraft {
    /// The form for saved settings: secrets empty, the environment named
    /// when it is one of Safaricom's.
    pub fn from_view(view: &PaymentSettingsView) -> Self {
        let daraja = view.daraja.clone().unwrap_or_default();
        let (environment, custom_url) = environment_of(&daraja);
        let intasend = view.intasend.clone().unwrap_or_default();
        let (intasend_environment, intasend_custom_url) = intasend_environment_of(&intasend);
        Self {
            provider: view.provider,
            environment,
            custom_url,
            consumer_key: daraja.consumer_key,
            consumer_secret: String::new(),
            shortcode: daraja.shortcode,
            passkey: String::new(),
            collection: if daraja.till_number.trim().is_empty() {
                Collection::Paybill
            } else {
                Collection::Till
            },
            till_number: daraja.till_number,
            has_secret: daraja.has_secret,
            has_passkey: daraja.has_passkey,
            intasend_environment,
            intasend_custom_url,
            public_key: intasend.public_key,
            secret_key: String::new(),
            has_secret_key: intasend.has_secret,
            manual_kind: view.manual.as_ref().map_or("till", |m| m.kind()).to_owned(),
            manual_number: view
                .manual
                .as_ref()
                .map(|m| m.number().to_owned())
                .unwrap_or_default(),
        }
    }

    /// The request that saves this form. Each service's settings go only when
    /// that service is chosen; switching back to "not connected" (or to the
    /// other service) keeps them saved.
    pub fn to_request(&self) -> SavePaymentSettings {
        let daraja = (self.provider == MpesaProvider::Daraja).then(|| DarajaSettingsInput {
            environment: self.environment.trim().to_owned(),
            consumer_key: self.consumer_key.trim().to_owned(),
            consumer_secret: self.consumer_secret.trim().into(),
            shortcode: self.shortcode.trim().to_owned(),
            passkey: self.passkey.trim().into(),
            till_number: match self.collection {
                Collection::Paybill => String::new(),
                Collection::Till => self.till_number.trim().to_owned(),
            },
        });
        let intasend = (self.provider == MpesaProvider::IntaSend).then(|| IntaSendSettingsInput {
            environment: self.intasend_environment.trim().to_owned(),
            public_key: self.public_key.trim().to_owned(),
            secret_key: self.secret_key.trim().into(),
        });
        let number = self.manual_number.trim();
        SavePaymentSettings {
            provider: self.provider,
            daraja,
            intasend,
            manual: Some(ManualPayInput {
                kind: if number.is_empty() {
                    String::new()
                } else {
                    self.manual_kind.clone()
                },
                number: number.to_owned(),
            }),
        }
    }

    /// What the shell cannot tell: a till chosen without its number would be
    /// saved as a paybill. Everything else is checked by the shell.
    pub fn check(&self) -> Result<(), Vec<FieldError>> {
        if self.provider == MpesaProvider::Daraja
            && self.collection == Collection::Till
            && self.till_number.trim().is_empty()
        {
            return Err(vec![FieldError::new(
                "till_number",
                t("payment-till-required"),
            )]);
        }
        Ok(())
    }

    /// The environment select's options: value and label.
    pub fn environment_options(&self) -> Vec<(String, String)> {
        let mut options = vec![
            ("sandbox".to_owned(), t("payment-env-sandbox")),
            ("production".to_owned(), t("payment-env-production")),
        ];
        if let Some(url) = &self.custom_url {
            options.push((url.clone(), t_args("payment-env-custom", &[("url", url)])));
        }
        options
    }

    /// The IntaSend environment select's options: value and label.
    pub fn intasend_environment_options(&self) -> Vec<(String, String)> {
        let mut options = vec![
            ("sandbox".to_owned(), t("payment-env-sandbox")),
            ("live".to_owned(), t("payment-env-live")),
        ];
        if let Some(url) = &self.intasend_custom_url {
            options.push((url.clone(), t_args("payment-env-custom", &[("url", url)])));
        }
        options
    }

    /// The placeholder of the IntaSend secret key input.
    pub fn secret_key_placeholder(&self) -> String {
        if self.has_secret_key {
            keep_placeholder()
        } else {
            "ISSecretKey_…".to_owned()
        }
    }

    /// The placeholder of the consumer secret input.
    pub fn secret_placeholder(&self) -> String {
        if self.has_secret {
            keep_placeholder()
        } else {
            t("payment-secret-placeholder")
        }
    }

    /// The placeholder of the passkey input.
    pub fn passkey_placeholder(&self) -> String {
        if self.has_passkey {
            keep_placeholder()
        } else {
            t("payment-passkey-placeholder")
        }
    }
}

/// The environment select value for a saved base URL, and the URL itself when
/// it is neither Safaricom address.
fn environment_of(daraja: &DarajaSettingsView) -> (String, Option<String>) {
    crate::components::field::saved_environment(
        &daraja.base_url,
        SANDBOX_URL,
        PRODUCTION_URL,
        "production",
    )
}

/// The IntaSend environment select value for a saved base URL, and the URL
/// itself when it is neither IntaSend address.
fn intasend_environment_of(intasend: &IntaSendSettingsView) -> (String, Option<String>) {
    crate::components::field::saved_environment(
        &intasend.base_url,
        INTASEND_SANDBOX_URL,
        INTASEND_LIVE_URL,
        "live",
    )
}

/// The outcome of "Test connection": `ok` or `error`, and the message.
pub fn test_result_class(result: &ConnectionTest) -> &'static str {
    if result.ok {
        "ok"
    } else {
        "error"
    }
}

/// Props of [`PaymentSettings`].
#[derive(Properties, PartialEq)]
pub struct PaymentSettingsProps {
    /// Shows a success toast.
    pub notify: Callback<String>,
}

/// The Payments (M-Pesa) card: loads the saved settings, then shows the form.
#[function_component]
pub fn PaymentSettings(props: &PaymentSettingsProps) -> Html {
    let loaded = use_state(|| None::<Result<PaymentSettingsView, String>>);
    {
        let loaded = loaded.clone();
        use_effect_with((), move |_| {
            spawn_local(async move {
                let result = invoke::<GetPaymentSettings>(&NoArgs {})
                    .await
                    .map_err(|e| e.message);
                loaded.set(Some(result));
            });
        });
    }
    let body = match &*loaded {
        None => html! { <p class="muted">{ t("payment-loading") }</p> },
        Some(Err(message)) => html! { <ErrorBanner message={AttrValue::from(message.clone())} /> },
        Some(Ok(view)) => {
            html! { <PaymentForm saved={view.clone()} notify={props.notify.clone()} /> }
        }
    };
    html! {
        <section id="payment-settings" class="card payment-settings" aria-labelledby="payment-title">
            <h2 id="payment-title">{ t("payment-title") }</h2>
            <p class="hint">{ t("payment-intro") }</p>
            { body }
        </section>
    }
}

/// Props of [`PaymentForm`].
#[derive(Properties, PartialEq)]
struct PaymentFormProps {
    saved: PaymentSettingsView,
    notify: Callback<String>,
}

/// The form, started from the saved settings.
#[function_component]
fn PaymentForm(props: &PaymentFormProps) -> Html {
    let state = use_reducer(|| PaymentFormState::new(props.saved.clone()));
    let dispatch = state.dispatcher();

    let onsubmit = {
        let (state, notify) = (state.clone(), props.notify.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if state.saving {
                return;
            }
            if let Err(fields) = state.form.check() {
                return state.dispatch(PaymentAction::Invalid(fields));
            }
            state.dispatch(PaymentAction::SaveStarted);
            let sent = state.form.clone();
            let req = sent.to_request();
            let (dispatch, notify) = (state.dispatcher(), notify.clone());
            spawn_local(async move {
                match invoke::<SavePaymentSettingsCmd>(&req).await {
                    Ok(view) => {
                        dispatch.dispatch(PaymentAction::Saved { sent, view });
                        notify.emit(t("payment-saved"));
                    }
                    Err(err) => dispatch.dispatch(PaymentAction::SaveFailed(FormErrors::from_ipc(
                        err,
                        shown_fields(req.provider),
                    ))),
                }
            });
        })
    };

    // Tests what is typed, before saving (blank secrets mean the saved
    // ones): a wrong key is found before it is kept.
    let on_test = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            if state.testing {
                return;
            }
            if let Err(fields) = state.form.check() {
                return state.dispatch(PaymentAction::Invalid(fields));
            }
            state.dispatch(PaymentAction::TestStarted);
            let asked = state.form.clone();
            let req = TestConnection {
                typed: Some(asked.to_request()),
            };
            let dispatch = state.dispatcher();
            spawn_local(async move {
                let provider = asked.provider;
                let (result, errors) = match invoke::<TestPaymentConnection>(&req).await {
                    Ok(result) => (result, None),
                    Err(err) if !err.fields.is_empty() => (
                        ConnectionTest {
                            ok: false,
                            message: t("payment-not-tested"),
                        },
                        Some(FormErrors::from_ipc(err, shown_fields(provider))),
                    ),
                    Err(err) => (
                        ConnectionTest {
                            ok: false,
                            message: err.message,
                        },
                        None,
                    ),
                };
                dispatch.dispatch(PaymentAction::Tested {
                    asked,
                    result,
                    errors,
                });
            });
        })
    };

    // Edits one value and forgets the error beside it.
    let edit = |field: &'static str, set: fn(&mut PaymentDraft, String)| {
        let dispatch = dispatch.clone();
        move |value: String| dispatch.dispatch(PaymentAction::Edit { field, set, value })
    };
    // Changing service forgets the field errors of the one left: the other
    // form shows different fields (and `environment` means another select).
    let on_provider = {
        let dispatch = dispatch.clone();
        move |value: String| {
            if let Some(p) = provider_from_value(&value) {
                dispatch.dispatch(PaymentAction::Provider(p));
            }
        }
    };
    let on_env = edit("environment", |f, v| f.environment = v);
    let on_is_env = edit("environment", |f, v| f.intasend_environment = v);
    let on_public_key = edit("public_key", |f, v| f.public_key = v);
    let on_secret_key = edit("secret_key", |f, v| f.secret_key = v);
    let on_key = edit("consumer_key", |f, v| f.consumer_key = v);
    let on_secret = edit("consumer_secret", |f, v| f.consumer_secret = v);
    let on_shortcode = edit("shortcode", |f, v| f.shortcode = v);
    let on_passkey = edit("passkey", |f, v| f.passkey = v);
    let on_collection = edit("till_number", |f, v| {
        if let Some(c) = Collection::from_value(&v) {
            f.collection = c;
        }
    });
    let on_till = edit("till_number", |f, v| f.till_number = v);
    let on_manual_kind = edit("manual_number", |f, v| f.manual_kind = v);
    let on_manual_number = edit("manual_number", |f, v| f.manual_number = v);
    let (form, errors, saved) = (&state.form, &state.errors, &state.saved);
    let manual_kinds = [
        ("till", t("payment-manual-till")),
        ("paybill", t("payment-manual-paybill")),
    ]
    .into_iter()
    .map(|(value, label)| {
        html! { <option {value} selected={form.manual_kind == value}>{ label }</option> }
    });

    let providers = PROVIDERS.iter().map(|(p, value)| {
        html! { <option value={*value} selected={*p == form.provider}>{ provider_label(*p) }</option> }
    });
    let environments = form
        .environment_options()
        .into_iter()
        .map(|(value, label)| {
            let selected = value == form.environment;
            html! { <option {value} {selected}>{ label }</option> }
        });
    let intasend_environments =
        form.intasend_environment_options()
            .into_iter()
            .map(|(value, label)| {
                let selected = value == form.intasend_environment;
                html! { <option {value} {selected}>{ label }</option> }
            });
    let collections = [
        (Collection::Paybill, t("payment-collection-paybill")),
        (Collection::Till, t("payment-collection-till")),
    ]
    .into_iter()
    .map(|(c, label)| {
        html! { <option value={c.value()} selected={c == form.collection}>{ label }</option> }
    });
    let daraja = form.provider == MpesaProvider::Daraja;
    let intasend = form.provider == MpesaProvider::IntaSend;

    html! {
        <form id="payment-form" class="form" data-provider={provider_value(form.provider)} {onsubmit} novalidate=true>
            <ErrorBanner message={errors.banner().map(|m| AttrValue::from(m.to_owned()))} />
            <div class="field">
                <label for="payment-provider">{ t("payment-provider") }</label>
                <select id="payment-provider" onchange={move |e: Event| on_provider(select_value(&e))}>
                    { for providers }
                </select>
            </div>
            if daraja {
                <fieldset class="daraja-fields">
                    <legend>{ t("payment-daraja-legend") }</legend>
                    <p class="hint">{ t("payment-daraja-hint") }</p>
                    <div class="field">
                        <label for="daraja-environment">{ t("payment-environment") }</label>
                        <select id="daraja-environment" aria-invalid={errors.invalid("environment")}
                            onchange={move |e: Event| on_env(select_value(&e))}>
                            { for environments }
                        </select>
                        { field_error(errors, "environment") }
                    </div>
                    <div class="field">
                        <label for="daraja-consumer-key">{ t("payment-consumer-key") }</label>
                        <input id="daraja-consumer-key" type="text" autocomplete="off" spellcheck="false"
                            value={form.consumer_key.clone()} aria-invalid={errors.invalid("consumer_key")}
                            oninput={move |e: InputEvent| on_key(input_text(&e))} />
                        { field_error(errors, "consumer_key") }
                    </div>
                    <div class="field">
                        <label for="daraja-consumer-secret">{ t("payment-consumer-secret") }</label>
                        <input id="daraja-consumer-secret" type="password" autocomplete="new-password"
                            placeholder={form.secret_placeholder()}
                            value={form.consumer_secret.clone()} aria-invalid={errors.invalid("consumer_secret")}
                            oninput={move |e: InputEvent| on_secret(input_text(&e))} />
                        { field_error(errors, "consumer_secret") }
                    </div>
                    <div class="field-row">
                        <div class="field">
                            <label for="daraja-shortcode">{ t("payment-shortcode") }</label>
                            <input id="daraja-shortcode" type="text" inputmode="numeric" autocomplete="off"
                                placeholder="174379"
                                value={form.shortcode.clone()} aria-invalid={errors.invalid("shortcode")}
                                oninput={move |e: InputEvent| on_shortcode(input_text(&e))} />
                            { field_error(errors, "shortcode") }
                        </div>
                        <div class="field">
                            <label for="daraja-collection">{ t("payment-pay-to") }</label>
                            <select id="daraja-collection" onchange={move |e: Event| on_collection(select_value(&e))}>
                                { for collections }
                            </select>
                        </div>
                    </div>
                    if form.collection == Collection::Till {
                        <div class="field">
                            <label for="daraja-till">{ t("payment-till-number") }</label>
                            <input id="daraja-till" type="text" inputmode="numeric" autocomplete="off"
                                value={form.till_number.clone()} aria-invalid={errors.invalid("till_number")}
                                oninput={move |e: InputEvent| on_till(input_text(&e))} />
                            <div class="hint">{ t("payment-till-hint") }</div>
                            { field_error(errors, "till_number") }
                        </div>
                    } else {
                        { field_error(errors, "till_number") }
                    }
                    <div class="field">
                        <label for="daraja-passkey">{ t("payment-passkey") }</label>
                        <input id="daraja-passkey" type="password" autocomplete="new-password"
                            placeholder={form.passkey_placeholder()}
                            value={form.passkey.clone()} aria-invalid={errors.invalid("passkey")}
                            oninput={move |e: InputEvent| on_passkey(input_text(&e))} />
                        { field_error(errors, "passkey") }
                    </div>
                </fieldset>
            }
            if intasend {
                <fieldset id="intasend-fields" class="daraja-fields">
                    <legend>{ t("payment-intasend-legend") }</legend>
                    <div class="field">
                        <label for="intasend-environment">{ t("payment-environment") }</label>
                        <select id="intasend-environment" aria-invalid={errors.invalid("environment")}
                            onchange={move |e: Event| on_is_env(select_value(&e))}>
                            { for intasend_environments }
                        </select>
                        { field_error(errors, "environment") }
                    </div>
                    <div class="field">
                        <label for="intasend-public-key">{ t("payment-public-key") }</label>
                        <input id="intasend-public-key" type="text" autocomplete="off" spellcheck="false"
                            placeholder="ISPubKey_…"
                            value={form.public_key.clone()} aria-invalid={errors.invalid("public_key")}
                            oninput={move |e: InputEvent| on_public_key(input_text(&e))} />
                        { field_error(errors, "public_key") }
                    </div>
                    <div class="field">
                        <label for="intasend-secret-key">{ t("payment-secret-key") }</label>
                        <input id="intasend-secret-key" type="password" autocomplete="new-password"
                            placeholder={form.secret_key_placeholder()}
                            value={form.secret_key.clone()} aria-invalid={errors.invalid("secret_key")}
                            oninput={move |e: InputEvent| on_secret_key(input_text(&e))} />
                        { field_error(errors, "secret_key") }
                    </div>
                    <p class="hint">{ t("payment-intasend-hint") }</p>
                </fieldset>
            }
            if form.provider != MpesaProvider::OnDelivery {
            <fieldset id="manual-fields" class="daraja-fields">
                <legend>{ t("payment-manual-legend") }</legend>
                <p class="hint">{ t("payment-manual-hint") }</p>
                <div class="field-row">
                    <div class="field">
                        <label for="manual-kind">{ t("payment-pay-to") }</label>
                        <select id="manual-kind" onchange={move |e: Event| on_manual_kind(select_value(&e))}>
                            { for manual_kinds }
                        </select>
                    </div>
                    <div class="field">
                        <label for="manual-number">{ t("payment-manual-number") }</label>
                        <input id="manual-number" type="text" inputmode="numeric" autocomplete="off"
                            placeholder={t("payment-manual-number-placeholder")}
                            value={form.manual_number.clone()} aria-invalid={errors.invalid("manual_number")}
                            oninput={move |e: InputEvent| on_manual_number(input_text(&e))} />
                        { field_error(errors, "manual_number") }
                    </div>
                </div>
            </fieldset>
            }
            <p id="payment-real-chats" class="banner info" role="status">{ saved.real_chats.clone() }</p>
            <div class="actions">
                <button type="submit" id="payment-save" class="primary" disabled={state.saving}>
                    { t("payment-save") }
                </button>
                <button type="button" id="payment-test" class="secondary" disabled={state.testing}
                    aria-busy={if state.testing { "true" } else { "false" }} onclick={on_test}>
                    { if state.testing { t("payment-testing") } else { t("payment-test") } }
                </button>
            </div>
            if let Some(result) = state.test_result() {
                <div id="payment-test-result" class={classes!("banner", test_result_class(result))}
                    role={if result.ok { "status" } else { "alert" }}>
                    { result.message.clone() }
                </div>
            }
        </form>
    }
}

#[cfg(test)]
mod tests;
