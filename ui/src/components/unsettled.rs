//! M-Pesa payments staff must settle: those with no final answer
//! ("unknown": money may have moved), and payments by hand to the shop's
//! till or paybill (`by_hand`: the customer's code, if sent, is filled in
//! and a code is required to mark it paid). Staff check the M-Pesa
//! statement and settle each one with `SettlePaymentCmd`.
//!
//! Two views: the amber `#unsettled-strip` above the till's queue ("2 M-Pesa
//! payments need checking", `#unsettled-open`, key `u`), and the
//! `#unsettled-panel` in the right pane with one `.unsettled-row[data-id]` per
//! attempt: an optional `.unsettled-receipt` (checked with
//! `parse_mpesa_receipt` when not empty), `.settle-paid` ("Money arrived") and
//! `.settle-unpaid` ("Not paid", which asks first with `.settle-confirm`,
//! because it tells the customer the payment failed).
//!
//! [`UnsettledState`] holds the panel's state; it lives in the till's reducer
//! so the page's one key map sees the confirmation.

use crate::components::banner::ErrorBanner;
use crate::components::field::{input_text, FormErrors};
use crate::components::keyboard::focus;
use crate::components::timestamp::Timestamp;
use dukadesk_domain::ipc::{IpcError, SettlePayment, UnsettledPayment};
use dukadesk_domain::order::parse_mpesa_receipt;
use dukadesk_domain::PaymentId;
use std::collections::HashMap;
use yew::prelude::*;

/// The field a settle error may name, shown beside the row's input.
const RECEIPT: &str = "receipt";

/// The strip's text, or `None` when nothing needs checking.
pub fn strip_text(count: usize) -> Option<String> {
    match count {
        0 => None,
        1 => Some("1 M-Pesa payment needs checking".into()),
        n => Some(format!("{n} M-Pesa payments need checking")),
    }
}

/// The toast after settling one.
pub fn settled_text(order_number: i64, paid: bool) -> String {
    let verdict = if paid { "paid" } else { "not paid" };
    format!("#{order_number} marked {verdict}.")
}

/// The request for a verdict. A receipt code is only sent with "Money
/// arrived", and only checked when one was typed; a bad one is the error
/// message for the row's input.
pub fn settle_request(
    id: PaymentId,
    paid: bool,
    (receipt, reason): (&str, &str),
    by_hand: bool,
) -> Result<SettlePayment, String> {
    if paid && by_hand && receipt.trim().is_empty() {
        return Err(
            "Type the M-Pesa code as it shows on your statement (10 letters and digits).".into(),
        );
    }
    if paid && receipt.trim().is_empty() && reason.trim().is_empty() {
        return Err(
            "Type the M-Pesa code from the statement or the customer's SMS, or say below why there is none."
                .into(),
        );
    }
    let receipt = if paid && !receipt.trim().is_empty() {
        parse_mpesa_receipt(receipt).map_err(|e| crate::i18n::said(&e))?
    } else {
        String::new()
    };
    let no_code_reason = if paid && receipt.is_empty() {
        reason.trim().to_owned()
    } else {
        String::new()
    };
    Ok(SettlePayment {
        id,
        paid,
        receipt,
        no_code_reason,
    })
}

/// The panel's state.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct UnsettledState {
    /// Attempts waiting, oldest first.
    pub list: Vec<UnsettledPayment>,
    /// Whether the panel shows.
    pub open: bool,
    /// Receipt codes typed so far, per attempt.
    pub receipts: HashMap<PaymentId, String>,
    /// Why there is no code, typed so far, per attempt.
    pub reasons: HashMap<PaymentId, String>,
    /// Receipt errors, per attempt.
    pub errors: HashMap<PaymentId, String>,
    /// The attempt whose "Not paid" waits for confirmation.
    pub confirming: Option<PaymentId>,
    /// The attempt being settled.
    pub busy: Option<PaymentId>,
    /// A failure no input owns, for the panel's banner.
    pub error: Option<String>,
}

impl UnsettledState {
    /// A fresh list arrived: rows that are gone forget their input.
    pub fn loaded(&mut self, list: Vec<UnsettledPayment>) {
        let has = |id: &PaymentId| list.iter().any(|p| p.id == *id);
        self.receipts.retain(|id, _| has(id));
        self.reasons.retain(|id, _| has(id));
        self.errors.retain(|id, _| has(id));
        self.confirming = self.confirming.filter(has);
        self.list = list;
    }

    /// Opens the panel, when there is something to check.
    pub fn open(&mut self) {
        if !self.list.is_empty() {
            self.open = true;
            self.error = None;
        }
    }

    /// Closes the panel.
    pub fn close(&mut self) {
        self.open = false;
        self.confirming = None;
    }

    /// One row.
    pub fn row(&self, id: PaymentId) -> Option<&UnsettledPayment> {
        self.list.iter().find(|p| p.id == id)
    }

