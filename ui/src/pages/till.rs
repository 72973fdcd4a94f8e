//! The till: the order queue (newest first, filtered by status and searched
//! by number or phone), the selected order's detail, and the manual order
//! form. Built so a clerk never needs the mouse; the whole key map is in
//! [`handle_key`]:
//!
//! | key | does |
//! | --- | --- |
//! | `n` | new manual order (Escape closes it, Ctrl+Enter creates it) |
//! | `/` | search (Escape clears it, Enter goes back to the queue) |
//! | ↑ ↓, `k` `j` | move the selection |
//! | `a`, Enter | run the selected order's next step (held 5 s: Ctrl+Z undoes it, `a` again sends it now) |
//! | `x` | cancel the selected order (`y` confirms, Escape keeps it; held 5 s like a step) |
//! | Ctrl+Z | undo the step or cancel still held |
//! | `p` | record a payment: into the selected unpaid order's cash field (Enter there records the cash and shows the change) |
//! | `r` | print the selected order's receipt (its bill if unpaid) on this till's printer |
//! | `0`-`8` | status filter: All, then each status in lifecycle order |
//! | `u` | M-Pesa payments to check (Escape closes; on "Not paid", Enter confirms, Escape keeps it) |
//! | `b` | airtime and bundles to settle (Escape closes; Enter in a refund note marks it refunded) |
//!
//! Single-letter keys only act when no text field has the focus. The queue,
//! the unsettled M-Pesa payments and the airtime and bundles to settle (the
//! amber strips above the queue) refresh every 5 seconds and after every
//! change; the page's state is one reducer, so late answers for an old
//! query or selection are dropped.

use crate::components::banner::ErrorBanner;
use crate::components::digital_settle::{
    settled_text as digital_settled_text, DigitalPanel, DigitalStrip, VerdictKind,
};
use crate::components::keyboard::{
    blur, enter_activates_target, focus, focus_id, handled_elsewhere, is_from, is_typing,
    use_keydown, use_scanner,
};
use crate::components::low_stock::LowStockStrip;
use crate::components::nav::Page;
use crate::components::order_detail::OrderDetailPane;
use crate::components::order_form::OrderForm;
use crate::components::order_queue::OrderQueue;
use crate::components::start_checklist::StartChecklistCard;
use crate::components::status_badge::{status_name_for, step_name};
use crate::components::status_chips::{filter_for_digit, StatusChips};
use crate::components::tax_settings::TAX_CARD;
use crate::components::unsettled::{settled_text, UnsettledPanel, UnsettledStrip};
use crate::i18n::{t, t_args};
use crate::ipc::invoke;
use dukadesk_domain::barcode::SCAN_GAP_MS;
use dukadesk_domain::cash::Tendered;
use dukadesk_domain::ipc::{
    ApplyOrderEvent, ApplyOrderEventCmd, Command, GetOrder, GetPrinterSettings,
    ListDigitalToSettle, ListOrders, ListUnsettledPayments, NoArgs, OrderDetail, OrderRef,
    PrintReceipt, RecordPayment, RecordPaymentCmd, SaveReceiptPdf, SavedFile, SettleDigitalCmd,
    SettlePaymentCmd, ShopView,
};
use dukadesk_domain::order::{FulfilmentKind, OrderEvent, TillPayment};
use dukadesk_domain::receipt::{PrinterConnection, PrinterSettings};
use dukadesk_domain::start::StartChecklist;
use dukadesk_domain::{OrderId, PaymentId};
use gloo_timers::callback::{Interval, Timeout};
use state::{TillAction, TillState};
use std::cell::RefCell;
use std::rc::Rc;
use uuid::Uuid;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

mod state;

/// How often the queue is reloaded, in milliseconds.
const REFRESH_MS: u32 = 5_000;

/// How long a move that tells the customer (advance, cancel) waits for an
/// undo before it is sent, in milliseconds.
pub const UNDO_MS: u32 = 5_000;

/// A move held back for [`UNDO_MS`]: dropping it (undo) drops its timer, so
/// it is never sent.
struct Held {
    req: ApplyOrderEvent,
    _timer: Timeout,
}

