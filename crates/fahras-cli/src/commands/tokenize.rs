//! `fahras tokenize`.

use std::io::Write;

use anyhow::Result;
use fahras_core::{Analyzer, TokenView};
use serde::Serialize;

use crate::Outcome;
use crate::args::{TokenFormat, TokenizeArgs};
use crate::input::Source;

#[derive(Serialize)]
struct Tokens<'a> {
    tokens: Vec<TokenView<'a>>,
}

pub(crate) fn run(args: &TokenizeArgs) -> Result<Outcome> {
    let text = Source::open(&args.input)?.read_all()?;
    let tokens = Analyzer::new(args.profile.into()).analyze(&text);
    let mut out = super::stdout();
    match args.format {
        TokenFormat::Text => {
            for t in &tokens {
                let v = t.view(&text);
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{}",
                    v.start,
                    v.end,
                    v.kind.as_str(),
                    v.text,
                    v.norm
                )?;
            }
        }
        TokenFormat::Json => {
            let all = Tokens {
                tokens: tokens.iter().map(|t| t.view(&text)).collect(),
            };
            serde_json::to_writer(&mut out, &all)?;
            out.write_all(b"\n")?;
        }
        TokenFormat::Jsonl => {
            for t in &tokens {
                serde_json::to_writer(&mut out, &t.view(&text))?;
                out.write_all(b"\n")?;
            }
        }
    }
    out.flush()?;
    Ok(if tokens.is_empty() {
        Outcome::Nothing
    } else {
        Outcome::Found
    })
}
