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
    /// Build and maintain a search index of articles, entities and directives.
    Index(IndexArgs),
    /// Search an index: words, phrases, fields, filters, facets, snippets.
    Search(SearchArgs),
    /// Serve a search page and a JSON API over an index (loopback by default).
    Serve(ServeArgs),
}

/// `fahras serve`.
#[derive(Debug, Args)]
pub(crate) struct ServeArgs {
    /// The index directory (built by `fahras index`).
    pub dir: PathBuf,
    /// Address to listen on. Anything but loopback exposes the archive to the network.
    #[arg(long, default_value = "127.0.0.1")]
    pub host: std::net::IpAddr,
    /// Port to listen on; 0 picks a free one (the address is printed).
    #[arg(long, default_value_t = 8080)]
    pub port: u16,
    /// Accept `POST /api/articles` and `DELETE /api/doc/{id}`; read-only otherwise.
    #[arg(long)]
    pub allow_writes: bool,
    /// Threads answering requests (default: one per core).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Search answers kept for repeated requests (a shared link, back and
    /// forward, a facet toggled off); dropped when a commit changes the
    /// index. 0 turns the cache off.
    #[arg(long, default_value_t = 1024)]
    pub cache: usize,
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
    /// Where to build the sample index (default: `fahras-demo-index` in the
    /// system's temporary folder). Rebuilt on every run; a folder that holds
    /// anything but a fahras index is refused.
    #[arg(long)]
    pub index: Option<PathBuf>,
}

/// How input files hold documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum InputFormat {
    /// The whole file is one document.
    Text,
    /// One JSON object `{"id", "text", "published"?, "title"?, "url"?, "source"?}` a line.
    Jsonl,
    /// An HTML page: its main text, title and date.
    Html,
    /// An RSS or Atom feed: one document per item.
    Feed,
}

/// Extraction output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ExtractFormat {
    /// One JSON document a line: `{"id", "entities": [...], "relations": [...]}`;
    /// with `--table`, one JSON row a line.
    Jsonl,
    /// One JSON array of those documents (or rows).
    Json,
    /// Tab-separated `id kind start end text value`, one entity a line (for
    /// humans); with `--table`, the table's columns tab-separated.
    Text,
    /// Comma-separated values with a header line: a table (`--table`, default entities).
    Csv,
    /// A Parquet file of a table (`--table`, default entities); needs `--output`.
    Parquet,
}

/// A flat table instead of entities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum TableArg {
    /// One row per entity: doc id, entity id, kind, offsets, text, value, attributes (JSON).
    Entities,
    /// One row per official: doc id, person, title, office, organization, branch, place, span.
    Officials,
    /// One row per directive: doc id, date of the meeting or article, actor,
    /// kind, addressee, content, deadline, and its span.
    Directives,
    /// One row per meeting: doc id, kind, body, date, place, chair, text, span, published.
    Meetings,
}

impl From<TableArg> for fahras_core::extract::Table {
    fn from(t: TableArg) -> Self {
        use fahras_core::extract::Table;
        match t {
            TableArg::Entities => Table::Entities,
            TableArg::Officials => Table::Officials,
            TableArg::Directives => Table::Directives,
            TableArg::Meetings => Table::Meetings,
        }
    }
}

