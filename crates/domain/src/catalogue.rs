//! The catalogue: categories and items, physical (with stock) or digital
//! (airtime and data bundles, delivered by a fulfilment action instead of a
//! rider).

use crate::ipc::FieldError;
use crate::money::{Currency, Money};
use crate::words::Problem;
use crate::{CategoryId, ItemId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A shelf in the catalogue ("Vegetables", "Data bundles").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    /// Id.
    pub id: CategoryId,
    /// Name.
    pub name: String,
    /// Order in menus, lowest first.
    pub position: i64,
}

/// The airtime one send may carry, in whole Kenyan shillings (Africa's
/// Talking's limits).
pub const AIRTIME_KES: std::ops::RangeInclusive<i64> = 10..=10_000;

/// The validities, in days, data bundles are sold with.
pub const BUNDLE_DAYS: [u16; 5] = [1, 7, 14, 30, 90];

/// What a digital item delivers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DigitalKind {
    /// Airtime worth the item's face value.
    Airtime,
    /// A data bundle.
    DataBundle {
        /// Size in megabytes.
        megabytes: u32,
        /// Days it stays valid.
        validity_days: u16,
    },
}

/// Physical or digital.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ItemKind {
    /// A thing on a shelf.
    Physical {
        /// Units in stock; `None` when the shop does not count stock. The
        /// level comes from the item's stock movements and may be below
        /// zero when tills sold the last units at the same time offline: a
        /// negative level is the truth to count, shown as it is.
        stock: Option<i64>,
    },
    /// Sent to a phone number.
    Digital(DigitalKind),
}

/// An item for sale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    /// Id.
    pub id: ItemId,
    /// Name as customers see it.
    pub name: String,
    /// Optional description.
    pub description: String,
    /// Price of one unit.
    pub price: Money,
    /// Shelf, if any.
    pub category_id: Option<CategoryId>,
    /// Physical or digital.
    pub kind: ItemKind,
    /// Archived items are hidden from customers and the till but kept for old
    /// orders.
    pub archived: bool,
    /// The code on its package, for the till's scanner
    /// ([`crate::barcode::clean`]); one item per code in a shop.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub barcode: Option<String>,
    /// Warn staff when the counted stock is at or below this (`None`: no
    /// warning).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub low_stock: Option<i64>,
    /// Other names customers use for it ("nyanya" for Tomatoes), read by
    /// the bot like the name itself ([`Item::names`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// The fingerprint (SHA-256, hex) of the item's photo, when it has one.
    /// Read from the till's own copy of the photo, never from the item's
    /// synced body: the photo travels as its own row.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub photo: Option<String>,
    /// Its KRA tax band for eTIMS invoices (`None`: the shop's default
    /// band, chosen in Settings → Tax).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_band: Option<crate::tax::TaxBand>,
    /// Its KRA item classification code, ten digits (`None`: the shop's,
    /// set in Settings → Tax). KRA registers the item under it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_class: Option<String>,
    /// Last change, for last-writer-wins sync.
    pub updated_at: DateTime<Utc>,
}

impl Item {
    /// The name, then each alias: every name the item answers to.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }

    /// Whether `qty` more units can be sold.
    pub fn can_sell(&self, qty: u32) -> bool {
        !self.archived
            && match self.kind {
                ItemKind::Physical { stock: Some(s) } => s >= i64::from(qty),
                _ => true,
            }
    }

    /// Whether the counted stock is at or below the item's warning level
    /// (archived items are never low: they are not sold).
    pub fn is_low(&self) -> bool {
        !self.archived
            && matches!((self.stock(), self.low_stock), (Some(stock), Some(level)) if stock <= level)
    }

    /// The stock level, where counted (below zero when tills oversold).
    pub fn stock(&self) -> Option<i64> {
        match self.kind {
            ItemKind::Physical { stock } => stock,
            ItemKind::Digital(_) => None,
        }
    }

    /// Units that can still be sold, where counted: the level, or none when
    /// it is at or below zero.
    pub fn available(&self) -> Option<u32> {
        self.stock()
            .map(|s| u32::try_from(s.max(0)).unwrap_or(u32::MAX))
    }
}

