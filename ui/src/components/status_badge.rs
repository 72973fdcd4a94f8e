//! An order status as a coloured badge, `class="badge status-<as_str>"`.

use dukadesk_domain::order::{FulfilmentKind, OrderStatus};
use yew::prelude::*;

/// Props of [`StatusBadge`].
#[derive(Properties, PartialEq)]
pub struct StatusBadgeProps {
    /// The status.
    pub status: OrderStatus,
    /// An id for the badge (the detail pane's `order-status`).
    #[prop_or_default]
    pub id: Option<AttrValue>,
    /// Collected or delivered: a pickup order reads "Ready for pickup",
    /// "Collected".
    pub fulfilment: FulfilmentKind,
}

/// The badge.
#[function_component]
pub fn StatusBadge(props: &StatusBadgeProps) -> Html {
    let class = classes!("badge", format!("status-{}", props.status.as_str()));
    html! {
        <span id={props.id.clone()} {class} data-status={props.status.as_str()}>
            { props.status.label_for(props.fulfilment) }
        </span>
    }
}
