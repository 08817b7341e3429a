//! DATE extraction on two public suites in `../shared/corpus` (its README,
//! sections 6 and 7):
//!
//! - the Arabic date/time specs of Microsoft Recognizers-Text: a short sentence,
//!   the expected span and its TIMEX value;
//! - 48 Arabic news articles tagged with TIMEX3 by HeidelTime (silver: partial,
//!   not exhaustive).
//!
//! Each test prints a table for the extractor's author (`-- --nocapture`) and
//! asserts a floor that only ever rises.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;

use fahras_core::eval::{AnnotatedDoc, Mention, ScoreOptions, score};
use fahras_core::extract::{Date, Document, Entity, EntityKind, Extractor, KindSet};
use serde_json::Value;

use crate::support::shared;

/// Share of Recognizers date cases with the right span and value: issue 4's
/// target (reached: 0.855).
const RECOGNIZERS_FLOOR: f64 = 0.85;

/// Relaxed F1 of DATE against the HeidelTime DATE tags (silver): reached
/// 0.726; a regression guard.
const HEIDELTIME_FLOOR: f64 = 0.72;

/// The reference date of a Recognizers case without `Context`. Upstream's
/// runners use the current time there, but only cases without values lack a
/// context (extractor files, and `TimeParser`, whose values are times of day);
/// 2016-11-07 is the reference of 558 of the 670 cases that have one.
const RECOGNIZERS_REFERENCE: &str = "2016-11-07";

/// The date HeidelTime resolved the news articles against. The files carry no
/// document-creation time, but every "اليوم" (today) is tagged 2015-12-24,
/// every "أمس" (yesterday) 2015-12-23 and "غدا" (tomorrow) 2015-12-25;
/// `heideltime_silver_relaxed_f1` checks the first.
const HEIDELTIME_PUBLISHED: &str = "2015-12-24";

/// How many misses the Recognizers table lists.
const MISSES_SHOWN: usize = 30;

fn day(s: &str) -> Date {
    s.parse().expect("a valid date")
}

fn date_extractor() -> Extractor {
    Extractor::new(KindSet::EMPTY.with(EntityKind::Date))
}

/// The DATE entities fahras finds in `text` published on `published`.
fn dates(ex: &Extractor, text: &str, published: Date) -> Vec<Entity> {
    ex.extract(&Document::new(text).published(published))
        .entities
        .into_iter()
        .filter(|e| e.kind == EntityKind::Date)
        .collect()
}

#[allow(clippy::cast_precision_loss)] // counts are far below 2^52
fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

// ---------------------------------------------------------------------------
// Dates and the mapping of Recognizers values to fahras values
// ---------------------------------------------------------------------------

/// `d` plus `n` days.
fn add_days(d: Date, n: u32) -> Date {
    (0..n).fold(d, |d, _| d.tomorrow().expect("date in range"))
}

/// `d` plus `n` calendar months, its day clamped to the length of the month.
fn add_months(d: Date, n: i32) -> Date {
    let index = i32::from(d.year()) * 12 + i32::from(d.month()) - 1 + n;
    let year = i16::try_from(index.div_euclid(12)).expect("year in range");
    let month = i8::try_from(index.rem_euclid(12) + 1).expect("month in range");
    let first = Date::new(year, month, 1).expect("first of a month");
    Date::new(year, month, d.day().min(first.days_in_month())).expect("day in month")
}

/// One unit of a TIMEX duration designator (`D`, `W`, `M`, `Y`) after `d`.
fn add_unit(d: Date, unit: char) -> Option<Date> {
    match unit {
        'D' => Some(add_days(d, 1)),
        'W' => Some(add_days(d, 7)),
        'M' => Some(add_months(d, 1)),
        'Y' => Some(add_months(d, 12)),
        _ => None,
    }
}

/// Whether `s` has the shape of `pattern`, where `9` stands for any ASCII digit.
fn shaped(s: &str, pattern: &str) -> bool {
    s.len() == pattern.len()
        && s.bytes().zip(pattern.bytes()).all(|(c, p)| {
            if p == b'9' {
                c.is_ascii_digit()
            } else {
                c == p
            }
        })
}

/// The timex itself when it is already an ISO 8601 value fahras writes:
/// `2016`, `2016-11`, `2016-11-22`, `2016-W45`. Everything else (`XXXX-10-02`,
/// `2016-W45-WE`, `2016-SU`, `(…,…,P4D)`, an impossible `2016-11-31`) is left
/// to the resolved dates.
fn iso_timex(timex: &str) -> Option<String> {
    let number = |r: std::ops::Range<usize>| timex[r].parse::<u8>().unwrap_or(0);
    let ok = shaped(timex, "9999")
        || (shaped(timex, "9999-99") && (1..=12).contains(&number(5..7)))
        || (shaped(timex, "9999-W99") && (1..=53).contains(&number(6..8)))
        || (shaped(timex, "9999-99-99") && timex.parse::<Date>().is_ok());
    ok.then(|| timex.to_owned())
}

/// The duration designator of a range timex: `(2016-11-04,2016-11-22,P18D)`
/// gives `D`.
fn range_unit(timex: &str) -> Option<char> {
    let inner = timex.strip_prefix('(')?.strip_suffix(')')?;
    inner.rsplit(',').next()?.chars().last()
}

/// A resolved date of the specs (`2016-11-07`, or the date part of a datetime).
/// `0001-01-01` is what Recognizers writes when it could not resolve.
fn resolved(v: Option<&Value>) -> Option<Date> {
    let d: Date = v?.as_str()?.get(..10)?.parse().ok()?;
    (d.year() > 1).then_some(d)
}

