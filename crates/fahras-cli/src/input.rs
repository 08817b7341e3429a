//! Reading input text: files or stdin, strict or lossy UTF-8.

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
        let (name, reader): (String, Box<dyn BufRead>) = match args.file.as_deref() {
            None => ("<stdin>".into(), Box::new(BufReader::new(io::stdin()))),
            Some(p) if p == Path::new("-") => {
                ("<stdin>".into(), Box::new(BufReader::new(io::stdin())))
            }
            Some(p) => {
                let f = File::open(p).with_context(|| format!("cannot open `{}`", p.display()))?;
                (display(p), Box::new(BufReader::with_capacity(1 << 16, f)))
            }
        };
        Ok(Self {
            name,
            reader,
            lossy: args.lossy,
            offset: 0,
        })
    }

    /// The whole input as text.
    pub fn read_all(mut self) -> Result<String> {
        let mut bytes = Vec::new();
        self.reader
            .read_to_end(&mut bytes)
            .with_context(|| format!("cannot read `{}`", self.name))?;
        let text = self.decode(bytes)?;
        fahras_core::check_len(&text).with_context(|| format!("cannot analyze `{}`", self.name))?;
        Ok(text)
    }

    /// The next line without its line ending, or `None` at the end.
    pub fn next_line(&mut self, buf: &mut Vec<u8>) -> Result<Option<String>> {
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
        let saved = std::mem::replace(&mut self.offset, start);
        let line = self.decode(std::mem::take(buf));
        self.offset = saved;
        line.map(Some)
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

fn display(p: &Path) -> String {
    PathBuf::from(p).display().to_string()
}
