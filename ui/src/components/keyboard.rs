//! Keyboard plumbing: a hook that hands every `keydown` on the document to
//! one handler per page, and small helpers to ask where the focus is and to
//! move it. Pages keep their whole key map in that one handler.
//!
//! Yew's own listeners run in the capture phase at the app root, so a
//! component that handled a key itself (and called `prevent_default`) is seen
//! first; page handlers skip such events with [`handled_elsewhere`].

use dukadesk_domain::barcode::ScanDetector;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

/// Calls `handler` for every `keydown` on the document while the component
/// is mounted. The latest `handler` is used, so it may capture fresh state on
/// each render.
#[hook]
pub fn use_keydown(handler: Callback<KeyboardEvent>) {
    let latest = use_mut_ref(|| handler.clone());
    *latest.borrow_mut() = handler;
    use_effect_with((), move |_| {
        let latest = Rc::clone(&latest);
        let listener = Closure::<dyn Fn(KeyboardEvent)>::new(move |e: KeyboardEvent| {
            // Clone first: the handler may re-render, which replaces `latest`.
            let handler = latest.borrow().clone();
            handler.emit(e);
        });
        let document = web_sys::window().and_then(|w| w.document());
        if let Some(doc) = &document {
            // Adding a listener only fails for a non-function, which this is not.
            let _ =
                doc.add_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
        }
        move || {
            if let Some(doc) = &document {
                let _ = doc.remove_event_listener_with_callback(
                    "keydown",
                    listener.as_ref().unchecked_ref(),
                );
            }
            drop(listener);
        }
    });
}

/// Calls `on_scan` with each barcode a keyboard-wedge scanner types while
/// the component is mounted, wherever the focus is. It listens on the
/// window in the capture phase, before any field or page: the Enter that
/// ends a scan reaches nothing else, and what the scan typed into a text
/// field is taken back out of it. Typing is never taken for a scan
/// ([`ScanDetector`]: a code needs a digit, so a word typed fast is still a
/// search, and at least 6 characters, so no amount); held-down keys
/// (auto-repeat) end a run, and password, PIN and amount fields are left
/// alone.
#[hook]
pub fn use_scanner(on_scan: Callback<String>) {
    let latest = use_mut_ref(|| on_scan.clone());
    *latest.borrow_mut() = on_scan;
    use_effect_with((), move |_| {
        let latest = Rc::clone(&latest);
        let detector = RefCell::new(ScanDetector::default());
        let listener = Closure::<dyn Fn(KeyboardEvent)>::new(move |e: KeyboardEvent| {
            let key = e.key();
            let mut chars = key.chars();
            let single = match (chars.next(), chars.next()) {
                (Some(ch), None) => Some(ch),
                _ => None,
            };
            // Held-down keys, shortcuts, passwords and PINs, and amounts
            // (never a product code, and their Enter must always reach
            // their form: `p`, 1000, Enter records cash however fast).
            if e.repeat() || e.ctrl_key() || e.alt_key() || e.meta_key() || not_for_scans(&e) {
                detector.borrow_mut().reset();
                return;
            }
            if let Some(ch) = single {
                detector.borrow_mut().key(ch, e.time_stamp());
            } else if key == "Enter" {
                let typed = detector.borrow().run_len();
                let scanned = detector.borrow_mut().enter(e.time_stamp());
                if let Some(code) = scanned {
                    e.prevent_default();
                    e.stop_immediate_propagation();
                    take_back(&e, typed);
                    let handler = latest.borrow().clone();
                    handler.emit(code);
                }
            } else if key != "Shift" {
                detector.borrow_mut().reset();
            }
        });
        let window = web_sys::window();
        if let Some(w) = &window {
            let _ = w.add_event_listener_with_callback_and_bool(
                "keydown",
                listener.as_ref().unchecked_ref(),
                true,
            );
        }
        move || {
            if let Some(w) = &window {
                let _ = w.remove_event_listener_with_callback_and_bool(
                    "keydown",
                    listener.as_ref().unchecked_ref(),
                    true,
                );
            }
            drop(listener);
        }
    });
}

/// Password and PIN fields, and amount fields (`inputmode="decimal"`).
fn not_for_scans(e: &KeyboardEvent) -> bool {
    target_element(e)
        .and_then(|el| el.dyn_into::<HtmlInputElement>().ok())
        .is_some_and(|input| {
            input.type_() == "password"
                || input.get_attribute("inputmode").as_deref() == Some("decimal")
        })
}

/// Removes the last `n` characters a scan typed into the focused text
/// field, and tells its component with an `input` event, as typing would.
fn take_back(e: &KeyboardEvent, n: usize) {
    let Some(input) = target_element(e).and_then(|el| el.dyn_into::<HtmlInputElement>().ok())
    else {
        return;
    };
    let value = input.value();
    let keep = value.chars().count().saturating_sub(n);
    input.set_value(&value.chars().take(keep).collect::<String>());
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    if let Ok(event) = web_sys::Event::new_with_event_init_dict("input", &init) {
        let _ = input.dispatch_event(&event);
    }
}

/// Whether a component already handled this key, or a modifier other than
/// Shift is held (those belong to the app shell and the browser).
pub fn handled_elsewhere(e: &KeyboardEvent) -> bool {
    e.default_prevented() || e.ctrl_key() || e.alt_key() || e.meta_key()
}

fn target_element(e: &KeyboardEvent) -> Option<Element> {
    e.target().and_then(|t| t.dyn_into::<Element>().ok())
}

/// Whether the key goes into a text field (so single-letter shortcuts must
/// not fire).
pub fn is_typing(e: &KeyboardEvent) -> bool {
    let Some(el) = target_element(e) else {
        return false;
    };
    match el.tag_name().to_ascii_uppercase().as_str() {
        "TEXTAREA" | "SELECT" => true,
        "INPUT" => el.dyn_ref::<HtmlInputElement>().is_none_or(|input| {
            !matches!(
                input.type_().as_str(),
                "checkbox" | "radio" | "button" | "submit"
            )
        }),
        _ => el
            .dyn_ref::<HtmlElement>()
            .is_some_and(|h| h.is_content_editable()),
    }
}

/// Whether the focus is on something Enter already activates (a button, a
/// link, a select), so Enter must not also run a page shortcut.
pub fn enter_activates_target(e: &KeyboardEvent) -> bool {
    target_element(e).is_some_and(|el| {
        matches!(
            el.tag_name().to_ascii_uppercase().as_str(),
            "BUTTON" | "A" | "SELECT" | "TEXTAREA" | "SUMMARY"
        )
    })
}

/// Whether the event came from the element behind `node`.
pub fn is_from(e: &KeyboardEvent, node: &NodeRef) -> bool {
    match (target_element(e), node.get()) {
        (Some(target), Some(node)) => target.is_same_node(Some(&node)),
        _ => false,
    }
}

/// Moves the focus to the element behind `node`.
pub fn focus(node: &NodeRef) {
    if let Some(el) = node.cast::<HtmlElement>() {
        let _ = el.focus();
    }
}

/// Takes the focus away from the element behind `node`.
pub fn blur(node: &NodeRef) {
    if let Some(el) = node.cast::<HtmlElement>() {
        let _ = el.blur();
    }
}

/// Moves the focus to the element with `id`, if the page shows one; says
/// whether it did.
pub fn focus_id(id: &str) -> bool {
    let el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|el| el.dyn_into::<HtmlElement>().ok());
    match el {
        Some(el) => el.focus().is_ok(),
        None => false,
    }
}