/// The fahras values for the days `start..end`, end exclusive as Recognizers
/// writes it: the day range `start/last` (or the day alone), and the coarser
/// names of the same days when they line up: a month `2016-09`, months
/// `2016-07/2016-09`, a quarter `2016-Q3`, a year `2017`, years `2014/2017`, a
/// decade `197`, a century `19`, an ISO week `2016-W45`.
fn interval_forms(start: Date, end: Date) -> Vec<String> {
    let last = if end > start {
        end.yesterday().expect("date in range")
    } else {
        start
    };
    let mut out = vec![if last == start {
        start.to_string()
    } else {
        format!("{start}/{last}")
    }];
    if end > start && start.day() == 1 && end.day() == 1 {
        let months = (i32::from(end.year()) - i32::from(start.year())) * 12
            + i32::from(end.month())
            - i32::from(start.month());
        let ym = |d: Date| format!("{:04}-{:02}", d.year(), d.month());
        out.push(if months == 1 {
            ym(start)
        } else {
            format!("{}/{}", ym(start), ym(last))
        });
        if months == 3 && start.month() % 3 == 1 {
            out.push(format!("{:04}-Q{}", start.year(), start.month() / 3 + 1));
        }
        if start.month() == 1 && end.month() == 1 {
            let years = months / 12;
            out.push(if years == 1 {
                format!("{:04}", start.year())
            } else {
                format!("{:04}/{:04}", start.year(), last.year())
            });
            if years == 10 && start.year() % 10 == 0 {
                out.push(format!("{:03}", start.year() / 10));
            }
            if years == 100 && start.year() % 100 == 0 {
                out.push(format!("{:02}", start.year() / 100));
            }
        }
    }
    if start.weekday().to_monday_one_offset() == 1 && add_days(start, 7) == end {
        let week = start.iso_week_date();
        out.push(format!("{:04}-W{:02}", week.year(), week.week()));
    }
    out
}

/// The whole calendar unit a timex names, as `[start, end)`: a year `2017`, a
/// month `2017-03` or `XXXX-03`, an ISO week `2017-W46`. An open year
/// (`XXXX`) and the week are taken from `anchor`, a resolved day inside the
/// unit.
fn unit_interval(timex: &str, anchor: Date) -> Option<(Date, Date)> {
    let closed = timex.replacen("XXXX", &format!("{:04}", anchor.year()), 1);
    let year: i16 = closed.get(..4)?.parse().ok()?;
    if shaped(&closed, "9999") {
        let start = Date::new(year, 1, 1).ok()?;
        Some((start, add_months(start, 12)))
    } else if shaped(&closed, "9999-99") {
        let start = Date::new(year, closed[5..].parse().ok()?, 1).ok()?;
        Some((start, add_months(start, 1)))
    } else if shaped(&closed, "9999-W99") {
        let back = anchor.weekday().to_monday_one_offset() - 1;
        let monday = (0..back).fold(anchor, |d, _| d.yesterday().expect("date in range"));
        let week = monday.iso_week_date();
        let named = (week.year(), week.week()) == (year, closed[6..].parse().ok()?);
        named.then(|| (monday, add_days(monday, 7)))
    } else {
        None
    }
}

/// Adds the fahras values of one resolution: a day (`date`/`value`), a period
/// (`startDate`..`endDate`, `start`..`end`) or an open period (start or end
/// alone, from `Mod` since/after/before).
///
/// A spelled-out range ("من 4 إلى 22", "من 2014 إلى 2018") ends where the text
/// says, written as that day (`P18D`) or as the start of the next unit
/// (`P4Y`), while a computed period (a decade, "الأشهر الثلاثة القادمة") ends
/// exclusively. The timex does not tell them apart, so for `(start,end,PnU)`
/// both readings are accepted: `end` exclusive, and `end` one unit U later.
///
/// A timex that names a calendar unit also accepts the whole unit when the
/// resolution narrows it: Recognizers resolves "بداية الأسبوع المقبل" (`Mod`
/// start) to Monday–Wednesday and "نهاية شهر مارس" to 16–31 March, while fahras
/// values carry no modifier and name the week or the month.
fn add_resolution(
    out: &mut Vec<String>,
    timex: &str,
    date: Option<&Value>,
    start: Option<&Value>,
    end: Option<&Value>,
) {
    match (resolved(date), resolved(start), resolved(end)) {
        (Some(d), _, _) => out.push(d.to_string()),
        (None, Some(s), Some(e)) => {
            out.extend(interval_forms(s, e));
            if let Some((a, b)) = unit_interval(timex, s) {
                out.extend(interval_forms(a, b));
            }
            if let Some(later) = range_unit(timex).and_then(|u| add_unit(e, u)) {
                out.extend(interval_forms(s, later));
            }
        }
        (None, Some(s), None) => {
            out.push(s.to_string());
            out.push(format!("{s}/.."));
            if let Some((a, b)) = unit_interval(timex, s) {
                out.extend(interval_forms(a, b));
            }
        }
        (None, None, Some(e)) => {
            out.push(format!("../{}", e.yesterday().expect("date in range")));
        }
        (None, None, None) => {}
    }
}

/// The fahras values that agree with one expected Recognizers result, or `None`
/// when it fixes no value (extractor files, "not resolved", seasons, a holiday
/// with no date, an impossible date).
///
/// A single date agrees with any resolved candidate: Recognizers resolves
/// "22 أبريل" (`XXXX-04-22`) both ways, to the past and the future one, and
/// either is right. The timex itself counts when it is ISO (`iso_timex`), and
/// periods map through `interval_forms` and `add_resolution`.
fn accepted_values(result: &Value) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let value = result.get("Value").or_else(|| result.get("Resolution"));
    if let Some(v) = value.filter(|v| v.get("Timex").is_some()) {
        // Parser files: {"Timex", "FutureResolution", "PastResolution"}.
        let timex = v["Timex"].as_str().unwrap_or_default();
        out.extend(iso_timex(timex));
        for res in [&v["FutureResolution"], &v["PastResolution"]] {
            let get = |k: &str| res.get(k);
            add_resolution(
                &mut out,
                timex,
                get("date"),
                get("startDate"),
                get("endDate"),
            );
        }
    } else if let Some(values) = value
        .and_then(|v| v.get("values"))
        .and_then(Value::as_array)
    {
        // Model files: {"values": [{"timex", "value" | "start", "end"}, ...]}.
        for x in values {
            let timex = x["timex"].as_str().unwrap_or_default();
            out.extend(iso_timex(timex));
            add_resolution(
                &mut out,
                timex,
                x.get("value"),
                x.get("start"),
                x.get("end"),
            );
        }
    }
    out.sort();
    out.dedup();
    (!out.is_empty()).then_some(out)
}

