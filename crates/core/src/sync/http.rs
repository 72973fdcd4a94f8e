//! The till's client of the DukaDesk server (`crates/server`): the `/v1`
//! calls over HTTPS with the till's device credential, so the till never
//! holds a database login: upload, pull, fetch, the live channel, the bot
//! lease, with the conflict rules applied by the server (`super::hosted`).
//!
//! Every failure is sorted into a [`SyncError`] the worker acts on: a
//! server that cannot be reached, is busy or answers garbage is tried again
//! later; a revoked or unknown credential and a version mismatch need
//! someone to act, and say what to do.

use super::hosted::{BotLease, Change, Pulled, Uploaded};
use super::protocol::{
    EnrolRequest, EnrolResponse, ErrorBody, FetchRequest, LeaseAction, LeaseRequest, LeaseResponse,
    LiveChange, PullResponse, PushChange, PushRequest, PushResponse, ServerEnrolment,
    SCHEMA_HEADER,
};
use super::{SyncError, HOSTED_SCHEMA_VERSION};
use chrono::{DateTime, Utc};
use dukadesk_domain::Sensitive;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::time::Duration;
use uuid::Uuid;

/// Where the server is and who this till is, saved at enrolment (the
/// credential is kept apart, in the vault).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerConfig {
    /// The server's base address (`https://sync.example.com`).
    pub url: String,
    /// The shop.
    pub shop_id: Uuid,
    /// Its name.
    pub shop_name: String,
    /// This till.
    pub device_id: Uuid,
    /// This till's digit in order numbers.
    pub device_no: u8,
    /// Its label.
    pub label: String,
    /// The server certificate this till trusts, when the enrolment pinned
    /// one (a shop's own server); otherwise public authorities.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pin: Option<crate::net::CertPin>,
}

impl ServerConfig {
    /// The host part of the address, for Settings.
    pub fn host(&self) -> String {
        reqwest::Url::parse(&self.url)
            .ok()
            .and_then(|u| u.host_str().map(str::to_owned))
            .unwrap_or_else(|| self.url.clone())
    }
}

/// A till's connection to the server: cheap to clone.
#[derive(Debug, Clone)]
pub struct ServerClient {
    http: reqwest::Client,
    /// Without an overall time limit: the live channel stays open.
    live_http: reqwest::Client,
    base: reqwest::Url,
    credential: std::sync::Arc<Sensitive<String>>,
    config: ServerConfig,
}

/// How long one call may take before the till gives up and tries later.
const CALL_TIMEOUT: Duration = Duration::from_secs(60);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// Checks an address: `https://`, or `http://` only to this machine (a
/// server started beside the till, as in trials and tests).
fn base_url(url: &str) -> Result<reqwest::Url, SyncError> {
    let mut u = reqwest::Url::parse(url.trim()).map_err(|_| {
        SyncError::BadEnrolment(format!("the server address \"{url}\" is not a web address"))
    })?;
    let loopback = match u.host_str() {
        Some("localhost") => true,
        Some(h) => h
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback()),
        None => false,
    };
    // Calls are joined onto it: a server under a path keeps its path.
    if !u.path().ends_with('/') {
        let path = format!("{}/", u.path());
        u.set_path(&path);
    }
    match u.scheme() {
        "https" => Ok(u),
        "http" if loopback => Ok(u),
        _ => Err(SyncError::BadEnrolment(format!(
            "the server address \"{url}\" must start with https:// (only a server on this \
             computer may use http://)"
        ))),
    }
}

fn clients(
    pin: Option<crate::net::CertPin>,
) -> Result<(reqwest::Client, reqwest::Client), SyncError> {
    let build = |timeout: Option<Duration>| {
        let b = match pin {
            Some(pin) => crate::net::pinned_http_client(pin),
            None => crate::net::http_client(),
        }
        .connect_timeout(CONNECT_TIMEOUT)
        .user_agent(concat!("DukaDesk/", env!("CARGO_PKG_VERSION")));
        match timeout {
            Some(t) => b.timeout(t),
            None => b,
        }
        .build()
        .map_err(|e| SyncError::Tls(e.to_string()))
    };
    Ok((build(Some(CALL_TIMEOUT))?, build(None)?))
}

