//! Entities: what extraction produces and what the scorer reads.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::span::{ByteSpan, CharSpan};

/// The eight kinds of ANNOTATION.md.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityKind {
    /// A calendar or time expression.
    Date,
    /// A named or specific organization or body.
    Org,
    /// A regional or local unit of an organization.
    Branch,
    /// A personal name as written, without honorifics.
    Person,
    /// The title of an office.
    Role,
    /// A place.
    Loc,
    /// A decision, directive, call, demand or recommendation.
    Directive,
    /// The clause that reports a meeting being held.
    Meeting,
}

impl EntityKind {
    /// Every kind, in the order of ANNOTATION.md.
    pub const ALL: [EntityKind; 8] = [
        Self::Date,
        Self::Org,
        Self::Branch,
        Self::Person,
        Self::Role,
        Self::Loc,
        Self::Directive,
        Self::Meeting,
    ];

    /// The label used in JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Date => "DATE",
            Self::Org => "ORG",
            Self::Branch => "BRANCH",
            Self::Person => "PERSON",
            Self::Role => "ROLE",
            Self::Loc => "LOC",
            Self::Directive => "DIRECTIVE",
            Self::Meeting => "MEETING",
        }
    }

    const fn bit(self) -> u8 {
        1 << self as u8
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An unknown entity kind label.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown entity kind `{0}` (expected one of DATE, ORG, BRANCH, PERSON, ROLE, LOC, DIRECTIVE, MEETING)"
)]
pub struct UnknownKind(pub String);

impl FromStr for EntityKind {
    type Err = UnknownKind;

    /// Case-insensitive, so `--kinds date,org` works.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        Self::ALL
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| UnknownKind(s.to_owned()))
    }
}

/// A set of kinds: which extractors to run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct KindSet(u8);

impl KindSet {
    /// No kind.
    pub const EMPTY: KindSet = KindSet(0);
    /// Every kind.
    pub const ALL: KindSet = KindSet(0xff);

    /// Whether `kind` is in the set.
    pub fn contains(self, kind: EntityKind) -> bool {
        self.0 & kind.bit() != 0
    }

    /// The set with `kind` added.
    #[must_use]
    pub const fn with(self, kind: EntityKind) -> Self {
        Self(self.0 | kind.bit())
    }

    /// Kinds in both sets.
    #[must_use]
    pub fn intersection(self, other: Self) -> Self {
        Self(self.0 & other.0)
    }

    /// Whether the set holds no kind.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The kinds in the set, in the order of [`EntityKind::ALL`].
    pub fn iter(self) -> impl Iterator<Item = EntityKind> {
        EntityKind::ALL
            .into_iter()
            .filter(move |k| self.contains(*k))
    }
}

impl FromIterator<EntityKind> for KindSet {
    fn from_iter<I: IntoIterator<Item = EntityKind>>(iter: I) -> Self {
        iter.into_iter().fold(Self::EMPTY, Self::with)
    }
}

impl FromStr for KindSet {
    type Err = UnknownKind;

    /// A comma-separated list such as `DATE,ORG`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.split(',')
            .filter(|p| !p.trim().is_empty())
            .map(EntityKind::from_str)
            .collect()
    }
}

impl fmt::Display for KindSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, k) in self.iter().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            f.write_str(k.as_str())?;
        }
        Ok(())
    }
}

/// Granularity of a date value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    /// A calendar day (`2020-05-05`).
    Day,
    /// A week (`2020-W19`).
    Week,
    /// A month (`2020-05`).
    Month,
    /// A quarter (`2021-Q1`).
    Quarter,
    /// A year (`2020`).
    Year,
    /// A season: spring is March to May, and so on (`2016-06-01/2016-08-31`).
    Season,
    /// A decade (`1970-01-01/1979-12-31`).
    Decade,
    /// A century (`1900-01-01/1999-12-31` for "القرن العشرين", as TimeML's `19`).
    Century,
    /// A weekday whose date the text does not fix.
    Weekday,
    /// A range of dates (`2020-05-01/2020-05-03`).
    Interval,
    /// A time of day without a date.
    Time,
}