/// The kind of item chosen in the editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum ItemKindChoice {
    /// Physical goods.
    #[default]
    Physical,
    /// Airtime.
    Airtime,
    /// A data bundle.
    DataBundle,
}

/// An item as typed in the catalogue editor. Numbers stay text until
/// validated, so the form can show exactly what was wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ItemInput {
    /// The item being edited, or `None` for a new one.
    pub id: Option<ItemId>,
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
    /// Price as typed ("250", "99.50").
    pub price: String,
    /// Category.
    pub category_id: Option<CategoryId>,
    /// Kind.
    pub kind: ItemKindChoice,
    /// Stock as typed; empty means "not counted". Physical items only.
    pub stock: String,
    /// The stock the form showed when it was opened ([`ItemInput::from_item`];
    /// empty for a new item). Only a stock that differs from it is a new
    /// count: an edit that leaves the field alone keeps the level the
    /// item's movements give, whatever other tills sold meanwhile.
    #[serde(default)]
    pub stock_was: String,
    /// Bundle size in MB as typed. Data bundles only.
    pub megabytes: String,
    /// Validity in days as typed. Data bundles only.
    pub validity_days: String,
    /// The barcode as scanned or typed; empty for none.
    #[serde(default)]
    pub barcode: String,
    /// The stock at or below which staff are warned, as typed; empty for
    /// no warning. Counted items only.
    #[serde(default)]
    pub low_stock: String,
    /// Other names, separated by commas, as typed ("nyanya, tomato");
    /// empty for none.
    #[serde(default)]
    pub aliases: String,
    /// Its KRA tax band (`None`: the shop's default).
    #[serde(default)]
    pub tax_band: Option<crate::tax::TaxBand>,
    /// Its KRA item classification code as typed; empty for the shop's.
    #[serde(default)]
    pub tax_class: String,
}

/// An item's validated fields (without id and timestamps, which the store sets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidItemInput {
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
    /// Price.
    pub price: Money,
    /// Category.
    pub category_id: Option<CategoryId>,
    /// Physical or digital. For a physical item whose stock was not
    /// changed ([`ValidItemInput::stock_counted`] false), the stock is what
    /// the form showed, and the store keeps the level the item has.
    pub kind: ItemKind,
    /// Whether staff typed a new stock: the store records it as a count
    /// (an empty field: the item is not counted from now on).
    pub stock_counted: bool,
    /// The barcode, cleaned.
    pub barcode: Option<String>,
    /// The warning level.
    pub low_stock: Option<i64>,
    /// Other names, trimmed, each once.
    pub aliases: Vec<String>,
    /// Its KRA tax band.
    pub tax_band: Option<crate::tax::TaxBand>,
    /// Its KRA item classification code, checked.
    pub tax_class: Option<String>,
}

/// At most this many other names per item.
pub const MAX_ALIASES: usize = 10;
/// The longest other name, in characters.
pub const MAX_ALIAS_CHARS: usize = 40;
/// The longest item name, in characters.
pub const MAX_NAME_CHARS: usize = 80;
/// The longest description, in characters.
pub const MAX_DESCRIPTION_CHARS: usize = 500;

fn cut(text: &mut String, chars: usize) {
    if let Some((at, _)) = text.char_indices().nth(chars) {
        text.truncate(at);
    }
}

impl Item {
    /// Holds an item that came from elsewhere (another till's change) to
    /// the limits the editor enforces: a long name or description cut,
    /// over-long other names dropped, at most [`MAX_ALIASES`] kept, a KRA
    /// classification that is not ten digits dropped (the shop's applies).
    /// The editor's own items are already within them and stay as they are.
    pub fn hold_to_limits(&mut self) {
        if let Some(class) = &self.tax_class {
            self.tax_class = crate::tax::check_item_class(class).ok();
        }
        cut(&mut self.name, MAX_NAME_CHARS);
        cut(&mut self.description, MAX_DESCRIPTION_CHARS);
        self.aliases
            .retain(|a| !a.trim().is_empty() && a.chars().count() <= MAX_ALIAS_CHARS);
        self.aliases.truncate(MAX_ALIASES);
    }
}

