//! Categories and items: create, edit, archive, and stock. Stock changes
//! are movements (`records::stock`); `items.stock` is this till's cache of
//! the level they give and never travels in the item row.

pub mod photos;

use crate::records::stock;
use crate::store::{from_millis, new_id, parse_uuid, to_millis, Store, StoreError};
use dukadesk_domain::catalogue::{
    validate_category_name, Category, DigitalKind, Item, ItemInput, ItemKind,
};
use dukadesk_domain::ipc::SaveCategory;
use dukadesk_domain::tax::TaxBand;
use dukadesk_domain::words::Problem;
use dukadesk_domain::{CategoryId, Currency, ItemId, Money};
use sqlx::SqliteConnection;

/// An item's row as [`ITEM_COLUMNS`] reads it.
#[derive(sqlx::FromRow)]
struct ItemRow {
    id: String,
    name: String,
    description: String,
    price_minor: i64,
    currency: String,
    category_id: Option<String>,
    kind: String,
    stock: Option<i64>,
    megabytes: Option<i64>,
    validity_days: Option<i64>,
    archived: bool,
    updated_at: i64,
    barcode: Option<String>,
    low_stock: Option<i64>,
    aliases: String,
    tax_band: Option<String>,
    tax_class: Option<String>,
    photo: Option<String>,
}

/// An item's columns, and its photo's fingerprint when it has one. Read
/// `FROM items` (the photo is found by the table's own name).
const ITEM_COLUMNS: &str = "id, name, description, price_minor, currency, category_id, kind, stock, megabytes, validity_days, archived, updated_at, barcode, low_stock, aliases, tax_band, tax_class, (SELECT sha256 FROM item_photos WHERE item_photos.id = items.id AND removed = 0) AS photo";

fn item_from_row(r: ItemRow) -> Result<Item, StoreError> {
    let ItemRow {
        id,
        name,
        description,
        price_minor: price,
        currency,
        category_id: category,
        kind,
        stock,
        megabytes: mb,
        validity_days: days,
        archived,
        updated_at: updated,
        barcode,
        low_stock,
        aliases,
        tax_band,
        tax_class,
        photo,
    } = r;
    let bad = || StoreError::BadRow("item");
    let kind = match kind.as_str() {
        "physical" => ItemKind::Physical { stock },
        "airtime" => ItemKind::Digital(DigitalKind::Airtime),
        "data_bundle" => ItemKind::Digital(DigitalKind::DataBundle {
            megabytes: mb.and_then(|v| u32::try_from(v).ok()).ok_or_else(bad)?,
            validity_days: days.and_then(|v| u16::try_from(v).ok()).ok_or_else(bad)?,
        }),
        _ => return Err(bad()),
    };
    Ok(Item {
        id: ItemId(parse_uuid(&id, "item")?),
        name,
        description,
        price: Money::from_minor(price, Currency::from_code(&currency).ok_or_else(bad)?),
        category_id: category
            .map(|c| parse_uuid(&c, "item").map(CategoryId))
            .transpose()?,
        kind,
        archived,
        barcode,
        low_stock,
        aliases: serde_json::from_str(&aliases).map_err(|_| bad())?,
        photo,
        tax_band: tax_band.as_deref().and_then(TaxBand::parse),
        tax_class,
        updated_at: from_millis(updated),
    })
}

fn kind_columns(kind: &ItemKind) -> (&'static str, Option<i64>, Option<i64>) {
    match *kind {
        ItemKind::Physical { .. } => ("physical", None, None),
        ItemKind::Digital(DigitalKind::Airtime) => ("airtime", None, None),
        ItemKind::Digital(DigitalKind::DataBundle {
            megabytes,
            validity_days,
        }) => (
            "data_bundle",
            Some(i64::from(megabytes)),
            Some(i64::from(validity_days)),
        ),
    }
}

