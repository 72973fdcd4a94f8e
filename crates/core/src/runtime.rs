//! Wires the long-lived tasks: the outbound dispatcher of each channel,
//! the payment provider and the airtime sender, around the store. The shell holds one
//! [`ChatRuntime`] and calls it from commands; tests use it the same way.

use crate::channels::dispatch;
use crate::channels::rate::RateLimit;
use crate::channels::simulator::SimulatorChannel;
use crate::digital::africastalking::{AfricasTalking, AtConfig};
use crate::digital::sender::{step, Pace, SimulatedDigital, Via};
use crate::events::Effects;
use crate::payments::daraja::{DarajaClient, DarajaConfig};
use crate::payments::intasend::IntaSendClient;
use crate::payments::reconcile::{reconcile, Backoff};
use crate::payments::simulated::SimulatedProvider;
use crate::store::{Store, StoreError};
use dukadesk_domain::ipc::{ChatChannel, SimulatedPayment, TestChatView};
use dukadesk_domain::payment::PaymentMethod;
use dukadesk_domain::words::Problem;
use dukadesk_domain::Msisdn;
use dukadesk_domain::PaymentId;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{watch, Notify};

/// The test customer's number until the merchant picks another: Safaricom's
/// sandbox test number, which no real customer has.
pub const DEFAULT_TEST_PHONE: &str = "254708374149";
const TEST_PHONE_SETTING: &str = "test_chat_phone";

/// A Daraja client and the settings it was built from.
type CachedClient = (DarajaConfig, Arc<DarajaClient>);

/// The chat runtime; cheap to clone.
#[derive(Debug, Clone)]
pub struct ChatRuntime {
    store: Store,
    simulator: Arc<SimulatorChannel>,
    payments: Arc<SimulatedProvider>,
    /// The Daraja client for the saved settings (it caches its token).
    daraja: Arc<tokio::sync::Mutex<Option<CachedClient>>>,
    backoff: Backoff,
    wake: Arc<Notify>,
    /// The test chat's airtime provider.
    digital: Arc<SimulatedDigital>,
    /// Wakes the airtime sender.
    digital_wake: Arc<Notify>,
    stop: Arc<watch::Sender<bool>>,
}

impl ChatRuntime {
    /// Starts the dispatcher on the current tokio runtime. The simulated
    /// M-Pesa answers after `payment_delay`.
    pub fn start(store: Store, payment_delay: Duration) -> Self {
        Self::start_with(store, payment_delay, Backoff::CUSTOMER)
    }

    /// As [`ChatRuntime::start`], polling real providers with `backoff`.
    pub fn start_with(store: Store, payment_delay: Duration, backoff: Backoff) -> Self {
        Self::start_paced(store, payment_delay, backoff, Pace::REAL)
    }

    /// As [`ChatRuntime::start_with`], the airtime sender asking at `pace`.
    pub fn start_paced(
        store: Store,
        payment_delay: Duration,
        backoff: Backoff,
        pace: Pace,
    ) -> Self {
        let simulator = Arc::new(SimulatorChannel::default());
        let wake = Arc::new(Notify::new());
        let (stop, stop_rx) = watch::channel(false);
        tokio::spawn(dispatch::run(
            store.clone(),
            "test_chat",
            simulator.clone(),
            RateLimit::SIMULATOR,
            wake.clone(),
            stop_rx.clone(),
        ));
        let this = Self {
            store,
            simulator,
            payments: Arc::new(SimulatedProvider::new(payment_delay)),
            daraja: Arc::default(),
            backoff,
            wake,
            digital: Arc::default(),
            digital_wake: Arc::new(Notify::new()),
            stop: Arc::new(stop),
        };
        tokio::spawn(this.clone().send_digital(pace, stop_rx.clone()));
        tokio::spawn(this.clone().sign_invoices(stop_rx));
        this
    }

    /// The eTIMS signer: sends unsigned invoices to KRA in number order,
    /// then waits until the next is due, or a few seconds for new sales
    /// (a sale's invoice is written in its own transaction, wherever it
    /// was taken), or until the runtime stops.
    async fn sign_invoices(self, mut stop: watch::Receiver<bool>) {
        const LOOK: Duration = Duration::from_secs(5);
        const BREATH: Duration = Duration::from_millis(200);
        let mut client = None;
        loop {
            let wait = match crate::tax::signer::round(&self.store, &mut client).await {
                Ok(Some(at)) => (at - self.store.now()).to_std().unwrap_or_default(),
                Ok(None) => LOOK,
                Err(e) => {
                    tracing::warn!(error = %e, "the eTIMS signer's round failed");
                    LOOK
                }
            }
            .clamp(BREATH, LOOK);
            tokio::select! {
                _ = tokio::time::sleep(wait) => {}
                _ = stop.changed() => return,
            }
            if *stop.borrow() {
                return;
            }
        }
    }

