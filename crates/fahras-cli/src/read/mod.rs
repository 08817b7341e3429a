//! Documents from input files, shared by `extract` and `index add`: plain
//! text (a document a file), JSON Lines (a document a line), HTML pages (the
//! article in each), RSS and Atom feeds (a document an item), any of them
//! gzipped, and directories of them.
//!
//! Batch input is untrusted and never stops a batch: a file that cannot be
//! opened, a binary file, a line that is not JSON or has no `text`, bytes
//! that are neither UTF-8 nor Windows-1256, an empty or oversized document,
//! each is skipped (or repaired), counted and reported with its file and
//! line (see [`crate::report`]); every other document goes through.

pub(crate) mod decode;
pub(crate) mod feed;
pub(crate) mod html;
pub(crate) mod walk;

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Result;
use fahras_core::extract::{Date, parse_published};
use indicatif::ProgressBar;
use serde::Deserialize;

use self::decode::{declared_charset, decode, is_binary};
use crate::args::{InputFormat, ReadArgs};
use crate::input::is_gzip;
use crate::progress;
use crate::report::{Problem, Report, Where};

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
    /// Its id: the `id` field (or feed guid, or link), else `<file>:<line>`;
    /// a text or HTML file's path.
    pub id: String,
    pub text: String,
    pub published: Option<Date>,
    pub title: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    /// Where it came from.
    pub at: Where,
}

impl crate::pipeline::Weigh for InputDoc {
    fn weight(&self) -> usize {
        self.text.len()
    }
}

/// Where documents come from, and the limits on them.
pub(crate) struct Inputs {
    /// Files (`-` for stdin), directories already expanded.
    pub files: Vec<PathBuf>,
    pub format: Option<InputFormat>,
    pub lossy: bool,
    /// Publication date of documents that carry none.
    pub published: Option<Date>,
    /// Documents longer than this (bytes of UTF-8 text) are skipped.
    pub max_doc_bytes: usize,
    /// Advanced by the bytes read from disk.
    pub progress: ProgressBar,
}

/// What `each` says after a document.
pub(crate) type Go = bool;

impl Inputs {
    /// The inputs `--files`, `--glob` and the limits name, with the report of
    /// their problems and a progress bar over their bytes (`inputs.progress`).
    pub fn open(r: &ReadArgs) -> Result<(Self, Report)> {
        let bar = progress::bar(r.quiet);
        let report = Report::new(r.errors.as_deref(), r.quiet, bar.clone())?;
        let files = walk::files(&r.files, &walk::Filter::new(&r.glob)?, &report);
        progress::set_total(&bar, walk::total_bytes(&files));
        let inputs = Self {
            files,
            format: r.input_format,
            lossy: r.lossy,
            published: r.published,
            max_doc_bytes: usize::try_from(r.max_doc_mb << 20).unwrap_or(usize::MAX),
            progress: bar,
        };
        Ok((inputs, report))
    }

