//! The words of date expressions, from `data/dates/*.tsv`, folded by the
//! search analyzer so that text and lexicon agree on spelling.

use rustc_hash::FxHashMap as HashMap;

use compact_str::CompactString;

use super::parse::strip_clitic;
use crate::extract::PROCLITICS;
use crate::text::{Analyzer, data};

/// A calendar, as the grammar sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Cal {
    Gregorian,
    Hijri,
}

/// A unit of time named by a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    Day,
    Week,
    Month,
    Year,
    Decade,
}

/// What a link word does between parts of an expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Link {
    /// الموافق: the same day in another calendar.
    Equals,
    /// من: "الأول من يناير".
    Of,
    /// إلى، حتى: the end of a range.
    To,
    /// و: the next item of a list.
    And,
}

/// Which part of a month or year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    Start,
    Mid,
    End,
}

/// A word of a number written out: "الحادي", "وعشرين", "ألفين".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NumWord {
    Unit(u8),
    Ordinal(u8),
    Teen,
    Ten(u8),
    Hundred(u16),
    Thousand(u16),
}

/// How a holiday's date is found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Holiday {
    /// The same day every year of its calendar: "عيد الفطر" (1 Shawwal).
    Fixed(u8, u8, Cal),
    /// The `n`th weekday of a Gregorian month: "عيد الشكر" (4th Thursday of November).
    Nth { month: u8, n: i8, weekday: u8 },
}

/// The role of a word (or fixed phrase) in the grammar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    /// A month name; `true` when it is a month wherever it stands.
    Month(u8, Cal, bool),
    Weekday(u8),
    RelDay(i8),
    Dir(i8),
    Part(Part),
    Unit(Unit),
    Units(Unit),
    TheUnit(Unit),
    DayWord,
    DaysWord,
    Calendar(Cal),
    Link(Link),
    FirstDay,
    /// A fraction of a year or month into `parts`; `true` when it names one
    /// only with its year or month ("الفصل الأول من 2021": a chapter otherwise).
    Fraction(u8, bool),
    Weeks(u8),
    Days,
    Ordinal(i8),
    Count(u8),
    TimeWord,
    Hour(u8),
    Period(bool),
    Minutes(u8),
    YearCue,
    This,
    Prep,
    Holiday(Holiday),
    /// A counted unit: "أيام", "عاما", "الأسابيع".
    Dur(Unit),
    /// Two of a unit: "يومين", "العقدين".
    Dual(Unit),
    /// "قبل" (-1), "بعد" (1): an offset from the article's date.
    Offset(i8),
    Now,
    Future,
    Few,
    Last,
    Rest,
    Weekend,
    /// 1 spring .. 4 winter.
    Season(u8),
    /// The decade of a century: "السبعينيات" = 70.
    Decade(u8),
    Century,
    Num(NumWord),
    /// A word after which numbers are identifiers or amounts: "رقم".
    NotDate,
    /// "منذ": since, an offset back only with "من الآن".
    Since,
    /// "بين": the next و joins a range.
    Between,
    /// "على الأقل": a hedge between an amount and its anchor.
    Hedge,
}

/// One entry: the folded words after the first, and the role.
pub(crate) type Entry = (Vec<CompactString>, Role);

/// Whether an expression can start with one of these entries.
pub(crate) fn opens(list: &[Entry]) -> bool {
    list.iter().any(|(_, r)| r.starts())
}

/// Folded first word -> entries starting with it.
#[derive(Debug)]
pub(crate) struct Lexicon {
    entries: HashMap<CompactString, Vec<Entry>>,
    /// Every written form that can open an expression only behind a
    /// proclitic ("وأمس", "للعام"), so the scanner asks one set instead of
    /// stripping each word that begins like a proclitic.
    behind: rustc_hash::FxHashSet<CompactString>,
}

