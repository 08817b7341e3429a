//! From a URL query string to a [`SearchRequest`]: the page's and the API's
//! parameters, checked and bounded, since anyone who can reach the port can
//! send anything.

use fahras_core::extract::{Date, DirectiveKind};
use fahras_core::index::{DocType, FACETS, SearchRequest};

use super::error::ApiError;

/// Longest query accepted, in characters.
pub(crate) const MAX_QUERY_CHARS: usize = 1_000;
/// Most hits on one page.
pub(crate) const MAX_LIMIT: usize = 100;
/// Deepest page (tantivy collects offset + limit hits to skip the first).
pub(crate) const MAX_OFFSET: usize = 10_000;
/// Most rows in one export.
pub(crate) const EXPORT_LIMIT: usize = 10_000;
/// Most values of one filter, and their length.
const MAX_VALUES: usize = 20;
const MAX_VALUE_CHARS: usize = 200;
/// Most passages per hit, and values per facet.
const MAX_SNIPPETS: usize = 5;
const MAX_FACET_LIMIT: usize = 200;

/// Which endpoint the parameters are for: it sets the defaults and the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Purpose {
    /// `/api/search`: a page of hits.
    Search,
    /// `/api/facets`: counts only; every facet unless some are named.
    Facets,
    /// `/api/export.*`: every match up to [`EXPORT_LIMIT`], one passage each.
    Export,
}

fn bad(msg: impl Into<String>) -> ApiError {
    ApiError::bad_request(msg)
}

fn number(key: &str, value: &str, max: usize) -> Result<usize, ApiError> {
    let n: usize = value
        .trim()
        .parse()
        .map_err(|_| bad(format!("`{key}` must be a whole number, not {value:?}")))?;
    if n > max {
        return Err(bad(format!("`{key}` is at most {max}")));
    }
    Ok(n)
}

fn date(key: &str, value: &str) -> Result<Option<Date>, ApiError> {
    let v = value.trim();
    if v.is_empty() {
        return Ok(None);
    }
    v.parse::<Date>().map(Some).map_err(|_| {
        bad(format!(
            "`{key}` must be a day as YYYY-MM-DD, not {value:?}"
        ))
    })
}

fn doc_type(value: &str) -> Result<DocType, ApiError> {
    Ok(match value {
        "" | "article" => DocType::Article,
        "directive" => DocType::Directive,
        "all" => DocType::Any,
        other => {
            return Err(bad(format!(
                "`type` is article, directive or all, not {other:?}"
            )));
        }
    })
}

fn push(values: &mut Vec<String>, key: &str, value: &str) -> Result<(), ApiError> {
    let v = value.trim();
    if v.is_empty() {
        return Ok(());
    }
    if values.len() == MAX_VALUES {
        return Err(bad(format!("at most {MAX_VALUES} values of `{key}`")));
    }
    if v.chars().count() > MAX_VALUE_CHARS {
        return Err(bad(format!(
            "a value of `{key}` is longer than {MAX_VALUE_CHARS} characters"
        )));
    }
    values.push(v.to_owned());
    Ok(())
}

/// The search `raw` (a URL query string) asks for.
///
/// # Errors
/// A 400 naming the parameter for anything unknown, malformed or over a limit.
pub(crate) fn request(raw: Option<&str>, purpose: Purpose) -> Result<SearchRequest, ApiError> {
    let mut req = SearchRequest::new("");
    req.snippets = 2;
    let mut kinds_given = false;
    let mut year: Option<i16> = None;
    for (key, value) in form_urlencoded::parse(raw.unwrap_or("").as_bytes()) {
        let f = &mut req.filters;
        match key.as_ref() {
            "q" => {
                if value.chars().count() > MAX_QUERY_CHARS {
                    return Err(bad(format!(
                        "the query is longer than {MAX_QUERY_CHARS} characters"
                    )));
                }
                req.query = value.into_owned();
            }
            "type" => req.doc_type = doc_type(&value)?,
            "kind" => {
                let v = value.trim();
                if !v.is_empty() {
                    let kind: DirectiveKind = v.parse().map_err(|_| {
                        bad(format!(
                            "`kind` is decision, directive, call, recommendation or emphasis, not {v:?}"
                        ))
                    })?;
                    push(&mut f.directive_kind, "kind", kind.as_str())?;
                    kinds_given = true;
                }
            }
            "org" => push(&mut f.org, "org", &value)?,
            "branch" => push(&mut f.branch, "branch", &value)?,
            "person" => push(&mut f.person, "person", &value)?,
            "role" => push(&mut f.role, "role", &value)?,
            "place" => push(&mut f.place, "place", &value)?,
            "from" => f.from = date("from", &value)?,
            "to" => f.to = date("to", &value)?,
            "year" => {
                let v = value.trim();
                if !v.is_empty() {
                    year = Some(
                        v.parse()
                            .ok()
                            .filter(|y| (1..=9999).contains(y))
                            .ok_or_else(|| bad(format!("`year` must be a year, not {v:?}")))?,
                    );
                }
            }
            "limit" => req.limit = number("limit", &value, MAX_LIMIT)?,
            "offset" => req.offset = number("offset", &value, MAX_OFFSET)?,
            "snippets" => req.snippets = number("snippets", &value, MAX_SNIPPETS)?,
            "facet_limit" => req.facet_limit = number("facet_limit", &value, MAX_FACET_LIMIT)?,
            "facet" => {
                for name in value.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                    if !FACETS.contains(&name) {
                        return Err(bad(format!(
                            "unknown facet `{name}` (expected one of {})",
                            FACETS.join(", ")
                        )));
                    }
                    if !req.facets.iter().any(|f| f == name) {
                        req.facets.push(name.to_owned());
                    }
                }
            }
            "timeline" => {
                req.timeline = match value.as_ref() {
                    "" | "1" | "true" => true,
                    "0" | "false" => false,
                    other => return Err(bad(format!("`timeline` is 1 or 0, not {other:?}"))),
                }
            }
            // The page's own state, carried in shared links.
            "lang" | "doc" | "_" => {}
            other => return Err(bad(format!("unknown parameter `{other}`"))),
        }
    }
    finish(req, kinds_given, year, purpose)
}

