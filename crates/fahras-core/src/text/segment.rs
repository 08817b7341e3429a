//! Segmentation of the ORIGINAL text into tokens with byte and char spans.
//!
//! A single forward pass over the text with a character-class state machine
//! (see `text/chars.rs`). UAX #29 word boundaries were the obvious crate
//! choice, but they glue digits to letters ("2020م"), split inside Arabic numbers
//! with ٬/٫, know nothing of URLs, hashtags or Arabic list markers, and run at a
//! fraction of the speed; the rules below are the Arabic news cases that matter:
//!
//! * Arabic punctuation ، ؛ ؟ « » “ ” are their own tokens; a run of one mark
//!   ("...", "؟؟") is one token.
//! * Numbers in any digit set; "2٬258" and "3٫5" are one number, so are "1,250"
//!   and "3.5"; "12.03.2021" and "7 – 12 – 2020" are numbers and punctuation.
//! * Digits glued to letters split ("2020م" → "2020" "م"), except inside Latin
//!   words ("COVID19").
//! * Tatweel, diacritics and zero-width/bidi controls inside a word stay in the
//!   word's span (filters remove them from `norm`); between tokens they are skipped.
//! * URLs, emails, `#hashtags` and `@mentions` are single tokens.

use crate::span::{ByteSpan, CharSpan};
use crate::text::chars::{Class, LOW, class, is_arabic_script};
use crate::text::token::{Script, TokenKind};

/// One segment of the original text, before normalization.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    /// Byte span into the original text.
    pub bytes: ByteSpan,
    /// Char span into the original text.
    pub chars: CharSpan,
    /// What the segment is.
    pub kind: TokenKind,
    /// Its script.
    pub script: Script,
}

/// Split `text` into segments. Never fails and never panics, whatever the input.
///
/// Texts longer than `u32::MAX` bytes must be rejected before (see
/// [`check_len`](crate::check_len)); spans are stored as `u32`.
pub fn segment(text: &str) -> Vec<Segment> {
    let mut out = Vec::with_capacity(text.len() / 6 + 1);
    segment_into(text, &mut out);
    out
}

/// Like [`segment`], appending to a reused buffer.
pub fn segment_into(text: &str, out: &mut Vec<Segment>) {
    segment_each(text, |s| out.push(s));
}

/// Call `emit` with each segment of `text` in order: segmentation without a
/// buffer, for consumers that turn segments into something else at once.
pub fn segment_each(text: &str, mut emit: impl FnMut(Segment)) {
    let out = &mut emit;
    let mut cur = Cursor {
        text,
        pos: 0,
        chars: 0,
    };
    while let Some(c) = cur.peek() {
        let cls = class(c);
        match cls {
            Class::Space | Class::Invisible => {
                cur.bump(c);
            }
            Class::ArabicLetter | Class::ArabicMark => {
                let start = cur.mark();
                cur.bump(c);
                cur.eat_arabic_fast();
                cur.eat_word(|_, k| {
                    matches!(k, Class::ArabicLetter | Class::ArabicMark | Class::Mark)
                });
                out(cur.segment_from(start, TokenKind::Word, Script::Arabic));
            }
            Class::LatinLetter => {
                let start = cur.mark();
                if let Some(kind) = cur.try_url_or_email() {
                    out(cur.segment_from(start, kind, Script::Latin));
                    continue;
                }
                cur.bump(c);
                // Latin words take ASCII digits only: "COVID19", not "COVID١٩".
                cur.eat_word(|d, k| {
                    k == Class::LatinLetter || d.is_ascii_digit() || is_combining(k)
                });
                out(cur.segment_from(start, TokenKind::LatinWord, Script::Latin));
            }
            Class::OtherLetter | Class::Mark => {
                let start = cur.mark();
                cur.bump(c);
                cur.eat_word(|_, k| k == Class::OtherLetter || is_combining(k));
                out(cur.segment_from(start, TokenKind::Word, Script::Other));
            }
            Class::Digit => {
                if c.is_ascii_digit() {
                    let start = cur.mark();
                    if let Some(kind) = cur.try_email() {
                        out(cur.segment_from(start, kind, Script::Latin));
                        continue;
                    }
                }
                cur.eat_number(out);
            }
            Class::Punct | Class::Symbol => {
                let start = cur.mark();
                if c == '#' {
                    if cur.try_hashtag() {
                        let script = script_of(cur.slice_from(start));
                        out(cur.segment_from(start, TokenKind::Hashtag, script));
                        continue;
                    }
                } else if c == '@' && cur.try_mention() {
                    out(cur.segment_from(start, TokenKind::Mention, Script::Latin));
                    continue;
                }
                cur.bump(c);
                if cls == Class::Punct {
                    // A run of the same mark is one token: "...", "!!", "؟؟", "--".
                    while cur.peek() == Some(c) {
                        cur.bump(c);
                    }
                }
                let kind = if cls == Class::Punct {
                    TokenKind::Punct
                } else {
                    TokenKind::Symbol
                };
                let script = if is_arabic_script(c) {
                    Script::Arabic
                } else {
                    Script::Common
                };
                out(cur.segment_from(start, kind, script));
            }
        }
    }
}

