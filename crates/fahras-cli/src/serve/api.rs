//! The routes: the page, its files, and the JSON API. Every API answer is
//! the JSON of the matching command (`fahras search --format json`,
//! `fahras index show`, `fahras index stats --format json`).

use std::sync::Arc;

use axum::Json;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, RawQuery, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use fahras_core::index::{SearchResults, Stats, StoredDoc};

use super::error::ApiError;
use super::params::{self, Purpose};
use super::{App, assets, writes};

/// Largest request body (`POST /api/articles`).
const MAX_BODY: usize = 32 << 20;
/// Longest query string.
const MAX_QUERY_STRING: usize = 16 << 10;

/// No script, style, font or image but the binary's own: archive text that
/// slipped into markup still could not run.
const CSP: &str = "default-src 'self'; img-src 'self' data:; style-src 'self'; \
    script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; \
    form-action 'self'";

pub(crate) fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/", get(assets::page))
        .route("/assets/{*path}", get(assets::file))
        .route("/api/search", get(search))
        .route("/api/facets", get(facets))
        .route("/api/stats", get(stats))
        .route("/api/doc/{*id}", get(doc).delete(writes::delete))
        .route("/api/export.csv", get(export_csv))
        .route("/api/export.jsonl", get(export_jsonl))
        .route("/api/articles", post(writes::add))
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(middleware::from_fn(guard))
        .with_state(app)
}

/// Headers on every answer, and a bound on the query string before any
/// handler parses it.
async fn guard(req: Request, next: Next) -> Response {
    let too_long = req
        .uri()
        .query()
        .is_some_and(|q| q.len() > MAX_QUERY_STRING);
    let mut res = if too_long {
        ApiError::new(
            StatusCode::URI_TOO_LONG,
            format!("the query string is longer than {MAX_QUERY_STRING} bytes"),
        )
        .into_response()
    } else {
        next.run(req).await
    };
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    res
}

async fn not_found(req: Request) -> ApiError {
    ApiError::not_found(format!("no such page: {}", req.uri().path()))
}

/// Run index work off the async threads: a search is CPU-bound.
pub(crate) async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(f).await.map_err(|e| {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("the search failed: {e}"),
        )
    })?
}

async fn run(
    app: Arc<App>,
    raw: Option<String>,
    purpose: Purpose,
) -> Result<SearchResults, ApiError> {
    let req = params::request(raw.as_deref(), purpose)?;
    blocking(move || Ok(app.index.search(&req)?)).await
}

fn json_body(bytes: Bytes) -> Response {
    let mut res = bytes.into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    res
}

/// A search answered from the cache when the same request was answered on
/// the same index generation; else searched, serialized and cached.
async fn cached(
    app: Arc<App>,
    raw: Option<String>,
    purpose: Purpose,
) -> Result<Response, ApiError> {
    let key = format!("{purpose:?}?{}", raw.as_deref().unwrap_or(""));
    let generation = app.index.generation();
    if let Some((g, body)) = app.cache.as_ref().and_then(|c| c.get(&key)) {
        if g == generation {
            return Ok(json_body(body));
        }
    }
    let found = run(Arc::clone(&app), raw, purpose).await?;
    let body = Bytes::from(
        serde_json::to_vec(&found)
            .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?,
    );
    if let Some(c) = &app.cache {
        c.insert(key, (generation, body.clone()));
    }
    Ok(json_body(body))
}

/// `GET /api/search`: the JSON of `fahras search --format json`.
async fn search(
    State(app): State<Arc<App>>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    cached(app, raw, Purpose::Search).await
}

/// `GET /api/facets`: counts over every match, no hits.
async fn facets(
    State(app): State<Arc<App>>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    cached(app, raw, Purpose::Facets).await
}

/// `GET /api/stats`: as `fahras index stats --format json`.
async fn stats(State(app): State<Arc<App>>) -> Result<Json<Stats>, ApiError> {
    blocking(move || Ok(app.index.stats()?)).await.map(Json)
}

/// `GET /api/doc/{id}`: as `fahras index show DIR ID`.
async fn doc(
    State(app): State<Arc<App>>,
    Path(id): Path<String>,
) -> Result<Json<StoredDoc>, ApiError> {
    let found = {
        let id = id.clone();
        blocking(move || Ok(app.index.article(&id)?)).await?
    };
    found
        .map(Json)
        .ok_or_else(|| ApiError::not_found(format!("no article `{id}` in the index")))
}

fn attachment(body: Vec<u8>, mime: &'static str, name: &'static str, total: usize) -> Response {
    let mut res = body.into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
    h.insert(header::CONTENT_DISPOSITION, HeaderValue::from_static(name));
    // The export stops at EXPORT_LIMIT rows; the total tells whether it did.
    if let Ok(v) = HeaderValue::from_str(&total.to_string()) {
        h.insert("x-total-count", v);
    }
    res
}

/// `GET /api/export.csv`: every match (up to the export limit) as
/// `fahras search --format csv` writes it.
async fn export_csv(
    State(app): State<Arc<App>>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let found = run(app, raw, Purpose::Export).await?;
    let mut body = Vec::new();
    crate::commands::search::csv_rows(&mut body, &found.hits)
        .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
    Ok(attachment(
        body,
        "text/csv; charset=utf-8",
        "attachment; filename=\"fahras-export.csv\"",
        found.total,
    ))
}

/// `GET /api/export.jsonl`: every match (up to the export limit), one hit a
/// line, as the hit lines of `fahras search --format jsonl`.
async fn export_jsonl(
    State(app): State<Arc<App>>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let found = run(app, raw, Purpose::Export).await?;
    let mut body = Vec::new();
    for hit in &found.hits {
        serde_json::to_writer(&mut body, hit)
            .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
        body.push(b'\n');
    }
    Ok(attachment(
        body,
        "application/jsonl; charset=utf-8",
        "attachment; filename=\"fahras-export.jsonl\"",
        found.total,
    ))
}
