//! Settings, in sections chosen from a list on the left, grouped under four
//! headings, so each screen holds one thing to fill in and one Save:
//! - Your shop: Shop details, Opening hours, Delivery zones;
//! - Connections: M-Pesa, Airtime & bundles (Africa's Talking), Tax
//!   (KRA eTIMS), WhatsApp, Sync with other tills;
//! - People and privacy: Staff (PINs, idle lock, the owner password), Privacy
//!   (export, retention, the audit log);
//! - This computer: the receipt printer, saved secrets (the vault's
//!   passphrase), the screens' language, the light/dark theme, updates,
//!   and facts about the app
//!   (version, database file) for support calls.
//!
//! Another screen opens a section by the id of the card in it
//! ([`Section::holding`]), e.g. the start checklist's "Connect M-Pesa".

use crate::components::banner::ErrorBanner;
use crate::components::digital_settings::{DigitalSettings, DIGITAL_CARD};
use crate::components::field::select_value;
use crate::components::hosted_settings::HostedSettings;
use crate::components::hours_editor::HoursEditor;
use crate::components::payment_settings::PaymentSettings;
use crate::components::people_settings::PeopleSettings;
use crate::components::printer_settings::PrinterSettingsCard;
use crate::components::privacy_card::PrivacyCard;
use crate::components::shop_form::ShopForm;
use crate::components::tax_settings::{TaxSettings, TAX_CARD};
use crate::components::update_card::UpdateCard;
use crate::components::vault_card::{VaultCard, VAULT_CARD};
use crate::components::whatsapp_card::WhatsAppCard;
use crate::components::zone_editor::ZoneEditor;
use crate::i18n::{t, t_args};
use crate::ipc::invoke;
use dukadesk_domain::customer::Language;
use dukadesk_domain::ipc::{
    AppInfo, GetAppInfo, NoArgs, SessionView, SetTheme, SetUiLanguage, ShopView, Theme, VaultStatus,
};
use dukadesk_domain::shop::ShopInput;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// Props of [`SettingsPage`].
#[derive(Properties, PartialEq)]
pub struct SettingsPageProps {
    /// The shop and its zones.
    pub shop: ShopView,
    /// Called with the shop after a save.
    pub on_shop: Callback<ShopView>,
    /// The theme shown.
    pub theme: Theme,
    /// Applies a theme at once.
    pub on_theme: Callback<Theme>,
    /// The language of the screens.
    pub language: Language,
    /// Applies a language at once (the screens draw again in it).
    pub on_language: Callback<Language>,
    /// Shows a success toast.
    pub notify: Callback<String>,
    /// Who is at the till, with the staff list.
    pub session: SessionView,
    /// Called with the session after a change in People.
    pub on_session: Callback<SessionView>,
    /// Called when the saved secrets were opened or protected here.
    pub on_vault: Callback<VaultStatus>,
    /// The section shown.
    pub section: Section,
    /// Shows another section.
    pub on_section: Callback<Section>,
}

fn shop_input(view: &ShopView) -> ShopInput {
    let shop = &view.shop;
    ShopInput {
        name: shop.name.clone(),
        code: shop.code.as_str().to_owned(),
        business_type: shop.business_type,
        currency: shop.currency,
        country: shop.country,
    }
}

/// A part of Settings, shown one at a time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    /// Name, code, business type, currency, country.
    Shop,
    /// When the shop is open, and orders out of hours.
    Hours,
    /// Delivery zones and their fees.
    Delivery,
    /// M-Pesa: Daraja, IntaSend or by hand.
    Mpesa,
    /// Airtime and data bundles: the Africa's Talking account.
    Digital,
    /// Tax invoices: this till as a KRA eTIMS device, and the invoices
    /// not yet signed.
    Tax,
    /// The linked WhatsApp and its health.
    WhatsApp,
    /// The DukaDesk server the shop's tills sync through.
    Sync,
    /// Staff PINs, the idle lock, the owner password.
    Staff,
    /// Export, retention, disconnect and the audit log.
    Privacy,
    /// This till's printer, saved secrets, theme, updates, version.
    Computer,
}

