//! The left navigation: one button per main screen, with its Alt+digit key,
//! the inbox's unread count as a badge, and at its foot whatever the layout
//! puts there (the sync indicator).

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
    /// Customer chats: read them, take over from the bot, reply.
    Inbox,
    /// The merchant plays a customer against their own bot.
    TestChat,
    /// Customers: correct their details, erase their personal data.
    Customers,
    /// Sales reports: a period's sales, payments, channels, items and hours.
    Reports,
    /// Resellers: their figures, shop links and payouts.
    Resellers,
}

impl Page {
    /// In nav order; Alt+1 is the first.
    pub const ALL: [Page; 8] = [
        Page::Till,
        Page::Catalogue,
        Page::Settings,
        Page::Inbox,
        Page::TestChat,
        Page::Customers,
        Page::Reports,
        Page::Resellers,
    ];

    /// A label for people, in the till's language.
    pub fn label(self) -> String {
        crate::i18n::t(match self {
            Page::Till => "nav-till",
            Page::Catalogue => "nav-catalogue",
            Page::Settings => "nav-settings",
            Page::Inbox => "nav-inbox",
            Page::TestChat => "nav-test-chat",
            Page::Customers => "nav-customers",
            Page::Reports => "nav-reports",
            Page::Resellers => "nav-resellers",
        })
    }

    /// The name the stylesheet keys on (`<main data-page=…>`).
    pub const fn slug(self) -> &'static str {
        match self {
            Page::Till => "till",
            Page::Catalogue => "catalogue",
            Page::Settings => "settings",
            Page::Inbox => "inbox",
            Page::TestChat => "test-chat",
            Page::Customers => "customers",
            Page::Reports => "reports",
            Page::Resellers => "resellers",
        }
    }

    /// The nav button's id.
    pub const fn nav_id(self) -> &'static str {
        match self {
            Page::Till => "nav-till",
            Page::Catalogue => "nav-catalogue",
            Page::Settings => "nav-settings",
            Page::Inbox => "nav-inbox",
            Page::TestChat => "nav-test-chat",
            Page::Customers => "nav-customers",
            Page::Reports => "nav-reports",
            Page::Resellers => "nav-resellers",
        }
    }

    /// The screen for an Alt+digit key code (`Digit1`…).
    pub fn from_key_code(code: &str) -> Option<Page> {
        let digit = code
            .strip_prefix("Digit")
            .or_else(|| code.strip_prefix("Numpad"))?;
        let index = digit.parse::<usize>().ok()?.checked_sub(1)?;
        Page::ALL.get(index).copied()
    }
}

/// Props of [`Nav`].
#[derive(Properties, PartialEq)]
pub struct NavProps {
    /// The screen shown.
    pub current: Page,
    /// Called with the screen picked.
    pub on_pick: Callback<Page>,
    /// Customer messages nobody has opened yet, across all chats.
    #[prop_or_default]
    pub unread: u32,
    /// Shown at the foot of the column.
    #[prop_or_default]
    pub children: Html,
}

/// The nav column.
#[function_component]
pub fn Nav(props: &NavProps) -> Html {
    let buttons = Page::ALL.iter().enumerate().map(|(i, page)| {
        let page = *page;
        let on_pick = props.on_pick.clone();
        let current = page == props.current;
        let key = format!("Alt+{}", i + 1);
        let unread = (page == Page::Inbox && props.unread > 0).then_some(props.unread);
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
                <span class="nav-label">{ page.label() }</span>
                if let Some(n) = unread {
                    <span id="nav-inbox-unread" class="nav-badge" title={format!("{n} unread")}>
                        { badge_text(n) }
                    </span>
                }
            </button>
        }
    });
    html! {
        <nav class="sidenav" aria-label="Main">
            { for buttons }
            <div class="sidenav-foot">{ props.children.clone() }</div>
        </nav>
    }
}

/// The badge's text: the count, capped so it stays small.
pub fn badge_text(unread: u32) -> String {
    if unread > 99 {
        "99+".into()
    } else {
        unread.to_string()
    }
}

#[cfg(test)]
mod tests;