    /// The receipt typed for one row; untouched, a payment by hand shows
    /// the code its customer sent.
    pub fn receipt(&self, id: PaymentId) -> &str {
        match self.receipts.get(&id) {
            Some(typed) => typed,
            None => self
                .row(id)
                .filter(|p| p.by_hand)
                .and_then(|p| p.provider_ref.as_deref())
                .unwrap_or(""),
        }
    }

    /// The receipt input changed: its error goes.
    pub fn set_receipt(&mut self, id: PaymentId, text: String) {
        self.errors.remove(&id);
        self.receipts.insert(id, text);
    }

    /// Why there is no code, as typed for one row.
    pub fn reason(&self, id: PaymentId) -> &str {
        self.reasons.get(&id).map_or("", String::as_str)
    }

    /// The reason input changed: the row's error goes.
    pub fn set_reason(&mut self, id: PaymentId, text: String) {
        self.errors.remove(&id);
        self.reasons.insert(id, text);
    }

    /// "Not paid": ask first.
    pub fn ask_unpaid(&mut self, id: PaymentId) {
        if self.busy.is_none() && self.row(id).is_some() {
            self.confirming = Some(id);
        }
    }

    /// Escape on the confirmation.
    pub fn abort_unpaid(&mut self) {
        self.confirming = None;
    }

    /// The request for one row's verdict, or the receipt's error.
    pub fn request(&self, id: PaymentId, paid: bool) -> Result<SettlePayment, String> {
        let by_hand = self.row(id).is_some_and(|p| p.by_hand);
        settle_request(id, paid, (self.receipt(id), self.reason(id)), by_hand)
    }

    /// The typed receipt was refused before sending.
    pub fn invalid(&mut self, id: PaymentId, message: String) {
        self.errors.insert(id, message);
        self.confirming = None;
    }

    /// A verdict was sent.
    pub fn started(&mut self, id: PaymentId) {
        self.busy = Some(id);
        self.confirming = None;
        self.error = None;
        self.errors.remove(&id);
    }

    /// The refreshed list came back.
    pub fn settled(&mut self, list: Vec<UnsettledPayment>) {
        self.busy = None;
        self.loaded(list);
    }

    /// Settling failed: a `receipt` error goes beside the row's input, the
    /// rest into the banner.
    pub fn failed(&mut self, id: PaymentId, err: IpcError) {
        self.busy = None;
        self.confirming = None;
        let errors = FormErrors::from_ipc(err, &[RECEIPT]);
        if let Some(message) = errors.field(RECEIPT) {
            self.errors.insert(id, message.to_owned());
        }
        self.error = errors.banner().map(str::to_owned);
    }
}

/// Props of [`UnsettledStrip`].
#[derive(Properties, PartialEq)]
pub struct UnsettledStripProps {
    /// Attempts waiting.
    pub count: usize,
    /// Opens the panel.
    pub on_open: Callback<()>,
}

/// The amber warning above the queue; nothing when all is settled.
#[function_component]
pub fn UnsettledStrip(props: &UnsettledStripProps) -> Html {
    let Some(text) = strip_text(props.count) else {
        return Html::default();
    };
    let on_open = props.on_open.clone();
    html! {
        <div id="unsettled-strip" class="unsettled-strip" role="status">
            <span class="unsettled-icon" aria-hidden="true">{ "!" }</span>
            <span class="unsettled-text">{ text }</span>
            <button type="button" id="unsettled-open" class="warn" data-key="u" aria-keyshortcuts="U"
                onclick={move |_| on_open.emit(())}>{ "Check now" }</button>
        </div>
    }
}

/// Props of [`UnsettledPanel`].
#[derive(Properties, PartialEq)]
pub struct UnsettledPanelProps {
    /// The state.
    pub state: UnsettledState,
    /// A receipt input changed.
    pub on_receipt: Callback<(PaymentId, String)>,
    /// A "no code because" input changed.
    pub on_reason: Callback<(PaymentId, String)>,
    /// A verdict: `true` for "Money arrived", `false` once "Not paid" is confirmed.
    pub on_settle: Callback<(PaymentId, bool)>,
    /// "Not paid" was pressed.
    pub on_ask_unpaid: Callback<PaymentId>,
    /// The confirmation was declined.
    pub on_abort_unpaid: Callback<()>,
    /// Closes the panel.
    pub on_close: Callback<()>,
}