/// Other names as typed, separated by commas (or new lines): each trimmed,
/// empty ones dropped, one that repeats the name or another alias (case
/// and accents aside) dropped.
fn parse_aliases(typed: &str, name: &str, errors: &mut Vec<FieldError>) -> Vec<String> {
    let key = |s: &str| crate::bot::normalise_name(s);
    let mut seen = vec![key(name)];
    let mut aliases = Vec::new();
    for alias in typed
        .split([',', '\n'])
        .map(str::trim)
        .filter(|a| !a.is_empty())
    {
        if alias.chars().count() > MAX_ALIAS_CHARS {
            errors.push(FieldError::said(
                "aliases",
                &Problem::AliasTooLong(alias.to_owned()),
            ));
            continue;
        }
        let k = key(alias);
        if k.is_empty() || seen.contains(&k) {
            continue;
        }
        seen.push(k);
        aliases.push(alias.to_owned());
    }
    if aliases.len() > MAX_ALIASES {
        errors.push(FieldError::said(
            "aliases",
            &Problem::TooManyAliases(MAX_ALIASES),
        ));
    }
    aliases
}

fn parse_count<T: std::str::FromStr>(
    text: &str,
    field: &str,
    problem: Problem,
    errors: &mut Vec<FieldError>,
) -> Option<T> {
    let t = text.trim().replace(',', "");
    match t.parse::<T>() {
        Ok(v) => Some(v),
        Err(_) => {
            errors.push(FieldError::said(field, &problem));
            None
        }
    }
}

