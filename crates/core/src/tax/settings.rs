//! Settings → Tax: this till set up as an eTIMS device. KRA's
//! initialisation gives the communication key, sealed in the vault with
//! the developer portal's consumer secret; what is not secret (PIN,
//! branch, serial, KRA's ids, the default band, on or off) is in
//! `tax_device`, where the queue reads it inside a sale's transaction.

use super::oscu::{
    DeviceKeys, Oscu, OscuConfig, OscuError, LIVE_API, LIVE_TOKEN, SANDBOX_API, SANDBOX_TOKEN,
};
use crate::payments::settings::{base_url, keep};
use crate::store::{to_millis, Store, StoreError};
use dukadesk_domain::ipc::{FieldError, TaxOptions, TaxSettingsView, TaxSetupInput};
use dukadesk_domain::tax::{check_branch, check_item_class, check_pin, TaxBand};
use dukadesk_domain::words::Problem;
use dukadesk_domain::Sensitive;
use serde::{Deserialize, Serialize};

const KEY: &str = "tax_keys";

/// The secrets, in the vault.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Keys {
    consumer_key: String,
    consumer_secret: Sensitive<String>,
    cmc_key: Sensitive<String>,
}

type DeviceRow = (
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    Option<String>,
    bool,
);

/// What the signer needs: where, with which keys, as which device.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signing {
    /// The client's settings.
    pub config: OscuConfig,
    /// The device's identity on each sale.
    pub keys: DeviceKeys,
    /// KRA's id of the control unit, kept on each signed invoice.
    pub sdc_id: String,
    /// The invoices numbered before this device (its number 1 is the
    /// next one).
    pub number_base: i64,
    /// The classification code items are registered under.
    pub item_class: String,
}

fn token_url(api_url: &str) -> String {
    match api_url {
        LIVE_API => LIVE_TOKEN.to_owned(),
        SANDBOX_API => SANDBOX_TOKEN.to_owned(),
        // A simulator or a shop's own proxy serves both.
        other => format!("{other}/v1/token/generate"),
    }
}

impl Store {
    async fn tax_keys(&self) -> Result<Option<Keys>, StoreError> {
        Ok(match self.secret(KEY).await? {
            Some(json) => serde_json::from_slice(&json).ok(),
            None => None,
        })
    }

