//! Each till's fair share of the server: a token bucket per credential
//! (`governor`), checked before the credential is looked up in the
//! database, so a till flooding the server (or someone replaying one
//! credential) is turned away without touching PostgreSQL, while other
//! tills and shops go on. Buckets live in this process: several servers
//! behind a balancer each give a till its share.

use crate::config::Config;
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

/// The per-till limiter, keyed by the credential's hash.
#[derive(Clone)]
pub struct Limiter(Arc<DefaultKeyedRateLimiter<[u8; 16]>>);

impl Limiter {
    /// From the config's `requests_per_second` and `request_burst`.
    pub fn new(config: &Config) -> Self {
        let per_second = NonZeroU32::new(config.requests_per_second).unwrap_or(NonZeroU32::MIN);
        let burst = NonZeroU32::new(config.request_burst).unwrap_or(NonZeroU32::MIN);
        Limiter(Arc::new(RateLimiter::keyed(
            Quota::per_second(per_second).allow_burst(burst),
        )))
    }

    /// Whether this credential may make a request now; if not, how long
    /// until it may.
    pub fn check(&self, credential_hash: &[u8]) -> Result<(), Duration> {
        let mut key = [0u8; 16];
        let n = credential_hash.len().min(16);
        key[..n].copy_from_slice(&credential_hash[..n]);
        self.0.check_key(&key).map_err(|not_until| {
            use governor::clock::Clock as _;
            not_until.wait_time_from(self.0.clock().now())
        })
    }

    /// Forgets buckets that are full again (tills gone quiet), so made-up
    /// credentials cannot grow the table for ever. Run every minute.
    pub fn forget_idle(&self) {
        self.0.retain_recent();
        self.0.shrink_to_fit();
    }
}
