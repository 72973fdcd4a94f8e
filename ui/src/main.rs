//! DukaDesk's front end: a Yew app loaded by the Tauri shell. It talks to the
//! shell only through [`ipc`], and validates forms with the domain crate's
//! rules before sending them, so a mistake is shown beside its field at once.
//!
//! The same page serves every window: the shell opens secondary windows at
//! `index.html?window=<name>`, and [`WindowKind`] picks what to render.

mod app;
mod components;
mod crashed;
mod i18n;
mod ipc;
mod pages;

/// Which window this page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WindowKind {
    /// The main window: till, inbox, catalogue, settings.
    Main,
    /// The Export window (`?window=export`).
    Export,
    /// The WhatsApp pairing window (`?window=pairing`).
    Pairing,
    /// The Disconnect window (`?window=disconnect`).
    Disconnect,
}

impl WindowKind {
    /// From the URL's query string (`?window=export`); anything else is
    /// the main window.
    fn from_query(query: &str) -> Self {
        let name = query
            .trim_start_matches('?')
            .split('&')
            .find_map(|pair| pair.strip_prefix("window="));
        match name {
            Some("export") => WindowKind::Export,
            Some("pairing") => WindowKind::Pairing,
            Some("disconnect") => WindowKind::Disconnect,
            _ => WindowKind::Main,
        }
    }
}

fn main() {
    crashed::install();
    // index.html's "Opening DukaDesk…" showed while this code loaded; the
    // app draws its own from here.
    if let Some(shell) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("page-boot"))
    {
        shell.remove();
    }
    let query = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    match WindowKind::from_query(&query) {
        WindowKind::Main => {
            yew::Renderer::<app::App>::new().render();
        }
        WindowKind::Export => in_language::<pages::export::ExportWindow>(),
        WindowKind::Pairing => in_language::<pages::pairing::PairingWindow>(),
        WindowKind::Disconnect => in_language::<pages::disconnect::DisconnectWindow>(),
    }
}

/// Renders a secondary window in the language the till's screens speak
/// (English if it cannot be read), laid out right to left for Arabic.
fn in_language<C>()
where
    C: yew::BaseComponent,
    C::Properties: Default,
{
    wasm_bindgen_futures::spawn_local(async {
        use dukadesk_domain::ipc::{GetUiLanguage, NoArgs};
        if let Ok(language) = ipc::invoke::<GetUiLanguage>(&NoArgs {}).await {
            i18n::apply_language(language);
        }
        yew::Renderer::<C>::new().render();
    });
}

#[cfg(test)]
mod tests {
    use super::WindowKind;

    #[test]
    fn the_query_picks_the_window() {
        assert_eq!(WindowKind::from_query(""), WindowKind::Main);
        assert_eq!(WindowKind::from_query("?window=export"), WindowKind::Export);
        assert_eq!(
            WindowKind::from_query("?a=1&window=export"),
            WindowKind::Export
        );
        assert_eq!(
            WindowKind::from_query("?window=pairing"),
            WindowKind::Pairing
        );
        assert_eq!(
            WindowKind::from_query("?window=disconnect"),
            WindowKind::Disconnect
        );
        assert_eq!(WindowKind::from_query("?window=unknown"), WindowKind::Main);
    }
}
