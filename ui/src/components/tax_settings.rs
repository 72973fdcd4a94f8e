//! Tax invoices in settings (KRA eTIMS): this till as an eTIMS device.
//! A status line says whether KRA set it up (`#tax-status`); the form
//! takes the environment (sandbox or production), the consumer key and
//! secret from KRA's developer portal, the shop's KRA PIN, the branch id
//! and the device serial, and "Set up with KRA" (`#tax-set-up`) asks KRA
//! to initialise the device. Once it is set up, "Invoice every sale"
//! (`#tax-enabled`) and the default band (`#tax-default-band`) are saved
//! on their own (`#tax-save-options`), without asking KRA again.
//!
//! Above the form while any wait (below it otherwise), the invoices KRA
//! has not signed yet (`#tax-unsigned`),
//! oldest first, each with why it waits, and "Send now" (`#tax-send-now`).
//!
//! Like the M-Pesa keys, the saved consumer secret never comes back from
//! the shell: the view only says whether one is saved, and an empty
//! secret keeps it.

use crate::components::banner::ErrorBanner;
use crate::components::field::{
    checkbox_checked, field_error, input_text, select_value, FormErrors,
};
use crate::components::timestamp::TimeAgo;
use crate::i18n::{t, t_args, t_count};
use crate::ipc::invoke;
use dukadesk_domain::ipc::{
    GetTaxSettings, ListUnsignedInvoices, NoArgs, SaveTaxOptions, SendInvoicesNow, SetUpEtims,
    TaxInvoiceRow, TaxInvoiceState, TaxOptions, TaxSettingsView, TaxSetupInput,
};
use dukadesk_domain::tax::TaxBand;
use dukadesk_domain::{Currency, Money};
use state::{TaxAction, TaxBusy, TaxFormState};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

pub mod state;

/// The card's id, for links from other screens.
pub const TAX_CARD: &str = "tax-settings";

pub use dukadesk_domain::ipc::{ETIMS_LIVE_URL, ETIMS_SANDBOX_URL};

/// Fields the form shows errors for, as the shell names them; errors for
/// any other field go into the banner.
pub const FIELDS: &[&str] = &[
    "environment",
    "consumer_key",
    "consumer_secret",
    "pin",
    "branch",
    "serial",
    "item_class",
    "default_band",
];

/// The form as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TaxDraft {
    /// `sandbox`, `production`, or the saved custom URL.
    pub environment: String,
    /// A saved API address that is neither of KRA's, offered as a third
    /// environment (a simulator).
    pub custom_url: Option<String>,
    /// The consumer key.
    pub consumer_key: String,
    /// The consumer secret as typed (empty: keep the saved one).
    pub consumer_secret: String,
    /// The shop's KRA PIN.
    pub pin: String,
    /// The branch id.
    pub branch: String,
    /// The device serial.
    pub serial: String,
    /// The item classification code items are registered under.
    pub item_class: String,
    /// The band of items that have none.
    pub default_band: Option<TaxBand>,
    /// Whether sales are invoiced.
    pub enabled: bool,
    /// Whether a consumer secret is saved.
    pub has_secret: bool,
}

impl TaxDraft {
    /// The form for saved settings: the secret empty, the environment
    /// named when it is one of KRA's.
    pub fn from_view(view: &TaxSettingsView) -> Self {
        let (environment, custom_url) = crate::components::field::saved_environment(
            &view.api_url,
            ETIMS_SANDBOX_URL,
            ETIMS_LIVE_URL,
            "production",
        );
        Self {
            environment,
            custom_url,
            consumer_key: view.consumer_key.clone(),
            consumer_secret: String::new(),
            pin: view.pin.clone(),
            branch: view.branch.clone(),
            serial: view.serial.clone(),
            item_class: view.item_class.clone(),
            default_band: view.default_band,
            enabled: view.enabled,
            has_secret: view.has_secret,
        }
    }

    /// The request that sets the device up with this form.
    pub fn to_request(&self) -> TaxSetupInput {
        TaxSetupInput {
            environment: self.environment.trim().to_owned(),
            consumer_key: self.consumer_key.trim().to_owned(),
            consumer_secret: self.consumer_secret.trim().into(),
            pin: self.pin.trim().to_owned(),
            branch: self.branch.trim().to_owned(),
            serial: self.serial.trim().to_owned(),
            default_band: self.default_band,
            item_class: self.item_class.trim().to_owned(),
        }
    }

    /// The request that saves the options alone.
    pub fn options(&self) -> TaxOptions {
        TaxOptions {
            enabled: self.enabled,
            default_band: self.default_band,
        }
    }

