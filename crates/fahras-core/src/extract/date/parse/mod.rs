//! The grammar of Arabic date expressions over folded tokens.
//!
//! Each `*_led` function tries the expressions that can start at a token and
//! returns what it read and where it stopped; the scanner keeps the longest.
//! Only the first token may carry a proclitic (و ف ب ل ك: "وأمس", "بتاريخ",
//! "لعام"), which the span leaves out as ANNOTATION.md asks.

// Calendar fields are small validated numbers (months 1-12, days 1-31,
// years 1300-2200), so casts between their integer types cannot wrap.
#![allow(clippy::cast_possible_wrap, clippy::cast_sign_loss)]

mod numbers;
mod periods;

use std::borrow::Cow;

use super::lexicon::{Cal, Entry, Holiday, Lexicon, Link, NumWord, Part, Role, Unit, opens};

/// The bit of a number token among the role bits ([`Role::bit`]).
const NUMBER: u64 = 1 << 63;
use crate::extract::PROCLITIC_LETTERS;
use crate::extract::vocab::{Slot, Vocab};
use crate::text::TokenKind;

/// A folded token with what the grammar needs.
#[derive(Clone, Debug)]
pub(crate) struct Word<'t> {
    pub norm: &'t str,
    pub kind: TokenKind,
    /// Value of an all-digit number token, with its digit count.
    pub num: Option<(u32, u8)>,
    /// Whether a line break separates this token from the previous one.
    pub newline_before: bool,
    /// The lexicon's entries starting with this word, looked up once.
    pub entries: &'t [Entry],
    /// It opens an expression only once a proclitic is off ("وأمس").
    pub behind: bool,
}

impl<'t> Word<'t> {
    /// The grammar's view of a token whose folded form is `norm`, read in
    /// `vocab` into `slot`.
    pub(crate) fn new(
        norm: &'t str,
        kind: TokenKind,
        newline_before: bool,
        slot: &Slot,
        vocab: &Vocab,
    ) -> Self {
        let word = kind == TokenKind::Word;
        let num = (kind == TokenKind::Number
            && norm.len() <= 4
            && norm.bytes().all(|b| b.is_ascii_digit()))
        .then(|| norm.parse().ok().map(|n| (n, norm.len() as u8)))
        .flatten();
        Word {
            norm,
            kind,
            num,
            newline_before,
            entries: if word { vocab.dates(slot) } else { &[] },
            // Only a word that opens with a proclitic letter can be one.
            behind: word && slot.date_behind && norm.starts_with(PROCLITIC_LETTERS),
        }
    }

    /// Whether an expression may start here.
    pub(crate) fn may_start(&self) -> bool {
        self.num.is_some() || (self.kind == TokenKind::Word && (opens(self.entries) || self.behind))
    }
}

/// What a date expression says, before it meets the article's date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Expr {
    /// A day: "5 ماي 2020", "12/03/2021", "12 رمضان 1441 هـ", "31 آذار".
    Day {
        year: Option<i32>,
        month: u8,
        day: u8,
        cal: Cal,
        dir: Option<i8>,
        weekday: Option<u8>,
    },
    /// A month: "شهر تشرين الثاني", "يوليو 2020", "مارس الماضي".
    Month {
        year: Option<i32>,
        month: u8,
        cal: Cal,
        dir: Option<i8>,
    },
    /// A year: "عام 2020", "سنة 1441 هـ".
    Year { year: i32, cal: Cal },
    /// A day relative to the article: "أمس", "أول أمس الثلاثاء".
    RelDay { offset: i8, weekday: Option<u8> },
    /// A weekday: "الخميس", "يوم السبت المقبل".
    Weekday { weekday: u8, dir: Option<i8> },
    /// "الأسبوع الماضي".
    RelWeek(i8),
    /// "الشهر المنصرم", "مطلع الشهر الجاري".
    RelMonth(i8),
    /// "الشهر 11": a month number in the current year.
    MonthNumber(u8),
    /// "العام المقبل", "نهاية السنة".
    RelYear(i8),
    /// "الربع الأول من 2021", "النصف الأول من شهر نيسان".
    Fraction { parts: u8, which: i8, of: Box<Expr> },
    /// "الأيام الثلاثة الأخيرة من شهر مارس", "الأسبوعين الأولين من شهر حزيران".
    Days {
        count: u8,
        which: i8,
        of: Option<Box<Expr>>,
    },
    /// A day of a month named relative to the article: "23 من الشهر المقبل".
    DayIn { day: u8, of: Box<Expr> },
    /// A range or list: "26 و27 جوان 2021", "2 إلى 30 ماي", "شهري أبريل وماي".
    Range(Box<Expr>, Box<Expr>),
    /// A day of the article's month, checked by its weekday when one is
    /// given: "يوم 27", "الخميس 21" (the nearest month where the 21st is a Thursday).
    DayOfMonth { day: u8, weekday: Option<u8> },
    /// The `n`th (-1: last) weekday of a month, the article's when `of` is
    /// `None`: "السبت الثاني", "أول يوم جمعة من يوليو", "عيد الشكر".
    NthWeekday {
        n: i8,
        weekday: u8,
        of: Option<Box<Expr>>,
    },
    /// A weekday of a week relative to the article's: "الجمعة من الأسبوع المقبل".
    InWeek { week: i8, weekday: u8 },
    /// The `which`th (-1: last) Monday-to-Sunday week of a month or year,
    /// counted as ISO 8601 counts weeks: "الأسبوع الأول من أكتوبر".
    WeekOf { which: i8, of: Box<Expr> },
    /// The week around a day: "أسبوع 16 سبتمبر".
    WeekAround(Box<Expr>),
    /// A month of a year named relative to the article: "يونيو العام المقبل".
    MonthIn { month: u8, of: Box<Expr> },
    /// Amounts counted back (`sign` -1) or forward from the article's date:
    /// "قبل يومين", "بعد 3 أسابيع", "2 سنة و1 شهر من الآن". `anchored` is
    /// false when they count from something else ("بعد يومين من الاجتماع").
    Offset {
        sign: i8,
        amounts: Vec<(u32, Unit)>,
        anchored: bool,
    },
    /// The `count` units before (`dir` < 0) or after the article's date:
    /// "الأيام القليلة الماضية", "اليومين المقبلين", "العقدين الماضيين".
    /// `None` when the text does not say how many ("الأيام الماضية").
    Span {
        count: Option<u8>,
        unit: Unit,
        dir: i8,
    },
    /// Saturday and Sunday of a week relative to the article's.
    Weekend(i8),
    /// From the article's date to the end of its week, month or year: "باقي الأسبوع".
    Rest(Unit),
    /// A season (1 spring .. 4 winter) of a year: "صيف 2016", "الربيع القادم".
    Season {
        season: u8,
        year: Option<i32>,
        dir: Option<i8>,
    },
    /// A decade of a century given by its ordinal (20 = the 1900s):
    /// "السبعينيات", "ستينيات القرن التاسع عشر".
    Decade { decade: u8, century: i32 },
    /// A century by its ordinal (20 = 1900-1999, as TimeML writes "19"),
    /// or relative to the article's: "القرن التاسع عشر", "القرن الماضي".
    Century { ordinal: Option<i32>, dir: i8 },
}

