//! Expressions counted from the article's date or named by a period:
//! offsets ("قبل يومين"), spans ("الأسابيع الثلاثة الماضية"), weeks and
//! their days ("الجمعة من الأسبوع المقبل", "الأسبوع الأول من أكتوبر"),
//! weekends, the rest of a unit, seasons, decades and centuries, days of the
//! article's month ("يوم 27", "الخميس 21") and ranges between any two dates.

use super::{Expr, Parse, Parser, strip_clitic};
use crate::extract::date::lexicon::{Link, Role, Unit};
use crate::text::TokenKind;

/// A count of a unit; `None` for an unsaid few.
type Amount = (Option<u32>, Unit);

impl Parser<'_, '_> {
    /// Whether nothing that could be a counted noun follows at `i`: the
    /// text ends, the line breaks, or punctuation other than `%` comes.
    pub(super) fn stands_alone(&self, i: usize) -> bool {
        match self.word(i) {
            None => true,
            Some(w) => {
                w.newline_before
                    || (w.kind == TokenKind::Punct && !matches!(w.norm, "%" | "/" | "-" | ":"))
            }
        }
    }

    /// A count: digits, words ("خمسة وتسعين") or "الثلاثة".
    fn count(&self, i: usize) -> Option<(u32, usize)> {
        if let Some(n) = self.num(i, 1, 999) {
            return Some((n, i + 1));
        }
        if let Some((Role::Count(n), k)) = self.role(i, |r| matches!(r, Role::Count(_))) {
            return Some((u32::from(n), k));
        }
        let w = self.number_words(i, false)?;
        (!w.ordinal).then_some((w.value, w.end))
    }

    /// A unit word counted or not: "أيام", "يومين", "شهر".
    fn dur(&self, i: usize) -> Option<(Unit, Option<u32>, usize)> {
        match self.role(i, |r| matches!(r, Role::Dur(_) | Role::Dual(_)))? {
            (Role::Dur(u), k) => Some((u, None, k)),
            (Role::Dual(u), k) => Some((u, Some(2), k)),
            _ => None,
        }
    }

    /// One amount: "يومين", "3 أسابيع", "خمسة وتسعين عاما", "شهر"; `None`
    /// as the count for an unsaid few ("أيام", "بضعة أشهر").
    fn amount(&self, i: usize) -> Option<(Option<u32>, Unit, usize)> {
        let (few, i) = match self.role(i, |r| r == Role::Few) {
            Some((_, k)) => (true, k),
            None => (false, i),
        };
        if let Some((n, k)) = self.count(i)
            && let Some((unit, None, end)) = self.dur(k)
        {
            return Some((Some(n), unit, end));
        }
        let (unit, two, end) = self.dur(i)?;
        // "قبل بضعة أيام": a few is taken as three, as calendars do.
        if few {
            return Some((Some(3), unit, end));
        }
        // "قبل عام 2020" is before the year 2020, not a year ago.
        if self.word(end).is_some_and(|w| w.num.is_some()) && self.joined(end) {
            return None;
        }
        // "شهر", "عام": one; "أيام", "أشهر": a few.
        let singular = self
            .role(i, |r| matches!(r, Role::Unit(_) | Role::DayWord))
            .is_some()
            || self.words[i].norm.ends_with('ا');
        Some((two.or(singular.then_some(1)), unit, end))
    }

    /// Amounts joined by و or written one after the other: "2 سنة و1 شهر و21 يوما".
    fn amounts(&self, i: usize) -> Option<(Vec<Amount>, usize)> {
        let (n, unit, mut end) = self.amount(i)?;
        let mut all = vec![(n, unit)];
        loop {
            let k = self.link(end, Link::And).unwrap_or(end);
            let k = if self.punct(k, &[","]) { k + 1 } else { k };
            // "و21 يوما": و on the number, which the tokenizer splits off.
            let next = self.amount(k).or_else(|| {
                let w = self.word(k)?;
                if !w.norm.starts_with('و') {
                    return None;
                }
                let (rest, _) = strip_clitic(w.norm).find(|(_, n)| *n == 1)?;
                self.lex.get(&rest).iter().find_map(|(more, r)| match r {
                    Role::Dur(u) if more.is_empty() => Some((Some(1), *u, k + 1)),
                    Role::Dual(u) if more.is_empty() => Some((Some(2), *u, k + 1)),
                    _ => None,
                })
            });
            match next {
                Some((n, u, e)) if !all.iter().any(|(_, v)| *v == u) => {
                    all.push((n, u));
                    end = e;
                }
                _ => break,
            }
        }
        Some((all, end))
    }

