//! The payment form's state as one reducer. Saving and "Test connection"
//! answer a particular draft: the staff member may type on while either is
//! in flight. So an answer carries the draft it answers: a save clears the
//! typed secrets only if nothing was typed since, and a test's result is
//! shown only beside the very details it tested.

use super::{PaymentDraft, DARAJA_FIELDS, INTASEND_FIELDS, MANUAL_FIELDS};
use crate::components::field::FormErrors;
use dukadesk_domain::ipc::{ConnectionTest, FieldError, MpesaProvider, PaymentSettingsView};
use std::rc::Rc;
use yew::prelude::*;

/// Everything the form shows.
#[derive(Debug, Clone, PartialEq)]
pub struct PaymentFormState {
    /// The settings as saved.
    pub saved: PaymentSettingsView,
    /// The form as typed.
    pub form: PaymentDraft,
    /// What is wrong with it.
    pub errors: FormErrors,
    /// Whether a save is in flight.
    pub saving: bool,
    /// Whether a test is in flight.
    pub testing: bool,
    /// The last test's result, with the draft it tested.
    pub tested: Option<(PaymentDraft, ConnectionTest)>,
}

/// What can happen in the form.
#[derive(Debug)]
pub enum PaymentAction {
    /// One value was typed; the error beside it goes.
    Edit {
        /// The field's name, as errors name it.
        field: &'static str,
        /// Puts the value in the draft.
        set: fn(&mut PaymentDraft, String),
        /// The value.
        value: String,
    },
    /// Another service was chosen: the field errors of the one left go.
    Provider(MpesaProvider),
    /// The draft was checked before sending, and is wrong.
    Invalid(Vec<FieldError>),
    /// Saving started.
    SaveStarted,
    /// Saved: `sent` is the draft that was saved.
    Saved {
        /// The draft sent.
        sent: PaymentDraft,
        /// The settings after saving.
        view: PaymentSettingsView,
    },
    /// Saving failed.
    SaveFailed(FormErrors),
    /// A test started.
    TestStarted,
    /// A test answered, for `asked`.
    Tested {
        /// The draft tested.
        asked: PaymentDraft,
        /// What the test found.
        result: ConnectionTest,
        /// Errors in the draft the shell found (only shown if it is still
        /// the draft on screen).
        errors: Option<FormErrors>,
    },
}

impl Reducible for PaymentFormState {
    type Action = PaymentAction;
    fn reduce(self: Rc<Self>, action: PaymentAction) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        Rc::new(next)
    }
}

impl PaymentFormState {
    /// The form, started from the saved settings.
    pub fn new(saved: PaymentSettingsView) -> Self {
        PaymentFormState {
            form: PaymentDraft::from_view(&saved),
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
    pub fn apply(&mut self, action: PaymentAction) {
        use PaymentAction as A;
        match action {
            A::Edit { field, set, value } => {
                set(&mut self.form, value);
                self.errors.clear_field(field);
            }
            A::Provider(p) => {
                if p != self.form.provider {
                    self.form.provider = p;
                    for field in DARAJA_FIELDS.iter().chain(INTASEND_FIELDS) {
                        // The pay-by-hand number shows whatever the service.
                        if !MANUAL_FIELDS.contains(field) {
                            self.errors.clear_field(field);
                        }
                    }
                }
            }
            A::Invalid(fields) => self.errors = FormErrors::from_fields(fields),
            A::SaveStarted => {
                self.saving = true;
                self.errors = FormErrors::default();
            }
            A::Saved { sent, view } => {
                self.saving = false;
                if sent == self.form {
                    // The secrets typed are saved: the fields empty again.
                    self.form = PaymentDraft::from_view(&view);
                    self.tested = None;
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

#[cfg(test)]
mod tests {
    use super::*;
    use PaymentAction as A;

    fn typed(s: &mut PaymentFormState, field: &'static str, value: &str) {
        let set: fn(&mut PaymentDraft, String) = match field {
            "public_key" => |f, v| f.public_key = v,
            "secret_key" => |f, v| f.secret_key = v,
            _ => |f, v| f.manual_number = v,
        };
        s.apply(A::Edit {
            field,
            set,
            value: value.into(),
        });
    }

    fn intasend() -> PaymentFormState {
        let mut s = PaymentFormState::new(PaymentSettingsView::default());
        s.apply(A::Provider(MpesaProvider::IntaSend));
        typed(&mut s, "public_key", "ISPubKey_test_1");
        typed(&mut s, "secret_key", "ISSecretKey_test_1");
        s
    }

    fn ok(message: &str) -> ConnectionTest {
        ConnectionTest {
            ok: true,
            message: message.into(),
        }
    }

    #[test]
    fn a_test_result_shows_only_beside_the_details_it_tested() {
        let mut s = intasend();
        s.apply(A::TestStarted);
        let asked = s.form.clone();
        // Typed on while the test ran.
        typed(&mut s, "public_key", "ISPubKey_test_2");
        s.apply(A::Tested {
            asked: asked.clone(),
            result: ok("Connected."),
            errors: None,
        });
        assert!(!s.testing);
        assert_eq!(s.test_result(), None, "it tested other details");
        // Typed back: the result is for these again.
        typed(&mut s, "public_key", "ISPubKey_test_1");
        assert_eq!(s.test_result(), Some(&ok("Connected.")));
    }

    #[test]
    fn errors_from_a_test_of_older_details_are_not_shown() {
        let mut s = intasend();
        s.apply(A::TestStarted);
        let asked = s.form.clone();
        typed(&mut s, "secret_key", "ISSecretKey_test_2");
        let errors = FormErrors::from_fields(vec![FieldError::new("secret_key", "Wrong key.")]);
        s.apply(A::Tested {
            asked,
            result: ok("Not tested"),
            errors: Some(errors),
        });
        assert_eq!(s.errors.field("secret_key"), None);
    }

    #[test]
    fn a_save_empties_the_secrets_only_if_nothing_was_typed_since() {
        let mut s = intasend();
        s.apply(A::SaveStarted);
        let sent = s.form.clone();
        let view = PaymentSettingsView {
            provider: MpesaProvider::IntaSend,
            ..PaymentSettingsView::default()
        };
        s.apply(A::Saved {
            sent: sent.clone(),
            view: view.clone(),
        });
        assert!(!s.saving);
        assert_eq!(s.form.secret_key, "", "saved: the secret field empties");
        assert_eq!(s.saved, view);

        let mut s = intasend();
        s.apply(A::SaveStarted);
        let sent = s.form.clone();
        typed(&mut s, "manual_number", "123456");
        s.apply(A::Saved { sent, view });
        assert_eq!(
            s.form.secret_key, "ISSecretKey_test_1",
            "typed on during the save: nothing typed is lost"
        );
        assert_eq!(s.form.manual_number, "123456");
    }

    #[test]
    fn changing_service_forgets_the_other_service_s_errors_but_not_the_number_s() {
        let mut s = intasend();
        s.apply(A::Invalid(vec![
            FieldError::new("public_key", "Paste the key."),
            FieldError::new("manual_number", "5 to 8 digits."),
        ]));
        s.apply(A::Provider(MpesaProvider::Daraja));
        assert_eq!(s.errors.field("public_key"), None);
        assert!(s.errors.field("manual_number").is_some());
        typed(&mut s, "manual_number", "1");
        assert_eq!(s.errors.field("manual_number"), None, "typing clears it");
    }
}
