use super::*;
use crate::store::testing::shop_store;
use dukadesk_domain::catalogue::ItemInput;
use image::{ImageEncoder, Rgba, RgbaImage};

/// A picture `w`×`h`: the left half red, the right half blue, the top
/// row's alpha `alpha`.
fn picture(w: u32, h: u32, alpha: u8) -> RgbaImage {
    RgbaImage::from_fn(w, h, |x, y| {
        let a = if y == 0 { alpha } else { 255 };
        if x < w / 2 {
            Rgba([220, 20, 20, a])
        } else {
            Rgba([20, 20, 220, a])
        }
    })
}

/// A plain picture file `w`×`h`, as a PNG (for other modules' tests).
pub(crate) fn png_file(w: u32, h: u32) -> Vec<u8> {
    png(&picture(w, h, 255))
}

fn png(image: &RgbaImage) -> Vec<u8> {
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(
            image.as_raw(),
            image.width(),
            image.height(),
            image::ExtendedColorType::Rgba8,
        )
        .expect("png");
    out
}

/// A JPEG whose EXIF says the camera was turned (orientation 6: the
/// stored picture must be turned 90° clockwise to stand upright).
fn turned_jpeg(w: u32, h: u32) -> Vec<u8> {
    let rgb = image::DynamicImage::ImageRgba8(picture(w, h, 255)).to_rgb8();
    // TIFF header (big-endian), one IFD entry: Orientation (0x0112),
    // SHORT, count 1, value 6; no next IFD.
    let exif = vec![
        b'M', b'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0,
    ];
    let mut out = Vec::new();
    let mut encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90);
    encoder.set_exif_metadata(exif).expect("exif");
    encoder
        .write_image(rgb.as_raw(), w, h, image::ExtendedColorType::Rgb8)
        .expect("jpeg");
    out
}