    /// After amounts: "من الآن" and "في المستقبل" count from the article
    /// (`Some(true)`), "من" + anything else from an event (`Some(false)`).
    fn anchor(&self, i: usize) -> (Option<bool>, usize) {
        if let Some((_, k)) = self.role(i, |r| r == Role::Hedge) {
            let (anchor, end) = self.anchor(k);
            return (anchor, if anchor == Some(true) { end } else { i });
        }
        if let Some((_, k)) = self.role(i, |r| r == Role::Future) {
            return (Some(true), k);
        }
        if let Some(k) = self.link(i, Link::Of) {
            if let Some((_, e)) = self.role(k, |r| r == Role::Now) {
                return (Some(true), e);
            }
            if self.joined(k) {
                return (Some(false), i);
            }
        }
        (None, i)
    }

    /// `(قبل|بعد) AMOUNTS [من الآن]`, `منذ AMOUNTS من الآن` and `AMOUNTS من الآن`.
    pub(super) fn offset_led(&self, i: usize) -> Option<Parse> {
        let (sign, j, clitic, since) =
            match self.role_clitic(i, |r| matches!(r, Role::Offset(_) | Role::Since)) {
                Some((Role::Offset(s), j, c)) => (s, j, c, false),
                Some((_, j, c)) => (-1, j, c, true),
                None => (1, i, 0, false),
            };
        let (amounts, end) = self.amounts(j)?;
        let (anchor, end) = self.anchor(end);
        // Without a preposition, or after منذ, only "من الآن" makes a date;
        // "بعد يومين من الاجتماع" counts from an event, not a date.
        if (j == i || since) && anchor != Some(true) || anchor == Some(false) {
            return None;
        }
        // "بعد أيام" is vague; "قبل بضعة أيام" says it is a few.
        let known = amounts
            .iter()
            .map(|&(n, u)| n.map(|n| (n, u)))
            .collect::<Option<Vec<(u32, Unit)>>>()?;
        Some(Parse {
            expr: Expr::Offset {
                sign,
                amounts: known,
                anchored: anchor != Some(false),
            },
            start: i,
            clitic,
            end,
        })
    }

    /// `UNITS [COUNT|few] DIR`, `COUNT UNITS DIR`, `آخر COUNT UNITS`:
    /// "الأيام القليلة الماضية", "الأشهر 3 القادمة", "العقدين الماضيين",
    /// "3 أيام القادمة", "آخر 3 سنوات".
    pub(super) fn span_led(&self, i: usize) -> Option<Parse> {
        if let Some((_, j, clitic)) = self.role_clitic(i, |r| r == Role::Last) {
            let (n, k) = self.count(j)?;
            let (unit, None, end) = self.dur(k)? else {
                return None;
            };
            return Some(Parse {
                expr: Expr::Span {
                    count: u8::try_from(n).ok(),
                    unit,
                    dir: -1,
                },
                start: i,
                clitic,
                end,
            });
        }
        let (count, unit, j, clitic) = if let Some((n, k)) = self.count(i) {
            let (unit, None, k) = self.dur(k)? else {
                return None;
            };
            (Some(n), unit, k, 0)
        } else {
            let (r, k, c) = self.role_clitic(i, |r| matches!(r, Role::Dur(_) | Role::Dual(_)))?;
            // Only "الأيام", "الأسابيع", "اليومين": an article, not "أيام".
            let word = self.words[i].norm;
            let bare = strip_clitic(word)
                .find(|(_, n)| *n == c)
                .map_or(word.into(), |(w, _)| w);
            if !bare.starts_with("ال") {
                return None;
            }
            match r {
                Role::Dual(u) => (Some(2), u, k, c),
                Role::Dur(u) => {
                    // "الأيام الماضية" says no count: vague, not a date.
                    let (n, e) = self
                        .count(k)
                        .or_else(|| self.role(k, |r| r == Role::Few).map(|(_, e)| (3, e)))?;
                    (Some(n), u, e, c)
                }
                _ => return None,
            }
        };
        let (dir, end) = self.dir(j)?;
        if dir == 0 {
            return None;
        }
        Some(Parse {
            expr: Expr::Span {
                count: count.and_then(|n| u8::try_from(n).ok()),
                unit,
                dir,
            },
            start: i,
            clitic,
            end,
        })
    }

