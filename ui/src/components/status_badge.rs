//! An order status as a coloured badge, `class="badge status-<as_str>"`,
//! and the statuses' names in the screens' language.

use crate::i18n::t;
use dukadesk_domain::order::{FulfilmentKind, OrderEvent, OrderStatus};
use yew::prelude::*;

/// A status's name for people (`OrderStatus::label`, translated).
pub fn status_name(status: OrderStatus) -> String {
    match status {
        OrderStatus::Draft => t("till-status-draft"),
        OrderStatus::AwaitingPayment => t("till-status-awaiting-payment"),
        OrderStatus::PaymentFailed => t("till-status-payment-failed"),
        OrderStatus::Paid => t("till-status-paid"),
        OrderStatus::Preparing => t("till-status-preparing"),
        OrderStatus::OutForDelivery => t("till-status-out-for-delivery"),
        OrderStatus::Delivered => t("till-status-delivered"),
        OrderStatus::Cancelled => t("till-status-cancelled"),
    }
}

/// A status's name for an order collected or delivered
/// (`OrderStatus::label_for`, translated): a pickup order is "Ready for
/// pickup", then "Collected".
pub fn status_name_for(status: OrderStatus, fulfilment: FulfilmentKind) -> String {
    match (status, fulfilment) {
        (OrderStatus::OutForDelivery, FulfilmentKind::Pickup) => t("till-status-ready-for-pickup"),
        (OrderStatus::Delivered, FulfilmentKind::Pickup) => t("till-status-collected"),
        _ => status_name(status),
    }
}

/// What a step's button says (`OrderEvent::label_for`, translated): a
/// pickup order is made "Ready for pickup", then "Mark collected".
pub fn step_name(event: OrderEvent, fulfilment: FulfilmentKind) -> String {
    let pickup = fulfilment == FulfilmentKind::Pickup;
    match event {
        OrderEvent::RequestPayment => t("order-step-request-payment"),
        OrderEvent::PaymentSucceeded => t("order-step-payment-received"),
        OrderEvent::PaymentFailed => t("order-step-payment-failed"),
        OrderEvent::RetryPayment => t("order-step-retry-payment"),
        OrderEvent::MarkPaid => t("order-step-mark-paid"),
        OrderEvent::StartPreparing => t("order-step-start-preparing"),
        OrderEvent::Dispatch if pickup => t("order-step-ready"),
        OrderEvent::Dispatch => t("order-step-dispatch"),
        OrderEvent::Deliver if pickup => t("order-step-collected"),
        OrderEvent::Deliver => t("order-step-delivered"),
        OrderEvent::PaidOnDelivery if pickup => t("order-step-paid-on-collection"),
        OrderEvent::PaidOnDelivery => t("order-step-paid-on-delivery"),
        OrderEvent::Cancel => t("order-step-cancel"),
    }
}

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
    /// Paid in cash when handed over: while it waits for staff it reads
    /// "New: cash on delivery", not "Awaiting payment".
    #[prop_or_default]
    pub pay_on_delivery: bool,
}

/// The badge.
#[function_component]
pub fn StatusBadge(props: &StatusBadgeProps) -> Html {
    let class = classes!("badge", format!("status-{}", props.status.as_str()));
    html! {
        <span id={props.id.clone()} {class} data-status={props.status.as_str()}
            data-on-delivery={props.pay_on_delivery.then_some("")}>
            if props.pay_on_delivery && props.status == OrderStatus::AwaitingPayment {
                { t("till-status-new-on-delivery") }
            } else {
                { status_name_for(props.status, props.fulfilment) }
            }
        </span>
    }
}

#[cfg(test)]
mod tests;
