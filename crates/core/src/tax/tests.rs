//! eTIMS against a real store and the KRA simulator: a sale gets exactly
//! one invoice with the right bands, numbered with no gap and signed in
//! order; offline sales wait and are signed later; a cancelled invoiced
//! sale gets its credit note; a lost answer never signs twice; bad set-up
//! and a line with no band say what to do, and the sale stands.

use super::oscu::Oscu;
use super::signer::{round, step, Stepped};
use crate::store::testing::shop_store;
use crate::store::Store;
use dukadesk_domain::catalogue::{Item, ItemInput};
use dukadesk_domain::ipc::{TaxInvoiceState, TaxOptions, TaxSetupInput};
use dukadesk_domain::order::{ManualLineInput, ManualOrderInput, OrderEvent, TillPayment};
use dukadesk_domain::tax::TaxBand;
use dukadesk_domain::Sensitive;
use dukadesk_sims::etims::{Config, EtimsSim};

struct Rig {
    _dir: tempfile::TempDir,
    store: Store,
    sim: EtimsSim,
    items: Vec<Item>,
}

fn setup(sim: &EtimsSim, default_band: Option<TaxBand>) -> TaxSetupInput {
    TaxSetupInput {
        environment: sim.base_url(),
        consumer_key: "kra-sim-key".into(),
        consumer_secret: Sensitive::new("kra-sim-secret".into()),
        pin: "p051234567x".into(),
        branch: "".into(),
        serial: "DUKA-TILL-1".into(),
        default_band,
        item_class: "5059690800".into(),
    }
}

/// The sample shop with Sukuma wiki exempt (A) and Unga at 16% VAT (B),
/// set up with the simulator as its eTIMS device.
async fn rig(default_band: Option<TaxBand>) -> Rig {
    let (dir, store) = shop_store().await;
    let sim = EtimsSim::start(Config::default()).await.expect("sim");
    for mut item in store.items(false).await.expect("items") {
        let band = if item.name.starts_with("Sukuma") {
            TaxBand::A
        } else {
            TaxBand::B
        };
        item.tax_band = Some(band);
        let mut input = ItemInput::from_item(&item);
        input.tax_band = Some(band);
        store.save_item(&input).await.expect("band");
    }
    let view = store
        .set_up_etims(&setup(&sim, default_band))
        .await
        .expect("set up");
    assert!(view.set_up && view.enabled, "{view:?}");
    assert_eq!(
        (view.pin.as_str(), view.branch.as_str()),
        ("P051234567X", "00")
    );
    let items = store.items(false).await.expect("items");
    Rig {
        _dir: dir,
        store,
        sim,
        items,
    }
}

/// The clerk at the till, for audit lines.
fn clerk() -> crate::privacy::audit::Actor {
    crate::privacy::audit::Actor::Staff("amina".into())
}

/// The actions of the audit log's lines about `order`, oldest first.
async fn audited(store: &Store, order: dukadesk_domain::OrderId) -> Vec<(String, String)> {
    let mut lines: Vec<(String, String)> = store
        .audit_log(100)
        .await
        .expect("audit log")
        .into_iter()
        .filter(|l| l.subject.as_deref() == Some(order.to_string().as_str()))
        .map(|l| (l.action, l.actor))
        .collect();
    lines.reverse();
    lines
}

fn sale(items: &[(&Item, u32)], payment: TillPayment) -> ManualOrderInput {
    ManualOrderInput {
        lines: items
            .iter()
            .map(|(i, qty)| ManualLineInput {
                item_id: i.id,
                qty: *qty,
                label: None,
            })
            .collect(),
        payment,
        ..Default::default()
    }
}

async fn client(store: &Store) -> (super::settings::Signing, Oscu) {
    let signing = store.tax_signing().await.expect("read").expect("set up");
    let oscu = Oscu::new(signing.config.clone()).expect("client");
    (signing, oscu)
}

/// Runs the signer until nothing is due now.
async fn sign_all(store: &Store) {
    let mut c = None;
    for _ in 0..20 {
        match round(store, &mut c).await.expect("round") {
            None => return,
            Some(at) if at > store.now() => return,
            Some(_) => {}
        }
    }
    panic!("the signer never settled");
}

#[tokio::test]
async fn a_counter_sale_gets_one_invoice_with_its_bands_signed_by_kra() {
    let r = rig(None).await;
    let (sukuma, unga) = (&r.items[0], &r.items[1]);
    assert!(sukuma.name.starts_with("Sukuma"));
    let order = r
        .store
        .create_manual_order(&sale(&[(sukuma, 3), (unga, 2)], TillPayment::Cash), "Amina")
        .await
        .expect("sale");
    let unsigned = r.store.unsigned_invoices().await.expect("list");
    assert_eq!(unsigned.len(), 1, "{unsigned:?}");
    assert_eq!(unsigned[0].number, 1);
    assert_eq!(unsigned[0].order_number, order.order.number);
    // 3 × 30 exempt + 2 × 210 at 16%: 510, of which 420 × 16/116 = 57.93.
    assert_eq!(unsigned[0].total_minor, 51_000);
    assert_eq!(unsigned[0].tax_minor, Some(5_793));

    sign_all(&r.store).await;
    let signed = r.sim.signed();
    assert_eq!(signed.len(), 1);
    let s = &signed[0];
    assert_eq!((s.number, s.receipt_type.as_str()), (1, "S"));
    assert_eq!((s.total_minor, s.tax_minor), (51_000, 5_793));
    assert_eq!(s.request["pmtTyCd"], "01");
    assert_eq!(s.request["taxblAmtA"], 90.0);
    assert_eq!(s.request["taxblAmtB"], 420.0);
    assert_eq!(s.request["taxAmtB"], 57.93);
    assert_eq!(s.request["itemList"][1]["taxTyCd"], "B");

    let invoices = r.store.invoices_of(order.order.id).await.expect("order's");
    assert_eq!(invoices.len(), 1);
    assert_eq!(invoices[0].state, TaxInvoiceState::Signed);
    assert_eq!(invoices[0].signature.as_deref(), Some(s.signature.as_str()));
    assert_eq!(
        invoices[0].verify_url.as_deref(),
        Some(
            format!(
                "https://etims.kra.go.ke/common/link/etims/receipt/indexEtimsReceiptData?Data=P051234567X00{}",
                s.signature
            )
            .as_str()
        )
    );
    assert!(r.store.unsigned_invoices().await.expect("list").is_empty());
    // Signing again finds nothing: KRA was asked once.
    sign_all(&r.store).await;
    assert_eq!(r.sim.sales_calls(), 1);
}

