//! Layered configuration: defaults, then `dukadesk.toml` in the data
//! directory, then `DUKADESK_*` environment variables (used by tests and
//! support). The result is passed in; nothing else reads the environment.

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
    pub vault_passphrase: Option<Passphrase>,
}

/// A passphrase that never shows in logs.
#[derive(Clone, PartialEq, Eq)]
pub struct Passphrase(pub String);

impl std::fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Passphrase(<redacted>)")
    }
}

/// What the TOML file may set; every key optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileLayer {
    log: Option<String>,
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
                .map(Passphrase),
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
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(source) => return Err(ConfigError::Read { path, source }),
        }
        if let Some(log) = get("DUKADESK_LOG") {
            config.log = log;
        }
        Ok(config)
    }

    /// The database file.
    pub fn database_path(&self) -> PathBuf {
        self.data_dir.join("dukadesk.db")
    }
}

#[cfg(test)]
mod tests;
