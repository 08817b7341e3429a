//! The fahras [`Analyzer`] as a tantivy tokenizer, so the index, queries and
//! snippets see the same words the extractors do.

use tantivy::tokenizer::{Token as TantivyToken, TokenStream, Tokenizer};

use crate::text::segment::segment_into;
use crate::text::{Analyzer, NormCache, Segment};

/// Registered name of the `search`-profile tokenizer (surface forms).
pub(crate) const SEARCH: &str = "fahras_search";
/// Registered name of the `stem`-profile tokenizer (protected light stems).
pub(crate) const STEM: &str = "fahras_stem";

/// A tantivy [`Tokenizer`] over a fahras [`Analyzer`]. Punctuation and symbols
/// are not indexed; token positions are the segmenter's, so dropped tokens
/// leave gaps and a phrase never jumps over a stop word or a full stop.
///
/// The terms are those of [`Analyzer::analyze`], but no [`Token`](crate::text::Token)
/// is built: each norm is written straight into tantivy's token as the
/// stream advances (`perf`: building and copying tokens was a tenth of
/// indexing).
pub(crate) struct FahrasTokenizer {
    analyzer: Analyzer,
    segments: Vec<Segment>,
    /// Norms of the forms this tokenizer has seen: tantivy gives each
    /// indexing thread its own clone, so no lock is needed.
    cache: NormCache,
}

impl FahrasTokenizer {
    pub(crate) fn new(analyzer: Analyzer) -> Self {
        Self {
            analyzer,
            segments: Vec::new(),
            cache: NormCache::default(),
        }
    }
}

/// A clone starts with an empty cache: it is a scratch space, not state.
impl Clone for FahrasTokenizer {
    fn clone(&self) -> Self {
        Self::new(self.analyzer.clone())
    }
}

/// The tokens of one text, normalized one by one as tantivy asks.
pub(crate) struct FahrasTokenStream<'a> {
    text: &'a str,
    /// Segments with their positions (a segment's index: dropped ones count).
    segments: std::iter::Zip<std::slice::Iter<'a, Segment>, std::ops::RangeFrom<usize>>,
    analyzer: &'a Analyzer,
    cache: &'a mut NormCache,
    token: TantivyToken,
}

impl Tokenizer for FahrasTokenizer {
    type TokenStream<'a> = FahrasTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> FahrasTokenStream<'a> {
        self.segments.clear();
        segment_into(text, &mut self.segments);
        FahrasTokenStream {
            text,
            segments: self.segments.iter().zip(0..),
            analyzer: &self.analyzer,
            cache: &mut self.cache,
            token: TantivyToken::default(),
        }
    }
}

impl TokenStream for FahrasTokenStream<'_> {
    fn advance(&mut self) -> bool {
        for (seg, position) in self.segments.by_ref() {
            if !seg.kind.is_indexable() {
                continue;
            }
            let surface = &self.text[seg.bytes.range()];
            if !self
                .analyzer
                .norm_into(surface, &mut self.token.text, self.cache)
            {
                continue;
            }
            self.token.offset_from = seg.bytes.start as usize;
            self.token.offset_to = seg.bytes.end as usize;
            self.token.position = position;
            self.token.position_length = 1;
            return true;
        }
        false
    }

    fn token(&self) -> &TantivyToken {
        &self.token
    }

    fn token_mut(&mut self) -> &mut TantivyToken {
        &mut self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Profile;

    fn terms(profile: Profile, text: &str) -> Vec<(String, usize)> {
        let mut t = FahrasTokenizer::new(Analyzer::new(profile));
        let mut stream = t.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            let tok = stream.token();
            assert_eq!(
                &text[tok.offset_from..tok.offset_to],
                text.get(tok.offset_from..tok.offset_to).unwrap_or_default()
            );
            out.push((tok.text.clone(), tok.position));
        }
        out
    }

    #[test]
    fn search_terms_are_folded_surfaces_and_punctuation_leaves_a_gap() {
        let got = terms(Profile::Search, "أَمين الفرع، بالأمين");
        let words: Vec<&str> = got.iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(words, ["امين", "الفرع", "بالامين"]);
        // The comma had position 2.
        assert_eq!(got[2].1, 3);
    }

    #[test]
    fn terms_are_the_analyzers_tokens_for_every_profile() {
        let text = include_str!("../../../../corpus-sample/gold.jsonl");
        for profile in Profile::ALL {
            let a = Analyzer::new(profile);
            let want: Vec<(String, usize)> = a
                .analyze(text)
                .into_iter()
                .filter(|t| t.kind.is_indexable())
                .map(|t| (t.norm.to_string(), t.position as usize))
                .collect();
            assert!(terms(profile, text) == want, "{profile:?}");
        }
    }

    #[test]
    fn stem_terms_meet_on_the_stem() {
        let a = terms(Profile::Stem, "الأمين");
        let b = terms(Profile::Stem, "وأمين");
        let c = terms(Profile::Stem, "بالأمين");
        assert_eq!(a[0].0, "امين");
        assert_eq!(a[0].0, b[0].0);
        assert_eq!(a[0].0, c[0].0);
    }
}
