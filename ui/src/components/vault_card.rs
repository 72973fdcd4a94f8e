//! Settings → Saved secrets: where the secrets (M-Pesa keys, the sync
//! login, WhatsApp's keys) stand, and the passphrase that protects them on
//! a computer with no keyring DukaDesk can use: entered after each start,
//! or chosen once (typed twice, with what a forgotten one costs).

use crate::components::field::{field_error, input_text, FormErrors};
use crate::i18n::{t, t_count};
use crate::ipc::invoke;
use dukadesk_domain::ipc::{
    ChooseVaultPassphraseCmd, GetVaultStatus, NoArgs, UnlockVaultCmd, VaultPassphrase, VaultStatus,
    VAULT_PASSPHRASE_MIN,
};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// The card's id, for places that open Settings at it.
pub const VAULT_CARD: &str = "vault-card";

/// Props of [`VaultCard`].
#[derive(Properties, PartialEq)]
pub struct VaultCardProps {
    /// Called with the status after it changed here.
    pub on_change: Callback<VaultStatus>,
    /// Shows a success toast.
    pub notify: Callback<String>,
}

/// What the card says the secrets are.
pub fn status_line(status: &VaultStatus) -> String {
    match status {
        VaultStatus::Open {
            by_passphrase: false,
        } => t("vault-open-keyring"),
        VaultStatus::Open {
            by_passphrase: true,
        } => t("vault-open-passphrase"),
        VaultStatus::NeedsPassphrase => t("vault-needs-passphrase"),
        VaultStatus::ChoosePassphrase { .. } => t("vault-choose-passphrase"),
    }
}

/// The card.
#[function_component]
pub fn VaultCard(props: &VaultCardProps) -> Html {
    let status = use_state(|| None::<VaultStatus>);
    let form = use_state(VaultPassphrase::default);
    let errors = use_state(FormErrors::default);
    let busy = use_state(|| false);
    {
        let status = status.clone();
        use_effect_with((), move |_| {
            spawn_local(async move {
                if let Ok(s) = invoke::<GetVaultStatus>(&NoArgs {}).await {
                    status.set(Some(s));
                }
            });
        });
    }
    let choosing = matches!(*status, Some(VaultStatus::ChoosePassphrase { .. }));
    let submit = {
        let (status, form, errors, busy) =
            (status.clone(), form.clone(), errors.clone(), busy.clone());
        let (on_change, notify) = (props.on_change.clone(), props.notify.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if choosing {
                if let Err(fields) = form.check_new() {
                    errors.set(FormErrors::from_fields(fields));
                    return;
                }
            }
            busy.set(true);
            let req = (*form).clone();
            let (status, form, errors, busy, on_change, notify) = (
                status.clone(),
                form.clone(),
                errors.clone(),
                busy.clone(),
                on_change.clone(),
                notify.clone(),
            );
            spawn_local(async move {
                let answer = if choosing {
                    invoke::<ChooseVaultPassphraseCmd>(&req).await
                } else {
                    invoke::<UnlockVaultCmd>(&req).await
                };
                busy.set(false);
                match answer {
                    Ok(s) => {
                        form.set(VaultPassphrase::default());
                        errors.set(FormErrors::default());
                        notify.emit(if choosing {
                            t("vault-passphrase-set")
                        } else {
                            t("vault-opened")
                        });
                        on_change.emit(s);
                        status.set(Some(s));
                    }
                    Err(e) => errors.set(FormErrors::from_ipc(e, &["passphrase", "confirm"])),
                }
            });
        })
    };
    let edit = |f: fn(&mut VaultPassphrase, String)| {
        let form = form.clone();
        move |e: InputEvent| {
            let mut next = (*form).clone();
            f(&mut next, input_text(&e));
            form.set(next);
        }
    };
    let body = match *status {
        None => html! { <p class="muted">{ t("vault-loading") }</p> },
        Some(s @ VaultStatus::Open { .. }) => html! {
            <p id="vault-state" class="muted">{ status_line(&s) }</p>
        },
        Some(s) => {
            let lost = matches!(s, VaultStatus::ChoosePassphrase { secrets_lost: true });
            html! {
                <form class="form" id="vault-form" onsubmit={submit} novalidate=true>
                    <p id="vault-state">{ status_line(&s) }</p>
                    if lost {
                        <p class="banner warn" id="vault-lost">
                            { t("vault-lost") }
                        </p>
                    }
                    if choosing {
                        <p class="muted" id="vault-warning">
                            { t("vault-warning") }
                        </p>
                    }
                    if let Some(message) = errors.banner() {
                        <div class="banner error" role="alert">{ message.to_owned() }</div>
                    }
                    <div class="field-row">
                        <div class="field">
                            <label for="vault-passphrase">
                                { if choosing { t_count("vault-new-passphrase", VAULT_PASSPHRASE_MIN, &[]) } else { t("vault-passphrase") } }
                            </label>
                            <input id="vault-passphrase" type="password"
                                autocomplete={if choosing { "new-password" } else { "current-password" }}
                                value={form.passphrase.expose().clone()} aria-invalid={errors.invalid("passphrase")}
                                oninput={edit(|f, v| f.passphrase = v.into())} />
                            { field_error(&errors, "passphrase") }
                        </div>
                        if choosing {
                            <div class="field">
                                <label for="vault-confirm">{ t("vault-confirm") }</label>
                                <input id="vault-confirm" type="password" autocomplete="new-password"
                                    value={form.confirm.expose().clone()} aria-invalid={errors.invalid("confirm")}
                                    oninput={edit(|f, v| f.confirm = v.into())} />
                                { field_error(&errors, "confirm") }
                            </div>
                        }
                    </div>
                    <div class="actions">
                        <button type="submit" id="vault-submit" class="primary" disabled={*busy}>
                            { if choosing { t("vault-protect") } else { t("vault-open") } }
                        </button>
                    </div>
                </form>
            }
        }
    };
    html! {
        <section class="card" id={VAULT_CARD} aria-labelledby="vault-title">
            <h2 id="vault-title">{ t("vault-title") }</h2>
            <p class="muted">{ t("vault-intro") }</p>
            { body }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_state_says_what_it_means() {
        let lines = [
            VaultStatus::Open {
                by_passphrase: false,
            },
            VaultStatus::Open {
                by_passphrase: true,
            },
            VaultStatus::NeedsPassphrase,
            VaultStatus::ChoosePassphrase {
                secrets_lost: false,
            },
        ]
        .map(|s| status_line(&s));
        assert!(lines[0].contains("keyring") && lines[1].contains("passphrase"));
        assert!(lines[2].starts_with("Locked") && lines[3].contains("choose"));
    }
}
