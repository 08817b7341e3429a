//! Flat tables of what was extracted: the shape notebooks, spreadsheets and
//! Parquet files want. One definition serves `fahras extract --table`, the
//! Python `extract_columns` / `to_pandas` / `to_arrow` and the index, so a
//! row means the same thing everywhere.
//!
//! | table | one row per | columns |
//! |---|---|---|
//! | `entities` | entity | [`Table::Entities`] |
//! | `officials` | distinct official (title, holder, organization, branch, place) | [`Table::Officials`] |
//! | `directives` | DIRECTIVE | [`DIRECTIVE_COLUMNS`] |
//! | `meetings` | MEETING | [`Table::Meetings`] |

use std::fmt;
use std::str::FromStr;

use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};

use super::entity::{Attrs, DirectiveKind, Entity, EntityKind, KindSet};
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

    fn into_row(self) -> Vec<Cell> {
        vec![
            Cell::Text(self.doc_id),
            self.date.into(),
            self.actor.into(),
            Cell::Text(self.kind.as_str().to_owned()),
            self.addressee.into(),
            Cell::Text(self.content),
            self.deadline.into(),
            Cell::Int(self.start.into()),
            Cell::Int(self.end.into()),
        ]
    }
}

/// An official as names: a title, who holds it, its organization, branch and place.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficialNames {
    /// The person's name, when given.
    pub person: Option<String>,
    /// The title.
    pub role: String,
    /// The organization.
    pub org: Option<String>,
    /// The branch.
    pub branch: Option<String>,
    /// The branch's place.
    pub place: Option<String>,
}

/// The name an entity is filed under: its canonical value, or its text.
pub(crate) fn name<'t>(e: &'t Entity, text: &'t str) -> &'t str {
    e.value.as_deref().unwrap_or_else(|| e.text(text)).trim()
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

    /// The distinct officials of a document as names, each with the id of
    /// the first ROLE entity that names it: a title named again and again is
    /// one official.
    pub fn official_names(&self, text: &str) -> Vec<(OfficialNames, u32)> {
        let get = |id: Option<u32>| {
            id.and_then(|i| self.entities.get(i as usize))
                .map(|e| name(e, text).to_owned())
        };
        let mut out: Vec<(OfficialNames, u32)> = Vec::new();
        for o in self.officials() {
            let Some(role) = get(Some(o.role)) else {
                continue;
            };
            let names = OfficialNames {
                role,
                person: get(o.person),
                org: get(o.org),
                branch: get(o.branch),
                place: get(o.place),
            };
            if !out.iter().any(|(n, _)| *n == names) {
                out.push((names, o.role));
            }
        }
        out
    }
}

/// A flat table of extraction results.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Table {
    /// One row per entity: its id, kind, offsets, text, value and
    /// attributes (as JSON).
    Entities,
    /// One row per distinct official: person, title, office, organization,
    /// branch, place, and the title's span.
    Officials,
    /// One row per directive: [`DIRECTIVE_COLUMNS`].
    Directives,
    /// One row per meeting: kind, body, date, place, chair, text and span.
    Meetings,
}

/// The type of a column's values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnType {
    /// UTF-8 text.
    Text,
    /// A 64-bit integer.
    Int,
}

/// A column of a [`Table`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Column {
    /// Its name: the CSV header, the JSON key, the Parquet field.
    pub name: &'static str,
    /// The type of its values.
    pub ty: ColumnType,
    /// Whether a row may lack a value.
    pub nullable: bool,
}

const fn text(name: &'static str) -> Column {
    Column {
        name,
        ty: ColumnType::Text,
        nullable: false,
    }
}

const fn opt_text(name: &'static str) -> Column {
    Column {
        name,
        ty: ColumnType::Text,
        nullable: true,
    }
}

const fn int(name: &'static str) -> Column {
    Column {
        name,
        ty: ColumnType::Int,
        nullable: false,
    }
}

const ENTITIES: [Column; 10] = [
    text("doc_id"),
    int("id"),
    text("kind"),
    int("start"),
    int("end"),
    int("byte_start"),
    int("byte_end"),
    text("text"),
    opt_text("value"),
    text("attrs"),
];

const OFFICIALS: [Column; 9] = [
    text("doc_id"),
    opt_text("person"),
    text("role"),
    opt_text("office"),
    opt_text("org"),
    opt_text("branch"),
    opt_text("place"),
    int("start"),
    int("end"),
];

