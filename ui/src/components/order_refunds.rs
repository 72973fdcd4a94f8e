//! `#order-refunds`: the money an order gave back (each refund with how,
//! why, who and when), and, while some of its money can still go back,
//! "Refund…" (`#refund-open`), which opens `#refund-form`: the amount (what
//! is left, to start with), cash from the drawer or M-Pesa (with its code
//! when staff have one), and why. The form is checked here with the
//! domain's own rules before `RefundOrderCmd` (owner only: the shell asks
//! for the owner password first); the answer is the order as it now
//! stands.

use crate::components::field::{field_error, input_text, FormErrors};
use crate::components::timestamp::Timestamp;
use crate::i18n::{t, t_args};
use crate::ipc::invoke;
use dukadesk_domain::ipc::{OrderDetail, RefundOrderCmd};
use dukadesk_domain::refund::{Refund, RefundInput, RefundMethod, ERASED_REASON};
use dukadesk_domain::Money;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// The form's fields, as the store names them.
const FIELDS: [&str; 4] = ["amount", "method", "receipt", "reason"];

/// Props of [`OrderRefunds`].
#[derive(Properties, PartialEq)]
pub struct OrderRefundsProps {
    /// The order as it stands.
    pub detail: OrderDetail,
    /// Called with the order once money went back.
    pub on_refunded: Callback<OrderDetail>,
    /// Whether the shop takes M-Pesa (a shop in Kenya).
    #[prop_or(true)]
    pub mpesa: bool,
}

/// How a refund went back, as the list says it.
pub fn refund_way(r: &Refund) -> String {
    match (r.method, &r.receipt) {
        (RefundMethod::Cash, _) => t("order-refund-cash"),
        (RefundMethod::Mpesa, Some(code)) => format!("M-Pesa {code}"),
        (RefundMethod::Mpesa, None) => "M-Pesa".into(),
    }
}

/// Why, as staff put it; an erased customer's refunds say their reason
/// went with the customer's data.
pub fn refund_reason(r: &Refund) -> String {
    if r.reason == ERASED_REASON {
        t("order-refund-reason-erased")
    } else {
        r.reason.clone()
    }
}

