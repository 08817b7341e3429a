//! Multi-word gazetteer names found with one aho-corasick automaton over
//! token ids.
//!
//! Each distinct word of the gazetteer gets an id; a document becomes the
//! string of its tokens' ids (a token no name uses is one byte), and each
//! name the string of its words' ids. Matching ids instead of letters makes
//! the haystack a fraction as long, and a match can only start and end at
//! token edges.
//!
//! A name behind a proclitic ("والحزب", "بدمشق", "للاذقية") is read by
//! taking the proclitic off a token that is no gazetteer word as written.
//! What is left gets the first word's second id, which only the start of a
//! name carries: "X وY" is never the name "X Y". A written form that is both
//! a word of some name and a proclitic before another name's first word
//! gets that name as an explicit variant.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::extract::{PROCLITIC_LETTERS, PROCLITICS as PREFIXES};
use compact_str::CompactString;
use rustc_hash::FxHashMap as HashMap;

/// The byte a token no name uses becomes. Known ids open with a byte above
/// it and continue with bytes below 0x80, so a match starts at a token.
const UNKNOWN: u8 = 0x80;

/// A name found in a document.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Found {
    /// The first token.
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    /// Index into the lexicon's patterns.
    pub pattern: u32,
    /// Letters of proclitics before the name in the first token.
    pub prefix: u8,
    /// Whether the proclitics end in the preposition ل.
    pub lam: bool,
}

/// One reading of an automaton pattern.
#[derive(Clone, Copy, Debug)]
struct Variant {
    pattern: u32,
    /// The form dropped its article's alef after ل ("لاذقية"): a name only
    /// behind ل.
    elided: bool,
    /// The proclitic letters and ل of an explicit variant; `None` when the
    /// first token says (its proclitic was taken off or there was none).
    explicit: Option<(u8, bool)>,
}

/// A gazetteer word: its id, and the id it has at the start of a name
/// behind a proclitic, when a name starts with it.
#[derive(Clone, Copy, Debug)]
struct Word {
    id: u32,
    behind: Option<u32>,
}

/// What a token's norm is to the automaton, looked up once per token with
/// everything else name extraction knows of the form
/// ([`super::lexicon::Known`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Code {
    /// A gazetteer word as written.
    Word(u32),
    /// A proclitic (`letters` long, ending in ل when `lam`) before the first
    /// word of a name: the word's behind id. Read only on word tokens.
    Behind { letters: u8, lam: bool, id: u32 },
}

/// The automaton and what it needs to read a document.
#[derive(Debug)]
pub(crate) struct Gazetteer {
    automaton: AhoCorasick,
    /// The behind id of each word that starts a name. A written form with
    /// a proclitic is read by taking the proclitic off here, not listed:
    /// its eleven proclitic forms would make a table four times the
    /// size of every other word list's.
    firsts: HashMap<CompactString, u32>,
    /// The readings of each automaton pattern, fewest proclitic letters
    /// first.
    readings: Vec<Vec<Variant>>,
}

/// An id as the automaton reads it: the byte it opens with, then two of
/// 7 bits (fewer than 2^21 ids).
fn encode(id: u32, out: &mut Vec<u8>) {
    out.push(UNKNOWN + 1 + u8::try_from(id >> 14).unwrap_or(0x7e));
    out.push(u8::try_from((id >> 7) & 0x7f).unwrap_or(0));
    out.push(u8::try_from(id & 0x7f).unwrap_or(0));
}

/// The code of each gazetteer word as written.
fn codes(words: &HashMap<CompactString, Word>) -> HashMap<CompactString, Code> {
    words
        .iter()
        .map(|(w, word)| (w.clone(), Code::Word(word.id)))
        .collect()
}