/// CRC-32 (ISO-HDLC), as PNG chunks carry.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = u32::MAX;
    for b in bytes {
        crc ^= u32::from(*b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn read(jpeg: &[u8]) -> image::DynamicImage {
    image::load_from_memory_with_format(jpeg, ImageFormat::Jpeg).expect("a JPEG")
}

#[test]
fn a_large_picture_is_scaled_to_fit_and_written_as_jpeg_with_a_small_copy() {
    let photo = prepare(&png(&picture(2400, 1200, 255))).expect("prepared");
    assert_eq!((photo.width, photo.height), (EDGE, EDGE / 2));
    let full = read(&photo.jpeg);
    assert_eq!((full.width(), full.height()), (EDGE, EDGE / 2));
    let thumb = read(&photo.thumb);
    assert_eq!(thumb.width().max(thumb.height()), THUMB_EDGE);
    assert_eq!(photo.sha256, fingerprint(&photo.jpeg));
    assert_eq!(photo.sha256.len(), 64);
    // The colours survive: red on the left, blue on the right.
    let left = full.to_rgb8().get_pixel(10, 200).0;
    let right = full.to_rgb8().get_pixel(EDGE - 10, 200).0;
    assert!(left[0] > 180 && left[2] < 80, "left {left:?}");
    assert!(right[2] > 180 && right[0] < 80, "right {right:?}");
}

#[test]
fn a_small_picture_keeps_its_size_and_transparency_becomes_white() {
    let photo = prepare(&png(&picture(300, 200, 0))).expect("prepared");
    assert_eq!((photo.width, photo.height), (300, 200));
    let top = read(&photo.jpeg).to_rgb8().get_pixel(10, 0).0;
    assert!(top.iter().all(|c| *c > 200), "transparent became {top:?}");
}

#[test]
fn a_photo_taken_with_the_camera_turned_is_stood_upright() {
    let photo = prepare(&turned_jpeg(400, 200)).expect("prepared");
    assert_eq!((photo.width, photo.height), (200, 400));
    // Turned clockwise, the left (red) half is now on top.
    let full = read(&photo.jpeg).to_rgb8();
    let top = full.get_pixel(100, 20).0;
    let bottom = full.get_pixel(100, 380).0;
    assert!(top[0] > 180 && top[2] < 80, "top {top:?}");
    assert!(bottom[2] > 180 && bottom[0] < 80, "bottom {bottom:?}");
}

#[test]
fn files_that_are_not_pictures_get_a_message_that_says_what_to_do() {
    assert_eq!(prepare(&[]), Err(PhotoError::Empty));
    assert_eq!(
        prepare(b"%PDF-1.4 not a picture"),
        Err(PhotoError::NotAPicture)
    );
    // A HEIC file (an iPhone's photo) starts with an ftyp box.
    let heic = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic";
    let err = prepare(heic).expect_err("HEIC is not read");
    assert_eq!(err, PhotoError::NotAPicture);
    assert!(err.to_string().contains("JPEG"), "{err}");
    // A PNG cut short.
    let mut cut = png(&picture(200, 200, 255));
    cut.truncate(cut.len() / 2);
    assert_eq!(prepare(&cut), Err(PhotoError::Unreadable));
    assert_eq!(
        prepare(&vec![0; MAX_FILE_BYTES + 1]),
        Err(PhotoError::TooLarge)
    );
}

#[test]
fn a_picture_that_claims_to_be_huge_is_refused_without_taking_the_memory() {
    // A PNG header claiming 60,000 × 60,000 pixels (about 14 GB decoded).
    let mut header = png(&picture(1, 1, 255));
    header[16..20].copy_from_slice(&60_000u32.to_be_bytes());
    header[20..24].copy_from_slice(&60_000u32.to_be_bytes());
    // The header's checksum made right again, so only its size is wrong.
    let crc = crc32(&header[12..29]);
    header[29..33].copy_from_slice(&crc.to_be_bytes());
    assert_eq!(prepare(&header), Err(PhotoError::Unreadable));
}

#[test]
fn a_photo_from_another_till_is_checked_before_it_is_taken() {
    let photo = prepare(&png(&picture(600, 400, 255))).expect("prepared");
    let body = PhotoBody::of("item", &photo);
    let taken = body.check().expect("a good photo is taken");
    assert_eq!(taken.jpeg, photo.jpeg);
    assert_eq!(taken.sha256, photo.sha256);
    assert!(!taken.thumb.is_empty());

    let mut wrong_print = body.clone();
    wrong_print.sha256 = "0".repeat(64);
    assert!(wrong_print.check().is_err());

    let mut png_inside = body.clone();
    let not_jpeg = png(&picture(10, 10, 255));
    png_inside.data = base64::engine::general_purpose::STANDARD.encode(&not_jpeg);
    png_inside.sha256 = fingerprint(&not_jpeg);
    assert!(png_inside.check().is_err(), "only JPEG travels");

    // A JPEG larger than a stored photo can be.
    let big = turned_jpeg(EDGE + 200, 100);
    let mut too_big = body.clone();
    too_big.data = base64::engine::general_purpose::STANDARD.encode(&big);
    too_big.sha256 = fingerprint(&big);
    assert!(too_big.check().is_err());

    let mut other_type = body;
    other_type.mime = "image/svg+xml".into();
    assert!(other_type.check().is_err());
}

#[tokio::test]
async fn an_items_photo_is_set_read_replaced_and_removed_each_with_its_outbox_row() {
    let (_dir, store) = shop_store().await;
    let item = store
        .save_item(&ItemInput {
            name: "Sukuma".into(),
            price: "30".into(),
            ..Default::default()
        })
        .await
        .expect("item");
    assert_eq!(item.photo, None);
    assert_eq!(
        store.item_photo(item.id, PhotoSize::Full).await.unwrap(),
        None
    );

    let first = store
        .set_item_photo(item.id, png(&picture(1000, 500, 255)))
        .await
        .expect("photo set");
    let print = first.photo.clone().expect("the item has a photo");
    let (full_print, full) = store
        .item_photo(item.id, PhotoSize::Full)
        .await
        .unwrap()
        .expect("full");
    assert_eq!(fingerprint(&full), print);
    assert_eq!(full_print, print);
    let (_, thumb) = store
        .item_photo(item.id, PhotoSize::Thumb)
        .await
        .unwrap()
        .expect("thumb");
    assert!(thumb.len() < full.len());
    // The catalogue reads it too.
    let listed = store.items(false).await.unwrap();
    assert_eq!(listed[0].photo.as_deref(), Some(print.as_str()));

    // Editing the item keeps its photo, and the item's own change does not
    // carry it (the photo travels as its own row).
    let edited = store
        .save_item(&ItemInput {
            id: Some(item.id),
            name: "Sukuma wiki".into(),
            price: "35".into(),
            ..Default::default()
        })
        .await
        .expect("edited");
    assert_eq!(edited.photo.as_deref(), Some(print.as_str()));
    let item_bodies: Vec<String> =
        sqlx::query_scalar("SELECT payload FROM outbox WHERE entity = 'item' ORDER BY seq")
            .fetch_all(store.pool())
            .await
            .unwrap();
    assert!(item_bodies.iter().all(|b| !b.contains("photo")));

    let second = store
        .set_item_photo(item.id, png(&picture(300, 300, 255)))
        .await
        .expect("replaced");
    assert_ne!(second.photo, first.photo);

    let removed = store.remove_item_photo(item.id).await.expect("removed");
    assert_eq!(removed.photo, None);
    assert_eq!(
        store.item_photo(item.id, PhotoSize::Thumb).await.unwrap(),
        None
    );
    // Removing again changes nothing and records nothing.
    store.remove_item_photo(item.id).await.expect("again");

    let changes: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT entity_id, op, payload FROM outbox WHERE entity = 'item_photo' ORDER BY seq",
    )
    .fetch_all(store.pool())
    .await
    .unwrap();
    let ops: Vec<&str> = changes.iter().map(|(_, op, _)| op.as_str()).collect();
    assert_eq!(ops, ["upsert", "upsert", "delete"]);
    assert!(changes.iter().all(|(id, _, _)| *id == item.id.to_string()));
    let body: PhotoBody = serde_json::from_str(&changes[0].2).expect("a photo body");
    assert_eq!(body.sha256, print);
    assert_eq!(body.check().expect("it checks").sha256, print);
}

#[tokio::test]
async fn a_bad_file_leaves_the_item_and_its_photo_as_they_were() {
    let (_dir, store) = shop_store().await;
    let item = store
        .save_item(&ItemInput {
            name: "Unga".into(),
            price: "150".into(),
            ..Default::default()
        })
        .await
        .expect("item");
    let with = store
        .set_item_photo(item.id, png(&picture(200, 200, 255)))
        .await
        .expect("photo");
    let outbox_before: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox")
        .fetch_one(store.pool())
        .await
        .unwrap();
    let err = store
        .set_item_photo(item.id, b"GIF89a not for us".to_vec())
        .await
        .expect_err("refused");
    match err {
        StoreError::Invalid(fields) => {
            assert_eq!(fields[0].field, "photo");
            assert!(fields[0].message.contains("JPEG"), "{}", fields[0].message);
            // The screens say it in the till's language by its key.
            assert_eq!(
                fields[0].words.as_ref().map(|w| w.key.as_str()),
                Some("problem-photo-not-a-picture")
            );
        }
        other => panic!("expected a field error, got {other:?}"),
    }
    assert_eq!(store.item(item.id).await.unwrap().photo, with.photo);
    let outbox_after: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox")
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert_eq!(outbox_after, outbox_before);
    let missing = store
        .set_item_photo(ItemId(uuid::Uuid::from_u128(7)), png(&picture(10, 10, 255)))
        .await
        .expect_err("no such item");
    assert!(matches!(missing, StoreError::NotFound(_)));
}