    /// The airtime sender: each due send one step, then a wait until the
    /// next is due, a new send is queued, or the runtime stops. Sends left
    /// half-way when the app stopped are due at once, so a restart resumes
    /// them (a lost answer asked again under the same key).
    async fn send_digital(self, pace: Pace, mut stop: watch::Receiver<bool>) {
        // Sends queued by a payment pulled from another till (the sync
        // apply wakes no one here) are found within this.
        const IDLE: Duration = Duration::from_secs(5);
        // A pause between rounds, so a store that keeps failing is not
        // asked in a tight loop.
        const BREATH: Duration = Duration::from_millis(200);
        let mut client: Option<(AtConfig, AfricasTalking)> = None;
        loop {
            if let Err(e) = self.digital_round(&pace, &mut client).await {
                tracing::warn!(error = %e, "the airtime sender's round failed");
            }
            let wait = match self.store.next_digital_at().await {
                Ok(Some(at)) => (at - self.store.now()).to_std().unwrap_or_default(),
                _ => IDLE,
            }
            .clamp(BREATH, IDLE);
            tokio::select! {
                _ = self.digital_wake.notified() => {}
                _ = tokio::time::sleep(wait) => {}
                _ = stop.changed() => return,
            }
            if *stop.borrow() {
                return;
            }
        }
    }

    async fn digital_round(
        &self,
        pace: &Pace,
        client: &mut Option<(AtConfig, AfricasTalking)>,
    ) -> Result<(), StoreError> {
        let due = self.store.due_digital(20).await?;
        if due.is_empty() {
            return Ok(());
        }
        let live = self.store.live_digital().await?;
        if let Some(l) = &live {
            // Any change to the settings makes a new client.
            if client.as_ref().is_none_or(|(built, _)| *built != l.config) {
                *client = AfricasTalking::new(l.config.clone())
                    .ok()
                    .map(|c| (l.config.clone(), c));
            }
        }
        for send in due {
            let via = if send.simulated {
                Via::Simulated(&self.digital)
            } else {
                match (&live, client.as_ref()) {
                    (Some(l), Some((_, at))) => Via::Live(at, l),
                    _ => Via::Nothing,
                }
            };
            let effects = step(&self.store, &send, via, pace).await?;
            self.after(effects);
        }
        Ok(())
    }

    /// Picks up payments that were waiting when the app stopped (a saved
    /// M-Pesa reference is polled, not prompted again), so no chat is left
    /// waiting for an answer that will never come.
    pub async fn resume(&self) -> Result<usize, StoreError> {
        let mut pending = self
            .store
            .pending_payments(PaymentMethod::Simulated)
            .await?;
        pending.extend(
            self.store
                .pending_payments(PaymentMethod::MpesaDaraja)
                .await?,
        );
        pending.extend(
            self.store
                .pending_payments(PaymentMethod::MpesaIntaSend)
                .await?,
        );
        let count = pending.len();
        self.after(Effects {
            payments: pending,
            queued: true,
            digital: true,
        });
        Ok(count)
    }

    /// Stops the background tasks.
    pub fn shutdown(&self) {
        let _ = self.stop.send(true);
    }

    /// The store.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// What the simulator channel delivered.
    pub fn simulator(&self) -> &SimulatorChannel {
        &self.simulator
    }

    /// Does what a committed turn left to do: start each payment with its
    /// provider, wake the dispatcher.
    pub fn after(&self, effects: Effects) {
        if effects.queued {
            self.wake.notify_one();
        }
        if effects.digital {
            self.digital_wake.notify_one();
        }
        for payment in effects.payments {
            let this = self.clone();
            tokio::spawn(async move {
                if let Err(e) = this.collect(payment).await {
                    tracing::warn!(error = %e, %payment, "could not start a payment");
                }
            });
        }
    }

    /// What a payment's answer left to do: the bot's reply and airtime to
    /// send. An attempt is started only by the turn that asked for it.
    fn after_answer(&self, effects: Effects) {
        self.after(Effects {
            payments: Vec::new(),
            ..effects
        });
    }