/// The item as its row travels: without the stock level, which is the
/// sum of its movements and travels as those, and without its photo's
/// fingerprint (the photo travels as its own row, `item_photo`).
pub(crate) fn synced(item: &Item) -> Item {
    let mut item = item.clone();
    item.photo = None;
    if let ItemKind::Physical { stock } = &mut item.kind {
        *stock = None;
    }
    item
}

/// Reads one item inside a transaction.
pub(crate) async fn item_in(
    tx: &mut SqliteConnection,
    id: ItemId,
) -> Result<Option<Item>, StoreError> {
    let row: Option<ItemRow> =
        sqlx::query_as(&format!("SELECT {ITEM_COLUMNS} FROM items WHERE id = ?"))
            .bind(id.to_string())
            .fetch_optional(tx)
            .await?;
    row.map(item_from_row).transpose()
}

/// Writes the item row only (sync applies other tills' changes this way),
/// then its cached stock level from the movements here; the stock in
/// `item` is ignored.
pub(crate) async fn put_item(tx: &mut SqliteConnection, item: &Item) -> Result<(), StoreError> {
    let (kind, mb, days) = kind_columns(&item.kind);
    sqlx::query(
        "INSERT INTO items (id, name, description, price_minor, currency, category_id, kind, stock, megabytes, validity_days, archived, updated_at, barcode, low_stock, aliases, tax_band, tax_class)
         VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, description = excluded.description,
           price_minor = excluded.price_minor, currency = excluded.currency, category_id = excluded.category_id,
           kind = excluded.kind, megabytes = excluded.megabytes,
           validity_days = excluded.validity_days, archived = excluded.archived, updated_at = excluded.updated_at,
           barcode = excluded.barcode, low_stock = excluded.low_stock, aliases = excluded.aliases,
           tax_band = excluded.tax_band, tax_class = excluded.tax_class",
    )
    .bind(item.id.to_string())
    .bind(&item.name)
    .bind(&item.description)
    .bind(item.price.minor)
    .bind(item.price.currency.code())
    .bind(item.category_id.map(|c| c.to_string()))
    .bind(kind)
    .bind(mb)
    .bind(days)
    .bind(item.archived)
    .bind(to_millis(item.updated_at))
    .bind(&item.barcode)
    .bind(item.low_stock)
    .bind(serde_json::to_string(&item.aliases).map_err(|e| StoreError::Internal(e.to_string()))?)
    .bind(item.tax_band.map(TaxBand::code))
    .bind(&item.tax_class)
    .execute(&mut *tx)
    .await?;
    stock::refresh(tx, &item.id.to_string()).await
}

/// Takes `qty` units of an item for a line of an order, returning the item
/// as it now is, or `None` when it is archived, gone or short (see
/// [`why_not_sold`]): this till never sells below zero. A physical item's
/// sale is a stock movement (counted or not, so that a count made
/// meanwhile on another till is followed by it); digital items have no
/// stock.
pub(crate) async fn take_stock(
    tx: &mut SqliteConnection,
    id: ItemId,
    qty: u32,
    line: stock::OrderLineRef<'_>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Option<Item>, StoreError> {
    let Some(item) = item_in(tx, id).await?.filter(|i| i.can_sell(qty)) else {
        return Ok(None);
    };
    if !matches!(item.kind, ItemKind::Physical { .. }) {
        return Ok(Some(item));
    }
    stock::sale(tx, id, qty, line, now).await?;
    // The sale is the item's latest movement: its level is `qty` lower.
    let mut item = item;
    if let ItemKind::Physical { stock: Some(level) } = &mut item.kind {
        *level -= i64::from(qty);
    }
    Ok(Some(item))
}

/// Why [`take_stock`] refused, in words for the till.
pub(crate) async fn why_not_sold(
    tx: &mut SqliteConnection,
    id: ItemId,
    qty: u32,
) -> Result<Problem, StoreError> {
    Ok(match item_in(tx, id).await? {
        None => Problem::ItemRemoved,
        Some(item) if item.archived => Problem::ItemArchived(item.name),
        Some(item) => match item.stock() {
            Some(level) if level < 0 => Problem::NoneLeft {
                name: item.name,
                level,
            },
            level => Problem::OnlyLeft {
                left: level.unwrap_or(0),
                name: item.name,
                asked: qty,
            },
        },
    })
}

