//! Items registered with KRA (local migration 0022): KRA takes a sale
//! only of items in the taxpayer's item master, so the signer registers
//! each line's item (`saveItem`) before its first invoice, and again when
//! its band, name or classification changed (an item's own
//! classification code, else the shop's from Settings → Tax). Codes are this till's own sequence, with its
//! digit once enrolled (like order numbers), so two tills never give two
//! items one code. The delivery fee is an item too (item id `''`).

use crate::store::{to_millis, Store, StoreError};
use dukadesk_domain::tax::TaxLine;
use std::collections::HashMap;

/// An item to register (or register again, changed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToRegister {
    /// The catalogue item (`''`: the delivery fee).
    pub item_id: String,
    /// Its code at KRA.
    pub code: String,
    /// Its band's code.
    pub band: String,
    /// Its KRA classification code: the item's own, else the shop's
    /// (empty: neither is set, and it cannot be registered yet).
    pub class: String,
    /// Its name.
    pub name: String,
    /// One unit's price, in cents.
    pub price_minor: i64,
}

/// An item as KRA knows it: its code and the classification it was
/// registered under (both go on each invoice line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registered {
    /// Its code at KRA.
    pub code: String,
    /// Its classification code.
    pub class: String,
}

impl ToRegister {
    /// What the item is at KRA once registered.
    pub fn registered(&self) -> Registered {
        Registered {
            code: self.code.clone(),
            class: self.class.clone(),
        }
    }
}

impl Store {
    /// The registered code and classification of each line's item, and
    /// the items to register first (new ones get the next code of this
    /// till's sequence); `shop_class` is the shop's classification, for
    /// items without their own.
    pub async fn item_codes(
        &self,
        lines: &[TaxLine],
        shop_class: &str,
    ) -> Result<(HashMap<String, Registered>, Vec<ToRegister>), StoreError> {
        let mut codes = HashMap::new();
        let mut todo: Vec<ToRegister> = Vec::new();
        for line in lines {
            let Some(band) = line.band else { continue };
            if codes.contains_key(&line.item_id) || todo.iter().any(|t| t.item_id == line.item_id) {
                continue;
            }
            let own: Option<String> =
                sqlx::query_scalar("SELECT tax_class FROM items WHERE id = ?")
                    .bind(&line.item_id)
                    .fetch_optional(self.pool())
                    .await?
                    .flatten();
            let class = own.unwrap_or_else(|| shop_class.to_owned());
            let known: Option<(String, String, String, String)> =
                sqlx::query_as("SELECT code, band, name, class FROM tax_items WHERE item_id = ?")
                    .bind(&line.item_id)
                    .fetch_optional(self.pool())
                    .await?;
            match known {
                Some((code, b, name, c)) if b == band.code() && name == line.name && c == class => {
                    codes.insert(line.item_id.clone(), Registered { code, class });
                }
                known => {
                    let code = match known {
                        Some((code, ..)) => code,
                        None => self.next_item_code().await?,
                    };
                    todo.push(ToRegister {
                        item_id: line.item_id.clone(),
                        code,
                        band: band.code().to_owned(),
                        class,
                        name: line.name.clone(),
                        price_minor: line.unit_price_minor,
                    });
                }
            }
        }
        Ok((codes, todo))
    }

    /// The next code of this till's sequence: `KE2NTU` and seven digits,
    /// ending in the till's digit once enrolled.
    async fn next_item_code(&self) -> Result<String, StoreError> {
        let n: i64 = sqlx::query_scalar(
            "UPDATE counters SET value = value + 1 WHERE name = 'tax_item_code'
             RETURNING CASE WHEN (SELECT value FROM counters WHERE name = 'device_no') > 0
                            THEN value * 10 + (SELECT value FROM counters WHERE name = 'device_no')
                            ELSE value END",
        )
        .fetch_one(self.pool())
        .await?;
        Ok(format!("KE2NTU{n:07}"))
    }

    /// Notes that KRA took the item as `r` says.
    pub async fn item_registered(&self, r: &ToRegister, sdc_id: &str) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO tax_items (item_id, code, band, class, name, price_minor, device, registered_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (item_id) DO UPDATE SET code = excluded.code, band = excluded.band,
                class = excluded.class, name = excluded.name, price_minor = excluded.price_minor,
                device = excluded.device, registered_at = excluded.registered_at",
        )
        .bind(&r.item_id)
        .bind(&r.code)
        .bind(&r.band)
        .bind(&r.class)
        .bind(&r.name)
        .bind(r.price_minor)
        .bind(sdc_id)
        .bind(to_millis(self.now()))
        .execute(self.pool())
        .await?;
        Ok(())
    }
}
