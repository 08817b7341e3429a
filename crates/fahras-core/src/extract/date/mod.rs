//! `DATE` extraction: calendar and time expressions in every regional
//! month-name system, numeric dates, Hijri dates, weekdays, periods and
//! relative dates resolved against the article's date.
//!
//! The text is analyzed once with the `search` profile (the same folds the
//! index uses), so "غداً", "غدا" and "غـداً" are one word and "٧ – ١٢ – ٢٠٢٠"
//! reads as `7 - 12 - 2020`. A small grammar over the folded tokens
//! ([`parse`]) finds the longest expression at each token; [`resolve`] turns
//! it into an ISO 8601 value. The words live in `data/dates/*.tsv`
//! (months, holidays, number words and the grammar's other words).
//!
//! Besides calendar dates the grammar reads numbers written in words ("الحادي
//! والعشرين من مايو", "ألفين وثمانية عشر"), offsets and spans counted from the
//! article ("قبل يومين", "الأسابيع الثلاثة الماضية"), weeks and their days
//! ("الجمعة من الأسبوع المقبل", "الأسبوع الأول من أكتوبر"), weekends, seasons,
//! decades and centuries, and a range between any two dates. What it leaves
//! out on purpose: amounts counted from an event ("بعد يومين من الاجتماع"),
//! uncounted ones ("بعد أيام", "الأشهر الماضية"), bare day numbers followed by
//! a noun ("في 15 مدينة"), scores ("14-12") and fractions ("2/3 الأعضاء").
//!
//! ```
//! use fahras_core::extract::{Attrs, Date, Document, EntityKind, Extractor, KindSet};
//!
//! let text = "عقد الفرع اجتماعه أمس الثلاثاء، على أن يعقد المؤتمر في 12 رمضان 1441 هـ.";
//! let doc = Document::new(text).published(Date::constant(2020, 5, 6));
//! let dates = Extractor::new(KindSet::EMPTY.with(EntityKind::Date)).extract(&doc).entities;
//! assert_eq!(dates[0].text(text), "أمس الثلاثاء");
//! assert_eq!(dates[0].value.as_deref(), Some("2020-05-05"));
//! assert_eq!(dates[1].text(text), "12 رمضان 1441 هـ");
//! assert_eq!(dates[1].value.as_deref(), Some("2020-05-05")); // Umm al-Qura
//! let Attrs::Date(attrs) = &dates[1].attrs else { unreachable!() };
//! assert_eq!(attrs.hijri.as_deref(), Some("1441-09-12"));
//! ```

pub(crate) mod lexicon;
pub(crate) mod parse;
mod resolve;

use std::sync::LazyLock;

use lexicon::Lexicon;
use parse::{Parser, Word};

use super::Document;
use super::entity::{Attrs, Entity, EntityKind};
#[cfg(test)]
use super::vocab;
use super::vocab::{Slot, Vocab};
use crate::span::{ByteSpan, CharSpan};
use crate::text::{Analyzer, Profile, Token};

/// The date extractor: the search analyzer and the date lexicon.
#[derive(Debug)]
pub(crate) struct DateExtractor {
    analyzer: Analyzer,
    lex: Lexicon,
}

/// Loaded once per process: the lexicon is data, not configuration.
pub(crate) static DATES: LazyLock<DateExtractor> = LazyLock::new(DateExtractor::new);

pub(super) fn is_mark(c: char) -> bool {
    matches!(c, '\u{064b}'..='\u{065f}' | '\u{0670}' | '\u{0640}' | '\u{06d6}'..='\u{06ed}')
}

/// Byte and char length of the first `letters` letters of `s` with the marks
/// (diacritics, tatweel) that ride on them.
pub(super) fn clitic_len(s: &str, letters: usize) -> (u32, u32) {
    let mut seen = 0;
    let (mut bytes, mut chars) = (0u32, 0u32);
    for c in s.chars() {
        if !is_mark(c) {
            if seen == letters {
                break;
            }
            seen += 1;
        }
        bytes += c.len_utf8() as u32;
        chars += 1;
    }
    (bytes, chars)
}

