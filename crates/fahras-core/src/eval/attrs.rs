//! Attribute agreement over matched pairs: does a matched DIRECTIVE name the
//! same actor as the gold one?
//!
//! Names are compared as referents, not strings: gold writes the actor as
//! the article names it at its fullest ("المكتب السياسي لحزب جبهة التحرير
//! الوطني", "عبد الحميد بن سالم"), an extractor may give a shorter form of
//! the same name ("المكتب السياسي", "عمرو الفقي" for "عمرو سعيد الفقي").
//! Both are folded by the search analyzer, proclitics and the article are
//! dropped, and one must be a subsequence of the other's words.

use std::sync::LazyLock;

use serde::Serialize;
use serde_json::Value;

use crate::text::Analyzer;

/// How an attribute's values are compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AttrMatch {
    /// Equal JSON values.
    Exact,
    /// The same name, one form a subsequence of the other's words.
    Name,
}

/// An attribute to compare on matched pairs of one kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttrCheck {
    /// The entity kind (`DIRECTIVE`).
    pub kind: String,
    /// The attribute (`actor`).
    pub attr: String,
    /// How values compare.
    pub how: AttrMatch,
}

impl AttrCheck {
    /// Compare `attr` of `kind` with `how`.
    pub fn new(kind: &str, attr: &str, how: AttrMatch) -> Self {
        Self {
            kind: kind.to_owned(),
            attr: attr.to_owned(),
            how,
        }
    }

    /// Whether two values agree; both absent agree.
    pub(super) fn agree(&self, gold: Option<&Value>, pred: Option<&Value>) -> bool {
        match (gold, pred, self.how) {
            (None, None, _) => true,
            (Some(g), Some(p), AttrMatch::Exact) => g == p,
            (Some(Value::String(g)), Some(Value::String(p)), AttrMatch::Name) => same_name(g, p),
            _ => false,
        }
    }
}

/// Agreement on one attribute.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct AttrScore {
    /// The attribute.
    pub attr: String,
    /// Relaxed-matched pairs.
    pub matched: usize,
    /// Pairs whose values agree.
    pub correct: usize,
    /// `correct / matched`, 0 when nothing matched.
    pub accuracy: f64,
}

static FOLD: LazyLock<Analyzer> = LazyLock::new(Analyzer::search);

/// Proclitics and the article, longest first.
const PREFIXES: [&str; 6] = ["وال", "بال", "فال", "كال", "لل", "ال"];

fn words(name: &str) -> Vec<String> {
    FOLD.normalize(name)
        .split_whitespace()
        .map(|w| {
            PREFIXES
                .iter()
                .find_map(|p| w.strip_prefix(p).filter(|r| r.chars().count() >= 2))
                .unwrap_or(w)
                .to_owned()
        })
        .collect()
}

fn subsequence(short: &[String], long: &[String]) -> bool {
    let mut it = long.iter();
    short.iter().all(|w| it.any(|x| x == w))
}

/// Whether two names refer alike: one's words a subsequence of the other's.
pub fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (words(a), words(b));
    if a.is_empty() || b.is_empty() {
        return a == b;
    }
    if a.len() <= b.len() {
        subsequence(&a, &b)
    } else {
        subsequence(&b, &a)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorter_forms_of_a_name_agree_and_other_names_do_not() {
        assert!(same_name("عمرو سعيد الفقي", "عمرو الفقي"));
        assert!(same_name(
            "المكتب السياسي لحزب جبهة التحرير الوطني",
            "المكتب السياسي"
        ));
        assert!(same_name("الأمانة الوطنية", "الامانة الوطنيّة"));
        assert!(!same_name("المكتب السياسي", "المكتب التنفيذي"));
        assert!(!same_name("عبد الحق الفيلالي", "الكاتب الأول"));
        assert!(!same_name("", "المكتب"));
    }
}