/// The move waiting for its undo time, if any.
type HeldSlot = Rc<RefCell<Option<Held>>>;

/// Sends the held move now, if there is one (the clerk moved on).
fn send_held(slot: &HeldSlot, dispatch: &Dispatch, notify: &Callback<String>) -> bool {
    let Some(held) = slot.borrow_mut().take() else {
        return false;
    };
    dispatch.dispatch(TillAction::Unhold);
    run_change::<ApplyOrderEventCmd>(dispatch.clone(), held.req, notify.clone(), Callback::noop());
    true
}

/// Holds `req` back for [`UNDO_MS`], then sends it. One move is held at a
/// time: a move held before is sent first.
fn hold(
    slot: &HeldSlot,
    dispatch: &Dispatch,
    notify: &Callback<String>,
    req: ApplyOrderEvent,
    text: String,
) {
    send_held(slot, dispatch, notify);
    let timer = {
        let (slot, dispatch, notify) = (slot.clone(), dispatch.clone(), notify.clone());
        Timeout::new(UNDO_MS, move || {
            send_held(&slot, &dispatch, &notify);
        })
    };
    *slot.borrow_mut() = Some(Held { req, _timer: timer });
    dispatch.dispatch(TillAction::Hold(req.id, text));
}

/// What the undo bar says for a held move.
fn held_text(number: &str, event: OrderEvent) -> String {
    match event {
        OrderEvent::Cancel => t_args("till-cancelling", &[("number", number)]),
        event => t_args(
            "till-moving",
            &[
                ("number", number),
                ("step", &step_name(event, FulfilmentKind::Delivery)),
            ],
        ),
    }
}

type Dispatch = UseReducerDispatcher<TillState>;

/// Sends a change that answers with the order, then shows it and hands it
/// to `then`.
fn run_change<C>(
    dispatch: Dispatch,
    req: C::Req,
    notify: Callback<String>,
    then: Callback<OrderDetail>,
) where
    C: Command<Resp = OrderDetail>,
    C::Req: 'static,
{
    dispatch.dispatch(TillAction::Started);
    spawn_local(async move {
        match invoke::<C>(&req).await {
            Ok(detail) => {
                let order = &detail.order;
                notify.emit(t_args(
                    "till-now",
                    &[
                        ("number", &order.display_number()),
                        (
                            "status",
                            &status_name_for(order.status, order.fulfilment.kind()),
                        ),
                    ],
                ));
                dispatch.dispatch(TillAction::Changed(detail.clone()));
                then.emit(detail);
            }
            Err(e) => dispatch.dispatch(TillAction::ActionFailed(e.message)),
        }
    });
}

/// Prints an order's receipt on this till's printer; the toast says where,
/// a failure shows above the queue (the order is as it was).
fn print_receipt(dispatch: Dispatch, id: OrderId, notify: Callback<String>) {
    spawn_local(async move {
        match invoke::<PrintReceipt>(&OrderRef { id }).await {
            Ok(printed) => notify.emit(printed.message),
            Err(e) => dispatch.dispatch(TillAction::PrintFailed(e.message)),
        }
    });
}

/// Saves the order's receipt (or bill) as a PDF where the clerk chooses.
fn save_receipt_pdf(dispatch: Dispatch, id: OrderId, notify: Callback<String>) {
    spawn_local(async move {
        match invoke::<SaveReceiptPdf>(&OrderRef { id }).await {
            Ok(SavedFile::Saved { path }) => notify.emit(format!("Saved: {path}")),
            Ok(SavedFile::NothingWritten) => {}
            Err(e) => dispatch.dispatch(TillAction::PrintFailed(e.message)),
        }
    });
}

