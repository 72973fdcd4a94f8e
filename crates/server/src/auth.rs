//! Device identity: the credential a till got once from `POST /v1/enrol`
//! (32 random bytes, base64url) comes back on every request as
//! `Authorization: Bearer <credential>`. The server keeps only its SHA-256
//! and looks it up on every request, so a revoked till is refused on its
//! next one. The shop and device of a request come from here and nowhere
//! else.

use crate::db::Tenant;
use crate::error::ApiError;
use crate::AppState;
use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use dukadesk_core::sync::protocol::secret_hash;
use uuid::Uuid;

/// The till a request comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Device(pub Tenant);

fn unknown() -> ApiError {
    ApiError::unauthorized(
        "credential_unknown",
        "The server does not know this till's credential. Connect the till again with a new \
         enrolment code (Settings -> Hosted backend).",
    )
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
        let row: Option<(Uuid, Uuid, bool)> =
            sqlx::query_as("SELECT shop_id, device_id, revoked FROM server_device($1)")
                .bind(hash)
                .fetch_optional(&state.pool)
                .await
                .map_err(ApiError::from_db)?;
        match row {
            None => Err(unknown()),
            Some((_, _, true)) => Err(ApiError::revoked()),
            Some((shop_id, device_id, false)) => Ok(Device(Tenant { shop_id, device_id })),
        }
    }
}
