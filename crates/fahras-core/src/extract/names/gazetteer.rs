//! Multi-word gazetteer names found in a trie over token ids.
//!
//! Each distinct word of the gazetteer gets an id; a name is the path of
//! its words' ids from the trie's root, and a document is read token by
//! token, each one id or none. Matching ids instead of letters walks a
//! name in as many steps as it has words, and a match can only start and
//! end at token edges.
//!
//! A name behind a proclitic ("والحزب", "بدمشق", "للاذقية") is read by
//! taking the proclitic off a token that is no gazetteer word as written.
//! What is left gets the first word's second id, which only the start of a
//! name carries: "X وY" is never the name "X Y". A written form that is both
//! a word of some name and a proclitic before another name's first word
//! gets that name as an explicit variant.
//!
//! The trie replaced an aho-corasick automaton over the ids written as
//! bytes: building that took half of name extraction's start-up (32 of
//! 76 ms), a cost every process pays before its first document, and its
//! search a twentieth of the extraction. Names are short paths, so a walk
//! from each token that starts one costs less than the automaton did.

use crate::extract::{PROCLITIC_LETTERS, PROCLITICS as PREFIXES};
use compact_str::CompactString;
use rustc_hash::FxHashMap as HashMap;

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

/// One reading of a trie pattern.
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

/// What a token's norm is to the trie, looked up once per token with
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

/// No node, or no pattern ending at a node.
const NONE: u32 = u32::MAX;

/// The names as paths of word ids. Node 0 is the root.
#[derive(Debug)]
struct Trie {
    /// The root's child for each id ([`NONE`] for an id no name starts
    /// with): every token is looked up here, so it is a plain array.
    root: Vec<u32>,
    /// The child of a node below the root for an id.
    below: HashMap<(u32, u32), u32>,
    /// The pattern a node ends, [`NONE`] when none.
    ends: Vec<u32>,
}

impl Trie {
    /// The root alone.
    fn new() -> Self {
        Self {
            root: Vec::new(),
            below: HashMap::default(),
            ends: vec![NONE],
        }
    }

    /// The node the path `ids` ends at, made when missing.
    fn insert(&mut self, ids: impl IntoIterator<Item = u32>) -> u32 {
        let mut node = 0;
        for id in ids {
            let fresh = u32::try_from(self.ends.len()).unwrap_or(NONE);
            let child = if node == 0 {
                let i = id as usize;
                if self.root.len() <= i {
                    self.root.resize(i + 1, NONE);
                }
                if self.root[i] == NONE {
                    self.root[i] = fresh;
                }
                self.root[i]
            } else {
                *self.below.entry((node, id)).or_insert(fresh)
            };
            if child == fresh {
                self.ends.push(NONE);
            }
            node = child;
        }
        node
    }

    /// The child of `node` for `id`.
    fn step(&self, node: u32, id: u32) -> Option<u32> {
        let child = if node == 0 {
            self.root.get(id as usize).copied()?
        } else {
            *self.below.get(&(node, id))?
        };
        (child != NONE).then_some(child)
    }

    /// The longest name starting at `ids[0]`: its length and pattern.
    fn longest(&self, ids: &[u32]) -> Option<(usize, u32)> {
        let mut best = None;
        let mut node = 0;
        for (n, &id) in ids.iter().enumerate() {
            if id == NONE {
                break;
            }
            let Some(child) = self.step(node, id) else {
                break;
            };
            node = child;
            let end = self.ends[node as usize];
            if end != NONE {
                best = Some((n + 1, end));
            }
        }
        best
    }
}

/// The trie and what it needs to read a document.
#[derive(Debug)]
pub(crate) struct Gazetteer {
    trie: Trie,
    /// The behind id of each word that starts a name. A written form with
    /// a proclitic is read by taking the proclitic off here, not listed:
    /// its eleven proclitic forms would make a table four times the
    /// size of every other word list's.
    firsts: HashMap<CompactString, u32>,
    /// The readings of each trie pattern, fewest proclitic letters first.
    readings: Vec<Vec<Variant>>,
}

/// The code of each gazetteer word as written.
fn codes(words: &HashMap<CompactString, Word>) -> HashMap<CompactString, Code> {
    words
        .iter()
        .map(|(w, word)| (w.clone(), Code::Word(word.id)))
        .collect()
}