impl ItemInput {
    /// Checks every field.
    pub fn validate(&self, currency: Currency) -> Result<ValidItemInput, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = self.name.trim().to_owned();
        if name.is_empty() {
            errors.push(FieldError::said("name", &Problem::ItemName));
        } else if name.chars().count() > MAX_NAME_CHARS {
            errors.push(FieldError::said("name", &Problem::TooLong(MAX_NAME_CHARS)));
        }
        let description = self.description.trim().to_owned();
        if description.chars().count() > MAX_DESCRIPTION_CHARS {
            errors.push(FieldError::said(
                "description",
                &Problem::TooLong(MAX_DESCRIPTION_CHARS),
            ));
        }
        let price = match Money::parse(&self.price, currency) {
            Ok(p) if p.minor == 0 => {
                errors.push(FieldError::said("price", &Problem::PriceZero));
                None
            }
            Ok(p) => Some(p),
            Err(e) => {
                errors.push(FieldError::said("price", &e));
                None
            }
        };
        let kind = match self.kind {
            ItemKindChoice::Physical => {
                let typed = self.stock.trim();
                if typed == self.stock_was.trim() {
                    // Left alone: whatever the form showed, even a level
                    // below zero, is not a new count.
                    Some(ItemKind::Physical {
                        stock: typed.replace(',', "").parse::<i64>().ok(),
                    })
                } else if typed.is_empty() {
                    Some(ItemKind::Physical { stock: None })
                } else {
                    // A new count is what is on the shelf: zero or more.
                    parse_count::<u32>(&self.stock, "stock", Problem::StockNumber, &mut errors).map(
                        |s| ItemKind::Physical {
                            stock: Some(i64::from(s)),
                        },
                    )
                }
            }
            ItemKindChoice::Airtime => Some(ItemKind::Digital(DigitalKind::Airtime)),
            ItemKindChoice::DataBundle => {
                let mb = parse_count::<u32>(
                    &self.megabytes,
                    "megabytes",
                    Problem::MegabytesNumber,
                    &mut errors,
                );
                let days = parse_count::<u16>(
                    &self.validity_days,
                    "validity_days",
                    Problem::ValidityNumber,
                    &mut errors,
                );
                match (mb, days) {
                    (Some(0), _) => {
                        errors.push(FieldError::said("megabytes", &Problem::BundleSize));
                        None
                    }
                    (Some(_), Some(0)) => {
                        errors.push(FieldError::said("validity_days", &Problem::BundleDays));
                        None
                    }
                    (Some(megabytes), Some(validity_days)) => {
                        Some(ItemKind::Digital(DigitalKind::DataBundle {
                            megabytes,
                            validity_days,
                        }))
                    }
                    _ => None,
                }
            }
        };
        // In Kenya airtime and bundles go through Africa's Talking: what
        // it cannot send is refused here, not after a customer paid.
        if currency == Currency::KES {
            match kind {
                Some(ItemKind::Digital(DigitalKind::Airtime))
                    if price.is_some_and(|p| {
                        p.minor % 100 != 0 || !AIRTIME_KES.contains(&(p.minor / 100))
                    }) =>
                {
                    errors.push(FieldError::said("price", &Problem::AirtimePrice));
                }
                Some(ItemKind::Digital(DigitalKind::DataBundle { validity_days, .. }))
                    if !BUNDLE_DAYS.contains(&validity_days) =>
                {
                    errors.push(FieldError::said("validity_days", &Problem::BundleValidity));
                }
                _ => {}
            }
        }
        let barcode = match self.barcode.trim() {
            "" => None,
            typed => {
                let cleaned = crate::barcode::clean(typed);
                if cleaned.is_none() {
                    errors.push(FieldError::said("barcode", &Problem::Barcode));
                }
                cleaned
            }
        };
        let low_stock = match self.low_stock.trim() {
            "" => None,
            _ if !matches!(kind, Some(ItemKind::Physical { stock: Some(_) })) => {
                errors.push(FieldError::said("low_stock", &Problem::LowStockNeedsStock));
                None
            }
            typed => parse_count::<u32>(typed, "low_stock", Problem::LowStockNumber, &mut errors)
                .map(i64::from),
        };
        let aliases = parse_aliases(&self.aliases, &name, &mut errors);
        let tax_class = match self.tax_class.trim() {
            "" => None,
            typed => {
                let code = crate::tax::check_item_class(typed).ok();
                if code.is_none() {
                    errors.push(FieldError::said("tax_class", &Problem::ItemClass));
                }
                code
            }
        };
        match (price, kind) {
            (Some(price), Some(kind)) if errors.is_empty() => Ok(ValidItemInput {
                name,
                description,
                price,
                category_id: self.category_id,
                kind,
                stock_counted: self.kind == ItemKindChoice::Physical
                    && self.stock.trim() != self.stock_was.trim(),
                barcode,
                low_stock,
                aliases,
                tax_band: self.tax_band,
                tax_class,
            }),
            _ => Err(errors),
        }
    }

    /// The form filled from a stored item, for editing.
    pub fn from_item(item: &Item) -> Self {
        let (kind, stock, megabytes, validity_days) = match item.kind {
            ItemKind::Physical { stock } => (
                ItemKindChoice::Physical,
                stock.map(|s| s.to_string()).unwrap_or_default(),
                String::new(),
                String::new(),
            ),
            ItemKind::Digital(DigitalKind::Airtime) => (
                ItemKindChoice::Airtime,
                String::new(),
                String::new(),
                String::new(),
            ),
            ItemKind::Digital(DigitalKind::DataBundle {
                megabytes,
                validity_days,
            }) => (
                ItemKindChoice::DataBundle,
                String::new(),
                megabytes.to_string(),
                validity_days.to_string(),
            ),
        };
        Self {
            id: Some(item.id),
            name: item.name.clone(),
            description: item.description.clone(),
            price: item.price.amount_text().replace(',', ""),
            category_id: item.category_id,
            kind,
            stock_was: stock.clone(),
            stock,
            megabytes,
            validity_days,
            barcode: item.barcode.clone().unwrap_or_default(),
            low_stock: item.low_stock.map(|l| l.to_string()).unwrap_or_default(),
            aliases: item.aliases.join(", "),
            tax_band: item.tax_band,
            tax_class: item.tax_class.clone().unwrap_or_default(),
        }
    }
}

/// Validates a category name.
pub fn validate_category_name(name: &str) -> Result<String, Vec<FieldError>> {
    let name = name.trim();
    if name.is_empty() {
        Err(vec![FieldError::said("name", &Problem::CategoryName)])
    } else if name.chars().count() > 40 {
        Err(vec![FieldError::said("name", &Problem::TooLong(40))])
    } else {
        Ok(name.to_owned())
    }
}

#[cfg(test)]
mod tests;
