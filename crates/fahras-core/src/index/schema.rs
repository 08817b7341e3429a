//! The index schema: one tantivy document per article and one per directive.

use tantivy::schema::{
    DateOptions, DateTimePrecision, FAST, FacetOptions, Field, INDEXED, IndexRecordOption, STORED,
    STRING, Schema, SchemaBuilder, TextFieldIndexing, TextOptions,
};

use super::tokenizer::{SEARCH, TEXT};

/// Every field, by handle.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Fields {
    /// `article` or `directive`.
    pub doc_type: Field,
    /// Unique id: the article's id, or `<article id>#<n>` for its n-th directive.
    pub id: Field,
    /// The article a document belongs to (its own id for an article): deleting
    /// or replacing an article takes its directives with it.
    pub article: Field,
    /// The title: forms and marked stems ([`TEXT`]).
    pub title: Field,
    pub source: Field,
    pub url: Field,
    /// Publication date; for a directive, the date of its meeting or article.
    pub published: Field,
    /// The text, stored as given (snippets point into it), indexed as forms
    /// and marked stems ([`TEXT`]).
    pub body: Field,
    /// Canonical names of the entities, analyzed like the body, for
    /// `org:"…"` and the `--org` filters.
    pub org: Field,
    pub branch: Field,
    pub person: Field,
    pub role: Field,
    pub place: Field,
    /// Directive kind (`decision`, `call`, …) for directives.
    pub kind: Field,
    /// Values of the DATE entities (first day of each).
    pub dates: Field,
    /// `/org/…`, `/branch/…`, `/person/…`, `/role/…`, `/place/…`, `/year/…`, `/kind/…`.
    pub facets: Field,
    /// Stored JSON: entities, officials and directives (articles), the row (directives).
    pub entities: Field,
    /// Char and byte offset of a directive's text in its article (stored).
    pub offset: Field,
}

fn text(tokenizer: &str, stored: bool) -> TextOptions {
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(tokenizer)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let opts = TextOptions::default().set_indexing_options(indexing);
    if stored { opts.set_stored() } else { opts }
}

impl Fields {
    pub(crate) fn schema() -> (Schema, Fields) {
        let mut b = SchemaBuilder::new();
        let day = DateOptions::from(INDEXED)
            .set_fast()
            .set_precision(DateTimePrecision::Seconds);
        let fields = Fields {
            doc_type: b.add_text_field("doc_type", STRING | STORED),
            id: b.add_text_field("id", STRING | STORED),
            article: b.add_text_field("article", STRING | STORED),
            title: b.add_text_field("title", text(TEXT, true)),
            source: b.add_text_field("source", STRING | STORED | FAST),
            url: b.add_text_field("url", STORED),
            published: b.add_date_field("published", day.clone().set_stored()),
            body: b.add_text_field("body", text(TEXT, true)),
            org: b.add_text_field("org", text(SEARCH, false)),
            branch: b.add_text_field("branch", text(SEARCH, false)),
            person: b.add_text_field("person", text(SEARCH, false)),
            role: b.add_text_field("role", text(SEARCH, false)),
            place: b.add_text_field("place", text(SEARCH, false)),
            kind: b.add_text_field("kind", STRING | STORED),
            dates: b.add_date_field("dates", day),
            facets: b.add_facet_field("facets", FacetOptions::default()),
            entities: b.add_text_field("entities", STORED),
            offset: b.add_u64_field("offset", STORED),
        };
        (b.build(), fields)
    }

    /// The handles of `schema`, checking it is the one [`Fields::schema`] builds.
    pub(crate) fn of(schema: &Schema) -> Option<Fields> {
        let (expected, fields) = Self::schema();
        (schema == &expected).then_some(fields)
    }
}
