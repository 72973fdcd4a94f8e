//! Categories, items and stock (the shell's `commands/catalogue.rs`).

use super::NoArgs;
use crate::catalogue::{Category, Item, ItemInput};
use crate::{CategoryId, ItemId};
use serde::{Deserialize, Serialize};

/// Catalogue listing options.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ListItems {
    /// Include archived items.
    pub include_archived: bool,
}

/// Archive or restore an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetArchived {
    /// Item.
    pub id: ItemId,
    /// New state.
    pub archived: bool,
}

/// Add or remove units of a counted item without counting it (a delivery,
/// breakage): a stock correction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorrectStock {
    /// Item.
    pub id: ItemId,
    /// Units added (positive) or removed (negative); not zero.
    pub delta: i64,
}

/// Create or rename a category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct SaveCategory {
    /// Existing category, or `None` for a new one.
    pub id: Option<CategoryId>,
    /// Name.
    pub name: String,
}

commands! {
    /// Categories, in menu order.
    ListCategories, "list_categories", NoArgs => Vec<Category>;
    /// Create or rename a category.
    SaveCategoryCmd, "save_category", SaveCategory => Category;
    /// Items, by name.
    ListItemsCmd, "list_items", ListItems => Vec<Item>;
    /// Items running low (counted, at or below their warning level).
    ListLowStock, "list_low_stock", NoArgs => Vec<Item>;
    /// Create or edit an item.
    SaveItem, "save_item", ItemInput => Item;
    /// Archive or restore an item.
    SetItemArchived, "set_item_archived", SetArchived => Item;
    /// Add or remove units of a counted item without counting it.
    CorrectStockCmd, "correct_stock", CorrectStock => Item;
}