impl Gazetteer {
    /// Builds the trie over `forms` (folded, words joined by one
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
        let mut trie = Trie::new();
        let mut readings: Vec<Vec<Variant>> = Vec::new();
        let mut add = |head: u32, tail: &[u32], v: Variant| {
            let node = trie.insert(std::iter::once(head).chain(tail.iter().copied())) as usize;
            if trie.ends[node] == NONE {
                trie.ends[node] = u32::try_from(readings.len()).unwrap_or(NONE);
                readings.push(Vec::new());
            }
            readings[trie.ends[node] as usize].push(v);
        };
        // Reused for each proclitic form: formatting each anew cost more
        // at start than the rest of the loop.
        let mut written = String::new();
        let mut tail: Vec<u32> = Vec::new();
        for (pattern, &(form, elided)) in forms.iter().enumerate() {
            let pattern = u32::try_from(pattern).unwrap_or(u32::MAX);
            let mut ws = form.split(' ');
            let first = ws.next().unwrap_or_default();
            tail.clear();
            tail.extend(ws.map(|w| words.get(w).map_or(0, |w| w.id)));
            let plain = Variant {
                pattern,
                elided,
                explicit: None,
            };
            add(words.get(first).map_or(0, |w| w.id), &tail, plain);
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
            add(behind, &tail, plain);
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
                    add(w.id, &tail, v);
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
        (
            Self {
                trie,
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
    pub(crate) fn find(&self, tokens: &[(Option<Code>, bool)]) -> Vec<Found> {
        // Each token's id (none for a token no name uses), the proclitic
        // taken off it, and whether it is a word.
        let (ids, taken): (Vec<u32>, Vec<(u8, bool, bool)>) = tokens
            .iter()
            .map(|&(code, word)| match code {
                Some(Code::Word(id)) => (id, (0, false, word)),
                Some(Code::Behind { letters, lam, id }) if word => (id, (letters, lam, word)),
                _ => (NONE, (0, false, word)),
            })
            .unzip();
        let mut out = Vec::new();
        let mut first = 0;
        while first < ids.len() {
            let Some((len, at)) = self.trie.longest(&ids[first..]) else {
                first += 1;
                continue;
            };
            let (taken_n, taken_lam, word) = taken[first];
            let found = self.readings[at as usize].iter().find_map(|v| {
                let (prefix, lam) = v.explicit.unwrap_or((taken_n, taken_lam));
                let ok = if prefix == 0 {
                    !v.elided
                } else {
                    word && (!v.elided || lam)
                };
                ok.then_some(Found {
                    first,
                    end: first + len,
                    pattern: v.pattern,
                    prefix,
                    lam,
                })
            });
            out.extend(found);
            first += len;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The gazetteer over `forms` and a reader of `text`'s words as codes
    /// (every word as written, no proclitic taken off).
    fn found(forms: &[&str], text: &str) -> Vec<(usize, usize, u32)> {
        let (gaz, codes) = Gazetteer::new(forms.iter().map(|f| (*f, false)));
        let tokens: Vec<(Option<Code>, bool)> = text
            .split(' ')
            .map(|w| (codes.get(w).copied(), true))
            .collect();
        gaz.find(&tokens)
            .into_iter()
            .map(|f| (f.first, f.end, f.pattern))
            .collect()
    }

    #[test]
    fn the_leftmost_name_wins_and_then_the_longest_that_ends() {
        let forms = [
            "حزب البعث",
            "البعث العربي",
            "حزب",
            "حزب البعث العربي الاشتراكي",
        ];
        // "حزب البعث العربي" is no name: the walk stops at its last word and
        // the longest name it passed is "حزب البعث", which starts leftmost.
        assert_eq!(found(&forms, "قال حزب البعث العربي"), [(1, 3, 0)]);
        assert_eq!(found(&forms, "حزب البعث العربي الاشتراكي"), [(0, 4, 3)]);
        // After a name, the search goes on at its end, never inside it.
        assert_eq!(found(&forms, "حزب حزب البعث"), [(0, 1, 2), (1, 3, 0)]);
        // A word no name has breaks a walk.
        assert_eq!(found(&forms, "البعث و العربي"), []);
    }
}
