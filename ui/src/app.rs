//! The app shell: loads the shop, the session and the theme at start, shows
//! first-run setup until a shop exists, the lock screen while nobody is
//! signed in, then the main layout (top bar, left nav, the current screen,
//! toasts). It also hosts the owner-password prompt that owner-only actions
//! raise (`crate::ipc::invoke`), and the idle timer: after the owner's idle
//! minutes without a key or pointer, it locks (which shows the lock screen
//! when the shop has staff, and always drops the owner's confirmation). Alt+1…8 switch screens from anywhere. The inbox
//! list is polled here, for the whole app, so the nav badge counts unread
//! messages on every screen; the sync indicator at the nav's foot polls the
//! hosted backend's status the same way.

use crate::components::banner::{Toast, Toasts, TOAST_MS};
use crate::components::inbox_feed::use_inbox_feed;
use crate::components::keyboard::use_keydown;
use crate::components::nav::{Nav, Page};
use crate::components::owner_prompt::OwnerPrompt;
use crate::components::sync_indicator::SyncIndicator;
use crate::components::vault_card::VAULT_CARD;
use crate::i18n::{apply_language, t};
use crate::ipc::{answer_owner_prompt, invoke, set_owner_prompt};
use crate::pages::catalogue::CataloguePage;
use crate::pages::customers::CustomersPage;
use crate::pages::inbox::InboxPage;
use crate::pages::lock::LockPage;
use crate::pages::reports::ReportsPage;
use crate::pages::resellers::ResellersPage;
use crate::pages::settings::{Section, SettingsPage};
use crate::pages::setup::SetupPage;
use crate::pages::test_chat::TestChatPage;
use crate::pages::till::TillPage;
use dukadesk_domain::customer::Language;
use dukadesk_domain::ipc::{
    GetSession, GetShop, GetStoreHealth, GetTheme, GetUiLanguage, GetVaultStatus, LockCmd, NoArgs,
    OpenExportWindow, SessionView, ShopView, StoreHealth, Theme, VaultStatus,
};
use gloo_timers::callback::{Interval, Timeout};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
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

/// Calls `on_idle` once `minutes` pass without a key, click, touch or
/// pointer move, then again only after new activity and another idle
/// stretch.
#[hook]
fn use_idle(minutes: u32, on_idle: Callback<()>) {
    let last = use_mut_ref(js_sys::Date::now);
    let fired = use_mut_ref(|| false);
    let latest = use_mut_ref(|| on_idle.clone());
    *latest.borrow_mut() = on_idle;
    use_effect_with(minutes, move |minutes| {
        let limit = f64::from(*minutes) * 60_000.0;
        let activity = {
            let (last, fired) = (last.clone(), fired.clone());
            Closure::<dyn Fn(web_sys::Event)>::new(move |_: web_sys::Event| {
                *last.borrow_mut() = js_sys::Date::now();
                *fired.borrow_mut() = false;
            })
        };
        let document = web_sys::window().and_then(|w| w.document());
        const EVENTS: [&str; 4] = ["keydown", "pointerdown", "pointermove", "wheel"];
        if let Some(doc) = &document {
            for name in EVENTS {
                let _ =
                    doc.add_event_listener_with_callback(name, activity.as_ref().unchecked_ref());
            }
        }
        *last.borrow_mut() = js_sys::Date::now();
        let tick = Interval::new(5_000, move || {
            if !*fired.borrow() && js_sys::Date::now() - *last.borrow() >= limit {
                *fired.borrow_mut() = true;
                let handler = latest.borrow().clone();
                handler.emit(());
            }
        });
        move || {
            drop(tick);
            if let Some(doc) = &document {
                for name in EVENTS {
                    let _ = doc.remove_event_listener_with_callback(
                        name,
                        activity.as_ref().unchecked_ref(),
                    );
                }
            }
            drop(activity);
        }
    });
}