const DIRECTIVES: [Column; 9] = [
    text("doc_id"),
    opt_text("date"),
    opt_text("actor"),
    text("kind"),
    opt_text("addressee"),
    text("content"),
    opt_text("deadline"),
    int("start"),
    int("end"),
];

const MEETINGS: [Column; 10] = [
    text("doc_id"),
    text("kind"),
    opt_text("body"),
    opt_text("date"),
    opt_text("place"),
    opt_text("chair"),
    text("text"),
    int("start"),
    int("end"),
    opt_text("published"),
];

/// One value of a row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    /// No value (JSON `null`, an empty CSV cell, a Parquet null).
    Null,
    /// An integer.
    Int(i64),
    /// A text.
    Text(String),
}

impl From<Option<String>> for Cell {
    fn from(v: Option<String>) -> Self {
        v.map_or(Cell::Null, Cell::Text)
    }
}

impl Cell {
    /// The value as a CSV cell: empty when absent.
    pub fn to_csv(&self) -> String {
        match self {
            Cell::Null => String::new(),
            Cell::Int(i) => i.to_string(),
            Cell::Text(s) => s.clone(),
        }
    }
}

impl Serialize for Cell {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Cell::Null => s.serialize_none(),
            Cell::Int(i) => s.serialize_i64(*i),
            Cell::Text(t) => s.serialize_str(t),
        }
    }
}

/// A row with its table's column names: serializes as one JSON object
/// whose keys are in column order.
#[derive(Clone, Copy, Debug)]
pub struct Row<'a> {
    /// The table's columns.
    pub columns: &'a [Column],
    /// The values, one per column.
    pub cells: &'a [Cell],
}

impl Serialize for Row<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.columns.len()))?;
        for (c, v) in self.columns.iter().zip(self.cells) {
            m.serialize_entry(c.name, v)?;
        }
        m.end()
    }
}

/// The document a table's rows come from.
#[derive(Clone, Copy, Debug)]
pub struct TableDoc<'a> {
    /// Its id.
    pub id: &'a str,
    /// The text the entities' spans point into.
    pub text: &'a str,
    /// Its publication date.
    pub published: Option<Date>,
}

impl Table {
    /// Every table.
    pub const ALL: [Table; 4] = [
        Table::Entities,
        Table::Officials,
        Table::Directives,
        Table::Meetings,
    ];

    /// Its name, as `--table` and Python's `table=` spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            Table::Entities => "entities",
            Table::Officials => "officials",
            Table::Directives => "directives",
            Table::Meetings => "meetings",
        }
    }

    /// Its columns, in order.
    pub fn columns(self) -> &'static [Column] {
        match self {
            Table::Entities => &ENTITIES,
            Table::Officials => &OFFICIALS,
            Table::Directives => &DIRECTIVES,
            Table::Meetings => &MEETINGS,
        }
    }

    /// The kinds its rows are read from: an extractor for the table must
    /// run at least these (directives take their dates from meetings,
    /// officials their names from persons, organizations, branches and places).
    pub fn needs(self) -> KindSet {
        match self {
            Table::Entities => KindSet::EMPTY,
            Table::Officials => [
                EntityKind::Role,
                EntityKind::Person,
                EntityKind::Org,
                EntityKind::Branch,
                EntityKind::Loc,
            ]
            .into_iter()
            .collect(),
            Table::Directives => [EntityKind::Directive, EntityKind::Meeting]
                .into_iter()
                .collect(),
            Table::Meetings => [EntityKind::Meeting].into_iter().collect(),
        }
    }

    /// The rows of one document's extraction.
    pub fn rows(self, found: &Extraction, doc: TableDoc<'_>) -> Vec<Vec<Cell>> {
        let id = || Cell::Text(doc.id.to_owned());
        let span = |e: &Entity| {
            [
                Cell::Int(e.chars.start.into()),
                Cell::Int(e.chars.end.into()),
            ]
        };
        match self {
            Table::Entities => found
                .entities
                .iter()
                .zip(0u32..)
                .map(|(e, n)| {
                    let v = e.view(n, doc.text);
                    vec![
                        id(),
                        Cell::Int(n.into()),
                        Cell::Text(e.kind.as_str().to_owned()),
                        Cell::Int(v.start.into()),
                        Cell::Int(v.end.into()),
                        Cell::Int(v.byte_start.into()),
                        Cell::Int(v.byte_end.into()),
                        Cell::Text(v.text.to_owned()),
                        v.value.map(str::to_owned).into(),
                        Cell::Text(serde_json::to_string(v.attrs).unwrap_or_default()),
                    ]
                })
                .collect(),
            Table::Officials => found
                .official_names(doc.text)
                .into_iter()
                .filter_map(|(n, role)| {
                    let e = found.entities.get(role as usize)?;
                    let office = match &e.attrs {
                        Attrs::Role(r) => Some(r.office.clone()),
                        _ => None,
                    };
                    let mut row = vec![
                        id(),
                        n.person.into(),
                        Cell::Text(n.role),
                        office.into(),
                        n.org.into(),
                        n.branch.into(),
                        n.place.into(),
                    ];
                    row.extend(span(e));
                    Some(row)
                })
                .collect(),
            Table::Directives => found
                .directive_rows(doc.id, doc.published)
                .into_iter()
                .map(DirectiveRow::into_row)
                .collect(),
            Table::Meetings => found
                .entities
                .iter()
                .filter_map(|e| {
                    let Attrs::Meeting(m) = &e.attrs else {
                        return None;
                    };
                    let mut row = vec![
                        id(),
                        Cell::Text(m.meeting_kind.as_str().to_owned()),
                        m.body.clone().into(),
                        m.date.clone().into(),
                        m.place.clone().into(),
                        m.chair.clone().into(),
                        Cell::Text(e.text(doc.text).to_owned()),
                    ];
                    row.extend(span(e));
                    row.push(doc.published.map(|d| d.to_string()).into());
                    Some(row)
                })
                .collect(),
        }
    }
}

