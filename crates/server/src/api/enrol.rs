//! `POST /v1/enrol`: a one-time enrolment code (from
//! `dukadesk-server enrol-device`) for a device credential, returned once.
//! The server stores the credential's SHA-256 only. A code works once and
//! until it expires.

use super::ApiJson;
use crate::error::ApiError;
use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use dukadesk_core::sync::protocol::{new_secret, secret_hash, EnrolRequest, EnrolResponse};
use uuid::Uuid;

type Outcome = (
    String,
    Option<Uuid>,
    Option<String>,
    Option<Uuid>,
    Option<i16>,
    Option<String>,
);

/// The handler.
pub async fn enrol(
    State(app): State<AppState>,
    ApiJson(req): ApiJson<EnrolRequest>,
) -> Result<Json<EnrolResponse>, ApiError> {
    let unknown = || {
        ApiError::unauthorized(
            "enrol_code_unknown",
            "That enrolment code is not valid. Copy it again from `dukadesk-server enrol-device`, \
             or ask for a new one.",
        )
    };
    let code_hash = secret_hash(req.code.expose()).ok_or_else(unknown)?;
    let credential = new_secret();
    let credential_hash = secret_hash(&credential).ok_or_else(ApiError::internal)?;
    let mut tx = app.pool.begin().await.map_err(ApiError::from_db)?;
    let (outcome, shop_id, shop_name, device_id, device_no, label): Outcome =
        sqlx::query_as("SELECT * FROM server_enrol($1, $2)")
            .bind(code_hash)
            .bind(&credential_hash)
            .fetch_one(&mut *tx)
            .await
            .map_err(ApiError::from_db)?;
    match outcome.as_str() {
        "ok" => {}
        "used" => {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                "enrol_code_used",
                "That enrolment code was already used; a code works once. Ask for a new one \
                 (`dukadesk-server enrol-device`).",
            ))
        }
        "expired" => {
            return Err(ApiError::new(
                StatusCode::GONE,
                "enrol_code_expired",
                "That enrolment code has expired. Ask for a new one \
                 (`dukadesk-server enrol-device`).",
            ))
        }
        "revoked" => return Err(ApiError::revoked()),
        _ => return Err(unknown()),
    }
    tx.commit().await.map_err(ApiError::from_db)?;
    let (Some(shop_id), Some(shop_name), Some(device_id), Some(device_no), Some(label)) =
        (shop_id, shop_name, device_id, device_no, label)
    else {
        return Err(ApiError::internal());
    };
    tracing::info!(%shop_id, %device_id, "device enrolled");
    let mut tx = crate::db::tenant_tx(&app.pool, &app.shares, shop_id, &credential_hash)
        .await
        .map_err(ApiError::from_db)?;
    let has_shop_profile: bool = sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM shop_profiles)")
        .fetch_one(&mut **tx)
        .await
        .map_err(ApiError::from_db)?;
    tx.commit().await.map_err(ApiError::from_db)?;
    Ok(Json(EnrolResponse {
        credential: credential.into(),
        shop_id,
        shop_name,
        device_id,
        device_no: u8::try_from(device_no).map_err(|_| ApiError::internal())?,
        label,
        has_shop_profile,
    }))
}
