//! The Export window (its own native window, opened from Settings → Privacy):
//! the whole shop or one customer found by phone number, the native save
//! dialog (opened by the shell), a progress bar fed by the shell's
//! `export-progress` events, and the result: where the file is, its size,
//! and the rows of each kind. A closed dialog or a stop says nothing was
//! written; a full disk or an unknown number says what to do.

use crate::app::apply_theme;
use crate::components::field::{field_error, input_text, FormErrors};
use crate::i18n::{t, t_args, t_or};
use crate::ipc::{invoke, listen, Listener};
use dukadesk_domain::ipc::{
    CancelExport, CheckExport, CloseWindow, ExportOutcome, ExportProgress, ExportProgressEvent,
    ExportRequest, ExportResult, ExportScope, GetTheme, NoArgs, RunExport,
};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// Where the window is.
#[derive(Debug, Clone, PartialEq)]
enum Stage {
    /// Choosing what to export.
    Choose,
    /// Asking the shell (checking, then the save dialog, then writing).
    Running,
    /// The ZIP is saved.
    Saved(ExportResult),
}

/// "2.4 MB", "812 KB", "96 bytes".
pub fn size_text(bytes: u64) -> String {
    if bytes >= 1_000_000 {
        format!("{:.1} MB", bytes as f64 / 1_000_000.0)
    } else if bytes >= 1_000 {
        format!("{} KB", bytes / 1_000)
    } else {
        format!("{bytes} bytes")
    }
}

/// 1234567 as "1,234,567".
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A kind of record in the window's language (`orders` → "Orders"), or
/// the shell's English `label` for one the window does not know.
pub fn entity_label(name: &str, label: &str) -> String {
    t_or(&format!("export-entity-{}", name.replace('_', "-")), label)
}

/// The line under the progress bar: "Writing orders… 45%".
pub fn progress_text(p: &ExportProgress) -> String {
    let percent = (p.done.min(p.total) * 100)
        .checked_div(p.total)
        .unwrap_or(0);
    let name = entity_label(&p.name, &p.entity);
    // Mid-sentence in the languages that have capitals.
    let name = match crate::i18n::language() {
        dukadesk_domain::customer::Language::Ar => name,
        _ => name.to_lowercase(),
    };
    t_args(
        "export-writing",
        &[("name", &name), ("percent", &percent.to_string())],
    )
}

