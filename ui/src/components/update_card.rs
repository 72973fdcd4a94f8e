//! Updates in settings: the running version, "Check for updates", what the
//! check found (up to date, a new version with its notes, offline, or what
//! went wrong in plain words), a progress bar while the new version
//! downloads, and "Restart to update" once its signature is checked. The
//! shell refuses the restart while a payment waits for its answer, and the
//! reason is shown here.

use crate::components::banner::ErrorBanner;
use crate::i18n::{t, t_args};
use crate::ipc::invoke;
use dukadesk_domain::ipc::{
    CheckForUpdate, Command, DownloadUpdate, GetUpdateStatus, InstallUpdate, NoArgs, UpdateOffer,
    UpdateState, UpdateStatus,
};
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// How often the card asks for progress while downloading, in milliseconds.
const POLL_MS: u32 = 250;

/// The progress line: "1.2 of 4.8 MB (25%)", or what arrived so far when
/// the server did not say the size.
pub fn progress_text(received: u64, total: Option<u64>) -> String {
    let mb = |b: u64| format!("{:.1}", b as f64 / 1_000_000.0);
    match total.filter(|t| *t > 0) {
        Some(total) => t_args(
            "update-progress",
            &[
                ("amount", &mb(received.min(total))),
                ("total", &mb(total)),
                ("number", &(received.min(total) * 100 / total).to_string()),
            ],
        ),
        None => t_args("update-progress-so-far", &[("amount", &mb(received))]),
    }
}

/// The one-line summary of a state.
pub fn headline(state: &UpdateState) -> String {
    match state {
        UpdateState::Idle => t("update-not-checked"),
        UpdateState::NotConfigured { message } => message.clone(),
        UpdateState::Checking => t("update-checking-headline"),
        UpdateState::UpToDate => t("update-up-to-date"),
        UpdateState::Offline { message } => message.clone(),
        UpdateState::Available { offer } => {
            t_args("update-available", &[("version", &offer.version)])
        }
        UpdateState::Downloading { offer, .. } => {
            t_args("update-downloading", &[("version", &offer.version)])
        }
        UpdateState::Ready { offer } => t_args("update-ready", &[("version", &offer.version)]),
        UpdateState::Failed { message, .. } => message.clone(),
    }
}

/// Whether the card must keep asking for progress.
pub fn is_downloading(status: &Option<UpdateStatus>) -> bool {
    matches!(
        status,
        Some(UpdateStatus {
            state: UpdateState::Downloading { .. },
            ..
        })
    )
}

fn notes(offer: &UpdateOffer) -> Html {
    let date = offer
        .date
        .map(|d| {
            t_args(
                "update-published",
                &[("time", &d.format("%-d %b %Y").to_string())],
            )
        })
        .unwrap_or_default();
    html! {
        <div class="update-notes">
            if !date.is_empty() { <p class="muted">{ date }</p> }
            if offer.notes.trim().is_empty() {
                <p class="muted">{ t("update-no-notes") }</p>
            } else {
                <p id="update-notes" class="notes">{ offer.notes.clone() }</p>
            }
        </div>
    }
}

/// A button's click: call command `C`, show the status it returns or its
/// error (such as the payment that holds the restart back).
fn action<C>(
    status: &UseStateHandle<Option<UpdateStatus>>,
    error: &UseStateHandle<Option<String>>,
    busy: &UseStateHandle<bool>,
) -> Callback<MouseEvent>
where
    C: Command<Req = NoArgs, Resp = UpdateStatus> + 'static,
{
    let (status, error, busy) = (status.clone(), error.clone(), busy.clone());
    Callback::from(move |_: MouseEvent| {
        if *busy {
            return;
        }
        busy.set(true);
        error.set(None);
        let (status, error, busy) = (status.clone(), error.clone(), busy.clone());
        spawn_local(async move {
            match invoke::<C>(&NoArgs {}).await {
                Ok(s) => status.set(Some(s)),
                Err(e) => error.set(Some(e.message)),
            }
            busy.set(false);
        });
    })
}

