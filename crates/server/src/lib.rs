//! `dukadesk-server`: the hosted edge. Tills sync through its `/v1` API
//! over HTTPS (TLS terminated in front of it) with a device credential;
//! only the server talks to PostgreSQL, as the non-owner `dukadesk_server`
//! login, setting the till's shop for each transaction so row-level
//! security confines every statement to it.
//!
//! - `config`: layered configuration (TOML file, `DUKADESK_SERVER_*`).
//! - `db`: the pool and the per-request tenant transaction.
//! - `auth`: the credential on every request.
//! - `hub`: one LISTEN per process, fanned out to live streams.
//! - `api`: one module per `/v1` call.
//! - `local`: a server on a loopback port, for trials and tests.
//! - `limits`: each till's share of requests; `metrics`: `GET /metrics`.
//!
//! It runs the tills' own sync SQL (`dukadesk_core::sync::hosted`) and the
//! admin code (`dukadesk_core::sync::{admin, purge}`); it knows nothing of
//! the till's SQLite store.

pub mod api;
pub mod auth;
pub mod config;
pub mod db;
pub mod error;
pub mod hub;
pub mod limits;
pub mod local;
pub mod metrics;
pub mod qr;

use axum::extract::{DefaultBodyLimit, Request, State};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Json, Router};
use config::Config;
use dukadesk_core::sync::HOSTED_SCHEMA_VERSION;
use hub::Hub;
use sqlx::PgPool;
use std::net::SocketAddr;
use tokio_util::sync::CancellationToken;

/// What every handler shares; cheap to clone.
#[derive(Clone)]
pub struct AppState {
    /// The server's pool (`dukadesk_server`).
    pub pool: PgPool,
    /// The live fan-out.
    pub hub: Hub,
    /// Which till each credential seen lately belongs to (for the pool's
    /// shares; the database checks each request).
    pub credentials: auth::Credentials,
    /// The most changes in one push.
    pub max_push_changes: usize,
    /// The most changes in one pull page.
    pub max_pull_changes: i64,
    /// Each till's share of requests.
    pub limiter: limits::Limiter,
    /// Each shop's share of the pool.
    pub shares: db::Shares,
    /// What `/metrics` shows.
    pub metrics: metrics::Metrics,
}

/// The routes, with the body limit and the schema check.
pub fn router(state: AppState, max_body_bytes: usize) -> Router {
    let v1 = Router::new()
        .route("/v1/enrol", post(api::enrol::enrol))
        .route("/v1/push", post(api::push::push))
        .route("/v1/pull", get(api::pull::pull))
        .route("/v1/fetch", post(api::pull::fetch))
        .route("/v1/live", get(api::live::live))
        .route("/v1/lease", post(api::lease::lease))
        .layer(middleware::from_fn(api::schema_gate));
    Router::new()
        .merge(v1)
        .route("/healthz", get(healthz))
        .route("/metrics", get(metrics_text))
        .fallback(api::not_found)
        // Pull pages are JSON and shrink several times over: tills on
        // mobile data pay for every byte. Never the live channel (its
        // events must not wait in a compressor's buffer).
        .layer(tower_http::compression::CompressionLayer::new().gzip(true))
        .layer(DefaultBodyLimit::max(max_body_bytes))
        .layer(middleware::from_fn_with_state(state.clone(), log_request))
        .with_state(state)
}

/// Whether the server can reach its database.
async fn healthz(State(app): State<AppState>) -> Result<Json<serde_json::Value>, error::ApiError> {
    let v: i32 = sqlx::query_scalar("SELECT hosted_schema_version()")
        .fetch_one(&app.pool)
        .await
        .map_err(error::ApiError::from_db)?;
    Ok(Json(
        serde_json::json!({ "ok": true, "schema": v, "live_streams": app.hub.streams() }),
    ))
}

