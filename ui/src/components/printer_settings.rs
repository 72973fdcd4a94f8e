//! Settings, Printer: this till's receipt printer (network, USB or serial,
//! or a printer shared on Windows), the roll's width, printing by itself
//! when a sale is paid, the cash drawer, and a test page on the printer as
//! typed before it is saved; and what the shop scale's labels carry.

use crate::components::banner::ErrorBanner;
use crate::components::field::{
    checkbox_checked, field_error, input_text, select_value, FormErrors,
};
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
                <h2 id="printer-title">{ "Receipt printer" }</h2>
                <p class="muted">{ "Loading…" }</p>
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
                        notify.emit("Printer settings saved.".into());
                    }
                    Err(e) => errors.set(FormErrors::from_ipc(e, &["address", "path"])),
                }
            });
        })
    };
    let kinds = [
        ("none", "No printer (receipts by WhatsApp only)"),
        ("network", "Network printer (Wi-Fi or cable to the router)"),
        ("device", "USB or serial printer on this computer"),
    ]
    .into_iter()
    .map(
        |(value, label)| html! { <option {value} selected={form.kind == value}>{ label }</option> },
    );
    let widths = [("80", PaperWidth::Mm80), ("58", PaperWidth::Mm58)]
        .into_iter()
        .map(|(value, w)| {
            html! { <option {value} selected={form.width == w}>{ format!("{} roll ({} characters)", w.label(), w.columns()) }</option> }
        });
    let scales = ScaleLabels::ALL.into_iter().map(|s| {
        html! { <option value={s.key()} selected={form.scale_labels == s}>{ s.label() }</option> }
    });
    let printer = form.kind != "none";
    html! {
        <section class="card" aria-labelledby="printer-title">
            <h2 id="printer-title">{ "Receipt printer" }</h2>
            <form id="printer-form" class="form" {onsubmit} novalidate=true>
                <ErrorBanner message={errors.banner().map(|m| AttrValue::from(m.to_owned()))} />
                <div class="field">
                    <label for="printer-kind">{ "Printer" }</label>
                    <select id="printer-kind" onchange={move |e: Event| on_kind(select_value(&e))}>
                        { for kinds }
                    </select>
                </div>
                if form.kind == "network" {
                    <div class="field">
                        <label for="printer-address">{ "Printer's address" }</label>
                        <input id="printer-address" type="text" autocomplete="off" spellcheck="false"
                            placeholder="192.168.1.50" value={form.address.clone()}
                            aria-invalid={errors.invalid("address")}
                            oninput={move |e: InputEvent| on_address(input_text(&e))} />
                        <p class="hint">{ "Hold the feed button while switching the printer on: the page it prints shows its IP address. Port 9100 unless you add another (192.168.1.50:9101)." }</p>
                        { field_error(&errors, "address") }
                    </div>
                }
                if form.kind == "device" {
                    <div class="field">
                        <label for="printer-path">{ "Printer's port" }</label>
                        <input id="printer-path" type="text" autocomplete="off" spellcheck="false"
                            placeholder="COM3" value={form.path.clone()}
                            aria-invalid={errors.invalid("path")}
                            oninput={move |e: InputEvent| on_path(input_text(&e))} />
                        <p class="hint">{ "Windows: the COM port in Device Manager, or a shared printer as \\\\localhost\\POS58. Linux: /dev/usb/lp0 (USB) or /dev/ttyUSB0 (serial)." }</p>
                        { field_error(&errors, "path") }
                    </div>
                }
                if printer {
                    <div class="field">
                        <label for="printer-width">{ "Paper" }</label>
                        <select id="printer-width" onchange={move |e: Event| on_width(select_value(&e))}>
                            { for widths }
                        </select>
                    </div>
                    <label class="check">
                        <input type="checkbox" id="printer-auto" checked={form.auto_print}
                            onchange={move |e: Event| on_auto(if checkbox_checked(&e) { "on".into() } else { String::new() })} />
                        { " Print a receipt when a sale at this till is paid (r prints one any time)" }
                    </label>
                    <label class="check">
                        <input type="checkbox" id="printer-drawer" checked={form.cash_drawer}
                            onchange={move |e: Event| on_drawer(if checkbox_checked(&e) { "on".into() } else { String::new() })} />
                        { " Open the cash drawer on cash sales (drawer cabled to the printer)" }
                    </label>
                }
                <div class="field">
                    <label for="scale-labels">{ "Scale labels carry" }</label>
                    <select id="scale-labels" onchange={move |e: Event| on_scale(select_value(&e))}>
                        { for scales }
                    </select>
                    <p class="hint">{ "For labels printed by the shop's scale (13 digits starting 20 to 29): give each weighed item its first 7 digits as its Barcode in the Catalogue, e.g. 2001234." }</p>
                </div>
                if let Some(message) = (*tested).clone() {
                    <div id="printer-tested" class="banner ok" role="status">{ message }</div>
                }
                <div class="actions">
                    if printer {
                        <button type="button" id="printer-test" class="secondary" disabled={*busy} onclick={on_test}>
                            { if *busy { "Printing…" } else { "Print test page" } }
                        </button>
                    }
                    <button type="submit" id="printer-save">{ "Save printer" }</button>
                </div>
            </form>
        </section>
    }
}
