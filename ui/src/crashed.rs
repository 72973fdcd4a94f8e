//! When the screen's own code fails (a bug: every expected problem is an
//! error shown beside its field), the page would otherwise stop answering
//! with no word. Instead a banner says so, offers to reload the screen
//! (everything saved lives in the shop's store, not in the page), and keeps
//! the failure's words for whoever helps the shop.

use crate::i18n::t_if_free;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The banner's element id (the end-to-end tests read it when a screen
/// stops answering).
pub const BANNER_ID: &str = "ui-crashed";

/// The banner's words by key, in English for when the screens' own cannot
/// be read (the same as `en.ftl`'s, which a test checks).
pub(crate) const ENGLISH: [(&str, &str); 3] = [
    (
        "crashed-words",
        "This screen stopped working. Reload it to carry on: everything saved is kept.",
    ),
    ("crashed-reload", "Reload the screen"),
    ("crashed-details", "What went wrong (for support)"),
];

/// Installs the hook: from here on a failure shows the banner.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let detail = info.to_string();
        web_sys::console::error_1(&detail.as_str().into());
        show_banner(&detail);
    }));
}

/// Puts the banner on the page, once. Plain DOM: the app's own code can
/// no longer be trusted to draw it.
fn show_banner(detail: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.get_element_by_id(BANNER_ID).is_some() {
        return;
    }
    let Some(body) = document.body() else {
        return;
    };
    let element = |tag: &str, text: &str| {
        document.create_element(tag).ok().inspect(|el| {
            el.set_text_content(Some(text));
        })
    };
    // In the screens' language when its words can still be read; English
    // otherwise.
    let said = |n: usize| {
        let (key, english) = ENGLISH[n];
        t_if_free(key).unwrap_or_else(|| english.to_owned())
    };
    let (Some(banner), Some(words), Some(button), Some(details), Some(summary), Some(pre)) = (
        element("div", ""),
        element("p", &said(0)),
        element("button", &said(1)),
        element("details", ""),
        element("summary", &said(2)),
        element("pre", detail),
    ) else {
        return;
    };
    banner.set_id(BANNER_ID);
    let _ = banner.set_attribute("role", "alert");
    let _ = banner.set_attribute("class", "crashed");
    let _ = button.set_attribute("type", "button");
    let _ = button.set_attribute("class", "primary");
    let reload = Closure::<dyn Fn()>::new(|| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    let _ = button.add_event_listener_with_callback("click", reload.as_ref().unchecked_ref());
    // The page lives until it reloads; so does its one listener.
    reload.forget();
    let _ = details.append_child(&summary);
    let _ = details.append_child(&pre);
    let _ = banner.append_child(&words);
    let _ = banner.append_child(&button);
    let _ = banner.append_child(&details);
    let _ = body.prepend_with_node_1(&banner);
}