impl Section {
    /// Under their headings (message ids), in the order shown.
    pub const GROUPS: [(&'static str, &'static [Section]); 4] = [
        (
            "settings-group-shop",
            &[Section::Shop, Section::Hours, Section::Delivery],
        ),
        (
            "settings-group-connections",
            &[
                Section::Mpesa,
                Section::Digital,
                Section::Tax,
                Section::WhatsApp,
                Section::Sync,
            ],
        ),
        ("settings-group-people", &[Section::Staff, Section::Privacy]),
        ("settings-group-computer", &[Section::Computer]),
    ];

    /// The label in the list, in the till's language.
    pub fn label(self) -> String {
        t(match self {
            Section::Shop => "settings-section-shop",
            Section::Hours => "settings-section-hours",
            Section::Delivery => "settings-section-delivery",
            Section::Mpesa => "settings-section-mpesa",
            Section::Digital => "settings-section-digital",
            Section::Tax => "settings-section-tax",
            Section::WhatsApp => "settings-section-whatsapp",
            Section::Sync => "settings-section-sync",
            Section::Staff => "settings-section-staff",
            Section::Privacy => "settings-section-privacy",
            Section::Computer => "settings-section-computer",
        })
    }

    /// Its list button's id is `settings-<slug>`.
    pub const fn slug(self) -> &'static str {
        match self {
            Section::Shop => "shop",
            Section::Hours => "hours",
            Section::Delivery => "delivery",
            Section::Mpesa => "mpesa",
            Section::Digital => "digital",
            Section::Tax => "tax",
            Section::WhatsApp => "whatsapp",
            Section::Sync => "sync",
            Section::Staff => "staff",
            Section::Privacy => "privacy",
            Section::Computer => "computer",
        }
    }

    /// The section showing the card with this id, for links from other
    /// screens; `None` for an id Settings does not hold.
    pub fn holding(card: &str) -> Option<Section> {
        Some(match card {
            "payment-settings" => Section::Mpesa,
            DIGITAL_CARD => Section::Digital,
            TAX_CARD => Section::Tax,
            "whatsapp-settings" => Section::WhatsApp,
            "hosted-settings" => Section::Sync,
            "privacy-settings" => Section::Privacy,
            "update-settings" => Section::Computer,
            VAULT_CARD => Section::Computer,
            _ => return None,
        })
    }
}