impl Role {
    /// One bit per kind of role: the scanner tries only the grammar rules
    /// that can start with a role the word has.
    pub(crate) fn bit(self) -> u64 {
        1 << match self {
            Role::Month(..) => 0,
            Role::Weekday(_) => 1,
            Role::RelDay(_) => 2,
            Role::Dir(_) => 3,
            Role::Part(_) => 4,
            Role::Unit(_) => 5,
            Role::Units(_) => 6,
            Role::TheUnit(_) => 7,
            Role::DayWord => 8,
            Role::DaysWord => 9,
            Role::Calendar(_) => 10,
            Role::Link(_) => 11,
            Role::FirstDay => 12,
            Role::Fraction(..) => 13,
            Role::Weeks(_) => 14,
            Role::Days => 15,
            Role::Ordinal(_) => 16,
            Role::Count(_) => 17,
            Role::TimeWord | Role::Hour(_) | Role::Period(_) | Role::Minutes(_) => 18,
            Role::YearCue => 19,
            Role::This => 20,
            Role::Prep => 21,
            Role::Holiday(_) => 22,
            Role::Dur(_) => 23,
            Role::Dual(_) => 24,
            Role::Offset(_) => 25,
            Role::Since => 26,
            Role::Few => 27,
            Role::Last => 28,
            Role::Rest => 29,
            Role::Weekend => 30,
            Role::Season(_) => 31,
            Role::Decade(_) => 32,
            Role::Century => 33,
            Role::Num(_) => 34,
            Role::Now | Role::Future | Role::Hedge | Role::NotDate | Role::Between => 35,
        }
    }

    /// Whether an expression can start with this role; the scanner tries the
    /// grammar only at such words (not at every "في" or "من").
    pub(crate) fn starts(self) -> bool {
        !matches!(
            self,
            Role::Dir(_)
                | Role::Calendar(_)
                | Role::Link(_)
                | Role::Prep
                | Role::YearCue
                | Role::TimeWord
                | Role::Hour(_)
                | Role::Period(_)
                | Role::Minutes(_)
                | Role::Now
                | Role::Future
                | Role::Few
                | Role::NotDate
                | Role::Between
                | Role::Hedge
                | Role::Num(NumWord::Teen)
        ) && !matches!(self, Role::Ordinal(n) if n != 1)
    }
}

fn parse_role(role: &str, arg: &str) -> Option<Role> {
    let n = || arg.parse::<i8>().ok();
    let unit = || match arg {
        "day" => Some(Unit::Day),
        "week" => Some(Unit::Week),
        "decade" => Some(Unit::Decade),
        "month" => Some(Unit::Month),
        "year" => Some(Unit::Year),
        _ => None,
    };
    Some(match role {
        "weekday" => Role::Weekday(arg.parse().ok()?),
        "rel_day" => Role::RelDay(n()?),
        "dir" => Role::Dir(n()?),
        "part" => Role::Part(match arg {
            "start" => Part::Start,
            "mid" => Part::Mid,
            "end" => Part::End,
            _ => return None,
        }),
        "unit" => Role::Unit(unit()?),
        "units" => Role::Units(unit()?),
        "the_unit" => Role::TheUnit(unit()?),
        "day_word" => Role::DayWord,
        "days_word" => Role::DaysWord,
        "calendar" => Role::Calendar(match arg {
            "hijri" => Cal::Hijri,
            "gregorian" => Cal::Gregorian,
            _ => return None,
        }),
        "link" => Role::Link(match arg {
            "equals" => Link::Equals,
            "of" => Link::Of,
            "to" => Link::To,
            "and" => Link::And,
            _ => return None,
        }),
        "first_day" => Role::FirstDay,
        "fraction" => Role::Fraction(arg.parse().ok()?, false),
        "fraction_of" => Role::Fraction(arg.parse().ok()?, true),
        "weeks" => Role::Weeks(arg.parse().ok()?),
        "days" => Role::Days,
        "ordinal" => Role::Ordinal(n()?),
        "count" => Role::Count(arg.parse().ok()?),
        "time_word" => Role::TimeWord,
        "hour" => Role::Hour(arg.parse().ok()?),
        "period" => Role::Period(arg == "pm"),
        "minutes" => Role::Minutes(arg.parse().ok()?),
        "year_cue" => Role::YearCue,
        "this" => Role::This,
        "prep" => Role::Prep,
        "dur" => Role::Dur(unit()?),
        "dual" => Role::Dual(unit()?),
        "offset" => Role::Offset(n()?),
        "now" => Role::Now,
        "future" => Role::Future,
        "few" => Role::Few,
        "last" => Role::Last,
        "rest" => Role::Rest,
        "weekend" => Role::Weekend,
        "season" => Role::Season(arg.parse().ok()?),
        "decade" => Role::Decade(arg.parse().ok()?),
        "century" => Role::Century,
        "not_date" => Role::NotDate,
        "since" => Role::Since,
        "between" => Role::Between,
        "hedge" => Role::Hedge,
        _ => return None,
    })
}

