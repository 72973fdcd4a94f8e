//! The app shell: loads the shop and the theme at start, shows first-run
//! setup until a shop exists, then the main layout (top bar, left nav, the
//! current screen, toasts). Alt+1…6 switch screens from anywhere. The inbox
//! list is polled here, for the whole app, so the nav badge counts unread
//! messages on every screen; the sync indicator at the nav's foot polls the
//! hosted backend's status the same way.

use crate::components::banner::{Toast, Toasts, TOAST_MS};
use crate::components::inbox_feed::use_inbox_feed;
use crate::components::keyboard::use_keydown;
use crate::components::nav::{Nav, Page};
use crate::components::sync_indicator::SyncIndicator;
use crate::ipc::invoke;
use crate::pages::catalogue::CataloguePage;
use crate::pages::customers::CustomersPage;
use crate::pages::inbox::InboxPage;
use crate::pages::settings::SettingsPage;
use crate::pages::setup::SetupPage;
use crate::pages::test_chat::TestChatPage;
use crate::pages::till::TillPage;
use dukadesk_domain::ipc::{GetShop, GetTheme, NoArgs, ShopView, Theme};
use gloo_timers::callback::Timeout;
use std::rc::Rc;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// Where start-up is.
#[derive(Debug, Clone, PartialEq)]
enum Boot {
    Loading,
    Failed(String),
    Ready(Option<Box<ShopView>>),
}

/// Sets `data-theme` on `<html>`, which the stylesheet keys on.
pub(crate) fn apply_theme(theme: Theme) {
    let value = match theme {
        Theme::Light => "light",
        Theme::Dark => "dark",
    };
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("data-theme", value);
    }
}

/// The shown toasts.
#[derive(Debug, Default, PartialEq)]
struct ToastList {
    next_id: u32,
    toasts: Vec<Toast>,
}

enum ToastAction {
    Push(u32, String),
    Remove(u32),
}

impl Reducible for ToastList {
    type Action = ToastAction;
    fn reduce(self: Rc<Self>, action: ToastAction) -> Rc<Self> {
        let mut toasts = self.toasts.clone();
        let mut next_id = self.next_id;
        match action {
            ToastAction::Push(id, message) => {
                toasts.push(Toast { id, message });
                next_id = next_id.max(id + 1);
            }
            ToastAction::Remove(id) => toasts.retain(|t| t.id != id),
        }
        Rc::new(Self { next_id, toasts })
    }
}

/// A callback that shows a toast and removes it after [`TOAST_MS`].
#[hook]
fn use_notifier(list: &UseReducerHandle<ToastList>) -> Callback<String> {
    let list = list.clone();
    use_callback((), move |message: String, _| {
        let id = list.next_id;
        list.dispatch(ToastAction::Push(id, message));
        let dispatcher = list.dispatcher();
        Timeout::new(TOAST_MS, move || {
            dispatcher.dispatch(ToastAction::Remove(id))
        })
        .forget();
    })
}

