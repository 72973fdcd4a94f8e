//! The `/v1` protocol between a till and the DukaDesk server
//! (`dukadesk-server`): request and response bodies, header names and
//! limits, shared by the server and (next) the till's HTTP client. JSON
//! throughout; every error is an [`ErrorBody`].
//!
//! Must not depend on sqlx: these are wire types only.

use super::hosted::{BotLease, Change};
use chrono::{DateTime, Utc};
use dukadesk_domain::Sensitive;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Header carrying the hosted schema version the till speaks
/// ([`super::HOSTED_SCHEMA_VERSION`]).
pub const SCHEMA_HEADER: &str = "dukadesk-schema";

/// The oldest till schema the server still serves. Tills of schema 2 sent
/// stock inside item rows (last writer wins) and no stock movements; tills
/// of schema 3 read an order paid on delivery as unpaid and a reseller's
/// commission on one item as on everything; tills of schema 4 know no
/// refunds; tills of schema 5 drop an item's own KRA classification.
pub const MIN_SUPPORTED_SCHEMA: i32 = 6;

/// Every error the server answers with: a stable code for the till's logic
/// and a message for people saying what to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    /// Stable, snake_case (`device_revoked`, `update_dukadesk`, ...).
    pub code: String,
    /// What happened and what to do next.
    pub message: String,
}

/// `POST /v1/enrol`: the one-time code from the enrolment string.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnrolRequest {
    /// The code, as printed by `dukadesk-server enrol-device`.
    pub code: Sensitive<String>,
}

/// The answer to an enrolment: the device credential, returned once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnrolResponse {
    /// 32 random bytes, base64url without padding: the `Bearer` token of
    /// every later request. The server keeps only its SHA-256.
    pub credential: Sensitive<String>,
    /// The shop.
    pub shop_id: Uuid,
    /// Its name.
    pub shop_name: String,
    /// This till.
    pub device_id: Uuid,
    /// This till's digit in order numbers.
    pub device_no: u8,
    /// Its label.
    pub label: String,
    /// Whether the shop's details are already on the server (another till
    /// put them there): the new till then takes them instead of sending
    /// its own.
    #[serde(default)]
    pub has_shop_profile: bool,
}

/// What a pushed change does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    /// Insert or update (by the conflict rules).
    Upsert,
    /// A tombstone.
    Delete,
}

/// One outbox row on its way up. Unknown fields are refused: a change
/// names no shop or device; the server takes both from the credential.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PushChange {
    /// The till's outbox seq: pushes are idempotent by (device, seq).
    pub device_seq: i64,
    /// Entity kind (`order`, `item`, ...).
    pub entity: String,
    /// Row id.
    pub id: Uuid,
    /// Upsert or tombstone.
    pub op: Op,
    /// The entity as JSON, as the till wrote it.
    pub body: Box<serde_json::value::RawValue>,
    /// When the change was made.
    pub version_at: DateTime<Utc>,
}

impl From<PushChange> for Change {
    fn from(p: PushChange) -> Self {
        Change {
            seq: p.device_seq,
            entity: p.entity,
            id: p.id,
            body: p.body,
            deleted: p.op == Op::Delete,
            version_at: p.version_at,
        }
    }
}

impl From<&Change> for PushChange {
    fn from(c: &Change) -> Self {
        PushChange {
            device_seq: c.seq,
            entity: c.entity.clone(),
            id: c.id,
            op: if c.deleted { Op::Delete } else { Op::Upsert },
            body: c.body.clone(),
            version_at: c.version_at,
        }
    }
}

/// `POST /v1/push`: a batch in outbox order (seqs strictly increasing).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PushRequest {
    /// The changes.
    pub changes: Vec<PushChange>,
}

/// A pushed change the server refused, with its reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejected {
    /// Its outbox seq.
    pub device_seq: i64,
    /// Why.
    pub reason: String,
}

/// What a push did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PushResponse {
    /// Every outbox row up to here is on the server (or was refused).
    pub up_to_seq: i64,
    /// Rows already applied by an earlier push (a replay).
    pub replayed: usize,
    /// Rows refused.
    pub rejected: Vec<Rejected>,
}

/// One change of the shop, as pulled: the same row the till applies.
pub use super::hosted::Pulled as PulledChange;

