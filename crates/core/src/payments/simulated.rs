//! The test chat's M-Pesa: answers each request after a short delay as the
//! merchant chose (pay, cancel the prompt, or never answer). No network, no
//! money.

use super::ProviderOutcome;
use crate::events::Effects;
use crate::store::Store;
use dukadesk_domain::bot::PaymentFailure;
use dukadesk_domain::ipc::SimulatedPayment;
use dukadesk_domain::PaymentId;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// A simulated provider; cheap to share.
#[derive(Debug)]
pub struct SimulatedProvider {
    mode: Mutex<SimulatedPayment>,
    delay: Duration,
}

impl SimulatedProvider {
    /// Answers after `delay`.
    pub fn new(delay: Duration) -> Self {
        Self {
            mode: Mutex::new(SimulatedPayment::Succeed),
            delay,
        }
    }

    /// What it will answer.
    pub fn mode(&self) -> SimulatedPayment {
        self.mode.lock().map(|m| *m).unwrap_or_default()
    }

    /// Changes what it will answer next.
    pub fn set_mode(&self, mode: SimulatedPayment) {
        if let Ok(mut m) = self.mode.lock() {
            *m = mode;
        }
    }

    /// The outcome for the current mode.
    pub fn outcome(&self, payment: PaymentId) -> ProviderOutcome {
        match self.mode() {
            SimulatedPayment::Succeed => ProviderOutcome::Paid {
                receipt: Some(receipt_code(payment)),
            },
            SimulatedPayment::Fail => ProviderOutcome::Failed {
                reason: PaymentFailure::Cancelled,
            },
            SimulatedPayment::Timeout => ProviderOutcome::Unknown,
        }
    }

    /// Answers `payment` in the background, then hands what the answer
    /// left to do (the bot's reply, airtime to send) to `after`.
    pub fn start(
        self: &Arc<Self>,
        store: Store,
        payment: PaymentId,
        after: impl FnOnce(Effects) + Send + 'static,
    ) {
        let this = Arc::clone(self);
        tokio::spawn(async move {
            tokio::time::sleep(this.delay).await;
            let outcome = this.outcome(payment);
            match store.apply_payment_outcome(payment, outcome).await {
                Ok(effects) => after(effects),
                Err(e) => tracing::warn!(error = %e, "could not apply a simulated payment outcome"),
            }
        });
    }
}

/// A receipt code shaped like M-Pesa's (10 letters and digits, a letter
/// first), derived from the attempt id so it is unique per attempt.
pub fn receipt_code(payment: PaymentId) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
    let bytes = payment.as_uuid().as_u128().to_le_bytes();
    let mut code = String::from("S");
    for b in bytes.iter().take(9) {
        code.push(char::from(ALPHABET[usize::from(*b) % ALPHABET.len()]));
    }
    code
}