#[tokio::test]
async fn offline_sales_wait_and_are_signed_in_order_later() {
    let r = rig(None).await;
    r.sim.set_offline(true);
    let mut orders = Vec::new();
    for qty in 1..=3 {
        let o = r
            .store
            .create_manual_order(&sale(&[(&r.items[1], qty)], TillPayment::Cash), "Amina")
            .await
            .expect("a sale is never blocked by KRA");
        orders.push(o);
    }
    let (signing, oscu) = client(&r.store).await;
    assert_eq!(
        step(&r.store, &signing, &oscu).await.expect("step"),
        Stepped::Waits(1)
    );
    let unsigned = r.store.unsigned_invoices().await.expect("list");
    assert_eq!(
        unsigned.iter().map(|i| i.number).collect::<Vec<_>>(),
        [1, 2, 3]
    );
    assert!(
        unsigned[0]
            .reason
            .as_deref()
            .is_some_and(|w| w.contains("cannot be reached")),
        "{unsigned:?}"
    );
    assert_eq!(unsigned[0].state, TaxInvoiceState::Queued, "nothing left");
    // Back online: staff's "Send now", and all three go, in order.
    r.sim.set_offline(false);
    r.store.send_invoices_now().await.expect("now");
    sign_all(&r.store).await;
    let signed = r.sim.signed();
    assert_eq!(
        signed
            .iter()
            .map(|s| (s.number, s.total_minor))
            .collect::<Vec<_>>(),
        [(1, 21_000), (2, 42_000), (3, 63_000)]
    );
    assert!(r.store.unsigned_invoices().await.expect("list").is_empty());
}

#[tokio::test]
async fn a_cancelled_invoiced_sale_gets_a_credit_note_for_it() {
    let r = rig(Some(TaxBand::B)).await;
    let zone = r
        .store
        .zones(dukadesk_domain::Currency::KES)
        .await
        .expect("zones")[0]
        .id;
    let mut input = sale(
        &[(&r.items[0], 2)],
        TillPayment::MpesaReceipt("SGH4ABC123".into()),
    );
    input.zone_id = Some(zone);
    input.address = "Moi Avenue".into();
    input.customer_phone = "0712 345 678".into();
    let order = r
        .store
        .create_manual_order(&input, "Amina")
        .await
        .expect("delivery sale");
    sign_all(&r.store).await;
    r.store
        .apply_order_event(order.order.id, OrderEvent::Cancel, "Amina")
        .await
        .expect("cancel");
    sign_all(&r.store).await;
    let signed = r.sim.signed();
    assert_eq!(signed.len(), 2, "{signed:?}");
    // The sale: sukuma exempt, the delivery fee in the default band.
    assert_eq!(signed[0].request["pmtTyCd"], "06");
    assert_eq!(signed[0].request["taxblAmtA"], 60.0);
    assert_eq!(signed[0].request["taxblAmtB"], 100.0);
    assert_eq!(
        (
            signed[1].receipt_type.as_str(),
            signed[1].original,
            signed[1].number
        ),
        ("R", 1, 2)
    );
    assert_eq!(signed[1].total_minor, signed[0].total_minor);
    let invoices = r.store.invoices_of(order.order.id).await.expect("order's");
    assert_eq!(invoices.len(), 2);
    assert_eq!(invoices[1].credit_note_for, Some(1));
    // Cancelling is final: no second credit note.
    assert!(r
        .store
        .apply_order_event(order.order.id, OrderEvent::Cancel, "Amina")
        .await
        .is_err());
    assert_eq!(
        r.store
            .invoices_of(order.order.id)
            .await
            .expect("again")
            .len(),
        2
    );
}

#[tokio::test]
async fn a_lost_answer_is_sent_again_under_its_number_and_signed_once() {
    let r = rig(None).await;
    r.store
        .create_manual_order(&sale(&[(&r.items[1], 1)], TillPayment::Cash), "Amina")
        .await
        .expect("sale");
    r.sim.lose_next_answer();
    let (signing, oscu) = client(&r.store).await;
    assert_eq!(
        step(&r.store, &signing, &oscu).await.expect("step"),
        Stepped::Waits(1)
    );
    let waiting = r.store.unsigned_invoices().await.expect("list");
    assert_eq!(waiting[0].state, TaxInvoiceState::Sending);
    // The app restarts: a new client, the same invoice, the same number.
    r.store.send_invoices_now().await.expect("now");
    let (signing, oscu) = client(&r.store).await;
    assert_eq!(
        step(&r.store, &signing, &oscu).await.expect("again"),
        Stepped::Signed(1)
    );
    assert_eq!(r.sim.signed().len(), 1, "KRA holds it once");
    assert_eq!(r.sim.sales_calls(), 2);
    let invoice = &r.store.unsigned_invoices().await.expect("list");
    assert!(invoice.is_empty());
    // The next sale follows on at 2.
    r.store
        .create_manual_order(&sale(&[(&r.items[1], 1)], TillPayment::Cash), "Amina")
        .await
        .expect("sale");
    sign_all(&r.store).await;
    assert_eq!(
        r.sim.signed().iter().map(|s| s.number).collect::<Vec<_>>(),
        [1, 2]
    );
}

#[tokio::test]
async fn a_line_with_no_band_waits_with_its_name_and_the_sale_stands() {
    let r = rig(None).await;
    let mut input = ItemInput {
        name: "Maandazi".into(),
        price: "10".into(),
        ..Default::default()
    };
    let item = r.store.save_item(&input).await.expect("no band");
    let view = r.store.tax_settings().await.expect("view");
    assert_eq!(view.items_without_band, 1, "Maandazi has none");
    let order = r
        .store
        .create_manual_order(&sale(&[(&item, 5)], TillPayment::Cash), "Amina")
        .await
        .expect("the sale stands");
    r.store
        .create_manual_order(&sale(&[(&r.items[1], 1)], TillPayment::Cash), "Amina")
        .await
        .expect("a later sale");
    sign_all(&r.store).await;
    let unsigned = r.store.unsigned_invoices().await.expect("list");
    assert_eq!(unsigned.len(), 2, "the later one waits behind it");
    assert!(
        unsigned[0]
            .reason
            .as_deref()
            .is_some_and(|w| w.contains("\"Maandazi\" has no tax band")),
        "{unsigned:?}"
    );
    assert_eq!(r.sim.sales_calls(), 0, "nothing unsendable was sent");
    // Staff give it a band: both are signed, in order.
    input.id = Some(item.id);
    input.tax_band = Some(TaxBand::B);
    r.store.save_item(&input).await.expect("band");
    r.store.send_invoices_now().await.expect("now");
    sign_all(&r.store).await;
    assert_eq!(
        r.sim.signed().iter().map(|s| s.number).collect::<Vec<_>>(),
        [1, 2]
    );
    assert_eq!(r.sim.signed()[0].request["taxblAmtB"], 50.0);
    assert_eq!(
        r.store.invoices_of(order.order.id).await.expect("order's")[0].state,
        TaxInvoiceState::Signed
    );
}

