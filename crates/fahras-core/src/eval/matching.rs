//! One-to-one matching of predicted spans to gold spans.
//!
//! Exact mode pairs equal spans; relaxed mode pairs overlapping spans. Both are
//! maximum bipartite matchings, so no gold entity is matched twice and no
//! prediction counts twice, and a greedy left-to-right choice cannot rob a
//! later gold entity of its only partner.

/// A half-open `[start, end)` code point range.
pub(crate) type Span = (u32, u32);

fn overlaps(a: Span, b: Span) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Number of one-to-one exact pairs: the size of the multiset intersection.
pub(crate) fn exact(gold: &[Span], pred: &[Span]) -> usize {
    let mut g = gold.to_vec();
    let mut p = pred.to_vec();
    g.sort_unstable();
    p.sort_unstable();
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < g.len() && j < p.len() {
        match g[i].cmp(&p[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// A maximum one-to-one matching of overlapping spans, as `(gold, pred)` index
/// pairs. Equal spans are tried first, so value accuracy compares a gold
/// entity with its exact counterpart when there is one.
pub(crate) fn relaxed(gold: &[Span], pred: &[Span]) -> Vec<(usize, usize)> {
    // Candidates per gold entity: exact partners first, then other overlaps.
    let candidates: Vec<Vec<usize>> = gold
        .iter()
        .map(|&g| {
            let mut c: Vec<usize> = (0..pred.len()).filter(|&p| overlaps(g, pred[p])).collect();
            c.sort_by_key(|&p| (pred[p] != g, pred[p]));
            c
        })
        .collect();
    let mut owner: Vec<Option<usize>> = vec![None; pred.len()];
    for g in 0..gold.len() {
        let mut seen = vec![false; pred.len()];
        augment(g, &candidates, &mut owner, &mut seen);
    }
    let mut pairs: Vec<(usize, usize)> = owner
        .iter()
        .enumerate()
        .filter_map(|(p, g)| g.map(|g| (g, p)))
        .collect();
    pairs.sort_unstable();
    pairs
}

/// Kuhn's augmenting path from gold entity `g`.
fn augment(
    g: usize,
    candidates: &[Vec<usize>],
    owner: &mut [Option<usize>],
    seen: &mut [bool],
) -> bool {
    for &p in &candidates[g] {
        if seen[p] {
            continue;
        }
        seen[p] = true;
        let free = match owner[p] {
            None => true,
            Some(other) => augment(other, candidates, owner, seen),
        };
        if free {
            owner[p] = Some(g);
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_pairs_each_span_once() {
        assert_eq!(
            exact(&[(0, 5), (0, 5), (7, 9)], &[(0, 5), (7, 9), (7, 9)]),
            2
        );
        assert_eq!(exact(&[(0, 5)], &[(0, 4)]), 0);
        assert_eq!(exact(&[], &[(0, 4)]), 0);
    }

    #[test]
    fn one_long_prediction_matches_one_of_two_gold_entities() {
        // "5 ماي" + "2020" in gold, one prediction over both: one pair, not two.
        let pairs = relaxed(&[(0, 5), (6, 10)], &[(0, 10)]);
        assert_eq!(pairs.len(), 1);
    }

    #[test]
    fn touching_spans_do_not_overlap() {
        assert!(relaxed(&[(0, 5)], &[(5, 9)]).is_empty());
    }

    #[test]
    fn matching_is_maximum_not_greedy() {
        // Gold a=(0,10) overlaps p0=(0,3) and p1=(8,12); gold b=(11,20)
        // overlaps only p1. Greedy a->p1 would leave b unmatched.
        let pairs = relaxed(&[(0, 10), (11, 20)], &[(8, 12), (0, 3)]);
        assert_eq!(pairs, vec![(0, 1), (1, 0)]);
    }

    #[test]
    fn exact_partner_is_preferred() {
        let pairs = relaxed(&[(4, 9)], &[(0, 6), (4, 9)]);
        assert_eq!(pairs, vec![(0, 1)]);
    }
}