/// The root component.
#[function_component]
pub fn App() -> Html {
    let boot = use_state(|| Boot::Loading);
    let session = use_state(|| None::<SessionView>);
    let prompt = use_state(|| false);
    let attempt = use_state(|| 0u32);
    let theme = use_state(Theme::default);
    let language = use_state(|| Language::En);
    let page = use_state(|| Page::Till);
    let toasts = use_reducer(ToastList::default);
    let notify = use_notifier(&toasts);

    {
        let (boot, session) = (boot.clone(), session.clone());
        use_effect_with(*attempt, move |_| {
            boot.set(Boot::Loading);
            spawn_local(async move {
                let shop = match invoke::<GetShop>(&NoArgs {}).await {
                    Ok(shop) => shop,
                    Err(e) => return boot.set(Boot::Failed(e.message)),
                };
                match invoke::<GetSession>(&NoArgs {}).await {
                    Ok(view) => {
                        session.set(Some(view));
                        boot.set(Boot::Ready(shop.map(Box::new)));
                    }
                    Err(e) => boot.set(Boot::Failed(e.message)),
                }
            });
        });
    }
    let reload_session = {
        let session = session.clone();
        Callback::from(move |()| {
            let session = session.clone();
            spawn_local(async move {
                if let Ok(view) = invoke::<GetSession>(&NoArgs {}).await {
                    session.set(Some(view));
                }
            });
        })
    };
    {
        let prompt = prompt.clone();
        use_effect_with((), move |_| {
            set_owner_prompt(Callback::from(move |()| prompt.set(true)));
        });
    }
    let lock = {
        let session = session.clone();
        Callback::from(move |()| {
            let session = session.clone();
            spawn_local(async move {
                if let Ok(view) = invoke::<LockCmd>(&NoArgs {}).await {
                    session.set(Some(view));
                }
            });
        })
    };
    let signed_in = session.as_ref().is_some_and(|s| s.signed_in.is_some());
    let idle_minutes = session.as_ref().map_or(5, |s| s.idle_minutes);
    {
        let lock = lock.clone();
        use_idle(
            idle_minutes,
            Callback::from(move |()| {
                if signed_in {
                    lock.emit(());
                }
            }),
        );
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
        let language = language.clone();
        use_effect_with((), move |_| {
            spawn_local(async move {
                // Without a chosen language the screens stay in English.
                if let Ok(l) = invoke::<GetUiLanguage>(&NoArgs {}).await {
                    apply_language(l);
                    language.set(l);
                }
            });
        });
    }
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
        Boot::Loading => opening(),
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
                let (boot, page, notify, reload_session) = (
                    boot.clone(),
                    page.clone(),
                    notify.clone(),
                    reload_session.clone(),
                );
                Callback::from(move |view: ShopView| {
                    notify.emit(format!("Welcome, {}! Your till is ready.", view.shop.name));
                    page.set(Page::Till);
                    reload_session.emit(());
                    boot.set(Boot::Ready(Some(Box::new(view))));
                })
            };
            html! { <SetupPage {on_saved} /> }
        }
        Boot::Ready(Some(view)) if !signed_in => {
            let on_signed_in = {
                let (session, page) = (session.clone(), page.clone());
                Callback::from(move |v: SessionView| {
                    page.set(Page::Till);
                    session.set(Some(v));
                })
            };
            match &*session {
                Some(s) => html! {
                    <LockPage key={language.code()} shop_name={view.shop.name.clone()} session={s.clone()} {on_signed_in} />
                },
                None => opening(),
            }
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
            let on_language = {
                let language = language.clone();
                Callback::from(move |l: Language| {
                    apply_language(l);
                    language.set(l);
                })
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
                language: *language,
                on_language,
                notify: notify.clone(),
                session: (*session).clone().unwrap_or_else(|| SessionView {
                    signed_in: None,
                    owner_confirmed: false,
                    owner_password_set: false,
                    staff: Vec::new(),
                    idle_minutes: 5,
                }),
                on_session: Callback::from({
                    let session = session.clone();
                    move |v| session.set(Some(v))
                }),
                on_lock: lock.clone(),
            };
            html! { <Layout ..layout /> }
        }
    };

    let owner_prompt = if *prompt {
        let on_done = {
            let (prompt, reload_session) = (prompt.clone(), reload_session.clone());
            Callback::from(move |confirmed: bool| {
                prompt.set(false);
                answer_owner_prompt(confirmed);
                reload_session.emit(());
            })
        };
        let password_set = session.as_ref().is_some_and(|s| s.owner_password_set);
        html! { <OwnerPrompt {password_set} {on_done} /> }
    } else {
        Html::default()
    };

    html! {
        <>
            { body }
            { owner_prompt }
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
    language: Language,
    on_language: Callback<Language>,
    notify: Callback<String>,
    session: SessionView,
    on_session: Callback<SessionView>,
    on_lock: Callback<()>,
}

