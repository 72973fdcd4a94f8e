//! A message body as WhatsApp shows it: `*bold*` in bold, everything else
//! as typed. Line breaks are kept by the stylesheet (`white-space:
//! pre-wrap`), not here. Only bold is rendered because it is the only markup
//! the bot writes; other markup shows as typed.

use yew::prelude::*;

/// A run of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span<'a> {
    /// As typed.
    Plain(&'a str),
    /// Between a pair of `*`, without them.
    Bold(&'a str),
}

/// Splits `text` into plain and bold runs by WhatsApp's rule: a `*` opens
/// bold when the next character is not a space and the one before is not a
/// letter or digit; the next `*` on the same line that follows a non-space
/// and is not followed by a letter or digit closes it. A `*` that has no
/// partner stays as typed.
pub fn spans(text: &str) -> Vec<Span<'_>> {
    let mut out = Vec::new();
    let mut plain_from = 0;
    let mut search_from = 0;
    while let Some(rel) = text[search_from..].find('*') {
        let open = search_from + rel;
        match closing_star(text, open) {
            Some(close) => {
                if plain_from < open {
                    out.push(Span::Plain(&text[plain_from..open]));
                }
                out.push(Span::Bold(&text[open + 1..close]));
                plain_from = close + 1;
                search_from = close + 1;
            }
            None => search_from = open + 1,
        }
    }
    if plain_from < text.len() {
        out.push(Span::Plain(&text[plain_from..]));
    }
    out
}

/// Where the `*` that closes the one at `open` is, if it opens bold at all.
fn closing_star(text: &str, open: usize) -> Option<usize> {
    let before = text[..open].chars().next_back();
    if before.is_some_and(char::is_alphanumeric) {
        return None;
    }
    let rest = &text[open + 1..];
    let first = rest.chars().next()?;
    if first.is_whitespace() || first == '*' {
        return None;
    }
    let line = rest.split('\n').next().unwrap_or(rest);
    line.match_indices('*').map(|(i, _)| i).find_map(|i| {
        let inner_last = line[..i].chars().next_back();
        let after = line[i + 1..].chars().next();
        let closes = inner_last.is_some_and(|c| !c.is_whitespace())
            && !after.is_some_and(char::is_alphanumeric);
        closes.then_some(open + 1 + i)
    })
}

/// Which way a message reads, from its first letter: `rtl` when that is
/// Arabic (or Hebrew, Syriac, Thaana, N'Ko), else `ltr`. Digits, emoji and
/// punctuation before it do not decide.
pub fn direction(text: &str) -> &'static str {
    let rtl = |c: char| matches!(u32::from(c), 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF);
    match text.chars().find(|c| c.is_alphabetic()) {
        Some(c) if rtl(c) => "rtl",
        _ => "ltr",
    }
}

/// Props of [`ChatText`].
#[derive(Properties, PartialEq)]
pub struct ChatTextProps {
    /// The message body.
    pub text: AttrValue,
}

/// Whether `c` is a bidirectional embedding, override or isolate control
/// (U+202A–U+202E, U+2066–U+2069): invisible characters that reorder what
/// follows them, so a customer could make "QFT4ABC12X" show as another code
/// or a number read backwards.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The text as staff should read it: bidi controls dropped, every other
/// character kept (the message's direction comes from [`direction`]).
pub fn shown(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().any(is_bidi_control) {
        text.chars()
            .filter(|c| !is_bidi_control(*c))
            .collect::<String>()
            .into()
    } else {
        text.into()
    }
}

/// The body with bold runs in `<strong>`, bidi controls dropped.
#[function_component]
pub fn ChatText(props: &ChatTextProps) -> Html {
    let text = shown(&props.text);
    let runs = spans(&text).into_iter().map(|span| match span {
        Span::Plain(t) => html! { { t.to_owned() } },
        Span::Bold(t) => html! { <strong>{ t.to_owned() }</strong> },
    });
    html! { <>{ for runs }</> }
}

#[cfg(test)]
mod tests;
