//! Numbers written in words: days ("الحادي والعشرين"), years ("ألفين
//! وثمانية عشر", "تسعة عشر ثمانية وعشرون") and counts ("خمسة وتسعين").

use super::Parser;
use crate::extract::date::lexicon::{Link, NumWord, Role};

/// A number read from words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Words {
    pub value: u32,
    /// Whether it was written as an ordinal ("الثاني والعشرين").
    pub ordinal: bool,
    pub end: usize,
    /// Proclitic letters on the first word.
    pub clitic: usize,
}

/// The place of a word in a number, largest first: a later word must be
/// smaller ("ألف وتسعمائة وواحد"), except that tens follow units
/// ("واحد وعشرين") and the teen word follows a unit directly.
fn rank(w: NumWord) -> u8 {
    match w {
        NumWord::Thousand(_) => 4,
        NumWord::Hundred(_) => 3,
        NumWord::Ten(_) => 2,
        NumWord::Unit(_) | NumWord::Ordinal(_) | NumWord::Teen => 1,
    }
}

fn value(w: NumWord) -> u32 {
    match w {
        NumWord::Unit(n) | NumWord::Ordinal(n) | NumWord::Ten(n) => u32::from(n),
        NumWord::Teen => 10,
        NumWord::Hundred(n) | NumWord::Thousand(n) => u32::from(n),
    }
}

impl Parser<'_, '_> {
    /// The number word at `i` (no proclitic, same line).
    fn num_word(&self, i: usize) -> Option<(NumWord, usize)> {
        match self.role(i, |r| matches!(r, Role::Num(_)))? {
            (Role::Num(w), j) => Some((w, j)),
            _ => None,
        }
    }

    /// A number word at `i` joined by و: written apart ("و عشرين") or on
    /// the word ("وعشرين").
    fn and_num_word(&self, i: usize) -> Option<(NumWord, usize)> {
        if let Some(k) = self.link(i, Link::And) {
            return self.num_word(k);
        }
        if !self.joined(i) || !self.words[i].norm.starts_with('و') {
            return None;
        }
        match self.role_clitic(i, |r| matches!(r, Role::Num(_)))? {
            (Role::Num(w), j, 1) => Some((w, j)),
            _ => None,
        }
    }

    /// A number in words starting at `i`.
    pub(super) fn number_words(&self, i: usize, clitic_ok: bool) -> Option<Words> {
        let is_num = |r| matches!(r, Role::Num(_));
        let (first, mut j, clitic) = if clitic_ok {
            self.role_clitic(i, is_num)?
        } else {
            let (r, j) = self.role(i, is_num)?;
            (r, j, 0)
        };
        let Role::Num(first) = first else {
            return None;
        };
        if first == NumWord::Teen {
            return None;
        }
        let mut total = value(first);
        let mut ordinal = matches!(first, NumWord::Ordinal(_));
        let mut last = first;
        loop {
            // "خمسة عشر", "الحادي عشر": the teen word right after a unit.
            if matches!(last, NumWord::Unit(1..=9) | NumWord::Ordinal(1..=9))
                && let Some((_, k)) = self.role(j, |r| r == Role::Num(NumWord::Teen))
            {
                total += 10;
                last = NumWord::Teen;
                j = k;
                continue;
            }
            let Some((w, k)) = self.and_num_word(j) else {
                break;
            };
            let fits = match (last, w) {
                (NumWord::Unit(1..=9) | NumWord::Ordinal(1..=9), NumWord::Ten(_)) => true,
                (NumWord::Teen | NumWord::Ten(_), _) | (_, NumWord::Teen) => false,
                _ => rank(w) < rank(last),
            };
            if !fits {
                break;
            }
            ordinal |= matches!(w, NumWord::Ordinal(_));
            total += value(w);
            last = w;
            j = k;
        }
        Some(Words {
            value: total,
            ordinal,
            end: j,
            clitic,
        })
    }

    /// A day of the month in words: "الحادي والعشرين", "خمسة عشر".
    pub(super) fn day_words(&self, i: usize, clitic_ok: bool) -> Option<Words> {
        self.number_words(i, clitic_ok)
            .filter(|w| (1..=31).contains(&w.value))
    }

    /// A year in words: "ألفين وثمانية عشر", or said as two numbers the way
    /// English does ("تسعة عشر ثمانية وعشرون" = 1928).
    pub(super) fn year_words(&self, i: usize) -> Option<(i32, usize)> {
        let w = self.number_words(i, false)?;
        if w.ordinal {
            return None;
        }
        if (1000..=2200).contains(&w.value) {
            return Some((w.value as i32, w.end));
        }
        if (10..=29).contains(&w.value) {
            // "تسعة عشر ثمانية وعشرون", "تسعة عشر وثمانية وسبعين"
            let rest = self.number_words(w.end, true)?;
            let and = rest.clitic == 0 || self.words[w.end].norm.starts_with('و');
            if and && rest.clitic <= 1 && !rest.ordinal && rest.value < 100 {
                return Some(((w.value * 100 + rest.value) as i32, rest.end));
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::date::DATES;

    /// The number at the start of `text`, read by the date grammar.
    fn read(text: &str) -> Option<(u32, bool)> {
        DATES
            .with_parser(text, |p| p.number_words(0, true))
            .map(|w| (w.value, w.ordinal))
    }

    #[test]
    fn compounds_read_in_arabic_order() {
        assert_eq!(read("الحادي والعشرين"), Some((21, true)));
        assert_eq!(read("الثانية والعشرون"), Some((22, true)));
        assert_eq!(read("الخامس عشر"), Some((15, true)));
        assert_eq!(read("واحد وعشرين"), Some((21, false)));
        assert_eq!(read("خمسة وتسعين"), Some((95, false)));
        assert_eq!(read("ألف وتسعمائة وثمانية وسبعون"), Some((1978, false)));
        assert_eq!(read("ألفين وسبعة وعشرين"), Some((2027, false)));
        assert_eq!(read("للثلاثين"), Some((30, false)));
        // A smaller number cannot come first: "عشرين وخمسة" stops at 20.
        assert_eq!(read("عشرين وخمسة"), Some((20, false)));
        assert_eq!(read("عشر"), Some((10, false)));
        assert_eq!(read("الحزب"), None);
    }
}