/// Combining marks (and tatweel, which sits between them: "ـَّ") extend
/// whatever word they follow, as UAX #29's Extend does, so that dropping a
/// tatweel or NFKC's reordering of marks can never move a word boundary.
#[inline]
fn is_combining(k: Class) -> bool {
    matches!(k, Class::Mark | Class::ArabicMark)
}

fn script_of(s: &str) -> Script {
    if s.chars().any(is_arabic_script) {
        Script::Arabic
    } else if s
        .chars()
        .any(|c| c.is_ascii_alphabetic() || class(c) == Class::LatinLetter)
    {
        Script::Latin
    } else {
        Script::Common
    }
}

#[derive(Clone, Copy)]
struct Mark {
    pos: usize,
    chars: u32,
}

struct Cursor<'t> {
    text: &'t str,
    pos: usize,
    chars: u32,
}

impl<'t> Cursor<'t> {
    #[inline]
    fn peek(&self) -> Option<char> {
        self.peek_at(self.pos)
    }

    /// The char at byte `pos` (always a char boundary). Arabic letters are two
    /// bytes: decoded inline, the rest through `str::chars`.
    #[inline]
    fn peek_at(&self, pos: usize) -> Option<char> {
        let bytes = self.text.as_bytes();
        let b = *bytes.get(pos)?;
        if b < 0x80 {
            return Some(char::from(b));
        }
        if b < 0xE0
            && let Some(&b1) = bytes.get(pos + 1)
        {
            return char::from_u32((u32::from(b & 0x1F) << 6) | u32::from(b1 & 0x3F));
        }
        self.text.get(pos..)?.chars().next()
    }

    #[inline]
    fn bump(&mut self, c: char) {
        self.pos += c.len_utf8();
        self.chars += 1;
    }

    fn mark(&self) -> Mark {
        Mark {
            pos: self.pos,
            chars: self.chars,
        }
    }

    fn reset(&mut self, m: Mark) {
        self.pos = m.pos;
        self.chars = m.chars;
    }