/// What follows from the parameters together, and the purpose's bounds.
fn finish(
    mut req: SearchRequest,
    kinds_given: bool,
    year: Option<i16>,
    purpose: Purpose,
) -> Result<SearchRequest, ApiError> {
    // Only directives have a kind: asking for one means directives.
    if kinds_given && req.doc_type == DocType::Article {
        req.doc_type = DocType::Directive;
    }
    if let Some(y) = year {
        let (first, last) = (
            Date::new(y, 1, 1).map_err(|e| bad(e.to_string()))?,
            Date::new(y, 12, 31).map_err(|e| bad(e.to_string()))?,
        );
        let f = &mut req.filters;
        f.from = Some(f.from.map_or(first, |d| d.max(first)));
        f.to = Some(f.to.map_or(last, |d| d.min(last)));
    }
    match purpose {
        Purpose::Search => {}
        Purpose::Facets => {
            req.limit = 0;
            req.offset = 0;
            req.snippets = 0;
            if req.facets.is_empty() {
                req.facets = FACETS.iter().map(|&f| f.to_owned()).collect();
            }
        }
        Purpose::Export => {
            req.limit = EXPORT_LIMIT;
            req.offset = 0;
            req.snippets = 1;
            req.facets.clear();
            req.timeline = false;
        }
    }
    Ok(req)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_repeat_and_a_year_narrows_the_date_range() {
        let req = request(
            Some("q=%D8%A7%D9%85%D9%8A%D9%86&org=a&org=b&year=2020&from=2020-03-01&facet=org,year&timeline=1"),
            Purpose::Search,
        )
        .unwrap();
        assert_eq!(req.query, "امين");
        assert_eq!(req.filters.org, ["a", "b"]);
        assert_eq!(req.filters.from, Some(Date::constant(2020, 3, 1)));
        assert_eq!(req.filters.to, Some(Date::constant(2020, 12, 31)));
        assert_eq!(req.facets, ["org", "year"]);
        assert!(req.timeline);
    }

    #[test]
    fn a_kind_means_directives() {
        let req = request(Some("kind=call"), Purpose::Search).unwrap();
        assert_eq!(req.doc_type, DocType::Directive);
        assert_eq!(req.filters.directive_kind, ["call"]);
    }

    #[test]
    fn bad_parameters_are_named() {
        for (raw, word) in [
            ("limit=1000", "limit"),
            ("limit=x", "limit"),
            ("from=2020-13-01", "from"),
            ("facet=colour", "colour"),
            ("kind=order", "kind"),
            ("type=video", "type"),
            ("sort=date", "sort"),
            ("year=abc", "year"),
        ] {
            let err = request(Some(raw), Purpose::Search).unwrap_err();
            assert!(err.message.contains(word), "{raw}: {}", err.message);
            assert_eq!(err.status, axum::http::StatusCode::BAD_REQUEST);
        }
        let long = format!("q={}", "ا".repeat(MAX_QUERY_CHARS + 1));
        assert!(request(Some(&long), Purpose::Search).is_err());
    }

    #[test]
    fn exports_take_every_match_and_facets_every_facet() {
        let e = request(Some("limit=5&offset=20&facet=org"), Purpose::Export).unwrap();
        assert_eq!((e.limit, e.offset, e.facets.len()), (EXPORT_LIMIT, 0, 0));
        let f = request(None, Purpose::Facets).unwrap();
        assert_eq!((f.limit, f.facets.len()), (0, FACETS.len()));
    }
}
