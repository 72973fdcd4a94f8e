//! Reports → the day in one message: today's summary as the owner would
//! read it on WhatsApp (sales against yesterday, how the money came in,
//! best sellers, what runs low, what waits for staff), and the owner's
//! number it goes to at closing time, in the language the owner picks.

use crate::components::chat_text::ChatText;
use crate::components::field::{field_error, input_text, select_value, FormErrors};
use crate::i18n::{t, t_args};
use crate::ipc::invoke;
use dukadesk_domain::customer::Language;
use dukadesk_domain::ipc::{
    DaySummaryView, GetDaySummary, NoArgs, SetSummaryDelivery, SetSummaryDeliveryCmd,
};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// Props of [`DaySummaryCard`].
#[derive(Properties, PartialEq)]
pub struct DaySummaryCardProps {
    /// Shows a success toast.
    pub notify: Callback<String>,
}

/// What the card says about sending, for the state it is in.
pub fn sending_line(view: &DaySummaryView) -> String {
    match (view.send_to.is_empty(), view.whatsapp_linked) {
        (true, _) => t("summary-not-sent"),
        (false, true) => t_args("summary-sent-to", &[("number", &view.send_to)]),
        (false, false) => t_args("summary-to-be-sent", &[("number", &view.send_to)]),
    }
}

/// The card.
#[function_component]
pub fn DaySummaryCard(props: &DaySummaryCardProps) -> Html {
    let view = use_state(|| None::<DaySummaryView>);
    let form = use_state(SetSummaryDelivery::default);
    let errors = use_state(FormErrors::default);
    let busy = use_state(|| false);
    {
        let (view, form) = (view.clone(), form.clone());
        use_effect_with((), move |_| {
            spawn_local(async move {
                if let Ok(v) = invoke::<GetDaySummary>(&NoArgs {}).await {
                    form.set(SetSummaryDelivery {
                        number: v.send_to.clone(),
                        language: v.language,
                    });
                    view.set(Some(v));
                }
            });
        });
    }
    let onsubmit = {
        let (view, form, errors, busy) = (view.clone(), form.clone(), errors.clone(), busy.clone());
        let notify = props.notify.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            busy.set(true);
            let req = (*form).clone();
            let (view, errors, busy, notify) =
                (view.clone(), errors.clone(), busy.clone(), notify.clone());
            spawn_local(async move {
                match invoke::<SetSummaryDeliveryCmd>(&req).await {
                    Ok(v) => {
                        errors.set(FormErrors::default());
                        notify.emit(if v.send_to.is_empty() {
                            t("summary-stopped")
                        } else {
                            t("summary-will-be-sent")
                        });
                        view.set(Some(v));
                    }
                    Err(e) => errors.set(FormErrors::from_ipc(e, &["summary_number"])),
                }
                busy.set(false);
            });
        })
    };
    let on_number = {
        let form = form.clone();
        move |e: InputEvent| {
            let mut next = (*form).clone();
            next.number = input_text(&e);
            form.set(next);
        }
    };
    let on_language = {
        let form = form.clone();
        move |e: Event| {
            let mut next = (*form).clone();
            next.language = Language::from_code(&select_value(&e)).unwrap_or_default();
            form.set(next);
        }
    };
    let Some(v) = &*view else {
        return html! {
            <section class="card day-summary"><p class="muted">{ t("summary-adding-up") }</p></section>
        };
    };
    html! {
        <section class="card day-summary" id="day-summary" aria-labelledby="day-summary-title">
            <h2 id="day-summary-title">{ t("summary-title") }</h2>
            // As WhatsApp shows it: *bold* drawn bold, lines kept.
            <div id="day-summary-text" class="summary-text"><ChatText text={v.text.clone()} /></div>
            <p id="day-summary-sending" class="muted">{ sending_line(v) }</p>
            if let Some(message) = errors.banner() {
                <div class="banner error" role="alert">{ message.to_owned() }</div>
            }
            <form class="form" id="day-summary-form" {onsubmit} novalidate=true>
                <div class="field-row summary-row">
                <div class="field">
                    <label for="summary-number">{ t("summary-number") }</label>
                    <input id="summary-number" type="tel" autocomplete="tel" placeholder="0712 345 678"
                        value={form.number.clone()} aria-invalid={errors.invalid("summary_number")}
                        oninput={on_number} />
                    { field_error(&errors, "summary_number") }
                </div>
                <div class="field">
                    <label for="summary-language">{ t("summary-language") }</label>
                    <select id="summary-language" onchange={on_language}>
                        { for Language::ALL.into_iter().map(|l| html! {
                            <option value={l.code()} selected={form.language == l}>{ l.own_name() }</option>
                        }) }
                    </select>
                </div>
                <div class="actions">
                    <button type="submit" id="summary-save" class="secondary" disabled={*busy}>{ t("summary-save") }</button>
                </div>
                </div>
            </form>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dukadesk_domain::money::Currency;
    use dukadesk_domain::report::Tally;
    use dukadesk_domain::summary::DaySummary;

    fn view(send_to: &str, linked: bool) -> DaySummaryView {
        let zero = Tally::zero(Currency::KES);
        DaySummaryView {
            summary: DaySummary {
                shop_name: "Duka".into(),
                day: chrono::NaiveDate::from_ymd_opt(2026, 12, 7).expect("day"),
                sales: zero,
                previous: zero,
                by_payment: Vec::new(),
                top_items: Vec::new(),
                low_stock: Vec::new(),
                to_settle: 0,
                awaiting_payment: zero,
                to_refund: zero,
                refunded: None,
            },
            text: String::new(),
            send_to: send_to.into(),
            language: Language::En,
            whatsapp_linked: linked,
        }
    }

    #[test]
    fn the_card_says_whether_and_where_it_is_sent() {
        assert!(sending_line(&view("", true)).starts_with("Not sent"));
        assert!(sending_line(&view("254722000333", true)).contains("+254722000333 every day"));
        assert!(sending_line(&view("254722000333", false)).contains("once WhatsApp is linked"));
    }
}
