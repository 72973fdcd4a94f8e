//! The till's right pane, `#order-detail`: one order's lines, totals,
//! fulfilment, payments and history, its status in `#order-status`, the
//! `#advance-order` button (labelled with the next step) and the cancel
//! confirmation row.
//!
//! Below the payments, the money it gave back and "Refund…"
//! (`components::order_refunds`).
//!
//! Below those, the order's KRA eTIMS tax invoice and credit note
//! (`#order-tax`), asked for whenever the order or the till's refresh
//! changes; nothing shows while they load or when there are none (most
//! shops do not use eTIMS). While one is not signed yet, a link
//! (`#order-tax-settings`) leads to Settings → Tax.

use crate::components::field::{field_error, FormErrors};
use crate::components::order_queue::fulfilment_label;
use crate::components::order_refunds::OrderRefunds;
use crate::components::record_payment::RecordPaymentRow;
use crate::components::status_badge::{status_name_for, step_name, StatusBadge};
use crate::components::timestamp::{long_text, Timestamp};
use crate::i18n::{t, t_args};
use crate::ipc::invoke;
use dukadesk_domain::cash::Tendered;
use dukadesk_domain::ipc::{
    InvoicesOfOrder, OrderDetail, OrderHistoryEntry, OrderRef, RefusedPayment, ReissueInvoice,
    ReissueInvoiceCmd, TaxInvoiceRow, TaxInvoiceState,
};
use dukadesk_domain::order::{
    Fulfilment, FulfilmentKind, Order, OrderChannel, OrderEvent, OrderStatus, TillPayment,
};
use dukadesk_domain::payment::{PaymentAttempt, PaymentMethod, PaymentState};
use dukadesk_domain::{Currency, OrderId};
use std::rc::Rc;
use wasm_bindgen_futures::spawn_local;
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
    /// The till's refresh count: a change asks for the tax invoices again
    /// (KRA signs them in the background).
    #[prop_or_default]
    pub refresh: u32,
    /// Opens Settings → Tax.
    #[prop_or_default]
    pub on_open_tax: Callback<()>,
    /// The order after money went back.
    #[prop_or_default]
    pub on_refunded: Callback<OrderDetail>,
}

/// The pane.
#[function_component]
pub fn OrderDetailPane(props: &OrderDetailProps) -> Html {
    let Some(detail) = &props.detail else {
        let text = if props.has_selection {
            t("order-loading")
        } else {
            t("order-select-hint")
        };
        return html! { <section id="order-detail" class="detail empty">{ text }</section> };
    };
    let order = &detail.order;
    html! {
        <section id="order-detail" class="detail" data-number={order.number.to_string()} aria-live="polite">
            { header(order) }
            if let Some(t) = props.change_due.filter(|t| t.change.minor > 0) {
                <p id="change-due" class="change-due" role="status">
                    { t_args("order-change-to-give", &[("change", &t.change.to_string())]) }
                    <small>{ t_args("order-change-from", &[("tendered", &t.tendered.to_string()), ("total", &order.total.to_string())]) }</small>
                </p>
            }
            { actions(props, detail) }
            if order.collects_now() || (!order.pay_on_delivery
                && matches!(order.status, OrderStatus::Draft | OrderStatus::AwaitingPayment | OrderStatus::PaymentFailed)) {
                <RecordPaymentRow key={order.id.to_string()} total={order.total} busy={props.busy} on_payment={props.on_payment.clone()}
                    mpesa={order.total.currency == Currency::KES}
                    debtor={order.customer_id.map(|_| order.customer_name.clone()
                        .or_else(|| order.customer_phone.as_ref().map(|p| p.national()))
                        .unwrap_or_default())} />
            }
            { customer(order) }
            { lines(order) }
            if !order.note.is_empty() { <p class="note">{ order.note.clone() }</p> }
            { payments(&detail.payments, &detail.refused_payments) }
            <OrderRefunds key={order.id.to_string()} detail={detail.clone()}
                on_refunded={props.on_refunded.clone()} mpesa={order.total.currency == Currency::KES} />
            <OrderTax order_id={order.id} refresh={props.refresh} on_open={props.on_open_tax.clone()} />
            { history(&detail.history, detail.order.fulfilment.kind()) }
        </section>
    }
}

fn channel_label(channel: OrderChannel) -> String {
    match channel {
        OrderChannel::Till => t("order-channel-till"),
        OrderChannel::WhatsApp => "WhatsApp".into(),
        OrderChannel::TestChat => t("order-channel-test-chat"),
    }
}

