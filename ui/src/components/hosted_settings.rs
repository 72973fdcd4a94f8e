//! Hosted backend in settings: connect this till to the shop's server with
//! the enrolment string `dukadesk-server enrol-device` prints, then watch
//! sync (state, changes waiting, last sync, refused changes), choose whether
//! this till runs the WhatsApp bot, sync now, or disconnect (in the
//! Disconnect window).
//!
//! The status is polled every [`POLL_MS`] while the card is shown. The
//! enrolment string holds a one-time code: it is sent once and never
//! kept by the card after a connection.

use crate::components::banner::ErrorBanner;
use crate::components::field::{checkbox_checked, field_error, textarea_text, FormErrors};
use crate::components::hosted_feed::use_hosted_feed;
use crate::components::timestamp::{now, short_text, TimeAgo};
use crate::i18n::{t, t_args, t_count};
use crate::ipc::{invoke, open_window};
use chrono::{DateTime, Utc};
use dukadesk_domain::ipc::{
    BotHostView, ConnectHosted, ConnectHostedCmd, HostedStatus, IpcError, NoArgs,
    OpenDisconnectWindow, SetBotHost, SetBotHostCmd, SyncNow, SyncStateView,
};
use gloo_timers::callback::Interval;
use std::future::Future;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// How often the card reloads the status, in milliseconds.
pub const POLL_MS: u32 = 5_000;

/// The only field the connect form shows errors for.
const ENROLMENT_FIELDS: &[&str] = &["enrolment"];

/// Whether Connect can be pressed.
pub fn can_connect(text: &str, busy: bool) -> bool {
    !busy && !text.trim().is_empty()
}

/// The state chip: its class and its label.
pub fn chip(state: &SyncStateView) -> (&'static str, String) {
    match state {
        SyncStateView::Online => ("ok", t("hosted-online")),
        // Connected but the worker has not reported yet: it is logging in.
        SyncStateView::NotConnected | SyncStateView::Connecting => ("busy", t("hosted-connecting")),
        SyncStateView::Offline { .. } => ("warn", t("hosted-offline")),
        SyncStateView::NeedsAttention { .. } => ("bad", t("hosted-needs-attention")),
    }
}

/// `Up to date` or `3 changes waiting`.
pub fn waiting_text(pending: i64) -> String {
    match pending {
        i64::MIN..=0 => t("hosted-up-to-date"),
        n => t_count("hosted-changes-waiting", n, &[]),
    }
}

/// `next try in 12s` (`next try now` once due).
pub fn retry_text(retry_at: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let secs = (retry_at - now).num_seconds();
    if secs <= 0 {
        t("hosted-next-try-now")
    } else {
        t_count("hosted-next-try-in", secs, &[])
    }
}

/// Who runs the WhatsApp bot; `until` formats the lease's end.
pub fn bot_host_text(bot: Option<&BotHostView>, until: impl Fn(DateTime<Utc>) -> String) -> String {
    match bot {
        None => t("hosted-bot-no-till"),
        Some(b) if b.this_till => t_args("hosted-bot-this-till", &[("name", &b.till_label)]),
        Some(b) => t_args(
            "hosted-bot-other-till",
            &[("name", &b.till_label), ("time", &until(b.expires_at))],
        ),
    }
}

/// Props of [`HostedSettings`].
#[derive(Properties, PartialEq)]
pub struct HostedSettingsProps {
    /// Shows a success toast.
    pub notify: Callback<String>,
}

/// The "Sync with other tills" card (the hosted backend).
#[function_component]
pub fn HostedSettings(props: &HostedSettingsProps) -> Html {
    let (feed, show) = use_hosted_feed(POLL_MS);
    let body = match (&feed.value, &feed.error) {
        (None, None) => html! { <p class="muted">{ t("hosted-loading") }</p> },
        (None, Some(message)) => {
            html! { <ErrorBanner message={AttrValue::from(message.clone())} /> }
        }
        (Some(status), _) if !status.connected => html! {
            <ConnectForm on_status={show.clone()} notify={props.notify.clone()} />
        },
        (Some(status), error) => html! {
            <>
                <ErrorBanner message={error.clone().map(AttrValue::from)} />
                <ConnectedView status={(**status).clone()} on_status={show.clone()} />
            </>
        },
    };
    html! {
        <section id="hosted-settings" class="card hosted-settings" aria-labelledby="hosted-title">
            <h2 id="hosted-title">{ t("settings-section-sync") }</h2>
            { body }
        </section>
    }
}

/// Props of [`ConnectForm`].
#[derive(Properties, PartialEq)]
struct ConnectFormProps {
    on_status: Callback<HostedStatus>,
    notify: Callback<String>,
}

