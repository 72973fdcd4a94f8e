//! The cash-up (Z report) in Reports: what this till took since its last
//! cash-up, the float and the counted cash typed in with the difference
//! shown as it is typed, recorded with who counted, printed on the till's
//! printer; and the shop's cash-ups from every till.

use crate::components::banner::ErrorBanner;
use crate::components::field::{field_error, input_text, textarea_text, FormErrors};
use crate::components::timestamp::short_text;
use crate::i18n::{t, t_args, t_count};
use crate::ipc::invoke;

/// A cash-up's balance in the screens' language ("Balanced", "Short by
/// KES 50").
fn balance_words(b: Balance) -> String {
    match b {
        Balance::Balanced => t("cashup-balanced"),
        Balance::Over(m) => t_args("cashup-over", &[("amount", &m.to_string())]),
        Balance::Short(m) => t_args("cashup-short", &[("amount", &m.to_string())]),
    }
}
use dukadesk_domain::cashup::{Balance, CashUp, CashUpDraft, CashUpInput};
use dukadesk_domain::ipc::{
    CashUpRef, GetCashUpDraft, ListCashUps, NoArgs, PrintCashUp, RecordCashUpCmd,
};
use dukadesk_domain::Money;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

const FIELDS: &[&str] = &["float", "counted", "note"];

fn balance_class(b: Balance) -> &'static str {
    match b {
        Balance::Balanced => "balanced",
        Balance::Over(_) => "over",
        Balance::Short(_) => "short",
    }
}

/// Props of [`CashUpPanel`].
#[derive(Properties, PartialEq)]
pub struct CashUpProps {
    /// Shows a success toast.
    pub notify: Callback<String>,
}

