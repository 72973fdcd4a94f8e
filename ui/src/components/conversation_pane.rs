//! The inbox's right pane, `#conversation`: the open chat's header (title,
//! channel, newest order, and the takeover control: `#takeover` while the
//! bot answers, `#release` with "Amina took over · bot paused until HH:MM"
//! while staff do),
//! its messages, and the reply box `#staff-reply` with `#staff-send`.
//!
//! In the reply box Enter sends and Shift+Enter starts a new line; the key
//! is handled here, so the page's key map never sees it.

use crate::components::conversation_list::{
    bot_paused_until, channel_name, order_badge, takeover_text,
};
use crate::components::field::textarea_text;
use crate::components::message_list::{MessageList, Perspective};
use crate::components::timestamp::{clock_text, long_text, now};
use crate::i18n::t;
use dukadesk_domain::ipc::{ConversationSummary, ConversationView};
use yew::prelude::*;

/// Props of [`ConversationPane`].
#[derive(Properties, PartialEq)]
pub struct ConversationPaneProps {
    /// The open chat, once loaded.
    pub view: Option<ConversationView>,
    /// Whether a chat is selected at all.
    pub has_selection: bool,
    /// Whether a reply or takeover is in flight.
    pub busy: bool,
    /// The reply box's text.
    pub draft: AttrValue,
    /// The reply box, so the page can focus it.
    pub reply_ref: NodeRef,
    /// Called with the reply box's new text.
    pub on_draft: Callback<String>,
    /// Sends the reply.
    pub on_send: Callback<()>,
    /// Takes the chat over (`true`) or hands it back (`false`).
    pub on_takeover: Callback<bool>,
}

/// The pane.
#[function_component]
pub fn ConversationPane(props: &ConversationPaneProps) -> Html {
    let Some(view) = &props.view else {
        let text = if props.has_selection {
            t("inbox-loading-chat")
        } else {
            t("inbox-pick")
        };
        return html! { <section id="conversation" class="conversation empty">{ text }</section> };
    };
    let summary = &view.summary;
    html! {
        <section id="conversation" class="conversation" data-id={summary.id.to_string()}
            aria-labelledby="conversation-title">
            { header(summary, props) }
            <MessageList messages={view.messages.clone()} perspective={Perspective::Shop}
                id="conversation-messages" empty_text={t("inbox-no-messages")} />
            { reply_box(props, bot_paused_until(summary, now()).is_some()) }
        </section>
    }
}

fn header(summary: &ConversationSummary, props: &ConversationPaneProps) -> Html {
    let takeover = match bot_paused_until(summary, now()) {
        Some(until) => {
            let on_takeover = props.on_takeover.clone();
            html! {
                <div class="takeover taken" id="takeover-control">
                    <span id="takeover-status" class="takeover-status" title={long_text(until)}>
                        { takeover_text(summary, Some(&clock_text(until))) }
                    </span>
                    <button type="button" id="release" class="secondary" disabled={props.busy}
                        onclick={move |_| on_takeover.emit(false)}>
                        { t("inbox-hand-back") }
                    </button>
                </div>
            }
        }
        None => {
            let on_takeover = props.on_takeover.clone();
            html! {
                <div class="takeover" id="takeover-control">
                    <span id="takeover-status" class="takeover-status muted">{ takeover_text(summary, None) }</span>
                    <button type="button" id="takeover" class="primary" disabled={props.busy}
                        onclick={move |_| on_takeover.emit(true)}>
                        { t("inbox-take-over") }
                    </button>
                </div>
            }
        }
    };
    html! {
        <header class="conversation-header">
            <div class="conversation-heading">
                <h2 id="conversation-title">{ summary.title.clone() }</h2>
                <span class="conversation-meta">
                    <span id="conversation-channel" class="tag">{ channel_name(summary.channel) }</span>
                    { order_badge(summary.order) }
                </span>
            </div>
            { takeover }
        </header>
    }
}

fn reply_box(props: &ConversationPaneProps, taken_over: bool) -> Html {
    let onsubmit = {
        let on_send = props.on_send.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            on_send.emit(());
        })
    };
    let onkeydown = {
        let on_send = props.on_send.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" && !e.shift_key() && !e.is_composing() {
                e.prevent_default();
                on_send.emit(());
            }
        })
    };
    let oninput = props.on_draft.reform(|e: InputEvent| textarea_text(&e));
    let hint = if taken_over {
        t("inbox-reply-hint")
    } else {
        t("inbox-reply-hint-pauses")
    };
    html! {
        <form class="reply-box" {onsubmit} novalidate=true>
            <label for="staff-reply" class="sr-only">{ t("inbox-reply-label") }</label>
            <textarea id="staff-reply" ref={props.reply_ref.clone()} rows="2"
                placeholder={t("inbox-reply-placeholder")} aria-describedby="staff-reply-hint"
                value={props.draft.clone()} {oninput} {onkeydown} />
            <button type="submit" id="staff-send" class="primary"
                disabled={props.busy || props.draft.trim().is_empty()}>
                { t("inbox-send") }
            </button>
            <p id="staff-reply-hint" class="hint">{ hint }</p>
        </form>
    }
}
