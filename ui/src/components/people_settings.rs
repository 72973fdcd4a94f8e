//! Settings → People (the owner's): staff who sign in with a PIN, the idle
//! minutes before the screen locks (a choice that applies at once, so the
//! section's one button adds staff), and the owner password. Every change is
//! owner-only, so the owner password is asked for when it was not typed in
//! the last 10 minutes (`crate::ipc::invoke`).

use crate::components::field::{field_error, input_text, select_value, FormErrors};
use crate::i18n::{t, t_args, t_count};
use crate::ipc::invoke;
use dukadesk_domain::ipc::{
    ChangeOwnerPassword, ChangeOwnerPasswordCmd, DeactivateStaff, DeactivateStaffCmd, GetSession,
    NoArgs, SaveStaff, SaveStaffCmd, SessionView, SetIdleMinutes, SetIdleMinutesCmd,
};
use dukadesk_domain::people::{check_owner_password, check_pin, check_staff_name};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// Props of [`PeopleSettings`].
#[derive(Properties, PartialEq)]
pub struct PeopleSettingsProps {
    /// The session (staff and idle minutes).
    pub session: SessionView,
    /// Called with the session after a change.
    pub on_session: Callback<SessionView>,
    /// Shows a success toast.
    pub notify: Callback<String>,
}

/// Reloads the session and hands it on.
fn refresh(on_session: Callback<SessionView>) {
    spawn_local(async move {
        if let Ok(view) = invoke::<GetSession>(&NoArgs {}).await {
            on_session.emit(view);
        }
    });
}

/// The idle times offered before the screen locks, in minutes (the
/// shell takes 1 to 120).
const IDLE_CHOICES: [u32; 8] = [1, 2, 5, 10, 15, 30, 60, 120];

