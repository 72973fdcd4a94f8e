//! The one error shape of the API: a status and an
//! [`ErrorBody`](dukadesk_core::sync::protocol::ErrorBody) `{code, message}`
//! saying what to do. Database details stay in the server's log (codes
//! only, never row data).

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use dukadesk_core::sync::protocol::ErrorBody;
use dukadesk_core::sync::SyncError;

/// An error answered to a till.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// HTTP status.
    pub status: StatusCode,
    /// Stable code.
    pub code: &'static str,
    /// For people: what happened and what to do.
    pub message: String,
    /// Seconds to wait before trying again (sent as `Retry-After`).
    pub retry_after_secs: Option<u64>,
}

impl ApiError {
    /// An error with its status, code and message.
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            code,
            message: message.into(),
            retry_after_secs: None,
        }
    }

    /// A malformed request.
    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "bad_request", message)
    }

    /// No usable credential.
    pub fn unauthorized(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, code, message)
    }

    /// The device was revoked (also mid-request).
    pub fn revoked() -> Self {
        Self::unauthorized(
            "device_revoked",
            "This till was removed from the shop's hosted backend. Its changes stay on this till; \
             ask the shop owner for a new enrolment code to connect it again.",
        )
    }

    /// The till sent more requests than its share.
    pub fn rate_limited(wait: std::time::Duration) -> Self {
        let secs = wait.as_secs_f64().ceil().max(1.0) as u64;
        ApiError {
            retry_after_secs: Some(secs),
            ..Self::new(
                StatusCode::TOO_MANY_REQUESTS,
                "rate_limited",
                format!(
                    "This till is sending more requests than the server takes from one till. \
                     It waits {secs} s and goes on; nothing is lost."
                ),
            )
        }
    }

    /// The database cannot be reached or is overloaded.
    pub fn unavailable() -> Self {
        Self::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "server_busy",
            "The DukaDesk server cannot reach its database just now. The till keeps working; \
             changes wait and sync when it is back.",
        )
    }

    /// Anything else the server did wrong.
    pub fn internal() -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "server_error",
            "The DukaDesk server failed on this request. The till keeps its changes and tries \
             again; if this goes on, tell whoever runs the server.",
        )
    }

    /// Sorts a database error: what the till can act on, and a log line
    /// with the SQLSTATE only.
    pub fn from_db(e: sqlx::Error) -> Self {
        Self::from_sync(SyncError::from_pg(e))
    }

    /// The same for errors of the shared sync code.
    pub fn from_sync(e: SyncError) -> Self {
        match e {
            SyncError::Refused(_) => Self::revoked(),
            SyncError::Offline(_) => {
                tracing::warn!("database unreachable");
                Self::unavailable()
            }
            other => {
                tracing::error!(kind = error_kind(&other), "database error");
                Self::internal()
            }
        }
    }
}

fn error_kind(e: &SyncError) -> &'static str {
    match e {
        SyncError::Server(_) => "server",
        SyncError::SchemaTooNew { .. } => "schema",
        SyncError::Store(_) => "store",
        _ => "other",
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            code: self.code.to_owned(),
            message: self.message,
        };
        let mut res = (self.status, Json(body)).into_response();
        if let Some(secs) = self.retry_after_secs {
            res.headers_mut().insert(
                axum::http::header::RETRY_AFTER,
                axum::http::HeaderValue::from(secs),
            );
        }
        res
    }
}
