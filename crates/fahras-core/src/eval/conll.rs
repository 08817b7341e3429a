//! Scoring on BIO-tagged CoNLL corpora (ANERcorp, Wojood, NewsFANE).
//!
//! A CoNLL file is one `token TAG [TAG ...]` line per token (tab or space
//! separated), with blank lines between sentences. Each sentence becomes a
//! document whose text is its tokens joined by single spaces; gold entities are
//! decoded per label, so Wojood's nested tags (`اللجنة I-OCC B-ORG`) give one
//! span per layer. Labels map to fahras kinds through `data/conll_labels.tsv`
//! (`PERS` -> `PERSON`, `GPE` -> `LOC`, `OCC` -> `ROLE`, NewsFANE's `Politician`
//! -> `PERSON`, ...); labels it does not list are counted and left out.
//!
//! Predictions are snapped outward to token boundaries before matching, since
//! the gold can only mark whole tokens (ANERcorp keeps clitics attached:
//! `والرباط`), and `BRANCH` predictions count as `ORG`, since a branch is an
//! organization's unit.
//!
//! Files quirks handled: a UTF-8 BOM, CRLF line ends, and the LRM/RLM marks
//! that NewsFANE and ANERcorp carry on tokens. A file with no blank line at all
//! (the original ANERcorp) is split into sentences after `.`, `?`, `؟` and `!`.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use super::{AnnotatedDoc, Mention, Report, ScoreOptions, score};
use crate::extract::{Document, EntityKind, Extractor};
use crate::text::data;

/// One sentence of a CoNLL file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConllSentence {
    /// The tokens joined by single spaces.
    pub text: String,
    /// Code point span of each token in `text`.
    pub tokens: Vec<(u32, u32)>,
    /// Gold entities as `(label, first token, one past the last token)`.
    pub entities: Vec<(String, usize, usize)>,
}

/// A parsed CoNLL file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConllCorpus {
    /// Its sentences, empty ones dropped.
    pub sentences: Vec<ConllSentence>,
    /// 1-based numbers of lines skipped because their tags are not BIO tags.
    pub skipped: Vec<usize>,
}

impl ConllCorpus {
    /// Number of tokens.
    pub fn tokens(&self) -> usize {
        self.sentences.iter().map(|s| s.tokens.len()).sum()
    }
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{feff}')
}

/// Parse a CoNLL file.
///
/// A line whose tags are not BIO tags (ANERcorp has one where two lines ran
/// together: `. Oالإصابة O`) is skipped and its number recorded in
/// [`ConllCorpus::skipped`], rather than failing a whole corpus on one line.
pub fn parse(input: &str) -> ConllCorpus {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    let has_blank = input.lines().any(|l| l.trim().is_empty());
    let mut corpus = ConllCorpus::default();
    let mut builder = Builder::default();
    'lines: for (i, line) in input.lines().enumerate() {
        // A field may be nothing but a stray mark (ANERcorp: `الأمن\u{200f}1706 \u{200f}I-ORG`).
        let mut fields = line
            .split(['\t', ' '])
            .map(|f| f.trim_matches(is_mark))
            .filter(|f| !f.is_empty());
        let Some(raw) = fields.next() else {
            builder.finish(&mut corpus);
            continue;
        };
        let token: String = raw.chars().filter(|&c| !is_mark(c)).collect();
        let mut tags = Vec::new();
        for tag in fields {
            let Some(tag) = parse_tag(tag) else {
                corpus.skipped.push(i + 1);
                continue 'lines;
            };
            tags.push(tag);
        }
        if token.is_empty() {
            continue;
        }
        let ends_sentence = !has_blank && matches!(token.as_str(), "." | "?" | "؟" | "!");
        builder.push(&token, &tags);
        if ends_sentence {
            builder.finish(&mut corpus);
        }
    }
    builder.finish(&mut corpus);
    corpus
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Bio<'a> {
    Outside,
    Begin(&'a str),
    Inside(&'a str),
}

fn parse_tag(tag: &str) -> Option<Bio<'_>> {
    if tag == "O" {
        return Some(Bio::Outside);
    }
    let (prefix, label) = tag.split_once('-')?;
    if label.is_empty() {
        return None;
    }
    match prefix {
        "B" | "S" => Some(Bio::Begin(label)),
        "I" | "E" => Some(Bio::Inside(label)),
        _ => None,
    }
}

#[derive(Default)]
struct Builder {
    text: String,
    chars: u32,
    tokens: Vec<(u32, u32)>,
    open: BTreeMap<String, usize>,
    entities: Vec<(String, usize, usize)>,
}