/// Where a batch reads documents, and what it does with bad ones.
#[derive(Debug, Args)]
pub(crate) struct ReadArgs {
    /// Input files and directories: plain text (a document each), JSON Lines
    /// (`.jsonl`, `.ndjson`), HTML pages (`.html`, `.htm`), RSS or Atom feeds
    /// (`.rss`, `.atom`, `.xml`), each optionally gzipped (`.gz`).
    /// Directories are read recursively. Standard input when none or `-`.
    pub files: Vec<PathBuf>,
    /// How inputs hold documents; by default from the extension, else from
    /// the first bytes.
    #[arg(long, value_enum)]
    pub input_format: Option<InputFormat>,
    /// Files to read under directories (`*.html`, `2021/**/*.jsonl.gz`;
    /// `!pattern` leaves out); repeat for more. Default: the known extensions.
    #[arg(long)]
    pub glob: Vec<String>,
    /// Publication date (YYYY-MM-DD) for documents that do not carry one.
    #[arg(long)]
    pub published: Option<fahras_core::extract::Date>,
    /// Replace invalid bytes with U+FFFD instead of skipping the document
    /// (after UTF-8, the declared charset and Windows-1256 were tried).
    #[arg(long)]
    pub lossy: bool,
    /// Skip documents whose text is larger than this many MB.
    #[arg(long, default_value_t = 16, value_parser = clap::value_parser!(u64).range(1..4000))]
    pub max_doc_mb: u64,
    /// Write every skipped, repaired or duplicate input to this file, one JSON
    /// object a line: `{"file", "line", "item", "id", "problem", "reason"}`.
    #[arg(long, value_name = "FILE")]
    pub errors: Option<PathBuf>,
    /// No progress bar and no warnings (errors and the exit code still tell).
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Threads for extraction (default: the machine's cores).
    #[arg(long, short = 'j')]
    pub threads: Option<usize>,
}

impl ReadArgs {
    /// The worker threads: `--threads`, else the machine's cores.
    pub fn threads(&self) -> usize {
        self.threads
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
            .max(1)
    }
}

#[derive(Debug, Args)]
#[allow(clippy::struct_excessive_bools)] // command-line switches
pub(crate) struct ExtractArgs {
    #[command(flatten)]
    pub read: ReadArgs,
    /// Entity kinds to extract, comma-separated (default: all).
    #[arg(long, default_value_t = KindSet::ALL)]
    pub kinds: KindSet,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: ExtractFormat,
    /// Write a flat table instead of entities (`--table directives --format csv`).
    #[arg(long, value_enum)]
    pub table: Option<TableArg>,
    /// Write to this file instead of standard output: atomically (as
    /// `FILE.partial`, renamed when complete).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Keep what `--output` already holds and extract only the documents
    /// whose id is not in it (also after a crash, from `FILE.partial`).
    #[arg(long, requires = "output")]
    pub resume: bool,
    /// Write results as they are ready instead of in input order (faster
    /// when documents differ much in size; runs are then not reproducible).
    #[arg(long)]
    pub unordered: bool,
    /// Also extract documents whose id or normalized text was seen before
    /// (by default they are reported as duplicates and written once).
    #[arg(long)]
    pub keep_duplicates: bool,
    /// Add each document's text (what the offsets point into: for HTML and
    /// feeds, the extracted text) and its title, date, url and source to
    /// its JSON line.
    #[arg(long)]
    pub with_text: bool,
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
    /// With `--conll`: read each sentence after the N sentences before it,
    /// as in its article, and score only the sentence (0: each alone).
    #[arg(long, value_name = "N", default_value_t = 0, requires = "conll")]
    pub context: usize,
    /// Report format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: ReportFormat,
}

#[derive(Debug, Args)]
pub(crate) struct IndexArgs {
    #[command(subcommand)]
    pub command: IndexCommand,
}

#[derive(Debug, Subcommand)]
pub(crate) enum IndexCommand {
    /// Create an empty index in DIR (created when missing; must be empty).
    Create {
        /// The index directory.
        dir: PathBuf,
    },
    /// Add documents (same inputs as `extract`); an id already indexed is replaced.
    Add(IndexAddArgs),
    /// Numbers about an index.
    Stats {
        /// The index directory.
        dir: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: ReportFormat,
    },
    /// One article as stored, as JSON: its text, entities (offsets into the
    /// text), relations, officials and directives. Exit 1 when there is none.
    Show {
        /// The index directory.
        dir: PathBuf,
        /// The article's id.
        id: String,
    },
    /// Delete articles (and their directives) by id.
    Delete {
        /// The index directory.
        dir: PathBuf,
        /// Id of an article to delete; repeat for more.
        #[arg(long, required = true)]
        id: Vec<String>,
    },
}

#[derive(Debug, Args)]
pub(crate) struct IndexAddArgs {
    /// The index directory.
    pub dir: PathBuf,
    /// Documents: the same inputs as `extract`. JSON Lines may carry `id`,
    /// `text`, `title`, `published` (or `date`), `source`, `url`.
    #[command(flatten)]
    pub read: ReadArgs,
    /// Index the text only: no entities, facets or directives (faster).
    #[arg(long)]
    pub no_extract: bool,
    /// Entity kinds to extract for facets and directives (default: all).
    #[arg(long, default_value_t = KindSet::ALL, conflicts_with = "no_extract")]
    pub kinds: KindSet,
    /// Commit every N documents (and at the end). A crash loses at most the
    /// documents since the last commit.
    #[arg(long, default_value_t = 10_000, value_parser = clap::value_parser!(u64).range(1..))]
    pub commit_every: u64,
    /// Also commit when this many seconds have passed since the last commit
    /// and no document is waiting to be written, so a slow live feed
    /// (`tail -f feed.jsonl | fahras index add DIR -`) is searchable within
    /// about that long. 0: only `--commit-every` and the end commit.
    #[arg(long, default_value_t = 10)]
    pub commit_secs: u64,
    /// Memory for the indexing buffers, in MB; bounds the writer's memory.
    #[arg(long, default_value_t = 256, value_parser = clap::value_parser!(u64).range(16..4000))]
    pub memory_mb: u64,
}

/// Search output format.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum SearchFormat {
    /// Titles, passages with highlights, officials (for humans).
    Text,
    /// One JSON object `{"total", "hits", "facets"}` (for computers).
    Json,
    /// One JSON hit a line, then a last line `{"total", "facets"}`.
    Jsonl,
    /// One row a hit: id, type, article, score, title, date, source, url,
    /// first passage, officials, directives (the page's CSV export).
    Csv,
}

