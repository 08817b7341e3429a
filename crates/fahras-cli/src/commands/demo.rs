//! `fahras demo`: the main job on the built-in sample corpus. It segments,
//! normalizes and splits the sample articles, extracts entities and scores
//! them against the gold annotations with the scorer of `fahras eval`,
//! indexes them, searches the index once, and says how to open the search
//! page (`fahras serve`) on it.

use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use fahras_core::eval::{AnnotatedDoc, Mention, Report, ScoreOptions, score};
use fahras_core::index::{Article as IndexArticle, Index, SearchRequest, WriterOptions};
use fahras_core::text::sentences;
use fahras_core::{Analyzer, Document, Extraction, Extractor, KindSet, Profile, TokenKind};
use serde::Deserialize;

use crate::Outcome;
use crate::args::DemoArgs;

/// The fields of a sample article the demo reads (the gold file has more).
#[derive(Deserialize)]
struct Article {
    id: String,
    text: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    region: Option<String>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    entities: Vec<Mention>,
}

fn corpus_dir(args: &DemoArgs) -> PathBuf {
    if let Some(dir) = &args.corpus {
        return dir.clone();
    }
    let here = PathBuf::from("corpus-sample");
    if here.join("gold.jsonl").is_file() {
        return here;
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus-sample")
}

fn load(path: &Path) -> Result<(Vec<Article>, usize)> {
    let f = std::fs::File::open(path)
        .with_context(|| format!("cannot open the sample corpus `{}`", path.display()))?;
    let mut docs = Vec::new();
    let mut skipped = 0;
    for (i, line) in BufReader::new(f).lines().enumerate() {
        let line =
            line.with_context(|| format!("cannot read `{}` line {}", path.display(), i + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Article>(&line) {
            Ok(a) => docs.push(a),
            Err(_) => skipped += 1,
        }
    }
    Ok((docs, skipped))
}

pub(crate) fn run(args: &DemoArgs) -> Result<Outcome> {
    let dir = corpus_dir(args);
    let path = dir.join("gold.jsonl");
    let (docs, skipped) = load(&path)?;
    if docs.is_empty() {
        bail!("the sample corpus `{}` holds no articles", path.display());
    }
    let search = Analyzer::new(Profile::Search);
    let stem = Analyzer::new(Profile::Stem);

    let started = Instant::now();
    let mut bytes = 0usize;
    let mut n_sentences = 0usize;
    let mut list_items = 0usize;
    let mut kinds: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut changed = 0usize;
    let mut words = 0usize;
    let mut examples: BTreeMap<&'static str, (String, String)> = BTreeMap::new();
    let mut regions: BTreeMap<String, usize> = BTreeMap::new();
    for doc in &docs {
        bytes += doc.text.len();
        *regions
            .entry(doc.region.clone().unwrap_or_else(|| "unknown".into()))
            .or_default() += 1;
        let sents = sentences(&doc.text);
        n_sentences += sents.len();
        list_items += sents.iter().filter(|s| s.marker.is_some()).count();
        for t in search.analyze(&doc.text) {
            *kinds.entry(t.kind.as_str()).or_default() += 1;
            let surface = t.text(&doc.text);
            if matches!(t.kind, TokenKind::Word | TokenKind::Number) {
                words += 1;
                if surface != t.norm {
                    changed += 1;
                    if let Some(why) = why_changed(surface) {
                        examples
                            .entry(why)
                            .or_insert_with(|| (surface.to_string(), t.norm.to_string()));
                    }
                }
            }
        }
    }
    let elapsed = started.elapsed();

    let (report, extract_time, extractions) = extract_and_score(&docs);

    let mut freq: HashMap<String, usize> = HashMap::new();
    for doc in &docs {
        for t in stem.analyze(&doc.text) {
            if t.kind == TokenKind::Word && t.norm.chars().count() > 2 {
                *freq.entry(t.norm.to_string()).or_default() += 1;
            }
        }
    }
    let mut top: Vec<(String, usize)> = freq.into_iter().collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));

    let mut out = super::stdout();
    writeln!(out, "fahras demo: sample corpus `{}`", path.display())?;
    let regions: Vec<String> = regions.iter().map(|(r, n)| format!("{r} {n}")).collect();
    writeln!(
        out,
        "  {} articles ({}), {} KiB",
        docs.len(),
        regions.join(", "),
        bytes / 1024
    )?;
    if skipped > 0 {
        writeln!(out, "  {skipped} lines skipped: not a JSON article")?;
    }
    // A 136 KiB corpus measures start-up more than throughput: the time is
    // shown, the rate is left to the benchmarks.
    writeln!(
        out,
        "  segmented, normalized and split into sentences in {:.1} ms (throughput: benches/README.md)",
        elapsed.as_secs_f64() * 1e3
    )?;
    writeln!(out, "\nsentences: {n_sentences} ({list_items} list items)")?;
    let kinds: Vec<String> = kinds.iter().map(|(k, n)| format!("{k} {n}")).collect();
    writeln!(out, "tokens: {}", kinds.join(", "))?;
    #[allow(clippy::cast_precision_loss)]
    let share = 100.0 * changed as f64 / words.max(1) as f64;
    writeln!(
        out,
        "search normalization changed {changed} of {words} words and numbers ({share:.1}%):"
    )?;
    for (why, (surface, norm)) in &examples {
        writeln!(out, "  {why:<22} {surface} → {norm}")?;
    }
    writeln!(
        out,
        "\nmost frequent stems (stem profile, stop words dropped):"
    )?;
    let line: Vec<String> = top
        .iter()
        .take(15)
        .map(|(w, n)| format!("{w} {n}"))
        .collect();
    writeln!(out, "  {}", line.join(" · "))?;
    print_scores(&mut out, &report, extract_time)?;
    out.flush()?;
    let index_dir = args.index.clone().unwrap_or_else(default_index);
    build_index(&mut out, &docs, &extractions, &index_dir)?;
    out.flush()?;
    Ok(Outcome::Found)
}

/// `fahras-demo-index` in the system's temporary folder.
fn default_index() -> PathBuf {
    std::env::temp_dir().join("fahras-demo-index")
}

/// Index the sample articles in `dir`, search it once, and say how to open
/// the search page on it.
fn build_index(
    out: &mut impl Write,
    docs: &[Article],
    extractions: &[Extraction],
    dir: &Path,
) -> Result<()> {
    let started = Instant::now();
    if dir.exists() {
        // Only a previous demo index is replaced, never a folder of the user's.
        let is_index = dir.join("fahras-index.json").is_file();
        let empty = std::fs::read_dir(dir).map(|mut d| d.next().is_none())?;
        if !is_index && !empty {
            bail!(
                "`{}` holds files that are no fahras index; pass --index to another folder",
                dir.display()
            );
        }
        std::fs::remove_dir_all(dir)
            .with_context(|| format!("cannot replace the demo index `{}`", dir.display()))?;
    }
    let index = Index::create(dir)
        .with_context(|| format!("cannot create the demo index `{}`", dir.display()))?;
    let mut writer = index.writer(WriterOptions::default())?;
    for (doc, found) in docs.iter().zip(extractions) {
        let article = IndexArticle {
            id: doc.id.clone(),
            text: doc.text.clone(),
            title: doc.title.clone(),
            published: doc.published.as_deref().and_then(|p| p.parse().ok()),
            ..IndexArticle::default()
        };
        writer.add(index.prepare_extracted(&article, found))?;
    }
    writer.commit()?;
    writer.finish()?;
    let stats = index.stats()?;
    writeln!(
        out,
        "\nindex: {} articles and {} directives in `{}` ({:.0} ms)",
        stats.documents,
        stats.directives,
        dir.display(),
        started.elapsed().as_secs_f64() * 1e3
    )?;
    // "امين" without its hamza: the search folds spellings.
    let mut req = SearchRequest::new("امين فرع");
    req.limit = 1;
    req.facets = vec!["person".to_owned()];
    req.facet_limit = 3;
    let found = index.search(&req)?;
    let people: Vec<String> = found
        .facets
        .get("person")
        .map(|v| {
            v.iter()
                .map(|f| format!("{} ({})", f.value, f.count))
                .collect()
        })
        .unwrap_or_default();
    writeln!(
        out,
        "  search \"امين فرع\": {} articles; best: {}; persons: {}",
        found.total,
        found.hits.first().map_or("-", |h| h.title.as_str()),
        people.join(", ")
    )?;
    let shown = dir.display().to_string();
    let quoted = if shown.contains(char::is_whitespace) {
        format!("\"{shown}\"")
    } else {
        shown
    };
    writeln!(out, "\nsearch page: run")?;
    writeln!(out, "  cargo run --release -p fahras-cli -- serve {quoted}")?;
    writeln!(
        out,
        "and open http://127.0.0.1:8080/ in a browser (JSON API: /api/search?q=...; README: \"The search page\")"
    )?;
    Ok(())
}

/// Extract every kind from the articles and score it against their gold,
/// with the scorer of `fahras eval`.
/// Also returns what was extracted, in `docs` order, for the index.
fn extract_and_score(docs: &[Article]) -> (Report, Duration, Vec<Extraction>) {
    let extractor = Extractor::new(KindSet::ALL);
    let started = Instant::now();
    let mut gold = Vec::with_capacity(docs.len());
    let mut pred = Vec::with_capacity(docs.len());
    let mut extractions = Vec::with_capacity(docs.len());
    for doc in docs {
        let mut d = Document::new(&doc.text);
        d.published = doc.published.as_deref().and_then(|p| p.parse().ok());
        let found = extractor.extract(&d);
        let mentions = found
            .entities
            .iter()
            .map(|e| {
                let value = e.value.clone().map(serde_json::Value::String);
                let mention = Mention::new(e.kind.as_str(), e.chars.start, e.chars.end, value);
                match serde_json::to_value(&e.attrs) {
                    Ok(serde_json::Value::Object(attrs)) => mention.with_attrs(attrs),
                    _ => mention,
                }
            })
            .collect();
        pred.push(AnnotatedDoc::new(&doc.id, mentions));
        gold.push(AnnotatedDoc::new(&doc.id, doc.entities.clone()));
        extractions.push(found);
    }
    let extract_time = started.elapsed();
    let report = score(&gold, &pred, &ScoreOptions::default());
    (report, extract_time, extractions)
}

fn print_scores(out: &mut impl Write, report: &Report, extract_time: Duration) -> Result<()> {
    writeln!(
        out,
        "\nentities extracted in {:.1} ms (kinds with an extractor: {}), scored against gold:",
        extract_time.as_secs_f64() * 1e3,
        Extractor::AVAILABLE
    )?;
    for k in &report.kinds {
        if !Extractor::AVAILABLE.iter().any(|a| a.as_str() == k.kind) {
            continue;
        }
        write!(
            out,
            "  {:<9} gold {:>4}  found {:>4}  relaxed F1 {:.3}",
            k.kind, k.gold, k.predicted, k.relaxed.f1
        )?;
        if let Some(e) = k.exact {
            write!(out, "  exact F1 {:.3}", e.f1)?;
        }
        if let Some(v) = k.value {
            write!(out, "  values right {}/{}", v.correct, v.matched)?;
        }
        writeln!(out)?;
    }
    for k in &report.kinds {
        for a in &k.attrs {
            writeln!(
                out,
                "  {} {} right for {}/{} matched ({:.3})",
                k.kind, a.attr, a.correct, a.matched, a.accuracy
            )?;
        }
    }
    let pending: Vec<&str> = KindSet::ALL
        .iter()
        .filter(|k| !Extractor::AVAILABLE.contains(*k))
        .map(fahras_core::EntityKind::as_str)
        .collect();
    if !pending.is_empty() {
        writeln!(out, "  not extracted yet: {}", pending.join(", "))?;
    }
    writeln!(
        out,
        "  (`fahras extract corpus-sample/gold.jsonl | fahras eval --gold corpus-sample/gold.jsonl --pred -` for the full table;"
    )?;
    writeln!(
        out,
        "   `fahras extract --table directives --format csv corpus-sample/gold.jsonl` for the directives as rows)"
    )?;
    Ok(())
}

/// Which fold a surface needed, for the examples.
fn why_changed(surface: &str) -> Option<&'static str> {
    let has = |f: fn(char) -> bool| surface.chars().any(f);
    if has(|c| c == '\u{0640}') {
        Some("tatweel")
    } else if has(|c| matches!(c, '\u{064B}'..='\u{0652}')) {
        Some("diacritics")
    } else if has(|c| matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}')) {
        Some("Eastern Arabic digits")
    } else if has(
        |c| matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'),
    ) {
        Some("invisible controls")
    } else if has(|c| matches!(c, 'أ' | 'إ' | 'آ')) {
        Some("alef with hamza")
    } else if has(|c| c == 'ة') {
        Some("teh marbuta")
    } else if has(|c| c == 'ى') {
        Some("alef maqsura")
    } else if has(|c| matches!(c, 'ؤ' | 'ئ')) {
        Some("hamza carrier")
    } else {
        None
    }
}
