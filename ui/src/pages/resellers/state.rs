//! The Resellers page's state as one reducer: the list with each
//! reseller's figures, the one picked (its detail card and payout form),
//! and the add-or-edit form. Saving a reseller and recording a payout both
//! answer with the whole list, which replaces the one on screen; a payout's
//! answer carries whom it paid, so a draft for someone picked since is left
//! alone.

use crate::components::field::FormErrors;
use dukadesk_domain::ipc::ResellerView;
use dukadesk_domain::resellers::{CommissionRule, PayoutInput, ResellerInput, RuleChoice};
use dukadesk_domain::{Money, ResellerId};
use std::rc::Rc;
use yew::prelude::*;

/// Fields the reseller form shows errors beside, as the shell names them.
pub const RESELLER_FIELDS: &[&str] = &["name", "phone", "code", "rate", "applies_to"];

/// Fields the payout form shows errors beside, as the shell names them.
pub const PAYOUT_FIELDS: &[&str] = &["amount", "method", "receipt"];

/// The value of a payout by cash, as the shell names it.
pub const CASH: &str = "cash";

/// The value of a payout by M-Pesa, as the shell names it.
pub const MPESA: &str = "mpesa";

/// The rule select's value for a choice.
pub const fn rule_value(rule: RuleChoice) -> &'static str {
    match rule {
        RuleChoice::Percent => "percent",
        RuleChoice::PerUnit => "per_unit",
    }
}

/// The choice for a rule select's value (anything else: a percentage).
pub fn rule_from_value(value: &str) -> RuleChoice {
    match value {
        "per_unit" => RuleChoice::PerUnit,
        _ => RuleChoice::Percent,
    }
}

/// The form for a new reseller: active, on a percentage.
pub fn new_draft() -> ResellerInput {
    ResellerInput {
        active: true,
        ..ResellerInput::default()
    }
}

/// The form for changing `view`'s reseller, as saved.
pub fn draft_for(view: &ResellerView) -> ResellerInput {
    let r = &view.reseller;
    let (rule, rate) = match r.rule {
        CommissionRule::Percent { .. } => (
            RuleChoice::Percent,
            r.rule.describe().trim_end_matches('%').to_owned(),
        ),
        CommissionRule::PerUnit { amount } => (RuleChoice::PerUnit, amount.amount_text()),
    };
    ResellerInput {
        id: Some(r.id),
        name: r.name.clone(),
        phone: r.phone.as_ref().map(|p| p.national()).unwrap_or_default(),
        code: r.code.clone(),
        rule,
        rate,
        active: r.active,
        first_order_only: r.first_order_only,
        applies_to: if r.applies_to.is_everything() {
            String::new()
        } else {
            r.applies_to.value()
        },
    }
}

/// Whether an amount is below zero (more was paid out than earned, after
/// a cancellation took commission back): drawn in red.
pub fn is_negative(amount: Money) -> bool {
    amount.minor < 0
}

/// The class of a figure that may fall below zero.
pub fn amount_class(amount: Money) -> Classes {
    classes!("num", is_negative(amount).then_some("reseller-negative"))
}

/// The payout form as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PayoutDraft {
    /// The amount as typed.
    pub amount: String,
    /// [`CASH`] or [`MPESA`].
    pub method: String,
    /// The M-Pesa code as typed.
    pub receipt: String,
}

impl Default for PayoutDraft {
    fn default() -> Self {
        Self {
            amount: String::new(),
            method: CASH.into(),
            receipt: String::new(),
        }
    }
}

impl PayoutDraft {
    /// Whether the M-Pesa code is asked for (a payout by M-Pesa).
    pub fn shows_receipt(&self) -> bool {
        self.method == MPESA
    }

    /// The request paying `reseller` (a code typed before switching to
    /// cash is not sent).
    pub fn to_request(&self, reseller: ResellerId) -> PayoutInput {
        PayoutInput {
            reseller_id: Some(reseller),
            amount: self.amount.trim().to_owned(),
            method: self.method.clone(),
            receipt: if self.shows_receipt() {
                self.receipt.trim().to_owned()
            } else {
                String::new()
            },
        }
    }
}

