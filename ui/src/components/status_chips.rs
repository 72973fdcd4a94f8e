//! The till's status filter: "All" plus one chip per order status, with the
//! digit key that picks each (0 for All, 1-8 in lifecycle order).

use crate::components::status_badge::status_name;
use crate::i18n::t;
use dukadesk_domain::order::OrderStatus;
use yew::prelude::*;

/// The filter for a digit key: `Some(None)` is All, `Some(Some(s))` a status.
pub fn filter_for_digit(key: &str) -> Option<Option<OrderStatus>> {
    let n: usize = key.parse().ok()?;
    match n {
        0 => Some(None),
        n => OrderStatus::ALL.get(n - 1).map(|s| Some(*s)),
    }
}

/// Props of [`StatusChips`].
#[derive(Properties, PartialEq)]
pub struct StatusChipsProps {
    /// The filter in force.
    pub current: Option<OrderStatus>,
    /// Called with the filter picked.
    pub on_pick: Callback<Option<OrderStatus>>,
}

/// The chips.
#[function_component]
pub fn StatusChips(props: &StatusChipsProps) -> Html {
    let options = std::iter::once(None).chain(OrderStatus::ALL.into_iter().map(Some));
    let chips = options.enumerate().map(|(digit, filter)| {
        let on_pick = props.on_pick.clone();
        let active = filter == props.current;
        let (label, value) = match filter {
            None => (t("till-filter-all"), "all"),
            // Pickups ready at the counter share the status with orders
            // out for delivery.
            Some(OrderStatus::OutForDelivery) => (
                t("till-filter-out-or-ready"),
                OrderStatus::OutForDelivery.as_str(),
            ),
            Some(s) => (status_name(s), s.as_str()),
        };
        html! {
            <button type="button" id={format!("filter-{value}")}
                class={classes!("chip", active.then_some("active"), filter.map(|s| format!("chip-{}", s.as_str())))}
                aria-pressed={if active { "true" } else { "false" }}
                data-status={value} data-digit={digit.to_string()}
                aria-keyshortcuts={digit.to_string()} tabindex="-1"
                onclick={move |_| on_pick.emit(filter)}>
                { label }
            </button>
        }
    });
    html! { <div class="chips" role="toolbar" aria-label={t("till-filter-label")}>{ for chips }</div> }
}
