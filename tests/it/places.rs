//! The place gazetteer (`crates/fahras-core/data/places/places.tsv`, the
//! groundwork of LOC extraction): its rows are well formed and complete
//! enough to resolve what party news names.

use std::collections::{HashMap, HashSet};

const PLACES: &str = include_str!("../../crates/fahras-core/data/places/places.tsv");

/// The 22 Arab League states.
const STATES: [&str; 22] = [
    "SY", "LB", "IQ", "EG", "JO", "PS", "SA", "AE", "KW", "QA", "BH", "OM", "YE", "MA", "DZ", "TN",
    "LY", "MR", "SD", "SO", "DJ", "KM",
];

struct Row<'a> {
    form: &'a str,
    canonical: &'a str,
    country: &'a str,
    kind: &'a str,
    parent: &'a str,
}

fn rows() -> Vec<Row<'static>> {
    PLACES
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            assert_eq!(c.len(), 5, "five columns: {l:?}");
            Row {
                form: c[0],
                canonical: c[1],
                country: c[2],
                kind: c[3],
                parent: c[4],
            }
        })
        .collect()
}

#[test]
fn rows_are_well_formed_and_unique() {
    let rows = rows();
    assert!(rows.len() > 600, "{} rows", rows.len());
    let mut seen = HashSet::new();
    for r in &rows {
        assert!(STATES.contains(&r.country), "unknown country {}", r.country);
        assert!(
            ["country", "capital", "division", "city"].contains(&r.kind),
            "unknown type {}",
            r.kind
        );
        assert!(!r.form.trim().is_empty() && r.form == r.form.trim());
        assert!(
            seen.insert((r.form, r.kind, r.country)),
            "twice: {}",
            r.form
        );
    }
}

#[test]
fn every_state_has_its_name_and_capital_and_parents_resolve() {
    let rows = rows();
    let mut names: HashMap<&str, HashSet<&str>> = HashMap::new();
    for r in &rows {
        names.entry(r.country).or_default().insert(r.canonical);
    }
    for state in STATES {
        for kind in ["country", "capital"] {
            assert!(
                rows.iter().any(|r| r.country == state && r.kind == kind),
                "{state} has no {kind}"
            );
        }
    }
    for r in rows.iter().filter(|r| r.kind != "country") {
        assert!(
            names[r.country].contains(r.parent),
            "{}: parent {} is not a place of {}",
            r.form,
            r.parent,
            r.country
        );
    }
}

#[test]
fn first_level_divisions_the_issue_names_are_there() {
    let rows = rows();
    let divisions = |country: &str| -> HashSet<&str> {
        rows.iter()
            .filter(|r| r.country == country && r.kind == "division")
            .map(|r| r.canonical)
            .collect()
    };
    // Syria's 14 governorates, Jordan's 12, Tunisia's 24 (قبلي is switched
    // off: also a direction word), the 7 emirates.
    assert_eq!(divisions("SY").len(), 14, "{:?}", divisions("SY"));
    assert_eq!(divisions("JO").len(), 12, "{:?}", divisions("JO"));
    assert_eq!(divisions("TN").len(), 23, "{:?}", divisions("TN"));
    assert_eq!(divisions("AE").len(), 7, "{:?}", divisions("AE"));
    for (form, country) in [
        ("اللاذقية", "SY"),
        ("وهران", "DZ"),
        ("نواكشوط", "MR"),
        ("الدار البيضاء", "MA"),
        ("البصرة", "IQ"),
        ("صفاقس", "TN"),
    ] {
        assert!(
            rows.iter().any(|r| r.form == form && r.country == country),
            "{form} ({country})"
        );
    }
}
