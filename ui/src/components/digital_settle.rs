//! Airtime and data bundles staff must settle: sends that failed (the
//! customer is owed a refund or a new send) and sends still waiting
//! (queued without a live Africa's Talking account, or an answer that is
//! late); `problem` says why, in the shell's words.
//!
//! Two views, like the M-Pesa payments to check ([`super::unsettled`]):
//! the amber `#digital-strip` above the till's queue ("2 airtime or bundles
//! need you", `#digital-open`, key `b`), and the `#digital-panel` in the
//! right pane with one `.digital-row[data-id]` per send. What each row
//! offers depends on where the send stands ([`verdicts`]):
//! - failed: `.digital-again` ("Send again"), `.digital-by-hand` ("Sent by
//!   hand"), and `.digital-refunded` ("Refunded") with its required
//!   `.digital-refund-note` (how the money went back: an M-Pesa code, or
//!   cash);
//! - queued: `.digital-by-hand` only;
//! - sending or sent: nothing yet (Africa's Talking may still deliver it).
//!
//! [`DigitalSettleState`] holds the panel's state; it lives in the till's
//! reducer so the page's one key map sees it. A verdict the shell refuses
//! shows its message on its row.

use crate::components::field::{input_text, FormErrors};
use crate::components::keyboard::focus;
use crate::components::timestamp::Timestamp;
use crate::i18n::{t, t_args, t_count};
use dukadesk_domain::ipc::{
    DigitalSendView, DigitalState, DigitalVerdict, IpcError, SettleDigital,
};
use std::collections::HashMap;
use uuid::Uuid;
use yew::prelude::*;

/// The field a refund error names, shown under the row's note.
const NOTE: &str = "note";

/// The longest note the shell keeps, in characters.
const NOTE_MAX: usize = 200;

/// The strip's text, or `None` when nothing needs staff.
pub fn strip_text(count: usize) -> Option<String> {
    (count > 0).then(|| t_count("digital-strip", count, &[]))
}

/// What staff may do with a send, by where it stands. The shell refuses
/// anything else (a request in flight is never doubled by hand).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Verdicts {
    /// "Send again" (failed only).
    pub again: bool,
    /// "Sent by hand" (failed or queued).
    pub by_hand: bool,
    /// "Refunded", with its note (failed only).
    pub refund: bool,
}

/// The buttons a send in `state` gets.
pub fn verdicts(state: DigitalState) -> Verdicts {
    match state {
        DigitalState::Failed => Verdicts {
            again: true,
            by_hand: true,
            refund: true,
        },
        DigitalState::Queued => Verdicts {
            by_hand: true,
            ..Verdicts::default()
        },
        _ => Verdicts::default(),
    }
}

/// What a send's state says on its row.
pub fn state_label(state: DigitalState) -> String {
    t(match state {
        DigitalState::Unpaid => "digital-state-unpaid",
        DigitalState::Queued => "digital-state-queued",
        DigitalState::Sending => "digital-state-sending",
        DigitalState::Sent => "digital-state-sent",
        DigitalState::Delivered => "digital-state-delivered",
        DigitalState::Failed => "digital-state-failed",
        DigitalState::Refunded => "digital-state-refunded",
        DigitalState::Cancelled => "digital-state-cancelled",
    })
}

/// A verdict as a button asks for it; the refund's note comes from the
/// row's input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerdictKind {
    /// "Send again".
    SendAgain,
    /// "Sent by hand".
    SentByHand,
    /// "Refunded".
    Refunded,
}

/// The toast after a verdict was taken.
pub fn settled_text(order_number: i64, kind: VerdictKind) -> String {
    let key = match kind {
        VerdictKind::SendAgain => "digital-done-again",
        VerdictKind::SentByHand => "digital-done-by-hand",
        VerdictKind::Refunded => "digital-done-refunded",
    };
    t_args(key, &[("number", &order_number.to_string())])
}

/// The request for a verdict. "Refunded" needs its note (how the money
/// went back); a blank one is the error message for the row's note.
pub fn settle_request(id: Uuid, kind: VerdictKind, note: &str) -> Result<SettleDigital, String> {
    let verdict = match kind {
        VerdictKind::SendAgain => DigitalVerdict::SendAgain,
        VerdictKind::SentByHand => DigitalVerdict::SentByHand,
        VerdictKind::Refunded => {
            let note = note.trim();
            if note.is_empty() {
                return Err(t("digital-note-required"));
            }
            DigitalVerdict::Refunded {
                note: note.to_owned(),
            }
        }
    };
    Ok(SettleDigital { id, verdict })
}