    /// Call `each` on every readable document, in input order, until it
    /// returns `false` or an error. `waiting` is called whenever reading is
    /// about to wait on a stream (standard input, a pipe) that may be slow,
    /// so documents already read need not wait with it.
    pub fn for_each(
        &self,
        report: &Report,
        waiting: &dyn Fn(),
        mut each: impl FnMut(InputDoc) -> Result<Go>,
    ) -> Result<()> {
        for path in &self.files {
            let stdin = path == Path::new("-");
            let name: Arc<str> = if stdin {
                "<stdin>".into()
            } else {
                path.display().to_string().into()
            };
            let mut src = match open(path, &self.progress, waiting) {
                Ok(s) => s,
                Err(e) => {
                    report.note(
                        Problem::Skipped,
                        &Where::file(&name),
                        None,
                        &format!("cannot open: {e}"),
                    );
                    continue;
                }
            };
            let head = match src.fill_buf() {
                Ok(h) => h,
                Err(e) => {
                    report.note(
                        Problem::Skipped,
                        &Where::file(&name),
                        None,
                        &format!("cannot read: {e}"),
                    );
                    continue;
                }
            };
            let format = self
                .format
                .or_else(|| (!stdin).then(|| by_extension(path)).flatten())
                .unwrap_or_else(|| sniff(head));
            // A JSON Lines file with a NUL in a bad line is still read line by line.
            let jsonl = matches!(format, InputFormat::Jsonl) && head.first() == Some(&b'{');
            if is_binary(head) && !jsonl {
                let why = "binary file (a NUL byte in its first 8 KiB)";
                report.note(Problem::Skipped, &Where::file(&name), None, &why);
                continue;
            }
            let mut reader = FileReader {
                inputs: self,
                report,
                name: &name,
                each: &mut each,
            };
            let go = match format {
                InputFormat::Jsonl => reader.jsonl(&mut *src),
                InputFormat::Text | InputFormat::Html | InputFormat::Feed => {
                    reader.whole(&mut *src, format, path)
                }
            };
            match go {
                Ok(true) => {}
                Ok(false) => return Ok(()),
                Err(e) if e.downcast_ref::<ReadError>().is_some() => {
                    report.note(
                        Problem::Skipped,
                        &Where::file(&name),
                        None,
                        &format!("{e:#}"),
                    );
                }
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }
}

/// An I/O error reading an input (a truncated gzip stream, a disk error):
/// the rest of that file is skipped, the batch goes on.
#[derive(Debug, thiserror::Error)]
#[error("cannot read further: {0}")]
struct ReadError(io::Error);

struct FileReader<'a, 'r, F> {
    inputs: &'a Inputs,
    report: &'r Report,
    name: &'r Arc<str>,
    each: &'r mut F,
}

impl<F: FnMut(InputDoc) -> Result<Go>> FileReader<'_, '_, F> {
    /// Hand a document on, unless it is empty or too large.
    fn emit(&mut self, doc: InputDoc) -> Result<Go> {
        if doc.text.trim().is_empty() {
            self.report
                .note(Problem::Skipped, &doc.at, Some(&doc.id), &"empty document");
            return Ok(true);
        }
        if doc.text.len() > self.inputs.max_doc_bytes {
            let why = format!(
                "document of {:.1} MB is larger than --max-doc-mb {}",
                mb(doc.text.len()),
                self.inputs.max_doc_bytes >> 20
            );
            self.report
                .note(Problem::Skipped, &doc.at, Some(&doc.id), &why);
            return Ok(true);
        }
        (self.each)(doc)
    }

    fn published(&self, given: Option<&str>, at: &Where) -> Option<Date> {
        match given.map(str::trim) {
            None | Some("") => self.inputs.published,
            Some(s) => parse_published(s).or_else(|| {
                let why = format!(
                    "`published` {s:?} is not a YYYY-MM-DD date; relative dates stay unresolved"
                );
                self.report.note(Problem::Repaired, at, None, &why);
                self.inputs.published
            }),
        }
    }

    fn decode(&self, bytes: &[u8], declared: Option<&str>, at: &Where) -> Option<String> {
        match decode(bytes, declared, self.inputs.lossy) {
            Ok(d) => {
                let (text, how) = d.into_parts();
                if let Some(how) = how {
                    self.report.note(Problem::Repaired, at, None, &how);
                }
                Some(text)
            }
            Err(why) => {
                self.report.note(Problem::Skipped, at, None, &why);
                None
            }
        }
    }

    fn jsonl(&mut self, src: &mut dyn BufRead) -> Result<Go> {
        // JSON escapes may make a line several times longer than its text.
        let cap = self.inputs.max_doc_bytes.saturating_mul(6).max(1 << 20);
        let mut buf = Vec::new();
        let mut n = 0u64;
        loop {
            let line = read_line(src, &mut buf, cap).map_err(ReadError)?;
            n += 1;
            let at = Where::line(self.name, n);
            match line {
                LineRead::End => return Ok(true),
                LineRead::TooLong(len) => {
                    let why = format!(
                        "line of more than {:.1} MB (over {} MB) is not read",
                        mb(len),
                        cap >> 20
                    );
                    self.report.note(Problem::Skipped, &at, None, &why);
                    continue;
                }
                LineRead::Line => {}
            }
            if buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            if memchr::memchr(0, &buf).is_some() {
                self.report
                    .note(Problem::Skipped, &at, None, &"binary data (a NUL byte)");
                continue;
            }
            // Clean UTF-8 (nearly every line) is read where it lies; only a
            // line that needs repair is decoded into a copy.
            let repaired;
            // A UTF-8 byte order mark (a file's first line) is dropped, as
            // `decode` drops it.
            let line = if let Ok(s) = simdutf8::basic::from_utf8(&buf) {
                s.strip_prefix('\u{feff}').unwrap_or(s)
            } else {
                let Some(text) = self.decode(&buf, None, &at) else {
                    continue;
                };
                repaired = text;
                repaired.as_str()
            };
            // serde reads a struct from an array too: `["a", "b"]` is no document.
            if !line.trim_start().starts_with('{') {
                let why = "not a JSON document with a `text`: not a JSON object";
                self.report.note(Problem::Skipped, &at, None, &why);
                continue;
            }
            let doc: Line = match serde_json::from_str(line) {
                Ok(d) => d,
                Err(e) => {
                    self.report.note(
                        Problem::Skipped,
                        &at,
                        None,
                        &format!("not a JSON document with a `text`: {e}"),
                    );
                    continue;
                }
            };
            let id = match doc.id {
                Some(serde_json::Value::String(s)) if !s.is_empty() => s,
                Some(v) if !v.is_null() && !v.is_string() => v.to_string(),
                _ => format!("{}:{n}", self.name),
            };
            let published = self.published(doc.published.or(doc.date).as_deref(), &at);
            let doc = InputDoc {
                id,
                text: doc.text,
                published,
                title: doc.title,
                source: doc.source,
                url: doc.url,
                at,
            };
            if !self.emit(doc)? {
                return Ok(false);
            }
        }
    }

    /// A file that is one document (text, HTML) or one feed.
    fn whole(&mut self, src: &mut dyn BufRead, format: InputFormat, path: &Path) -> Result<Go> {
        let cap = match format {
            InputFormat::Text => self.inputs.max_doc_bytes,
            // Markup and many items: a page or feed may be far larger than its text.
            _ => self.inputs.max_doc_bytes.saturating_mul(16).max(256 << 20),
        };
        let mut bytes = Vec::new();
        src.take(cap as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(ReadError)?;
        let at = Where::file(self.name);
        if bytes.len() > cap {
            let why = format!("file larger than {} MB is not read", cap >> 20);
            self.report.note(Problem::Skipped, &at, None, &why);
            return Ok(true);
        }
        let declared = if matches!(format, InputFormat::Text) {
            None
        } else {
            declared_charset(&bytes)
        };
        let Some(text) = self.decode(&bytes, declared.as_deref(), &at) else {
            return Ok(true);
        };
        drop(bytes);
        let id = self.name.to_string();
        match format {
            InputFormat::Html => {
                let page = html::page(&text);
                let published = self.published(page.published.as_deref(), &at);
                self.emit(InputDoc {
                    id,
                    text: page.text,
                    published,
                    title: page.title,
                    source: page.source,
                    url: page.url,
                    at,
                })
            }
            InputFormat::Feed => {
                let items = match feed::items(&utf8_prolog(&text)) {
                    Ok(items) => items,
                    Err(why) => {
                        self.report.note(Problem::Skipped, &at, None, &why);
                        return Ok(true);
                    }
                };
                for (item, n) in items.into_iter().zip(1u64..) {
                    let at = Where::item(self.name, n);
                    let published = self.published(item.published.as_deref(), &at);
                    let doc = InputDoc {
                        id: item.id.unwrap_or_else(|| format!("{}#{n}", path.display())),
                        text: item.text,
                        published,
                        title: item.title,
                        source: item.source,
                        url: item.url,
                        at,
                    };
                    if !self.emit(doc)? {
                        return Ok(false);
                    }
                }
                Ok(true)
            }
            InputFormat::Text | InputFormat::Jsonl => self.emit(InputDoc {
                id,
                text,
                published: self.inputs.published,
                title: None,
                source: None,
                url: None,
                at,
            }),
        }
    }
}

/// The text is UTF-8 now, whatever the XML declaration said.
fn utf8_prolog(xml: &str) -> std::borrow::Cow<'_, str> {
    let head_end = xml
        .find("?>")
        .filter(|&i| xml.trim_start().starts_with("<?xml") && i < 512);
    match head_end {
        Some(i) if xml[..i].contains("encoding") => std::borrow::Cow::Owned(format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"{}",
            &xml[i..]
        )),
        _ => std::borrow::Cow::Borrowed(xml),
    }
}

fn mb(n: usize) -> f64 {
    #[allow(clippy::cast_precision_loss)] // sizes far below 2^52
    let n = n as f64;
    n / 1e6
}

enum LineRead {
    Line,
    End,
    /// A line longer than the cap, skipped to its end; its length so far.
    TooLong(usize),
}

/// The next line into `buf` (without its line ending), reading at most
/// `cap` bytes of it into memory.
fn read_line(src: &mut dyn BufRead, buf: &mut Vec<u8>, cap: usize) -> io::Result<LineRead> {
    buf.clear();
    let mut skipped = 0usize;
    let mut any = false;
    loop {
        let chunk = src.fill_buf()?;
        if chunk.is_empty() {
            break;
        }
        any = true;
        let (take, done) = match memchr::memchr(b'\n', chunk) {
            Some(i) => (i + 1, true),
            None => (chunk.len(), false),
        };
        if skipped == 0 && buf.len() + take <= cap + 1 {
            buf.extend_from_slice(&chunk[..take]);
        } else {
            skipped += take + std::mem::take(buf).len();
        }
        src.consume(take);
        if done {
            break;
        }
    }
    if !any {
        return Ok(LineRead::End);
    }
    if skipped > 0 {
        return Ok(LineRead::TooLong(skipped));
    }
    if buf.last() == Some(&b'\n') {
        buf.pop();
        if buf.last() == Some(&b'\r') {
            buf.pop();
        }
    }
    Ok(LineRead::Line)
}

/// Counts the bytes read from disk on the progress bar.
struct Counting<R> {
    inner: R,
    progress: ProgressBar,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.progress.inc(n as u64);
        Ok(n)
    }
}

