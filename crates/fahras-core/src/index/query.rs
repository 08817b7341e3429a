//! From what a user types to a tantivy query: the analyzer on every term,
//! forms and stems of `title` and `body`, day-precision dates, and the filters.
//!
//! tantivy's grammar parses the query. Words meant for the text (no field,
//! `title:` or `body:`) are built here, because one word asks for two things
//! the query parser cannot express: its form, and its stem class (the marked
//! stem, or the stem as written; see [`tokenizer::TEXT`](super::tokenizer::TEXT)).
//! Every other leaf (entity fields, dates, ranges, sets) goes to tantivy's
//! query parser as it is.

use std::ops::Bound;

use serde::Serialize;
use tantivy::Term;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, Occur, PhraseQuery, Query, QueryParser, RangeQuery,
    RegexPhraseQuery, TermQuery,
};
use tantivy::query_grammar::{UserInputAst, UserInputLeaf, UserInputLiteral};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TokenizerManager;

use super::schema::Fields;
use super::snippet::Terms;
use super::tokenizer::{self, FahrasTokenizer, STEM_MARK};
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

/// The parser of the query leaves that are not words of the text: default
/// fields title and body, all terms required unless `OR` says otherwise. It
/// reads `title` and `body` by their forms alone (a prefix phrase), since
/// tokens at one position would make it ask for a form AND a stem.
pub(crate) fn parser(index: &tantivy::Index, f: &Fields, search: &Analyzer) -> QueryParser {
    let tokenizers = TokenizerManager::default();
    for name in [tokenizer::SEARCH, tokenizer::TEXT] {
        tokenizers.register(name, FahrasTokenizer::new(search.clone()));
    }
    let mut p = QueryParser::new(index.schema(), vec![f.title, f.body], tokenizers);
    p.set_conjunction_by_default();
    p
}

/// How much a match of a word in a text field counts: (field, as written,
/// by its stem). The title above the body, the form above the stem.
fn weights(f: &Fields, field: Option<&str>) -> Option<Vec<(Field, f32, f32)>> {
    let title = (f.title, 2.0, 1.0);
    let body = (f.body, 1.5, 0.6);
    match field {
        None => Some(vec![title, body]),
        Some("title") => Some(vec![title]),
        Some("body") => Some(vec![body]),
        Some(_) => None,
    }
}

/// One analyzed word of a query: its form, its stem (none for a stop word).
struct Word {
    position: usize,
    form: String,
    stem: Option<String>,
}

impl Word {
    /// The stem as the index writes it when it differs from the form.
    fn marked(&self) -> Option<String> {
        self.stem
            .as_deref()
            .map(|stem| format!("{STEM_MARK}{stem}"))
    }

    /// A regex of the word's stem class for a phrase: the marked stem or the
    /// stem as written; the form alone for a stop word.
    fn class_pattern(&self) -> String {
        match &self.stem {
            Some(stem) => format!(
                "\\x{{{:x}}}?{}",
                u32::from(STEM_MARK),
                regex_syntax::escape(stem)
            ),
            None => regex_syntax::escape(&self.form),
        }
    }
}

fn term(field: Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::WithFreqs,
    ))
}

fn boosted(q: Box<dyn Query>, boost: f32) -> Box<dyn Query> {
    Box::new(BoostQuery::new(q, boost))
}

/// Builds the user's part of a query and notes the words snippets look for.
struct UserQuery<'a> {
    parser: &'a QueryParser,
    fields: &'a Fields,
    search: &'a Analyzer,
    stem: &'a Analyzer,
    terms: Terms,
}

