//! A chat's messages as bubbles, oldest at the top, used by the inbox and by
//! the test chat. Which side a message sits on depends on who is looking:
//! in the inbox the shop's own messages (bot and staff) are on the right, in
//! the test chat the merchant plays the customer, so the customer's are.
//!
//! Each message is `<li class="message <author> <side>" data-id data-author
//! data-status>` with an author label for bot and staff (a staff reply
//! shows who typed it), the body (WhatsApp
//! `*bold*` rendered, line breaks kept), the time, and for outgoing
//! messages a `.message-status.queued` clock or a `.message-status.sent`
//! tick. The list scrolls to
//! the newest message whenever a new one arrives.

use crate::components::chat_text::{direction, ChatText};
use crate::components::timestamp::Timestamp;
use dukadesk_domain::ipc::{MessageAuthor, MessageStatus, MessageView};
use dukadesk_domain::MessageId;
use yew::prelude::*;

/// Whose side of the chat the screen takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Perspective {
    /// The shop's: bot and staff messages on the right.
    Shop,
    /// The customer's: the customer's messages on the right.
    Customer,
}

/// Where a bubble sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// Someone else's message.
    Left,
    /// One's own message.
    Right,
}

impl Side {
    /// The class name.
    pub const fn class(self) -> &'static str {
        match self {
            Side::Left => "left",
            Side::Right => "right",
        }
    }
}

/// The side of a message by `author` for a screen with `perspective`.
pub fn side(author: MessageAuthor, perspective: Perspective) -> Side {
    let from_shop = !matches!(author, MessageAuthor::Customer);
    match (perspective, from_shop) {
        (Perspective::Shop, true) | (Perspective::Customer, false) => Side::Right,
        (Perspective::Shop, false) | (Perspective::Customer, true) => Side::Left,
    }
}

/// The class and `data-author` value of an author.
pub const fn author_slug(author: MessageAuthor) -> &'static str {
    match author {
        MessageAuthor::Customer => "customer",
        MessageAuthor::Bot => "bot",
        MessageAuthor::Staff => "staff",
    }
}

/// The small label over a bubble: who on the shop's side wrote it. The
/// customer's messages need none; the chat's title says who they are.
pub const fn author_label(author: MessageAuthor) -> Option<&'static str> {
    match author {
        MessageAuthor::Customer => None,
        MessageAuthor::Bot => Some("Bot"),
        MessageAuthor::Staff => Some("Staff"),
    }
}

/// The label over a message: for a staff reply, the name of who typed it
/// when known (older replies and other tills' have none: "Staff").
pub fn message_label(author: MessageAuthor, by: Option<&str>) -> Option<String> {
    match (author, by) {
        (MessageAuthor::Staff, Some(name)) if !name.trim().is_empty() => Some(name.to_owned()),
        _ => author_label(author).map(str::to_owned),
    }
}

/// The delivery state of an outgoing message: its class and what it means
/// in words. Messages from the customer have none.
pub const fn status_mark(status: MessageStatus) -> Option<(&'static str, &'static str)> {
    match status {
        MessageStatus::Received => None,
        MessageStatus::Queued => Some(("queued", "Queued: waiting its turn to go out")),
        MessageStatus::Sent => Some(("sent", "Sent")),
    }
}

/// A clock face for a queued message, a tick for a sent one. The clock is
/// drawn rather than an emoji, which not every system font has.
fn mark_icon(class: &str) -> Html {
    if class == "queued" {
        html! {
            <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
                <circle cx="8" cy="8" r="6.25" fill="none" stroke="currentColor" stroke-width="1.5" />
                <path d="M8 4.5V8l2.5 1.75" fill="none" stroke="currentColor" stroke-width="1.5"
                    stroke-linecap="round" stroke-linejoin="round" />
            </svg>
        }
    } else {
        html! { { "✓" } }
    }
}

const fn status_slug(status: MessageStatus) -> &'static str {
    match status {
        MessageStatus::Received => "received",
        MessageStatus::Queued => "queued",
        MessageStatus::Sent => "sent",
    }
}

/// Props of [`MessageList`].
#[derive(Properties, PartialEq)]
pub struct MessageListProps {
    /// Messages, oldest first.
    pub messages: Vec<MessageView>,
    /// Whose side the screen takes.
    pub perspective: Perspective,
    /// The list's id.
    #[prop_or_default]
    pub id: Option<AttrValue>,
    /// Shown when there are no messages.
    #[prop_or_default]
    pub empty_text: Option<AttrValue>,
}

/// Scrolls `list` to its bottom.
fn scroll_to_end(list: &NodeRef) {
    if let Some(el) = list.cast::<web_sys::Element>() {
        el.set_scroll_top(el.scroll_height());
    }
}

/// The bubbles.
#[function_component]
pub fn MessageList(props: &MessageListProps) -> Html {
    let list = use_node_ref();
    {
        // Only a new newest message scrolls, so reading older ones is not
        // interrupted by a poll that brought nothing new.
        let list = list.clone();
        let newest: Option<MessageId> = props.messages.last().map(|m| m.id);
        use_effect_with(newest, move |_| scroll_to_end(&list));
    }
    let bubbles = props.messages.iter().map(|m| {
        let side = side(m.author, props.perspective);
        let author = author_slug(m.author);
        html! {
            <li key={m.id.to_string()} class={classes!("message", author, side.class())}
                data-id={m.id.to_string()} data-author={author} data-status={status_slug(m.status)}>
                if let Some(label) = message_label(m.author, m.by.as_deref()) {
                    <span class="message-author">{ label }</span>
                }
                if let Some(src) = m.photo.as_ref().and_then(|p| crate::ipc::photo_url(p.item, &p.fingerprint, false)) {
                    <img class="message-photo" {src} alt="Item photo" loading="lazy" />
                }
                <div class="message-body" dir={direction(&m.body)}><ChatText text={m.body.clone()} /></div>
                <span class="message-meta">
                    <Timestamp at={m.at} />
                    if let Some((class, title)) = status_mark(m.status) {
                        <span class={classes!("message-status", class)} title={title} role="img" aria-label={title}>
                            { mark_icon(class) }
                        </span>
                    }
                </span>
            </li>
        }
    });
    html! {
        <ol id={props.id.clone()} class="messages" ref={list} aria-live="polite" aria-label="Messages">
            { for bubbles }
            if props.messages.is_empty() {
                if let Some(text) = props.empty_text.clone() {
                    <li class="empty">{ text }</li>
                }
            }
        </ol>
    }
}

#[cfg(test)]
mod tests;
