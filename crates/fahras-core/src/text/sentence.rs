//! Sentence splitting over the segmenter's output.
//!
//! Sentences end at . ! ? ؟ … ؛ ۔ and runs of them (".." "..."), and at every
//! line break: news feeds put headlines, bylines and list items on lines of their
//! own without a final period. They do not end inside numbers and dates
//! ("12.03.2021"), after abbreviations ("د." and `data/abbreviations.txt`) or
//! inside quotes and brackets (« » “ ” ( )). List items ("- ", "• ", "1.", "١-",
//! "أولاً:") start sentences of their own, also when several share one line
//! after a colon.

use std::collections::HashSet;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use crate::span::{ByteSpan, CharSpan};
use crate::text::data;
use crate::text::segment::{Segment, segment};
use crate::text::token::{Token, TokenKind};

/// A sentence of the original text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Byte span into the original text.
    pub bytes: ByteSpan,
    /// Char span into the original text.
    pub chars: CharSpan,
    /// The list-item marker that opens the sentence ("-", "1.", "أولاً:"), if any.
    pub marker: Option<ByteSpan>,
}

impl Sentence {
    /// The sentence's original text.
    pub fn text<'t>(&self, original: &'t str) -> &'t str {
        self.bytes.slice(original)
    }
}

static ABBREVIATIONS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| data::lines(data::ABBREVIATIONS).collect());

/// Ordinal list words, compared after dropping diacritics and hamza on alef.
static LIST_WORDS: LazyLock<HashSet<String>> =
    LazyLock::new(|| data::lines(data::LIST_MARKERS).map(fold_ordinal).collect());

fn fold_ordinal(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(*c as u32, 0x064B..=0x0652 | 0x0640))
        .map(|c| {
            if matches!(c, 'أ' | 'إ' | 'آ') {
                'ا'
            } else {
                c
            }
        })
        .collect()
}

fn is_terminator(s: &str) -> bool {
    s.chars()
        .all(|c| matches!(c, '.' | '!' | '?' | '؟' | '…' | '؛' | '۔'))
}

fn is_closer(s: &str) -> bool {
    s.chars()
        .all(|c| matches!(c, '»' | '”' | '"' | ')' | ']' | '’' | '\'' | '›'))
}

fn is_bullet(s: &str) -> bool {
    matches!(
        s,
        "-" | "–" | "—" | "•" | "*" | "·" | "▪" | "■" | "●" | "◦" | "○" | "►" | "✓" | "⁃"
    )
}

/// Split `text` into sentences. Sentences that hold only punctuation or symbols
/// (a line of "***") are left out.
pub fn sentences(text: &str) -> Vec<Sentence> {
    Splitter {
        text,
        segs: segment(text),
    }
    .run()
}

/// [`sentences`] over the tokens the analyzer already made from `text`, so
/// an extractor that has them does not segment the text again. What the
/// analyzer dropped between two tokens (a tatweel used as a dash, "ـ") is
/// segmented again, so a list marker is seen as [`sentences`] sees it.
pub fn sentences_of(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut segs = Vec::with_capacity(tokens.len() + 8);
    let (mut byte, mut char) = (0u32, 0u32);
    let gap = |segs: &mut Vec<Segment>, from: (u32, u32), to: u32| {
        let between = text.get(from.0 as usize..to as usize).unwrap_or("");
        // Most gaps are one space: no need to decode them.
        if between.bytes().all(|b| b == b' ') || between.chars().all(char::is_whitespace) {
            return;
        }
        for g in segment(between) {
            segs.push(Segment {
                bytes: ByteSpan::new(g.bytes.start + from.0, g.bytes.end + from.0),
                chars: CharSpan::new(g.chars.start + from.1, g.chars.end + from.1),
                ..g
            });
        }
    };
    for t in tokens {
        gap(&mut segs, (byte, char), t.bytes.start);
        segs.push(Segment {
            bytes: t.bytes,
            chars: t.chars,
            kind: t.kind,
            script: t.script,
        });
        (byte, char) = (t.bytes.end, t.chars.end);
    }
    gap(
        &mut segs,
        (byte, char),
        u32::try_from(text.len()).unwrap_or(u32::MAX),
    );
    Splitter { text, segs }.run()
}

