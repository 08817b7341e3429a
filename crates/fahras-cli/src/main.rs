//! The `fahras` command.
//!
//! Exit codes (ripgrep's, and one more): 0 when something was produced, 1 when
//! the input held nothing to produce (no tokens, no sentences, no hits), 2 on
//! error, 3 when `index add` indexed what it could but skipped bad input. A
//! closed pipe (`fahras tokenize big.txt | head`) is not an error.

#![allow(clippy::print_stderr)]

mod args;
mod commands;
mod input;
mod output;
mod pipeline;
mod progress;
mod read;
mod report;
mod serve;

use std::io;
use std::process::ExitCode;

use clap::Parser;

use crate::args::{Cli, Command};

/// What a command found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// Output was produced.
    Found,
    /// The input held nothing to output.
    Nothing,
    /// Output was produced, but some input was skipped.
    Partial,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Normalize(a) => commands::normalize::run(&a),
        Command::Tokenize(a) => commands::tokenize::run(&a),
        Command::Sentences(a) => commands::sentences::run(&a),
        Command::Analyzer(a) => commands::analyzer::run(&a),
        Command::Extract(a) => commands::extract::run(&a),
        Command::Eval(a) => commands::eval::run(&a),
        Command::Demo(a) => commands::demo::run(&a),
        Command::Index(a) => commands::index::run(&a),
        Command::Search(a) => commands::search::run(&a),
        Command::Serve(a) => serve::run(&a),
    };
    match result {
        Ok(Outcome::Found) => ExitCode::SUCCESS,
        Ok(Outcome::Nothing) => ExitCode::from(1),
        Ok(Outcome::Partial) => ExitCode::from(3),
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        let io = e.downcast_ref::<io::Error>().map(io::Error::kind);
        // JSON writers wrap the I/O error in their own.
        let json = e
            .downcast_ref::<serde_json::Error>()
            .and_then(serde_json::Error::io_error_kind);
        io.or(json) == Some(io::ErrorKind::BrokenPipe)
    })
}
