//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use fahras_core::{KindSet, Profile};

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
    /// Extract entities (dates, organizations, officials, directives, ...) from documents.
    Extract(ExtractArgs),
    /// Score predictions against gold annotations (or on a CoNLL corpus).
    Eval(EvalArgs),
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

/// How input files hold documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum InputFormat {
    /// The whole file is one document.
    Text,
    /// One JSON object `{"id", "text", "published"?}` a line.
    Jsonl,
}

/// Extraction output format.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum ExtractFormat {
    /// One JSON document a line: `{"id", "entities": [...], "relations": [...]}`.
    Jsonl,
    /// One JSON array of those documents.
    Json,
    /// Tab-separated `id kind start end text value`, one entity a line (for
    /// humans); with `--table`, the table's columns tab-separated.
    Text,
    /// Comma-separated values with a header line; only with `--table`.
    Csv,
}

/// A flat table instead of entities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Table {
    /// One row per directive: doc id, date of the meeting or article, actor,
    /// kind, addressee, content, deadline, and its span.
    Directives,
}

#[derive(Debug, Args)]
pub(crate) struct ExtractArgs {
    /// Input files: plain text (one document each), or JSON Lines (`.jsonl`,
    /// `.jsonl.gz`). Standard input when none or `-`.
    pub files: Vec<PathBuf>,
    /// How inputs hold documents; by default from the extension (`.jsonl`,
    /// `.ndjson`, optionally `.gz`, are JSON Lines; anything else is text).
    #[arg(long, value_enum)]
    pub input_format: Option<InputFormat>,
    /// Entity kinds to extract, comma-separated (default: all).
    #[arg(long, default_value_t = KindSet::ALL)]
    pub kinds: KindSet,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: ExtractFormat,
    /// Write a flat table instead of entities (`--table directives --format csv`).
    #[arg(long, value_enum)]
    pub table: Option<Table>,
    /// Publication date (YYYY-MM-DD) for documents that do not carry one.
    #[arg(long)]
    pub published: Option<fahras_core::extract::Date>,
    /// Replace invalid UTF-8 with U+FFFD instead of skipping the document.
    #[arg(long)]
    pub lossy: bool,
}

/// Report format.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum ReportFormat {
    /// An aligned table (for humans).
    Text,
    /// JSON (for computers): one object, or one a line with `--conll`.
    Json,
}

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("mode").required(true).args(["gold", "conll"]))]
pub(crate) struct EvalArgs {
    /// Gold annotations, JSON Lines in the format of `corpus-sample/gold.jsonl`.
    #[arg(long, requires = "pred")]
    pub gold: Option<PathBuf>,
    /// Predictions, JSON Lines as `fahras extract` writes them (`-` for stdin).
    #[arg(long, requires = "gold")]
    pub pred: Option<PathBuf>,
    /// BIO-tagged CoNLL files to run the extractors on and score.
    #[arg(long, num_args = 1.., conflicts_with_all = ["gold", "pred"])]
    pub conll: Vec<PathBuf>,
    /// With `--conll`: the kinds to extract (default: all).
    #[arg(long, default_value_t = KindSet::ALL, requires = "conll")]
    pub kinds: KindSet,
    /// Report format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: ReportFormat,
}
