//! Highlighted passages: where the query's words are, in the ORIGINAL text.
//!
//! The text is analyzed again; a token is a hit when its form is one of the
//! query's words, or its stem one of their stems. The best passage is the
//! window of at most [`WIDTH`] chars holding the most distinct hits, widened
//! to whole tokens around them.

use rustc_hash::FxHashSet as HashSet;
use serde::Serialize;

use crate::text::{Analyzer, NormCache, Token};

/// Width of a passage, in chars.
pub(crate) const WIDTH: u32 = 180;

/// A span in the original text, as chars (Python) and bytes (Rust).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct SnippetSpan {
    /// First code point.
    pub start: u32,
    /// One past the last code point.
    pub end: u32,
    /// First byte.
    pub byte_start: u32,
    /// One past the last byte.
    pub byte_end: u32,
}

/// A passage of a hit with its highlighted words. Every offset points into
/// the article's original text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Snippet {
    /// The passage, as in the original.
    pub text: String,
    /// Where the passage is.
    #[serde(flatten)]
    pub span: SnippetSpan,
    /// The words that matched the query.
    pub highlights: Vec<SnippetSpan>,
}

/// The query terms a passage is looked for with.
#[derive(Debug, Default)]
pub(crate) struct Terms {
    pub forms: HashSet<String>,
    pub stems: HashSet<String>,
}

fn span(t: &Token, base: (u32, u32)) -> SnippetSpan {
    SnippetSpan {
        start: t.chars.start + base.0,
        end: t.chars.end + base.0,
        byte_start: t.bytes.start + base.1,
        byte_end: t.bytes.end + base.1,
    }
}

/// The analyzers a passage is found with, and the stems of the words
/// already seen, so a word in several hits is stemmed once (`perf`:
/// stemming every word of every hit was most of a search with passages).
pub(crate) struct Highlighter<'a> {
    search: &'a Analyzer,
    stem: &'a Analyzer,
    stems: &'a mut NormCache,
    buf: String,
}

impl<'a> Highlighter<'a> {
    pub(crate) fn new(search: &'a Analyzer, stem: &'a Analyzer, stems: &'a mut NormCache) -> Self {
        Self {
            search,
            stem,
            stems,
            buf: String::new(),
        }
    }

    /// Whether the word `surface` has one of `stems` for its stem. The
    /// segmenter is the same for both analyzers, so a form token's surface is
    /// the stem analyzer's token too.
    fn stem_hit(&mut self, surface: &str, stems: &HashSet<String>) -> bool {
        !stems.is_empty()
            && self.stem.norm_into(surface, &mut self.buf, self.stems)
            && stems.contains(self.buf.as_str())
    }
}

/// Up to `max` passages of `text`; `base` is the (char, byte) offset of `text`
/// in its article. A text without hits yields its opening.
pub(crate) fn snippets(
    text: &str,
    base: (u32, u32),
    terms: &Terms,
    hl: &mut Highlighter<'_>,
    max: usize,
) -> Vec<Snippet> {
    if max == 0 || text.is_empty() {
        return Vec::new();
    }
    let tokens = hl.search.analyze(text);
    // (token index, the word it matched as) of every hit.
    let hits: Vec<(usize, &str)> = tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| t.kind.is_indexable())
        .filter(|(_, t)| {
            terms.forms.contains(t.norm.as_str()) || hl.stem_hit(t.text(text), &terms.stems)
        })
        .map(|(i, t)| (i, t.norm.as_str()))
        .collect();
    let mut out = Vec::new();
    let mut used = vec![false; hits.len()];
    while out.len() < max {
        let Some((a, b)) = best_window(&tokens, &hits, &used) else {
            break;
        };
        for u in &mut used[a..=b] {
            *u = true;
        }
        let highlights = hits[a..=b]
            .iter()
            .map(|&(i, _)| span(&tokens[i], base))
            .collect();
        out.push(passage(
            text, &tokens, hits[a].0, hits[b].0, base, highlights,
        ));
    }
    if out.is_empty() && !tokens.is_empty() {
        out.push(passage(text, &tokens, 0, 0, base, Vec::new()));
    }
    out.sort_by_key(|s| s.span.start);
    out
}

