//! Layered configuration: defaults, then one TOML file
//! (`dukadesk-server.example.toml` shows every key), then `DUKADESK_SERVER_*`
//! environment variables. The result is passed in; nothing else reads the
//! environment.

use dukadesk_domain::Sensitive;
use serde::Deserialize;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

/// Everything the server and its commands start with.
#[derive(Clone)]
pub struct Config {
    /// Where `serve` listens (plain HTTP: TLS is terminated in front of it).
    pub listen: SocketAddr,
    /// The address tills use, written into enrolment strings.
    pub public_url: String,
    /// The SHA-256 of the certificate served at `public_url`, for a shop
    /// running its own server with a certificate no public authority
    /// signed: written into enrolment strings, and tills then trust that
    /// certificate and no other. `None`: tills check the certificate
    /// against public authorities.
    pub public_cert_sha256: Option<dukadesk_core::net::CertPin>,
    /// `tracing` filter.
    pub log: String,
    /// The database, for the server's own login (`dukadesk_server`): host,
    /// port, database name and TLS mode; a user or password in it is ignored.
    pub database_url: String,
    /// The password of `dukadesk_server`, set by `migrate`.
    pub server_password: Option<Sensitive<String>>,
    /// The database owner's URL (with its password), for `migrate` and the
    /// admin commands only; `serve` never uses it.
    pub owner_url: Option<Sensitive<String>>,
    /// Connections in the server's pool.
    pub pool_size: u32,
    /// The most of them one shop's requests hold at once (0: a quarter of
    /// the pool, at least 1).
    pub connections_per_shop: u32,
    /// Per transaction, set by the server.
    pub statement_timeout_ms: u32,
    /// Per transaction, set by the server.
    pub lock_timeout_ms: u32,
    /// The largest request body accepted.
    pub max_body_bytes: usize,
    /// The most changes in one push.
    pub max_push_changes: usize,
    /// The most changes in one pull page.
    pub max_pull_changes: i64,
    /// Requests each till may make per second, on average.
    pub requests_per_second: u32,
    /// Requests a till may make at once before the average applies.
    pub request_burst: u32,
}

/// By hand only for `database_url`, which names no password but could be
/// given one; the secrets are [`Sensitive`].
impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("listen", &self.listen)
            .field("public_url", &self.public_url)
            .field("public_cert_sha256", &self.public_cert_sha256)
            .field("log", &self.log)
            .field("database_url", &redact_url(&self.database_url))
            .field("server_password", &self.server_password)
            .field("owner_url", &self.owner_url)
            .field("pool_size", &self.pool_size)
            .field("connections_per_shop", &self.connections_per_shop)
            .field("statement_timeout_ms", &self.statement_timeout_ms)
            .field("lock_timeout_ms", &self.lock_timeout_ms)
            .field("max_body_bytes", &self.max_body_bytes)
            .field("max_push_changes", &self.max_push_changes)
            .field("max_pull_changes", &self.max_pull_changes)
            .field("requests_per_second", &self.requests_per_second)
            .field("request_burst", &self.request_burst)
            .finish()
    }
}

/// A URL with its password hidden.
fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let userinfo = &url[s + 3..at];
            let user = userinfo.split(':').next().unwrap_or_default();
            format!("{}{user}:<redacted>{}", &url[..s + 3], &url[at..])
        }
        _ => url.to_owned(),
    }
}

