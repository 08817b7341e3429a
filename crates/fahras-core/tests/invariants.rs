//! Property tests on arbitrary Unicode weighted to Arabic: the offset
//! invariants every consumer relies on, idempotent normalization, and no panic
//! on any input.

use fahras_core::text::{Analyzer, Profile, segment, sentences};
use proptest::prelude::*;

/// One character, mostly from the places Arabic news text lives.
fn arabic_weighted_char() -> impl Strategy<Value = char> {
    prop_oneof![
        30 => (0x0621u32..=0x064A).prop_map(to_char),   // letters
        8 => (0x064Bu32..=0x065F).prop_map(to_char),    // harakat, hamza marks
        4 => Just('\u{0640}'),                           // tatweel
        6 => (0x0660u32..=0x066D).prop_map(to_char),    // digits, ٪ ٫ ٬ ٭
        3 => (0x06F0u32..=0x06F9).prop_map(to_char),    // Persian digits
        4 => (0x0670u32..=0x06FF).prop_map(to_char),    // extended letters, marks
        6 => prop::sample::select(vec!['،', '؛', '؟', '«', '»', '“', '”', '…', '–', '—', '•']),
        12 => prop::sample::select(vec![' ', ' ', ' ', '\n', '\t', '\u{00A0}', '\r']),
        5 => prop::sample::select(vec!['\u{200B}', '\u{200C}', '\u{200D}', '\u{200E}', '\u{200F}', '\u{202B}', '\u{202C}', '\u{2067}', '\u{2069}', '\u{FEFF}', '\u{061C}', '\u{00AD}']),
        10 => (0x20u32..0x7F).prop_map(to_char),         // ASCII
        3 => (0xFB50u32..=0xFDFF).prop_map(to_char),    // presentation forms A
        3 => (0xFE70u32..=0xFEFF).prop_map(to_char),    // presentation forms B
        3 => (0xC0u32..=0x24F).prop_map(to_char),       // Latin accented
        2 => (0x0300u32..=0x036F).prop_map(to_char),    // combining marks
        5 => any::<char>(),
    ]
}

fn to_char(u: u32) -> char {
    char::from_u32(u).unwrap_or('?')
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(arabic_weighted_char(), 0..120).prop_map(|cs| cs.into_iter().collect())
}

/// Spans lie on char boundaries, are non-empty, sorted, disjoint, and their
/// char offsets agree with their byte offsets.
fn check_spans(
    text: &str,
    spans: impl Iterator<Item = (fahras_core::ByteSpan, fahras_core::CharSpan)>,
) -> Result<(), TestCaseError> {
    let char_at: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect();
    let mut prev = 0u32;
    for (b, c) in spans {
        prop_assert!(b.start < b.end, "empty span {:?}", b);
        prop_assert!(b.start >= prev, "unsorted or overlapping at {:?}", b);
        prop_assert!(
            text.is_char_boundary(b.start as usize) && text.is_char_boundary(b.end as usize)
        );
        prop_assert!((b.end as usize) <= text.len());
        prop_assert_eq!(char_at[c.start as usize], b.start as usize);
        prop_assert_eq!(char_at[c.end as usize], b.end as usize);
        prev = b.end;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, ..ProptestConfig::default() })]

    #[test]
    fn segments_are_well_formed(t in text()) {
        check_spans(&t, segment(&t).into_iter().map(|s| (s.bytes, s.chars)))?;
    }

    #[test]
    fn tokens_are_well_formed_in_every_profile(t in text()) {
        for p in Profile::ALL {
            let tokens = Analyzer::new(p).analyze(&t);
            check_spans(&t, tokens.iter().map(|x| (x.bytes, x.chars)))?;
            for tok in &tokens {
                prop_assert!(!tok.norm.is_empty());
            }
            let positions: Vec<u32> = tokens.iter().map(|x| x.position).collect();
            prop_assert!(positions.windows(2).all(|w| w[0] < w[1]));
        }
    }

    #[test]
    fn normalizing_twice_equals_once(t in text()) {
        for p in [Profile::Strict, Profile::Search] {
            let a = Analyzer::new(p);
            let once = a.normalize(&t);
            prop_assert_eq!(a.normalize(&once), once.clone(), "profile {:?}", p);
        }
    }

    #[test]
    fn sentences_are_well_formed(t in text()) {
        let sents = sentences(&t);
        check_spans(&t, sents.iter().map(|s| (s.bytes, s.chars)))?;
        for s in &sents {
            prop_assert!(!s.text(&t).trim().is_empty());
            if let Some(m) = s.marker {
                prop_assert!(m.start >= s.bytes.start && m.end <= s.bytes.end);
            }
        }
    }
}

/// Whole-document edge cases that a generator rarely builds.
#[test]
fn pathological_documents_do_not_panic() {
    let search = Analyzer::search();
    for t in [
        String::new(),
        "\u{200F}".repeat(10_000),
        "ـ".repeat(50_000),
        "َ".repeat(50_000),
        "1".repeat(100_000),
        "1,".repeat(50_000),
        "1.".repeat(50_000),
        "#".repeat(10_000),
        "@".repeat(10_000),
        "a@".repeat(10_000),
        "www.".repeat(5_000),
        "«".repeat(10_000),
        "ﷺ".repeat(1_000),
        "\n".repeat(10_000),
        "أولاً:".repeat(1_000),
        "- ".repeat(10_000),
    ] {
        let tokens = search.analyze(&t);
        assert!(tokens.iter().all(|x| !x.norm.is_empty()));
        let _ = sentences(&t);
        let _ = search.normalize(&t);
    }
}
