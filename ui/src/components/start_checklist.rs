//! The start checklist on the till: five steps from an empty shop to real
//! customers, each ticked from the shop's real state (`GetStartChecklist`)
//! and each opening the place to do it, above the till's queue. It folds
//! away to one line (and opens again; once every step is done, hiding it
//! is for good),
//! and once WhatsApp is linked its last step shows the shop link to copy
//! and a poster to print.

use crate::components::nav::Page;
use crate::i18n::{t, t_args, t_count};
use crate::ipc::invoke;
use dukadesk_domain::ipc::{
    FoldStartChecklist, GetStartChecklist, NoArgs, SaveShopPoster, SavedFile, ShopLinkShared,
};
use dukadesk_domain::start::{
    FoldChecklist, LinkShared, PosterSize, SavePoster, StartChecklist, StartStep,
};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use yew::prelude::*;

/// Props of [`StartChecklistCard`].
#[derive(Properties, PartialEq)]
pub struct StartChecklistProps {
    /// Opens another screen (and scrolls to the element with this id).
    pub on_open: Callback<(Page, Option<&'static str>)>,
    /// Shows a toast.
    pub notify: Callback<String>,
    /// Called with the list whenever it is read (the till words its empty
    /// queue by it).
    #[prop_or_default]
    pub on_loaded: Callback<StartChecklist>,
}

/// Where a step is done: the screen and the card on it.
const fn place(step: StartStep) -> (Page, Option<&'static str>) {
    match step {
        StartStep::Items => (Page::Catalogue, None),
        StartStep::TestChat => (Page::TestChat, None),
        StartStep::Mpesa => (Page::Settings, Some("payment-settings")),
        StartStep::WhatsApp => (Page::Settings, Some("whatsapp-settings")),
        StartStep::Share => (Page::Till, None),
    }
}

/// What to do, in a few words (`StartStep::title`, translated).
fn step_title(step: StartStep) -> String {
    match step {
        StartStep::Items => t("start-items-title"),
        StartStep::TestChat => t("start-test-chat-title"),
        StartStep::Mpesa => t("start-mpesa-title"),
        StartStep::WhatsApp => t("start-whatsapp-title"),
        StartStep::Share => t("start-share-title"),
    }
}

/// Why, in one line (`StartStep::hint`, translated).
fn step_hint(step: StartStep) -> String {
    match step {
        StartStep::Items => t("start-items-hint"),
        StartStep::TestChat => t("start-test-chat-hint"),
        StartStep::Mpesa => t("start-mpesa-hint"),
        StartStep::WhatsApp => t("start-whatsapp-hint"),
        StartStep::Share => t("start-share-hint"),
    }
}

/// Writes `text` to the clipboard; `false` when this webview has no
/// clipboard for pages (the link is then selected for Ctrl+C). The
/// Resellers page copies their links with it too.
pub(crate) async fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator = js_sys::Reflect::get(&window, &"navigator".into()).unwrap_or_default();
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .ok()
        .filter(|c| !c.is_undefined() && !c.is_null());
    let Some(clipboard) = clipboard else {
        return false;
    };
    let write = js_sys::Reflect::get(&clipboard, &"writeText".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(write) = write else {
        return false;
    };
    match write.call1(&clipboard, &text.into()) {
        Ok(promise) => match promise.dyn_into::<js_sys::Promise>() {
            Ok(p) => JsFuture::from(p).await.is_ok(),
            Err(_) => false,
        },
        Err(_) => false,
    }
}

/// The checklist, or its folded line.
#[function_component]
pub fn StartChecklistCard(props: &StartChecklistProps) -> Html {
    let list = use_state(|| None::<StartChecklist>);
    let error = use_state(|| None::<String>);
    let set = {
        let (list, on_loaded) = (list.clone(), props.on_loaded.clone());
        Callback::from(move |l: StartChecklist| {
            on_loaded.emit(l.clone());
            list.set(Some(l));
        })
    };
    {
        let (set, error) = (set.clone(), error.clone());
        use_effect_with((), move |_| {
            spawn_local(async move {
                match invoke::<GetStartChecklist>(&NoArgs {}).await {
                    Ok(l) => set.emit(l),
                    Err(e) => error.set(Some(e.message)),
                }
            });
        });
    }
    let Some(current) = (*list).clone() else {
        return match &*error {
            Some(message) => html! { <p class="banner error" role="alert">{ message.clone() }</p> },
            None => Html::default(),
        };
    };
    let fold = |folded: bool| {
        let (set, error) = (set.clone(), error.clone());
        Callback::from(move |_: MouseEvent| {
            let (set, error) = (set.clone(), error.clone());
            spawn_local(async move {
                match invoke::<FoldStartChecklist>(&FoldChecklist { folded }).await {
                    Ok(l) => set.emit(l),
                    Err(e) => error.set(Some(e.message)),
                }
            });
        })
    };
    let ticked = current.ticked();
    let total = StartStep::ALL.len().to_string();
    if current.folded && current.complete() {
        return Html::default();
    }
    if current.folded {
        return html! {
            <div id="start-folded" class="start-folded">
                <span>{ t_count("start-folded", ticked, &[("total", &total)]) }</span>
                <button type="button" id="start-unfold" class="ghost small" onclick={fold(false)}>
                    { t("start-unfold") }
                </button>
            </div>
        };
    }
    let next = current.next();
    let steps = StartStep::ALL.into_iter().map(|step| {
        let done = step.done(&current);
        let open = {
            let on_open = props.on_open.clone();
            Callback::from(move |_: MouseEvent| on_open.emit(place(step)))
        };
        let share = step == StartStep::Share;
        html! {
            <li id={format!("start-{}", step.key())}
                class={classes!("start-step", done.then_some("done"), (next == Some(step)).then_some("next"))}
                data-done={done.to_string()}>
                <span class="start-tick" aria-hidden="true">{ if done { "✓" } else { "" } }</span>
                <div class="start-text">
                    <strong>{ step_title(step) }</strong>
                    <span class="hint">{ step_hint(step) }</span>
                    if share {
                        <ShopLink link={current.shop_link.clone()} notify={props.notify.clone()} on_shared={set.clone()} />
                    }
                </div>
                if step != StartStep::Share && !done {
                    <button type="button" class={if next == Some(step) { "primary small" } else { "secondary small" }}
                        id={format!("start-open-{}", step.key())} onclick={open}>
                        { t("start-open") }
                    </button>
                }
            </li>
        }
    });
    html! {
        <section id="start-checklist" class="start-checklist" aria-labelledby="start-title">
            <header class="start-header">
                <h2 id="start-title">{ if current.complete() { t("start-title-ready") } else { t("start-title") } }</h2>
                <span id="start-count" class="muted">{ t_count("start-count", ticked, &[("total", &total)]) }</span>
                <button type="button" id="start-fold" class="ghost small" onclick={fold(true)}>{ t("start-hide") }</button>
            </header>
            if let Some(message) = &*error {
                <p class="banner error" role="alert">{ message.clone() }</p>
            }
            <ol class="start-steps">{ for steps }</ol>
        </section>
    }
}

/// Props of [`ShopLink`].
#[derive(Properties, PartialEq)]
struct ShopLinkProps {
    link: Option<String>,
    notify: Callback<String>,
    on_shared: Callback<StartChecklist>,
}

/// The shop link with Copy, and the poster in A4 or A5.
#[function_component]
fn ShopLink(props: &ShopLinkProps) -> Html {
    let busy = use_state(|| false);
    let message = use_state(|| None::<(bool, String)>);
    let input = use_node_ref();
    let Some(link) = props.link.clone() else {
        return html! {
            <p class="hint">{ t("start-link-whatsapp-first") }</p>
        };
    };
    let on_copy = {
        let (link, notify, on_shared, message, input) = (
            link.clone(),
            props.notify.clone(),
            props.on_shared.clone(),
            message.clone(),
            input.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let (link, notify, on_shared, message, input) = (
                link.clone(),
                notify.clone(),
                on_shared.clone(),
                message.clone(),
                input.clone(),
            );
            spawn_local(async move {
                if copy(&link).await {
                    notify.emit(t("start-link-copied"));
                    message.set(None);
                } else if let Some(el) = input.cast::<web_sys::HtmlInputElement>() {
                    el.select();
                    message.set(Some((true, t("start-link-press-ctrl-c"))));
                }
                if let Ok(l) = invoke::<ShopLinkShared>(&LinkShared {}).await {
                    on_shared.emit(l);
                }
            });
        })
    };
    let poster = |size: PosterSize| {
        let (busy, message, on_shared) = (busy.clone(), message.clone(), props.on_shared.clone());
        Callback::from(move |_: MouseEvent| {
            let (busy, message, on_shared) = (busy.clone(), message.clone(), on_shared.clone());
            busy.set(true);
            spawn_local(async move {
                match invoke::<SaveShopPoster>(&SavePoster { size }).await {
                    Ok(SavedFile::Saved { path }) => {
                        message.set(Some((
                            true,
                            t_args("start-poster-saved", &[("path", &path)]),
                        )));
                        if let Ok(l) = invoke::<GetStartChecklist>(&NoArgs {}).await {
                            on_shared.emit(l);
                        }
                    }
                    Ok(SavedFile::NothingWritten) => {
                        message.set(Some((true, t("start-nothing-saved"))));
                    }
                    Err(e) => message.set(Some((false, e.message))),
                }
                busy.set(false);
            });
        })
    };
    html! {
        <div class="shop-link">
            <div class="shop-link-row">
                <input id="shop-link" ref={input} type="text" readonly=true value={link.clone()}
                    aria-label={t("start-link-label")} onfocus={Callback::from(|e: FocusEvent| {
                        if let Some(el) = e.target_dyn_into::<web_sys::HtmlInputElement>() { el.select(); }
                    })} />
                <button type="button" id="shop-link-copy" class="primary small" onclick={on_copy}>{ t("start-copy-link") }</button>
            </div>
            <div class="actions">
                <button type="button" id="poster-a4" class="secondary small" disabled={*busy} onclick={poster(PosterSize::A4)}>{ t("start-poster-a4") }</button>
                <button type="button" id="poster-a5" class="secondary small" disabled={*busy} onclick={poster(PosterSize::A5)}>{ t("start-poster-a5") }</button>
            </div>
            if let Some((ok, text)) = &*message {
                <p id="shop-link-message" class={if *ok { "banner ok" } else { "banner error" }} role="status">{ text.clone() }</p>
            }
        </div>
    }
}

#[cfg(test)]
mod tests;
