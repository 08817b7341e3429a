//! From what a date expression says to an ISO 8601 value, against the
//! article's publication date where the expression is relative.
//!
//! Yearless dates take the direction the text gives ("مارس الماضي" is the
//! last March before the article, "ديسمبر القادم" the next December, "الجاري"
//! the current year) and otherwise the nearest occurrence: "نهاية فيفري" in
//! an article of December 2020 is February 2021 (a tie goes to the coming
//! one: articles announce more often than they recall). Hijri dates convert to
//! Gregorian by the Umm al-Qura calendar (ICU4X); `value` is always Gregorian.

// Calendar fields are small validated numbers (months 1-12, days 1-31,
// years 1300-2200), so casts between their integer types cannot wrap.
#![allow(clippy::cast_possible_wrap, clippy::cast_sign_loss)]

use icu_calendar::cal::Hijri;
use icu_calendar::{Date as IcuDate, Iso};
use jiff::ToSpan;
use jiff::civil::Date;

use super::lexicon::{Cal, Unit};
use super::parse::Expr;
use crate::extract::entity::{Calendar, DateAttrs, Granularity};

/// A resolved value with its attributes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Resolved {
    pub value: Option<String>,
    pub attrs: DateAttrs,
}

/// A value before formatting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Value {
    Day(Date),
    Month(i16, i8),
    Year(i16),
    Interval(Date, Date),
    MonthRange((i16, i8), (i16, i8)),
}

impl Value {
    fn iso(self) -> String {
        match self {
            Value::Day(d) => d.to_string(),
            Value::Month(y, m) => format!("{y:04}-{m:02}"),
            Value::Year(y) => format!("{y:04}"),
            Value::Interval(a, b) => format!("{a}/{b}"),
            Value::MonthRange((y1, m1), (y2, m2)) => format!("{y1:04}-{m1:02}/{y2:04}-{m2:02}"),
        }
    }

    /// The first and last day covered.
    fn bounds(self) -> Option<(Date, Date)> {
        Some(match self {
            Value::Day(d) => (d, d),
            Value::Month(y, m) => {
                let a = Date::new(y, m, 1).ok()?;
                (a, a.last_of_month())
            }
            Value::Year(y) => (Date::new(y, 1, 1).ok()?, Date::new(y, 12, 31).ok()?),
            Value::Interval(a, b) => (a, b),
            Value::MonthRange((y1, m1), (y2, m2)) => (
                Date::new(y1, m1, 1).ok()?,
                Date::new(y2, m2, 1).ok()?.last_of_month(),
            ),
        })
    }
}

fn hijri_to_gregorian(year: i32, month: u8, day: u8) -> Option<Date> {
    let h =
        IcuDate::try_new_hijri_with_calendar(year, month, day, Hijri::new_umm_al_qura()).ok()?;
    let iso = h.to_calendar(Iso);
    let y = i16::try_from(iso.year().extended_year()).ok()?;
    Date::new(y, iso.month().ordinal as i8, iso.day_of_month().0 as i8).ok()
}

/// The Hijri (year, month) of a Gregorian day.
fn gregorian_to_hijri(d: Date) -> Option<(i32, u8)> {
    let iso =
        IcuDate::<Iso>::try_new_iso(i32::from(d.year()), d.month() as u8, d.day() as u8).ok()?;
    let h = iso.to_calendar(Hijri::new_umm_al_qura());
    Some((h.year().extended_year(), h.month().ordinal))
}

/// First and last Gregorian day of a Hijri month.
fn hijri_month(year: i32, month: u8) -> Option<(Date, Date)> {
    let start = hijri_to_gregorian(year, month, 1)?;
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    let next = hijri_to_gregorian(ny, nm, 1)?;
    Some((start, next.yesterday().ok()?))
}

