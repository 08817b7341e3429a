//! The fahras [`Analyzer`] as a tantivy tokenizer, so the index, queries and
//! snippets see the same words the extractors do.

use tantivy::tokenizer::{Token as TantivyToken, TokenStream, Tokenizer};

use crate::text::{Analyzer, NormCache, Token};

/// Registered name of the `search`-profile tokenizer (surface forms).
pub(crate) const SEARCH: &str = "fahras_search";
/// Registered name of the `stem`-profile tokenizer (protected light stems).
pub(crate) const STEM: &str = "fahras_stem";

/// A tantivy [`Tokenizer`] over a fahras [`Analyzer`]. Punctuation and symbols
/// are not indexed; token positions are the segmenter's, so dropped tokens
/// leave gaps and a phrase never jumps over a stop word or a full stop.
pub(crate) struct FahrasTokenizer {
    analyzer: Analyzer,
    buf: Vec<Token>,
    /// Norms of the forms this tokenizer has seen: tantivy gives each
    /// indexing thread its own clone, so no lock is needed.
    cache: NormCache,
}

impl FahrasTokenizer {
    pub(crate) fn new(analyzer: Analyzer) -> Self {
        Self {
            analyzer,
            buf: Vec::new(),
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

/// The tokens of one text, handed to tantivy one by one.
pub(crate) struct FahrasTokenStream<'a> {
    tokens: std::slice::Iter<'a, Token>,
    token: TantivyToken,
}

impl Tokenizer for FahrasTokenizer {
    type TokenStream<'a> = FahrasTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> FahrasTokenStream<'a> {
        self.buf.clear();
        self.analyzer
            .analyze_into_cached(text, &mut self.buf, &mut self.cache);
        FahrasTokenStream {
            tokens: self.buf.iter(),
            token: TantivyToken::default(),
        }
    }
}

impl TokenStream for FahrasTokenStream<'_> {
    fn advance(&mut self) -> bool {
        for t in self.tokens.by_ref() {
            if !t.kind.is_indexable() {
                continue;
            }
            self.token.offset_from = t.bytes.start as usize;
            self.token.offset_to = t.bytes.end as usize;
            self.token.position = t.position as usize;
            self.token.position_length = 1;
            self.token.text.clear();
            self.token.text.push_str(&t.norm);
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
    fn stem_terms_meet_on_the_stem() {
        let a = terms(Profile::Stem, "الأمين");
        let b = terms(Profile::Stem, "وأمين");
        let c = terms(Profile::Stem, "بالأمين");
        assert_eq!(a[0].0, "امين");
        assert_eq!(a[0].0, b[0].0);
        assert_eq!(a[0].0, c[0].0);
    }
}