/// The timex of a result for display: `XXXX-04-22`, several joined by `|`.
fn timex_label(result: &Value) -> String {
    let value = result.get("Value").or_else(|| result.get("Resolution"));
    let mut out: Vec<&str> = match value {
        Some(Value::Object(o)) if o.contains_key("Timex") => {
            o["Timex"].as_str().into_iter().collect()
        }
        Some(Value::Object(o)) => o
            .get("values")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|x| x["timex"].as_str())
            .collect(),
        _ => Vec::new(),
    };
    out.retain(|t| !t.is_empty());
    out.dedup();
    if out.is_empty() {
        "-".to_owned()
    } else {
        out.join("|")
    }
}

// ---------------------------------------------------------------------------
// Recognizers-Text: reading the specs
// ---------------------------------------------------------------------------

/// Whether a result type is a date: `date`, `daterange` and the Model files'
/// `datetimeV2.date`, `datetimeV2.daterange`. Times, time ranges, datetimes,
/// datetime ranges, durations and sets are not.
fn is_date_type(t: &str) -> bool {
    matches!(
        t,
        "date" | "daterange" | "datetimeV2.date" | "datetimeV2.daterange"
    )
}

/// Where `text` occurs in `input`, in chars: the occurrence nearest `hint` (the
/// spec's own start, off by one or two in some results), or `None` when the
/// spec expects text that is not in its input.
fn locate(input: &str, text: &str, hint: usize) -> Option<(usize, usize)> {
    input
        .match_indices(text)
        .map(|(b, _)| input[..b].chars().count())
        .min_by_key(|c| c.abs_diff(hint))
        .map(|c| (c, c + text.chars().count()))
}

struct Expected {
    /// The expected surface, trimmed.
    text: String,
    /// Its char span in the input, when the text is there at all.
    span: Option<(usize, usize)>,
    timex: String,
    values: Option<Vec<String>>,
}

struct Case {
    file: String,
    input: String,
    reference: Date,
    /// Upstream does not check this case's resolution.
    ignore_resolution: bool,
    /// Every expected result is a date (no time, duration, ... beside it).
    date_only: bool,
    expected: Vec<Expected>,
}

struct Suite {
    /// Every case of every file.
    all: usize,
    /// The cases with at least one date result.
    cases: Vec<Case>,
    /// Cases that expect nothing at all: `(file, input)`.
    negatives: Vec<(String, String)>,
}

fn load_recognizers(dir: &Path) -> Suite {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("read the Recognizers DateTime specs")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 21, "21 DateTime spec files");
    let default_reference = day(RECOGNIZERS_REFERENCE);
    let mut suite = Suite {
        all: 0,
        cases: Vec::new(),
        negatives: Vec::new(),
    };
    for path in files {
        let file = path.file_stem().unwrap().to_string_lossy().into_owned();
        let raw = std::fs::read_to_string(&path).expect("spec is UTF-8");
        let specs: Vec<Value> = serde_json::from_str(raw.trim_start_matches('\u{feff}'))
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for spec in specs {
            suite.all += 1;
            let input = spec["Input"].as_str().expect("Input").to_owned();
            let results = spec["Results"].as_array().expect("Results");
            if results.is_empty() {
                suite.negatives.push((file.clone(), input));
                continue;
            }
            let kind = |r: &Value| {
                r.get("Type")
                    .or_else(|| r.get("TypeName"))
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_owned()
            };
            let expected: Vec<Expected> = results
                .iter()
                .filter(|r| is_date_type(&kind(r)))
                .map(|r| {
                    let text = r["Text"].as_str().expect("Text").trim().to_owned();
                    let hint = r["Start"].as_u64().unwrap_or(0);
                    Expected {
                        span: locate(&input, &text, usize::try_from(hint).unwrap_or(0)),
                        text,
                        timex: timex_label(r),
                        values: accepted_values(r),
                    }
                })
                .collect();
            if expected.is_empty() {
                continue;
            }
            let reference = spec
                .pointer("/Context/ReferenceDateTime")
                .and_then(Value::as_str)
                .and_then(|s| s.get(..10))
                .map_or(default_reference, day);
            suite.cases.push(Case {
                date_only: expected.len() == results.len(),
                ignore_resolution: spec
                    .get("IgnoreResolution")
                    .is_some_and(|v| v.as_bool() == Some(true) || v.as_str() == Some("true")),
                file: file.clone(),
                input,
                reference,
                expected,
            });
        }
    }
    suite
}

// ---------------------------------------------------------------------------
// Recognizers-Text: scoring
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Verdict {
    /// No DATE overlaps the expected text.
    Missed,
    /// A DATE overlaps it with other edges.
    WrongSpan,
    /// The span is right, the value is not.
    WrongValue,
    Right,
}

#[derive(Clone, Copy, Default)]
struct Tally {
    cases: usize,
    span_right: usize,
    value_right: usize,
    results: usize,
    valued: usize,
    unreachable: usize,
}

impl Tally {
    fn add(&mut self, o: Tally) {
        self.cases += o.cases;
        self.span_right += o.span_right;
        self.value_right += o.value_right;
        self.results += o.results;
        self.valued += o.valued;
        self.unreachable += o.unreachable;
    }
}

struct Miss<'a> {
    verdict: Verdict,
    case: &'a Case,
    expected: &'a Expected,
    got: String,
}

/// Whether fahras' span and the suite's expected text name the same
/// expression under ANNOTATION.md's span rules: the suite keeps introducers
/// ("في", "من" of "من 4 حتى 23", "يوم" before a date) inside its spans, and
/// drops "يوم" before a weekday, which ANNOTATION.md keeps; compare without them.
/// The prepositions of relation ("قبل 1/1/2016", "منذ أغسطس", "بين 4 و 8
/// سبتمبر", "حتى عام 2012") are introducers too: fahras' DATE is the date, the
/// preposition says how an event relates to it.
fn same_span(ours: &str, theirs: &str) -> bool {
    fn core(s: &str) -> &str {
        let mut s = s
            .trim()
            .trim_end_matches(['.', '،', ',', '؟', '?', '!'])
            .trim();
        loop {
            let before = s;
            for intro in [
                "في ",
                "من ",
                "يوم ",
                "يومي ",
                "ما بين ",
                "بين ",
                "قبل ",
                "بعد ",
                "منذ ",
                "حتى ",
                "إلى ",
                "ابتداء من ",
                "ل",
                "ب",
            ] {
                if let Some(rest) = s.strip_prefix(intro)
                    && (intro.ends_with(' ') || rest.starts_with("يوم "))
                {
                    s = rest.trim_start();
                }
            }
            if s == before {
                return s;
            }
        }
    }
    // The suite's texts are sometimes folded where its inputs are not
    // ("هذا الاسبوع" for "هذا الأسبوع"): compare as the search profile folds.
    static SEARCH: std::sync::LazyLock<fahras_core::Analyzer> =
        std::sync::LazyLock::new(|| fahras_core::Analyzer::new(fahras_core::Profile::Search));
    let fold = |s: &str| SEARCH.normalize(s);
    fold(core(ours)) == fold(core(theirs))
}

