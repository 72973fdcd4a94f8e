//! The test chat: the merchant plays a customer against their own bot, in a
//! phone-shaped panel that looks like WhatsApp, with simulated M-Pesa and no
//! real money. Beside it: the test customer's phone, what the simulated
//! M-Pesa prompt does, whether the simulated airtime provider delivers or
//! fails (`#test-airtime`), and a button to start over. The chat is reloaded
//! every second so bot replies that come later (payment outcomes) appear.
//!
//! Keys: Enter in `#test-chat-input` sends; `r` (when no text field has the
//! focus) goes back to it and Escape leaves it.

use crate::components::banner::ErrorBanner;
use crate::components::field::{field_error, input_text, select_value, FormErrors};
use crate::components::keyboard::{
    blur, focus, handled_elsewhere, is_from, is_typing, use_keydown,
};
use crate::components::message_list::{MessageList, Perspective};
use crate::i18n::t;
use crate::ipc::invoke;
use dukadesk_domain::ipc::{
    GetTestChat, NoArgs, ResetTestChat, SetTestAirtime, SetTestAirtimeCmd, SetTestPayment,
    SimulatedPayment, TestChatSendCmd,
};
use dukadesk_domain::Country;
use gloo_timers::callback::Interval;
use state::{
    airtime_from_value, airtime_value, payment_from_value, payment_value, TestChatAction,
    TestChatState, AIRTIME_CHOICES, PAYMENT_CHOICES, QUICK_REPLIES,
};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

mod state;

/// How often the chat is reloaded, in milliseconds.
const POLL_MS: u32 = 1_000;

type Dispatch = UseReducerDispatcher<TestChatState>;

/// Loads the chat now and on every tick, and ticks.
#[hook]
fn use_test_chat_loading(state: &UseReducerHandle<TestChatState>) {
    let dispatch = state.dispatcher();
    {
        let dispatch = dispatch.clone();
        let (epoch, busy) = (state.epoch, state.busy);
        use_effect_with(state.tick, move |_| {
            // While a change is in flight its answer brings the chat.
            if !busy {
                spawn_local(async move {
                    dispatch.dispatch(match invoke::<GetTestChat>(&NoArgs {}).await {
                        Ok(view) => TestChatAction::Loaded(epoch, view),
                        Err(e) => TestChatAction::LoadFailed(e.message),
                    });
                });
            }
        });
    }
    use_effect_with((), move |_| {
        let timer = Interval::new(POLL_MS, move || dispatch.dispatch(TestChatAction::Tick));
        move || drop(timer)
    });
}

/// Sends `text` as the test customer; `typed` when it came from the box.
fn send(state: &TestChatState, dispatch: Dispatch, country: Country, text: &str, typed: bool) {
    let req = match state.message(text, country) {
        None => return,
        Some(Err(errors)) => {
            dispatch.dispatch(TestChatAction::Refused(errors));
            return;
        }
        Some(Ok(req)) => req,
    };
    let typed = typed.then(|| text.to_owned());
    dispatch.dispatch(TestChatAction::Started);
    spawn_local(async move {
        dispatch.dispatch(match invoke::<TestChatSendCmd>(&req).await {
            Ok(view) => TestChatAction::Sent { typed, view },
            Err(e) => TestChatAction::Refused(FormErrors::from_ipc(e, &["phone"])),
        });
    });
}

/// The page's key map: `r` focuses the message box, Escape leaves it.
fn handle_key(e: &KeyboardEvent, input: &NodeRef) {
    if handled_elsewhere(e) {
        return;
    }
    if is_from(e, input) {
        if e.key() == "Escape" {
            e.prevent_default();
            blur(input);
        }
        return;
    }
    if !is_typing(e) && e.key() == "r" {
        e.prevent_default();
        focus(input);
    }
}

/// What `#test-payment`'s option for `payment` says, after "When the bot
/// asks for M-Pesa, the customer…".
fn payment_label(payment: SimulatedPayment) -> String {
    match payment {
        SimulatedPayment::Succeed => t("test-chat-payment-pays"),
        SimulatedPayment::Fail => t("test-chat-payment-cancels"),
        SimulatedPayment::Timeout => t("test-chat-payment-never"),
    }
}

