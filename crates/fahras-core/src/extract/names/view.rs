//! The document as name extraction sees it: each token's norm, its reading in
//! the word lists (with proclitics and the article taken off), and the
//! gazetteer names that start at it.

use super::gazetteer::Code;
use super::lexicon::{Lexicon, Named, WordInfo};
use crate::extract::vocab::Slot;
use crate::text::{Token, TokenKind};

/// A token's reading in the word lists.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Reading<'l> {
    pub info: &'l WordInfo,
    /// Letters of proclitics before the article or the word (و، ب، ول …).
    pub clitic: u8,
    /// Whether the article ال was there.
    pub def: bool,
    /// The preposition among the proclitics, if any.
    pub prep: Option<char>,
}

/// A gazetteer name starting at a token.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Hit {
    /// One past the last token.
    pub end: usize,
    /// Letters of the first token before the name.
    pub prefix: u8,
    /// Whether the prefix ends in the preposition ل.
    pub lam: bool,
    /// Index into [`Lexicon::patterns`].
    pub pattern: u32,
}

/// One token.
/// A final letter that folding merges with another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Last {
    /// ي, not ى: "علي" the name, not "على" the preposition.
    Ya,
    /// ه, not ة: only then may the ه be a pronoun ("مصرعه", but "عرفة"
    /// the name).
    Ha,
    Other,
}

#[derive(Clone, Debug)]
pub(crate) struct Tok<'a, 'l> {
    pub norm: &'a str,
    pub kind: TokenKind,
    /// A line break comes before the token.
    pub newline: bool,
    /// The final letter as written, where folding hides it.
    pub last: Last,
    /// Carries tanwin ("عرضاً", "خلفاً"): an adverb or a noun, never a name.
    pub tanwin: bool,
    pub reading: Option<Reading<'l>>,
    /// May open an honorific of several words ([`Known::phrase_head`]).
    ///
    /// [`Known::phrase_head`]: super::lexicon::Known::phrase_head
    pub phrase_head: bool,
}

impl Tok<'_, '_> {
    pub(crate) fn is_word(&self) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::LatinWord)
    }
}

/// The document view.
#[derive(Debug)]
pub(crate) struct View<'a, 'l> {
    pub toks: Vec<Tok<'a, 'l>>,
    /// Gazetteer hits by first token, longest first.
    pub hits: Vec<Vec<Hit>>,
    /// Tokens inside a DATE.
    pub dated: Vec<bool>,
    /// Stop words.
    pub stops: Vec<bool>,
    /// Organizations named in the document by a form that needs no context:
    /// their short forms are then read as names too ("الترجي" after "الترجي
    /// الرياضي التونسي").
    pub seen: Vec<u32>,
    /// A word of sports reporting that is no word of other news occurs in
    /// the document: its weak words ("لقاء", "الدور") are sport too. Read
    /// on the first club form that needs it, not for every document.
    sporty: std::cell::OnceCell<bool>,
    pub lex: &'l Lexicon,
}

impl<'a, 'l> View<'a, 'l> {
    pub(crate) fn new(
        text: &'a str,
        tokens: &'a [Token],
        slots: &[&Slot],
        dated: Vec<bool>,
        lex: &'l Lexicon,
    ) -> Self {
        let mut prev_end = 0usize;
        let mut codes: Vec<(Option<Code>, bool)> = Vec::with_capacity(tokens.len());
        let mut stops: Vec<bool> = Vec::with_capacity(tokens.len());
        let toks: Vec<Tok<'a, 'l>> = tokens
            .iter()
            .zip(slots)
            .map(|(t, slot)| {
                let gap = text.get(prev_end..t.bytes.start as usize).unwrap_or("");
                prev_end = t.bytes.end as usize;
                let norm = t.norm.as_str();
                let known = slot.known;
                stops.push(known.stop);
                let word = matches!(t.kind, TokenKind::Word);
                let reading = known.spelled(lex).filter(|_| word).map(|r| Reading {
                    info: &lex.infos[r.info as usize],
                    clitic: r.clitic,
                    def: r.def,
                    prep: r.prep,
                });
                let gaz = known
                    .word()
                    .or_else(|| word.then(|| lex.gazetteer.behind(norm)).flatten());
                codes.push((gaz, word || matches!(t.kind, TokenKind::LatinWord)));
                Tok {
                    norm,
                    kind: t.kind,
                    newline: gap.contains('\n'),
                    last: match t.text(text).chars().next_back() {
                        Some('ي') => Last::Ya,
                        Some('ه') => Last::Ha,
                        _ => Last::Other,
                    },
                    // U+064B..U+064D are D9 8B..D9 8D in UTF-8; a byte scan
                    // spares decoding every token's letters.
                    tanwin: t
                        .text(text)
                        .as_bytes()
                        .windows(2)
                        .any(|w| w[0] == 0xd9 && (0x8b..=0x8d).contains(&w[1])),
                    reading,
                    phrase_head: known.phrase_head,
                }
            })
            .collect();
        let hits = Self::gazetteer(toks.len(), &codes, lex);
        let mut seen: Vec<u32> = Vec::new();
        for h in hits.iter().flatten() {
            for n in &lex.patterns[h.pattern as usize].named {
                if let Named::Org(id) = n
                    && !lex.orgs[*id as usize].cue
                    && !seen.contains(id)
                {
                    seen.push(*id);
                }
            }
        }
        Self {
            toks,
            hits,
            dated,
            stops,
            seen,
            sporty: std::cell::OnceCell::new(),
            lex,
        }
    }