/// The year of a yearless (month, day) as seen from `p`, by direction.
fn year_for(p: Date, month: i8, day: i8, dir: Option<i8>) -> Option<i16> {
    let y = p.year();
    let key = |yy: i16| Date::new(yy, month, day.min(28)).ok();
    let this = key(y)?;
    let same_month = this.month() == p.month();
    Some(match dir {
        Some(0) => y,
        Some(d) if d < 0 => {
            if this < p && !(same_month && day == 0) {
                y
            } else {
                y - 1
            }
        }
        Some(_) => {
            if this > p {
                y
            } else {
                y + 1
            }
        }
        None => [y, y + 1, y - 1]
            .into_iter()
            .min_by_key(|&yy| key(yy).map_or(i32::MAX, |d| (d - p).get_days().abs()))
            .unwrap_or(y),
    })
}

/// The year of a yearless month name, in any calendar, seen from the month
/// `now_month` of year `now`: the last one before the current month, the next
/// one after it, the current year, or the nearest (a tie goes to the future).
fn year_of_month(now: i32, now_month: u8, month: u8, dir: Option<i8>) -> i32 {
    match dir {
        Some(0) => now,
        Some(d) if d < 0 => now - i32::from(month >= now_month),
        Some(_) => now + i32::from(month <= now_month),
        None => {
            let here = now * 12 + i32::from(now_month);
            [now, now + 1, now - 1]
                .into_iter()
                .min_by_key(|&y| (y * 12 + i32::from(month) - here).abs())
                .unwrap_or(now)
        }
    }
}

fn weekday_near(p: Date, weekday: u8, dir: Option<i8>) -> Option<Date> {
    let target = i32::from(weekday);
    let today = i32::from(p.weekday().to_monday_one_offset());
    let back = (today - target).rem_euclid(7);
    let fwd = (target - today).rem_euclid(7);
    let days = match dir {
        Some(d) if d < 0 => -(if back == 0 { 7 } else { back }),
        Some(d) if d > 0 => {
            if fwd == 0 {
                7
            } else {
                fwd
            }
        }
        _ => {
            if back <= fwd {
                -back
            } else {
                fwd
            }
        }
    };
    p.checked_add(days.days()).ok()
}

struct Ctx {
    published: Option<Date>,
    relative: bool,
}

impl Ctx {
    /// The publication date, noting that the expression needed it.
    fn p(&mut self) -> Option<Date> {
        self.relative = true;
        self.published
    }

    fn value(&mut self, e: &Expr) -> Option<Value> {
        match *e {
            Expr::Day {
                year,
                month,
                day,
                cal: Cal::Gregorian,
                dir,
                ..
            } => {
                let y = match year {
                    Some(y) => i16::try_from(y).ok()?,
                    None => year_for(self.p()?, month as i8, day as i8, dir)?,
                };
                Date::new(y, month as i8, day as i8).ok().map(Value::Day)
            }
            Expr::Day {
                year,
                month,
                day,
                cal: Cal::Hijri,
                dir,
                ..
            } => {
                let y = match year {
                    Some(y) => y,
                    None => self.hijri_year(month, dir)?,
                };
                hijri_to_gregorian(y, month, day).map(Value::Day)
            }
            Expr::Month {
                year,
                month,
                cal: Cal::Gregorian,
                dir,
            } => {
                let y = match year {
                    Some(y) => i16::try_from(y).ok()?,
                    None => self.gregorian_year(month, dir)?,
                };
                Some(Value::Month(y, month as i8))
            }
            Expr::Month {
                year,
                month,
                cal: Cal::Hijri,
                dir,
            } => {
                let y = match year {
                    Some(y) => y,
                    None => self.hijri_year(month, dir)?,
                };
                let (a, b) = hijri_month(y, month)?;
                Some(Value::Interval(a, b))
            }
            Expr::Year {
                year,
                cal: Cal::Gregorian,
            } => Some(Value::Year(i16::try_from(year).ok()?)),
            Expr::Year {
                year,
                cal: Cal::Hijri,
            } => {
                let (a, _) = hijri_month(year, 1)?;
                let (_, b) = hijri_month(year, 12)?;
                Some(Value::Interval(a, b))
            }
            Expr::RelDay { offset, .. } => self
                .p()?
                .checked_add(i32::from(offset).days())
                .ok()
                .map(Value::Day),
            Expr::Weekday { weekday, dir } => weekday_near(self.p()?, weekday, dir).map(Value::Day),
            Expr::RelWeek(d) => self.week(d),
            Expr::RelMonth(d) => {
                let m = self
                    .p()?
                    .first_of_month()
                    .checked_add(i32::from(d).months())
                    .ok()?;
                Some(Value::Month(m.year(), m.month()))
            }
            Expr::MonthNumber(m) => Some(Value::Month(self.p()?.year(), m as i8)),
            Expr::RelYear(d) => Some(Value::Year(self.p()?.year() + i16::from(d))),
            Expr::Fraction {
                parts,
                which,
                ref of,
            } => {
                let (a, b) = self.value(of)?.bounds()?;
                fraction(a, b, parts, which)
            }
            Expr::Days {
                count,
                which,
                ref of,
            } => self.days(count, which, of.as_deref()),
            Expr::Range(ref a, ref b) => self.range(a, b),
            Expr::DayIn { day, ref of } => self.day_in(day, of),
            _ => self.period(e),
        }
    }