#[test]
fn span_conventions_are_mapped() {
    assert!(same_span(
        "يوم الاثنين 12 يناير 2016",
        "الاثنين 12 يناير 2016"
    ));
    assert!(same_span(
        "4 حتى 23 من هذا الشهر",
        "من 4 حتى 23 من هذا الشهر"
    ));
    assert!(same_span("22 أبريل", "في 22 أبريل"));
    assert!(same_span("1/1/2016", "قبل 1/1/2016"));
    assert!(same_span("4 سبتمبر و 8 سبتمبر", "بين 4 سبتمبر و 8 سبتمبر"));
    assert!(!same_span("22 أبريل", "22 أبريل 2016"));
}

/// Judges each expected result of `case` against fahras' DATE entities, pairing
/// each with a distinct entity of the same (trimmed) text. Returns the verdicts
/// and how many entities neither matched nor overlap an expected result.
fn judge(case: &Case, found: &[Entity]) -> (Vec<Verdict>, usize) {
    let mut used = vec![false; found.len()];
    let verdicts = case
        .expected
        .iter()
        .map(|exp| {
            let hit = (0..found.len())
                .find(|&i| !used[i] && same_span(found[i].text(&case.input), &exp.text));
            if let Some(i) = hit {
                used[i] = true;
                let value = found[i].value.as_deref();
                match &exp.values {
                    Some(ok) if !value.is_some_and(|v| ok.iter().any(|x| x == v)) => {
                        Verdict::WrongValue
                    }
                    _ => Verdict::Right,
                }
            } else {
                let overlaps = exp.span.is_some_and(|(s, e)| {
                    found
                        .iter()
                        .any(|f| (f.chars.start as usize) < e && s < f.chars.end as usize)
                });
                if overlaps {
                    Verdict::WrongSpan
                } else {
                    Verdict::Missed
                }
            }
        })
        .collect();
    let stray = found
        .iter()
        .zip(&used)
        .filter(|(f, used)| {
            !**used
                && !case.expected.iter().any(|exp| {
                    exp.span.is_some_and(|(s, e)| {
                        (f.chars.start as usize) < e && s < f.chars.end as usize
                    })
                })
        })
        .count();
    (verdicts, stray)
}

fn describe(found: &[Entity], text: &str) -> String {
    if found.is_empty() {
        return "nothing".to_owned();
    }
    let all: Vec<String> = found
        .iter()
        .map(|e| {
            format!(
                "«{}»={}",
                e.text(text),
                e.value.as_deref().unwrap_or("null")
            )
        })
        .collect();
    all.join("; ")
}

struct RecognizersRun {
    report: String,
    span_and_value_share: f64,
}

fn run_recognizers(suite: &Suite) -> RecognizersRun {
    let ex = date_extractor();
    let mut per_file: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut misses: Vec<Miss> = Vec::new();
    let (mut spurious, mut value_misses, mut ignored_value_misses) = (0, 0, 0);
    for case in &suite.cases {
        let found = dates(&ex, &case.input, case.reference);
        let (verdicts, unmatched) = judge(case, &found);
        if case.date_only {
            spurious += unmatched;
        }
        let t = per_file.entry(&case.file).or_default();
        t.cases += 1;
        t.span_right += usize::from(verdicts.iter().all(|v| *v >= Verdict::WrongValue));
        t.value_right += usize::from(verdicts.iter().all(|v| *v == Verdict::Right));
        t.results += case.expected.len();
        t.valued += case.expected.iter().filter(|e| e.values.is_some()).count();
        t.unreachable += case.expected.iter().filter(|e| e.span.is_none()).count();
        for (&verdict, expected) in verdicts.iter().zip(&case.expected) {
            if verdict == Verdict::WrongValue {
                value_misses += 1;
                ignored_value_misses += usize::from(case.ignore_resolution);
            }
            if verdict != Verdict::Right {
                let got = describe(&found, &case.input);
                misses.push(Miss {
                    verdict,
                    case,
                    expected,
                    got,
                });
            }
        }
    }
    let negatives_hit: Vec<&(String, String)> = suite
        .negatives
        .iter()
        .filter(|(_, input)| !dates(&ex, input, day(RECOGNIZERS_REFERENCE)).is_empty())
        .collect();

    let mut total = Tally::default();
    let mut r = String::new();
    let results: usize = suite.cases.iter().map(|c| c.expected.len()).sum();
    let _ = writeln!(
        r,
        "\nRecognizers-Text Arabic DateTime specs: {} cases, {} with a date/daterange result \
         ({results} results); reference: the case's ReferenceDateTime, else {RECOGNIZERS_REFERENCE}",
        suite.all,
        suite.cases.len(),
    );
    let _ = writeln!(
        r,
        "{:<26} {:>6} {:>6} {:>9} {:>8} {:>7} {:>12}",
        "file", "cases", "span", "span+val", "results", "valued", "unreachable"
    );
    for (file, t) in &per_file {
        total.add(*t);
        let _ = writeln!(
            r,
            "{file:<26} {:>6} {:>6} {:>9} {:>8} {:>7} {:>12}",
            t.cases, t.span_right, t.value_right, t.results, t.valued, t.unreachable
        );
    }
    let span_share = share(total.span_right, total.cases);
    let value_share = share(total.value_right, total.cases);
    let _ = writeln!(
        r,
        "{:<26} {:>6} {:>6} {:>9} {:>8} {:>7} {:>12}",
        "TOTAL",
        total.cases,
        total.span_right,
        total.value_right,
        total.results,
        total.valued,
        total.unreachable
    );
    let _ = writeln!(
        r,
        "span right: {span_share:.3}   span and value right: {value_share:.3}   \
         (a case is right when all its date results are; `valued` results carry a value to check; \
         `unreachable` ones expect text absent from the input)"
    );
    let _ = writeln!(
        r,
        "wrong values: {value_misses}, of which {ignored_value_misses} in cases upstream flags \
         IgnoreResolution; DATEs overlapping no expected text in date-only cases: {spurious}; \
         cases expecting nothing where fahras finds a DATE: {} of {}",
        negatives_hit.len(),
        suite.negatives.len()
    );
    for (file, input) in &negatives_hit {
        let _ = writeln!(r, "  spurious in {file}: {input}");
    }
    write_misses(&mut r, misses);
    RecognizersRun {
        report: r,
        span_and_value_share: value_share,
    }
}

