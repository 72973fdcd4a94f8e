//! The hosted backend's status, loaded now and every few seconds: the sync
//! indicator in the nav and the Hosted backend card in Settings each keep
//! one while they are shown (the timer stops when they go).
//!
//! A poll and a button's answer (Connect, Sync now) can overtake each other,
//! so each answer is numbered and one older than the one shown is dropped.
//! An unchanged status does not re-render anything.

use crate::ipc::invoke;
use dukadesk_domain::ipc::{GetHostedStatus, HostedStatus, NoArgs};
use gloo_timers::callback::Interval;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// The status as last loaded.
#[derive(Debug, Clone, Default)]
pub struct HostedFeed {
    /// The last status that arrived.
    pub status: Option<Rc<HostedStatus>>,
    /// Why the last load failed, until one succeeds.
    pub error: Option<String>,
    /// The number of the answer shown; not part of equality.
    shown: Cell<u64>,
}

impl PartialEq for HostedFeed {
    fn eq(&self, other: &Self) -> bool {
        self.status == other.status && self.error == other.error
    }
}

/// An answer numbered `.0`.
#[derive(Debug)]
pub enum HostedAction {
    /// A status arrived (from a poll or a button).
    Loaded(u64, HostedStatus),
    /// Loading failed.
    Failed(u64, String),
}

impl HostedFeed {
    /// Applies one answer, unless a newer one is already shown.
    pub fn apply(&mut self, action: HostedAction) {
        match action {
            HostedAction::Loaded(n, status) if n > self.shown.get() => {
                self.shown.set(n);
                self.error = None;
                if self.status.as_deref() != Some(&status) {
                    self.status = Some(Rc::new(status));
                }
            }
            HostedAction::Failed(n, message) if n > self.shown.get() => {
                // The old status stays: it is still the best there is.
                self.shown.set(n);
                self.error = Some(message);
            }
            HostedAction::Loaded(..) | HostedAction::Failed(..) => {}
        }
    }
}

impl Reducible for HostedFeed {
    type Action = HostedAction;
    fn reduce(self: Rc<Self>, action: HostedAction) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        if next == *self {
            self.shown.set(next.shown.get());
            self
        } else {
            Rc::new(next)
        }
    }
}

/// The feed, reloaded now and every `poll_ms`, and a callback that shows a
/// status a button's command returned.
#[hook]
pub fn use_hosted_feed(poll_ms: u32) -> (UseReducerHandle<HostedFeed>, Callback<HostedStatus>) {
    let feed = use_reducer(HostedFeed::default);
    let counter = use_mut_ref(|| 0u64);
    let next = {
        let counter = counter.clone();
        move || {
            let mut c = counter.borrow_mut();
            *c += 1;
            *c
        }
    };
    let show = {
        let dispatch = feed.dispatcher();
        let next = next.clone();
        use_callback((), move |status: HostedStatus, _| {
            dispatch.dispatch(HostedAction::Loaded(next(), status));
        })
    };
    {
        let dispatch = feed.dispatcher();
        use_effect_with(poll_ms, move |poll_ms| {
            let reload = move || {
                let n = next();
                let dispatch = dispatch.clone();
                spawn_local(async move {
                    dispatch.dispatch(match invoke::<GetHostedStatus>(&NoArgs {}).await {
                        Ok(status) => HostedAction::Loaded(n, status),
                        Err(e) => HostedAction::Failed(n, e.message),
                    });
                });
            };
            reload();
            let timer = Interval::new(*poll_ms, reload);
            move || drop(timer)
        });
    }
    (feed, show)
}

#[cfg(test)]
pub(crate) mod tests;
