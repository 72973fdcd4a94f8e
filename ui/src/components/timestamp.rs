//! Times in the till's own time zone. The domain keeps UTC; the browser
//! knows the local offset (which for Morocco changes around Ramadan), so the
//! offset is asked for each instant rather than once.

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use wasm_bindgen::JsValue;
use yew::prelude::*;

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
