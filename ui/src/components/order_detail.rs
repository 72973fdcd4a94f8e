//! The till's right pane, `#order-detail`: one order's lines, totals,
//! fulfilment, payments and history, its status in `#order-status`, the
//! `#advance-order` button (labelled with the next step) and the cancel
//! confirmation row.

use crate::components::order_queue::fulfilment_label;
use crate::components::record_payment::RecordPaymentRow;
use crate::components::status_badge::StatusBadge;
use crate::components::timestamp::{long_text, Timestamp};
use dukadesk_domain::cash::Tendered;
use dukadesk_domain::ipc::{OrderDetail, OrderHistoryEntry};
use dukadesk_domain::order::{
    Fulfilment, FulfilmentKind, Order, OrderChannel, OrderEvent, OrderStatus, TillPayment,
};
use dukadesk_domain::payment::{PaymentAttempt, PaymentMethod, PaymentState};
use yew::prelude::*;

/// Props of [`OrderDetailPane`].
#[derive(Properties, PartialEq)]
pub struct OrderDetailProps {
    /// The order, once loaded.
    pub detail: Option<OrderDetail>,
    /// Whether an order is selected at all.
    pub has_selection: bool,
    /// Whether the cancel confirmation is showing.
    pub confirming: bool,
    /// Whether a change is in flight.
    pub busy: bool,
    /// Runs the next step.
    pub on_advance: Callback<OrderEvent>,
    /// Asks to cancel.
    pub on_ask_cancel: Callback<()>,
    /// Confirms the cancel.
    pub on_confirm_cancel: Callback<()>,
    /// Keeps the order.
    pub on_abort_cancel: Callback<()>,
    /// Records money received (for cash, with what was handed over).
    pub on_payment: Callback<(TillPayment, Option<Tendered>)>,
    /// The change to hand back, when this order was just paid in cash.
    #[prop_or_default]
    pub change_due: Option<Tendered>,
    /// Prints the receipt (or the bill, unpaid) on this till's printer.
    #[prop_or_default]
    pub on_print: Callback<()>,
    /// Saves the receipt (or the bill) as a PDF.
    #[prop_or_default]
    pub on_save_pdf: Callback<()>,
}

/// The pane.
#[function_component]
pub fn OrderDetailPane(props: &OrderDetailProps) -> Html {
    let Some(detail) = &props.detail else {
        let text = if props.has_selection {
            "Loading order…"
        } else {
            "Select an order with ↑ ↓, or press n for a new one."
        };
        return html! { <section id="order-detail" class="detail empty">{ text }</section> };
    };
    let order = &detail.order;
    html! {
        <section id="order-detail" class="detail" data-number={order.number.to_string()} aria-live="polite">
            { header(order) }
            if let Some(t) = props.change_due.filter(|t| t.change.minor > 0) {
                <p id="change-due" class="change-due" role="status">
                    { format!("Change to give: {}", t.change) }
                    <small>{ format!("from {} for {}", t.tendered, order.total) }</small>
                </p>
            }
            { actions(props, detail) }
            if matches!(order.status, OrderStatus::Draft | OrderStatus::AwaitingPayment | OrderStatus::PaymentFailed) {
                <RecordPaymentRow key={order.id.to_string()} total={order.total} busy={props.busy} on_payment={props.on_payment.clone()}
                    debtor={order.customer_id.map(|_| order.customer_name.clone()
                        .or_else(|| order.customer_phone.as_ref().map(|p| p.national()))
                        .unwrap_or_default())} />
            }
            { customer(order) }
            { lines(order) }
            if !order.note.is_empty() { <p class="note">{ order.note.clone() }</p> }
            { payments(&detail.payments) }
            { history(&detail.history, detail.order.fulfilment.kind()) }
        </section>
    }
}

fn channel_label(channel: OrderChannel) -> &'static str {
    match channel {
        OrderChannel::Till => "Till",
        OrderChannel::WhatsApp => "WhatsApp",
        OrderChannel::TestChat => "Test chat",
    }
}

fn header(order: &Order) -> Html {
    html! {
        <header class="detail-header">
            <h2 class="detail-number">{ order.display_number() }</h2>
            <StatusBadge id="order-status" status={order.status} fulfilment={order.fulfilment.kind()} />
            <div class="detail-meta muted">
                { channel_label(order.channel) }{ " · " }<Timestamp at={order.created_at} />
            </div>
        </header>
    }
}

