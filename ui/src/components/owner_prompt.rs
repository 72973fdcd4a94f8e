//! The small window that asks for the owner password when an owner-only
//! action (payment or backend settings, people, export, deletion,
//! disconnect) was refused; on success the action is sent again
//! (`crate::ipc::invoke`). A shop with no owner password yet chooses one
//! here.

use crate::components::field::{field_error, input_text, FormErrors};
use crate::ipc::invoke;
use dukadesk_domain::ipc::{ConfirmOwner, ConfirmOwnerCmd, CreateOwner, CreateOwnerCmd};
use dukadesk_domain::people::check_owner_password;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// Props of [`OwnerPrompt`].
#[derive(Properties, PartialEq)]
pub struct OwnerPromptProps {
    /// Whether an owner password exists (else one is chosen here).
    pub password_set: bool,
    /// Called with `true` once confirmed, `false` when cancelled.
    pub on_done: Callback<bool>,
}

/// The prompt.
#[function_component]
pub fn OwnerPrompt(props: &OwnerPromptProps) -> Html {
    let password = use_state(String::new);
    let repeat = use_state(String::new);
    let errors = use_state(FormErrors::default);
    let busy = use_state(|| false);
    let set = props.password_set;

    let onsubmit = {
        let (password, repeat, errors, busy, on_done) = (
            password.clone(),
            repeat.clone(),
            errors.clone(),
            busy.clone(),
            props.on_done.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            if !set {
                if let Err(fields) = check_owner_password(&password, &repeat) {
                    errors.set(FormErrors::from_fields(fields));
                    return;
                }
            }
            busy.set(true);
            let (pw, rep, errors, busy, on_done, password) = (
                (*password).clone(),
                (*repeat).clone(),
                errors.clone(),
                busy.clone(),
                on_done.clone(),
                password.clone(),
            );
            spawn_local(async move {
                let result = if set {
                    invoke::<ConfirmOwnerCmd>(&ConfirmOwner {
                        password: pw.into(),
                    })
                    .await
                } else {
                    invoke::<CreateOwnerCmd>(&CreateOwner {
                        password: pw.into(),
                        repeat: rep.into(),
                    })
                    .await
                };
                busy.set(false);
                match result {
                    Ok(_) => on_done.emit(true),
                    Err(err) => {
                        password.set(String::new());
                        errors.set(FormErrors::from_ipc(err, &["password", "repeat"]));
                    }
                }
            });
        })
    };
    let cancel = {
        let on_done = props.on_done.clone();
        move |_| on_done.emit(false)
    };
    let on_password = {
        let password = password.clone();
        move |e: InputEvent| password.set(input_text(&e))
    };
    let on_repeat = {
        let repeat = repeat.clone();
        move |e: InputEvent| repeat.set(input_text(&e))
    };
    let (title, intro) = if set {
        (
            "Owner password needed",
            "Only the owner can do this. Type the owner password; it counts for 10 minutes.",
        )
    } else {
        (
            "Choose an owner password",
            "Only the owner can do this. Choose the owner password first (at least 8 characters).",
        )
    };
    html! {
        <div class="modal-backdrop">
            <form class="modal card form" id="owner-prompt" {onsubmit} novalidate=true role="dialog" aria-modal="true">
                <h2>{ title }</h2>
                <p class="muted">{ intro }</p>
                if let Some(message) = errors.banner() {
                    <div class="banner error" role="alert">{ message.to_owned() }</div>
                }
                <div class="field">
                    <label for="owner-prompt-password">{ "Owner password" }</label>
                    <input id="owner-prompt-password" type="password" autofocus=true
                        autocomplete={if set { "current-password" } else { "new-password" }}
                        value={(*password).clone()} aria-invalid={errors.invalid("password")}
                        oninput={on_password} />
                    { field_error(&errors, "password") }
                </div>
                if !set {
                    <div class="field">
                        <label for="owner-prompt-repeat">{ "Repeat password" }</label>
                        <input id="owner-prompt-repeat" type="password" autocomplete="new-password"
                            value={(*repeat).clone()} aria-invalid={errors.invalid("repeat")}
                            oninput={on_repeat} />
                        { field_error(&errors, "repeat") }
                    </div>
                }
                <div class="actions">
                    <button type="button" id="owner-prompt-cancel" class="secondary" onclick={cancel}>{ "Cancel" }</button>
                    <button type="submit" id="owner-prompt-submit" class="primary" disabled={*busy}>{ "Continue" }</button>
                </div>
            </form>
        </div>
    }
}