/// The Prometheus text format (route templates and counts only).
async fn metrics_text(State(app): State<AppState>) -> Response {
    use axum::response::IntoResponse;
    app.metrics.live_streams.set(app.hub.streams() as i64);
    (
        [(
            axum::http::header::CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        app.metrics.render(),
    )
        .into_response()
}

/// One line per request: method, path (never the query), status, time;
/// and the same counted for `/metrics` by route template. No credential,
/// body or personal data.
async fn log_request(State(app): State<AppState>, req: Request, next: Next) -> Response {
    let method = req.method().clone();
    let path = req.uri().path().to_owned();
    let route = req
        .extensions()
        .get::<axum::extract::MatchedPath>()
        .map_or_else(|| "other".to_owned(), |m| m.as_str().to_owned());
    let started = std::time::Instant::now();
    let res = next.run(req).await;
    let elapsed = started.elapsed();
    let status = res.status().as_u16();
    app.metrics
        .requests
        .get_or_create(&metrics::RequestLabels {
            route: route.clone(),
            status,
        })
        .inc();
    app.metrics
        .seconds
        .get_or_create(&metrics::RouteLabels { route })
        .observe(elapsed.as_secs_f64());
    tracing::info!(
        %method,
        path,
        status,
        ms = elapsed.as_millis() as u64,
        "request"
    );
    res
}

/// A running server.
pub struct Running {
    /// Where it listens.
    pub addr: SocketAddr,
    /// Its pool.
    pub pool: PgPool,
    shutdown: CancellationToken,
    task: tokio::task::JoinHandle<std::io::Result<()>>,
}

impl Running {
    /// Stops accepting, ends every live stream, and waits for requests in
    /// flight.
    pub async fn stop(self) -> anyhow::Result<()> {
        self.shutdown.cancel();
        self.task.await??;
        self.pool.close().await;
        Ok(())
    }

    /// Waits until the server stops (it runs until `stop` or an error).
    pub async fn wait(self) -> anyhow::Result<()> {
        self.task.await??;
        Ok(())
    }

    /// A token that stops the server when cancelled.
    pub fn shutdown_token(&self) -> CancellationToken {
        self.shutdown.clone()
    }
}

/// Starts serving on `listener`: logs in to the database, checks the schema
/// the database carries, starts listening for changes and revocations.
pub async fn start(config: &Config, listener: tokio::net::TcpListener) -> anyhow::Result<Running> {
    let pool = db::connect(config).await?;
    let found: i32 = sqlx::query_scalar("SELECT hosted_schema_version()")
        .fetch_one(&pool)
        .await?;
    if found > HOSTED_SCHEMA_VERSION {
        anyhow::bail!(
            "The database was migrated by a newer DukaDesk (schema {found}; this server knows \
             {HOSTED_SCHEMA_VERSION}). Run the newer dukadesk-server."
        );
    }
    let shutdown = CancellationToken::new();
    let credentials = auth::Credentials::default();
    let hub = Hub::start(pool.clone(), shutdown.clone(), credentials.clone()).await?;
    let state = AppState {
        pool: pool.clone(),
        hub,
        credentials,
        max_push_changes: config.max_push_changes,
        max_pull_changes: config.max_pull_changes,
        limiter: limits::Limiter::new(config),
        shares: db::Shares::new(config.shop_share()),
        metrics: metrics::Metrics::default(),
    };
    let limiter = state.limiter.clone();
    let stop_forgetting = shutdown.clone();
    tokio::spawn(async move {
        let mut every = tokio::time::interval(std::time::Duration::from_secs(60));
        loop {
            tokio::select! {
                _ = every.tick() => limiter.forget_idle(),
                _ = stop_forgetting.cancelled() => return,
            }
        }
    });
    let app = router(state, config.max_body_bytes);
    let addr = listener.local_addr()?;
    let stop = shutdown.clone();
    let task = tokio::spawn(async move {
        axum::serve(listener, app)
            .with_graceful_shutdown(async move { stop.cancelled().await })
            .await
    });
    tracing::info!(%addr, "serving");
    Ok(Running {
        addr,
        pool,
        shutdown,
        task,
    })
}