/// Misses, one per input and expected text, taking the files and the kinds of
/// miss in turn (nothing found, a wrong span, a wrong value) so that each kind
/// of expression shows: first the first of each, then the second, ...
fn write_misses(r: &mut String, mut misses: Vec<Miss>) {
    let mut seen = HashSet::new();
    misses.retain(|m| seen.insert((m.case.input.as_str(), m.expected.text.as_str())));
    let total = misses.len();
    let mut rank: BTreeMap<(Verdict, &str), usize> = BTreeMap::new();
    let mut keyed: Vec<((usize, Verdict, &str), Miss)> = misses
        .into_iter()
        .map(|m| {
            let n = rank.entry((m.verdict, m.case.file.as_str())).or_default();
            *n += 1;
            ((*n, m.verdict, m.case.file.as_str()), m)
        })
        .collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    // `FAHRAS_MISSES=N` shows more (or all) of them while working on the grammar.
    let shown = std::env::var("FAHRAS_MISSES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(MISSES_SHOWN);
    let _ = writeln!(r, "{} of {total} distinct misses:", shown.min(total));
    for (_, m) in keyed.iter().take(shown) {
        let values = m.expected.values.as_ref().map_or_else(
            || "-".to_owned(),
            |v| v.iter().take(4).cloned().collect::<Vec<_>>().join(" "),
        );
        let _ = writeln!(
            r,
            "  [{:?}] {} | {} | expected «{}» timex {} (accepts {values}) | fahras: {}",
            m.verdict, m.case.file, m.case.input, m.expected.text, m.expected.timex, m.got
        );
    }
}

#[test]
#[allow(clippy::print_stderr)] // the table is the point: run with `-- --nocapture`
fn recognizers_text_date_cases() {
    let Some(shared) = shared() else { return };
    let suite = load_recognizers(&shared.join("corpus/recognizers_text_arabic_datetime/DateTime"));
    assert_eq!(
        suite.all, 1590,
        "the corpus README counts 1,590 date/time cases"
    );
    // Cases with a result of type date or daterange (datetimeV2.* in the Model files).
    assert_eq!(suite.cases.len(), 795);
    let run = run_recognizers(&suite);
    eprintln!("{}", run.report);
    assert!(
        run.span_and_value_share >= RECOGNIZERS_FLOOR,
        "span and value right in {:.3} of the Recognizers date cases, below the floor {RECOGNIZERS_FLOOR}",
        run.span_and_value_share
    );
}

// ---------------------------------------------------------------------------
// HeidelTime TimeML
// ---------------------------------------------------------------------------

/// A TIMEX3 tag of a TimeML file.
struct Timex {
    /// `DATE`, `TIME`, `DURATION` or `SET`.
    kind: String,
    value: String,
    /// Char offsets into the stripped, decoded text.
    start: u32,
    end: u32,
    text: String,
}

struct TimeMl {
    id: String,
    text: String,
    timexes: Vec<Timex>,
}

/// `s` with the XML entities decoded: the five named ones and numeric
/// references. Anything else is kept as written.
fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let decoded = rest.find(';').and_then(|j| {
            let c = match &rest[1..j] {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                n => n
                    .strip_prefix("#x")
                    .or_else(|| n.strip_prefix("#X"))
                    .map_or_else(
                        || n.strip_prefix('#').and_then(|d| d.parse().ok()),
                        |h| u32::from_str_radix(h, 16).ok(),
                    )
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, j + 1))
        });
        if let Some((c, len)) = decoded {
            out.push(c);
            rest = &rest[len..];
        } else {
            out.push('&');
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out
}

/// The value of attribute `name` in a start tag's text.
fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let from = tag.find(&key)? + key.len();
    let len = tag[from..].find('"')?;
    Some(decode_entities(&tag[from..from + len]))
}

/// The text between `<TimeML>` and `</TimeML>` with its tags stripped and its
/// entities decoded, and the TIMEX3 tags with char offsets into that text. The
/// line break and byte-order mark before the text and the space after it are
/// left out. Any tag but TIMEX3 inside, or TIMEX3 nesting, is an error.
fn parse_timeml(id: &str, xml: &str) -> TimeMl {
    let body = xml
        .split_once("<TimeML>")
        .and_then(|(_, b)| b.rsplit_once("</TimeML>"))
        .map_or_else(|| panic!("{id}: no <TimeML> element"), |(b, _)| b);
    let mut rest = body.trim_start_matches(['\n', '\r', ' ', '\u{feff}']);
    let mut text = String::new();
    let mut chars = 0u32;
    let mut open: Option<(String, u32)> = None;
    let mut timexes = Vec::new();
    while let Some(lt) = rest.find('<') {
        let chunk = decode_entities(&rest[..lt]);
        chars += chunk.chars().count() as u32;
        text.push_str(&chunk);
        let gt = rest[lt..].find('>').map(|g| lt + g).expect("tag ends");
        let tag = &rest[lt + 1..gt];
        if tag.starts_with("TIMEX3 ") {
            assert!(open.is_none(), "{id}: nested TIMEX3");
            open = Some((tag.to_owned(), chars));
        } else if tag == "/TIMEX3" {
            let (start_tag, start) = open.take().expect("TIMEX3 closes what opened");
            let surface: String = text.chars().skip(start as usize).collect();
            timexes.push(Timex {
                kind: attr(&start_tag, "type").expect("TIMEX3 type"),
                value: attr(&start_tag, "value").expect("TIMEX3 value"),
                start,
                end: chars,
                text: surface,
            });
        } else {
            panic!("{id}: unexpected tag <{tag}>");
        }
        rest = &rest[gt + 1..];
    }
    text.push_str(&decode_entities(rest));
    text.truncate(text.trim_end().len());
    TimeMl {
        id: id.to_owned(),
        text,
        timexes,
    }
}