#[tokio::test]
async fn only_this_tills_own_real_sales_after_set_up_are_invoiced() {
    let (_dir, store) = shop_store().await;
    let sim = EtimsSim::start(Config::default()).await.expect("sim");
    let items = store.items(false).await.expect("items");
    // Before eTIMS is set up: never invoiced, even when moved on later.
    store
        .create_manual_order(&sale(&[(&items[0], 1)], TillPayment::Cash), "Amina")
        .await
        .expect("early sale");
    store
        .set_up_etims(&setup(&sim, Some(TaxBand::B)))
        .await
        .expect("set up");
    // Turned off: sales are not invoiced.
    store
        .save_tax_options(&TaxOptions {
            enabled: false,
            default_band: Some(TaxBand::B),
        })
        .await
        .expect("off");
    store
        .create_manual_order(&sale(&[(&items[0], 1)], TillPayment::Cash), "Amina")
        .await
        .expect("sale while off");
    assert!(store.unsigned_invoices().await.expect("list").is_empty());
    store
        .save_tax_options(&TaxOptions {
            enabled: true,
            default_band: Some(TaxBand::B),
        })
        .await
        .expect("on");
    // An unpaid order is not a sale yet.
    let unpaid = store
        .create_manual_order(&sale(&[(&items[0], 1)], TillPayment::Unpaid), "Amina")
        .await
        .expect("unpaid");
    assert!(store.unsigned_invoices().await.expect("list").is_empty());
    assert!(store
        .invoices_of(unpaid.order.id)
        .await
        .expect("none")
        .is_empty());
    // A sale on credit is a sale, and so is one in cash.
    let mut on_credit = sale(&[(&items[0], 1)], TillPayment::Credit);
    on_credit.customer_phone = "0712 345 678".into();
    on_credit.customer_name = "Wanjiru".into();
    store
        .create_manual_order(&on_credit, "Amina")
        .await
        .expect("credit sale");
    store
        .create_manual_order(&sale(&[(&items[0], 1)], TillPayment::Cash), "Amina")
        .await
        .expect("cash sale");
    let unsigned = store.unsigned_invoices().await.expect("list");
    assert_eq!(
        unsigned.iter().map(|i| i.number).collect::<Vec<_>>(),
        [1, 2],
        "numbered from 1 with no gap"
    );
    // An order another till moved (its row carries that till's id) is
    // that till's to invoice.
    let elsewhere = store
        .create_manual_order(&sale(&[(&items[0], 1)], TillPayment::Unpaid), "Amina")
        .await
        .expect("unpaid");
    sqlx::query("UPDATE orders SET status = 'paid', version_device = 'other-till' WHERE id = ?")
        .bind(elsewhere.order.id.to_string())
        .execute(store.pool())
        .await
        .expect("as if pulled");
    let mut tx = store.pool().begin().await.expect("tx");
    assert!(
        !super::invoices::follow_order_in(&mut tx, elsewhere.order.id, store.now())
            .await
            .expect("follow")
    );
    tx.commit().await.expect("commit");
    sign_all(&store).await;
    let signed = sim.signed();
    assert_eq!(
        signed
            .iter()
            .map(|s| s.request["pmtTyCd"].as_str().unwrap_or(""))
            .collect::<Vec<_>>(),
        ["02", "01"]
    );
}

#[tokio::test]
async fn bad_set_up_says_which_field_is_wrong_and_saves_nothing() {
    let (_dir, store) = shop_store().await;
    let sim = EtimsSim::start(Config::default()).await.expect("sim");
    let field_of = |e: crate::store::StoreError| match e {
        crate::store::StoreError::Invalid(errors) => {
            errors.into_iter().map(|f| f.field).collect::<Vec<_>>()
        }
        other => panic!("not a field error: {other:?}"),
    };
    let mut bad = setup(&sim, None);
    bad.pin = "12345".into();
    bad.branch = "1".into();
    bad.serial = " ".into();
    let err = store.set_up_etims(&bad).await.expect_err("typed wrong");
    assert_eq!(field_of(err), ["pin", "branch", "serial"]);

    let mut wrong_pin = setup(&sim, None);
    wrong_pin.pin = "P000000000A".into();
    let err = store.set_up_etims(&wrong_pin).await.expect_err("KRA: 901");
    assert_eq!(field_of(err), ["pin"]);

    let mut wrong_secret = setup(&sim, None);
    wrong_secret.consumer_secret = Sensitive::new("nope".into());
    let err = store.set_up_etims(&wrong_secret).await.expect_err("401");
    assert_eq!(field_of(err), ["consumer_secret"]);

    sim.set_offline(true);
    let err = store
        .set_up_etims(&setup(&sim, None))
        .await
        .expect_err("offline");
    assert_eq!(field_of(err), ["environment"]);
    assert!(!store.tax_settings().await.expect("view").set_up);
    assert!(sim.devices().is_empty());

    // Set up once; again with the same device asks KRA nothing more (KRA
    // would answer 902).
    sim.set_offline(false);
    store
        .set_up_etims(&setup(&sim, None))
        .await
        .expect("set up");
    let view = store
        .set_up_etims(&setup(&sim, Some(TaxBand::B)))
        .await
        .expect("same device");
    assert_eq!(view.default_band, Some(TaxBand::B));
    assert_eq!(sim.devices(), ["DUKA-TILL-1"]);
    // A serial KRA already set up elsewhere: said beside the serial.
    let (_dir2, other) = shop_store().await;
    let err = other
        .set_up_etims(&setup(&sim, None))
        .await
        .expect_err("902");
    assert_eq!(field_of(err), ["serial"]);
    // The communication key is in the vault, never in the plain table.
    let bytes = crate::store::testing::file_bytes(&store);
    let signing = store.tax_signing().await.expect("read").expect("set up");
    assert!(!crate::store::testing::holds(
        &bytes,
        signing.keys.cmc_key.expose()
    ));
}

