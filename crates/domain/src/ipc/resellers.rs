//! Resellers (agents, affiliates): the owner's list with each one's
//! figures and shop link, adding or changing one, and recording payouts.

use super::{NoArgs, SavedFile};
use crate::resellers::{PayoutInput, Reseller, ResellerInput, ResellerTotals};
use serde::{Deserialize, Serialize};

/// A reseller with their figures, as the owner sees them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResellerView {
    /// The reseller.
    pub reseller: Reseller,
    /// Their rule in words ("5%", "KES 10 a unit on Data bundles").
    pub rule: String,
    /// The category or item their rule covers, by name (`None`: every
    /// item).
    #[serde(default)]
    pub applies_to_name: Option<String>,
    /// Their shop link, once the shop's WhatsApp is linked.
    pub link: Option<String>,
    /// What their link types for the customer (to share by hand before
    /// WhatsApp is linked).
    pub greeting: String,
    /// Sales and commission.
    pub totals: ResellerTotals,
}

/// One reseller.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResellerRef {
    /// Id.
    pub id: crate::ResellerId,
}

commands! {
    /// Every reseller with their figures.
    ListResellers, "list_resellers", NoArgs => Vec<ResellerView>;
    /// Add or change a reseller (owner only).
    SaveResellerCmd, "save_reseller", ResellerInput => Vec<ResellerView>;
    /// Record a payout to a reseller (owner only).
    RecordPayoutCmd, "record_payout", PayoutInput => Vec<ResellerView>;
    /// Erase a reseller's name, number and code at their request (owner
    /// only).
    EraseResellerCmd, "erase_reseller", ResellerRef => Vec<ResellerView>;
    /// Save every reseller's figures as a spreadsheet (CSV; owner only).
    SaveResellersSheet, "save_resellers_sheet", NoArgs => SavedFile;
}
