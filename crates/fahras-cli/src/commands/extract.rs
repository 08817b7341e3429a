//! `fahras extract`: documents in, entities or tables out.
//!
//! A batch command: files, directories and feeds are read on one thread,
//! documents extracted on `--threads` workers and written in input order
//! (`--unordered` for speed) to standard output or atomically to
//! `--output`. Bad input never stops it: see [`crate::read`] and
//! [`crate::report`]. Exit code 0 when every input was read, 3 when some
//! were skipped, 1 when there was nothing to extract, 2 on error.

#![allow(clippy::print_stderr, clippy::cast_precision_loss)] // the summary goes to stderr

use std::collections::{HashMap, HashSet};
use std::time::Instant;

use anyhow::{Result, bail};
use fahras_core::extract::Table;
use fahras_core::{Document, EntityKind, Extractor, KindSet};
use sha2::{Digest, Sha256};

use crate::Outcome;
use crate::args::{ExtractArgs, ExtractFormat};
use crate::output::{DocInfo, Output, Rendered, Shape};
use crate::pipeline;
use crate::read::{InputDoc, Inputs};
use crate::report::{Problem, Where};

/// A document's output, made on a worker.
struct Done {
    id: String,
    at: Where,
    bytes: usize,
    /// The hash of its normalized text, when duplicates are looked for.
    hash: Option<[u8; 16]>,
    rendered: Result<Rendered>,
}

/// The kinds a table is about: without them it has no rows.
fn primary(table: Table) -> Option<EntityKind> {
    match table {
        Table::Entities => None,
        Table::Officials => Some(EntityKind::Role),
        Table::Directives => Some(EntityKind::Directive),
        Table::Meetings => Some(EntityKind::Meeting),
    }
}

/// The text a duplicate shares: its letters and digits, with the folds of
/// the search analyzer that matter for copies (diacritics, tatweel, hamza
/// carriers, alef maqsura, teh marbuta, case), so copies differing in
/// vocalization, spacing or punctuation match. A char loop, not the
/// analyzer: it runs on every document and must cost little.
fn text_hash(text: &str) -> [u8; 16] {
    let mut out = [0u8; 16];
    out.copy_from_slice(&Sha256::digest(folded(text).as_bytes())[..16]);
    out
}

/// The text [`text_hash`] hashes.
fn folded(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        let c = match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ى' | 'ئ' => 'ي',
            'ؤ' => 'و',
            'ة' => 'ه',
            // Tatweel and the harakat (which Unicode counts as alphabetic).
            '\u{0640}' | '\u{064B}'..='\u{065F}' | '\u{0670}' => continue,
            // Arabic letters and ASCII, most of any news text, without the
            // Unicode tables (which made this loop a fifth of `extract`):
            // the letters have no case, and ASCII folds by itself.
            '\u{0621}'..='\u{063F}' | '\u{0641}'..='\u{064A}' => {
                folded.push(c);
                continue;
            }
            c if c.is_ascii() => {
                if c.is_ascii_alphanumeric() {
                    folded.push(c.to_ascii_lowercase());
                }
                continue;
            }
            c if c.is_alphanumeric() => c,
            _ => continue,
        };
        for l in c.to_lowercase() {
            folded.push(l);
        }
    }
    folded
}

/// The output's shape and the extractor it needs.
fn plan(args: &ExtractArgs) -> Result<(Shape, Extractor)> {
    let needs_table = matches!(args.format, ExtractFormat::Csv | ExtractFormat::Parquet);
    let table: Option<Table> = args
        .table
        .map(Into::into)
        .or(needs_table.then_some(Table::Entities));
    let mut kinds = args.kinds;
    if let Some(t) = table {
        if let Some(k) = primary(t).filter(|&k| !kinds.contains(k)) {
            bail!("`--table {t}` needs {k} among `--kinds`");
        }
        kinds = kinds.iter().chain(t.needs().iter()).collect::<KindSet>();
    }
    if args.with_text
        && (table.is_some() || !matches!(args.format, ExtractFormat::Jsonl | ExtractFormat::Json))
    {
        bail!(
            "`--with-text` adds the text to JSON documents: it works with `--format jsonl` or `json` and no `--table`"
        );
    }
    let shape = Shape {
        format: args.format,
        table,
        with_text: args.with_text,
    };
    Ok((shape, Extractor::new(kinds)))
}

/// Extract one document and render its output (on a worker).
fn work(doc: InputDoc, shape: Shape, extractor: &Extractor, dedupe: bool) -> Done {
    let hash = dedupe.then(|| text_hash(&doc.text));
    let found = extractor.extract(&Document {
        text: &doc.text,
        published: doc.published,
    });
    let info = DocInfo {
        id: &doc.id,
        text: &doc.text,
        published: doc.published,
        title: doc.title.as_deref(),
        url: doc.url.as_deref(),
        source: doc.source.as_deref(),
    };
    Done {
        rendered: shape.render(&info, &found),
        bytes: doc.text.len(),
        hash,
        id: doc.id,
        at: doc.at,
    }
}

