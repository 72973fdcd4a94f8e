//! A static update host, as DukaDesk's releases are published: a
//! `latest.json` manifest in the updater's static format (version, notes,
//! date, and per platform the artifact's address and minisign signature)
//! beside the artifacts themselves. It can also misbehave the ways a real
//! host or the network does: an error page instead of the manifest, a
//! manifest of the wrong shape, a server error, an artifact whose bytes were
//! changed after signing, or a download cut off half way. "Down" is a
//! stopped server ([`UpdateServer::stop`]): its port refuses connections.
//!
//! [`SigningKey`] signs artifacts exactly as `tauri signer sign` does
//! (a minisign prehashed signature whose trusted comment names the file and
//! the version, the `.sig` file's text in base64), so the app's updater
//! verifies them with its real code.

use axum::body::{Body, Bytes};
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use base64::Engine;
use futures_util::StreamExt;
use serde_json::{json, Map, Value};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// A minisign key pair in the updater's format.
#[derive(Debug, Clone)]
pub struct SigningKey {
    pair: minisign::KeyPair,
}

impl SigningKey {
    /// A fresh key pair (unencrypted: it lives only as long as the test).
    pub fn generate() -> Self {
        let pair = minisign::KeyPair::generate_unencrypted_keypair()
            .unwrap_or_else(|e| panic!("minisign could not generate a key pair: {e}"));
        Self { pair }
    }

    /// The public key as the app's configuration holds it: the base64 of the
    /// `.pub` file's text.
    pub fn public_key(&self) -> String {
        let text = self
            .pair
            .pk
            .to_box()
            .map(|b| b.into_string())
            .unwrap_or_else(|e| panic!("public key box: {e}"));
        base64::engine::general_purpose::STANDARD.encode(text)
    }

    /// Signs `bytes` as `tauri signer sign` does for release `version`: the
    /// base64 of the signature file's text.
    pub fn sign(&self, bytes: &[u8], file_name: &str, version: &str) -> String {
        let timestamp = chrono::Utc::now().timestamp();
        let trusted = format!("timestamp:{timestamp}\tfile:{file_name}\tversion:{version}");
        let signature = minisign::sign(
            Some(&self.pair.pk),
            &self.pair.sk,
            std::io::Cursor::new(bytes),
            Some(&trusted),
            Some("signature from tauri secret key"),
        )
        .unwrap_or_else(|e| panic!("minisign could not sign: {e}"));
        base64::engine::general_purpose::STANDARD.encode(signature.into_string())
    }
}

/// One published release.
#[derive(Debug, Clone)]
pub struct Release {
    /// Version announced in the manifest.
    pub version: String,
    /// Release notes.
    pub notes: String,
    /// Publication date (RFC 3339).
    pub pub_date: String,
    /// The artifact's file name on the host.
    pub file_name: String,
    /// The artifact as signed.
    pub artifact: Vec<u8>,
    /// Its signature (base64 of the `.sig` text).
    pub signature: String,
}

impl Release {
    /// A release of `version` whose artifact (`size` bytes, a pattern of
    /// the version) is signed with `key`.
    pub fn signed(key: &SigningKey, version: &str, notes: &str, size: usize) -> Self {
        let file_name = format!("DukaDesk_{version}_amd64.deb");
        let seed = version
            .bytes()
            .fold(7u8, |a, b| a.wrapping_mul(31).wrapping_add(b));
        let artifact: Vec<u8> = (0..size)
            .map(|i| (i as u8).wrapping_mul(seed).wrapping_add((i >> 8) as u8))
            .collect();
        let signature = key.sign(&artifact, &file_name, version);
        Self {
            version: version.to_owned(),
            notes: notes.to_owned(),
            pub_date: "2026-11-20T09:00:00Z".into(),
            file_name,
            artifact,
            signature,
        }
    }
}

/// How the host misbehaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Fault {
    /// Serves what was published.
    #[default]
    None,
    /// The manifest address answers with an HTML error page (status 200).
    GarbageManifest,
    /// The manifest is JSON but not an update manifest.
    BrokenManifest,
    /// The manifest address answers 500.
    ServerError,
    /// The artifact's bytes differ from what was signed (one byte flipped).
    TamperedArtifact,
    /// The artifact announces its full length, sends half, and the
    /// connection drops.
    TruncatedArtifact,
}

#[derive(Debug)]
struct Inner {
    /// `http://127.0.0.1:<port>`, for the artifact addresses.
    base: String,
    release: Release,
    fault: Fault,
    chunk_delay: Duration,
    manifest_requests: u64,
    downloads: u64,
}

type Shared = Arc<Mutex<Inner>>;

/// A running update host on a free loopback port; stops when dropped.
#[derive(Debug)]
pub struct UpdateServer {
    addr: SocketAddr,
    inner: Shared,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for UpdateServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// The updater's name for this machine (`linux-x86_64`, `darwin-aarch64`,
/// `windows-x86_64`), as the manifest's `platforms` keys spell it.
pub fn this_platform() -> String {
    let os = match std::env::consts::OS {
        "macos" => "darwin",
        other => other,
    };
    format!("{os}-{}", std::env::consts::ARCH)
}

fn lock(state: &Shared) -> std::sync::MutexGuard<'_, Inner> {
    state.lock().unwrap_or_else(|p| p.into_inner())
}

