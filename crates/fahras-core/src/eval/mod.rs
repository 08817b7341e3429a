//! Scoring predictions against gold annotations, as ANNOTATION.md defines it.
//!
//! Per kind: precision, recall and F1 in two modes, **exact** (same start and
//! end) and **relaxed** (spans overlap). Both match one-to-one: each gold
//! entity pairs with at most one prediction and each prediction counts once
//! (a maximum bipartite matching, see `matching`). For kinds with values
//! (`DATE`) also the share of relaxed-matched pairs whose `value` agrees.
//! `MEETING` and `DIRECTIVE` are clauses whose exact edges are a matter of
//! taste, so they are scored relaxed only.
//!
//! Kinds are plain labels here, so the same scorer serves the gold format of
//! DESIGN.md and CoNLL corpora with their own label sets ([`conll`]).
//!
//! ```
//! use fahras_core::eval::{AnnotatedDoc, Mention, ScoreOptions, score};
//!
//! let date = |start, end, value: &str| Mention::new("DATE", start, end, Some(value.into()));
//! let gold = vec![AnnotatedDoc::new("d1", vec![date(0, 10, "2020-05-05")])];
//! let pred = vec![AnnotatedDoc::new("d1", vec![date(2, 10, "2020-05-05")])];
//! let report = score(&gold, &pred, &ScoreOptions::default());
//! let dates = report.kind("DATE").unwrap();
//! assert_eq!(dates.exact.unwrap().f1, 0.0);
//! assert_eq!(dates.relaxed.f1, 1.0);
//! assert_eq!(dates.value.unwrap().accuracy, 1.0);
//! ```

mod attrs;
pub mod conll;
mod matching;

pub use attrs::{AttrCheck, AttrMatch, AttrScore, same_name};

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::io::BufRead;

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind, Result};

/// One annotated or predicted entity, as the scorer sees it.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Mention {
    /// The label (`DATE`, `ORG`, ... or a CoNLL label).
    pub kind: String,
    /// First code point.
    pub start: u32,
    /// One past the last code point.
    pub end: u32,
    /// The normalized value, if any; compared as JSON.
    #[serde(default)]
    pub value: Option<serde_json::Value>,
    /// Kind-specific attributes, compared where [`ScoreOptions::attrs`] says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attrs: Option<serde_json::Map<String, serde_json::Value>>,
}

impl Mention {
    /// A mention of `kind` over `start..end`.
    pub fn new(kind: &str, start: u32, end: u32, value: Option<serde_json::Value>) -> Self {
        Self {
            kind: kind.to_owned(),
            start,
            end,
            value,
            attrs: None,
        }
    }

    /// The same mention with attributes.
    #[must_use]
    pub fn with_attrs(self, attrs: serde_json::Map<String, serde_json::Value>) -> Self {
        Self {
            attrs: Some(attrs),
            ..self
        }
    }

    fn attr(&self, name: &str) -> Option<&serde_json::Value> {
        self.attrs.as_ref()?.get(name).filter(|v| !v.is_null())
    }

    fn span(&self) -> matching::Span {
        (self.start, self.end)
    }
}

/// A document's mentions: one line of a gold file or of `fahras extract` output.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct AnnotatedDoc {
    /// The document id that pairs gold and prediction.
    pub id: String,
    /// Its entities; other fields of the line are ignored.
    #[serde(default)]
    pub entities: Vec<Mention>,
}

impl AnnotatedDoc {
    /// A document `id` with `entities`.
    pub fn new(id: &str, entities: Vec<Mention>) -> Self {
        Self {
            id: id.to_owned(),
            entities,
        }
    }
}

/// Read a JSON Lines file of [`AnnotatedDoc`]s (gold or predictions).
///
/// Blank lines are skipped. A line that does not parse, a reversed span or a
/// repeated id is an error naming the line: a scorer that skipped lines would
/// report a score for data it did not read.
pub fn read_jsonl(reader: impl BufRead) -> Result<Vec<AnnotatedDoc>> {
    let mut docs = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, line) in reader.lines().enumerate() {
        let n = i + 1;
        let line =
            line.map_err(|e| Error::with_source(ErrorKind::Io, format_args!("line {n}"), e))?;
        if line.trim().is_empty() {
            continue;
        }
        let doc: AnnotatedDoc = serde_json::from_str(&line).map_err(|e| {
            let message = format!("line {n}: {e}");
            Error::with_source(ErrorKind::InvalidAnnotation { line: n }, message, e)
        })?;
        if let Some(m) = doc.entities.iter().find(|m| m.end < m.start) {
            return Err(Error::new(
                ErrorKind::InvalidAnnotation { line: n },
                format_args!(
                    "line {n}: {} span {}..{} is reversed",
                    m.kind, m.start, m.end
                ),
            ));
        }
        if let Some(first) = seen.insert(doc.id.clone(), n) {
            return Err(Error::new(
                ErrorKind::InvalidAnnotation { line: n },
                format_args!(
                    "line {n}: document id `{}` already used on line {first}",
                    doc.id
                ),
            ));
        }
        docs.push(doc);
    }
    Ok(docs)
}

