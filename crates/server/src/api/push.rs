//! `POST /v1/push`: a batch of the till's outbox rows, applied exactly once
//! with the conflict rules
//! (`dukadesk_core::sync::hosted::upload_in`): rows at or below the
//! device's applied seq are a replay and skipped, the applied seq is
//! recorded in the same transaction. The shop and device come from the
//! credential only; whatever a body says of a shop is data, stored in the
//! till's own shop.

use super::ApiJson;
use crate::auth::Device;
use crate::db::tenant_tx;
use crate::error::ApiError;
use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use dukadesk_core::sync::hosted::{upload_in, Change, Uploaded};
use dukadesk_core::sync::protocol::{PushRequest, PushResponse, Rejected};
use dukadesk_core::sync::SyncError;

/// The handler.
pub async fn push(
    State(app): State<AppState>,
    device: Device,
    ApiJson(req): ApiJson<PushRequest>,
) -> Result<Json<PushResponse>, ApiError> {
    if req.changes.len() > app.max_push_changes {
        return Err(ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "batch_too_large",
            format!(
                "A push may carry at most {} changes; this one has {}. Send them in smaller batches.",
                app.max_push_changes,
                req.changes.len()
            ),
        ));
    }
    let mut last = 0i64;
    for c in &req.changes {
        if c.device_seq <= last {
            return Err(ApiError::bad_request(
                "The changes of a push must be in outbox order, each device_seq positive and \
                 higher than the one before.",
            ));
        }
        last = c.device_seq;
    }
    let batch: Vec<Change> = req.changes.into_iter().map(Change::from).collect();
    let out = match attempt(&app, &device, &batch, false).await {
        // One row the database refuses should not hold back the rest: go
        // again row by row and set the refused ones aside.
        Err(SyncError::Server(_)) => attempt(&app, &device, &batch, true).await,
        other => other,
    }
    .map_err(ApiError::from_sync)?;
    // The shop's other tills hear of it through `sync_push_begin`'s NOTIFY (sent at commit), on
    // this server and every other: waking them here as well would make
    // each of them pull twice.
    Ok(Json(PushResponse {
        up_to_seq: out.up_to_seq,
        replayed: out.replayed,
        rejected: out
            .rejected
            .into_iter()
            .map(|(device_seq, reason)| Rejected { device_seq, reason })
            .collect(),
    }))
}

async fn attempt(
    app: &AppState,
    device: &Device,
    batch: &[Change],
    row_by_row: bool,
) -> Result<Uploaded, SyncError> {
    let mut tx = tenant_tx(
        &app.pool,
        &app.shares,
        device.tenant.shop_id,
        &device.credential_hash,
    )
    .await
    .map_err(SyncError::from_pg)?;
    // `sync_push_begin` refuses a credential the database did not take
    // (42501: the till is told it was revoked).
    let t = device.tenant;
    let out = upload_in(&mut tx, t.shop_id, t.device_id, batch, row_by_row).await?;
    tx.commit().await.map_err(SyncError::from_pg)?;
    Ok(out)
}
