//! Device identity: the credential a till got once from `POST /v1/enrol`
//! (32 random bytes, base64url) comes back on every request as
//! `Authorization: Bearer <credential>`. The server keeps only its SHA-256.
//!
//! The database checks the credential on every request, inside the
//! request's own statements (`server_tenant` begins each transaction,
//! `sync_pull` is the pull): a revoked till is refused on its next request
//! and the shop a request reaches comes from the credential, never from
//! anything the till sends. The server remembers which shop and device a
//! credential it has seen belongs to ([`Credentials`]), to share the pool
//! between shops before it asks the database anything; that memory grants
//! nothing by itself.

use crate::db::Tenant;
use crate::error::ApiError;
use crate::AppState;
use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use dukadesk_core::sync::protocol::secret_hash;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use uuid::Uuid;

/// The till a request comes from, as its credential says. Its access is
/// checked by the database in the request's statements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Device {
    /// Its shop and device.
    pub tenant: Tenant,
    /// The SHA-256 of its credential, as the database stores it.
    pub credential_hash: Vec<u8>,
}

/// The most credentials remembered; past it the memory starts again (each
/// till is looked up once more).
const REMEMBERED: usize = 100_000;

/// Which shop and device each credential seen lately belongs to. Only
/// credentials the database knew are remembered; a revocation (announced
/// on `dukadesk_revoked`) forgets its device's, and a gap in listening
/// forgets them all.
#[derive(Clone, Default)]
pub struct Credentials {
    known: Arc<Mutex<HashMap<Vec<u8>, Tenant>>>,
}

impl Credentials {
    fn known(&self) -> std::sync::MutexGuard<'_, HashMap<Vec<u8>, Tenant>> {
        self.known.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn get(&self, hash: &[u8]) -> Option<Tenant> {
        self.known().get(hash).copied()
    }

    fn remember(&self, hash: Vec<u8>, tenant: Tenant) {
        let mut known = self.known();
        if known.len() >= REMEMBERED {
            known.clear();
        }
        known.insert(hash, tenant);
    }

    /// Forgets a revoked device's credential.
    pub fn forget_device(&self, device: Uuid) {
        self.known().retain(|_, t| t.device_id != device);
    }

    /// Forgets every credential.
    pub fn forget_all(&self) {
        self.known().clear();
    }
}

fn unknown() -> ApiError {
    ApiError::unauthorized(
        "credential_unknown",
        "The server does not know this till's credential. Connect the till again with a new \
         enrolment code (Settings -> Hosted backend).",
    )
}

/// Asks the database which till `hash` belongs to now (and remembers it).
pub async fn look_up(state: &AppState, hash: &[u8]) -> Result<Tenant, ApiError> {
    let row: Option<(Uuid, Uuid, bool)> =
        sqlx::query_as("SELECT shop_id, device_id, revoked FROM server_device($1)")
            .bind(hash)
            .fetch_optional(&state.pool)
            .await
            .map_err(ApiError::from_db)?;
    match row {
        None => Err(unknown()),
        Some((_, device_id, true)) => {
            state.credentials.forget_device(device_id);
            Err(ApiError::revoked())
        }
        Some((shop_id, device_id, false)) => {
            let tenant = Tenant { shop_id, device_id };
            state.credentials.remember(hash.to_vec(), tenant);
            Ok(tenant)
        }
    }
}

impl FromRequestParts<AppState> for Device {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let header = parts.headers.get(AUTHORIZATION).ok_or_else(|| {
            ApiError::unauthorized(
                "credential_missing",
                "This request carries no device credential. Connect the till first \
                 (Settings -> Hosted backend).",
            )
        })?;
        let token = header
            .to_str()
            .ok()
            .and_then(|h| h.strip_prefix("Bearer "))
            .ok_or_else(unknown)?;
        let hash = secret_hash(token).ok_or_else(unknown)?;
        // The till's share, before the database is asked anything.
        if let Err(wait) = state.limiter.check(&hash) {
            state.metrics.rate_limited.inc();
            return Err(ApiError::rate_limited(wait));
        }
        let tenant = match state.credentials.get(&hash) {
            Some(t) => t,
            None => look_up(state, &hash).await?,
        };
        Ok(Device {
            tenant,
            credential_hash: hash,
        })
    }
}
