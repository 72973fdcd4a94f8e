//! The test chat's state as one reducer: the chat as the shell last showed
//! it, the test customer's phone as typed, the message box, and the errors.
//!
//! The chat is polled every second. Like the inbox, every change (a message,
//! the payment or airtime setting, a reset) bumps `epoch` when it starts and ends, and
//! a poll answer asked for in another epoch is dropped, so a slow poll never
//! hides a message that was just sent.

use crate::components::field::FormErrors;
use dukadesk_domain::ipc::{FieldError, MessageView, SimulatedPayment, TestChatSend, TestChatView};
use dukadesk_domain::{Country, Msisdn};
use std::rc::Rc;
use yew::prelude::*;

/// The messages the chips under the box send: a greeting, the first two
/// menu choices and the words the bot always understands.
pub const QUICK_REPLIES: [&str; 7] = ["hi", "1", "2", "menu", "cart", "agent", "delete me"];

/// The payment choices: value of `#test-payment` and setting (what each
/// option says is the page's `payment_label`).
pub const PAYMENT_CHOICES: [(&str, SimulatedPayment); 3] = [
    ("succeed", SimulatedPayment::Succeed),
    ("fail", SimulatedPayment::Fail),
    ("timeout", SimulatedPayment::Timeout),
];

/// The `#test-payment` value of a setting.
pub fn payment_value(payment: SimulatedPayment) -> &'static str {
    PAYMENT_CHOICES
        .iter()
        .find(|(_, p)| *p == payment)
        .map_or("succeed", |(value, _)| value)
}

/// The setting a `#test-payment` value stands for.
pub fn payment_from_value(value: &str) -> Option<SimulatedPayment> {
    PAYMENT_CHOICES
        .iter()
        .find(|(v, _)| *v == value)
        .map(|(_, p)| *p)
}

/// The simulated airtime choices: value of `#test-airtime` and whether
/// the simulated provider fails its sends.
pub const AIRTIME_CHOICES: [(&str, bool); 2] = [("delivered", false), ("fails", true)];

/// The `#test-airtime` value of a setting.
pub fn airtime_value(fails: bool) -> &'static str {
    if fails {
        "fails"
    } else {
        "delivered"
    }
}

/// Whether a `#test-airtime` value means the sends fail.
pub fn airtime_from_value(value: &str) -> Option<bool> {
    AIRTIME_CHOICES
        .iter()
        .find(|(v, _)| *v == value)
        .map(|(_, fails)| *fails)
}

/// Everything the test chat shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TestChatState {
    /// The chat and its settings, once loaded.
    pub view: Option<TestChatView>,
    /// The phone as typed, once the merchant has edited it; until then the
    /// shell's number shows.
    pub phone_edit: Option<String>,
    /// The message box.
    pub input: String,
    /// Whether a change is in flight.
    pub busy: bool,
    /// Bumped when a change starts and ends.
    pub epoch: u32,
    /// Bumped by the timer to reload the chat.
    pub tick: u32,
    /// Problems with the last change: the phone's beside its field, the
    /// rest in the banner.
    pub errors: FormErrors,
    /// Why the chat could not be loaded, until it can.
    pub load_error: Option<String>,
}

/// What can happen on the test chat.
#[derive(Debug)]
pub enum TestChatAction {
    /// The chat arrived, asked for in this epoch.
    Loaded(u32, TestChatView),
    /// Loading failed.
    LoadFailed(String),
    /// The message box changed.
    Input(String),
    /// The phone field changed.
    Phone(String),
    /// A change was sent.
    Started,
    /// A message was answered. `typed` is the box's text when the message
    /// came from it, cleared unless edited meanwhile.
    Sent {
        /// The box's text as sent.
        typed: Option<String>,
        /// The chat now.
        view: TestChatView,
    },
    /// The payment or airtime setting, or a reset, was answered.
    Changed(TestChatView),
    /// A change was refused, here or by the shell.
    Refused(FormErrors),
    /// The timer.
    Tick,
}

impl Reducible for TestChatState {
    type Action = TestChatAction;
    fn reduce(self: Rc<Self>, action: TestChatAction) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        Rc::new(next)
    }
}

impl TestChatState {
    /// Applies one action.
    pub fn apply(&mut self, action: TestChatAction) {
        use TestChatAction as A;
        match action {
            A::Loaded(epoch, view) => {
                if epoch == self.epoch && !self.busy {
                    self.view = Some(view);
                    self.load_error = None;
                }
            }
            A::LoadFailed(message) => self.load_error = Some(message),
            A::Input(text) => self.input = text,
            A::Phone(text) => {
                self.phone_edit = Some(text);
                self.errors.clear_field("phone");
            }
            A::Started => {
                self.busy = true;
                self.epoch = self.epoch.wrapping_add(1);
                self.errors = FormErrors::default();
            }
            A::Sent { typed, view } => {
                if typed.is_some_and(|t| t == self.input) {
                    self.input.clear();
                }
                self.changed(view);
            }
            A::Changed(view) => self.changed(view),
            A::Refused(errors) => {
                if self.busy {
                    self.busy = false;
                    self.epoch = self.epoch.wrapping_add(1);
                }
                self.errors = errors;
            }
            A::Tick => self.tick = self.tick.wrapping_add(1),
        }
    }

    fn changed(&mut self, view: TestChatView) {
        self.busy = false;
        self.epoch = self.epoch.wrapping_add(1);
        self.errors = FormErrors::default();
        self.load_error = None;
        self.view = Some(view);
    }

    /// The phone field's text: as typed, else the shell's number.
    pub fn phone(&self) -> &str {
        match (&self.phone_edit, &self.view) {
            (Some(typed), _) => typed,
            (None, Some(view)) => &view.phone,
            (None, None) => "",
        }
    }

    /// The messages shown, oldest first.
    pub fn messages(&self) -> &[MessageView] {
        self.view
            .as_ref()
            .and_then(|v| v.conversation.as_ref())
            .map_or(&[], |c| c.messages.as_slice())
    }

    /// The payment setting shown.
    pub fn payment(&self) -> SimulatedPayment {
        self.view.as_ref().map(|v| v.payment).unwrap_or_default()
    }

    /// Whether the simulated airtime provider fails its sends.
    pub fn airtime_fails(&self) -> bool {
        self.view.as_ref().is_some_and(|v| v.airtime_fails)
    }

    /// The request that sends `text` as the test customer: nothing while a
    /// change is in flight or for blank text, and the phone's problem
    /// (checked by the same rule as every phone in the app) if it has one.
    pub fn message(
        &self,
        text: &str,
        country: Country,
    ) -> Option<Result<TestChatSend, FormErrors>> {
        let text = text.trim();
        if self.busy || text.is_empty() {
            return None;
        }
        let phone = self.phone();
        Some(match Msisdn::parse(phone, country) {
            Ok(_) => Ok(TestChatSend {
                phone: phone.trim().to_owned(),
                text: text.to_owned(),
            }),
            Err(e) => Err(FormErrors::from_fields(vec![FieldError::said("phone", &e)])),
        })
    }

    /// The banner's message: the last change's problem, else a failed load.
    pub fn banner(&self) -> Option<&str> {
        self.errors.banner().or(self.load_error.as_deref())
    }
}

#[cfg(test)]
mod tests;