/// The documents of the HeidelTime test corpus in file order (`doc1`, `doc2`,
/// ...), a document whose content repeats an earlier one left out.
fn load_timeml(dir: &Path) -> Vec<TimeMl> {
    let mut files: Vec<(u32, std::path::PathBuf)> = std::fs::read_dir(dir)
        .expect("read the HeidelTime corpus")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "tml"))
        .map(|p| {
            let stem = p.file_stem().unwrap().to_string_lossy();
            let n = stem.trim_start_matches("doc").parse().expect("docN.tml");
            (n, p)
        })
        .collect();
    files.sort();
    assert_eq!(files.len(), 50, "50 .tml files");
    let mut seen = HashSet::new();
    files
        .into_iter()
        .filter_map(|(n, p)| {
            let xml = std::fs::read_to_string(&p).expect("TimeML is UTF-8");
            seen.insert(xml.clone())
                .then(|| parse_timeml(&format!("doc{n}"), &xml))
        })
        .collect()
}

/// The gold value of a TIMEX3 in fahras terms: a TIME's date
/// (`2015-12-20TNI` → `2015-12-20`); none for the references that name no
/// date (`PRESENT_REF`, `PAST_REF`, `FUTURE_REF`, `UNDEF-…`); otherwise the
/// value as tagged (`2015-12-22`, `2015-12`, `2015`, `2015-W53`, `197`, `19`,
/// `2015-SU`).
fn timeml_value(kind: &str, value: &str) -> Option<String> {
    if value.ends_with("_REF") || value.starts_with("UNDEF") {
        return None;
    }
    if kind == "TIME" {
        return value.split_once('T').map(|(d, _)| d.to_owned());
    }
    Some(value.to_owned())
}

/// Gold documents whose TIMEX3 of the given types are DATE mentions.
fn timeml_gold(docs: &[TimeMl], kinds: &[&str]) -> Vec<AnnotatedDoc> {
    docs.iter()
        .map(|d| {
            let mentions = d
                .timexes
                .iter()
                .filter(|t| kinds.contains(&t.kind.as_str()))
                .map(|t| {
                    let value = timeml_value(&t.kind, &t.value).map(Value::String);
                    Mention::new("DATE", t.start, t.end, value)
                })
                .collect();
            AnnotatedDoc::new(&d.id, mentions)
        })
        .collect()
}

fn overlaps(a: &Mention, b: &Mention) -> bool {
    a.start < b.end && b.start < a.end
}