#[tokio::test]
async fn the_receipt_carries_the_invoice_and_shows_when_kra_has_not_signed_yet() {
    let r = rig(None).await;
    r.sim.set_offline(true);
    let order = r
        .store
        .create_manual_order(
            &sale(&[(&r.items[0], 3), (&r.items[1], 2)], TillPayment::Cash),
            "Amina",
        )
        .await
        .expect("sale");
    // Not signed yet: the receipt says so, and prints no code.
    let waiting = r
        .store
        .receipt(order.order.id, None)
        .await
        .expect("receipt");
    let text = waiting.text(32).join("\n");
    assert!(text.contains("TAX INVOICE (KRA eTIMS)"), "{text}");
    assert!(text.contains("P051234567X"));
    assert!(text.contains("Waiting for KRA's"), "{text}");
    assert!(!waiting
        .rows(32)
        .iter()
        .any(|r| matches!(r, dukadesk_domain::receipt::Row::Qr(_))));

    r.sim.set_offline(false);
    r.store.send_invoices_now().await.expect("now");
    sign_all(&r.store).await;
    let signed = r.sim.signed();
    let receipt = r
        .store
        .receipt(order.order.id, None)
        .await
        .expect("receipt");
    let tax = receipt.tax.clone().expect("the invoice");
    assert_eq!(tax.invoice_number, 1);
    let s = tax.signed.clone().expect("signed");
    assert_eq!(s.signature, signed[0].signature);
    for columns in [32, 48] {
        let lines = receipt.text(columns);
        let text = lines.join("\n");
        for words in ["A · Exempt", "B · VAT 16%", "57.93", "SCU ID", &s.signature] {
            assert!(text.contains(words), "{words} missing:\n{text}");
        }
        assert!(
            receipt.rows(columns).iter().all(|row| match row {
                dukadesk_domain::receipt::Row::Text(t) => t.chars().count() <= columns,
                _ => true,
            }),
            "a line is wider than the roll:\n{text}"
        );
    }
    assert!(receipt
        .rows(48)
        .contains(&dukadesk_domain::receipt::Row::Qr(s.verify_url.clone())));

    // The PDF sent over WhatsApp draws the code, and it reads as KRA's
    // verification address.
    #[cfg(not(windows))]
    {
        let pdf = crate::orders::receipt::receipt_pdf(&receipt);
        if let Ok(keep) = std::env::var("DUKADESK_KEEP_RECEIPT") {
            std::fs::write(keep, &pdf).expect("kept");
        }
        let dir = tempfile::tempdir().expect("dir");
        let (w, h, grey) = crate::pdf::testing::render(&pdf, dir.path(), "receipt", 150);
        let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| grey[y * w + x]);
        let grids = img.detect_grids();
        assert_eq!(grids.len(), 1, "one code on the receipt");
        let (_, url) = grids[0].decode().expect("the code reads");
        assert_eq!(
            url,
            format!(
                "https://etims.kra.go.ke/common/link/etims/receipt/indexEtimsReceiptData?Data=P051234567X00{}",
                s.signature
            )
        );
    }
}

#[tokio::test]
async fn a_business_buyers_pin_goes_on_their_invoice_and_receipt() {
    let r = rig(None).await;
    let mut input = sale(&[(&r.items[1], 1)], TillPayment::Cash);
    input.buyer_pin = "a 123456789 z".into();
    let order = r
        .store
        .create_manual_order(&input, "Amina")
        .await
        .expect("a B2B sale");
    sign_all(&r.store).await;
    let signed = r.sim.signed();
    assert_eq!(signed[0].request["custTin"], "A123456789Z");
    let receipt = r
        .store
        .receipt(order.order.id, None)
        .await
        .expect("receipt");
    assert!(
        receipt
            .text(32)
            .iter()
            .any(|l| l.starts_with("Buyer PIN") && l.ends_with("A123456789Z")),
        "{:#?}",
        receipt.text(32)
    );
    // A PIN typed wrong is said beside the field, and nothing is sold.
    input.buyer_pin = "A12345".into();
    let before = r.store.unsigned_invoices().await.expect("list").len();
    match r.store.create_manual_order(&input, "Amina").await {
        Err(crate::store::StoreError::Invalid(errors)) => {
            assert_eq!(errors[0].field, "buyer_pin", "{errors:?}");
        }
        other => panic!("not refused: {other:?}"),
    }
    assert_eq!(
        r.store.unsigned_invoices().await.expect("list").len(),
        before
    );
    assert_eq!(r.sim.signed().len(), 1);
}

#[tokio::test]
async fn invoices_whose_keys_are_gone_wait_for_set_up_then_go_as_a_new_devices_first() {
    let r = rig(None).await;
    let unga = &r.items[1];
    r.store
        .create_manual_order(&sale(&[(unga, 1)], TillPayment::Cash), "Amina")
        .await
        .expect("first sale");
    sign_all(&r.store).await;
    let second = r
        .store
        .create_manual_order(&sale(&[(unga, 2)], TillPayment::Cash), "Amina")
        .await
        .expect("second sale");
    // The vault lost the keys (a new computer, a reset): the invoice waits
    // with what to do, and KRA is not called.
    r.store.delete_secret("tax_keys").await.expect("gone");
    let mut c = None;
    let at = round(&r.store, &mut c).await.expect("round");
    assert!(at.is_some_and(|at| at > r.store.now()));
    let unsigned = r.store.unsigned_invoices().await.expect("list");
    assert_eq!(
        unsigned[0].reason.as_deref(),
        Some(super::signer::NOT_SET_UP)
    );
    assert_eq!(r.sim.sales_calls(), 1, "only the first sale's");
    // KRA will not set the same serial up twice (902); a new device takes
    // the waiting invoice as its own first.
    r.store
        .set_up_etims(&setup(&r.sim, None))
        .await
        .expect_err("KRA set this serial up already (902)");
    let mut again = setup(&r.sim, None);
    again.serial = "DUKA-TILL-1B".into();
    r.store.set_up_etims(&again).await.expect("a new device");
    r.store.send_invoices_now().await.expect("now");
    sign_all(&r.store).await;
    let signed = r.sim.signed();
    assert_eq!(
        signed
            .iter()
            .map(|s| (s.number, s.total_minor))
            .collect::<Vec<_>>(),
        [(1, 21_000), (1, 42_000)],
        "each device numbers from 1"
    );
    let receipt = r
        .store
        .receipt(second.order.id, None)
        .await
        .expect("receipt");
    assert_eq!(receipt.tax.expect("invoice").invoice_number, 1);
}

