//! `POST /v1/lease`: the shop's bot lease (take, renew, release, read),
//! by the rules of `take_bot_lease`: one holder per shop until it expires.

use super::ApiJson;
use crate::auth::Device;
use crate::error::ApiError;
use crate::AppState;
use axum::extract::State;
use axum::Json;
use dukadesk_core::sync::hosted::{bot_lease_in, release_bot_lease_in, take_bot_lease_in};
use dukadesk_core::sync::protocol::{LeaseAction, LeaseRequest, LeaseResponse};
use std::time::Duration;

/// The handler.
pub async fn lease(
    State(app): State<AppState>,
    device: Device,
    ApiJson(req): ApiJson<LeaseRequest>,
) -> Result<Json<LeaseResponse>, ApiError> {
    let ttl = match req.action {
        LeaseAction::Take | LeaseAction::Renew => match req.ttl_seconds {
            Some(s @ 10..=600) => Some(Duration::from_secs(u64::from(s))),
            _ => {
                return Err(ApiError::bad_request(
                    "Taking or renewing the bot lease needs ttl_seconds between 10 and 600.",
                ))
            }
        },
        LeaseAction::Release | LeaseAction::Read => None,
    };
    let mut tx = super::enrolled_tx(&app, &device).await?;
    let holder = match (req.action, ttl) {
        (LeaseAction::Take | LeaseAction::Renew, Some(ttl)) => Some(
            take_bot_lease_in(&mut tx, ttl)
                .await
                .map_err(ApiError::from_sync)?,
        ),
        (LeaseAction::Release, _) => {
            release_bot_lease_in(&mut tx)
                .await
                .map_err(ApiError::from_sync)?;
            bot_lease_in(&mut tx).await.map_err(ApiError::from_sync)?
        }
        _ => bot_lease_in(&mut tx).await.map_err(ApiError::from_sync)?,
    };
    tx.commit().await.map_err(ApiError::from_db)?;
    Ok(Json(LeaseResponse { holder }))
}
