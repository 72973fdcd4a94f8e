//! Facts about the running app, the remembered theme and the language of
//! the app's own screens (the shell's
//! `commands/app.rs`).

use super::NoArgs;
use crate::customer::Language;
use serde::{Deserialize, Serialize};

/// Facts about the running app, for the settings page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppInfo {
    /// Version.
    pub version: String,
    /// The database file.
    pub database_path: String,
}

/// Light or dark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Theme {
    /// Light.
    #[default]
    Light,
    /// Dark.
    Dark,
}

/// What the check of the shop's data file (run once after start-up, in
/// the background) found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum StoreHealth {
    /// Still checking (a second or more for a large shop); the till works
    /// meanwhile.
    Checking,
    /// Nothing wrong.
    Sound,
    /// The file is damaged: what SQLite found, for support.
    Damaged {
        /// SQLite's first findings.
        findings: Vec<String>,
    },
}

commands! {
    /// Version and paths.
    GetAppInfo, "get_app_info", NoArgs => AppInfo;
    /// The remembered theme.
    GetTheme, "get_theme", NoArgs => Theme;
    /// Remember a theme.
    SetTheme, "set_theme", Theme => Theme;
    /// The language this till's screens are in.
    GetUiLanguage, "get_ui_language", NoArgs => Language;
    /// Choose the language of this till's screens.
    SetUiLanguage, "set_ui_language", Language => Language;
    /// What the check of the shop's data file found so far.
    GetStoreHealth, "get_store_health", NoArgs => StoreHealth;
}
