//! The archive: a tantivy index of articles, their entities and their
//! directives, searched through the same analyzer that extracts them.
//!
//! ```
//! use fahras_core::index::{Article, Index, SearchRequest, WriterOptions};
//! use fahras_core::{Extractor, KindSet};
//!
//! let dir = std::env::temp_dir().join(format!("fahras-doc-{}", std::process::id()));
//! # let _ = std::fs::remove_dir_all(&dir);
//! let index = Index::create(&dir)?;
//! let extractor = Extractor::new(KindSet::ALL);
//! let mut writer = index.writer(WriterOptions::default())?;
//! let article = Article::new("a1", "ترأس الرفيق هيثم إسماعيل أمين فرع اللاذقية للحزب الاجتماع الدوري.");
//! writer.add(index.prepare(&article, Some(&extractor)))?;
//! writer.commit()?;
//!
//! // "أمين" finds "أمين" and "الأمين", "بالأمين", "امين" alike.
//! let found = index.search(&SearchRequest::new("امين"))?;
//! assert_eq!(found.total, 1);
//! assert_eq!(found.hits[0].id, "a1");
//! # drop(writer); std::fs::remove_dir_all(&dir).ok();
//! # Ok::<(), fahras_core::Error>(())
//! ```
//!
//! ## Layout
//!
//! One tantivy document per article (`doc_type:article`) and one per
//! directive (`doc_type:directive`, id `<article>#<n>`). `body` and `title`
//! hold each word's `search`-profile form and, at the same position when it
//! differs, its protected light stem marked as a stem; a query asks for both,
//! the form boosted, so the form as written ranks above a mere stem match,
//! and a phrase matches by forms or by stems. Canonical entity names are analyzed fields
//! (`org`, `branch`, `person`, `role`, `place`) and facets; DATE values are
//! the fast field `dates`. `fahras-index.json` keeps the analyzer specs and
//! their fingerprint; opening an index with another analyzer is an error.

mod article;
mod facets;
mod meta;
mod query;
mod schema;
mod search;
mod snippet;
mod timeline;
mod tokenizer;

use std::hash::BuildHasher;
use std::path::{Path, PathBuf};

use rustc_hash::FxHashSet;
use tantivy::collector::Count;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{IndexReader, ReloadPolicy, TantivyDocument, Term};

pub use crate::extract::OfficialNames;
pub use article::{Article, Prepared};
pub use query::{DocType, Filters};
pub use search::{FACETS, FacetCount, Hit, SearchRequest, SearchResults, StoredDoc};
pub use snippet::{Snippet, SnippetSpan};
pub use timeline::MonthCount;

use crate::error::{Error, ErrorKind, Result};
use crate::extract::{Document, Extraction, Extractor};
use crate::text::Analyzer;
use meta::IndexMeta;
use schema::Fields;
use tokenizer::FahrasTokenizer;

fn engine(what: impl std::fmt::Display, e: tantivy::TantivyError) -> Error {
    let kind = match &e {
        tantivy::TantivyError::IoError(_) | tantivy::TantivyError::OpenDirectoryError(_) => {
            ErrorKind::Io
        }
        _ => ErrorKind::Index,
    };
    Error::with_source(kind, format!("{what}: {e}"), e)
}

/// An index directory, open for search. Cheap to share across threads:
/// every search sees one consistent snapshot of the last commit.
pub struct Index {
    dir: PathBuf,
    engine: tantivy::Index,
    reader: IndexReader,
    fields: Fields,
    meta: IndexMeta,
    search: Analyzer,
    stem: Analyzer,
    /// Built once: a parser per query cost a tokenizer registry per query.
    parser: tantivy::query::QueryParser,
    /// Stems of the words passages were looked for in, kept between
    /// searches: a search with passages stems every word of its hits, and the
    /// next search's hits share most of them. A search that finds it in use
    /// (another thread's) starts a cache of its own rather than wait.
    stems: std::sync::Mutex<crate::text::NormCache>,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index")
            .field("dir", &self.dir)
            .field("fingerprint", &self.meta.fingerprint)
            .finish_non_exhaustive()
    }
}

/// How a [`Writer`] uses the machine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WriterOptions {
    /// Indexing threads (tantivy's).
    pub threads: usize,
    /// Memory for all indexing threads together, in bytes; a segment is
    /// written out when it is used up, so this bounds the writer's memory.
    pub memory_budget: usize,
}

impl Default for WriterOptions {
    fn default() -> Self {
        Self {
            threads: 1,
            memory_budget: 128 << 20,
        }
    }
}