    /// The expressions that name periods and days by their place: weeks,
    /// offsets, spans, seasons, decades and centuries.
    fn period(&mut self, e: &Expr) -> Option<Value> {
        match *e {
            Expr::DayOfMonth { day, weekday } => self.day_of_month(day, weekday),
            Expr::NthWeekday { n, weekday, ref of } => {
                let (a, b) = if let Some(of) = of {
                    self.value(of)?.bounds()?
                } else {
                    let p = self.p()?;
                    (p.first_of_month(), p.last_of_month())
                };
                nth_weekday(a, b, n, weekday).map(Value::Day)
            }
            Expr::InWeek { week, weekday } => {
                let (monday, _) = self.week(week)?.bounds()?;
                monday
                    .checked_add(i32::from(weekday - 1).days())
                    .ok()
                    .map(Value::Day)
            }
            Expr::WeekOf { which, ref of } => {
                let (a, b) = self.value(of)?.bounds()?;
                week_of(a, b, which)
            }
            Expr::WeekAround(ref day) => {
                let (d, _) = self.value(day)?.bounds()?;
                monday_week(d)
            }
            Expr::MonthIn { month, ref of } => {
                let (a, _) = self.value(of)?.bounds()?;
                Some(Value::Month(a.year(), month as i8))
            }
            Expr::Offset {
                sign,
                ref amounts,
                anchored,
            } => {
                let p = self.p()?;
                if !anchored || amounts.is_empty() {
                    return None;
                }
                offset(p, sign, amounts)
            }
            Expr::Span { count, unit, dir } => {
                let p = self.p()?;
                span(p, count?, unit, dir)
            }
            Expr::Weekend(d) => {
                let (monday, _) = self.week(d)?.bounds()?;
                Some(Value::Interval(
                    monday.checked_add(5.days()).ok()?,
                    monday.checked_add(6.days()).ok()?,
                ))
            }
            Expr::Rest(unit) => {
                let p = self.p()?;
                let end = match unit {
                    Unit::Week => self.week(0)?.bounds()?.1,
                    Unit::Month => p.last_of_month(),
                    _ => p.last_of_year(),
                };
                Some(Value::Interval(p, end))
            }
            Expr::Season { season, year, dir } => {
                let first = season * 3;
                let y = match year {
                    Some(y) => i16::try_from(y).ok()?,
                    None => self.gregorian_year(first, dir)?,
                };
                let a = Date::new(y, first as i8, 1).ok()?;
                let b = a.checked_add(2.months()).ok()?.last_of_month();
                Some(Value::Interval(a, b))
            }
            Expr::Decade { decade, century } => years((century - 1) * 100 + i32::from(decade), 10),
            Expr::Century { ordinal, dir } => {
                let n = match ordinal {
                    Some(n) => n,
                    None => i32::from(self.p()?.year()) / 100 + 1 + i32::from(dir),
                };
                years((n - 1) * 100, 100)
            }
            _ => None,
        }
    }

