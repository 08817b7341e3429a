//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use fahras_core::Profile;

/// fahras: Arabic text analytics for party statements, meeting reports and directives.
#[derive(Debug, Parser)]
#[command(name = "fahras", version, about, propagate_version = true)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Normalize text, one output line per input line.
    Normalize(NormalizeArgs),
    /// Split text into tokens with their spans in the original.
    Tokenize(TokenizeArgs),
    /// Split text into sentences.
    Sentences(SentencesArgs),
    /// Show the analyzer spec of a profile (the JSON stored with an index).
    Analyzer(AnalyzerArgs),
    /// Run fahras on the built-in sample corpus and print a summary.
    Demo(DemoArgs),
}

/// Where text comes from.
#[derive(Debug, Args)]
pub(crate) struct InputArgs {
    /// Input file; standard input when absent or `-`.
    pub file: Option<PathBuf>,
    /// Replace invalid UTF-8 with U+FFFD instead of failing. Offsets then refer
    /// to the repaired text.
    #[arg(long)]
    pub lossy: bool,
}

/// A normalization profile.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum ProfileArg {
    /// Every fold (what the index and queries use).
    Search,
    /// Lossless folds only: NFKC, zero-width, tatweel, digits, Persian letters.
    Strict,
    /// `search` plus stop words and light stemming.
    Stem,
}

impl From<ProfileArg> for Profile {
    fn from(p: ProfileArg) -> Self {
        match p {
            ProfileArg::Search => Profile::Search,
            ProfileArg::Strict => Profile::Strict,
            ProfileArg::Stem => Profile::Stem,
        }
    }
}

#[derive(Debug, Args)]
pub(crate) struct NormalizeArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Normalization profile.
    #[arg(long, value_enum, default_value = "search")]
    pub profile: ProfileArg,
}

/// Token output format.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum TokenFormat {
    /// Tab-separated `start end kind text norm`, one token a line (for humans).
    Text,
    /// One JSON object `{"tokens": [...]}` (for computers).
    Json,
    /// One JSON token a line (for computers, streaming).
    Jsonl,
}

#[derive(Debug, Args)]
pub(crate) struct TokenizeArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: TokenFormat,
    /// Normalization profile for the `norm` field.
    #[arg(long, value_enum, default_value = "search")]
    pub profile: ProfileArg,
}

/// Sentence output format.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum SentenceFormat {
    /// One sentence a line (for humans).
    Text,
    /// One JSON sentence a line with its offsets (for computers).
    Jsonl,
}

#[derive(Debug, Args)]
pub(crate) struct SentencesArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: SentenceFormat,
}

#[derive(Debug, Args)]
pub(crate) struct AnalyzerArgs {
    /// Profile whose spec to print.
    #[arg(long, value_enum, default_value = "search")]
    pub profile: ProfileArg,
}

#[derive(Debug, Args)]
pub(crate) struct DemoArgs {
    /// Sample corpus directory (default: `corpus-sample` here, or the one in the repository).
    #[arg(long)]
    pub corpus: Option<PathBuf>,
}
