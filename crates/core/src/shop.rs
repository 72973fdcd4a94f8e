//! The shop's own details and its delivery zones.

use crate::store::{new_id, parse_uuid, to_millis, Store, StoreError};
use dukadesk_domain::ipc::ShopView;
use dukadesk_domain::shop::{
    BusinessType, DeliveryZone, HoursInput, OpeningHours, Shop, ShopCode, ShopInput, ZoneInput,
};
use dukadesk_domain::words::Problem;
use dukadesk_domain::{Country, Currency, Money, ShopId, ZoneId};

type ShopRow = (String, String, String, String, String, String, String, bool);

fn business_type_str(b: BusinessType) -> &'static str {
    match b {
        BusinessType::Grocery => "grocery",
        BusinessType::Restaurant => "restaurant",
        BusinessType::Fashion => "fashion",
        BusinessType::Electronics => "electronics",
        BusinessType::Beauty => "beauty",
        BusinessType::Hardware => "hardware",
        BusinessType::AirtimeAndData => "airtime_and_data",
        BusinessType::Other => "other",
    }
}

fn parse_business_type(s: &str) -> BusinessType {
    BusinessType::ALL
        .into_iter()
        .find(|b| business_type_str(*b) == s)
        .unwrap_or(BusinessType::Other)
}

fn country_str(c: Country) -> &'static str {
    match c {
        Country::Kenya => "KE",
        Country::Morocco => "MA",
    }
}

fn shop_from_row(r: ShopRow) -> Result<Shop, StoreError> {
    let (id, name, code, business_type, currency, country, hours_json, orders_when_closed) = r;
    Ok(Shop {
        id: ShopId(parse_uuid(&id, "shop")?),
        name,
        code: ShopCode::parse(&code).map_err(|_| StoreError::BadRow("shop"))?,
        business_type: parse_business_type(&business_type),
        currency: Currency::from_code(&currency).ok_or(StoreError::BadRow("shop"))?,
        country: if country == "MA" {
            Country::Morocco
        } else {
            Country::Kenya
        },
        hours: serde_json::from_str(&hours_json).map_err(|_| StoreError::BadRow("shop"))?,
        orders_when_closed,
    })
}

impl Store {
    /// The shop, or `None` before setup.
    pub async fn shop(&self) -> Result<Option<Shop>, StoreError> {
        if let Some(shop) = self.cached_shop() {
            return Ok(Some(shop));
        }
        let row: Option<ShopRow> = sqlx::query_as(
            "SELECT id, name, code, business_type, currency, country, hours_json, orders_when_closed FROM shop LIMIT 1",
        )
        .fetch_optional(self.pool())
        .await?;
        let shop = row.map(shop_from_row).transpose()?;
        self.cache_shop(shop.clone());
        Ok(shop)
    }

    /// The shop, or [`StoreError::NotSetUp`].
    pub async fn require_shop(&self) -> Result<Shop, StoreError> {
        self.shop().await?.ok_or(StoreError::NotSetUp)
    }

    /// The shop with its zones, or `None` before setup.
    pub async fn shop_view(&self) -> Result<Option<ShopView>, StoreError> {
        match self.shop().await? {
            Some(shop) => Ok(Some(ShopView {
                zones: self.zones(shop.currency).await?,
                shop,
            })),
            None => Ok(None),
        }
    }

    /// First-run setup, or a later edit of the shop's details. The currency
    /// cannot change once items are priced.
    pub async fn save_shop(&self, input: &ShopInput) -> Result<ShopView, StoreError> {
        let valid = input.validate().map_err(StoreError::Invalid)?;
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let existing: Option<ShopRow> = sqlx::query_as(
            "SELECT id, name, code, business_type, currency, country, hours_json, orders_when_closed FROM shop LIMIT 1",
        )
        .fetch_optional(&mut *tx)
        .await?;
        let shop = match existing.map(shop_from_row).transpose()? {
            Some(mut shop) => {
                if shop.currency != valid.currency {
                    let priced: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM items")
                        .fetch_one(&mut *tx)
                        .await?;
                    if priced > 0 {
                        return Err(StoreError::said("currency", &Problem::CurrencyFixed));
                    }
                }
                shop.name = valid.name;
                shop.code = valid.code;
                shop.business_type = valid.business_type;
                shop.currency = valid.currency;
                shop.country = valid.country;
                shop
            }
            None => Shop {
                id: ShopId(new_id()),
                name: valid.name,
                code: valid.code,
                business_type: valid.business_type,
                currency: valid.currency,
                country: valid.country,
                hours: OpeningHours::default(),
                orders_when_closed: true,
            },
        };
        crate::records::shop::write(&mut tx, &shop, now).await?;
        tx.commit().await?;
        self.shop_saved(shop).await
    }