/// The calendar a date is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Calendar {
    /// Gregorian months or numeric dates.
    Gregorian,
    /// Hijri (Islamic) months or years marked هـ.
    Hijri,
}

/// Attributes of a `DATE` entity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateAttrs {
    /// How precise the value is.
    pub granularity: Granularity,
    /// The calendar of the written expression.
    pub calendar: Calendar,
    /// Whether the expression is relative to the article's date (أمس، الشهر المنصرم).
    pub relative: bool,
    /// For Hijri days, the date as written in the Hijri calendar
    /// (`1441-09-12`); `value` holds its Gregorian equivalent (Umm al-Qura).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hijri: Option<String>,
    /// Time of day (`10:30`) when one is attached.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
}

/// What kind of organization an `ORG` is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgKind {
    /// A political party or movement.
    Party,
    /// A body of a party: its political bureau, a committee, its leadership.
    PartyBody,
    /// A state body: government, ministry, directorate, central bank, commission.
    Government,
    /// A parliament or one of its chambers.
    Parliament,
    /// A trade union, federation or professional association.
    Union,
    /// A news agency, newspaper or channel.
    Media,
    /// Any other organization: a club, a company, a university, an NGO.
    Other,
}

impl FromStr for OrgKind {
    type Err = UnknownKind;

    /// The snake-case name; `state_body` is read as [`OrgKind::Government`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s {
            "party" => Self::Party,
            "party_body" => Self::PartyBody,
            "government" | "state_body" => Self::Government,
            "parliament" => Self::Parliament,
            "union" => Self::Union,
            "media" => Self::Media,
            "other" => Self::Other,
            _ => return Err(UnknownKind(s.to_owned())),
        })
    }
}

/// What kind of place a `LOC` is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceType {
    /// A state.
    Country,
    /// A state's capital.
    Capital,
    /// A first-level division: governorate, wilaya, region, emirate.
    Division,
    /// A second-level unit or a town below a division.
    District,
    /// A city.
    City,
    /// A named region ("الصعيد", "الشرق الأوسط").
    Region,
    /// A continent.
    Continent,
    /// A place the gazetteer does not list, named after a unit word.
    Unlisted,
}

impl FromStr for PlaceType {
    type Err = UnknownKind;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s {
            "country" => Self::Country,
            "capital" => Self::Capital,
            "division" => Self::Division,
            "district" => Self::District,
            "city" => Self::City,
            "region" => Self::Region,
            "continent" => Self::Continent,
            "unlisted" => Self::Unlisted,
            _ => return Err(UnknownKind(s.to_owned())),
        })
    }
}

/// Attributes of an `ORG` entity; its canonical name is the entity's `value`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrgAttrs {
    /// What kind of organization it is.
    pub org_kind: OrgKind,
    /// ISO 3166-1 alpha-2 code, when the gazetteer knows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

/// Attributes of a `LOC` entity; its canonical name is the entity's `value`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocAttrs {
    /// What kind of place it is.
    pub place_type: PlaceType,
    /// ISO 3166-1 alpha-2 code, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

/// Attributes of a `ROLE` entity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleAttrs {
    /// The office: the title's head word in the singular, folded ("امين").
    pub office: String,
    /// A plural title ("أمناء المحافظات"): several holders.
    pub plural: bool,
    /// The canonical name of the organization or branch the office belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org: Option<String>,
}

/// Attributes of a `BRANCH` entity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BranchAttrs {
    /// A plural or generic reference ("فروع الحزب في المحافظات").
    pub plural: bool,
    /// Canonical name of the branch's place, when one is named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// Canonical name of the organization the branch belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
}

/// Attributes of a `PERSON` entity; the full name is the entity's `value`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonAttrs {
    /// Honorifics and forms of address before the name, folded ("السيد").
    pub honorifics: Vec<String>,
}