/// Loads the queue and the selected order whenever they may have changed,
/// and ticks the refresh timer.
#[hook]
fn use_till_loading(state: &UseReducerHandle<TillState>) {
    let dispatch = state.dispatcher();
    {
        let dispatch = dispatch.clone();
        use_effect_with((state.query.clone(), state.refresh), move |(query, _)| {
            let query = query.clone();
            spawn_local(async move {
                match invoke::<ListOrders>(&query).await {
                    Ok(list) => dispatch.dispatch(TillAction::Loaded(query, list)),
                    Err(e) => dispatch.dispatch(TillAction::LoadFailed(e.message)),
                }
            });
        });
    }
    {
        let dispatch = dispatch.clone();
        use_effect_with((state.selected, state.refresh), move |(selected, _)| {
            if let Some(id) = *selected {
                spawn_local(async move {
                    match invoke::<GetOrder>(&OrderRef { id }).await {
                        Ok(detail) => dispatch.dispatch(TillAction::DetailLoaded(detail)),
                        Err(e) => dispatch.dispatch(TillAction::LoadFailed(e.message)),
                    }
                });
            }
        });
    }
    {
        let dispatch = dispatch.clone();
        use_effect_with(state.refresh, move |_| {
            spawn_local(async move {
                match invoke::<ListUnsettledPayments>(&NoArgs {}).await {
                    Ok(list) => dispatch.dispatch(TillAction::UnsettledLoaded(list)),
                    Err(e) => dispatch.dispatch(TillAction::LoadFailed(e.message)),
                }
            });
        });
    }
    {
        let dispatch = dispatch.clone();
        use_effect_with(state.refresh, move |_| {
            spawn_local(async move {
                match invoke::<ListDigitalToSettle>(&NoArgs {}).await {
                    Ok(list) => dispatch.dispatch(TillAction::DigitalLoaded(list)),
                    Err(e) => dispatch.dispatch(TillAction::LoadFailed(e.message)),
                }
            });
        });
    }
    use_effect_with((), move |_| {
        let timer = Interval::new(REFRESH_MS, move || dispatch.dispatch(TillAction::Refresh));
        move || drop(timer)
    });
}

/// Settles one unsettled M-Pesa payment (`paid`: the money arrived), then
/// shows the refreshed list and reloads the queue and the detail.
fn run_settle(
    state: &TillState,
    dispatch: Dispatch,
    id: PaymentId,
    paid: bool,
    notify: Callback<String>,
) {
    let s = &state.unsettled;
    let Some(number) = s
        .row(id)
        .map(|p| p.order_number)
        .filter(|_| s.busy.is_none())
    else {
        return;
    };
    let req = match s.request(id, paid) {
        Ok(req) => req,
        Err(message) => return dispatch.dispatch(TillAction::SettleInvalid(id, message)),
    };
    dispatch.dispatch(TillAction::SettleStarted(id));
    spawn_local(async move {
        match invoke::<SettlePaymentCmd>(&req).await {
            Ok(list) => {
                notify.emit(settled_text(number, paid));
                dispatch.dispatch(TillAction::Settled(list));
            }
            Err(e) => dispatch.dispatch(TillAction::SettleFailed(id, e)),
        }
    });
}

/// Settles one airtime or bundle send, then shows what is left and
/// reloads the queue and the detail. A refusal shows on its row.
fn run_digital(
    state: &TillState,
    dispatch: Dispatch,
    id: Uuid,
    kind: VerdictKind,
    notify: Callback<String>,
) {
    let s = &state.digital;
    let Some(number) = s
        .row(id)
        .map(|d| d.order_number)
        .filter(|_| s.busy.is_none())
    else {
        return;
    };
    let req = match s.request(id, kind) {
        Ok(req) => req,
        Err(message) => return dispatch.dispatch(TillAction::DigitalInvalid(id, message)),
    };
    dispatch.dispatch(TillAction::DigitalStarted(id));
    spawn_local(async move {
        match invoke::<SettleDigitalCmd>(&req).await {
            Ok(list) => {
                notify.emit(digital_settled_text(number, kind));
                dispatch.dispatch(TillAction::DigitalSettled(list));
            }
            Err(e) => dispatch.dispatch(TillAction::DigitalFailed(id, e)),
        }
    });
}

/// What the key map can reach besides the state.
struct TillKeys {
    dispatch: Dispatch,
    search: NodeRef,
    queue: NodeRef,
    advance: Callback<()>,
    undo: Callback<()>,
    confirm_cancel: Callback<()>,
    settle: Callback<(PaymentId, bool)>,
    print: Callback<()>,
    digits: Rc<RefCell<DigitGate>>,
}