    fn slice_from(&self, m: Mark) -> &'t str {
        &self.text[m.pos..self.pos]
    }

    fn segment_from(&self, m: Mark, kind: TokenKind, script: Script) -> Segment {
        Segment {
            bytes: ByteSpan {
                start: m.pos as u32,
                end: self.pos as u32,
            },
            chars: CharSpan {
                start: m.chars,
                end: self.chars,
            },
            kind,
            script,
        }
    }

    /// The hot loop of Arabic text: two-byte letters and marks, decoded and
    /// classified inline. Stops at anything else (the general loop takes over).
    #[inline]
    fn eat_arabic_fast(&mut self) {
        let bytes = self.text.as_bytes();
        let low: &[Class] = &LOW;
        while self.pos + 1 < bytes.len() {
            let b = bytes[self.pos];
            if !(0xC2..0xE0).contains(&b) {
                break;
            }
            let u = (usize::from(b & 0x1F) << 6) | usize::from(bytes[self.pos + 1] & 0x3F);
            if !matches!(
                low[u],
                Class::ArabicLetter | Class::ArabicMark | Class::Mark
            ) {
                break;
            }
            self.pos += 2;
            self.chars += 1;
        }
    }

    /// Continue a word while `cont` accepts the class of the next char. Invisible
    /// controls are taken only when the word goes on after them, so a trailing
    /// RLM or ZWNJ never ends up inside a span.
    fn eat_word(&mut self, cont: impl Fn(char, Class) -> bool) {
        while let Some(c) = self.peek() {
            let k = class(c);
            if cont(c, k) {
                self.bump(c);
                continue;
            }
            if k == Class::Invisible {
                // Look past the run of invisibles.
                let mut p = self.pos;
                let mut n = 0u32;
                while let Some(d) = self.peek_at(p) {
                    if class(d) != Class::Invisible {
                        break;
                    }
                    p += d.len_utf8();
                    n += 1;
                }
                if self.peek_at(p).is_some_and(|d| cont(d, class(d))) {
                    self.pos = p;
                    self.chars += n;
                    continue;
                }
            }
            break;
        }
    }

    /// Scan a run of digits and separators and emit it as one number or, when the
    /// separators do not form a number ("12.03.2021", "1,2,3"), as numbers and
    /// punctuation.
    fn eat_number(&mut self, out: &mut impl FnMut(Segment)) {
        let start = self.mark();
        // Groups of digits and the separator that follows each group.
        let mut groups: Vec<(Mark, Mark)> = Vec::with_capacity(4);
        let mut seps: Vec<char> = Vec::with_capacity(3);
        loop {
            let g_start = self.mark();
            while let Some(c) = self.peek() {
                if class(c) == Class::Digit {
                    self.bump(c);
                } else {
                    break;
                }
            }
            groups.push((g_start, self.mark()));
            match self.peek() {
                Some(s @ ('.' | ',' | '\u{066B}' | '\u{066C}'))
                    if self
                        .peek_at(self.pos + s.len_utf8())
                        .is_some_and(|d| class(d) == Class::Digit) =>
                {
                    seps.push(s);
                    self.bump(s);
                }
                _ => break,
            }
        }
        if number_is_whole(&groups, &seps, self.text) {
            let script = script_of(self.slice_from(start));
            let script = if script == Script::Arabic {
                Script::Arabic
            } else {
                Script::Common
            };
            out(self.segment_from(start, TokenKind::Number, script));
            return;
        }
        let end = self.mark();
        for (i, &(g0, g1)) in groups.iter().enumerate() {
            self.reset(g0);
            let s = &self.text[g0.pos..g1.pos];
            let script = if s.chars().any(is_arabic_script) {
                Script::Arabic
            } else {
                Script::Common
            };
            self.reset(g1);
            out(self.segment_from(g0, TokenKind::Number, script));
            if let Some(&sep) = seps.get(i) {
                let m = self.mark();
                self.bump(sep);
                let script = if is_arabic_script(sep) {
                    Script::Arabic
                } else {
                    Script::Common
                };
                out(self.segment_from(m, TokenKind::Punct, script));
            }
        }
        self.reset(end);
    }

    /// `#` followed by a word: `#يوم_الأرض`, `#COVID19`.
    fn try_hashtag(&mut self) -> bool {
        let start = self.mark();
        self.bump('#');
        let mut has_letter = false;
        while let Some(c) = self.peek() {
            let k = class(c);
            if matches!(
                k,
                Class::ArabicLetter | Class::LatinLetter | Class::OtherLetter
            ) {
                has_letter = true;
            } else if !(matches!(k, Class::Digit | Class::ArabicMark | Class::Mark) || c == '_') {
                break;
            }
            self.bump(c);
        }
        if has_letter {
            true
        } else {
            self.reset(start);
            false
        }
    }

    /// `@handle`, not the middle of an email (emails are taken earlier).
    fn try_mention(&mut self) -> bool {
        let start = self.mark();
        self.bump('@');
        let mut n = 0;
        while let Some(c) = self.peek() {
            if c.is_ascii_alphanumeric() || c == '_' {
                self.bump(c);
                n += 1;
            } else {
                break;
            }
        }
        if n > 0 {
            true
        } else {
            self.reset(start);
            false
        }
    }

    fn try_url_or_email(&mut self) -> Option<TokenKind> {
        if self.try_url() {
            return Some(TokenKind::Url);
        }
        self.try_email()
    }

    /// `http://`, `https://` or `www.` up to whitespace, an Arabic delimiter or a
    /// quote; trailing sentence punctuation is given back.
    fn try_url(&mut self) -> bool {
        let rest = &self.text.as_bytes()[self.pos..];
        let has_prefix = |p: &[u8]| rest.len() > p.len() && rest[..p.len()].eq_ignore_ascii_case(p);
        if !(has_prefix(b"https://") || has_prefix(b"http://") || has_prefix(b"www.")) {
            return false;
        }
        let start = self.mark();
        while let Some(c) = self.peek() {
            if matches!(class(c), Class::Space | Class::Invisible)
                || matches!(
                    c,
                    '«' | '»' | '“' | '”' | '"' | '<' | '>' | '،' | '؛' | '\''
                )
            {
                break;
            }
            self.bump(c);
        }
        // Give back trailing punctuation that belongs to the sentence.
        let mut end = self.pos;
        let mut chars = self.chars;
        let s = &self.text[start.pos..end];
        for c in s.chars().rev() {
            let opens = |o: char| s.contains(o);
            let keep = match c {
                ')' => opens('('),
                ']' => opens('['),
                '.' | ',' | ';' | ':' | '!' | '?' | '؟' | '}' => false,
                _ => true,
            };
            if keep {
                break;
            }
            end -= c.len_utf8();
            chars -= 1;
        }
        self.pos = end;
        self.chars = chars;
        if self.pos - start.pos <= 4 {
            self.reset(start);
            return false;
        }
        true
    }

    /// `local@domain.tld` in ASCII.
    fn try_email(&mut self) -> Option<TokenKind> {
        let bytes = self.text.as_bytes();
        let mut p = self.pos;
        while p < bytes.len()
            && (bytes[p].is_ascii_alphanumeric()
                || matches!(bytes[p], b'.' | b'_' | b'%' | b'+' | b'-'))
        {
            p += 1;
        }
        if p == self.pos || p >= bytes.len() || bytes[p] != b'@' {
            return None;
        }
        let mut q = p + 1;
        let mut dots = 0;
        let mut last_dot = 0;
        while q < bytes.len()
            && (bytes[q].is_ascii_alphanumeric() || bytes[q] == b'-' || bytes[q] == b'.')
        {
            if bytes[q] == b'.' {
                dots += 1;
                last_dot = q;
            }
            q += 1;
        }
        // Trailing dots end the sentence, not the address.
        while q > p + 1 && bytes[q - 1] == b'.' {
            q -= 1;
            dots -= 1;
            last_dot = bytes[p + 1..q]
                .iter()
                .rposition(|&b| b == b'.')
                .map_or(0, |i| p + 1 + i);
        }
        if dots == 0 || q - last_dot < 3 || last_dot == p + 1 {
            return None;
        }
        // Everything scanned is ASCII: one byte, one char.
        self.chars += (q - self.pos) as u32;
        self.pos = q;
        Some(TokenKind::Email)
    }
}

