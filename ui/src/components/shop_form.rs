//! The shop details form, used by first-run setup and by settings: name,
//! customer-link code (suggested from the name), business type and country
//! (the currency follows the country). Checked with `ShopInput::validate`
//! before it is sent with `SaveShop`. At first run it also asks for the
//! owner password (typed twice), set with `CreateOwner` once the shop is
//! saved.

use crate::components::banner::ErrorBanner;
use crate::components::field::{field_error, input_text, select_value, FormErrors};
use crate::i18n::{t, t_args};
use crate::ipc::invoke;
use dukadesk_domain::ipc::{CreateOwner, CreateOwnerCmd, SaveShop, ShopView};
use dukadesk_domain::people::check_owner_password;
use dukadesk_domain::shop::{BusinessType, ShopCode, ShopInput};
use dukadesk_domain::{Country, Currency};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// Fields this form shows errors for.
const FIELDS: &[&str] = &[
    "name",
    "code",
    "business_type",
    "country",
    "currency",
    "password",
    "repeat",
];

/// The countries offered, with their select value and currency.
const COUNTRIES: [(Country, &str, Currency); 2] = [
    (Country::Kenya, "kenya", Currency::KES),
    (Country::Morocco, "morocco", Currency::MAD),
];

/// A country as the select shows it, with its currency.
fn country_label(country: Country) -> String {
    match country {
        Country::Kenya => t("shop-country-kenya"),
        Country::Morocco => t("shop-country-morocco"),
    }
}

/// A type of business as the select shows it.
fn business_label(business: BusinessType) -> String {
    match business {
        BusinessType::Grocery => t("business-grocery"),
        BusinessType::Restaurant => t("business-restaurant"),
        BusinessType::Fashion => t("business-fashion"),
        BusinessType::Electronics => t("business-electronics"),
        BusinessType::Beauty => t("business-beauty"),
        BusinessType::Hardware => t("business-hardware"),
        BusinessType::AirtimeAndData => t("business-airtime-and-data"),
        BusinessType::Other => t("business-other"),
    }
}

/// Props of [`ShopForm`].
#[derive(Properties, PartialEq)]
pub struct ShopFormProps {
    /// The values to start from.
    pub initial: ShopInput,
    /// The form element's id.
    pub form_id: AttrValue,
    /// The submit button's id.
    pub submit_id: AttrValue,
    /// The submit button's label.
    pub submit_label: AttrValue,
    /// Called with the saved shop.
    pub on_saved: Callback<ShopView>,
    /// Ask for the owner password too (first run).
    #[prop_or_default]
    pub owner_password: bool,
}

