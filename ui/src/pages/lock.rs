//! The lock screen: shown at start when the shop has staff, and after the
//! idle time or the Lock button. Staff pick their name and type their PIN on
//! a big keypad (the keyboard's digits, Backspace and Enter work too); the
//! owner picks "Owner" and types the password.

use crate::components::keyboard::{handled_elsewhere, is_typing, use_keydown};
use crate::i18n::{t, t_args};
use crate::ipc::invoke;
use dukadesk_domain::ipc::{ErrorCode, IpcError, SessionView, SignIn, SignInCmd};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// Props of [`LockPage`].
#[derive(Properties, PartialEq)]
pub struct LockPageProps {
    /// The shop's name, shown on top.
    pub shop_name: AttrValue,
    /// Who may sign in.
    pub session: SessionView,
    /// Called once someone signed in.
    pub on_signed_in: Callback<SessionView>,
}

/// Who was picked.
#[derive(Debug, Clone, PartialEq)]
enum Pick {
    Staff { id: String, name: String },
    Owner,
}

/// The longest PIN.
const PIN_MAX: usize = 6;

/// The words shown for a refused sign-in.
fn refusal(e: IpcError) -> String {
    match e.code {
        ErrorCode::Invalid => e
            .fields
            .first()
            .map(|f| f.message.clone())
            .unwrap_or(e.message),
        _ => e.message,
    }
}