/// How to score.
#[derive(Clone, Debug)]
pub struct ScoreOptions {
    /// Kinds scored in relaxed mode only.
    pub relaxed_only: BTreeSet<String>,
    /// Kinds whose matched values are compared.
    pub value_kinds: BTreeSet<String>,
    /// Attributes compared on matched pairs.
    pub attrs: Vec<AttrCheck>,
}

impl Default for ScoreOptions {
    /// ANNOTATION.md: MEETING and DIRECTIVE relaxed only; values for DATE;
    /// a directive's actor and deadline and a meeting's body compared.
    fn default() -> Self {
        Self {
            relaxed_only: ["MEETING", "DIRECTIVE"].map(String::from).into(),
            value_kinds: ["DATE"].map(String::from).into(),
            attrs: vec![
                AttrCheck::new("DIRECTIVE", "actor", AttrMatch::Name),
                AttrCheck::new("DIRECTIVE", "deadline", AttrMatch::Exact),
                AttrCheck::new("MEETING", "body", AttrMatch::Name),
            ],
        }
    }
}

/// Precision, recall and F1 of one mode.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Prf {
    /// Matched pairs.
    pub true_positives: usize,
    /// `true_positives / predicted`, 0 when nothing was predicted.
    pub precision: f64,
    /// `true_positives / gold`, 0 when there is no gold.
    pub recall: f64,
    /// Harmonic mean of precision and recall, 0 when both are 0.
    pub f1: f64,
}

impl Prf {
    /// Scores from counts.
    #[allow(clippy::cast_precision_loss)] // counts far below 2^52
    pub fn new(true_positives: usize, gold: usize, predicted: usize) -> Self {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let precision = ratio(true_positives, predicted);
        let recall = ratio(true_positives, gold);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Self {
            true_positives,
            precision,
            recall,
            f1,
        }
    }
}

/// Value agreement over matched pairs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct ValueScore {
    /// Relaxed-matched pairs.
    pub matched: usize,
    /// Pairs whose values are equal (both absent counts as equal).
    pub correct: usize,
    /// `correct / matched`, 0 when nothing matched.
    pub accuracy: f64,
}

/// The scores of one kind.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KindScore {
    /// The label, or `ALL` for the micro-average.
    pub kind: String,
    /// Gold entities.
    pub gold: usize,
    /// Predicted entities.
    pub predicted: usize,
    /// Exact-span scores; absent for relaxed-only kinds.
    pub exact: Option<Prf>,
    /// Overlap scores.
    pub relaxed: Prf,
    /// Value accuracy, for kinds with values.
    pub value: Option<ValueScore>,
    /// Attribute agreement over relaxed-matched pairs, for the attributes
    /// the options compare.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub attrs: Vec<AttrScore>,
}

/// How gold and predicted documents paired up.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct DocCounts {
    /// Documents in the gold file.
    pub gold: usize,
    /// Documents in the prediction file.
    pub predicted: usize,
    /// Gold documents with no prediction line: all their entities are missed.
    pub missing: usize,
    /// Predicted documents not in the gold: ignored, since nothing says what they hold.
    pub unknown: usize,
}

/// A full report: per kind, and the micro-average over all kinds.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    /// Document pairing.
    pub documents: DocCounts,
    /// One row per kind seen in gold or predictions, sorted by label.
    pub kinds: Vec<KindScore>,
    /// Micro-average over all kinds (`exact` over the kinds scored exact).
    pub overall: KindScore,
}

impl Report {
    /// The row of `kind`.
    pub fn kind(&self, kind: &str) -> Option<&KindScore> {
        self.kinds.iter().find(|k| k.kind == kind)
    }
}

