//! Product photos. A photo picked from disk (JPEG, PNG or WebP, as phones
//! and cameras save them) is turned upright, scaled to fit [`EDGE`] and
//! written as a JPEG, with a small copy ([`THUMB_EDGE`]) for lists. The
//! photo is a row of its own (`item_photos`, one per item, keyed by the
//! item's id), written with its outbox row (`records::photos`) and synced
//! as the `item_photo` entity: its body carries the JPEG (base64) and its
//! SHA-256, and each till makes its own small copy when it takes the row.
//!
//! Everything read from outside (a file, another till's row) is decoded
//! under [`limits`], so a crafted file cannot take the till's memory.

use super::item_in;
use crate::channels::Image;
use crate::records;
use crate::store::{Store, StoreError};
use base64::Engine;
use dukadesk_domain::catalogue::Item;
use dukadesk_domain::words::Problem;
use dukadesk_domain::ItemId;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::io::Cursor;

/// The longest side of a stored photo, in pixels: sharp on a phone,
/// small enough to sync (a JPEG of 40–120 KB).
pub const EDGE: u32 = 800;
/// The longest side of the small copy the catalogue shows.
pub const THUMB_EDGE: u32 = 160;
/// The largest file accepted from disk.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;
/// The largest stored photo accepted from another till (a JPEG of at most
/// [`EDGE`] pixels a side is far below it).
pub const MAX_STORED_BYTES: usize = 1024 * 1024;
const QUALITY: u8 = 80;
const THUMB_QUALITY: u8 = 75;

/// Why a file could not become a photo. Each says what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhotoError {
    /// Nothing was read.
    #[error("{}", Problem::PhotoEmpty)]
    Empty,
    /// Over [`MAX_FILE_BYTES`].
    #[error("{}", Problem::PhotoTooLarge)]
    TooLarge,
    /// Not a kind of picture the till reads (HEIC, GIF, a PDF...).
    #[error("{}", Problem::PhotoNotAPicture)]
    NotAPicture,
    /// It says it is a picture but cannot be read, or is too large to open.
    #[error("{}", Problem::PhotoUnreadable)]
    Unreadable,
}

impl PhotoError {
    /// The rule's message, said in the till's language.
    pub fn problem(&self) -> Problem {
        match self {
            PhotoError::Empty => Problem::PhotoEmpty,
            PhotoError::TooLarge => Problem::PhotoTooLarge,
            PhotoError::NotAPicture => Problem::PhotoNotAPicture,
            PhotoError::Unreadable => Problem::PhotoUnreadable,
        }
    }
}

/// A photo ready to store: the JPEG, its small copy and its fingerprint.
#[derive(Clone, PartialEq, Eq)]
pub struct Photo {
    /// SHA-256 of [`Photo::jpeg`], hex.
    pub sha256: String,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// The photo as JPEG.
    pub jpeg: Vec<u8>,
    /// The small copy as JPEG.
    pub thumb: Vec<u8>,
}

impl std::fmt::Debug for Photo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Photo")
            .field("sha256", &self.sha256)
            .field("width", &self.width)
            .field("height", &self.height)
            .field("jpeg_bytes", &self.jpeg.len())
            .field("thumb_bytes", &self.thumb.len())
            .finish()
    }
}

/// The `item_photo` entity's synced body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct PhotoBody {
    /// The item it shows.
    pub item_id: String,
    /// SHA-256 of the JPEG, hex.
    pub sha256: String,
    /// Always `image/jpeg`.
    pub mime: String,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// The JPEG, base64 (standard alphabet, padded).
    pub data: String,
}

impl PhotoBody {
    /// The body a photo travels as.
    pub(crate) fn of(item_id: &str, photo: &Photo) -> Self {
        Self {
            item_id: item_id.to_owned(),
            sha256: photo.sha256.clone(),
            mime: "image/jpeg".into(),
            width: photo.width,
            height: photo.height,
            data: base64::engine::general_purpose::STANDARD.encode(&photo.jpeg),
        }
    }