impl DateExtractor {
    fn new() -> Self {
        let analyzer = Analyzer::new(Profile::Search);
        let lex = Lexicon::load(&analyzer);
        Self { analyzer, lex }
    }

    /// The grammar's view of `tokens` of `text`, with their `slots` in
    /// `vocab`.
    fn words<'t>(text: &str, tokens: &'t [Token], slots: &[&Slot], vocab: &Vocab) -> Vec<Word<'t>> {
        let mut prev_end = 0usize;
        tokens
            .iter()
            .zip(slots)
            .map(|(t, slot)| {
                let gap = text.get(prev_end..t.bytes.start as usize).unwrap_or("");
                prev_end = t.bytes.end as usize;
                Word::new(t.norm.as_str(), t.kind, gap.contains('\n'), slot, vocab)
            })
            .collect()
    }

    /// Run `f` on a parser over `text`, for tests of grammar pieces.
    #[cfg(test)]
    pub(crate) fn with_parser<R>(&self, text: &str, f: impl FnOnce(&Parser<'_, '_>) -> R) -> R {
        let tokens = self.analyzer.analyze(text);
        let slots = vocab::DATES.read(&tokens);
        let words = Self::words(text, &tokens, &slots, &vocab::DATES);
        f(&Parser::new(&words, &self.lex))
    }

    /// Append the dates of `doc` to `out`.
    #[cfg(test)]
    #[allow(dead_code)]
    pub(crate) fn extract(&self, doc: &Document<'_>, out: &mut Vec<Entity>) {
        let tokens: Vec<Token> = self.analyzer.analyze(doc.text);
        let slots = vocab::DATES.read(&tokens);
        self.extract_tokens(doc, &tokens, &slots, &vocab::DATES, out);
    }

    /// The lexicon, for the merged table of a run ([`super::vocab`]).
    pub(crate) fn lexicon(&self) -> &Lexicon {
        &self.lex
    }

    /// The analyzer dates are read with; other extractors share its tokens.
    pub(crate) fn analyzer(&self) -> &Analyzer {
        &self.analyzer
    }

    /// Append the dates of `doc`, analyzed into `tokens` by
    /// [`analyzer`](Self::analyzer) and read in `vocab` into `slots`, to
    /// `out`.
    pub(crate) fn extract_tokens(
        &self,
        doc: &Document<'_>,
        tokens: &[Token],
        slots: &[&Slot],
        vocab: &Vocab,
        out: &mut Vec<Entity>,
    ) {
        let text = doc.text;
        let words = Self::words(text, tokens, slots, vocab);
        let parser = Parser::new(&words, &self.lex);
        let mut i = 0;
        while i < words.len() {
            if !words[i].may_start() {
                i += 1;
                continue;
            }
            let Some(p) = parser.parse(i) else {
                i += 1;
                continue;
            };
            let first = &tokens[p.start];
            let last = &tokens[p.end - 1];
            let (cb, cc) = clitic_len(first.text(text), p.clitic);
            let bytes = ByteSpan::new(first.bytes.start + cb, last.bytes.end);
            let chars = CharSpan::new(first.chars.start + cc, last.chars.end);
            let mut r = resolve::resolve(&p.expr, doc.published);
            // A time a few words on ("… على الساعة العاشرة صباحاً") belongs to the date.
            r.attrs.time = (p.end..(p.end + 4).min(words.len()))
                .take_while(|&k| k == p.end || !words[k].newline_before)
                .find_map(|k| parser.time(k))
                .map(|(t, _)| t);
            out.push(Entity {
                kind: EntityKind::Date,
                bytes,
                chars,
                value: r.value,
                attrs: Attrs::Date(r.attrs),
            });
            i = p.end;
        }
    }
}

#[cfg(test)]
mod tests;
