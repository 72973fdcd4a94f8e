//! The `/v1` API: one module per call. Every handler takes the till from
//! its credential (`auth::Device`), never from the request body, and runs
//! its database work in one transaction begun by `db::tenant_tx`.

pub mod enrol;
pub mod lease;
pub mod live;
pub mod pull;
pub mod push;

use crate::error::ApiError;
use axum::extract::{FromRequest, Request};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use dukadesk_core::sync::protocol::{MIN_SUPPORTED_SCHEMA, SCHEMA_HEADER};
use dukadesk_core::sync::HOSTED_SCHEMA_VERSION;
use serde::de::DeserializeOwned;

/// A JSON body whose every rejection is an [`ApiError`] (a body over the
/// limit is 413).
#[derive(Debug)]
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        match Json::<T>::from_request(req, state).await {
            Ok(Json(v)) => Ok(ApiJson(v)),
            Err(rej) => Err(match rej.status() {
                StatusCode::PAYLOAD_TOO_LARGE => too_large(),
                StatusCode::UNSUPPORTED_MEDIA_TYPE => ApiError::new(
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    "bad_request",
                    "Send the request body as JSON (Content-Type: application/json).",
                ),
                _ => ApiError::bad_request(format!(
                    "The request body is not what this call takes: {}. Update DukaDesk if this \
                     goes on.",
                    rej.body_text()
                )),
            }),
        }
    }
}

/// The answer to a body over the limit.
pub fn too_large() -> ApiError {
    ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "body_too_large",
        "The request is larger than this server accepts. Send fewer changes at a time.",
    )
}

/// Every `/v1` request says which hosted schema the till speaks; a till
/// this server cannot serve is told what to update.
pub async fn schema_gate(req: Request, next: Next) -> Response {
    let theirs = req
        .headers()
        .get(SCHEMA_HEADER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<i32>().ok());
    let refused = match theirs {
        None => Some(ApiError::new(
            StatusCode::UPGRADE_REQUIRED,
            "update_dukadesk",
            format!(
                "This request does not say which DukaDesk version sent it (the {SCHEMA_HEADER} \
                 header). Update DukaDesk on this till."
            ),
        )),
        Some(v) if v > HOSTED_SCHEMA_VERSION => Some(ApiError::new(
            StatusCode::CONFLICT,
            "server_outdated",
            format!(
                "This till runs a newer DukaDesk (schema {v}) than the server knows (schema \
                 {HOSTED_SCHEMA_VERSION}). Update the DukaDesk server; the till keeps working and \
                 syncs once it is updated."
            ),
        )),
        Some(v) if v < MIN_SUPPORTED_SCHEMA => Some(ApiError::new(
            StatusCode::UPGRADE_REQUIRED,
            "update_dukadesk",
            format!(
                "This till's DukaDesk is too old for the server (schema {v}; the oldest served is \
                 {MIN_SUPPORTED_SCHEMA}). Update DukaDesk on this till; its changes wait until then."
            ),
        )),
        Some(_) => None,
    };
    let mut res = match refused {
        Some(e) => e.into_response(),
        None => next.run(req).await,
    };
    res.headers_mut()
        .insert(SCHEMA_HEADER, HeaderValue::from(HOSTED_SCHEMA_VERSION));
    res
}

/// Any path the server does not serve.
pub async fn not_found() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "not_found",
        "The DukaDesk server has no such call. Check the server address in the enrolment string, \
         or update DukaDesk.",
    )
}

/// The request's transaction for `device` (see [`crate::db::tenant_tx`]),
/// refused with 401 when the database no longer takes its credential: for
/// requests whose statements would otherwise just see nothing.
pub async fn enrolled_tx(
    app: &crate::AppState,
    device: &crate::auth::Device,
) -> Result<crate::db::TenantTx, ApiError> {
    let mut tx = crate::db::tenant_tx(
        &app.pool,
        &app.shares,
        device.tenant.shop_id,
        &device.credential_hash,
    )
    .await
    .map_err(ApiError::from_db)?;
    if !tx.enrolled().await.map_err(ApiError::from_db)? {
        return Err(ApiError::revoked());
    }
    Ok(tx)
}
