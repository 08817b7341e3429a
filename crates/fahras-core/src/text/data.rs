//! Linguistic data files under `data/`, compiled in and parsed on use.

/// Lines of a data file without comments and blank lines.
pub(crate) fn lines(file: &'static str) -> impl Iterator<Item = &'static str> {
    file.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}

pub(crate) const STOPWORDS: &str = include_str!("../../data/stopwords.txt");
pub(crate) const STEM_PROTECTED: &str = include_str!("../../data/stem_protected.txt");
pub(crate) const PROCLITICS: &str = include_str!("../../data/proclitics.tsv");
pub(crate) const ENCLITICS: &str = include_str!("../../data/enclitics.tsv");
pub(crate) const ABBREVIATIONS: &str = include_str!("../../data/abbreviations.txt");
pub(crate) const LIST_MARKERS: &str = include_str!("../../data/list_markers.txt");
pub(crate) const CONLL_LABELS: &str = include_str!("../../data/conll_labels.tsv");
pub(crate) const DATE_MONTHS: &str = include_str!("../../data/dates/months.tsv");
pub(crate) const DATE_WORDS: &str = include_str!("../../data/dates/words.tsv");
pub(crate) const DATE_NUMBERS: &str = include_str!("../../data/dates/numbers.tsv");
pub(crate) const DATE_HOLIDAYS: &str = include_str!("../../data/dates/holidays.tsv");
pub(crate) const ENTITY_WORDS: &str = include_str!("../../data/entities/words.tsv");
pub(crate) const PLACES: &str = include_str!("../../data/places/places.tsv");
pub(crate) const WORLD: &str = include_str!("../../data/places/world.tsv");
pub(crate) const NATIONALITIES: &str = include_str!("../../data/places/nationalities.tsv");
pub(crate) const ORGS: &str = include_str!("../../data/orgs/orgs.tsv");
pub(crate) const GIVEN_NAMES: &str = include_str!("../../data/people/given_names.tsv");
pub(crate) const COMMON_WORDS: &str = include_str!("../../data/entities/common_words.txt");
pub(crate) const PERSONS: &str = include_str!("../../data/people/persons.tsv");
pub(crate) const EVENT_WORDS: &str = include_str!("../../data/events/words.tsv");
