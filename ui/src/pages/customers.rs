//! Customers: find one by name or phone digits, correct their details, or
//! erase their personal data (their orders stay for the tax records,
//! without it). Clicking a row opens the customer on the right, with their
//! credit (what they owe, money paid back, their limit); with nobody open,
//! the right side lists who owes what, oldest debt first.

use crate::components::banner::ErrorBanner;
use crate::components::credit_card::{CreditCard, DebtorsCard};
use crate::components::field::{field_error, input_text, FormErrors};
use crate::components::timestamp::short_text;
use crate::i18n::{t, t_args, t_count};
use crate::ipc::invoke;
use dukadesk_domain::ipc::{
    CorrectCustomer, CustomerEdit, CustomerQuery, CustomerSummary, EraseCustomer, EraseCustomerReq,
    ListCustomers,
};
use state::{CustomersAction as Action, CustomersState};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

pub mod state;

/// Props of [`CustomersPage`].
#[derive(Properties, PartialEq)]
pub struct CustomersPageProps {
    /// Shows a success toast.
    pub notify: Callback<String>,
}

/// The Customers screen.
#[function_component]
pub fn CustomersPage(props: &CustomersPageProps) -> Html {
    let state = use_reducer(CustomersState::default);
    let dispatch = state.dispatcher();

    {
        let dispatch = dispatch.clone();
        use_effect_with(state.asked.clone(), move |asked| {
            let (asked, req) = (
                asked.clone(),
                CustomerQuery {
                    search: asked.search.clone(),
                },
            );
            spawn_local(async move {
                match invoke::<ListCustomers>(&req).await {
                    Ok(list) => dispatch.dispatch(Action::Listed(asked, list)),
                    Err(e) => dispatch.dispatch(Action::ListFailed(asked, e.message)),
                }
            });
        });
    }
    let on_search = dispatch
        .to_callback()
        .reform(|e: InputEvent| Action::Search(input_text(&e)));
    let on_changed = dispatch.to_callback().reform(Action::Changed);
    let close = dispatch.to_callback().reform(|()| Action::Pick(None));
    let on_debtor = dispatch.to_callback().reform(Action::PickDebtor);
    let (customers, selected, search) = (&state.customers, &state.selected, &state.asked.search);
    let current = selected.as_ref().map(|c| c.id);
    let rows = customers.iter().map(|c| {
        let pick = {
            let c = c.clone();
            dispatch.to_callback().reform(move |_: MouseEvent| Action::Pick(Some(c.clone())))
        };
        let is_selected = current == Some(c.id);
        html! {
            <tr key={c.id.to_string()} data-id={c.id.to_string()}
                class={classes!("customer-row", is_selected.then_some("selected"))} onclick={pick}>
                <td class="customer-name">
                    { c.name.clone().unwrap_or_else(|| t("customers-no-name")) }
                    if c.opted_out { <span class="badge" title={t("customers-no-offers-title")}>{ t("customers-no-offers") }</span> }
                </td>
                <td class="customer-phone">{ c.phone.clone().unwrap_or_default() }</td>
                <td class="num">{ c.orders }</td>
                <td>{ c.last_order_at.map(short_text).unwrap_or_default() }</td>
            </tr>
        }
    });
    html! {
        <div class="customers-page two-pane">
            <section class="pane list-pane">
                <div class="toolbar">
                    <h1>{ t("customers-title") }</h1>
                    <input id="customer-search" type="search" placeholder={t("customers-search-placeholder")}
                        aria-label={t("customers-search-label")} oninput={on_search} />
                </div>
                <ErrorBanner message={state.error.clone().map(AttrValue::from)} />
                if customers.is_empty() {
                    <div class="item-list empty">
                        { if search.is_empty() {
                            t("customers-empty")
                        } else {
                            t("customers-no-match")
                        } }
                    </div>
                } else {
                    <table class="item-list items-table customers-table">
                        <thead>
                            <tr>
                                <th>{ t("customers-col-name") }</th>
                                <th>{ t("customers-col-phone") }</th>
                                <th class="num">{ t("customers-col-orders") }</th>
                                <th>{ t("customers-col-last-order") }</th>
                            </tr>
                        </thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                }
            </section>
            <aside class="pane side-pane">
                if let Some(c) = selected {
                    <CustomerCard key={c.id.to_string()} customer={c.clone()} on_changed={on_changed}
                        on_close={close} notify={props.notify.clone()} />
                    if !c.erased {
                        <CreditCard key={format!("credit-{}", c.id)} customer_id={c.id} notify={props.notify.clone()} />
                    }
                } else {
                    <DebtorsCard on_pick={on_debtor} version={state.asked.version} />
                    <div class="card muted-card">
                        <h2>{ t("customers-privacy-title") }</h2>
                        <p>{ t("customers-privacy-hint") }</p>
                        <p>{ format!("{} ", t("customers-delete-me-before")) }<b>{ "DELETE ME" }</b>{ format!(" {}", t("customers-delete-me-after")) }</p>
                    </div>
                }
            </aside>
        </div>
    }
}

/// Props of [`CustomerCard`].
#[derive(Properties, PartialEq)]
struct CustomerCardProps {
    customer: CustomerSummary,
    /// The customer after a change (`None`: erased).
    on_changed: Callback<Option<CustomerSummary>>,
    on_close: Callback<()>,
    notify: Callback<String>,
}

