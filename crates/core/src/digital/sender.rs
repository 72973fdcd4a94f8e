//! The sender: takes each due send one [`step`] along the machine in
//! [`super::fulfil`]. Real chats' sends go through the shop's live
//! Africa's Talking account; the test chat's through [`SimulatedDigital`],
//! which moves no money and reaches no phone.
//!
//! What each answer leads to:
//! - taken by the provider: its id is saved (`sent`), then delivery asked;
//! - refused before anything was sent (a bad number or amount, no balance,
//!   wrong keys): `failed`, the customer told, refund due;
//! - no connection at all: back to the queue, tried again later;
//! - an answer lost after the request left: asked again later under the
//!   same key, which the provider answers as it did the first time, so
//!   nothing is ever sent twice.

use super::africastalking::{Accepted, AfricasTalking, Bundle, Delivery, SendError};
use super::fulfil::{Claim, DueSend, Final, SendWhat};
use super::settings::LiveDigital;
use crate::backoff::{jitter, Backoff};
use crate::events::Effects;
use crate::store::{Store, StoreError};
use dukadesk_domain::ipc::DigitalState;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Duration;

/// How often delivery is asked and failed calls are tried again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pace {
    /// Delivery questions after the provider took a request.
    pub poll: Backoff,
    /// Calls that got no answer (offline, a lost reply).
    pub retry: Backoff,
    /// A send with nothing to send it through (no live account) is looked
    /// at again after this long.
    pub idle: Duration,
}

impl Pace {
    /// For real customers: delivery asked after 5 s, growing to every 5
    /// minutes; calls retried from 10 s to every 10 minutes.
    pub const REAL: Pace = Pace {
        poll: Backoff {
            first: Duration::from_secs(5),
            growth_tenths: 15,
            max: Duration::from_secs(300),
            deadline: Duration::MAX,
        },
        retry: Backoff::doubling(Duration::from_secs(10), Duration::from_secs(600)),
        idle: Duration::from_secs(300),
    };
}

/// The test chat's airtime provider: takes every request, and delivers
/// it, or fails it when the merchant chose to try a failure.
#[derive(Debug, Default)]
pub struct SimulatedDigital {
    fail: AtomicBool,
    next: AtomicU64,
    sent: Mutex<HashMap<String, String>>,
}

impl SimulatedDigital {
    /// Whether sends fail (to try what the customer is told).
    pub fn set_failing(&self, fail: bool) {
        self.fail.store(fail, Ordering::SeqCst);
    }

    /// Whether sends fail.
    pub fn failing(&self) -> bool {
        self.fail.load(Ordering::SeqCst)
    }

    fn send(&self, key: &str) -> Accepted {
        let mut sent = self.sent.lock().unwrap_or_else(|p| p.into_inner());
        let id = sent
            .entry(key.to_owned())
            .or_insert_with(|| format!("SIM-{:06}", self.next.fetch_add(1, Ordering::SeqCst) + 1))
            .clone();
        Accepted { request_id: id }
    }

    fn status(&self) -> Delivery {
        if self.failing() {
            Delivery::Failed("the test chat's simulated failure".into())
        } else {
            Delivery::Delivered
        }
    }
}

/// What a send goes through.
#[derive(Debug, Clone, Copy)]
pub enum Via<'a> {
    /// The shop's live account.
    Live(&'a AfricasTalking, &'a LiveDigital),
    /// The test chat's simulation.
    Simulated(&'a SimulatedDigital),
    /// Nothing: no live account is saved.
    Nothing,
}