/// The refunds and the form.
#[function_component]
pub fn OrderRefunds(props: &OrderRefundsProps) -> Html {
    let open = use_state(|| false);
    let amount = use_state(String::new);
    let method = use_state(|| "cash".to_owned());
    let receipt = use_state(String::new);
    let reason = use_state(String::new);
    let errors = use_state(FormErrors::default);
    let busy = use_state(|| false);
    let amount_ref = use_node_ref();
    // Opened: the amount takes the focus, which brings the whole form into
    // view.
    {
        let amount_ref = amount_ref.clone();
        use_effect_with(*open, move |&open| {
            if open {
                if let Some(input) = amount_ref.cast::<web_sys::HtmlInputElement>() {
                    let _ = input.focus();
                    input.select();
                    if let Some(form) = input.closest("form").ok().flatten() {
                        let options = web_sys::ScrollIntoViewOptions::new();
                        options.set_block(web_sys::ScrollLogicalPosition::Center);
                        form.scroll_into_view_with_scroll_into_view_options(&options);
                    }
                }
            }
        });
    }
    let detail = &props.detail;
    if detail.refunds.is_empty() && detail.refundable.is_none() {
        return html! {};
    }
    let over = detail.over_refunded.map(|over| {
        html! {
            <div id="refund-over" class="banner error" role="alert">
                { t_args("order-refund-over", &[("amount", &over.to_string())]) }
            </div>
        }
    });
    let currency = detail.order.total.currency;
    let rows = detail.refunds.iter().map(|r| {
        html! {
            <li class="refund" key={r.id.to_string()}>
                <span class="num refund-amount">{ format!("-{}", r.amount) }</span>
                <span class="refund-way">{ refund_way(r) }</span>
                <span class="refund-reason">{ refund_reason(r) }</span>
                <span class="muted">{ t_args("order-by", &[("actor", &r.by)]) }{ " · " }<Timestamp at={r.at} /></span>
            </li>
        }
    });
    let form = detail.refundable.map(|left| {
        if !*open {
            let (open, amount) = (open.clone(), amount.clone());
            return html! {
                <button type="button" id="refund-open" class="ghost"
                    onclick={move |_| { amount.set(left.amount_text()); open.set(true); }}>
                    { t("order-refund-open") }
                </button>
            };
        }
        let onsubmit = {
            let (amount, method, receipt, reason) =
                (amount.clone(), method.clone(), receipt.clone(), reason.clone());
            let (errors, busy, open) = (errors.clone(), busy.clone(), open.clone());
            let (order_id, on_refunded) = (detail.order.id, props.on_refunded.clone());
            Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                if *busy {
                    return;
                }
                let req = RefundInput {
                    order_id,
                    amount: (*amount).clone(),
                    method: (*method).clone(),
                    receipt: (*receipt).clone(),
                    reason: (*reason).clone(),
                };
                if let Err(fields) = req.validate(currency, left) {
                    errors.set(FormErrors::from_fields(fields));
                    return;
                }
                busy.set(true);
                let (errors, busy, open, on_refunded) =
                    (errors.clone(), busy.clone(), open.clone(), on_refunded.clone());
                let (receipt, reason) = (receipt.clone(), reason.clone());
                spawn_local(async move {
                    match invoke::<RefundOrderCmd>(&req).await {
                        Ok(detail) => {
                            errors.set(FormErrors::default());
                            receipt.set(String::new());
                            reason.set(String::new());
                            open.set(false);
                            on_refunded.emit(detail);
                        }
                        Err(e) => errors.set(FormErrors::from_ipc(e, &FIELDS)),
                    }
                    busy.set(false);
                });
            })
        };
        let text = |state: &UseStateHandle<String>| {
            let state = state.clone();
            Callback::from(move |e: InputEvent| state.set(input_text(&e)))
        };
        let choose = {
            let method = method.clone();
            Callback::from(move |e: Event| {
                let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
                method.set(select.value());
            })
        };
        let close = {
            let (open, errors) = (open.clone(), errors.clone());
            Callback::from(move |_: MouseEvent| {
                errors.set(FormErrors::default());
                open.set(false);
            })
        };
        let give = Money::parse(&amount, currency)
            .ok()
            .filter(|m| m.minor > 0)
            .map_or_else(|| t("order-refund-give-it"), |m| {
                t_args("order-refund-give", &[("amount", &m.to_string())])
            });
        html! {
            <form id="refund-form" class="refund-form" {onsubmit} novalidate=true
                aria-label={t("order-refund-open")}>
                <p class="hint wide" id="refund-left">
                    { t_args("order-refund-left", &[("left", &left.to_string())]) }
                </p>
                <div class="field">
                    <label for="refund-amount">{ t("order-refund-amount") }</label>
                    <input id="refund-amount" ref={amount_ref.clone()} type="text" inputmode="decimal"
                        autocomplete="off" value={(*amount).clone()} oninput={text(&amount)}
                        aria-invalid={errors.invalid("amount")} />
                    { field_error(&errors, "amount") }
                </div>
                <div class="field">
                    <label for="refund-method">{ t("order-refund-method") }</label>
                    <select id="refund-method" onchange={choose}>
                        <option value="cash" selected={*method == "cash"}>{ t("order-refund-cash") }</option>
                        if props.mpesa || *method == "mpesa" {
                            <option value="mpesa" selected={*method == "mpesa"}>{ "M-Pesa" }</option>
                        }
                    </select>
                    { field_error(&errors, "method") }
                </div>
                if *method == "mpesa" {
                    <div class="field wide">
                        <label for="refund-receipt">{ t("order-refund-receipt") }</label>
                        <input id="refund-receipt" type="text" autocomplete="off" placeholder="QFT4ABC12X"
                            value={(*receipt).clone()} oninput={text(&receipt)}
                            aria-invalid={errors.invalid("receipt")} />
                        { field_error(&errors, "receipt") }
                    </div>
                }
                <div class="field wide">
                    <label for="refund-reason">{ t("order-refund-reason") }</label>
                    <input id="refund-reason" type="text" autocomplete="off" maxlength="200"
                        placeholder={t("order-refund-reason-hint")}
                        value={(*reason).clone()} oninput={text(&reason)}
                        aria-invalid={errors.invalid("reason")} />
                    { field_error(&errors, "reason") }
                </div>
                if let Some(message) = errors.banner() {
                    <div class="banner error wide" role="alert">{ message.to_owned() }</div>
                }
                <div class="inline wide">
                    <button type="submit" id="refund-give" class="danger" disabled={*busy}>{ give }</button>
                    <button type="button" id="refund-keep" class="ghost" onclick={close}>{ t("order-refund-keep") }</button>
                    <span class="hint">{ t("order-refund-owner") }</span>
                </div>
            </form>
        }
    });
    html! {
        <section id="order-refunds" class="detail-section order-refunds">
            if !detail.refunds.is_empty() {
                <h3>{ t("order-refunds") }</h3>
                <ul class="refunds">{ for rows }</ul>
            }
            { over.unwrap_or_default() }
            { form.unwrap_or_default() }
        </section>
    }
}