/// Sorts a failure to get an answer at all.
fn transport(e: reqwest::Error) -> SyncError {
    let text = error_chain(&e);
    if text.contains(crate::net::PIN_MISMATCH) {
        SyncError::CertificateChanged
    } else if text.contains("certificate") || text.contains("UnknownIssuer") {
        SyncError::Tls(text)
    } else {
        SyncError::Offline(text)
    }
}

fn error_chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}

/// Sorts an answer that is not a success by its status and code.
fn refusal(status: reqwest::StatusCode, body: &[u8]) -> SyncError {
    let parsed: Option<ErrorBody> = serde_json::from_slice(body).ok();
    let Some(err) = parsed else {
        return SyncError::Server(format!(
            "the server answered {status} with something that is not a DukaDesk answer; check \
             the server address, or whatever stands in front of the server"
        ));
    };
    match (status.as_u16(), err.code.as_str()) {
        (401, _) | (_, "device_revoked") => SyncError::Refused(err.message),
        (426, _) | (_, "update_dukadesk") => SyncError::UpdateNeeded(err.message),
        (_, "server_outdated") => SyncError::UpdateNeeded(err.message),
        (413, _) => SyncError::TooLarge(err.message),
        (429, _) | (502..=504, _) => SyncError::Offline(err.message),
        _ => SyncError::Server(err.message),
    }
}

impl ServerClient {
    /// A client for an enrolled till.
    pub fn new(config: &ServerConfig, credential: &str) -> Result<Self, SyncError> {
        let base = base_url(&config.url)?;
        let (http, live_http) = clients(config.pin)?;
        Ok(ServerClient {
            http,
            live_http,
            base,
            credential: std::sync::Arc::new(Sensitive::from(credential)),
            config: config.clone(),
        })
    }

    /// Exchanges a one-time enrolment code for this till's credential.
    pub async fn enrol(
        enrolment: &ServerEnrolment,
        now: DateTime<Utc>,
    ) -> Result<(Self, EnrolResponse), SyncError> {
        if enrolment.expires_at <= now {
            return Err(SyncError::EnrolmentExpired);
        }
        let base = base_url(&enrolment.url)?;
        let (http, live_http) = clients(enrolment.pin)?;
        let url = base
            .join("v1/enrol")
            .map_err(|e| SyncError::BadEnrolment(e.to_string()))?;
        let res = http
            .post(url)
            .header(SCHEMA_HEADER, HOSTED_SCHEMA_VERSION)
            .json(&EnrolRequest {
                code: enrolment.code.clone(),
            })
            .send()
            .await
            .map_err(transport)?;
        // A refusal of the code itself (used, expired, unknown) says so;
        // a busy or broken server is tried again later.
        let refused_code =
            res.status().is_client_error() && !matches!(res.status().as_u16(), 413 | 426 | 429);
        let answer: EnrolResponse = read(res).await.map_err(|e| match e {
            SyncError::Server(m) if refused_code => SyncError::Refused(m),
            other => other,
        })?;
        let config = ServerConfig {
            url: base.to_string(),
            shop_id: answer.shop_id,
            shop_name: answer.shop_name.clone(),
            device_id: answer.device_id,
            device_no: answer.device_no,
            label: answer.label.clone(),
            pin: enrolment.pin,
        };
        let client = ServerClient {
            http,
            live_http,
            base,
            credential: std::sync::Arc::new(answer.credential.clone()),
            config,
        };
        Ok((client, answer))
    }

    /// Where and who.
    pub fn config(&self) -> &ServerConfig {
        &self.config
    }

    fn request(
        &self,
        client: &reqwest::Client,
        method: reqwest::Method,
        path: &str,
    ) -> reqwest::RequestBuilder {
        let url = self.base.join(path).unwrap_or_else(|_| self.base.clone());
        client
            .request(method, url)
            .header(SCHEMA_HEADER, HOSTED_SCHEMA_VERSION)
            .bearer_auth(self.credential.expose())
    }

