//! The till's order queue, newest first: one `.order-row` per order with its
//! number, customer, item count, total, status badge, pickup or delivery,
//! and time. The selected row carries `selected` and is kept in view.

use crate::components::status_badge::StatusBadge;
use crate::components::timestamp::Timestamp;
use crate::i18n::{t, t_count};
use dukadesk_domain::ipc::OrderSummary;
use dukadesk_domain::order::FulfilmentKind;
use dukadesk_domain::OrderId;
use web_sys::{ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;

/// Props of [`OrderQueue`].
#[derive(Properties, PartialEq)]
pub struct OrderQueueProps {
    /// Orders, newest first.
    pub orders: Vec<OrderSummary>,
    /// The selected order.
    pub selected: Option<OrderId>,
    /// Whether the first load has finished.
    pub loaded: bool,
    /// The catalogue is empty: the empty queue says to add items first.
    #[prop_or_default]
    pub no_items: bool,
    /// Whether a filter or search is in force (for the empty message).
    pub filtered: bool,
    /// Called with a clicked order.
    pub on_select: Callback<OrderId>,
    /// The list element, so the page can focus it.
    pub list_ref: NodeRef,
}

/// Scrolls the selected row into view, as little as needed.
fn reveal_selected(list: &NodeRef) {
    let Some(list) = list.cast::<web_sys::Element>() else {
        return;
    };
    if let Ok(Some(row)) = list.query_selector(".order-row.selected") {
        let options = ScrollIntoViewOptions::new();
        options.set_block(ScrollLogicalPosition::Nearest);
        row.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// The queue.
#[function_component]
pub fn OrderQueue(props: &OrderQueueProps) -> Html {
    {
        let list = props.list_ref.clone();
        use_effect_with(props.selected, move |_| reveal_selected(&list));
    }
    let rows = props.orders.iter().map(|o| {
        let selected = props.selected == Some(o.id);
        let (id, on_select) = (o.id, props.on_select.clone());
        html! {
            <li key={o.id.to_string()} role="option" aria-selected={if selected { "true" } else { "false" }}
                class={classes!("order-row", selected.then_some("selected"))}
                data-number={o.number.to_string()} data-id={o.id.to_string()}
                onclick={move |_| on_select.emit(id)}>
                <span class="order-number">{ format!("#{}", o.number) }</span>
                <span class="order-customer">{ o.customer.clone() }</span>
                <span class="order-items">{ t_count("till-order-items", o.item_count, &[]) }</span>
                <span class="order-total num">{ o.total.to_string() }</span>
                <StatusBadge status={o.status} fulfilment={o.fulfilment} pay_on_delivery={o.pay_on_delivery} />
                <span class="order-fulfilment">
                    { fulfilment_label(o.fulfilment) }
                    if o.pay_on_delivery { <span class="cod" title={t("order-cash-on-delivery")}>{ " · 💵" }</span> }
                </span>
                <span class="order-time"><Timestamp at={o.created_at} /></span>
            </li>
        }
    });
    let empty = props
        .orders
        .is_empty()
        .then(|| match (props.loaded, props.filtered) {
            (false, _) => t("till-loading-orders"),
            (true, true) => t("till-no-match"),
            (true, false) if props.no_items => t("till-empty-no-items"),
            (true, false) => t("till-empty"),
        });
    html! {
        <ul id="order-queue" class="order-queue" role="listbox" tabindex="0" aria-label={t("till-orders")}
            ref={props.list_ref.clone()}>
            { for rows }
            if let Some(text) = empty { <li class="empty">{ text }</li> }
        </ul>
    }
}

/// "Pickup" or "Delivery".
pub fn fulfilment_label(kind: FulfilmentKind) -> String {
    match kind {
        FulfilmentKind::Pickup => t("till-pickup"),
        FulfilmentKind::Delivery => t("till-delivery"),
    }
}