impl UserQuery<'_> {
    fn invalid(text: &str, e: impl std::error::Error + Send + Sync + 'static) -> Error {
        Error::with_source(
            ErrorKind::InvalidQuery,
            format!("cannot parse the query {text:?}: {e}"),
            e,
        )
    }

    /// `None` for a part without words (punctuation alone), which tantivy's
    /// parser drops too.
    fn build(&mut self, text: &str, ast: UserInputAst) -> Result<Option<Box<dyn Query>>> {
        Ok(match ast {
            UserInputAst::Clause(parts) => {
                let mut clauses = Vec::with_capacity(parts.len());
                for (occur, part) in parts {
                    if let Some(q) = self.build(text, part)? {
                        clauses.push((occur.unwrap_or(Occur::Must), q));
                    }
                }
                (!clauses.is_empty())
                    .then(|| Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>)
            }
            // The grammar's boosts are f64; a score is f32.
            #[allow(clippy::cast_possible_truncation)]
            UserInputAst::Boost(part, boost) => self
                .build(text, *part)?
                .map(|q| boosted(q, boost.into_inner() as f32)),
            UserInputAst::Leaf(leaf) => match *leaf {
                UserInputLeaf::Literal(lit) if !lit.prefix => {
                    match weights(self.fields, lit.field_name.as_deref()) {
                        Some(w) => self.words(&lit, &w),
                        None => Some(self.delegate(text, UserInputLeaf::Literal(lit))?),
                    }
                }
                other => Some(self.delegate(text, other)?),
            },
        })
    }

    fn delegate(&self, text: &str, leaf: UserInputLeaf) -> Result<Box<dyn Query>> {
        self.parser
            .build_query_from_user_input_ast(UserInputAst::Leaf(Box::new(leaf)))
            .map_err(|e| Self::invalid(text, e))
    }

    /// A word or a phrase in `title`/`body`: by form and by stem class.
    fn words(
        &mut self,
        lit: &UserInputLiteral,
        weights: &[(Field, f32, f32)],
    ) -> Option<Box<dyn Query>> {
        let words: Vec<Word> = self
            .search
            .analyze(&lit.phrase)
            .into_iter()
            .filter(|t| t.kind.is_indexable())
            .map(|t| Word {
                position: t.position as usize,
                stem: self
                    .stem
                    .normalize_token(t.text(&lit.phrase))
                    .map(|s| s.to_string()),
                form: t.norm.to_string(),
            })
            .collect();
        let first = words.first()?.position;
        if weights.iter().any(|(f, _, _)| *f == self.fields.body) {
            for w in &words {
                self.terms.forms.insert(w.form.clone());
                if let Some(s) = &w.stem {
                    self.terms.stems.insert(s.clone());
                }
            }
        }
        // The same for every field: worked out once.
        let marked = match &*words {
            [w] => w.marked(),
            _ => None,
        };
        let classes: Vec<(usize, String)> =
            if words.len() > 1 && words.iter().any(|w| w.stem.is_some()) {
                words
                    .iter()
                    .map(|w| (w.position - first, w.class_pattern()))
                    .collect()
            } else {
                Vec::new()
            };
        let mut per_field = Vec::with_capacity(weights.len() * 2);
        for &(field, form_boost, stem_boost) in weights {
            let mut form_boost = form_boost;
            let (form, stem): (Box<dyn Query>, Option<Box<dyn Query>>) = if let [w] = &*words {
                let stem = w.stem.as_deref().zip(marked.as_deref()).map(|(s, m)| {
                    if s == w.form {
                        // A word that is its own stem ("امين"): the stem as
                        // written is the form's own term, searched once with
                        // both boosts (the same score as twice). One posting
                        // list less per field.
                        form_boost += stem_boost;
                        term(field, m)
                    } else {
                        Box::new(BooleanQuery::new(vec![
                            (Occur::Should, term(field, m)),
                            (Occur::Should, term(field, s)),
                        ])) as Box<dyn Query>
                    }
                });
                (term(field, &w.form), stem)
            } else {
                let forms = words
                    .iter()
                    .map(|w| (w.position - first, Term::from_field_text(field, &w.form)))
                    .collect();
                let form = PhraseQuery::new_with_offset_and_slop(forms, lit.slop);
                let stem = (!classes.is_empty()).then(|| {
                    Box::new(RegexPhraseQuery::new_with_offset_and_slop(
                        field,
                        classes.clone(),
                        lit.slop,
                    )) as Box<dyn Query>
                });
                (Box::new(form) as Box<dyn Query>, stem)
            };
            per_field.push((Occur::Should, boosted(form, form_boost)));
            if let Some(stem) = stem {
                per_field.push((Occur::Should, boosted(stem, stem_boost)));
            }
        }
        Some(Box::new(BooleanQuery::new(per_field)))
    }
}

/// Whether a query only excludes (`-x`, `NOT x`): it would match nothing.
fn all_negative(ast: &UserInputAst) -> bool {
    match ast {
        UserInputAst::Leaf(_) => false,
        UserInputAst::Boost(part, _) => all_negative(part),
        UserInputAst::Clause(parts) => {
            !parts.is_empty()
                && parts
                    .iter()
                    .all(|(occur, part)| *occur == Some(Occur::MustNot) || all_negative(part))
        }
    }
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

/// The analyzers a query is read with: forms, and stems.
pub(crate) struct Analyzers<'a> {
    pub search: &'a Analyzer,
    pub stem: &'a Analyzer,
}

/// The whole query (the user's words, the document type and the filters),
/// and the words of the text that snippets look for.
pub(crate) fn build(
    parser: &QueryParser,
    f: &Fields,
    analyzers: &Analyzers<'_>,
    text: &str,
    doc_type: DocType,
    filters: &Filters,
) -> Result<(Box<dyn Query>, Terms)> {
    let analyzer = analyzers.search;
    let text = rewrite_dates(text.trim());
    let mut user_query = UserQuery {
        parser,
        fields: f,
        search: analyzers.search,
        stem: analyzers.stem,
        terms: Terms::default(),
    };
    let user: Box<dyn Query> = if text.is_empty() || text == "*" {
        Box::new(AllQuery)
    } else {
        let ast = tantivy::query_grammar::parse_query(&text).map_err(|_| {
            Error::new(
                ErrorKind::InvalidQuery,
                format_args!("cannot parse the query {text:?}: syntax error"),
            )
        })?;
        if all_negative(&ast) {
            return Err(Error::new(
                ErrorKind::InvalidQuery,
                format_args!(
                    "cannot parse the query {text:?}: it only excludes; add a word to look for"
                ),
            ));
        }
        match user_query.build(&text, ast)? {
            Some(q) => q,
            None => Box::new(tantivy::query::EmptyQuery),
        }
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
    Ok((Box::new(BooleanQuery::new(must)), user_query.terms))
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
