//! Updates through tauri-plugin-updater: check the update server's manifest,
//! download the offered version with its progress, and install it only when
//! the merchant says so and no payment is waiting for its answer.
//!
//! The plugin does the real work: it reads the manifest, refuses versions
//! that are not newer, and verifies the download's minisign signature
//! against the public key (and, with `requireSignedVersion`, that the
//! signature was made for the announced version). This module keeps the
//! state the Settings card shows and turns the plugin's errors into plain
//! words. Nothing here touches the running version until
//! [`Updates::install`].

use dukadesk_domain::ipc::{ErrorCode, IpcError, UpdateOffer, UpdateState, UpdateStatus};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;
use tauri::{AppHandle, Runtime};
use tauri_plugin_updater::{Error as UpdaterError, Update, UpdaterExt};

/// How long a whole download may take (10 MB on a slow 3G line fits).
const REQUEST_TIMEOUT: Duration = Duration::from_secs(900);
/// How long to wait for the manifest.
const CHECK_TIMEOUT: Duration = Duration::from_secs(20);

/// Where updates come from, settled at start-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The manifest's address and, in debug builds only, a public key that
    /// replaces the built-in one (tests sign with their own key).
    Configured {
        /// The `latest.json` address.
        endpoint: tauri::Url,
        /// The key to use instead of the configured one.
        pubkey: Option<String>,
    },
    /// This build cannot update itself; the message says why.
    NotConfigured(String),
}

impl Source {
    /// Resolves the source from the settings (`update_url` in dukadesk.toml
    /// or `DUKADESK_UPDATE_URL`), then the address and key in
    /// tauri.conf.json's `plugins.updater`.
    pub fn resolve(
        update_url: Option<&str>,
        update_pubkey: Option<&str>,
        plugin_config: Option<&serde_json::Value>,
    ) -> Self {
        let built_in_url = plugin_config
            .and_then(|c| c.get("endpoints"))
            .and_then(|e| e.as_array())
            .and_then(|e| e.first())
            .and_then(|e| e.as_str());
        let Some(url) = update_url.or(built_in_url) else {
            return Self::NotConfigured(
                "Automatic updates are not set up in this copy of DukaDesk (it has no update \
                 address). Ask whoever installed it for the newest installer."
                    .into(),
            );
        };
        let Ok(endpoint) = tauri::Url::parse(url) else {
            return Self::NotConfigured(format!(
                "The update address \"{url}\" is not a web address. Fix update_url in \
                 dukadesk.toml (it looks like https://…/latest.json)."
            ));
        };
        // Only debug builds (the tests) may swap the key: a release build
        // trusts nothing but the key it was built with.
        let pubkey = update_pubkey
            .filter(|_| cfg!(debug_assertions))
            .map(str::to_owned);
        let built_in_key = plugin_config
            .and_then(|c| c.get("pubkey"))
            .and_then(|k| k.as_str())
            .unwrap_or_default();
        if pubkey.is_none() && built_in_key.trim().is_empty() {
            return Self::NotConfigured(
                "Automatic updates are not set up in this copy of DukaDesk (it was built without \
                 the update signing key). Ask whoever installed it for the newest installer."
                    .into(),
            );
        }
        Self::Configured { endpoint, pubkey }
    }
}

/// What the updater holds between commands.
struct Inner {
    state: UpdateState,
    /// The offered update, once a check found one.
    update: Option<Update>,
    /// The downloaded, verified artifact.
    bytes: Option<Arc<Vec<u8>>>,
}

/// The updater's state; cheap to clone.
#[derive(Clone)]
pub struct Updates {
    source: Source,
    current_version: String,
    inner: Arc<Mutex<Inner>>,
}

impl std::fmt::Debug for Updates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Updates")
            .field("source", &self.source)
            .field("state", &self.lock().state)
            .finish()
    }
}

/// Which step failed, for the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Check,
    Download,
    Install,
}

fn offer_of(update: &Update) -> UpdateOffer {
    UpdateOffer {
        version: update.version.clone(),
        notes: update.body.clone().unwrap_or_default(),
        date: update
            .date
            .and_then(|d| chrono::DateTime::from_timestamp(d.unix_timestamp(), 0)),
    }
}

