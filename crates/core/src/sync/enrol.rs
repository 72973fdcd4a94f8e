//! The one-time enrolment string the admin command prints for a new till,
//! and the connection the till keeps once enrolled.

use super::SyncError;
use base64::Engine;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sqlx::postgres::{PgConnectOptions, PgSslMode};
use uuid::Uuid;

const PREFIX: &str = "DKE1.";

/// How the till reaches the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TlsMode {
    /// TLS with the server's certificate checked against its host name (the default).
    VerifyFull,
    /// TLS without checking whose certificate it is.
    Require,
    /// No TLS: only for a server on this machine or a private network.
    Disable,
}

impl TlsMode {
    /// Parses `verify-full`, `require` or `disable`.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "verify-full" => Some(TlsMode::VerifyFull),
            "require" => Some(TlsMode::Require),
            "disable" => Some(TlsMode::Disable),
            _ => None,
        }
    }

    /// The name used in enrolment strings and the admin command.
    pub fn as_str(self) -> &'static str {
        match self {
            TlsMode::VerifyFull => "verify-full",
            TlsMode::Require => "require",
            TlsMode::Disable => "disable",
        }
    }

    fn pg(self) -> PgSslMode {
        match self {
            TlsMode::VerifyFull => PgSslMode::VerifyFull,
            TlsMode::Require => PgSslMode::Require,
            TlsMode::Disable => PgSslMode::Disable,
        }
    }
}

/// Where and who: everything in an enrolment string but the password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostedConfig {
    /// Server host name or address.
    pub host: String,
    /// Server port.
    pub port: u16,
    /// Database name.
    pub database: String,
    /// This till's login role.
    pub role: String,
    /// TLS mode.
    pub tls: TlsMode,
    /// The shop (tenant).
    pub shop_id: Uuid,
    /// The shop's name as the admin created it.
    pub shop_name: String,
    /// This till's device id.
    pub device_id: Uuid,
    /// This till's digit in order numbers.
    pub device_no: u8,
    /// This till's label ("Front counter").
    pub label: String,
}

impl HostedConfig {
    /// Connection options for this till's login with `password`.
    pub fn connect_options(&self, password: &str) -> PgConnectOptions {
        PgConnectOptions::new()
            .host(&self.host)
            .port(self.port)
            .database(&self.database)
            .username(&self.role)
            .password(password)
            .ssl_mode(self.tls.pg())
            .application_name("dukadesk")
    }

    /// Same, pointing at another address (a test proxy).
    pub fn with_address(mut self, host: &str, port: u16) -> Self {
        self.host = host.to_owned();
        self.port = port;
        self
    }
}

/// A one-time enrolment: printed by `dukadesk-admin enrol-device`, pasted
/// into Settings -> Hosted backend.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Enrolment {
    /// Where and who.
    #[serde(flatten)]
    pub config: HostedConfig,
    /// The one-time password (replaced by the till's own at first login).
    pub password: String,
    /// After this the string is refused (the role's password expires too).
    pub expires_at: DateTime<Utc>,
}

impl std::fmt::Debug for Enrolment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Enrolment")
            .field("config", &self.config)
            .field("password", &"<redacted>")
            .field("expires_at", &self.expires_at)
            .finish()
    }
}

impl Enrolment {
    /// The string to hand to the till.
    pub fn encode(&self) -> String {
        let json = serde_json::to_vec(self).unwrap_or_default();
        format!(
            "{PREFIX}{}",
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(json)
        )
    }

    /// Reads a pasted string (surrounding blanks and line breaks ignored) and
    /// checks it has not expired at `now`.
    pub fn decode(s: &str, now: DateTime<Utc>) -> Result<Self, SyncError> {
        let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        let body = s
            .strip_prefix(PREFIX)
            .ok_or_else(|| SyncError::BadEnrolment(format!("it should start with \"{PREFIX}\"")))?;
        let json = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(body)
            .map_err(|_| SyncError::BadEnrolment("it is cut short or has a typo".into()))?;
        let e: Enrolment = serde_json::from_slice(&json)
            .map_err(|_| SyncError::BadEnrolment("it is cut short or has a typo".into()))?;
        if e.config.host.is_empty() || e.config.role.is_empty() || e.password.is_empty() {
            return Err(SyncError::BadEnrolment("it has no server or login".into()));
        }
        if !(1..=9).contains(&e.config.device_no) {
            return Err(SyncError::BadEnrolment(
                "its till number is out of range".into(),
            ));
        }
        if e.expires_at <= now {
            return Err(SyncError::EnrolmentExpired);
        }
        Ok(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(expires_at: DateTime<Utc>) -> Enrolment {
        Enrolment {
            config: HostedConfig {
                host: "db.example.com".into(),
                port: 5432,
                database: "dukadesk".into(),
                role: "dukadesk_d_1".into(),
                tls: TlsMode::VerifyFull,
                shop_id: Uuid::nil(),
                shop_name: "Mama Njeri".into(),
                device_id: Uuid::nil(),
                device_no: 2,
                label: "Counter".into(),
            },
            password: "s3cret".into(),
            expires_at,
        }
    }

    #[test]
    fn round_trips_and_tolerates_line_breaks() {
        let now = Utc::now();
        let e = sample(now + chrono::Duration::hours(1));
        let s = e.encode();
        let broken = format!("  {}\n{}  ", &s[..20], &s[20..]);
        assert_eq!(Enrolment::decode(&broken, now).unwrap(), e);
        assert!(!format!("{e:?}").contains("s3cret"));
    }

    #[test]
    fn refuses_expired_truncated_and_foreign_strings() {
        let now = Utc::now();
        let s = sample(now - chrono::Duration::seconds(1)).encode();
        assert!(matches!(
            Enrolment::decode(&s, now),
            Err(SyncError::EnrolmentExpired)
        ));
        let s = sample(now + chrono::Duration::hours(1)).encode();
        assert!(matches!(
            Enrolment::decode(&s[..s.len() - 10], now),
            Err(SyncError::BadEnrolment(_))
        ));
        assert!(matches!(
            Enrolment::decode("postgres://x@y/z", now),
            Err(SyncError::BadEnrolment(_))
        ));
    }
}