/// Numbers about an index.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Stats {
    /// Articles.
    pub documents: u64,
    /// Directive documents.
    pub directives: u64,
    /// tantivy segments.
    pub segments: usize,
    /// Size of the directory's files.
    pub bytes: u64,
    /// The analyzer fingerprint stored with the index.
    pub fingerprint: String,
    /// The index directory.
    pub path: String,
}

impl Index {
    /// Create an index in `dir` (created when missing; it must be empty).
    ///
    /// # Errors
    /// When `dir` holds files, or cannot be written.
    pub fn create(dir: impl AsRef<Path>) -> Result<Self> {
        let dir = dir.as_ref();
        let io = |e: std::io::Error| {
            Error::with_source(
                ErrorKind::Io,
                format!("cannot create `{}`: {e}", dir.display()),
                e,
            )
        };
        std::fs::create_dir_all(dir).map_err(io)?;
        if std::fs::read_dir(dir).map_err(io)?.next().is_some() {
            let what = if dir.join(meta::FILE).exists() {
                "is already a fahras index"
            } else {
                "is not empty"
            };
            return Err(Error::with_source(
                ErrorKind::Io,
                format_args!("cannot create an index in `{}`: it {what}", dir.display()),
                std::io::Error::new(std::io::ErrorKind::AlreadyExists, what),
            ));
        }
        let (schema, _) = Fields::schema();
        tantivy::Index::create_in_dir(dir, schema)
            .map_err(|e| engine(format_args!("cannot create `{}`", dir.display()), e))?;
        // The description goes last: a directory without it is no index yet.
        IndexMeta::current().write(dir)?;
        Self::open(dir)
    }

    /// Open the index in `dir`.
    ///
    /// # Errors
    /// When `dir` is no fahras index, or was built by a different layout or
    /// analyzer than this build's ([`ErrorKind::IndexMismatch`]).
    pub fn open(dir: impl AsRef<Path>) -> Result<Self> {
        let dir = dir.as_ref();
        let meta = IndexMeta::read(dir)?;
        let (search, stem) = meta.analyzers(dir)?;
        let index = tantivy::Index::open_in_dir(dir)
            .map_err(|e| engine(format_args!("cannot open `{}`", dir.display()), e))?;
        let fields = Fields::of(&index.schema()).ok_or_else(|| {
            Error::new(
                ErrorKind::IndexMismatch,
                format_args!(
                    "index `{}` has a schema this build does not know; rebuild it",
                    dir.display()
                ),
            )
        })?;
        index
            .tokenizers()
            .register(tokenizer::SEARCH, FahrasTokenizer::new(search.clone()));
        index.tokenizers().register(
            tokenizer::TEXT,
            FahrasTokenizer::with_stems(search.clone(), stem.clone()),
        );
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()
            .map_err(|e| engine(format_args!("cannot read `{}`", dir.display()), e))?;
        let parser = query::parser(&index, &fields, &search);
        Ok(Self {
            dir: dir.to_path_buf(),
            engine: index,
            reader,
            fields,
            meta,
            search,
            stem,
            stems: std::sync::Mutex::default(),
            parser,
        })
    }

    /// The index directory.
    pub fn path(&self) -> &Path {
        &self.dir
    }

    /// The analyzer fingerprint stored with the index.
    pub fn fingerprint(&self) -> &str {
        &self.meta.fingerprint
    }

    /// A writer. Only one may be open on an index at a time, across processes.
    ///
    /// # Errors
    /// When another writer holds the index.
    pub fn writer(&self, options: WriterOptions) -> Result<Writer> {
        let writer = self
            .engine
            .writer_with_num_threads(options.threads.max(1), options.memory_budget)
            .map_err(|e| engine(format_args!("cannot write `{}`", self.dir.display()), e))?;
        // Read with the writer's lock held: no other writer can add to it now.
        let empty = writer
            .index()
            .searchable_segment_metas()
            .map_err(|e| engine(format_args!("cannot read `{}`", self.dir.display()), e))?
            .iter()
            .all(|m| m.num_docs() == 0);
        Ok(Writer {
            inner: writer,
            reader: self.reader.clone(),
            fields: self.fields,
            pending: 0,
            added: empty.then(FxHashSet::default),
        })
    }

    /// Extract from `article` (when an extractor is given) and build its
    /// documents. Runs without the writer, so many articles can be prepared
    /// on many threads and added in turn.
    pub fn prepare(&self, article: &Article, extractor: Option<&Extractor>) -> Prepared {
        let found = extractor.map(|x| {
            let mut doc = Document::new(&article.text);
            doc.published = article.published;
            x.extract(&doc)
        });
        article::prepare(&self.fields, article, found.as_ref())
    }

    /// Build the documents of `article` from what was already extracted from
    /// its text (with its publication date), so a caller that extracted for
    /// other reasons does not extract twice.
    pub fn prepare_extracted(&self, article: &Article, found: &Extraction) -> Prepared {
        article::prepare(&self.fields, article, Some(found))
    }

