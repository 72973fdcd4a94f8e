//! The inbox's left column, `#conversation-list`: one `.conversation-row`
//! per chat, newest first, with its title, a one-line preview, the time, the
//! unread count (`.unread`), a `.attention` marker when the customer asked
//! for a person or a payment needs settling, the chat's newest order
//! (`#1042 · Paid`), and a "Test chat" tag for the merchant's own test chat.

use crate::components::chat_text::{shown, ChatText};
use crate::components::status_badge::status_name;
use crate::components::timestamp::{now, Timestamp};
use crate::i18n::{t, t_args, t_count};
use chrono::{DateTime, Utc};
use dukadesk_domain::ipc::{ChatChannel, ConversationSummary};
use dukadesk_domain::order::OrderStatus;
use dukadesk_domain::ConversationId;
use std::rc::Rc;
use web_sys::{ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;

/// The channel's name in English, for `data-channel`.
pub const fn channel_label(channel: ChatChannel) -> &'static str {
    match channel {
        ChatChannel::TestChat => "Test chat",
        ChatChannel::WhatsApp => "WhatsApp",
    }
}

/// The channel's name for people, in the screens' language.
pub fn channel_name(channel: ChatChannel) -> String {
    match channel {
        ChatChannel::TestChat => t("inbox-channel-test-chat"),
        ChatChannel::WhatsApp => "WhatsApp".to_owned(),
    }
}

/// `#1042 · Paid`.
pub fn order_badge_text(number: i64, status: OrderStatus) -> String {
    format!("#{number} · {}", status_name(status))
}

/// The preview on one line: line breaks and runs of spaces become one space.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Until when staff have the chat and the bot stays quiet, if that is
/// still in the future at `now`. Without a clock reading, a set time counts.
pub fn bot_paused_until(
    summary: &ConversationSummary,
    now: Option<DateTime<Utc>>,
) -> Option<DateTime<Utc>> {
    summary
        .taken_over_until
        .filter(|until| now.is_none_or(|now| *until > now))
}

/// The takeover line in the chat's header: who paused the bot and until
/// when (`until`, from [`bot_paused_until`]), or that the bot answers, and
/// who handed the chat back if someone did.
pub fn takeover_text(summary: &ConversationSummary, until: Option<&str>) -> String {
    match until {
        Some(until) => match summary.taken_over_by.as_deref() {
            Some(name) => t_args("inbox-took-over", &[("name", name), ("time", until)]),
            None => t_args("inbox-bot-paused", &[("time", until)]),
        },
        None => match summary.handed_back_by.as_deref() {
            Some(name) => t_args("inbox-bot-answering-handed-back", &[("name", name)]),
            None => t("inbox-bot-answering"),
        },
    }
}

/// The chat's newest order as a status-coloured badge.
pub fn order_badge(order: Option<(i64, OrderStatus)>) -> Html {
    match order {
        Some((number, status)) => html! {
            <span class={classes!("badge", "conversation-order", format!("status-{}", status.as_str()))}
                data-number={number.to_string()} data-status={status.as_str()}>
                { order_badge_text(number, status) }
            </span>
        },
        None => Html::default(),
    }
}

/// Props of [`ConversationList`].
#[derive(Properties, PartialEq)]
pub struct ConversationListProps {
    /// Chats, newest first.
    pub conversations: Rc<Vec<ConversationSummary>>,
    /// The open chat.
    pub selected: Option<ConversationId>,
    /// Whether the first load has finished.
    pub loaded: bool,
    /// Called with a clicked chat.
    pub on_select: Callback<ConversationId>,
}

/// Scrolls the selected row into view, as little as needed.
fn reveal_selected(list: &NodeRef) {
    let Some(list) = list.cast::<web_sys::Element>() else {
        return;
    };
    if let Ok(Some(row)) = list.query_selector(".conversation-row.selected") {
        let options = ScrollIntoViewOptions::new();
        options.set_block(ScrollLogicalPosition::Nearest);
        row.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// The list.
#[function_component]
pub fn ConversationList(props: &ConversationListProps) -> Html {
    let list = use_node_ref();
    {
        let list = list.clone();
        use_effect_with(props.selected, move |_| reveal_selected(&list));
    }
    let now = now();
    let rows = props.conversations.iter().map(|c| {
        let selected = props.selected == Some(c.id);
        let (id, on_select) = (c.id, props.on_select.clone());
        // The open chat is being read (and re-read every poll), so its
        // count would only flicker.
        let unread = (c.unread > 0 && !selected).then_some(c.unread);
        let test = c.channel == ChatChannel::TestChat;
        html! {
            <li key={c.id.to_string()} role="option" aria-selected={if selected { "true" } else { "false" }}
                class={classes!("conversation-row", selected.then_some("selected"),
                    unread.map(|_| "has-unread"), c.needs_attention.then_some("needs-attention"))}
                data-id={c.id.to_string()} data-channel={channel_label(c.channel)}
                onclick={move |_| on_select.emit(id)}>
                <span class="conversation-title">{ c.title.clone() }</span>
                <span class="conversation-time"><Timestamp at={c.last_message_at} /></span>
                <span class="conversation-preview" title={shown(&c.preview).into_owned()}>
                    <ChatText text={one_line(&c.preview)} />
                </span>
                if let Some(n) = unread {
                    <span class="unread" title={t_count("inbox-unread", n, &[])}>{ n }</span>
                }
                <span class="conversation-tags">
                    if c.needs_attention {
                        <span class="attention" title={t("inbox-attention-title")}>
                            { t("inbox-attention") }
                        </span>
                    }
                    if test { <span class="tag test-chat-tag">{ channel_name(c.channel) }</span> }
                    if bot_paused_until(c, now).is_some() {
                        <span class="tag staff-tag" title={t("inbox-staff-title")}>{ t("inbox-staff") }</span>
                    }
                    { order_badge(c.order) }
                </span>
            </li>
        }
    });
    let empty = if props.loaded {
        t("inbox-empty")
    } else {
        t("inbox-loading")
    };
    html! {
        <ul id="conversation-list" class="conversation-list" role="listbox" tabindex="0"
            aria-label={t("inbox-chats")} ref={list}>
            { for rows }
            if props.conversations.is_empty() { <li class="empty">{ empty }</li> }
        </ul>
    }
}

#[cfg(test)]
mod tests;