#[derive(Default)]
struct Tally {
    gold: usize,
    predicted: usize,
    exact_tp: usize,
    relaxed_tp: usize,
    value_matched: usize,
    value_correct: usize,
    /// Per compared attribute: matched pairs and agreeing pairs.
    attrs: BTreeMap<String, (usize, usize)>,
}

impl Tally {
    fn add(&mut self, o: &Tally) {
        self.gold += o.gold;
        self.predicted += o.predicted;
        self.exact_tp += o.exact_tp;
        self.relaxed_tp += o.relaxed_tp;
        self.value_matched += o.value_matched;
        self.value_correct += o.value_correct;
        for (k, (m, c)) in &o.attrs {
            let e = self.attrs.entry(k.clone()).or_default();
            e.0 += m;
            e.1 += c;
        }
    }

    #[allow(clippy::cast_precision_loss)]
    fn finish(&self, kind: &str, exact: bool, value: bool) -> KindScore {
        KindScore {
            kind: kind.to_owned(),
            gold: self.gold,
            predicted: self.predicted,
            exact: exact.then(|| Prf::new(self.exact_tp, self.gold, self.predicted)),
            relaxed: Prf::new(self.relaxed_tp, self.gold, self.predicted),
            value: value.then(|| ValueScore {
                matched: self.value_matched,
                correct: self.value_correct,
                accuracy: if self.value_matched == 0 {
                    0.0
                } else {
                    self.value_correct as f64 / self.value_matched as f64
                },
            }),
            attrs: self
                .attrs
                .iter()
                .map(|(attr, &(matched, correct))| AttrScore {
                    attr: attr.clone(),
                    matched,
                    correct,
                    accuracy: if matched == 0 {
                        0.0
                    } else {
                        correct as f64 / matched as f64
                    },
                })
                .collect(),
        }
    }
}

/// Score `pred` against `gold`, pairing documents by id.
pub fn score(gold: &[AnnotatedDoc], pred: &[AnnotatedDoc], options: &ScoreOptions) -> Report {
    let by_id: HashMap<&str, &AnnotatedDoc> = pred.iter().map(|d| (d.id.as_str(), d)).collect();
    let gold_ids: BTreeSet<&str> = gold.iter().map(|d| d.id.as_str()).collect();
    let mut tallies: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut documents = DocCounts {
        gold: gold.len(),
        predicted: pred.len(),
        unknown: pred
            .iter()
            .filter(|d| !gold_ids.contains(d.id.as_str()))
            .count(),
        ..DocCounts::default()
    };
    let empty = Vec::new();
    for g in gold {
        let p = if let Some(p) = by_id.get(g.id.as_str()) {
            &p.entities
        } else {
            documents.missing += 1;
            &empty
        };
        let kinds: BTreeSet<&str> = g
            .entities
            .iter()
            .chain(p)
            .map(|m| m.kind.as_str())
            .collect();
        for kind in kinds {
            let gm: Vec<&Mention> = g.entities.iter().filter(|m| m.kind == kind).collect();
            let pm: Vec<&Mention> = p.iter().filter(|m| m.kind == kind).collect();
            let gs: Vec<_> = gm.iter().map(|m| m.span()).collect();
            let ps: Vec<_> = pm.iter().map(|m| m.span()).collect();
            let pairs = matching::relaxed(&gs, &ps);
            let t = tallies.entry(kind).or_default();
            t.gold += gs.len();
            t.predicted += ps.len();
            t.exact_tp += matching::exact(&gs, &ps);
            t.relaxed_tp += pairs.len();
            t.value_matched += pairs.len();
            t.value_correct += pairs
                .iter()
                .filter(|&&(gi, pi)| gm[gi].value == pm[pi].value)
                .count();
            for check in options.attrs.iter().filter(|c| c.kind == kind) {
                let agree = pairs
                    .iter()
                    .filter(|&&(gi, pi)| {
                        check.agree(gm[gi].attr(&check.attr), pm[pi].attr(&check.attr))
                    })
                    .count();
                let e = t.attrs.entry(check.attr.clone()).or_default();
                e.0 += pairs.len();
                e.1 += agree;
            }
        }
    }
    let mut all = Tally::default();
    let mut all_exact = Tally::default();
    let mut kinds = Vec::new();
    for (kind, t) in &tallies {
        let exact = !options.relaxed_only.contains(*kind);
        let value = options.value_kinds.contains(*kind);
        all.add(t);
        if exact {
            all_exact.add(t);
        }
        kinds.push(t.finish(kind, exact, value));
    }
    all.attrs.clear();
    let mut overall = all.finish("ALL", true, false);
    overall.exact = Some(Prf::new(
        all_exact.exact_tp,
        all_exact.gold,
        all_exact.predicted,
    ));
    Report {
        documents,
        kinds,
        overall,
    }
}

