//! Recording money received for an unpaid order at the till: cash (with
//! the amount handed over, a click on a likely note, and the change worked
//! out as it is typed), or the M-Pesa code from the customer's SMS
//! (checked with `parse_mpesa_receipt` before it is sent with
//! `RecordPaymentCmd`), or on credit when the order has a customer (the
//! store checks their limit).

use crate::components::field::{field_error, input_text, FormErrors};
use crate::i18n::{t, t_args};
use dukadesk_domain::cash::{likely_tenders, tender, Tendered};
use dukadesk_domain::ipc::FieldError;
use dukadesk_domain::money::Money;
use dukadesk_domain::order::{parse_mpesa_receipt, TillPayment};
use yew::prelude::*;

/// Props of [`RecordPaymentRow`].
#[derive(Properties, PartialEq)]
pub struct RecordPaymentProps {
    /// What the order comes to.
    pub total: Money,
    /// Whether a change is in flight.
    pub busy: bool,
    /// Called with the payment to record, and for cash what was handed
    /// over and the change.
    pub on_payment: Callback<(TillPayment, Option<Tendered>)>,
    /// Who would owe the money on credit (name or phone); `None` when the
    /// order has no customer, so it cannot go on credit.
    #[prop_or_default]
    pub debtor: Option<String>,
    /// Whether the shop takes M-Pesa (a shop in Kenya): elsewhere the
    /// M-Pesa code is not asked.
    #[prop_or(true)]
    pub mpesa: bool,
}

/// What the change line under the cash field says for `typed`.
pub fn change_text(total: Money, typed: &str) -> Result<String, String> {
    match tender(total, typed) {
        Ok(t) if typed.trim().is_empty() => Ok(t_args(
            "pay-exact-amount",
            &[("amount", &t.tendered.to_string())],
        )),
        Ok(t) => Ok(t_args("pay-change", &[("change", &t.change.to_string())])),
        Err(e) => Err(crate::i18n::said(&e)),
    }
}

/// "Cash given" with the change, "Cash received", and "M-Pesa code" for an
/// unpaid order. `p` on the till lands in the cash field; Enter there
/// records the cash.
#[function_component]
pub fn RecordPaymentRow(props: &RecordPaymentProps) -> Html {
    let receipt = use_state(String::new);
    let given = use_state(String::new);
    let errors = use_state(FormErrors::default);
    let total = props.total;

    let take_cash = {
        let (given, errors, on_payment) = (given.clone(), errors.clone(), props.on_payment.clone());
        Callback::from(move |_: ()| match tender(total, &given) {
            Ok(t) => {
                errors.set(FormErrors::default());
                on_payment.emit((TillPayment::Cash, Some(t)));
            }
            Err(e) => errors.set(FormErrors::from_fields(vec![FieldError::said(
                "tendered", &e,
            )])),
        })
    };
    let on_cash = take_cash.reform(|_: MouseEvent| ());
    let on_cash_submit = take_cash.reform(|e: SubmitEvent| e.prevent_default());
    let onsubmit = {
        let (receipt, errors, on_payment) =
            (receipt.clone(), errors.clone(), props.on_payment.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match parse_mpesa_receipt(&receipt) {
                Ok(code) => {
                    errors.set(FormErrors::default());
                    on_payment.emit((TillPayment::MpesaReceipt(code), None));
                }
                Err(m) => errors.set(FormErrors::from_fields(vec![FieldError::said(
                    "receipt", &m,
                )])),
            }
        })
    };
    let oninput = {
        let receipt = receipt.clone();
        Callback::from(move |e: InputEvent| receipt.set(input_text(&e)))
    };
    let on_given = {
        let (given, errors) = (given.clone(), errors.clone());
        Callback::from(move |e: InputEvent| {
            given.set(input_text(&e));
            errors.set(FormErrors::default());
        })
    };
    let change = change_text(total, &given);
    html! {
        <div class="record-payment">
            <form class="pay-cash" onsubmit={on_cash_submit} novalidate=true>
                <div class="field">
                    <label for="pay-tendered">{ t("pay-cash-given") }</label>
                    <input id="pay-tendered" type="text" inputmode="decimal" autocomplete="off"
                        placeholder={total.amount_text()} value={(*given).clone()}
                        aria-invalid={errors.invalid("tendered")} aria-describedby="pay-change"
                        oninput={on_given} />
                    <div class="tender-quick">
                        { for likely_tenders(total).into_iter().map(|m| {
                            let given = given.clone();
                            let errors = errors.clone();
                            let onclick = Callback::from(move |_: MouseEvent| {
                                given.set(m.amount_text());
                                errors.set(FormErrors::default());
                            });
                            html! {
                                <button type="button" class="ghost small" tabindex="-1" {onclick}>{ m.amount_text() }</button>
                            }
                        }) }
                    </div>
                    if errors.invalid("tendered").is_some() {
                        { field_error(&errors, "tendered") }
                    } else {
                        <p id="pay-change" class={classes!("change-line", change.is_err().then_some("short"))} role="status">
                            { change.unwrap_or_else(|e| e) }
                        </p>
                    }
                </div>
                <button type="button" id="pay-cash" class="secondary" disabled={props.busy} onclick={on_cash}>
                    { t("pay-cash-received") }
                </button>
            </form>
            if props.mpesa {
            <form class="pay-mpesa" {onsubmit} novalidate=true>
                <div class="field">
                    <label for="pay-receipt">{ t("pay-mpesa-code") }</label>
                    <input id="pay-receipt" type="text" autocomplete="off" placeholder="e.g. QFT4ABC12X"
                        value={(*receipt).clone()} aria-invalid={errors.invalid("receipt")} {oninput} />
                    { field_error(&errors, "receipt") }
                </div>
                <button type="submit" id="pay-mpesa" class="secondary" disabled={props.busy}>{ t("pay-mpesa-paid") }</button>
            </form>
            }
            if let Some(who) = &props.debtor {
                <div class="pay-credit">
                    <button type="button" id="pay-credit" class="ghost" disabled={props.busy}
                        onclick={props.on_payment.reform(|_: MouseEvent| (TillPayment::Credit, None))}>
                        { t_args("pay-on-credit", &[("who", who)]) }
                    </button>
                </div>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::change_text;
    use dukadesk_domain::money::{Currency, Money};

    #[test]
    fn the_change_line_says_the_change_or_what_is_missing() {
        let total = Money::from_major(1_250, Currency::KES);
        assert_eq!(
            change_text(total, "").as_deref(),
            Ok("Exact amount: KES 1,250")
        );
        assert_eq!(change_text(total, "2000").as_deref(), Ok("Change: KES 750"));
        assert_eq!(
            change_text(total, "1000"),
            Err("KES 1,000 is less than the total KES 1,250: KES 250 more is due.".to_owned())
        );
    }
}