/// The settings screen.
#[function_component]
pub fn SettingsPage(props: &SettingsPageProps) -> Html {
    let on_shop_saved = {
        let (on_shop, notify) = (props.on_shop.clone(), props.notify.clone());
        Callback::from(move |view: ShopView| {
            notify.emit(t("shop-saved"));
            on_shop.emit(view);
        })
    };
    let on_hours_saved = {
        let (on_shop, notify) = (props.on_shop.clone(), props.notify.clone());
        Callback::from(move |view: ShopView| {
            notify.emit(t("hours-saved"));
            on_shop.emit(view);
        })
    };
    let on_zone_saved = {
        let (on_shop, notify) = (props.on_shop.clone(), props.notify.clone());
        Callback::from(move |view: ShopView| {
            notify.emit(t("zone-saved"));
            on_shop.emit(view);
        })
    };
    let groups = Section::GROUPS.iter().map(|(heading, sections)| {
        let buttons = sections.iter().map(|&section| {
            let current = section == props.section;
            let onclick = {
                let on_section = props.on_section.clone();
                move |_| on_section.emit(section)
            };
            html! {
                <button type="button" id={format!("settings-{}", section.slug())}
                    class={classes!("settings-tab", current.then_some("current"))}
                    aria-current={current.then_some("page")} {onclick}>
                    { section.label() }
                </button>
            }
        });
        html! {
            <div class="settings-group">
                <h3>{ t(heading) }</h3>
                { for buttons }
            </div>
        }
    });
    let panel = match props.section {
        Section::Shop => html! {
            <section class="card" aria-labelledby="shop-title">
                <h2 id="shop-title">{ t("settings-section-shop") }</h2>
                <ShopForm
                    initial={shop_input(&props.shop)}
                    form_id="shop-form"
                    submit_id="shop-save"
                    submit_label={t("shop-save")}
                    on_saved={on_shop_saved}
                />
            </section>
        },
        Section::Hours => html! {
            <HoursEditor
                hours={props.shop.shop.hours.clone()}
                orders_when_closed={props.shop.shop.orders_when_closed}
                on_saved={on_hours_saved}
            />
        },
        Section::Delivery => html! {
            <ZoneEditor zones={props.shop.zones.clone()} currency={props.shop.shop.currency} on_saved={on_zone_saved} />
        },
        Section::Mpesa => html! { <PaymentSettings notify={props.notify.clone()} /> },
        Section::Digital => html! { <DigitalSettings notify={props.notify.clone()} /> },
        Section::Tax => html! { <TaxSettings notify={props.notify.clone()} /> },
        Section::WhatsApp => html! { <WhatsAppCard /> },
        Section::Sync => html! { <HostedSettings notify={props.notify.clone()} /> },
        Section::Staff => html! {
            <PeopleSettings session={props.session.clone()} on_session={props.on_session.clone()}
                notify={props.notify.clone()} />
        },
        Section::Privacy => html! { <PrivacyCard notify={props.notify.clone()} /> },
        Section::Computer => html! {
            <>
                <PrinterSettingsCard notify={props.notify.clone()} />
                <VaultCard on_change={props.on_vault.clone()} notify={props.notify.clone()} />
                <LanguageCard language={props.language} on_language={props.on_language.clone()}
                    notify={props.notify.clone()} />
                <ThemeCard theme={props.theme} on_theme={props.on_theme.clone()} />
                <UpdateCard />
                <AppInfoCard />
            </>
        },
    };
    html! {
        <div class="settings-page">
            <h1>{ t("settings-title") }</h1>
            <div class="settings-body">
                <nav class="settings-nav" aria-label={t("settings-sections")}>{ for groups }</nav>
                <div class="settings-panel" id="settings-panel" data-section={props.section.slug()}>
                    { panel }
                </div>
            </div>
        </div>
    }
}

/// Props of [`LanguageCard`].
#[derive(Properties, PartialEq)]
struct LanguageCardProps {
    language: Language,
    on_language: Callback<Language>,
    notify: Callback<String>,
}

/// The screens' language: applies at once, then asks the shell to
/// remember it for this till.
#[function_component]
fn LanguageCard(props: &LanguageCardProps) -> Html {
    let error = use_state(|| None::<String>);
    let onchange = {
        let (on_language, notify, error) = (
            props.on_language.clone(),
            props.notify.clone(),
            error.clone(),
        );
        Callback::from(move |e: Event| {
            let Some(language) = Language::from_code(&select_value(&e)) else {
                return;
            };
            let (on_language, notify, error) = (on_language.clone(), notify.clone(), error.clone());
            spawn_local(async move {
                match invoke::<SetUiLanguage>(&language).await {
                    Ok(language) => {
                        error.set(None);
                        on_language.emit(language);
                        notify.emit(t_args(
                            "language-saved",
                            &[("language", language.own_name())],
                        ));
                    }
                    Err(e) => error.set(Some(e.message)),
                }
            });
        })
    };
    html! {
        <section class="card" aria-labelledby="language-title">
            <h2 id="language-title">{ t("language-title") }</h2>
            <ErrorBanner message={(*error).clone().map(AttrValue::from)} />
            <div class="field">
                <label for="ui-language">{ t("language-title") }</label>
                <select id="ui-language" {onchange}>
                    { for Language::ALL.iter().map(|l| html! {
                        <option value={l.code()} selected={*l == props.language} lang={l.code()}>
                            { l.own_name() }
                        </option>
                    }) }
                </select>
                <small class="hint">{ t("language-hint") }</small>
            </div>
        </section>
    }
}

