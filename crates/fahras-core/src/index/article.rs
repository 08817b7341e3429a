//! Turning an article and what was extracted from it into index documents.

use serde::Serialize;
use tantivy::TantivyDocument;
use tantivy::schema::Facet;

use super::schema::Fields;
use crate::extract::table::name;
use crate::extract::{
    Date, DirectiveRow, EntityKind, EntityView, Extraction, OfficialNames, Relation,
};

/// An article to index. Only `id` and `text` are required.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Article {
    /// Unique id; adding an article with an id already in the index replaces it.
    pub id: String,
    /// The text, as given: snippets point into it.
    pub text: String,
    /// Headline. When absent, the first line of the text (up to 200 chars) stands in.
    pub title: Option<String>,
    /// Where it was published (newspaper, feed).
    pub source: Option<String>,
    /// Its address.
    pub url: Option<String>,
    /// Publication date.
    pub published: Option<Date>,
}

impl Article {
    /// An article with only an id and a text.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            text: text.into(),
            ..Self::default()
        }
    }

    /// The title, or the first non-blank line of the text.
    pub fn title_or_first_line(&self) -> &str {
        if let Some(t) = self.title.as_deref().filter(|t| !t.trim().is_empty()) {
            return t;
        }
        let line = self
            .text
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or("");
        match line.char_indices().nth(200) {
            Some((i, _)) => &line[..i],
            None => line,
        }
    }
}

/// What an article hit shows besides its text: stored as JSON with the article.
#[derive(Serialize)]
struct StoredArticle<'a> {
    entities: Vec<EntityView<'a>>,
    relations: &'a [Relation],
    officials: Vec<OfficialNames>,
    directives: &'a [DirectiveRow],
}

/// An article made ready for the index, off the writer (so many can be made
/// at once): its own document and one per directive.
#[derive(Debug)]
pub struct Prepared {
    pub(crate) id: String,
    pub(crate) docs: Vec<TantivyDocument>,
}

impl Prepared {
    /// The article's id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// How many directives it carries as documents of their own.
    pub fn directives(&self) -> usize {
        self.docs.len().saturating_sub(1)
    }
}

/// Day zero of tantivy's timestamps.
pub(crate) const EPOCH: Date = Date::constant(1970, 1, 1);

/// A day as tantivy stores dates: its first second, UTC.
pub(crate) fn day(d: Date) -> tantivy::DateTime {
    tantivy::DateTime::from_timestamp_secs(d.duration_since(EPOCH).as_secs())
}

/// The first day of an ISO value (`2020`, `2020-12`, `2020-12-07`, or an
/// interval `a/b`); `None` for values that name no day.
fn first_day(value: &str) -> Option<Date> {
    let v = value.split('/').next()?;
    let mut parts = v.splitn(3, '-');
    let y: i16 = parts.next()?.parse().ok()?;
    let m: i8 = parts.next().map_or(Some(1), |m| m.parse().ok())?;
    let d: i8 = parts.next().map_or(Some(1), |d| d.get(..2)?.parse().ok())?;
    Date::new(y, m, d).ok()
}

/// Facet and search fields of one entity-bearing document.
struct Filing<'a> {
    fields: &'a Fields,
    doc: &'a mut TantivyDocument,
}

impl Filing<'_> {
    fn add(&mut self, kind: EntityKind, value: &str) {
        let (field, facet) = match kind {
            EntityKind::Org => (self.fields.org, "org"),
            EntityKind::Branch => (self.fields.branch, "branch"),
            EntityKind::Person => (self.fields.person, "person"),
            EntityKind::Role => (self.fields.role, "role"),
            EntityKind::Loc => (self.fields.place, "place"),
            _ => return,
        };
        if value.is_empty() {
            return;
        }
        self.doc.add_text(field, value);
        self.doc
            .add_facet(self.fields.facets, Facet::from_path([facet, value]));
    }

    fn published(&mut self, date: Option<Date>) {
        if let Some(d) = date {
            self.doc.add_date(self.fields.published, day(d));
            self.doc.add_facet(
                self.fields.facets,
                Facet::from_path(["year", &d.year().to_string()]),
            );
        }
    }
}

fn common(fields: &Fields, article: &Article, doc_type: &str, id: &str) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(fields.doc_type, doc_type);
    doc.add_text(fields.id, id);
    doc.add_text(fields.article, &article.id);
    let title = article.title_or_first_line();
    doc.add_text(fields.title, title);
    if let Some(s) = &article.source {
        doc.add_text(fields.source, s);
    }
    if let Some(u) = &article.url {
        doc.add_text(fields.url, u);
    }
    doc
}