impl fmt::Display for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A table name that is none of [`Table::ALL`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown table `{0}` (expected entities, officials, directives or meetings)")]
pub struct UnknownTable(pub String);

impl FromStr for Table {
    type Err = UnknownTable;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Table::ALL
            .into_iter()
            .find(|t| t.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| UnknownTable(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, Extractor};

    const TEXT: &str = "عقدت قيادة فرع طرطوس لحزب البعث العربي الاشتراكي اجتماعها الدوري يوم الأحد 3 كانون الثاني 2021 برئاسة الرفيق سامر خليل أمين فرع طرطوس للحزب، وقرر المجتمعون تشكيل لجنة لمتابعة الأسعار.";

    fn rows(t: Table) -> Vec<Vec<Cell>> {
        let found = Extractor::new(KindSet::ALL).extract(&Document::new(TEXT));
        t.rows(
            &found,
            TableDoc {
                id: "d1",
                text: TEXT,
                published: Some(Date::constant(2021, 1, 4)),
            },
        )
    }

    #[test]
    fn every_row_has_one_cell_per_column_of_its_type() {
        for t in Table::ALL {
            let rows = rows(t);
            assert!(!rows.is_empty(), "{t}: no rows");
            for r in rows {
                assert_eq!(r.len(), t.columns().len(), "{t}");
                for (c, v) in t.columns().iter().zip(&r) {
                    match (c.ty, v) {
                        (_, Cell::Null) => assert!(c.nullable, "{t}.{} null", c.name),
                        (ColumnType::Int, Cell::Int(_)) | (ColumnType::Text, Cell::Text(_)) => {}
                        _ => panic!("{t}.{}: {v:?}", c.name),
                    }
                }
                assert_eq!(r[0], Cell::Text("d1".into()));
            }
        }
    }

    #[test]
    fn officials_and_meetings_read_the_relations() {
        let officials = rows(Table::Officials);
        let holder = officials
            .iter()
            .find(|r| r[1] == Cell::Text("سامر خليل".into()))
            .expect("the chair is an official");
        assert!(
            matches!(&holder[5], Cell::Text(b) if b.contains("طرطوس")),
            "{holder:?}"
        );
        let meetings = rows(Table::Meetings);
        assert_eq!(meetings[0][1], Cell::Text("periodic".into()));
        assert_eq!(meetings[0][3], Cell::Text("2021-01-03".into()));
        assert_eq!(meetings[0][9], Cell::Text("2021-01-04".into()));
    }

    #[test]
    fn rows_serialize_in_column_order() {
        let r = &rows(Table::Directives)[0];
        let json = serde_json::to_string(&Row {
            columns: Table::Directives.columns(),
            cells: r,
        })
        .unwrap();
        assert!(
            json.starts_with(r#"{"doc_id":"d1","date":"2021-01-03""#),
            "{json}"
        );
        assert_eq!("Meetings".parse::<Table>(), Ok(Table::Meetings));
        assert!("rows".parse::<Table>().is_err());
    }
}
