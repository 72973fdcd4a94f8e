//! Settings, Printer: this till's receipt printer (network, USB or serial,
//! or a printer shared on Windows), the roll's width, printing by itself
//! when a sale is paid, the cash drawer, and a test page on the printer as
//! typed before it is saved; and what the shop scale's labels carry.

use crate::components::banner::ErrorBanner;
use crate::components::field::{
    checkbox_checked, field_error, input_text, select_value, FormErrors,
};
use crate::i18n::{t, t_count};
use crate::ipc::invoke;
use dukadesk_domain::barcode::ScaleLabels;
use dukadesk_domain::ipc::{GetPrinterSettings, NoArgs, PrintTestPage, SavePrinterSettingsCmd};
use dukadesk_domain::receipt::{PaperWidth, PrinterConnection, PrinterSettings};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// The form as typed: both addresses are kept while the kind changes.
#[derive(Debug, Clone, PartialEq, Default)]
struct Draft {
    kind: &'static str,
    address: String,
    path: String,
    width: PaperWidth,
    auto_print: bool,
    cash_drawer: bool,
    scale_labels: ScaleLabels,
}

impl Draft {
    fn from_settings(s: &PrinterSettings) -> Self {
        let mut d = Draft {
            kind: "none",
            width: s.width,
            auto_print: s.auto_print,
            cash_drawer: s.cash_drawer,
            scale_labels: s.scale_labels,
            ..Draft::default()
        };
        match &s.connection {
            PrinterConnection::None => {}
            PrinterConnection::Network { address } => {
                d.kind = "network";
                d.address = address.clone();
            }
            PrinterConnection::Device { path } => {
                d.kind = "device";
                d.path = path.clone();
            }
        }
        d
    }

    fn settings(&self) -> PrinterSettings {
        PrinterSettings {
            connection: match self.kind {
                "network" => PrinterConnection::Network {
                    address: self.address.trim().to_owned(),
                },
                "device" => PrinterConnection::Device {
                    path: self.path.trim().to_owned(),
                },
                _ => PrinterConnection::None,
            },
            width: self.width,
            auto_print: self.auto_print,
            cash_drawer: self.cash_drawer,
            scale_labels: self.scale_labels,
        }
    }
}

/// What the shop scale's labels carry, as the select shows it.
fn scale_label(labels: ScaleLabels) -> String {
    match labels {
        ScaleLabels::PriceWhole => t("printer-scale-price-whole"),
        ScaleLabels::PriceCents => t("printer-scale-price-cents"),
        ScaleLabels::WeightGrams => t("printer-scale-weight-grams"),
    }
}

/// Props of [`PrinterSettingsCard`].
#[derive(Properties, PartialEq)]
pub struct PrinterSettingsProps {
    /// Shows a success toast.
    pub notify: Callback<String>,
}

