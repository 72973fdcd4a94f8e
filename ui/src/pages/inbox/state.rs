//! The inbox's state as one reducer: which chat is open and its messages,
//! the reply drafts, and whether a reply or takeover is in flight. The list
//! itself comes from the app-wide [`crate::components::inbox_feed`].
//!
//! The open chat is polled; a poll answer that was asked for before a reply
//! or takeover finished could show the chat without it, so every change
//! bumps `epoch` when it starts and when it ends, and a poll answer from
//! another epoch (or for a chat no longer open) is dropped.

use dukadesk_domain::ipc::{ConversationSummary, ConversationView};
use dukadesk_domain::ConversationId;
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::prelude::*;

/// Everything the inbox shows besides the list.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct InboxState {
    /// The open chat.
    pub selected: Option<ConversationId>,
    /// Only ever the open chat, once loaded.
    pub open: Option<ConversationView>,
    /// Unsent replies, per chat, so switching chats loses nothing.
    pub drafts: BTreeMap<ConversationId, String>,
    /// Whether a reply or takeover is in flight.
    pub busy: bool,
    /// Bumped when a change starts and ends.
    pub epoch: u32,
    /// Bumped by the timer to reload the open chat.
    pub tick: u32,
    /// Why the open chat could not be loaded, until it can.
    pub load_error: Option<String>,
    /// Why the last reply or takeover failed.
    pub action_error: Option<String>,
}

/// What can happen in the inbox.
#[derive(Debug)]
pub enum InboxAction {
    /// A row was clicked, or the selection moved.
    Select(ConversationId),
    /// The open chat arrived, asked for in `epoch`.
    Loaded(u32, ConversationView),
    /// The chat no longer exists (the customer's data was deleted).
    Gone(ConversationId),
    /// Loading the open chat failed.
    LoadFailed(String),
    /// The reply box of a chat changed.
    Draft(ConversationId, String),
    /// A reply or takeover was sent.
    Started,
    /// A reply or takeover came back. `sent` is the draft that was sent,
    /// which is cleared unless it was edited meanwhile.
    Changed {
        /// The chat's draft as sent, for a reply.
        sent: Option<String>,
        /// The chat after the change.
        view: ConversationView,
    },
    /// A reply or takeover failed.
    ActionFailed(String),
    /// The timer.
    Tick,
}

impl Reducible for InboxState {
    type Action = InboxAction;
    fn reduce(self: Rc<Self>, action: InboxAction) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        Rc::new(next)
    }
}

/// The message shown when the open chat has been deleted.
pub const GONE: &str =
    "That chat no longer exists: the customer asked for their data to be deleted.";

impl InboxState {
    /// Applies one action.
    pub fn apply(&mut self, action: InboxAction) {
        use InboxAction as A;
        match action {
            A::Select(id) => {
                if self.selected != Some(id) {
                    self.selected = Some(id);
                    self.open = None;
                    self.load_error = None;
                    self.action_error = None;
                }
            }
            A::Loaded(epoch, view) => {
                if epoch == self.epoch && !self.busy && self.selected == Some(view.summary.id) {
                    self.open = Some(view);
                    self.load_error = None;
                }
            }
            A::Gone(id) => {
                if self.selected == Some(id) {
                    self.selected = None;
                    self.open = None;
                    self.load_error = Some(GONE.into());
                }
                self.drafts.remove(&id);
            }
            A::LoadFailed(message) => self.load_error = Some(message),
            A::Draft(id, text) => {
                if text.is_empty() {
                    self.drafts.remove(&id);
                } else {
                    self.drafts.insert(id, text);
                }
            }
            A::Started => {
                self.busy = true;
                self.epoch = self.epoch.wrapping_add(1);
                self.action_error = None;
            }
            A::Changed { sent, view } => {
                self.busy = false;
                self.epoch = self.epoch.wrapping_add(1);
                let id = view.summary.id;
                if let Some(sent) = sent {
                    if self.drafts.get(&id) == Some(&sent) {
                        self.drafts.remove(&id);
                    }
                }
                if self.selected == Some(id) {
                    self.open = Some(view);
                    self.load_error = None;
                }
            }
            A::ActionFailed(message) => {
                self.busy = false;
                self.epoch = self.epoch.wrapping_add(1);
                self.action_error = Some(message);
            }
            A::Tick => self.tick = self.tick.wrapping_add(1),
        }
    }

    /// The open chat's unsent reply.
    pub fn draft(&self) -> &str {
        self.selected
            .and_then(|id| self.drafts.get(&id))
            .map_or("", String::as_str)
    }

    /// The reply to send now, trimmed, with the chat and the draft as typed:
    /// only when a chat is open, nothing is in flight and there is text.
    pub fn reply(&self) -> Option<(ConversationId, String, String)> {
        let view = self.open.as_ref().filter(|_| !self.busy)?;
        let draft = self.draft();
        let text = draft.trim();
        (!text.is_empty()).then(|| (view.summary.id, text.to_owned(), draft.to_owned()))
    }

    /// The banner's message: a failed change first, then a failed load.
    pub fn error(&self) -> Option<&str> {
        self.action_error.as_deref().or(self.load_error.as_deref())
    }
}

/// The chat `delta` rows away from `selected` in `list` (newest first),
/// stopping at either end. With nothing selected (or the selected chat gone
/// from the list), any move picks the newest chat.
pub fn step_selection(
    list: &[ConversationSummary],
    selected: Option<ConversationId>,
    delta: isize,
) -> Option<ConversationId> {
    let last = list.len().checked_sub(1)?;
    let next = match selected.and_then(|id| list.iter().position(|c| c.id == id)) {
        Some(i) => i.saturating_add_signed(delta).min(last),
        None => 0,
    };
    list.get(next).map(|c| c.id)
}

#[cfg(test)]
mod tests;