    /// The environment select's options: value and label.
    pub fn environment_options(&self) -> Vec<(String, String)> {
        let mut options = vec![
            ("sandbox".to_owned(), t("tax-env-sandbox")),
            ("production".to_owned(), t("tax-env-production")),
        ];
        if let Some(url) = &self.custom_url {
            options.push((url.clone(), t_args("tax-env-custom", &[("url", url)])));
        }
        options
    }

    /// The placeholder of the consumer secret input, when one is saved.
    pub fn secret_placeholder(&self) -> Option<String> {
        self.has_secret.then(|| t("tax-secret-keep"))
    }
}

/// A band select's options: value (the band's code, empty for none) and
/// label, the first being "none" in the words given.
pub fn band_options(none_label: String) -> Vec<(String, String)> {
    std::iter::once((String::new(), none_label))
        .chain(
            TaxBand::ALL
                .iter()
                .map(|b| (b.code().to_owned(), b.label().to_owned())),
        )
        .collect()
}

/// The band a select's value names (`None` for the empty value).
pub fn band_of(value: &str) -> Option<TaxBand> {
    TaxBand::parse(value)
}

/// The value of a band select for `band`.
pub fn band_value(band: Option<TaxBand>) -> &'static str {
    band.map_or("", TaxBand::code)
}

/// The status line: who KRA set this till up for, or that it is not.
pub fn status_text(view: &TaxSettingsView) -> String {
    if view.set_up {
        t_args(
            "tax-status-set-up",
            &[
                ("device", &view.sdc_id),
                ("name", &view.taxpayer_name),
                ("pin", &view.pin),
                ("branch", &view.branch),
            ],
        )
    } else {
        t("tax-status-not-set-up")
    }
}

/// How many invoices wait for KRA's signature.
/// The warning when items have no band and the shop chose no default:
/// their sales wait until staff give them one.
pub fn no_band_text(view: &TaxSettingsView) -> Option<String> {
    (view.set_up && view.default_band.is_none() && view.items_without_band > 0)
        .then(|| t_count("tax-no-band", view.items_without_band, &[]))
}

/// How many invoices wait, in words.
pub fn unsigned_text(count: usize) -> String {
    t_count("tax-status-unsigned", count, &[])
}

/// An invoice's number as its row shows it: credit notes say which
/// invoice they undo.
pub fn number_text(row: &TaxInvoiceRow) -> String {
    match row.credit_note_for {
        Some(original) => t_args(
            "tax-credit-note",
            &[
                ("number", &row.number.to_string()),
                ("original", &original.to_string()),
            ],
        ),
        None => row.number.to_string(),
    }
}

/// An amount in cents as KRA counts it: shillings with two decimals,
/// `KES 1,250.00`.
pub fn kes_text(minor: i64) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let abs = minor.unsigned_abs();
    let cents = abs % 100;
    let whole = i64::try_from(abs - cents).unwrap_or(i64::MAX);
    let whole = Money::from_minor(whole, Currency::KES).amount_text();
    format!("{} {sign}{whole}.{cents:02}", Currency::KES.code())
}

/// What an invoice's state says on its row.
pub fn state_label(state: TaxInvoiceState) -> String {
    t(match state {
        TaxInvoiceState::Queued => "tax-state-queued",
        TaxInvoiceState::Sending => "tax-state-sending",
        TaxInvoiceState::Signed => "tax-state-signed",
    })
}

/// Props of [`TaxSettings`].
#[derive(Properties, PartialEq)]
pub struct TaxSettingsProps {
    /// Shows a success toast.
    pub notify: Callback<String>,
}