fn actions(props: &OrderDetailProps, detail: &OrderDetail) -> Html {
    if props.confirming {
        let (yes, no) = (
            props.on_confirm_cancel.clone(),
            props.on_abort_cancel.clone(),
        );
        return html! {
            <div class="confirm-row" role="alertdialog" aria-label="Cancel this order?">
                <span>{ format!("Cancel order {}?", detail.order.display_number()) }</span>
                <button type="button" id="confirm-cancel" class="danger" disabled={props.busy}
                    data-key="y" aria-keyshortcuts="Y"
                    onclick={move |_| yes.emit(())}>{ "Yes, cancel" }</button>
                <button type="button" id="abort-cancel" class="ghost" data-key="Esc" aria-keyshortcuts="Escape"
                    onclick={move |_| no.emit(())}>{ "Keep it" }</button>
            </div>
        };
    }
    let advance = match detail.next_step {
        Some(event) => {
            let on_advance = props.on_advance.clone();
            html! {
                <button type="button" id="advance-order" class="primary big" disabled={props.busy}
                    data-key="a" aria-keyshortcuts="A"
                    onclick={move |_| on_advance.emit(event)}>
                    { event.label_for(detail.order.fulfilment.kind()) }
                </button>
            }
        }
        None if detail.order.status.is_final() => html! {},
        None => {
            html! { <span class="hint">{ "Waiting for payment: record it below once the money is in." }</span> }
        }
    };
    let on_ask = props.on_ask_cancel.clone();
    let on_print = props.on_print.clone();
    let on_save_pdf = props.on_save_pdf.clone();
    let print_label = if detail.order.status.is_paid() {
        "Print receipt"
    } else {
        "Print bill"
    };
    html! {
        <div class="detail-actions">
            { advance }
            <button type="button" id="print-receipt" class="secondary" data-key="r" aria-keyshortcuts="R"
                onclick={move |_| on_print.emit(())}>{ print_label }</button>
            <button type="button" id="save-receipt-pdf" class="ghost"
                onclick={move |_| on_save_pdf.emit(())}>{ "Save PDF" }</button>
            if detail.can_cancel {
                <button type="button" id="cancel-order" class="ghost danger-text" disabled={props.busy}
                    data-key="x" aria-keyshortcuts="X" onclick={move |_| on_ask.emit(())}>{ "Cancel order" }</button>
            }
        </div>
    }
}

fn customer(order: &Order) -> Html {
    let name = order
        .customer_name
        .clone()
        .unwrap_or_else(|| "Walk-in customer".into());
    let phone = order.customer_phone.as_ref().map(|p| p.national());
    let fulfilment = match &order.fulfilment {
        Fulfilment::Pickup => html! { <span>{ fulfilment_label(order.fulfilment.kind()) }</span> },
        Fulfilment::Delivery {
            zone_name, address, ..
        } => html! {
            <span>{ format!("Delivery to {zone_name}") }<br /><span class="muted">{ address.clone() }</span></span>
        },
    };
    html! {
        <dl class="facts">
            <dt>{ "Customer" }</dt>
            <dd class="detail-customer">{ name }if let Some(p) = phone { <span class="muted">{ format!(" · {p}") }</span> }</dd>
            <dt>{ "Fulfilment" }</dt>
            <dd class="detail-fulfilment">{ fulfilment }</dd>
        </dl>
    }
}

fn lines(order: &Order) -> Html {
    let rows = order.lines.iter().map(|l| {
        html! {
            <tr class="line">
                <td class="num qty">{ format!("{}×", l.qty) }</td>
                <td>{ l.name.clone() }</td>
                <td class="num muted">{ l.unit_price.amount_text() }</td>
                <td class="num">{ l.total.amount_text() }</td>
            </tr>
        }
    });
    html! {
        <table class="lines">
            <tbody>{ for rows }</tbody>
            <tfoot>
                <tr><td colspan="3">{ "Subtotal" }</td><td class="num">{ order.subtotal.amount_text() }</td></tr>
                if order.delivery_fee.minor > 0 {
                    <tr><td colspan="3">{ "Delivery" }</td><td class="num">{ order.delivery_fee.amount_text() }</td></tr>
                }
                <tr class="total"><td colspan="3">{ "Total" }</td><td class="num" id="order-total">{ order.total.to_string() }</td></tr>
            </tfoot>
        </table>
    }
}

fn method_label(method: PaymentMethod) -> &'static str {
    match method {
        PaymentMethod::Cash => "Cash",
        PaymentMethod::MpesaManual => "M-Pesa (code)",
        PaymentMethod::MpesaDaraja => "M-Pesa prompt",
        PaymentMethod::MpesaIntaSend => "M-Pesa prompt (IntaSend)",
        PaymentMethod::Simulated => "Test payment",
        PaymentMethod::Credit => "On credit",
    }
}

fn state_label(state: PaymentState) -> &'static str {
    match state {
        PaymentState::Pending => "Waiting",
        PaymentState::Succeeded => "Paid",
        PaymentState::Failed => "Failed",
        PaymentState::Unknown => "Unknown: check M-Pesa",
    }
}

fn payments(list: &[PaymentAttempt]) -> Html {
    if list.is_empty() {
        return html! {};
    }
    let rows = list.iter().map(|p| {
        let extra = p
            .receipt
            .clone()
            .or_else(|| p.failure.clone())
            .unwrap_or_default();
        html! {
            <li class={classes!("payment", format!("payment-{}", p.state.as_str()))}>
                <span>{ method_label(p.method) }</span>
                <span class="num">{ p.amount.to_string() }</span>
                <span class="payment-state">{ state_label(p.state) }</span>
                <span class="muted">{ extra }</span>
            </li>
        }
    });
    html! {
        <section class="detail-section">
            <h3>{ "Payments" }</h3>
            <ul class="payments">{ for rows }</ul>
        </section>
    }
}

fn history(list: &[OrderHistoryEntry], fulfilment: FulfilmentKind) -> Html {
    let rows = list.iter().map(|h| {
        html! {
            <li title={long_text(h.at)}>
                <Timestamp at={h.at} />
                <span>{ h.to.label_for(fulfilment) }</span>
                <span class="muted">{ format!("by {}", h.actor) }</span>
            </li>
        }
    });
    html! {
        <section class="detail-section">
            <h3>{ "History" }</h3>
            <ol class="history">{ for rows }</ol>
        </section>
    }
}