impl Builder {
    fn push(&mut self, token: &str, tags: &[Bio<'_>]) {
        let i = self.tokens.len();
        if !self.text.is_empty() {
            self.text.push(' ');
            self.chars += 1;
        }
        let n = token.chars().count() as u32;
        self.tokens.push((self.chars, self.chars + n));
        self.text.push_str(token);
        self.chars += n;
        // Close spans that do not continue here; a B- of the same label also
        // closes the open one.
        let continues = |label: &str| tags.contains(&Bio::Inside(label));
        let closed: Vec<String> = self
            .open
            .keys()
            .filter(|l| !continues(l) || tags.contains(&Bio::Begin(l)))
            .cloned()
            .collect();
        for label in closed {
            if let Some(start) = self.open.remove(&label) {
                self.entities.push((label, start, i));
            }
        }
        for tag in tags {
            // A stray I- starts a span, as conlleval reads it.
            if let Bio::Begin(l) | Bio::Inside(l) = *tag {
                self.open.entry(l.to_owned()).or_insert(i);
            }
        }
    }

    fn finish(&mut self, corpus: &mut ConllCorpus) {
        let end = self.tokens.len();
        for (label, start) in std::mem::take(&mut self.open) {
            self.entities.push((label, start, end));
        }
        if !self.tokens.is_empty() {
            let mut entities = std::mem::take(&mut self.entities);
            entities.sort_by(|a, b| (a.1, a.2, &a.0).cmp(&(b.1, b.2, &b.0)));
            corpus.sentences.push(ConllSentence {
                text: std::mem::take(&mut self.text),
                tokens: std::mem::take(&mut self.tokens),
                entities,
            });
        }
        *self = Self::default();
    }
}

/// The label map of `data/conll_labels.tsv`.
fn label_map() -> HashMap<&'static str, EntityKind> {
    data::lines(data::CONLL_LABELS)
        .filter_map(|l| {
            let (label, kind) = l.split_once('\t')?;
            Some((label.trim(), kind.trim().parse().ok()?))
        })
        .collect()
}

/// The result of scoring one CoNLL corpus.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ConllReport {
    /// Sentences read before each scored sentence (see [`evaluate`]).
    pub context: usize,
    /// Sentences read.
    pub sentences: usize,
    /// Tokens read.
    pub tokens: usize,
    /// Lines skipped as malformed (1-based).
    pub skipped_lines: Vec<usize>,
    /// Gold entities per CoNLL label that map to no fahras kind, left out.
    pub unscored: BTreeMap<String, usize>,
    /// Scores per fahras kind, over the kinds the corpus annotates.
    pub report: Report,
}

/// Run `extractor` over every sentence of `corpus` and score it.
///
/// With `context` > 0 each sentence is read after the `context` sentences
/// before it, one a line, as it stands in its article, and only what is
/// found in the sentence itself is scored: each sentence is still scored
/// once. A name written in full earlier in the article ("نجيب محفوظ") then
/// lets a later family name alone ("محفوظ") be read, as it is when whole
/// articles are extracted. CoNLL files mark no article ends, so the context
/// may reach into the article before.
pub fn evaluate(corpus: &ConllCorpus, extractor: &Extractor, context: usize) -> ConllReport {
    let map = label_map();
    let mut unscored: BTreeMap<String, usize> = BTreeMap::new();
    let mut scored: BTreeSet<EntityKind> = BTreeSet::new();
    let mut gold = Vec::with_capacity(corpus.sentences.len());
    for (n, s) in corpus.sentences.iter().enumerate() {
        let mut mentions = Vec::new();
        for (label, a, b) in &s.entities {
            match map.get(label.as_str()) {
                Some(&kind) => {
                    scored.insert(kind);
                    mentions.push(Mention::new(
                        kind.as_str(),
                        s.tokens[*a].0,
                        s.tokens[*b - 1].1,
                        None,
                    ));
                }
                None => *unscored.entry(label.clone()).or_default() += 1,
            }
        }
        gold.push(AnnotatedDoc::new(&n.to_string(), mentions));
    }
    let mut pred = Vec::with_capacity(corpus.sentences.len());
    for (n, s) in corpus.sentences.iter().enumerate() {
        let before = &corpus.sentences[n.saturating_sub(context)..n];
        let mut text = String::new();
        for b in before {
            text.push_str(&b.text);
            text.push('\n');
        }
        let offset = u32::try_from(text.chars().count()).unwrap_or(u32::MAX);
        text.push_str(&s.text);
        let found = extractor.extract(&Document::new(&text));
        let mentions = found
            .entities
            .iter()
            .filter(|e| e.chars.start >= offset)
            .filter_map(|e| {
                let kind = match e.kind {
                    EntityKind::Branch => EntityKind::Org,
                    k => k,
                };
                scored.contains(&kind).then(|| {
                    let (start, end) =
                        snap(&s.tokens, e.chars.start - offset, e.chars.end - offset);
                    Mention::new(kind.as_str(), start, end, None)
                })
            })
            .collect();
        pred.push(AnnotatedDoc::new(&n.to_string(), mentions));
    }
    let options = ScoreOptions {
        value_kinds: BTreeSet::new(),
        ..ScoreOptions::default()
    };
    ConllReport {
        context,
        sentences: corpus.sentences.len(),
        tokens: corpus.tokens(),
        skipped_lines: corpus.skipped.clone(),
        unscored,
        report: score(&gold, &pred, &options),
    }
}

