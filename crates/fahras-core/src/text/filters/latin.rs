//! Latin case and accents: "Visioconférence" and "visioconference" should meet
//! in a search. Only single-character mappings are applied, so spans and the
//! one-char-in, at-most-one-char-out contract of folds hold.

use unicode_normalization::UnicodeNormalization;

use super::CharMap;

/// Lower-case Latin letters.
pub(crate) fn lowercase(c: char) -> CharMap {
    if c.is_ascii_uppercase() {
        return CharMap::To(c.to_ascii_lowercase());
    }
    if matches!(c as u32, 0xC0..=0x24F | 0x1E00..=0x1EFF) && c.is_uppercase() {
        let mut lower = c.to_lowercase();
        if let (Some(l), None) = (lower.next(), lower.next()) {
            return CharMap::To(l);
        }
    }
    CharMap::Keep
}

/// Strip accents from Latin letters ("é" → "e") and drop Latin combining marks.
pub(crate) fn accents(c: char) -> CharMap {
    let u = c as u32;
    if (0x0300..=0x036F).contains(&u) {
        return CharMap::Drop;
    }
    if matches!(u, 0xC0..=0x24F | 0x1E00..=0x1EFF) {
        let mut d = std::iter::once(c).nfd();
        if let Some(base) = d.next()
            && base.is_ascii_alphabetic()
            && d.all(|m| (0x0300..=0x036F).contains(&(m as u32)))
        {
            return CharMap::To(base);
        }
    }
    CharMap::Keep
}

#[cfg(test)]
mod tests {
    #[test]
    fn lowercase_before_after() {
        crate::text::filters::fold_cases!(
            super::lowercase,
            [("COVID", "covid"), ("École", "école"), ("قرار", "قرار")]
        );
    }

    #[test]
    fn accents_before_after() {
        crate::text::filters::fold_cases!(
            super::accents,
            [
                ("visioconférence", "visioconference"),
                ("Ç", "C"),
                ("e\u{0301}", "e"),
                ("ß", "ß")
            ]
        );
    }
}
