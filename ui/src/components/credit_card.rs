//! Credit (madeni) on the Customers page: a customer's balance, limit and
//! history with money paid back (cash or M-Pesa), and the list of who owes
//! what, oldest debt first.

use crate::components::banner::ErrorBanner;
use crate::components::field::{field_error, input_text, select_value, FormErrors};
use crate::components::timestamp::short_text;
use crate::i18n::{t, t_args};
use crate::ipc::invoke;
use dukadesk_domain::credit::{
    CreditAccount, CreditEntry, CreditLimitInput, Debtor, RepaymentInput, RepaymentMethod,
};
use dukadesk_domain::ipc::{
    CustomerRef, GetCreditAccount, ListDebtors, NoArgs, RecordRepaymentCmd, SendCreditReminder,
    SetCreditLimitCmd,
};
use dukadesk_domain::CustomerId;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

const FIELDS: &[&str] = &["amount", "receipt", "limit"];

/// Props of [`CreditCard`].
#[derive(Properties, PartialEq)]
pub struct CreditCardProps {
    /// The customer.
    pub customer_id: CustomerId,
    /// Shows a success toast.
    pub notify: Callback<String>,
}

/// One customer's credit.
#[function_component]
pub fn CreditCard(props: &CreditCardProps) -> Html {
    let account = use_state(|| None::<CreditAccount>);
    let errors = use_state(FormErrors::default);
    let amount = use_state(String::new);
    let method = use_state(|| RepaymentMethod::Cash);
    let receipt = use_state(String::new);
    let limit = use_state(String::new);
    let busy = use_state(|| false);
    {
        let (account, errors, limit) = (account.clone(), errors.clone(), limit.clone());
        use_effect_with(props.customer_id, move |id| {
            let id = *id;
            spawn_local(async move {
                match invoke::<GetCreditAccount>(&CustomerRef { id }).await {
                    Ok(a) => {
                        limit.set(a.limit.map(|l| l.amount_text()).unwrap_or_default());
                        account.set(Some(a));
                    }
                    Err(e) => errors.set(FormErrors::banner_only(e.message)),
                }
            });
        });
    }
    let Some(a) = (*account).clone() else {
        return html! { <ErrorBanner message={errors.banner().map(|m| AttrValue::from(m.to_owned()))} /> };
    };
    let on_repay = {
        let (account, errors, amount, method, receipt, busy, notify) = (
            account.clone(),
            errors.clone(),
            amount.clone(),
            method.clone(),
            receipt.clone(),
            busy.clone(),
            props.notify.clone(),
        );
        let id = props.customer_id;
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let req = RepaymentInput {
                customer_id: id,
                amount: (*amount).clone(),
                method: *method,
                receipt: (*receipt).clone(),
            };
            let (account, errors, amount, receipt, busy, notify) = (
                account.clone(),
                errors.clone(),
                amount.clone(),
                receipt.clone(),
                busy.clone(),
                notify.clone(),
            );
            busy.set(true);
            spawn_local(async move {
                match invoke::<RecordRepaymentCmd>(&req).await {
                    Ok(a) => {
                        notify.emit(t_args(
                            "credit-repaid",
                            &[("amount", &a.balance.to_string())],
                        ));
                        amount.set(String::new());
                        receipt.set(String::new());
                        errors.set(FormErrors::default());
                        account.set(Some(a));
                    }
                    Err(e) => errors.set(FormErrors::from_ipc(e, FIELDS)),
                }
                busy.set(false);
            });
        })
    };
    let on_limit = {
        let (account, errors, limit, notify) = (
            account.clone(),
            errors.clone(),
            limit.clone(),
            props.notify.clone(),
        );
        let id = props.customer_id;
        Callback::from(move |_: MouseEvent| {
            let req = CreditLimitInput {
                customer_id: id,
                limit: (*limit).clone(),
            };
            let (account, errors, notify) = (account.clone(), errors.clone(), notify.clone());
            spawn_local(async move {
                match invoke::<SetCreditLimitCmd>(&req).await {
                    Ok(a) => {
                        notify.emit(match a.limit {
                            Some(l) => t_args("credit-limit-set", &[("amount", &l.to_string())]),
                            None => t("credit-limit-none"),
                        });
                        errors.set(FormErrors::default());
                        account.set(Some(a));
                    }
                    Err(e) => errors.set(FormErrors::from_ipc(e, FIELDS)),
                }
            });
        })
    };
    let on_remind = {
        let (errors, notify) = (errors.clone(), props.notify.clone());
        let id = props.customer_id;
        Callback::from(move |_: MouseEvent| {
            let (errors, notify) = (errors.clone(), notify.clone());
            spawn_local(async move {
                match invoke::<SendCreditReminder>(&CustomerRef { id }).await {
                    Ok(_) => notify.emit(t("credit-reminder-sent")),
                    Err(e) => errors.set(FormErrors::banner_only(e.message)),
                }
            });
        })
    };
    let history = a.history.iter().rev().take(12).map(|entry| match entry {
        CreditEntry::Sale { number, amount, at } => html! {
            <li class="credit-sale"><span>{ short_text(*at) }</span>
                <span>{ t_args("credit-sale", &[("number", &number.to_string())]) }</span>
                <span class="num">{ format!("+{amount}") }</span></li>
        },
        CreditEntry::Repaid(r) => html! {
            <li class="credit-repaid"><span>{ short_text(r.at) }</span>
                <span>{ match &r.receipt {
                    Some(code) => t_args("credit-repaid-mpesa", &[("code", code), ("name", &r.by)]),
                    None => t_args("credit-repaid-cash", &[("name", &r.by)]),
                } }</span>
                <span class="num">{ format!("-{}", r.amount) }</span></li>
        },
    });
    let owes = a.balance.minor > 0;
    html! {
        <section id="credit-card" class="card" aria-labelledby="credit-title">
            <h2 id="credit-title">{ t("credit-title") }</h2>
            <p id="credit-balance" class={classes!("credit-balance", owes.then_some("owes"))}>
                { if owes {
                    t_args("credit-owes", &[("amount", &a.balance.to_string())])
                } else if a.balance.minor < 0 {
                    let over = dukadesk_domain::Money::from_minor(-a.balance.minor, a.balance.currency);
                    t_args("credit-overpaid", &[("amount", &over.to_string())])
                } else {
                    t("credit-owes-nothing")
                } }
                if let Some(oldest) = a.oldest_unpaid {
                    <small>{ format!(" {}", t_args("credit-since", &[("time", &short_text(oldest))])) }</small>
                }
            </p>
            <ErrorBanner message={errors.banner().map(|m| AttrValue::from(m.to_owned()))} />
            <div class="field">
                <label for="credit-limit">{ t("credit-limit") }</label>
                <div class="field-inline">
                    <input id="credit-limit" type="text" inputmode="decimal" value={(*limit).clone()}
                        aria-invalid={errors.invalid("limit")}
                        oninput={let limit = limit.clone(); move |e: InputEvent| limit.set(input_text(&e))} />
                    <button type="button" id="credit-limit-save" class="secondary" onclick={on_limit}>{ t("credit-limit-save") }</button>
                </div>
                { field_error(&errors, "limit") }
            </div>
            <form id="credit-repay" class="form" onsubmit={on_repay} novalidate=true>
                <div class="field-row">
                    <div class="field">
                        <label for="credit-amount">{ t("credit-amount") }</label>
                        <input id="credit-amount" type="text" inputmode="decimal" value={(*amount).clone()}
                            aria-invalid={errors.invalid("amount")}
                            oninput={let amount = amount.clone(); move |e: InputEvent| amount.set(input_text(&e))} />
                        { field_error(&errors, "amount") }
                    </div>
                    <div class="field">
                        <label for="credit-method">{ t("credit-method") }</label>
                        <select id="credit-method" onchange={let method = method.clone(); move |e: Event| method.set(
                            if select_value(&e) == "mpesa" { RepaymentMethod::Mpesa } else { RepaymentMethod::Cash })}>
                            <option value="cash" selected={*method == RepaymentMethod::Cash}>{ t("credit-method-cash") }</option>
                            <option value="mpesa" selected={*method == RepaymentMethod::Mpesa}>{ t("credit-method-mpesa") }</option>
                        </select>
                    </div>
                </div>
                if *method == RepaymentMethod::Mpesa {
                    <div class="field">
                        <label for="credit-receipt">{ t("credit-receipt") }</label>
                        <input id="credit-receipt" type="text" autocomplete="off" spellcheck="false"
                            value={(*receipt).clone()} aria-invalid={errors.invalid("receipt")}
                            oninput={let receipt = receipt.clone(); move |e: InputEvent| receipt.set(input_text(&e))} />
                        { field_error(&errors, "receipt") }
                    </div>
                }
                <div class="actions">
                    <button type="submit" id="credit-repay-save" class="primary" disabled={*busy}>{ t("credit-repay-save") }</button>
                    if owes && a.can_remind {
                        <button type="button" id="credit-remind" class="secondary" onclick={on_remind}
                            title={t("credit-remind-title")}>
                            { t("credit-remind") }
                        </button>
                    }
                </div>
            </form>
            if !a.history.is_empty() {
                <ul id="credit-history" class="credit-history">{ for history }</ul>
            }
        </section>
    }
}

