//! The hosted backend's status, loaded now and every few seconds: the sync
//! indicator in the nav and the Hosted backend card in Settings each keep
//! one while they are shown. Connect and Sync now show the status they
//! return at once.

use crate::components::feed::{use_feed, Feed, UseFeed};
use dukadesk_domain::ipc::{GetHostedStatus, HostedStatus};
use yew::prelude::*;

/// The status as last loaded.
pub type HostedFeed = Feed<HostedStatus>;

/// The feed, reloaded now and every `poll_ms`, and a callback that shows a
/// status a button's command returned.
#[hook]
pub fn use_hosted_feed(poll_ms: u32) -> (UseReducerHandle<HostedFeed>, Callback<HostedStatus>) {
    let UseFeed { feed, show, .. } = use_feed::<GetHostedStatus>(poll_ms);
    (feed, show)
}

#[cfg(test)]
pub(crate) mod tests;
