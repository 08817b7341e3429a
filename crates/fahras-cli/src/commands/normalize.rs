//! `fahras normalize`: streams line by line, so inputs of any size work in constant memory.

use std::io::Write;

use anyhow::Result;
use fahras_core::Analyzer;

use crate::Outcome;
use crate::args::NormalizeArgs;
use crate::input::Source;

pub(crate) fn run(args: &NormalizeArgs) -> Result<Outcome> {
    let analyzer = Analyzer::new(args.profile.into());
    let mut src = Source::open(&args.input)?;
    let mut out = super::stdout();
    let mut buf = Vec::new();
    let mut found = false;
    while let Some(line) = src.next_line(&mut buf)? {
        let norm = analyzer.normalize(&line);
        found |= !norm.is_empty();
        out.write_all(norm.as_bytes())?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(if found {
        Outcome::Found
    } else {
        Outcome::Nothing
    })
}
