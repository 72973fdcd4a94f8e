//! The Disconnect window (its own native window, `index.html?window=disconnect`,
//! opened by the owner from Settings): one part per outside service this
//! computer is linked to (WhatsApp, the hosted backend, Facebook and
//! Instagram pages). Each says what disconnecting will do, asks to confirm,
//! and then shows what was done, including what could not be done (WhatsApp
//! or the server unreachable) and what the merchant should do about it.
//!
//! When the owner's confirmation has run out, the owner password is asked
//! for here and the action is sent again.

use crate::app::apply_theme;
use crate::components::banner::ErrorBanner;
use crate::components::owner_prompt::OwnerPrompt;
use crate::i18n::{t, t_args, t_count};
use crate::ipc::{answer_owner_prompt, invoke, set_owner_prompt};
use dukadesk_domain::ipc::{
    CloseWindow, DisconnectHosted, GetHostedStatus, GetTheme, GetWhatsAppStatus, HostedLeft,
    HostedStatus, NoArgs, UnlinkWhatsApp, WhatsAppLinkState, WhatsAppStatus, WhatsAppUnlinked,
};
use state::{DisconnectAction, DisconnectState, PartAction};
pub use state::{Outcome, Step};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

pub mod state;

type State = DisconnectState<WhatsAppStatus, HostedStatus>;
type Action = DisconnectAction<WhatsAppStatus, HostedStatus>;

/// Whether there is a WhatsApp link to undo (keys kept on this computer).
pub fn whatsapp_linked(status: &WhatsAppStatus) -> bool {
    status.phone.is_some()
        || !matches!(
            status.state,
            WhatsAppLinkState::NotLinked | WhatsAppLinkState::LoggedOut
        )
}

/// The line that says what is linked now.
pub fn whatsapp_now(status: &WhatsAppStatus) -> String {
    if !whatsapp_linked(status) {
        return t("disconnect-wa-not-linked");
    }
    match (&status.phone, status.business_name.as_str()) {
        (Some(phone), "") => t_args("disconnect-wa-linked", &[("number", phone)]),
        (Some(phone), business) => t_args(
            "disconnect-wa-linked-business",
            &[("number", phone), ("name", business)],
        ),
        (None, _) => t("disconnect-wa-linking"),
    }
}

/// What unlinking WhatsApp will do (message ids).
pub const WHATSAPP_EFFECTS: [&str; 4] = [
    "disconnect-wa-effect-logout",
    "disconnect-wa-effect-keys",
    "disconnect-wa-effect-bot",
    "disconnect-wa-effect-again",
];

/// What unlinking did.
pub fn unlinked_outcome(done: &WhatsAppUnlinked) -> Outcome {
    let mut warnings = Vec::new();
    if !done.whatsapp_told {
        warnings.push(t("disconnect-wa-offline"));
    }
    Outcome {
        done: t("disconnect-wa-done"),
        warnings,
    }
}

/// What leaving the hosted backend will do.
pub fn hosted_effects(status: &HostedStatus) -> Vec<String> {
    let mut effects = vec![
        t_args(
            "disconnect-hosted-effect-stop",
            &[("name", &status.shop_name), ("url", &status.host)],
        ),
        t("disconnect-hosted-effect-key"),
        t("disconnect-hosted-effect-data"),
    ];
    if status.pending_changes > 0 {
        effects.push(t_count(
            "disconnect-hosted-effect-pending",
            status.pending_changes,
            &[],
        ));
    }
    if status.bot_host.as_ref().is_some_and(|b| b.this_till) {
        effects.push(t("disconnect-hosted-effect-bot"));
    }
    effects
}

/// What leaving did.
pub fn left_outcome(left: &HostedLeft, shop: &str) -> Outcome {
    let mut warnings = Vec::new();
    if !left.server_told {
        warnings.push(t("disconnect-hosted-offline"));
    }
    if left.unsent_changes > 0 {
        warnings.push(t_count(
            "disconnect-hosted-unsent",
            left.unsent_changes,
            &[],
        ));
    }
    warnings.push(t("disconnect-hosted-revoke"));
    Outcome {
        done: t_args("disconnect-hosted-done", &[("name", shop)]),
        warnings,
    }
}

