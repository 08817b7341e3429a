//! `POST /api/articles` and `DELETE /api/doc/{id}`, only when the server was
//! started with `--allow-writes`: a page anyone on the port can reach must
//! not change the archive by default.

use std::sync::{Arc, Mutex};

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use fahras_core::Extractor;
use fahras_core::extract::parse_published;
use fahras_core::index::{Article, Index, Writer};
use serde::Deserialize;

use super::App;
use super::api::blocking;
use super::error::ApiError;

/// The writer and the extractor of a server that accepts writes. The writer
/// holds tantivy's lock for as long as the server runs, so `fahras index add`
/// cannot write beside it.
pub(crate) struct Writes {
    writer: Mutex<Writer>,
    extractor: Extractor,
}

impl std::fmt::Debug for Writes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Writes").finish_non_exhaustive()
    }
}

impl Writes {
    pub(crate) fn new(writer: Writer, extractor: Extractor) -> Self {
        Self {
            writer: Mutex::new(writer),
            extractor,
        }
    }
}

/// One article of a POST body: the JSON Lines fields of `fahras index add`.
#[derive(Deserialize)]
struct NewArticle {
    id: String,
    text: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    published: Option<String>,
}

fn read_only() -> ApiError {
    ApiError::new(
        StatusCode::FORBIDDEN,
        "this server is read-only; start it with `fahras serve --allow-writes` to change the index",
    )
}

fn writes(app: &App) -> Result<&Writes, ApiError> {
    app.writes.as_ref().ok_or_else(read_only)
}

/// The articles of a body: a JSON array, or JSON Lines. All of them parse or
/// none is added, so a client never has to find out which half landed.
fn parse(body: &[u8]) -> Result<Vec<Article>, ApiError> {
    let text = std::str::from_utf8(body)
        .map_err(|e| ApiError::bad_request(format!("the body is not UTF-8: {e}")))?;
    let raw: Vec<NewArticle> = if text.trim_start().starts_with('[') {
        serde_json::from_str(text).map_err(|e| ApiError::bad_request(e.to_string()))?
    } else {
        text.lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(i, l)| {
                serde_json::from_str(l)
                    .map_err(|e| ApiError::bad_request(format!("line {}: {e}", i + 1)))
            })
            .collect::<Result<_, _>>()?
    };
    raw.into_iter()
        .map(|a| {
            if a.id.trim().is_empty() || a.text.trim().is_empty() {
                return Err(ApiError::bad_request(
                    "every article needs a non-empty `id` and `text`",
                ));
            }
            let published = match a.published.as_deref().map(str::trim) {
                None | Some("") => None,
                Some(s) => Some(parse_published(s).ok_or_else(|| {
                    ApiError::bad_request(format!("`published` {s:?} is not a YYYY-MM-DD date"))
                })?),
            };
            Ok(Article {
                id: a.id,
                text: a.text,
                title: a.title,
                source: a.source,
                url: a.url,
                published,
            })
        })
        .collect()
}

fn locked(w: &Writes) -> Result<std::sync::MutexGuard<'_, Writer>, ApiError> {
    w.writer.lock().map_err(|_| {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "an earlier write failed half-way; restart the server",
        )
    })
}

/// `POST /api/articles`: extract, index and commit; an id already indexed
/// is replaced. Answers `{"added", "directives"}`.
pub(crate) async fn add(
    State(app): State<Arc<App>>,
    body: Bytes,
) -> Result<Json<serde_json::Value>, ApiError> {
    writes(&app)?;
    let articles = parse(&body)?;
    blocking(move || {
        let w = writes(&app)?;
        let prepared: Vec<_> = articles
            .iter()
            .map(|a| app.index.prepare(a, Some(&w.extractor)))
            .collect();
        let directives: usize = prepared
            .iter()
            .map(fahras_core::index::Prepared::directives)
            .sum();
        let added = prepared.len();
        let mut writer = locked(w)?;
        for p in prepared {
            writer.add(p)?;
        }
        writer.commit()?;
        Ok(Json(
            serde_json::json!({ "added": added, "directives": directives }),
        ))
    })
    .await
}

/// `DELETE /api/doc/{id}`: the article and its directives. Answers
/// `{"deleted": true|false}`.
pub(crate) async fn delete(
    State(app): State<Arc<App>>,
    Path(id): Path<String>,
) -> Result<Json<serde_json::Value>, ApiError> {
    writes(&app)?;
    blocking(move || {
        let w = writes(&app)?;
        let index: &Index = &app.index;
        let existed = index.contains(&id)?;
        let mut writer = locked(w)?;
        writer.delete(&id);
        writer.commit()?;
        Ok(Json(serde_json::json!({ "deleted": existed })))
    })
    .await
}