/// Widen `start..end` to the tokens it touches.
fn snap(tokens: &[(u32, u32)], start: u32, end: u32) -> (u32, u32) {
    let first = tokens
        .iter()
        .find(|t| t.1 > start)
        .map_or(start, |t| t.0.min(start));
    let last = tokens
        .iter()
        .rev()
        .find(|t| t.0 < end)
        .map_or(end, |t| t.1.max(end));
    (first, last)
}

#[cfg(test)]
#[allow(clippy::float_cmp)] // 0.0 is exact
mod tests {
    use super::*;

    #[test]
    fn nested_wojood_tags_decode_per_layer() {
        let input = "سكرتير B-OCC\nاللجنة I-OCC B-ORG\nالقومية I-OCC I-ORG\nفي I-OCC\nنابلس I-OCC B-GPE\n\nقال O\n";
        let c = parse(input);
        assert_eq!(c.sentences.len(), 2);
        let s = &c.sentences[0];
        assert_eq!(s.text, "سكرتير اللجنة القومية في نابلس");
        assert_eq!(
            s.entities,
            vec![
                ("OCC".into(), 0, 5),
                ("ORG".into(), 1, 3),
                ("GPE".into(), 4, 5)
            ]
        );
    }

    #[test]
    fn newsfane_quirks_bom_crlf_and_lrm_are_removed() {
        let input = "\u{feff}\u{200e}الرئيس\tO\r\n\u{200e}محمود\tB-Politician\r\n\u{200e}عباس\tI-Politician\r\n\r\n";
        let c = parse(input);
        let s = &c.sentences[0];
        assert_eq!(s.text, "الرئيس محمود عباس");
        assert_eq!(s.entities, vec![("Politician".into(), 1, 3)]);
        assert_eq!(s.tokens[1], (7, 12));
    }

    #[test]
    fn a_b_tag_after_a_span_of_the_same_label_starts_a_new_span() {
        let c = parse("مصر B-LOC\nسوريا B-LOC\nو O\nلبنان I-LOC\n");
        let e = &c.sentences[0].entities;
        assert_eq!(
            e,
            &vec![
                ("LOC".into(), 0, 1),
                ("LOC".into(), 1, 2),
                ("LOC".into(), 3, 4)
            ]
        );
    }

    #[test]
    fn files_without_blank_lines_split_after_final_punctuation() {
        let c = parse("قال O\n. O\nثم O\nعاد O\n");
        assert_eq!(c.sentences.len(), 2);
        assert_eq!(c.tokens(), 4);
    }

    #[test]
    fn a_line_with_a_broken_tag_is_skipped_and_counted() {
        let c = parse("قال O\nمصر LOC-B\n. Oالإصابة O\nأمس B-DATE\n");
        assert_eq!(c.skipped, vec![2, 3]);
        assert_eq!(c.sentences[0].text, "قال أمس");
        assert_eq!(c.sentences[0].entities, vec![("DATE".into(), 1, 2)]);
    }

    #[test]
    fn the_label_map_reads_every_line() {
        let map = label_map();
        let lines = data::lines(data::CONLL_LABELS).count();
        assert_eq!(
            map.len(),
            lines,
            "a line of conll_labels.tsv names no fahras kind"
        );
        assert_eq!(map["PERS"], EntityKind::Person);
        assert_eq!(map["OCC"], EntityKind::Role);
    }

    #[test]
    fn predictions_snap_to_whole_tokens() {
        let tokens = [(0, 7), (8, 14)];
        assert_eq!(snap(&tokens, 2, 7), (0, 7));
        assert_eq!(snap(&tokens, 2, 9), (0, 14));
    }

    #[test]
    fn context_lets_a_family_name_be_read_and_is_never_scored() {
        let c = parse(
            "وصل O\nالروائي O\nنجيب B-PERS\nمحفوظ I-PERS\nإلى O\nالقاهرة B-LOC\n. O\n\n\
             وترجمت O\nروايات O\nمحفوظ B-PERS\nإلى O\nالفرنسية O\n. O\n",
        );
        let x = Extractor::new(crate::extract::KindSet::ALL);
        let alone = evaluate(&c, &x, 0);
        let read_on = evaluate(&c, &x, 1);
        assert_eq!(read_on.context, 1);
        assert_eq!(alone.report.overall.gold, 3);
        assert_eq!(read_on.report.overall.gold, 3);
        // The first sentence's entities, read again as context, are not
        // predicted twice: every prediction is a hit.
        assert_eq!(
            read_on
                .report
                .overall
                .exact
                .as_ref()
                .map(|p| p.true_positives),
            Some(3)
        );
        assert_eq!(read_on.report.overall.predicted, 3);
        assert!(
            alone
                .report
                .overall
                .exact
                .as_ref()
                .is_some_and(|p| p.true_positives < 3)
        );
    }

    #[test]
    fn without_extractors_every_score_is_zero() {
        let c = parse("زار O\nدمشق B-LOC\nأمس B-DATE\n");
        let r = evaluate(&c, &Extractor::new(crate::extract::KindSet::EMPTY), 0);
        assert_eq!(r.report.overall.gold, 2);
        assert_eq!(r.report.overall.relaxed.f1, 0.0);
    }
}