/// The Export window.
#[function_component]
pub fn ExportWindow() -> Html {
    let scope = use_state(|| ExportScope::Shop);
    let phone = use_state(String::new);
    let errors = use_state(FormErrors::default);
    let stage = use_state(|| Stage::Choose);
    let notice = use_state(|| None::<String>);
    let progress = use_state(|| None::<ExportProgress>);
    let listener: Rc<RefCell<Option<Listener>>> = use_mut_ref(|| None);

    // The main window's theme, and the shell's progress events.
    {
        let (progress, listener) = (progress.clone(), listener.clone());
        use_effect_with((), move |_| {
            let held = listener.clone();
            spawn_local(async move {
                if let Ok(theme) = invoke::<GetTheme>(&NoArgs {}).await {
                    apply_theme(theme);
                }
                let on = move |p: ExportProgress| progress.set(Some(p));
                if let Ok(l) = listen::<ExportProgressEvent>(on).await {
                    *held.borrow_mut() = Some(l);
                }
            });
            move || drop(listener.borrow_mut().take())
        });
    }

    let on_scope = |value: ExportScope| {
        let (scope, errors) = (scope.clone(), errors.clone());
        Callback::from(move |_: Event| {
            scope.set(value);
            errors.set(FormErrors::default());
        })
    };
    let on_phone = {
        let (phone, errors) = (phone.clone(), errors.clone());
        Callback::from(move |e: InputEvent| {
            phone.set(input_text(&e));
            let mut cleared = (*errors).clone();
            cleared.clear_field("phone");
            errors.set(cleared);
        })
    };
    let on_start = {
        let (scope, phone, errors, stage, notice, progress) = (
            scope.clone(),
            phone.clone(),
            errors.clone(),
            stage.clone(),
            notice.clone(),
            progress.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *stage == Stage::Running {
                return;
            }
            let req = ExportRequest {
                scope: *scope,
                phone: (*phone).clone(),
            };
            let (errors, stage, notice, progress) = (
                errors.clone(),
                stage.clone(),
                notice.clone(),
                progress.clone(),
            );
            notice.set(None);
            errors.set(FormErrors::default());
            progress.set(None);
            stage.set(Stage::Running);
            spawn_local(async move {
                // An unknown number is refused here, before the dialog.
                if let Err(e) = invoke::<CheckExport>(&req).await {
                    errors.set(FormErrors::from_ipc(e, &["phone"]));
                    stage.set(Stage::Choose);
                    return;
                }
                match invoke::<RunExport>(&req).await {
                    Ok(ExportOutcome::Saved(result)) => stage.set(Stage::Saved(result)),
                    Ok(ExportOutcome::NothingWritten { message }) => {
                        notice.set(Some(message));
                        stage.set(Stage::Choose);
                    }
                    Err(e) => {
                        errors.set(FormErrors::from_ipc(e, &["phone"]));
                        stage.set(Stage::Choose);
                    }
                }
            });
        })
    };
    let on_stop = Callback::from(|_: MouseEvent| {
        spawn_local(async {
            let _ = invoke::<CancelExport>(&NoArgs {}).await;
        });
    });
    let on_close = Callback::from(|_: MouseEvent| {
        spawn_local(async {
            let _ = invoke::<CloseWindow>(&NoArgs {}).await;
        });
    });
    let on_again = {
        let (stage, progress) = (stage.clone(), progress.clone());
        Callback::from(move |_: MouseEvent| {
            progress.set(None);
            stage.set(Stage::Choose);
        })
    };

    let running = *stage == Stage::Running;
    let body = match &*stage {
        Stage::Saved(result) => saved(result, on_again, on_close.clone()),
        _ => html! {
            <form id="export-form" class="form" onsubmit={on_start} novalidate=true>
                <fieldset class="export-scopes" disabled={running}>
                    <legend class="sr-only">{ t("export-what") }</legend>
                    <label class={classes!("export-scope", (*scope == ExportScope::Shop).then_some("selected"))}>
                        <input type="radio" name="scope" id="export-scope-shop"
                            checked={*scope == ExportScope::Shop}
                            onchange={on_scope(ExportScope::Shop)} />
                        <span class="export-scope-text">
                            <span class="export-scope-title">{ t("export-shop") }</span>
                            <span class="hint">{ t("export-shop-hint") }</span>
                        </span>
                    </label>
                    <label class={classes!("export-scope", (*scope == ExportScope::Customer).then_some("selected"))}>
                        <input type="radio" name="scope" id="export-scope-customer"
                            checked={*scope == ExportScope::Customer}
                            onchange={on_scope(ExportScope::Customer)} />
                        <span class="export-scope-text">
                            <span class="export-scope-title">{ t("export-customer") }</span>
                            <span class="hint">{ t("export-customer-hint") }</span>
                        </span>
                    </label>
                    if *scope == ExportScope::Customer {
                        <div class="field export-phone">
                            <label for="export-phone">{ t("export-phone") }</label>
                            <input type="text" id="export-phone" inputmode="tel" autocomplete="off"
                                placeholder="0712 345 678"
                                value={(*phone).clone()} oninput={on_phone}
                                aria-invalid={errors.invalid("phone")} />
                            { field_error(&errors, "phone") }
                        </div>
                    }
                </fieldset>
                if let Some(message) = errors.banner() {
                    <div class="banner error" role="alert" id="export-error">{ message.to_owned() }</div>
                }
                if let Some(message) = &*notice {
                    <div class="banner info" role="status" id="export-notice">{ message.clone() }</div>
                }
                if running {
                    <div class="export-running" aria-live="polite">
                        <progress id="export-progress" class="export-progress"
                            max={progress.as_ref().map_or(1, |p| p.total.max(1)).to_string()}
                            value={progress.as_ref().map(|p| p.done.to_string())}>
                        </progress>
                        <p class="hint" id="export-progress-text">
                            { progress.as_ref().map_or_else(|| t("export-choosing"), progress_text) }
                        </p>
                    </div>
                }
                <div class="actions export-actions">
                    if running {
                        <button type="button" id="export-stop" class="secondary" onclick={on_stop}>{ t("export-stop") }</button>
                    } else {
                        <button type="button" id="export-close" class="ghost" onclick={on_close}>{ t("export-close") }</button>
                        <button type="submit" id="export-start" class="primary">{ t("export-start") }</button>
                    }
                </div>
            </form>
        },
    };
    html! {
        <div class="export-window">
            <header class="export-head">
                <h1>{ t("export-title") }</h1>
                <p class="muted">{ t("export-intro") }</p>
            </header>
            <section class="card export-card">{ body }</section>
        </div>
    }
}

/// The result: where, how big, how many rows of each kind.
fn saved(
    result: &ExportResult,
    on_again: Callback<MouseEvent>,
    on_close: Callback<MouseEvent>,
) -> Html {
    html! {
        <div id="export-result" class="export-result">
            <div class="banner ok" role="status">{ t("export-saved") }</div>
            <dl class="facts">
                <dt>{ t("export-file") }</dt><dd id="export-path" class="path">{ result.path.clone() }</dd>
                <dt>{ t("export-size") }</dt><dd id="export-size">{ size_text(result.bytes) }</dd>
                <dt>{ t("export-rows") }</dt><dd id="export-rows">{ t_args("export-rows-all", &[("total", &grouped(result.rows))]) }</dd>
            </dl>
            <ul class="export-counts" aria-label={t("export-rows-each")}>
                { for result.entities.iter().map(|e| html! {
                    <li data-entity={e.name.clone()} class={classes!((e.rows == 0).then_some("none"))}>
                        <span>{ entity_label(&e.name, &e.label) }</span>
                        <span class="num">{ grouped(e.rows) }</span>
                    </li>
                }) }
            </ul>
            <div class="actions export-actions">
                <button type="button" id="export-again" class="ghost" onclick={on_again}>{ t("export-again") }</button>
                <button type="button" id="export-done" class="primary" onclick={on_close}>{ t("export-done") }</button>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_rows_and_progress_read_well() {
        assert_eq!(size_text(96), "96 bytes");
        assert_eq!(size_text(812_400), "812 KB");
        assert_eq!(size_text(2_412_000), "2.4 MB");
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(1_234_567), "1,234,567");
        let p = ExportProgress {
            name: "orders".into(),
            entity: "Orders".into(),
            done: 45,
            total: 100,
        };
        assert_eq!(progress_text(&p), "Writing orders… 45%");
        let empty = ExportProgress {
            name: "orders".into(),
            entity: "Orders".into(),
            done: 0,
            total: 0,
        };
        assert_eq!(progress_text(&empty), "Writing orders… 0%");
    }
}
