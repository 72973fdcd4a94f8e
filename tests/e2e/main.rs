//! End-to-end tests: the real DukaDesk binary in a real window (under Xvfb
//! when run by `cargo xtask test`), driven over WebDriver through
//! tauri-driver and WebKitWebDriver, with its own empty data directory.
//!
//! These tests never skip themselves: if the display, tauri-driver or
//! WebKitWebDriver is missing they fail and say what to install.

mod airtime;
mod chat;
mod credit;
mod customers;
mod damaged;
mod docs_shots;
mod export;
mod harness;
mod hosted;
mod layout;
mod people;
mod refunds;
mod reports;
mod resellers;
mod scanner;
mod settings;
mod single_instance;
mod start;
mod tax;
mod till;
mod updates;
mod vault;
mod whatsapp;
