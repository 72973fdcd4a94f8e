//! Item photos between tills: one till's photo reaches the others and the
//! server, a later change wins everywhere, pages of large photos go up and
//! come down within the size budgets, and a till with stolen credentials
//! cannot push a photo or an item that the other tills take unchecked.

use super::{backend, server_rows, till_rows};
use base64::Engine;
use dukadesk_core::catalogue::photos::{PhotoSize, EDGE};
use dukadesk_core::store::testing::{shop_store, unlocked_store as empty_store};
use dukadesk_core::store::Store;
use dukadesk_core::sync::hosted::Change;
use dukadesk_core::sync::worker::sync_once;
use dukadesk_domain::catalogue::{ItemInput, MAX_ALIASES};
use dukadesk_domain::ItemId;
use image::ImageEncoder;
use sha2::{Digest, Sha256};
use std::time::Duration;

/// A picture file of `w`×`h` pixels: noise from `seed` (it compresses
/// badly, so the stored photo is large), as PNG.
fn noisy_png(w: u32, h: u32, seed: u64) -> Vec<u8> {
    let mut state = seed.max(1);
    let image = image::RgbImage::from_fn(w, h, |_, _| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let [r, g, b, ..] = state.to_le_bytes();
        image::Rgb([r, g, b])
    });
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(image.as_raw(), w, h, image::ExtendedColorType::Rgb8)
        .expect("png");
    out
}

/// A smooth picture file (it compresses well: the stored photo fits the
/// test server's small request limit), as PNG.
fn smooth_png(w: u32, h: u32, shade: u8) -> Vec<u8> {
    let image = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([
            shade,
            u8::try_from(x * 255 / w).unwrap_or(u8::MAX),
            u8::try_from(y * 255 / h).unwrap_or(u8::MAX),
        ])
    });
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(image.as_raw(), w, h, image::ExtendedColorType::Rgb8)
        .expect("png");
    out
}

async fn photo_of(store: &Store, item: ItemId) -> Option<(String, Vec<u8>)> {
    store
        .item_photo(item, PhotoSize::Full)
        .await
        .expect("read photo")
}

#[tokio::test]
async fn a_photo_reaches_every_till_and_the_later_change_wins() {
    let b = backend().await;
    let shop = b.shop("Mama Mboga").await;
    let (_da, a) = shop_store().await;
    let item = a.items(false).await.expect("items")[0].clone();
    let with = a
        .set_item_photo(item.id, smooth_png(1200, 900, 7))
        .await
        .expect("A's photo");
    let print = with.photo.clone().expect("a fingerprint");
    let ha = b.join(&a, shop, "Front counter").await;
    sync_once(&a, &ha).await.expect("A up");

    let (_db, bt) = empty_store().await;
    let hb = b.join(&bt, shop, "Back office").await;
    sync_once(&bt, &hb).await.expect("B down");
    let on_b = bt.item(item.id).await.expect("item on B");
    assert_eq!(on_b.photo.as_deref(), Some(print.as_str()));
    assert_eq!(photo_of(&bt, item.id).await, photo_of(&a, item.id).await);
    let (_, thumb) = bt
        .item_photo(item.id, PhotoSize::Thumb)
        .await
        .expect("thumb")
        .expect("B made its small copy");
    assert!(!thumb.is_empty());
    let rows = till_rows(&a).await;
    assert_eq!(rows["item_photos"].len(), 1);
    assert_eq!(rows, till_rows(&bt).await);
    assert_eq!(rows, server_rows(&b.su, shop).await);

    // Offline on both: A removes the photo, B (later) gives it another.
    a.remove_item_photo(item.id).await.expect("A removes");
    tokio::time::sleep(Duration::from_millis(5)).await;
    let newer = bt
        .set_item_photo(item.id, smooth_png(300, 300, 11))
        .await
        .expect("B replaces")
        .photo
        .expect("B's print");
    sync_once(&a, &ha).await.expect("A");
    sync_once(&bt, &hb).await.expect("B");
    sync_once(&a, &ha).await.expect("A again");
    for till in [&a, &bt] {
        assert_eq!(
            till.item(item.id).await.expect("item").photo,
            Some(newer.clone())
        );
    }
    // Then A removes it, later than everything: gone everywhere, and B's
    // older photo does not come back.
    tokio::time::sleep(Duration::from_millis(5)).await;
    a.remove_item_photo(item.id).await.expect("A removes again");
    sync_once(&a, &ha).await.expect("A");
    sync_once(&bt, &hb).await.expect("B");
    for till in [&a, &bt] {
        assert_eq!(till.item(item.id).await.expect("item").photo, None);
        assert_eq!(photo_of(till, item.id).await, None);
    }
    let rows = till_rows(&a).await;
    assert!(rows["item_photos"].is_empty());
    assert_eq!(rows, till_rows(&bt).await);
    assert_eq!(rows, server_rows(&b.su, shop).await);
}

