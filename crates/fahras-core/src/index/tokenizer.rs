//! The fahras [`Analyzer`] as a tantivy tokenizer, so the index, queries and
//! snippets see the same words the extractors do.

use tantivy::tokenizer::{Token as TantivyToken, TokenStream, Tokenizer};

use crate::text::segment::segment_into;
use crate::text::{Analyzer, NormCache, Segment};

/// Registered name of the `search`-profile tokenizer (surface forms).
pub(crate) const SEARCH: &str = "fahras_search";
/// Registered name of the tokenizer of `title` and `body`: each word's
/// surface form and, at the same position when it differs, its stem marked
/// with [`STEM_MARK`].
pub(crate) const TEXT: &str = "fahras_text";
/// Starts a stem term, so that a stem never meets a form that happens to be
/// spelled the same ("امين" as written, or as the stem of "الأمين"). No
/// indexed form holds a control character.
pub(crate) const STEM_MARK: char = '\u{1}';

/// A tantivy [`Tokenizer`] over a fahras [`Analyzer`]. Punctuation and symbols
/// are not indexed; token positions are the segmenter's, so dropped tokens
/// leave gaps and a phrase never jumps over a stop word or a full stop.
///
/// The terms are those of [`Analyzer::analyze`], but no [`Token`](crate::text::Token)
/// is built: each norm is written straight into tantivy's token as the
/// stream advances (`perf`: building and copying tokens was a tenth of
/// indexing).
///
/// With a stem analyzer ([`FahrasTokenizer::with_stems`]), a word whose
/// protected light stem differs from its form is followed by the marked
/// stem at the same position. One field then answers exact forms, stems and
/// phrases of either, and a stem equal to its form (two words in five of
/// saudinewsnet) is indexed once, not twice as in a separate stem field.
pub(crate) struct FahrasTokenizer {
    analyzer: Analyzer,
    stem: Option<Stems>,
    segments: Vec<Segment>,
    /// Norms of the forms this tokenizer has seen: tantivy gives each
    /// indexing thread its own clone, so no lock is needed.
    cache: NormCache,
}

/// The stem side of a [`FahrasTokenizer`].
struct Stems {
    analyzer: Analyzer,
    cache: NormCache,
    buf: String,
}

impl FahrasTokenizer {
    pub(crate) fn new(analyzer: Analyzer) -> Self {
        Self {
            analyzer,
            stem: None,
            segments: Vec::new(),
            cache: NormCache::default(),
        }
    }

    /// Forms and, where they differ, their marked stems.
    pub(crate) fn with_stems(analyzer: Analyzer, stem: Analyzer) -> Self {
        Self {
            stem: Some(Stems {
                analyzer: stem,
                cache: NormCache::default(),
                buf: String::new(),
            }),
            ..Self::new(analyzer)
        }
    }
}

/// A clone starts with empty caches: they are scratch space, not state.
impl Clone for FahrasTokenizer {
    fn clone(&self) -> Self {
        match &self.stem {
            Some(s) => Self::with_stems(self.analyzer.clone(), s.analyzer.clone()),
            None => Self::new(self.analyzer.clone()),
        }
    }
}

/// Segments whose stem-cache slots are read at once, ahead of their lookups.
/// Their slots (a cache line each, 512 KB in all) fit in a core's L2 cache, so
/// they are still there when the stream reaches them in a text of any length;
/// nearly every article is read at once. A window of 1,024 cost 4 % more CPU
/// in `index add --no-extract` (eight alternating pairs): the first lookups of
/// each window wait for reads just issued.
const WARM: usize = 8192;

/// The tokens of one text, normalized one by one as tantivy asks.
pub(crate) struct FahrasTokenStream<'a> {
    text: &'a str,
    /// Every segment of the text; a segment's index is its position (dropped
    /// ones count).
    segments: &'a [Segment],
    /// The next segment to read.
    next: usize,
    /// The segments before this one have had their stem slots read.
    warmed: usize,
    analyzer: &'a Analyzer,
    cache: &'a mut NormCache,
    stem: Option<&'a mut Stems>,
    /// The word whose form was given last, when its stem is still to come.
    stem_of: Option<&'a Segment>,
    token: TantivyToken,
}

