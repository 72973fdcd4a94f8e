//! The Disconnect window's state as one reducer. Each service's part goes
//! Explain → Confirm → Working → Done. The window reads each service's
//! status when it opens; that answer can arrive after a disconnect the
//! owner already confirmed (a slow first read), and must not show the
//! service linked again. So a status read carries the number of changes
//! started when it was asked ([`Part::changes`]), and one asked before a
//! change is dropped.

use std::rc::Rc;
use yew::prelude::*;

/// What disconnecting did, as the window shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// What was done.
    pub done: String,
    /// What could not be done, and what to do about it.
    pub warnings: Vec<String>,
}

/// Where one service's part of the window is.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Step {
    /// Showing what will happen.
    #[default]
    Explain,
    /// "Are you sure?"
    Confirm,
    /// Asking the shell.
    Working,
    /// Done: what happened.
    Done(Outcome),
}

/// One service: its status, where its part is, its last error.
#[derive(Debug, Clone, PartialEq)]
pub struct Part<S> {
    /// The status, once read.
    pub status: Option<S>,
    /// Where the part is.
    pub step: Step,
    /// Why the last disconnect failed.
    pub error: Option<String>,
    /// Disconnects started so far.
    pub changes: u32,
}

impl<S> Default for Part<S> {
    fn default() -> Self {
        Part {
            status: None,
            step: Step::Explain,
            error: None,
            changes: 0,
        }
    }
}

/// What can happen to one part.
#[derive(Debug)]
pub enum PartAction<S> {
    /// The status arrived, asked for when `changes` disconnects had started.
    Loaded {
        /// [`Part::changes`] when it was asked for.
        changes: u32,
        /// The status.
        status: S,
    },
    /// The disconnect button: ask to confirm.
    Start,
    /// "Cancel".
    Cancel,
    /// Confirmed: the shell is asked.
    Confirmed,
    /// It was done: the status after it, and what to tell.
    Done(S, Outcome),
    /// It failed: back to the explanation, saying why.
    Failed(String),
}

impl<S> Part<S> {
    fn apply(&mut self, action: PartAction<S>) {
        use PartAction as A;
        match action {
            A::Loaded { changes, status } => {
                if changes == self.changes {
                    self.status = Some(status);
                }
            }
            A::Start => {
                if self.step == Step::Explain {
                    self.step = Step::Confirm;
                }
            }
            A::Cancel => {
                if self.step == Step::Confirm {
                    self.step = Step::Explain;
                }
            }
            A::Confirmed => {
                self.step = Step::Working;
                self.error = None;
                self.changes = self.changes.wrapping_add(1);
            }
            A::Done(status, outcome) => {
                self.status = Some(status);
                self.step = Step::Done(outcome);
            }
            A::Failed(message) => {
                self.error = Some(message);
                self.step = Step::Explain;
            }
        }
    }
}

/// The whole window.
#[derive(Debug, Clone, PartialEq)]
pub struct DisconnectState<W, H> {
    /// WhatsApp's part.
    pub whatsapp: Part<W>,
    /// The hosted backend's part.
    pub hosted: Part<H>,
    /// Why a status could not be read.
    pub load_error: Option<String>,
}

impl<W, H> Default for DisconnectState<W, H> {
    fn default() -> Self {
        DisconnectState {
            whatsapp: Part::default(),
            hosted: Part::default(),
            load_error: None,
        }
    }
}

/// What can happen in the window.
#[derive(Debug)]
pub enum DisconnectAction<W, H> {
    /// To WhatsApp's part.
    WhatsApp(PartAction<W>),
    /// To the hosted backend's part.
    Hosted(PartAction<H>),
    /// A status could not be read.
    LoadFailed(String),
}

impl<W: Clone, H: Clone> Reducible for DisconnectState<W, H> {
    type Action = DisconnectAction<W, H>;
    fn reduce(self: Rc<Self>, action: Self::Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        Rc::new(next)
    }
}

impl<W, H> DisconnectState<W, H> {
    /// Applies one action.
    pub fn apply(&mut self, action: DisconnectAction<W, H>) {
        match action {
            DisconnectAction::WhatsApp(a) => self.whatsapp.apply(a),
            DisconnectAction::Hosted(a) => self.hosted.apply(a),
            DisconnectAction::LoadFailed(message) => self.load_error = Some(message),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use PartAction as A;

    type State = DisconnectState<&'static str, &'static str>;

    fn outcome() -> Outcome {
        Outcome {
            done: "Unlinked.".into(),
            warnings: vec![],
        }
    }

    #[test]
    fn a_status_read_before_the_disconnect_never_shows_it_linked_again() {
        let mut s = State::default();
        s.apply(DisconnectAction::WhatsApp(A::Start));
        s.apply(DisconnectAction::WhatsApp(A::Confirmed));
        assert_eq!(s.whatsapp.step, Step::Working);
        s.apply(DisconnectAction::WhatsApp(A::Done("not linked", outcome())));
        // The first read, asked when the window opened, arrives last.
        s.apply(DisconnectAction::WhatsApp(A::Loaded {
            changes: 0,
            status: "linked",
        }));
        assert_eq!(s.whatsapp.status, Some("not linked"));
        assert_eq!(s.whatsapp.step, Step::Done(outcome()));
        // The hosted part is its own.
        s.apply(DisconnectAction::Hosted(A::Loaded {
            changes: 0,
            status: "connected",
        }));
        assert_eq!(s.hosted.status, Some("connected"));
    }

    #[test]
    fn a_failure_explains_again_and_a_retry_starts_clean() {
        let mut s = State::default();
        s.apply(DisconnectAction::Hosted(A::Loaded {
            changes: 0,
            status: "connected",
        }));
        s.apply(DisconnectAction::Hosted(A::Start));
        s.apply(DisconnectAction::Hosted(A::Cancel));
        assert_eq!(s.hosted.step, Step::Explain);
        s.apply(DisconnectAction::Hosted(A::Start));
        s.apply(DisconnectAction::Hosted(A::Confirmed));
        s.apply(DisconnectAction::Hosted(A::Failed("offline".into())));
        assert_eq!(s.hosted.step, Step::Explain);
        assert_eq!(s.hosted.error.as_deref(), Some("offline"));
        assert_eq!(s.hosted.status, Some("connected"));
        s.apply(DisconnectAction::Hosted(A::Start));
        s.apply(DisconnectAction::Hosted(A::Confirmed));
        assert_eq!(s.hosted.error, None);
        s.apply(DisconnectAction::LoadFailed("no WhatsApp status".into()));
        assert_eq!(s.load_error.as_deref(), Some("no WhatsApp status"));
    }
}
