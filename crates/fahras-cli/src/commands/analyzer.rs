//! `fahras analyzer`: the spec JSON of a profile.

use std::io::Write;

use anyhow::Result;
use fahras_core::AnalyzerSpec;

use crate::Outcome;
use crate::args::AnalyzerArgs;

pub(crate) fn run(args: &AnalyzerArgs) -> Result<Outcome> {
    let spec = AnalyzerSpec::preset(args.profile.into());
    let mut out = super::stdout();
    serde_json::to_writer_pretty(&mut out, &spec)?;
    out.write_all(b"\n")?;
    out.flush()?;
    Ok(Outcome::Found)
}
