//! The document as name extraction sees it: each token's norm, its reading in
//! the word lists (with proclitics and the article taken off), and the
//! gazetteer names that start at it.

use super::lexicon::{Lexicon, Named, Pattern, WordInfo};
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
#[derive(Clone, Debug)]
pub(crate) struct Tok<'a, 'l> {
    pub norm: &'a str,
    pub kind: TokenKind,
    /// A line break comes before the token.
    pub newline: bool,
    /// Written with a final ي, not ى: "علي" the name, not "على" the
    /// preposition, which fold alike.
    pub ya: bool,
    /// Carries tanwin ("عرضاً", "خلفاً"): an adverb or a noun, never a name.
    pub tanwin: bool,
    pub reading: Option<Reading<'l>>,
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
    /// Organizations named in the document by a form that needs no context:
    /// their short forms are then read as names too ("الترجي" after "الترجي
    /// الرياضي التونسي").
    pub seen: Vec<u32>,
    pub lex: &'l Lexicon,
}

const CONJ: [char; 2] = ['و', 'ف'];
const PREP: [char; 3] = ['ب', 'ل', 'ك'];

/// The readings of `norm` with proclitics and the article taken off, fewest
/// letters taken first: `(clitic letters, definite, preposition, base)`.
fn splits(norm: &str, mut each: impl FnMut(u8, bool, Option<char>, &str) -> bool) {
    let mut try_rest = |clitic: u8, prep: Option<char>, rest: &str| -> bool {
        if each(clitic, false, prep, rest) {
            return true;
        }
        if let Some(base) = rest.strip_prefix("ال")
            && base.chars().count() >= 2
            && each(clitic, true, prep, base)
        {
            return true;
        }
        false
    };
    if try_rest(0, None, norm) {
        return;
    }
    let mut conjs: Vec<(u8, &str)> = Vec::with_capacity(2);
    conjs.push((0, norm));
    if let Some(c) = norm.chars().next()
        && CONJ.contains(&c)
    {
        conjs.push((1, &norm[c.len_utf8()..]));
    }
    for (n, rest) in conjs {
        if n > 0 && rest.chars().count() >= 2 && try_rest(n, None, rest) {
            return;
        }
        let Some(p) = rest.chars().next().filter(|c| PREP.contains(c)) else {
            continue;
        };
        let after = &rest[p.len_utf8()..];
        // ل before the article drops its alef: "للحزب" is ل + الحزب.
        if p == 'ل'
            && let Some(base) = after.strip_prefix('ل')
            && base.chars().count() >= 2
            && try_rest(n + 1, Some(p), &format!("ال{base}"))
        {
            return;
        }
        if after.chars().count() >= 2 && try_rest(n + 1, Some(p), after) {
            return;
        }
    }
}

impl<'a, 'l> View<'a, 'l> {
    pub(crate) fn new(
        text: &'a str,
        tokens: &'a [Token],
        dated: Vec<bool>,
        lex: &'l Lexicon,
    ) -> Self {
        let mut prev_end = 0usize;
        let toks: Vec<Tok<'a, 'l>> = tokens
            .iter()
            .map(|t| {
                let gap = text.get(prev_end..t.bytes.start as usize).unwrap_or("");
                prev_end = t.bytes.end as usize;
                let norm = t.norm.as_str();
                let mut reading = None;
                if matches!(t.kind, TokenKind::Word) {
                    splits(norm, |clitic, def, prep, base| {
                        if let Some(info) = lex.words.get(base) {
                            reading = Some(Reading {
                                info,
                                clitic,
                                def,
                                prep,
                            });
                            true
                        } else {
                            false
                        }
                    });
                }
                Tok {
                    norm,
                    kind: t.kind,
                    newline: gap.contains('\n'),
                    ya: t.text(text).ends_with('ي'),
                    tanwin: t.text(text).contains(['\u{064b}', '\u{064c}', '\u{064d}']),
                    reading,
                }
            })
            .collect();
        let hits = Self::gazetteer(&toks, lex);
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
            seen,
            lex,
        }
    }

    /// Every gazetteer name over whole tokens, a proclitic allowed before
    /// the first one.
    fn gazetteer(toks: &[Tok<'_, '_>], lex: &Lexicon) -> Vec<Vec<Hit>> {
        let mut hay = String::with_capacity(toks.len() * 8);
        let mut starts = Vec::with_capacity(toks.len());
        for t in toks {
            starts.push(hay.len());
            hay.push_str(t.norm);
            hay.push(' ');
        }
        let mut hits: Vec<Vec<Hit>> = vec![Vec::new(); toks.len()];
        // One leftmost-longest pass; a name starts at a token or after one
        // or two proclitic letters, which the loop below checks.
        let found = lex.automaton.find_iter(&hay).map(|m| {
            let first = starts.partition_point(|&s| s <= m.start()) - 1;
            (first, m)
        });
        for (first, m) in found {
            let last = starts.partition_point(|&s| s < m.end()) - 1;
            let prefix = &hay[starts[first]..m.start()];
            let pattern: &Pattern = &lex.patterns[m.pattern().as_usize()];
            let n = prefix.chars().count();
            let ok = match n {
                0 => !pattern.elided,
                1..=2 => {
                    let mut cs = prefix.chars();
                    let a = cs.next().unwrap_or(' ');
                    let b = cs.next();
                    let valid = match b {
                        None => CONJ.contains(&a) || PREP.contains(&a),
                        Some(b) => CONJ.contains(&a) && PREP.contains(&b),
                    };
                    valid && (!pattern.elided || prefix.ends_with('ل'))
                }
                _ => false,
            };
            // What a proclitic leaves must be a word of its own ("باب" is
            // not ب + "اب").
            if !ok || !toks[first].is_word() && n > 0 || n > 0 && m.end() - m.start() < 7 {
                continue;
            }
            hits[first].push(Hit {
                end: last + 1,
                prefix: u8::try_from(n).unwrap_or(0),
                lam: prefix.ends_with('ل'),
                pattern: u32::try_from(m.pattern().as_usize()).unwrap_or(u32::MAX),
            });
        }
        for h in &mut hits {
            h.sort_by(|a, b| b.end.cmp(&a.end).then(a.prefix.cmp(&b.prefix)));
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

    /// Whether token `i` is a function word or a word that ends any name.
    pub(crate) fn stop(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return true;
        };
        (self.lex.stopwords.contains(t.norm) && !(t.ya && t.norm == "علي"))
            || t.reading.is_some_and(|r| r.clitic == 0 && r.info.stop)
    }
}
