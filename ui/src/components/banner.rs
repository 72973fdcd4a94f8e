//! Banners: a `.banner.error` for problems no form field owns, and the
//! `.banner.ok` toasts that confirm a change and fade after three seconds.

use yew::prelude::*;

/// How long a toast stays, in milliseconds (the CSS fade matches it).
pub const TOAST_MS: u32 = 3_000;

/// Props of [`ErrorBanner`].
#[derive(Properties, PartialEq)]
pub struct ErrorBannerProps {
    /// The message; nothing is drawn without one.
    pub message: Option<AttrValue>,
}

/// A red banner with a message for people.
#[function_component]
pub fn ErrorBanner(props: &ErrorBannerProps) -> Html {
    match &props.message {
        Some(message) => html! {
            <div class="banner error" role="alert">{ message.clone() }</div>
        },
        None => Html::default(),
    }
}

/// One toast.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Toast {
    /// Unique while shown.
    pub id: u32,
    /// What happened.
    pub message: String,
}

/// Props of [`Toasts`].
#[derive(Properties, PartialEq)]
pub struct ToastsProps {
    /// Toasts, oldest first.
    pub toasts: Vec<Toast>,
}

/// The newest success toast, in the top bar. Only one shows: a clerk reads
/// the last change, and a stack would cover the screen at 1024x700.
#[function_component]
pub fn Toasts(props: &ToastsProps) -> Html {
    html! {
        <div class="toasts" aria-live="polite">
            { for props.toasts.last().map(|t| html! {
                <div key={t.id} class="banner ok" role="status">{ t.message.clone() }</div>
            }) }
        </div>
    }
}