/// Up to 20 (`FAHRAS_MISSES`) gold TIMEX3 that no prediction overlaps and as many predictions that no
/// gold TIMEX3 overlaps (the silver is partial: some of these are real dates).
fn write_timeml_misses(
    r: &mut String,
    docs: &[TimeMl],
    gold: &[AnnotatedDoc],
    pred: &[AnnotatedDoc],
) {
    let surface = |d: &TimeMl, m: &Mention| -> String {
        d.text
            .chars()
            .skip(m.start as usize)
            .take((m.end - m.start) as usize)
            .collect()
    };
    let shown = std::env::var("FAHRAS_MISSES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);
    let (mut missed, mut extra) = (Vec::new(), Vec::new());
    for ((d, g), p) in docs.iter().zip(gold).zip(pred) {
        for m in g
            .entities
            .iter()
            .filter(|m| !p.entities.iter().any(|x| overlaps(m, x)))
        {
            missed.push(format!("{} «{}» {:?}", d.id, surface(d, m), m.value));
        }
        for m in p
            .entities
            .iter()
            .filter(|m| !g.entities.iter().any(|x| overlaps(m, x)))
        {
            extra.push(format!("{} «{}» {:?}", d.id, surface(d, m), m.value));
        }
    }
    let _ = writeln!(
        r,
        "gold DATEs no prediction overlaps: {} (first {shown})",
        missed.len()
    );
    for m in missed.iter().take(shown) {
        let _ = writeln!(r, "  {m}");
    }
    let _ = writeln!(
        r,
        "predictions overlapping no gold DATE/TIME: {} (first {shown})",
        extra.len()
    );
    for m in extra.iter().take(shown) {
        let _ = writeln!(r, "  {m}");
    }
}

#[test]
#[allow(clippy::print_stderr)] // the table is the point: run with `-- --nocapture`
fn heideltime_silver_relaxed_f1() {
    let Some(shared) = shared() else { return };
    let docs = load_timeml(&shared.join("corpus/heideltime_arabic_news_timeml/Corpus_test"));
    // doc18 = doc19 and doc7 = doc8, byte for byte.
    assert_eq!(docs.len(), 48);
    let count = |kind: &str| -> usize {
        docs.iter()
            .map(|d| d.timexes.iter().filter(|t| t.kind == kind).count())
            .sum()
    };
    // 188 DATE and 6 TIME over the 50 files; the duplicates hold 7 and 1.
    assert_eq!((count("DATE"), count("TIME")), (181, 5));
    for t in docs.iter().flat_map(|d| &d.timexes) {
        assert_eq!(
            t.text.chars().count(),
            (t.end - t.start) as usize,
            "offsets index the stripped text"
        );
        if t.text == "اليوم" {
            assert_eq!(t.value, HEIDELTIME_PUBLISHED, "HeidelTime's reference date");
        }
    }

    let published = day(HEIDELTIME_PUBLISHED);
    let ex = date_extractor();
    let pred: Vec<AnnotatedDoc> = docs
        .iter()
        .map(|d| {
            let mentions = dates(&ex, &d.text, published)
                .into_iter()
                .map(|e| {
                    Mention::new(
                        "DATE",
                        e.chars.start,
                        e.chars.end,
                        e.value.map(Value::String),
                    )
                })
                .collect();
            AnnotatedDoc::new(&d.id, mentions)
        })
        .collect();
    let date_gold = timeml_gold(&docs, &["DATE"]);
    let date_time_gold = timeml_gold(&docs, &["DATE", "TIME"]);

    let mut r = String::new();
    let _ = writeln!(
        r,
        "\nHeidelTime Arabic news (silver), {} documents, published = {HEIDELTIME_PUBLISHED}",
        docs.len()
    );
    let _ = writeln!(
        r,
        "{:<10} {:>5} {:>5}  {:>6} {:>6} {:>6}  {:>6}  {:>6}",
        "gold", "gold", "pred", "rel.P", "rel.R", "rel.F1", "ex.F1", "value"
    );
    let mut relaxed_f1 = 0.0;
    for (label, gold) in [("DATE", &date_gold), ("DATE+TIME", &date_time_gold)] {
        let report = score(gold, &pred, &ScoreOptions::default());
        let k = report.kind("DATE").expect("the gold has dates");
        let exact = k.exact.map_or(0.0, |e| e.f1);
        let value = k.value.map_or_else(
            || "-".to_owned(),
            |v| format!("{:.3} ({}/{})", v.accuracy, v.correct, v.matched),
        );
        let _ = writeln!(
            r,
            "{label:<10} {:>5} {:>5}  {:>6.3} {:>6.3} {:>6.3}  {exact:>6.3}  {value}",
            k.gold, k.predicted, k.relaxed.precision, k.relaxed.recall, k.relaxed.f1
        );
        if label == "DATE" {
            relaxed_f1 = k.relaxed.f1;
        }
    }
    write_timeml_misses(&mut r, &docs, &date_gold, &pred);
    eprintln!("{r}");
    assert!(
        relaxed_f1 >= HEIDELTIME_FLOOR,
        "relaxed DATE F1 {relaxed_f1:.3} on the HeidelTime silver, below the floor {HEIDELTIME_FLOOR}"
    );
}

// ---------------------------------------------------------------------------
// The mapping rules themselves
// ---------------------------------------------------------------------------

#[test]
fn a_single_date_accepts_its_timex_or_either_resolution() {
    let full = serde_json::json!({"Value": {"Timex": "2016-11-22",
        "FutureResolution": {"date": "2016-11-22"}, "PastResolution": {"date": "2016-11-22"}}});
    assert_eq!(accepted_values(&full), Some(vec!["2016-11-22".to_owned()]));
    let no_year = serde_json::json!({"Value": {"Timex": "XXXX-04-22",
        "FutureResolution": {"date": "2017-04-22"}, "PastResolution": {"date": "2016-04-22"}}});
    assert_eq!(
        accepted_values(&no_year),
        Some(vec!["2016-04-22".to_owned(), "2017-04-22".to_owned()])
    );
    let model = serde_json::json!({"Resolution": {"values": [
        {"timex": "XXXX-10-02", "type": "date", "value": "2016-10-02"},
        {"timex": "XXXX-10-02", "type": "date", "value": "2017-10-02"}]}});
    assert_eq!(
        accepted_values(&model),
        Some(vec!["2016-10-02".to_owned(), "2017-10-02".to_owned()])
    );
}

#[test]
fn results_without_a_value_are_not_checked() {
    for r in [
        serde_json::json!({"Text": "15", "Type": "date"}),
        serde_json::json!({"Resolution": "not resolved"}),
        serde_json::json!({"Value": {"Timex": "2016-SU", "FutureResolution": {}, "PastResolution": {}}}),
        serde_json::json!({"Value": {"Timex": "", "FutureResolution": {"date": "0001-01-01"},
            "PastResolution": {"date": "0001-01-01"}}}),
        serde_json::json!({"Value": {"Timex": "2016-11-31", "FutureResolution": {"date": "0001-01-01"},
            "PastResolution": {"date": "0001-01-01"}}}),
    ] {
        assert_eq!(accepted_values(&r), None, "{r}");
    }
}

#[test]
fn periods_map_to_months_weeks_and_inclusive_day_ranges() {
    let month = serde_json::json!({"Value": {"Timex": "XXXX-07",
        "FutureResolution": {"startDate": "2017-07-01", "endDate": "2017-08-01"},
        "PastResolution": {"startDate": "2016-07-01", "endDate": "2016-08-01"}}});
    let ok = accepted_values(&month).unwrap();
    assert!(ok.contains(&"2016-07".to_owned()) && ok.contains(&"2017-07".to_owned()));
    assert!(ok.contains(&"2016-07-01/2016-07-31".to_owned()));

    let week = serde_json::json!({"Value": {"Timex": "(2016-11-01,2016-11-08,P7D)",
        "FutureResolution": {"startDate": "2016-11-01", "endDate": "2016-11-08"},
        "PastResolution": {"startDate": "2016-11-01", "endDate": "2016-11-08"}}});
    let ok = accepted_values(&week).unwrap();
    assert!(ok.contains(&"2016-11-01/2016-11-07".to_owned()), "{ok:?}");
    // "من 1 إلى 8": the end the text names.
    assert!(ok.contains(&"2016-11-01/2016-11-08".to_owned()), "{ok:?}");

    let iso_week = interval_forms(day("2016-11-07"), day("2016-11-14"));
    assert_eq!(iso_week, ["2016-11-07/2016-11-13", "2016-W45"]);
    assert_eq!(
        interval_forms(day("2016-07-01"), day("2016-10-01")),
        ["2016-07-01/2016-09-30", "2016-07/2016-09", "2016-Q3"]
    );
    assert_eq!(
        interval_forms(day("1970-01-01"), day("1980-01-01")),
        [
            "1970-01-01/1979-12-31",
            "1970-01/1979-12",
            "1970/1979",
            "197"
        ]
    );
    assert_eq!(
        interval_forms(day("2016-11-13"), day("2016-11-13")),
        ["2016-11-13"]
    );

    // "من 2014 إلى 2018" is (2014-01-01,2018-01-01,P4Y): 2014/2017 or 2014/2018.
    let years = serde_json::json!({"Value": {"Timex": "(2014-01-01,2018-01-01,P4Y)",
        "FutureResolution": {"startDate": "2014-01-01", "endDate": "2018-01-01"},
        "PastResolution": {"startDate": "2014-01-01", "endDate": "2018-01-01"}}});
    let ok = accepted_values(&years).unwrap();
    assert!(ok.contains(&"2014/2017".to_owned()) && ok.contains(&"2014/2018".to_owned()));
}

#[test]
fn a_narrowed_unit_also_accepts_the_whole_unit() {
    // "بداية الأسبوع المقبل", reference 2017-11-08.
    let start_of_week = serde_json::json!({"Value": {"Timex": "2017-W46", "Mod": "start",
        "FutureResolution": {"startDate": "2017-11-13", "endDate": "2017-11-16"},
        "PastResolution": {"startDate": "2017-11-13", "endDate": "2017-11-16"}}});
    let ok = accepted_values(&start_of_week).unwrap();
    assert!(ok.contains(&"2017-11-13/2017-11-15".to_owned()), "{ok:?}");
    assert!(ok.contains(&"2017-11-13/2017-11-19".to_owned()), "{ok:?}");
    // "نهاية شهر مارس".
    let end_of_march = serde_json::json!({"Value": {"Timex": "XXXX-03", "Mod": "end",
        "FutureResolution": {"startDate": "2018-03-16", "endDate": "2018-04-01"},
        "PastResolution": {"startDate": "2017-03-16", "endDate": "2017-04-01"}}});
    let ok = accepted_values(&end_of_march).unwrap();
    assert!(ok.contains(&"2018-03".to_owned()) && ok.contains(&"2017-03".to_owned()));
    assert_eq!(
        unit_interval("2017-W46", day("2017-11-16")),
        Some((day("2017-11-13"), day("2017-11-20")))
    );
    assert_eq!(unit_interval("2017-W47", day("2017-11-16")), None);
    assert_eq!(
        unit_interval("2018", day("2018-01-01")),
        Some((day("2018-01-01"), day("2019-01-01")))
    );
    assert_eq!(unit_interval("XXXX-WXX-5", day("2016-11-11")), None);
}

#[test]
fn open_periods_accept_their_anchor() {
    let since = serde_json::json!({"Resolution": {"values": [
        {"timex": "2016-11-08", "Mod": "since", "type": "daterange", "start": "2016-11-08"}]}});
    assert_eq!(
        accepted_values(&since),
        Some(vec!["2016-11-08".to_owned(), "2016-11-08/..".to_owned()])
    );
    let before = serde_json::json!({"Value": {"values": [
        {"timex": "2020", "Mod": "before", "type": "daterange", "end": "2020-01-01"}]}});
    assert_eq!(
        accepted_values(&before),
        Some(vec!["../2019-12-31".to_owned(), "2020".to_owned()])
    );
}

#[test]
fn iso_timexes_and_date_arithmetic() {
    for ok in ["2016", "2016-11", "2016-11-22", "2016-W45"] {
        assert_eq!(iso_timex(ok).as_deref(), Some(ok));
    }
    for not in [
        "XXXX-10-02",
        "2016-W45-WE",
        "2016-SU",
        "2016-13",
        "2016-11-31",
        "SU",
        "(2016-11-04,2016-11-22,P18D)",
    ] {
        assert_eq!(iso_timex(not), None, "{not}");
    }
    assert_eq!(range_unit("(2016-11-04,2016-11-22,P18D)"), Some('D'));
    assert_eq!(range_unit("2016-11"), None);
    assert_eq!(add_months(day("2016-01-31"), 1), day("2016-02-29"));
    assert_eq!(add_months(day("2016-12-01"), 1), day("2017-01-01"));
    assert_eq!(add_unit(day("2016-11-22"), 'W'), Some(day("2016-11-29")));
    assert_eq!(
        resolved(Some(&"2016-11-04 12:30:00".into())),
        Some(day("2016-11-04"))
    );
    assert_eq!(resolved(Some(&"0001-01-01".into())), None);
}

#[test]
fn located_text_is_the_occurrence_nearest_the_hint() {
    let input = "اليوم وليس اليوم";
    assert_eq!(locate(input, "اليوم", 0), Some((0, 5)));
    assert_eq!(locate(input, "اليوم", 10), Some((11, 16)));
    assert_eq!(locate(input, "غدا", 0), None);
}

#[test]
fn timeml_is_stripped_with_char_offsets_and_decoded_entities() {
    let xml = "<?xml version=\"1.0\"?>\n<TimeML>\n\u{feff}قال &amp; أكد \
               <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2015-12-22\">الثلاثاء</TIMEX3> \
               إن &lt;المعرض&gt; <TIMEX3 tid=\"t2\" type=\"TIME\" value=\"2015-12-20TNI\">مساء الاحد</TIMEX3>.\n</TimeML>\n";
    let doc = parse_timeml("d", xml);
    assert_eq!(doc.text, "قال & أكد الثلاثاء إن <المعرض> مساء الاحد.");
    let spans: Vec<_> = doc.timexes.iter().map(|t| (t.start, t.end)).collect();
    assert_eq!(spans, [(10, 18), (31, 41)]);
    for t in &doc.timexes {
        let s: String = doc
            .text
            .chars()
            .skip(t.start as usize)
            .take((t.end - t.start) as usize)
            .collect();
        assert_eq!(s, t.text);
    }
    assert_eq!(doc.timexes[1].kind, "TIME");
    assert_eq!(decode_entities("a&#x41;&#66;&bogus;&"), "aAB&bogus;&");
}

#[test]
fn timeml_values_become_fahras_values() {
    assert_eq!(
        timeml_value("DATE", "2015-12-22").as_deref(),
        Some("2015-12-22")
    );
    assert_eq!(
        timeml_value("TIME", "2015-12-20TNI").as_deref(),
        Some("2015-12-20")
    );
    assert_eq!(timeml_value("DATE", "PRESENT_REF"), None);
    assert_eq!(timeml_value("DATE", "UNDEF-REF-quarter"), None);
    assert_eq!(timeml_value("DATE", "197").as_deref(), Some("197"));
}