impl fmt::Display for Report {
    /// The table `fahras eval --format text` prints.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = &self.documents;
        writeln!(
            f,
            "documents: {} gold, {} predicted, {} missing from predictions, {} not in gold",
            d.gold, d.predicted, d.missing, d.unknown
        )?;
        writeln!(
            f,
            "{:<10} {:>6} {:>6}  {:>6} {:>6} {:>6}  {:>6} {:>6} {:>6}  {:>6}",
            "kind", "gold", "pred", "ex.P", "ex.R", "ex.F1", "rel.P", "rel.R", "rel.F1", "value"
        )?;
        for k in self.kinds.iter().chain(std::iter::once(&self.overall)) {
            write!(f, "{:<10} {:>6} {:>6}  ", k.kind, k.gold, k.predicted)?;
            match k.exact {
                Some(e) => write!(f, "{:>6.3} {:>6.3} {:>6.3}  ", e.precision, e.recall, e.f1)?,
                None => write!(f, "{:>6} {:>6} {:>6}  ", "-", "-", "-")?,
            }
            let r = k.relaxed;
            write!(f, "{:>6.3} {:>6.3} {:>6.3}  ", r.precision, r.recall, r.f1)?;
            match k.value {
                Some(v) => writeln!(f, "{:>6.3} ({}/{})", v.accuracy, v.correct, v.matched)?,
                None => writeln!(f, "{:>6}", "-")?,
            }
        }
        for k in &self.kinds {
            for a in &k.attrs {
                writeln!(
                    f,
                    "{} {}: {:.3} ({}/{} matched pairs agree)",
                    k.kind, a.attr, a.accuracy, a.correct, a.matched
                )?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
#[allow(clippy::float_cmp)] // the pinned scores are exact binary fractions
mod tests {
    use super::*;

    fn m(kind: &str, start: u32, end: u32) -> Mention {
        Mention::new(kind, start, end, None)
    }

    fn dated(start: u32, end: u32, value: &str) -> Mention {
        Mention::new("DATE", start, end, Some(value.into()))
    }

    fn one(gold: Vec<Mention>, pred: Vec<Mention>) -> Report {
        score(
            &[AnnotatedDoc::new("a", gold)],
            &[AnnotatedDoc::new("a", pred)],
            &ScoreOptions::default(),
        )
    }

    #[test]
    fn gold_against_itself_is_perfect_and_against_nothing_is_zero() {
        let gold = vec![m("ORG", 0, 4), m("LOC", 5, 9), m("MEETING", 0, 20)];
        let same = one(gold.clone(), gold.clone());
        assert_eq!(same.overall.relaxed.f1, 1.0);
        assert_eq!(same.overall.exact.unwrap().f1, 1.0);
        let none = one(gold, vec![]);
        assert_eq!(none.overall.relaxed, Prf::default());
        assert_eq!(none.kind("ORG").unwrap().gold, 1);
        assert_eq!(none.kind("ORG").unwrap().predicted, 0);
    }

    #[test]
    fn arithmetic_of_a_small_case() {
        // Gold: 4 ORG. Predicted: 1 exact, 1 overlapping, 1 spurious, and a
        // duplicate of the exact one, which counts once.
        let gold = vec![
            m("ORG", 0, 5),
            m("ORG", 10, 15),
            m("ORG", 20, 25),
            m("ORG", 30, 35),
        ];
        let pred = vec![
            m("ORG", 0, 5),
            m("ORG", 0, 5),
            m("ORG", 11, 18),
            m("ORG", 40, 44),
        ];
        let r = one(gold, pred);
        let org = r.kind("ORG").unwrap();
        let exact = org.exact.unwrap();
        assert_eq!((exact.true_positives, org.gold, org.predicted), (1, 4, 4));
        assert_eq!(
            (exact.precision, exact.recall, exact.f1),
            (0.25, 0.25, 0.25)
        );
        // The duplicate (0,5) cannot match the same gold entity again.
        assert_eq!(org.relaxed.true_positives, 2);
        assert_eq!(org.relaxed.f1, 0.5);
    }

    #[test]
    fn kinds_never_match_across_labels() {
        let r = one(vec![m("ORG", 0, 5)], vec![m("BRANCH", 0, 5)]);
        assert_eq!(r.kind("ORG").unwrap().relaxed.true_positives, 0);
        assert_eq!(r.kind("BRANCH").unwrap().relaxed.precision, 0.0);
        assert_eq!(r.overall.gold, 1);
        assert_eq!(r.overall.predicted, 1);
    }

    #[test]
    fn meeting_and_directive_are_relaxed_only() {
        let r = one(vec![m("DIRECTIVE", 0, 30)], vec![m("DIRECTIVE", 3, 30)]);
        let d = r.kind("DIRECTIVE").unwrap();
        assert_eq!(d.exact, None);
        assert_eq!(d.relaxed.f1, 1.0);
        // Not part of the exact micro-average either.
        assert_eq!(r.overall.exact.unwrap().true_positives, 0);
        assert_eq!(r.overall.exact.unwrap().precision, 0.0);
    }

    #[test]
    fn value_accuracy_is_over_matched_pairs() {
        let gold = vec![
            dated(0, 10, "2020-05-05"),
            dated(20, 30, "2020-05"),
            dated(40, 44, "2020"),
        ];
        // First right, second wrong value, third unmatched (no prediction).
        let pred = vec![dated(0, 10, "2020-05-05"), dated(22, 30, "2021-05")];
        let r = one(gold, pred);
        let v = r.kind("DATE").unwrap().value.unwrap();
        assert_eq!((v.matched, v.correct, v.accuracy), (2, 1, 0.5));
        assert!(r.kind("DATE").unwrap().relaxed.recall > 0.66);
    }

    #[test]
    fn attributes_agree_over_matched_pairs_only() {
        let with = |start, end, actor: &str| {
            let mut attrs = serde_json::Map::new();
            attrs.insert("actor".into(), actor.into());
            m("DIRECTIVE", start, end).with_attrs(attrs)
        };
        let gold = vec![
            with(0, 10, "المكتب السياسي لحزب التقدم والاشتراكية"),
            with(20, 30, "محمد نبيل بنعبدالله"),
            with(40, 50, "الأمانة العامة"),
        ];
        // Agrees, disagrees, and a third gold entity with no prediction.
        let pred = vec![with(2, 8, "المكتب السياسي"), with(20, 30, "الأمانة العامة")];
        let r = one(gold, pred);
        let d = r.kind("DIRECTIVE").unwrap();
        let actor = d.attrs.iter().find(|a| a.attr == "actor").unwrap();
        assert_eq!((actor.matched, actor.correct, actor.accuracy), (2, 1, 0.5));
        assert!(r.to_string().contains("DIRECTIVE actor: 0.500 (1/2"));
    }

    #[test]
    fn missing_and_unknown_documents_are_counted() {
        let gold = [
            AnnotatedDoc::new("a", vec![m("LOC", 0, 3)]),
            AnnotatedDoc::new("b", vec![m("LOC", 0, 3)]),
        ];
        let pred = [
            AnnotatedDoc::new("a", vec![m("LOC", 0, 3)]),
            AnnotatedDoc::new("z", vec![m("LOC", 0, 3)]),
        ];
        let r = score(&gold, &pred, &ScoreOptions::default());
        assert_eq!(r.documents.missing, 1);
        assert_eq!(r.documents.unknown, 1);
        let loc = r.kind("LOC").unwrap();
        assert_eq!(
            (loc.gold, loc.predicted, loc.relaxed.true_positives),
            (2, 1, 1)
        );
    }

    #[test]
    fn reading_reports_the_bad_line() {
        let input = "{\"id\":\"a\",\"entities\":[]}\n\n{\"id\":\"b\",\"entities\":[{\"kind\":\"LOC\",\"start\":1}]}\n";
        let err = read_jsonl(input.as_bytes()).unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::InvalidAnnotation { line: 3 });
        let dup = "{\"id\":\"a\"}\n{\"id\":\"a\"}\n";
        assert!(
            read_jsonl(dup.as_bytes())
                .unwrap_err()
                .to_string()
                .contains("already used on line 1")
        );
        let reversed = "{\"id\":\"a\",\"entities\":[{\"kind\":\"LOC\",\"start\":5,\"end\":2}]}";
        assert!(read_jsonl(reversed.as_bytes()).is_err());
    }
}