/// The panel's state.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DigitalSettleState {
    /// Sends that need staff, oldest first.
    pub list: Vec<DigitalSendView>,
    /// Whether the panel shows.
    pub open: bool,
    /// Refund notes typed so far, per send.
    pub notes: HashMap<Uuid, String>,
    /// Note errors, per send.
    pub note_errors: HashMap<Uuid, String>,
    /// Other refusals, per send.
    pub errors: HashMap<Uuid, String>,
    /// The send being settled.
    pub busy: Option<Uuid>,
}

impl DigitalSettleState {
    /// A fresh list arrived: rows that are gone forget their input.
    pub fn loaded(&mut self, list: Vec<DigitalSendView>) {
        let has = |id: &Uuid| list.iter().any(|d| d.id == *id);
        self.notes.retain(|id, _| has(id));
        self.note_errors.retain(|id, _| has(id));
        self.errors.retain(|id, _| has(id));
        self.list = list;
    }

    /// Opens the panel, when something needs staff.
    pub fn open(&mut self) {
        if !self.list.is_empty() {
            self.open = true;
        }
    }

    /// Closes the panel.
    pub fn close(&mut self) {
        self.open = false;
    }

    /// One row.
    pub fn row(&self, id: Uuid) -> Option<&DigitalSendView> {
        self.list.iter().find(|d| d.id == id)
    }

    /// The refund note typed for one row.
    pub fn note(&self, id: Uuid) -> &str {
        self.notes.get(&id).map_or("", String::as_str)
    }

    /// The note changed: its error goes.
    pub fn set_note(&mut self, id: Uuid, text: String) {
        self.note_errors.remove(&id);
        self.notes.insert(id, text);
    }

    /// The request for one row's verdict, or the note's error.
    pub fn request(&self, id: Uuid, kind: VerdictKind) -> Result<SettleDigital, String> {
        settle_request(id, kind, self.note(id))
    }

    /// The note was refused before sending.
    pub fn invalid(&mut self, id: Uuid, message: String) {
        self.note_errors.insert(id, message);
    }

    /// A verdict was sent.
    pub fn started(&mut self, id: Uuid) {
        self.busy = Some(id);
        self.errors.remove(&id);
        self.note_errors.remove(&id);
    }

    /// The verdict was taken: what is left.
    pub fn settled(&mut self, list: Vec<DigitalSendView>) {
        self.busy = None;
        self.loaded(list);
    }

    /// The verdict was refused: a `note` error goes under the row's note,
    /// anything else on the row.
    pub fn failed(&mut self, id: Uuid, err: IpcError) {
        self.busy = None;
        let errors = FormErrors::from_ipc(err, &[NOTE]);
        if let Some(message) = errors.field(NOTE) {
            self.note_errors.insert(id, message.to_owned());
        }
        if let Some(message) = errors.banner() {
            self.errors.insert(id, message.to_owned());
        }
    }
}

/// Props of [`DigitalStrip`].
#[derive(Properties, PartialEq)]
pub struct DigitalStripProps {
    /// Sends that need staff.
    pub count: usize,
    /// Opens the panel.
    pub on_open: Callback<()>,
}

/// The amber warning above the queue; nothing when all is settled.
#[function_component]
pub fn DigitalStrip(props: &DigitalStripProps) -> Html {
    let Some(text) = strip_text(props.count) else {
        return Html::default();
    };
    let on_open = props.on_open.clone();
    html! {
        <div id="digital-strip" class="unsettled-strip digital-strip" role="status">
            <span class="unsettled-icon" aria-hidden="true">{ "!" }</span>
            <span class="unsettled-text">{ text }</span>
            <button type="button" id="digital-open" class="warn" data-key="b" aria-keyshortcuts="B"
                onclick={move |_| on_open.emit(())}>{ t("digital-open") }</button>
        </div>
    }
}

/// Props of [`DigitalPanel`].
#[derive(Properties, PartialEq)]
pub struct DigitalPanelProps {
    /// The state.
    pub state: DigitalSettleState,
    /// A refund note changed.
    pub on_note: Callback<(Uuid, String)>,
    /// A verdict.
    pub on_settle: Callback<(Uuid, VerdictKind)>,
    /// Closes the panel.
    pub on_close: Callback<()>,
}

/// The panel in the till's right pane.
#[function_component]
pub fn DigitalPanel(props: &DigitalPanelProps) -> Html {
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
        .map(|(i, d)| row(props, d, (i == 0).then(|| first.clone())));
    html! {
        <section id="digital-panel" class="detail unsettled-panel digital-panel" aria-labelledby="digital-title">
            <header class="detail-header">
                <h2 id="digital-title">{ t("digital-panel-title") }</h2>
                <button type="button" id="digital-close" class="ghost" data-key="Esc" aria-keyshortcuts="Escape"
                    onclick={move |_| on_close.emit(())}>{ t("digital-close") }</button>
            </header>
            <p class="hint">{ t("digital-panel-hint") }</p>
            if props.state.list.is_empty() {
                <p class="empty">{ t("digital-empty") }</p>
            } else {
                <ul class="unsettled-list digital-list">{ for rows }</ul>
            }
        </section>
    }
}

