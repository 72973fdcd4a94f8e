//! The `photo` URI scheme: item photos straight from the shop's store for
//! the UI's `<img>` tags, without passing megabytes through commands.
//! `photo://localhost/<item id>_<thumb|full>_<fingerprint>` (WebView2 on
//! Windows: `http://photo.localhost/...`). The fingerprint names one
//! version of the photo, so an answer never changes and is cached for good;
//! a URL whose fingerprint is not the item's photo now answers 404.

use crate::state::AppState;
use dukadesk_core::catalogue::photos::PhotoSize;
use dukadesk_domain::ItemId;
use tauri::http::{header, Request, Response, StatusCode};
use tauri::{Manager, Runtime, UriSchemeContext, UriSchemeResponder};

/// The scheme's name.
pub const SCHEME: &str = "photo";

/// What a photo URL asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Wanted {
    pub item: ItemId,
    pub size: PhotoSize,
    pub fingerprint: String,
}

/// Reads `<item id>_<thumb|full>_<fingerprint>` (a leading `/` allowed).
pub(crate) fn parse(path: &str) -> Option<Wanted> {
    let mut parts = path.trim_start_matches('/').splitn(3, '_');
    let item: ItemId = parts.next()?.parse().ok()?;
    let size = match parts.next()? {
        "thumb" => PhotoSize::Thumb,
        "full" => PhotoSize::Full,
        _ => return None,
    };
    let fingerprint = parts.next()?;
    if fingerprint.len() != 64 || !fingerprint.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    Some(Wanted {
        item,
        size,
        fingerprint: fingerprint.to_owned(),
    })
}

fn status(code: StatusCode) -> Response<Vec<u8>> {
    let mut response = Response::new(Vec::new());
    *response.status_mut() = code;
    response
}

/// Answers one request on the blocking-free async runtime.
pub fn handle<R: Runtime>(
    ctx: UriSchemeContext<'_, R>,
    request: Request<Vec<u8>>,
    responder: UriSchemeResponder,
) {
    let app = ctx.app_handle().clone();
    let path = request.uri().path().to_owned();
    tauri::async_runtime::spawn(async move {
        let response = match (parse(&path), app.try_state::<AppState>()) {
            (None, _) => status(StatusCode::BAD_REQUEST),
            (Some(_), None) => status(StatusCode::SERVICE_UNAVAILABLE),
            (Some(wanted), Some(state)) => match state.store() {
                Err(_) => status(StatusCode::SERVICE_UNAVAILABLE),
                Ok(store) => match store.item_photo(wanted.item, wanted.size).await {
                    Ok(Some((print, bytes))) if print == wanted.fingerprint => {
                        let mut response = Response::new(bytes);
                        let headers = response.headers_mut();
                        headers.insert(
                            header::CONTENT_TYPE,
                            header::HeaderValue::from_static("image/jpeg"),
                        );
                        headers.insert(
                            header::CACHE_CONTROL,
                            header::HeaderValue::from_static("max-age=31536000, immutable"),
                        );
                        response
                    }
                    Ok(_) => status(StatusCode::NOT_FOUND),
                    Err(e) => {
                        tracing::warn!(error = %e, "a photo could not be read");
                        status(StatusCode::INTERNAL_SERVER_ERROR)
                    }
                },
            },
        };
        responder.respond(response);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_photo_url_names_an_item_a_size_and_one_version() {
        let id = "9f0c7a52-1c1e-4d0e-9a63-5f1f4cf0a001";
        let print = "a".repeat(64);
        let wanted = parse(&format!("/{id}_thumb_{print}")).expect("read");
        assert_eq!(wanted.item.to_string(), id);
        assert_eq!(wanted.size, PhotoSize::Thumb);
        assert_eq!(wanted.fingerprint, print);
        assert_eq!(
            parse(&format!("{id}_full_{print}")).map(|w| w.size),
            Some(PhotoSize::Full)
        );
        for bad in [
            format!("{id}_large_{print}"),
            format!("{id}_thumb_{}", "a".repeat(63)),
            format!("{id}_thumb_{}", "g".repeat(64)),
            format!("not-an-id_thumb_{print}"),
            format!("{id}_thumb"),
            "../../etc/passwd".to_owned(),
            String::new(),
        ] {
            assert_eq!(parse(&bad), None, "{bad}");
        }
    }
}
