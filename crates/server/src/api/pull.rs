//! `GET /v1/pull?cursor=N&limit=M`: the shop's changes after the cursor in
//! `change_seq` order, paged; `POST /v1/fetch`: the current version of
//! particular rows (parents a page refers to), by
//! `dukadesk_core::sync::hosted::{pull_in, fetch_in}` under the shop set
//! for the transaction. Pages are gzip-compressed when the till asks (the
//! router's compression layer).

use super::ApiJson;
use crate::auth::Device;
use crate::error::ApiError;
use crate::AppState;
use axum::extract::{Query, State};
use axum::Json;
use dukadesk_core::sync::hosted::{fetch_in, known_entity, pull_in};
use dukadesk_core::sync::protocol::{FetchRequest, PullResponse, PulledChange};
use serde::Deserialize;

/// The query string of a pull.
#[derive(Debug, Deserialize)]
pub struct PullQuery {
    /// The last `change_seq` the till applied (0 at first).
    #[serde(default)]
    cursor: i64,
    /// Page size (at most the server's limit).
    limit: Option<i64>,
}

/// The pull handler.
pub async fn pull(
    State(app): State<AppState>,
    device: Device,
    query: Result<Query<PullQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<PullResponse>, ApiError> {
    let Query(q) = query.map_err(|e| {
        ApiError::bad_request(format!(
            "The pull's cursor and limit must be whole numbers ({}).",
            e.body_text()
        ))
    })?;
    if q.cursor < 0 {
        return Err(ApiError::bad_request("The cursor cannot be negative."));
    }
    let limit = q.limit.unwrap_or(app.max_pull_changes);
    if !(1..=app.max_pull_changes).contains(&limit) {
        return Err(ApiError::bad_request(format!(
            "The limit must be between 1 and {}.",
            app.max_pull_changes
        )));
    }
    // One statement, no transaction of ours: `sync_pull` checks the
    // credential itself (42501 for one it does not take: revoked).
    let _share = app.shares.take(device.tenant.shop_id).await;
    let rows = pull_in(&app.pool, &device.credential_hash, q.cursor, limit)
        .await
        .map_err(ApiError::from_sync)?;
    let more = rows.len() as i64 == limit;
    let cursor = rows.last().map_or(q.cursor, |r| r.change_seq);
    Ok(Json(PullResponse {
        changes: rows,
        cursor,
        more,
    }))
}

/// The fetch handler.
pub async fn fetch(
    State(app): State<AppState>,
    device: Device,
    ApiJson(req): ApiJson<FetchRequest>,
) -> Result<Json<Vec<PulledChange>>, ApiError> {
    if !known_entity(&req.entity) {
        return Err(ApiError::bad_request(format!(
            "There is no kind of row called \"{}\". Update DukaDesk if this goes on.",
            req.entity
        )));
    }
    if req.ids.len() as i64 > app.max_pull_changes {
        return Err(ApiError::bad_request(format!(
            "Fetch at most {} rows at a time.",
            app.max_pull_changes
        )));
    }
    let mut tx = super::enrolled_tx(&app, &device).await?;
    let rows = fetch_in(&mut tx, &req.entity, &req.ids)
        .await
        .map_err(ApiError::from_sync)?;
    tx.commit().await.map_err(ApiError::from_db)?;
    Ok(Json(rows))
}
