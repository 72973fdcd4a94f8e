//! First-run setup: the shop's name, link code, business type and country,
//! and the owner password. Shown until `GetShop` returns a shop; saving it
//! opens the till with the owner signed in.

use crate::components::shop_form::ShopForm;
use dukadesk_domain::ipc::ShopView;
use dukadesk_domain::shop::ShopInput;
use yew::prelude::*;

/// Props of [`SetupPage`].
#[derive(Properties, PartialEq)]
pub struct SetupPageProps {
    /// Called with the new shop.
    pub on_saved: Callback<ShopView>,
}

/// The setup screen.
#[function_component]
pub fn SetupPage(props: &SetupPageProps) -> Html {
    html! {
        <div class="setup">
            <div class="setup-card card">
                <h1>{ "Welcome to DukaDesk" }</h1>
                <p class="muted">
                    { "Tell us about your shop. You can change all of this later in Settings." }
                </p>
                <ShopForm
                    initial={ShopInput::default()}
                    form_id="setup-form"
                    submit_id="setup-submit"
                    submit_label="Open my till"
                    on_saved={props.on_saved.clone()}
                    owner_password=true
                />
            </div>
        </div>
    }
}