    /// Every gazetteer name over whole tokens, a proclitic allowed before
    /// the first one.
    fn gazetteer(n: usize, codes: &[(Option<Code>, bool)], lex: &Lexicon) -> Vec<Vec<Hit>> {
        let mut hits: Vec<Vec<Hit>> = vec![Vec::new(); n];
        for f in lex.gazetteer.find(codes) {
            hits[f.first].push(Hit {
                end: f.end,
                prefix: f.prefix,
                lam: f.lam,
                pattern: f.pattern,
            });
        }
        hits
    }

    pub(crate) fn len(&self) -> usize {
        self.toks.len()
    }

    /// The reading of token `i` in the word lists.
    pub(crate) fn word(&self, i: usize) -> Option<Reading<'l>> {
        self.toks.get(i).and_then(|t| t.reading)
    }

    /// Whether token `i` is a word with no proclitic and no break before it,
    /// so it can continue a phrase.
    pub(crate) fn joins(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.is_word() && !t.newline && !self.dated[i])
    }

    /// The gazetteer names starting at `i`, longest first.
    pub(crate) fn hits(&self, i: usize) -> &[Hit] {
        self.hits.get(i).map_or(&[], Vec::as_slice)
    }

    /// What a hit names.
    pub(crate) fn named(&self, h: &Hit) -> &'l [Named] {
        &self.lex.patterns[h.pattern as usize].named
    }

    /// Whether token `i` is the definite form of a word without proclitics.
    pub(crate) fn definite(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.norm.starts_with("ال") && t.norm.chars().count() > 3)
    }

    /// Whether token `i` is punctuation `p`.
    pub(crate) fn punct(&self, i: usize, p: &str) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Punct && t.norm.contains(p))
    }

    /// Whether token `i` is a common word that no name contains.
    pub(crate) fn common(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| self.lex.is_common(t.norm, t.last == Last::Ha))
    }

    /// Whether token `i` is a nationality adjective with the article:
    /// `Some(true)` for a state outside the Arab world.
    pub(crate) fn nationality(&self, i: usize) -> Option<bool> {
        let t = self.toks.get(i)?;
        // Most tokens are no nisba with the article: skip the lookup (the
        // ending first: a byte compare, where "ال" is a substring search).
        // Stop words end in ي too ("الذي", "إلى" folded).
        if self.stops[i]
            || !((t.norm.ends_with('ي') || t.norm.ends_with("يه")) && t.norm.contains("ال"))
        {
            return None;
        }
        self.lex.nationality(t.norm)
    }

    /// Whether token `i` is a function word or a word that ends any name.
    /// Whether the document has a word of sports reporting that is no
    /// word of other news ([`Self::sporty`]).
    pub(crate) fn sporty(&self) -> bool {
        *self.sporty.get_or_init(|| {
            self.toks
                .iter()
                .any(|t| t.reading.is_some_and(|r| r.info.sport == Some(true)))
        })
    }

    pub(crate) fn stop(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return true;
        };
        (self.stops[i] && !(t.last == Last::Ya && t.norm == "علي"))
            || t.reading.is_some_and(|r| r.clitic == 0 && r.info.stop)
    }
}