/// The Tax card: loads the saved device and the unsigned invoices, then
/// shows the form and the list.
#[function_component]
pub fn TaxSettings(props: &TaxSettingsProps) -> Html {
    let loaded = use_state(|| None::<Result<TaxSettingsView, String>>);
    let invoices = use_state(|| None::<Result<Vec<TaxInvoiceRow>, String>>);
    {
        let (loaded, invoices) = (loaded.clone(), invoices.clone());
        use_effect_with((), move |_| {
            spawn_local(async move {
                let result = invoke::<GetTaxSettings>(&NoArgs {})
                    .await
                    .map_err(|e| e.message);
                loaded.set(Some(result));
                let list = invoke::<ListUnsignedInvoices>(&NoArgs {})
                    .await
                    .map_err(|e| e.message);
                invoices.set(Some(list));
            });
        });
    }
    let unsigned = match &*invoices {
        Some(Ok(list)) => Some(list.len()),
        _ => None,
    };
    let body = match &*loaded {
        None => html! { <p class="muted">{ t("tax-loading") }</p> },
        Some(Err(message)) => html! { <ErrorBanner message={AttrValue::from(message.clone())} /> },
        Some(Ok(view)) => html! {
            <TaxForm saved={view.clone()} {unsigned} notify={props.notify.clone()} />
        },
    };
    let on_sent = {
        let invoices = invoices.clone();
        Callback::from(move |list: Vec<TaxInvoiceRow>| invoices.set(Some(Ok(list))))
    };
    let list = html! {
        <UnsignedInvoices invoices={(*invoices).clone()} {on_sent} notify={props.notify.clone()} />
    };
    // Invoices that wait come first: they are what needs a person.
    let waiting = unsigned.is_some_and(|n| n > 0);
    html! {
        <section id={TAX_CARD} class="card payment-settings tax-settings" aria-labelledby="tax-settings-title">
            <h2 id="tax-settings-title">{ t("tax-title") }</h2>
            <p class="hint">{ t("tax-intro") }</p>
            if waiting { { list.clone() } }
            { body }
            if !waiting { { list } }
        </section>
    }
}

/// Props of [`TaxForm`].
#[derive(Properties, PartialEq)]
struct TaxFormProps {
    saved: TaxSettingsView,
    /// How many invoices wait, once the list is loaded.
    unsigned: Option<usize>,
    notify: Callback<String>,
}

