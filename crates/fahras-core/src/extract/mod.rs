//! Entity extraction: the contract every extractor implements.
//!
//! An [`Extractor`] runs the extractors of the requested [`KindSet`] over a
//! [`Document`] and returns an [`Extraction`]: entities with spans into the
//! original text, and relations between them by id. The JSON form of one
//! document's result is the line `fahras extract` writes and `fahras eval`
//! reads:
//!
//! ```json
//! {"id": "doc-1", "entities": [{"id": 0, "kind": "DATE", "start": 52, "end": 66,
//!   "byte_start": 97, "byte_end": 121, "text": "…", "value": "2020-12-07",
//!   "attrs": {"granularity": "day", "calendar": "gregorian", "relative": false}}],
//!  "relations": []}
//! ```
//!
//! Kinds whose extractor is not written yet are accepted and produce nothing;
//! [`Extractor::missing`] names them so that a front end can say so.

mod date;
pub mod entity;

pub use entity::{
    Attrs, Calendar, DateAttrs, Entity, EntityKind, EntityView, Granularity, KindSet, Relation,
    UnknownKind,
};
pub use jiff::civil::Date;

use serde::Serialize;

/// A document to extract from.
#[derive(Clone, Copy, Debug)]
pub struct Document<'a> {
    /// The original text; every span points into it.
    pub text: &'a str,
    /// Publication date, against which relative dates (أمس، الشهر المنصرم) resolve.
    pub published: Option<Date>,
}

impl<'a> Document<'a> {
    /// A document with no known publication date.
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            published: None,
        }
    }

    /// The same document published on `date`.
    #[must_use]
    pub fn published(self, date: Date) -> Self {
        Self {
            published: Some(date),
            ..self
        }
    }
}

/// What extraction found in one document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Extraction {
    /// Entities in text order (by start, longer first); an entity's id is its index.
    pub entities: Vec<Entity>,
    /// Relations between entities, by id.
    pub relations: Vec<Relation>,
}

impl Extraction {
    /// The serializable view of this result for document `id` with text `text`.
    pub fn view<'a>(&'a self, id: &'a str, text: &'a str) -> ExtractionView<'a> {
        ExtractionView {
            id,
            entities: self
                .entities
                .iter()
                .zip(0u32..)
                .map(|(e, i)| e.view(i, text))
                .collect(),
            relations: &self.relations,
        }
    }
}

/// One output line of `fahras extract`.
#[derive(Clone, Debug, Serialize)]
pub struct ExtractionView<'a> {
    /// The document id.
    pub id: &'a str,
    /// The entities, each with its id.
    pub entities: Vec<EntityView<'a>>,
    /// Relations between the entities.
    pub relations: &'a [Relation],
}

/// Runs the extractors of a set of kinds.
#[derive(Clone, Debug)]
pub struct Extractor {
    kinds: KindSet,
}

impl Extractor {
    /// The kinds that have an extractor in this version.
    pub const AVAILABLE: KindSet = KindSet::EMPTY.with(EntityKind::Date);

    /// An extractor for `kinds`.
    pub fn new(kinds: KindSet) -> Self {
        Self { kinds }
    }

    /// The kinds asked for.
    pub fn kinds(&self) -> KindSet {
        self.kinds
    }

    /// The kinds asked for that have no extractor yet.
    pub fn missing(&self) -> KindSet {
        self.kinds
            .iter()
            .filter(|k| !Self::AVAILABLE.contains(*k))
            .collect()
    }

    /// Extract entities from `doc`. Cannot fail; spans index `doc.text`.
    pub fn extract(&self, doc: &Document<'_>) -> Extraction {
        let mut out = Extraction::default();
        if self.kinds.contains(EntityKind::Date) {
            date::DATES.extract(doc, &mut out.entities);
        }
        sort(&mut out.entities);
        out
    }
}

/// Text order: by start, then the longer (enclosing) entity first, then kind.
fn sort(entities: &mut [Entity]) {
    entities.sort_by(|a, b| {
        a.bytes
            .start
            .cmp(&b.bytes.start)
            .then(b.bytes.end.cmp(&a.bytes.end))
            .then(a.kind.cmp(&b.kind))
    });
}