/// The Printer card.
#[function_component]
pub fn PrinterSettingsCard(props: &PrinterSettingsProps) -> Html {
    let draft = use_state(|| None::<Draft>);
    let errors = use_state(FormErrors::default);
    let tested = use_state(|| None::<String>);
    let busy = use_state(|| false);
    {
        let (draft, errors) = (draft.clone(), errors.clone());
        use_effect_with((), move |_| {
            spawn_local(async move {
                match invoke::<GetPrinterSettings>(&NoArgs {}).await {
                    Ok(s) => draft.set(Some(Draft::from_settings(&s))),
                    Err(e) => {
                        draft.set(Some(Draft::from_settings(&PrinterSettings::default())));
                        errors.set(FormErrors::banner_only(e.message));
                    }
                }
            });
        });
    }
    let Some(form) = (*draft).clone() else {
        return html! {
            <section class="card" aria-labelledby="printer-title">
                <h2 id="printer-title">{ t("printer-title") }</h2>
                <p class="muted">{ t("printer-loading") }</p>
            </section>
        };
    };
    let edit = |f: fn(&mut Draft, String)| {
        let (draft, form, errors, tested) =
            (draft.clone(), form.clone(), errors.clone(), tested.clone());
        move |value: String| {
            let mut next = form.clone();
            f(&mut next, value);
            draft.set(Some(next));
            let mut e = (*errors).clone();
            e.clear_field("address");
            e.clear_field("path");
            errors.set(e);
            tested.set(None);
        }
    };
    let on_kind = edit(|d, v| {
        d.kind = match v.as_str() {
            "network" => "network",
            "device" => "device",
            _ => "none",
        }
    });
    let on_address = edit(|d, v| d.address = v);
    let on_path = edit(|d, v| d.path = v);
    let on_width = edit(|d, v| {
        d.width = if v == "58" {
            PaperWidth::Mm58
        } else {
            PaperWidth::Mm80
        }
    });
    let on_auto = edit(|d, v| d.auto_print = v == "on");
    let on_drawer = edit(|d, v| d.cash_drawer = v == "on");
    let on_scale = edit(|d, v| d.scale_labels = ScaleLabels::from_key(&v).unwrap_or_default());

    let check = {
        let errors = errors.clone();
        move |settings: &PrinterSettings| {
            let problems = settings.validate();
            if problems.is_empty() {
                true
            } else {
                errors.set(FormErrors::from_fields(problems));
                false
            }
        }
    };
    let on_test = {
        let (form, errors, tested, busy, check) = (
            form.clone(),
            errors.clone(),
            tested.clone(),
            busy.clone(),
            check.clone(),
        );
        Callback::from(move |_| {
            let settings = form.settings();
            if !check(&settings) {
                return;
            }
            let (errors, tested, busy) = (errors.clone(), tested.clone(), busy.clone());
            busy.set(true);
            tested.set(None);
            spawn_local(async move {
                match invoke::<PrintTestPage>(&settings).await {
                    Ok(printed) => {
                        errors.set(FormErrors::default());
                        tested.set(Some(printed.message));
                    }
                    Err(e) => errors.set(FormErrors::from_ipc(e, &["address", "path"])),
                }
                busy.set(false);
            });
        })
    };
    let onsubmit = {
        let (form, draft, errors, notify, check) = (
            form.clone(),
            draft.clone(),
            errors.clone(),
            props.notify.clone(),
            check,
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let settings = form.settings();
            if !check(&settings) {
                return;
            }
            let (draft, errors, notify) = (draft.clone(), errors.clone(), notify.clone());
            spawn_local(async move {
                match invoke::<SavePrinterSettingsCmd>(&settings).await {
                    Ok(saved) => {
                        errors.set(FormErrors::default());
                        draft.set(Some(Draft::from_settings(&saved)));
                        notify.emit(t("printer-saved"));
                    }
                    Err(e) => errors.set(FormErrors::from_ipc(e, &["address", "path"])),
                }
            });
        })
    };
    let kinds = [
        ("none", t("printer-kind-none")),
        ("network", t("printer-kind-network")),
        ("device", t("printer-kind-device")),
    ]
    .into_iter()
    .map(
        |(value, label)| html! { <option {value} selected={form.kind == value}>{ label }</option> },
    );
    let widths = [("80", PaperWidth::Mm80), ("58", PaperWidth::Mm58)]
        .into_iter()
        .map(|(value, w)| {
            html! { <option {value} selected={form.width == w}>{ t_count("printer-width", w.columns(), &[("name", w.label())]) }</option> }
        });
    let scales = ScaleLabels::ALL.into_iter().map(|s| {
        html! { <option value={s.key()} selected={form.scale_labels == s}>{ scale_label(s) }</option> }
    });
    let printer = form.kind != "none";
    html! {
        <section class="card" aria-labelledby="printer-title">
            <h2 id="printer-title">{ t("printer-title") }</h2>
            <form id="printer-form" class="form" {onsubmit} novalidate=true>
                <ErrorBanner message={errors.banner().map(|m| AttrValue::from(m.to_owned()))} />
                <div class="field">
                    <label for="printer-kind">{ t("printer-kind") }</label>
                    <select id="printer-kind" onchange={move |e: Event| on_kind(select_value(&e))}>
                        { for kinds }
                    </select>
                </div>
                if form.kind == "network" {
                    <div class="field">
                        <label for="printer-address">{ t("printer-address") }</label>
                        <input id="printer-address" type="text" autocomplete="off" spellcheck="false"
                            placeholder="192.168.1.50" value={form.address.clone()}
                            aria-invalid={errors.invalid("address")}
                            oninput={move |e: InputEvent| on_address(input_text(&e))} />
                        <p class="hint">{ t("printer-address-hint") }</p>
                        { field_error(&errors, "address") }
                    </div>
                }
                if form.kind == "device" {
                    <div class="field">
                        <label for="printer-path">{ t("printer-path") }</label>
                        <input id="printer-path" type="text" autocomplete="off" spellcheck="false"
                            placeholder="COM3" value={form.path.clone()}
                            aria-invalid={errors.invalid("path")}
                            oninput={move |e: InputEvent| on_path(input_text(&e))} />
                        <p class="hint">{ t("printer-path-hint") }</p>
                        { field_error(&errors, "path") }
                    </div>
                }
                if printer {
                    <div class="field">
                        <label for="printer-width">{ t("printer-width-label") }</label>
                        <select id="printer-width" onchange={move |e: Event| on_width(select_value(&e))}>
                            { for widths }
                        </select>
                    </div>
                    <label class="check">
                        <input type="checkbox" id="printer-auto" checked={form.auto_print}
                            onchange={move |e: Event| on_auto(if checkbox_checked(&e) { "on".into() } else { String::new() })} />
                        { format!(" {}", t("printer-auto")) }
                    </label>
                    <label class="check">
                        <input type="checkbox" id="printer-drawer" checked={form.cash_drawer}
                            onchange={move |e: Event| on_drawer(if checkbox_checked(&e) { "on".into() } else { String::new() })} />
                        { format!(" {}", t("printer-drawer")) }
                    </label>
                }
                <div class="field">
                    <label for="scale-labels">{ t("printer-scale") }</label>
                    <select id="scale-labels" onchange={move |e: Event| on_scale(select_value(&e))}>
                        { for scales }
                    </select>
                    <p class="hint">{ t("printer-scale-hint") }</p>
                </div>
                if let Some(message) = (*tested).clone() {
                    <div id="printer-tested" class="banner ok" role="status">{ message }</div>
                }
                <div class="actions">
                    if printer {
                        <button type="button" id="printer-test" class="secondary" disabled={*busy} onclick={on_test}>
                            { if *busy { t("printer-printing") } else { t("printer-test") } }
                        </button>
                    }
                    <button type="submit" id="printer-save">{ t("printer-save") }</button>
                </div>
            </form>
        </section>
    }
}
