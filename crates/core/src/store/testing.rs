//! Fixtures shared by this crate's tests: a store on a real temporary file
//! with a shop and a small catalogue.

use super::Store;
use dukadesk_domain::catalogue::{Item, ItemInput};
use dukadesk_domain::order::{ManualLineInput, ManualOrderInput, TillPayment};
use dukadesk_domain::shop::{ShopInput, ZoneInput};

/// A store with a shop, a zone and two counted items (stock 1,000,000 each).
pub(crate) async fn shop_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(&dir.path().join("dukadesk.db"))
        .await
        .expect("open");
    store
        .save_shop(&ShopInput {
            name: "Mama Mboga".into(),
            ..Default::default()
        })
        .await
        .expect("shop");
    store
        .save_zone(&ZoneInput {
            id: None,
            name: "CBD".into(),
            fee: "100".into(),
            active: true,
        })
        .await
        .expect("zone");
    for (name, price) in [("Sukuma wiki", "30"), ("Unga 2kg", "210")] {
        store
            .save_item(&ItemInput {
                name: name.into(),
                price: price.into(),
                stock: "1000000".into(),
                ..Default::default()
            })
            .await
            .expect("item");
    }
    (dir, store)
}

/// A paid-in-cash pickup order of one unit of each item.
pub(crate) fn sample_order(items: &[Item]) -> ManualOrderInput {
    ManualOrderInput {
        lines: items
            .iter()
            .map(|i| ManualLineInput {
                item_id: i.id,
                qty: 1,
            })
            .collect(),
        payment: TillPayment::Cash,
        ..Default::default()
    }
}
