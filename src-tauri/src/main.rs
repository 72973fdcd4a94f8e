//! The DukaDesk desktop app.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    dukadesk_shell::run();
}
