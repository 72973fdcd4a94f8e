//! Settings → Privacy: how long orders and chats are kept, when the
//! retention job last ran, the audit log of privacy actions, and the
//! buttons that open the Export and Disconnect windows.

use crate::components::banner::ErrorBanner;
use crate::components::field::{field_error, input_text, FormErrors};
use crate::components::timestamp::short_text;
use crate::ipc::{invoke, open_window};
use dukadesk_domain::ipc::{
    GetPrivacy, NoArgs, OpenDisconnectWindow, OpenExportWindow, PrivacyView, RetentionInput,
    SetOrderRetention,
};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// Props of [`PrivacyCard`].
#[derive(Properties, PartialEq)]
pub struct PrivacyCardProps {
    /// Shows a success toast.
    pub notify: Callback<String>,
}

/// Audit lines shown before "Show all".
const SHORT_LOG: usize = 8;

/// The Privacy card.
#[function_component]
pub fn PrivacyCard(props: &PrivacyCardProps) -> Html {
    let view = use_state(|| None::<PrivacyView>);
    let years = use_state(String::new);
    let errors = use_state(FormErrors::default);
    let load_error = use_state(|| None::<String>);
    let show_all = use_state(|| false);

    {
        let (view, years, load_error) = (view.clone(), years.clone(), load_error.clone());
        use_effect_with((), move |_| {
            spawn_local(async move {
                match invoke::<GetPrivacy>(&NoArgs {}).await {
                    Ok(v) => {
                        years.set(v.order_years.to_string());
                        view.set(Some(v));
                    }
                    Err(e) => load_error.set(Some(e.message)),
                }
            });
        });
    }
    let on_years = {
        let (years, errors) = (years.clone(), errors.clone());
        Callback::from(move |e: InputEvent| {
            years.set(input_text(&e));
            errors.set(FormErrors::default());
        })
    };
    let on_save = {
        let (view, years, errors, notify) = (
            view.clone(),
            years.clone(),
            errors.clone(),
            props.notify.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let req = RetentionInput {
                order_years: (*years).clone(),
            };
            let (view, errors, notify) = (view.clone(), errors.clone(), notify.clone());
            spawn_local(async move {
                match invoke::<SetOrderRetention>(&req).await {
                    Ok(v) => {
                        notify.emit(format!("Orders are kept {} years.", v.order_years));
                        view.set(Some(v));
                    }
                    Err(e) => errors.set(FormErrors::from_ipc(e, &["order_years"])),
                }
            });
        })
    };
    let on_export = open_window::<OpenExportWindow>(load_error.clone());
    let on_disconnect = open_window::<OpenDisconnectWindow>(load_error.clone());
    let body = match &*view {
        None => html! { <p class="muted">{ "Loading…" }</p> },
        Some(v) => {
            let lines: Vec<_> = if *show_all {
                v.audit.iter().collect()
            } else {
                v.audit.iter().take(SHORT_LOG).collect()
            };
            let rows = lines.into_iter().map(|l| {
                html! {
                    <li class="audit-line">
                        <span class="audit-when">{ short_text(l.at) }</span>
                        <span class="audit-what">{ l.action.clone() }</span>
                        <span class="audit-who">{ l.actor.clone() }</span>
                        <span class="audit-detail muted">{ l.detail.clone() }</span>
                    </li>
                }
            });
            let more = v.audit.len() > SHORT_LOG && !*show_all;
            let on_more = {
                let show_all = show_all.clone();
                Callback::from(move |_: MouseEvent| show_all.set(true))
            };
            html! {
                <>
                    <form id="retention-form" class="inline-form" onsubmit={on_save}>
                        <label for="order-years">{ "Keep orders and M-Pesa receipts for" }</label>
                        <div class="row">
                            <input id="order-years" type="text" class="short" inputmode="numeric" value={(*years).clone()}
                                oninput={on_years} aria-invalid={errors.invalid("order_years")} />
                            <span>{ "years" }</span>
                            <button id="retention-save" type="submit">{ "Save" }</button>
                        </div>
                        { field_error(&errors, "order_years") }
                    </form>
                    <p class="muted">
                        { format!("Chats are removed {} months after their last message. Customers who write DELETE ME are erased once the bot has answered.", v.chat_months) }
                        { v.last_retention_run.map(|t| format!(" Last checked {}.", short_text(t))).unwrap_or_default() }
                    </p>
                    <h3>{ "Audit log" }</h3>
                    if v.audit.is_empty() {
                        <p class="muted">{ "No privacy actions yet." }</p>
                    } else {
                        <ul id="audit-log" class="audit-log">{ for rows }</ul>
                        if more {
                            <button type="button" class="ghost" onclick={on_more}>
                                { format!("Show all {}", v.audit.len()) }
                            </button>
                        }
                    }
                </>
            }
        }
    };
    html! {
        <section id="privacy-settings" class="card" aria-labelledby="privacy-title">
            <h2 id="privacy-title">{ "Privacy" }</h2>
            <ErrorBanner message={(*load_error).clone().map(AttrValue::from)} />
            <p class="hint">{ "Export the whole shop as a ZIP of spreadsheets, or everything kept about one customer when they ask for their data. Disconnect unlinks WhatsApp or stops syncing with other tills. Each is noted in the audit log." }</p>
            <div class="actions">
                <button type="button" id="privacy-export" class="secondary" onclick={on_export}>{ "Export data…" }</button>
                <button type="button" id="privacy-disconnect" class="secondary" onclick={on_disconnect}>{ "Disconnect…" }</button>
            </div>
            { body }
        </section>
    }
}
