//! Resellers (agents, affiliates who bring customers and earn commission):
//! the owner's list with each one's figures (orders, sales, commission
//! pending, payable and paid), adding or changing one, and for the one
//! picked their shop link with its QR code (or, before WhatsApp is linked,
//! the message their customers send) and a payout by cash or M-Pesa.
//!
//! Every command here is for the owner: [`crate::ipc::invoke`] asks for the
//! owner password and sends them again. Saving and paying both answer with
//! the whole list, which replaces the one on screen.

use crate::components::banner::ErrorBanner;
use crate::components::field::{
    checkbox_checked, field_error, input_text, select_value, FormErrors,
};
use crate::components::nav::Page;
use crate::components::qr::QrSvg;
use crate::components::start_checklist::copy;
use crate::i18n::{t, t_args};
use crate::ipc::invoke;
use dukadesk_domain::catalogue::{Category, Item};
use dukadesk_domain::ipc::{
    EraseResellerCmd, ListCategories, ListItems, ListItemsCmd, ListResellers, NoArgs,
    RecordPayoutCmd, ResellerRef, ResellerView, SaveResellerCmd, SaveResellersSheet, SavedFile,
};
use dukadesk_domain::phone::Country;
use dukadesk_domain::resellers::{AppliesTo, CommissionRule, RuleChoice};
use dukadesk_domain::{Currency, ResellerId};
use state::{
    amount_class, is_negative, rule_from_value, rule_value, FormEdit, PayoutEdit,
    ResellersAction as Action, ResellersState, CASH, MPESA, PAYOUT_FIELDS, RESELLER_FIELDS,
};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::spawn_local;
use web_sys::{ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;

pub mod state;

/// The card on Settings where WhatsApp is linked.
const WHATSAPP_CARD: &str = "whatsapp-settings";

/// A reseller's rule in the till's language: "5%", "KES 10 a unit", "5%
/// on Data bundles".
pub fn rule_text(view: &ResellerView) -> String {
    let rule = match view.reseller.rule {
        CommissionRule::Percent { .. } => view.reseller.rule.describe(),
        CommissionRule::PerUnit { amount } => t_args(
            "resellers-rule-per-unit",
            &[("amount", &amount.to_string())],
        ),
    };
    match (
        &view.applies_to_name,
        view.reseller.applies_to.is_everything(),
    ) {
        (_, true) => rule,
        (Some(name), false) => t_args("resellers-rule-on", &[("rule", &rule), ("goods", name)]),
        (None, false) => t_args("resellers-rule-on-gone", &[("rule", &rule)]),
    }
}

/// The goods a rule may cover, as the form's select lists them: everything,
/// then each category, then each item on sale.
fn goods_options(categories: &[Category], items: &[Item]) -> Vec<(String, String)> {
    let mut out = vec![(String::new(), t("reseller-applies-everything"))];
    out.extend(categories.iter().map(|c| {
        (
            AppliesTo::Category(c.id).value(),
            t_args("reseller-applies-category", &[("name", &c.name)]),
        )
    }));
    out.extend(
        items
            .iter()
            .filter(|i| !i.archived)
            .map(|i| (AppliesTo::Item(i.id).value(), i.name.clone())),
    );
    out
}

/// Props of [`ResellersPage`].
#[derive(Properties, PartialEq)]
pub struct ResellersPageProps {
    /// The shop's currency (the form checks amounts in it).
    pub currency: Currency,
    /// The shop's country (the form reads local numbers as its).
    pub country: Country,
    /// Shows a success toast.
    pub notify: Callback<String>,
    /// Opens another screen and scrolls to a card on it (Settings →
    /// WhatsApp, to get the resellers' links).
    pub on_open: Callback<(Page, Option<&'static str>)>,
}

/// Focuses the element with `id`, if it is drawn.
fn focus(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Scrolls the element with `id` into sight, as little as needed, when
/// none of it shows (below a long list); otherwise the screen stays put,
/// so the toolbar stays where it was.
fn bring_into_view(id: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(el) = window.document().and_then(|d| d.get_element_by_id(id)) else {
        return;
    };
    let top = js_sys::Reflect::get(&el, &"getBoundingClientRect".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call0(&el).ok())
        .and_then(|rect| js_sys::Reflect::get(&rect, &"top".into()).ok())
        .and_then(|top| top.as_f64());
    let bottom = window.inner_height().ok().and_then(|h| h.as_f64());
    if let (Some(top), Some(bottom)) = (top, bottom) {
        if top < bottom - 48.0 {
            return;
        }
    }
    let options = ScrollIntoViewOptions::new();
    options.set_block(ScrollLogicalPosition::Nearest);
    el.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Selects the text inside `el`, for Ctrl+C when the clipboard is closed
/// to pages.
fn select_text(el: &web_sys::Element) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let call = |target: &JsValue, name: &str, arg: Option<&JsValue>| {
        let f = js_sys::Reflect::get(target, &name.into())
            .ok()?
            .dyn_into::<js_sys::Function>()
            .ok()?;
        match arg {
            Some(a) => f.call1(target, a).ok(),
            None => f.call0(target).ok(),
        }
    };
    if let Some(selection) = call(&window.into(), "getSelection", None) {
        let _ = call(&selection, "selectAllChildren", Some(el.as_ref()));
    }
}

/// The Resellers screen.
#[function_component]
pub fn ResellersPage(props: &ResellersPageProps) -> Html {
    let state = use_reducer(ResellersState::default);
    let dispatch = state.dispatcher();
    // What a rule may cover: read once, for the form's select.
    let goods = use_state(Vec::<(String, String)>::new);
    {
        let goods = goods.setter();
        use_effect_with((), move |_| {
            spawn_local(async move {
                let categories = invoke::<ListCategories>(&NoArgs {})
                    .await
                    .unwrap_or_default();
                let items = invoke::<ListItemsCmd>(&ListItems::default())
                    .await
                    .unwrap_or_default();
                goods.set(goods_options(&categories, &items));
            });
        });
    }

    {
        let dispatch = dispatch.clone();
        use_effect_with(state.attempt, move |_| {
            spawn_local(async move {
                match invoke::<ListResellers>(&NoArgs {}).await {
                    Ok(list) => dispatch.dispatch(Action::Loaded(list)),
                    Err(e) => dispatch.dispatch(Action::LoadFailed(e.message)),
                }
            });
        });
    }
    // The form's first field takes the keys once it opens (which also
    // brings it into sight below a long list).
    let form_for = state
        .form
        .as_ref()
        .map(|f| f.id.map(|id| id.to_string()).unwrap_or_default());
    use_effect_with(form_for, |open| {
        if open.is_some() {
            focus("reseller-name");
        }
    });
    use_effect_with(state.selected, |picked| {
        if picked.is_some() {
            bring_into_view("reseller-detail");
        }
    });

    let on_add = dispatch.to_callback().reform(|_: MouseEvent| Action::Add);
    let on_retry = dispatch.to_callback().reform(|_: MouseEvent| Action::Retry);
    // The spreadsheet: saved where the owner picks; what happened, or the
    // error, in a line under the toolbar (`(ok, text)`).
    let sheet = use_state(|| None::<(bool, String)>);
    let saving_sheet = use_state(|| false);
    let on_sheet = {
        let (sheet, saving) = (sheet.clone(), saving_sheet.clone());
        Callback::from(move |_: MouseEvent| {
            let (sheet, saving) = (sheet.clone(), saving.clone());
            saving.set(true);
            spawn_local(async move {
                sheet.set(Some(match invoke::<SaveResellersSheet>(&NoArgs {}).await {
                    Ok(SavedFile::Saved { path }) => {
                        (true, t_args("resellers-sheet-saved", &[("path", &path)]))
                    }
                    Ok(SavedFile::NothingWritten) => (true, t("resellers-sheet-nothing")),
                    Err(e) => (false, e.message),
                }));
                saving.set(false);
            });
        })
    };
    let no_resellers = state.list().is_empty();
    // The reseller whose erasure is being confirmed.
    let erase = use_state(|| None::<ResellerId>);

    let list = match &state.resellers {
        None if state.error.is_some() => Html::default(),
        None => html! { <p id="resellers-loading" class="muted">{ t("resellers-loading") }</p> },
        Some(list) if list.is_empty() => html! {
            <div id="resellers-empty" class="item-list empty">{ t("resellers-empty") }</div>
        },
        Some(list) => {
            let rows = list.iter().map(|v| {
                let (r, totals) = (&v.reseller, &v.totals);
                let id = r.id;
                let pick = dispatch
                    .to_callback()
                    .reform(move |_: MouseEvent| Action::Select(id));
                let is_selected = state.selected == Some(id);
                html! {
                    <tr key={id.to_string()} data-id={id.to_string()} onclick={pick}
                        class={classes!("reseller-row", is_selected.then_some("selected"),
                            (!r.active).then_some("paused"))}>
                        <td class="reseller-name">
                            { r.name.clone() }
                            if !r.active {
                                <span class="badge muted reseller-paused" title={t("resellers-paused-title")}>
                                    { t("resellers-paused") }
                                </span>
                            }
                        </td>
                        <td class="reseller-phone">{ r.phone.as_ref().map(|p| p.national()).unwrap_or_default() }</td>
                        <td class="reseller-code">{ r.code.clone() }</td>
                        <td class="reseller-rule">{ rule_text(v) }</td>
                        <td class="num reseller-orders">{ totals.orders }</td>
                        <td class="num reseller-sales">{ totals.sales.to_string() }</td>
                        <td class={classes!(amount_class(totals.pending), "reseller-pending")}>
                            { totals.pending.to_string() }
                        </td>
                        <td class={classes!(amount_class(totals.payable), "reseller-payable")}
                            data-negative={is_negative(totals.payable).to_string()}>
                            { totals.payable.to_string() }
                        </td>
                        <td class="num reseller-paid">{ totals.paid.to_string() }</td>
                    </tr>
                }
            });
            html! {
                <div class="resellers-table-wrap">
                <table id="resellers-table" class="item-list items-table resellers-table">
                    <thead>
                        <tr>
                            <th>{ t("resellers-col-name") }</th>
                            <th>{ t("resellers-col-phone") }</th>
                            <th>{ t("resellers-col-code") }</th>
                            <th>{ t("resellers-col-rule") }</th>
                            <th class="num">{ t("resellers-col-orders") }</th>
                            <th class="num">{ t("resellers-col-sales") }</th>
                            <th class="num">{ t("resellers-col-pending") }</th>
                            <th class="num">{ t("resellers-col-payable") }</th>
                            <th class="num">{ t("resellers-col-paid") }</th>
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
                </div>
            }
        }
    };

    let form = state
        .form
        .as_ref()
        .map(|_| reseller_form(&state, props, &goods));
    let picked = state.selected_view().map(|v| {
        let on_edit = dispatch
            .to_callback()
            .reform(|_: MouseEvent| Action::EditSelected);
        let r = &v.reseller;
        html! {
            <>
                <section id="reseller-detail" class="card reseller-detail" data-id={r.id.to_string()}
                    aria-labelledby="reseller-detail-name">
                    <div class="reseller-detail-head">
                        <h2 id="reseller-detail-name">{ r.name.clone() }</h2>
                        if !r.active {
                            <span class="badge muted reseller-paused" title={t("resellers-paused-title")}>
                                { t("resellers-paused") }
                            </span>
                        }
                        if r.erased {
                            <span class="badge muted" id="reseller-erased">{ t("reseller-erased-badge") }</span>
                        } else {
                            <button type="button" id="reseller-edit" class="secondary small" onclick={on_edit}>
                                { t("reseller-edit") }
                            </button>
                        }
                    </div>
                    if !r.erased {
                        { erase_row(&erase, r, &state, props) }
                    }
                    <p class="muted">
                        { format!("{} · {}", r.code, rule_text(v)) }
                        if let Some(phone) = &r.phone { { format!(" · {}", phone.national()) } }
                    </p>
                    // An erased reseller's link is gone with them.
                    if !r.erased {
                        <ResellerShare key={r.id.to_string()} view={v.clone()} notify={props.notify.clone()}
                            on_open={props.on_open.clone()} />
                    }
                </section>
                { payout_form(&state, v, props) }
            </>
        }
    });
    let nothing_picked = state.selected.is_none() && !state.list().is_empty();

    html! {
        <div id="resellers-page" class="resellers-page">
            <div class="toolbar">
                <h1>{ t("resellers-title") }</h1>
                <button type="button" id="resellers-sheet" class="secondary"
                    title={t("resellers-sheet-title")}
                    disabled={no_resellers || *saving_sheet} onclick={on_sheet}>
                    { t("resellers-sheet") }
                </button>
                <button type="button" id="reseller-add" class="primary" onclick={on_add}>
                    { t("resellers-add") }
                </button>
            </div>
            if let Some((ok, text)) = &*sheet {
                <p id="resellers-sheet-status" class={classes!("hint", (!ok).then_some("error"))}
                    role="status">{ text.clone() }</p>
            }
            <p id="resellers-explain" class="hint resellers-explain">{ t("resellers-explain") }</p>
            if let Some(message) = &state.error {
                <div class="banner error resellers-error" role="alert">
                    <span>{ message.clone() }</span>
                    <button type="button" id="resellers-retry" class="secondary small" onclick={on_retry}>
                        { t("resellers-retry") }
                    </button>
                </div>
            }
            { list }
            if form.is_some() || picked.is_some() || nothing_picked {
                <div class="reseller-panes">
                    { form.unwrap_or_default() }
                    { picked.unwrap_or_default() }
                    if nothing_picked {
                        <div id="resellers-pick" class="card muted-card"><p>{ t("resellers-pick") }</p></div>
                    }
                </div>
            }
        </div>
    }
}

/// "Erase personal data…" for the reseller picked, and its confirmation.
fn erase_row(
    erase: &UseStateHandle<Option<ResellerId>>,
    r: &dukadesk_domain::resellers::Reseller,
    state: &UseReducerHandle<ResellersState>,
    props: &ResellersPageProps,
) -> Html {
    let id = r.id;
    if **erase != Some(id) {
        let erase = erase.clone();
        return html! {
            <button type="button" id="reseller-erase" class="link danger-text"
                onclick={move |_| erase.set(Some(id))}>{ t("reseller-erase") }</button>
        };
    }
    let keep = {
        let erase = erase.clone();
        Callback::from(move |_: MouseEvent| erase.set(None))
    };
    let confirm = {
        let (erase, dispatch, notify) = (erase.clone(), state.dispatcher(), props.notify.clone());
        let name = r.name.clone();
        Callback::from(move |_: MouseEvent| {
            let (erase, dispatch, notify, name) = (
                erase.clone(),
                dispatch.clone(),
                notify.clone(),
                name.clone(),
            );
            spawn_local(async move {
                match invoke::<EraseResellerCmd>(&ResellerRef { id }).await {
                    Ok(list) => {
                        notify.emit(t_args("reseller-erased", &[("name", &name)]));
                        dispatch.dispatch(Action::Loaded(list));
                    }
                    Err(e) => notify.emit(e.message),
                }
                erase.set(None);
            });
        })
    };
    html! {
        <div class="confirm-row" role="alertdialog" id="reseller-erase-confirm">
            <span>{ t_args("reseller-erase-question", &[("name", &r.name)]) }</span>
            <button type="button" id="reseller-erase-yes" class="danger" onclick={confirm}>{ t("reseller-erase-confirm") }</button>
            <button type="button" id="reseller-erase-keep" class="ghost" onclick={keep}>{ t("reseller-erase-keep") }</button>
        </div>
    }
}

/// The add-or-edit form (`state.form` is open).
fn reseller_form(
    state: &UseReducerHandle<ResellersState>,
    props: &ResellersPageProps,
    goods: &[(String, String)],
) -> Html {
    let Some(form) = state.form.as_ref() else {
        return Html::default();
    };
    let dispatch = state.dispatcher();
    let errors = &state.form_errors;
    let on_save = {
        let (state, notify) = (state.clone(), props.notify.clone());
        let (currency, country) = (props.currency, props.country);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if state.saving {
                return;
            }
            let Some(req) = state.form.clone() else {
                return;
            };
            // Checked here first: nothing to confirm for a form with gaps.
            if let Err(fields) = req.validate(currency, country, 0) {
                state.dispatch(Action::SaveFailed(FormErrors::from_fields(fields)));
                return;
            }
            state.dispatch(Action::SaveStarted);
            let (dispatch, notify) = (state.dispatcher(), notify.clone());
            spawn_local(async move {
                match invoke::<SaveResellerCmd>(&req).await {
                    Ok(list) => {
                        notify.emit(t_args("reseller-saved", &[("name", req.name.trim())]));
                        dispatch.dispatch(Action::Saved(list));
                    }
                    Err(err) => dispatch.dispatch(Action::SaveFailed(FormErrors::from_ipc(
                        err,
                        RESELLER_FIELDS,
                    ))),
                }
            });
        })
    };
    let typed = |make: fn(String) -> FormEdit| {
        dispatch
            .to_callback()
            .reform(move |e: InputEvent| Action::Form(make(input_text(&e))))
    };
    let on_rule = dispatch
        .to_callback()
        .reform(|e: Event| Action::Form(FormEdit::Rule(rule_from_value(&select_value(&e)))));
    let on_active = dispatch
        .to_callback()
        .reform(|e: Event| Action::Form(FormEdit::Active(checkbox_checked(&e))));
    let on_first = dispatch
        .to_callback()
        .reform(|e: Event| Action::Form(FormEdit::FirstOrderOnly(checkbox_checked(&e))));
    let on_applies = dispatch
        .to_callback()
        .reform(|e: Event| Action::Form(FormEdit::AppliesTo(select_value(&e))));
    let applies = goods.iter().map(|(value, label)| {
        let selected = *value == form.applies_to;
        html! { <option value={value.clone()} {selected}>{ label.clone() }</option> }
    });
    let on_cancel = dispatch
        .to_callback()
        .reform(|_: MouseEvent| Action::CloseForm);
    let rules = [
        (RuleChoice::Percent, t("reseller-rule-percent")),
        (RuleChoice::PerUnit, t("reseller-rule-per-unit")),
    ]
    .into_iter()
    .map(|(rule, label)| {
        let selected = rule == form.rule;
        html! { <option value={rule_value(rule)} {selected}>{ label }</option> }
    });
    let (rate_label, rate_placeholder) = match form.rule {
        RuleChoice::Percent => (t("reseller-rate-percent"), "5"),
        RuleChoice::PerUnit => (
            t_args(
                "reseller-rate-per-unit",
                &[("currency", props.currency.code())],
            ),
            "10",
        ),
    };
    let editing = state.editing();
    html! {
        <form id="reseller-form" class="card form reseller-form" onsubmit={on_save} novalidate=true
            aria-labelledby="reseller-form-title">
            <h2 id="reseller-form-title">
                { if editing { t("reseller-form-edit") } else { t("reseller-form-new") } }
            </h2>
            <ErrorBanner message={errors.banner().map(|m| AttrValue::from(m.to_owned()))} />
            <div class="field-row">
                <div class="field">
                    <label for="reseller-name">{ t("reseller-name") }</label>
                    <input id="reseller-name" type="text" maxlength="80" value={form.name.clone()}
                        aria-invalid={errors.invalid("name")} oninput={typed(FormEdit::Name)} />
                    { field_error(errors, "name") }
                </div>
                <div class="field">
                    <label for="reseller-phone">{ t("reseller-phone") }</label>
                    <input id="reseller-phone" type="text" inputmode="tel" dir="ltr" placeholder="0712 345 678"
                        value={form.phone.clone()} aria-invalid={errors.invalid("phone")}
                        oninput={typed(FormEdit::Phone)} />
                    { field_error(errors, "phone") }
                </div>
            </div>
            <p class="hint">{ t("reseller-phone-hint") }</p>
            <div class="field">
                <label for="reseller-code">{ t("reseller-code") }</label>
                <input id="reseller-code" type="text" maxlength="12" autocomplete="off" spellcheck="false"
                    placeholder={t("reseller-code-placeholder")} value={form.code.clone()}
                    aria-invalid={errors.invalid("code")} oninput={typed(FormEdit::Code)} />
                { field_error(errors, "code") }
            </div>
            <div class="field-row">
                <div class="field">
                    <label for="reseller-rule">{ t("reseller-rule") }</label>
                    <select id="reseller-rule" onchange={on_rule}>{ for rules }</select>
                </div>
                <div class="field">
                    <label for="reseller-rate">{ rate_label }</label>
                    <input id="reseller-rate" type="text" inputmode="decimal" placeholder={rate_placeholder}
                        value={form.rate.clone()} aria-invalid={errors.invalid("rate")}
                        oninput={typed(FormEdit::Rate)} />
                    { field_error(errors, "rate") }
                </div>
            </div>
            <div class="field">
                <label for="reseller-applies-to">{ t("reseller-applies-to") }</label>
                <select id="reseller-applies-to" aria-invalid={errors.invalid("applies_to")} onchange={on_applies}>
                    { for applies }
                </select>
                { field_error(errors, "applies_to") }
            </div>
            <label class="check">
                <input type="checkbox" id="reseller-active" checked={form.active} onchange={on_active} />
                { t("reseller-active") }
            </label>
            <label class="check">
                <input type="checkbox" id="reseller-first-order-only" checked={form.first_order_only} onchange={on_first} />
                { t("reseller-first-order-only") }
            </label>
            <div class="actions">
                <button type="submit" id="reseller-save" class="primary" disabled={state.saving}>
                    { t("reseller-save") }
                </button>
                <button type="button" id="reseller-cancel" class="ghost" onclick={on_cancel}>
                    { t("reseller-cancel") }
                </button>
            </div>
        </form>
    }
}

/// The payout form for the reseller picked (`view`).
fn payout_form(
    state: &UseReducerHandle<ResellersState>,
    view: &ResellerView,
    props: &ResellersPageProps,
) -> Html {
    let dispatch = state.dispatcher();
    let (draft, errors, totals) = (&state.payout, &state.payout_errors, &view.totals);
    let on_pay = {
        let (state, notify, currency) = (state.clone(), props.notify.clone(), props.currency);
        let (id, name) = (view.reseller.id, view.reseller.name.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if state.paying {
                return;
            }
            let req = state.payout.to_request(id);
            let amount = match req.validate(currency) {
                Ok((_, amount, _, _)) => amount,
                Err(fields) => {
                    state.dispatch(Action::PayoutFailed {
                        reseller: id,
                        errors: FormErrors::from_fields(fields),
                    });
                    return;
                }
            };
            state.dispatch(Action::PayoutStarted);
            let (dispatch, notify, name) = (state.dispatcher(), notify.clone(), name.clone());
            spawn_local(async move {
                match invoke::<RecordPayoutCmd>(&req).await {
                    Ok(list) => {
                        notify.emit(t_args(
                            "payout-done",
                            &[("amount", &amount.to_string()), ("name", &name)],
                        ));
                        dispatch.dispatch(Action::PaidOut { reseller: id, list });
                    }
                    Err(err) => dispatch.dispatch(Action::PayoutFailed {
                        reseller: id,
                        errors: FormErrors::from_ipc(err, PAYOUT_FIELDS),
                    }),
                }
            });
        })
    };
    let on_amount = dispatch
        .to_callback()
        .reform(|e: InputEvent| Action::Payout(PayoutEdit::Amount(input_text(&e))));
    let on_method = dispatch
        .to_callback()
        .reform(|e: Event| Action::Payout(PayoutEdit::Method(select_value(&e))));
    let on_receipt = dispatch
        .to_callback()
        .reform(|e: InputEvent| Action::Payout(PayoutEdit::Receipt(input_text(&e))));
    let methods = [
        (CASH, t("payout-method-cash")),
        (MPESA, t("payout-method-mpesa")),
    ]
    .into_iter()
    .map(|(value, label)| {
        let selected = draft.method == value;
        html! { <option {value} {selected}>{ label }</option> }
    });
    let payable = totals.payable;
    html! {
        <form id="payout-form" class="card form payout-form" onsubmit={on_pay} novalidate=true
            aria-labelledby="payout-title">
            <h2 id="payout-title">{ t_args("payout-title", &[("name", &view.reseller.name)]) }</h2>
            <p id="payout-payable" class={classes!("payout-payable", is_negative(payable).then_some("reseller-negative"))}
                data-negative={is_negative(payable).to_string()}>
                { t_args("payout-payable", &[("amount", &payable.to_string())]) }
            </p>
            if totals.pending.minor > 0 {
                <p id="payout-pending" class="hint">
                    { t_args("payout-pending", &[("amount", &totals.pending.to_string())]) }
                </p>
            }
            if is_negative(payable) {
                <p id="payout-negative" class="hint">{ t("payout-negative") }</p>
            } else if payable.minor == 0 {
                <p id="payout-nothing" class="hint">{ t("payout-nothing") }</p>
            }
            <ErrorBanner message={errors.banner().map(|m| AttrValue::from(m.to_owned()))} />
            <div class="field-row">
                <div class="field">
                    <label for="payout-amount">{ t("payout-amount") }</label>
                    <input id="payout-amount" type="text" inputmode="decimal"
                        placeholder={(payable.minor > 0).then(|| payable.amount_text())}
                        value={draft.amount.clone()} aria-invalid={errors.invalid("amount")}
                        oninput={on_amount} />
                    { field_error(errors, "amount") }
                </div>
                <div class="field">
                    <label for="payout-method">{ t("payout-method") }</label>
                    <select id="payout-method" aria-invalid={errors.invalid("method")} onchange={on_method}>
                        { for methods }
                    </select>
                    { field_error(errors, "method") }
                </div>
            </div>
            if draft.shows_receipt() {
                <div class="field">
                    <label for="payout-receipt">{ t("payout-receipt") }</label>
                    <input id="payout-receipt" type="text" autocomplete="off" spellcheck="false"
                        placeholder="SLK4H7PQ2X" maxlength="12" value={draft.receipt.clone()}
                        aria-invalid={errors.invalid("receipt")} oninput={on_receipt} />
                    { field_error(errors, "receipt") }
                </div>
            }
            <div class="actions">
                <button type="submit" id="payout-save" class="primary" disabled={state.paying}>
                    { t("payout-save") }
                </button>
            </div>
        </form>
    }
}

