//! `fahras eval`: the scorer of ANNOTATION.md, on gold/prediction files or on
//! CoNLL corpora.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use fahras_core::Extractor;
use fahras_core::eval::{self, AnnotatedDoc, ScoreOptions, conll};

use crate::Outcome;
use crate::args::{EvalArgs, ReportFormat};
use crate::input::Source;

pub(crate) fn run(args: &EvalArgs) -> Result<Outcome> {
    match (&args.gold, &args.pred) {
        (Some(gold), Some(pred)) => gold_vs_pred(gold, pred, args.format),
        _ => conll_files(args),
    }
}

fn read(path: &Path, what: &str) -> Result<Vec<AnnotatedDoc>> {
    let src = Source::open_path(Some(path), false)?;
    let name = src.name.clone();
    let text = src.read_all()?;
    eval::read_jsonl(text.as_bytes()).with_context(|| format!("cannot read the {what} `{name}`"))
}

fn gold_vs_pred(gold: &Path, pred: &Path, format: ReportFormat) -> Result<Outcome> {
    let gold = read(gold, "gold file")?;
    let pred = read(pred, "predictions")?;
    let report = eval::score(&gold, &pred, &ScoreOptions::default());
    let mut out = super::stdout();
    match format {
        ReportFormat::Text => write!(out, "{report}")?,
        ReportFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &report)?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    Ok(Outcome::Found)
}

fn conll_files(args: &EvalArgs) -> Result<Outcome> {
    let extractor = Extractor::new(args.kinds);
    let mut out = super::stdout();
    for path in &args.conll {
        let src = Source::open_path(Some(path), false)?;
        let name = src.name.clone();
        let text = src.read_all()?;
        let corpus = conll::parse(&text);
        let report = conll::evaluate(&corpus, &extractor, args.context);
        match args.format {
            ReportFormat::Text => {
                writeln!(
                    out,
                    "{name}: {} sentences, {} tokens{}",
                    report.sentences,
                    report.tokens,
                    if report.context > 0 {
                        format!(", each after the {} before it", report.context)
                    } else {
                        String::new()
                    }
                )?;
                if let Some(first) = report.skipped_lines.first() {
                    writeln!(
                        out,
                        "skipped {} malformed line(s), the first at line {first}",
                        report.skipped_lines.len()
                    )?;
                }
                write!(out, "{}", report.report)?;
                if !report.unscored.is_empty() {
                    let labels: Vec<String> = report
                        .unscored
                        .iter()
                        .map(|(l, n)| format!("{l} {n}"))
                        .collect();
                    writeln!(out, "not scored (no fahras kind): {}", labels.join(", "))?;
                }
                writeln!(out)?;
            }
            ReportFormat::Json => {
                let line = serde_json::json!({ "file": name, "result": report });
                serde_json::to_writer(&mut out, &line)?;
                out.write_all(b"\n")?;
            }
        }
    }
    out.flush()?;
    Ok(Outcome::Found)
}
