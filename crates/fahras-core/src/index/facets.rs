//! Facet counts over every match. tantivy's `FacetCollector` resolves each
//! counted value by a random dictionary lookup and builds a `Facet` per
//! value, which made six facets cost 40–70 ms on a 12,000-article archive;
//! here a segment counts term ordinals in a dense array and reads the
//! dictionary once, in order, keeping only the counted values of the
//! requested facets.

use rustc_hash::FxHashMap;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// Counts per value, one map per requested facet.
pub(crate) type Counts = Vec<FxHashMap<String, u64>>;

/// Counts the values of the facets `roots` (`org`, `person`, …) of the field
/// `facets` over the matching documents.
pub(crate) struct FacetCounter {
    pub roots: Vec<String>,
}

pub(crate) struct SegmentFacetCounter {
    reader: tantivy::fastfield::FacetReader,
    counts: Vec<u32>,
    roots: Vec<Vec<u8>>,
}

impl Collector for FacetCounter {
    type Fruit = Counts;
    type Child = SegmentFacetCounter;

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentFacetCounter> {
        let reader = reader.facet_reader("facets")?;
        Ok(SegmentFacetCounter {
            counts: vec![0; reader.num_facets()],
            reader,
            roots: self.roots.iter().map(|r| r.as_bytes().to_vec()).collect(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Counts>) -> tantivy::Result<Counts> {
        let mut all: Counts = vec![FxHashMap::default(); self.roots.len()];
        for counts in fruits {
            for (into, from) in all.iter_mut().zip(counts) {
                // Add the smaller map into the larger: the first segment
                // often holds most values.
                if into.len() < from.len() {
                    let smaller = std::mem::replace(into, from);
                    for (v, n) in smaller {
                        *into.entry(v).or_insert(0) += n;
                    }
                } else {
                    for (v, n) in from {
                        *into.entry(v).or_insert(0) += n;
                    }
                }
            }
        }
        Ok(all)
    }
}

impl SegmentCollector for SegmentFacetCounter {
    type Fruit = Counts;

    fn collect(&mut self, doc: DocId, _score: Score) {
        for ord in self.reader.facet_ords(doc) {
            if let Some(c) = self.counts.get_mut(ord as usize) {
                *c += 1;
            }
        }
    }

    fn harvest(self) -> Counts {
        let mut out: Counts = vec![FxHashMap::default(); self.roots.len()];
        if self.roots.is_empty() || self.counts.iter().all(|&c| c == 0) {
            return out;
        }
        // A stream that cannot be read leaves this segment's counts out
        // rather than failing the search.
        let Ok(mut terms) = self.reader.facet_dict().stream() else {
            return out;
        };
        // Terms come sorted, so one facet's values are contiguous: the root
        // of the last counted term is checked first.
        let mut last: Option<(Vec<u8>, Option<usize>)> = None;
        while terms.advance() {
            let n = self
                .counts
                .get(terms.term_ord() as usize)
                .copied()
                .unwrap_or(0);
            if n == 0 {
                continue;
            }
            // Encoded facets are path segments joined by NUL: `org\0<name>`.
            let key = terms.key();
            let Some(cut) = key.iter().position(|&b| b == 0) else {
                continue;
            };
            let (root, value) = (&key[..cut], &key[cut + 1..]);
            let i = match &last {
                Some((r, i)) if r == root => *i,
                _ => {
                    let i = self.roots.iter().position(|r| r == root);
                    last = Some((root.to_vec(), i));
                    i
                }
            };
            let Some(i) = i else { continue };
            if value.contains(&0) {
                continue;
            }
            if let Ok(v) = std::str::from_utf8(value) {
                out[i].insert(v.to_owned(), u64::from(n));
            }
        }
        out
    }
}

/// The `k` most frequent values of facet `i`, ties in value order.
pub(crate) fn top(counts: &Counts, i: usize, k: usize) -> Vec<(String, u64)> {
    let Some(counts) = counts.get(i) else {
        return Vec::new();
    };
    let mut values: Vec<(&str, u64)> = counts.iter().map(|(v, &n)| (v.as_str(), n)).collect();
    let order = |a: &(&str, u64), b: &(&str, u64)| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0));
    if k < values.len() {
        if k == 0 {
            return Vec::new();
        }
        values.select_nth_unstable_by(k - 1, order);
        values.truncate(k);
    }
    values.sort_unstable_by(order);
    values
        .into_iter()
        .take(k)
        .map(|(v, n)| (v.to_owned(), n))
        .collect()
}