/// The card.
#[function_component]
pub fn PeopleSettings(props: &PeopleSettingsProps) -> Html {
    let staff = use_state(SaveStaff::default);
    let staff_errors = use_state(FormErrors::default);
    let idle_errors = use_state(FormErrors::default);
    let change = use_state(ChangeOwnerPassword::default);
    let change_errors = use_state(FormErrors::default);
    let busy = use_state(|| false);

    let add_staff = {
        let (staff, errors, busy, on_session, notify) = (
            staff.clone(),
            staff_errors.clone(),
            busy.clone(),
            props.on_session.clone(),
            props.notify.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut fields = Vec::new();
            if let Err(f) = check_staff_name(&staff.name) {
                fields.push(f);
            }
            if let Err(f) = check_pin(staff.pin.expose()) {
                fields.push(f);
            }
            if !fields.is_empty() {
                errors.set(FormErrors::from_fields(fields));
                return;
            }
            busy.set(true);
            let req = (*staff).clone();
            let (staff, errors, busy, on_session, notify) = (
                staff.clone(),
                errors.clone(),
                busy.clone(),
                on_session.clone(),
                notify.clone(),
            );
            spawn_local(async move {
                match invoke::<SaveStaffCmd>(&req).await {
                    Ok(_) => {
                        notify.emit(t_args("people-staff-added", &[("name", req.name.trim())]));
                        staff.set(SaveStaff::default());
                        errors.set(FormErrors::default());
                        refresh(on_session);
                    }
                    Err(err) => errors.set(FormErrors::from_ipc(err, &["name", "pin"])),
                }
                busy.set(false);
            });
        })
    };

    let rows = props.session.staff.iter().map(|p| {
        let onclick = {
            let (id, name) = (p.id.clone(), p.name.clone());
            let (errors, on_session, notify) = (
                staff_errors.clone(),
                props.on_session.clone(),
                props.notify.clone(),
            );
            Callback::from(move |_| {
                let (id, name, errors, on_session, notify) = (
                    id.clone(),
                    name.clone(),
                    errors.clone(),
                    on_session.clone(),
                    notify.clone(),
                );
                spawn_local(async move {
                    match invoke::<DeactivateStaffCmd>(&DeactivateStaff { id }).await {
                        Ok(_) => {
                            notify.emit(t_args("people-staff-deactivated", &[("name", &name)]));
                            refresh(on_session);
                        }
                        Err(err) => errors.set(FormErrors::banner_only(err.message)),
                    }
                });
            })
        };
        html! {
            <li class="staff-row" data-name={p.name.clone()}>
                <span class="avatar">{ p.name.chars().take(1).collect::<String>().to_uppercase() }</span>
                <span class="staff-name">{ p.name.clone() }</span>
                <button type="button" class="secondary deactivate" {onclick}>{ t("people-deactivate") }</button>
            </li>
        }
    });

    let on_idle = {
        let (errors, on_session, notify) = (
            idle_errors.clone(),
            props.on_session.clone(),
            props.notify.clone(),
        );
        Callback::from(move |e: Event| {
            let Ok(minutes) = select_value(&e).parse::<u32>() else {
                return;
            };
            let (errors, on_session, notify) = (errors.clone(), on_session.clone(), notify.clone());
            spawn_local(async move {
                match invoke::<SetIdleMinutesCmd>(&SetIdleMinutes { minutes }).await {
                    Ok(view) => {
                        errors.set(FormErrors::default());
                        notify.emit(t_count("people-idle-saved", minutes, &[]));
                        on_session.emit(view);
                    }
                    Err(err) => errors.set(FormErrors::from_ipc(err, &["idle_minutes"])),
                }
            });
        })
    };
    let idle_now = props.session.idle_minutes;
    let mut idle_choices = IDLE_CHOICES.to_vec();
    if !idle_choices.contains(&idle_now) {
        idle_choices.push(idle_now);
        idle_choices.sort_unstable();
    }

    let change_password = {
        let (change, errors, notify) =
            (change.clone(), change_errors.clone(), props.notify.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Err(fields) =
                check_owner_password(change.password.expose(), change.repeat.expose())
            {
                errors.set(FormErrors::from_fields(fields));
                return;
            }
            let req = (*change).clone();
            let (change, errors, notify) = (change.clone(), errors.clone(), notify.clone());
            spawn_local(async move {
                match invoke::<ChangeOwnerPasswordCmd>(&req).await {
                    Ok(_) => {
                        errors.set(FormErrors::default());
                        change.set(ChangeOwnerPassword::default());
                        notify.emit(t("people-owner-changed"));
                    }
                    Err(err) => {
                        errors.set(FormErrors::from_ipc(err, &["old", "password", "repeat"]))
                    }
                }
            });
        })
    };

    let edit_staff = |f: fn(&mut SaveStaff, String)| {
        let staff = staff.clone();
        move |e: InputEvent| {
            let mut next = (*staff).clone();
            f(&mut next, input_text(&e));
            staff.set(next);
        }
    };
    let edit_change = |f: fn(&mut ChangeOwnerPassword, String)| {
        let change = change.clone();
        move |e: InputEvent| {
            let mut next = (*change).clone();
            f(&mut next, input_text(&e));
            change.set(next);
        }
    };
    html! {
        <section class="card people-card" aria-labelledby="people-title">
            <h2 id="people-title">{ t("people-title") }</h2>
            <p class="muted">
                { t("people-intro") }
            </p>
            if let Some(message) = staff_errors.banner() {
                <div class="banner error" role="alert">{ message.to_owned() }</div>
            }
            if props.session.staff.is_empty() {
                <p class="muted" id="no-staff">{ t("people-no-staff") }</p>
            } else {
                <ul class="staff-list">{ for rows }</ul>
            }
            <form class="form inline-form" id="staff-form" onsubmit={add_staff} novalidate=true>
                <div class="field">
                    <label for="staff-name">{ t("people-staff-name") }</label>
                    <input id="staff-name" type="text" autocomplete="off" value={staff.name.clone()}
                        aria-invalid={staff_errors.invalid("name")} oninput={edit_staff(|s, v| s.name = v)} />
                    { field_error(&staff_errors, "name") }
                </div>
                <div class="field">
                    <label for="staff-pin">{ t("people-staff-pin") }</label>
                    <input id="staff-pin" type="password" inputmode="numeric" autocomplete="off"
                        value={staff.pin.expose().clone()} aria-invalid={staff_errors.invalid("pin")}
                        oninput={edit_staff(|s, v| s.pin = v.into())} />
                    { field_error(&staff_errors, "pin") }
                </div>
                <div class="actions">
                    <button type="submit" id="staff-add" class="primary" disabled={*busy}>{ t("people-staff-add") }</button>
                </div>
            </form>
            <div class="field idle-field">
                <label for="idle-minutes">{ t("people-idle") }</label>
                <select id="idle-minutes" onchange={on_idle}
                    aria-invalid={idle_errors.invalid("idle_minutes")}>
                    { for idle_choices.iter().map(|m| html! {
                        <option value={m.to_string()} selected={*m == idle_now}>
                            { t_count("people-idle-minutes", *m, &[]) }
                        </option>
                    }) }
                </select>
                { field_error(&idle_errors, "idle_minutes") }
            </div>
            <details class="owner-password">
                <summary>{ t("people-owner-change-title") }</summary>
                <form class="form" id="owner-change-form" onsubmit={change_password} novalidate=true>
                    if let Some(message) = change_errors.banner() {
                        <div class="banner error" role="alert">{ message.to_owned() }</div>
                    }
                    <div class="field">
                        <label for="owner-old">{ t("people-owner-old") }</label>
                        <input id="owner-old" type="password" autocomplete="current-password" value={change.old.expose().clone()}
                            aria-invalid={change_errors.invalid("old")} oninput={edit_change(|c, v| c.old = v.into())} />
                        { field_error(&change_errors, "old") }
                    </div>
                    <div class="field-row">
                        <div class="field">
                            <label for="owner-new">{ t("people-owner-new") }</label>
                            <input id="owner-new" type="password" autocomplete="new-password" value={change.password.expose().clone()}
                                aria-invalid={change_errors.invalid("password")} oninput={edit_change(|c, v| c.password = v.into())} />
                            { field_error(&change_errors, "password") }
                        </div>
                        <div class="field">
                            <label for="owner-new-repeat">{ t("people-owner-repeat") }</label>
                            <input id="owner-new-repeat" type="password" autocomplete="new-password" value={change.repeat.expose().clone()}
                                aria-invalid={change_errors.invalid("repeat")} oninput={edit_change(|c, v| c.repeat = v.into())} />
                            { field_error(&change_errors, "repeat") }
                        </div>
                    </div>
                    <div class="actions">
                        <button type="submit" id="owner-change" class="secondary">{ t("people-owner-change") }</button>
                    </div>
                </form>
            </details>
        </section>
    }
}
