//! Unicode NFKC: Arabic presentation forms and ligatures (ﻻ ﷲ ﺍﻟﺤﺰﺏ) back to
//! letters, composed hamza and madda, full-width Latin. A token-level step because
//! NFKC composes across characters and may lengthen a token (ﷺ is four words).

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

/// Whether a token holding `c` needs NFKC: a quick check that passes ordinary
/// Arabic letters and ASCII.
#[inline]
pub(crate) fn needed_char(c: char) -> bool {
    let u = c as u32;
    match u {
        // Plain ASCII and the Arabic letters and harakat are NFKC-stable and
        // compose with nothing, except madda/hamza above/below and the
        // compatibility letters U+0675–U+0678.
        0..=0x7F => false,
        0x0600..=0x06FF => matches!(u, 0x0653..=0x0655 | 0x0675..=0x0678),
        _ => {
            is_nfkc_quick(std::iter::once(c)) != IsNormalized::Yes || (0x0300..=0x036F).contains(&u)
        }
    }
}

/// Whether `s` needs NFKC at all.
#[cfg(test)]
pub(crate) fn needed(s: &str) -> bool {
    s.chars().any(needed_char)
}

/// NFKC of `s`.
pub(crate) fn apply(s: &str) -> String {
    s.nfkc().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn before_after() {
        for (before, after) in [
            ("ﻻ", "لا"),
            ("ﺍﻟﺤﺰﺏ", "الحزب"),
            ("ﷲ", "الله"),
            ("\u{0627}\u{0654}", "أ"),
            ("ＡＢＣ", "ABC"),
            ("قرار", "قرار"),
        ] {
            assert_eq!(apply(before), after, "nfkc on {before:?}");
        }
        assert!(!needed("قرار الحزب"));
        assert!(needed("ﻻ"));
        assert!(needed("\u{0627}\u{0654}"));
    }
}
