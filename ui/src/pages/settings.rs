//! Settings: the shop's details (the setup form, pre-filled), opening hours, delivery
//! zones, saved secrets (the vault's passphrase), WhatsApp (the link's health), payments (M-Pesa), this till's receipt printer, the hosted backend (sync with the
//! shop's other tills), people (staff PINs, idle lock, the owner password), privacy (export,
//! retention, the audit log), the light/dark theme, updates, and facts about the app (version,
//! database file) for support calls.

use crate::components::banner::ErrorBanner;
use crate::components::hosted_settings::HostedSettings;
use crate::components::hours_editor::HoursEditor;
use crate::components::payment_settings::PaymentSettings;
use crate::components::people_settings::PeopleSettings;
use crate::components::printer_settings::PrinterSettingsCard;
use crate::components::privacy_card::PrivacyCard;
use crate::components::shop_form::ShopForm;
use crate::components::update_card::UpdateCard;
use crate::components::vault_card::VaultCard;
use crate::components::whatsapp_card::WhatsAppCard;
use crate::components::zone_editor::ZoneEditor;
use crate::ipc::invoke;
use dukadesk_domain::ipc::{
    AppInfo, GetAppInfo, NoArgs, SessionView, SetTheme, ShopView, Theme, VaultStatus,
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
    /// Shows a success toast.
    pub notify: Callback<String>,
    /// Who is at the till, with the staff list.
    pub session: SessionView,
    /// Called with the session after a change in People.
    pub on_session: Callback<SessionView>,
    /// Called when the saved secrets were opened or protected here.
    pub on_vault: Callback<VaultStatus>,
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

/// The settings screen.
#[function_component]
pub fn SettingsPage(props: &SettingsPageProps) -> Html {
    let on_shop_saved = {
        let (on_shop, notify) = (props.on_shop.clone(), props.notify.clone());
        Callback::from(move |view: ShopView| {
            notify.emit("Shop details saved.".into());
            on_shop.emit(view);
        })
    };
    let on_hours_saved = {
        let (on_shop, notify) = (props.on_shop.clone(), props.notify.clone());
        Callback::from(move |view: ShopView| {
            notify.emit("Opening hours saved.".into());
            on_shop.emit(view);
        })
    };
    let on_zone_saved = {
        let (on_shop, notify) = (props.on_shop.clone(), props.notify.clone());
        Callback::from(move |view: ShopView| {
            notify.emit("Delivery zone saved.".into());
            on_shop.emit(view);
        })
    };
    html! {
        <div class="settings-page">
            <h1>{ "Settings" }</h1>
            <div class="settings-grid">
                <section class="card" aria-labelledby="shop-title">
                    <h2 id="shop-title">{ "Shop details" }</h2>
                    <ShopForm
                        initial={shop_input(&props.shop)}
                        form_id="shop-form"
                        submit_id="shop-save"
                        submit_label="Save shop details"
                        on_saved={on_shop_saved}
                    />
                </section>
                <HoursEditor
                    hours={props.shop.shop.hours.clone()}
                    orders_when_closed={props.shop.shop.orders_when_closed}
                    on_saved={on_hours_saved}
                />
                <ZoneEditor zones={props.shop.zones.clone()} currency={props.shop.shop.currency} on_saved={on_zone_saved} />
                <VaultCard on_change={props.on_vault.clone()} notify={props.notify.clone()} />
                <WhatsAppCard />
                <PaymentSettings notify={props.notify.clone()} />
                <PrinterSettingsCard notify={props.notify.clone()} />
                <HostedSettings notify={props.notify.clone()} />
                <PrivacyCard notify={props.notify.clone()} />
                <PeopleSettings session={props.session.clone()} on_session={props.on_session.clone()}
                    notify={props.notify.clone()} />
                <ThemeCard theme={props.theme} on_theme={props.on_theme.clone()} />
                <UpdateCard />
                <AppInfoCard />
            </div>
        </div>
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
            <h2 id="theme-title">{ "Appearance" }</h2>
            <ErrorBanner message={(*error).clone().map(AttrValue::from)} />
            <button type="button" id="theme-toggle" class="secondary" role="switch"
                aria-checked={if dark { "true" } else { "false" }} {onclick}>
                { if dark { "Dark theme: on" } else { "Dark theme: off" } }
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
        None => html! { <p class="muted">{ "Loading…" }</p> },
        Some(Err(message)) => {
            html! { <div class="banner error" role="alert">{ message.clone() }</div> }
        }
        Some(Ok(info)) => html! {
            <dl class="facts">
                <dt>{ "Version" }</dt><dd id="app-version">{ info.version.clone() }</dd>
                <dt>{ "Database" }</dt><dd id="app-database" class="path">{ info.database_path.clone() }</dd>
            </dl>
        },
    };
    html! {
        <section class="card" aria-labelledby="about-title">
            <h2 id="about-title">{ "About DukaDesk" }</h2>
            { body }
        </section>
    }
}