    async fn call<T: DeserializeOwned>(&self, rb: reqwest::RequestBuilder) -> Result<T, SyncError> {
        read(rb.send().await.map_err(transport)?).await
    }

    /// Uploads `batch` (outbox order); rows an earlier push already applied
    /// are skipped by the server. A batch larger than the server takes is
    /// sent in halves.
    pub async fn upload(&self, batch: &[Change]) -> Result<Uploaded, SyncError> {
        if batch.is_empty() {
            return Ok(Uploaded::default());
        }
        let mut done = Uploaded::default();
        let mut rest = batch;
        let mut size = batch.len();
        while !rest.is_empty() {
            let part = &rest[..size.min(rest.len())];
            let req = PushRequest {
                changes: part.iter().map(PushChange::from).collect(),
            };
            let answer: Result<PushResponse, _> = self
                .call(
                    self.request(&self.http, reqwest::Method::POST, "v1/push")
                        .json(&req),
                )
                .await;
            match answer {
                Ok(a) => {
                    // The outbox forgets rows up to what the server says it
                    // has: never past what was sent (a wrong answer must
                    // not cost the till its unsent changes).
                    let sent_to = part.last().map_or(0, |c| c.seq);
                    done.up_to_seq = a.up_to_seq.min(sent_to);
                    done.replayed += a.replayed;
                    done.rejected.extend(
                        a.rejected
                            .into_iter()
                            .filter(|r| part.iter().any(|c| c.seq == r.device_seq))
                            .map(|r| (r.device_seq, r.reason)),
                    );
                    if a.up_to_seq < sent_to {
                        // Less than sent: the rest goes again next time.
                        return Ok(done);
                    }
                    rest = &rest[part.len()..];
                }
                Err(SyncError::TooLarge(_)) if size > 1 => size = size.div_ceil(2),
                Err(e) => {
                    // What went up before is on the server: say so, so the
                    // outbox loses it, and the rest goes next time.
                    if done.up_to_seq > 0 {
                        return Ok(done);
                    }
                    return Err(e);
                }
            }
        }
        Ok(done)
    }

    /// Changes of the shop after `cursor`, at most `limit`.
    pub async fn pull(&self, cursor: i64, limit: i64) -> Result<Vec<Pulled>, SyncError> {
        let answer: PullResponse = self
            .call(self.request(
                &self.http,
                reqwest::Method::GET,
                &format!("v1/pull?cursor={cursor}&limit={limit}"),
            ))
            .await?;
        Ok(answer.changes)
    }

    /// The current version of particular rows.
    pub async fn fetch(&self, entity: &str, ids: &[Uuid]) -> Result<Vec<Pulled>, SyncError> {
        let mut out = Vec::new();
        for chunk in ids.chunks(500) {
            let rows: Vec<Pulled> = self
                .call(
                    self.request(&self.http, reqwest::Method::POST, "v1/fetch")
                        .json(&FetchRequest {
                            entity: entity.to_owned(),
                            ids: chunk.to_vec(),
                        }),
                )
                .await?;
            out.extend(rows);
        }
        Ok(out)
    }

    async fn lease(
        &self,
        action: LeaseAction,
        ttl: Option<Duration>,
    ) -> Result<Option<BotLease>, SyncError> {
        let answer: LeaseResponse = self
            .call(
                self.request(&self.http, reqwest::Method::POST, "v1/lease")
                    .json(&LeaseRequest {
                        action,
                        ttl_seconds: ttl.map(|t| t.as_secs().clamp(10, 600) as u32),
                    }),
            )
            .await?;
        Ok(answer.holder)
    }

    /// Takes or renews the shop's bot lease.
    pub async fn take_bot_lease(&self, ttl: Duration) -> Result<BotLease, SyncError> {
        self.lease(LeaseAction::Take, Some(ttl))
            .await?
            .ok_or_else(|| SyncError::Server("the server answered a lease with no holder".into()))
    }

