//! Delivery zones in settings: the list (click one to edit it) and a form
//! for a new or edited zone, checked with `ZoneInput::validate` before
//! `SaveZone`.

use crate::components::banner::ErrorBanner;
use crate::components::field::{checkbox_checked, field_error, FormErrors};
use crate::i18n::{t, t_args};
use crate::ipc::invoke;
use dukadesk_domain::ipc::{SaveZone, ShopView};
use dukadesk_domain::shop::{DeliveryZone, ZoneInput};
use dukadesk_domain::{Currency, ZoneId};
use uuid::Uuid;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

const FIELDS: &[&str] = &["name", "fee", "active"];

fn new_zone() -> ZoneInput {
    ZoneInput {
        active: true,
        ..ZoneInput::default()
    }
}

fn edit_zone(zone: &DeliveryZone) -> ZoneInput {
    ZoneInput {
        id: Some(zone.id),
        name: zone.name.clone(),
        fee: zone.fee.amount_text().replace(',', ""),
        active: zone.active,
    }
}

/// Props of [`ZoneEditor`].
#[derive(Properties, PartialEq)]
pub struct ZoneEditorProps {
    /// Zones, active first.
    pub zones: Vec<DeliveryZone>,
    /// The shop's currency.
    pub currency: Currency,
    /// Called with the shop after a save.
    pub on_saved: Callback<ShopView>,
}

/// The zones card.
#[function_component]
pub fn ZoneEditor(props: &ZoneEditorProps) -> Html {
    let input = use_state(new_zone);
    let errors = use_state(FormErrors::default);
    let busy = use_state(|| false);

    let onsubmit = {
        let (input, errors, busy) = (input.clone(), errors.clone(), busy.clone());
        let (currency, on_saved) = (props.currency, props.on_saved.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            // The id only matters to the store; a placeholder checks a new zone.
            let id = input.id.unwrap_or(ZoneId(Uuid::nil()));
            if let Err(fields) = input.validate(id, currency) {
                return errors.set(FormErrors::from_fields(fields));
            }
            errors.set(FormErrors::default());
            busy.set(true);
            let req = (*input).clone();
            let (input, errors, busy, on_saved) = (
                input.clone(),
                errors.clone(),
                busy.clone(),
                on_saved.clone(),
            );
            spawn_local(async move {
                match invoke::<SaveZone>(&req).await {
                    Ok(view) => {
                        input.set(new_zone());
                        on_saved.emit(view);
                    }
                    Err(err) => errors.set(FormErrors::from_ipc(err, FIELDS)),
                }
                busy.set(false);
            });
        })
    };
    let edit = |f: fn(&mut ZoneInput, &Event)| {
        let input = input.clone();
        Callback::from(move |e: Event| {
            let mut next = (*input).clone();
            f(&mut next, &e);
            input.set(next);
        })
    };
    let on_name = edit(|z, e| z.name = event_text(e));
    let on_fee = edit(|z, e| z.fee = event_text(e));
    let on_active = edit(|z, e| z.active = checkbox_checked(e));
    let on_new = {
        let (input, errors) = (input.clone(), errors.clone());
        Callback::from(move |_| {
            input.set(new_zone());
            errors.set(FormErrors::default());
        })
    };

    html! {
        <section class="card zones" aria-labelledby="zones-title">
            <h2 id="zones-title">{ t("settings-section-delivery") }</h2>
            <ZoneList zones={props.zones.clone()} editing={input.id} on_pick={{
                let (input, errors) = (input.clone(), errors.clone());
                Callback::from(move |z: DeliveryZone| {
                    input.set(edit_zone(&z));
                    errors.set(FormErrors::default());
                })
            }} />
            <form id="zone-form" class="form" {onsubmit} novalidate=true>
                <h3>{ if input.id.is_some() { t("zone-edit") } else { t("zone-new") } }</h3>
                <ErrorBanner message={errors.banner().map(|m| AttrValue::from(m.to_owned()))} />
                <div class="field-row">
                    <div class="field">
                        <label for="zone-name">{ t("zone-area") }</label>
                        <input id="zone-name" type="text" autocomplete="off" placeholder={t("zone-area-placeholder")}
                            value={input.name.clone()} aria-invalid={errors.invalid("name")}
                            oninput={on_name.reform(|e: InputEvent| e.into())} />
                        { field_error(&errors, "name") }
                    </div>
                    <div class="field">
                        <label for="zone-fee">{ t_args("zone-fee", &[("currency", props.currency.code())]) }</label>
                        <input id="zone-fee" type="text" inputmode="decimal" autocomplete="off" placeholder="150"
                            value={input.fee.clone()} aria-invalid={errors.invalid("fee")}
                            oninput={on_fee.reform(|e: InputEvent| e.into())} />
                        { field_error(&errors, "fee") }
                    </div>
                </div>
                <label class="check">
                    <input id="zone-active" type="checkbox" checked={input.active} onchange={on_active} />
                    { t("zone-active") }
                </label>
                <div class="actions">
                    <button type="submit" id="zone-save" class="primary" disabled={*busy}>{ t("zone-save") }</button>
                    if input.id.is_some() {
                        <button type="button" id="zone-new" class="ghost" onclick={on_new}>{ t("zone-new") }</button>
                    }
                </div>
            </form>
        </section>
    }
}

/// The text of the input an event came from.
fn event_text(e: &Event) -> String {
    use wasm_bindgen::JsCast;
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|i| i.value())
        .unwrap_or_default()
}

/// Props of [`ZoneList`].
#[derive(Properties, PartialEq)]
struct ZoneListProps {
    zones: Vec<DeliveryZone>,
    editing: Option<ZoneId>,
    on_pick: Callback<DeliveryZone>,
}

/// The zones, each a button that edits it.
#[function_component]
fn ZoneList(props: &ZoneListProps) -> Html {
    if props.zones.is_empty() {
        return html! { <p class="muted">{ t("zones-empty") }</p> };
    }
    let rows = props.zones.iter().map(|z| {
        let on_pick = props.on_pick.clone();
        let zone = z.clone();
        let class = classes!(
            "zone-row",
            (!z.active).then_some("inactive"),
            (props.editing == Some(z.id)).then_some("selected")
        );
        html! {
            <li key={z.id.to_string()}>
                <button type="button" {class} data-id={z.id.to_string()} onclick={move |_| on_pick.emit(zone.clone())}>
                    <span class="zone-name">{ z.name.clone() }</span>
                    <span class="zone-fee num">{ z.fee.to_string() }</span>
                    if !z.active { <span class="badge muted">{ t("zone-inactive") }</span> }
                </button>
            </li>
        }
    });
    html! { <ul class="zone-list">{ for rows }</ul> }
}