    /// Make the last commit visible now, rather than within a moment.
    ///
    /// # Errors
    /// When the index files cannot be read.
    pub fn reload(&self) -> Result<()> {
        self.reader
            .reload()
            .map_err(|e| engine(format_args!("cannot reload `{}`", self.dir.display()), e))
    }

    fn count(
        searcher: &tantivy::Searcher,
        field: tantivy::schema::Field,
        value: &str,
    ) -> Result<u64> {
        let q = TermQuery::new(
            Term::from_field_text(field, value),
            IndexRecordOption::Basic,
        );
        searcher
            .search(&q, &Count)
            .map(|n| n as u64)
            .map_err(|e| engine("cannot count documents", e))
    }

    /// The snapshot searches now read: it changes with every commit that
    /// becomes visible, so an answer cached under it is still right while
    /// it stays the same.
    pub fn generation(&self) -> u64 {
        self.reader.searcher().generation().generation_id()
    }

    /// How many articles hold `id` (0 or 1) in the current snapshot.
    ///
    /// # Errors
    /// When the index cannot be read.
    pub fn contains(&self, id: &str) -> Result<bool> {
        let searcher = self.reader.searcher();
        Ok(Self::count(&searcher, self.fields.id, id)? > 0)
    }

    /// Numbers about the index as of its last commit.
    ///
    /// # Errors
    /// When the index cannot be read.
    pub fn stats(&self) -> Result<Stats> {
        let searcher = self.reader.searcher();
        let documents = Self::count(&searcher, self.fields.doc_type, "article")?;
        let directives = Self::count(&searcher, self.fields.doc_type, "directive")?;
        let bytes = std::fs::read_dir(&self.dir).map_or(0, |entries| {
            entries
                .filter_map(|e| e.ok()?.metadata().ok())
                .filter(std::fs::Metadata::is_file)
                .map(|m| m.len())
                .sum()
        });
        Ok(Stats {
            documents,
            directives,
            segments: searcher.segment_readers().len(),
            bytes,
            fingerprint: self.meta.fingerprint.clone(),
            path: self.dir.display().to_string(),
        })
    }
}

/// Adds, replaces and deletes articles. Nothing is visible, or durable, before
/// [`commit`](Writer::commit); a crash loses the uncommitted part only.
pub struct Writer {
    inner: tantivy::IndexWriter<TantivyDocument>,
    reader: IndexReader,
    fields: Fields,
    pending: u64,
    /// Hashes of the ids this writer added, when the index held no document
    /// as it was opened: an id not among them has nothing to replace, so no
    /// delete is queued for it. tantivy turns every queued delete into a
    /// term query on each new segment at commit (`perf`: 3 % of a bulk
    /// load). Two ids with one hash only cost a needless delete. `None`:
    /// every add deletes first.
    added: Option<FxHashSet<u64>>,
}

impl std::fmt::Debug for Writer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Writer")
            .field("pending", &self.pending)
            .finish_non_exhaustive()
    }
}

impl Writer {
    /// Add a prepared article, replacing any article with its id (and that
    /// article's directives).
    ///
    /// # Errors
    /// When the indexing threads failed.
    pub fn add(&mut self, prepared: Prepared) -> Result<()> {
        let new = self
            .added
            .as_mut()
            .is_some_and(|ids| ids.insert(rustc_hash::FxBuildHasher.hash_one(&prepared.id)));
        if !new {
            self.delete(&prepared.id);
        }
        for doc in prepared.docs {
            self.inner
                .add_document(doc)
                .map_err(|e| engine("cannot add a document", e))?;
        }
        self.pending += 1;
        Ok(())
    }

    /// Delete the article `id` and its directives.
    pub fn delete(&mut self, id: &str) {
        self.inner
            .delete_term(Term::from_field_text(self.fields.article, id));
    }

    /// Articles added since the last commit.
    pub fn pending(&self) -> u64 {
        self.pending
    }

    /// Make every change so far durable and visible to new searches.
    ///
    /// # Errors
    /// When the index cannot be written.
    pub fn commit(&mut self) -> Result<()> {
        self.inner
            .commit()
            .map_err(|e| engine("cannot commit the index", e))?;
        self.pending = 0;
        self.reader
            .reload()
            .map_err(|e| engine("cannot reload the index", e))
    }

    /// Wait for background merges, then release the index.
    ///
    /// # Errors
    /// When a merge failed.
    pub fn finish(self) -> Result<()> {
        self.inner
            .wait_merging_threads()
            .map_err(|e| engine("cannot finish merging the index", e))
    }
}