#[tokio::test]
async fn erasing_a_customer_takes_their_name_off_the_invoice_and_keeps_the_figures() {
    let r = rig(None).await;
    let mut input = sale(&[(&r.items[1], 1)], TillPayment::Cash);
    input.customer_phone = "0712 345 678".into();
    input.customer_name = "Wanjiru Kamau".into();
    let order = r
        .store
        .create_manual_order(&input, "Amina")
        .await
        .expect("sale");
    sign_all(&r.store).await;
    assert_eq!(r.sim.signed()[0].request["custNm"], "Wanjiru Kamau");
    let name = || async {
        sqlx::query_scalar::<_, Option<String>>(
            "SELECT customer_name FROM tax_invoices WHERE order_id = ?",
        )
        .bind(order.order.id.to_string())
        .fetch_one(r.store.pool())
        .await
        .expect("invoice")
    };
    assert_eq!(name().await.as_deref(), Some("Wanjiru Kamau"));
    let found = r
        .store
        .list_customers("0712 345", 10)
        .await
        .expect("search");
    r.store
        .erase_customer(
            found[0].id,
            &crate::privacy::Actor::Staff("owner".into()),
            crate::privacy::ErasureSource::Staff,
        )
        .await
        .expect("erase");
    assert_eq!(name().await, None);
    let invoices = r.store.invoices_of(order.order.id).await.expect("kept");
    assert_eq!(
        (invoices[0].state, invoices[0].total_minor),
        (TaxInvoiceState::Signed, 21_000)
    );
}

#[tokio::test]
async fn items_are_registered_with_kra_once_before_their_first_sale_and_again_when_changed() {
    let r = rig(Some(TaxBand::B)).await;
    let (sukuma, unga) = (&r.items[0], &r.items[1]);
    let zone = r
        .store
        .zones(dukadesk_domain::Currency::KES)
        .await
        .expect("zones")[0]
        .id;
    for _ in 0..2 {
        let mut input = sale(&[(sukuma, 1), (unga, 1)], TillPayment::Cash);
        input.zone_id = Some(zone);
        input.address = "Moi Avenue".into();
        input.customer_phone = "0712 345 678".into();
        r.store
            .create_manual_order(&input, "Amina")
            .await
            .expect("sale");
    }
    sign_all(&r.store).await;
    let items = r.sim.items();
    // Sukuma, Unga and the delivery fee, each once, under the shop's class.
    assert_eq!(
        items
            .iter()
            .map(|i| (i.name.as_str(), i.band.as_str(), i.saves))
            .collect::<Vec<_>>(),
        [
            ("Sukuma wiki", "A", 1),
            ("Unga 2kg", "B", 1),
            ("Delivery", "B", 1)
        ]
    );
    assert!(items.iter().all(|i| i.class == "5059690800"));
    let codes: std::collections::HashSet<_> = items.iter().map(|i| i.code.clone()).collect();
    assert_eq!(codes.len(), 3, "one code each");
    assert_eq!(r.sim.signed().len(), 2);
    // Unga moves to band A: saved again under its code before the next sale.
    let mut input = ItemInput::from_item(unga);
    input.tax_band = Some(TaxBand::A);
    r.store.save_item(&input).await.expect("band A");
    r.store
        .create_manual_order(&sale(&[(unga, 1)], TillPayment::Cash), "Amina")
        .await
        .expect("sale");
    sign_all(&r.store).await;
    let unga_at_kra = r
        .sim
        .items()
        .into_iter()
        .find(|i| i.name == "Unga 2kg")
        .expect("registered");
    assert_eq!((unga_at_kra.band.as_str(), unga_at_kra.saves), ("A", 2));
    assert_eq!(r.sim.signed().len(), 3);
}

#[tokio::test]
async fn with_no_classification_code_items_wait_to_be_registered() {
    let r = rig(None).await;
    // A till set up before items were registered has no code saved.
    sqlx::query("UPDATE tax_device SET item_class = ''")
        .execute(r.store.pool())
        .await
        .expect("as before");
    r.store
        .create_manual_order(&sale(&[(&r.items[1], 1)], TillPayment::Cash), "Amina")
        .await
        .expect("the sale stands");
    sign_all(&r.store).await;
    let unsigned = r.store.unsigned_invoices().await.expect("list");
    assert_eq!(
        unsigned[0].reason.as_deref(),
        Some(super::signer::no_item_class(&r.items[1].name).as_str())
    );
    assert!(r.sim.items().is_empty());
    assert_eq!(r.sim.sales_calls(), 0);
    // Saved in Settings → Tax: registered and signed.
    r.store
        .set_up_etims(&setup(&r.sim, None))
        .await
        .expect("saved");
    r.store.send_invoices_now().await.expect("now");
    sign_all(&r.store).await;
    assert_eq!(r.sim.items().len(), 1);
    assert_eq!(r.sim.signed().len(), 1);
}