/// Props of [`DebtorsCard`].
#[derive(Properties, PartialEq)]
pub struct DebtorsProps {
    /// Opens a customer.
    pub on_pick: Callback<Debtor>,
    /// Changes when something may have changed what is owed.
    #[prop_or_default]
    pub version: u32,
}

/// Who owes what, oldest debt first.
#[function_component]
pub fn DebtorsCard(props: &DebtorsProps) -> Html {
    let debtors = use_state(|| None::<Result<Vec<Debtor>, String>>);
    {
        let debtors = debtors.clone();
        use_effect_with(props.version, move |_| {
            spawn_local(async move {
                debtors.set(Some(
                    invoke::<ListDebtors>(&NoArgs {})
                        .await
                        .map_err(|e| e.message),
                ));
            });
        });
    }
    let body = match &*debtors {
        None => html! { <p class="muted">{ t("debtors-loading") }</p> },
        Some(Err(m)) => html! { <ErrorBanner message={Some(AttrValue::from(m.clone()))} /> },
        Some(Ok(list)) if list.is_empty() => {
            html! { <p class="muted">{ t("debtors-empty") }</p> }
        }
        Some(Ok(list)) => {
            let rows = list.iter().map(|d| {
                let pick = {
                    let (on_pick, d) = (props.on_pick.clone(), d.clone());
                    Callback::from(move |_: MouseEvent| on_pick.emit(d.clone()))
                };
                let over = d.limit.is_some_and(|l| d.balance.minor > l.minor);
                html! {
                    <tr class="debtor-row" key={d.customer_id.to_string()}>
                        <td><button type="button" class="link debtor-open" onclick={pick}>
                            { d.name.clone().or_else(|| d.phone.clone()).unwrap_or_else(|| t("debtors-erased")) }
                        </button></td>
                        <td class={classes!("num", over.then_some("over"))}>{ d.balance.to_string() }</td>
                        <td>{ short_text(d.oldest_unpaid) }</td>
                    </tr>
                }
            });
            html! {
                <table id="debtors" class="lines debtors">
                    <thead>
                        <tr>
                            <th class="left">{ t("debtors-col-who") }</th>
                            <th class="num">{ t("debtors-col-owes") }</th>
                            <th class="left">{ t("debtors-col-since") }</th>
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            }
        }
    };
    html! {
        <section class="card" aria-labelledby="debtors-title">
            <h2 id="debtors-title">{ t("debtors-title") }</h2>
            { body }
        </section>
    }
}
