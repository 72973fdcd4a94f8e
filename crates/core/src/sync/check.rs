//! What a change from another till must look like before it is taken: the
//! body reads as the row it claims to be, and belongs under the id it
//! travels with (a body naming another id would overwrite that row past
//! the conflict rules). The server refuses a change that does not
//! (`hosted::upload_in`, the pushing till then lists it as refused), and a
//! till sets aside one that still reaches it (`local::apply_pulled`: a
//! row stored before the server checked, or by a server of an older
//! version), so one hostile or broken till cannot stop the others' sync.
//!
//! A refusal names the kind of row, never its contents: reasons are shown
//! to the merchant and written to logs.

use crate::catalogue::photos::PhotoBody;
use crate::records;
use crate::records::customers::CustomerBody;
use crate::records::stock::Movement;
use dukadesk_domain::cashup::CashUp;
use dukadesk_domain::catalogue::{Category, Item};
use dukadesk_domain::credit::Repayment;
use dukadesk_domain::order::Order;
use dukadesk_domain::payment::PaymentAttempt;
use dukadesk_domain::refund::Refund;
use dukadesk_domain::resellers::{Payout, Reseller, ResellerCredit};
use dukadesk_domain::shop::{DeliveryZone, Shop};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::value::RawValue;
use uuid::Uuid;

/// A kind of row that travels between tills.
pub(crate) trait Body: DeserializeOwned {
    /// Its name in a refusal ("the order").
    const WHAT: &'static str;
    /// Whether it belongs under `id` and keeps its own rules.
    fn fits(&self, id: Uuid) -> bool;
}

/// A customer merged into another on some till (the loser's tombstone).
#[derive(Debug, Deserialize)]
pub(crate) struct Merged {
    /// The customer who stays.
    pub merged_into: Uuid,
}

/// Reads `body` as `T` travelling under `id`, or says why it cannot be.
pub(crate) fn read<T: Body>(id: Uuid, body: &serde_json::Value) -> Result<T, String> {
    fitted(id, T::deserialize(body))
}

fn fitted<T: Body>(id: Uuid, parsed: Result<T, serde_json::Error>) -> Result<T, String> {
    match parsed {
        Ok(row) if row.fits(id) => Ok(row),
        _ => Err(format!("{} is malformed", T::WHAT)),
    }
}

fn check<T: Body>(id: Uuid, body: &RawValue) -> Result<(), String> {
    fitted::<T>(id, serde_json::from_str(body.get())).map(drop)
}

/// Whether a pushed change can be stored: `Err` says why not. Kinds this
/// version does not know are left to the caller.
pub fn change(entity: &str, id: Uuid, deleted: bool, body: &RawValue) -> Result<(), String> {
    match entity {
        "shop" => check::<Shop>(id, body),
        "delivery_zone" => check::<DeliveryZone>(id, body),
        "category" => check::<Category>(id, body),
        "item" => check::<Item>(id, body),
        // The picture itself is decoded and checked by the tills that take
        // it (`catalogue::photos`); here only its shape and item.
        "item_photo" if deleted => Ok(()),
        "item_photo" => check::<PhotoBody>(id, body),
        "customer" if deleted => check::<Merged>(id, body),
        "customer" => check::<CustomerBody>(id, body),
        "order" => check::<Order>(id, body),
        "payment" => check::<PaymentAttempt>(id, body),
        "stock_movement" => check::<Movement>(id, body),
        "credit_payment" => check::<Repayment>(id, body),
        "refund" => check::<Refund>(id, body),
        "reseller" => check::<Reseller>(id, body),
        "reseller_credit" => check::<ResellerCredit>(id, body),
        "reseller_payout" => check::<Payout>(id, body),
        "cash_up" => check::<CashUp>(id, body),
        _ => Ok(()),
    }
}

impl Body for Shop {
    const WHAT: &'static str = "the shop's details";
    // One shop profile per shop, whatever id a till gave its row.
    fn fits(&self, _: Uuid) -> bool {
        true
    }
}

impl Body for DeliveryZone {
    const WHAT: &'static str = "the delivery zone";
    fn fits(&self, id: Uuid) -> bool {
        self.id.0 == id
    }
}

impl Body for Category {
    const WHAT: &'static str = "the category";
    fn fits(&self, id: Uuid) -> bool {
        self.id.0 == id
    }
}

impl Body for Item {
    const WHAT: &'static str = "the item";
    fn fits(&self, id: Uuid) -> bool {
        self.id.0 == id
    }
}

impl Body for PhotoBody {
    const WHAT: &'static str = "the item photo";
    fn fits(&self, id: Uuid) -> bool {
        self.item_id == id.to_string()
    }
}

impl Body for Merged {
    const WHAT: &'static str = "the customer merge";
    fn fits(&self, id: Uuid) -> bool {
        self.merged_into != id
    }
}

impl Body for CustomerBody {
    const WHAT: &'static str = "the customer";
    fn fits(&self, id: Uuid) -> bool {
        Uuid::parse_str(&self.id) == Ok(id)
    }
}

impl Body for Order {
    const WHAT: &'static str = "the order";
    fn fits(&self, id: Uuid) -> bool {
        self.id.0 == id
    }
}

impl Body for PaymentAttempt {
    const WHAT: &'static str = "the payment";
    fn fits(&self, id: Uuid) -> bool {
        self.id.0 == id
    }
}

impl Body for Movement {
    const WHAT: &'static str = "the stock movement";
    fn fits(&self, id: Uuid) -> bool {
        self.id == id && self.is_valid()
    }
}

impl Body for Repayment {
    const WHAT: &'static str = "the repayment";
    fn fits(&self, id: Uuid) -> bool {
        self.id.0 == id && records::credit::is_valid(self)
    }
}

impl Body for Refund {
    const WHAT: &'static str = "the refund";
    fn fits(&self, id: Uuid) -> bool {
        self.id.0 == id && self.is_valid()
    }
}

impl Body for Reseller {
    const WHAT: &'static str = "the reseller";
    fn fits(&self, id: Uuid) -> bool {
        self.id.0 == id && self.is_valid()
    }
}

impl Body for ResellerCredit {
    const WHAT: &'static str = "the reseller credit";
    fn fits(&self, id: Uuid) -> bool {
        self.order_id.0 == id && records::resellers::credit_is_valid(self)
    }
}

impl Body for Payout {
    const WHAT: &'static str = "the payout";
    fn fits(&self, id: Uuid) -> bool {
        self.id.0 == id && records::resellers::payout_is_valid(self)
    }
}

impl Body for CashUp {
    const WHAT: &'static str = "the cash-up";
    fn fits(&self, id: Uuid) -> bool {
        self.id.0 == id && records::cash_ups::is_valid(self)
    }
}