    /// Day `day` of the article's month or, with a weekday, of the nearest
    /// month where that day falls on it ("الخميس 21").
    fn day_of_month(&mut self, day: u8, weekday: Option<u8>) -> Option<Value> {
        let first = self.p()?.first_of_month();
        let month = |k: i32| first.checked_add(k.months()).ok();
        let fits = |m: Date| {
            Date::new(m.year(), m.month(), day as i8)
                .ok()
                .filter(|d| weekday.is_none_or(|w| d.weekday().to_monday_one_offset() == w as i8))
        };
        let Some(_) = weekday else {
            return fits(first).map(Value::Day);
        };
        (0..=12)
            .flat_map(|k| [k, -k])
            .find_map(|k| month(k).and_then(fits))
            .map(Value::Day)
    }

    /// Day `day` of the month `of`: "23 من الشهر المقبل".
    fn day_in(&mut self, day: u8, of: &Expr) -> Option<Value> {
        let (a, b) = self.value(of)?.bounds()?;
        let d = a.checked_add(i32::from(day - 1).days()).ok()?;
        (d <= b).then_some(Value::Day(d))
    }

    /// "الأسبوع الماضي": Monday to Sunday, `d` weeks from the article's.
    fn week(&mut self, d: i8) -> Option<Value> {
        let p = self.p()?;
        let monday = p
            .checked_sub(i32::from(p.weekday().to_monday_zero_offset()).days())
            .ok()?
            .checked_add((i32::from(d) * 7).days())
            .ok()?;
        Some(Value::Interval(monday, monday.checked_add(6.days()).ok()?))
    }

    /// "الأيام الثلاثة الأخيرة [من شهر مارس]".
    fn days(&mut self, count: u8, which: i8, of: Option<&Expr>) -> Option<Value> {
        let count = i32::from(count);
        match of {
            Some(of) => {
                let (a, b) = self.value(of)?.bounds()?;
                if which < 0 {
                    Some(Value::Interval(b.checked_sub((count - 1).days()).ok()?, b))
                } else {
                    Some(Value::Interval(a, a.checked_add((count - 1).days()).ok()?))
                }
            }
            None if which < 0 => {
                let p = self.p()?;
                Some(Value::Interval(
                    p.checked_sub(count.days()).ok()?,
                    p.yesterday().ok()?,
                ))
            }
            None => None,
        }
    }

    /// A range or list: from the start of `a` to the end of `b`.
    fn range(&mut self, a: &Expr, b: &Expr) -> Option<Value> {
        // "2 أكتوبر حتى 7 أكتوبر 2021": the first takes the second's year.
        let a = inherit_year(a, b);
        let (va, vb) = (self.value(&a)?, self.value(b)?);
        if let (Value::Month(y1, m1), Value::Month(y2, m2)) = (va, vb) {
            return Some(Value::MonthRange((y1, m1), (y2, m2)));
        }
        let (s, _) = va.bounds()?;
        let (_, e) = vb.bounds()?;
        (s <= e).then_some(Value::Interval(s, e))
    }

    fn gregorian_year(&mut self, month: u8, dir: Option<i8>) -> Option<i16> {
        let p = self.p()?;
        i16::try_from(year_of_month(
            i32::from(p.year()),
            p.month() as u8,
            month,
            dir,
        ))
        .ok()
    }

    fn hijri_year(&mut self, month: u8, dir: Option<i8>) -> Option<i32> {
        let (hy, hm) = gregorian_to_hijri(self.p()?)?;
        Some(year_of_month(hy, hm, month, dir))
    }
}

/// `n` years from `start`, as an interval of days.
fn years(start: i32, n: i32) -> Option<Value> {
    let a = Date::new(i16::try_from(start).ok()?, 1, 1).ok()?;
    let b = Date::new(i16::try_from(start + n - 1).ok()?, 12, 31).ok()?;
    Some(Value::Interval(a, b))
}

/// The `n`th (-1: last) `weekday` in `a..=b`.
fn nth_weekday(a: Date, b: Date, n: i8, weekday: u8) -> Option<Date> {
    let wd = |d: Date| i32::from(d.weekday().to_monday_one_offset());
    let target = i32::from(weekday);
    let d = if n < 0 {
        b.checked_sub((wd(b) - target).rem_euclid(7).days()).ok()?
    } else {
        let first = a.checked_add((target - wd(a)).rem_euclid(7).days()).ok()?;
        first.checked_add((7 * (i32::from(n) - 1)).days()).ok()?
    };
    (a <= d && d <= b).then_some(d)
}

