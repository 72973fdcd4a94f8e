//! The Tax form's state as one reducer, like the airtime form's
//! ([`crate::components::digital_settings::state`]): an answer carries what
//! it answers, so a set-up empties the typed secret only if nothing was
//! typed since, and saved options replace only the options still as sent.

use super::TaxDraft;
use crate::components::field::FormErrors;
use dukadesk_domain::ipc::{TaxOptions, TaxSettingsView};
use std::rc::Rc;
use yew::prelude::*;

/// What the form is waiting for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaxBusy {
    /// KRA setting the device up.
    SetUp,
    /// The options being saved.
    Options,
}

/// Everything the form shows.
#[derive(Debug, Clone, PartialEq)]
pub struct TaxFormState {
    /// The device as saved.
    pub saved: TaxSettingsView,
    /// The form as typed.
    pub form: TaxDraft,
    /// What is wrong with it.
    pub errors: FormErrors,
    /// What is in flight, if anything.
    pub busy: Option<TaxBusy>,
}

/// What can happen in the form.
#[derive(Debug)]
pub enum TaxAction {
    /// One value was typed or chosen; the error beside it goes.
    Edit {
        /// The field's name, as errors name it.
        field: &'static str,
        /// Puts the value in the draft.
        set: fn(&mut TaxDraft, String),
        /// The value.
        value: String,
    },
    /// "Invoice every sale" ticked or not.
    Enabled(bool),
    /// A set-up or a save started.
    Started(TaxBusy),
    /// Set up: `sent` is the draft KRA set up.
    SetUp {
        /// The draft sent.
        sent: TaxDraft,
        /// The device after setting up.
        view: TaxSettingsView,
    },
    /// The options were saved.
    OptionsSaved {
        /// The options sent.
        sent: TaxOptions,
        /// The device after saving.
        view: TaxSettingsView,
    },
    /// The set-up or the save failed.
    Failed(FormErrors),
}

impl Reducible for TaxFormState {
    type Action = TaxAction;
    fn reduce(self: Rc<Self>, action: TaxAction) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        Rc::new(next)
    }
}

impl TaxFormState {
    /// The form, started from the saved device.
    pub fn new(saved: TaxSettingsView) -> Self {
        TaxFormState {
            form: TaxDraft::from_view(&saved),
            saved,
            errors: FormErrors::default(),
            busy: None,
        }
    }

    /// Applies one action.
    pub fn apply(&mut self, action: TaxAction) {
        use TaxAction as A;
        match action {
            A::Edit { field, set, value } => {
                set(&mut self.form, value);
                self.errors.clear_field(field);
            }
            A::Enabled(enabled) => self.form.enabled = enabled,
            A::Started(busy) => {
                self.busy = Some(busy);
                self.errors = FormErrors::default();
            }
            A::SetUp { sent, view } => {
                self.busy = None;
                if sent == self.form {
                    // The secret typed is saved: its field empties again.
                    self.form = TaxDraft::from_view(&view);
                } else {
                    // Typed on meanwhile: kept, but a secret is saved now.
                    self.form.has_secret = view.has_secret;
                }
                self.saved = view;
            }
            A::OptionsSaved { sent, view } => {
                self.busy = None;
                if self.form.options() == sent {
                    self.form.enabled = view.enabled;
                    self.form.default_band = view.default_band;
                }
                self.saved = view;
            }
            A::Failed(errors) => {
                self.busy = None;
                self.errors = errors;
            }
        }
    }
}
