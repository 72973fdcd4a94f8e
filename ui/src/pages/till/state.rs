//! The till's state as one reducer: the queue for the current query, the
//! selection and its detail, the cancel confirmation, the form, the
//! M-Pesa payments waiting to be settled by hand, and the airtime and
//! bundles that need staff. Answers
//! that arrive late (for an old query, or an order no longer selected) are
//! dropped here, so the page never shows a mix.

use crate::components::digital_settle::DigitalSettleState;
use crate::components::unsettled::UnsettledState;
use dukadesk_domain::cash::Tendered;
use dukadesk_domain::ipc::{
    DigitalSendView, IpcError, OrderDetail, OrderQuery, OrderSummary, UnsettledPayment,
};
use dukadesk_domain::order::{OrderEvent, OrderStatus};
use dukadesk_domain::{OrderId, PaymentId};
use std::rc::Rc;
use uuid::Uuid;
use yew::prelude::*;

/// Everything the till shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TillState {
    /// The queue, newest first.
    pub orders: Vec<OrderSummary>,
    /// Whether the first answer arrived.
    pub loaded: bool,
    /// Filter and search.
    pub query: OrderQuery,
    /// The selected order.
    pub selected: Option<OrderId>,
    /// Only ever the selected order's detail.
    pub detail: Option<OrderDetail>,
    /// Whether the cancel confirmation shows.
    pub confirming: bool,
    /// Whether the manual order form is open.
    pub form_open: bool,
    /// Whether a change is in flight.
    pub busy: bool,
    /// Bumped to reload the queue and the detail.
    pub refresh: u32,
    /// The last failure, for the banner.
    pub error: Option<String>,
    /// M-Pesa payments to check, and their panel.
    pub unsettled: UnsettledState,
    /// Airtime and bundles that need staff, and their panel.
    pub digital: DigitalSettleState,
    /// The change to hand back for the order just paid in cash, shown
    /// until another order is picked.
    pub change_due: Option<(OrderId, Tendered)>,
    /// A move waiting out its undo time: the order and what the bar says.
    pub held: Option<(OrderId, String)>,
    /// The last barcode scanned, numbered so the same code twice is two
    /// scans; the new-order form adds its item.
    pub scan: Option<(u32, String)>,
}

/// What can happen on the till.
#[derive(Debug)]
pub enum TillAction {
    /// The queue for a query arrived.
    Loaded(OrderQuery, Vec<OrderSummary>),
    /// An order's detail arrived.
    DetailLoaded(OrderDetail),
    /// A status chip or digit key.
    Filter(Option<OrderStatus>),
    /// The search text changed.
    Search(String),
    /// Arrow keys: move the selection by this many rows.
    Move(isize),
    /// A row was clicked.
    Select(OrderId),
    /// `x`: ask before cancelling.
    AskCancel,
    /// Escape on the confirmation.
    AbortCancel,
    /// `n`.
    OpenForm,
    /// A scanner read a barcode: into the new-order form (opened if need be).
    Scanned(String),
    /// Escape on the form.
    CloseForm,
    /// A change was sent.
    Started,
    /// A change came back: show it and reload.
    Changed(OrderDetail),
    /// A manual order was created.
    Created(OrderDetail),
    /// Cash was taken for an order: the change to hand back.
    CashTaken(OrderId, Tendered),
    /// A move is held for its undo time.
    Hold(OrderId, String),
    /// The held move was sent or undone.
    Unhold,
    /// The timer.
    Refresh,
    /// Reading failed.
    LoadFailed(String),
    /// A change failed.
    ActionFailed(String),
    /// A receipt did not print (the order is as it was).
    PrintFailed(String),
    /// The unsettled M-Pesa payments arrived.
    UnsettledLoaded(Vec<UnsettledPayment>),
    /// `u`: open the panel of payments to check.
    OpenUnsettled,
    /// Escape on that panel.
    CloseUnsettled,
    /// A row's receipt input changed.
    SettleReceipt(PaymentId, String),
    /// A row's "no code because" input changed.
    SettleReason(PaymentId, String),
    /// A row's receipt was refused before sending.
    SettleInvalid(PaymentId, String),
    /// "Not paid": ask first.
    AskUnpaid(PaymentId),
    /// Escape on that question.
    AbortUnpaid,
    /// A verdict was sent.
    SettleStarted(PaymentId),
    /// The verdict was taken: the refreshed list; the queue and the detail
    /// reload.
    Settled(Vec<UnsettledPayment>),
    /// The verdict failed.
    SettleFailed(PaymentId, IpcError),
    /// The airtime and bundles that need staff arrived.
    DigitalLoaded(Vec<DigitalSendView>),
    /// `b`: open their panel.
    OpenDigital,
    /// Escape on that panel.
    CloseDigital,
    /// A row's refund note changed.
    DigitalNote(Uuid, String),
    /// A row's verdict was refused before sending (no refund note).
    DigitalInvalid(Uuid, String),
    /// A verdict on a send went.
    DigitalStarted(Uuid),
    /// It was taken: what is left, and the queue and the detail reload.
    DigitalSettled(Vec<DigitalSendView>),
    /// It was refused.
    DigitalFailed(Uuid, IpcError),
}

impl Reducible for TillState {
    type Action = TillAction;
    fn reduce(self: Rc<Self>, action: TillAction) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        Rc::new(next)
    }
}