impl Tokenizer for FahrasTokenizer {
    type TokenStream<'a> = FahrasTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> FahrasTokenStream<'a> {
        self.segments.clear();
        segment_into(text, &mut self.segments);
        FahrasTokenStream {
            text,
            segments: &self.segments,
            next: 0,
            warmed: 0,
            analyzer: &self.analyzer,
            cache: &mut self.cache,
            stem: self.stem.as_mut(),
            stem_of: None,
            token: TantivyToken::default(),
        }
    }
}

impl FahrasTokenStream<'_> {
    /// Read the stem slots of the next [`WARM`] segments. Each word's stem is
    /// looked up as the stream reaches it, between tantivy's own work on each
    /// token; read there one at a time, each slot's cache miss was waited for
    /// on its own.
    fn warm(&mut self) {
        let end = (self.warmed + WARM).min(self.segments.len());
        if let Some(stems) = self.stem.as_deref() {
            let text = self.text;
            stems.cache.warm(
                self.segments[self.warmed..end]
                    .iter()
                    .filter(|s| s.kind.is_indexable())
                    .map(|s| &text[s.bytes.range()]),
            );
        }
        self.warmed = end;
    }

    /// Turn the token into the marked stem of the word it holds; `false` when
    /// the stem is the form itself or the word has none (a stop word).
    fn give_stem(&mut self, seg: &Segment) -> bool {
        let Some(stems) = self.stem.as_deref_mut() else {
            return false;
        };
        let surface = &self.text[seg.bytes.range()];
        if !stems
            .analyzer
            .norm_into(surface, &mut stems.buf, &mut stems.cache)
            || stems.buf == self.token.text
        {
            return false;
        }
        self.token.text.clear();
        self.token.text.push(STEM_MARK);
        self.token.text.push_str(&stems.buf);
        true
    }
}

impl TokenStream for FahrasTokenStream<'_> {
    fn advance(&mut self) -> bool {
        if let Some(seg) = self.stem_of.take()
            && self.give_stem(seg)
        {
            return true;
        }
        while let Some(seg) = self.segments.get(self.next) {
            let position = self.next;
            self.next += 1;
            if position == self.warmed {
                self.warm();
            }
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
            if self.stem.is_some() {
                self.stem_of = Some(seg);
            }
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

    /// Every term of `text` through the tokenizer of `title` and `body`.
    fn text_terms(text: &str) -> Vec<(String, usize)> {
        let mut t = FahrasTokenizer::with_stems(
            Analyzer::new(Profile::Search),
            Analyzer::new(Profile::Stem),
        );
        let mut stream = t.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push((stream.token().text.clone(), stream.token().position));
        }
        out
    }

    #[test]
    fn a_stem_that_differs_follows_its_form_at_the_same_position() {
        let got = text_terms("بالأمين فرع في اللاذقية");
        let mark = |s: &str| format!("{STEM_MARK}{s}");
        let want = [
            ("بالامين".to_owned(), 0),
            (mark("امين"), 0),
            // A stem equal to its form is indexed once.
            ("فرع".to_owned(), 1),
            // A stop word has no stem.
            ("في".to_owned(), 2),
            ("اللاذقيه".to_owned(), 3),
            (mark("لاذقيه"), 3),
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn forms_and_stems_are_those_of_the_two_analyzers_on_real_text() {
        let text = include_str!("../../../../corpus-sample/gold.jsonl");
        let search = Analyzer::new(Profile::Search);
        let stem = Analyzer::new(Profile::Stem);
        let mut want = Vec::new();
        for t in search
            .analyze(text)
            .into_iter()
            .filter(|t| t.kind.is_indexable())
        {
            let position = t.position as usize;
            want.push((t.norm.to_string(), position));
            if let Some(s) = stem.normalize_token(t.text(text))
                && s != t.norm
            {
                want.push((format!("{STEM_MARK}{s}"), position));
            }
        }
        let got = text_terms(text);
        assert!(got.len() > 1000 && got.iter().any(|(t, _)| t.starts_with(STEM_MARK)));
        assert!(got == want);
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