/// The form.
#[function_component]
pub fn ShopForm(props: &ShopFormProps) -> Html {
    let input = use_state(|| props.initial.clone());
    let errors = use_state(FormErrors::default);
    let busy = use_state(|| false);
    let owner = use_state(CreateOwner::default);
    let with_owner = props.owner_password;

    let onsubmit = {
        let (input, errors, busy, on_saved, owner) = (
            input.clone(),
            errors.clone(),
            busy.clone(),
            props.on_saved.clone(),
            owner.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let mut fields = input.validate().err().unwrap_or_default();
            if with_owner {
                if let Err(more) =
                    check_owner_password(owner.password.expose(), owner.repeat.expose())
                {
                    fields.extend(more);
                }
            }
            if !fields.is_empty() {
                errors.set(FormErrors::from_fields(fields));
                return;
            }
            errors.set(FormErrors::default());
            busy.set(true);
            let (req, errors, busy, on_saved, owner) = (
                (*input).clone(),
                errors.clone(),
                busy.clone(),
                on_saved.clone(),
                (*owner).clone(),
            );
            spawn_local(async move {
                match invoke::<SaveShop>(&req).await {
                    Ok(view) => {
                        if with_owner {
                            // Should this fail, the owner is asked for a
                            // password again at the first owner-only action.
                            let _ = invoke::<CreateOwnerCmd>(&owner).await;
                        }
                        on_saved.emit(view)
                    }
                    Err(err) => errors.set(FormErrors::from_ipc(err, FIELDS)),
                }
                busy.set(false);
            });
        })
    };
    let on_password = {
        let owner = owner.clone();
        move |e: InputEvent| {
            let mut next = (*owner).clone();
            next.password = input_text(&e).into();
            owner.set(next);
        }
    };
    let on_repeat = {
        let owner = owner.clone();
        move |e: InputEvent| {
            let mut next = (*owner).clone();
            next.repeat = input_text(&e).into();
            owner.set(next);
        }
    };
    let owner_fields = if with_owner {
        html! {
            <div class="field-row">
                <div class="field">
                    <label for="owner-password">{ t("shop-owner-password") }</label>
                    <input id="owner-password" type="password" autocomplete="new-password"
                        value={owner.password.expose().clone()} aria-invalid={errors.invalid("password")}
                        oninput={on_password} />
                    <div class="hint">{ t("shop-owner-password-hint") }</div>
                    { field_error(&errors, "password") }
                </div>
                <div class="field">
                    <label for="owner-repeat">{ t("shop-owner-repeat") }</label>
                    <input id="owner-repeat" type="password" autocomplete="new-password"
                        value={owner.repeat.expose().clone()} aria-invalid={errors.invalid("repeat")}
                        oninput={on_repeat} />
                    { field_error(&errors, "repeat") }
                </div>
            </div>
        }
    } else {
        Html::default()
    };

    let edit = |f: fn(&mut ShopInput, String)| {
        let input = input.clone();
        move |value: String| {
            let mut next = (*input).clone();
            f(&mut next, value);
            input.set(next);
        }
    };
    let on_name = edit(|i, v| i.name = v);
    let on_code = edit(|i, v| i.code = v);
    let on_type = edit(|i, v| {
        if let Some(t) = v
            .parse::<usize>()
            .ok()
            .and_then(|n| BusinessType::ALL.get(n))
        {
            i.business_type = *t;
        }
    });
    let on_country = edit(|i, v| {
        if let Some((country, _, currency)) = COUNTRIES.iter().find(|c| c.1 == v) {
            i.country = *country;
            i.currency = *currency;
        }
    });

    let types = BusinessType::ALL.iter().enumerate().map(|(n, t)| {
        html! { <option value={n.to_string()} selected={*t == input.business_type}>{ business_label(*t) }</option> }
    });
    let countries = COUNTRIES.iter().map(|(country, value, _)| {
        html! { <option value={*value} selected={*country == input.country}>{ country_label(*country) }</option> }
    });
    let suggestion = ShopCode::suggest(&input.name);

    html! {
        <form id={props.form_id.clone()} class="form shop-form" {onsubmit} novalidate=true>
            <ErrorBanner message={errors.banner().map(|m| AttrValue::from(m.to_owned()))} />
            <div class="field">
                <label for="shop-name">{ t("shop-name") }</label>
                <input id="shop-name" type="text" autocomplete="off" value={input.name.clone()}
                    aria-invalid={errors.invalid("name")}
                    oninput={move |e: InputEvent| on_name(input_text(&e))} />
                { field_error(&errors, "name") }
            </div>
            <div class="field">
                <label for="shop-code">{ t("shop-code") }</label>
                <input id="shop-code" type="text" autocomplete="off" value={input.code.clone()}
                    placeholder={if suggestion.is_empty() { "mama-mboga".to_owned() } else { suggestion }}
                    aria-invalid={errors.invalid("code")}
                    oninput={move |e: InputEvent| on_code(input_text(&e))} />
                <div class="hint">{ t("shop-code-hint") }</div>
                { field_error(&errors, "code") }
            </div>
            <div class="field-row">
                <div class="field">
                    <label for="business-type">{ t("shop-business-type") }</label>
                    <select id="business-type" onchange={move |e: Event| on_type(select_value(&e))}>
                        { for types }
                    </select>
                    { field_error(&errors, "business_type") }
                </div>
                <div class="field">
                    <label for="shop-country">{ t("shop-country") }</label>
                    <select id="shop-country" onchange={move |e: Event| on_country(select_value(&e))}>
                        { for countries }
                    </select>
                    <div class="hint">{ t_args("shop-prices-in", &[("currency", input.currency.code())]) }</div>
                    { field_error(&errors, "country") }
                    { field_error(&errors, "currency") }
                </div>
            </div>
            { owner_fields }
            <div class="actions">
                <button type="submit" id={props.submit_id.clone()} class="primary" disabled={*busy}>
                    { props.submit_label.clone() }
                </button>
            </div>
        </form>
    }
}