fn header(order: &Order) -> Html {
    html! {
        <header class="detail-header">
            <h2 class="detail-number">{ order.display_number() }</h2>
            <StatusBadge id="order-status" status={order.status} fulfilment={order.fulfilment.kind()}
                pay_on_delivery={order.pay_on_delivery} />
            if order.pay_on_delivery {
                <span id="order-on-delivery" class="badge cod">{ t("order-cash-on-delivery") }</span>
            }
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
            <div class="confirm-row" role="alertdialog" aria-label={t("order-cancel-this")}>
                <span>{ t_args("order-cancel-confirm", &[("number", &detail.order.display_number())]) }</span>
                <button type="button" id="confirm-cancel" class="danger" disabled={props.busy}
                    data-key="y" aria-keyshortcuts="Y"
                    onclick={move |_| yes.emit(())}>{ t("order-yes-cancel") }</button>
                <button type="button" id="abort-cancel" class="ghost" data-key="Esc" aria-keyshortcuts="Escape"
                    onclick={move |_| no.emit(())}>{ t("order-keep-it") }</button>
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
                    { step_name(event, detail.order.fulfilment.kind()) }
                </button>
            }
        }
        None if detail.order.status.is_final() => html! {},
        None if detail.order.collects_now() => {
            let total = detail.order.total.to_string();
            html! { <span class="hint" id="collect-on-delivery">{ t_args("order-collect-on-delivery", &[("total", total.as_str())]) }</span> }
        }
        None => {
            html! { <span class="hint">{ t("order-waiting-for-payment") }</span> }
        }
    };
    let on_ask = props.on_ask_cancel.clone();
    let on_print = props.on_print.clone();
    let on_save_pdf = props.on_save_pdf.clone();
    let print_label = if detail.order.is_paid() {
        t("order-print-receipt")
    } else {
        t("order-print-bill")
    };
    html! {
        <div class="detail-actions">
            { advance }
            <button type="button" id="print-receipt" class="secondary" data-key="r" aria-keyshortcuts="R"
                onclick={move |_| on_print.emit(())}>{ print_label }</button>
            <button type="button" id="save-receipt-pdf" class="ghost"
                onclick={move |_| on_save_pdf.emit(())}>{ t("order-save-pdf") }</button>
            if detail.can_cancel {
                <button type="button" id="cancel-order" class="ghost danger-text" disabled={props.busy}
                    data-key="x" aria-keyshortcuts="X" onclick={move |_| on_ask.emit(())}>{ t("order-cancel") }</button>
            }
        </div>
    }
}

fn customer(order: &Order) -> Html {
    let name = order
        .customer_name
        .clone()
        .unwrap_or_else(|| t("order-walk-in"));
    let phone = order.customer_phone.as_ref().map(|p| p.national());
    let fulfilment = match &order.fulfilment {
        Fulfilment::Pickup => html! { <span>{ fulfilment_label(order.fulfilment.kind()) }</span> },
        Fulfilment::Delivery {
            zone_name, address, ..
        } => html! {
            <span>{ t_args("order-delivery-to", &[("zone", zone_name)]) }<br /><span class="muted">{ address.clone() }</span></span>
        },
    };
    html! {
        <dl class="facts">
            <dt>{ t("order-customer") }</dt>
            <dd class="detail-customer">{ name }if let Some(p) = phone { <span class="muted">{ format!(" · {p}") }</span> }</dd>
            <dt>{ t("order-fulfilment") }</dt>
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
                <tr><td colspan="3">{ t("order-subtotal") }</td><td class="num">{ order.subtotal.amount_text() }</td></tr>
                if order.delivery_fee.minor > 0 {
                    <tr><td colspan="3">{ t("order-delivery-fee") }</td><td class="num">{ order.delivery_fee.amount_text() }</td></tr>
                }
                <tr class="total"><td colspan="3">{ t("order-total") }</td><td class="num" id="order-total">{ order.total.to_string() }</td></tr>
            </tfoot>
        </table>
    }
}

fn method_label(method: PaymentMethod) -> String {
    match method {
        PaymentMethod::Cash => t("order-method-cash"),
        PaymentMethod::MpesaManual => t("order-method-mpesa-code"),
        PaymentMethod::MpesaDaraja => t("order-method-mpesa-prompt"),
        PaymentMethod::MpesaIntaSend => t("order-method-intasend"),
        PaymentMethod::Simulated => t("order-method-test"),
        PaymentMethod::Credit => t("order-method-credit"),
    }
}

fn state_label(state: PaymentState) -> String {
    match state {
        PaymentState::Pending => t("order-payment-pending"),
        PaymentState::Succeeded => t("order-payment-succeeded"),
        PaymentState::Failed => t("order-payment-failed"),
        PaymentState::Unknown => t("order-payment-unknown"),
    }
}

