//! The pairing window (its own native window, `index.html?window=pairing`):
//! link the shop's WhatsApp by scanning QR codes that refresh as they
//! rotate, or by typing an 8-character code on the phone. It polls the
//! link's status every second, so the countdown, new codes and success show
//! at once; "Get a new code" once the codes run out.

use crate::components::banner::ErrorBanner;
use crate::components::qr::QrSvg;
use crate::components::whatsapp_card::use_whatsapp_status;
use crate::i18n::{t, t_args};
use crate::ipc::invoke;
use dukadesk_domain::ipc::{
    CancelWhatsAppLink, LinkWhatsApp, LinkWhatsAppCmd, NoArgs, PairingView,
};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// How often the window reloads the status, in milliseconds.
pub const POLL_MS: u32 = 1_000;

/// `0:59` for a countdown.
pub fn countdown(seconds: u32) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// The steps on the phone, for each way of linking (message ids).
pub const QR_STEPS: [&str; 3] = [
    "pairing-step-open",
    "pairing-qr-step-go",
    "pairing-qr-step-point",
];
/// The steps for the code typed on the phone (message ids).
pub const CODE_STEPS: [&str; 3] = [
    "pairing-step-open",
    "pairing-code-step-go",
    "pairing-code-step-type",
];

fn steps(list: &[&str]) -> Html {
    html! {
        <ol class="pairing-steps">
            { for list.iter().map(|s| html! { <li>{ t(s) }</li> }) }
        </ol>
    }
}

/// The pairing window's whole page.
#[function_component]
pub fn PairingWindow() -> Html {
    let error = use_state(|| None::<String>);
    // A linking error stays until the next try: answers do not clear it.
    let status = use_whatsapp_status(POLL_MS, error.clone(), false);
    let phone = use_state(String::new);
    let busy = use_state(|| false);
    let start = {
        let (status, error, busy) = (status.clone(), error.clone(), busy.clone());
        Callback::from(move |req: LinkWhatsApp| {
            if *busy {
                return;
            }
            busy.set(true);
            let (status, error, busy) = (status.clone(), error.clone(), busy.clone());
            spawn_local(async move {
                // A round still open (codes ran out, a failure) is closed first.
                let _ = invoke::<CancelWhatsAppLink>(&NoArgs {}).await;
                match invoke::<LinkWhatsAppCmd>(&req).await {
                    Ok(s) => {
                        error.set(None);
                        status.set(Some(s));
                    }
                    Err(e) => error.set(Some(e.message)),
                }
                busy.set(false);
            });
        })
    };
    let qr = {
        let start = start.clone();
        Callback::from(move |_| start.emit(LinkWhatsApp::Qr))
    };
    let oninput = {
        let phone = phone.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            phone.set(input.value());
        })
    };
    let by_phone = {
        let (start, phone) = (start.clone(), phone.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            start.emit(LinkWhatsApp::PhoneNumber {
                phone: (*phone).clone(),
            });
        })
    };
    let phone_form = html! {
        <form id="pairing-phone-form" class="form" onsubmit={by_phone}>
            <div class="field">
                <label for="pairing-phone">{ t("pairing-phone-label") }</label>
                <input id="pairing-phone" type="tel" autocomplete="off" placeholder="0712 345 678"
                    value={(*phone).clone()} {oninput} />
            </div>
            <button type="submit" id="pairing-phone-start" class="secondary" disabled={*busy || phone.trim().is_empty()}>
                { t("pairing-phone-start") }
            </button>
        </form>
    };
    let choose = html! {
        <div class="pairing-choose">
            <button type="button" id="pairing-qr-start" class="primary" onclick={qr.clone()} disabled={*busy}>
                { t("pairing-qr-start") }
            </button>
            { phone_form.clone() }
        </div>
    };
    let body = match status.as_ref().map(|s| &s.pairing) {
        None => html! { <p class="muted">{ t("pairing-loading") }</p> },
        Some(PairingView::Idle) => html! {
            <>
                <p>{ t("pairing-intro") }</p>
                { choose }
            </>
        },
        Some(PairingView::Starting) => html! {
            <p id="pairing-starting" class="muted" aria-busy="true">{ t("pairing-starting") }</p>
        },
        Some(PairingView::Qr { code, seconds_left }) => html! {
            <>
                { steps(&QR_STEPS) }
                <div class="pairing-qr-frame">
                    <QrSvg text={AttrValue::from(code.clone())} label={AttrValue::from(t("pairing-qr-label"))} />
                </div>
                <p id="pairing-countdown" class="muted">
                    { t_args("pairing-qr-countdown", &[("time", &countdown(*seconds_left))]) }
                </p>
            </>
        },
        Some(PairingView::QrExhausted) => html! {
            <>
                <p id="pairing-exhausted">{ t("pairing-exhausted") }</p>
                <div class="pairing-choose">
                    <button type="button" id="pairing-new-code" class="primary" onclick={qr} disabled={*busy}>
                        { t("pairing-new-code") }
                    </button>
                    { phone_form }
                </div>
            </>
        },
        Some(PairingView::PhoneCode { code, seconds_left }) => html! {
            <>
                { steps(&CODE_STEPS) }
                <p id="pairing-code" class="pairing-code" aria-label={t("pairing-code-label")}>{ code.clone() }</p>
                <p id="pairing-countdown" class="muted">
                    { t_args("pairing-code-countdown", &[("time", &countdown(*seconds_left))]) }
                </p>
            </>
        },
        Some(PairingView::Failed { message }) => html! {
            <>
                <div id="pairing-failed" class="banner error" role="alert">{ message.clone() }</div>
                { choose }
            </>
        },
        Some(PairingView::Linked {
            phone,
            business_name,
        }) => html! {
            <div id="pairing-linked" class="pairing-linked">
                <p class="pairing-tick" aria-hidden="true">{ "✓" }</p>
                <p>{ t("pairing-linked-to") }{ " " }<strong id="pairing-linked-phone">{ phone.clone() }</strong></p>
                if !business_name.is_empty() {
                    <p id="pairing-linked-business">{ business_name.clone() }</p>
                }
                <p class="muted">{ t("pairing-linked-hint") }</p>
            </div>
        },
    };
    html! {
        <main class="pairing-window">
            <h1>{ t("pairing-title") }</h1>
            <ErrorBanner message={(*error).clone().map(AttrValue::from)} />
            { body }
        </main>
    }
}

#[cfg(test)]
mod tests;