/// The panel in the till's right pane.
#[function_component]
pub fn UnsettledPanel(props: &UnsettledPanelProps) -> Html {
    let first = use_node_ref();
    {
        let first = first.clone();
        use_effect_with((), move |_| focus(&first));
    }
    let on_close = props.on_close.clone();
    let rows = props
        .state
        .list
        .iter()
        .enumerate()
        .map(|(i, p)| row(props, p, (i == 0).then(|| first.clone())));
    html! {
        <section id="unsettled-panel" class="detail unsettled-panel" aria-labelledby="unsettled-title">
            <header class="detail-header">
                <h2 id="unsettled-title">{ "M-Pesa payments to check" }</h2>
                <button type="button" id="unsettled-close" class="ghost" data-key="Esc" aria-keyshortcuts="Escape"
                    onclick={move |_| on_close.emit(())}>{ "Close" }</button>
            </header>
            <p class="hint">
                { "For these, M-Pesa gave no final answer (money may have moved) or the customer paid \
                   your till or paybill by hand. Check your M-Pesa statement, then settle each one." }
            </p>
            <ErrorBanner message={props.state.error.clone().map(AttrValue::from)} />
            if props.state.list.is_empty() {
                <p class="empty">{ "All M-Pesa payments are settled." }</p>
            } else {
                <ul class="unsettled-list">{ for rows }</ul>
            }
        </section>
    }
}

fn row(props: &UnsettledPanelProps, p: &UnsettledPayment, node: Option<NodeRef>) -> Html {
    let s = &props.state;
    let id = p.id;
    let busy = s.busy.is_some();
    let error = s.errors.get(&id).cloned();
    let input_id = format!("unsettled-receipt-{id}");
    let (code_label, code_placeholder) = if p.by_hand {
        ("M-Pesa code", "M-Pesa code from your statement")
    } else {
        (
            "M-Pesa code (optional)",
            "M-Pesa code (optional), e.g. QFT4ABC12X",
        )
    };
    let oninput = props
        .on_receipt
        .reform(move |e: InputEvent| (id, input_text(&e)));
    let on_reason = props
        .on_reason
        .reform(move |e: InputEvent| (id, input_text(&e)));
    let reason_id = format!("unsettled-reason-{id}");
    let onsubmit = {
        let on_settle = props.on_settle.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            on_settle.emit((id, true));
        })
    };
    let actions = if s.confirming == Some(id) {
        let yes = props.on_settle.clone();
        let no = props.on_abort_unpaid.clone();
        html! {
            <div class="confirm-row" role="alertdialog" aria-label="Mark as not paid?">
                <span>{ format!("Tell the customer #{} was not paid?", p.order_number) }</span>
                <button type="button" class="danger settle-confirm" disabled={busy}
                    data-key="Enter" aria-keyshortcuts="Enter"
                    onclick={move |_| yes.emit((id, false))}>{ "Yes, not paid" }</button>
                <button type="button" class="ghost settle-abort" data-key="Esc" aria-keyshortcuts="Escape"
                    onclick={move |_| no.emit(())}>{ "Keep it" }</button>
            </div>
        }
    } else {
        let ask = props.on_ask_unpaid.clone();
        html! {
            <div class="actions">
                <button type="submit" class="primary settle-paid" disabled={busy}>{ "Money arrived" }</button>
                <button type="button" class="secondary danger-text settle-unpaid" disabled={busy}
                    onclick={move |_| ask.emit(id)}>{ "Not paid" }</button>
            </div>
        }
    };
    html! {
        <li key={id.to_string()} class={classes!("unsettled-row", (s.busy == Some(id)).then_some("busy"))}
            data-id={id.to_string()} data-number={p.order_number.to_string()}>
            <form class="unsettled-form" {onsubmit} novalidate=true>
                <div class="unsettled-facts">
                    <span class="unsettled-number">{ format!("#{}", p.order_number) }</span>
                    <span class="unsettled-amount num">{ p.amount.to_string() }</span>
                    <span class="unsettled-phone">{ p.phone.clone() }</span>
                    <span class="unsettled-time muted">{ "asked " }<Timestamp at={p.created_at} /></span>
                    if p.by_hand {
                        <span class="unsettled-kind">{
                            match &p.provider_ref {
                                Some(code) => format!("Paid by hand: the customer sent {code}"),
                                None => "By hand: waiting for the customer's code".to_owned(),
                            }
                        }</span>
                    } else if let Some(r) = &p.provider_ref {
                        <span class="unsettled-ref" title="Provider reference">{ r.clone() }</span>
                    }
                </div>
                <div class="field">
                    <label for={input_id.clone()} class="sr-only">{ code_label }</label>
                    <input id={input_id} ref={node.unwrap_or_default()} class="unsettled-receipt" type="text"
                        autocomplete="off" placeholder={code_placeholder}
                        value={s.receipt(id).to_owned()} aria-invalid={error.as_ref().map(|_| "true")}
                        {oninput} />
                    if let Some(message) = error {
                        <div class="field-error" data-field={RECEIPT} role="alert">{ message }</div>
                    }
                </div>
                if !p.by_hand {
                    <div class="field">
                        <label for={reason_id.clone()} class="sr-only">{ "No code because" }</label>
                        <input id={reason_id} class="unsettled-reason" type="text" autocomplete="off"
                            maxlength="200" placeholder="No code? Say why (kept with the payment)"
                            value={s.reason(id).to_owned()} oninput={on_reason} />
                    </div>
                }
                { actions }
            </form>
        </li>
    }
}

#[cfg(test)]
mod tests;