impl Via<'_> {
    async fn send(&self, send: &DueSend) -> Result<Accepted, SendError> {
        let Some(phone) = &send.recipient else {
            return Err(SendError::Refused(
                "The customer's number was erased: refund the customer.".into(),
            ));
        };
        match self {
            Via::Simulated(sim) => Ok(sim.send(&send.key)),
            Via::Nothing => Err(SendError::Offline("not connected".into())),
            Via::Live(at, live) => match send.what {
                SendWhat::Airtime(value) => at.send_airtime(phone, value, &send.key).await,
                SendWhat::Bundle {
                    megabytes,
                    validity_days,
                } => {
                    if live.bundle_product.is_empty() {
                        return Err(SendError::Refused(
                            "No data bundles product is named in Settings → Digital goods. Name it, then send again.".into(),
                        ));
                    }
                    let bundle = Bundle {
                        megabytes,
                        validity_days,
                    };
                    at.send_bundle(phone, bundle, &live.bundle_product, &send.key)
                        .await
                }
            },
        }
    }

    async fn status(&self, request_id: &str) -> Result<Delivery, SendError> {
        match self {
            Via::Simulated(sim) => Ok(sim.status()),
            Via::Nothing => Err(SendError::Offline("not connected".into())),
            Via::Live(at, _) => at.status(request_id).await,
        }
    }
}

/// What staff read on a send that waits for an account.
pub const NOT_CONNECTED: &str = "Africa's Talking is not connected for real chats: connect it (production) in Settings → Digital goods, or send it by hand and mark it sent.";

/// Takes `send` one step along the machine through `via`. Returns what
/// the step left to do (a customer told: wake the dispatcher).
pub async fn step(
    store: &Store,
    send: &DueSend,
    via: Via<'_>,
    pace: &Pace,
) -> Result<Effects, StoreError> {
    let now = store.now();
    let later = |backoff: &Backoff| {
        now + chrono::Duration::from_std(jitter(backoff.nth(send.attempts + 1)))
            .unwrap_or_else(|_| chrono::Duration::minutes(10))
    };
    if matches!(via, Via::Nothing) && send.state != DigitalState::Sent {
        let at = now + chrono::Duration::from_std(pace.idle).unwrap_or_default();
        store
            .digital_later(send.id, NOT_CONNECTED, at, true)
            .await?;
        return Ok(Effects::default());
    }
    match send.state {
        DigitalState::Queued | DigitalState::Sending => {
            if send.state == DigitalState::Queued
                && store.claim_digital(send.id).await? == Claim::Gone
            {
                return Ok(Effects::default());
            }
            match via.send(send).await {
                Ok(accepted) => {
                    store
                        .digital_accepted(send.id, &accepted.request_id, later(&pace.poll))
                        .await?;
                    Ok(Effects::default())
                }
                Err(e @ (SendError::Refused(_) | SendError::NoBalance | SendError::BadKeys)) => {
                    store
                        .digital_final(send.id, Final::Failed(e.to_string()), None)
                        .await
                }
                Err(SendError::Offline(why)) => {
                    let why = format!("Africa's Talking could not be reached ({why}); nothing was sent. Trying again.");
                    store
                        .digital_later(send.id, &why, later(&pace.retry), true)
                        .await?;
                    Ok(Effects::default())
                }
                Err(e @ SendError::Unknown(_)) => {
                    store
                        .digital_later(send.id, &e.to_string(), later(&pace.retry), false)
                        .await?;
                    Ok(Effects::default())
                }
            }
        }
        DigitalState::Sent => {
            let Some(request_id) = &send.request_id else {
                return Err(StoreError::BadRow("digital send"));
            };
            match via.status(request_id).await {
                Ok(Delivery::Delivered) => {
                    store.digital_final(send.id, Final::Delivered, None).await
                }
                Ok(Delivery::Failed(why)) => {
                    let why = format!("The network did not deliver it: {why}.");
                    store.digital_final(send.id, Final::Failed(why), None).await
                }
                Ok(Delivery::Pending) => {
                    store
                        .digital_later(
                            send.id,
                            "Sent; Africa's Talking has not confirmed delivery yet.",
                            later(&pace.poll),
                            false,
                        )
                        .await?;
                    Ok(Effects::default())
                }
                Err(e) => {
                    store
                        .digital_later(send.id, &e.to_string(), later(&pace.retry), false)
                        .await?;
                    Ok(Effects::default())
                }
            }
        }
        // Nothing to do for the others.
        _ => Ok(Effects::default()),
    }
}