    /// The photo another till sent, checked as if it came from a stranger:
    /// its size, its fingerprint, and that it really is a JPEG of at most
    /// [`EDGE`] pixels a side. The small copy is made here.
    pub(crate) fn check(&self) -> Result<Photo, String> {
        if self.mime != "image/jpeg" {
            return Err(format!("a photo of type {} is not taken", self.mime));
        }
        if self.data.len() > MAX_STORED_BYTES / 3 * 4 + 4 {
            return Err("the photo is larger than a stored photo can be".into());
        }
        let jpeg = base64::engine::general_purpose::STANDARD
            .decode(&self.data)
            .map_err(|_| "the photo's data is not base64".to_owned())?;
        if fingerprint(&jpeg) != self.sha256 {
            return Err("the photo does not match its fingerprint".into());
        }
        let image = decode(&jpeg, Some(ImageFormat::Jpeg)).map_err(|e| e.to_string())?;
        if image.width().max(image.height()) > EDGE {
            return Err("the photo is larger than a stored photo can be".into());
        }
        Ok(Photo {
            sha256: self.sha256.clone(),
            width: image.width(),
            height: image.height(),
            thumb: jpeg_of(&image.thumbnail(THUMB_EDGE, THUMB_EDGE), THUMB_QUALITY)?,
            jpeg,
        })
    }
}

/// SHA-256, hex.
fn fingerprint(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// What decoding may take: no side over 12,000 pixels, at most 256 MiB.
fn limits() -> Limits {
    let mut limits = Limits::default();
    limits.max_image_width = Some(12_000);
    limits.max_image_height = Some(12_000);
    limits.max_alloc = Some(256 * 1024 * 1024);
    limits
}

/// Decodes a picture of the given format (or any of JPEG, PNG and WebP),
/// turned upright as its camera recorded.
fn decode(bytes: &[u8], only: Option<ImageFormat>) -> Result<DynamicImage, PhotoError> {
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|_| PhotoError::Unreadable)?;
    match (reader.format(), only) {
        (Some(found), Some(wanted)) if found == wanted => {}
        (Some(ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP), None) => {}
        _ => return Err(PhotoError::NotAPicture),
    }
    reader.limits(limits());
    let mut decoder = reader.into_decoder().map_err(|_| PhotoError::Unreadable)?;
    let orientation = decoder.orientation().map_err(|_| PhotoError::Unreadable)?;
    let mut image = DynamicImage::from_decoder(decoder).map_err(|_| PhotoError::Unreadable)?;
    image.apply_orientation(orientation);
    Ok(image)
}

/// The picture as a JPEG; transparent parts become white.
fn jpeg_of(image: &DynamicImage, quality: u8) -> Result<Vec<u8>, String> {
    let rgba = image.to_rgba8();
    let mut rgb = image::RgbImage::new(rgba.width(), rgba.height());
    for (to, from) in rgb.pixels_mut().zip(rgba.pixels()) {
        let [r, g, b, a] = from.0;
        let over_white = |c: u8| {
            let (c, a) = (u32::from(c), u32::from(a));
            // (c·a + 255·(255 − a)) / 255, rounded; never above 255.
            u8::try_from((c * a + 255 * (255 - a) + 127) / 255).unwrap_or(u8::MAX)
        };
        to.0 = [over_white(r), over_white(g), over_white(b)];
    }
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality)
        .encode_image(&rgb)
        .map_err(|e| format!("the photo could not be written: {e}"))?;
    Ok(out)
}