/// A parse: the expression, its first and one-past-last tokens, and the
/// letters of a proclitic on the first token to leave out of the span.
#[derive(Clone, Debug)]
pub(crate) struct Parse {
    pub expr: Expr,
    pub start: usize,
    pub clitic: usize,
    pub end: usize,
}

/// What follows a day number or a month word.
struct MonthTail {
    month: u8,
    cal: Cal,
    /// Whether the name is a month wherever it stands.
    alone: bool,
    year: Option<i32>,
    dir: Option<i8>,
    /// A year relative to the article: "يونيو العام المقبل".
    rel_year: Option<i8>,
    end: usize,
    clitic: usize,
}

impl MonthTail {
    fn expr(&self) -> Expr {
        let month = Expr::Month {
            year: self.year,
            month: self.month,
            cal: self.cal,
            dir: self.dir,
        };
        match self.rel_year {
            Some(d) if self.cal == Cal::Gregorian => Expr::MonthIn {
                month: self.month,
                of: Box::new(Expr::RelYear(d)),
            },
            _ => month,
        }
    }
}

/// The entries of a word without each proclitic it may carry.
type Stripped<'a> = [(&'a [Entry], usize); 3];

pub(crate) struct Parser<'a, 't> {
    pub words: &'a [Word<'t>],
    pub lex: &'a Lexicon,
    /// The last word whose proclitic-less entries were looked up: every
    /// grammar rule asks about the same first word.
    stripped: std::cell::Cell<Option<(usize, Stripped<'a>)>>,
}

impl<'a, 't> Parser<'a, 't> {
    pub(crate) fn new(words: &'a [Word<'t>], lex: &'a Lexicon) -> Self {
        Self {
            words,
            lex,
            stripped: std::cell::Cell::new(None),
        }
    }

    /// The entries of word `i` without each proclitic it may carry.
    fn stripped(&self, i: usize) -> Stripped<'a> {
        if let Some((at, s)) = self.stripped.get()
            && at == i
        {
            return s;
        }
        let mut s: Stripped<'a> = [(&[], 0); 3];
        let w = &self.words[i];
        if w.kind == TokenKind::Word {
            for (slot, (rest, n)) in s.iter_mut().zip(strip_clitic(w.norm)) {
                *slot = (self.lex.get(&rest), n);
            }
        }
        self.stripped.set(Some((i, s)));
        s
    }
}

