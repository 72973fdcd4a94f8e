//! A value loaded from the shell now and every few seconds while a
//! component is shown (the timer stops when it goes): the hosted backend's
//! status ([`crate::components::hosted_feed`]) and the inbox list
//! ([`crate::components::inbox_feed`]).
//!
//! Answers can overtake each other (a poll, a reload, a button's answer), so
//! each request is numbered and an answer older than the one shown is
//! dropped. An unchanged value does not re-render anything.

use crate::ipc::invoke;
use dukadesk_domain::ipc::{Command, NoArgs};
use gloo_timers::callback::Interval;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// The value as last loaded.
#[derive(Debug)]
pub struct Feed<T> {
    /// The last value that arrived (`None` until one does).
    pub value: Option<Rc<T>>,
    /// Why the last load failed, until one succeeds.
    pub error: Option<String>,
    /// The number of the answer shown. Not part of equality, so a poll that
    /// changes nothing else renders nothing.
    shown: Cell<u64>,
}

impl<T> Default for Feed<T> {
    fn default() -> Self {
        Self {
            value: None,
            error: None,
            shown: Cell::new(0),
        }
    }
}

impl<T> Clone for Feed<T> {
    fn clone(&self) -> Self {
        Self {
            value: self.value.clone(),
            error: self.error.clone(),
            shown: self.shown.clone(),
        }
    }
}

impl<T: PartialEq> PartialEq for Feed<T> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value && self.error == other.error
    }
}

/// An answer to request number `.0`.
#[derive(Debug)]
pub enum FeedAction<T> {
    /// The value arrived.
    Loaded(u64, T),
    /// Loading failed.
    Failed(u64, String),
}

impl<T: PartialEq> Feed<T> {
    /// Applies one answer, unless a newer one is already shown.
    pub fn apply(&mut self, action: FeedAction<T>) {
        match action {
            FeedAction::Loaded(n, value) if n > self.shown.get() => {
                self.shown.set(n);
                self.error = None;
                if self.value.as_deref() != Some(&value) {
                    self.value = Some(Rc::new(value));
                }
            }
            FeedAction::Failed(n, message) if n > self.shown.get() => {
                // The old value stays: it is still the best there is.
                self.shown.set(n);
                self.error = Some(message);
            }
            FeedAction::Loaded(..) | FeedAction::Failed(..) => {}
        }
    }
}

impl<T: PartialEq> Reducible for Feed<T> {
    type Action = FeedAction<T>;
    fn reduce(self: Rc<Self>, action: FeedAction<T>) -> Rc<Self> {
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

/// A feed in a component: the value, and callbacks that reload it at once
/// and show a value another command returned (a button's answer).
pub struct UseFeed<T: PartialEq + 'static> {
    /// The value as last loaded.
    pub feed: UseReducerHandle<Feed<T>>,
    /// Reloads now.
    pub reload: Callback<()>,
    /// Shows this value (newer than any answer still on its way).
    pub show: Callback<T>,
}

/// The answer of command `C`, loaded now and every `poll_ms`.
#[hook]
pub fn use_feed<C>(poll_ms: u32) -> UseFeed<C::Resp>
where
    C: Command<Req = NoArgs> + 'static,
    C::Resp: PartialEq + 'static,
{
    let feed = use_reducer(Feed::<C::Resp>::default);
    let counter = use_mut_ref(|| 0u64);
    let next = move || {
        let mut c = counter.borrow_mut();
        *c += 1;
        *c
    };
    let show = {
        let dispatch = feed.dispatcher();
        let next = next.clone();
        use_callback((), move |value: C::Resp, _| {
            dispatch.dispatch(FeedAction::Loaded(next(), value));
        })
    };
    let reload = {
        let dispatch = feed.dispatcher();
        use_callback((), move |_: (), _| {
            let n = next();
            let dispatch = dispatch.clone();
            spawn_local(async move {
                dispatch.dispatch(match invoke::<C>(&NoArgs {}).await {
                    Ok(value) => FeedAction::Loaded(n, value),
                    Err(e) => FeedAction::Failed(n, e.message),
                });
            });
        })
    };
    {
        let reload = reload.clone();
        use_effect_with(poll_ms, move |poll_ms| {
            reload.emit(());
            let timer = Interval::new(*poll_ms, move || reload.emit(()));
            move || drop(timer)
        });
    }
    UseFeed { feed, reload, show }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_older_answer_never_replaces_a_newer_one() {
        let mut feed = Feed::<u32>::default();
        feed.apply(FeedAction::Loaded(2, 20));
        feed.apply(FeedAction::Loaded(1, 10));
        assert_eq!(feed.value.as_deref(), Some(&20));
        feed.apply(FeedAction::Failed(1, "late".into()));
        assert_eq!(feed.error, None);
    }

    #[test]
    fn a_failure_keeps_the_last_value_until_one_arrives() {
        let mut feed = Feed::<u32>::default();
        feed.apply(FeedAction::Loaded(1, 10));
        feed.apply(FeedAction::Failed(2, "The app did not answer.".into()));
        assert_eq!(feed.value.as_deref(), Some(&10));
        assert_eq!(feed.error.as_deref(), Some("The app did not answer."));
        feed.apply(FeedAction::Loaded(3, 11));
        assert_eq!(feed.error, None);
        assert_eq!(feed.value.as_deref(), Some(&11));
    }

    #[test]
    fn the_same_value_again_renders_nothing() {
        let first = Rc::new(Feed::<u32>::default()).reduce(FeedAction::Loaded(1, 10));
        let again = first.clone().reduce(FeedAction::Loaded(2, 10));
        assert!(Rc::ptr_eq(&first, &again));
        // It still counts as shown: an answer to an older request is dropped.
        let older = again.clone().reduce(FeedAction::Loaded(1, 9));
        assert!(Rc::ptr_eq(&again, &older));
    }
}
