//! `fahras-index.json`: what analyzed the index, stored beside tantivy's files,
//! so an index is never searched with a different analyzer than built it.

use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::{Error, ErrorKind, Result};
use crate::text::{Analyzer, AnalyzerSpec, Profile, data};

/// Name of the file in the index directory.
pub(crate) const FILE: &str = "fahras-index.json";

/// Version of the layout: schema fields and how documents are built. An index
/// of another layout must be rebuilt.
pub(crate) const LAYOUT: u32 = 2;

/// Bumped when segmentation or a fold changes in code (not in data), which the
/// spec and the data files cannot show.
const ANALYSIS_REVISION: u32 = 1;

/// The stored description of an index.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct IndexMeta {
    /// [`LAYOUT`] when the index was created.
    pub layout: u32,
    /// The analyzer of surface forms (`body`, `title`, entity fields).
    pub search: AnalyzerSpec,
    /// The analyzer of the stems `body` and `title` also hold.
    pub stem: AnalyzerSpec,
    /// [`fingerprint`] of the two, with the data they read.
    pub fingerprint: String,
    /// The fahras version that created the index, for messages.
    pub created_by: String,
}

impl IndexMeta {
    /// The description of an index this build creates.
    pub(crate) fn current() -> Self {
        let search = AnalyzerSpec::preset(Profile::Search);
        let stem = AnalyzerSpec::preset(Profile::Stem);
        let fingerprint = fingerprint(&search, &stem);
        Self {
            layout: LAYOUT,
            search,
            stem,
            fingerprint,
            created_by: env!("CARGO_PKG_VERSION").to_owned(),
        }
    }

    pub(crate) fn read(dir: &Path) -> Result<Self> {
        let path = dir.join(FILE);
        let json = std::fs::read_to_string(&path).map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                // The cause is kept so callers can tell a missing index apart
                // (Python raises FileNotFoundError).
                Error::with_source(
                    ErrorKind::Io,
                    format_args!(
                        "`{}` is not a fahras index (no {FILE}); create one with `fahras index create`",
                        dir.display()
                    ),
                    e,
                )
            } else {
                let msg = format!("cannot read `{}`: {e}", path.display());
                Error::with_source(ErrorKind::Io, msg, e)
            }
        })?;
        serde_json::from_str(&json).map_err(|e| {
            let msg = format!("`{}` is damaged: {e}", path.display());
            Error::with_source(ErrorKind::IndexMismatch, msg, e)
        })
    }

    pub(crate) fn write(&self, dir: &Path) -> Result<()> {
        let json = serde_json::to_string_pretty(self).unwrap_or_default();
        // Written beside, then renamed: a crash never leaves half a file.
        let tmp = dir.join(format!("{FILE}.tmp"));
        let io = |e: std::io::Error| {
            Error::with_source(
                ErrorKind::Io,
                format!("cannot write `{}`: {e}", dir.join(FILE).display()),
                e,
            )
        };
        std::fs::write(&tmp, json + "\n").map_err(io)?;
        std::fs::rename(&tmp, dir.join(FILE)).map_err(io)
    }

    /// The two analyzers, after checking that this build analyzes text exactly
    /// as the one that built the index.
    pub(crate) fn analyzers(&self, dir: &Path) -> Result<(Analyzer, Analyzer)> {
        if self.layout != LAYOUT {
            return Err(Error::new(
                ErrorKind::IndexMismatch,
                format_args!(
                    "index `{}` has layout {} (made by fahras {}); this build reads layout {LAYOUT}: rebuild it with `fahras index create` and `fahras index add`",
                    dir.display(),
                    self.layout,
                    self.created_by
                ),
            ));
        }
        let now = fingerprint(&self.search, &self.stem);
        if now != self.fingerprint {
            return Err(Error::new(
                ErrorKind::IndexMismatch,
                format_args!(
                    "index `{}` was built by an analyzer with fingerprint {} (fahras {}), but this build analyzes the same spec as {now}: its word lists or folds changed, so queries would miss; rebuild the index",
                    dir.display(),
                    self.fingerprint,
                    self.created_by
                ),
            ));
        }
        Ok((
            Analyzer::from_spec(self.search.clone())?,
            Analyzer::from_spec(self.stem.clone())?,
        ))
    }
}

/// A digest of what decides the terms of a text: both specs, the word lists
/// the steps read, and the code revision of segmentation and folds.
pub(crate) fn fingerprint(search: &AnalyzerSpec, stem: &AnalyzerSpec) -> String {
    let mut h = Sha256::new();
    h.update(ANALYSIS_REVISION.to_le_bytes());
    for part in [
        search.to_json().as_str(),
        stem.to_json().as_str(),
        data::STOPWORDS,
        data::STEM_PROTECTED,
        data::PROCLITICS,
        data::ENCLITICS,
    ] {
        // Length-prefixed, so moving a line between two parts changes the digest.
        h.update((part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    let digest = h.finalize();
    let hex = digest[..12].iter().fold(String::new(), |mut s, b| {
        use std::fmt::Write;
        let _ = write!(s, "{b:02x}");
        s
    });
    format!("sha256:{hex}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::FilterSpec;

    #[test]
    fn the_fingerprint_follows_the_spec() {
        let meta = IndexMeta::current();
        let mut stem = meta.stem.clone();
        stem.filters.retain(|f| *f != FilterSpec::StopWords);
        assert_ne!(meta.fingerprint, fingerprint(&meta.search, &stem));
        assert_eq!(meta.fingerprint, fingerprint(&meta.search, &meta.stem));
    }
}