/// What `#test-airtime`'s option says.
fn airtime_label(fails: bool) -> String {
    t(if fails {
        "test-chat-airtime-fails"
    } else {
        "test-chat-airtime-delivered"
    })
}

/// Props of [`TestChatPage`].
#[derive(Properties, PartialEq)]
pub struct TestChatPageProps {
    /// The shop's name, in the phone's header.
    pub shop_name: AttrValue,
    /// The shop's country, for reading the test phone number.
    pub country: Country,
    /// Shows a success toast.
    pub notify: Callback<String>,
}

/// The test chat screen.
#[function_component]
pub fn TestChatPage(props: &TestChatPageProps) -> Html {
    let state = use_reducer(TestChatState::default);
    use_test_chat_loading(&state);
    let input = use_node_ref();
    let dispatch = state.dispatcher();
    {
        let first = input.clone();
        use_effect_with((), move |_| focus(&first));
        let input = input.clone();
        use_keydown(Callback::from(move |e: KeyboardEvent| {
            handle_key(&e, &input)
        }));
    }

    let onsubmit = {
        let (state, country) = (state.clone(), props.country);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            send(&state, state.dispatcher(), country, &state.input, true);
        })
    };
    let busy = state.busy;
    let chips = QUICK_REPLIES.iter().map(|text| {
        let (state, country) = (state.clone(), props.country);
        let onclick =
            Callback::from(move |_| send(&state, state.dispatcher(), country, text, false));
        html! {
            <button type="button" class="quick-reply" data-text={*text} disabled={busy} {onclick}>
                { *text }
            </button>
        }
    });
    let on_payment = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let Some(payment) = payment_from_value(&select_value(&e)) else {
                return;
            };
            if state.busy {
                return;
            }
            let dispatch = state.dispatcher();
            dispatch.dispatch(TestChatAction::Started);
            spawn_local(async move {
                dispatch.dispatch(match invoke::<SetTestPayment>(&payment).await {
                    Ok(view) => TestChatAction::Changed(view),
                    Err(e) => TestChatAction::Refused(FormErrors::from_ipc(e, &[])),
                });
            });
        })
    };
    let on_airtime = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let Some(fails) = airtime_from_value(&select_value(&e)) else {
                return;
            };
            if state.busy {
                return;
            }
            let dispatch = state.dispatcher();
            dispatch.dispatch(TestChatAction::Started);
            spawn_local(async move {
                dispatch.dispatch(
                    match invoke::<SetTestAirtimeCmd>(&SetTestAirtime { fails }).await {
                        Ok(view) => TestChatAction::Changed(view),
                        Err(e) => TestChatAction::Refused(FormErrors::from_ipc(e, &[])),
                    },
                );
            });
        })
    };
    let on_reset = {
        let (state, notify) = (state.clone(), props.notify.clone());
        Callback::from(move |_| {
            if state.busy {
                return;
            }
            let (dispatch, notify) = (state.dispatcher(), notify.clone());
            dispatch.dispatch(TestChatAction::Started);
            spawn_local(async move {
                match invoke::<ResetTestChat>(&NoArgs {}).await {
                    Ok(view) => {
                        notify.emit(t("test-chat-reset-done"));
                        dispatch.dispatch(TestChatAction::Changed(view));
                    }
                    Err(e) => {
                        dispatch.dispatch(TestChatAction::Refused(FormErrors::from_ipc(e, &[])))
                    }
                }
            });
        })
    };
    let on_input = dispatch
        .to_callback()
        .reform(|e: InputEvent| TestChatAction::Input(input_text(&e)));
    let on_phone = dispatch
        .to_callback()
        .reform(|e: InputEvent| TestChatAction::Phone(input_text(&e)));

    let payment = payment_value(state.payment());
    let airtime = airtime_value(state.airtime_fails());
    let initial = props
        .shop_name
        .chars()
        .next()
        .map(|c| c.to_uppercase().to_string())
        .unwrap_or_default();
    let banner = state.banner().map(|m| AttrValue::from(m.to_owned()));
    let on_delivery = state.view.as_ref().is_some_and(|v| v.on_delivery);

    html! {
        <div id="test-chat" class="test-chat-page">
            <header class="test-chat-intro">
                <h1>{ t("test-chat-title") }</h1>
                <p class="muted">{ if on_delivery { t("test-chat-intro-on-delivery") } else { t("test-chat-intro") } }</p>
            </header>
            <ErrorBanner message={banner} />
            <div class="test-chat-main">
                <section class="phone" aria-label={t("test-chat-phone-label")}>
                    <header class="phone-header">
                        <span class="phone-avatar" aria-hidden="true">{ initial }</span>
                        <span class="phone-title">
                            <strong id="test-chat-shop">{ props.shop_name.clone() }</strong>
                            <span>{ t("test-chat-subtitle") }</span>
                        </span>
                    </header>
                    <MessageList messages={state.messages().to_vec()} perspective={Perspective::Customer}
                        id="test-chat-messages"
                        empty_text={t("test-chat-empty")} />
                    <form class="phone-compose" onsubmit={onsubmit} novalidate=true>
                        <label for="test-chat-input" class="sr-only">{ t("test-chat-input-label") }</label>
                        <input id="test-chat-input" ref={input} type="text" autocomplete="off"
                            placeholder={t("test-chat-input-placeholder")} value={state.input.clone()} oninput={on_input} />
                        <button type="submit" id="test-chat-send" class="primary"
                            disabled={state.busy || state.input.trim().is_empty()}>
                            { t("test-chat-send") }
                        </button>
                    </form>
                    <div class="quick-replies" aria-label={t("test-chat-quick-replies")}>{ for chips }</div>
                </section>
                <aside class="card test-chat-controls" aria-label={t("test-chat-settings")}>
                    <div class="field">
                        <label for="test-chat-phone">{ t("test-chat-phone") }</label>
                        <input id="test-chat-phone" type="text" inputmode="tel" autocomplete="off"
                            value={state.phone().to_owned()} aria-invalid={state.errors.invalid("phone")}
                            oninput={on_phone} />
                        { field_error(&state.errors, "phone") }
                        <span class="hint">{ t("test-chat-phone-hint") }</span>
                    </div>
                    if on_delivery {
                        <p id="test-chat-on-delivery" class="hint">{ t("test-chat-on-delivery") }</p>
                    } else {
                    <div class="field">
                        <label for="test-payment">{ t("test-chat-payment") }</label>
                        <select id="test-payment" disabled={state.busy} onchange={on_payment}>
                            { for PAYMENT_CHOICES.iter().map(|(value, choice)| html! {
                                <option value={*value} selected={*value == payment}>{ payment_label(*choice) }</option>
                            }) }
                        </select>
                    </div>
                    }
                    <div class="field">
                        <label for="test-airtime">{ t("test-chat-airtime") }</label>
                        <select id="test-airtime" disabled={state.busy} onchange={on_airtime}>
                            { for AIRTIME_CHOICES.iter().map(|(value, fails)| html! {
                                <option value={*value} selected={*value == airtime}>{ airtime_label(*fails) }</option>
                            }) }
                        </select>
                        <span class="hint">{ t("test-chat-airtime-hint") }</span>
                    </div>
                    <div class="actions">
                        <button type="button" id="test-chat-reset" class="secondary" disabled={state.busy}
                            onclick={on_reset}>
                            { t("test-chat-start-over") }
                        </button>
                    </div>
                    <p class="hint">
                        <kbd>{ "Enter" }</kbd>{ " " }{ t("test-chat-keys-sends") }{ " " }
                        <kbd>{ "r" }</kbd>{ " " }{ t("test-chat-keys-back") }{ " " }
                        <kbd>{ "Esc" }</kbd>{ " " }{ t("test-chat-keys-leave") }
                    </p>
                </aside>
            </div>
        </div>
    }
}
