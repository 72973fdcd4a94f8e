//! The owner's day (`dukadesk_domain::summary`): read from the store for
//! the Reports page, and at closing time queued once to the owner's own
//! WhatsApp number when the owner asked for it. Sent by the till whose
//! WhatsApp is linked (the one that runs the bot), through the same
//! dispatcher and pacing as every reply, once per local day; a quiet day
//! sends nothing.

use crate::store::{Store, StoreError};
use chrono::{DateTime, NaiveDate, Utc};
use dukadesk_domain::customer::Language;
use dukadesk_domain::ipc::ChatChannel;
use dukadesk_domain::report::{local_today, ReportPeriod};
use dukadesk_domain::summary::{due_at, DaySummary, LowLine};
use dukadesk_domain::Msisdn;

/// This till's setting: the owner's number the summary goes to.
const TO: &str = "summary.whatsapp_to";
/// This till's setting: the language it is written in (`en`, `sw`).
const LANGUAGE: &str = "summary.language";
/// This till's setting: the last local day whose summary was handled.
const HANDLED: &str = "summary.handled_day";

/// Where the summary goes, as the owner set it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryDelivery {
    /// The owner's WhatsApp number.
    pub to: Msisdn,
    /// The language it is written in.
    pub language: Language,
}

impl Store {
    /// The summary of one local day.
    pub async fn day_summary(
        &self,
        day: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<DaySummary, StoreError> {
        let shop = self.require_shop().await?;
        let report = self
            .sales_report(ReportPeriod::Custom { from: day, to: day }, now)
            .await?;
        let low = self
            .low_stock_items()
            .await?
            .into_iter()
            .map(|i| LowLine {
                left: i.stock().unwrap_or(0),
                name: i.name,
            })
            .collect();
        let to_settle = i64::try_from(self.unsettled_payments().await?.len()).unwrap_or(i64::MAX);
        Ok(DaySummary::new(&shop.name, &report, low, to_settle))
    }

    /// Where the summary goes (`None`: not sent).
    pub async fn summary_delivery(&self) -> Result<Option<SummaryDelivery>, StoreError> {
        let Some(to) = self.setting(TO).await? else {
            return Ok(None);
        };
        let country = self.require_shop().await?.country;
        // A missing or unknown code is English.
        let language = self
            .setting(LANGUAGE)
            .await?
            .and_then(|code| Language::from_code(&code))
            .unwrap_or_default();
        Ok(Msisdn::parse(&to, country)
            .ok()
            .map(|to| SummaryDelivery { to, language }))
    }

    /// Sends the summary to `number` at closing time, or stops (an empty
    /// number). A number that is not a mobile number is refused beside the
    /// field.
    pub async fn set_summary_delivery(
        &self,
        number: &str,
        language: Language,
    ) -> Result<Option<SummaryDelivery>, StoreError> {
        if number.trim().is_empty() {
            let mut tx = self.write_tx().await?;
            sqlx::query("DELETE FROM settings WHERE key = ?")
                .bind(TO)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            return Ok(None);
        }
        let country = self.require_shop().await?.country;
        let to =
            Msisdn::parse(number, country).map_err(|e| StoreError::said("summary_number", &e))?;
        self.set_setting(TO, to.as_str()).await?;
        self.set_setting(LANGUAGE, language.code()).await?;
        // Asked for after today's closing time: today's goes out now.
        Ok(Some(SummaryDelivery { to, language }))
    }

    /// Queues today's summary to the owner once it is due (closing time,
    /// shop time), once a day, from the till whose WhatsApp is linked.
    /// Returns the day queued, if one was.
    pub async fn queue_due_summary(
        &self,
        now: DateTime<Utc>,
    ) -> Result<Option<NaiveDate>, StoreError> {
        let Some(delivery) = self.summary_delivery().await? else {
            return Ok(None);
        };
        let linked: Option<Option<String>> =
            sqlx::query_scalar("SELECT phone FROM wa_link WHERE id = 1")
                .fetch_optional(self.pool())
                .await?;
        if !matches!(linked, Some(Some(_))) {
            return Ok(None);
        }
        let shop = self.require_shop().await?;
        let offset = shop.country.utc_offset_hours();
        let today = local_today(now, offset);
        let local_now = (now + chrono::Duration::hours(i64::from(offset))).naive_utc();
        if local_now < due_at(&shop.hours, today) {
            return Ok(None);
        }
        let day = today.to_string();
        if self.setting(HANDLED).await?.as_deref() == Some(day.as_str()) {
            return Ok(None);
        }
        let summary = self.day_summary(today, now).await?;
        let mut tx = self.write_tx().await?;
        // Handled under the writer's lock: two calls at once queue one.
        let handled: Option<String> =
            sqlx::query_scalar("SELECT value FROM settings WHERE key = ?")
                .bind(HANDLED)
                .fetch_optional(&mut *tx)
                .await?;
        if handled.as_deref() == Some(day.as_str()) {
            return Ok(None);
        }
        crate::settings::put_setting(&mut tx, HANDLED, &day).await?;
        let queued = if summary.is_quiet() {
            None
        } else {
            let address = delivery.to.as_str().trim_start_matches('+').to_owned();
            let conv = crate::chat::find_or_create(
                &mut tx,
                ChatChannel::WhatsApp,
                &address,
                None,
                &shop,
                now,
            )
            .await?;
            crate::chat::turn::queue_message(
                &mut tx,
                conv.id,
                "bot",
                &summary.text(delivery.language),
                &[],
                now,
            )
            .await?;
            Some(today)
        };
        tx.commit().await?;
        Ok(queued)
    }
}

/// Checks every minute whether the day's summary is due, and wakes the
/// dispatcher when one was queued. Runs for the life of the app.
pub async fn run_forever(runtime: crate::runtime::ChatRuntime) {
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(60));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        let store = runtime.store();
        match store.queue_due_summary(store.now()).await {
            Ok(Some(day)) => {
                tracing::info!(%day, "the day's summary is queued for the owner");
                runtime.after(crate::events::Effects {
                    payments: Vec::new(),
                    queued: true,
                    ..Default::default()
                });
            }
            Ok(None) => {}
            Err(e) => tracing::warn!(error = %e, "the day's summary could not be queued"),
        }
    }
}

#[cfg(test)]
mod tests;