impl Lexicon {
    /// Load the data files, folding forms with `analyzer`.
    ///
    /// # Panics
    /// On a malformed line of the compiled-in data: a build defect, caught by
    /// the unit test that loads it.
    pub(crate) fn load(analyzer: &Analyzer) -> Self {
        let mut entries: HashMap<CompactString, Vec<Entry>> = HashMap::default();
        let mut add = |form: &str, role: Role| {
            let mut words = form
                .split_whitespace()
                .filter_map(|w| analyzer.normalize_token(w));
            let first = words.next().expect("a date word folds to nothing");
            entries
                .entry(first)
                .or_default()
                .push((words.collect(), role));
        };
        for line in data::lines(data::DATE_MONTHS) {
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            let month: u8 = cols[1].parse().expect("month number");
            let cal = match cols[2] {
                "hijri" => Cal::Hijri,
                _ => Cal::Gregorian,
            };
            let alone = cols.get(4) == Some(&"alone");
            add(cols[0], Role::Month(month, cal, alone));
        }
        for line in data::lines(data::DATE_HOLIDAYS) {
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            let month = cols[1].parse().expect("month");
            let holiday = match cols[3] {
                "nth" => {
                    let (n, wd) = cols[2].split_once(':').expect("nth as N:WEEKDAY");
                    Holiday::Nth {
                        month,
                        n: n.parse().expect("nth"),
                        weekday: wd.parse().expect("weekday"),
                    }
                }
                cal => Holiday::Fixed(
                    month,
                    cols[2].parse().expect("day"),
                    if cal == "hijri" {
                        Cal::Hijri
                    } else {
                        Cal::Gregorian
                    },
                ),
            };
            add(cols[0], Role::Holiday(holiday));
        }
        for line in data::lines(data::DATE_NUMBERS) {
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            let v: u16 = cols[2].parse().expect("number value");
            let small = || u8::try_from(v).expect("a small number");
            let word = match cols[1] {
                "unit" => NumWord::Unit(small()),
                "ordinal" => NumWord::Ordinal(small()),
                "teen" => NumWord::Teen,
                "ten" => NumWord::Ten(small()),
                "hundred" => NumWord::Hundred(v),
                "thousand" => NumWord::Thousand(v),
                other => panic!("bad kind {other} in data/dates/numbers.tsv"),
            };
            add(cols[0], Role::Num(word));
        }
        for line in data::lines(data::DATE_WORDS) {
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            let role = parse_role(cols[1], cols.get(2).copied().unwrap_or(""))
                .unwrap_or_else(|| panic!("bad line in data/dates/words.tsv: {line}"));
            add(cols[0], role);
        }
        // Longer phrases first, so the first fitting entry is the longest.
        for list in entries.values_mut() {
            list.sort_by_key(|(rest, _)| std::cmp::Reverse(rest.len()));
        }
        let mut lex = Self {
            entries,
            behind: rustc_hash::FxHashSet::default(),
        };
        lex.behind = lex.forms_behind();
        lex
    }

    /// The forms [`strip_clitic`] reads as a word that opens an expression:
    /// each such word behind every proclitic it strips, and "لل" for the
    /// article. Each candidate is checked with `strip_clitic` itself, so the
    /// set says exactly what stripping at run time would.
    fn forms_behind(&self) -> rustc_hash::FxHashSet<CompactString> {
        let mut out = rustc_hash::FxHashSet::default();
        for (word, list) in &self.entries {
            if !opens(list) {
                continue;
            }
            let elided = word.strip_prefix("ال").map(|rest| format!("لل{rest}"));
            for form in PROCLITICS
                .iter()
                .map(|p| format!("{p}{word}"))
                .chain(elided)
            {
                if strip_clitic(&form).any(|(rest, _)| opens(self.get(&rest))) {
                    out.insert(CompactString::from(form));
                }
            }
        }
        out
    }

    /// Every written form that opens an expression only once a proclitic
    /// is off ("وأمس").
    pub(crate) fn behind_forms(&self) -> impl Iterator<Item = &CompactString> {
        self.behind.iter()
    }

    /// Every first word with the entries it opens.
    pub(crate) fn lists(&self) -> impl Iterator<Item = (&CompactString, &[Entry])> {
        self.entries.iter().map(|(k, v)| (k, v.as_slice()))
    }

    /// Entries whose first word is `word`.
    pub(crate) fn get(&self, word: &str) -> &[Entry] {
        self.entries.get(word).map_or(&[], Vec::as_slice)
    }
}