impl Updates {
    /// The updater for this source; `current_version` is the running one.
    pub fn new(source: Source, current_version: impl Into<String>) -> Self {
        let state = match &source {
            Source::NotConfigured(message) => UpdateState::NotConfigured {
                message: message.clone(),
            },
            Source::Configured { .. } => UpdateState::Idle,
        };
        Self {
            source,
            current_version: current_version.into(),
            inner: Arc::new(Mutex::new(Inner {
                state,
                update: None,
                bytes: None,
            })),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Whether a check can reach anything.
    pub fn is_configured(&self) -> bool {
        matches!(self.source, Source::Configured { .. })
    }

    /// What the Settings card shows.
    pub fn status(&self) -> UpdateStatus {
        UpdateStatus {
            current_version: self.current_version.clone(),
            state: self.lock().state.clone(),
        }
    }

    /// Asks the update server for a newer version. A download under way or
    /// finished is kept: the check then only reports it.
    pub async fn check<R: Runtime>(&self, app: &AppHandle<R>) -> UpdateStatus {
        let Source::Configured { endpoint, pubkey } = &self.source else {
            return self.status();
        };
        {
            let mut inner = self.lock();
            if matches!(
                inner.state,
                UpdateState::Downloading { .. } | UpdateState::Ready { .. }
            ) {
                drop(inner);
                return self.status();
            }
            inner.state = UpdateState::Checking;
        }
        let result = async {
            let mut builder = app
                .updater_builder()
                .endpoints(vec![endpoint.clone()])?
                .timeout(CHECK_TIMEOUT)
                // Never a downgrade, whatever the manifest says.
                .version_comparator(|current, release| release.version > current);
            if let Some(key) = pubkey {
                builder = builder.pubkey(key.clone());
            }
            builder.build()?.check().await
        }
        .await;
        let mut inner = self.lock();
        match result {
            Ok(Some(mut update)) => {
                update.timeout = Some(REQUEST_TIMEOUT);
                let offer = offer_of(&update);
                tracing::info!(version = %offer.version, "an update is available");
                inner.update = Some(update);
                inner.bytes = None;
                inner.state = UpdateState::Available { offer };
            }
            Ok(None) => {
                inner.update = None;
                inner.bytes = None;
                inner.state = UpdateState::UpToDate;
            }
            Err(e) => {
                tracing::warn!(error = %e, "the update check failed");
                inner.update = None;
                inner.bytes = None;
                inner.state = failure(&e, Step::Check, None);
            }
        }
        drop(inner);
        self.status()
    }

    /// Starts downloading the offered update in the background; the status
    /// shows its progress, then `Ready` once the signature is verified.
    pub fn start_download(&self) -> Result<UpdateStatus, IpcError> {
        let (update, offer) = {
            let mut inner = self.lock();
            let offer = match &inner.state {
                UpdateState::Available { offer } => offer.clone(),
                UpdateState::Failed {
                    offer: Some(offer), ..
                } => offer.clone(),
                UpdateState::Downloading { .. } | UpdateState::Ready { .. } => {
                    drop(inner);
                    return Ok(self.status());
                }
                _ => {
                    return Err(IpcError::new(
                        ErrorCode::Conflict,
                        "There is no update to download. Check for updates first.",
                    ))
                }
            };
            let Some(update) = inner.update.clone() else {
                return Err(IpcError::new(
                    ErrorCode::Conflict,
                    "There is no update to download. Check for updates first.",
                ));
            };
            inner.state = UpdateState::Downloading {
                offer: offer.clone(),
                received: 0,
                total: None,
            };
            (update, offer)
        };
        let this = self.clone();
        tauri::async_runtime::spawn(async move {
            let progress = this.clone();
            let mut received = 0u64;
            let result = update
                .download(
                    move |chunk, total| {
                        received += chunk as u64;
                        let mut inner = progress.lock();
                        if let UpdateState::Downloading { offer, .. } = &inner.state {
                            inner.state = UpdateState::Downloading {
                                offer: offer.clone(),
                                received,
                                total,
                            };
                        }
                    },
                    || {},
                )
                .await;
            let mut inner = this.lock();
            match result {
                Ok(bytes) => {
                    tracing::info!(version = %offer.version, bytes = bytes.len(), "update downloaded and verified");
                    inner.bytes = Some(Arc::new(bytes));
                    inner.state = UpdateState::Ready { offer };
                }
                Err(e) => {
                    tracing::warn!(error = %e, "the update download failed");
                    inner.bytes = None;
                    inner.state = failure(&e, Step::Download, Some(offer));
                }
            }
        });
        Ok(self.status())
    }

    /// The downloaded update and its verified bytes, if ready; otherwise why
    /// there is nothing to install.
    fn ready(&self) -> Result<(Update, Arc<Vec<u8>>), IpcError> {
        let inner = self.lock();
        match (&inner.state, &inner.update, &inner.bytes) {
            (UpdateState::Ready { .. }, Some(update), Some(bytes)) => {
                Ok((update.clone(), bytes.clone()))
            }
            _ => Err(IpcError::new(
                ErrorCode::Conflict,
                "No update has been downloaded yet. Check for updates, then download it.",
            )),
        }
    }

    /// Installs the downloaded update with `install`, unless `blocker` says
    /// why not now (a payment waiting for its answer). On success the
    /// caller restarts the app; on failure the running version goes on and
    /// the downloaded update stays ready for another try.
    pub async fn install_with<F>(&self, blocker: Option<String>, install: F) -> Result<(), IpcError>
    where
        F: FnOnce(&Update, &[u8]) -> Result<(), UpdaterError> + Send + 'static,
    {
        let (update, bytes) = self.ready()?;
        if let Some(reason) = blocker {
            return Err(IpcError::new(ErrorCode::Conflict, reason));
        }
        let result = tauri::async_runtime::spawn_blocking(move || install(&update, &bytes))
            .await
            .map_err(|e| {
                IpcError::new(
                    ErrorCode::Internal,
                    format!("The update could not be installed: {e}. DukaDesk keeps running."),
                )
            })?;
        result.map_err(|e| {
            tracing::error!(error = %e, "installing the update failed");
            let message = match failure(&e, Step::Install, None) {
                UpdateState::Failed { message, .. } | UpdateState::Offline { message } => message,
                _ => e.to_string(),
            };
            IpcError::new(ErrorCode::Internal, message)
        })
    }

    /// Installs the downloaded update and restarts into it: only on the
    /// merchant's word, and never while `blocker` names a reason.
    pub async fn install<R: Runtime>(
        &self,
        app: &AppHandle<R>,
        blocker: Option<String>,
    ) -> Result<UpdateStatus, IpcError> {
        self.install_with(blocker, |update, bytes| update.install(bytes))
            .await?;
        tracing::info!("update installed; restarting");
        app.restart()
    }
}

/// The plugin's error as the merchant reads it. The running version keeps
/// working whatever happened; the message says so when that is not obvious.
fn failure(e: &UpdaterError, step: Step, offer: Option<UpdateOffer>) -> UpdateState {
    let failed = |message: String| UpdateState::Failed {
        message,
        offer: offer.clone(),
    };
    match e {
        UpdaterError::Reqwest(r) if r.is_connect() || (r.is_timeout() && step == Step::Check) => {
            UpdateState::Offline {
                message: "DukaDesk could not reach the update server: this computer seems to be \
                          offline, or the server is down. Everything else keeps working; check \
                          again later."
                    .into(),
            }
        }
        UpdaterError::Reqwest(r) if r.is_timeout() => failed(
            "The download took too long and was stopped. Nothing was installed; try again \
             when the connection is better."
                .into(),
        ),
        UpdaterError::Reqwest(_) if step == Step::Download => failed(
            "The download was cut off before it finished. Nothing was installed; try again.".into(),
        ),
        UpdaterError::Reqwest(_) | UpdaterError::Serialization(_) | UpdaterError::Semver(_) => {
            failed(
                "The update server's answer could not be read (it is not a valid list of \
                 versions). Nothing changed; try again later, or tell your supplier."
                    .into(),
            )
        }
        UpdaterError::ReleaseNotFound => failed(
            "The update server answered with an error instead of the list of versions. Nothing \
             changed; try again later."
                .into(),
        ),
        UpdaterError::TargetNotFound(_) | UpdaterError::TargetsNotFound(_) => failed(format!(
            "The update server has no version of DukaDesk for this computer ({}). Nothing \
             changed.",
            tauri_plugin_updater::target().unwrap_or_else(|| std::env::consts::OS.to_owned())
        )),
        UpdaterError::Network(detail) => failed(format!(
            "The download failed ({detail}). Nothing was installed; try again later."
        )),
        UpdaterError::Minisign(_)
        | UpdaterError::Base64(_)
        | UpdaterError::SignatureUtf8(_)
        | UpdaterError::SignedVersionMismatch { .. }
        | UpdaterError::MissingSignedVersion => failed(
            "The downloaded update was refused: it is not signed with DukaDesk's key (it may \
             have been damaged or tampered with on the way). Nothing was installed, and this \
             version keeps working."
                .into(),
        ),
        UpdaterError::InsecureTransportProtocol | UpdaterError::UrlParse(_) => failed(
            "The update address must start with https://. Fix update_url in dukadesk.toml.".into(),
        ),
        UpdaterError::InvalidUpdaterFormat | UpdaterError::BinaryNotFoundInArchive => failed(
            "The downloaded update is not a package this installation of DukaDesk can use. \
             Nothing was installed; install the new version from its installer instead."
                .into(),
        ),
        UpdaterError::AuthenticationFailed
        | UpdaterError::DebInstallFailed
        | UpdaterError::PackageInstallFailed => failed(
            "The computer did not allow the update to be installed (the password prompt was \
             cancelled or refused). This version keeps working; try again."
                .into(),
        ),
        UpdaterError::Io(io) if is_disk_full(io) => failed(
            "The disk is full, so the update could not be written. Free some space and try \
             again; this version keeps working."
                .into(),
        ),
        UpdaterError::TempDirNotFound | UpdaterError::TempDirNotOnSameMountPoint => failed(
            "The update could not be written to a temporary folder (is the disk full?). Free \
             some space and try again; this version keeps working."
                .into(),
        ),
        other => failed(format!(
            "The update failed: {other}. This version keeps working."
        )),
    }
}

fn is_disk_full(e: &std::io::Error) -> bool {
    // ENOSPC on Linux and macOS; ERROR_DISK_FULL and ERROR_HANDLE_DISK_FULL on Windows.
    e.kind() == std::io::ErrorKind::StorageFull
        || (cfg!(unix) && e.raw_os_error() == Some(28))
        || (cfg!(windows) && matches!(e.raw_os_error(), Some(112) | Some(39)))
}

#[cfg(test)]
mod tests;
