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

/// The proclitics written joined to the word after them, one letter before
/// two: a conjunction, a preposition, or both. Dates and names precompute
/// the forms of their words behind each.
pub(crate) const PROCLITICS: [&str; 11] =
    ["و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"];

/// The letters a [`PROCLITICS`] form opens with: a word that opens with
/// none of them carries no proclitic, and is not looked up behind one.
pub(crate) const PROCLITIC_LETTERS: [char; 5] = ['و', 'ف', 'ب', 'ل', 'ك'];
mod events;
mod names;
pub(crate) mod table;
mod vocab;

pub use entity::{
    Attrs, BranchAttrs, Calendar, DateAttrs, DirectiveAttrs, DirectiveKind, Entity, EntityKind,
    EntityView, Granularity, KindSet, LocAttrs, MeetingAttrs, MeetingKind, OrgAttrs, OrgKind,
    PersonAttrs, PlaceType, Relation, RoleAttrs, UnknownKind,
};
pub use jiff::civil::Date;
pub use table::{
    Cell, Column, ColumnType, DIRECTIVE_COLUMNS, DirectiveRow, OfficialNames, Row, Table, TableDoc,
    UnknownTable,
};

use serde::Serialize;

/// A publication date as feeds write it: `YYYY-MM-DD`, alone or at the start
/// of a timestamp (`2020-12-08T10:00:00+03:00`, `2020-12-08 02:51:33`).
/// The CLI and the Python bindings read `published` through this one rule.
///
/// # Examples
/// ```
/// use fahras_core::extract::{Date, parse_published};
/// let d: Date = "2020-12-08".parse().unwrap();
/// assert_eq!(parse_published("2020-12-08T10:00:00+03:00"), Some(d));
/// assert_eq!(parse_published("8/12/2020"), None);
/// ```
pub fn parse_published(s: &str) -> Option<Date> {
    let s = s.trim();
    s.get(..10).unwrap_or(s).parse().ok()
}

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
    pub const AVAILABLE: KindSet = KindSet::EMPTY
        .with(EntityKind::Date)
        .with(EntityKind::Org)
        .with(EntityKind::Branch)
        .with(EntityKind::Person)
        .with(EntityKind::Role)
        .with(EntityKind::Loc)
        .with(EntityKind::Directive)
        .with(EntityKind::Meeting);

    /// The kinds event extraction produces; they need the names for their actors.
    const EVENTS: KindSet = KindSet::EMPTY
        .with(EntityKind::Directive)
        .with(EntityKind::Meeting);

    /// The kinds name extraction produces.
    const NAMES: KindSet = KindSet::EMPTY
        .with(EntityKind::Org)
        .with(EntityKind::Branch)
        .with(EntityKind::Person)
        .with(EntityKind::Role)
        .with(EntityKind::Loc);

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
        let events = !self.kinds.intersection(Self::EVENTS).is_empty();
        let names = events || !self.kinds.intersection(Self::NAMES).is_empty();
        if !names && !self.kinds.contains(EntityKind::Date) {
            return Extraction::default();
        }
        let tokens = date::DATES.analyzer().analyze(doc.text);
        let vocab: &vocab::Vocab = if events {
            &vocab::ALL
        } else if names {
            &vocab::NAMES
        } else {
            &vocab::DATES
        };
        let slots = vocab.read(&tokens);
        let mut entities = Vec::new();
        let mut relations = Vec::new();
        // Names need the dates too: a date's words are never part of a name.
        date::DATES.extract_tokens(doc, &tokens, &slots, vocab, &mut entities);
        if names {
            let dates = entities.clone();
            names::NAMES.extract(
                doc.text,
                &tokens,
                &slots,
                &dates,
                &mut entities,
                &mut relations,
            );
        }
        if events {
            events::EVENTS.extract(doc.text, &tokens, &slots, &mut entities, &mut relations);
        }
        finish(entities, relations, self.kinds)
    }
}

/// Keep the kinds asked for, in text order (by start, the longer enclosing
/// entity first, then kind), with relation ids re-pointed and relations to a
/// dropped entity dropped.
fn finish(entities: Vec<Entity>, relations: Vec<Relation>, kinds: KindSet) -> Extraction {
    let mut order: Vec<usize> = (0..entities.len())
        .filter(|&k| kinds.contains(entities[k].kind))
        .collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&entities[a], &entities[b]);
        a.bytes
            .start
            .cmp(&b.bytes.start)
            .then(b.bytes.end.cmp(&a.bytes.end))
            .then(a.kind.cmp(&b.kind))
    });
    let mut new_id = vec![None; entities.len()];
    for (new, &old) in order.iter().enumerate() {
        new_id[old] = u32::try_from(new).ok();
    }
    let relations = relations
        .into_iter()
        .filter_map(|r| {
            Some(Relation {
                from: new_id[r.from as usize]?,
                to: new_id[r.to as usize]?,
                kind: r.kind,
            })
        })
        .collect();
    let mut slots: Vec<Option<Entity>> = entities.into_iter().map(Some).collect();
    let entities = order.iter().filter_map(|&k| slots[k].take()).collect();
    Extraction {
        entities,
        relations,
    }
}

/// One official, read off the relations: a title, who holds it, and the
/// organization, branch and place it belongs to. Fields are entity ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Official {
    /// The PERSON holding the title, when named.
    pub person: Option<u32>,
    /// The ROLE.
    pub role: u32,
    /// The ORG: the one the title belongs to, or the branch's organization.
    pub org: Option<u32>,
    /// The BRANCH the title belongs to.
    pub branch: Option<u32>,
    /// The branch's place.
    pub place: Option<u32>,
}

impl Extraction {
    /// The officials of the document: one per ROLE that is not part of a
    /// larger title, with what the relations say about it.
    pub fn officials(&self) -> Vec<Official> {
        let target = |kind: &str, from: u32| {
            self.relations
                .iter()
                .find(|r| r.kind == kind && r.from == from)
                .map(|r| r.to)
        };
        let is = |id: u32, kind: EntityKind| {
            self.entities
                .get(id as usize)
                .is_some_and(|e| e.kind == kind)
        };
        self.entities
            .iter()
            .zip(0u32..)
            .filter(|(e, _)| e.kind == EntityKind::Role)
            .map(|(_, role)| {
                let person = self
                    .relations
                    .iter()
                    .find(|r| r.kind == "holds_role" && r.to == role)
                    .map(|r| r.from);
                let of = target("role_of", role);
                let branch = of.filter(|&t| is(t, EntityKind::Branch));
                let org = of
                    .filter(|&t| is(t, EntityKind::Org))
                    .or_else(|| branch.and_then(|b| target("branch_of", b)));
                let place = branch.and_then(|b| target("located_in", b));
                Official {
                    person,
                    role,
                    org,
                    branch,
                    place,
                }
            })
            .collect()
    }
}