/// Props of [`ResellerShare`].
#[derive(Properties, PartialEq)]
struct ResellerShareProps {
    view: ResellerView,
    notify: Callback<String>,
    on_open: Callback<(Page, Option<&'static str>)>,
}

/// A reseller's shop link with its QR code and Copy; before WhatsApp is
/// linked, the message their customers send, and the way to link it.
#[function_component]
fn ResellerShare(props: &ResellerShareProps) -> Html {
    let press_ctrl_c = use_state(|| false);
    let shown = use_node_ref();
    let v = &props.view;
    let name = v.reseller.name.clone();
    let on_copy = {
        let (press_ctrl_c, shown, notify) =
            (press_ctrl_c.clone(), shown.clone(), props.notify.clone());
        let (link, greeting, name) = (v.link.clone(), v.greeting.clone(), name.clone());
        Callback::from(move |_: MouseEvent| {
            let (press_ctrl_c, shown, notify) =
                (press_ctrl_c.clone(), shown.clone(), notify.clone());
            let (link, greeting, name) = (link.clone(), greeting.clone(), name.clone());
            spawn_local(async move {
                let text = link.as_deref().unwrap_or(&greeting);
                if copy(text).await {
                    press_ctrl_c.set(false);
                    notify.emit(if link.is_some() {
                        t_args("reseller-link-copied", &[("name", &name)])
                    } else {
                        t("reseller-greeting-copied")
                    });
                } else {
                    if let Some(el) = shown.cast::<web_sys::Element>() {
                        select_text(&el);
                    }
                    press_ctrl_c.set(true);
                }
            });
        })
    };
    let ctrl_c = if *press_ctrl_c {
        html! { <p id="reseller-copy-hint" class="hint" role="status">{ t("reseller-press-ctrl-c") }</p> }
    } else {
        Html::default()
    };
    match &v.link {
        Some(link) => html! {
            <div class="reseller-share">
                <label for="reseller-link" class="reseller-share-label">{ t("reseller-link-label") }</label>
                <div class="shop-link-row">
                    <output id="reseller-link" ref={shown} class="reseller-share-text">{ link.clone() }</output>
                    <button type="button" id="reseller-link-copy" class="primary small" onclick={on_copy}>
                        { t("reseller-copy-link") }
                    </button>
                </div>
                { ctrl_c }
                <div class="reseller-qr-frame">
                    <QrSvg id="reseller-qr" text={AttrValue::from(link.clone())}
                        label={AttrValue::from(t_args("reseller-qr-label", &[("name", &name)]))} />
                </div>
                <p class="hint">{ t("reseller-link-hint") }</p>
            </div>
        },
        None => {
            let open_whatsapp = {
                let on_open = props.on_open.clone();
                Callback::from(move |_: MouseEvent| {
                    on_open.emit((Page::Settings, Some(WHATSAPP_CARD)))
                })
            };
            html! {
                <div class="reseller-share">
                    <p id="reseller-no-link" class="hint">{ t("reseller-no-link") }</p>
                    <label for="reseller-greeting" class="reseller-share-label">{ t("reseller-greeting-label") }</label>
                    <div class="shop-link-row">
                        <output id="reseller-greeting" ref={shown} class="reseller-share-text">
                            { v.greeting.clone() }
                        </output>
                        <button type="button" id="reseller-greeting-copy" class="secondary small" onclick={on_copy}>
                            { t("reseller-copy-greeting") }
                        </button>
                    </div>
                    { ctrl_c }
                    <div class="actions">
                        <button type="button" id="reseller-link-whatsapp" class="secondary small" onclick={open_whatsapp}>
                            { t("reseller-link-whatsapp") }
                        </button>
                    </div>
                </div>
            }
        }
    }
}

#[cfg(test)]
mod tests;
