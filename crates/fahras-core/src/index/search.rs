//! Running a search: the hits with their snippets and entities, the total,
//! and facet counts over every match (not just the page shown).

use std::collections::BTreeMap;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};
use tantivy::collector::{Count, TopDocs};
use tantivy::schema::document::{DeserializeError, DocumentDeserialize, DocumentDeserializer};
use tantivy::schema::{Field, OwnedValue, Value};
use tantivy::{DocAddress, Searcher, TantivyDocument};

use super::facets::{self, FacetCounter};
use super::query::{self, DocType, Filters};
use super::schema::Fields;
use super::snippet::{self, Highlighter, Snippet, Terms};
use super::timeline::{self, MonthCount, Timeline};
use super::{Index, engine};
use crate::error::{Error, ErrorKind, Result};
use crate::extract::OfficialNames;
use crate::text::NormCache;

/// Facets a search can count.
pub const FACETS: [&str; 7] = ["org", "branch", "person", "role", "place", "year", "kind"];

/// A search: the query (tantivy syntax, analyzed like the text), what to
/// return and what to count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchRequest {
    /// The query: words (all required), `"phrases"`, `OR`, `NOT`/`-`,
    /// `field:value` (`person:"هيثم إسماعيل"`, `branch:اللاذقية`,
    /// `date:[2020-01-01 TO 2020-12-31]`). Empty or `*` matches everything.
    pub query: String,
    /// How many hits to return.
    pub limit: usize,
    /// How many of the best hits to skip (paging).
    pub offset: usize,
    /// Articles, directives or both.
    pub doc_type: DocType,
    /// Restrictions.
    pub filters: Filters,
    /// Facets to count (of [`FACETS`]).
    pub facets: Vec<String>,
    /// Values per facet.
    pub facet_limit: usize,
    /// Passages per hit.
    pub snippets: usize,
    /// Count matches per month of publication ([`SearchResults::timeline`]).
    pub timeline: bool,
}

impl SearchRequest {
    /// Ten articles for `query`, with one passage each and no facets.
    pub fn new(query: impl Into<String>) -> Self {
        Self {
            query: query.into(),
            limit: 10,
            offset: 0,
            doc_type: DocType::Article,
            filters: Filters::default(),
            facets: Vec::new(),
            facet_limit: 10,
            snippets: 1,
            timeline: false,
        }
    }
}

/// One value of a facet and how many matching documents have it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FacetCount {
    /// The value (a canonical name, a year, a directive kind).
    pub value: String,
    /// Matching documents with it.
    pub count: u64,
}

/// What an article stores about its entities (see `article.rs`).
#[derive(Debug, Default, Deserialize)]
struct StoredArticle {
    #[serde(default)]
    entities: Vec<serde_json::Value>,
    #[serde(default)]
    relations: Vec<serde_json::Value>,
    #[serde(default)]
    officials: Vec<OfficialNames>,
    #[serde(default)]
    directives: Vec<serde_json::Value>,
}

/// One hit.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Hit {
    /// Document id: the article's, or `<article>#<n>` for its n-th directive.
    pub id: String,
    /// `article` or `directive`.
    pub doc_type: String,
    /// The article's id.
    pub article: String,
    /// Relevance (BM25, higher is better).
    pub score: f32,
    /// The article's title.
    pub title: String,
    /// Publication date (a directive's: its meeting's or article's), ISO 8601.
    pub published: Option<String>,
    /// Where the article was published.
    pub source: Option<String>,
    /// Its address.
    pub url: Option<String>,
    /// Passages with the query's words highlighted; offsets into the article.
    pub snippets: Vec<Snippet>,
    /// The article's entities (empty for a directive).
    pub entities: Vec<serde_json::Value>,
    /// Relations between them.
    pub relations: Vec<serde_json::Value>,
    /// Its officials: person, title, organization, branch, place.
    pub officials: Vec<OfficialNames>,
    /// Its directives as rows (for a directive hit: that directive's row only).
    pub directives: Vec<serde_json::Value>,
}

/// The answer to a [`SearchRequest`].
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SearchResults {
    /// Every matching document.
    pub total: usize,
    /// The requested page of them, best first.
    pub hits: Vec<Hit>,
    /// Counts per requested facet, most frequent first.
    pub facets: BTreeMap<String, Vec<FacetCount>>,
    /// Matches per month of publication, oldest first, when asked for
    /// (absent from the JSON otherwise); undated matches are not counted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeline: Option<Vec<MonthCount>>,
}