    /// `[عطلة] نهاية الأسبوع [DIR]`.
    pub(super) fn weekend_led(&self, i: usize) -> Option<Parse> {
        let (_, j, clitic) = self.role_clitic(i, |r| r == Role::Weekend)?;
        let (d, end) = self.dir(j).unwrap_or((0, j));
        Some(Parse {
            expr: Expr::Weekend(d),
            start: i,
            clitic,
            end,
        })
    }

    /// `(باقي|بقية) [هذا] (الأسبوع|الشهر|العام)`.
    pub(super) fn rest_led(&self, i: usize) -> Option<Parse> {
        let (_, j, clitic) = self.role_clitic(i, |r| r == Role::Rest)?;
        let j = self.role(j, |r| r == Role::This).map_or(j, |(_, k)| k);
        let (Role::TheUnit(unit), end) = self.role(j, |r| matches!(r, Role::TheUnit(_)))? else {
            return None;
        };
        matches!(unit, Unit::Week | Unit::Month | Unit::Year).then_some(Parse {
            expr: Expr::Rest(unit),
            start: i,
            clitic,
            end,
        })
    }

    /// `[هذا|PART] SEASON [من] [عام] [YEAR | DIR]`: "صيف 2016", "هذا الصيف",
    /// "الربيع القادم", "منتصف الصيف". A season without the article
    /// ("ربيع" is also a name) needs a year, unless it is the adverb "صيفا".
    pub(super) fn season_led(&self, i: usize) -> Option<Parse> {
        let (this, j, clitic) = match self.role_clitic(i, |r| r == Role::This) {
            Some((_, j, c)) => (true, j, c),
            None => (false, i, 0),
        };
        let (part, j, clitic) = if this {
            (false, j, clitic)
        } else {
            self.part(j)
        };
        let season = if this || part {
            self.role(j, |r| matches!(r, Role::Season(_)))
                .map(|(r, k)| (r, k, clitic))
        } else {
            self.role_clitic(j, |r| matches!(r, Role::Season(_)))
        };
        let (Role::Season(season), k, clitic) = season? else {
            return None;
        };
        // "الربيع العربي" is no season.
        if self.joined(k) && self.is(k, Role::NotDate, false) {
            return None;
        }
        let mut y_at = self.link(k, Link::Of).unwrap_or(k);
        if let Some((_, n)) = self.role(y_at, |r| matches!(r, Role::Unit(Unit::Year))) {
            y_at = n;
        }
        let (year, dir, end) = if let Some((y, e)) = self.year(y_at) {
            (Some(y), None, e)
        } else if let Some((d, e)) = self.dir(k) {
            (None, Some(d), e)
        } else {
            (None, this.then_some(0), k)
        };
        let norm = self.words[j].norm;
        let bare = strip_clitic(norm)
            .find(|(_, n)| *n == clitic && j == i)
            .map_or(norm.into(), |(w, _)| w);
        // "ربيع" is also a name and "ليالي الشتاء" no date: a season needs a
        // year, a direction, "هذا", a part word or a preposition ("في الصيف"),
        // or to be the adverb "صيفا".
        let cued = this || part || year.is_some() || dir.is_some() || self.after_prep(i);
        let adverb = bare.ends_with('ا') && !bare.starts_with("ال");
        if !cued && !adverb {
            return None;
        }
        Some(Parse {
            expr: Expr::Season { season, year, dir },
            start: i,
            clitic,
            end,
        })
    }

    /// A century: `القرن (ORDINAL | N | DIR)`, returned as its ordinal or
    /// direction, and the end.
    fn century(&self, i: usize) -> Option<(Expr, usize)> {
        let (_, k) = self.role(i, |r| r == Role::Century)?;
        if let Some((d, e)) = self.dir(k) {
            return Some((
                Expr::Century {
                    ordinal: None,
                    dir: d,
                },
                e,
            ));
        }
        let (n, e) = if let Some(n) = self.num(k, 1, 30) {
            (n, k + 1)
        } else {
            let w = self.number_words(k, false)?;
            (w.value, w.end)
        };
        (1..=30).contains(&n).then_some((
            Expr::Century {
                ordinal: Some(n as i32),
                dir: 0,
            },
            e,
        ))
    }