/// The main layout once the shop exists.
#[function_component]
fn Layout(props: &LayoutProps) -> Html {
    let shop = &props.shop;
    let (feed, reload) = use_inbox_feed();
    let who = props
        .session
        .signed_in
        .as_ref()
        .map(|p| p.name.clone())
        .unwrap_or_default();
    // Kept while other screens show, so Settings reopens where it was.
    let settings_section = use_state(|| Section::Shop);
    // A screen, scrolled to one of its cards once it has drawn it (in
    // Settings, the section holding it shown first).
    let open_place = {
        let (on_page, settings_section) = (props.on_page.clone(), settings_section.clone());
        Callback::from(move |(page, card): (Page, Option<&'static str>)| {
            if let Some(section) = card.and_then(Section::holding) {
                settings_section.set(section);
            }
            on_page.emit(page);
            if let Some(id) = card {
                spawn_local(async move {
                    // Settings loads its cards; give it up to 3 s.
                    for _ in 0..60 {
                        gloo_timers::future::TimeoutFuture::new(50).await;
                        let el = web_sys::window()
                            .and_then(|w| w.document())
                            .and_then(|d| d.get_element_by_id(id));
                        if let Some(el) = el {
                            el.scroll_into_view();
                            break;
                        }
                    }
                });
            }
        })
    };
    // Secrets locked (a passphrase to enter or choose): a banner on every
    // screen until they are open, leading to Settings → Saved secrets.
    let vault = use_state(|| None::<VaultStatus>);
    {
        let vault = vault.clone();
        use_effect_with((), move |_| {
            spawn_local(async move {
                if let Ok(s) = invoke::<GetVaultStatus>(&NoArgs {}).await {
                    vault.set(Some(s));
                }
            });
        });
    }
    // The check of the shop's data file runs after start-up: asked until
    // it has an answer, which shows as a banner on every screen if the
    // file is damaged.
    let health = use_state(|| None::<StoreHealth>);
    let checking = matches!(*health, None | Some(StoreHealth::Checking));
    {
        let health = health.clone();
        use_effect_with(checking, move |checking| {
            let poll = checking.then(|| {
                let ask = move || {
                    let health = health.clone();
                    spawn_local(async move {
                        if let Ok(h) = invoke::<GetStoreHealth>(&NoArgs {}).await {
                            health.set(Some(h));
                        }
                    });
                };
                ask.clone()();
                Interval::new(2_000, ask)
            });
            move || drop(poll)
        });
    }
    let vault_banner = match *vault {
        Some(VaultStatus::NeedsPassphrase | VaultStatus::ChoosePassphrase { .. })
            if props.page != Page::Settings =>
        {
            let open = {
                let open_place = open_place.clone();
                Callback::from(move |_: MouseEvent| {
                    open_place.emit((Page::Settings, Some(VAULT_CARD)))
                })
            };
            let text = match *vault {
                Some(VaultStatus::NeedsPassphrase) => {
                    "Saved secrets are locked: M-Pesa payments, sync and WhatsApp wait for the passphrase."
                }
                _ => "This computer has no keyring for saved secrets: choose a passphrase before saving M-Pesa or sync details.",
            };
            html! {
                <div class="banner warn vault-banner" id="vault-banner" role="status">
                    <span>{ text }</span>
                    <button type="button" id="vault-banner-open" class="secondary" onclick={open}>
                        { "Open saved secrets" }
                    </button>
                </div>
            }
        }
        _ => Html::default(),
    };
    let health_banner = match &*health {
        Some(StoreHealth::Damaged { findings }) => {
            let export = Callback::from(|_: MouseEvent| {
                spawn_local(async {
                    let _ = invoke::<OpenExportWindow>(&NoArgs {}).await;
                });
            });
            html! {
                <div class="banner error store-damaged" id="store-damaged" role="alert">
                    <span>{ t("store-damaged") }</span>
                    <button type="button" id="store-damaged-export" class="secondary" onclick={export}>
                        { t("store-damaged-export") }
                    </button>
                    <details>
                        <summary>{ t("store-damaged-details") }</summary>
                        <pre>{ findings.join("\n") }</pre>
                    </details>
                </div>
            }
        }
        _ => Html::default(),
    };
    let open_settings = {
        let open_place = open_place.clone();
        Callback::from(move |()| open_place.emit((Page::Settings, Some("hosted-settings"))))
    };
    let content = match props.page {
        Page::Till => html! {
            <TillPage shop={shop.clone()} notify={props.notify.clone()} on_open={open_place} />
        },
        Page::Catalogue => html! {
            <CataloguePage currency={shop.shop.currency} notify={props.notify.clone()} />
        },
        Page::Settings => html! {
            <SettingsPage
                on_vault={let vault = vault.clone(); Callback::from(move |s| vault.set(Some(s)))}
                shop={shop.clone()}
                on_shop={props.on_shop.clone()}
                theme={props.theme}
                on_theme={props.on_theme.clone()}
                language={props.language}
                on_language={props.on_language.clone()}
                notify={props.notify.clone()}
                session={props.session.clone()}
                on_session={props.on_session.clone()}
                section={*settings_section}
                on_section={let s = settings_section.clone(); Callback::from(move |v| s.set(v))}
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
        Page::Reports => html! { <ReportsPage notify={props.notify.clone()} /> },
        Page::Resellers => html! {
            <ResellersPage currency={shop.shop.currency} country={shop.shop.country}
                notify={props.notify.clone()} on_open={open_place} />
        },
    };
    html! {
        <div class="app">
            <header class="topbar">
                <span class="brand">{ "DukaDesk" }</span>
                <span id="topbar-shop-name" class="shop-name">{ shop.shop.name.clone() }</span>
                <span class="shop-code">{ shop.shop.code.as_str().to_owned() }</span>
                <span id="signed-in" class="signed-in">{ who }</span>
            </header>
            // Keyed by the language: a new language draws the nav and the
            // page afresh in it (the layout's own state, such as the
            // Settings section open, stays).
            <Nav key={format!("nav-{}", props.language.code())} current={props.page}
                on_pick={props.on_page.clone()} unread={feed.unread_total()}>
                if !props.session.staff.is_empty() {
                    <button type="button" id="nav-lock" class="nav-item lock-item"
                        title={t("nav-lock-title")}
                        onclick={let on_lock = props.on_lock.clone(); move |_| on_lock.emit(())}>
                        { t("nav-lock") }
                    </button>
                }
                <SyncIndicator on_open={open_settings} />
            </Nav>
            <main key={format!("main-{}", props.language.code())} class="content"
                data-page={props.page.slug()}>{ health_banner }{ vault_banner }{ content }</main>
        </div>
    }
}

/// "Opening DukaDesk…" with the logo, as index.html draws it before this
/// code has loaded, so nothing moves when the app takes over.
fn opening() -> Html {
    html! {
        <div class="boot">
            <img class="boot-logo" src="/128x128.png" width="96" height="96" alt="" />
            <span>{ "Opening DukaDesk…" }</span>
        </div>
    }
}
