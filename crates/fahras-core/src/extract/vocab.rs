//! One lookup per token for every extractor of a run.
//!
//! The date, name and event extractors each keep a table of the written forms
//! they know, and each asked it for every token. Those tables are large and
//! read at random, so each lookup was mostly a cache miss. A [`Vocab`] merges
//! the tables the extractors of a run need into one, built once per process,
//! and a token costs one lookup whatever runs. A dates-only run does not load
//! the name and event lexicons: each combination of extractors has its own
//! table.

use std::sync::LazyLock;

use compact_str::CompactString;
use rustc_hash::FxHashMap as HashMap;

use super::date::lexicon::Entry;
use super::names::lexicon::Known;
use super::{date, events, names};
use crate::text::{Token, TokenKind};

/// What the extractors' word lists say of one written form.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Slot {
    /// Name extraction's reading, gazetteer word and stop flag.
    pub known: Known,
    /// Event extraction's verbal and nominal readings, packed
    /// ([`events::lexicon::Lexicon::unpack`]).
    pub event: [u32; 2],
    /// One past the index of the date entries opening with the form in
    /// [`Vocab::dates`]; 0 for none.
    date: u32,
    /// The form opens a date expression behind a proclitic ("وأمس").
    pub date_behind: bool,
}

/// The slot of a form no list knows.
static EMPTY: Slot = Slot {
    known: Known::NONE,
    event: [0; 2],
    date: 0,
    date_behind: false,
};

/// The merged table of a combination of extractors.
#[derive(Debug)]
pub(crate) struct Vocab {
    slots: HashMap<CompactString, Slot>,
    dates: Vec<&'static [Entry]>,
    /// Only word tokens are looked up: the date grammar reads no other
    /// kind's entries, while names match punctuation and symbols inside
    /// organization names ("(", "+").
    words_only: bool,
}

/// Dates alone.
pub(crate) static DATES: LazyLock<Vocab> = LazyLock::new(|| Vocab::build(false, false));
/// Dates and names.
pub(crate) static NAMES: LazyLock<Vocab> = LazyLock::new(|| Vocab::build(true, false));
/// Dates, names and events.
pub(crate) static ALL: LazyLock<Vocab> = LazyLock::new(|| Vocab::build(true, true));

impl Vocab {
    fn build(with_names: bool, with_events: bool) -> Self {
        let mut slots: HashMap<CompactString, Slot> = HashMap::default();
        let mut dates = Vec::new();
        let lex = date::DATES.lexicon();
        for (form, list) in lex.lists() {
            dates.push(list);
            slots.entry(form.clone()).or_default().date = u32::try_from(dates.len()).unwrap_or(0);
        }
        for form in lex.behind_forms() {
            slots.entry(form.clone()).or_default().date_behind = true;
        }
        if with_names {
            for (form, known) in &names::NAMES.lexicon().vocab {
                slots.entry(form.clone()).or_default().known = *known;
            }
        }
        if with_events {
            for (form, packed) in events::EVENTS.lexicon().packed() {
                slots.entry(form.clone()).or_default().event = packed;
            }
        }
        slots.shrink_to_fit();
        Self {
            slots,
            dates,
            words_only: !with_names,
        }
    }

    /// The slot of each token (an empty slot for a form no list knows).
    pub(crate) fn read(&self, tokens: &[Token]) -> Vec<&Slot> {
        tokens
            .iter()
            .map(|t| {
                if self.words_only && t.kind != TokenKind::Word {
                    &EMPTY
                } else {
                    self.slots.get(t.norm.as_str()).unwrap_or(&EMPTY)
                }
            })
            .collect()
    }

    /// The date entries whose first word is the slot's form.
    pub(crate) fn dates(&self, slot: &Slot) -> &'static [Entry] {
        slot.date
            .checked_sub(1)
            .and_then(|i| self.dates.get(i as usize))
            .copied()
            .unwrap_or(&[])
    }
}