impl TillState {
    /// Applies one action.
    pub fn apply(&mut self, action: TillAction) {
        use TillAction as A;
        match action {
            A::Loaded(query, orders) if query == self.query => {
                self.orders = orders;
                self.loaded = true;
                if self.selected.is_none() {
                    self.selected = self.orders.first().map(|o| o.id);
                }
            }
            A::Loaded(..) => {}
            A::DetailLoaded(detail) if Some(detail.order.id) == self.selected => {
                self.detail = Some(detail);
            }
            A::DetailLoaded(_) => {}
            A::Filter(status) => {
                self.query.status = status;
                self.clear_selection();
            }
            A::Search(text) => {
                self.query.search = text;
                self.clear_selection();
            }
            A::Move(delta) => self.move_by(delta),
            A::Select(id) => self.select(id),
            A::AskCancel => self.confirming = self.detail.as_ref().is_some_and(|d| d.can_cancel),
            A::AbortCancel => self.confirming = false,
            A::OpenForm => {
                self.form_open = true;
                self.confirming = false;
                self.unsettled.close();
                self.digital.close();
            }
            A::Scanned(code) => {
                // Not while a question is open: a scan answers nothing.
                if !self.confirming && !self.unsettled.open && !self.digital.open {
                    self.form_open = true;
                    let seq = self.scan.as_ref().map_or(1, |(n, _)| n + 1);
                    self.scan = Some((seq, code));
                }
            }
            A::CloseForm => self.form_open = false,
            A::Started => {
                self.busy = true;
                self.error = None;
            }
            A::Changed(detail) => self.show_changed(detail),
            A::Created(detail) => {
                self.form_open = false;
                self.query.status = None;
                self.query.search.clear();
                self.show_changed(detail);
            }
            A::CashTaken(id, tendered) => self.change_due = Some((id, tendered)),
            A::Hold(id, text) => {
                self.held = Some((id, text));
                self.confirming = false;
            }
            A::Unhold => self.held = None,
            A::Refresh => self.refresh = self.refresh.wrapping_add(1),
            A::LoadFailed(message) => self.error = Some(message),
            A::PrintFailed(message) => self.error = Some(message),
            A::ActionFailed(message) => {
                self.busy = false;
                self.confirming = false;
                self.change_due = None;
                self.error = Some(message);
            }
            A::UnsettledLoaded(list) => {
                if self.unsettled.busy.is_none() {
                    self.unsettled.loaded(list);
                }
            }
            A::OpenUnsettled => {
                self.unsettled.open();
                if self.unsettled.open {
                    self.form_open = false;
                    self.confirming = false;
                    self.digital.close();
                }
            }
            A::CloseUnsettled => self.unsettled.close(),
            A::SettleReceipt(id, text) => self.unsettled.set_receipt(id, text),
            A::SettleReason(id, text) => self.unsettled.set_reason(id, text),
            A::SettleInvalid(id, message) => self.unsettled.invalid(id, message),
            A::AskUnpaid(id) => self.unsettled.ask_unpaid(id),
            A::AbortUnpaid => self.unsettled.abort_unpaid(),
            A::SettleStarted(id) => self.unsettled.started(id),
            A::Settled(list) => {
                self.unsettled.settled(list);
                self.refresh = self.refresh.wrapping_add(1);
            }
            A::SettleFailed(id, err) => self.unsettled.failed(id, err),
            A::DigitalLoaded(list) => {
                if self.digital.busy.is_none() {
                    self.digital.loaded(list);
                }
            }
            A::OpenDigital => {
                self.digital.open();
                if self.digital.open {
                    self.form_open = false;
                    self.confirming = false;
                    self.unsettled.close();
                }
            }
            A::CloseDigital => self.digital.close(),
            A::DigitalNote(id, text) => self.digital.set_note(id, text),
            A::DigitalInvalid(id, message) => self.digital.invalid(id, message),
            A::DigitalStarted(id) => self.digital.started(id),
            A::DigitalSettled(list) => {
                self.digital.settled(list);
                self.refresh = self.refresh.wrapping_add(1);
            }
            A::DigitalFailed(id, err) => self.digital.failed(id, err),
        }
    }

    fn clear_selection(&mut self) {
        self.selected = None;
        self.detail = None;
        self.confirming = false;
        self.change_due = None;
    }

    fn select(&mut self, id: OrderId) {
        if self.selected != Some(id) {
            self.selected = Some(id);
            self.detail = None;
            self.confirming = false;
            self.change_due = None;
        }
    }

    /// The change to hand back for the selected order, if it was just paid
    /// in cash.
    pub fn change_for_selected(&self) -> Option<Tendered> {
        self.change_due
            .filter(|(id, _)| Some(*id) == self.selected)
            .map(|(_, t)| t)
    }

    fn move_by(&mut self, delta: isize) {
        let Some(last) = self.orders.len().checked_sub(1) else {
            return;
        };
        let at = self
            .selected
            .and_then(|id| self.orders.iter().position(|o| o.id == id));
        let next = match at {
            Some(i) => i.saturating_add_signed(delta).min(last),
            None => 0,
        };
        if let Some(order) = self.orders.get(next) {
            self.select(order.id);
        }
    }

    /// The selected order after a change: kept selected, detail shown, queue
    /// reloaded.
    fn show_changed(&mut self, detail: OrderDetail) {
        self.busy = false;
        self.confirming = false;
        self.error = None;
        self.selected = Some(detail.order.id);
        self.detail = Some(detail);
        self.refresh = self.refresh.wrapping_add(1);
    }

    /// The next step of the selected order, if it has one now.
    pub fn next_step(&self) -> Option<(OrderId, OrderEvent)> {
        let detail = self.detail.as_ref()?;
        detail.next_step.map(|event| (detail.order.id, event))
    }
}

#[cfg(test)]
mod tests;