/// The till's whole key map.
fn handle_key(e: &KeyboardEvent, s: &TillState, k: &TillKeys) {
    use TillAction as A;
    let key = e.key();
    if (e.ctrl_key() || e.meta_key()) && key.eq_ignore_ascii_case("z") && s.held.is_some() {
        e.prevent_default();
        k.undo.emit(());
        return;
    }
    if handled_elsewhere(e) {
        return;
    }
    let act = |action: A| {
        e.prevent_default();
        k.dispatch.dispatch(action);
    };
    if s.form_open {
        if key == "Escape" {
            act(A::CloseForm);
        }
        return;
    }
    if s.unsettled.open {
        match (s.unsettled.confirming, key.as_str()) {
            (Some(id), "Enter") => {
                e.prevent_default();
                k.settle.emit((id, false));
            }
            (Some(_), "Escape") => act(A::AbortUnpaid),
            (None, "Escape") => act(A::CloseUnsettled),
            _ => {}
        }
        return;
    }
    if s.digital.open {
        if key == "Escape" {
            act(A::CloseDigital);
        }
        return;
    }
    if s.confirming {
        // Enter never cancels an order: a stray Enter must not tell a
        // customer their order is off.
        match key.as_str() {
            "y" | "Y" => {
                e.prevent_default();
                k.confirm_cancel.emit(());
            }
            "Escape" => act(A::AbortCancel),
            _ => {}
        }
        return;
    }
    let in_search = is_from(e, &k.search);
    let typing = is_typing(e);
    match key.as_str() {
        "ArrowDown" if in_search || !typing => act(A::Move(1)),
        "ArrowUp" if in_search || !typing => act(A::Move(-1)),
        "Escape" if in_search => {
            act(A::Search(String::new()));
            blur(&k.search);
        }
        "Enter" if in_search => {
            e.prevent_default();
            focus(&k.queue);
        }
        _ if typing => {}
        "j" => act(A::Move(1)),
        "k" => act(A::Move(-1)),
        "/" => {
            e.prevent_default();
            focus(&k.search);
        }
        "n" => act(A::OpenForm),
        "u" if !s.unsettled.list.is_empty() => act(A::OpenUnsettled),
        "b" if !s.digital.list.is_empty() => act(A::OpenDigital),
        "x" => act(A::AskCancel),
        "r" => {
            e.prevent_default();
            k.print.emit(());
        }
        "p" => {
            // Into the selected unpaid order's cash field (or its M-Pesa
            // code when there is no cash field).
            if focus_id("pay-tendered") || focus_id("pay-receipt") {
                e.prevent_default();
            }
        }
        "a" => {
            e.prevent_default();
            k.advance.emit(());
        }
        "Enter" if !enter_activates_target(e) => {
            e.prevent_default();
            k.advance.emit(());
        }
        digit => {
            if let Some(filter) = filter_for_digit(digit) {
                e.prevent_default();
                let dispatch = k.dispatch.clone();
                k.digits
                    .borrow_mut()
                    .press(e.time_stamp(), move || dispatch.dispatch(A::Filter(filter)));
            }
        }
    }
}

/// Digit keys pick a status filter, but a barcode scanner types digits
/// too. A digit's filter waits [`SCAN_GAP_MS`] (unnoticeable to a person);
/// a second key within that time means a scanner, and neither applies.
#[derive(Default)]
struct DigitGate {
    pending: Option<Timeout>,
    last_ms: f64,
}

impl DigitGate {
    fn press(&mut self, at_ms: f64, apply: impl FnOnce() + 'static) {
        let burst = at_ms - self.last_ms <= SCAN_GAP_MS;
        self.last_ms = at_ms;
        // Dropping a Timeout cancels it.
        self.pending = None;
        if !burst {
            // Whole milliseconds, rounded up past the gap.
            self.pending = Some(Timeout::new(SCAN_GAP_MS as u32 + 10, apply));
        }
    }

    /// A scan ended: the digit it began with picks nothing.
    fn cancel(&mut self) {
        self.pending = None;
    }
}

