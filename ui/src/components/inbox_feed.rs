//! The inbox list, loaded once for the whole app: the nav badge needs its
//! unread total on every screen, and the inbox page shows the same list, so
//! one poll of `ListConversations` every few seconds feeds both.
//!
//! Answers can overtake each other (a poll and a reload after a reply), so
//! each request is numbered and an answer older than the one shown is
//! dropped. An unchanged list does not re-render anything.

use crate::ipc::invoke;
use dukadesk_domain::ipc::{ConversationSummary, ListConversations, NoArgs};
use gloo_timers::callback::Interval;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// How often the list is reloaded, in milliseconds.
pub const POLL_MS: u32 = 3_000;

/// The chats as last loaded.
#[derive(Debug, Clone, Default)]
pub struct InboxFeed {
    /// Chats, newest first.
    pub conversations: Rc<Vec<ConversationSummary>>,
    /// Whether the first answer arrived.
    pub loaded: bool,
    /// Why the last load failed, until one succeeds.
    pub error: Option<String>,
    /// The number of the request whose answer is shown. Not part of
    /// equality, so a poll that changes nothing else renders nothing.
    shown: Cell<u64>,
}

impl PartialEq for InboxFeed {
    fn eq(&self, other: &Self) -> bool {
        self.conversations == other.conversations
            && self.loaded == other.loaded
            && self.error == other.error
    }
}

/// An answer to request number `.0`.
#[derive(Debug)]
pub enum FeedAction {
    /// The list arrived.
    Loaded(u64, Vec<ConversationSummary>),
    /// Loading failed.
    Failed(u64, String),
}

impl Reducible for InboxFeed {
    type Action = FeedAction;
    fn reduce(self: Rc<Self>, action: FeedAction) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        if next == *self {
            self.shown.set(next.shown.get());
            self
        } else {
            Rc::new(next)
        }
    }
}

impl InboxFeed {
    /// Applies one answer, unless a newer one is already shown.
    pub fn apply(&mut self, action: FeedAction) {
        match action {
            FeedAction::Loaded(n, list) if n > self.shown.get() => {
                self.shown.set(n);
                self.loaded = true;
                self.error = None;
                if *self.conversations != list {
                    self.conversations = Rc::new(list);
                }
            }
            FeedAction::Failed(n, message) if n > self.shown.get() => {
                // The old list stays: it is still the best there is.
                self.shown.set(n);
                self.error = Some(message);
            }
            FeedAction::Loaded(..) | FeedAction::Failed(..) => {}
        }
    }

    /// Unread customer messages across all chats, for the nav badge.
    pub fn unread_total(&self) -> u32 {
        self.conversations
            .iter()
            .fold(0u32, |sum, c| sum.saturating_add(c.unread))
    }
}

/// Loads the list now and every [`POLL_MS`]; the callback reloads it at
/// once (after opening or answering a chat).
#[hook]
pub fn use_inbox_feed() -> (UseReducerHandle<InboxFeed>, Callback<()>) {
    let feed = use_reducer(InboxFeed::default);
    let counter = use_mut_ref(|| 0u64);
    let reload = {
        let dispatch = feed.dispatcher();
        use_callback((), move |_: (), _| {
            let n = {
                let mut c = counter.borrow_mut();
                *c += 1;
                *c
            };
            let dispatch = dispatch.clone();
            spawn_local(async move {
                dispatch.dispatch(match invoke::<ListConversations>(&NoArgs {}).await {
                    Ok(list) => FeedAction::Loaded(n, list),
                    Err(e) => FeedAction::Failed(n, e.message),
                });
            });
        })
    };
    {
        let reload = reload.clone();
        use_effect_with((), move |_| {
            reload.emit(());
            let timer = Interval::new(POLL_MS, move || reload.emit(()));
            move || drop(timer)
        });
    }
    (feed, reload)
}

#[cfg(test)]
mod tests;
