//! DukaDesk's front end: a Yew app loaded by the Tauri shell. It talks to the
//! shell only through [`ipc`], and validates forms with the domain crate's
//! rules before sending them, so a mistake is shown beside its field at once.

mod app;
mod components;
mod ipc;
mod pages;

fn main() {
    yew::Renderer::<app::App>::new().render();
}
