//! Settings -> WhatsApp: the link's health (connected, reconnecting with the
//! next try, logged out, replaced by another client, banned until, the last
//! customer message, warnings before WhatsApp's 14-day idle logout), "Link
//! WhatsApp" (opens the pairing window) and "Unlink…" (opens the Disconnect
//! window, which explains and asks first).
//!
//! The status is polled every [`POLL_MS`] while the card is shown.

use crate::components::banner::ErrorBanner;
use crate::components::timestamp::{now, short_text};
use crate::i18n::{t, t_args, t_count};
use crate::ipc::{invoke, open_window};
use chrono::{DateTime, Utc};
use dukadesk_domain::ipc::{
    GetWhatsAppStatus, NoArgs, OpenDisconnectWindow, OpenPairingWindow, SetPdfReceipts,
    SetWhatsAppPdfReceipts, WhatsAppLinkState, WhatsAppStatus,
};
use gloo_timers::callback::Interval;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// How often the card reloads the status, in milliseconds.
pub const POLL_MS: u32 = 3_000;

/// The state chip (class, label) and the sentence under it; `at` formats a
/// time.
pub fn describe(
    status: &WhatsAppStatus,
    now: DateTime<Utc>,
    at: impl Fn(DateTime<Utc>) -> String,
) -> (&'static str, String, String) {
    match &status.state {
        WhatsAppLinkState::NotLinked => (
            "muted",
            t("whatsapp-not-linked"),
            t("whatsapp-not-linked-detail"),
        ),
        WhatsAppLinkState::Linking => ("busy", t("whatsapp-linking"), t("whatsapp-linking-detail")),
        WhatsAppLinkState::Connected { since } => (
            "ok",
            t("whatsapp-connected"),
            t_args("whatsapp-connected-detail", &[("time", &at(*since))]),
        ),
        WhatsAppLinkState::Reconnecting {
            next_try_at,
            attempt,
        } => {
            let secs = (*next_try_at - now).num_seconds();
            let attempt = attempt.to_string();
            let detail = if secs <= 0 {
                t_args("whatsapp-reconnecting-now", &[("number", &attempt)])
            } else {
                t_count("whatsapp-reconnecting-in", secs, &[("number", &attempt)])
            };
            ("warn", t("whatsapp-reconnecting"), detail)
        }
        WhatsAppLinkState::LoggedOut => (
            "bad",
            t("whatsapp-logged-out"),
            t("whatsapp-logged-out-detail"),
        ),
        WhatsAppLinkState::Replaced => {
            ("bad", t("whatsapp-replaced"), t("whatsapp-replaced-detail"))
        }
        WhatsAppLinkState::Banned { until, reason } => (
            "bad",
            t("whatsapp-banned"),
            t_args(
                "whatsapp-banned-detail",
                &[("time", &at(*until)), ("reason", reason)],
            ),
        ),
    }
}

/// Whether "Link WhatsApp" is offered (not while linked or linking).
pub fn can_link(state: &WhatsAppLinkState) -> bool {
    !matches!(
        state,
        WhatsAppLinkState::Connected { .. }
            | WhatsAppLinkState::Reconnecting { .. }
            | WhatsAppLinkState::Banned { .. }
    )
}

/// The link's status, asked for at once and then every `every_ms` while
/// the component shows (the card, the pairing window). A failed ask is put
/// in `error`; with `answer_clears_error`, an answer takes it away again.
#[hook]
pub fn use_whatsapp_status(
    every_ms: u32,
    error: UseStateHandle<Option<String>>,
    answer_clears_error: bool,
) -> UseStateHandle<Option<WhatsAppStatus>> {
    let status = use_state(|| None::<WhatsAppStatus>);
    {
        let status = status.clone();
        use_effect_with((), move |_| {
            let load = move || {
                let (status, error) = (status.clone(), error.clone());
                spawn_local(async move {
                    match invoke::<GetWhatsAppStatus>(&NoArgs {}).await {
                        Ok(s) => {
                            status.set(Some(s));
                            if answer_clears_error {
                                error.set(None);
                            }
                        }
                        Err(e) => error.set(Some(e.message)),
                    }
                });
            };
            load();
            let interval = Interval::new(every_ms, load);
            move || drop(interval)
        });
    }
    status
}

/// The WhatsApp card.
#[function_component]
pub fn WhatsAppCard() -> Html {
    let error = use_state(|| None::<String>);
    let status = use_whatsapp_status(POLL_MS, error.clone(), true);
    let open = open_window::<OpenPairingWindow>(error.clone());
    // Unlinking happens in the Disconnect window, which says what it does
    // and asks first.
    let unlink = open_window::<OpenDisconnectWindow>(error.clone());
    let toggle_pdf = {
        let (status, error) = (status.clone(), error.clone());
        Callback::from(move |_| {
            let on = !status.as_ref().is_some_and(|s| s.pdf_receipts);
            let (status, error) = (status.clone(), error.clone());
            spawn_local(async move {
                match invoke::<SetWhatsAppPdfReceipts>(&SetPdfReceipts { on }).await {
                    Ok(s) => status.set(Some(s)),
                    Err(e) => error.set(Some(e.message)),
                }
            });
        })
    };
    let body = match &*status {
        None => html! { <p class="muted">{ t("whatsapp-loading") }</p> },
        Some(s) => {
            let (class, label, sentence) = describe(s, now().unwrap_or_default(), short_text);
            let linked = !can_link(&s.state) || s.phone.is_some();
            html! {
                <>
                    <p id="whatsapp-state" class="sync-state">
                        <span class={classes!("sync-chip", class)}>{ label }</span>
                    </p>
                    <p id="whatsapp-detail">{ sentence }</p>
                    if let Some(phone) = &s.phone {
                        <dl class="facts">
                            <dt>{ t("whatsapp-number") }</dt><dd id="whatsapp-phone">{ phone.clone() }</dd>
                            if !s.business_name.is_empty() {
                                <dt>{ t("whatsapp-business") }</dt><dd id="whatsapp-business">{ s.business_name.clone() }</dd>
                            }
                            <dt>{ t("whatsapp-last-message") }</dt>
                            <dd id="whatsapp-last">{ s.last_message_at.map(short_text).unwrap_or_else(|| t("whatsapp-none-yet")) }</dd>
                        </dl>
                    }
                    { for s.warnings.iter().map(|w| html! { <div class="banner warn" role="status">{ w.clone() }</div> }) }
                    <div class="actions">
                        if can_link(&s.state) {
                            <button type="button" id="whatsapp-link" class="primary" onclick={open}>
                                { if matches!(s.state, WhatsAppLinkState::NotLinked) { t("whatsapp-link") } else { t("whatsapp-link-again") } }
                            </button>
                        }
                        if linked {
                            <button type="button" id="whatsapp-unlink" class="secondary danger" onclick={unlink}>
                                { t("whatsapp-unlink") }
                            </button>
                        }
                    </div>
                    <label class="check">
                        <input type="checkbox" id="whatsapp-pdf-receipts" checked={s.pdf_receipts} onchange={toggle_pdf} />
                        { format!(" {}", t("whatsapp-pdf-receipts")) }
                    </label>
                    <p class="hint">{ t("whatsapp-safety") }</p>
                </>
            }
        }
    };
    html! {
        <section id="whatsapp-settings" class="card" aria-labelledby="whatsapp-title">
            <h2 id="whatsapp-title">{ t("settings-section-whatsapp") }</h2>
            <ErrorBanner message={(*error).clone().map(AttrValue::from)} />
            { body }
        </section>
    }
}

#[cfg(test)]
mod tests;
