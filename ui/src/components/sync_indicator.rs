//! The sync indicator at the foot of the nav, on every screen: hidden while
//! this till works on its own, otherwise a coloured dot and a word ("Synced",
//! "3 waiting", "Offline", "Sync needs attention", in the screens' language),
//! the error on hover.
//! Clicking it opens Settings, where the "Sync with other tills" card says more.

use crate::components::hosted_feed::use_hosted_feed;
use crate::i18n::{t, t_args, t_count};
use dukadesk_domain::ipc::{HostedStatus, SyncStateView};
use yew::prelude::*;

/// How often the indicator reloads the status, in milliseconds.
pub const POLL_MS: u32 = 8_000;

/// What the indicator shows: its class, its text and its tooltip.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Indication {
    /// `ok`, `busy`, `warn` or `bad` (the dot's colour).
    pub class: &'static str,
    /// The word beside the dot.
    pub label: String,
    /// The tooltip.
    pub title: String,
}

/// The indication for a status; `None` while the till is not connected.
pub fn indication(status: &HostedStatus) -> Option<Indication> {
    if !status.connected {
        return None;
    }
    let shop = status.shop_name.as_str();
    let (class, label, title) = match &status.state {
        SyncStateView::Online if status.pending_changes <= 0 => (
            "ok",
            t("sync-synced"),
            t_args("sync-synced-title", &[("shop", shop)]),
        ),
        SyncStateView::Online => (
            "busy",
            t_count("sync-waiting", status.pending_changes, &[]),
            t_count(
                "sync-waiting-title",
                status.pending_changes,
                &[("shop", shop)],
            ),
        ),
        SyncStateView::NotConnected | SyncStateView::Connecting => (
            "busy",
            t("sync-connecting"),
            t_args("sync-connecting-title", &[("shop", shop)]),
        ),
        SyncStateView::Offline { error, .. } => ("warn", t("sync-offline"), error.clone()),
        SyncStateView::NeedsAttention { error } => ("bad", t("sync-attention"), error.clone()),
    };
    Some(Indication {
        class,
        label,
        title,
    })
}

/// Props of [`SyncIndicator`].
#[derive(Properties, PartialEq)]
pub struct SyncIndicatorProps {
    /// Opens Settings.
    pub on_open: Callback<()>,
}

/// The indicator; polls the status every [`POLL_MS`].
#[function_component]
pub fn SyncIndicator(props: &SyncIndicatorProps) -> Html {
    let (feed, _) = use_hosted_feed(POLL_MS);
    let Some(shown) = feed.value.as_deref().and_then(indication) else {
        return Html::default();
    };
    let on_open = props.on_open.clone();
    html! {
        <button type="button" id="sync-indicator" class={classes!("sync-indicator", shown.class)}
            data-state={shown.class} title={shown.title} onclick={move |_| on_open.emit(())}>
            <span class="sync-dot" aria-hidden="true"></span>
            <span class="sync-label">{ shown.label }</span>
        </button>
    }
}

#[cfg(test)]
mod tests;