#[tokio::test]
async fn a_buyer_who_gives_their_pin_after_the_sale_gets_a_credit_note_and_a_new_invoice() {
    use crate::store::StoreError;
    let r = rig(None).await;
    let unga = &r.items[1];
    let order = r
        .store
        .create_manual_order(&sale(&[(unga, 2)], TillPayment::Cash), "Amina")
        .await
        .expect("sale");
    let id = order.order.id;
    // Not sent yet: the invoice just takes the PIN.
    assert!(!r
        .store
        .reissue_invoice(id, "a 123456789 z", &clerk())
        .await
        .expect("a queued invoice takes the PIN"));
    sign_all(&r.store).await;
    assert_eq!(r.sim.signed()[0].request["custTin"], "A123456789Z");

    // A PIN that is not one, or the one it carries: said beside the field.
    for (pin, says) in [
        ("12345", "letter, nine digits"),
        ("A123456789Z", "already carries"),
    ] {
        match r.store.reissue_invoice(id, pin, &clerk()).await {
            Err(StoreError::Invalid(f)) => {
                assert_eq!(f[0].field, "buyer_pin");
                assert!(f[0].message.contains(says), "{}", f[0].message);
            }
            other => panic!("{pin}: {other:?}"),
        }
    }
    assert_eq!(r.sim.signed().len(), 1, "nothing more was queued");
    // The PIN put on the queued invoice is in the audit log, by whom; the
    // refusals wrote nothing.
    let reissued = ("tax.invoice_reissued".to_owned(), "staff:amina".to_owned());
    assert_eq!(audited(&r.store, id).await, vec![reissued.clone()]);

    // Signed already: a credit note for it, then a new invoice with the
    // buyer's (corrected) PIN, signed in that order.
    assert!(r
        .store
        .reissue_invoice(id, "P051234567Y", &clerk())
        .await
        .expect("issued again"));
    sign_all(&r.store).await;
    let signed = r.sim.signed();
    assert_eq!(signed.len(), 3, "{signed:?}");
    assert_eq!(
        (signed[1].receipt_type.as_str(), signed[1].original),
        ("R", 1)
    );
    assert_eq!(signed[1].total_minor, signed[0].total_minor);
    assert_eq!(signed[1].request["custTin"], "A123456789Z");
    assert_eq!(
        (signed[2].receipt_type.as_str(), signed[2].number),
        ("S", 3)
    );
    assert_eq!(signed[2].request["custTin"], "P051234567Y");
    assert_eq!(signed[2].total_minor, signed[0].total_minor);
    let invoices = r.store.invoices_of(id).await.expect("order's");
    assert_eq!(invoices.len(), 3);
    assert_eq!(invoices[1].credit_note_for, Some(1));
    assert_eq!(
        audited(&r.store, id).await,
        vec![reissued.clone(), reissued.clone()]
    );
    // The receipt shows the invoice that stands.
    let tax = r
        .store
        .receipt_tax(id)
        .await
        .expect("tax")
        .expect("invoiced");
    assert_eq!(tax.invoice_number, 3);
    assert_eq!(tax.buyer_pin.as_deref(), Some("P051234567Y"));

    // Cancelled afterwards: the credit note is for the invoice that stands.
    r.store
        .apply_order_event(id, OrderEvent::Cancel, "Amina")
        .await
        .expect("cancel");
    sign_all(&r.store).await;
    let signed = r.sim.signed();
    assert_eq!(signed.len(), 4);
    assert_eq!(
        (signed[3].receipt_type.as_str(), signed[3].original),
        ("R", 3)
    );
    // Nothing stands now: nothing to issue again.
    assert!(matches!(
        r.store.reissue_invoice(id, "P051234567Z", &clerk()).await,
        Err(StoreError::Refused(_))
    ));

    // An invoice whose answer from KRA was lost waits until it is signed.
    let other = r
        .store
        .create_manual_order(&sale(&[(unga, 1)], TillPayment::Cash), "Amina")
        .await
        .expect("sale");
    r.sim.lose_next_answer();
    let (signing, oscu) = client(&r.store).await;
    assert_eq!(
        step(&r.store, &signing, &oscu).await.expect("step"),
        Stepped::Waits(5)
    );
    match r
        .store
        .reissue_invoice(other.order.id, "P051234567Y", &clerk())
        .await
    {
        Err(StoreError::Refused(m)) => assert!(m.contains("on its way to KRA"), "{m}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        audited(&r.store, id).await,
        vec![reissued.clone(), reissued]
    );
    assert!(audited(&r.store, other.order.id).await.is_empty());
}

/// A file from before invoices could be issued again (hosted at local
/// migration 0026, with one sale per order) upgrades with its sales, credit
/// notes and their links intact.
#[tokio::test]
async fn a_file_with_credit_notes_upgrades_to_several_invoices_per_order() {
    use sqlx::Connection as _;
    let r = rig(None).await;
    let order = r
        .store
        .create_manual_order(&sale(&[(&r.items[1], 1)], TillPayment::Cash), "Amina")
        .await
        .expect("sale");
    r.store
        .apply_order_event(order.order.id, OrderEvent::Cancel, "Amina")
        .await
        .expect("cancel");
    sign_all(&r.store).await;
    let Rig {
        _dir: dir,
        store,
        sim,
        ..
    } = r;
    store.close().await;
    let path = dir.path().join("dukadesk.db");

    // The table as local migration 0021 made it, and 0027 not yet run.
    let old = include_str!("../../../../migrations/local/0021_tax_invoices.sql");
    let start = old
        .find("CREATE TABLE tax_invoices (")
        .expect("the old table");
    let end = start + old[start..].find(") STRICT;").expect("its end") + ") STRICT;".len();
    let old_table = old[start..end].replace(
        "CREATE TABLE tax_invoices (",
        "CREATE TABLE tax_invoices_old (",
    );
    let mut conn = sqlx::SqliteConnection::connect(&format!("sqlite://{}", path.display()))
        .await
        .expect("the file");
    for sql in [
        "PRAGMA foreign_keys = OFF".to_owned(),
        old_table,
        // The columns of then (later migrations added more).
        "INSERT INTO tax_invoices_old SELECT number, order_id, kind, original, order_number,
             customer_name, customer_pin, payment, lines, sold_at, state, attempts, next_try_at,
             last_error, kra_number, receipt_no, internal_data, signature, kra_time, sdc_id,
             created_at, updated_at FROM tax_invoices"
            .into(),
        "DROP TABLE tax_invoices".into(),
        "ALTER TABLE tax_invoices_old RENAME TO tax_invoices".into(),
        // Applied again in order: the table made anew, then its refund link.
        "DELETE FROM _sqlx_migrations WHERE version IN (27, 30)".into(),
    ] {
        sqlx::query(&sql)
            .execute(&mut conn)
            .await
            .unwrap_or_else(|e| panic!("{sql}: {e}"));
    }
    conn.close().await.expect("closed");

    let store = Store::open(&path).await.expect("upgraded");
    let invoices = store.invoices_of(order.order.id).await.expect("kept");
    assert_eq!(invoices.len(), 2);
    assert_eq!(invoices[1].credit_note_for, Some(invoices[0].number));
    let broken: Vec<(String,)> = sqlx::query_as("SELECT \"table\" FROM pragma_foreign_key_check")
        .fetch_all(crate::store::testing::pool(&store))
        .await
        .expect("check");
    assert!(broken.is_empty(), "{broken:?}");
    drop(sim);
}

#[tokio::test]
async fn money_given_back_on_an_invoiced_sale_gets_a_credit_note_for_that_much() {
    let r = rig(Some(TaxBand::B)).await;
    // Sukuma (band A) and the other item (band B).
    let order = r
        .store
        .create_manual_order(
            &sale(
                &[(&r.items[0], 2), (&r.items[1], 1)],
                TillPayment::MpesaReceipt("SGH4ABC124".into()),
            ),
            "Amina",
        )
        .await
        .expect("sale");
    let total = order.order.total.minor;
    sign_all(&r.store).await;
    let give = |amount: i64| dukadesk_domain::refund::RefundInput {
        order_id: order.order.id,
        amount: format!("{}.{:02}", amount / 100, amount % 100),
        method: "mpesa".into(),
        receipt: String::new(),
        reason: "returned".into(),
    };
    // A third goes back: a credit note for it, shared over both bands.
    let third = total / 3;
    r.store
        .refund_order(&give(third), "Owner")
        .await
        .expect("part back");
    sign_all(&r.store).await;
    let signed = r.sim.signed();
    assert_eq!(signed.len(), 2, "{signed:?}");
    assert_eq!(
        (signed[1].receipt_type.as_str(), signed[1].original),
        ("R", 1)
    );
    assert_eq!(signed[1].total_minor, third);
    let band = |i: usize, b: &str| {
        signed[i].request[format!("taxblAmt{b}")]
            .as_f64()
            .unwrap_or(0.0)
    };
    assert!(
        band(1, "A") > 0.0 && band(1, "B") > 0.0,
        "{:?}",
        signed[1].request
    );
    // The sale stands: cancelling it credits what is left, no more.
    r.store
        .apply_order_event(order.order.id, OrderEvent::Cancel, "Amina")
        .await
        .expect("cancel");
    sign_all(&r.store).await;
    let signed = r.sim.signed();
    assert_eq!(signed.len(), 3, "{signed:?}");
    assert_eq!(
        (signed[2].original, signed[2].total_minor),
        (1, total - third)
    );
    let credited: i64 = signed[1..].iter().map(|s| s.total_minor).sum();
    assert_eq!(
        credited, signed[0].total_minor,
        "the sale is credited once in all"
    );
    let rows = r.store.invoices_of(order.order.id).await.expect("rows");
    assert_eq!(rows.len(), 3);
    assert!(rows[1..].iter().all(|row| row.credit_note_for == Some(1)));
}

#[tokio::test]
async fn a_sale_whose_money_all_went_back_is_credited_once_and_not_again_on_cancelling() {
    let r = rig(Some(TaxBand::B)).await;
    let order = r
        .store
        .create_manual_order(&sale(&[(&r.items[1], 2)], TillPayment::Cash), "Amina")
        .await
        .expect("sale");
    let total = order.order.total;
    r.store
        .refund_order(
            &dukadesk_domain::refund::RefundInput {
                order_id: order.order.id,
                amount: total.amount_text(),
                method: "cash".into(),
                receipt: String::new(),
                reason: "all returned".into(),
            },
            "Owner",
        )
        .await
        .expect("all back");
    r.store
        .apply_order_event(order.order.id, OrderEvent::Cancel, "Amina")
        .await
        .expect("cancel");
    sign_all(&r.store).await;
    let signed = r.sim.signed();
    assert_eq!(signed.len(), 2, "the sale and one credit note: {signed:?}");
    assert_eq!(signed[1].total_minor, signed[0].total_minor);
    // Nothing stands to issue again with a buyer's PIN.
    assert!(r
        .store
        .reissue_invoice(order.order.id, "P051234567Z", &clerk())
        .await
        .is_err());
}

#[tokio::test]
async fn money_given_back_at_another_till_credits_the_invoice_here_once() {
    let r = rig(Some(TaxBand::B)).await;
    let order = r
        .store
        .create_manual_order(&sale(&[(&r.items[1], 2)], TillPayment::Cash), "Amina")
        .await
        .expect("sale");
    sign_all(&r.store).await;
    // Another till gave KES 10 back; this till pulls it (twice: a page
    // fetched again changes nothing).
    let refund = dukadesk_domain::refund::Refund {
        id: dukadesk_domain::RefundId(uuid::Uuid::new_v4()),
        order_id: order.order.id,
        amount: dukadesk_domain::Money::from_major(10, dukadesk_domain::Currency::KES),
        method: dukadesk_domain::refund::RefundMethod::Cash,
        receipt: None,
        reason: "bruised".into(),
        by: "clerk B".into(),
        at: r.store.now(),
    };
    let pulled = crate::sync::hosted::Pulled {
        entity: "refund".into(),
        id: refund.id.0,
        body: serde_json::to_value(&refund).expect("json"),
        deleted: false,
        version_at: refund.at,
        version_device: uuid::Uuid::new_v4(),
        change_seq: 1,
    };
    for cursor in [1, 2] {
        r.store
            .apply_pulled(std::slice::from_ref(&pulled), uuid::Uuid::new_v4(), cursor)
            .await
            .expect("applied");
    }
    sign_all(&r.store).await;
    let signed = r.sim.signed();
    assert_eq!(signed.len(), 2, "{signed:?}");
    assert_eq!(
        (
            signed[1].receipt_type.as_str(),
            signed[1].original,
            signed[1].total_minor
        ),
        ("R", 1, 1_000)
    );
}

/// The classification `name`'s line carried on each sale KRA signed.
fn classes_sold(sim: &EtimsSim, name: &str) -> Vec<String> {
    sim.signed()
        .iter()
        .flat_map(|s| {
            s.request["itemList"]
                .as_array()
                .cloned()
                .unwrap_or_default()
        })
        .filter(|l| l["itemNm"] == name)
        .map(|l| l["itemClsCd"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[tokio::test]
async fn an_item_is_registered_and_sold_under_its_own_classification_else_the_shops() {
    let r = rig(None).await;
    let (sukuma, unga) = (&r.items[0], &r.items[1]);
    assert!(sukuma.name.starts_with("Sukuma") && unga.name.starts_with("Unga"));
    // Before KRA's list is kept here, any ten-digit code is taken.
    let mut input = ItemInput::from_item(unga);
    input.tax_class = "5022 1100 00".into();
    let unga = r.store.save_item(&input).await.expect("own class");
    assert_eq!(unga.tax_class.as_deref(), Some("5022110000"));
    r.store
        .create_manual_order(
            &sale(&[(sukuma, 1), (&unga, 2)], TillPayment::Cash),
            "Amina",
        )
        .await
        .expect("sale");
    sign_all(&r.store).await;
    let class_of = |name: &str| {
        r.sim
            .items()
            .into_iter()
            .find(|i| i.name == name)
            .map(|i| (i.class, i.saves))
    };
    assert_eq!(class_of("Unga 2kg"), Some(("5022110000".into(), 1)));
    assert_eq!(class_of("Sukuma wiki"), Some(("5059690800".into(), 1)));
    assert_eq!(classes_sold(&r.sim, "Unga 2kg"), ["5022110000"]);
    assert_eq!(classes_sold(&r.sim, "Sukuma wiki"), ["5059690800"]);

    // A new class registers the item again under it before its next sale.
    let sell_under = |class: &'static str| {
        let (store, unga) = (r.store.clone(), unga.clone());
        async move {
            let mut input = ItemInput::from_item(&unga);
            input.tax_class = class.into();
            let unga = store.save_item(&input).await.expect("class saved");
            store
                .create_manual_order(&sale(&[(&unga, 1)], TillPayment::Cash), "Amina")
                .await
                .expect("sale");
            sign_all(&store).await;
        }
    };
    sell_under("5018190000").await;
    assert_eq!(class_of("Unga 2kg"), Some(("5018190000".into(), 2)));
    assert_eq!(
        classes_sold(&r.sim, "Unga 2kg"),
        ["5022110000", "5018190000"]
    );
    assert_eq!(r.sim.signed().len(), 2);
    // Back to the shop's: registered again under the shop's.
    sell_under("").await;
    assert_eq!(class_of("Unga 2kg"), Some(("5059690800".into(), 3)));
    assert_eq!(r.sim.signed().len(), 3);
}

#[tokio::test]
async fn kras_classification_list_is_kept_searched_checked_and_refreshed() {
    let r = rig(None).await;
    assert!(
        r.store.item_classes_due().await.expect("due"),
        "set up: due"
    );
    assert!(r
        .store
        .find_item_classes("bread")
        .await
        .expect("find")
        .is_empty());
    // The signer's round fetches it, with no invoice due.
    sign_all(&r.store).await;
    assert_eq!(r.sim.item_class_calls(), 1);
    assert!(!r.store.item_classes_due().await.expect("due"));
    let found = |q: &'static str| {
        let store = r.store.clone();
        async move {
            store
                .find_item_classes(q)
                .await
                .expect("find")
                .into_iter()
                .map(|c| (c.code, c.name))
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(
        found("bread").await,
        [("5018190000".into(), "Bread".into())]
    );
    assert_eq!(
        found("DRINKS soft").await,
        [("5020230000".into(), "Soft drinks".into())]
    );
    assert_eq!(
        found("5022").await,
        [("5022110000".into(), "Maize flour".into())]
    );
    // Not in use, or a category (not ten digits of an item): not offered.
    assert!(found("withdrawn").await.is_empty());
    assert!(found("").await.is_empty());
    assert!(found("100%").await.is_empty());
    let band = r.store.find_item_classes("vegetables").await.expect("find");
    assert_eq!(band[0].band, Some(TaxBand::A));

    // Now a code KRA does not list, or no longer uses, is refused beside
    // the field, and the item is unchanged.
    let unga = &r.items[1];
    for (code, says) in [
        ("1234567890", "does not list"),
        ("1411150000", "no longer uses"),
    ] {
        let mut input = ItemInput::from_item(unga);
        input.tax_class = code.into();
        match r.store.save_item(&input).await {
            Err(crate::store::StoreError::Invalid(errors)) => {
                assert_eq!(errors[0].field, "tax_class");
                assert!(errors[0].message.contains(says), "{}", errors[0].message);
            }
            other => panic!("{code}: {other:?}"),
        }
    }
    let kept = r.store.items(false).await.expect("items");
    assert_eq!(kept[1].tax_class, None);
    // The shop's own in Settings → Tax too.
    let mut bad = setup(&r.sim, None);
    bad.item_class = "1234567890".into();
    match r.store.set_up_etims(&bad).await {
        Err(crate::store::StoreError::Invalid(errors)) => assert_eq!(errors[0].field, "item_class"),
        other => panic!("{other:?}"),
    }

    // A day later: what changed since is asked for and kept.
    r.sim.put_item_class("5018190001", "Mandazi", true);
    r.sim
        .put_item_class("5018190000", "Bread (withdrawn)", false);
    sqlx::query("UPDATE tax_device SET classes_at = 0")
        .execute(r.store.pool())
        .await
        .expect("a day later");
    sign_all(&r.store).await;
    assert_eq!(r.sim.item_class_calls(), 2);
    assert_eq!(
        found("mandazi").await,
        [("5018190001".into(), "Mandazi".into())]
    );
    assert!(found("bread").await.is_empty(), "withdrawn since");
    // An item saved under Bread before KRA withdrew it: its sale waits,
    // saying so, and nothing is sent; another class, and it is signed.
    sqlx::query("UPDATE items SET tax_class = '5018190000' WHERE id = ?")
        .bind(unga.id.to_string())
        .execute(r.store.pool())
        .await
        .expect("saved before the withdrawal");
    let signed = r.sim.signed().len();
    r.store
        .create_manual_order(&sale(&[(unga, 1)], TillPayment::Cash), "Amina")
        .await
        .expect("the sale stands");
    sign_all(&r.store).await;
    let unsigned = r.store.unsigned_invoices().await.expect("list");
    let reason = unsigned[0].reason.clone().unwrap_or_default();
    assert!(
        reason.contains("Unga 2kg") && reason.contains("no longer uses"),
        "{reason}"
    );
    assert_eq!(r.sim.signed().len(), signed);
    let mut input = ItemInput::from_item(&r.store.items(false).await.expect("items")[1]);
    input.tax_class = "5018190001".into();
    r.store.save_item(&input).await.expect("another class");
    r.store.send_invoices_now().await.expect("now");
    sign_all(&r.store).await;
    assert!(r.store.unsigned_invoices().await.expect("list").is_empty());
    assert_eq!(r.sim.signed().len(), signed + 1);

    // KRA down at refresh time: no error, the list stays, tried again in
    // minutes, not on every round.
    r.sim.set_offline(true);
    sqlx::query("UPDATE tax_device SET classes_at = 0")
        .execute(r.store.pool())
        .await
        .expect("a day later");
    sign_all(&r.store).await;
    assert_eq!(r.sim.item_class_calls(), 2, "not even a token");
    assert!(
        !r.store.item_classes_due().await.expect("due"),
        "not on every round"
    );
    let at: i64 = sqlx::query_scalar("SELECT classes_at FROM tax_device")
        .fetch_one(r.store.pool())
        .await
        .expect("read");
    let again = crate::store::to_millis(r.store.now()) - at;
    assert!(
        again > 0 && again < super::classes::REFRESH.num_milliseconds(),
        "tried again within the day: {again}"
    );
    assert_eq!(found("mandazi").await.len(), 1);
}

#[tokio::test]
async fn a_classification_list_kra_could_not_give_at_set_up_is_asked_for_on_send_now() {
    let r = rig(None).await;
    r.sim.set_offline(true);
    sign_all(&r.store).await;
    assert!(!r.store.item_classes_due().await.expect("due"), "later");
    assert!(r
        .store
        .find_item_classes("bread")
        .await
        .expect("find")
        .is_empty());
    r.sim.set_offline(false);
    r.store.send_invoices_now().await.expect("send now");
    assert!(r.store.item_classes_due().await.expect("due"), "now");
    sign_all(&r.store).await;
    assert_eq!(
        r.store
            .find_item_classes("bread")
            .await
            .expect("find")
            .len(),
        1
    );
    // Once kept, "Send now" leaves the daily refresh alone.
    r.store.send_invoices_now().await.expect("send now");
    assert!(!r.store.item_classes_due().await.expect("due"));
}
