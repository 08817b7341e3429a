//! Reading input text: files (gzipped when they end in `.gz`) or stdin,
//! strict or lossy UTF-8.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::args::InputArgs;

/// A named source of bytes.
pub(crate) struct Source {
    /// How errors name it: the path, or `<stdin>`.
    pub name: String,
    reader: Box<dyn BufRead>,
    lossy: bool,
    offset: usize,
}

impl Source {
    pub fn open(args: &InputArgs) -> Result<Self> {
        Self::open_path(args.file.as_deref(), args.lossy)
    }

    /// Open `path`, or stdin when it is `None` or `-`.
    pub fn open_path(path: Option<&Path>, lossy: bool) -> Result<Self> {
        let (name, reader): (String, Box<dyn BufRead>) = match path {
            None => ("<stdin>".into(), Box::new(BufReader::new(io::stdin()))),
            Some(p) if p == Path::new("-") => {
                ("<stdin>".into(), Box::new(BufReader::new(io::stdin())))
            }
            Some(p) => {
                let f = File::open(p).with_context(|| format!("cannot open `{}`", p.display()))?;
                let reader: Box<dyn BufRead> = if is_gzip(p) {
                    let gz = flate2::read::MultiGzDecoder::new(BufReader::new(f));
                    Box::new(BufReader::with_capacity(1 << 16, gz))
                } else {
                    Box::new(BufReader::with_capacity(1 << 16, f))
                };
                (display(p), reader)
            }
        };
        Ok(Self {
            name,
            reader,
            lossy,
            offset: 0,
        })
    }

    /// The whole input as text.
    pub fn read_all(mut self) -> Result<String> {
        let mut bytes = Vec::new();
        let start = self.offset;
        self.read_to_end(&mut bytes)?;
        let text = self.decode_at(bytes, start)?;
        fahras_core::check_len(&text).with_context(|| format!("cannot analyze `{}`", self.name))?;
        Ok(text)
    }

    /// The rest of the input's bytes into `buf`.
    pub fn read_to_end(&mut self, buf: &mut Vec<u8>) -> Result<()> {
        let n = self
            .reader
            .read_to_end(buf)
            .with_context(|| format!("cannot read `{}`", self.name))?;
        self.offset += n;
        Ok(())
    }

    /// The next line without its line ending, or `None` at the end.
    pub fn next_line(&mut self, buf: &mut Vec<u8>) -> Result<Option<String>> {
        match self.next_raw_line(buf)? {
            None => Ok(None),
            Some(start) => self.decode_at(std::mem::take(buf), start).map(Some),
        }
    }

    /// The next line's bytes into `buf` without the line ending; its starting
    /// byte offset, or `None` at the end. Decoding is left to the caller, which
    /// may skip a bad line instead of failing.
    pub fn next_raw_line(&mut self, buf: &mut Vec<u8>) -> Result<Option<usize>> {
        buf.clear();
        let n = self
            .reader
            .read_until(b'\n', buf)
            .with_context(|| format!("cannot read `{}`", self.name))?;
        if n == 0 {
            return Ok(None);
        }
        let start = self.offset;
        self.offset += n;
        if buf.last() == Some(&b'\n') {
            buf.pop();
            if buf.last() == Some(&b'\r') {
                buf.pop();
            }
        }
        Ok(Some(start))
    }

    /// Decode bytes read from this source at byte `offset`: strict or lossy.
    pub fn decode_at(&mut self, bytes: Vec<u8>, offset: usize) -> Result<String> {
        let saved = std::mem::replace(&mut self.offset, offset);
        let text = self.decode(bytes);
        self.offset = saved;
        text
    }

    fn decode(&self, bytes: Vec<u8>) -> Result<String> {
        match String::from_utf8(bytes) {
            Ok(s) => Ok(s),
            Err(e) if self.lossy => Ok(String::from_utf8_lossy(e.as_bytes()).into_owned()),
            Err(e) => {
                let at = self.offset + e.utf8_error().valid_up_to();
                bail!(
                    "`{}` is not valid UTF-8 at byte {at} (pass `--lossy` to replace invalid bytes)",
                    self.name
                )
            }
        }
    }
}

/// Whether `path` names a gzip file.
pub(crate) fn is_gzip(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"))
}

fn display(p: &Path) -> String {
    PathBuf::from(p).display().to_string()
}
