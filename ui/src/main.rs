//! DukaDesk's front end: a Yew app loaded by the Tauri shell. It talks to the
//! shell only through [`ipc`], and validates forms with the domain crate's
//! rules before sending them, so a mistake is shown beside its field at once.

mod app;
mod components;
mod ipc;
mod pages;

/// The `window` query parameter of this page (`index.html?window=pairing`):
/// each native window loads the same app and renders its own root.
fn window_param() -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|kv| kv.strip_prefix("window=").map(str::to_owned))
}

fn main() {
    match window_param().as_deref() {
        Some("pairing") => {
            yew::Renderer::<pages::pairing::PairingWindow>::new().render();
        }
        _ => {
            yew::Renderer::<app::App>::new().render();
        }
    }
}