impl Gazetteer {
    /// Builds the automaton over `forms` (folded, words joined by one
    /// space; pattern `i` is the `i`-th), each with whether its article's
    /// alef was dropped after ل ("لاذقية" for "اللاذقية"), and the code of
    /// each word as written, for the lookup a token shares with the word
    /// lists. A proclitic before a name's first word is read at match time
    /// ([`Gazetteer::behind`]).
    pub(crate) fn new<'f>(
        forms: impl IntoIterator<Item = (&'f str, bool)>,
    ) -> (Self, HashMap<CompactString, Code>) {
        let forms: Vec<(&str, bool)> = forms.into_iter().collect();
        let mut words: HashMap<CompactString, Word> = HashMap::default();
        let mut next = 0u32;
        for (form, _) in &forms {
            for w in form.split(' ') {
                words.entry(CompactString::from(w)).or_insert_with(|| {
                    next += 1;
                    Word {
                        id: next - 1,
                        behind: None,
                    }
                });
            }
        }
        let mut by_key: HashMap<Vec<u8>, usize> = HashMap::default();
        let mut keys: Vec<Vec<u8>> = Vec::new();
        let mut readings: Vec<Vec<Variant>> = Vec::new();
        let mut add = |key: Vec<u8>, v: Variant| {
            let at = *by_key.entry(key).or_insert_with_key(|k| {
                keys.push(k.clone());
                readings.push(Vec::new());
                keys.len() - 1
            });
            readings[at].push(v);
        };
        // Reused for each proclitic form: formatting each anew cost more
        // at start than the rest of the loop.
        let mut written = String::new();
        for (pattern, &(form, elided)) in forms.iter().enumerate() {
            let pattern = u32::try_from(pattern).unwrap_or(u32::MAX);
            let mut ws = form.split(' ');
            let first = ws.next().unwrap_or_default();
            let mut tail = Vec::new();
            for w in ws {
                encode(words.get(w).map_or(0, |w| w.id), &mut tail);
            }
            let key = |head: u32| {
                let mut k = Vec::with_capacity(tail.len() + 3);
                encode(head, &mut k);
                k.extend_from_slice(&tail);
                k
            };
            let plain = Variant {
                pattern,
                elided,
                explicit: None,
            };
            add(key(words.get(first).map_or(0, |w| w.id)), plain);
            // Behind a proclitic a name has three letters at least ("باب"
            // is not ب + "اب").
            if form.len() < 6 {
                continue;
            }
            let behind = if let Some(b) = words.get(first).and_then(|w| w.behind) {
                b
            } else {
                let b = next;
                next += 1;
                if let Some(w) = words.get_mut(first) {
                    w.behind = Some(b);
                }
                b
            };
            add(key(behind), plain);
            for prefix in PREFIXES {
                written.clear();
                written.push_str(prefix);
                written.push_str(first);
                if let Some(w) = words.get(written.as_str()) {
                    let letters = u8::try_from(prefix.chars().count()).unwrap_or(0);
                    let v = Variant {
                        explicit: Some((letters, prefix.ends_with('ل'))),
                        ..plain
                    };
                    add(key(w.id), v);
                }
            }
        }
        for r in &mut readings {
            r.sort_by_key(|v| v.explicit.map_or(0, |(n, _)| n));
        }
        let codes = codes(&words);
        let firsts = words
            .iter()
            .filter_map(|(w, word)| Some((w.clone(), word.behind?)))
            .collect();
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            // Below the root, ids fan out into thousands of states; dense
            // ones there would cost megabytes for no speed.
            .dense_depth(1)
            .build(&keys)
            .unwrap_or_else(|e| panic!("gazetteer automaton: {e}"));
        (
            Self {
                automaton,
                firsts,
                readings,
            },
            codes,
        )
    }

    /// The code of a word that is no gazetteer word as written: a
    /// proclitic before the first word of a name ("وبدمشق"), the first
    /// proclitic in [`PREFIXES`] order that leaves one ("وبX" is و + "بX"
    /// when "بX" starts a name). Names of fewer than three letters have no
    /// such reading ("باب" is not ب + "اب").
    pub(crate) fn behind(&self, norm: &str) -> Option<Code> {
        // `PREFIXES` spelled out: one letter of them, or و/ف and one of
        // ب/ل/ك. This runs for every word that opens with one of them.
        let mut cs = norm.chars();
        let first = cs.next().filter(|c| PROCLITIC_LETTERS.contains(c))?;
        let rest = cs.as_str();
        if let Some(&id) = self.firsts.get(rest) {
            let lam = first == 'ل';
            return Some(Code::Behind {
                letters: 1,
                lam,
                id,
            });
        }
        let second = cs
            .next()
            .filter(|c| matches!(first, 'و' | 'ف') && matches!(c, 'ب' | 'ل' | 'ك'))?;
        let id = *self.firsts.get(cs.as_str())?;
        let lam = second == 'ل';
        Some(Code::Behind {
            letters: 2,
            lam,
            id,
        })
    }

    /// The names in a document whose tokens have these codes (and are words
    /// or not: only a word carries a proclitic). Matches do not overlap; at
    /// each token the longest name wins.
    pub(crate) fn find(
        &self,
        tokens: impl ExactSizeIterator<Item = (Option<Code>, bool)>,
    ) -> Vec<Found> {
        let mut hay = Vec::with_capacity(tokens.len() * 2);
        // The token each byte of the haystack belongs to.
        let mut owner: Vec<u32> = Vec::with_capacity(tokens.len() * 2);
        // Each token's proclitic taken off, and whether it is a word.
        let mut taken: Vec<(u8, bool, bool)> = Vec::with_capacity(tokens.len());
        for (i, (code, word)) in tokens.enumerate() {
            let mut strip = (0, false, word);
            match code {
                Some(Code::Word(id)) => encode(id, &mut hay),
                Some(Code::Behind { letters, lam, id }) if word => {
                    strip = (letters, lam, word);
                    encode(id, &mut hay);
                }
                _ => hay.push(UNKNOWN),
            }
            taken.push(strip);
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            owner.resize(hay.len(), i);
        }
        let mut out = Vec::new();
        for m in self.automaton.find_iter(&hay) {
            let first = owner[m.start()] as usize;
            let (taken_n, taken_lam, word) = taken[first];
            let found = self.readings[m.pattern().as_usize()].iter().find_map(|v| {
                let (prefix, lam) = v.explicit.unwrap_or((taken_n, taken_lam));
                let ok = if prefix == 0 {
                    !v.elided
                } else {
                    word && (!v.elided || lam)
                };
                ok.then_some(Found {
                    first,
                    end: owner[m.end() - 1] as usize + 1,
                    pattern: v.pattern,
                    prefix,
                    lam,
                })
            });
            out.extend(found);
        }
        out
    }
}