impl Store {
    /// Categories in menu order.
    pub async fn categories(&self) -> Result<Vec<Category>, StoreError> {
        let rows: Vec<(String, String, i64)> = sqlx::query_as(
            "SELECT id, name, position FROM categories ORDER BY position, name COLLATE NOCASE",
        )
        .fetch_all(self.pool())
        .await?;
        rows.into_iter()
            .map(|(id, name, position)| {
                Ok(Category {
                    id: CategoryId(parse_uuid(&id, "category")?),
                    name,
                    position,
                })
            })
            .collect()
    }

    /// Creates or renames a category. Names are unique, ignoring case.
    pub async fn save_category(&self, input: &SaveCategory) -> Result<Category, StoreError> {
        let name = validate_category_name(&input.name).map_err(StoreError::Invalid)?;
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let clash: Option<String> = sqlx::query_scalar(
            "SELECT id FROM categories WHERE name = ? COLLATE NOCASE AND id != ?",
        )
        .bind(&name)
        .bind(input.id.map(|i| i.to_string()).unwrap_or_default())
        .fetch_optional(&mut *tx)
        .await?;
        if clash.is_some() {
            return Err(StoreError::said(
                "name",
                &Problem::CategoryTaken(name.to_owned()),
            ));
        }
        let category = match input.id {
            Some(id) => {
                let position: Option<i64> =
                    sqlx::query_scalar("SELECT position FROM categories WHERE id = ?")
                        .bind(id.to_string())
                        .fetch_optional(&mut *tx)
                        .await?;
                Category {
                    id,
                    name,
                    position: position.ok_or(StoreError::NotFound("The category"))?,
                }
            }
            None => {
                let position: i64 =
                    sqlx::query_scalar("SELECT COALESCE(MAX(position), 0) + 1 FROM categories")
                        .fetch_one(&mut *tx)
                        .await?;
                Category {
                    id: CategoryId(new_id()),
                    name,
                    position,
                }
            }
        };
        crate::records::categories::write(&mut tx, &category, now).await?;
        tx.commit().await?;
        Ok(category)
    }

    /// Items by name; archived ones only when asked.
    pub async fn items(&self, include_archived: bool) -> Result<Vec<Item>, StoreError> {
        let rows: Vec<ItemRow> = sqlx::query_as(&format!(
            "SELECT {ITEM_COLUMNS} FROM items WHERE archived = 0 OR ? ORDER BY archived, name COLLATE NOCASE"
        ))
        .bind(include_archived)
        .fetch_all(self.pool())
        .await?;
        rows.into_iter().map(item_from_row).collect()
    }

    /// Items running low (`Item::is_low`: counted, for sale, at or below
    /// their warning level), by name: what the till's strip polls, without
    /// reading the whole catalogue.
    pub async fn low_stock_items(&self) -> Result<Vec<Item>, StoreError> {
        let rows: Vec<ItemRow> = sqlx::query_as(&format!(
            "SELECT {ITEM_COLUMNS} FROM items
              WHERE archived = 0 AND kind = 'physical' AND stock IS NOT NULL
                AND low_stock IS NOT NULL AND stock <= low_stock
              ORDER BY name COLLATE NOCASE"
        ))
        .fetch_all(self.pool())
        .await?;
        rows.into_iter().map(item_from_row).collect()
    }

    /// One item.
    pub async fn item(&self, id: ItemId) -> Result<Item, StoreError> {
        let mut conn = self.pool().acquire().await?;
        item_in(&mut conn, id)
            .await?
            .ok_or(StoreError::NotFound("The item"))
    }

    /// Creates or edits an item from the editor form.
    pub async fn save_item(&self, input: &ItemInput) -> Result<Item, StoreError> {
        self.save_item_by(input, None).await
    }

