//! A cart: lines of items and quantities, and its totals. Used by the till's
//! manual order form and by the chat bot.

use crate::barcode::Weighed;
use crate::catalogue::Item;
use crate::money::{Currency, Money, MoneyError};
use crate::ItemId;
use serde::{Deserialize, Serialize};

/// The most units of one item in one order: a guard against a typo like 1000
/// for 10, and against overflow.
pub const MAX_QTY: u32 = 999;

/// One line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartLine {
    /// The item.
    pub item_id: ItemId,
    /// Its name when added (kept on the order even if renamed later).
    pub name: String,
    /// Unit price when added.
    pub unit_price: Money,
    /// Units.
    pub qty: u32,
    /// The scale label this line was scanned from (one weighed pack,
    /// priced by the label); `None` for lines counted in units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

impl CartLine {
    /// Price times quantity.
    pub fn total(&self) -> Result<Money, MoneyError> {
        self.unit_price.checked_mul(self.qty)
    }
}

/// Why a cart change was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CartError {
    /// The item is archived.
    #[error("{0} is no longer sold.")]
    NotForSale(String),
    /// Not enough stock.
    #[error("Only {available} of {name} left.")]
    OutOfStock {
        /// Item name.
        name: String,
        /// Units left.
        available: u32,
    },
    /// Zero or too many units.
    #[error("Choose between 1 and {MAX_QTY} units.")]
    BadQuantity,
    /// The item is priced in another currency.
    #[error("{0} is priced in another currency.")]
    Currency(String),
}

/// A cart in one currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cart {
    /// Currency of every line.
    pub currency: Currency,
    /// Lines, in the order they were added.
    pub lines: Vec<CartLine>,
}

impl Cart {
    /// An empty cart.
    pub fn new(currency: Currency) -> Self {
        Self {
            currency,
            lines: Vec::new(),
        }
    }

    /// Whether the cart has no lines.
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// Adds `qty` units of `item` (merging with an existing line).
    pub fn add(&mut self, item: &Item, qty: u32) -> Result<(), CartError> {
        if item.price.currency != self.currency {
            return Err(CartError::Currency(item.name.clone()));
        }
        let existing = self
            .lines
            .iter()
            .position(|l| l.item_id == item.id && l.label.is_none());
        let new_qty = existing
            .map_or(0, |i| self.lines[i].qty)
            .saturating_add(qty);
        if qty == 0 || new_qty > MAX_QTY {
            return Err(CartError::BadQuantity);
        }
        if item.archived {
            return Err(CartError::NotForSale(item.name.clone()));
        }
        if !item.can_sell(new_qty) {
            return Err(CartError::OutOfStock {
                name: item.name.clone(),
                available: item.available().unwrap_or(0),
            });
        }
        match existing {
            Some(i) => self.lines[i].qty = new_qty,
            None => self.lines.push(CartLine {
                item_id: item.id,
                name: item.name.clone(),
                unit_price: item.price,
                qty,
                label: None,
            }),
        }
        Ok(())
    }

    /// Adds one weighed pack of `item` read from scale label `label`
    /// ([`crate::barcode::ScaleLabels::price`]): a line of its own.
    pub fn add_weighed(
        &mut self,
        item: &Item,
        label: &str,
        weighed: Weighed,
    ) -> Result<(), CartError> {
        if item.price.currency != self.currency || weighed.price.currency != self.currency {
            return Err(CartError::Currency(item.name.clone()));
        }
        if item.archived {
            return Err(CartError::NotForSale(item.name.clone()));
        }
        let units: u32 = self
            .lines
            .iter()
            .filter(|l| l.item_id == item.id)
            .map(|l| l.qty)
            .sum();
        if !item.can_sell(units + 1) {
            return Err(CartError::OutOfStock {
                name: item.name.clone(),
                available: item.available().unwrap_or(0),
            });
        }
        self.lines.push(CartLine {
            item_id: item.id,
            name: weighed.line_name(&item.name),
            unit_price: weighed.price,
            qty: 1,
            label: Some(label.to_owned()),
        });
        Ok(())
    }

    /// Takes up to `qty` units off line `index` (the line goes at 0).
    pub fn remove_at(&mut self, index: usize, qty: u32) {
        if let Some(line) = self.lines.get_mut(index) {
            line.qty = line.qty.saturating_sub(qty);
            if line.qty == 0 {
                self.lines.remove(index);
            }
        }
    }

    /// Removes up to `qty` units of an item; the line goes when it reaches 0.
    pub fn remove(&mut self, item_id: ItemId, qty: u32) {
        if let Some(i) = self
            .lines
            .iter()
            .position(|l| l.item_id == item_id && l.label.is_none())
        {
            self.remove_at(i, qty);
        }
    }

    /// Sum of the lines.
    pub fn subtotal(&self) -> Result<Money, MoneyError> {
        self.lines
            .iter()
            .try_fold(Money::zero(self.currency), |acc, l| {
                acc.checked_add(l.total()?)
            })
    }
}

#[cfg(test)]
mod tests;