/// The run of unused hits `a..=b` within [`WIDTH`] chars with the most
/// distinct words (then the most hits, then the earliest).
fn best_window(tokens: &[Token], hits: &[(usize, &str)], used: &[bool]) -> Option<(usize, usize)> {
    let mut best: Option<((usize, usize), (usize, usize))> = None;
    for a in (0..hits.len()).filter(|&a| !used[a]) {
        let start = tokens[hits[a].0].chars.start;
        let mut words = HashSet::default();
        let mut b = a;
        for j in a..hits.len() {
            if used[j] || tokens[hits[j].0].chars.end - start > WIDTH {
                break;
            }
            words.insert(hits[j].1);
            b = j;
        }
        let score = (words.len(), b - a + 1);
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, (a, b)));
        }
    }
    best.map(|(_, w)| w)
}

/// The passage around tokens `first..=last`, widened on both sides to about
/// [`WIDTH`] chars, within one paragraph.
fn passage(
    text: &str,
    tokens: &[Token],
    first: usize,
    last: usize,
    base: (u32, u32),
    highlights: Vec<SnippetSpan>,
) -> Snippet {
    let covered = tokens[last].chars.end - tokens[first].chars.start;
    let pad = WIDTH.saturating_sub(covered) / 2;
    let breaks = |i: usize, j: usize| {
        let (x, y) = (tokens[i].bytes.end as usize, tokens[j].bytes.start as usize);
        text.get(x..y).is_some_and(|gap| gap.contains('\n'))
    };
    let mut a = first;
    while a > 0 && tokens[first].chars.start - tokens[a - 1].chars.start <= pad && !breaks(a - 1, a)
    {
        a -= 1;
    }
    // What the left side left unused goes to the right.
    let right = WIDTH.saturating_sub(covered + (tokens[first].chars.start - tokens[a].chars.start));
    let mut b = last;
    while b + 1 < tokens.len()
        && tokens[b + 1].chars.end - tokens[last].chars.end <= right
        && !breaks(b, b + 1)
    {
        b += 1;
    }
    let (s, e) = (&tokens[a], &tokens[b]);
    Snippet {
        text: text[s.bytes.start as usize..e.bytes.end as usize].to_owned(),
        span: SnippetSpan {
            start: s.chars.start + base.0,
            end: e.chars.end + base.0,
            byte_start: s.bytes.start + base.1,
            byte_end: e.bytes.end + base.1,
        },
        highlights,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Profile;

    #[test]
    fn passages_point_into_the_original_and_find_stems() {
        let search = Analyzer::new(Profile::Search);
        let stem = Analyzer::new(Profile::Stem);
        let text = "مقدمة طويلة عن الطقس.\nوقال الرفيق إن أمانة الفرع اجتمعت بالأمين العام للحزب.";
        let mut terms = Terms::default();
        terms.stems.insert("امين".into());
        let mut cache = NormCache::default();
        let mut hl = Highlighter::new(&search, &stem, &mut cache);
        let got = snippets(text, (0, 0), &terms, &mut hl, 2);
        assert_eq!(got.len(), 1);
        let h = got[0].highlights[0];
        let chars: String = text
            .chars()
            .skip(h.start as usize)
            .take((h.end - h.start) as usize)
            .collect();
        assert_eq!(chars, "بالأمين");
        assert_eq!(&text[h.byte_start as usize..h.byte_end as usize], "بالأمين");
        // The passage stays in its paragraph.
        assert!(got[0].text.starts_with("وقال"), "{}", got[0].text);
    }

    #[test]
    fn stems_from_the_cache_highlight_what_the_stem_analyzer_reads() {
        let search = Analyzer::new(Profile::Search);
        let stem = Analyzer::new(Profile::Stem);
        let text = include_str!("../../../../corpus-sample/gold.jsonl");
        let mut terms = Terms::default();
        for w in ["امين", "حزب", "فرع", "اجتماع"] {
            terms.stems.insert(w.into());
        }
        // Every word of the sample whose stem is one of those, by the stem
        // analyzer read afresh.
        let want: Vec<u32> = stem
            .analyze(text)
            .into_iter()
            .filter(|t| terms.stems.contains(t.norm.as_str()))
            .map(|t| t.bytes.start)
            .collect();
        assert!(want.len() > 20);
        // One highlighter over many texts, as over the hits of one search:
        // the second time round every stem comes from its cache.
        let mut cache = NormCache::default();
        let mut hl = Highlighter::new(&search, &stem, &mut cache);
        for _ in 0..2 {
            let got: Vec<u32> = snippets(text, (0, 0), &terms, &mut hl, usize::MAX)
                .iter()
                .flat_map(|s| s.highlights.iter().map(|h| h.byte_start))
                .collect();
            let mut got = got;
            got.sort_unstable();
            assert_eq!(got, want);
        }
    }
}
