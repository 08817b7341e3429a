//! `fahras sentences`.

use std::io::Write;

use anyhow::Result;
use fahras_core::text::sentences;

use crate::Outcome;
use crate::args::{SentenceFormat, SentencesArgs};
use crate::input::Source;

pub(crate) fn run(args: &SentencesArgs) -> Result<Outcome> {
    let text = Source::open(&args.input)?.read_all()?;
    let sents = sentences(&text);
    let mut out = super::stdout();
    for s in &sents {
        match args.format {
            SentenceFormat::Text => writeln!(out, "{}", s.text(&text))?,
            SentenceFormat::Jsonl => {
                serde_json::to_writer(&mut out, &s.view(&text))?;
                out.write_all(b"\n")?;
            }
        }
    }
    out.flush()?;
    Ok(if sents.is_empty() {
        Outcome::Nothing
    } else {
        Outcome::Found
    })
}