/// Build the documents of `article`; `found` is what was extracted from its text.
pub(crate) fn prepare(fields: &Fields, article: &Article, found: Option<&Extraction>) -> Prepared {
    let text = article.text.as_str();
    let mut doc = common(fields, article, "article", &article.id);
    doc.add_text(fields.body, text);
    let mut filing = Filing {
        fields,
        doc: &mut doc,
    };
    filing.published(article.published);
    let Some(found) = found else {
        return Prepared {
            id: article.id.clone(),
            docs: vec![doc],
        };
    };
    let mut seen = std::collections::HashSet::new();
    for e in &found.entities {
        let plural = match &e.attrs {
            crate::extract::Attrs::Branch(b) => b.plural,
            crate::extract::Attrs::Role(r) => r.plural,
            _ => false,
        };
        // Generic references ("فروع الحزب") are no facet of their own.
        if !plural && seen.insert((e.kind, name(e, text))) {
            filing.add(e.kind, name(e, text));
        }
        if e.kind == EntityKind::Date {
            if let Some(d) = e.value.as_deref().and_then(first_day) {
                filing.doc.add_date(fields.dates, day(d));
            }
        }
    }
    let rows = found.directive_rows(&article.id, article.published);
    let stored = StoredArticle {
        entities: found
            .entities
            .iter()
            .zip(0u32..)
            .map(|(e, i)| e.view(i, text))
            .collect(),
        relations: &found.relations,
        officials: officials(found, text),
        directives: &rows,
    };
    doc.add_text(
        fields.entities,
        serde_json::to_string(&stored).unwrap_or_default(),
    );
    let mut docs = vec![doc];
    docs.extend(directive_docs(fields, article, found, &rows));
    Prepared {
        id: article.id.clone(),
        docs,
    }
}

fn officials(found: &Extraction, text: &str) -> Vec<OfficialNames> {
    found
        .official_names(text)
        .into_iter()
        .map(|(n, _)| n)
        .collect()
}

/// One document per directive: its text is the directive's, its date the
/// meeting's or the article's, its entity fields those of its actor.
fn directive_docs<'a>(
    fields: &'a Fields,
    article: &'a Article,
    found: &'a Extraction,
    rows: &'a [DirectiveRow],
) -> impl Iterator<Item = TantivyDocument> + 'a {
    let text = article.text.as_str();
    let ids = found
        .entities
        .iter()
        .zip(0u32..)
        .filter(|(e, _)| e.kind == EntityKind::Directive);
    ids.zip(rows).enumerate().map(move |(n, ((e, id), row))| {
        let mut doc = common(fields, article, "directive", &format!("{}#{n}", article.id));
        let body = e.text(text);
        doc.add_text(fields.body, body);
        doc.add_text(fields.kind, row.kind.as_str());
        doc.add_facet(fields.facets, Facet::from_path(["kind", row.kind.as_str()]));
        doc.add_u64(fields.offset, u64::from(e.chars.start));
        doc.add_u64(fields.offset, u64::from(e.bytes.start));
        doc.add_text(
            fields.entities,
            serde_json::to_string(row).unwrap_or_default(),
        );
        let mut filing = Filing {
            fields,
            doc: &mut doc,
        };
        filing.published(row.date.as_deref().and_then(first_day));
        for (kind, value) in actor_names(found, id, text) {
            filing.add(kind, value);
        }
        doc
    })
}

/// The actor of directive `id` and what it belongs to: a role's holder and
/// organization, a branch's party and place.
fn actor_names<'t>(found: &'t Extraction, id: u32, text: &'t str) -> Vec<(EntityKind, &'t str)> {
    let target = |kind: &str, from: u32| {
        found
            .relations
            .iter()
            .find(|r| r.kind == kind && r.from == from)
            .map(|r| r.to)
    };
    let mut out = Vec::new();
    let mut push = |i: u32| -> Option<EntityKind> {
        let e = found.entities.get(i as usize)?;
        out.push((e.kind, name(e, text)));
        Some(e.kind)
    };
    let Some(actor) = target("issued_by", id) else {
        return out;
    };
    // Names inside the actor's own words: "قيادة فرع اللاذقية للحزب" is a
    // body of the Latakia branch.
    let mut inner: Vec<u32> = Vec::new();
    if let Some(a) = found.entities.get(actor as usize) {
        inner.extend(found.entities.iter().zip(0u32..).filter_map(|(e, i)| {
            let within = i != actor && a.bytes.start <= e.bytes.start && e.bytes.end <= a.bytes.end;
            (within
                && matches!(
                    e.kind,
                    EntityKind::Branch | EntityKind::Org | EntityKind::Loc
                ))
            .then_some(i)
        }));
    }
    for &i in &inner {
        push(i);
    }
    let mut of = Some(actor);
    if push(actor) == Some(EntityKind::Role) {
        if let Some(p) = found
            .relations
            .iter()
            .find(|r| r.kind == "holds_role" && r.to == actor)
        {
            push(p.from);
        }
        of = target("role_of", actor);
        if let Some(o) = of {
            push(o);
        }
    }
    for b in of.into_iter().chain(inner) {
        if let Some(org) = target("branch_of", b) {
            push(org);
        }
        if let Some(place) = target("located_in", b) {
            push(place);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_days_of_iso_values() {
        let d = |s: &str| first_day(s).map(|d| d.to_string());
        assert_eq!(d("2020-12-07").as_deref(), Some("2020-12-07"));
        assert_eq!(d("2021-02").as_deref(), Some("2021-02-01"));
        assert_eq!(d("2020").as_deref(), Some("2020-01-01"));
        assert_eq!(d("2020-12-01/2020-12-07").as_deref(), Some("2020-12-01"));
        assert_eq!(d("P3D"), None);
    }

    #[test]
    fn a_title_falls_back_to_the_first_line() {
        let mut a = Article::new("x", "\n  العنوان هنا  \nالنص");
        assert_eq!(a.title_or_first_line(), "العنوان هنا");
        a.title = Some("عنوان".into());
        assert_eq!(a.title_or_first_line(), "عنوان");
    }
}
