//! Recording money received for an unpaid order at the till: cash, or the
//! M-Pesa code from the customer's SMS (checked with `parse_mpesa_receipt`
//! before it is sent with `RecordPaymentCmd`).

use crate::components::field::{field_error, input_text, FormErrors};
use dukadesk_domain::ipc::FieldError;
use dukadesk_domain::order::{parse_mpesa_receipt, TillPayment};
use yew::prelude::*;

/// Props of [`RecordPaymentRow`].
#[derive(Properties, PartialEq)]
pub struct RecordPaymentProps {
    /// Whether a change is in flight.
    pub busy: bool,
    /// Called with the payment to record.
    pub on_payment: Callback<TillPayment>,
}

/// "Cash received" and "M-Pesa code" for an unpaid order.
#[function_component]
pub fn RecordPaymentRow(props: &RecordPaymentProps) -> Html {
    let receipt = use_state(String::new);
    let errors = use_state(FormErrors::default);

    let on_cash = {
        let on_payment = props.on_payment.clone();
        Callback::from(move |_| on_payment.emit(TillPayment::Cash))
    };
    let onsubmit = {
        let (receipt, errors, on_payment) =
            (receipt.clone(), errors.clone(), props.on_payment.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match parse_mpesa_receipt(&receipt) {
                Ok(code) => {
                    errors.set(FormErrors::default());
                    on_payment.emit(TillPayment::MpesaReceipt(code));
                }
                Err(m) => errors.set(FormErrors::from_fields(vec![FieldError::new("receipt", m)])),
            }
        })
    };
    let oninput = {
        let receipt = receipt.clone();
        Callback::from(move |e: InputEvent| receipt.set(input_text(&e)))
    };
    html! {
        <form class="record-payment" {onsubmit} novalidate=true>
            <button type="button" id="pay-cash" class="secondary" disabled={props.busy} onclick={on_cash}>
                { "Cash received" }
            </button>
            <div class="field">
                <label for="pay-receipt" class="sr-only">{ "M-Pesa code" }</label>
                <input id="pay-receipt" type="text" autocomplete="off" placeholder="M-Pesa code, e.g. QFT4ABC12X"
                    value={(*receipt).clone()} aria-invalid={errors.invalid("receipt")} {oninput} />
                { field_error(&errors, "receipt") }
            </div>
            <button type="submit" id="pay-mpesa" class="secondary" disabled={props.busy}>{ "M-Pesa paid" }</button>
        </form>
    }
}