/// The folded word without a proclitic, and the proclitic's letter count:
/// و ف ب ل ك, two of them (وب، فل), and ل before ال with the alef elided
/// (للعام = ل + العام, kept whole in spans). Allocates only for that last case.
pub(crate) fn strip_clitic(word: &str) -> impl Iterator<Item = (Cow<'_, str>, usize)> + '_ {
    let mut chars = word.chars();
    let c0 = chars.next();
    let rest1 = chars.as_str();
    let c1 = chars.next();
    let rest2 = chars.as_str();
    let long = rest1.chars().nth(1).is_some();
    let one = matches!(c0, Some('و' | 'ف' | 'ب' | 'ل' | 'ك')) && long;
    let lil = c0 == Some('ل') && c1 == Some('ل') && long;
    let two = matches!(c0, Some('و' | 'ف'))
        && matches!(c1, Some('ب' | 'ل' | 'ك'))
        && rest2.chars().nth(1).is_some();
    // The span cannot leave out the ل of "للعام" without cutting the article
    // it elided, so that proclitic counts as no letters.
    let elided = lil.then(|| (Cow::Owned(format!("ال{rest2}")), 0));
    elided
        .into_iter()
        .chain(one.then_some((Cow::Borrowed(rest1), 1)))
        .chain(two.then_some((Cow::Borrowed(rest2), 2)))
}

impl Parser<'_, '_> {
    fn word(&self, i: usize) -> Option<&Word<'_>> {
        self.words.get(i)
    }

    /// Whether token `i` exists on the same line as the token before it.
    fn joined(&self, i: usize) -> bool {
        self.words.get(i).is_some_and(|w| !w.newline_before)
    }

    /// The first role of an entry starting at `i` (with `first` as the folded
    /// first word) that satisfies `pred`, and the index after the entry.
    fn entry(
        &self,
        list: &[Entry],
        i: usize,
        pred: &impl Fn(Role) -> bool,
    ) -> Option<(Role, usize)> {
        'entries: for (rest, role) in list {
            if !pred(*role) {
                continue;
            }
            for (k, w) in rest.iter().enumerate() {
                let j = i + 1 + k;
                if !self.joined(j) || self.words[j].norm != w.as_str() {
                    continue 'entries;
                }
            }
            return Some((*role, i + 1 + rest.len()));
        }
        None
    }

    /// A role at `i`, inside an expression (no proclitic, same line).
    fn role(&self, i: usize, pred: impl Fn(Role) -> bool) -> Option<(Role, usize)> {
        if !self.joined(i) {
            return None;
        }
        self.entry(self.words[i].entries, i, &pred)
    }

    /// A role at `i`, which may carry a proclitic: the first word of an
    /// expression, or an item after و.
    fn role_clitic(&self, i: usize, pred: impl Fn(Role) -> bool) -> Option<(Role, usize, usize)> {
        let w = self.word(i)?;
        if let Some((r, j)) = self.entry(w.entries, i, &pred) {
            return Some((r, j, 0));
        }
        if w.kind != TokenKind::Word {
            return None;
        }
        self.stripped(i)
            .into_iter()
            .find_map(|(list, n)| self.entry(list, i, &pred).map(|(r, j)| (r, j, n)))
    }

    /// Whether the word at `i` alone (a one-word entry) has `role`, with or
    /// without a proclitic.
    fn is(&self, i: usize, role: Role, clitic_ok: bool) -> bool {
        let one = |list: &[Entry]| list.iter().any(|(rest, r)| rest.is_empty() && *r == role);
        let w = &self.words[i];
        one(w.entries)
            || (clitic_ok
                && w.kind == TokenKind::Word
                && strip_clitic(w.norm).any(|(s, _)| one(self.lex.get(&s))))
    }

    fn num(&self, i: usize, min: u32, max: u32) -> Option<u32> {
        if !self.joined(i) {
            return None;
        }
        let (n, _) = self.words[i].num?;
        (min..=max).contains(&n).then_some(n)
    }

    /// A year in digits (1300-2200) or in words ("ألفين وعشرين").
    fn year(&self, i: usize) -> Option<(i32, usize)> {
        if !self.joined(i) {
            return None;
        }
        match self.words[i].num {
            Some((n, 4)) if (1300..=2200).contains(&n) => Some((n as i32, i + 1)),
            Some(_) => None,
            None if self.words[i].kind == TokenKind::Word => self
                .year_words(i)
                .filter(|(y, _)| (1300..=2200).contains(y)),
            None => None,
        }
    }

    fn punct(&self, i: usize, set: &[&str]) -> bool {
        self.joined(i)
            && self.words[i].kind == TokenKind::Punct
            && set.contains(&self.words[i].norm)
    }

    fn link(&self, i: usize, link: Link) -> Option<usize> {
        self.role(i, |r| r == Role::Link(link)).map(|(_, j)| j)
    }

    /// An optional calendar mark after a year: "هـ", "م".
    fn calendar(&self, i: usize) -> (Option<Cal>, usize) {
        match self.role(i, |r| matches!(r, Role::Calendar(_))) {
            Some((Role::Calendar(c), j)) => (Some(c), j),
            _ => (None, i),
        }
    }

    fn dir(&self, i: usize) -> Option<(i8, usize)> {
        match self.role(i, |r| matches!(r, Role::Dir(_))) {
            Some((Role::Dir(d), j)) => Some((d, j)),
            _ => None,
        }
    }

    /// The longest parse starting at token `i`, with a range to a second
    /// date when one follows.
    pub(crate) fn parse(&self, i: usize) -> Option<Parse> {
        self.parse_one(i).map(|p| self.range_on(p))
    }

    /// The longest single expression starting at token `i`.
    fn parse_one(&self, i: usize) -> Option<Parse> {
        let w = self.words.get(i)?;
        let mut has = if w.num.is_some() { NUMBER } else { 0 };
        for (_, r) in w
            .entries
            .iter()
            .chain(self.stripped(i).iter().flat_map(|(list, _)| list.iter()))
        {
            has |= r.bit();
        }
        let can = |roles: &[Role]| roles.iter().any(|r| has & r.bit() != 0);
        let num = has & NUMBER != 0;
        let numeral = num || can(&[Role::Num(NumWord::Teen), Role::Count(0)]);
        let part = can(&[Role::Part(Part::Start)]);
        // Of equal length, the last tried wins: the newer, looser readings
        // come first.
        let tries = [
            (numeral || can(&[Role::DayWord]))
                .then(|| self.bare_day_led(i))
                .flatten(),
            can(&[Role::FirstDay, Role::Last])
                .then(|| self.nth_weekday_led(i))
                .flatten(),
            (part || can(&[Role::Decade(0), Role::Century]))
                .then(|| self.decade_led(i))
                .flatten(),
            (part || can(&[Role::This, Role::Season(0)]))
                .then(|| self.season_led(i))
                .flatten(),
            can(&[Role::Rest]).then(|| self.rest_led(i)).flatten(),
            (numeral || can(&[Role::Last, Role::Dur(Unit::Day), Role::Dual(Unit::Day)]))
                .then(|| self.span_led(i))
                .flatten(),
            (numeral
                || can(&[
                    Role::Offset(0),
                    Role::Since,
                    Role::Few,
                    Role::Dur(Unit::Day),
                    Role::Dual(Unit::Day),
                ]))
            .then(|| self.offset_led(i))
            .flatten(),
            can(&[
                Role::Unit(Unit::Month),
                Role::Month(0, Cal::Gregorian, false),
            ])
            .then(|| self.month_first(i))
            .flatten(),
            num.then(|| self.cued_year(i)).flatten(),
            can(&[Role::DayWord, Role::DaysWord, Role::Weekday(0)])
                .then(|| self.weekday_led(i))
                .flatten(),
            can(&[Role::RelDay(0)])
                .then(|| self.rel_day_led(i))
                .flatten(),
            (numeral || can(&[Role::FirstDay, Role::Ordinal(0)]))
                .then(|| self.day_led(i, true))
                .flatten(),
            (part
                || can(&[
                    Role::Unit(Unit::Month),
                    Role::Units(Unit::Month),
                    Role::Month(0, Cal::Gregorian, false),
                ]))
            .then(|| self.month_led(i))
            .flatten(),
            (part || can(&[Role::Unit(Unit::Year), Role::TheUnit(Unit::Year)]))
                .then(|| self.unit_led(i))
                .flatten(),
            can(&[Role::Fraction(0, false)])
                .then(|| self.fraction_led(i))
                .flatten(),
            can(&[Role::Days, Role::Weeks(0)])
                .then(|| self.days_led(i))
                .flatten(),
            can(&[Role::Holiday(Holiday::Fixed(0, 0, Cal::Gregorian))])
                .then(|| self.holiday_led(i))
                .flatten(),
            (part || can(&[Role::This]))
                .then(|| self.this_led(i))
                .flatten(),
            // "نهاية هذا الأسبوع" is the weekend, not this week.
            can(&[Role::Weekend]).then(|| self.weekend_led(i)).flatten(),
        ];
        tries
            .into_iter()
            .flatten()
            .max_by_key(|p| (p.end, std::cmp::Reverse(p.clitic)))
    }

    /// A bare year after a word that takes one: "موازنة 2021", "انتخابات 2018", "منذ 2011".
    fn cued_year(&self, i: usize) -> Option<Parse> {
        let (year, end) = self.year(i)?;
        if !(1900..=2100).contains(&year) || i == 0 || !self.joined(i) {
            return None;
        }
        let cued = self.is(i - 1, Role::YearCue, true);
        // Not the first number of "2021 - 2022" or of an amount.
        let next_is_number = self.words.get(end).is_some_and(|w| w.num.is_some());
        // "2003م", and "في 2004،" where no counted noun follows ("في 2000 قرية").
        let (mark, marked_end) = self.calendar(end);
        let no_noun = !self.joined(end)
            || self
                .words
                .get(end)
                .is_none_or(|w| w.kind == TokenKind::Punct);
        // "من 2014 حتى 2018", "2014-2018": a range of years.
        let ranged = self
            .link(end, Link::To)
            .or_else(|| self.punct(end, &["-"]).then_some(end + 1))
            .is_some_and(|k| self.year(k).is_some());
        let ok = ranged
            || !next_is_number && (cued || mark.is_some() || (self.after_prep(i) && no_noun));
        ok.then_some(Parse {
            expr: Expr::Year {
                year,
                cal: Cal::Gregorian,
            },
            start: i,
            clitic: 0,
            end: if mark == Some(Cal::Gregorian) {
                marked_end
            } else {
                end
            },
        })
    }

    /// Whether token `i` follows a preposition that introduces dates ("في يناير").
    fn after_prep(&self, i: usize) -> bool {
        i > 0 && self.joined(i) && self.is(i - 1, Role::Prep, false)
    }

    /// A holiday: "عيد الفطر", "عيد الميلاد لعام 2016", "عيد الأضحى المقبل".
    fn holiday_led(&self, i: usize) -> Option<Parse> {
        let (Role::Holiday(holiday), j, clitic) =
            self.role_clitic(i, |r| matches!(r, Role::Holiday(..)))?
        else {
            return None;
        };
        let mut k = j;
        if let Some((_, n, _)) = self.role_clitic(k, |r| {
            matches!(r, Role::Unit(Unit::Year) | Role::TheUnit(Unit::Year))
        }) {
            k = n;
        }
        let (year, dir, j) = self.year_or_dir(self.year(k), j);
        let expr = match holiday {
            Holiday::Fixed(month, day, cal) => Expr::Day {
                year,
                month,
                day,
                cal,
                dir,
                weekday: None,
            },
            Holiday::Nth { month, n, weekday } => Expr::NthWeekday {
                n,
                weekday,
                of: Some(Box::new(Expr::Month {
                    year,
                    month,
                    cal: Cal::Gregorian,
                    dir,
                })),
            },
        };
        Some(Parse {
            expr,
            start: i,
            clitic,
            end: j,
        })
    }

    /// `[PART [من]] هذا|هذه` + a unit or month: "هذا الشهر", "هذه السنة",
    /// "هذا يناير", "في وقت لاحق من هذا الشهر", "هذا الأسبوع يوم السبت".
    fn this_led(&self, i: usize) -> Option<Parse> {
        let (part, j, part_clitic) = self.part(i);
        let j = if part {
            self.link(j, Link::Of).unwrap_or(j)
        } else {
            j
        };
        let (_, j, clitic) = if part {
            self.role(j, |r| r == Role::This)
                .map(|(r, k)| (r, k, part_clitic))?
        } else {
            self.role_clitic(j, |r| r == Role::This)?
        };
        if let Some((Role::TheUnit(unit), end)) = self.role(j, |r| matches!(r, Role::TheUnit(_))) {
            let (expr, end) = match unit {
                Unit::Week => self.in_week(0, end),
                Unit::Month => (Expr::RelMonth(0), end),
                Unit::Year => (Expr::RelYear(0), end),
                Unit::Day => (
                    Expr::RelDay {
                        offset: 0,
                        weekday: None,
                    },
                    end,
                ),
                Unit::Decade => (
                    Expr::Span {
                        count: Some(1),
                        unit: Unit::Decade,
                        dir: 0,
                    },
                    end,
                ),
            };
            return Some(Parse {
                expr,
                start: i,
                clitic,
                end,
            });
        }
        let j = self
            .role(j, |r| r == Role::Unit(Unit::Month))
            .map_or(j, |(_, k)| k);
        let t = self.month_tail(j, false)?;
        let expr = Expr::Month {
            year: t.year,
            month: t.month,
            cal: t.cal,
            dir: t.dir.or(Some(0)),
        };
        Some(Parse {
            expr,
            start: i,
            clitic,
            end: t.end,
        })
    }

    /// `[يوم|يومي] WEEKDAY [date | DIR]`.
    fn weekday_led(&self, i: usize) -> Option<Parse> {
        let (j, clitic, day_word) =
            match self.role_clitic(i, |r| matches!(r, Role::DayWord | Role::DaysWord)) {
                Some((_, j, c)) => (j, c, true),
                None => (i, 0, false),
            };
        let (weekday, k, clitic) = if day_word {
            let (r, k) = self.role(j, |r| matches!(r, Role::Weekday(_)))?;
            (r, k, clitic)
        } else {
            let (r, k, c) = self.role_clitic(j, |r| matches!(r, Role::Weekday(_)))?;
            (r, k, c)
        };
        let Role::Weekday(wd) = weekday else {
            return None;
        };
        // "الأربعاء، 22 يناير", "الاثنين، يناير الثاني والعشرين، 2018"
        let date = |k| self.day_led(k, false).or_else(|| self.month_first(k));
        let k_date = if self.punct(k, &[","]) && date(k + 1).is_some() {
            k + 1
        } else {
            k
        };
        if let Some(mut p) = date(k_date) {
            if let Expr::Day { weekday, .. } = &mut p.expr {
                *weekday = Some(wd);
            }
            if let Expr::Range(a, _) = &mut p.expr
                && let Expr::Day { weekday, .. } = a.as_mut()
            {
                *weekday = Some(wd);
            }
            return Some(Parse {
                start: i,
                clitic,
                ..p
            });
        }
        if let Some((d, end)) = self.dir(k) {
            return Some(Parse {
                expr: Expr::Weekday {
                    weekday: wd,
                    dir: Some(d),
                },
                start: i,
                clitic,
                end,
            });
        }
        if let Some((expr, end)) = self.weekday_rest(wd, k) {
            return Some(Parse {
                expr,
                start: i,
                clitic,
                end,
            });
        }
        Some(Parse {
            expr: Expr::Weekday {
                weekday: wd,
                dir: None,
            },
            start: i,
            clitic,
            end: k,
        })
    }

    /// `RELDAY [WEEKDAY]`: "أمس", "أول أمس الثلاثاء", "غداً الخميس".
    fn rel_day_led(&self, i: usize) -> Option<Parse> {
        let (Role::RelDay(offset), j, clitic) =
            self.role_clitic(i, |r| matches!(r, Role::RelDay(_)))?
        else {
            return None;
        };
        // "اليوم الأول" is the first day of an event, not today.
        if offset == 0 && self.role(j, |r| matches!(r, Role::Ordinal(_))).is_some() {
            return None;
        }
        if offset == 0 {
            // "اليوم التالي", "اليوم الماضي": the day after or before.
            if let Some((d, end)) = self.dir(j).filter(|&(d, _)| d != 0) {
                return Some(Parse {
                    expr: Expr::RelDay {
                        offset: d,
                        weekday: None,
                    },
                    start: i,
                    clitic,
                    end,
                });
            }
            // "اليوم 6 مايو": today, dated.
            if let Some(p) = self
                .day_led(j, false)
                .filter(|p| matches!(p.expr, Expr::Day { .. }))
            {
                return Some(Parse {
                    start: i,
                    clitic,
                    ..p
                });
            }
        }
        let (weekday, end) = match self.role(j, |r| matches!(r, Role::Weekday(_))) {
            Some((Role::Weekday(wd), k)) => (Some(wd), k),
            _ => (None, j),
        };
        Some(Parse {
            expr: Expr::RelDay { offset, weekday },
            start: i,
            clitic,
            end,
        })
    }

    /// A numeric date: `d/m/y`, `y-m-d`, `7 – 12 – 2020`, two-digit years
    /// (`18-9-15`), a year and a month (`2015-3`, `3/2015`), and a day and a
    /// month (`22/4`). Day first, as Arab sources write dates; month first
    /// only when the day-first reading is impossible (`4/22`, `9-18-15`) or
    /// in the English form `08/12, 2015`.
    fn numeric(&self, i: usize) -> Option<(Expr, usize)> {
        let w = self.word(i)?;
        let (a, da) = w.num?;
        let sep = self.words.get(i + 1)?.norm;
        if !self.punct(i + 1, &["/", "-", "."]) || self.not_date_before(i) {
            return None;
        }
        let (b, db) = self.words.get(i + 2).filter(|_| self.joined(i + 2))?.num?;
        let third = self
            .punct(i + 3, &[sep])
            .then(|| self.words.get(i + 4).filter(|_| self.joined(i + 4))?.num)
            .flatten();
        let day = |year: Option<i32>, month: u32, day: u32| {
            let ok = (1..=12).contains(&month)
                && (1..=31).contains(&day)
                && year.is_none_or(|y| (1300..=2200).contains(&y));
            ok.then(|| Expr::Day {
                year,
                month: month as u8,
                day: day as u8,
                cal: if year.is_some_and(|y| y < 1600) {
                    Cal::Hijri
                } else {
                    Cal::Gregorian
                },
                dir: None,
                weekday: None,
            })
        };
        let two_digit = |y: u32| if y < 50 { 2000 + y } else { 1900 + y } as i32;
        if let Some((c, dc)) = third {
            let expr = match (da, db, dc) {
                (4, 1 | 2, 1 | 2) => day(Some(a as i32), b, c),
                (1 | 2, 1 | 2, 4) => day(Some(c as i32), b, a),
                (1 | 2, 1 | 2, 2) => {
                    day(Some(two_digit(c)), b, a).or_else(|| day(Some(two_digit(c)), a, b))
                }
                _ => None,
            }?;
            let (cal, end) = self.calendar(i + 5);
            let expr = match (expr, cal) {
                (
                    Expr::Day {
                        year, month, day, ..
                    },
                    Some(cal),
                ) => Expr::Day {
                    year,
                    month,
                    day,
                    cal,
                    dir: None,
                    weekday: None,
                },
                (e, _) => e,
            };
            return Some((expr, end));
        }
        if self.punct(i + 3, &["/", "-", "."]) || sep == "." {
            return None;
        }
        self.numeric_short(i, (a, da), (b, db))
    }

    /// `y-m`, `m/y` and `d/m` (or `m/d`), with the English `08/12, 2015`.
    fn numeric_short(
        &self,
        i: usize,
        (a, da): (u32, u8),
        (b, db): (u32, u8),
    ) -> Option<(Expr, usize)> {
        let two_digit = |y: u32| if y < 50 { 2000 + y } else { 1900 + y } as i32;
        let day = |year: Option<i32>, month: u32, day: u32| {
            ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some(Expr::Day {
                year,
                month: month as u8,
                day: day as u8,
                cal: Cal::Gregorian,
                dir: None,
                weekday: None,
            })
        };
        let end = i + 3;
        // "2-7 فبراير" is a range of days, read by `day_led`.
        if self.role(end, |r| matches!(r, Role::Month(..))).is_some() {
            return None;
        }
        // "2015-3", "3/2015": a month.
        let (year, month) = match (da, db) {
            (4, 1 | 2) => (a, b),
            (1 | 2, 4) => (b, a),
            (1 | 2, 1 | 2) => {
                // "08/12, 2015", "11/12, 16": the English order.
                if self.punct(end, &[","])
                    && let Some((y, dy)) = self.words.get(end + 1).and_then(|w| w.num)
                {
                    let year = match dy {
                        4 => y as i32,
                        2 => two_digit(y),
                        _ => return None,
                    };
                    return day(Some(year), a, b).map(|e| (e, end + 2));
                }
                // A bare "22/4" needs to stand alone: "2/3 الأعضاء" is a
                // fraction; "14-12" needs a preposition, scores are written so.
                if self.words[i + 1].norm != "/" && !self.after_prep(i) {
                    return None;
                }
                let alone = self
                    .word(end)
                    .is_none_or(|w| w.kind == TokenKind::Punct && !matches!(w.norm, "%" | "/"))
                    || !self.joined(end);
                if !alone && !self.after_prep(i) {
                    return None;
                }
                let year = None;
                let e = if a > 12 || b <= 12 {
                    day(year, b, a)
                } else {
                    day(year, a, b)
                };
                return e.map(|e| (e, end));
            }
            _ => return None,
        };
        if !(1..=12).contains(&month) || !(1300..=2200).contains(&year) {
            return None;
        }
        Some((
            Expr::Month {
                year: Some(year as i32),
                month: month as u8,
                cal: Cal::Gregorian,
                dir: None,
            },
            end,
        ))
    }

    /// Whether the word before `i` makes a number an identifier or an
    /// amount ("القرار رقم 3/2015", "بنسبة 2/3").
    fn not_date_before(&self, i: usize) -> bool {
        i > 0 && self.is(i - 1, Role::NotDate, true)
    }

    /// A day of the month: a number, "الفاتح (من)", "أول", "الأول من".
    fn day_number(&self, i: usize, clitic_ok: bool) -> Option<(u8, usize, usize)> {
        if let Some(d) = self.num(i, 1, 31) {
            return Some((d as u8, i + 1, 0));
        }
        // "الحادي والعشرين من مايو", "واحد وعشرين مايو"
        if let Some(w) = self.day_words(i, clitic_ok)
            && (w.value > 1 || w.end > i + 1)
        {
            let j = self.link(w.end, Link::Of).unwrap_or(w.end);
            return Some((w.value as u8, j, w.clitic));
        }
        let pred = |r| matches!(r, Role::FirstDay | Role::Ordinal(1));
        let (role, j, clitic) = if clitic_ok {
            self.role_clitic(i, pred)?
        } else {
            let (r, j) = self.role(i, pred)?;
            (r, j, 0)
        };
        let (j, of) = match self.link(j, Link::Of) {
            Some(k) => (k, true),
            None => (j, false),
        };
        // "الأول" alone is an ordinal; "الأول من يناير" is a day.
        if role == Role::Ordinal(1) && !of {
            return None;
        }
        Some((1, j, clitic))
    }

    /// `MONTH [/ MONTH] [YEAR [CAL]] [DIR]`: the month, its calendar, the
    /// year and direction if given, the end, and the proclitic letters.
    fn month_tail(&self, i: usize, clitic_ok: bool) -> Option<MonthTail> {
        let pred = |r| matches!(r, Role::Month(..));
        let (role, mut j, clitic) = if clitic_ok {
            self.role_clitic(i, pred)?
        } else {
            let (r, j) = self.role(i, pred)?;
            (r, j, 0)
        };
        let Role::Month(month, cal, alone) = role else {
            return None;
        };
        // "جوان / يونيو", "نوفمبر / تشرين الثاني": the same month twice.
        if self.punct(j, &["/", "-", "("])
            && let Some((Role::Month(m2, ..), k)) = self.role(j + 1, pred)
            && m2 == month
        {
            j = if self.punct(k, &[")"]) { k + 1 } else { k };
        }
        // "يناير من عام 2016", "يناير عام 2016", "يناير, 2001", "نوفمبر. 2016"
        let mut y_at = if self.punct(j, &[","]) && self.year(j + 1).is_some()
            || self.punct(j, &["."])
                && self
                    .year(j + 1)
                    .is_some_and(|(_, k)| self.word(k).is_none_or(|w| w.kind == TokenKind::Punct))
        {
            j + 1
        } else {
            j
        };
        if let Some(k) = self.link(y_at, Link::Of) {
            y_at = k;
        }
        if let Some((_, k)) = self.role(y_at, |r| {
            matches!(r, Role::Unit(Unit::Year) | Role::TheUnit(Unit::Year))
        }) && self.year(k).is_some()
        {
            y_at = k;
        }
        let (year, dir, mut j) = self.year_or_dir(self.year(y_at).or_else(|| self.year(j)), j);
        let mut rel_year = None;
        if year.is_none()
            && dir.is_none()
            && let Some((Role::TheUnit(Unit::Year), k)) =
                self.role(j, |r| r == Role::TheUnit(Unit::Year))
            && let Some((d, k)) = self.dir(k)
        {
            rel_year = Some(d);
            j = k;
        }
        Some(MonthTail {
            month,
            cal,
            alone,
            year,
            dir,
            rel_year,
            end: j,
            clitic,
        })
    }

    /// `DAY [(و|إلى|-) DAY]* MONTH …`, a numeric date, and a range to a second date.
    fn day_led(&self, i: usize, clitic_ok: bool) -> Option<Parse> {
        // A numeric date's range to a second date ("من 1 – 5 – 2021 إلى
        // 31 – 7 – 2021") is joined by `range_on`.
        if let Some((expr, end)) = self.numeric(i) {
            return Some(Parse {
                expr,
                start: i,
                clitic: 0,
                end,
            });
        }
        let (d, mut j, clitic) = self.day_number(i, clitic_ok)?;
        let mut last = None;
        // A list or a range of days sharing one month: "26 و27", "2 إلى 30",
        // "السبت 26 والأحد 27".
        loop {
            // "الخامس عشر والتاسع عشر": و written on the second day.
            if self.joined(j)
                && self.words[j].norm.starts_with('و')
                && let Some(w) = self.day_words(j, true).filter(|w| w.clitic == 1)
            {
                last = Some(w.value as u8);
                j = w.end;
                continue;
            }
            let mut k = if let Some(k) = self.link(j, Link::And).or_else(|| self.link(j, Link::To))
            {
                k
            } else if self.punct(j, &["-"]) {
                j + 1
            } else if let Some((_, n, 1)) = self
                .joined(j)
                .then(|| self.role_clitic(j, |r| matches!(r, Role::Weekday(_))))
                .flatten()
            {
                n
            } else {
                break;
            };
            if let Some((_, n)) = self.role(k, |r| matches!(r, Role::Weekday(_))) {
                k = n;
            }
            if let Some(n) = self.num(k, 1, 31) {
                last = Some(n as u8);
                j = k + 1;
            } else if let Some(w) = self.day_words(k, false) {
                last = Some(w.value as u8);
                j = w.end;
            } else {
                break;
            }
        }
        // "2. أكتوبر", "2- أكتوبر"
        if last.is_none()
            && self.punct(j, &[".", "-", "/"])
            && self.role(j + 1, |r| matches!(r, Role::Month(..))).is_some()
        {
            j += 1;
        }
        let Some(t) = self.month_tail(j, false) else {
            return self.days_in_relative_month(i, clitic, d, last, j);
        };
        let day = |day| Expr::Day {
            year: t.year,
            month: t.month,
            day,
            cal: t.cal,
            dir: t.dir,
            weekday: None,
        };
        let expr = match last {
            Some(l) if l > d => Expr::Range(Box::new(day(d)), Box::new(day(l))),
            Some(_) => return None,
            None => day(d),
        };
        Some(self.range_tail(Parse {
            expr,
            start: i,
            clitic,
            end: t.end,
        }))
    }

    /// "4 إلى 22 من هذا الشهر", "23 من الشهر المقبل": days of a month named
    /// relative to the article.
    fn days_in_relative_month(
        &self,
        i: usize,
        clitic: usize,
        first: u8,
        last: Option<u8>,
        j: usize,
    ) -> Option<Parse> {
        let k = self
            .link(j, Link::Of)
            .or_else(|| self.role(j, |r| r == Role::Prep).map(|(_, k)| k))
            .unwrap_or(j);
        let month = self.this_led(k).or_else(|| self.unit_led(k)).filter(|p| {
            p.clitic == 0 && matches!(p.expr, Expr::RelMonth(_) | Expr::MonthNumber(_))
        })?;
        let day = |day| Expr::DayIn {
            day,
            of: Box::new(month.expr.clone()),
        };
        let expr = match last {
            Some(l) if l > first => Expr::Range(Box::new(day(first)), Box::new(day(l))),
            Some(_) => return None,
            None => day(first),
        };
        Some(Parse {
            expr,
            start: i,
            clitic,
            end: month.end,
        })
    }

    /// `… (حتى|إلى) [يوم] [WEEKDAY] DATE`: a range between two full dates.
    fn range_tail(&self, p: Parse) -> Parse {
        if matches!(p.expr, Expr::Range(..)) {
            return p;
        }
        let Some(mut k) = self
            .link(p.end, Link::To)
            .or_else(|| self.punct(p.end, &["-"]).then_some(p.end + 1))
        else {
            return p;
        };
        if let Some((_, n)) = self.role(k, |r| r == Role::DayWord) {
            k = n;
        }
        if let Some((_, n)) = self.role(k, |r| matches!(r, Role::Weekday(_))) {
            k = n;
        }
        match self.day_led(k, false) {
            Some(q) if !matches!(q.expr, Expr::Range(..)) => Parse {
                expr: Expr::Range(Box::new(p.expr), Box::new(q.expr)),
                end: q.end,
                ..p
            },
            _ => p,
        }
    }

    /// An optional part word: "مطلع", "نهاية", "منتصف".
    fn part(&self, i: usize) -> (bool, usize, usize) {
        match self.role_clitic(i, |r| matches!(r, Role::Part(_))) {
            Some((_, j, c)) => (true, j, c),
            None => (false, i, 0),
        }
    }

    /// `[PART] [شهر|شهري] MONTH …`: a month, or two ("شهري أبريل وماي 2021").
    fn month_led(&self, i: usize) -> Option<Parse> {
        let (part, j, clitic) = self.part(i);
        let units = |r| matches!(r, Role::Unit(Unit::Month) | Role::Units(Unit::Month));
        let unit = if part {
            self.role(j, units).map(|(r, k)| (r, k, clitic))
        } else {
            self.role_clitic(j, units)
        };
        let Some((unit, j, clitic)) = unit else {
            // A bare month name needs a year, a direction or a part word:
            // "مارس" is also a verb and "نيسان" a car.
            let t = self.month_tail(j, !part)?;
            if !part
                && t.year.is_none()
                && t.dir.is_none()
                && t.rel_year.is_none()
                && !t.alone
                && !self.after_prep(i)
            {
                return None;
            }
            let clitic = if part { clitic } else { t.clitic };
            return Some(Parse {
                expr: t.expr(),
                start: i,
                clitic,
                end: t.end,
            });
        };
        let t = self.month_tail(j, false)?;
        let second = || match self.link(t.end, Link::And) {
            Some(k) => self.month_tail(k, false),
            // "وماي": the conjunction written on the month.
            None => self
                .month_tail(t.end, true)
                .filter(|u| u.clitic == 1 && self.words[t.end].norm.starts_with('و')),
        };
        if unit == Role::Units(Unit::Month)
            && let Some(u) = second()
        {
            let year = u.year.or(t.year);
            let a = Expr::Month {
                year,
                month: t.month,
                cal: t.cal,
                dir: t.dir,
            };
            let b = Expr::Month {
                year,
                month: u.month,
                cal: u.cal,
                dir: u.dir,
            };
            return Some(Parse {
                expr: Expr::Range(Box::new(a), Box::new(b)),
                start: i,
                clitic,
                end: u.end,
            });
        }
        Some(Parse {
            expr: t.expr(),
            start: i,
            clitic,
            end: t.end,
        })
    }

    /// `MONTH [/|-] DAY [,|من] [YEAR]`, the day after the month as English
    /// orders it: "مايو الحادي عشر", "يناير 1", "أكتوبر/ 2", "سبتمبر10,
    /// ألف وتسعمائة وواحد". A day that a noun follows is a count ("مارس 3
    /// ضربات"), so without a year the day must stand alone.
    fn month_first(&self, i: usize) -> Option<Parse> {
        // "شهر نوفمبر بين 19 و 20"
        let (m_at, word_clitic) = match self.role_clitic(i, |r| r == Role::Unit(Unit::Month)) {
            Some((_, k, c)) => (k, Some(c)),
            None => (i, None),
        };
        let (role, j, clitic) = match word_clitic {
            Some(c) => self
                .role(m_at, |r| matches!(r, Role::Month(..)))
                .map(|(r, k)| (r, k, c))?,
            None => self.role_clitic(i, |r| matches!(r, Role::Month(..)))?,
        };
        let Role::Month(month, cal, alone) = role else {
            return None;
        };
        let day = |day| Expr::Day {
            year: None,
            month,
            day,
            cal,
            dir: None,
            weekday: None,
        };
        if let Some((first, last, end)) = self.between_days(j) {
            return Some(Parse {
                expr: Expr::Range(Box::new(day(first)), Box::new(day(last))),
                start: i,
                clitic,
                end,
            });
        }
        if word_clitic.is_some() {
            return None;
        }
        let d_at = if self.punct(j, &["/", "-"]) { j + 1 } else { j };
        let (day, mut end) = match self.num(d_at, 1, 31) {
            Some(n) if self.words[d_at].num.is_some_and(|(_, d)| d <= 2) => (n as u8, d_at + 1),
            Some(_) => return None,
            None => {
                let w = self.day_words(d_at, false)?;
                (w.value as u8, w.end)
            }
        };
        let y_at = if self.punct(end, &[","]) {
            end + 1
        } else {
            self.link(end, Link::Of).unwrap_or(end)
        };
        let year = self.year(y_at).map(|(y, e)| {
            end = self.calendar(e).1;
            y
        });
        if year.is_none() && self.joined(end) && !self.stands_alone(end) {
            return None;
        }
        if !alone && year.is_none() && !self.after_prep(i) {
            return None;
        }
        Some(Parse {
            expr: Expr::Day {
                year,
                month,
                day,
                cal,
                dir: None,
                weekday: None,
            },
            start: i,
            clitic,
            end,
        })
    }

    /// A year: `(عام|سنة) [(] N [)] [CAL]`, `[PART] (العام|السنة) [DIR]`, and
    /// the month and week units: "الشهر المنصرم", "الشهر 11", "الأسبوع الماضي".
    fn unit_led(&self, i: usize) -> Option<Parse> {
        let (part, j, clitic) = self.part(i);
        let units = |r| matches!(r, Role::Unit(Unit::Year | Unit::Week) | Role::TheUnit(_));
        let found = if part {
            self.role(j, units).map(|(r, k)| (r, k, clitic))
        } else {
            self.role_clitic(j, units)
        };
        let (role, k, clitic) = found?;
        let done = |expr, end| {
            Some(Parse {
                expr,
                start: i,
                clitic,
                end,
            })
        };
        match role {
            // "أسبوع 16 سبتمبر": the week around a day.
            Role::Unit(Unit::Week) => self.week_around(i, clitic, k),
            Role::Unit(Unit::Year) | Role::TheUnit(Unit::Year) => {
                let open = self.punct(k, &["("]);
                let k2 = if open { k + 1 } else { k };
                if let Some((y, mut e)) = self.year(k2) {
                    if open {
                        if !self.punct(e, &[")"]) {
                            return None;
                        }
                        e += 1;
                    }
                    let (cal, end) = self.calendar(e);
                    let cal = cal.unwrap_or(if y < 1600 { Cal::Hijri } else { Cal::Gregorian });
                    return done(Expr::Year { year: y, cal }, end);
                }
                // "عام 247", "عام مائتين وسبعة وستين": an early year, named as one.
                if role == Role::Unit(Unit::Year)
                    && !open
                    && let Some((year, end)) = self.early_year(k)
                {
                    return done(
                        Expr::Year {
                            year,
                            cal: Cal::Gregorian,
                        },
                        end,
                    );
                }
                if role == Role::Unit(Unit::Year) {
                    return None;
                }
                match self.dir(k) {
                    Some((d, end)) => done(Expr::RelYear(d), end),
                    None if part => done(Expr::RelYear(0), k),
                    None => None,
                }
            }
            Role::TheUnit(Unit::Month) => {
                if let Some((d, end)) = self.dir(k) {
                    return done(Expr::RelMonth(d), end);
                }
                if let Some(m) = self.num(k, 1, 12) {
                    return done(Expr::MonthNumber(m as u8), k + 1);
                }
                None
            }
            Role::TheUnit(Unit::Week) => self.the_week(i, clitic, k),
            Role::TheUnit(Unit::Decade) => {
                let (d, end) = self.dir(k)?;
                done(
                    Expr::Span {
                        count: Some(1),
                        unit: Unit::Decade,
                        dir: d,
                    },
                    end,
                )
            }
            _ => None,
        }
    }

    /// After a month or holiday ending at `j`: the `year` found (with its
    /// calendar mark) or else a direction ("الماضي"), and where they end.
    fn year_or_dir(
        &self,
        year: Option<(i32, usize)>,
        j: usize,
    ) -> (Option<i32>, Option<i8>, usize) {
        match year {
            Some((y, k)) => (Some(y), None, self.calendar(k).1),
            None => match self.dir(j) {
                Some((d, k)) => (None, Some(d), k),
                None => (None, None, j),
            },
        }
    }

    /// `بين DAY و DAY` after a month: "نوفمبر بين الخامس عشر والتاسع عشر".
    fn between_days(&self, j: usize) -> Option<(u8, u8, usize)> {
        let (_, k) = self.role(j, |r| r == Role::Between)?;
        let (first, k, _) = self.day_number(k, false)?;
        let (last, end) = if let Some(n) = self.link(k, Link::And) {
            let (d, e, _) = self.day_number(n, false)?;
            (d, e)
        } else {
            let w = self.day_words(k, true).filter(|w| w.clitic == 1)?;
            (w.value as u8, w.end)
        };
        (last > first).then_some((first, last, end))
    }

    /// A year before 1300 after "عام": three digits or words, standing alone.
    fn early_year(&self, k: usize) -> Option<(i32, usize)> {
        let (y, end) = match self.num(k, 100, 999) {
            Some(n) if self.words[k].num.is_some_and(|(_, d)| d == 3) => (n, k + 1),
            Some(_) => return None,
            None => self
                .number_words(k, false)
                .filter(|w| !w.ordinal && (100..1300).contains(&w.value))
                .map(|w| (w.value, w.end))?,
        };
        self.stands_alone(end).then_some((y as i32, end))
    }

    /// What a fraction or a span of days is "of": a year or a month.
    fn of_what(&self, i: usize) -> Option<(Expr, usize)> {
        let k = self.link(i, Link::Of)?;
        if let Some(p) = self.month_led(k).filter(|p| p.clitic == 0) {
            return Some((p.expr, p.end));
        }
        if let Some(p) = self
            .unit_led(k)
            .or_else(|| self.this_led(k))
            .filter(|p| p.clitic == 0)
        {
            return Some((p.expr, p.end));
        }
        if let Some((Role::TheUnit(Unit::Year), end)) =
            self.role(k, |r| r == Role::TheUnit(Unit::Year))
        {
            return Some((Expr::RelYear(0), end));
        }
        let (y, end) = self.year(k)?;
        Some((
            Expr::Year {
                year: y,
                cal: Cal::Gregorian,
            },
            end,
        ))
    }

    /// `FRACTION ORDINAL [من YEAR|MONTH]`: "الربع الأول من 2021".
    fn fraction_led(&self, i: usize) -> Option<Parse> {
        let (Role::Fraction(parts, explicit), j, clitic) =
            self.role_clitic(i, |r| matches!(r, Role::Fraction(..)))?
        else {
            return None;
        };
        let (Role::Ordinal(which), k) = self.role(j, |r| matches!(r, Role::Ordinal(_)))? else {
            return None;
        };
        if which > parts as i8 {
            return None;
        }
        let (of, end) = self
            .of_what(k)
            .or_else(|| {
                self.year(k).map(|(y, e)| {
                    (
                        Expr::Year {
                            year: y,
                            cal: Cal::Gregorian,
                        },
                        e,
                    )
                })
            })
            .or_else(|| (!explicit).then_some((Expr::RelYear(0), k)))?;
        Some(Parse {
            expr: Expr::Fraction {
                parts,
                which,
                of: Box::new(of),
            },
            start: i,
            clitic,
            end,
        })
    }

    /// `الأيام COUNT ORDINAL [من …]` and `الأسبوعين ORDINAL [من …]`.
    fn days_led(&self, i: usize) -> Option<Parse> {
        let (role, j, clitic) =
            self.role_clitic(i, |r| matches!(r, Role::Days | Role::Weeks(_)))?;
        let (count, j) = match role {
            Role::Days => match self.role(j, |r| matches!(r, Role::Count(_)))? {
                (Role::Count(n), k) => (n, k),
                _ => return None,
            },
            Role::Weeks(n) => (n * 7, j),
            _ => return None,
        };
        let (Role::Ordinal(which), k) = self.role(j, |r| matches!(r, Role::Ordinal(1 | -1)))?
        else {
            return None;
        };
        let (of, end) = match self.of_what(k) {
            Some((e, end)) => (Some(Box::new(e)), end),
            None => (None, k),
        };
        Some(Parse {
            expr: Expr::Days { count, which, of },
            start: i,
            clitic,
            end,
        })
    }

    /// A time of day after a date: "الساعة العاشرة صباحاً", "الساعة 10:30",
    /// "10:30". Returns `HH:MM` and the index after it.
    pub(crate) fn time(&self, i: usize) -> Option<(String, usize)> {
        let (j, word) = match self.role_clitic(i, |r| r == Role::TimeWord) {
            Some((_, j, _)) => (j, true),
            None => (i, false),
        };
        let (mut hour, mut minute, mut k) = if let Some(h) = self.num(j, 0, 23) {
            if self.punct(j + 1, &[":"])
                && let Some(m) = self.num(j + 2, 0, 59)
            {
                (h, m, j + 3)
            } else if word {
                (h, 0, j + 1)
            } else {
                return None;
            }
        } else if word
            && let Some((Role::Hour(h), k)) = self.role(j, |r| matches!(r, Role::Hour(_)))
        {
            (u32::from(h), 0, k)
        } else {
            return None;
        };
        if let Some((Role::Minutes(m), n)) = self.role(k, |r| matches!(r, Role::Minutes(_))) {
            minute = u32::from(m);
            k = n;
        }
        if let Some((Role::Period(pm), n)) = self.role(k, |r| matches!(r, Role::Period(_))) {
            if pm && hour < 12 {
                hour += 12;
            }
            k = n;
        }
        Some((format!("{hour:02}:{minute:02}"), k))
    }
}