    /// `[PART] DECADE [من] [القرن …]` and `[PART] القرن …`: "السبعينيات",
    /// "ستينيات القرن التاسع عشر", "أواخر القرن التاسع عشر".
    pub(super) fn decade_led(&self, i: usize) -> Option<Parse> {
        let (part, j, clitic) = self.part(i);
        let found = if part {
            self.role(j, |r| matches!(r, Role::Decade(_) | Role::Century))
                .map(|(r, k)| (r, k, clitic))
        } else {
            self.role_clitic(j, |r| matches!(r, Role::Decade(_) | Role::Century))
        };
        let (role, k, clitic) = found?;
        let (expr, end) = match role {
            Role::Century => self.century(j)?,
            Role::Decade(d) => {
                let c = self.link(k, Link::Of).unwrap_or(k);
                match self.century(c) {
                    Some((
                        Expr::Century {
                            ordinal: Some(n), ..
                        },
                        e,
                    )) => (
                        Expr::Decade {
                            decade: d,
                            century: n,
                        },
                        e,
                    ),
                    _ => (
                        Expr::Decade {
                            decade: d,
                            century: 20,
                        },
                        k,
                    ),
                }
            }
            _ => return None,
        };
        Some(Parse {
            expr,
            start: i,
            clitic,
            end,
        })
    }

    /// After a week named at `..k` (`week` weeks from the article's): a
    /// weekday of it ("الأسبوع المقبل يوم الجمعة") or two ("هذا الأسبوع من
    /// الثلاثاء إلى الخميس"), else the week itself.
    pub(super) fn in_week(&self, week: i8, k: usize) -> (Expr, usize) {
        let weekday = |i: usize| -> Option<(u8, usize)> {
            let i = self.role(i, |r| r == Role::DayWord).map_or(i, |(_, n)| n);
            match self.role(i, |r| matches!(r, Role::Weekday(_)))? {
                (Role::Weekday(wd), n) => Some((wd, n)),
                _ => None,
            }
        };
        let day = |weekday| Expr::InWeek { week, weekday };
        // "بين الأربعاء والجمعة", "من الثلاثاء إلى الخميس"
        let opener = self
            .role(k, |r| r == Role::Prep)
            .map(|(_, n)| n)
            .or_else(|| self.link(k, Link::Of));
        if let Some(o) = opener
            && let Some((a, n)) = weekday(o)
        {
            let to = self.link(n, Link::To).or_else(|| self.link(n, Link::And));
            let second = to.and_then(weekday).or_else(|| {
                // "والجمعة": و on the weekday.
                let w = self.word(n)?;
                (w.norm.starts_with('و') && self.joined(n))
                    .then(|| self.role_clitic(n, |r| matches!(r, Role::Weekday(_))))
                    .flatten()
                    .and_then(|(r, e, c)| match r {
                        Role::Weekday(wd) if c == 1 => Some((wd, e)),
                        _ => None,
                    })
            });
            if let Some((b, e)) = second {
                return (Expr::Range(Box::new(day(a)), Box::new(day(b))), e);
            }
        }
        match weekday(k) {
            Some((wd, e)) => (day(wd), e),
            None => (Expr::RelWeek(week), k),
        }
    }

    /// After "الأسبوع" at `..k` (the expression starting at `i`): a
    /// direction and maybe its days, the nth week of a month or year, or
    /// the week around a day ("الأسبوع في 15 سبتمبر").
    pub(super) fn the_week(&self, i: usize, clitic: usize, k: usize) -> Option<Parse> {
        if let Some((d, end)) = self.dir(k) {
            let (expr, end) = self.in_week(d, end);
            return Some(Parse {
                expr,
                start: i,
                clitic,
                end,
            });
        }
        // "الأسبوع الأول من أكتوبر", "الأسبوع في 15 سبتمبر"
        if let Some((expr, end)) = self.week_of(k) {
            return Some(Parse {
                expr,
                start: i,
                clitic,
                end,
            });
        }
        let at = self.role(k, |r| r == Role::Prep).map(|(_, n)| n)?;
        self.week_around(i, clitic, at)
    }

    /// The week around the day written at `at`, for an expression starting
    /// at `i`: "أسبوع 16 سبتمبر", "الأسبوع في 15 سبتمبر".
    pub(super) fn week_around(&self, i: usize, clitic: usize, at: usize) -> Option<Parse> {
        let p = self.day_led(at, false)?;
        matches!(p.expr, Expr::Day { .. }).then(|| Parse {
            expr: Expr::WeekAround(Box::new(p.expr)),
            start: i,
            clitic,
            end: p.end,
        })
    }