/// One change typed in the reseller form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormEdit {
    /// The name.
    Name(String),
    /// The WhatsApp number.
    Phone(String),
    /// The code (blank: one is made).
    Code(String),
    /// Percentage or per unit.
    Rule(RuleChoice),
    /// The percentage or the amount a unit.
    Rate(String),
    /// Whether their code credits new orders.
    Active(bool),
    /// Whether only each customer's first order earns commission.
    FirstOrderOnly(bool),
    /// Which goods earn it (`AppliesTo::value`).
    AppliesTo(String),
}

impl FormEdit {
    /// The field whose error the change makes stale.
    const fn field(&self) -> Option<&'static str> {
        match self {
            FormEdit::Name(_) => Some("name"),
            FormEdit::Phone(_) => Some("phone"),
            FormEdit::Code(_) => Some("code"),
            FormEdit::Rule(_) | FormEdit::Rate(_) => Some("rate"),
            FormEdit::AppliesTo(_) => Some("applies_to"),
            FormEdit::Active(_) | FormEdit::FirstOrderOnly(_) => None,
        }
    }
}

/// One change typed in the payout form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PayoutEdit {
    /// The amount.
    Amount(String),
    /// Cash or M-Pesa.
    Method(String),
    /// The M-Pesa code.
    Receipt(String),
}

/// Everything the page shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ResellersState {
    /// The resellers, once read.
    pub resellers: Option<Vec<ResellerView>>,
    /// Why the list could not be read.
    pub error: Option<String>,
    /// Bumped to read the list again.
    pub attempt: u32,
    /// The reseller picked.
    pub selected: Option<ResellerId>,
    /// The add-or-edit form, when open.
    pub form: Option<ResellerInput>,
    /// What is wrong with it.
    pub form_errors: FormErrors,
    /// Whether a save is on its way.
    pub saving: bool,
    /// The payout form for the reseller picked.
    pub payout: PayoutDraft,
    /// What is wrong with it.
    pub payout_errors: FormErrors,
    /// Whether a payout is on its way.
    pub paying: bool,
}

/// What can happen on the page.
#[derive(Debug)]
pub enum ResellersAction {
    /// The list arrived.
    Loaded(Vec<ResellerView>),
    /// Reading the list failed (or the owner password was not given).
    LoadFailed(String),
    /// Read the list again.
    Retry,
    /// A row was clicked.
    Select(ResellerId),
    /// "Add reseller": an empty form.
    Add,
    /// "Edit": the form for the reseller picked.
    EditSelected,
    /// The form was cancelled.
    CloseForm,
    /// Something was typed in the form.
    Form(FormEdit),
    /// Saving started.
    SaveStarted,
    /// Saved: every reseller, as they are now.
    Saved(Vec<ResellerView>),
    /// Saving failed (or the form was found wrong before sending).
    SaveFailed(FormErrors),
    /// Something was typed in the payout form.
    Payout(PayoutEdit),
    /// A payout was sent.
    PayoutStarted,
    /// A payout to `reseller` was recorded: every reseller, as they are now.
    PaidOut {
        /// Whom it paid.
        reseller: ResellerId,
        /// The list after it.
        list: Vec<ResellerView>,
    },
    /// A payout to `reseller` was refused (or found wrong before sending).
    PayoutFailed {
        /// Whom it was for.
        reseller: ResellerId,
        /// Why.
        errors: FormErrors,
    },
}

impl Reducible for ResellersState {
    type Action = ResellersAction;
    fn reduce(self: Rc<Self>, action: ResellersAction) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        Rc::new(next)
    }
}

impl ResellersState {
    /// The resellers read so far (none before the list came).
    pub fn list(&self) -> &[ResellerView] {
        self.resellers.as_deref().unwrap_or_default()
    }

    /// The reseller picked, as the list shows them.
    pub fn selected_view(&self) -> Option<&ResellerView> {
        let id = self.selected?;
        self.list().iter().find(|v| v.reseller.id == id)
    }

    /// Whether the form edits a reseller already saved.
    pub fn editing(&self) -> bool {
        self.form.as_ref().is_some_and(|f| f.id.is_some())
    }