/// A file picked from disk made into a stored photo: upright, at most
/// [`EDGE`] pixels a side, JPEG, with its small copy. CPU-bound: callers
/// on the runtime use [`prepare_blocking`].
pub fn prepare(file: &[u8]) -> Result<Photo, PhotoError> {
    if file.is_empty() {
        return Err(PhotoError::Empty);
    }
    if file.len() > MAX_FILE_BYTES {
        return Err(PhotoError::TooLarge);
    }
    let image = decode(file, None)?;
    let image = if image.width().max(image.height()) > EDGE {
        image.resize(EDGE, EDGE, image::imageops::FilterType::Triangle)
    } else {
        image
    };
    let jpeg = jpeg_of(&image, QUALITY).map_err(|_| PhotoError::Unreadable)?;
    let thumb = jpeg_of(&image.thumbnail(THUMB_EDGE, THUMB_EDGE), THUMB_QUALITY)
        .map_err(|_| PhotoError::Unreadable)?;
    Ok(Photo {
        sha256: fingerprint(&jpeg),
        width: image.width(),
        height: image.height(),
        jpeg,
        thumb,
    })
}

/// [`prepare`] on the blocking pool.
pub async fn prepare_blocking(file: Vec<u8>) -> Result<Photo, PhotoError> {
    tokio::task::spawn_blocking(move || prepare(&file))
        .await
        .unwrap_or(Err(PhotoError::Unreadable))
}

/// Which copy of a photo to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhotoSize {
    /// The stored photo, as sent to customers.
    Full,
    /// The small copy for lists.
    Thumb,
}

impl Store {
    /// Gives `item` the photo in `file` (a picture picked from disk),
    /// replacing any it had; the item as it now reads.
    pub async fn set_item_photo(&self, item: ItemId, file: Vec<u8>) -> Result<Item, StoreError> {
        let photo = prepare_blocking(file)
            .await
            .map_err(|e| StoreError::said("photo", &e.problem()))?;
        let now = self.now();
        let mut tx = self.write_tx().await?;
        if item_in(&mut tx, item).await?.is_none() {
            return Err(StoreError::NotFound("The item"));
        }
        records::photos::write(&mut tx, item, &photo, now).await?;
        let item = item_in(&mut tx, item)
            .await?
            .ok_or(StoreError::NotFound("The item"))?;
        tx.commit().await?;
        Ok(item)
    }

    /// Takes `item`'s photo away (nothing to do when it has none).
    pub async fn remove_item_photo(&self, item: ItemId) -> Result<Item, StoreError> {
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let found = item_in(&mut tx, item)
            .await?
            .ok_or(StoreError::NotFound("The item"))?;
        if found.photo.is_none() {
            return Ok(found);
        }
        records::photos::remove(&mut tx, item, now).await?;
        let item = item_in(&mut tx, item)
            .await?
            .ok_or(StoreError::NotFound("The item"))?;
        tx.commit().await?;
        Ok(item)
    }

    /// An item's photo as a channel sends it, under `caption`.
    pub(crate) async fn item_photo_image(
        &self,
        item: ItemId,
        caption: &str,
    ) -> Result<Option<Image>, StoreError> {
        let row: Option<(Vec<u8>, i64, i64)> = sqlx::query_as(
            "SELECT jpeg, width, height FROM item_photos WHERE id = ? AND removed = 0",
        )
        .bind(item.to_string())
        .fetch_optional(self.pool())
        .await?;
        Ok(row.map(|(bytes, width, height)| Image {
            bytes,
            width: u32::try_from(width).unwrap_or(0),
            height: u32::try_from(height).unwrap_or(0),
            caption: caption.to_owned(),
        }))
    }

    /// An item's photo: its fingerprint and the copy asked for as JPEG
    /// bytes; `None` when it has none.
    pub async fn item_photo(
        &self,
        item: ItemId,
        size: PhotoSize,
    ) -> Result<Option<(String, Vec<u8>)>, StoreError> {
        let column = match size {
            PhotoSize::Full => "jpeg",
            PhotoSize::Thumb => "thumb",
        };
        Ok(sqlx::query_as(&format!(
            "SELECT sha256, {column} FROM item_photos WHERE id = ? AND removed = 0"
        ))
        .bind(item.to_string())
        .fetch_optional(self.pool())
        .await?)
    }
}

#[cfg(test)]
pub(crate) mod tests;