    async fn collect(&self, payment: PaymentId) -> Result<(), StoreError> {
        match self.store.payment_method(payment).await? {
            PaymentMethod::MpesaDaraja => {
                let Some(client) = self.daraja_client().await? else {
                    let why = "Daraja is no longer set up in Settings";
                    return self.store.note_payment_problem(payment, why).await;
                };
                let effects =
                    reconcile(&self.store, client.as_ref(), payment, self.backoff).await?;
                self.after_answer(effects);
            }
            PaymentMethod::MpesaIntaSend => {
                let Some(config) = self.store.intasend_config().await? else {
                    let why = "IntaSend is no longer set up in Settings";
                    return self.store.note_payment_problem(payment, why).await;
                };
                let client = IntaSendClient::new(config)
                    .map_err(|e| StoreError::Internal(format!("{e:?}")))?;
                let effects = reconcile(&self.store, &client, payment, self.backoff).await?;
                self.after_answer(effects);
            }
            // Only the test chat's attempts are simulated (`method_for`).
            PaymentMethod::Simulated => {
                let this = self.clone();
                self.payments
                    .start(self.store.clone(), payment, move |effects| {
                        this.after_answer(effects)
                    })
            }
            // By hand: staff confirm the code the customer sends. Cash is
            // taken at the till. Neither has anyone to ask.
            PaymentMethod::MpesaManual | PaymentMethod::Cash | PaymentMethod::Credit => {}
        }
        Ok(())
    }

    /// The Daraja client for the saved settings, rebuilt when they change.
    async fn daraja_client(&self) -> Result<Option<Arc<DarajaClient>>, StoreError> {
        let Some(config) = self.store.daraja_config().await? else {
            return Ok(None);
        };
        // Any change to the settings makes a new client.
        let mut cached = self.daraja.lock().await;
        if let Some((built_from, client)) = cached.as_ref() {
            if *built_from == config {
                return Ok(Some(client.clone()));
            }
        }
        let client = Arc::new(
            DarajaClient::new(config.clone()).map_err(|e| StoreError::Internal(e.to_string()))?,
        );
        *cached = Some((config, client.clone()));
        Ok(Some(client))
    }

    async fn test_phone(&self) -> Result<String, StoreError> {
        Ok(self
            .store
            .setting(TEST_PHONE_SETTING)
            .await?
            .unwrap_or_else(|| DEFAULT_TEST_PHONE.to_owned()))
    }

    /// The test chat as the UI shows it.
    pub async fn test_chat(&self) -> Result<TestChatView, StoreError> {
        let shop = self.store.require_shop().await?;
        let phone = self.test_phone().await?;
        let conversation = match self
            .store
            .conversation_by_address(ChatChannel::TestChat, &phone)
            .await?
        {
            Some(id) => Some(self.store.conversation_view(id, false).await?),
            None => None,
        };
        let shown = Msisdn::parse(&phone, shop.country)
            .map(|p| p.national())
            .unwrap_or(phone);
        Ok(TestChatView {
            phone: shown,
            conversation,
            payment: self.payments.mode(),
            airtime_fails: self.digital.failing(),
            on_delivery: self.store.chat_payment_method().await?
                == crate::payments::settings::RealChatPay::OnDelivery,
        })
    }

    /// The merchant, playing a customer, sends `text` from `phone`.
    pub async fn test_chat_send(
        &self,
        phone: &str,
        text: &str,
    ) -> Result<TestChatView, StoreError> {
        let shop = self.store.require_shop().await?;
        let phone =
            Msisdn::parse(phone, shop.country).map_err(|e| StoreError::said("phone", &e))?;
        if text.trim().is_empty() {
            return Err(StoreError::said("text", &Problem::TypeAMessage));
        }
        self.store
            .set_setting(TEST_PHONE_SETTING, phone.as_str())
            .await?;
        let (_, effects) = self
            .store
            .receive_message(
                ChatChannel::TestChat,
                phone.as_str(),
                Some(&phone),
                text,
                None,
            )
            .await?;
        self.after(effects);
        self.test_chat().await
    }

    /// Chooses whether the test chat's simulated airtime is delivered or
    /// fails.
    pub async fn set_test_airtime(&self, fails: bool) -> Result<TestChatView, StoreError> {
        self.digital.set_failing(fails);
        self.test_chat().await
    }

    /// Chooses what the simulated M-Pesa answers.
    pub async fn set_test_payment(
        &self,
        mode: SimulatedPayment,
    ) -> Result<TestChatView, StoreError> {
        self.payments.set_mode(mode);
        self.test_chat().await
    }

    /// Starts the test chat over (its orders stay in the queue).
    pub async fn reset_test_chat(&self) -> Result<TestChatView, StoreError> {
        let phone = self.test_phone().await?;
        if let Some(id) = self
            .store
            .conversation_by_address(ChatChannel::TestChat, &phone)
            .await?
        {
            self.store.delete_conversation(id).await?;
        }
        self.test_chat().await
    }
}
