//! Times in the till's own time zone. The domain keeps UTC; the browser
//! knows the local offset (which for Morocco changes around Ramadan), so the
//! offset is asked for each instant rather than once.

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use gloo_timers::callback::Interval;
use wasm_bindgen::JsValue;
use yew::prelude::*;

/// How often a [`TimeAgo`] refreshes its text, in milliseconds.
const AGO_REFRESH_MS: u32 = 10_000;

fn to_local(at: DateTime<Utc>) -> NaiveDateTime {
    let js = js_sys::Date::new(&JsValue::from_f64(at.timestamp_millis() as f64));
    // Minutes to add to local time to get UTC.
    let offset = js.get_timezone_offset() as i64;
    at.naive_utc() - Duration::minutes(offset)
}

/// The current instant, by the browser's clock.
pub fn now() -> Option<DateTime<Utc>> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64)
}

/// `14:05` for today, `12 Mar 14:05` for another day.
pub fn short_text(at: DateTime<Utc>) -> String {
    let local = to_local(at);
    let today = now().map(|n| to_local(n).date());
    if today == Some(local.date()) {
        local.format("%H:%M").to_string()
    } else {
        local.format("%-d %b %H:%M").to_string()
    }
}

/// `14:05`, whatever the day (for times within the next hour or so).
pub fn clock_text(at: DateTime<Utc>) -> String {
    to_local(at).format("%H:%M").to_string()
}

/// `Tue 12 Mar 2025, 14:05`.
pub fn long_text(at: DateTime<Utc>) -> String {
    to_local(at).format("%a %-d %b %Y, %H:%M").to_string()
}

/// How long ago, for recent times: `just now`, `5 s ago`, `3 min ago`,
/// `2 h ago`; `None` from a day on (or for a time ahead of the clock by more
/// than a few seconds), where the date says more.
pub fn ago_text(elapsed: Duration) -> Option<String> {
    let secs = elapsed.num_seconds();
    match secs {
        -5..=4 => Some("just now".into()),
        5..=59 => Some(format!("{secs} s ago")),
        60..=3_599 => Some(format!("{} min ago", secs / 60)),
        3_600..=86_399 => Some(format!("{} h ago", secs / 3_600)),
        _ => None,
    }
}

/// Props of [`Timestamp`].
#[derive(Properties, PartialEq)]
pub struct TimestampProps {
    /// The instant.
    pub at: DateTime<Utc>,
}

/// A `<time>` with the short text and the full date on hover.
#[function_component]
pub fn Timestamp(props: &TimestampProps) -> Html {
    html! {
        <time datetime={props.at.to_rfc3339()} title={long_text(props.at)}>
            { short_text(props.at) }
        </time>
    }
}

/// Props of [`TimeAgo`].
#[derive(Properties, PartialEq)]
pub struct TimeAgoProps {
    /// The instant, in the past.
    pub at: DateTime<Utc>,
}

/// A `<time>` saying how long ago (the short text from a day on), with the
/// full date on hover; it keeps itself current.
#[function_component]
pub fn TimeAgo(props: &TimeAgoProps) -> Html {
    let tick = use_state(now);
    {
        let tick = tick.clone();
        use_effect_with((), move |_| {
            let timer = Interval::new(AGO_REFRESH_MS, move || tick.set(now()));
            move || drop(timer)
        });
    }
    let text = (*tick)
        .and_then(|n| ago_text(n - props.at))
        .unwrap_or_else(|| short_text(props.at));
    html! {
        <time datetime={props.at.to_rfc3339()} title={long_text(props.at)}>{ text }</time>
    }
}

#[cfg(test)]
mod tests;