/// The root component.
#[function_component]
pub fn App() -> Html {
    let boot = use_state(|| Boot::Loading);
    let attempt = use_state(|| 0u32);
    let theme = use_state(Theme::default);
    let page = use_state(|| Page::Till);
    let toasts = use_reducer(ToastList::default);
    let notify = use_notifier(&toasts);

    {
        let boot = boot.clone();
        use_effect_with(*attempt, move |_| {
            boot.set(Boot::Loading);
            spawn_local(async move {
                boot.set(match invoke::<GetShop>(&NoArgs {}).await {
                    Ok(shop) => Boot::Ready(shop.map(Box::new)),
                    Err(e) => Boot::Failed(e.message),
                });
            });
        });
    }
    {
        let theme = theme.clone();
        use_effect_with((), move |_| {
            spawn_local(async move {
                // Without a remembered theme the light one stays.
                if let Ok(t) = invoke::<GetTheme>(&NoArgs {}).await {
                    theme.set(t);
                }
            });
        });
    }
    use_effect_with(*theme, |t| apply_theme(*t));
    {
        let page = page.clone();
        use_keydown(Callback::from(move |e: KeyboardEvent| {
            if !e.alt_key() || e.ctrl_key() || e.meta_key() {
                return;
            }
            if let Some(p) = Page::from_key_code(&e.code()) {
                e.prevent_default();
                page.set(p);
            }
        }));
    }

    let body = match &*boot {
        Boot::Loading => html! { <div class="boot">{ "Opening DukaDesk…" }</div> },
        Boot::Failed(message) => {
            let attempt = attempt.clone();
            html! {
                <div class="boot">
                    <div class="banner error" role="alert">{ message.clone() }</div>
                    <button id="boot-retry" class="primary" onclick={move |_| attempt.set(*attempt + 1)}>
                        { "Try again" }
                    </button>
                </div>
            }
        }
        Boot::Ready(None) => {
            let on_saved = {
                let (boot, page, notify) = (boot.clone(), page.clone(), notify.clone());
                Callback::from(move |view: ShopView| {
                    notify.emit(format!("Welcome, {}! Your till is ready.", view.shop.name));
                    page.set(Page::Till);
                    boot.set(Boot::Ready(Some(Box::new(view))));
                })
            };
            html! { <SetupPage {on_saved} /> }
        }
        Boot::Ready(Some(view)) => {
            let on_shop = {
                let boot = boot.clone();
                Callback::from(move |v: ShopView| boot.set(Boot::Ready(Some(Box::new(v)))))
            };
            let on_theme = {
                let theme = theme.clone();
                Callback::from(move |t: Theme| theme.set(t))
            };
            let layout = LayoutProps {
                shop: (**view).clone(),
                page: *page,
                on_page: Callback::from({
                    let page = page.clone();
                    move |p| page.set(p)
                }),
                on_shop,
                theme: *theme,
                on_theme,
                notify: notify.clone(),
            };
            html! { <Layout ..layout /> }
        }
    };

    html! {
        <>
            { body }
            <Toasts toasts={toasts.toasts.clone()} />
        </>
    }
}

/// Props of [`Layout`].
#[derive(Properties, PartialEq)]
struct LayoutProps {
    shop: ShopView,
    page: Page,
    on_page: Callback<Page>,
    on_shop: Callback<ShopView>,
    theme: Theme,
    on_theme: Callback<Theme>,
    notify: Callback<String>,
}

/// The main layout once the shop exists.
#[function_component]
fn Layout(props: &LayoutProps) -> Html {
    let shop = &props.shop;
    let (feed, reload) = use_inbox_feed();
    let open_settings = {
        let on_page = props.on_page.clone();
        Callback::from(move |()| on_page.emit(Page::Settings))
    };
    let content = match props.page {
        Page::Till => html! {
            <TillPage shop={shop.clone()} notify={props.notify.clone()} />
        },
        Page::Catalogue => html! {
            <CataloguePage currency={shop.shop.currency} notify={props.notify.clone()} />
        },
        Page::Settings => html! {
            <SettingsPage
                shop={shop.clone()}
                on_shop={props.on_shop.clone()}
                theme={props.theme}
                on_theme={props.on_theme.clone()}
                notify={props.notify.clone()}
            />
        },
        Page::Inbox => html! {
            <InboxPage feed={(*feed).clone()} {reload} notify={props.notify.clone()} />
        },
        Page::TestChat => html! {
            <TestChatPage shop_name={shop.shop.name.clone()} country={shop.shop.country}
                notify={props.notify.clone()} />
        },
        Page::Customers => html! { <CustomersPage notify={props.notify.clone()} /> },
    };
    html! {
        <div class="app">
            <header class="topbar">
                <span class="brand">{ "DukaDesk" }</span>
                <span id="topbar-shop-name" class="shop-name">{ shop.shop.name.clone() }</span>
                <span class="shop-code">{ shop.shop.code.as_str().to_owned() }</span>
            </header>
            <Nav current={props.page} on_pick={props.on_page.clone()} unread={feed.unread_total()}>
                <SyncIndicator on_open={open_settings} />
            </Nav>
            <main class="content" data-page={props.page.slug()}>{ content }</main>
        </div>
    }
}