/// Props of [`Part`].
#[derive(Properties, PartialEq)]
struct PartProps {
    /// Element id prefix ("whatsapp", "hosted").
    id: AttrValue,
    title: AttrValue,
    /// The state now, in one line.
    now: AttrValue,
    /// Whether there is anything to disconnect.
    linked: bool,
    /// What disconnecting will do.
    effects: Vec<String>,
    /// The button's words ("Unlink WhatsApp…").
    action: AttrValue,
    /// The question before doing it.
    question: AttrValue,
    /// The confirming button's words.
    confirm: AttrValue,
    step: Step,
    error: Option<String>,
    on_start: Callback<()>,
    on_confirm: Callback<()>,
    on_cancel: Callback<()>,
}

/// One service: what it is linked to, what disconnecting does, the button,
/// the question, the result.
#[function_component]
fn Part(p: &PartProps) -> Html {
    let id = |suffix: &str| format!("{}-{suffix}", p.id);
    let click = |cb: &Callback<()>| {
        let cb = cb.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let body = match &p.step {
        Step::Done(outcome) => html! {
            <div id={id("result")} class="disconnect-result">
                <div class="banner ok" role="status">{ outcome.done.clone() }</div>
                { for outcome.warnings.iter().map(|w| html! {
                    <div class="banner warn" role="status">{ w.clone() }</div>
                }) }
            </div>
        },
        _ if !p.linked => Html::default(),
        step => html! {
            <>
                <ul id={id("effects")} class="disconnect-effects">
                    { for p.effects.iter().map(|e| html! { <li>{ e.clone() }</li> }) }
                </ul>
                <ErrorBanner message={p.error.clone().map(AttrValue::from)} />
                if matches!(step, Step::Confirm) {
                    <div id={id("confirm-box")} class="confirm" role="alertdialog"
                        aria-labelledby={id("question")}>
                        <p id={id("question")}><strong>{ p.question.clone() }</strong></p>
                        <div class="actions">
                            <button type="button" id={id("cancel")} class="secondary"
                                onclick={click(&p.on_cancel)}>{ t("disconnect-cancel") }</button>
                            <button type="button" id={id("confirm")} class="danger"
                                onclick={click(&p.on_confirm)}>{ p.confirm.clone() }</button>
                        </div>
                    </div>
                } else {
                    <div class="actions">
                        <button type="button" id={id("start")} class="danger-text"
                            disabled={matches!(step, Step::Working)}
                            aria-busy={if matches!(step, Step::Working) { "true" } else { "false" }}
                            onclick={click(&p.on_start)}>
                            { if matches!(step, Step::Working) { t("disconnect-working").into() } else { p.action.clone() } }
                        </button>
                    </div>
                }
            </>
        },
    };
    html! {
        <section id={id("part")} class="card disconnect-part" aria-labelledby={id("title")}>
            <h2 id={id("title")}>{ p.title.clone() }</h2>
            <p id={id("now")} class={classes!("disconnect-now", (!p.linked).then_some("muted"))}>{ p.now.clone() }</p>
            { body }
        </section>
    }
}

/// The Disconnect window.
#[function_component]
pub fn DisconnectWindow() -> Html {
    let state = use_reducer(State::default);
    let dispatch = state.dispatcher();
    let prompt = use_state(|| false);

    {
        let (dispatch, prompt) = (dispatch.clone(), prompt.clone());
        use_effect_with((), move |_| {
            set_owner_prompt(Callback::from(move |()| prompt.set(true)));
            spawn_local(async move {
                if let Ok(theme) = invoke::<GetTheme>(&NoArgs {}).await {
                    apply_theme(theme);
                }
                // Asked before any disconnect started.
                match invoke::<GetWhatsAppStatus>(&NoArgs {}).await {
                    Ok(status) => dispatch
                        .dispatch(Action::WhatsApp(PartAction::Loaded { changes: 0, status })),
                    Err(e) => dispatch.dispatch(Action::LoadFailed(e.message)),
                }
                match invoke::<GetHostedStatus>(&NoArgs {}).await {
                    Ok(status) => {
                        dispatch.dispatch(Action::Hosted(PartAction::Loaded { changes: 0, status }))
                    }
                    Err(e) => dispatch.dispatch(Action::LoadFailed(e.message)),
                }
            });
        });
    }

    let whatsapp_do = |make: fn() -> PartAction<WhatsAppStatus>| {
        dispatch
            .to_callback()
            .reform(move |()| Action::WhatsApp(make()))
    };
    let hosted_do = |make: fn() -> PartAction<HostedStatus>| {
        dispatch
            .to_callback()
            .reform(move |()| Action::Hosted(make()))
    };
    let on_unlink = {
        let dispatch = dispatch.clone();
        Callback::from(move |()| {
            dispatch.dispatch(Action::WhatsApp(PartAction::Confirmed));
            let dispatch = dispatch.clone();
            spawn_local(async move {
                let next = match invoke::<UnlinkWhatsApp>(&NoArgs {}).await {
                    Ok(done) => {
                        let outcome = unlinked_outcome(&done);
                        PartAction::Done(done.status, outcome)
                    }
                    Err(e) => PartAction::Failed(e.message),
                };
                dispatch.dispatch(Action::WhatsApp(next));
            });
        })
    };
    let on_leave = {
        let dispatch = dispatch.clone();
        let shop = state
            .hosted
            .status
            .as_ref()
            .map(|h| h.shop_name.clone())
            .unwrap_or_default();
        Callback::from(move |()| {
            dispatch.dispatch(Action::Hosted(PartAction::Confirmed));
            let (dispatch, shop) = (dispatch.clone(), shop.clone());
            spawn_local(async move {
                let next = match invoke::<DisconnectHosted>(&NoArgs {}).await {
                    Ok(left) => {
                        let outcome = left_outcome(&left, &shop);
                        PartAction::Done(left.status, outcome)
                    }
                    Err(e) => PartAction::Failed(e.message),
                };
                dispatch.dispatch(Action::Hosted(next));
            });
        })
    };
    let on_close = Callback::from(|_: MouseEvent| {
        spawn_local(async {
            let _ = invoke::<CloseWindow>(&NoArgs {}).await;
        });
    });

    let whatsapp_part = match &state.whatsapp.status {
        None => html! { <p class="muted">{ t("disconnect-loading") }</p> },
        Some(s) => html! {
            <Part id="whatsapp" title={t("disconnect-wa-title")}
                now={whatsapp_now(s)}
                linked={whatsapp_linked(s)}
                effects={WHATSAPP_EFFECTS.iter().map(|e| t(e)).collect::<Vec<_>>()}
                action={t("disconnect-wa-action")}
                question={t("disconnect-wa-question")}
                confirm={t("disconnect-wa-confirm")}
                step={state.whatsapp.step.clone()}
                error={state.whatsapp.error.clone()}
                on_start={whatsapp_do(|| PartAction::Start)}
                on_confirm={on_unlink}
                on_cancel={whatsapp_do(|| PartAction::Cancel)} />
        },
    };
    let hosted_part = match &state.hosted.status {
        None => html! { <p class="muted">{ t("disconnect-loading") }</p> },
        Some(s) => {
            let now = if s.connected {
                t_args(
                    "disconnect-hosted-connected",
                    &[("name", &s.shop_name), ("device", &s.till_label)],
                )
            } else {
                t("disconnect-hosted-alone")
            };
            html! {
                <Part id="hosted" title={t("disconnect-hosted-title")}
                    {now}
                    linked={s.connected}
                    effects={hosted_effects(s)}
                    action={t("disconnect-hosted-action")}
                    question={t("disconnect-hosted-question")}
                    confirm={t("disconnect-hosted-confirm")}
                    step={state.hosted.step.clone()}
                    error={state.hosted.error.clone()}
                    on_start={hosted_do(|| PartAction::Start)}
                    on_confirm={on_leave}
                    on_cancel={hosted_do(|| PartAction::Cancel)} />
            }
        }
    };
    let owner_prompt = if *prompt {
        let on_done = {
            let prompt = prompt.clone();
            Callback::from(move |confirmed: bool| {
                prompt.set(false);
                answer_owner_prompt(confirmed);
            })
        };
        // Only the owner opens this window, so the password exists.
        html! { <OwnerPrompt password_set={true} {on_done} /> }
    } else {
        Html::default()
    };

    html! {
        <div class="disconnect-window">
            <header class="disconnect-head">
                <h1>{ t("disconnect-title") }</h1>
                <p class="muted">{ t("disconnect-intro") }</p>
            </header>
            <ErrorBanner message={state.load_error.clone().map(AttrValue::from)} />
            { whatsapp_part }
            { hosted_part }
            <section id="meta-part" class="card disconnect-part" aria-labelledby="meta-title">
                <h2 id="meta-title">{ t("disconnect-meta-title") }</h2>
                <p id="meta-now" class="disconnect-now muted">
                    { t("disconnect-meta-now") }
                </p>
            </section>
            <div class="actions disconnect-actions">
                <button type="button" id="disconnect-close" class="primary" onclick={on_close}>{ t("disconnect-close") }</button>
            </div>
            { owner_prompt }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};
    use dukadesk_domain::ipc::{BotHostView, PairingView, SyncStateView};

    fn wa(state: WhatsAppLinkState, phone: Option<&str>, business: &str) -> WhatsAppStatus {
        WhatsAppStatus {
            state,
            phone: phone.map(str::to_owned),
            business_name: business.into(),
            last_message_at: None,
            warnings: vec![],
            pairing: PairingView::Idle,
            pdf_receipts: false,
        }
    }

    fn hosted(pending: i64, bot_here: bool) -> HostedStatus {
        HostedStatus {
            connected: true,
            shop_name: "Mama Njeri".into(),
            till_label: "Front counter".into(),
            till_digit: 1,
            host: "db.example.com".into(),
            state: SyncStateView::Online,
            pending_changes: pending,
            last_synced_at: None,
            refused: vec![],
            bot_host: Some(BotHostView {
                till_label: "Front counter".into(),
                expires_at: Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap(),
                this_till: bot_here,
            }),
            runs_bot_here: bot_here,
        }
    }

    #[test]
    fn whatsapp_says_what_is_linked() {
        let since = Utc.with_ymd_and_hms(2026, 11, 1, 8, 0, 0).unwrap();
        let linked = wa(
            WhatsAppLinkState::Connected { since },
            Some("0700 123 456"),
            "Mama Njeri Groceries",
        );
        assert!(whatsapp_linked(&linked));
        assert_eq!(
            whatsapp_now(&linked),
            "Linked to 0700 123 456 (Mama Njeri Groceries)."
        );
        let personal = wa(WhatsAppLinkState::Replaced, Some("0700 123 456"), "");
        assert_eq!(whatsapp_now(&personal), "Linked to 0700 123 456.");
        for state in [WhatsAppLinkState::NotLinked, WhatsAppLinkState::LoggedOut] {
            let none = wa(state, None, "");
            assert!(!whatsapp_linked(&none));
            assert!(whatsapp_now(&none).starts_with("Not linked"));
        }
    }

    #[test]
    fn an_offline_unlink_tells_the_merchant_to_finish_on_the_phone() {
        let status = wa(WhatsAppLinkState::NotLinked, None, "");
        let told = unlinked_outcome(&WhatsAppUnlinked {
            status: status.clone(),
            whatsapp_told: true,
        });
        assert!(told.warnings.is_empty());
        let offline = unlinked_outcome(&WhatsAppUnlinked {
            status,
            whatsapp_told: false,
        });
        assert_eq!(offline.warnings.len(), 1);
        assert!(offline.warnings[0].contains("Linked devices"));
    }

    #[test]
    fn leaving_lists_unsent_changes_and_the_bot() {
        let quiet = hosted_effects(&hosted(0, false));
        assert_eq!(quiet.len(), 3);
        assert!(quiet[0].contains("\"Mama Njeri\" on db.example.com"));
        let busy = hosted_effects(&hosted(3, true));
        assert_eq!(busy.len(), 5);
        assert!(busy.iter().any(|e| e.starts_with("3 changes")));
        assert!(busy
            .iter()
            .any(|e| e.contains("WhatsApp bot runs on this till")));
        assert!(hosted_effects(&hosted(1, false))
            .iter()
            .any(|e| e.starts_with("1 change made here has")));
    }

    #[test]
    fn the_result_says_what_could_not_be_done() {
        let mut status = hosted(0, false);
        status.connected = false;
        let clean = left_outcome(
            &HostedLeft {
                status: status.clone(),
                server_told: true,
                unsent_changes: 0,
            },
            "Mama Njeri",
        );
        assert!(clean.done.contains("left \"Mama Njeri\""));
        assert_eq!(clean.warnings.len(), 1, "only the revoke hint");
        let offline = left_outcome(
            &HostedLeft {
                status,
                server_told: false,
                unsent_changes: 2,
            },
            "Mama Njeri",
        );
        assert_eq!(offline.warnings.len(), 3);
        assert!(offline.warnings[0].contains("could not be reached"));
        assert!(offline.warnings[1].starts_with("2 changes"));
    }
}
