//! The server against a real PostgreSQL (`dukadesk_sims::postgres`), started
//! in-process on a free loopback port, driven over HTTP as tills would
//! (reqwest with rustls). Each test waits for what it asserts with a bound,
//! never for a fixed time.

mod attacks;
mod cli;
mod enrol;
mod faults;
mod limits;
mod ranks;
mod schema;
mod sync;
mod till;
mod tills;
mod walls;

use dukadesk_core::sync::admin;
use dukadesk_core::sync::protocol::{
    EnrolRequest, EnrolResponse, ErrorBody, PullResponse, PushChange, PushRequest, SCHEMA_HEADER,
};
use dukadesk_core::sync::HOSTED_SCHEMA_VERSION;
use dukadesk_server::Running;
use dukadesk_sims::postgres::TempPostgres;
use futures_util::StreamExt;
use sqlx::PgPool;
use std::time::Duration;
use uuid::Uuid;

/// The rig's body limit, small so an oversized push is cheap to build.
pub const MAX_BODY: usize = 256 * 1024;

pub struct Rig {
    pub pg: TempPostgres,
    pub owner: PgPool,
    pub su: PgPool,
    pub server: Option<Running>,
    pub base: String,
    pub http: reqwest::Client,
}

pub async fn rig() -> Rig {
    rig_with(&[]).await
}

/// [`rig`] with more server settings (`DUKADESK_SERVER_*`).
pub async fn rig_with(settings: &[(&str, &str)]) -> Rig {
    let pg =
        TempPostgres::start().unwrap_or_else(|e| panic!("PostgreSQL for the server tests: {e}"));
    let owner = admin::connect(&pg.owner_url()).await.expect("owner");
    let su = admin::connect(&pg.superuser_url())
        .await
        .expect("superuser");
    let max_body = MAX_BODY.to_string();
    // The test's own settings first: the first of a name wins.
    let mut all = settings.to_vec();
    all.extend_from_slice(&[
        ("DUKADESK_SERVER_POOL_SIZE", "8"),
        ("DUKADESK_SERVER_MAX_BODY_BYTES", max_body.as_str()),
        ("DUKADESK_SERVER_MAX_PUSH_CHANGES", "100"),
    ]);
    let server = dukadesk_server::local::start(&owner, pg.port(), None, &all)
        .await
        .expect("server starts");
    let base = format!("http://{}", server.addr);
    let http = dukadesk_core::net::http_client()
        .timeout(Duration::from_secs(30))
        .build()
        .expect("client");
    Rig {
        pg,
        owner,
        su,
        server: Some(server),
        base,
        http,
    }
}

/// A till as the server sees it: its credential and who it is.
#[derive(Clone)]
pub struct Till {
    pub http: reqwest::Client,
    pub base: String,
    pub credential: String,
    pub shop_id: Uuid,
    pub device_id: Uuid,
}

impl Rig {
    pub async fn shop(&self, name: &str) -> Uuid {
        admin::create_shop(&self.owner, name).await.expect("shop")
    }

    /// A one-time code for a new till of `shop`.
    pub async fn code(&self, shop: Uuid, label: &str, valid_for: chrono::Duration) -> String {
        admin::enrol_server_device(&self.owner, shop, label, valid_for, chrono::Utc::now())
            .await
            .expect("enrol")
            .code
            .expose()
            .clone()
    }

    pub fn post(&self, path: &str) -> reqwest::RequestBuilder {
        self.http
            .post(format!("{}{path}", self.base))
            .header(SCHEMA_HEADER, HOSTED_SCHEMA_VERSION)
    }

    /// Enrols a till of `shop` over HTTP.
    pub async fn till(&self, shop: Uuid, label: &str) -> Till {
        let code = self.code(shop, label, chrono::Duration::hours(1)).await;
        let res = self
            .post("/v1/enrol")
            .json(&EnrolRequest { code: code.into() })
            .send()
            .await
            .expect("enrol request");
        assert_eq!(res.status(), 200, "enrol: {:?}", res.text().await);
        let e: EnrolResponse = res.json().await.expect("enrol body");
        assert_eq!(e.shop_id, shop);
        Till {
            http: self.http.clone(),
            base: self.base.clone(),
            credential: e.credential.expose().clone(),
            shop_id: e.shop_id,
            device_id: e.device_id,
        }
    }
}