struct Splitter<'t> {
    text: &'t str,
    segs: Vec<Segment>,
}

impl Splitter<'_> {
    fn s(&self, i: usize) -> &str {
        self.segs[i].bytes.slice(self.text)
    }

    /// Whether segment `i` is `p`: compared as bytes, since every segment
    /// is read this way and most are words that no `p` is.
    fn is(&self, i: usize, p: &str) -> bool {
        self.text.as_bytes().get(self.segs[i].bytes.range()) == Some(p.as_bytes())
    }

    /// Whether a line break separates segment `i - 1` from segment `i`.
    fn newline_before(&self, i: usize) -> bool {
        let start = if i == 0 {
            0
        } else {
            self.segs[i - 1].bytes.end as usize
        };
        // \n, \r, U+0085 (C2 85), U+2028 and U+2029 (E2 80 A8/A9), read as
        // bytes: the gap is nearly always one space.
        let gap = self
            .text
            .as_bytes()
            .get(start..self.segs[i].bytes.start as usize)
            .unwrap_or_default();
        gap.iter().enumerate().any(|(k, &b)| match b {
            b'\n' | b'\r' => true,
            0xc2 => gap.get(k + 1) == Some(&0x85),
            0xe2 => gap.get(k + 1) == Some(&0x80) && matches!(gap.get(k + 2), Some(0xa8 | 0xa9)),
            _ => false,
        })
    }

    fn adjacent(&self, a: usize, b: usize) -> bool {
        self.segs[a].bytes.end == self.segs[b].bytes.start
    }

    /// Segments `[i, end)` that form a list marker at `i`, if any.
    fn marker_at(&self, i: usize, line_start: bool) -> Option<usize> {
        let n = self.segs.len();
        let kind = self.segs[i].kind;
        // A word or a number is no bullet: only the checks for its kind.
        if kind == TokenKind::LatinWord {
            return None;
        }
        let s = self.s(i);
        let bullet_kind = !matches!(kind, TokenKind::Word | TokenKind::Number);
        if bullet_kind && line_start && is_bullet(s) && i + 1 < n && !self.newline_before(i + 1) {
            return Some(i + 1);
        }
        if bullet_kind && (s == "•" || s == "▪" || s == "●") {
            return Some(i + 1);
        }
        // "1." "1-" "1)" "١-" at the start of a line, followed by text.
        if line_start
            && kind == TokenKind::Number
            && s.chars().count() <= 3
            && i + 2 < n
            && self.adjacent(i, i + 1)
            && matches!(self.s(i + 1), "." | "-" | ")" | "–" | "/")
            && !self.newline_before(i + 2)
            && !matches!(self.segs[i + 2].kind, TokenKind::Number)
        {
            return Some(i + 2);
        }
        // "أولاً:" "ثانياً -" anywhere.
        if kind == TokenKind::Word
            && i + 1 < n
            && matches!(self.s(i + 1), ":" | "-" | "–")
            && LIST_WORDS.contains(&fold_ordinal(s))
        {
            return Some(i + 2);
        }
        None
    }

    fn run(&self) -> Vec<Sentence> {
        let n = self.segs.len();
        let mut out = Vec::new();
        let mut start: Option<usize> = None;
        let mut marker: Option<ByteSpan> = None;
        let mut depth: i32 = 0;
        let mut in_ascii_quote = false;
        let mut i = 0;
        while i < n {
            let line_start = self.newline_before(i);
            if line_start {
                if let Some(st) = start.take() {
                    self.push(&mut out, st, i, marker.take());
                }
                depth = 0;
                in_ascii_quote = false;
            }
            // A list item starts a sentence of its own.
            let at_start = start.is_none();
            let after_colon = i > 0 && self.is(i - 1, ":");
            if let Some(end) = self.marker_at(i, line_start || at_start || after_colon) {
                if let Some(st) = start.take() {
                    self.push(&mut out, st, i, marker.take());
                }
                start = Some(i);
                marker = Some(self.segs[i].bytes.cover(self.segs[end - 1].bytes));
                i = end;
                continue;
            }
            if start.is_none() {
                start = Some(i);
            }
            let kind = self.segs[i].kind;
            if matches!(
                kind,
                TokenKind::Word | TokenKind::LatinWord | TokenKind::Number
            ) {
                // Neither a quote nor a terminator.
                i += 1;
                continue;
            }
            let s = self.s(i);
            match s {
                "«" | "“" | "(" | "[" | "‹" => depth += 1,
                "»" | "”" | ")" | "]" | "›" => depth = (depth - 1).max(0),
                "\"" => in_ascii_quote = !in_ascii_quote,
                _ => {}
            }
            if kind == TokenKind::Punct
                && is_terminator(s)
                && depth == 0
                && !in_ascii_quote
                && self.ends_sentence(i)
            {
                let mut end = i + 1;
                while end < n
                    && is_closer(self.s(end))
                    && !self.newline_before(end)
                    && self.adjacent(end - 1, end)
                {
                    end += 1;
                }
                if let Some(st) = start.take() {
                    self.push(&mut out, st, end, marker.take());
                }
                i = end;
                continue;
            }
            i += 1;
        }
        if let Some(st) = start {
            self.push(&mut out, st, n, marker);
        }
        out
    }

    /// Whether the terminator at `i` really ends a sentence.
    fn ends_sentence(&self, i: usize) -> bool {
        if self.s(i) != "." || i == 0 {
            return true;
        }
        let prev = i - 1;
        if !self.adjacent(prev, i) {
            return true;
        }
        // "12.03.2021": a dot between numbers.
        if self.segs[prev].kind == TokenKind::Number
            && i + 1 < self.segs.len()
            && self.adjacent(i, i + 1)
            && self.segs[i + 1].kind == TokenKind::Number
        {
            return false;
        }
        // "د." "م." and listed abbreviations.
        let p = self.s(prev);
        if matches!(self.segs[prev].kind, TokenKind::Word | TokenKind::LatinWord) {
            let single_arabic = self.segs[prev].kind == TokenKind::Word
                && p.chars().filter(|c| c.is_alphabetic()).take(2).count() == 1;
            if single_arabic || ABBREVIATIONS.contains(p) {
                return false;
            }
            // "ق.م", "ج.م.ع": a letter, a dot, a letter.
            if i + 1 < self.segs.len() && self.adjacent(i, i + 1) && p.chars().count() == 1 {
                return false;
            }
        }
        true
    }

    fn push(&self, out: &mut Vec<Sentence>, start: usize, end: usize, marker: Option<ByteSpan>) {
        if start >= end {
            return;
        }
        let has_content = self.segs[start..end].iter().any(|s| s.kind.is_indexable());
        if !has_content {
            return;
        }
        let (a, b) = (&self.segs[start], &self.segs[end - 1]);
        out.push(Sentence {
            bytes: a.bytes.cover(b.bytes),
            chars: a.chars.cover(b.chars),
            marker,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).iter().map(|s| s.text(text)).collect()
    }

    #[test]
    fn terminators() {
        assert_eq!(
            split("عقد الاجتماع. ثم انتهى! هل حضر؟ نعم… وبعد؛ قال"),
            [
                "عقد الاجتماع.",
                "ثم انتهى!",
                "هل حضر؟",
                "نعم…",
                "وبعد؛",
                "قال"
            ]
        );
        assert_eq!(
            split("للأداء الحزبي.. وناقشت القيادة... ثم"),
            ["للأداء الحزبي..", "وناقشت القيادة...", "ثم"]
        );
    }

    #[test]
    fn from_the_analyzers_tokens_as_from_the_text() {
        // Tatweel bullets and "***" fold to nothing in the analyzer; the
        // split over its tokens must still see them.
        let text =
            "قرر المجلس ما يلي:\nـ تنظيم مؤتمر جهوي.\nــ دعوة الفروع\n***\n1. تكليف اللجنة؟ نعم";
        let tokens = crate::text::Analyzer::new(crate::text::Profile::Search).analyze(text);
        assert_eq!(sentences_of(text, &tokens), sentences(text));
        assert!(sentences(text).iter().any(|s| s.marker.is_some()));
    }

    #[test]
    fn newlines_end_sentences() {
        assert_eq!(
            split("عنوان الخبر\nدمشق- البعث:\nالنص هنا."),
            ["عنوان الخبر", "دمشق- البعث:", "النص هنا."]
        );
    }

    #[test]
    fn no_split_inside_numbers_dates_abbreviations_quotes() {
        assert_eq!(
            split("بلغ 3.5 مليون في 12.03.2021 مع د. أحمد. انتهى"),
            ["بلغ 3.5 مليون في 12.03.2021 مع د. أحمد.", "انتهى"]
        );
        assert_eq!(
            split("قال: «نعم. سنعمل معاً.» ثم غادر."),
            ["قال: «نعم. سنعمل معاً.» ثم غادر."]
        );
        assert_eq!(split("عام 500 ق.م وبعده. ثم"), ["عام 500 ق.م وبعده.", "ثم"]);
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(split("قال “انتهى.” وغادر."), ["قال “انتهى.” وغادر."]);
        assert_eq!(split("دعا إلى «العمل».» ثم"), ["دعا إلى «العمل».»", "ثم"]);
    }

    #[test]
    fn list_items() {
        let text = "قرر المجتمعون ما يلي:\n- عقد اجتماع.\n• تشكيل لجنة\n1. متابعة العمل\n١- تقييم الأداء\nأولاً: دعم الفروع ثانياً: تعزيز التواصل";
        assert_eq!(
            split(text),
            [
                "قرر المجتمعون ما يلي:",
                "- عقد اجتماع.",
                "• تشكيل لجنة",
                "1. متابعة العمل",
                "١- تقييم الأداء",
                "أولاً: دعم الفروع",
                "ثانياً: تعزيز التواصل"
            ]
        );
        let s = sentences(text);
        assert_eq!(s[3].marker.map(|m| m.slice(text)), Some("1."));
        assert_eq!(s[5].marker.map(|m| m.slice(text)), Some("أولاً:"));
        assert!(s[0].marker.is_none());
    }

    #[test]
    fn inline_bullets_after_a_colon() {
        assert_eq!(
            split("أهم القرارات: - عقد مؤتمر - تشكيل لجنة"),
            ["أهم القرارات:", "- عقد مؤتمر - تشكيل لجنة"]
        );
    }

    #[test]
    fn dates_with_dashes_do_not_split() {
        assert_eq!(
            split("بتاريخ 7 – 12 – 2020 بحضور الأعضاء."),
            ["بتاريخ 7 – 12 – 2020 بحضور الأعضاء."]
        );
    }

    #[test]
    fn punctuation_only_lines_are_dropped() {
        assert_eq!(split("***\nنص"), ["نص"]);
        assert!(sentences("").is_empty());
    }
}

/// The serialized form of a sentence, with its original text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SentenceView<'a> {
    /// The sentence's original text.
    pub text: &'a str,
    /// Char offset of the start.
    pub start: u32,
    /// Char offset of the end, exclusive.
    pub end: u32,
    /// Byte offset of the start.
    pub byte_start: u32,
    /// Byte offset of the end, exclusive.
    pub byte_end: u32,
    /// The list-item marker, when the sentence is a list item.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marker: Option<&'a str>,
}

impl Sentence {
    /// The serializable view of this sentence over its original text.
    pub fn view<'a>(&self, original: &'a str) -> SentenceView<'a> {
        SentenceView {
            text: self.text(original),
            start: self.chars.start,
            end: self.chars.end,
            byte_start: self.bytes.start,
            byte_end: self.bytes.end,
            marker: self.marker.map(|m| m.slice(original)),
        }
    }
}