#[tokio::test]
async fn many_large_photos_go_up_and_come_down_in_pages_below_the_server_limit() {
    // A server that takes at most 1.5 MB a request: a batch of a dozen
    // large photos would not fit in one.
    let b = crate::rig_with(&[
        ("DUKADESK_SERVER_REQUESTS_PER_SECOND", "10000"),
        ("DUKADESK_SERVER_REQUEST_BURST", "10000"),
        ("DUKADESK_SERVER_MAX_BODY_BYTES", "1572864"),
    ])
    .await;
    let shop = b.shop("Duka la Picha").await;
    let (_da, a) = shop_store().await;
    let mut total = 0;
    for n in 0..12u64 {
        let item = a
            .save_item(&ItemInput {
                name: format!("Kitenge {n}"),
                price: "900".into(),
                ..Default::default()
            })
            .await
            .expect("item");
        a.set_item_photo(item.id, noisy_png(EDGE, EDGE, n + 1))
            .await
            .expect("photo");
        total += photo_of(&a, item.id).await.expect("stored").1.len();
    }
    assert!(total > 2 * 1024 * 1024, "the photos weigh {total} bytes");
    let ha = b.join(&a, shop, "Front counter").await;
    sync_once(&a, &ha).await.expect("A up in batches");
    assert_eq!(a.outbox_len().await.expect("len"), 0);

    let (_db, bt) = empty_store().await;
    let hb = b.join(&bt, shop, "Back office").await;
    sync_once(&bt, &hb).await.expect("B down in pages");
    let rows = till_rows(&a).await;
    assert_eq!(rows["item_photos"].len(), 12);
    assert_eq!(rows, till_rows(&bt).await);
    assert_eq!(rows, server_rows(&b.su, shop).await);
}

#[tokio::test]
async fn a_till_with_stolen_credentials_cannot_push_a_bad_photo_or_an_oversized_item() {
    let b = backend().await;
    let shop = b.shop("Mama Mboga").await;
    // (`_dirs` keeps both tills' files for the whole test.)
    let super::Pair {
        a,
        ha,
        b: bt,
        hb,
        _dirs,
    } = super::synced_pair(&b, shop).await;
    let item = a.items(false).await.expect("items")[0].clone();

    // The thief holds a third till's credential and writes the wire by
    // hand.
    let (_dt, stolen) = empty_store().await;
    let thief = b.join(&stolen, shop, "Stolen laptop").await;
    let forged = |entity: &str, id: uuid::Uuid, body: serde_json::Value, seq: i64| Change {
        seq,
        entity: entity.into(),
        id,
        body: serde_json::value::RawValue::from_string(body.to_string()).expect("raw"),
        deleted: false,
        version_at: chrono::Utc::now(),
    };
    let not_a_jpeg = b"<svg onload=alert(1)>".to_vec();
    let print = |bytes: &[u8]| {
        Sha256::digest(bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    };
    let b64 = |bytes: &[u8]| base64::engine::general_purpose::STANDARD.encode(bytes);
    let mut item_body = serde_json::to_value(&item).expect("item json");
    item_body["aliases"] = serde_json::Value::Array(
        (0..5000)
            .map(|n| serde_json::Value::String(format!("name {n}")))
            .collect(),
    );
    item_body["name"] = serde_json::Value::String("x".repeat(10_000));
    let batch = [
        forged(
            "item_photo",
            item.id.0,
            serde_json::json!({
                "item_id": item.id.to_string(), "sha256": print(&not_a_jpeg),
                "mime": "image/jpeg", "width": 1, "height": 1, "data": b64(&not_a_jpeg),
            }),
            1,
        ),
        forged("item", item.id.0, item_body, 2),
    ];
    let answer = thief
        .upload(&batch)
        .await
        .expect("the server takes the rows");
    assert!(answer.rejected.is_empty(), "{:?}", answer.rejected);
    assert_eq!(answer.replayed, 0);

    sync_once(&bt, &hb).await.expect("B keeps syncing");
    let on_b = bt.item(item.id).await.expect("item");
    assert_eq!(on_b.photo, None, "the forged photo was not taken");
    assert_eq!(photo_of(&bt, item.id).await, None);
    assert_eq!(on_b.aliases.len(), MAX_ALIASES);
    assert_eq!(on_b.name.chars().count(), 80);
    let kept_aside = bt.pulled_aside().await.expect("kept aside");
    assert_eq!(kept_aside.len(), 1, "{kept_aside:?}");
    assert_eq!(kept_aside[0].0, "item_photo");

    // B still takes real photos afterwards.
    tokio::time::sleep(Duration::from_millis(5)).await;
    let real = a
        .set_item_photo(item.id, smooth_png(64, 64, 3))
        .await
        .expect("a real photo")
        .photo;
    sync_once(&a, &ha).await.expect("A");
    sync_once(&bt, &hb).await.expect("B");
    assert_eq!(bt.item(item.id).await.expect("item").photo, real);
}