/// What a `DIRECTIVE` states.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DirectiveKind {
    /// Something decided or approved (قرر، صادق، أقر).
    Decision,
    /// An instruction to a subordinate body (وجه، كلف، عمم).
    Directive,
    /// A call or demand (دعا، طالب، ناشد).
    Call,
    /// A recommendation or proposal (أوصى، اقترح).
    Recommendation,
    /// An emphasis on what must be done (شدد على، أكد على ضرورة).
    Emphasis,
}

impl FromStr for DirectiveKind {
    type Err = UnknownKind;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s {
            "decision" => Self::Decision,
            "directive" => Self::Directive,
            "call" => Self::Call,
            "recommendation" => Self::Recommendation,
            "emphasis" => Self::Emphasis,
            _ => return Err(UnknownKind(s.to_owned())),
        })
    }
}

impl DirectiveKind {
    /// The snake-case name used in JSON and tables.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Decision => "decision",
            Self::Directive => "directive",
            Self::Call => "call",
            Self::Recommendation => "recommendation",
            Self::Emphasis => "emphasis",
        }
    }
}

/// What kind of meeting a `MEETING` is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingKind {
    /// A regular meeting (الدوري، الأسبوعي).
    Periodic,
    /// A monthly meeting.
    Monthly,
    /// An annual meeting or general assembly.
    Annual,
    /// An extraordinary or emergency meeting.
    Extraordinary,
    /// A congress or conference.
    Congress,
    /// A founding congress (المؤتمر التأسيسي).
    FoundingCongress,
    /// A seminar, forum or study day.
    Seminar,
    /// Any other meeting, session or encounter.
    Other,
}

impl MeetingKind {
    /// Its name in JSON and tables.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Periodic => "periodic",
            Self::Monthly => "monthly",
            Self::Annual => "annual",
            Self::Extraordinary => "extraordinary",
            Self::Congress => "congress",
            Self::FoundingCongress => "founding_congress",
            Self::Seminar => "seminar",
            Self::Other => "other",
        }
    }
}

impl FromStr for MeetingKind {
    type Err = UnknownKind;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s {
            "periodic" => Self::Periodic,
            "monthly" => Self::Monthly,
            "annual" => Self::Annual,
            "extraordinary" => Self::Extraordinary,
            "congress" | "conference" => Self::Congress,
            "founding_congress" => Self::FoundingCongress,
            "seminar" => Self::Seminar,
            "other" => Self::Other,
            _ => return Err(UnknownKind(s.to_owned())),
        })
    }
}

/// Attributes of a `DIRECTIVE` entity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectiveAttrs {
    /// What the directive states.
    pub directive_kind: DirectiveKind,
    /// Who issues it: the canonical name of the ORG, BRANCH or PERSON (a
    /// title resolves to the person holding it when the article names them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<String>,
    /// Whom it addresses, as written ("أمناء المحافظات").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub addressee: Option<String>,
    /// What is decided or asked: the clause without the reporting verb.
    pub content: String,
    /// The deadline's value (ISO 8601), when one is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<String>,
}

/// Attributes of a `MEETING` entity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingAttrs {
    /// What kind of meeting.
    pub meeting_kind: MeetingKind,
    /// The body that holds it: canonical name of an ORG or BRANCH, or the
    /// person or title who holds it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// Its date's value (ISO 8601), when the clause gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Canonical name of its place, when the clause gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Who chairs it, when named (برئاسة ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chair: Option<String>,
}

/// Kind-specific attributes. Serialized as a plain JSON object.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum Attrs {
    /// Attributes of a date.
    Date(DateAttrs),
    /// Attributes of an organization.
    Org(OrgAttrs),
    /// Attributes of a place.
    Loc(LocAttrs),
    /// Attributes of a title.
    Role(RoleAttrs),
    /// Attributes of a branch.
    Branch(BranchAttrs),
    /// Attributes of a person.
    Person(PersonAttrs),
    /// Attributes of a directive.
    Directive(DirectiveAttrs),
    /// Attributes of a meeting.
    Meeting(MeetingAttrs),
    /// No attributes (`{}`).
    None(Empty),
}

