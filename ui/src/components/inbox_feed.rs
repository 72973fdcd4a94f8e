//! The inbox list, loaded once for the whole app: the nav badge needs its
//! unread total on every screen, and the inbox page shows the same list, so
//! one poll of `ListConversations` every few seconds feeds both.

use crate::components::feed::{use_feed, Feed, UseFeed};
use dukadesk_domain::ipc::{ConversationSummary, ListConversations};
use std::rc::Rc;
use yew::prelude::*;

/// How often the list is reloaded, in milliseconds.
pub const POLL_MS: u32 = 3_000;

/// The chats as last loaded.
pub type InboxFeed = Feed<Vec<ConversationSummary>>;

impl InboxFeed {
    /// Chats, newest first (none until the first answer).
    pub fn conversations(&self) -> Rc<Vec<ConversationSummary>> {
        self.value.clone().unwrap_or_default()
    }

    /// Whether the first answer arrived.
    pub fn loaded(&self) -> bool {
        self.value.is_some()
    }

    /// Unread customer messages across all chats, for the nav badge.
    pub fn unread_total(&self) -> u32 {
        self.value.as_deref().map_or(0, |chats| {
            chats
                .iter()
                .fold(0u32, |sum, c| sum.saturating_add(c.unread))
        })
    }
}

/// Loads the list now and every [`POLL_MS`]; the callback reloads it at
/// once (after opening or answering a chat).
#[hook]
pub fn use_inbox_feed() -> (UseReducerHandle<InboxFeed>, Callback<()>) {
    let UseFeed { feed, reload, .. } = use_feed::<ListConversations>(POLL_MS);
    (feed, reload)
}

#[cfg(test)]
mod tests;
