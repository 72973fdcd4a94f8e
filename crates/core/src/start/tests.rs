use crate::runtime::ChatRuntime;
use crate::store::testing::{shop_store, unlocked_store};
use dukadesk_domain::catalogue::ItemInput;
use dukadesk_domain::ipc::{ManualPayInput, SavePaymentSettings};
use dukadesk_domain::shop::ShopInput;
use dukadesk_domain::{Country, Msisdn};
use std::time::Duration;

#[tokio::test]
async fn each_step_ticks_from_the_shops_real_state() {
    let (_dir, store) = unlocked_store().await;
    store
        .save_shop(&ShopInput {
            name: "Mama Mboga".into(),
            ..Default::default()
        })
        .await
        .expect("shop");
    let list = store.start_checklist(None).await.expect("list");
    assert_eq!(list.ticked(), 0, "{list:?}");
    assert_eq!(list.shop_link, None, "no link before WhatsApp");

    store
        .save_item(&ItemInput {
            name: "Sukuma wiki".into(),
            price: "30".into(),
            ..Default::default()
        })
        .await
        .expect("item");
    assert!(store.start_checklist(None).await.expect("list").items);

    // Paying by hand with the shop's own till number is connecting M-Pesa.
    store
        .save_payment_settings(&SavePaymentSettings {
            manual: Some(ManualPayInput {
                kind: "till".into(),
                number: "5123456".into(),
            }),
            ..Default::default()
        })
        .await
        .expect("till number");
    let list = store.start_checklist(None).await.expect("list");
    assert!(list.mpesa && !list.test_order);

    let number = Msisdn::parse("0712 345 678", Country::Kenya).expect("number");
    let list = store.start_checklist(Some(&number)).await.expect("list");
    assert!(list.whatsapp);
    assert_eq!(
        list.shop_link.as_deref(),
        Some("https://wa.me/254712345678?text=Hi%20Mama%20Mboga%21%20%28mama%2Dmboga%29")
    );
    store.shop_link_shared().await.expect("shared");
    store.fold_start_checklist(true).await.expect("folded");
    let list = store.start_checklist(Some(&number)).await.expect("list");
    assert!(list.shared && list.folded);
    assert_eq!(list.ticked(), 4);
    assert_eq!(
        list.next(),
        Some(dukadesk_domain::start::StartStep::TestChat)
    );
}

#[tokio::test]
async fn a_paid_test_chat_order_ticks_its_step_for_good() {
    let (_dir, store) = shop_store().await;
    let rt = ChatRuntime::start(store.clone(), Duration::from_millis(20));
    for m in ["hi", "2 sukuma", "1", "1", "1", "1"] {
        rt.test_chat_send("0708 374 149", m).await.expect("send");
    }
    let mut ticked = false;
    for _ in 0..200 {
        if store.start_checklist(None).await.expect("list").test_order {
            ticked = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    assert!(ticked, "the simulated payment never ticked the step");
    // Starting the test chat afresh keeps it ticked.
    rt.reset_test_chat().await.expect("reset");
    assert!(store.start_checklist(None).await.expect("list").test_order);
}

/// The poster, rendered by Poppler: a Linux program, so not under Wine.
#[cfg(not(windows))]
mod poster {
    use crate::pdf::testing::render;
    use crate::start::poster_pdf;
    use dukadesk_domain::start::PosterSize;
    use dukadesk_domain::{Country, Msisdn};

    #[test]
    fn the_poster_renders_and_its_code_opens_the_shop_chat() {
        let dir = tempfile::tempdir().expect("dir");
        let shop = dukadesk_domain::shop::Shop {
            id: dukadesk_domain::ShopId(uuid::Uuid::from_u128(7)),
            name: "Duka la Mama (Kawangware)".into(),
            code: dukadesk_domain::shop::ShopCode::parse("duka-la-mama").expect("code"),
            business_type: Default::default(),
            currency: Default::default(),
            country: Country::Kenya,
            hours: Default::default(),
            orders_when_closed: false,
        };
        let number = Msisdn::parse("0712 345 678", Country::Kenya).expect("number");
        let link = shop.customer_link(&number);
        for (size, points) in [(PosterSize::A4, (595, 842)), (PosterSize::A5, (420, 595))] {
            let pdf = poster_pdf(&shop, &link, &number, size).expect("a poster");
            if let Ok(keep) = std::env::var("DUKADESK_KEEP_POSTER") {
                std::fs::write(format!("{keep}-{size:?}.pdf"), &pdf).expect("kept");
            }
            let (w, h, grey) = render(&pdf, dir.path(), &format!("{size:?}"), 72);
            assert_eq!((w, h), points, "the page is {size:?}");
            let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| grey[y * w + x]);
            let grids = img.detect_grids();
            assert_eq!(grids.len(), 1, "one QR code on the {size:?} poster");
            let (_, text) = grids[0].decode().expect("the code reads");
            assert_eq!(text, link, "{size:?}");
            // Words, not only a code: some of the page above and below it is ink.
            let inked_rows = (0..h)
                .filter(|y| (0..w).any(|x| grey[y * w + x] < 128))
                .count();
            assert!(inked_rows > h / 2, "{inked_rows} of {h} rows inked");
            let text = String::from_utf8_lossy(&pdf);
            for words in [
                "Duka la Mama \\(Kawangware\\)",
                "Scan to order on WhatsApp",
                "Skani uagize kupitia WhatsApp",
                "WhatsApp 0712 345 678",
            ] {
                assert!(
                    text.contains(words),
                    "{words} missing on the {size:?} poster"
                );
            }
        }
    }
}