/// Not connected: the enrolment string and Connect.
#[function_component]
fn ConnectForm(props: &ConnectFormProps) -> Html {
    let text = use_state(String::new);
    let errors = use_state(FormErrors::default);
    let busy = use_state(|| false);

    let oninput = {
        let (text, errors) = (text.clone(), errors.clone());
        Callback::from(move |e: InputEvent| {
            text.set(textarea_text(&e));
            if errors.field("enrolment").is_some() {
                let mut next = (*errors).clone();
                next.clear_field("enrolment");
                errors.set(next);
            }
        })
    };
    let onsubmit = {
        let (text, errors, busy) = (text.clone(), errors.clone(), busy.clone());
        let (on_status, notify) = (props.on_status.clone(), props.notify.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if !can_connect(&text, *busy) {
                return;
            }
            busy.set(true);
            errors.set(FormErrors::default());
            let req = ConnectHosted {
                enrolment: (*text).clone(),
            };
            let (text, errors, busy, on_status, notify) = (
                text.clone(),
                errors.clone(),
                busy.clone(),
                on_status.clone(),
                notify.clone(),
            );
            spawn_local(async move {
                match invoke::<ConnectHostedCmd>(&req).await {
                    Ok(status) => {
                        text.set(String::new());
                        notify.emit(t_args(
                            "hosted-connected-to",
                            &[("name", &status.shop_name)],
                        ));
                        on_status.emit(status);
                    }
                    Err(err) => errors.set(FormErrors::from_ipc(err, ENROLMENT_FIELDS)),
                }
                busy.set(false);
            });
        })
    };

    html! {
        <form id="hosted-connect-form" class="form" {onsubmit} novalidate=true>
            <p class="hint">{ t("hosted-intro") }</p>
            <ErrorBanner message={errors.banner().map(|m| AttrValue::from(m.to_owned()))} />
            <div class="field">
                <label for="hosted-enrolment">{ t("hosted-enrolment") }</label>
                <textarea id="hosted-enrolment" class="enrolment" rows="4" spellcheck="false"
                    autocomplete="off" placeholder="DKS1.…"
                    value={(*text).clone()} aria-invalid={errors.invalid("enrolment")} {oninput} />
                { field_error(&errors, "enrolment") }
            </div>
            <div class="actions">
                <button type="submit" id="hosted-connect" class="primary"
                    disabled={!can_connect(&text, *busy)}
                    aria-busy={if *busy { "true" } else { "false" }}>
                    { if *busy { t("hosted-connect-busy") } else { t("hosted-connect") } }
                </button>
            </div>
        </form>
    }
}

/// Props of [`ConnectedView`].
#[derive(Properties, PartialEq)]
struct ConnectedViewProps {
    status: HostedStatus,
    on_status: Callback<HostedStatus>,
}

/// Which command a button of the connected view is waiting for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Busy {
    Idle,
    SyncNow,
    BotHost,
}

/// Runs one command of the connected view at a time: marks which button
/// waits, then shows the status it returns (or its error) and frees them.
#[derive(Clone)]
struct Runner {
    busy: UseStateHandle<Busy>,
    error: UseStateHandle<Option<String>>,
    on_status: Callback<HostedStatus>,
}

impl Runner {
    fn start(
        &self,
        which: Busy,
        command: impl Future<Output = Result<HostedStatus, IpcError>> + 'static,
    ) {
        if *self.busy != Busy::Idle {
            return;
        }
        self.busy.set(which);
        let Runner {
            busy,
            error,
            on_status,
        } = self.clone();
        spawn_local(async move {
            match command.await {
                Ok(status) => {
                    error.set(None);
                    on_status.emit(status);
                }
                Err(e) => error.set(Some(e.message)),
            }
            busy.set(Busy::Idle);
        });
    }
}

