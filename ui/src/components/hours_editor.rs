//! Opening hours in settings: Monday to Sunday, each open or closed with its
//! opening and closing time, and whether the bot still takes orders while the
//! shop is closed. Checked with `HoursInput::validate` before `SaveHours`.

use crate::components::banner::ErrorBanner;
use crate::components::field::{checkbox_checked, field_error, input_text, FormErrors};
use crate::i18n::{t, t_args};
use crate::ipc::invoke;
use dukadesk_domain::ipc::{SaveHours, ShopView};
use dukadesk_domain::shop::{HoursInput, OpeningHours};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// The field error of each day, as `HoursInput::validate` names them.
pub const DAY_FIELDS: [&str; 7] = ["day0", "day1", "day2", "day3", "day4", "day5", "day6"];

/// Fields the form shows errors for; errors for any other field from the
/// shell go into the banner.
pub const FIELDS: &[&str] = &[
    "day0",
    "day1",
    "day2",
    "day3",
    "day4",
    "day5",
    "day6",
    "days",
    "orders_when_closed",
];

/// A day's name in the screens' language, Monday first (0).
pub fn day_name(day: usize) -> String {
    match day {
        0 => t("day-monday"),
        1 => t("day-tuesday"),
        2 => t("day-wednesday"),
        3 => t("day-thursday"),
        4 => t("day-friday"),
        5 => t("day-saturday"),
        _ => t("day-sunday"),
    }
}

/// The form for saved hours, always seven days.
pub fn draft(hours: &OpeningHours, orders_when_closed: bool) -> HoursInput {
    let mut input = HoursInput::from_hours(hours, orders_when_closed);
    input.days.resize_with(7, Default::default);
    input
}

/// The form filled from a shop.
pub fn draft_of(view: &ShopView) -> HoursInput {
    draft(&view.shop.hours, view.shop.orders_when_closed)
}

/// One change to the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HoursEdit {
    /// Ticks or clears a day's "Open".
    Open(usize, bool),
    /// Sets a day's opening time.
    From(usize, String),
    /// Sets a day's closing time.
    To(usize, String),
    /// Ticks or clears "take orders while closed".
    OrdersWhenClosed(bool),
}

impl HoursEdit {
    /// The field whose error the edit makes stale.
    pub fn field(&self) -> &'static str {
        match self {
            Self::Open(i, _) | Self::From(i, _) | Self::To(i, _) => {
                DAY_FIELDS.get(*i).copied().unwrap_or("days")
            }
            Self::OrdersWhenClosed(_) => "orders_when_closed",
        }
    }

    /// The form after the edit; a day out of range changes nothing.
    pub fn apply(self, input: &HoursInput) -> HoursInput {
        let mut next = input.clone();
        match self {
            Self::Open(i, open) => {
                if let Some(d) = next.days.get_mut(i) {
                    d.open = open;
                }
            }
            Self::From(i, from) => {
                if let Some(d) = next.days.get_mut(i) {
                    d.from = from;
                }
            }
            Self::To(i, to) => {
                if let Some(d) = next.days.get_mut(i) {
                    d.to = to;
                }
            }
            Self::OrdersWhenClosed(on) => next.orders_when_closed = on,
        }
        next
    }
}

/// Props of [`HoursEditor`].
#[derive(Properties, PartialEq)]
pub struct HoursEditorProps {
    /// The saved hours.
    pub hours: OpeningHours,
    /// Whether the bot takes orders while the shop is closed (saved).
    pub orders_when_closed: bool,
    /// Called with the shop after a save.
    pub on_saved: Callback<ShopView>,
}

