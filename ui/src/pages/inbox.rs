//! The inbox: every customer chat, newest first, on the left; the open chat
//! on the right, where staff read it, take it over from the bot (or hand it
//! back) and reply. The list comes from the app-wide feed that also drives
//! the nav badge; the open chat is reloaded every 1.5 seconds, which also
//! marks it read. The key map is in [`handle_key`]:
//!
//! | key | does |
//! | --- | --- |
//! | ↑ ↓, `k` `j` | open the previous or next chat |
//! | `r` | focus the reply box |
//! | Enter / Shift+Enter (in the reply box) | send / new line |
//! | Escape (in the reply box) | leave it |
//!
//! Single-letter and arrow keys only act when no text field has the focus.

use crate::components::banner::ErrorBanner;
use crate::components::conversation_list::ConversationList;
use crate::components::conversation_pane::ConversationPane;
use crate::components::inbox_feed::InboxFeed;
use crate::components::keyboard::{
    blur, focus, handled_elsewhere, is_from, is_typing, use_keydown,
};
use crate::i18n::t;
use crate::ipc::invoke;
use dukadesk_domain::ipc::{
    ConversationRef, ErrorCode, GetConversation, SendStaffReply, SetTakeover, SetTakeoverCmd,
    StaffReply,
};
use gloo_timers::callback::Interval;
use state::{step_selection, InboxAction, InboxState};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

mod state;

/// How often the open chat is reloaded, in milliseconds.
const OPEN_CHAT_MS: u32 = 1_500;

type Dispatch = UseReducerDispatcher<InboxState>;

/// Loads the open chat when it changes and on every tick, and ticks.
#[hook]
fn use_open_chat(state: &UseReducerHandle<InboxState>) {
    let dispatch = state.dispatcher();
    {
        let dispatch = dispatch.clone();
        let (epoch, busy) = (state.epoch, state.busy);
        use_effect_with((state.selected, state.tick), move |(selected, _)| {
            // While a change is in flight its answer brings the chat.
            if let Some(id) = selected.filter(|_| !busy) {
                spawn_local(async move {
                    dispatch.dispatch(
                        match invoke::<GetConversation>(&ConversationRef { id }).await {
                            Ok(view) => InboxAction::Loaded(epoch, view),
                            Err(e) if e.code == ErrorCode::NotFound => InboxAction::Gone(id),
                            Err(e) => InboxAction::LoadFailed(e.message),
                        },
                    );
                });
            }
        });
    }
    use_effect_with((), move |_| {
        let timer = Interval::new(OPEN_CHAT_MS, move || dispatch.dispatch(InboxAction::Tick));
        move || drop(timer)
    });
}

/// What the key map can reach besides the state.
struct InboxKeys {
    dispatch: Dispatch,
    feed: InboxFeed,
    reply: NodeRef,
}

/// The inbox's whole key map.
fn handle_key(e: &KeyboardEvent, s: &InboxState, k: &InboxKeys) {
    if handled_elsewhere(e) {
        return;
    }
    let key = e.key();
    if is_from(e, &k.reply) {
        if key == "Escape" {
            e.prevent_default();
            blur(&k.reply);
        }
        return;
    }
    if is_typing(e) {
        return;
    }
    let step = |delta: isize| {
        e.prevent_default();
        if let Some(id) = step_selection(&k.feed.conversations(), s.selected, delta) {
            k.dispatch.dispatch(InboxAction::Select(id));
        }
    };
    match key.as_str() {
        "ArrowDown" | "j" => step(1),
        "ArrowUp" | "k" => step(-1),
        "r" if s.open.is_some() => {
            e.prevent_default();
            focus(&k.reply);
        }
        _ => {}
    }
}

/// Props of [`InboxPage`].
#[derive(Properties, PartialEq)]
pub struct InboxPageProps {
    /// The chats, from the app-wide feed.
    pub feed: InboxFeed,
    /// Reloads the feed now.
    pub reload: Callback<()>,
    /// Shows a success toast.
    pub notify: Callback<String>,
}