fn payments(list: &[PaymentAttempt], refused: &[RefusedPayment]) -> Html {
    if list.is_empty() {
        return html! {};
    }
    // The shop's server refused a payment (its M-Pesa code paid another
    // order first): staff must check the money before the goods go.
    let refused = refused.iter().map(|r| {
        html! {
            <div class="banner error payment-refused" role="alert">
                { t_args("order-payment-refused", &[("reason", &r.reason)]) }
            </div>
        }
    });
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
            <h3>{ t("order-payments") }</h3>
            { for refused }
            <ul class="payments">{ for rows }</ul>
        </section>
    }
}

fn history(list: &[OrderHistoryEntry], fulfilment: FulfilmentKind) -> Html {
    let rows = list.iter().map(|h| {
        html! {
            <li title={long_text(h.at)}>
                <Timestamp at={h.at} />
                <span>{ status_name_for(h.to, fulfilment) }</span>
                <span class="muted">{ t_args("order-by", &[("actor", &h.actor)]) }</span>
            </li>
        }
    });
    html! {
        <section class="detail-section">
            <h3>{ t("order-history") }</h3>
            <ol class="history">{ for rows }</ol>
        </section>
    }
}

/// One tax invoice (or credit note) as the detail shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaxInvoiceLines {
    /// "Tax invoice 17", or "Credit note 18 for invoice 17".
    pub title: String,
    /// Where it stands with KRA.
    pub state: String,
    /// KRA's receipt number once signed, or why it still waits.
    pub detail: Option<String>,
    /// Whether KRA signed it.
    pub signed: bool,
}

/// What the detail says of `row`.
pub fn tax_invoice_lines(row: &TaxInvoiceRow) -> TaxInvoiceLines {
    let number = row.number.to_string();
    let title = match row.credit_note_for {
        Some(original) => t_args(
            "order-tax-credit-note",
            &[("number", &number), ("original", &original.to_string())],
        ),
        None => t_args("order-tax-invoice", &[("number", &number)]),
    };
    let signed = row.state == TaxInvoiceState::Signed;
    let (state, detail) = if signed {
        let receipt = row
            .receipt_no
            .map(|r| t_args("order-tax-receipt", &[("receipt", &r.to_string())]));
        (t("order-tax-signed"), receipt)
    } else {
        let reason = row
            .reason
            .as_deref()
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(str::to_owned);
        (t("order-tax-waiting"), reason)
    };
    TaxInvoiceLines {
        title,
        state,
        detail,
        signed,
    }
}

/// Whether any of `rows` still waits for KRA.
pub fn any_unsigned(rows: &[TaxInvoiceRow]) -> bool {
    rows.iter().any(|r| r.state != TaxInvoiceState::Signed)
}

/// The tax invoices of the order shown, as last answered. Every ask is
/// named by the order and the till's refresh count it was made for, and
/// an answer to any other ask (a late one for the order shown before, or
/// an older refresh) is dropped.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OrderTaxState {
    /// The ask the rows should answer: the order and the refresh count.
    pub asked: Option<(OrderId, u32)>,
    /// Its invoices (empty while the first answer for it is awaited).
    pub rows: Vec<TaxInvoiceRow>,
}

/// What happens to [`OrderTaxState`].
#[derive(Debug)]
pub enum OrderTaxAction {
    /// Asked for this order's invoices at this refresh.
    Asked(OrderId, u32),
    /// The answer to an ask.
    Answered(OrderId, u32, Vec<TaxInvoiceRow>),
}

impl OrderTaxState {
    /// Applies one action.
    pub fn apply(&mut self, action: OrderTaxAction) {
        match action {
            OrderTaxAction::Asked(id, refresh) => {
                if self.asked.map(|(shown, _)| shown) != Some(id) {
                    // Another order: its invoices are not this one's.
                    self.rows.clear();
                }
                self.asked = Some((id, refresh));
            }
            OrderTaxAction::Answered(id, refresh, rows) => {
                if self.asked == Some((id, refresh)) {
                    self.rows = rows;
                }
            }
        }
    }

    /// The rows to show for `order_id` (none for any other order).
    pub fn rows_for(&self, order_id: OrderId) -> &[TaxInvoiceRow] {
        match self.asked {
            Some((id, _)) if id == order_id => &self.rows,
            _ => &[],
        }
    }
}

impl Reducible for OrderTaxState {
    type Action = OrderTaxAction;
    fn reduce(self: Rc<Self>, action: OrderTaxAction) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        Rc::new(next)
    }
}

/// Props of [`OrderTax`].
#[derive(Properties, PartialEq)]
struct OrderTaxProps {
    order_id: OrderId,
    refresh: u32,
    on_open: Callback<()>,
}

/// The order's sale invoice that stands (its latest, unless a credit note
/// took it back): the one a buyer's PIN can be put on.
pub fn standing_sale(rows: &[TaxInvoiceRow]) -> Option<&TaxInvoiceRow> {
    let sale = rows.iter().rev().find(|r| r.credit_note_for.is_none())?;
    (!rows.iter().any(|r| r.credit_note_for == Some(sale.number))).then_some(sale)
}