impl Till {
    pub fn request(&self, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        self.http
            .request(method, format!("{}{path}", self.base))
            .header(SCHEMA_HEADER, HOSTED_SCHEMA_VERSION)
            .bearer_auth(&self.credential)
    }

    pub async fn push_raw(&self, changes: Vec<PushChange>) -> reqwest::Response {
        self.request(reqwest::Method::POST, "/v1/push")
            .json(&PushRequest { changes })
            .send()
            .await
            .expect("push request")
    }

    pub async fn push(
        &self,
        changes: Vec<PushChange>,
    ) -> dukadesk_core::sync::protocol::PushResponse {
        let res = self.push_raw(changes).await;
        assert_eq!(res.status(), 200, "push: {:?}", res.text().await);
        res.json().await.expect("push body")
    }

    pub async fn pull_raw(&self, cursor: i64) -> reqwest::Response {
        self.request(reqwest::Method::GET, &format!("/v1/pull?cursor={cursor}"))
            .send()
            .await
            .expect("pull request")
    }

    pub async fn pull(&self, cursor: i64) -> PullResponse {
        let res = self.pull_raw(cursor).await;
        assert_eq!(res.status(), 200, "pull: {:?}", res.text().await);
        res.json().await.expect("pull body")
    }

    /// Opens the live stream and waits for its `ready` event.
    pub async fn live(&self) -> Live {
        let res = self
            .request(reqwest::Method::GET, "/v1/live")
            .timeout(Duration::from_secs(3600))
            .send()
            .await
            .expect("live request");
        assert_eq!(res.status(), 200, "live");
        let mut live = Live {
            stream: Box::pin(res.bytes_stream()),
            buf: Vec::new(),
        };
        let (event, _) = live.next().await.expect("ready event");
        assert_eq!(event, "ready");
        live
    }
}

/// An open live stream.
pub struct Live {
    stream:
        std::pin::Pin<Box<dyn futures_util::Stream<Item = reqwest::Result<bytes::Bytes>> + Send>>,
    buf: Vec<u8>,
}

impl Live {
    /// The next event as (name, data), or `None` once the stream ended.
    /// Gives up (panics) after 20 seconds: the bound, not a wait.
    pub async fn next(&mut self) -> Option<(String, String)> {
        tokio::time::timeout(Duration::from_secs(20), self.next_inner())
            .await
            .expect("a live event within 20 s")
    }

    async fn next_inner(&mut self) -> Option<(String, String)> {
        loop {
            if let Some(event) = dukadesk_core::sync::http::take_event(&mut self.buf) {
                return Some(event);
            }
            match self.stream.next().await {
                Some(Ok(bytes)) => self.buf.extend_from_slice(&bytes),
                Some(Err(_)) | None => return None,
            }
        }
    }
}

/// A change of `entity` with `body`.
pub fn change(seq: i64, entity: &str, id: Uuid, body: serde_json::Value) -> PushChange {
    PushChange {
        device_seq: seq,
        entity: entity.into(),
        id,
        op: dukadesk_core::sync::protocol::Op::Upsert,
        body: serde_json::value::to_raw_value(&body).expect("raw"),
        version_at: chrono::Utc::now(),
    }
}

/// An item change.
pub fn item(seq: i64, id: Uuid, name: &str) -> PushChange {
    change(
        seq,
        "item",
        id,
        serde_json::json!({
            "id": id, "name": name, "description": "", "category_id": null,
            "price": {"minor": 5000, "currency": "KES"},
            "kind": {"Physical": {"stock": null}}, "archived": false,
            "updated_at": chrono::Utc::now(),
        }),
    )
}

/// The error body of a refused request, checking its status.
pub async fn refused(res: reqwest::Response, status: u16) -> ErrorBody {
    assert_eq!(res.status(), status);
    let body: ErrorBody = res.json().await.expect("a JSON error body");
    assert!(!body.message.is_empty());
    body
}
