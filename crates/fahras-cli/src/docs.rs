//! Documents from input files, shared by `extract` and `index add`: plain
//! text files (one document each) and JSON Lines (one a line), plain or gzipped.
//!
//! Batch input is untrusted: a JSON line that does not parse, lacks `text`,
//! is not UTF-8 or is too large is skipped, counted and reported on stderr
//! with its file and line, and every other document still goes through. Only
//! an unreadable file stops the run.

#![allow(clippy::print_stderr)] // warnings about skipped input go to stderr

use std::path::{Path, PathBuf};

use anyhow::Result;
use fahras_core::extract::{Date, parse_published};
use serde::Deserialize;

use crate::args::InputFormat;
use crate::input::{Source, is_gzip};

/// At most this many skipped inputs are described one by one.
const MAX_WARNINGS: usize = 20;

/// One line of JSON Lines input. `date` is read when `published` is absent
/// (feeds and crawls name it so); unknown fields are ignored.
#[derive(Deserialize)]
struct Line {
    #[serde(default)]
    id: Option<serde_json::Value>,
    text: String,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    url: Option<String>,
}

/// A document read from the input.
#[derive(Debug)]
pub(crate) struct InputDoc {
    /// Its id: the `id` field, else `<file>:<line>`; a text file's name.
    pub id: String,
    pub text: String,
    pub published: Option<Date>,
    pub title: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    /// Where it came from, for messages: `<file>` or `line N of <file>`.
    pub origin: String,
}

/// Skipped inputs: counted, and the first [`MAX_WARNINGS`] described.
#[derive(Debug, Default)]
pub(crate) struct Skips {
    pub count: usize,
    warned: usize,
}

impl Skips {
    pub fn skip(&mut self, what: std::fmt::Arguments<'_>) {
        self.count += 1;
        if self.warned < MAX_WARNINGS {
            eprintln!("warning: skipped {what}");
            self.warned += 1;
        } else if self.warned == MAX_WARNINGS {
            eprintln!("warning: more input skipped; only the total is reported from here on");
            self.warned += 1;
        }
    }
}

/// Where documents come from.
pub(crate) struct Inputs<'a> {
    pub files: &'a [PathBuf],
    pub format: Option<InputFormat>,
    pub lossy: bool,
    /// Publication date of documents that carry none.
    pub published: Option<Date>,
}

impl Inputs<'_> {
    /// Call `each` on every readable document, in input order.
    pub fn for_each(
        &self,
        skips: &mut Skips,
        mut each: impl FnMut(InputDoc) -> Result<()>,
    ) -> Result<()> {
        let stdin = [PathBuf::from("-")];
        let files = if self.files.is_empty() {
            &stdin[..]
        } else {
            self.files
        };
        for path in files {
            let path = (path != Path::new("-")).then_some(path.as_path());
            let format = self.format.unwrap_or_else(|| detect(path));
            let mut src = Source::open_path(path, self.lossy)?;
            match format {
                InputFormat::Text => text_file(&mut src, skips, &mut each)?,
                InputFormat::Jsonl => jsonl_file(&mut src, self.published, skips, &mut each)?,
            }
        }
        Ok(())
    }
}

/// The input format of `path` when none is given: by extension.
pub(crate) fn detect(path: Option<&Path>) -> InputFormat {
    let Some(p) = path else {
        return InputFormat::Text;
    };
    let p = if is_gzip(p) {
        p.with_extension("")
    } else {
        p.to_path_buf()
    };
    match p.extension().and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson") => {
            InputFormat::Jsonl
        }
        _ => InputFormat::Text,
    }
}

/// A text file is one document, its id the file name as given.
fn text_file(
    src: &mut Source,
    skips: &mut Skips,
    each: &mut impl FnMut(InputDoc) -> Result<()>,
) -> Result<()> {
    let name = src.name.clone();
    let mut bytes = Vec::new();
    src.read_to_end(&mut bytes)?;
    match src.decode_at(bytes, 0) {
        Ok(text) => {
            let doc = InputDoc {
                id: name.clone(),
                text,
                published: None,
                title: None,
                source: None,
                url: None,
                origin: format!("`{name}`"),
            };
            check(doc, skips, each)
        }
        Err(e) => {
            skips.skip(format_args!("{e:#}"));
            Ok(())
        }
    }
}

/// A document too large for spans is skipped, not an error.
fn check(
    doc: InputDoc,
    skips: &mut Skips,
    each: &mut impl FnMut(InputDoc) -> Result<()>,
) -> Result<()> {
    if let Err(e) = fahras_core::check_len(&doc.text) {
        skips.skip(format_args!("{} (`{}`): {e}", doc.origin, doc.id));
        return Ok(());
    }
    each(doc)
}

fn jsonl_file(
    src: &mut Source,
    default: Option<Date>,
    skips: &mut Skips,
    each: &mut impl FnMut(InputDoc) -> Result<()>,
) -> Result<()> {
    let mut buf = Vec::new();
    let mut n = 0usize;
    while let Some(offset) = src.next_raw_line(&mut buf)? {
        n += 1;
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let name = src.name.clone();
        let line = match src.decode_at(std::mem::take(&mut buf), offset) {
            Ok(line) => line,
            Err(e) => {
                skips.skip(format_args!("line {n} of `{name}`: {e:#}"));
                continue;
            }
        };
        let doc: Line = match serde_json::from_str(&line) {
            Ok(d) => d,
            Err(e) => {
                skips.skip(format_args!("line {n} of `{name}`: {e}"));
                continue;
            }
        };
        let id = match doc.id {
            Some(serde_json::Value::String(s)) => s,
            Some(v) if !v.is_null() => v.to_string(),
            _ => format!("{name}:{n}"),
        };
        let given = doc.published.or(doc.date);
        let published = match given.as_deref().map(str::trim) {
            None | Some("") => default,
            Some(s) => parse_published(s).or_else(|| {
                eprintln!(
                    "warning: line {n} of `{name}`: `published` {s:?} is not a YYYY-MM-DD date; relative dates stay unresolved"
                );
                default
            }),
        };
        let doc = InputDoc {
            id,
            text: doc.text,
            published,
            title: doc.title,
            source: doc.source,
            url: doc.url,
            origin: format!("line {n} of `{name}`"),
        };
        check(doc, skips, each)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_follow_extensions() {
        let f = |p: &str| detect(Some(Path::new(p)));
        assert_eq!(f("feed.jsonl"), InputFormat::Jsonl);
        assert_eq!(f("feed.JSONL.gz"), InputFormat::Jsonl);
        assert_eq!(f("feed.ndjson"), InputFormat::Jsonl);
        assert_eq!(f("article.txt"), InputFormat::Text);
        assert_eq!(f("article.txt.gz"), InputFormat::Text);
        assert_eq!(detect(None), InputFormat::Text);
    }

    #[test]
    fn published_accepts_dates_and_timestamps() {
        let d: Date = "2020-12-08".parse().unwrap();
        assert_eq!(parse_published("2020-12-08"), Some(d));
        assert_eq!(parse_published("2020-12-08T10:00:00+03:00"), Some(d));
        assert_eq!(parse_published("2020-12-08 02:51:33"), Some(d));
        assert_eq!(parse_published("8/12/2020"), None);
        assert_eq!(parse_published("٢٠٢٠"), None);
    }
}