/// The Monday-to-Sunday week around `d`.
fn monday_week(d: Date) -> Option<Value> {
    let monday = d
        .checked_sub(i32::from(d.weekday().to_monday_zero_offset()).days())
        .ok()?;
    Some(Value::Interval(monday, monday.checked_add(6.days()).ok()?))
}

/// The `which`th (-1: last) week of `a..=b`: of a year, the Monday-to-Sunday
/// weeks whose Thursday falls inside, as ISO 8601 counts them; of a month,
/// the weeks that start on one of its Mondays ("الأسبوع الأول من أكتوبر" 2016
/// is 3-9 October).
fn week_of(a: Date, b: Date, which: i8) -> Option<Value> {
    if (b - a).get_days() < 62 {
        let mondays: Vec<Date> = (0..=(b - a).get_days())
            .filter_map(|k| a.checked_add(k.days()).ok())
            .filter(|d| d.weekday().to_monday_zero_offset() == 0)
            .collect();
        let monday = if which < 0 {
            mondays.last()
        } else {
            mondays.get(usize::try_from(which - 1).ok()?)
        }?;
        return monday_week(*monday);
    }
    let thursday = |d: Date| -> Option<Date> {
        let monday = d
            .checked_sub(i32::from(d.weekday().to_monday_zero_offset()).days())
            .ok()?;
        monday.checked_add(3.days()).ok()
    };
    let mut first = thursday(a)?;
    if first < a {
        first = first.checked_add(7.days()).ok()?;
    }
    let mut last = thursday(b)?;
    if last > b {
        last = last.checked_sub(7.days()).ok()?;
    }
    let t = if which < 0 {
        last
    } else {
        first
            .checked_add((7 * (i32::from(which) - 1)).days())
            .ok()?
    };
    if t > last {
        return None;
    }
    monday_week(t)
}

/// `p` moved by `amounts` in direction `sign`: a day, or a year when only
/// years are counted ("قبل خمسة وتسعين عاما").
fn offset(p: Date, sign: i8, amounts: &[(u32, Unit)]) -> Option<Value> {
    let mut d = p;
    for &(n, unit) in amounts {
        let n = i32::try_from(n).ok()? * i32::from(sign);
        d = match unit {
            Unit::Day => d.checked_add(n.days()),
            Unit::Week => d.checked_add(n.weeks()),
            Unit::Month => d.checked_add(n.months()),
            Unit::Year => d.checked_add(n.years()),
            Unit::Decade => d.checked_add((10 * n).years()),
        }
        .ok()?;
    }
    if amounts
        .iter()
        .all(|(_, u)| matches!(u, Unit::Year | Unit::Decade))
    {
        Some(Value::Year(d.year()))
    } else {
        Some(Value::Day(d))
    }
}

/// The `count` units before (`dir` < 0) or after the article's day `p`, not
/// counting `p`; decades are whole ones ("العقدين الماضيين" in 2016 = 1990-2009).
fn span(p: Date, count: u8, unit: Unit, dir: i8) -> Option<Value> {
    let n = i32::from(count);
    if unit == Unit::Decade {
        let this = i32::from(p.year()) / 10 * 10;
        let start = match dir {
            d if d < 0 => this - 10 * n,
            0 => this,
            _ => this + 10,
        };
        return years(start, 10 * n);
    }
    let step = |k: i32| -> Option<Date> {
        match unit {
            Unit::Day => p.checked_add(k.days()),
            Unit::Week => p.checked_add(k.weeks()),
            Unit::Month => p.checked_add(k.months()),
            Unit::Year | Unit::Decade => p.checked_add(k.years()),
        }
        .ok()
    };
    if dir < 0 {
        Some(Value::Interval(step(-n)?, p.yesterday().ok()?))
    } else {
        Some(Value::Interval(p.tomorrow().ok()?, step(n)?))
    }
}