/// The lock screen.
#[function_component]
pub fn LockPage(props: &LockPageProps) -> Html {
    let pick = use_state(|| {
        // With one member of staff, their keypad is ready at once.
        match props.session.staff.as_slice() {
            [only] => Some(Pick::Staff {
                id: only.id.clone(),
                name: only.name.clone(),
            }),
            _ => None,
        }
    });
    let secret = use_state(String::new);
    let error = use_state(|| None::<String>);
    let busy = use_state(|| false);

    let submit = {
        let (pick, secret, error, busy, on_signed_in) = (
            pick.clone(),
            secret.clone(),
            error.clone(),
            busy.clone(),
            props.on_signed_in.clone(),
        );
        Callback::from(move |()| {
            let Some(who) = (*pick).clone() else {
                return;
            };
            if *busy || secret.is_empty() {
                return;
            }
            busy.set(true);
            let req = SignIn {
                person: match &who {
                    Pick::Staff { id, .. } => Some(id.clone()),
                    Pick::Owner => None,
                },
                secret: (*secret).clone().into(),
            };
            let (secret, error, busy, on_signed_in) = (
                secret.clone(),
                error.clone(),
                busy.clone(),
                on_signed_in.clone(),
            );
            spawn_local(async move {
                match invoke::<SignInCmd>(&req).await {
                    Ok(view) => {
                        error.set(None);
                        on_signed_in.emit(view);
                    }
                    Err(e) => error.set(Some(refusal(e))),
                }
                secret.set(String::new());
                busy.set(false);
            });
        })
    };

    let press = {
        let (secret, error) = (secret.clone(), error.clone());
        Callback::from(move |key: char| {
            let mut next = (*secret).clone();
            match key {
                '<' => {
                    next.pop();
                }
                d if d.is_ascii_digit() && next.len() < PIN_MAX => next.push(d),
                _ => return,
            }
            error.set(None);
            secret.set(next);
        })
    };

    {
        let (pick, press, submit) = (pick.clone(), press.clone(), submit.clone());
        use_keydown(Callback::from(move |e: KeyboardEvent| {
            if handled_elsewhere(&e) || is_typing(&e) {
                return;
            }
            if !matches!(*pick, Some(Pick::Staff { .. })) {
                return;
            }
            let key = e.key();
            match key.as_str() {
                "Enter" => {
                    e.prevent_default();
                    submit.emit(());
                }
                "Backspace" => {
                    e.prevent_default();
                    press.emit('<');
                }
                k if k.len() == 1 && k.chars().all(|c| c.is_ascii_digit()) => {
                    e.prevent_default();
                    if let Some(c) = k.chars().next() {
                        press.emit(c);
                    }
                }
                _ => {}
            }
        }));
    }

    let choose = |p: Pick| {
        let (pick, secret, error) = (pick.clone(), secret.clone(), error.clone());
        Callback::from(move |_: MouseEvent| {
            pick.set(Some(p.clone()));
            secret.set(String::new());
            error.set(None);
        })
    };

    let people = props.session.staff.iter().map(|p| {
        let picked = matches!(&*pick, Some(Pick::Staff { id, .. }) if *id == p.id);
        let initial: String = p.name.chars().take(1).collect();
        html! {
            <button type="button" class={classes!("person", picked.then_some("picked"))}
                data-name={p.name.clone()}
                onclick={choose(Pick::Staff { id: p.id.clone(), name: p.name.clone() })}>
                <span class="avatar">{ initial.to_uppercase() }</span>
                <span class="person-name">{ p.name.clone() }</span>
            </button>
        }
    });
    let owner_picked = *pick == Some(Pick::Owner);

    let error_line = match &*error {
        Some(message) => {
            html! { <div id="lock-error" class="banner error" role="alert">{ message.clone() }</div> }
        }
        None => Html::default(),
    };

    let right = match &*pick {
        None => html! {
            <div class="lock-entry lock-hint">
                <p class="muted">{ t("lock-choose-name") }</p>
            </div>
        },
        Some(Pick::Staff { name, .. }) => {
            let dots = (0..PIN_MAX).map(|n| {
                let filled = n < secret.len();
                html! { <span class={classes!("pin-dot", filled.then_some("filled"))}></span> }
            });
            let keys = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '<', '0'].map(|k| {
                let press = press.clone();
                let (label, id) = match k {
                    '<' => ("⌫".to_owned(), "key-back".to_owned()),
                    d => (d.to_string(), format!("key-{d}")),
                };
                html! {
                    <button type="button" class="key" id={id} disabled={*busy}
                        aria-label={if k == '<' { t("lock-delete-digit") } else { String::new() }}
                        onclick={move |_| press.emit(k)}>{ label }</button>
                }
            });
            let ok = {
                let submit = submit.clone();
                html! {
                    <button type="button" class="key ok" id="key-ok"
                        disabled={*busy || secret.len() < 4}
                        onclick={move |_| submit.emit(())}>{ t("lock-enter") }</button>
                }
            };
            html! {
                <div class="lock-entry">
                    <div class="lock-who">{ t_args("lock-type-pin", &[("name", name.as_str())]) }</div>
                    <div class="pin-dots" id="pin-dots" data-count={secret.len().to_string()}>{ for dots }</div>
                    { error_line }
                    <div class="keypad">{ for keys }{ ok }</div>
                </div>
            }
        }
        Some(Pick::Owner) => {
            let oninput = {
                let (secret, error) = (secret.clone(), error.clone());
                move |e: InputEvent| {
                    error.set(None);
                    secret.set(crate::components::field::input_text(&e));
                }
            };
            let onsubmit = {
                let submit = submit.clone();
                move |e: SubmitEvent| {
                    e.prevent_default();
                    submit.emit(());
                }
            };
            html! {
                <form class="lock-entry form" id="lock-owner-form" {onsubmit} novalidate=true>
                    <div class="lock-who">{ t("lock-owner-type") }</div>
                    <div class="field">
                        <label for="lock-password">{ t("lock-owner-password") }</label>
                        <input id="lock-password" type="password" autocomplete="current-password"
                            value={(*secret).clone()} {oninput} autofocus=true />
                    </div>
                    { error_line }
                    <div class="actions">
                        <button type="submit" id="lock-submit" class="primary" disabled={*busy}>{ t("lock-sign-in") }</button>
                    </div>
                </form>
            }
        }
    };

    html! {
        <div class="lock">
            <div class="lock-card card">
                <div class="lock-head">
                    <span class="brand">{ "DukaDesk" }</span>
                    <span class="shop-name">{ props.shop_name.clone() }</span>
                </div>
                <div class="lock-body">
                    <div class="lock-people">
                        <h2>{ t("lock-who") }</h2>
                        <div class="people-list">
                            { for people }
                            <button type="button" id="person-owner"
                                class={classes!("person", "owner", owner_picked.then_some("picked"))}
                                data-name="Owner" onclick={choose(Pick::Owner)}>
                                <span class="avatar">{ "★" }</span>
                                <span class="person-name">{ t("lock-owner") }</span>
                            </button>
                        </div>
                    </div>
                    { right }
                </div>
                <div class="lock-foot muted">{ t("lock-foot") }</div>
            </div>
        </div>
    }
}
