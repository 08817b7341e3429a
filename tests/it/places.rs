//! The place gazetteers (`crates/fahras-core/data/places/places.tsv` for the
//! Arab League states and `world.tsv` for the rest of the world, the
//! groundwork of LOC extraction): their rows are well formed and complete
//! enough to resolve what party news names.

use std::collections::{HashMap, HashSet};

const PLACES: &str = include_str!("../../crates/fahras-core/data/places/places.tsv");
const WORLD: &str = include_str!("../../crates/fahras-core/data/places/world.tsv");

/// The types of `places.tsv`.
const TYPES: [&str; 6] = [
    "country", "capital", "division", "region", "city", "district",
];

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
        assert!(TYPES.contains(&r.kind), "unknown type {}", r.kind);
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

/// Canonical names of the rows of one type, per country.
fn canonicals<'a>(rows: &[Row<'a>], kind: &str) -> HashMap<&'a str, HashSet<&'a str>> {
    let mut out: HashMap<&str, HashSet<&str>> = HashMap::new();
    for r in rows.iter().filter(|r| r.kind == kind) {
        out.entry(r.country).or_default().insert(r.canonical);
    }
    out
}

#[test]
fn regions_hang_off_their_country_and_districts_off_a_division() {
    let rows = rows();
    let countries = canonicals(&rows, "country");
    let divisions = canonicals(&rows, "division");
    let none = HashSet::new();
    for r in &rows {
        let country = &countries[r.country];
        let division = divisions.get(r.country).unwrap_or(&none);
        match r.kind {
            // A region spans divisions: its parent is the country.
            "region" => assert!(
                country.contains(r.parent),
                "region {}: parent {} is not {}",
                r.form,
                r.parent,
                r.country
            ),
            // A district sits in a division, or in the country when that
            // division's bare name is switched off.
            "district" => assert!(
                division.contains(r.parent) || country.contains(r.parent),
                "district {}: parent {} is neither a division of {} nor the country",
                r.form,
                r.parent,
                r.country
            ),
            _ => {}
        }
    }
}

#[test]
fn switched_off_rows_are_complete() {
    for l in PLACES.lines().filter_map(|l| l.strip_prefix("#!")) {
        let c: Vec<&str> = l.split('\t').collect();
        assert_eq!(c.len(), 5, "five columns after #!: {l:?}");
        assert!(TYPES.contains(&c[3]), "unknown type {l:?}");
        assert!(STATES.contains(&c[2]), "unknown country {l:?}");
    }
    for l in WORLD.lines().filter_map(|l| l.strip_prefix("#!")) {
        let c: Vec<&str> = l.split('\t').collect();
        assert_eq!(c.len(), 4, "four columns after #!: {l:?}");
    }
}

#[test]
fn second_level_units_cover_morocco_and_tunisia() {
    let rows = rows();
    let districts = |country: &str| {
        rows.iter()
            .filter(|r| r.country == country && r.kind == "district")
            .count()
    };
    // Morocco's 75 provinces and prefectures (and towns), Tunisia's 264
    // delegations (and quarters); a few of each are switched off.
    assert!(districts("MA") >= 60, "MA: {} districts", districts("MA"));
    assert!(districts("TN") >= 150, "TN: {} districts", districts("TN"));
    for (form, country, parent) in [
        ("تارودانت", "MA", "سوس ماسة"),
        ("إنزكان آيت ملول", "MA", "سوس ماسة"),
        ("شيشاوة", "MA", "مراكش آسفي"),
        ("جبنيانة", "TN", "صفاقس"),
        ("بوحجلة", "TN", "القيروان"),
        ("سيدي جابر", "EG", "الإسكندرية"),
        ("أبو الخصيب", "IQ", "البصرة"),
        ("القرداحة", "SY", "اللاذقية"),
        ("القبيات", "LB", "عكار"),
        ("تفرغ زينه", "MR", "نواكشوط الغربية"),
    ] {
        assert!(
            rows.iter().any(|r| r.form == form
                && r.country == country
                && r.kind == "district"
                && r.parent == parent),
            "{form} ({country}, in {parent})"
        );
    }
    for (form, country) in [
        ("الصعيد", "EG"),
        ("سهل نينوى", "IQ"),
        ("الهضاب العليا", "DZ"),
    ] {
        assert!(
            rows.iter()
                .any(|r| r.form == form && r.country == country && r.kind == "region"),
            "{form} ({country})"
        );
    }
}

struct WorldRow<'a> {
    form: &'a str,
    canonical: &'a str,
    code: &'a str,
    kind: &'a str,
}

fn world_rows() -> Vec<WorldRow<'static>> {
    WORLD
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            assert_eq!(c.len(), 4, "four columns: {l:?}");
            WorldRow {
                form: c[0],
                canonical: c[1],
                code: c[2],
                kind: c[3],
            }
        })
        .collect()
}

#[test]
fn world_rows_are_well_formed_and_unique() {
    let rows = world_rows();
    assert!(rows.len() > 500, "{} rows", rows.len());
    let mut seen = HashSet::new();
    let mut countries: HashMap<&str, HashSet<&str>> = HashMap::new();
    for r in &rows {
        assert!(
            ["country", "capital", "city", "continent", "region"].contains(&r.kind),
            "unknown type {}",
            r.kind
        );
        assert!(!r.form.trim().is_empty() && r.form == r.form.trim());
        assert!(!r.canonical.trim().is_empty());
        assert!(seen.insert(r.form), "twice: {}", r.form);
        if r.kind == "continent" || r.kind == "region" && r.code == "-" {
            // A continent, or a region across states or disputed.
        } else {
            assert!(
                r.code.len() == 2 && r.code.bytes().all(|b| b.is_ascii_uppercase()),
                "{}: bad code {}",
                r.form,
                r.code
            );
            assert!(
                !STATES.contains(&r.code),
                "{}: {} is an Arab League state, it belongs in places.tsv",
                r.form,
                r.code
            );
        }
        if r.kind == "country" {
            countries.entry(r.code).or_default().insert(r.canonical);
        }
    }
    // One canonical name per country, and every capital or city is in one.
    for (code, names) in &countries {
        assert_eq!(names.len(), 1, "{code}: {names:?}");
    }
    // A region inside one state ("كاليفورنيا") carries that state's code.
    for r in rows
        .iter()
        .filter(|r| ["capital", "city"].contains(&r.kind) || r.kind == "region" && r.code != "-")
    {
        assert!(
            countries.contains_key(r.code),
            "{}: no country {}",
            r.form,
            r.code
        );
    }
    assert!(countries.len() >= 170, "{} countries", countries.len());
    for (form, code, kind) in [
        ("فرنسا", "FR", "country"),
        ("الولايات المتحدة", "US", "country"),
        ("إيران", "IR", "country"),
        ("تركيا", "TR", "country"),
        ("واشنطن", "US", "capital"),
        ("موسكو", "RU", "capital"),
        ("بكين", "CN", "capital"),
        ("أنقرة", "TR", "capital"),
        ("طهران", "IR", "capital"),
        ("آسيا", "-", "continent"),
        ("الشرق الأوسط", "-", "region"),
        ("المغرب العربي", "-", "region"),
    ] {
        assert!(
            rows.iter()
                .any(|r| r.form == form && r.code == code && r.kind == kind),
            "{form} ({code}, {kind})"
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
