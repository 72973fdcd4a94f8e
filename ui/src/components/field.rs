//! Form plumbing shared by every form: the errors a form shows (from a
//! domain `validate()` before sending, or from the shell after), the markup of
//! one field's error, and reading values out of input events.
//!
//! Field errors always render as
//! `<div class="field-error" data-field="<field>">message</div>` right under
//! their input, so a person (and a test) finds them in one place.

use dukadesk_domain::ipc::{FieldError, IpcError};
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// What a form shows after a failed check or save.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FormErrors {
    fields: Vec<FieldError>,
    banner: Option<String>,
}

impl FormErrors {
    /// Errors found by a domain `validate()`, each in the screens'
    /// language when the rules name it by key.
    pub fn from_fields(fields: Vec<FieldError>) -> Self {
        Self {
            fields: fields
                .into_iter()
                .map(crate::i18n::localize_field)
                .collect(),
            banner: None,
        }
    }

    /// Only a banner message, for problems no field owns.
    pub fn banner_only(message: impl Into<String>) -> Self {
        Self {
            fields: Vec::new(),
            banner: Some(message.into()),
        }
    }

    /// An error from the shell. Fields the form shows (`shown`) go beside
    /// their input; the message of any other field, or the error's own
    /// message when no field is named, goes into the banner so nothing is
    /// lost.
    pub fn from_ipc(err: IpcError, shown: &[&str]) -> Self {
        let (fields, others): (Vec<_>, Vec<_>) = err
            .fields
            .into_iter()
            .partition(|f| shown.contains(&f.field.as_str()));
        let banner = if fields.is_empty() && others.is_empty() {
            Some(err.message)
        } else if others.is_empty() {
            None
        } else {
            let texts: Vec<String> = others.into_iter().map(|f| f.message).collect();
            Some(texts.join(" "))
        };
        Self { fields, banner }
    }

    /// The message for one field.
    pub fn field(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|f| f.field == name)
            .map(|f| f.message.as_str())
    }

    /// Forgets one field's error (once its input has been edited).
    pub fn clear_field(&mut self, name: &str) {
        self.fields.retain(|f| f.field != name);
    }

    /// The banner message.
    pub fn banner(&self) -> Option<&str> {
        self.banner.as_deref()
    }

    /// `"true"` when the field has an error, for `aria-invalid`.
    pub fn invalid(&self, name: &str) -> Option<AttrValue> {
        self.field(name).map(|_| AttrValue::Static("true"))
    }
}

/// A provider form's environment select value for its saved address:
/// `sandbox` for the sandbox (or nothing saved), `live_name` for the live
/// address, or the address itself (a shop's own, or a simulator), which is
/// also returned so the select can offer it.
pub fn saved_environment(
    url: &str,
    sandbox: &str,
    live: &str,
    live_name: &str,
) -> (String, Option<String>) {
    let url = url.trim().trim_end_matches('/');
    if url.is_empty() || url == sandbox {
        ("sandbox".into(), None)
    } else if url == live {
        (live_name.into(), None)
    } else {
        (url.to_owned(), Some(url.to_owned()))
    }
}

/// The error under one input, or nothing.
pub fn field_error(errors: &FormErrors, field: &'static str) -> Html {
    match errors.field(field) {
        Some(message) => html! {
            <div class="field-error" data-field={field} role="alert">{ message.to_owned() }</div>
        },
        None => Html::default(),
    }
}

/// The text of the input an `input` event came from.
pub fn input_text(e: &InputEvent) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

/// The text of the textarea an `input` event came from.
pub fn textarea_text(e: &InputEvent) -> String {
    e.target_unchecked_into::<HtmlTextAreaElement>().value()
}

/// The value of the select (or input) a `change` event came from.
pub fn select_value(e: &Event) -> String {
    e.target_unchecked_into::<HtmlSelectElement>().value()
}

/// Whether the checkbox a `change` event came from is ticked.
pub fn checkbox_checked(e: &Event) -> bool {
    e.target_unchecked_into::<HtmlInputElement>().checked()
}

#[cfg(test)]
mod tests;
