//! The directives table: one flat row per DIRECTIVE, the shape notebooks
//! and spreadsheets want (`fahras extract --table directives`, and the
//! Python `directives()` of a later issue).

use serde::Serialize;

use super::entity::{Attrs, DirectiveKind, EntityKind};
use super::{Date, Extraction};

/// One directive as a row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DirectiveRow {
    /// The document id.
    pub doc_id: String,
    /// The date of the meeting it was decided at, or else the article's
    /// publication date (ISO 8601); empty when neither is known.
    pub date: Option<String>,
    /// Who issues it.
    pub actor: Option<String>,
    /// What it states.
    pub kind: DirectiveKind,
    /// Whom it addresses.
    pub addressee: Option<String>,
    /// What is decided or asked.
    pub content: String,
    /// Its deadline (ISO 8601).
    pub deadline: Option<String>,
    /// First code point of the directive in the original text.
    pub start: u32,
    /// One past its last code point.
    pub end: u32,
}

/// The columns of [`DirectiveRow`], in order: the header of a CSV table.
pub const DIRECTIVE_COLUMNS: [&str; 9] = [
    "doc_id",
    "date",
    "actor",
    "kind",
    "addressee",
    "content",
    "deadline",
    "start",
    "end",
];

impl DirectiveRow {
    /// The row's cells in [`DIRECTIVE_COLUMNS`] order, absent values empty.
    pub fn cells(&self) -> [String; 9] {
        let opt = |o: &Option<String>| o.clone().unwrap_or_default();
        [
            self.doc_id.clone(),
            opt(&self.date),
            opt(&self.actor),
            self.kind.as_str().to_owned(),
            opt(&self.addressee),
            self.content.clone(),
            opt(&self.deadline),
            self.start.to_string(),
            self.end.to_string(),
        ]
    }
}

impl Extraction {
    /// The directives of document `doc_id`, published on `published`, as
    /// rows. Needs the MEETING entities for meeting dates; without them the
    /// publication date stands in.
    pub fn directive_rows(&self, doc_id: &str, published: Option<Date>) -> Vec<DirectiveRow> {
        let meeting_date = |id: u32| {
            self.relations
                .iter()
                .find(|r| r.kind == "decided_at" && r.from == id)
                .and_then(|r| match &self.entities.get(r.to as usize)?.attrs {
                    Attrs::Meeting(m) => m.date.clone(),
                    _ => None,
                })
        };
        self.entities
            .iter()
            .zip(0u32..)
            .filter(|(e, _)| e.kind == EntityKind::Directive)
            .filter_map(|(e, id)| {
                let Attrs::Directive(a) = &e.attrs else {
                    return None;
                };
                Some(DirectiveRow {
                    doc_id: doc_id.to_owned(),
                    date: meeting_date(id).or_else(|| published.map(|d| d.to_string())),
                    actor: a.actor.clone(),
                    kind: a.directive_kind,
                    addressee: a.addressee.clone(),
                    content: a.content.clone(),
                    deadline: a.deadline.clone(),
                    start: e.chars.start,
                    end: e.chars.end,
                })
            })
            .collect()
    }
}