    async fn tax_device_row(&self) -> Result<Option<DeviceRow>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT api_url, token_url, pin, branch, serial, sdc_id, mrc_no, taxpayer_name,
                    default_band, enabled
             FROM tax_device WHERE id = 1",
        )
        .fetch_optional(self.pool())
        .await?)
    }

    /// This till's eTIMS device, without its secrets.
    pub async fn tax_settings(&self) -> Result<TaxSettingsView, StoreError> {
        let keys = self.tax_keys().await?.unwrap_or_default();
        let unsigned: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM tax_invoices WHERE state <> 'signed'")
                .fetch_one(self.pool())
                .await?;
        let unsigned = usize::try_from(unsigned).unwrap_or_default();
        let without: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM items WHERE archived = 0 AND tax_band IS NULL",
        )
        .fetch_one(self.pool())
        .await?;
        let items_without_band = usize::try_from(without).unwrap_or_default();
        let item_class: String =
            sqlx::query_scalar("SELECT item_class FROM tax_device WHERE id = 1")
                .fetch_optional(self.pool())
                .await?
                .unwrap_or_default();
        Ok(match self.tax_device_row().await? {
            Some((api_url, _, pin, branch, serial, sdc_id, mrc_no, name, band, enabled)) => {
                TaxSettingsView {
                    set_up: true,
                    enabled,
                    api_url,
                    consumer_key: keys.consumer_key,
                    has_secret: !keys.consumer_secret.is_empty(),
                    pin,
                    branch,
                    serial,
                    taxpayer_name: name,
                    sdc_id,
                    mrc_no,
                    default_band: band.as_deref().and_then(TaxBand::parse),
                    unsigned,
                    items_without_band,
                    item_class,
                }
            }
            None => TaxSettingsView {
                unsigned,
                items_without_band,
                ..TaxSettingsView::default()
            },
        })
    }

    /// Sets this till up with KRA: checks the form, runs KRA's
    /// initialisation (unless this very device is set up already), and
    /// saves the keys and the device. Invoicing is on from now.
    pub async fn set_up_etims(&self, input: &TaxSetupInput) -> Result<TaxSettingsView, StoreError> {
        let saved = self.tax_keys().await?;
        let mut errors = Vec::new();
        let api_url = base_url(&input.environment, SANDBOX_API, LIVE_API)
            .map_err(|e| errors.push(FieldError::said("environment", &e)))
            .unwrap_or_default();
        let consumer_key = input.consumer_key.trim().to_owned();
        if consumer_key.is_empty() || consumer_key.len() > 200 {
            errors.push(FieldError::said("consumer_key", &Problem::KraKey));
        }
        let secret = keep(
            &input.consumer_secret,
            saved.as_ref().map(|k| &k.consumer_secret),
        );
        if secret.is_none() {
            errors.push(FieldError::said("consumer_secret", &Problem::KraSecret));
        }
        let pin = check_pin(&input.pin)
            .map_err(|m| errors.push(FieldError::said("pin", &m)))
            .unwrap_or_default();
        let branch = check_branch(&input.branch)
            .map_err(|m| errors.push(FieldError::said("branch", &m)))
            .unwrap_or_default();
        let item_class = check_item_class(&input.item_class)
            .map_err(|m| errors.push(FieldError::said("item_class", &m)))
            .unwrap_or_default();
        let serial = input.serial.trim().to_owned();
        if serial.is_empty() || serial.len() > 100 {
            errors.push(FieldError::said("serial", &Problem::KraSerial));
        }
        if errors.is_empty() {
            if let Some(why) = self.unlisted_item_class(&item_class).await? {
                errors.push(FieldError::said("item_class", &why));
            }
        }
        if !errors.is_empty() {
            return Err(StoreError::Invalid(errors));
        }
        let config = OscuConfig {
            token_url: token_url(&api_url),
            api_url,
            consumer_key,
            consumer_secret: secret.unwrap_or_default(),
        };
        let current = self.tax_device_row().await?;
        let same_device = current
            .as_ref()
            .is_some_and(|d| d.0 == config.api_url && d.2 == pin && d.3 == branch && d.4 == serial)
            && saved.as_ref().is_some_and(|k| !k.cmc_key.is_empty());
        // A new device numbers its invoices from 1: those KRA has not seen
        // move onto it. One that may have reached KRA through the old
        // device must be settled there first.
        let number_base: i64 = if same_device {
            sqlx::query_scalar("SELECT number_base FROM tax_device WHERE id = 1")
                .fetch_one(self.pool())
                .await?
        } else {
            let sending: Option<i64> =
                sqlx::query_scalar("SELECT MIN(number) FROM tax_invoices WHERE state = 'sending'")
                    .fetch_one(self.pool())
                    .await?;
            if let Some(n) = sending {
                return Err(StoreError::field(
                    "serial",
                    format!("Invoice {n} may already have reached KRA through this till's current device, whose answer was lost: send it again (Send now) before setting up another device."),
                ));
            }
            sqlx::query_scalar(
                "SELECT COALESCE((SELECT MIN(number) - 1 FROM tax_invoices WHERE state <> 'signed'),
                                 (SELECT MAX(number) FROM tax_invoices), 0)",
            )
            .fetch_one(self.pool())
            .await?
        };
        let now = to_millis(self.now());
        let (ids, cmc_key) = if same_device {
            let d = current.clone().unwrap_or_default();
            (
                (d.7, d.5, d.6),
                saved
                    .as_ref()
                    .map(|k| k.cmc_key.clone())
                    .unwrap_or_default(),
            )
        } else {
            let client = Oscu::new(config.clone())
                .map_err(|e| StoreError::field("environment", e.to_string()))?;
            match client.initialise(&pin, &branch, &serial).await {
                Ok(init) => ((init.taxpayer_name, init.sdc_id, init.mrc_no), init.cmc_key),
                Err(OscuError::BadKeys) => {
                    return Err(StoreError::field(
                        "consumer_secret",
                        OscuError::BadKeys.to_string(),
                    ))
                }
                Err(OscuError::Refused { code, message }) => {
                    let field = match code.as_str() {
                        "902" => "serial",
                        _ => "pin",
                    };
                    return Err(StoreError::field(field, message));
                }
                Err(e) => return Err(StoreError::field("environment", e.to_string())),
            }
        };
        let keys = Keys {
            consumer_key: config.consumer_key.clone(),
            consumer_secret: config.consumer_secret.clone(),
            cmc_key,
        };
        let json = serde_json::to_string(&keys).map_err(|_| StoreError::BadRow("tax keys"))?;
        self.put_secret(KEY, json.as_bytes()).await?;
        let (name, sdc_id, mrc_no) = ids;
        sqlx::query(
            "INSERT INTO tax_device (id, api_url, token_url, pin, branch, serial, sdc_id, mrc_no,
                                     taxpayer_name, default_band, number_base, item_class, enabled,
                                     enabled_at, updated_at)
             VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
             ON CONFLICT (id) DO UPDATE SET api_url = excluded.api_url, token_url = excluded.token_url,
                number_base = excluded.number_base, item_class = excluded.item_class,
                pin = excluded.pin, branch = excluded.branch, serial = excluded.serial,
                sdc_id = excluded.sdc_id, mrc_no = excluded.mrc_no,
                taxpayer_name = excluded.taxpayer_name, default_band = excluded.default_band,
                enabled_at = CASE WHEN tax_device.enabled THEN tax_device.enabled_at ELSE excluded.enabled_at END,
                enabled = 1, updated_at = excluded.updated_at, classes_at = NULL",
        )
        .bind(&config.api_url)
        .bind(&config.token_url)
        .bind(&pin)
        .bind(&branch)
        .bind(&serial)
        .bind(&sdc_id)
        .bind(&mrc_no)
        .bind(&name)
        .bind(input.default_band.map(TaxBand::code))
        .bind(number_base)
        .bind(&item_class)
        .bind(now)
        .bind(now)
        .execute(self.pool())
        .await?;
        tracing::info!(%sdc_id, "eTIMS device set up");
        self.tax_settings().await
    }

    /// Turns invoicing on or off and sets the default band.
    pub async fn save_tax_options(
        &self,
        options: &TaxOptions,
    ) -> Result<TaxSettingsView, StoreError> {
        let now = to_millis(self.now());
        let changed = sqlx::query(
            "UPDATE tax_device SET default_band = ?, updated_at = ?,
                enabled_at = CASE WHEN enabled THEN enabled_at ELSE ? END, enabled = ?
             WHERE id = 1",
        )
        .bind(options.default_band.map(TaxBand::code))
        .bind(now)
        .bind(now)
        .bind(options.enabled)
        .execute(self.pool())
        .await?
        .rows_affected();
        if changed == 0 {
            return Err(StoreError::said("pin", &Problem::KraFirst));
        }
        self.tax_settings().await
    }

    /// How the signer reaches KRA, once this till is set up.
    pub async fn tax_signing(&self) -> Result<Option<Signing>, StoreError> {
        let (Some(row), Some(keys)) = (self.tax_device_row().await?, self.tax_keys().await?) else {
            return Ok(None);
        };
        let (api_url, token_url, pin, branch, _, sdc_id, ..) = row;
        let (number_base, item_class): (i64, String) =
            sqlx::query_as("SELECT number_base, item_class FROM tax_device WHERE id = 1")
                .fetch_one(self.pool())
                .await?;
        Ok(Some(Signing {
            config: OscuConfig {
                api_url,
                token_url,
                consumer_key: keys.consumer_key,
                consumer_secret: keys.consumer_secret,
            },
            keys: DeviceKeys {
                pin,
                branch,
                cmc_key: keys.cmc_key,
            },
            sdc_id,
            number_base,
            item_class,
        }))
    }
}
