//! Small local preferences (theme, the app's language, device id) kept in
//! the `settings` table.
//! These belong to this till and are never synced.

use crate::store::{Store, StoreError};
use dukadesk_domain::customer::Language;
use dukadesk_domain::ipc::Theme;
use sqlx::SqliteConnection;

/// Writes a setting inside the caller's transaction.
pub(crate) async fn put_setting(
    conn: &mut SqliteConnection,
    key: &str,
    value: &str,
) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .bind(key)
        .bind(value)
        .execute(conn)
        .await?;
    Ok(())
}

impl Store {
    /// Reads a setting.
    pub async fn setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(
            sqlx::query_scalar("SELECT value FROM settings WHERE key = ?")
                .bind(key)
                .fetch_optional(self.pool())
                .await?,
        )
    }

    /// Writes a setting.
    pub async fn set_setting(&self, key: &str, value: &str) -> Result<(), StoreError> {
        let mut conn = self.writer().acquire().await?;
        put_setting(&mut conn, key, value).await
    }

    /// The remembered theme.
    pub async fn theme(&self) -> Result<Theme, StoreError> {
        Ok(match self.setting("theme").await?.as_deref() {
            Some("dark") => Theme::Dark,
            _ => Theme::Light,
        })
    }

    /// Remembers the theme.
    pub async fn set_theme(&self, theme: Theme) -> Result<Theme, StoreError> {
        let value = match theme {
            Theme::Light => "light",
            Theme::Dark => "dark",
        };
        self.set_setting("theme", value).await?;
        Ok(theme)
    }

    /// The language of this till's own screens (English until chosen).
    pub async fn ui_language(&self) -> Result<Language, StoreError> {
        Ok(self
            .setting("ui_language")
            .await?
            .as_deref()
            .and_then(Language::from_code)
            .unwrap_or(Language::En))
    }

    /// Remembers the language of this till's own screens.
    pub async fn set_ui_language(&self, language: Language) -> Result<Language, StoreError> {
        self.set_setting("ui_language", language.code()).await?;
        Ok(language)
    }
}