    /// A week named relative to the article at `i`, without a proclitic:
    /// "الأسبوع المقبل", "هذا الأسبوع".
    fn rel_week(&self, i: usize) -> Option<(i8, usize)> {
        if let Some((_, k)) = self.role(i, |r| r == Role::TheUnit(Unit::Week)) {
            return self.dir(k);
        }
        let (_, k) = self.role(i, |r| r == Role::This)?;
        let (_, e) = self.role(k, |r| r == Role::TheUnit(Unit::Week))?;
        Some((0, e))
    }

    /// After a weekday at `..k`: its week ("الجمعة من الأسبوع المقبل"), a day of
    /// the month ("الخميس في 21"), or its rank in the month ("السبت الثاني").
    pub(super) fn weekday_rest(&self, wd: u8, k: usize) -> Option<(Expr, usize)> {
        let w = self.link(k, Link::Of).unwrap_or(k);
        if let Some((week, e)) = self.rel_week(w) {
            return Some((Expr::InWeek { week, weekday: wd }, e));
        }
        let (prep, d) = match self.role(k, |r| r == Role::Prep) {
            Some((_, n)) => (true, n),
            None => (false, k),
        };
        if let Some(n) = self.num(d, 1, 31)
            && self.words[d].num.is_some_and(|(_, digits)| digits <= 2)
            && self.role(d + 1, |r| matches!(r, Role::Month(..))).is_none()
            && (self.stands_alone(d + 1) || !self.joined(d + 1))
        {
            let expr = Expr::DayOfMonth {
                day: n as u8,
                weekday: Some(wd),
            };
            return Some((expr, d + 1));
        }
        let words = self.day_words(d, false)?;
        if self
            .role(words.end, |r| matches!(r, Role::Month(..)))
            .is_some()
        {
            return None;
        }
        if prep {
            return Some((
                Expr::DayOfMonth {
                    day: words.value as u8,
                    weekday: Some(wd),
                },
                words.end,
            ));
        }
        // "السبت الثاني [من كل شهر]": the second Saturday.
        if !words.ordinal || words.value > 5 {
            return None;
        }
        let (of, end) = match self.of_what(words.end) {
            Some((e, end)) if matches!(e, Expr::Month { .. } | Expr::RelMonth(_)) => {
                (Some(Box::new(e)), end)
            }
            _ => (None, words.end),
        };
        Some((
            Expr::NthWeekday {
                n: words.value as i8,
                weekday: wd,
                of,
            },
            end,
        ))
    }

    /// `(أول|آخر) يوم WEEKDAY (من|في) MONTH`: "أول يوم جمعة من يوليو".
    pub(super) fn nth_weekday_led(&self, i: usize) -> Option<Parse> {
        let (role, j, clitic) =
            self.role_clitic(i, |r| matches!(r, Role::FirstDay | Role::Last))?;
        let n = if role == Role::Last { -1 } else { 1 };
        let (_, j) = self.role(j, |r| r == Role::DayWord)?;
        // "يوم جمعة": the weekday without its article.
        let w = self.word(j)?;
        let wd = self
            .lex
            .get(&format!("ال{}", w.norm))
            .iter()
            .find_map(|(rest, r)| match r {
                Role::Weekday(wd) if rest.is_empty() => Some(*wd),
                _ => None,
            });
        let (wd, k) = match wd {
            Some(wd) if self.joined(j) => (wd, j + 1),
            _ => match self.role(j, |r| matches!(r, Role::Weekday(_)))? {
                (Role::Weekday(wd), k) => (wd, k),
                _ => return None,
            },
        };
        let o = self
            .link(k, Link::Of)
            .or_else(|| self.role(k, |r| r == Role::Prep).map(|(_, n)| n))?;
        let of = self
            .month_led(o)
            .or_else(|| self.this_led(o))
            .or_else(|| self.unit_led(o))
            .filter(|p| {
                p.clitic == 0 && matches!(p.expr, Expr::Month { .. } | Expr::RelMonth(_))
            })?;
        Some(Parse {
            expr: Expr::NthWeekday {
                n,
                weekday: wd,
                of: Some(Box::new(of.expr)),
            },
            start: i,
            clitic,
            end: of.end,
        })
    }