/// An article as stored in the index: its text, what was extracted from it,
/// and its directives as rows. Entity offsets point into `text`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StoredDoc {
    /// The article's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Publication date, ISO 8601.
    pub published: Option<String>,
    /// Where it was published.
    pub source: Option<String>,
    /// Its address.
    pub url: Option<String>,
    /// The text, as given.
    pub text: String,
    /// Its entities.
    pub entities: Vec<serde_json::Value>,
    /// Relations between them.
    pub relations: Vec<serde_json::Value>,
    /// Its officials.
    pub officials: Vec<OfficialNames>,
    /// Its directives as rows.
    pub directives: Vec<serde_json::Value>,
}

/// A stored day as ISO 8601.
fn published(doc: &TantivyDocument, field: tantivy::schema::Field) -> Option<String> {
    doc.get_first(field).and_then(|v| v.as_datetime()).map(|d| {
        super::article::EPOCH
            .checked_add(jiff::SignedDuration::from_secs(d.into_timestamp_secs()))
            .map(|d| d.to_string())
            .unwrap_or_default()
    })
}

fn first_str(doc: &TantivyDocument, field: tantivy::schema::Field) -> Option<String> {
    doc.get_first(field)
        .and_then(|v| v.as_str())
        .map(str::to_owned)
}

/// The `id` of a stored document, read without the rest of it. Stored
/// fields are read in the order they were added, and every document adds
/// its type and then its id first (`article::common`), so the title, body
/// and entity JSON after them are never decoded: decoding whole documents
/// (each body checked as UTF-8 and copied) was half of [`Index::top_ids`]
/// in `perf`.
struct StoredId(Option<String>);

/// The `id` field of the one schema ([`Fields::schema`]); a
/// [`DocumentDeserialize`] is given no schema.
static ID_FIELD: LazyLock<Field> = LazyLock::new(|| Fields::schema().1.id);

impl DocumentDeserialize for StoredId {
    fn deserialize<'de, D: DocumentDeserializer<'de>>(
        mut fields: D,
    ) -> std::result::Result<Self, DeserializeError> {
        let id = *ID_FIELD;
        while let Some((field, value)) = fields.next_field::<OwnedValue>()? {
            if field == id {
                return Ok(Self(match value {
                    OwnedValue::Str(s) => Some(s),
                    _ => None,
                }));
            }
        }
        Ok(Self(None))
    }
}

impl Index {
    /// The tantivy query of a user query, a document type and filters.
    fn query(
        &self,
        text: &str,
        doc_type: DocType,
        filters: &Filters,
    ) -> Result<(Box<dyn tantivy::query::Query>, Terms)> {
        let analyzers = query::Analyzers {
            search: &self.search,
            stem: &self.stem,
        };
        query::build(
            &self.parser,
            &self.fields,
            &analyzers,
            text,
            doc_type,
            filters,
        )
    }

