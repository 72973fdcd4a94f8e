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

/// Give an item a photo (replacing any it had).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetItemPhoto {
    /// Item.
    pub id: ItemId,
    /// The picture file as picked (JPEG, PNG or WebP), base64.
    pub file_base64: String,
}

impl std::fmt::Debug for SetItemPhoto {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SetItemPhoto")
            .field("id", &self.id)
            .field("file_base64_len", &self.file_base64.len())
            .finish()
    }
}

/// One item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemRef {
    /// Item.
    pub id: ItemId,
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
    /// Give an item a photo.
    SetItemPhotoCmd, "set_item_photo", SetItemPhoto => Item;
    /// Take an item's photo away.
    RemoveItemPhoto, "remove_item_photo", ItemRef => Item;
}