/// A stream that may keep its reader waiting: `waiting` is called before
/// each read of it.
struct Live<'a, R> {
    inner: R,
    waiting: &'a dyn Fn(),
}

impl<R: Read> Read for Live<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        (self.waiting)();
        self.inner.read(buf)
    }
}

fn open<'a>(
    path: &Path,
    progress: &ProgressBar,
    waiting: &'a dyn Fn(),
) -> io::Result<Box<dyn BufRead + 'a>> {
    let raw: Box<dyn Read + 'a> = if path == Path::new("-") {
        Box::new(Live {
            inner: io::stdin(),
            waiting,
        })
    } else {
        let file = File::open(path)?;
        // A named pipe is a stream like standard input.
        if file.metadata()?.file_type().is_file() {
            Box::new(file)
        } else {
            Box::new(Live {
                inner: file,
                waiting,
            })
        }
    };
    let counted = Counting {
        inner: raw,
        progress: progress.clone(),
    };
    let gz = path != Path::new("-") && is_gzip(path);
    Ok(if gz {
        let gz = flate2::read::MultiGzDecoder::new(BufReader::with_capacity(1 << 16, counted));
        Box::new(BufReader::with_capacity(1 << 16, gz))
    } else {
        Box::new(BufReader::with_capacity(1 << 16, counted))
    })
}