fn inherit_year(a: &Expr, b: &Expr) -> Expr {
    match (a, b) {
        (
            Expr::Day {
                year: None,
                month,
                day,
                cal,
                dir,
                weekday,
            },
            Expr::Day { year: Some(y), .. },
        ) => Expr::Day {
            year: Some(*y),
            month: *month,
            day: *day,
            cal: *cal,
            dir: *dir,
            weekday: *weekday,
        },
        _ => a.clone(),
    }
}

/// Part `which` (1-based, -1 = last) of `parts` equal parts of `a..=b`:
/// quarters and halves of a year by months, halves of a month by days.
fn fraction(a: Date, b: Date, parts: u8, which: i8) -> Option<Value> {
    let which = if which < 0 { parts as i8 } else { which };
    let months = i32::from(b.year() - a.year()) * 12 + i32::from(b.month() - a.month()) + 1;
    if months >= 12 {
        let per = 12 / i32::from(parts);
        let start = a
            .first_of_month()
            .checked_add(((i32::from(which) - 1) * per).months())
            .ok()?;
        let end = start.checked_add((per - 1).months()).ok()?.last_of_month();
        return Some(Value::Interval(start, end));
    }
    let days = (b - a).get_days() + 1;
    let per = days / i32::from(parts);
    let start = a.checked_add(((i32::from(which) - 1) * per).days()).ok()?;
    let end = if which == parts as i8 {
        b
    } else {
        start.checked_add((per - 1).days()).ok()?
    };
    Some(Value::Interval(start, end))
}

fn granularity(e: &Expr, v: Option<Value>) -> Granularity {
    match (e, v) {
        (
            Expr::RelDay {
                weekday: Some(_), ..
            }
            | Expr::Weekday { .. },
            _,
        ) => Granularity::Weekday,
        (_, Some(Value::Day(_))) | (Expr::Day { .. } | Expr::RelDay { .. }, None) => {
            Granularity::Day
        }
        (_, Some(Value::Month(..)))
        | (
            Expr::Month {
                cal: Cal::Gregorian,
                ..
            }
            | Expr::RelMonth(_)
            | Expr::MonthNumber(_),
            None,
        ) => Granularity::Month,
        (_, Some(Value::Year(_))) | (Expr::RelYear(_) | Expr::Year { .. }, None) => {
            Granularity::Year
        }
        (Expr::Season { .. }, _) => Granularity::Season,
        (
            Expr::Decade { .. }
            | Expr::Span {
                unit: Unit::Decade,
                count: Some(1),
                ..
            },
            _,
        ) => Granularity::Decade,
        (Expr::Century { .. }, _) => Granularity::Century,
        (
            Expr::RelWeek(_) | Expr::WeekOf { .. } | Expr::WeekAround(_) | Expr::Rest(Unit::Week),
            _,
        ) => Granularity::Week,
        _ => Granularity::Interval,
    }
}

fn calendar(e: &Expr) -> Calendar {
    match e {
        Expr::Day {
            cal: Cal::Hijri, ..
        }
        | Expr::Month {
            cal: Cal::Hijri, ..
        }
        | Expr::Year {
            cal: Cal::Hijri, ..
        } => Calendar::Hijri,
        Expr::Range(a, _) => calendar(a),
        _ => Calendar::Gregorian,
    }
}

/// The Hijri date as written, for Hijri days with a year: `1441-09-12`.
fn hijri_written(e: &Expr) -> Option<String> {
    match *e {
        Expr::Day {
            year: Some(y),
            month,
            day,
            cal: Cal::Hijri,
            ..
        } => Some(format!("{y:04}-{month:02}-{day:02}")),
        _ => None,
    }
}

/// Resolve `e` against the publication date.
pub(crate) fn resolve(e: &Expr, published: Option<Date>) -> Resolved {
    let mut ctx = Ctx {
        published,
        relative: false,
    };
    let v = ctx.value(e);
    Resolved {
        value: v.map(Value::iso),
        attrs: DateAttrs {
            granularity: granularity(e, v),
            calendar: calendar(e),
            relative: ctx.relative,
            hijri: hijri_written(e),
            time: None,
        },
    }
}