/// How right-to-left text is printed in `--format text`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Bidi {
    /// Visual order on a terminal, logical order into a pipe or file.
    Auto,
    /// Reordered for display, for terminals without bidi support (most).
    Visual,
    /// As stored, for terminals that reorder themselves (GNOME Terminal, Konsole, mlterm).
    Logical,
}

/// What a search returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum SearchKind {
    /// Articles.
    Article,
    /// Directives of every kind, each with its row and article.
    Directive,
    /// Directives that are decisions.
    Decision,
    /// Directives that are calls.
    Call,
    /// Directives that are recommendations.
    Recommendation,
    /// Directives that are emphases.
    Emphasis,
    /// Articles and directives.
    All,
}

#[derive(Debug, Args)]
pub(crate) struct SearchArgs {
    /// The index directory.
    pub dir: PathBuf,
    /// The query: words (all required), "phrases", OR, NOT or -word,
    /// field:value (title, body, org, branch, person, role, place, kind, source)
    /// and dates (`date:[2020-01-01 TO 2020-12-31]`, `date:2020`, `dates:2021-02`
    /// for dates mentioned in the text). Empty or `*`: every document.
    pub query: String,
    /// How many hits to print.
    #[arg(long, short = 'n', default_value_t = 10)]
    pub limit: usize,
    /// Skip the best N hits (paging).
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: SearchFormat,
    /// What to return.
    #[arg(long, value_enum, default_value = "article")]
    pub kind: SearchKind,
    /// Only documents naming this organization (spelling-tolerant phrase; repeat for any of several).
    #[arg(long)]
    pub org: Vec<String>,
    /// Only documents naming this branch or a branch in this place.
    #[arg(long)]
    pub branch: Vec<String>,
    /// Only documents naming this person.
    #[arg(long)]
    pub person: Vec<String>,
    /// Only documents naming this title.
    #[arg(long)]
    pub role: Vec<String>,
    /// Only documents naming this place.
    #[arg(long)]
    pub place: Vec<String>,
    /// Published on or after this day (directives: their meeting's day).
    #[arg(long)]
    pub from: Option<fahras_core::extract::Date>,
    /// Published on or before this day.
    #[arg(long)]
    pub to: Option<fahras_core::extract::Date>,
    /// Facets to count over all matches, comma-separated: org, branch, person,
    /// role, place, year, kind.
    #[arg(long, value_delimiter = ',')]
    pub facets: Vec<String>,
    /// Values shown per facet.
    #[arg(long, default_value_t = 10)]
    pub facet_limit: usize,
    /// Passages per hit.
    #[arg(long, default_value_t = 1)]
    pub snippets: usize,
    /// Count matches per month of publication (`timeline` in JSON).
    #[arg(long)]
    pub timeline: bool,
    /// How right-to-left text is printed in `--format text`.
    #[arg(long, value_enum, default_value = "auto")]
    pub bidi: Bidi,
}