/// Props of [`ThemeCard`].
#[derive(Properties, PartialEq)]
struct ThemeCardProps {
    theme: Theme,
    on_theme: Callback<Theme>,
}

/// The theme toggle: applies at once, then asks the shell to remember it.
#[function_component]
fn ThemeCard(props: &ThemeCardProps) -> Html {
    let error = use_state(|| None::<String>);
    let dark = props.theme == Theme::Dark;
    let onclick = {
        let (on_theme, error) = (props.on_theme.clone(), error.clone());
        let next = if dark { Theme::Light } else { Theme::Dark };
        Callback::from(move |_| {
            on_theme.emit(next);
            let error = error.clone();
            spawn_local(async move {
                match invoke::<SetTheme>(&next).await {
                    Ok(_) => error.set(None),
                    Err(e) => error.set(Some(e.message)),
                }
            });
        })
    };
    html! {
        <section class="card" aria-labelledby="theme-title">
            <h2 id="theme-title">{ t("appearance-title") }</h2>
            <ErrorBanner message={(*error).clone().map(AttrValue::from)} />
            <button type="button" id="theme-toggle" class="secondary" role="switch"
                aria-checked={if dark { "true" } else { "false" }} {onclick}>
                { if dark { t("theme-dark-on") } else { t("theme-dark-off") } }
            </button>
        </section>
    }
}

/// Version and database path, from `GetAppInfo`.
#[function_component]
fn AppInfoCard() -> Html {
    let info = use_state(|| None::<Result<AppInfo, String>>);
    {
        let info = info.clone();
        use_effect_with((), move |_| {
            spawn_local(async move {
                let result = invoke::<GetAppInfo>(&NoArgs {})
                    .await
                    .map_err(|e| e.message);
                info.set(Some(result));
            });
        });
    }
    let body = match &*info {
        None => html! { <p class="muted">{ t("about-loading") }</p> },
        Some(Err(message)) => {
            html! { <div class="banner error" role="alert">{ message.clone() }</div> }
        }
        Some(Ok(info)) => html! {
            <dl class="facts">
                <dt>{ t("about-version") }</dt><dd id="app-version">{ info.version.clone() }</dd>
                <dt>{ t("about-database") }</dt><dd id="app-database" class="path">{ info.database_path.clone() }</dd>
            </dl>
        },
    };
    html! {
        <section class="card" aria-labelledby="about-title">
            <h2 id="about-title">{ t("about-title") }</h2>
            { body }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::Section;

    #[test]
    fn every_section_is_listed_once_with_its_own_slug() {
        let listed: Vec<Section> = Section::GROUPS
            .iter()
            .flat_map(|(_, sections)| sections.iter().copied())
            .collect();
        assert_eq!(listed.len(), 11);
        for (i, a) in listed.iter().enumerate() {
            for b in &listed[i + 1..] {
                assert_ne!(a, b, "listed twice");
                assert_ne!(a.slug(), b.slug(), "one slug for two sections");
            }
        }
    }

    #[test]
    fn links_from_other_screens_open_the_section_holding_the_card() {
        assert_eq!(Section::holding("payment-settings"), Some(Section::Mpesa));
        assert_eq!(Section::holding("digital-settings"), Some(Section::Digital));
        assert_eq!(Section::holding("tax-settings"), Some(Section::Tax));
        assert_eq!(
            Section::holding("whatsapp-settings"),
            Some(Section::WhatsApp)
        );
        assert_eq!(Section::holding("hosted-settings"), Some(Section::Sync));
        assert_eq!(Section::holding("vault-card"), Some(Section::Computer));
        assert_eq!(Section::holding("till"), None);
    }
}