const FIELDS: &[&str] = &["name", "phone"];

/// One customer: their details to correct, and the erase button.
#[function_component]
fn CustomerCard(props: &CustomerCardProps) -> Html {
    let c = &props.customer;
    let name = use_state(|| c.name.clone().unwrap_or_default());
    let phone = use_state(|| c.phone.clone().unwrap_or_default());
    let errors = use_state(FormErrors::default);
    let busy = use_state(|| false);
    let confirming = use_state(|| false);

    let on_name = {
        let (name, errors) = (name.clone(), errors.clone());
        Callback::from(move |e: InputEvent| {
            name.set(input_text(&e));
            let mut next = (*errors).clone();
            next.clear_field("name");
            errors.set(next);
        })
    };
    let on_phone = {
        let (phone, errors) = (phone.clone(), errors.clone());
        Callback::from(move |e: InputEvent| {
            phone.set(input_text(&e));
            let mut next = (*errors).clone();
            next.clear_field("phone");
            errors.set(next);
        })
    };
    let on_save = {
        let (name, phone, errors, busy) =
            (name.clone(), phone.clone(), errors.clone(), busy.clone());
        let (id, on_changed, notify) = (c.id, props.on_changed.clone(), props.notify.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let req = CustomerEdit {
                id,
                name: (*name).clone(),
                phone: (*phone).clone(),
            };
            let (errors, busy, on_changed, notify) = (
                errors.clone(),
                busy.clone(),
                on_changed.clone(),
                notify.clone(),
            );
            busy.set(true);
            spawn_local(async move {
                match invoke::<CorrectCustomer>(&req).await {
                    Ok(saved) => {
                        errors.set(FormErrors::default());
                        notify.emit(t("customer-saved"));
                        on_changed.emit(Some(saved));
                    }
                    Err(e) => errors.set(FormErrors::from_ipc(e, FIELDS)),
                }
                busy.set(false);
            });
        })
    };
    let on_erase = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let on_cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(false))
    };
    let on_confirm = {
        let (errors, busy, confirming) = (errors.clone(), busy.clone(), confirming.clone());
        let (id, on_changed, notify) = (c.id, props.on_changed.clone(), props.notify.clone());
        Callback::from(move |_: MouseEvent| {
            let (errors, busy, confirming, on_changed, notify) = (
                errors.clone(),
                busy.clone(),
                confirming.clone(),
                on_changed.clone(),
                notify.clone(),
            );
            busy.set(true);
            spawn_local(async move {
                match invoke::<EraseCustomer>(&EraseCustomerReq { id }).await {
                    Ok(done) => {
                        let mut said = t_count("customer-erased", done.orders, &[]);
                        if done.chats > 0 {
                            said.push(' ');
                            said.push_str(&t_count("customer-erased-chats", done.chats, &[]));
                        }
                        notify.emit(said);
                        on_changed.emit(None);
                    }
                    Err(e) => {
                        confirming.set(false);
                        errors.set(FormErrors::banner_only(e.message));
                    }
                }
                busy.set(false);
            });
        })
    };
    let on_close = {
        let cb = props.on_close.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let who = c
        .name
        .clone()
        .or_else(|| c.phone.clone())
        .unwrap_or_else(|| t("customer-this-customer"));
    html! {
        <form id="customer-card" class="card form" onsubmit={on_save} novalidate=true>
            <h2>{ who.clone() }</h2>
            <p class="muted">{ t_count("customer-orders", c.orders, &[]) }
                { c.last_order_at.map(|at| format!(" · {}", t_args("customer-last-order", &[("time", &short_text(at))]))).unwrap_or_default() }
                { if c.opted_out { format!(" · {}", t("customer-opted-out")) } else { String::new() } }</p>
            <ErrorBanner message={errors.banner().map(|m| AttrValue::from(m.to_owned()))} />
            <div class="field">
                <label for="customer-name">{ t("customer-name") }</label>
                <input id="customer-name" type="text" value={(*name).clone()} oninput={on_name}
                    aria-invalid={errors.invalid("name")} maxlength="100" />
                { field_error(&errors, "name") }
            </div>
            <div class="field">
                <label for="customer-phone">{ t("customer-phone") }</label>
                <input id="customer-phone" type="text" inputmode="tel" value={(*phone).clone()} oninput={on_phone}
                    aria-invalid={errors.invalid("phone")} />
                { field_error(&errors, "phone") }
            </div>
            <div class="actions">
                <button id="customer-save" type="submit" class="primary" disabled={*busy}>{ t("customer-save") }</button>
                <button id="customer-erase" type="button" class="danger-text" disabled={*busy} onclick={on_erase}>
                    { t("customer-erase") }
                </button>
                <button type="button" class="ghost" onclick={on_close}>{ t("customer-close") }</button>
            </div>
            if *confirming {
                <div id="customer-erase-confirm-box" class="confirm" role="alertdialog"
                    aria-labelledby="customer-erase-question">
                    <p id="customer-erase-question">
                        { t_count("customer-erase-question", c.orders, &[("name", &who)]) }
                    </p>
                    <div class="actions">
                        <button id="customer-erase-confirm" type="button" class="danger" disabled={*busy} onclick={on_confirm}>
                            { t("customer-erase-confirm") }
                        </button>
                        <button type="button" onclick={on_cancel}>{ t("customer-erase-keep") }</button>
                    </div>
                </div>
            }
        </form>
    }
}