    /// Run `req` on the current snapshot.
    ///
    /// # Errors
    /// [`ErrorKind::InvalidQuery`] for a query that does not parse, an unknown
    /// facet; [`ErrorKind::Index`] when the index cannot be read.
    pub fn search(&self, req: &SearchRequest) -> Result<SearchResults> {
        for f in &req.facets {
            if !FACETS.contains(&f.as_str()) {
                return Err(Error::new(
                    ErrorKind::InvalidQuery,
                    format_args!(
                        "unknown facet `{f}` (expected one of {})",
                        FACETS.join(", ")
                    ),
                ));
            }
        }
        let (q, terms) = self.query(&req.query, req.doc_type, &req.filters)?;
        let searcher = self.reader.searcher();
        let top = TopDocs::with_limit(req.limit.max(1))
            .and_offset(req.offset)
            .order_by_score();
        let facets = FacetCounter {
            roots: req.facets.clone(),
        };
        let timeline = req.timeline.then_some(Timeline);
        let (top, total, counts, days) = searcher
            .search(&q, &(top, Count, facets, timeline))
            .map_err(|e| engine("search failed", e))?;
        // The index's stem cache, or one of this search's own while another
        // search holds it (or a search panicked holding it: it is scratch).
        let mut shared = self.stems.try_lock().ok();
        let mut own = NormCache::default();
        let stems = shared.as_deref_mut().unwrap_or(&mut own);
        let mut hl = Highlighter::new(&self.search, &self.stem, stems);
        let hits = top
            .into_iter()
            .take(req.limit)
            .map(|(score, addr)| self.hit(&searcher, addr, score, &terms, &mut hl, req.snippets))
            .collect::<Result<Vec<_>>>()?;
        let facets = req
            .facets
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let values = facets::top(&counts, i, req.facet_limit)
                    .into_iter()
                    .map(|(value, count)| FacetCount { value, count })
                    .collect();
                (name.clone(), values)
            })
            .collect();
        Ok(SearchResults {
            total,
            hits,
            facets,
            timeline: days.as_ref().map(timeline::months),
        })
    }

    /// The total and the best hits' scores and ids, without passages or
    /// stored entities: the fast path for scripts that only need ids.
    ///
    /// # Errors
    /// As [`search`](Self::search).
    pub fn top_ids(&self, req: &SearchRequest) -> Result<(usize, Vec<(f32, String)>)> {
        let (q, _) = self.query(&req.query, req.doc_type, &req.filters)?;
        let searcher = self.reader.searcher();
        let top = TopDocs::with_limit(req.limit.max(1))
            .and_offset(req.offset)
            .order_by_score();
        let (top, total) = searcher
            .search(&q, &(top, Count))
            .map_err(|e| engine("search failed", e))?;
        let ids = top
            .into_iter()
            .take(req.limit)
            .map(|(score, addr)| {
                let StoredId(id) = searcher
                    .doc(addr)
                    .map_err(|e| engine("cannot read a stored document", e))?;
                Ok((score, id.unwrap_or_default()))
            })
            .collect::<Result<Vec<_>>>()?;
        Ok((total, ids))
    }

    /// The ids of every document matching `query` (no ranking, no
    /// passages): for comparing result sets and exporting.
    ///
    /// # Errors
    /// As [`search`](Self::search).
    pub fn matching_ids(&self, query: &str, doc_type: DocType) -> Result<Vec<String>> {
        let (q, _) = self.query(query, doc_type, &Filters::default())?;
        let searcher = self.reader.searcher();
        let docs = searcher
            .search(&q, &tantivy::collector::DocSetCollector)
            .map_err(|e| engine("search failed", e))?;
        docs.into_iter()
            .map(|addr| {
                let StoredId(id) = searcher
                    .doc(addr)
                    .map_err(|e| engine("cannot read a stored document", e))?;
                Ok(id.unwrap_or_default())
            })
            .collect()
    }

    /// The article `id` with its text and what was extracted from it;
    /// `None` when no article has that id (a directive's id names none).
    ///
    /// # Errors
    /// When the index cannot be read.
    pub fn article(&self, id: &str) -> Result<Option<StoredDoc>> {
        let f = &self.fields;
        let q = query::article_by_id(f, id);
        let searcher = self.reader.searcher();
        let top = TopDocs::with_limit(1).order_by_score();
        let found = searcher
            .search(&q, &top)
            .map_err(|e| engine("search failed", e))?;
        let Some((_, addr)) = found.into_iter().next() else {
            return Ok(None);
        };
        let doc: TantivyDocument = searcher
            .doc(addr)
            .map_err(|e| engine("cannot read a stored document", e))?;
        let stored = first_str(&doc, f.entities)
            .and_then(|s| serde_json::from_str::<StoredArticle>(&s).ok())
            .unwrap_or_default();
        Ok(Some(StoredDoc {
            id: first_str(&doc, f.id).unwrap_or_default(),
            title: first_str(&doc, f.title).unwrap_or_default(),
            published: published(&doc, f.published),
            source: first_str(&doc, f.source),
            url: first_str(&doc, f.url),
            text: first_str(&doc, f.body).unwrap_or_default(),
            entities: stored.entities,
            relations: stored.relations,
            officials: stored.officials,
            directives: stored.directives,
        }))
    }

    fn hit(
        &self,
        searcher: &Searcher,
        addr: DocAddress,
        score: f32,
        terms: &Terms,
        hl: &mut Highlighter<'_>,
        snippets: usize,
    ) -> Result<Hit> {
        let f = &self.fields;
        let doc: TantivyDocument = searcher
            .doc(addr)
            .map_err(|e| engine("cannot read a stored document", e))?;
        let doc_type = first_str(&doc, f.doc_type).unwrap_or_default();
        let body = first_str(&doc, f.body).unwrap_or_default();
        let offsets: Vec<u64> = doc.get_all(f.offset).filter_map(|v| v.as_u64()).collect();
        let base = match offsets.as_slice() {
            [c, b] => (*c as u32, *b as u32),
            _ => (0, 0),
        };
        let published = published(&doc, f.published);
        let stored = first_str(&doc, f.entities).unwrap_or_default();
        let (mut entities, mut relations, mut officials, mut directives) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        if doc_type == "directive" {
            directives.extend(serde_json::from_str::<serde_json::Value>(&stored).ok());
        } else if let Ok(s) = serde_json::from_str::<StoredArticle>(&stored) {
            (entities, relations, officials, directives) =
                (s.entities, s.relations, s.officials, s.directives);
        }
        Ok(Hit {
            id: first_str(&doc, f.id).unwrap_or_default(),
            doc_type,
            article: first_str(&doc, f.article).unwrap_or_default(),
            score,
            title: first_str(&doc, f.title).unwrap_or_default(),
            published,
            source: first_str(&doc, f.source),
            url: first_str(&doc, f.url),
            snippets: snippet::snippets(&body, base, terms, hl, snippets),
            entities,
            relations,
            officials,
            directives,
        })
    }
}