/// The opening hours card.
#[function_component]
pub fn HoursEditor(props: &HoursEditorProps) -> Html {
    let saved = draft(&props.hours, props.orders_when_closed);
    let form = use_state({
        let saved = saved.clone();
        move || saved
    });
    let errors = use_state(FormErrors::default);
    let busy = use_state(|| false);

    // New saved hours (after a save, or from elsewhere) refill the form.
    {
        let form = form.clone();
        use_effect_with(saved, move |saved| {
            if *form != *saved {
                form.set(saved.clone());
            }
        });
    }

    let onsubmit = {
        let (form, errors, busy) = (form.clone(), errors.clone(), busy.clone());
        let on_saved = props.on_saved.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            if let Err(fields) = form.validate() {
                return errors.set(FormErrors::from_fields(fields));
            }
            errors.set(FormErrors::default());
            busy.set(true);
            let req = (*form).clone();
            let (form, errors, busy, on_saved) =
                (form.clone(), errors.clone(), busy.clone(), on_saved.clone());
            spawn_local(async move {
                match invoke::<SaveHours>(&req).await {
                    Ok(view) => {
                        form.set(draft_of(&view));
                        on_saved.emit(view);
                    }
                    Err(err) => errors.set(FormErrors::from_ipc(err, FIELDS)),
                }
                busy.set(false);
            });
        })
    };
    let edit = {
        let (form, errors) = (form.clone(), errors.clone());
        Callback::from(move |change: HoursEdit| {
            let field = change.field();
            form.set(change.apply(&form));
            if errors.field(field).is_some() {
                let mut e = (*errors).clone();
                e.clear_field(field);
                errors.set(e);
            }
        })
    };

    let rows = form.days.iter().enumerate().take(7).map(|(i, day)| {
        let name = day_name(i);
        let field = DAY_FIELDS[i];
        let on_open = edit.reform(move |e: Event| HoursEdit::Open(i, checkbox_checked(&e)));
        let on_from = edit.reform(move |e: InputEvent| HoursEdit::From(i, input_text(&e)));
        let on_to = edit.reform(move |e: InputEvent| HoursEdit::To(i, input_text(&e)));
        let class = classes!("hours-row", (!day.open).then_some("closed"));
        html! {
            <div {class} key={i} data-day={i.to_string()} role="group" aria-label={name.clone()}>
                <span class="hours-day">{ name.clone() }</span>
                <label class="check">
                    <input id={format!("hours-open-{i}")} type="checkbox" checked={day.open} onchange={on_open} />
                    { t("hours-open") }
                </label>
                <span class="hours-times">
                    <input id={format!("hours-from-{i}")} type="time" value={day.from.clone()}
                        disabled={!day.open} aria-label={t_args("hours-opens-at", &[("name", &name)])}
                        aria-invalid={errors.invalid(field)} oninput={on_from} />
                    <span class="hours-dash" aria-hidden="true">{ "–" }</span>
                    <input id={format!("hours-to-{i}")} type="time" value={day.to.clone()}
                        disabled={!day.open} aria-label={t_args("hours-closes-at", &[("name", &name)])}
                        aria-invalid={errors.invalid(field)} oninput={on_to} />
                </span>
                { field_error(&errors, field) }
            </div>
        }
    });
    let on_orders = edit.reform(|e: Event| HoursEdit::OrdersWhenClosed(checkbox_checked(&e)));

    html! {
        <section class="card hours" aria-labelledby="hours-title">
            <h2 id="hours-title">{ t("settings-section-hours") }</h2>
            <p class="hint">{ t("hours-hint") }</p>
            <form id="hours-form" class="form" {onsubmit} novalidate=true>
                <ErrorBanner message={errors.banner().map(|m| AttrValue::from(m.to_owned()))} />
                { field_error(&errors, "days") }
                <div class="hours-list">{ for rows }</div>
                <label class="check">
                    <input id="orders-when-closed" type="checkbox" checked={form.orders_when_closed} onchange={on_orders} />
                    { t("hours-orders-when-closed") }
                </label>
                { field_error(&errors, "orders_when_closed") }
                <div class="actions">
                    <button type="submit" id="hours-save" class="primary" disabled={*busy}>{ t("hours-save") }</button>
                </div>
            </form>
        </section>
    }
}

#[cfg(test)]
mod tests;