/// The cash-up form (opened from Reports) and the list of cash-ups.
#[function_component]
pub fn CashUpPanel(props: &CashUpProps) -> Html {
    let open = use_state(|| false);
    let draft = use_state(|| None::<CashUpDraft>);
    let input = use_state(CashUpInput::default);
    let errors = use_state(FormErrors::default);
    let done = use_state(|| None::<CashUp>);
    let list = use_state(Vec::<CashUp>::new);
    let busy = use_state(|| false);
    let counted_ref = use_node_ref();

    let load_list = {
        let list = list.clone();
        move || {
            let list = list.clone();
            spawn_local(async move {
                if let Ok(l) = invoke::<ListCashUps>(&NoArgs {}).await {
                    list.set(l);
                }
            });
        }
    };
    {
        let load_list = load_list.clone();
        use_effect_with((), move |_| load_list());
    }
    // Focus the count once the form shows.
    {
        let counted_ref = counted_ref.clone();
        use_effect_with(draft.is_some() && *open, move |shown| {
            if *shown {
                if let Some(el) = counted_ref.cast::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }

    let on_open = {
        let (open, draft, input, errors, done) = (
            open.clone(),
            draft.clone(),
            input.clone(),
            errors.clone(),
            done.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            open.set(true);
            done.set(None);
            errors.set(FormErrors::default());
            let (draft, input, errors) = (draft.clone(), input.clone(), errors.clone());
            spawn_local(async move {
                match invoke::<GetCashUpDraft>(&NoArgs {}).await {
                    Ok(d) => {
                        input.set(CashUpInput {
                            float: if d.float.minor > 0 {
                                d.float.amount_text()
                            } else {
                                String::new()
                            },
                            ..Default::default()
                        });
                        draft.set(Some(d));
                    }
                    Err(e) => errors.set(FormErrors::from_ipc(e, FIELDS)),
                }
            });
        })
    };
    let on_close = {
        let (open, draft) = (open.clone(), draft.clone());
        Callback::from(move |_: MouseEvent| {
            open.set(false);
            draft.set(None);
        })
    };
    let edit = |f: fn(&mut CashUpInput, String), field: &'static str| {
        let (input, errors) = (input.clone(), errors.clone());
        move |value: String| {
            let mut next = (*input).clone();
            f(&mut next, value);
            input.set(next);
            let mut e = (*errors).clone();
            e.clear_field(field);
            errors.set(e);
        }
    };
    let on_float = edit(|i, v| i.float = v, "float");
    let on_counted = edit(|i, v| i.counted = v, "counted");
    let on_note = edit(|i, v| i.note = v, "note");

    let onsubmit = {
        let (input, errors, done, busy, draft, notify) = (
            input.clone(),
            errors.clone(),
            done.clone(),
            busy.clone(),
            draft.clone(),
            props.notify.clone(),
        );
        let load_list = load_list.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(d) = &*draft else { return };
            if let Err(fields) = input.validate(d.cash_sales.currency) {
                errors.set(FormErrors::from_fields(fields));
                return;
            }
            let req = (*input).clone();
            let (errors, done, busy, draft, notify, load_list) = (
                errors.clone(),
                done.clone(),
                busy.clone(),
                draft.clone(),
                notify.clone(),
                load_list.clone(),
            );
            busy.set(true);
            spawn_local(async move {
                match invoke::<RecordCashUpCmd>(&req).await {
                    Ok(c) => {
                        notify.emit(t_args(
                            "cashup-recorded",
                            &[("balance", &balance_words(c.balance()))],
                        ));
                        done.set(Some(c));
                        draft.set(None);
                        load_list();
                    }
                    Err(e) => errors.set(FormErrors::from_ipc(e, FIELDS)),
                }
                busy.set(false);
            });
        })
    };
    let print = {
        let (errors, notify) = (errors.clone(), props.notify.clone());
        Callback::from(move |id| {
            let (errors, notify) = (errors.clone(), notify.clone());
            spawn_local(async move {
                match invoke::<PrintCashUp>(&CashUpRef { id }).await {
                    Ok(p) => notify.emit(p.message),
                    Err(e) => errors.set(FormErrors::banner_only(e.message)),
                }
            });
        })
    };

    let form = match (&*draft, *open) {
        (Some(d), true) => {
            let currency = d.cash_sales.currency;
            let float = if input.float.trim().is_empty() {
                Some(Money::zero(currency))
            } else {
                Money::parse(&input.float, currency).ok()
            };
            let expected = float.map(|f| d.expected(f));
            let preview = match (expected, Money::parse(&input.counted, currency)) {
                (Some(expected), Ok(counted)) => Some(Balance::of(expected, counted)),
                _ => None,
            };
            html! {
                <form id="cash-up-form" class="form cash-up-grid" {onsubmit} novalidate=true>
                    <dl class="facts cash-up-facts">
                        <dt>{ t("cashup-till") }</dt><dd>{ d.till.clone() }</dd>
                        <dt>{ t("cashup-since") }</dt><dd id="cash-up-from">{ short_text(d.from) }</dd>
                        <dt>{ t("cashup-payments") }</dt><dd id="cash-up-payments" class="num">{ d.payments }</dd>
                        <dt>{ t("cashup-cash-sales") }</dt><dd id="cash-up-cash" class="num">{ d.cash_sales.to_string() }</dd>
                        if d.cash_refunds.minor > 0 {
                            <dt>{ t("cashup-cash-refunds") }</dt><dd id="cash-up-refunds" class="num">{ format!("-{}", d.cash_refunds) }</dd>
                        }
                        <dt>{ "M-Pesa" }</dt><dd id="cash-up-mpesa" class="num">{ d.mpesa.to_string() }</dd>
                    </dl>
                    <div class="cash-up-fields">
                    <div class="field">
                        <label for="cash-up-float">{ t("cashup-float") }</label>
                        <input id="cash-up-float" type="text" inputmode="decimal" autocomplete="off"
                            value={input.float.clone()} aria-invalid={errors.invalid("float")}
                            oninput={move |e: InputEvent| on_float(input_text(&e))} />
                        { field_error(&errors, "float") }
                    </div>
                    <p class="cash-up-expected">
                        { t("cashup-expected") }{ " " }
                        <strong id="cash-up-expected" class="num">
                            { expected.map(|m| m.to_string()).unwrap_or_else(|| "…".into()) }
                        </strong>
                    </p>
                    <div class="field">
                        <label for="cash-up-counted">{ t("cashup-counted") }</label>
                        <input id="cash-up-counted" ref={counted_ref} type="text" inputmode="decimal"
                            autocomplete="off" value={input.counted.clone()}
                            aria-invalid={errors.invalid("counted")}
                            oninput={move |e: InputEvent| on_counted(input_text(&e))} />
                        { field_error(&errors, "counted") }
                    </div>
                    if let Some(b) = preview {
                        <p id="cash-up-balance" class={classes!("cash-up-balance", balance_class(b))} role="status">
                            { balance_words(b) }
                        </p>
                    }
                    <div class="field">
                        <label for="cash-up-note">{ t("cashup-note") }</label>
                        <textarea id="cash-up-note" rows="2" value={input.note.clone()}
                            aria-invalid={errors.invalid("note")}
                            oninput={move |e: InputEvent| on_note(textarea_text(&e))} />
                        { field_error(&errors, "note") }
                    </div>
                    <div class="actions">
                        <button type="submit" id="cash-up-save" class="primary" disabled={*busy}>
                            { t("cashup-record") }
                        </button>
                        <button type="button" class="ghost" onclick={on_close.clone()}>{ t("orderform-close") }</button>
                    </div>
                    </div>
                </form>
            }
        }
        (None, true) if done.is_none() => {
            html! { <p class="muted">{ t("cashup-adding-up") }</p> }
        }
        _ => html! {},
    };
    let result = (*done).clone().map(|c| {
        let id = c.id;
        let print = print.clone();
        let b = c.balance();
        html! {
            <div id="cash-up-result" class={classes!("cash-up-result", balance_class(b))} role="status">
                <p>
                    <strong>{ balance_words(b) }</strong>
                    { t_args("cashup-result", &[("counted", &c.counted.to_string()),
                        ("expected", &c.expected().to_string()), ("by", &c.by)]) }
                </p>
                <div class="actions">
                    <button type="button" id="cash-up-print" class="secondary"
                        onclick={move |_| print.emit(id)}>{ t("cashup-print-z") }</button>
                    <button type="button" class="ghost" onclick={on_close.clone()}>{ t("orderform-close") }</button>
                </div>
            </div>
        }
    });
    let row = |c: &CashUp| {
        let b = c.balance();
        let id = c.id;
        let print = print.clone();
        html! {
            <tr key={c.id.to_string()} class="cash-up-row">
                <td>{ short_text(c.at) }</td>
                <td>{ c.till.clone() }</td>
                <td class="num">{ c.expected().to_string() }</td>
                <td class="num">{ c.counted.to_string() }</td>
                <td class={classes!("balance", balance_class(b))}>{ balance_words(b) }</td>
                <td>{ c.by.clone() }</td>
                <td><button type="button" class="ghost small" title={t("cashup-print-this")}
                    onclick={move |_| print.emit(id)}>{ t("cashup-print") }</button></td>
            </tr>
        }
    };
    const RECENT: usize = 3;
    let head = html! {
        <thead><tr>
            <th>{ t("cashup-when") }</th><th>{ t("cashup-till") }</th><th class="num">{ t("cashup-expected-col") }</th>
            <th class="num">{ t("cashup-counted-col") }</th><th>{ t("cashup-balance") }</th><th>{ t("cashup-by") }</th><th></th>
        </tr></thead>
    };
    html! {
        <section id="cash-up" class="card" aria-labelledby="cash-up-title">
            <div class="card-head">
                <h2 id="cash-up-title">{ t("cashup-title") }</h2>
                if !*open {
                    <button type="button" id="cash-up-open" class="primary" onclick={on_open}>
                        { t("cashup-open") }
                    </button>
                }
            </div>
            <ErrorBanner message={errors.banner().map(|m| AttrValue::from(m.to_owned()))} />
            { form }
            { for result }
            if list.is_empty() {
                <p class="muted">{ t("cashup-none") }</p>
            } else {
                <table id="cash-ups" class="lines cash-ups">
                    { head.clone() }
                    <tbody>{ for list.iter().take(RECENT).map(row) }</tbody>
                </table>
                if list.len() > RECENT {
                    <details class="cash-ups-older">
                        <summary>{ t_count("cashup-older", list.len() - RECENT, &[]) }</summary>
                        <table class="lines cash-ups">
                            { head }
                            <tbody>{ for list.iter().skip(RECENT).map(row) }</tbody>
                        </table>
                    </details>
                }
            }
        </section>
    }
}