impl UpdateServer {
    /// Starts on a free loopback port, publishing `release`.
    pub async fn start(release: Release) -> std::io::Result<Self> {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let inner = Arc::new(Mutex::new(Inner {
            base: format!("http://{addr}"),
            release,
            fault: Fault::None,
            chunk_delay: Duration::ZERO,
            manifest_requests: 0,
            downloads: 0,
        }));
        let app = Router::new()
            .route("/latest.json", get(manifest))
            .route("/artifacts/{name}", get(artifact))
            .with_state(inner.clone());
        let task = tokio::spawn(async move {
            if let Err(e) = axum::serve(listener, app).await {
                tracing::warn!(error = %e, "the update host simulator stopped");
            }
        });
        Ok(Self { addr, inner, task })
    }

    /// The manifest's address: `http://127.0.0.1:<port>/latest.json`.
    pub fn manifest_url(&self) -> String {
        format!("http://{}/latest.json", self.addr)
    }

    /// Publishes another release.
    pub fn publish(&self, release: Release) {
        lock(&self.inner).release = release;
    }

    /// Sets how the host misbehaves from now on.
    pub fn set_fault(&self, fault: Fault) {
        lock(&self.inner).fault = fault;
    }

    /// Sends the artifact in 16 parts with this pause between them, so a
    /// download takes a while (a progress bar can be seen moving).
    pub fn set_chunk_delay(&self, delay: Duration) {
        lock(&self.inner).chunk_delay = delay;
    }

    /// Requests so far: (manifest, artifact downloads).
    pub fn counts(&self) -> (u64, u64) {
        let s = lock(&self.inner);
        (s.manifest_requests, s.downloads)
    }

    /// Stops serving: the port refuses connections from now on, as a host
    /// that is down does.
    pub async fn stop(mut self) {
        self.task.abort();
        let _ = (&mut self.task).await;
        // Give the kernel a moment to close the listening socket.
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

async fn manifest(State(state): State<Shared>) -> Response {
    let (fault, release, base) = {
        let mut s = lock(&state);
        s.manifest_requests += 1;
        (s.fault, s.release.clone(), s.base.clone())
    };
    match fault {
        Fault::GarbageManifest => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "text/html")],
            "<html><body><h1>502 Bad Gateway</h1></body></html>",
        )
            .into_response(),
        Fault::BrokenManifest => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "application/json")],
            r#"{"version": "not-a-version", "platforms": "none"}"#,
        )
            .into_response(),
        Fault::ServerError => {
            (StatusCode::INTERNAL_SERVER_ERROR, "Internal Server Error").into_response()
        }
        _ => {
            let entry = |url: String| json!({ "url": url, "signature": release.signature });
            // The updater wants absolute addresses, as a real host publishes.
            let full = format!("{base}/artifacts/{}", release.file_name);
            let mut platforms = Map::new();
            for suffix in ["", "-deb", "-appimage"] {
                platforms.insert(format!("{}{suffix}", this_platform()), entry(full.clone()));
            }
            let body: Value = json!({
                "version": release.version,
                "notes": release.notes,
                "pub_date": release.pub_date,
                "platforms": platforms,
            });
            (
                StatusCode::OK,
                [(header::CONTENT_TYPE, "application/json")],
                body.to_string(),
            )
                .into_response()
        }
    }
}

async fn artifact(State(state): State<Shared>, Path(name): Path<String>) -> Response {
    let (fault, release, delay) = {
        let mut s = lock(&state);
        s.downloads += 1;
        (s.fault, s.release.clone(), s.chunk_delay)
    };
    if name != release.file_name {
        return (StatusCode::NOT_FOUND, "Not Found").into_response();
    }
    let mut bytes = release.artifact;
    let length = bytes.len();
    if fault == Fault::TamperedArtifact {
        if let Some(b) = bytes.get_mut(length / 2) {
            *b ^= 0x01;
        }
    }
    let send = if fault == Fault::TruncatedArtifact {
        length / 2
    } else {
        length
    };
    let part = send.div_ceil(16).max(1);
    let chunks: Vec<Bytes> = bytes[..send]
        .chunks(part)
        .map(Bytes::copy_from_slice)
        .collect();
    let truncated = fault == Fault::TruncatedArtifact;
    let stream = paced(chunks, delay, truncated);
    Response::builder()
        .status(StatusCode::OK)
        .header(header::CONTENT_TYPE, "application/octet-stream")
        .header(header::CONTENT_LENGTH, length)
        .body(Body::from_stream(stream))
        .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())
}

/// The artifact's parts, paced; a truncated download ends with an error,
/// which makes the server drop the connection before the announced length.
fn paced(
    chunks: Vec<Bytes>,
    delay: Duration,
    truncated: bool,
) -> impl futures_util::stream::Stream<Item = Result<Bytes, std::io::Error>> {
    let parts = chunks.into_iter().map(Ok).chain(truncated.then(|| {
        Err(std::io::Error::new(
            std::io::ErrorKind::ConnectionReset,
            "the connection dropped",
        ))
    }));
    futures_util::stream::iter(parts).then(move |part| async move {
        if !delay.is_zero() {
            tokio::time::sleep(delay).await;
        }
        part
    })
}