    /// A new list: a reseller picked who is no longer in it is let go.
    fn replace_list(&mut self, list: Vec<ResellerView>) {
        if let Some(id) = self.selected {
            if !list.iter().any(|v| v.reseller.id == id) {
                self.selected = None;
            }
        }
        self.resellers = Some(list);
        self.error = None;
    }

    /// Applies one action.
    pub fn apply(&mut self, action: ResellersAction) {
        use ResellersAction as A;
        match action {
            A::Loaded(list) => self.replace_list(list),
            A::LoadFailed(message) => self.error = Some(message),
            A::Retry => {
                self.error = None;
                self.attempt = self.attempt.wrapping_add(1);
            }
            A::Select(id) => {
                if self.selected != Some(id) {
                    self.payout = PayoutDraft::default();
                    self.payout_errors = FormErrors::default();
                    self.paying = false;
                }
                // The form for someone else closes; a new one stays.
                if self
                    .form
                    .as_ref()
                    .is_some_and(|f| f.id.is_some_and(|f| f != id))
                {
                    self.form = None;
                    self.form_errors = FormErrors::default();
                }
                self.selected = Some(id);
            }
            A::Add => {
                self.form = Some(new_draft());
                self.form_errors = FormErrors::default();
            }
            A::EditSelected => {
                if let Some(draft) = self.selected_view().map(draft_for) {
                    self.form = Some(draft);
                    self.form_errors = FormErrors::default();
                }
            }
            A::CloseForm => {
                self.form = None;
                self.form_errors = FormErrors::default();
                self.saving = false;
            }
            A::Form(edit) => {
                if let Some(field) = edit.field() {
                    self.form_errors.clear_field(field);
                }
                if let Some(form) = &mut self.form {
                    match edit {
                        FormEdit::Name(v) => form.name = v,
                        FormEdit::Phone(v) => form.phone = v,
                        FormEdit::Code(v) => form.code = v,
                        FormEdit::Rule(v) => form.rule = v,
                        FormEdit::Rate(v) => form.rate = v,
                        FormEdit::Active(v) => form.active = v,
                        FormEdit::FirstOrderOnly(v) => form.first_order_only = v,
                        FormEdit::AppliesTo(v) => form.applies_to = v,
                    }
                }
            }
            A::SaveStarted => {
                self.saving = true;
                self.form_errors = FormErrors::default();
            }
            A::Saved(list) => {
                // The reseller saved is picked: the one edited, or the one
                // new in the list.
                let saved = self.form.as_ref().and_then(|f| f.id).or_else(|| {
                    let before = self.list();
                    list.iter()
                        .map(|v| v.reseller.id)
                        .find(|id| !before.iter().any(|b| b.reseller.id == *id))
                });
                self.replace_list(list);
                if let Some(id) = saved {
                    self.apply(A::Select(id));
                }
                self.saving = false;
                self.form = None;
                self.form_errors = FormErrors::default();
            }
            A::SaveFailed(errors) => {
                self.saving = false;
                self.form_errors = errors;
            }
            A::Payout(edit) => match edit {
                PayoutEdit::Amount(v) => {
                    self.payout.amount = v;
                    self.payout_errors.clear_field("amount");
                }
                PayoutEdit::Method(v) => {
                    self.payout.method = v;
                    self.payout_errors.clear_field("method");
                    self.payout_errors.clear_field("receipt");
                }
                PayoutEdit::Receipt(v) => {
                    self.payout.receipt = v;
                    self.payout_errors.clear_field("receipt");
                }
            },
            A::PayoutStarted => {
                self.paying = true;
                self.payout_errors = FormErrors::default();
            }
            A::PaidOut { reseller, list } => {
                self.replace_list(list);
                if self.selected == Some(reseller) {
                    self.payout = PayoutDraft::default();
                    self.payout_errors = FormErrors::default();
                    self.paying = false;
                }
            }
            A::PayoutFailed { reseller, errors } => {
                if self.selected == Some(reseller) {
                    self.payout_errors = errors;
                    self.paying = false;
                }
            }
        }
    }
}