/// The status line and the form, started from the saved device.
#[function_component]
fn TaxForm(props: &TaxFormProps) -> Html {
    let state = use_reducer(|| TaxFormState::new(props.saved.clone()));
    let dispatch = state.dispatcher();

    let onsubmit = {
        let (state, notify) = (state.clone(), props.notify.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if state.busy.is_some() {
                return;
            }
            state.dispatch(TaxAction::Started(TaxBusy::SetUp));
            let sent = state.form.clone();
            let req = sent.to_request();
            let (dispatch, notify) = (state.dispatcher(), notify.clone());
            spawn_local(async move {
                match invoke::<SetUpEtims>(&req).await {
                    Ok(view) => {
                        notify.emit(t_args("tax-set-up-done", &[("device", &view.sdc_id)]));
                        dispatch.dispatch(TaxAction::SetUp { sent, view });
                    }
                    Err(err) => {
                        dispatch.dispatch(TaxAction::Failed(FormErrors::from_ipc(err, FIELDS)))
                    }
                }
            });
        })
    };

    let on_save_options = {
        let (state, notify) = (state.clone(), props.notify.clone());
        Callback::from(move |_: MouseEvent| {
            if state.busy.is_some() {
                return;
            }
            state.dispatch(TaxAction::Started(TaxBusy::Options));
            let sent = state.form.options();
            let (dispatch, notify) = (state.dispatcher(), notify.clone());
            spawn_local(async move {
                match invoke::<SaveTaxOptions>(&sent).await {
                    Ok(view) => {
                        notify.emit(t("tax-options-saved"));
                        dispatch.dispatch(TaxAction::OptionsSaved { sent, view });
                    }
                    Err(err) => {
                        dispatch.dispatch(TaxAction::Failed(FormErrors::from_ipc(err, FIELDS)))
                    }
                }
            });
        })
    };

    // Edits one value and forgets the error beside it.
    let edit = |field: &'static str, set: fn(&mut TaxDraft, String)| {
        let dispatch = dispatch.clone();
        move |value: String| dispatch.dispatch(TaxAction::Edit { field, set, value })
    };
    let on_env = edit("environment", |f, v| f.environment = v);
    let on_key = edit("consumer_key", |f, v| f.consumer_key = v);
    let on_secret = edit("consumer_secret", |f, v| f.consumer_secret = v);
    let on_pin = edit("pin", |f, v| f.pin = v);
    let on_branch = edit("branch", |f, v| f.branch = v);
    let on_serial = edit("serial", |f, v| f.serial = v);
    let on_item_class = edit("item_class", |f, v| f.item_class = v);
    let on_band = edit("default_band", |f, v| f.default_band = band_of(&v));
    let on_enabled = {
        let dispatch = dispatch.clone();
        move |e: Event| dispatch.dispatch(TaxAction::Enabled(checkbox_checked(&e)))
    };

    let (form, errors, saved) = (&state.form, &state.errors, &state.saved);
    let environments = form
        .environment_options()
        .into_iter()
        .map(|(value, label)| {
            let selected = value == form.environment;
            html! { <option {value} {selected}>{ label }</option> }
        });
    let chosen_band = band_value(form.default_band);
    let bands = band_options(t("tax-band-none"))
        .into_iter()
        .map(|(value, label)| {
            let selected = value == chosen_band;
            html! { <option {value} {selected}>{ label }</option> }
        });
    let setting_up = state.busy == Some(TaxBusy::SetUp);
    let saving_options = state.busy == Some(TaxBusy::Options);
    let busy_attr = |b: bool| if b { "true" } else { "false" };
    let unsigned = props.unsigned.unwrap_or(saved.unsigned);

    html! {
        <>
            <div id="tax-status" class={classes!("banner", if saved.set_up { "ok" } else { "info" })} role="status">
                { status_text(saved) }
                if saved.set_up {
                    { " " }{ unsigned_text(unsigned) }
                    if !saved.enabled {
                        { " " }{ t("tax-status-off") }
                    }
                }
            </div>
            if let Some(text) = no_band_text(saved) {
                <p id="tax-no-band" class="banner warn" role="status">{ text }</p>
            }
            <form id="tax-form" class="form" {onsubmit} novalidate=true>
                <ErrorBanner message={errors.banner().map(|m| AttrValue::from(m.to_owned()))} />
                <div class="field">
                    <label for="tax-environment">{ t("tax-environment") }</label>
                    <select id="tax-environment" aria-invalid={errors.invalid("environment")}
                        onchange={move |e: Event| on_env(select_value(&e))}>
                        { for environments }
                    </select>
                    { field_error(errors, "environment") }
                </div>
                <div class="field-row">
                    <div class="field">
                        <label for="tax-consumer-key">{ t("tax-consumer-key") }</label>
                        <input id="tax-consumer-key" type="text" autocomplete="off" spellcheck="false"
                            value={form.consumer_key.clone()} aria-invalid={errors.invalid("consumer_key")}
                            oninput={move |e: InputEvent| on_key(input_text(&e))} />
                        { field_error(errors, "consumer_key") }
                    </div>
                    <div class="field">
                        <label for="tax-consumer-secret">{ t("tax-consumer-secret") }</label>
                        <input id="tax-consumer-secret" type="password" autocomplete="new-password"
                            placeholder={form.secret_placeholder()}
                            value={form.consumer_secret.clone()} aria-invalid={errors.invalid("consumer_secret")}
                            oninput={move |e: InputEvent| on_secret(input_text(&e))} />
                        { field_error(errors, "consumer_secret") }
                    </div>
                </div>
                <div class="hint">{ t("tax-keys-hint") }</div>
                <div class="field-row">
                    <div class="field">
                        <label for="tax-pin">{ t("tax-pin") }</label>
                        <input id="tax-pin" type="text" autocomplete="off" spellcheck="false"
                            placeholder="P051234567X" maxlength="20"
                            value={form.pin.clone()} aria-invalid={errors.invalid("pin")}
                            oninput={move |e: InputEvent| on_pin(input_text(&e))} />
                        { field_error(errors, "pin") }
                    </div>
                    <div class="field">
                        <label for="tax-branch">{ t("tax-branch") }</label>
                        <input id="tax-branch" type="text" autocomplete="off" spellcheck="false"
                            placeholder="00" maxlength="10"
                            value={form.branch.clone()} aria-invalid={errors.invalid("branch")}
                            oninput={move |e: InputEvent| on_branch(input_text(&e))} />
                        { field_error(errors, "branch") }
                    </div>
                </div>
                <div class="field">
                    <label for="tax-serial">{ t("tax-serial") }</label>
                    <input id="tax-serial" type="text" autocomplete="off" spellcheck="false"
                        maxlength="100"
                        value={form.serial.clone()} aria-invalid={errors.invalid("serial")}
                        oninput={move |e: InputEvent| on_serial(input_text(&e))} />
                    <div class="hint">{ t("tax-serial-hint") }</div>
                    { field_error(errors, "serial") }
                </div>
                <div class="field">
                    <label for="tax-item-class">{ t("tax-item-class") }</label>
                    <input id="tax-item-class" type="text" inputmode="numeric" autocomplete="off"
                        spellcheck="false" maxlength="12"
                        value={form.item_class.clone()} aria-invalid={errors.invalid("item_class")}
                        oninput={move |e: InputEvent| on_item_class(input_text(&e))} />
                    <div class="hint">{ t("tax-item-class-hint") }</div>
                    { field_error(errors, "item_class") }
                </div>
                <div class="field">
                    <label for="tax-default-band">{ t("tax-default-band") }</label>
                    <select id="tax-default-band" aria-invalid={errors.invalid("default_band")}
                        onchange={move |e: Event| on_band(select_value(&e))}>
                        { for bands }
                    </select>
                    <div class="hint">{ t("tax-default-band-hint") }</div>
                    { field_error(errors, "default_band") }
                </div>
                if saved.set_up {
                    <label class="check">
                        <input type="checkbox" id="tax-enabled" checked={form.enabled}
                            onchange={on_enabled} />
                        { t("tax-enabled") }
                    </label>
                }
                <div class="actions">
                    <button type="submit" id="tax-set-up"
                        class={if saved.set_up { "secondary" } else { "primary" }}
                        disabled={state.busy.is_some()} aria-busy={busy_attr(setting_up)}>
                        { if setting_up { t("tax-setting-up") } else { t("tax-set-up") } }
                    </button>
                    if saved.set_up {
                        <button type="button" id="tax-save-options" class="primary"
                            disabled={state.busy.is_some()} aria-busy={busy_attr(saving_options)}
                            onclick={on_save_options}>
                            { t("tax-save-options") }
                        </button>
                    }
                </div>
            </form>
        </>
    }
}

