//! One retry policy for everything that waits on someone else: payment
//! status polls, the sync worker's reconnects, the WhatsApp link's own
//! reconnects, the message queue's failed sends. Pauses grow by a factor up
//! to a cap, each taken with jitter (50% to 100% of it, so tills or payments
//! that failed together do not retry together), until an optional deadline.

use std::time::Duration;

/// Pauses that grow from `first` by `growth_tenths` tenths each time, up
/// to `max`, given up after `deadline`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    /// First pause.
    pub first: Duration,
    /// Each pause is this many tenths of the one before (20: doubling).
    pub growth_tenths: u32,
    /// Longest pause.
    pub max: Duration,
    /// Give up once this much time would have passed (`Duration::MAX`:
    /// never).
    pub deadline: Duration,
}

impl Backoff {
    /// M-Pesa status polls for real customers: 5 s, growing by half, at
    /// most 20 s, for 3 minutes (the customer needs time to find the phone).
    pub const CUSTOMER: Backoff = Backoff {
        first: Duration::from_secs(5),
        growth_tenths: 15,
        max: Duration::from_secs(20),
        deadline: Duration::from_secs(180),
    };

    /// Doubling from `first` to `max`, never giving up.
    pub const fn doubling(first: Duration, max: Duration) -> Self {
        Backoff {
            first,
            growth_tenths: 20,
            max,
            deadline: Duration::MAX,
        }
    }

    /// The pause after `pause`.
    pub fn next(&self, pause: Duration) -> Duration {
        pause
            .saturating_mul(self.growth_tenths)
            .checked_div(10)
            .unwrap_or(self.max)
            .min(self.max)
    }

    /// The pause before try number `attempt` (1: the first pause).
    pub fn nth(&self, attempt: u32) -> Duration {
        let mut pause = self.first.min(self.max);
        for _ in 1..attempt.min(64) {
            pause = self.next(pause);
        }
        pause
    }

    /// Whether waiting `pause` more, `elapsed` after the start, would pass
    /// the deadline.
    pub fn past_deadline(&self, elapsed: Duration, pause: Duration) -> bool {
        elapsed.saturating_add(pause) > self.deadline
    }
}

/// `pause` with jitter: somewhere from half of it to all of it.
pub fn jitter(pause: Duration) -> Duration {
    let r = (uuid::Uuid::new_v4().as_u128() % 1000) as u32;
    pause / 2 + pause * r / 2000
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pauses_grow_to_the_cap_and_the_deadline_is_kept() {
        let b = Backoff::CUSTOMER;
        let secs: Vec<u64> = (1..=6).map(|n| b.nth(n).as_secs()).collect();
        assert_eq!(secs, [5, 7, 11, 16, 20, 20]);
        assert!(!b.past_deadline(Duration::from_secs(170), Duration::from_secs(10)));
        assert!(b.past_deadline(Duration::from_secs(171), Duration::from_secs(10)));
        let d = Backoff::doubling(Duration::from_secs(1), Duration::from_secs(120));
        let secs: Vec<u64> = (1..=9).map(|n| d.nth(n).as_secs()).collect();
        assert_eq!(secs, [1, 2, 4, 8, 16, 32, 64, 120, 120]);
        assert!(!d.past_deadline(Duration::from_secs(1 << 40), Duration::MAX));
        assert_eq!(d.nth(10_000), Duration::from_secs(120), "no overflow");
    }

    #[test]
    fn jitter_stays_between_half_and_all_of_the_pause() {
        let pause = Duration::from_millis(1000);
        let seen: Vec<Duration> = (0..500).map(|_| jitter(pause)).collect();
        assert!(seen.iter().all(|d| *d >= pause / 2 && *d <= pause));
        let spread = seen.iter().max().copied().unwrap_or_default()
            - seen.iter().min().copied().unwrap_or_default();
        assert!(
            spread > Duration::from_millis(200),
            "jitter spreads: {spread:?}"
        );
    }
}