    /// Who holds the lease.
    pub async fn bot_lease(&self) -> Result<Option<BotLease>, SyncError> {
        self.lease(LeaseAction::Read, None).await
    }

    /// Gives the lease up if held.
    pub async fn release_bot_lease(&self) -> Result<(), SyncError> {
        self.lease(LeaseAction::Release, None).await.map(|_| ())
    }

    /// Opens the live channel and waits for the server's `ready`.
    pub async fn live(&self) -> Result<Live, SyncError> {
        let res = self
            .request(&self.live_http, reqwest::Method::GET, "v1/live")
            .send()
            .await
            .map_err(transport)?;
        if !res.status().is_success() {
            let status = res.status();
            let body = res.bytes().await.map_err(transport)?;
            return Err(refusal(status, &body));
        }
        let mut live = Live {
            res,
            buf: Vec::new(),
        };
        match tokio::time::timeout(CALL_TIMEOUT, live.next()).await {
            Ok(Ok(LiveEvent::Ready)) => Ok(live),
            Ok(Ok(_)) => Err(SyncError::Server(
                "the server's live channel did not start with ready".into(),
            )),
            Ok(Err(e)) => Err(e),
            Err(_) => Err(SyncError::Offline(
                "the server's live channel did not answer".into(),
            )),
        }
    }
}

/// Reads a JSON answer, or sorts the failure.
async fn read<T: DeserializeOwned>(res: reqwest::Response) -> Result<T, SyncError> {
    let status = res.status();
    let body = res.bytes().await.map_err(transport)?;
    if !status.is_success() {
        return Err(refusal(status, &body));
    }
    serde_json::from_slice(&body).map_err(|_| {
        SyncError::Server(
            "the server's answer is not what DukaDesk expects; check the server address, or \
             update DukaDesk"
                .into(),
        )
    })
}

/// What the live channel says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LiveEvent {
    /// The channel is open.
    Ready,
    /// A till's push changed the shop's data.
    Change(LiveChange),
}

/// An open live channel (server-sent events).
#[derive(Debug)]
pub struct Live {
    res: reqwest::Response,
    buf: Vec<u8>,
}

impl Live {
    /// The next event. The channel ending is `Offline`; the server saying
    /// this till was revoked is `Refused`.
    pub async fn next(&mut self) -> Result<LiveEvent, SyncError> {
        loop {
            while let Some((event, data)) = take_event(&mut self.buf) {
                match event.as_str() {
                    "ready" => return Ok(LiveEvent::Ready),
                    "change" => {
                        let c =
                            serde_json::from_str(&data).unwrap_or(LiveChange { device_id: None });
                        return Ok(LiveEvent::Change(c));
                    }
                    "revoked" => {
                        let why = serde_json::from_str::<ErrorBody>(&data)
                            .map(|b| b.message)
                            .unwrap_or_else(|_| "this till was removed from the shop".into());
                        return Err(SyncError::Refused(why));
                    }
                    // Events this version does not know.
                    _ => {}
                }
            }
            match self.res.chunk().await.map_err(transport)? {
                Some(bytes) => self.buf.extend_from_slice(&bytes),
                None => {
                    return Err(SyncError::Offline(
                        "the server closed the live channel".into(),
                    ))
                }
            }
        }
    }
}

/// Takes the first whole server-sent event off the front of `buf`, as its
/// name and data; comments (keep-alives) are dropped on the way. `None`
/// while no whole event has arrived yet.
pub fn take_event(buf: &mut Vec<u8>) -> Option<(String, String)> {
    while let Some(end) = buf.windows(2).position(|w| w == b"\n\n") {
        let raw: Vec<u8> = buf.drain(..end + 2).collect();
        let block = String::from_utf8_lossy(&raw);
        let (mut event, mut data) = (String::new(), String::new());
        for line in block.lines() {
            if let Some(v) = line.strip_prefix("event:") {
                event = v.trim().to_owned();
            } else if let Some(v) = line.strip_prefix("data:") {
                data.push_str(v.trim());
            }
        }
        if !event.is_empty() {
            return Some((event, data));
        }
    }
    None
}
