//! The page and everything it loads, compiled into the binary: the page
//! works offline and the binary is all there is to install.

use axum::extract::Path;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// An embedded file.
struct Asset {
    path: &'static str,
    mime: &'static str,
    body: &'static [u8],
    /// Fonts never change under a name; the page's files do between builds.
    immutable: bool,
}

macro_rules! asset {
    ($path:literal, $mime:literal, $immutable:literal) => {
        Asset {
            path: $path,
            mime: $mime,
            body: include_bytes!(concat!("../../assets/", $path)),
            immutable: $immutable,
        }
    };
}

const ASSETS: &[Asset] = &[
    asset!("index.html", "text/html; charset=utf-8", false),
    asset!("app.js", "text/javascript; charset=utf-8", false),
    asset!("app.css", "text/css; charset=utf-8", false),
    asset!("fonts/NotoNaskhArabic-Regular.ttf", "font/ttf", true),
    asset!("fonts/NotoNaskhArabic-Bold.ttf", "font/ttf", true),
    asset!("fonts/OFL.txt", "text/plain; charset=utf-8", true),
];

fn serve(path: &str) -> Response {
    let Some(a) = ASSETS.iter().find(|a| a.path == path) else {
        return (StatusCode::NOT_FOUND, "no such file").into_response();
    };
    let cache = if a.immutable {
        "public, max-age=604800"
    } else {
        "no-cache"
    };
    let mut res = a.body.into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(a.mime));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    res
}

/// `/`: the search page (its state lives in the query string).
pub(crate) async fn page() -> Response {
    serve("index.html")
}

/// `/assets/{*path}`.
pub(crate) async fn file(Path(path): Path<String>) -> Response {
    serve(&path)
}