    /// Creates or edits an item from the editor form; a stock typed anew is
    /// a count in `staff_name`'s name.
    pub async fn save_item_by(
        &self,
        input: &ItemInput,
        staff_name: Option<&str>,
    ) -> Result<Item, StoreError> {
        let shop = self.require_shop().await?;
        let valid = input.validate(shop.currency).map_err(StoreError::Invalid)?;
        if let Some(code) = &valid.tax_class {
            if let Some(why) = self.unlisted_item_class(code).await? {
                return Err(StoreError::said("tax_class", &why));
            }
        }
        let now = self.now();
        let mut tx = self.write_tx().await?;
        if let Some(category) = valid.category_id {
            let found: Option<String> =
                sqlx::query_scalar("SELECT id FROM categories WHERE id = ?")
                    .bind(category.to_string())
                    .fetch_optional(&mut *tx)
                    .await?;
            if found.is_none() {
                return Err(StoreError::said("category_id", &Problem::CategoryGone));
            }
        }
        if let Some(code) = &valid.barcode {
            let taken: Option<String> = sqlx::query_scalar(
                "SELECT name FROM items WHERE barcode = ? AND id != ? AND archived = 0 LIMIT 1",
            )
            .bind(code)
            .bind(input.id.map(|id| id.to_string()).unwrap_or_default())
            .fetch_optional(&mut *tx)
            .await?;
            if let Some(other) = taken {
                return Err(StoreError::said("barcode", &Problem::BarcodeTaken(other)));
            }
        }
        let archived = match input.id {
            Some(id) => {
                item_in(&mut tx, id)
                    .await?
                    .ok_or(StoreError::NotFound("The item"))?
                    .archived
            }
            None => false,
        };
        let item = Item {
            id: input.id.unwrap_or(ItemId(new_id())),
            name: valid.name,
            description: valid.description,
            price: valid.price,
            category_id: valid.category_id,
            kind: valid.kind,
            archived,
            barcode: valid.barcode,
            low_stock: valid.low_stock,
            aliases: valid.aliases,
            photo: None,
            tax_band: valid.tax_band,
            tax_class: valid.tax_class,
            updated_at: now,
        };
        crate::records::items::write(&mut tx, &item).await?;
        if let (true, ItemKind::Physical { stock: level }) = (valid.stock_counted, valid.kind) {
            stock::count(&mut tx, item.id, level, staff_name, now).await?;
        }
        let item = item_in(&mut tx, item.id)
            .await?
            .ok_or(StoreError::NotFound("The item"))?;
        tx.commit().await?;
        Ok(item)
    }

    /// Adds (`delta` > 0) or removes units of a counted item without
    /// counting it: a delivery, breakage. Returns the item with its new
    /// level.
    pub async fn correct_stock(
        &self,
        id: ItemId,
        delta: i64,
        staff_name: &str,
    ) -> Result<Item, StoreError> {
        if delta == 0 {
            return Err(StoreError::said("delta", &Problem::StockDelta));
        }
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let item = item_in(&mut tx, id)
            .await?
            .ok_or(StoreError::NotFound("The item"))?;
        if item.stock().is_none() {
            return Err(StoreError::said("delta", &Problem::NotCounted(item.name)));
        }
        stock::correction(&mut tx, id, delta, Some(staff_name), now).await?;
        let item = item_in(&mut tx, id)
            .await?
            .ok_or(StoreError::NotFound("The item"))?;
        tx.commit().await?;
        Ok(item)
    }

    /// Archives or restores an item. Archived items stay on old orders.
    pub async fn set_item_archived(&self, id: ItemId, archived: bool) -> Result<Item, StoreError> {
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let mut item = item_in(&mut tx, id)
            .await?
            .ok_or(StoreError::NotFound("The item"))?;
        item.archived = archived;
        item.updated_at = now;
        crate::records::items::write(&mut tx, &item).await?;
        tx.commit().await?;
        Ok(item)
    }
}

#[cfg(test)]
mod tests;
