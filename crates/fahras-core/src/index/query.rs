//! From what a user types to a tantivy query: the analyzer on every term,
//! both body fields, day-precision dates, and the filters.

use std::ops::Bound;

use serde::Serialize;
use tantivy::Term;
use tantivy::query::{
    AllQuery, BooleanQuery, Occur, PhraseQuery, Query, QueryParser, RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};

use super::schema::Fields;
use crate::error::{Error, ErrorKind, Result};
use crate::extract::Date;
use crate::text::Analyzer;

/// Which documents a search returns.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DocType {
    /// Articles (the default).
    #[default]
    Article,
    /// Directives, each with its row and its article.
    Directive,
    /// Both.
    Any,
}

/// Restrictions on the documents a search returns. Values are matched as
/// phrases through the analyzer, so "البعث" finds "حزب البعث العربي الاشتراكي"
/// and spelling variants match. Several values of one filter are
/// alternatives; different filters must all hold.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    /// Organizations.
    pub org: Vec<String>,
    /// Branches (their names or places).
    pub branch: Vec<String>,
    /// Persons.
    pub person: Vec<String>,
    /// Titles.
    pub role: Vec<String>,
    /// Places.
    pub place: Vec<String>,
    /// Directive kinds (`decision`, `directive`, `call`, `recommendation`, `emphasis`).
    pub directive_kind: Vec<String>,
    /// Published on or after (for directives: the meeting's or article's date).
    pub from: Option<Date>,
    /// Published on or before.
    pub to: Option<Date>,
}

pub(crate) fn day_term(field: Field, d: Date) -> Term {
    Term::from_field_date_for_search(field, super::article::day(d))
}

/// A phrase of `value`'s analyzed words in `field`; `None` when it has none.
fn phrase(analyzer: &Analyzer, field: Field, value: &str) -> Option<Box<dyn Query>> {
    let terms: Vec<(usize, Term)> = analyzer
        .analyze(value)
        .into_iter()
        .filter(|t| t.kind.is_indexable())
        .map(|t| (t.position as usize, Term::from_field_text(field, &t.norm)))
        .collect();
    match terms.len() {
        0 => None,
        1 => Some(Box::new(TermQuery::new(
            terms.into_iter().next()?.1,
            IndexRecordOption::Basic,
        ))),
        _ => {
            let first = terms[0].0;
            let terms = terms.into_iter().map(|(p, t)| (p - first, t)).collect();
            Some(Box::new(PhraseQuery::new_with_offset(terms)))
        }
    }
}

fn any_of(queries: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    Box::new(BooleanQuery::new(
        queries.into_iter().map(|q| (Occur::Should, q)).collect(),
    ))
}

/// The parser of user queries: default fields title, body and their stems,
/// all terms required unless `OR` says otherwise.
pub(crate) fn parser(index: &tantivy::Index, f: &Fields) -> QueryParser {
    let mut p = QueryParser::for_index(index, vec![f.title, f.body, f.title_stem, f.body_stem]);
    p.set_conjunction_by_default();
    p.set_field_boost(f.title, 2.0);
    p.set_field_boost(f.body, 1.5);
    p.set_field_boost(f.title_stem, 1.0);
    p.set_field_boost(f.body_stem, 0.6);
    p
}

/// The article document whose id is `id`.
pub(crate) fn article_by_id(f: &Fields, id: &str) -> BooleanQuery {
    let term = |field, v: &str| -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_field_text(field, v),
            IndexRecordOption::Basic,
        ))
    };
    BooleanQuery::new(vec![
        (Occur::Must, term(f.id, id)),
        (Occur::Must, term(f.doc_type, "article")),
    ])
}

/// The whole query: the user's words, the document type and the filters.
pub(crate) fn build(
    parser: &QueryParser,
    f: &Fields,
    analyzer: &Analyzer,
    text: &str,
    doc_type: DocType,
    filters: &Filters,
) -> Result<Box<dyn Query>> {
    let text = rewrite_dates(text.trim());
    let user: Box<dyn Query> = if text.is_empty() || text == "*" {
        Box::new(AllQuery)
    } else {
        parser.parse_query(&text).map_err(|e| {
            Error::with_source(
                ErrorKind::InvalidQuery,
                format!("cannot parse the query {text:?}: {e}"),
                e,
            )
        })?
    };
    let mut must: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, user)];
    let doc_type = match doc_type {
        DocType::Article => Some("article"),
        DocType::Directive => Some("directive"),
        DocType::Any => None,
    };
    if let Some(t) = doc_type {
        let term = Term::from_field_text(f.doc_type, t);
        must.push((
            Occur::Must,
            Box::new(TermQuery::new(term, IndexRecordOption::Basic)),
        ));
    }
    for (field, values) in [
        (f.org, &filters.org),
        (f.branch, &filters.branch),
        (f.person, &filters.person),
        (f.role, &filters.role),
        (f.place, &filters.place),
    ] {
        if values.is_empty() {
            continue;
        }
        let alternatives = values
            .iter()
            .filter_map(|v| phrase(analyzer, field, v))
            .collect();
        must.push((Occur::Must, any_of(alternatives)));
    }
    if !filters.directive_kind.is_empty() {
        let kinds = filters
            .directive_kind
            .iter()
            .map(|k| {
                let t = Term::from_field_text(f.kind, k.trim());
                Box::new(TermQuery::new(t, IndexRecordOption::Basic)) as Box<dyn Query>
            })
            .collect();
        must.push((Occur::Must, any_of(kinds)));
    }
    if filters.from.is_some() || filters.to.is_some() {
        let lower = filters.from.map_or(Bound::Unbounded, |d| {
            Bound::Included(day_term(f.published, d))
        });
        let upper = filters.to.map_or(Bound::Unbounded, |d| {
            Bound::Included(day_term(f.published, d))
        });
        must.push((Occur::Must, Box::new(RangeQuery::new(lower, upper))));
    }
    Ok(Box::new(BooleanQuery::new(must)))
}