/// Connected: the shop, this till, the state, the bot and the buttons.
#[function_component]
fn ConnectedView(props: &ConnectedViewProps) -> Html {
    let status = &props.status;
    let busy = use_state(|| Busy::Idle);
    let error = use_state(|| None::<String>);

    let runner = Runner {
        busy: busy.clone(),
        error: error.clone(),
        on_status: props.on_status.clone(),
    };
    let on_sync = {
        let runner = runner.clone();
        Callback::from(move |_: MouseEvent| {
            runner.start(Busy::SyncNow, async { invoke::<SyncNow>(&NoArgs {}).await })
        })
    };
    let on_bot = {
        let runner = runner.clone();
        Callback::from(move |e: Event| {
            let wanted = checkbox_checked(&e);
            runner.start(Busy::BotHost, async move {
                invoke::<SetBotHostCmd>(&SetBotHost { wanted }).await
            })
        })
    };
    // Leaving happens in the Disconnect window, which says what it does and
    // asks first.
    let on_disconnect = open_window::<OpenDisconnectWindow>(error.clone());

    let idle = *busy == Busy::Idle;
    let bot = bot_host_text(status.bot_host.as_ref(), short_text);
    html! {
        <div id="hosted-connected" class="hosted-connected">
            <dl class="facts">
                <dt>{ t("hosted-shop") }</dt>
                <dd id="hosted-shop">{ status.shop_name.clone() }</dd>
                <dt>{ t("hosted-this-till") }</dt>
                <dd id="hosted-till">
                    { status.till_label.clone() }
                    <span class="muted">{ format!(" · {}", t_args("hosted-till-digit", &[("number", &status.till_digit.to_string())])) }</span>
                </dd>
                <dt>{ t("hosted-server") }</dt>
                <dd id="hosted-host" class="path">{ status.host.clone() }</dd>
                <dt>{ t("hosted-state") }</dt>
                <dd><StateLine state={status.state.clone()} pending={status.pending_changes} /></dd>
                <dt>{ t("hosted-waiting") }</dt>
                <dd id="hosted-pending">
                    { t_count("hosted-pending", status.pending_changes, &[]) }
                </dd>
                <dt>{ t("hosted-last-synced") }</dt>
                <dd id="hosted-last-synced">
                    { match status.last_synced_at {
                        Some(at) => html! { <TimeAgo {at} /> },
                        None => html! { <span class="muted">{ t("hosted-not-yet") }</span> },
                    } }
                </dd>
                <dt>{ t("hosted-bot") }</dt>
                <dd id="hosted-bot-host">{ t_args("hosted-bot-runs-on", &[("name", &bot)]) }</dd>
            </dl>
            if !status.refused.is_empty() {
                <div id="hosted-refused" class="refused">
                    <h3>{ t("hosted-refused") }</h3>
                    <ul>
                        { for status.refused.iter().map(|r| html! {
                            <li><span class="refused-what">{ r.what.clone() }</span>{ ": " }{ r.reason.clone() }</li>
                        }) }
                    </ul>
                </div>
            }
            <label class="check">
                <input type="checkbox" id="hosted-bot-here" checked={status.runs_bot_here}
                    disabled={!idle} onchange={on_bot} />
                { t("hosted-bot-here") }
            </label>
            <ErrorBanner message={(*error).clone().map(AttrValue::from)} />
            <div class="actions">
                <button type="button" id="hosted-sync-now" class="secondary" disabled={!idle}
                    aria-busy={if *busy == Busy::SyncNow { "true" } else { "false" }} onclick={on_sync}>
                    { if *busy == Busy::SyncNow { t("hosted-syncing") } else { t("hosted-sync-now") } }
                </button>
                <button type="button" id="hosted-disconnect" class="danger-text" disabled={!idle}
                    onclick={on_disconnect}>
                    { t("hosted-disconnect") }
                </button>
            </div>
        </div>
    }
}

/// Props of [`StateLine`].
#[derive(Properties, PartialEq)]
struct StateLineProps {
    state: SyncStateView,
    pending: i64,
}

/// The coloured chip and what it means.
#[function_component]
fn StateLine(props: &StateLineProps) -> Html {
    let (class, label) = chip(&props.state);
    let detail = match &props.state {
        SyncStateView::Online => html! { waiting_text(props.pending) },
        SyncStateView::NotConnected | SyncStateView::Connecting => {
            html! { t("hosted-logging-in") }
        }
        SyncStateView::Offline { error, retry_at } => html! {
            <>{ error.clone() }{ " " }<RetryIn at={*retry_at} /></>
        },
        SyncStateView::NeedsAttention { error } => html! { error.clone() },
    };
    html! {
        <div id="hosted-state" class="sync-state" data-state={class}>
            <span class={classes!("sync-chip", class)}>{ label }</span>
            <span class="sync-detail">{ detail }</span>
        </div>
    }
}

/// Props of [`RetryIn`].
#[derive(Properties, PartialEq)]
struct RetryInProps {
    at: DateTime<Utc>,
}

/// `next try in 12s`, counting down each second.
#[function_component]
fn RetryIn(props: &RetryInProps) -> Html {
    let tick = use_state(now);
    {
        let tick = tick.clone();
        use_effect_with((), move |_| {
            let timer = Interval::new(1_000, move || tick.set(now()));
            move || drop(timer)
        });
    }
    match *tick {
        Some(n) => {
            html! { <span class="muted">{ format!("({})", retry_text(props.at, n)) }</span> }
        }
        None => Html::default(),
    }
}

#[cfg(test)]
mod tests;