/// The input format of `path` by extension (under a `.gz`), if it says.
pub(crate) fn by_extension(path: &Path) -> Option<InputFormat> {
    let p: PathBuf = if is_gzip(path) {
        path.with_extension("")
    } else {
        path.to_path_buf()
    };
    let ext = p.extension()?.to_str()?.to_ascii_lowercase();
    Some(match ext.as_str() {
        "jsonl" | "ndjson" => InputFormat::Jsonl,
        "html" | "htm" | "xhtml" => InputFormat::Html,
        "rss" | "atom" => InputFormat::Feed,
        "txt" | "text" => InputFormat::Text,
        _ => return None,
    })
}

/// The input format from the first bytes: a feed, a page, JSON Lines or text.
pub(crate) fn sniff(head: &[u8]) -> InputFormat {
    let head = String::from_utf8_lossy(&head[..head.len().min(2048)]).to_ascii_lowercase();
    let start = head.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if start.starts_with('<') {
        if ["<rss", "<feed", "<rdf:rdf"]
            .iter()
            .any(|t| head.contains(t))
        {
            return InputFormat::Feed;
        }
        return InputFormat::Html;
    }
    if start.starts_with('{') {
        return InputFormat::Jsonl;
    }
    InputFormat::Text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_follow_extensions_then_content() {
        let f = |p: &str| by_extension(Path::new(p));
        assert_eq!(f("feed.jsonl"), Some(InputFormat::Jsonl));
        assert_eq!(f("feed.JSONL.gz"), Some(InputFormat::Jsonl));
        assert_eq!(f("feed.ndjson"), Some(InputFormat::Jsonl));
        assert_eq!(f("page.html.gz"), Some(InputFormat::Html));
        assert_eq!(f("news.rss"), Some(InputFormat::Feed));
        assert_eq!(f("article.txt"), Some(InputFormat::Text));
        assert_eq!(f("feed.xml"), None);
        assert_eq!(
            sniff(b"<?xml version=\"1.0\"?>\n<rss version=\"2.0\">"),
            InputFormat::Feed
        );
        assert_eq!(
            sniff(b"\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"),
            InputFormat::Feed
        );
        assert_eq!(sniff(b"<!DOCTYPE html><html>"), InputFormat::Html);
        assert_eq!(sniff(b"{\"id\": 1, \"text\": \"x\"}\n"), InputFormat::Jsonl);
        assert_eq!(sniff("قرر الحزب".as_bytes()), InputFormat::Text);
    }

    #[test]
    fn lines_are_read_up_to_a_cap() {
        let data = b"short\nxxxxxxxxxxxxxxxxxxxxxxxx\nlast";
        let mut src: &[u8] = data;
        let mut buf = Vec::new();
        assert!(matches!(
            read_line(&mut src, &mut buf, 8).unwrap(),
            LineRead::Line
        ));
        assert_eq!(buf, b"short");
        assert!(matches!(
            read_line(&mut src, &mut buf, 8).unwrap(),
            LineRead::TooLong(25)
        ));
        assert!(matches!(
            read_line(&mut src, &mut buf, 8).unwrap(),
            LineRead::Line
        ));
        assert_eq!(buf, b"last");
        assert!(matches!(
            read_line(&mut src, &mut buf, 8).unwrap(),
            LineRead::End
        ));
    }

    #[test]
    fn xml_declarations_say_utf8_after_decoding() {
        assert_eq!(
            utf8_prolog("<?xml version=\"1.0\" encoding=\"windows-1256\"?><rss/>"),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss/>"
        );
        assert_eq!(utf8_prolog("<rss/>"), "<rss/>");
    }
}