/// Props of [`UnsignedInvoices`].
#[derive(Properties, PartialEq)]
struct UnsignedInvoicesProps {
    /// The list, once loaded.
    invoices: Option<Result<Vec<TaxInvoiceRow>, String>>,
    /// Called with the list after "Send now".
    on_sent: Callback<Vec<TaxInvoiceRow>>,
    notify: Callback<String>,
}

/// The invoices KRA has not signed yet, and "Send now".
#[function_component]
fn UnsignedInvoices(props: &UnsignedInvoicesProps) -> Html {
    let sending = use_state(|| false);
    let error = use_state(|| None::<String>);
    let on_send = {
        let (sending, error) = (sending.clone(), error.clone());
        let (on_sent, notify) = (props.on_sent.clone(), props.notify.clone());
        Callback::from(move |_: MouseEvent| {
            if *sending {
                return;
            }
            sending.set(true);
            let (sending, error) = (sending.clone(), error.clone());
            let (on_sent, notify) = (on_sent.clone(), notify.clone());
            spawn_local(async move {
                match invoke::<SendInvoicesNow>(&NoArgs {}).await {
                    Ok(list) => {
                        error.set(None);
                        notify.emit(t_count("tax-sent", list.len(), &[]));
                        on_sent.emit(list);
                    }
                    Err(err) => error.set(Some(err.message)),
                }
                sending.set(false);
            });
        })
    };
    let body = match &props.invoices {
        None => html! { <p class="muted">{ t("tax-loading") }</p> },
        Some(Err(message)) => html! { <ErrorBanner message={AttrValue::from(message.clone())} /> },
        Some(Ok(list)) if list.is_empty() => {
            html! { <p id="tax-all-signed" class="muted">{ t("tax-all-signed") }</p> }
        }
        Some(Ok(list)) => {
            let rows = list.iter().map(|row| {
                let kind = if row.credit_note_for.is_some() {
                    "cn"
                } else {
                    "inv"
                };
                let key = format!("{kind}-{}", row.number);
                html! {
                    <tr class="tax-invoice-row" {key} data-number={row.number.to_string()}>
                        <td class="tax-number">{ number_text(row) }</td>
                        <td class="tax-order">{ format!("#{}", row.order_number) }</td>
                        <td class="num">{ kes_text(row.total_minor) }</td>
                        <td class="tax-age"><TimeAgo at={row.sold_at} /></td>
                        <td class="tax-state">{ state_label(row.state) }</td>
                        <td class="tax-reason">{ row.reason.clone().unwrap_or_default() }</td>
                    </tr>
                }
            });
            html! {
                <table id="tax-unsigned" class="lines tax-unsigned">
                    <thead>
                        <tr>
                            <th class="left">{ t("tax-col-number") }</th>
                            <th class="left">{ t("tax-col-order") }</th>
                            <th class="num">{ t("tax-col-amount") }</th>
                            <th class="left">{ t("tax-col-age") }</th>
                            <th class="left">{ t("tax-col-state") }</th>
                            <th class="left">{ t("tax-col-reason") }</th>
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            }
        }
    };
    html! {
        <div class="tax-unsigned-list">
            <h3 id="tax-unsigned-title">{ t("tax-unsigned-title") }</h3>
            <ErrorBanner message={(*error).clone().map(AttrValue::from)} />
            { body }
            <div class="actions">
                <button type="button" id="tax-send-now" class="secondary" disabled={*sending}
                    aria-busy={if *sending { "true" } else { "false" }} onclick={on_send}>
                    { if *sending { t("tax-sending") } else { t("tax-send-now") } }
                </button>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests;
