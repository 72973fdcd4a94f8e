//! Settings → Privacy: how long orders and chats are kept, when the
//! retention job last ran, the audit log of privacy actions, and the
//! buttons that open the Export and Disconnect windows.

use crate::components::banner::ErrorBanner;
use crate::components::field::{field_error, input_text, FormErrors};
use crate::components::timestamp::short_text;
use crate::i18n::{t, t_args, t_count};
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
                        notify.emit(t_count("privacy-saved", v.order_years, &[]));
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
        None => html! { <p class="muted">{ t("privacy-loading") }</p> },
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
                        <label for="order-years">{ t("privacy-years-label") }</label>
                        <div class="row">
                            <input id="order-years" type="text" class="short" inputmode="numeric" value={(*years).clone()}
                                oninput={on_years} aria-invalid={errors.invalid("order_years")} />
                            <span>{ t("privacy-years-unit") }</span>
                            <button id="retention-save" type="submit">{ t("privacy-save") }</button>
                        </div>
                        { field_error(&errors, "order_years") }
                    </form>
                    <p class="muted">
                        { t_count("privacy-chats-kept", v.chat_months, &[]) }
                        { v.last_retention_run.map(|at| format!(" {}", t_args("privacy-last-checked", &[("time", &short_text(at))]))).unwrap_or_default() }
                    </p>
                    <h3>{ t("privacy-audit-title") }</h3>
                    if v.audit.is_empty() {
                        <p class="muted">{ t("privacy-audit-empty") }</p>
                    } else {
                        <ul id="audit-log" class="audit-log">{ for rows }</ul>
                        if more {
                            <button type="button" class="ghost" onclick={on_more}>
                                { t_count("privacy-show-all", v.audit.len(), &[]) }
                            </button>
                        }
                    }
                </>
            }
        }
    };
    html! {
        <section id="privacy-settings" class="card" aria-labelledby="privacy-title">
            <h2 id="privacy-title">{ t("privacy-title") }</h2>
            <ErrorBanner message={(*load_error).clone().map(AttrValue::from)} />
            <p class="hint">{ t("privacy-hint") }</p>
            <div class="actions">
                <button type="button" id="privacy-export" class="secondary" onclick={on_export}>{ t("privacy-export") }</button>
                <button type="button" id="privacy-disconnect" class="secondary" onclick={on_disconnect}>{ t("privacy-disconnect") }</button>
            </div>
            { body }
        </section>
    }
}
