//! The library on the five real articles the project was created from.

use fahras_core::text::{Analyzer, Profile, TokenKind, sentences};

use crate::support::{seed, seeds};

/// Offsets slice the original, chars agree with bytes, spans sorted and disjoint.
#[test]
fn every_span_points_into_the_original() {
    for (name, text) in seeds() {
        for profile in Profile::ALL {
            let tokens = Analyzer::new(profile).analyze(&text);
            assert!(tokens.len() > 300, "{name}: {} tokens", tokens.len());
            let mut prev_end = 0;
            for t in &tokens {
                let surface = t.text(&text);
                assert!(!surface.is_empty());
                assert!(
                    t.bytes.start >= prev_end,
                    "{name}: overlapping spans at {:?}",
                    t.bytes
                );
                prev_end = t.bytes.end;
                let by_chars: String = text
                    .chars()
                    .skip(t.chars.start as usize)
                    .take(t.chars.len())
                    .collect();
                assert_eq!(by_chars, surface, "{name}: char span of {surface:?}");
            }
        }
    }
}

#[test]
fn seed_002_numbers_latin_and_quotes() {
    let Some((_, text)) = seed("002") else { return };
    let tokens = Analyzer::search().analyze(&text);
    let find = |s: &str| tokens.iter().find(|t| t.text(&text) == s);
    // The Arabic thousands separator keeps "2٬258" one number.
    let n = find("2٬258").expect("2٬258 is one token");
    assert_eq!(n.kind, TokenKind::Number);
    assert_eq!(n.norm, "2,258");
    let v = find("visioconférence").expect("Latin word");
    assert_eq!(v.kind, TokenKind::LatinWord);
    assert_eq!(v.norm, "visioconference");
    assert!(find("“").is_some_and(|t| t.kind == TokenKind::Punct && t.norm == "\""));
    assert!(find("ماي").is_some());
    // "الامناء" written without hamza and "الأمناء" with it normalize alike.
    let norms: Vec<&str> = tokens
        .iter()
        .filter(|t| matches!(t.text(&text), "الأمناء" | "الامناء"))
        .map(|t| t.norm.as_str())
        .collect();
    assert!(
        norms.len() >= 2 && norms.iter().all(|n| *n == "الامناء"),
        "{norms:?}"
    );
}

#[test]
fn seed_004_spaced_dash_date() {
    let Some((_, text)) = seed("004") else { return };
    let tokens = Analyzer::strict().analyze(&text);
    let at = text.find("7 – 12 – 2020").expect("date in seed 004");
    let date: Vec<(&str, TokenKind)> = tokens
        .iter()
        .filter(|t| {
            t.bytes.start as usize >= at && (t.bytes.end as usize) <= at + "7 – 12 – 2020".len()
        })
        .map(|t| (t.text(&text), t.kind))
        .collect();
    assert_eq!(
        date,
        [
            ("7", TokenKind::Number),
            ("–", TokenKind::Punct),
            ("12", TokenKind::Number),
            ("–", TokenKind::Punct),
            ("2020", TokenKind::Number)
        ]
    );
    // Latin commas with odd spacing ("الحزب ,وكيفية") are punctuation of their own.
    assert!(text.contains(" ,و"));
    assert!(
        tokens
            .iter()
            .any(|t| t.text(&text) == "," && t.kind == TokenKind::Punct)
    );
}

#[test]
fn seed_000_sentences_and_double_dots() {
    let Some((_, text)) = seed("000") else { return };
    let sents = sentences(&text);
    // The headline and the byline are sentences of their own.
    assert_eq!(sents[1].text(&text), "دمشق- البعث:");
    // ".." ends a sentence.
    assert!(
        sents
            .iter()
            .any(|s| s.text(&text).ends_with("للأداء الحزبي..")),
        "no sentence ends with `..`"
    );
    for s in &sents {
        let t = s.text(&text);
        assert!(!t.contains('\n'), "sentence spans a line break: {t:?}");
        assert_eq!(t, t.trim(), "sentence has outer whitespace");
    }
}

#[test]
fn seed_003_relative_date_words_and_names_survive_search_folds() {
    let Some((_, text)) = seed("003") else { return };
    let search = Analyzer::search();
    let norm = search.normalize(&text);
    assert!(norm.contains("اول امس الثلاثاء"));
    assert!(norm.contains("محمد نبيل بنعبدالله"));
    // The stem profile keeps the secretary-general's title intact.
    let stem = Analyzer::new(Profile::Stem).normalize("الأمين العام لحزب التقدم والاشتراكية");
    assert_eq!(stem, "امين عام حزب تقدم اشتراكيه");
}

/// Normalizing twice equals normalizing once, on real text.
#[test]
fn normalization_is_idempotent_on_seeds() {
    for (name, text) in seeds() {
        for profile in [Profile::Strict, Profile::Search] {
            let a = Analyzer::new(profile);
            let once = a.normalize(&text);
            assert_eq!(a.normalize(&once), once, "{name} {profile:?}");
        }
    }
}