/// One send: its facts, what it waits for or what went wrong, and the
/// verdicts its state allows. `node` (the first row's) takes the focus.
fn row(props: &DigitalPanelProps, d: &DigitalSendView, node: Option<NodeRef>) -> Html {
    let s = &props.state;
    let id = d.id;
    let busy = s.busy.is_some();
    let allowed = verdicts(d.state);
    let note_error = s.note_errors.get(&id).cloned();
    let error = s.errors.get(&id).cloned();
    // The focus goes to the first thing to fill in or press.
    let (note_ref, by_hand_ref) = match node {
        Some(node) if allowed.refund => (node, NodeRef::default()),
        Some(node) => (NodeRef::default(), node),
        None => Default::default(),
    };
    let settle = |kind: VerdictKind| {
        let on_settle = props.on_settle.clone();
        Callback::from(move |_: MouseEvent| on_settle.emit((id, kind)))
    };
    // Enter in the note: "Refunded".
    let onsubmit = {
        let on_settle = props.on_settle.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if allowed.refund {
                on_settle.emit((id, VerdictKind::Refunded));
            }
        })
    };
    let on_note = props
        .on_note
        .reform(move |e: InputEvent| (id, input_text(&e)));
    let note_id = format!("digital-refund-note-{id}");
    let recipient = if d.recipient.is_empty() {
        t("digital-recipient-erased")
    } else {
        d.recipient.clone()
    };
    let waiting = !allowed.again && !allowed.by_hand && !allowed.refund;
    html! {
        <li key={id.to_string()}
            class={classes!(
                "unsettled-row", "digital-row",
                (d.state == DigitalState::Failed).then_some("failed"),
                (s.busy == Some(id)).then_some("busy"),
            )}
            data-id={id.to_string()} data-number={d.order_number.to_string()} data-state={d.state.as_str()}>
            <form class="unsettled-form" {onsubmit} novalidate=true>
                <div class="unsettled-facts">
                    <span class="unsettled-number">{ format!("#{}", d.order_number) }</span>
                    <span class="digital-item">{ d.item.clone() }</span>
                    <span class="unsettled-amount num digital-value">{ d.value.to_string() }</span>
                    <span class="unsettled-phone digital-recipient">{ recipient }</span>
                    <span class="digital-state">{ state_label(d.state) }</span>
                    if d.simulated {
                        <span class="digital-simulated muted">{ t("digital-simulated") }</span>
                    }
                    <span class="unsettled-time muted"><Timestamp at={d.created_at} /></span>
                </div>
                if !d.problem.is_empty() {
                    <p class="digital-problem">{ d.problem.clone() }</p>
                }
                if allowed.refund {
                    <div class="field">
                        <label for={note_id.clone()} class="sr-only">{ t("digital-refund-note") }</label>
                        <input id={note_id} ref={note_ref} class="digital-refund-note" type="text"
                            autocomplete="off" maxlength={NOTE_MAX.to_string()}
                            placeholder={t("digital-refund-note-placeholder")}
                            value={s.note(id).to_owned()} aria-invalid={note_error.as_ref().map(|_| "true")}
                            oninput={on_note} />
                        if let Some(message) = note_error {
                            <div class="field-error" data-field={NOTE} role="alert">{ message }</div>
                        }
                    </div>
                }
                if let Some(message) = error {
                    <div class="banner error digital-error" role="alert">{ message }</div>
                }
                if waiting {
                    <p class="hint digital-waiting">{ t("digital-waiting") }</p>
                } else {
                    <div class="actions">
                        if allowed.again {
                            <button type="button" class="primary digital-again" disabled={busy}
                                onclick={settle(VerdictKind::SendAgain)}>{ t("digital-send-again") }</button>
                        }
                        if allowed.by_hand {
                            <button type="button" ref={by_hand_ref} class="secondary digital-by-hand" disabled={busy}
                                onclick={settle(VerdictKind::SentByHand)}>{ t("digital-sent-by-hand") }</button>
                        }
                        if allowed.refund {
                            <button type="submit" class="secondary digital-refunded" disabled={busy}>
                                { t("digital-refunded") }
                            </button>
                        }
                    </div>
                }
            </form>
        </li>
    }
}

#[cfg(test)]
mod tests;