/// Dates in a query written as days: `date:` is `published:`, and in the date
/// fields `2020-12-07` becomes the RFC 3339 instant tantivy parses, `2020` and
/// `2020-12` whole ranges.
pub(crate) fn rewrite_dates(query: &str) -> String {
    let mut out = String::with_capacity(query.len() + 32);
    let mut rest = query;
    while let Some((before, field, after)) = next_date_field(rest) {
        out.push_str(before);
        out.push_str(field);
        out.push(':');
        let (value, tail) = if let Some(open @ ('[' | '{')) = after.chars().next() {
            let close = if open == '[' { ']' } else { '}' };
            match after.find(close) {
                Some(end) => {
                    let bounds: Vec<String> = after[1..end]
                        .split(" TO ")
                        .map(|b| instant(b.trim()))
                        .collect();
                    (
                        format!("{open}{}{close}", bounds.join(" TO ")),
                        &after[end + 1..],
                    )
                }
                None => (String::new(), after),
            }
        } else {
            let end = after
                .find(|c: char| c.is_whitespace() || c == ')')
                .unwrap_or(after.len());
            (whole(&after[..end]), &after[end..])
        };
        out.push_str(&value);
        rest = tail;
    }
    out.push_str(rest);
    out
}

/// The next `date:`/`published:`/`dates:` at a word start: text before, the
/// field's real name, text after the colon.
fn next_date_field(s: &str) -> Option<(&str, &'static str, &str)> {
    let mut from = 0;
    while from < s.len() {
        let rest = &s[from..];
        let hit = [
            ("date:", "published"),
            ("published:", "published"),
            ("dates:", "dates"),
        ]
        .iter()
        .filter_map(|(p, name)| rest.find(p).map(|i| (i, *p, *name)))
        .min_by_key(|(i, _, _)| *i)?;
        let at = from + hit.0;
        let word_start = s[..at]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '+' | '-'));
        if word_start {
            return Some((&s[..at], hit.2, &s[at + hit.1.len()..]));
        }
        from = at + hit.1.len();
    }
    None
}

/// A day as an instant; other bounds (`*`, full instants) as written.
fn instant(bound: &str) -> String {
    match bound.parse::<Date>() {
        Ok(d) if bound.len() == 10 => format!("{d}T00:00:00Z"),
        _ => bound.to_owned(),
    }
}

/// A bare value: a day, a month or a year becomes its range.
fn whole(value: &str) -> String {
    let parts: Vec<&str> = value.split('-').collect();
    let num = |s: &str| s.parse::<i16>().ok();
    match parts.as_slice() {
        [y] if y.len() == 4 && num(y).is_some() => {
            format!("[{y}-01-01T00:00:00Z TO {y}-12-31T00:00:00Z]")
        }
        [y, m] if y.len() == 4 && m.len() == 2 => match (num(y), m.parse::<i8>().ok()) {
            (Some(yy), Some(mm)) => match Date::new(yy, mm, 1) {
                Ok(first) => format!("[{first}T00:00:00Z TO {}T00:00:00Z]", first.last_of_month()),
                Err(_) => value.to_owned(),
            },
            _ => value.to_owned(),
        },
        _ => instant(value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_queries_become_instants() {
        assert_eq!(
            rewrite_dates("فرع date:[2020-01-01 TO 2020-12-31]"),
            "فرع published:[2020-01-01T00:00:00Z TO 2020-12-31T00:00:00Z]"
        );
        assert_eq!(
            rewrite_dates("dates:2020-02 AND x"),
            "dates:[2020-02-01T00:00:00Z TO 2020-02-29T00:00:00Z] AND x"
        );
        assert_eq!(
            rewrite_dates("published:2020"),
            "published:[2020-01-01T00:00:00Z TO 2020-12-31T00:00:00Z]"
        );
        assert_eq!(
            rewrite_dates("date:{* TO 2021-01-01}"),
            "published:{* TO 2021-01-01T00:00:00Z}"
        );
        // Not a field: left alone.
        assert_eq!(rewrite_dates("update:x"), "update:x");
    }
}
