//! `GET /v1/live`: a server-sent event stream per till. `ready` once the
//! shop's changes are listened to (pull then, to catch up: every change
//! committed after `ready` wakes the stream), `change` when the shop's data
//! changed (pull again), and `revoked` (then the stream ends) when the
//! device is revoked. Keep-alive comments every 15 seconds.

use crate::auth::Device;
use crate::error::ApiError;
use crate::hub::Subscription;
use crate::AppState;
use axum::extract::State;
use axum::response::sse::{Event, KeepAlive, Sse};
use dukadesk_core::sync::protocol::{ErrorBody, LiveChange};
use futures_util::stream::{self, Stream};
use std::convert::Infallible;
use std::time::Duration;
use tokio::sync::broadcast::error::RecvError;

enum Phase {
    Start,
    Open,
    Done,
}

/// The handler.
pub async fn live(
    State(app): State<AppState>,
    device: Device,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, ApiError> {
    // A stream stays open for hours: the database is asked now whether the
    // credential still stands, not the server's memory of it.
    let tenant = crate::auth::look_up(&app, &device.credential_hash).await?;
    let mut sub = app.hub.subscribe(tenant);
    // "ready" promises that any change committed after it wakes this stream.
    sub.listening(Duration::from_secs(5)).await;
    let events = stream::unfold((sub, Phase::Start), |(mut sub, phase)| async move {
        match phase {
            Phase::Start => Some((
                Ok(Event::default().event("ready").data("{}")),
                (sub, Phase::Open),
            )),
            Phase::Done => None,
            Phase::Open => {
                let event = tokio::select! {
                    _ = sub.closed.cancelled() => return closing(sub),
                    r = sub.changes.recv() => match r {
                        Ok(c) => change(&c),
                        Err(RecvError::Lagged(_)) => change(&LiveChange { device_id: None }),
                        Err(RecvError::Closed) => return None,
                    }
                };
                Some((Ok(event), (sub, Phase::Open)))
            }
        }
    });
    Ok(Sse::new(events).keep_alive(KeepAlive::default()))
}

fn change(c: &LiveChange) -> Event {
    Event::default()
        .event("change")
        .data(serde_json::to_string(c).unwrap_or_else(|_| "{}".into()))
}

fn closing(sub: Subscription) -> Option<(Result<Event, Infallible>, (Subscription, Phase))> {
    if sub.shutting_down() {
        return None;
    }
    let e = ApiError::revoked();
    let body = ErrorBody {
        code: e.code.to_owned(),
        message: e.message,
    };
    let data = serde_json::to_string(&body).unwrap_or_else(|_| "{}".into());
    Some((
        Ok(Event::default().event("revoked").data(data)),
        (sub, Phase::Done),
    ))
}