/// The Updates card.
#[function_component]
pub fn UpdateCard() -> Html {
    let status = use_state(|| None::<UpdateStatus>);
    let error = use_state(|| None::<String>);
    let busy = use_state(|| false);

    {
        let status = status.clone();
        use_effect_with((), move |_| {
            spawn_local(async move {
                if let Ok(s) = invoke::<GetUpdateStatus>(&NoArgs {}).await {
                    status.set(Some(s));
                }
            });
        });
    }
    // While downloading, ask for progress until the download ends.
    {
        let status = status.clone();
        let downloading = is_downloading(&status);
        use_effect_with(downloading, move |downloading| {
            if *downloading {
                spawn_local(async move {
                    loop {
                        TimeoutFuture::new(POLL_MS).await;
                        match invoke::<GetUpdateStatus>(&NoArgs {}).await {
                            Ok(s) => {
                                let done = !matches!(s.state, UpdateState::Downloading { .. });
                                status.set(Some(s));
                                if done {
                                    break;
                                }
                            }
                            Err(_) => break,
                        }
                    }
                });
            }
        });
    }

    let on_check = action::<CheckForUpdate>(&status, &error, &busy);
    let on_download = action::<DownloadUpdate>(&status, &error, &busy);
    let on_install = action::<InstallUpdate>(&status, &error, &busy);

    let body = match &*status {
        None => html! { <p class="muted">{ t("update-loading") }</p> },
        Some(s) => {
            let checking = matches!(s.state, UpdateState::Checking) || *busy;
            let can_check = !matches!(
                s.state,
                UpdateState::NotConfigured { .. }
                    | UpdateState::Downloading { .. }
                    | UpdateState::Ready { .. }
            );
            let result = match &s.state {
                UpdateState::Failed { .. } => html! {
                    <div id="update-result" class="banner error" role="alert">{ headline(&s.state) }</div>
                },
                UpdateState::UpToDate => html! {
                    <p id="update-result" class="update-ok">{ headline(&s.state) }</p>
                },
                UpdateState::Offline { .. } | UpdateState::NotConfigured { .. } => html! {
                    <p id="update-result" class="muted">{ headline(&s.state) }</p>
                },
                _ => html! { <p id="update-result">{ headline(&s.state) }</p> },
            };
            let extra = match &s.state {
                UpdateState::Available { offer } => html! {
                    <>
                        { notes(offer) }
                        <div class="actions">
                            <button type="button" id="update-download" disabled={*busy} onclick={on_download.clone()}>
                                { t_args("update-download", &[("version", &offer.version)]) }
                            </button>
                        </div>
                    </>
                },
                UpdateState::Downloading {
                    offer,
                    received,
                    total,
                } => html! {
                    <>
                        { notes(offer) }
                        <progress id="update-progress" class="update-progress"
                            max={total.unwrap_or(0).max(1).to_string()}
                            value={total.map(|_| received.to_string())}>
                        </progress>
                        <p class="muted">{ progress_text(*received, *total) }</p>
                    </>
                },
                UpdateState::Ready { offer } => html! {
                    <>
                        { notes(offer) }
                        <div class="actions">
                            <button type="button" id="update-install" disabled={*busy} onclick={on_install.clone()}>
                                { t("update-install") }
                            </button>
                        </div>
                    </>
                },
                UpdateState::Failed {
                    offer: Some(offer), ..
                } => html! {
                    <div class="actions">
                        <button type="button" id="update-download" class="secondary" disabled={*busy} onclick={on_download.clone()}>
                            { t_args("update-download-again", &[("version", &offer.version)]) }
                        </button>
                    </div>
                },
                _ => Html::default(),
            };
            html! {
                <>
                    <dl class="facts">
                        <dt>{ t("update-current") }</dt><dd id="update-current">{ s.current_version.clone() }</dd>
                    </dl>
                    { result }
                    { extra }
                    if can_check {
                        <div class="actions">
                            <button type="button" id="update-check" class="secondary" disabled={checking} onclick={on_check.clone()}>
                                { if checking { t("update-checking") } else { t("update-check") } }
                            </button>
                        </div>
                    }
                </>
            }
        }
    };
    html! {
        <section id="update-settings" class="card" aria-labelledby="updates-title">
            <h2 id="updates-title">{ t("update-title") }</h2>
            <ErrorBanner message={(*error).clone().map(AttrValue::from)} />
            { body }
        </section>
    }
}

#[cfg(test)]
mod tests;
