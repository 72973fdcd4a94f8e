//! Layered configuration: defaults, then `dukadesk.toml` in the data
//! directory, then `DUKADESK_*` environment variables (used by tests and
//! support). The result is passed in; nothing else reads the environment.

use dukadesk_domain::Sensitive;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The settings the app starts with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Where the database and other state live.
    pub data_dir: PathBuf,
    /// `tracing` filter, e.g. `info` or `dukadesk_core=debug`.
    pub log: String,
    /// The vault passphrase for tills without an OS keyring, from
    /// `DUKADESK_VAULT_PASSPHRASE` only (never from the settings file).
    pub vault_passphrase: Option<Sensitive<String>>,
    /// Where to look for updates (a `latest.json` manifest), replacing the
    /// address built into the app.
    pub update_url: Option<String>,
    /// The updater's public key (base64, as `tauri signer` prints it) in
    /// place of the built-in one. Only debug builds (tests) honour it: a
    /// release build trusts nothing but the key it was built with.
    pub update_pubkey: Option<String>,
    /// Testing seam: save exports here instead of asking with the native
    /// save dialog (which WebDriver cannot drive), from
    /// `DUKADESK_EXPORT_SAVE_PATH` only. Only debug builds honour it.
    pub export_save_path: Option<PathBuf>,
}

/// What the TOML file may set; every key optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileLayer {
    log: Option<String>,
    update_url: Option<String>,
}

/// A configuration problem, with the file and what to fix.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file exists but could not be read.
    #[error("Could not read the settings file {path}: {source}")]
    Read {
        /// File.
        path: PathBuf,
        /// Cause.
        source: std::io::Error,
    },
    /// The file is not valid TOML or has unknown keys.
    #[error("The settings file {path} has a mistake: {message}. Fix it or delete it to use the defaults.")]
    Parse {
        /// File.
        path: PathBuf,
        /// What the parser said.
        message: String,
    },
}

/// The settings file's name inside the data directory.
pub const FILE_NAME: &str = "dukadesk.toml";

impl Config {
    /// Builds the configuration. `default_data_dir` is the OS app-data
    /// directory; `env` is the process environment (passed in for tests).
    pub fn load(
        default_data_dir: &Path,
        env: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Self, ConfigError> {
        let env: Vec<(String, String)> = env.into_iter().collect();
        let get = |k: &str| env.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone());
        let data_dir = get("DUKADESK_DATA_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| default_data_dir.to_path_buf());
        let mut config = Config {
            data_dir,
            log: "info".into(),
            vault_passphrase: get("DUKADESK_VAULT_PASSPHRASE")
                .filter(|p| !p.is_empty())
                .map(Sensitive::new),
            update_url: None,
            update_pubkey: None,
            export_save_path: get("DUKADESK_EXPORT_SAVE_PATH")
                .filter(|p| !p.trim().is_empty())
                .map(PathBuf::from),
        };
        let path = config.data_dir.join(FILE_NAME);
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                let layer: FileLayer = toml::from_str(&text).map_err(|e| ConfigError::Parse {
                    path: path.clone(),
                    message: e.message().to_owned(),
                })?;
                if let Some(log) = layer.log {
                    config.log = log;
                }
                config.update_url = layer.update_url.filter(|u| !u.trim().is_empty());
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(source) => return Err(ConfigError::Read { path, source }),
        }
        if let Some(log) = get("DUKADESK_LOG") {
            config.log = log;
        }
        if let Some(url) = get("DUKADESK_UPDATE_URL").filter(|u| !u.trim().is_empty()) {
            config.update_url = Some(url);
        }
        config.update_pubkey = get("DUKADESK_UPDATE_PUBKEY").filter(|k| !k.trim().is_empty());
        Ok(config)
    }

    /// The `DUKADESK_DATA_DIR` override, if set: read before the app
    /// starts (single instance and window state key on it).
    pub fn data_dir_override(env: impl IntoIterator<Item = (String, String)>) -> Option<PathBuf> {
        env.into_iter()
            .find(|(k, _)| k == "DUKADESK_DATA_DIR")
            .map(|(_, v)| PathBuf::from(v))
    }

    /// A name for this app instance that is the same for every launch on the
    /// same data directory and differs between data directories: `None` for
    /// the OS default directory, else `data_` and a hash of the
    /// `DUKADESK_DATA_DIR` override. A second launch on the same data opens
    /// the running window; a test with its own directory runs beside others.
    /// Letters, digits and `_` only (a D-Bus name element).
    pub fn instance_key(env: impl IntoIterator<Item = (String, String)>) -> Option<String> {
        let dir = Self::data_dir_override(env)?;
        // FNV-1a: stable across builds and Rust versions, unlike std's hasher.
        let hash = dir
            .to_string_lossy()
            .bytes()
            .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
                (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
            });
        Some(format!("data_{hash:016x}"))
    }

    /// The database file.
    pub fn database_path(&self) -> PathBuf {
        self.data_dir.join("dukadesk.db")
    }
}

#[cfg(test)]
mod tests;
