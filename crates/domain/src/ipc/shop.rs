//! The shop's details, opening hours and delivery zones (the shell's
//! `commands/shop.rs`).

use super::NoArgs;
use crate::shop::{DeliveryZone, Shop, ShopInput, ZoneInput};
use serde::{Deserialize, Serialize};

/// The shop with its zones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShopView {
    /// The shop.
    pub shop: Shop,
    /// Delivery zones, active first.
    pub zones: Vec<DeliveryZone>,
}

commands! {
    /// The shop, or `None` before first-run setup.
    GetShop, "get_shop", NoArgs => Option<ShopView>;
    /// First-run setup, or editing the shop's details later.
    SaveShop, "save_shop", ShopInput => ShopView;
    /// Save the opening hours (and whether the bot takes orders when closed).
    SaveHours, "save_hours", crate::shop::HoursInput => ShopView;
    /// Create or edit a delivery zone.
    SaveZone, "save_zone", ZoneInput => ShopView;
}