/// `GET /v1/pull?cursor=N&limit=M`: changes after the cursor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PullResponse {
    /// In `change_seq` order.
    pub changes: Vec<PulledChange>,
    /// The cursor to pull from next (the last change's seq, or the one sent).
    pub cursor: i64,
    /// A full page: pull again at once.
    pub more: bool,
}

/// `POST /v1/fetch`: the current version of particular rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FetchRequest {
    /// Entity kind.
    pub entity: String,
    /// Row ids.
    pub ids: Vec<Uuid>,
}

/// What to do with the shop's bot lease.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LeaseAction {
    /// Take it if free, expired or ours (and renew it if ours).
    Take,
    /// The same as take: renews when held, takes when free.
    Renew,
    /// Give it up if held.
    Release,
    /// Only read who holds it.
    Read,
}

/// `POST /v1/lease`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeaseRequest {
    /// What to do.
    pub action: LeaseAction,
    /// For take and renew: how long (10 to 600 seconds).
    #[serde(default)]
    pub ttl_seconds: Option<u32>,
}

/// Who holds the lease after the request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeaseResponse {
    /// The holder, if any.
    pub holder: Option<BotLease>,
}

/// The data of a `change` event on `GET /v1/live`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LiveChange {
    /// The till whose push changed the shop's data, when known.
    pub device_id: Option<Uuid>,
}

/// Bytes in a device credential and in an enrolment code.
pub const SECRET_BYTES: usize = 32;

/// A fresh random secret (credential or enrolment code): 32 bytes from the
/// OS, base64url without padding.
pub fn new_secret() -> String {
    use aes_gcm::aead::rand_core::RngCore;
    use base64::Engine;
    let mut bytes = [0u8; SECRET_BYTES];
    aes_gcm::aead::OsRng.fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// The SHA-256 of a secret's bytes, if it is well formed (base64url of
/// exactly [`SECRET_BYTES`] bytes): what the server stores and looks up.
pub fn secret_hash(secret: &str) -> Option<Vec<u8>> {
    use base64::Engine;
    use sha2::{Digest, Sha256};
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(secret.trim())
        .ok()?;
    (bytes.len() == SECRET_BYTES).then(|| Sha256::digest(&bytes).to_vec())
}

const SERVER_PREFIX: &str = "DKS1.";

/// A server enrolment string (`dukadesk-server enrol-device` prints it):
/// where the server is and the one-time code, for the till to exchange at
/// `POST /v1/enrol`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerEnrolment {
    /// The server's public address (`https://...`).
    pub url: String,
    /// The one-time code.
    pub code: Sensitive<String>,
    /// The shop's name, to show before connecting.
    pub shop_name: String,
    /// The till's label.
    pub label: String,
    /// When the code stops working.
    pub expires_at: DateTime<Utc>,
    /// The server certificate's SHA-256, for a shop that runs its own
    /// server with a certificate no public authority signed: the till then
    /// trusts that certificate and no other.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pin: Option<crate::net::CertPin>,
}

impl ServerEnrolment {
    /// `DKS1.` and the base64url of its JSON.
    pub fn encode(&self) -> String {
        use base64::Engine;
        let json = serde_json::to_vec(self).unwrap_or_default();
        format!(
            "{SERVER_PREFIX}{}",
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(json)
        )
    }

    /// Reads a string made by [`ServerEnrolment::encode`].
    pub fn decode(s: &str) -> Option<Self> {
        use base64::Engine;
        let rest = s.trim().strip_prefix(SERVER_PREFIX)?;
        let json = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(rest)
            .ok()?;
        serde_json::from_slice(&json).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_random_hashable_and_strings_round_trip() {
        let a = new_secret();
        assert_ne!(a, new_secret());
        assert_eq!(secret_hash(&a).map(|h| h.len()), Some(32));
        assert_eq!(secret_hash("short"), None);
        assert_eq!(secret_hash("not base64 !!"), None);
        let e = ServerEnrolment {
            url: "https://sync.example".into(),
            code: a.into(),
            shop_name: "Duka".into(),
            label: "Counter".into(),
            expires_at: Utc::now(),
            pin: Some(crate::net::CertPin::of(b"a certificate")),
        };
        assert_eq!(ServerEnrolment::decode(&e.encode()), Some(e.clone()));
        assert!(!format!("{e:?}").contains(e.code.expose().as_str()));
        assert_eq!(ServerEnrolment::decode("DKE1.abc"), None);
    }
}