    /// After "الأسبوع" at `..k`: `ORDINAL [من] (MONTH | YEAR | هذا الشهر …)`,
    /// the nth week of it: "الأسبوع الأول من أكتوبر", "الأسبوع الثالث العام المقبل".
    pub(super) fn week_of(&self, k: usize) -> Option<(Expr, usize)> {
        let (which, j) =
            if let Some((Role::Ordinal(n), j)) = self.role(k, |r| matches!(r, Role::Ordinal(_))) {
                (n, j)
            } else {
                let w = self
                    .number_words(k, false)
                    .filter(|w| w.ordinal && w.value <= 5)?;
                (w.value as i8, w.end)
            };
        let o = self.link(j, Link::Of).unwrap_or(j);
        let of = self
            .month_led(o)
            .or_else(|| self.this_led(o))
            .or_else(|| self.unit_led(o))
            .filter(|p| {
                p.clitic == 0
                    && matches!(
                        p.expr,
                        Expr::Month { .. }
                            | Expr::RelMonth(_)
                            | Expr::RelYear(_)
                            | Expr::Year { .. }
                    )
            })?;
        Some((
            Expr::WeekOf {
                which,
                of: Box::new(of.expr),
            },
            of.end,
        ))
    }

    /// `[يوم|في|إلى|ل] DAY`, alone: a day of the article's month: "يوم 27",
    /// "عدت إلى 27", "للثلاثين", "في الثاني والعشرين!". A number followed
    /// by a noun is a count, so the day must stand alone.
    pub(super) fn bare_day_led(&self, i: usize) -> Option<Parse> {
        let (start, day_word) = match self.role(i, |r| r == Role::DayWord) {
            Some((_, k)) => (k, true),
            None => (i, false),
        };
        let cued = day_word || self.after_prep(start);
        let (day, end, clitic) = if let Some(n) = self.num(start, 1, 31) {
            if self.words[start].num.is_some_and(|(_, d)| d > 2) {
                return None;
            }
            (n, start + 1, 0)
        } else {
            let w = self.day_words(start, !day_word)?;
            let norm = self.words[start].norm;
            let bare = strip_clitic(norm)
                .find(|(_, n)| *n == w.clitic)
                .map_or(norm.into(), |(s, _)| s);
            let lam = w.clitic == 1 && norm.starts_with('ل');
            if !(w.ordinal || bare.starts_with("ال")) || !(cued || lam) {
                return None;
            }
            (w.value, w.end, w.clitic)
        };
        if !(cued || clitic == 1) || !self.stands_alone(end) {
            return None;
        }
        // "يوم 2. أكتوبر": a full date, read by `day_led`.
        if self.day_led(start, false).is_some() {
            return None;
        }
        Some(Parse {
            expr: Expr::DayOfMonth {
                day: day as u8,
                weekday: None,
            },
            start,
            clitic,
            end,
        })
    }

    /// `… (حتى|إلى|-) DATE` after any date, and `بين DATE و DATE`: one range.
    pub(super) fn range_on(&self, p: Parse) -> Parse {
        if matches!(p.expr, Expr::Range(..)) {
            return p;
        }
        let between = p.start > 0 && p.clitic == 0 && self.is(p.start - 1, Role::Between, false);
        let k = self
            .link(p.end, Link::To)
            .or_else(|| between.then(|| self.link(p.end, Link::And)).flatten())
            .or_else(|| {
                (matches!(p.expr, Expr::Year { .. }) && self.punct(p.end, &["-"]))
                    .then_some(p.end + 1)
            });
        // The link may be the text's last word ("الأسبوع المقبل إلى").
        let Some(k) = k.filter(|&k| k < self.words.len()) else {
            return p;
        };
        // "من 2014 حتى 2018": a bare year after a year.
        if let Expr::Year { cal, .. } = p.expr
            && let Some((y, end)) = self.year(k)
        {
            return Parse {
                expr: Expr::Range(Box::new(p.expr), Box::new(Expr::Year { year: y, cal })),
                end,
                ..p
            };
        }
        match self.parse_one(k) {
            Some(q) if q.clitic == 0 && q.start == k && !matches!(q.expr, Expr::Range(..)) => {
                Parse {
                    expr: Expr::Range(Box::new(p.expr), Box::new(q.expr)),
                    end: q.end,
                    ..p
                }
            }
            _ => p,
        }
    }
}