/// The inbox screen.
#[function_component]
pub fn InboxPage(props: &InboxPageProps) -> Html {
    let state = use_reducer(InboxState::default);
    use_open_chat(&state);
    let reply_ref = use_node_ref();
    let dispatch = state.dispatcher();

    {
        // Opening a chat marks it read, and a reply or a new message changes
        // its preview: refresh the list (and the badge) when the open chat
        // shows something new.
        let reload = props.reload.clone();
        let shown = state.open.as_ref().map(|v| {
            (
                v.summary.id,
                v.messages.last().map(|m| (m.id, m.status)),
                v.summary.taken_over_until,
            )
        });
        use_effect_with(shown, move |shown| {
            if shown.is_some() {
                reload.emit(());
            }
        });
    }

    let on_send = {
        let state = state.clone();
        Callback::from(move |_: ()| {
            let Some((id, text, draft)) = state.reply() else {
                return;
            };
            let dispatch = state.dispatcher();
            dispatch.dispatch(InboxAction::Started);
            spawn_local(async move {
                dispatch.dispatch(
                    match invoke::<SendStaffReply>(&StaffReply { id, text }).await {
                        Ok(view) => InboxAction::Changed {
                            sent: Some(draft),
                            view,
                        },
                        Err(e) => InboxAction::ActionFailed(e.message),
                    },
                );
            });
        })
    };
    let on_takeover = {
        let (state, notify) = (state.clone(), props.notify.clone());
        Callback::from(move |on: bool| {
            let Some(id) = state
                .open
                .as_ref()
                .filter(|_| !state.busy)
                .map(|v| v.summary.id)
            else {
                return;
            };
            let (dispatch, notify) = (state.dispatcher(), notify.clone());
            dispatch.dispatch(InboxAction::Started);
            spawn_local(async move {
                match invoke::<SetTakeoverCmd>(&SetTakeover { id, on }).await {
                    Ok(view) => {
                        notify.emit(if on {
                            t("inbox-bot-paused-toast")
                        } else {
                            t("inbox-bot-back-toast")
                        });
                        dispatch.dispatch(InboxAction::Changed { sent: None, view });
                    }
                    Err(e) => dispatch.dispatch(InboxAction::ActionFailed(e.message)),
                }
            });
        })
    };
    {
        let keys = InboxKeys {
            dispatch: dispatch.clone(),
            feed: props.feed.clone(),
            reply: reply_ref.clone(),
        };
        let state = state.clone();
        use_keydown(Callback::from(move |e: KeyboardEvent| {
            handle_key(&e, &state, &keys)
        }));
    }

    let on_draft = {
        let (dispatch, selected) = (dispatch.clone(), state.selected);
        Callback::from(move |text: String| {
            if let Some(id) = selected {
                dispatch.dispatch(InboxAction::Draft(id, text));
            }
        })
    };
    let error = state
        .error()
        .or(props.feed.error.as_deref())
        .map(|m| AttrValue::from(m.to_owned()));

    html! {
        <div id="inbox" class="inbox-page">
            <div class="inbox-main">
                <section class="pane conversations-pane" aria-label={t("inbox-chats")}>
                    <div class="toolbar">
                        <h1>{ t("inbox-title") }</h1>
                    </div>
                    <ErrorBanner message={error} />
                    <ConversationList
                        conversations={props.feed.conversations()}
                        selected={state.selected}
                        loaded={props.feed.loaded()}
                        on_select={dispatch.to_callback().reform(InboxAction::Select)}
                    />
                </section>
                <ConversationPane
                    view={state.open.clone()}
                    has_selection={state.selected.is_some()}
                    busy={state.busy}
                    draft={AttrValue::from(state.draft().to_owned())}
                    reply_ref={reply_ref}
                    {on_draft}
                    {on_send}
                    {on_takeover}
                />
            </div>
            <HintBar />
        </div>
    }
}

/// The shortcuts, always in sight.
#[function_component]
fn HintBar() -> Html {
    let hints = [
        ("↑↓ j k", t("inbox-hint-chats")),
        ("r", t("inbox-hint-reply")),
        ("Enter", t("inbox-hint-send")),
        ("Shift+Enter", t("inbox-hint-new-line")),
        ("Esc", t("inbox-hint-leave-reply")),
        ("Alt+1-8", t("inbox-hint-screens")),
    ];
    html! {
        <footer class="hint-bar" aria-label={t("inbox-hints")}>
            { for hints.into_iter().map(|(key, what)| html! {
                <span class="hint-item"><kbd>{ key }</kbd>{ what }</span>
            }) }
        </footer>
    }
}