/// Whether a run of digit groups and separators reads as one number.
fn number_is_whole(groups: &[(Mark, Mark)], seps: &[char], text: &str) -> bool {
    if seps.is_empty() {
        return true;
    }
    let len = |i: usize| text[groups[i].0.pos..groups[i].1.pos].chars().count();
    let decimals = seps
        .iter()
        .filter(|&&s| s == '.' || s == '\u{066B}')
        .count();
    let last_is_decimal = matches!(seps.last(), Some('.' | '\u{066B}'));
    if decimals > 1 || (decimals == 1 && !last_is_decimal) {
        return false;
    }
    let thousands = seps.len() - decimals;
    if thousands == 0 {
        return true;
    }
    // Thousands groups: 1–3 digits, then groups of exactly three.
    if len(0) > 3 {
        return false;
    }
    (1..=thousands).all(|i| len(i) == 3) && {
        let mixed = seps[..thousands].contains(&',') && seps[..thousands].iter().any(|&s| s != ',');
        !mixed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<(&str, TokenKind)> {
        segment(text)
            .iter()
            .map(|s| (s.bytes.slice(text), s.kind))
            .collect()
    }

    fn texts(text: &str) -> Vec<&str> {
        pieces(text).into_iter().map(|(t, _)| t).collect()
    }

    use TokenKind::*;

    #[test]
    fn arabic_punctuation_is_split() {
        assert_eq!(
            texts("قال، ثم؛ لماذا؟ «نعم»"),
            ["قال", "،", "ثم", "؛", "لماذا", "؟", "«", "نعم", "»"]
        );
        assert_eq!(texts("“البعث”"), ["“", "البعث", "”"]);
    }

    #[test]
    fn numbers_with_arabic_separators() {
        assert_eq!(pieces("بلغ 2٬258"), [("بلغ", Word), ("2٬258", Number)]);
        assert_eq!(pieces("٣٫٥ مليون"), [("٣٫٥", Number), ("مليون", Word)]);
        assert_eq!(
            pieces("1,250 و 3.5"),
            [("1,250", Number), ("و", Word), ("3.5", Number)]
        );
        assert_eq!(texts("12.03.2021"), ["12", ".", "03", ".", "2021"]);
        assert_eq!(texts("1,2,3"), ["1", ",", "2", ",", "3"]);
        assert_eq!(texts("انتهى."), ["انتهى", "."]);
        assert_eq!(texts("عام 2020."), ["عام", "2020", "."]);
    }

    #[test]
    fn numbers_glued_to_words_and_dashes() {
        assert_eq!(texts("7 – 12 – 2020"), ["7", "–", "12", "–", "2020"]);
        assert_eq!(texts("7-12-2020"), ["7", "-", "12", "-", "2020"]);
        assert_eq!(texts("2020م"), ["2020", "م"]);
        assert_eq!(texts("1441هـ"), ["1441", "هـ"]);
        assert_eq!(texts("/وسيم/"), ["/", "وسيم", "/"]);
        assert_eq!(texts("ب2020"), ["ب", "2020"]);
        assert_eq!(pieces("٢٠٢٠/١٢/٠٧")[0], ("٢٠٢٠", Number));
    }

    #[test]
    fn eastern_and_persian_digits() {
        let segs = segment("۱۴۴۱ ٢٠٢٠");
        assert_eq!(segs.len(), 2);
        assert!(
            segs.iter()
                .all(|s| s.kind == Number && s.script == Script::Arabic)
        );
    }

    #[test]
    fn tatweel_diacritics_and_invisibles_stay_inside_words() {
        assert_eq!(texts("الحـــزب"), ["الحـــزب"]);
        assert_eq!(texts("قَرَارٌ"), ["قَرَارٌ"]);
        assert_eq!(texts("الحز\u{200C}ب"), ["الحز\u{200C}ب"]);
        // Controls at the edges are not part of the token.
        assert_eq!(texts("\u{202B}الحزب\u{202C} \u{200F}"), ["الحزب"]);
        assert_eq!(texts("\u{FEFF}قرار"), ["قرار"]);
    }

    #[test]
    fn latin_inside_arabic() {
        assert_eq!(
            pieces("عبر تقنية visioconférence،"),
            [
                ("عبر", Word),
                ("تقنية", Word),
                ("visioconférence", LatinWord),
                ("،", Punct)
            ]
        );
        assert_eq!(texts("فيروسCOVID-19"), ["فيروس", "COVID", "-", "19"]);
    }

    #[test]
    fn urls_emails_hashtags_mentions() {
        assert_eq!(
            pieces("راجع https://example.org/a?b=1. أو www.hizb.ma، راسلنا info@party.org."),
            [
                ("راجع", Word),
                ("https://example.org/a?b=1", Url),
                (".", Punct),
                ("أو", Word),
                ("www.hizb.ma", Url),
                ("،", Punct),
                ("راسلنا", Word),
                ("info@party.org", Email),
                (".", Punct),
            ]
        );
        assert_eq!(
            pieces("#يوم_الأرض @party_ma"),
            [("#يوم_الأرض", Hashtag), ("@party_ma", Mention)]
        );
        assert_eq!(pieces("# 5"), [("#", Punct), ("5", Number)]);
    }

    #[test]
    fn runs_of_one_mark() {
        assert_eq!(
            texts("الحزبي.. ثم... و؟؟ …"),
            ["الحزبي", "..", "ثم", "...", "و", "؟؟", "…"]
        );
    }

    #[test]
    fn char_spans_agree_with_bytes() {
        let text = "عقد 5 ماي 2020 عبر visioconférence «نعم»";
        for s in segment(text) {
            let by_chars: String = text
                .chars()
                .skip(s.chars.start as usize)
                .take(s.chars.len())
                .collect();
            assert_eq!(by_chars, s.bytes.slice(text));
        }
    }
}
