//! The app's own words in the till's language: Project Fluent message
//! files, one per language (`ui/locales/{en,sw,fr,ar}.ftl`), which a
//! translator edits without touching code. [`t`], [`t_args`] and
//! [`t_count`] look a message up in the language chosen in Settings (set
//! at start and on a change by [`set_language`]); a message missing in
//! that language falls back to English, and a test fails when any file
//! lacks a message English has, or the code asks for one no file has.
//!
//! Arabic lays the whole window out right to left (`<html dir="rtl">`,
//! [`apply_language`]); its messages isolate the values put into them, so
//! a Latin shop or item name keeps its own direction.

use dukadesk_domain::customer::Language;
use dukadesk_domain::ipc::{FieldError, IpcError};
use dukadesk_domain::words::{Arg, Localize, Words};
use fluent_bundle::types::FluentNumber;
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use std::cell::{Cell, RefCell};

/// Each language's message file, as shipped.
pub const FILES: [(Language, &str); 4] = [
    (Language::En, include_str!("../locales/en.ftl")),
    (Language::Sw, include_str!("../locales/sw.ftl")),
    (Language::Fr, include_str!("../locales/fr.ftl")),
    (Language::Ar, include_str!("../locales/ar.ftl")),
];

thread_local! {
    static CURRENT: Cell<Language> = const { Cell::new(Language::En) };
    static BUNDLES: RefCell<Vec<(Language, FluentBundle<FluentResource>)>> =
        const { RefCell::new(Vec::new()) };
}

/// A language's messages, parsed. A file that does not parse keeps the
/// messages it could read (the test in `i18n/tests.rs` fails on it).
pub fn bundle(language: Language) -> FluentBundle<FluentResource> {
    let source = FILES
        .iter()
        .find(|(l, _)| *l == language)
        .map_or("", |(_, s)| *s);
    let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(r, _)| r);
    let id: unic_langid::LanguageIdentifier = language.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new(vec![id]);
    bundle.set_use_isolating(language.right_to_left());
    // Duplicates are reported by the test; the first one stays here.
    let _ = bundle.add_resource(resource);
    bundle
}

/// The language the screens are in now.
pub fn language() -> Language {
    CURRENT.with(Cell::get)
}

/// Switches the messages to `language` (the page must draw again).
pub fn set_language(language: Language) {
    CURRENT.with(|c| c.set(language));
}

/// Sets `lang` and `dir` on `<html>`: Arabic lays the window out right to
/// left.
pub fn apply_language(language: Language) {
    set_language(language);
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", language.code());
        let _ = root.set_attribute(
            "dir",
            if language.right_to_left() {
                "rtl"
            } else {
                "ltr"
            },
        );
    }
}

fn format_in(language: Language, key: &str, args: Option<&FluentArgs<'_>>) -> Option<String> {
    BUNDLES.with(|b| {
        let mut bundles = b.borrow_mut();
        if !bundles.iter().any(|(l, _)| *l == language) {
            bundles.push((language, bundle(language)));
        }
        let (_, bundle) = bundles.iter().find(|(l, _)| *l == language)?;
        format_with(bundle, key, args)
    })
}

/// The message `key` of `bundle`, its values put in; `None` when it has
/// no such message.
fn format_with(
    bundle: &FluentBundle<FluentResource>,
    key: &str,
    args: Option<&FluentArgs<'_>>,
) -> Option<String> {
    let pattern = bundle.get_message(key)?.value()?;
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned(),
    )
}

/// The message `key` in the current language, for a failure's hook: `None`
/// when the words cannot be read now (the failure came while they were
/// being read, or that language was never loaded). Never panics.
pub fn t_if_free(key: &str) -> Option<String> {
    let language = CURRENT.try_with(Cell::get).ok()?;
    BUNDLES
        .try_with(|b| {
            let bundles = b.try_borrow().ok()?;
            let (_, bundle) = bundles.iter().find(|(l, _)| *l == language)?;
            format_with(bundle, key, None)
        })
        .ok()
        .flatten()
}

/// The message `key` in the current language (English when that language
/// lacks it; the key itself when no file has it).
pub fn t(key: &str) -> String {
    t_args(key, &[])
}

/// [`t`] with values put into the message (`{ $name }`).
pub fn t_args(key: &str, values: &[(&str, &str)]) -> String {
    let args = (!values.is_empty()).then(|| words(values));
    format_args_in(key, args.as_ref())
}

/// [`t_args`] with a number as `{ $count }`, put in as a number so the
/// message can choose its plural form (`{ $count -> [one] … *[other] … }`;
/// a number passed as words to [`t_args`] never matches `[one]`).
pub fn t_count(key: &str, count: impl Into<FluentNumber>, values: &[(&str, &str)]) -> String {
    let mut args = words(values);
    args.set("count", FluentValue::Number(count.into()));
    format_args_in(key, Some(&args))
}

/// [`t`] for a message whose id is made from data (an export's kinds of
/// record): `fallback` (the shell's English words) when no file has it.
pub fn t_or(key: &str, fallback: &str) -> String {
    try_format(key, None).unwrap_or_else(|| fallback.to_owned())
}

/// A message of the rules (a phone number refused, an order's move) in the
/// screens' language; its English when no file has it.
pub fn said(message: &(impl Localize + ?Sized)) -> String {
    words_or(&message.words(), &message.to_string())
}

/// The message `words` names, in the screens' language; `english` when no
/// file has it.
pub fn words_or(words: &Words, english: &str) -> String {
    let mut args = FluentArgs::new();
    for (name, arg) in &words.args {
        let value = match arg {
            Arg::Text(text) => FluentValue::from(text.clone()),
            Arg::Words(key) => {
                FluentValue::from(try_format(key, None).unwrap_or_else(|| key.clone()))
            }
            Arg::Number(n) => FluentValue::from(*n),
        };
        args.set(name.clone(), value);
    }
    try_format(&words.key, Some(&args)).unwrap_or_else(|| english.to_owned())
}

/// An error from the shell with each message it names by key put in the
/// screens' language (the rest stays as the shell wrote it).
pub fn localize(mut error: IpcError) -> IpcError {
    if let Some(words) = &error.words {
        error.message = words_or(words, &error.message);
    }
    error.fields = error.fields.into_iter().map(localize_field).collect();
    error
}

/// A field's error in the screens' language, when it is named by key.
pub fn localize_field(mut field: FieldError) -> FieldError {
    if let Some(words) = &field.words {
        field.message = words_or(words, &field.message);
    }
    field
}

fn words<'a>(values: &[(&'a str, &'a str)]) -> FluentArgs<'a> {
    let mut args = FluentArgs::new();
    for (name, value) in values {
        args.set(*name, FluentValue::from(*value));
    }
    args
}

fn format_args_in(key: &str, args: Option<&FluentArgs<'_>>) -> String {
    try_format(key, args).unwrap_or_else(|| key.to_owned())
}

/// The message in the screens' language, else in English; `None` when no
/// file has it.
fn try_format(key: &str, args: Option<&FluentArgs<'_>>) -> Option<String> {
    format_in(language(), key, args).or_else(|| format_in(Language::En, key, args))
}

#[cfg(test)]
mod tests;
