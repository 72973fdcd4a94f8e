//! The left navigation: one button per main screen, with its Alt+digit key.

use yew::prelude::*;

/// The main screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// The order queue and the manual order form.
    Till,
    /// Items and categories.
    Catalogue,
    /// Shop details, delivery zones, theme, app info.
    Settings,
}

impl Page {
    /// In nav order; Alt+1 is the first.
    pub const ALL: [Page; 3] = [Page::Till, Page::Catalogue, Page::Settings];

    /// A label for people.
    pub const fn label(self) -> &'static str {
        match self {
            Page::Till => "Till",
            Page::Catalogue => "Catalogue",
            Page::Settings => "Settings",
        }
    }

    /// The nav button's id.
    pub const fn nav_id(self) -> &'static str {
        match self {
            Page::Till => "nav-till",
            Page::Catalogue => "nav-catalogue",
            Page::Settings => "nav-settings",
        }
    }

    /// The screen for an Alt+digit key code (`Digit1`…).
    pub fn from_key_code(code: &str) -> Option<Page> {
        match code {
            "Digit1" | "Numpad1" => Some(Page::Till),
            "Digit2" | "Numpad2" => Some(Page::Catalogue),
            "Digit3" | "Numpad3" => Some(Page::Settings),
            _ => None,
        }
    }
}

/// Props of [`Nav`].
#[derive(Properties, PartialEq)]
pub struct NavProps {
    /// The screen shown.
    pub current: Page,
    /// Called with the screen picked.
    pub on_pick: Callback<Page>,
}

/// The nav column.
#[function_component]
pub fn Nav(props: &NavProps) -> Html {
    let buttons = Page::ALL.iter().enumerate().map(|(i, page)| {
        let page = *page;
        let on_pick = props.on_pick.clone();
        let current = page == props.current;
        let key = format!("Alt+{}", i + 1);
        html! {
            <button
                type="button"
                id={page.nav_id()}
                class={classes!("nav-item", current.then_some("active"))}
                aria-current={current.then_some("page")}
                data-key={key.clone()}
                aria-keyshortcuts={key}
                onclick={Callback::from(move |_| on_pick.emit(page))}
            >
                { page.label() }
            </button>
        }
    });
    html! {
        <nav class="sidenav" aria-label="Main">{ for buttons }</nav>
    }
}