pub(crate) fn run(args: &ExtractArgs) -> Result<Outcome> {
    let (shape, extractor) = plan(args)?;
    let r = &args.read;
    let missing = extractor.missing();
    if !missing.is_empty() && !r.quiet {
        eprintln!(
            "note: no extractor for {missing} in this version yet; their entity lists are empty"
        );
    }
    let (mut output, done) = Output::open(shape, args.output.as_deref(), args.resume)?;
    let (inputs, report) = Inputs::open(r)?;
    let bar = inputs.progress.clone();
    let dedupe = !args.keep_duplicates;
    let mut seen_ids: HashSet<String> = HashSet::new();
    let mut resumed = 0usize;
    let mut hashes: HashMap<[u8; 16], String> = HashMap::new();
    let (mut written, mut bytes) = (0usize, 0usize);
    let started = Instant::now();
    let result = pipeline::run(
        r.threads(),
        !args.unordered,
        |sink| {
            inputs.for_each(&report, &|| sink.flush(), |doc: InputDoc| {
                if done.contains(&doc.id) {
                    resumed += 1;
                    return Ok(true);
                }
                if dedupe && !seen_ids.insert(doc.id.clone()) {
                    report.note(
                        Problem::Duplicate,
                        &doc.at,
                        Some(&doc.id),
                        &"the id was read before; the first is kept",
                    );
                    return Ok(true);
                }
                Ok(sink.push(doc))
            })
        },
        |doc: InputDoc| work(doc, shape, &extractor, dedupe),
        |d: Option<Done>| {
            // Nothing more is ready: what is written so far goes out, so a
            // live stream sees each document as it is done.
            let Some(d) = d else {
                return output.flush();
            };
            if let Some(h) = d.hash {
                if let Some(first) = hashes.get(&h) {
                    let why = format!("same normalized text as `{first}`, which is kept");
                    report.note(Problem::Duplicate, &d.at, Some(&d.id), &why);
                    return Ok(());
                }
                hashes.insert(h, d.id);
            }
            output.write(d.rendered?)?;
            written += 1;
            bytes += d.bytes;
            if written % 64 == 0 {
                bar.set_message(format!("{written} docs"));
            }
            Ok(())
        },
    );
    bar.finish_and_clear();
    // What was written before an error is kept in `FILE.partial` for `--resume`.
    result?;
    let (in_output, carried) = (output.docs + output.resumed, output.resumed);
    output.finish()?;
    let counts = report.finish()?;
    let skipped = counts.skipped;
    if !r.quiet {
        summary(&Summary {
            written,
            bytes,
            secs: started.elapsed().as_secs_f64(),
            carried,
            resumed,
            skipped,
            repaired: counts.repaired,
            duplicates: counts.duplicates,
        });
    }
    Ok(if skipped > 0 {
        Outcome::Partial
    } else if in_output > 0 {
        Outcome::Found
    } else {
        Outcome::Nothing
    })
}

/// What a run did, for its last line on stderr.
struct Summary {
    written: usize,
    bytes: usize,
    secs: f64,
    carried: usize,
    resumed: usize,
    skipped: usize,
    repaired: usize,
    duplicates: usize,
}

fn summary(s: &Summary) {
    use std::fmt::Write as _;
    let mb = s.bytes as f64 / 1e6;
    let mut line = format!(
        "extracted {} document(s), {mb:.1} MB, {:.1} MB/s",
        s.written,
        mb / s.secs.max(1e-9)
    );
    if s.carried > 0 {
        let _ = write!(
            line,
            "; {} document(s) already in the output, {} of them read again",
            s.carried, s.resumed
        );
    }
    for (n, what) in [
        (s.skipped, "skipped"),
        (s.repaired, "repaired"),
        (s.duplicates, "duplicate(s)"),
    ] {
        if n > 0 {
            let _ = write!(line, "; {n} {what}");
        }
    }
    eprintln!("{line}");
}

#[cfg(test)]
mod tests {
    use super::{folded, text_hash};

    #[test]
    fn the_fast_paths_fold_as_the_unicode_tables_do() {
        let reference = |c: char| -> String {
            match c {
                'أ' | 'إ' | 'آ' | 'ٱ' => "ا".into(),
                'ى' | 'ئ' => "ي".into(),
                'ؤ' => "و".into(),
                'ة' => "ه".into(),
                '\u{0640}' | '\u{064B}'..='\u{065F}' | '\u{0670}' => String::new(),
                c if c.is_alphanumeric() => c.to_lowercase().collect(),
                _ => String::new(),
            }
        };
        for c in (0..0x0800u32).filter_map(char::from_u32) {
            assert_eq!(folded(&c.to_string()), reference(c), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn copies_hash_alike_other_texts_do_not() {
        let a = text_hash("قرر المكتب السياسي عقد المؤتمر في الرباط.");
        assert_eq!(
            a,
            text_hash("قَرَّرَ المكتبُ  السياسيُّ عقدَ المؤتمـــرِ في الرباط .")
        );
        assert_eq!(text_hash("إدارة مستوى"), text_hash("ادارة مستوي"));
        assert_ne!(a, text_hash("قرر المكتب السياسي عقد المؤتمر في فاس."));
    }
}