impl Default for Attrs {
    fn default() -> Self {
        Self::None(Empty {})
    }
}

/// An empty JSON object.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Empty {}

/// An extracted entity. Spans point into the ORIGINAL text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// What it is.
    pub kind: EntityKind,
    /// Byte span in the original text.
    pub bytes: ByteSpan,
    /// Code point span in the original text.
    pub chars: CharSpan,
    /// The normalized value (ISO 8601 for dates), when the text fixes one.
    pub value: Option<String>,
    /// Kind-specific attributes.
    pub attrs: Attrs,
}

impl Entity {
    /// The surface text of the entity in `text`, the document it came from.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.bytes.slice(text)
    }

    /// The serializable view of the entity, given its id and its document's text.
    pub fn view<'a>(&'a self, id: u32, text: &'a str) -> EntityView<'a> {
        EntityView {
            id,
            kind: self.kind,
            start: self.chars.start,
            end: self.chars.end,
            byte_start: self.bytes.start,
            byte_end: self.bytes.end,
            text: self.text(text),
            value: self.value.as_deref(),
            attrs: &self.attrs,
        }
    }
}

/// An entity as it leaves the library (JSON, Python): the extraction contract.
#[derive(Clone, Debug, Serialize)]
pub struct EntityView<'a> {
    /// Id within its document; relations refer to it.
    pub id: u32,
    /// What it is.
    pub kind: EntityKind,
    /// First code point (Python `str` index).
    pub start: u32,
    /// One past the last code point.
    pub end: u32,
    /// First byte.
    pub byte_start: u32,
    /// One past the last byte.
    pub byte_end: u32,
    /// The surface text, as in the original.
    pub text: &'a str,
    /// The normalized value, or `null`.
    pub value: Option<&'a str>,
    /// Kind-specific attributes (`{}` when none).
    pub attrs: &'a Attrs,
}

/// A typed link between two entities of one document, by id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Relation {
    /// What the link means: `holds_role` (PERSON -> ROLE), `role_of` (ROLE ->
    /// ORG or BRANCH), `branch_of` (BRANCH -> ORG), `located_in` (BRANCH -> LOC),
    /// `issued_by` (DIRECTIVE -> its actor), `addressed_to` (DIRECTIVE -> its
    /// addressee), `deadline` (DIRECTIVE -> DATE), `decided_at` (DIRECTIVE ->
    /// MEETING), `held_by` (MEETING -> ORG, BRANCH, PERSON or ROLE), `held_on`
    /// (MEETING -> DATE), `held_in` (MEETING -> LOC), `chaired_by` (MEETING ->
    /// PERSON or ROLE).
    pub kind: String,
    /// Id of the source entity.
    pub from: u32,
    /// Id of the target entity.
    pub to: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_parse_case_insensitively_and_reject_unknown_labels() {
        let set: KindSet = "date, Org,BRANCH".parse().unwrap();
        assert_eq!(set.to_string(), "DATE,ORG,BRANCH");
        assert!(set.contains(EntityKind::Org));
        assert!(!set.contains(EntityKind::Loc));
        let err = "DATE,PLACE".parse::<KindSet>().unwrap_err();
        assert_eq!(err, UnknownKind("PLACE".into()));
    }

    #[test]
    fn empty_attrs_serialize_as_an_empty_object() {
        assert_eq!(serde_json::to_string(&Attrs::default()).unwrap(), "{}");
        let date = Attrs::Date(DateAttrs {
            granularity: Granularity::Day,
            calendar: Calendar::Hijri,
            relative: false,
            hijri: Some("1441-09-12".into()),
            time: None,
        });
        assert_eq!(
            serde_json::to_string(&date).unwrap(),
            r#"{"granularity":"day","calendar":"hijri","relative":false,"hijri":"1441-09-12"}"#
        );
    }
}