impl Config {
    /// The connections one shop may hold at once.
    pub fn shop_share(&self) -> u32 {
        match self.connections_per_shop {
            0 => (self.pool_size / 4).max(1),
            n => n,
        }
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            public_url: "http://127.0.0.1:8080".into(),
            public_cert_sha256: None,
            log: "info".into(),
            database_url: "postgres://127.0.0.1:5432/dukadesk".into(),
            server_password: None,
            owner_url: None,
            pool_size: 20,
            connections_per_shop: 0,
            statement_timeout_ms: 15_000,
            lock_timeout_ms: 5_000,
            max_body_bytes: 4 * 1024 * 1024,
            max_push_changes: 1_000,
            max_pull_changes: 1_000,
            requests_per_second: 20,
            request_burst: 200,
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileLayer {
    listen: Option<String>,
    public_url: Option<String>,
    public_cert_sha256: Option<String>,
    log: Option<String>,
    #[serde(default)]
    database: DatabaseLayer,
    #[serde(default)]
    limits: LimitsLayer,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct DatabaseLayer {
    url: Option<String>,
    server_password: Option<Sensitive<String>>,
    owner_url: Option<Sensitive<String>>,
    pool_size: Option<u32>,
    connections_per_shop: Option<u32>,
    statement_timeout_ms: Option<u32>,
    lock_timeout_ms: Option<u32>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct LimitsLayer {
    max_body_bytes: Option<usize>,
    max_push_changes: Option<usize>,
    max_pull_changes: Option<i64>,
    requests_per_second: Option<u32>,
    request_burst: Option<u32>,
}

/// A configuration problem, saying what to fix.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file could not be read.
    #[error("Could not read the config file {path}: {source}")]
    Read {
        /// File.
        path: PathBuf,
        /// Cause.
        source: std::io::Error,
    },
    /// The file is not valid TOML or has unknown keys.
    #[error("The config file {path} has a mistake: {message}. Compare it with dukadesk-server.example.toml.")]
    Parse {
        /// File.
        path: PathBuf,
        /// What the parser said.
        message: String,
    },
    /// A value is out of range or malformed.
    #[error("{key} {problem}")]
    Value {
        /// The key (file key or environment variable).
        key: String,
        /// What is wrong and what to write instead.
        problem: String,
    },
}

fn bad(key: &str, problem: impl Into<String>) -> ConfigError {
    ConfigError::Value {
        key: key.to_owned(),
        problem: problem.into(),
    }
}

fn parse_num<T: std::str::FromStr>(key: &str, v: &str) -> Result<T, ConfigError> {
    v.trim()
        .parse()
        .map_err(|_| bad(key, format!("must be a whole number, not \"{v}\"")))
}

impl Config {
    /// Builds the configuration from `file` (if given; it must then exist)
    /// and the environment `env` (passed in for tests).
    pub fn load(
        file: Option<&Path>,
        env: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Self, ConfigError> {
        let env: Vec<(String, String)> = env.into_iter().collect();
        let get = |k: &str| {
            env.iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.clone())
                .filter(|v| !v.trim().is_empty())
        };
        let mut c = Config::default();
        let mut listen = None;
        let mut pin = None;
        if let Some(path) = file {
            let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
                path: path.to_owned(),
                source,
            })?;
            let layer: FileLayer = toml::from_str(&text).map_err(|e| ConfigError::Parse {
                path: path.to_owned(),
                message: e.message().to_owned(),
            })?;
            listen = layer.listen;
            if let Some(v) = layer.public_url {
                c.public_url = v;
            }
            pin = layer.public_cert_sha256;
            if let Some(v) = layer.log {
                c.log = v;
            }
            let d = layer.database;
            if let Some(v) = d.url {
                c.database_url = v;
            }
            c.server_password = d.server_password.or(c.server_password);
            c.owner_url = d.owner_url.or(c.owner_url);
            c.pool_size = d.pool_size.unwrap_or(c.pool_size);
            c.connections_per_shop = d.connections_per_shop.unwrap_or(c.connections_per_shop);
            c.statement_timeout_ms = d.statement_timeout_ms.unwrap_or(c.statement_timeout_ms);
            c.lock_timeout_ms = d.lock_timeout_ms.unwrap_or(c.lock_timeout_ms);
            let l = layer.limits;
            c.max_body_bytes = l.max_body_bytes.unwrap_or(c.max_body_bytes);
            c.max_push_changes = l.max_push_changes.unwrap_or(c.max_push_changes);
            c.max_pull_changes = l.max_pull_changes.unwrap_or(c.max_pull_changes);
            c.requests_per_second = l.requests_per_second.unwrap_or(c.requests_per_second);
            c.request_burst = l.request_burst.unwrap_or(c.request_burst);
        }
        if let Some(v) = get("DUKADESK_SERVER_LISTEN") {
            listen = Some(v);
        }
        if let Some(v) = listen {
            c.listen = v.trim().parse().map_err(|_| {
                bad(
                    "listen",
                    format!("must be an address and port like 127.0.0.1:8080, not \"{v}\""),
                )
            })?;
        }
        if let Some(v) = get("DUKADESK_SERVER_PUBLIC_URL") {
            c.public_url = v;
        }
        if let Some(v) = get("DUKADESK_SERVER_PUBLIC_CERT_SHA256") {
            pin = Some(v);
        }
        if let Some(v) = pin {
            c.public_cert_sha256 =
                Some(dukadesk_core::net::CertPin::parse(&v).ok_or_else(|| {
                    bad(
                        "public_cert_sha256",
                        format!(
                            "must be a SHA-256 fingerprint as `openssl x509 -noout -fingerprint \
                         -sha256 -in cert.pem` prints it (64 hex digits), not \"{v}\""
                        ),
                    )
                })?);
        }
        if let Some(v) = get("DUKADESK_SERVER_LOG") {
            c.log = v;
        }
        if let Some(v) = get("DUKADESK_SERVER_DATABASE_URL") {
            c.database_url = v;
        }
        if let Some(v) = get("DUKADESK_SERVER_DATABASE_PASSWORD") {
            c.server_password = Some(v.into());
        }
        if let Some(v) = get("DUKADESK_SERVER_OWNER_URL") {
            c.owner_url = Some(v.into());
        }
        if let Some(v) = get("DUKADESK_SERVER_POOL_SIZE") {
            c.pool_size = parse_num("DUKADESK_SERVER_POOL_SIZE", &v)?;
        }
        if let Some(v) = get("DUKADESK_SERVER_CONNECTIONS_PER_SHOP") {
            c.connections_per_shop = parse_num("DUKADESK_SERVER_CONNECTIONS_PER_SHOP", &v)?;
        }
        if let Some(v) = get("DUKADESK_SERVER_STATEMENT_TIMEOUT_MS") {
            c.statement_timeout_ms = parse_num("DUKADESK_SERVER_STATEMENT_TIMEOUT_MS", &v)?;
        }
        if let Some(v) = get("DUKADESK_SERVER_LOCK_TIMEOUT_MS") {
            c.lock_timeout_ms = parse_num("DUKADESK_SERVER_LOCK_TIMEOUT_MS", &v)?;
        }
        if let Some(v) = get("DUKADESK_SERVER_MAX_BODY_BYTES") {
            c.max_body_bytes = parse_num("DUKADESK_SERVER_MAX_BODY_BYTES", &v)?;
        }
        if let Some(v) = get("DUKADESK_SERVER_MAX_PUSH_CHANGES") {
            c.max_push_changes = parse_num("DUKADESK_SERVER_MAX_PUSH_CHANGES", &v)?;
        }
        if let Some(v) = get("DUKADESK_SERVER_MAX_PULL_CHANGES") {
            c.max_pull_changes = parse_num("DUKADESK_SERVER_MAX_PULL_CHANGES", &v)?;
        }
        if let Some(v) = get("DUKADESK_SERVER_REQUESTS_PER_SECOND") {
            c.requests_per_second = parse_num("DUKADESK_SERVER_REQUESTS_PER_SECOND", &v)?;
        }
        if let Some(v) = get("DUKADESK_SERVER_REQUEST_BURST") {
            c.request_burst = parse_num("DUKADESK_SERVER_REQUEST_BURST", &v)?;
        }
        c.check()?;
        Ok(c)
    }

    fn check(&self) -> Result<(), ConfigError> {
        if !(1..=500).contains(&self.pool_size) {
            return Err(bad("database.pool_size", "must be between 1 and 500"));
        }
        if self.connections_per_shop > self.pool_size {
            return Err(bad(
                "database.connections_per_shop",
                "must be at most pool_size (0 for a quarter of it)",
            ));
        }
        if !(100..=600_000).contains(&self.statement_timeout_ms) {
            return Err(bad(
                "database.statement_timeout_ms",
                "must be between 100 and 600000",
            ));
        }
        if !(100..=600_000).contains(&self.lock_timeout_ms) {
            return Err(bad(
                "database.lock_timeout_ms",
                "must be between 100 and 600000",
            ));
        }
        if !(1024..=64 * 1024 * 1024).contains(&self.max_body_bytes) {
            return Err(bad(
                "limits.max_body_bytes",
                "must be between 1024 and 67108864",
            ));
        }
        if !(1..=10_000).contains(&self.max_push_changes) {
            return Err(bad(
                "limits.max_push_changes",
                "must be between 1 and 10000",
            ));
        }
        if !(1..=10_000).contains(&self.max_pull_changes) {
            return Err(bad(
                "limits.max_pull_changes",
                "must be between 1 and 10000",
            ));
        }
        if !(1..=10_000).contains(&self.requests_per_second) {
            return Err(bad(
                "limits.requests_per_second",
                "must be between 1 and 10000",
            ));
        }
        if !(1..=100_000).contains(&self.request_burst) {
            return Err(bad("limits.request_burst", "must be between 1 and 100000"));
        }
        if !(self.public_url.starts_with("https://") || self.public_url.starts_with("http://")) {
            return Err(bad(
                "public_url",
                "must start with https:// (or http:// on a private network)",
            ));
        }
        Ok(())
    }

    /// The owner's URL, or what to set.
    pub fn owner_url(&self) -> Result<&str, ConfigError> {
        self.owner_url
            .as_ref()
            .map(|u| u.expose().as_str())
            .ok_or_else(|| {
                bad(
                "database.owner_url",
                "is needed for this command (or DUKADESK_SERVER_OWNER_URL): the database owner's \
                 postgres:// URL with its password",
            )
            })
    }

    /// The server's password, or what to set.
    pub fn server_password(&self) -> Result<&str, ConfigError> {
        match self.server_password.as_ref().map(|p| p.expose().as_str()) {
            Some(p) if p.len() >= 16 => Ok(p),
            Some(_) => Err(bad(
                "database.server_password",
                "must be at least 16 characters (e.g. `openssl rand -hex 24`)",
            )),
            None => Err(bad(
                "database.server_password",
                "is not set (or DUKADESK_SERVER_DATABASE_PASSWORD): the password `migrate` gives \
                 the dukadesk_server login",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_environment_overrides_the_file_and_bad_values_say_what_to_write() {
        let dir = tempfile_dir();
        let path = dir.join("server.toml");
        std::fs::write(
            &path,
            "listen = \"127.0.0.1:9000\"\npublic_url = \"https://sync.example\"\n\
             [database]\nurl = \"postgres://db/dukadesk\"\nserver_password = \"0123456789abcdef0\"\n\
             [limits]\nmax_push_changes = 50\n",
        )
        .expect("write");
        let c = Config::load(
            Some(&path),
            [(
                "DUKADESK_SERVER_LISTEN".to_owned(),
                "127.0.0.1:9001".to_owned(),
            )],
        )
        .expect("load");
        assert_eq!(c.listen.port(), 9001);
        assert_eq!(c.public_url, "https://sync.example");
        assert_eq!(c.max_push_changes, 50);
        assert!(!format!("{c:?}").contains("0123456789abcdef0"));
        let e = Config::load(
            Some(&path),
            [("DUKADESK_SERVER_POOL_SIZE".to_owned(), "many".to_owned())],
        )
        .expect_err("bad");
        assert!(e.to_string().contains("whole number"), "{e}");
        // A self-signed certificate's fingerprint, as openssl prints it.
        let fp = "8F:F0:6E:FD:76:6B:DA:9B:9C:C2:C1:DA:96:1B:8F:50:35:BE:71:69:61:D9:3B:4F:E0:9B:7D:19:73:B3:CA:2A";
        std::fs::write(&path, format!("public_cert_sha256 = \"{fp}\"\n")).expect("write");
        let c = Config::load(Some(&path), []).expect("pinned");
        assert_eq!(
            c.public_cert_sha256.map(|p| p.to_string()).as_deref(),
            Some(fp)
        );
        let e = Config::load(
            Some(&path),
            [(
                "DUKADESK_SERVER_PUBLIC_CERT_SHA256".to_owned(),
                "8F:F0".to_owned(),
            )],
        )
        .expect_err("short");
        assert!(e.to_string().contains("openssl x509"), "{e}");
        std::fs::write(&path, "colour = \"red\"\n").expect("write");
        let e = Config::load(Some(&path), []).expect_err("unknown key");
        assert!(e.to_string().contains("example"), "{e}");
        let _ = std::fs::remove_dir_all(dir);
    }

    fn tempfile_dir() -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("dukadesk-server-config-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).expect("dir");
        dir
    }
}
