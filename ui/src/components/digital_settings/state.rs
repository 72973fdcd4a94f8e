//! The airtime form's state as one reducer, like the payment form's
//! ([`crate::components::payment_settings::state`]): an answer carries the
//! draft it answers, so a save empties the typed key only if nothing was
//! typed since, and a test's result shows only beside the very details it
//! tested.

use super::DigitalDraft;
use crate::components::field::FormErrors;
use dukadesk_domain::ipc::{ConnectionTest, DigitalSettingsView};
use std::rc::Rc;
use yew::prelude::*;

/// Everything the form shows.
#[derive(Debug, Clone, PartialEq)]
pub struct DigitalFormState {
    /// The settings as saved.
    pub saved: DigitalSettingsView,
    /// The form as typed.
    pub form: DigitalDraft,
    /// What is wrong with it.
    pub errors: FormErrors,
    /// Whether a save is in flight.
    pub saving: bool,
    /// Whether a test is in flight.
    pub testing: bool,
    /// The last test's result, with the draft it tested.
    pub tested: Option<(DigitalDraft, ConnectionTest)>,
}

/// What can happen in the form.
#[derive(Debug)]
pub enum DigitalAction {
    /// One value was typed; the error beside it goes.
    Edit {
        /// The field's name, as errors name it.
        field: &'static str,
        /// Puts the value in the draft.
        set: fn(&mut DigitalDraft, String),
        /// The value.
        value: String,
    },
    /// Saving started.
    SaveStarted,
    /// Saved: `sent` is the draft that was saved.
    Saved {
        /// The draft sent.
        sent: DigitalDraft,
        /// The settings after saving.
        view: DigitalSettingsView,
    },
    /// Saving failed.
    SaveFailed(FormErrors),
    /// A test started.
    TestStarted,
    /// A test answered, for `asked`.
    Tested {
        /// The draft tested.
        asked: DigitalDraft,
        /// What the test found.
        result: ConnectionTest,
        /// Errors in the draft the shell found (only shown if it is still
        /// the draft on screen).
        errors: Option<FormErrors>,
    },
}

impl Reducible for DigitalFormState {
    type Action = DigitalAction;
    fn reduce(self: Rc<Self>, action: DigitalAction) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        Rc::new(next)
    }
}

impl DigitalFormState {
    /// The form, started from the saved settings.
    pub fn new(saved: DigitalSettingsView) -> Self {
        DigitalFormState {
            form: DigitalDraft::from_view(&saved),
            saved,
            errors: FormErrors::default(),
            saving: false,
            testing: false,
            tested: None,
        }
    }

    /// The last test's result, if it tested what is on screen now.
    pub fn test_result(&self) -> Option<&ConnectionTest> {
        self.tested
            .as_ref()
            .filter(|(draft, _)| *draft == self.form)
            .map(|(_, result)| result)
    }

    /// Applies one action.
    pub fn apply(&mut self, action: DigitalAction) {
        use DigitalAction as A;
        match action {
            A::Edit { field, set, value } => {
                set(&mut self.form, value);
                self.errors.clear_field(field);
            }
            A::SaveStarted => {
                self.saving = true;
                self.errors = FormErrors::default();
            }
            A::Saved { sent, view } => {
                self.saving = false;
                if sent == self.form {
                    // The key typed is saved: its field empties again.
                    self.form = DigitalDraft::from_view(&view);
                    self.tested = None;
                } else {
                    // Typed on meanwhile: kept, but a key is saved now.
                    self.form.has_key = view.has_key;
                }
                self.saved = view;
            }
            A::SaveFailed(errors) => {
                self.saving = false;
                self.errors = errors;
            }
            A::TestStarted => {
                self.testing = true;
                self.errors = FormErrors::default();
                self.tested = None;
            }
            A::Tested {
                asked,
                result,
                errors,
            } => {
                self.testing = false;
                if asked == self.form {
                    if let Some(errors) = errors {
                        self.errors = errors;
                    }
                }
                self.tested = Some((asked, result));
            }
        }
    }
}