    /// Saves the opening hours and whether the bot takes orders while closed.
    pub async fn save_hours(&self, input: &HoursInput) -> Result<ShopView, StoreError> {
        let hours = input.validate().map_err(StoreError::Invalid)?;
        let mut shop = self.require_shop().await?;
        shop.hours = hours;
        shop.orders_when_closed = input.orders_when_closed;
        let now = self.now();
        let mut tx = self.write_tx().await?;
        crate::records::shop::write(&mut tx, &shop, now).await?;
        tx.commit().await?;
        self.shop_saved(shop).await
    }

    /// After a committed change to the shop: refresh the cache, and answer
    /// with the shop and its zones.
    async fn shop_saved(&self, shop: Shop) -> Result<ShopView, StoreError> {
        self.cache_shop(Some(shop.clone()));
        Ok(ShopView {
            zones: self.zones(shop.currency).await?,
            shop,
        })
    }

    /// Delivery zones, active first, then by name.
    pub async fn zones(&self, currency: Currency) -> Result<Vec<DeliveryZone>, StoreError> {
        let rows: Vec<(String, String, i64, bool)> = sqlx::query_as(
            "SELECT id, name, fee_minor, active FROM delivery_zones ORDER BY active DESC, name COLLATE NOCASE",
        )
        .fetch_all(self.pool())
        .await?;
        rows.into_iter()
            .map(|(id, name, fee, active)| {
                Ok(DeliveryZone {
                    id: ZoneId(parse_uuid(&id, "delivery zone")?),
                    name,
                    fee: Money::from_minor(fee, currency),
                    active,
                })
            })
            .collect()
    }

    /// Creates or edits a delivery zone.
    pub async fn save_zone(&self, input: &ZoneInput) -> Result<ShopView, StoreError> {
        let shop = self.require_shop().await?;
        let id = input.id.unwrap_or(ZoneId(new_id()));
        let zone = input
            .validate(id, shop.currency)
            .map_err(StoreError::Invalid)?;
        let now = self.now();
        let mut tx = self.write_tx().await?;
        if input.id.is_some() {
            let exists: Option<String> =
                sqlx::query_scalar("SELECT id FROM delivery_zones WHERE id = ?")
                    .bind(id.to_string())
                    .fetch_optional(&mut *tx)
                    .await?;
            if exists.is_none() {
                return Err(StoreError::NotFound("The delivery zone"));
            }
        }
        crate::records::shop::write_zone(&mut tx, &zone, now).await?;
        tx.commit().await?;
        Ok(ShopView {
            zones: self.zones(shop.currency).await?,
            shop,
        })
    }
}

/// Writes the shop row only (sync applies other tills' changes this way).
pub(crate) async fn put_shop(
    tx: &mut sqlx::SqliteConnection,
    shop: &Shop,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), StoreError> {
    let hours = serde_json::to_string(&shop.hours).map_err(|_| StoreError::BadRow("shop"))?;
    sqlx::query(
        "INSERT INTO shop (id, name, code, business_type, currency, country, hours_json, orders_when_closed, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, code = excluded.code,
           business_type = excluded.business_type, currency = excluded.currency,
           country = excluded.country, hours_json = excluded.hours_json,
           orders_when_closed = excluded.orders_when_closed, updated_at = excluded.updated_at",
    )
    .bind(shop.id.to_string())
    .bind(&shop.name)
    .bind(shop.code.as_str())
    .bind(business_type_str(shop.business_type))
    .bind(shop.currency.code())
    .bind(country_str(shop.country))
    .bind(hours)
    .bind(shop.orders_when_closed)
    .bind(to_millis(now))
    .bind(to_millis(now))
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Reads a zone by id inside a transaction (for orders).
pub(crate) async fn zone_in(
    tx: &mut sqlx::SqliteConnection,
    id: ZoneId,
    currency: Currency,
) -> Result<Option<DeliveryZone>, StoreError> {
    let row: Option<(String, i64, bool, i64)> = sqlx::query_as(
        "SELECT name, fee_minor, active, updated_at FROM delivery_zones WHERE id = ?",
    )
    .bind(id.to_string())
    .fetch_optional(tx)
    .await?;
    Ok(row.map(|(name, fee, active, _updated)| DeliveryZone {
        id,
        name,
        fee: Money::from_minor(fee, currency),
        active,
    }))
}