/// `#order-tax`: the order's invoice and credit note, if it has any.
#[function_component]
fn OrderTax(props: &OrderTaxProps) -> Html {
    let state = use_reducer(OrderTaxState::default);
    // A business buyer's KRA PIN given after the sale.
    let pin = use_state(String::new);
    let pin_errors = use_state(FormErrors::default);
    let busy = use_state(|| false);
    {
        let dispatch = state.dispatcher();
        use_effect_with((props.order_id, props.refresh), move |&(id, refresh)| {
            dispatch.dispatch(OrderTaxAction::Asked(id, refresh));
            spawn_local(async move {
                // A failure shows nothing: the next refresh asks again.
                if let Ok(rows) = invoke::<InvoicesOfOrder>(&OrderRef { id }).await {
                    dispatch.dispatch(OrderTaxAction::Answered(id, refresh, rows));
                }
            });
        });
    }
    let rows = state.rows_for(props.order_id);
    if rows.is_empty() {
        return html! {};
    }
    let items = rows.iter().map(|row| {
        let lines = tax_invoice_lines(row);
        let kind = if row.credit_note_for.is_some() {
            "cn"
        } else {
            "inv"
        };
        let key = format!("{kind}-{}", row.number);
        let state_class = if lines.signed { "signed" } else { "waiting" };
        html! {
            <li class={classes!("order-tax-row", state_class)} {key}
                data-number={row.number.to_string()}>
                <span class="order-tax-title">{ lines.title }</span>
                <span class={classes!("order-tax-state", (!lines.signed).then_some("muted"))}>
                    { lines.state }
                </span>
                if let Some(detail) = lines.detail {
                    <span class={classes!("order-tax-detail", (!lines.signed).then_some("muted"))}>
                        { detail }
                    </span>
                }
            </li>
        }
    });
    let on_open = props.on_open.clone();
    let reissue = standing_sale(rows).map(|sale| {
        let onsubmit = {
            let (pin, errors, busy) = (pin.clone(), pin_errors.clone(), busy.clone());
            let dispatch = state.dispatcher();
            let (id, refresh) = (props.order_id, props.refresh);
            Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                if *busy {
                    return;
                }
                busy.set(true);
                let (pin, errors, busy, dispatch) =
                    (pin.clone(), errors.clone(), busy.clone(), dispatch.clone());
                spawn_local(async move {
                    let req = ReissueInvoice {
                        order_id: id,
                        buyer_pin: (*pin).clone(),
                    };
                    match invoke::<ReissueInvoiceCmd>(&req).await {
                        Ok(rows) => {
                            pin.set(String::new());
                            errors.set(FormErrors::default());
                            dispatch.dispatch(OrderTaxAction::Answered(id, refresh, rows));
                        }
                        Err(e) => errors.set(FormErrors::from_ipc(e, &["buyer_pin"])),
                    }
                    busy.set(false);
                });
            })
        };
        let oninput = {
            let pin = pin.clone();
            Callback::from(move |e: InputEvent| {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                pin.set(input.value());
            })
        };
        html! {
            <form id="order-tax-reissue-form" class="order-tax-reissue" {onsubmit} novalidate=true>
                <label for="order-tax-pin">{ t("order-tax-pin") }</label>
                if let Some(now) = &sale.buyer_pin {
                    <span id="order-tax-pin-now" class="hint">
                        { t_args("order-tax-pin-now", &[("pin", now)]) }
                    </span>
                }
                <div class="inline">
                    <input id="order-tax-pin" type="text" autocomplete="off" placeholder="P051234567X"
                        value={(*pin).clone()} {oninput}
                        aria-invalid={pin_errors.invalid("buyer_pin")} />
                    <button type="submit" id="order-tax-reissue" class="secondary small"
                        disabled={*busy || pin.trim().is_empty()} title={t("order-tax-reissue-hint")}>
                        { t("order-tax-reissue") }
                    </button>
                </div>
                { field_error(&pin_errors, "buyer_pin") }
                if let Some(message) = pin_errors.banner() {
                    <div class="banner error" role="alert">{ message.to_owned() }</div>
                }
            </form>
        }
    });
    html! {
        <section id="order-tax" class="detail-section order-tax" aria-label={t("order-tax-label")}>
            <ul class="order-tax-list">{ for items }</ul>
            { reissue.unwrap_or_default() }
            if any_unsigned(rows) {
                <button type="button" id="order-tax-settings" class="link order-tax-link"
                    onclick={move |_| on_open.emit(())}>
                    { t("order-tax-settings-note") }
                </button>
            }
        </section>
    }
}

#[cfg(test)]
mod tests;