/// Props of [`TillPage`].
#[derive(Properties, PartialEq)]
pub struct TillPageProps {
    /// The shop and its zones.
    pub shop: ShopView,
    /// Shows a success toast.
    pub notify: Callback<String>,
    /// Opens another screen at a card (the start checklist's steps).
    #[prop_or_default]
    pub on_open: Callback<(Page, Option<&'static str>)>,
}

/// The till screen.
#[function_component]
pub fn TillPage(props: &TillPageProps) -> Html {
    let state = use_reducer(TillState::default);
    let no_items = use_state(|| false);
    use_till_loading(&state);
    let (search, queue) = (use_node_ref(), use_node_ref());
    let dispatch = state.dispatcher();

    let held: HeldSlot = use_mut_ref(|| None);
    let advance = {
        let (state, notify, held) = (state.clone(), props.notify.clone(), held.clone());
        Callback::from(move |_: ()| {
            // Pressed again on the order whose move waits: send it now.
            // On another order: send the waiting one, then hold this one.
            let same = held
                .borrow()
                .as_ref()
                .is_some_and(|h| Some(h.req.id) == state.selected);
            if send_held(&held, &state.dispatcher(), &notify) && same {
                return;
            }
            if let Some((id, event)) = state.next_step().filter(|_| !state.busy) {
                let number = state
                    .detail
                    .as_ref()
                    .map(|d| d.order.display_number())
                    .unwrap_or_default();
                hold(
                    &held,
                    &state.dispatcher(),
                    &notify,
                    ApplyOrderEvent { id, event },
                    held_text(&number, event),
                );
            }
        })
    };
    let confirm_cancel = {
        let (state, notify, held) = (state.clone(), props.notify.clone(), held.clone());
        Callback::from(move |_: ()| {
            if let Some(d) = state
                .detail
                .as_ref()
                .filter(|d| d.can_cancel && !state.busy)
            {
                let req = ApplyOrderEvent {
                    id: d.order.id,
                    event: OrderEvent::Cancel,
                };
                let text = held_text(&d.order.display_number(), OrderEvent::Cancel);
                hold(&held, &state.dispatcher(), &notify, req, text);
            }
        })
    };
    let undo = {
        let (dispatch, notify, held) = (dispatch.clone(), props.notify.clone(), held.clone());
        Callback::from(move |_: ()| {
            if held.borrow_mut().take().is_some() {
                dispatch.dispatch(TillAction::Unhold);
                notify.emit("Undone: nothing was changed or sent.".into());
            }
        })
    };
    // This till's printer, for printing by itself when a sale is paid.
    let printer = use_state(PrinterSettings::default);
    {
        let printer = printer.clone();
        use_effect_with((), move |_| {
            spawn_local(async move {
                if let Ok(settings) = invoke::<GetPrinterSettings>(&NoArgs {}).await {
                    printer.set(settings);
                }
            });
        });
    }
    let auto_print = {
        let (dispatch, notify) = (dispatch.clone(), props.notify.clone());
        let on = printer.auto_print && printer.connection != PrinterConnection::None;
        Callback::from(move |detail: OrderDetail| {
            if on && detail.order.is_paid() {
                print_receipt(dispatch.clone(), detail.order.id, notify.clone());
            }
        })
    };
    let print = {
        let (state, notify) = (state.clone(), props.notify.clone());
        Callback::from(move |_: ()| {
            if let Some(id) = state.selected {
                print_receipt(state.dispatcher(), id, notify.clone());
            }
        })
    };
    let save_pdf = {
        let (state, notify) = (state.clone(), props.notify.clone());
        Callback::from(move |_: ()| {
            if let Some(id) = state.selected {
                save_receipt_pdf(state.dispatcher(), id, notify.clone());
            }
        })
    };
    let on_payment = {
        let (state, notify, auto_print) = (state.clone(), props.notify.clone(), auto_print.clone());
        Callback::from(
            move |(payment, tendered): (TillPayment, Option<Tendered>)| {
                if let Some(d) = state.detail.as_ref().filter(|_| !state.busy) {
                    if let Some(t) = tendered {
                        state.dispatch(TillAction::CashTaken(d.order.id, t));
                    }
                    let req = RecordPayment {
                        id: d.order.id,
                        payment,
                    };
                    run_change::<RecordPaymentCmd>(
                        state.dispatcher(),
                        req,
                        notify.clone(),
                        auto_print.clone(),
                    );
                }
            },
        )
    };
    let digits = use_mut_ref(DigitGate::default);
    let settle = {
        let (state, notify) = (state.clone(), props.notify.clone());
        Callback::from(move |(id, paid): (PaymentId, bool)| {
            run_settle(&state, state.dispatcher(), id, paid, notify.clone());
        })
    };
    let settle_digital = {
        let (state, notify) = (state.clone(), props.notify.clone());
        Callback::from(move |(id, kind): (Uuid, VerdictKind)| {
            run_digital(&state, state.dispatcher(), id, kind, notify.clone());
        })
    };
    {
        let keys = TillKeys {
            dispatch: dispatch.clone(),
            search: search.clone(),
            queue: queue.clone(),
            advance: advance.clone(),
            confirm_cancel: confirm_cancel.clone(),
            undo: undo.clone(),
            settle: settle.clone(),
            print: print.clone(),
            digits: digits.clone(),
        };
        let state = state.clone();
        use_keydown(Callback::from(move |e: KeyboardEvent| {
            handle_key(&e, &state, &keys)
        }));
    }
    {
        let (dispatch, digits) = (dispatch.clone(), digits.clone());
        use_scanner(Callback::from(move |code: String| {
            digits.borrow_mut().cancel();
            dispatch.dispatch(TillAction::Scanned(code));
        }));
    }

    let side = if state.form_open {
        let on_created = {
            let (dispatch, notify) = (dispatch.clone(), props.notify.clone());
            let auto_print = auto_print.clone();
            Callback::from(move |(detail, tendered): (OrderDetail, Option<Tendered>)| {
                notify.emit(format!("Order {} created.", detail.order.display_number()));
                let id = detail.order.id;
                auto_print.emit(detail.clone());
                dispatch.dispatch(TillAction::Created(detail));
                if let Some(t) = tendered {
                    dispatch.dispatch(TillAction::CashTaken(id, t));
                }
            })
        };
        let on_close = dispatch.to_callback().reform(|_| TillAction::CloseForm);
        html! { <OrderForm shop={props.shop.clone()} {on_created} {on_close} scan={state.scan.clone()} /> }
    } else if state.unsettled.open {
        html! {
            <UnsettledPanel
                state={state.unsettled.clone()}
                on_receipt={dispatch.to_callback().reform(|(id, text)| TillAction::SettleReceipt(id, text))}
                on_reason={dispatch.to_callback().reform(|(id, text)| TillAction::SettleReason(id, text))}
                on_settle={settle}
                on_ask_unpaid={dispatch.to_callback().reform(TillAction::AskUnpaid)}
                on_abort_unpaid={dispatch.to_callback().reform(|_| TillAction::AbortUnpaid)}
                on_close={dispatch.to_callback().reform(|_| TillAction::CloseUnsettled)}
            />
        }
    } else if state.digital.open {
        html! {
            <DigitalPanel
                state={state.digital.clone()}
                on_note={dispatch.to_callback().reform(|(id, text)| TillAction::DigitalNote(id, text))}
                on_settle={settle_digital}
                on_close={dispatch.to_callback().reform(|_| TillAction::CloseDigital)}
            />
        }
    } else {
        html! {
            <OrderDetailPane
                detail={state.detail.clone()}
                has_selection={state.selected.is_some()}
                confirming={state.confirming}
                busy={state.busy}
                on_advance={advance.reform(|_| ())}
                on_ask_cancel={dispatch.to_callback().reform(|_| TillAction::AskCancel)}
                on_confirm_cancel={confirm_cancel}
                on_abort_cancel={dispatch.to_callback().reform(|_| TillAction::AbortCancel)}
                {on_payment}
                on_print={print}
                on_save_pdf={save_pdf}
                change_due={state.change_for_selected()}
                refresh={state.refresh}
                on_open_tax={props.on_open.reform(|_| (Page::Settings, Some(TAX_CARD)))}
                on_refunded={dispatch.to_callback().reform(TillAction::Changed)}
            />
        }
    };
    let on_search = dispatch
        .to_callback()
        .reform(|e: InputEvent| TillAction::Search(crate::components::field::input_text(&e)));

    html! {
        <div class="till-page">
            <div class="till-main">
                <section class="pane queue-pane">
                    <div class="toolbar">
                        <input id="order-search" ref={search} type="search" autocomplete="off"
                            placeholder={t("till-search")} aria-label={t("till-search-label")}
                            value={state.query.search.clone()} oninput={on_search} />
                        <button type="button" id="new-order" class="primary" data-key="n" aria-keyshortcuts="N"
                            onclick={dispatch.to_callback().reform(|_| TillAction::OpenForm)}>
                            { t("till-new-order") }
                        </button>
                    </div>
                    <StatusChips current={state.query.status}
                        on_pick={dispatch.to_callback().reform(TillAction::Filter)} />
                    <ErrorBanner message={state.error.clone().map(AttrValue::from)} />
                    if let Some((_, text)) = &state.held {
                        <div id="undo-bar" class="undo-bar" role="status">
                            <span>{ text.clone() }</span>
                            <button type="button" id="undo" class="secondary" data-key="Ctrl+Z"
                                aria-keyshortcuts="Control+Z" onclick={undo.reform(|_| ())}>
                                { t("till-undo") }
                            </button>
                        </div>
                    }
                    <UnsettledStrip count={state.unsettled.list.len()}
                        on_open={dispatch.to_callback().reform(|_| TillAction::OpenUnsettled)} />
                    <DigitalStrip count={state.digital.list.len()}
                        on_open={dispatch.to_callback().reform(|_| TillAction::OpenDigital)} />
                    <LowStockStrip refresh={state.refresh}
                        on_open={props.on_open.reform(|_| (Page::Catalogue, None))} />
                    <StartChecklistCard on_open={props.on_open.clone()} notify={props.notify.clone()}
                        on_loaded={{
                            let no_items = no_items.clone();
                            Callback::from(move |l: StartChecklist| no_items.set(!l.items))
                        }} />
                    <OrderQueue
                        orders={state.orders.clone()}
                        selected={state.selected}
                        loaded={state.loaded}
                        no_items={*no_items}
                        filtered={state.query.status.is_some() || !state.query.search.is_empty()}
                        on_select={dispatch.to_callback().reform(TillAction::Select)}
                        list_ref={queue}
                    />
                </section>
                <aside class="pane detail-pane">{ side }</aside>
            </div>
            <HintBar unsettled={!state.unsettled.list.is_empty()}
                digital={!state.digital.list.is_empty()} />
        </div>
    }
}

/// Props of [`HintBar`].
#[derive(Properties, PartialEq)]
struct HintBarProps {
    /// Whether M-Pesa payments wait to be checked (`u`).
    unsettled: bool,
    /// Whether airtime or bundles wait to be settled (`b`).
    digital: bool,
}

/// The shortcuts, always in sight.
#[function_component]
fn HintBar(props: &HintBarProps) -> Html {
    let check = props.unsettled.then(|| ("u", t("till-hint-check-mpesa")));
    let digital = props.digital.then(|| ("b", t("till-hint-settle-digital")));
    let hints = [
        ("n", t("till-hint-new-order")),
        ("/", t("till-hint-search")),
        ("↑↓", t("till-hint-select")),
        ("a", t("till-hint-advance")),
        ("x", t("till-hint-cancel")),
        ("p", t("till-hint-payment")),
        ("r", t("till-hint-receipt")),
        ("0-8", t("till-hint-filter")),
        ("Alt+1-8", t("till-hint-screens")),
    ]
    .into_iter()
    .chain(check)
    .chain(digital);
    html! {
        <footer class="hint-bar" aria-label={t("till-hints")}>
            { for hints.map(|(key, what)| html! {
                <span class="hint-item"><kbd>{ key }</kbd>{ what }</span>
            }) }
        </footer>
    }
}
