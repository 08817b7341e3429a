//! Matching articles per month of publication: the timeline of a search,
//! counted over every match from the `published` fast field.

use std::collections::BTreeMap;

use serde::Serialize;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// How many matching documents were published in one month.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MonthCount {
    /// `YYYY-MM`.
    pub month: String,
    /// Matching documents published that month.
    pub count: u64,
}

/// Counts matches per day of publication (the stored precision) and folds
/// days into months once at the end: a civil-calendar conversion per
/// distinct day, not per document.
pub(crate) struct Timeline;

pub(crate) struct SegmentTimeline {
    published: Option<Column<tantivy::DateTime>>,
    days: BTreeMap<i64, u64>,
}

const DAY: i64 = 86_400;

impl Collector for Timeline {
    type Fruit = BTreeMap<i64, u64>;
    type Child = SegmentTimeline;

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentTimeline> {
        // A segment of documents without any date has no column at all.
        let published = reader.fast_fields().date("published").ok();
        Ok(SegmentTimeline {
            published,
            days: BTreeMap::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<BTreeMap<i64, u64>>) -> tantivy::Result<Self::Fruit> {
        let mut all = BTreeMap::new();
        for days in fruits {
            for (day, n) in days {
                *all.entry(day).or_insert(0) += n;
            }
        }
        Ok(all)
    }
}

impl SegmentCollector for SegmentTimeline {
    type Fruit = BTreeMap<i64, u64>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        if let Some(d) = self.published.as_ref().and_then(|c| c.first(doc)) {
            *self
                .days
                .entry(d.into_timestamp_secs().div_euclid(DAY))
                .or_insert(0) += 1;
        }
    }

    fn harvest(self) -> Self::Fruit {
        self.days
    }
}

/// Days since 1970-01-01 folded into months, oldest first.
pub(crate) fn months(days: &BTreeMap<i64, u64>) -> Vec<MonthCount> {
    let mut out: Vec<MonthCount> = Vec::new();
    for (&day, &n) in days {
        let Some(date) = super::article::EPOCH
            .checked_add(jiff::SignedDuration::from_secs(day * DAY))
            .ok()
        else {
            continue;
        };
        let month = format!("{:04}-{:02}", date.year(), date.month());
        match out.last_mut() {
            Some(last) if last.month == month => last.count += n,
            _ => out.push(MonthCount { month, count: n }),
        }
    }
    out
}
