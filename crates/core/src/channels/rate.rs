//! A token bucket for outbound messages. The defaults are safe for a
//! personal WhatsApp number (a short burst, then one message every few
//! seconds): numbers that blast messages get banned.

use std::time::{Duration, Instant};

/// Capacity and refill of a bucket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimit {
    /// Messages that may go at once.
    pub burst: u32,
    /// Time for one more token.
    pub every: Duration,
}

impl RateLimit {
    /// For a personal WhatsApp number: bursts of 5, then 20 a minute.
    pub const WHATSAPP_PERSONAL: RateLimit = RateLimit {
        burst: 5,
        every: Duration::from_secs(3),
    };
    /// For the in-app simulator: quick, but still limited.
    pub const SIMULATOR: RateLimit = RateLimit {
        burst: 20,
        every: Duration::from_millis(100),
    };
}

/// Tokens refill continuously; each message takes one.
#[derive(Debug, Clone)]
pub struct TokenBucket {
    limit: RateLimit,
    tokens: f64,
    last: Instant,
}

impl TokenBucket {
    /// A full bucket at `now`.
    pub fn new(limit: RateLimit, now: Instant) -> Self {
        Self {
            limit,
            tokens: f64::from(limit.burst),
            last: now,
        }
    }

    fn refill(&mut self, now: Instant) {
        let elapsed = now.saturating_duration_since(self.last).as_secs_f64();
        let per_token = self.limit.every.as_secs_f64().max(f64::EPSILON);
        self.tokens = (self.tokens + elapsed / per_token).min(f64::from(self.limit.burst));
        self.last = now;
    }

    /// Takes a token, or says how long to wait for one.
    pub fn take(&mut self, now: Instant) -> Result<(), Duration> {
        self.refill(now);
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            Ok(())
        } else {
            let missing = 1.0 - self.tokens;
            Err(self.limit.every.mul_f64(missing))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bursts_then_paces() {
        let start = Instant::now();
        let mut b = TokenBucket::new(RateLimit::WHATSAPP_PERSONAL, start);
        for _ in 0..5 {
            assert!(b.take(start).is_ok());
        }
        let wait = b.take(start).unwrap_err();
        assert!(
            wait <= Duration::from_secs(3) && wait > Duration::from_millis(2900),
            "{wait:?}"
        );
        assert!(b.take(start + Duration::from_millis(1500)).is_err());
        assert!(b.take(start + Duration::from_secs(3)).is_ok());
        // A long idle spell refills only up to the burst.
        let later = start + Duration::from_secs(3600);
        for _ in 0..5 {
            assert!(b.take(later).is_ok());
        }
        assert!(b.take(later).is_err());
    }

    #[test]
    fn over_a_minute_at_most_burst_plus_rate() {
        let start = Instant::now();
        let mut b = TokenBucket::new(RateLimit::WHATSAPP_PERSONAL, start);
        let sent = (0..6000)
            .filter(|i| b.take(start + Duration::from_millis(i * 10)).is_ok())
            .count();
        // The burst of 5 at once, then one at 3 s, 6 s, … 57 s: 19 more.
        assert_eq!(sent, 5 + 19);
    }
}
