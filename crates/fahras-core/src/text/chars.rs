//! Character classes the segmenter and the filters agree on.
//!
//! Hand-written ranges rather than a general-category table: the segmenter is
//! the hot loop of every analysis, and Arabic text lives in a few contiguous
//! blocks that a `match` on ranges decides in a couple of comparisons.

use std::sync::LazyLock;

/// What a character does during segmentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    /// `White_Space`: separates tokens and is never part of one.
    Space,
    /// Zero-width and bidi controls: kept inside a word, skipped between tokens.
    Invisible,
    /// Arabic-script letter (incl. presentation forms and extended blocks).
    ArabicLetter,
    /// Arabic diacritics, Quranic marks and tatweel: they continue an Arabic word.
    ArabicMark,
    /// Latin letter (ASCII and the Latin-1/Extended blocks).
    LatinLetter,
    /// A letter of any other script.
    OtherLetter,
    /// A combining mark outside the Arabic block (continues any word).
    Mark,
    /// A decimal digit: ASCII, Eastern Arabic (U+0660…) or Persian (U+06F0…).
    Digit,
    /// Punctuation (Unicode P*), Arabic ، ؛ ؟ included.
    Punct,
    /// Everything else: math, currency, emoji, other symbols.
    Symbol,
}

/// Classes of U+0000..U+07FF (Latin, Arabic): one lookup in the hot loop.
pub(crate) static LOW: LazyLock<Box<[Class]>> = LazyLock::new(|| {
    (0..0x800u32)
        .map(|u| char::from_u32(u).map_or(Class::Symbol, class_slow))
        .collect()
});

/// Classify one character.
#[inline]
pub(crate) fn class(c: char) -> Class {
    let u = c as usize;
    if u < 0x80 {
        ASCII[u]
    } else if u < 0x800 {
        LOW[u]
    } else {
        class_slow(c)
    }
}

fn class_slow(c: char) -> Class {
    let u = c as u32;
    if u < 0x80 {
        return ASCII[u as usize];
    }
    match u {
        0x0600..=0x06FF => arabic_block(u),
        0x0750..=0x077F | 0x0870..=0x0887 | 0x0889..=0x088E | 0x08A0..=0x08C9 => {
            Class::ArabicLetter
        }
        0x0898..=0x089F | 0x08CA..=0x08FF => Class::ArabicMark,
        0xFD3E | 0xFD3F => Class::Punct,
        0xFB50..=0xFDFF | 0xFE70..=0xFEFC => {
            if c.is_alphabetic() {
                Class::ArabicLetter
            } else {
                Class::Symbol
            }
        }
        0xFEFF | 0x00AD | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2064 | 0x2066..=0x206F => {
            Class::Invisible
        }
        0x0300..=0x036F
        | 0x1AB0..=0x1AFF
        | 0x1DC0..=0x1DFF
        | 0x20D0..=0x20FF
        | 0xFE00..=0xFE0F
        | 0xFE20..=0xFE2F => Class::Mark,
        0x00AB | 0x00BB | 0x00A1 | 0x00A7 | 0x00B6 | 0x00B7 | 0x00BF => Class::Punct,
        0x2010..=0x2027 | 0x2030..=0x205E | 0x2E00..=0x2E4F | 0x3001..=0x3003 | 0x3008..=0x3011 => {
            Class::Punct
        }
        0x00C0..=0x024F | 0x1E00..=0x1EFF => {
            if c.is_alphabetic() {
                Class::LatinLetter
            } else {
                Class::Symbol
            }
        }
        _ if c.is_whitespace() => Class::Space,
        _ if c.is_alphabetic() => Class::OtherLetter,
        _ if c.is_numeric() => Class::OtherLetter,
        _ => Class::Symbol,
    }
}

#[inline]
fn arabic_block(u: u32) -> Class {
    match u {
        0x0610..=0x061A
        | 0x0640
        | 0x064B..=0x065F
        | 0x0670
        | 0x06D6..=0x06DC
        | 0x06DF..=0x06E4
        | 0x06E7
        | 0x06E8
        | 0x06EA..=0x06ED => Class::ArabicMark,
        0x0609
        | 0x060A
        | 0x060C
        | 0x060D
        | 0x061B
        | 0x061D..=0x061F
        | 0x066A
        | 0x066C
        | 0x066D
        | 0x06D4 => Class::Punct,
        0x061C => Class::Invisible,
        0x0660..=0x0669 | 0x06F0..=0x06F9 => Class::Digit,
        // U+066B ARABIC DECIMAL SEPARATOR is punctuation unless it sits between digits,
        // which the number scanner decides.
        0x066B => Class::Punct,
        0x0620..=0x063F
        | 0x0641..=0x064A
        | 0x066E
        | 0x066F
        | 0x0671..=0x06D3
        | 0x06D5
        | 0x06E5
        | 0x06E6
        | 0x06EE
        | 0x06EF
        | 0x06FA..=0x06FC
        | 0x06FF => Class::ArabicLetter,
        _ => Class::Symbol,
    }
}

const ASCII: [Class; 128] = {
    let mut t = [Class::Symbol; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        t[i] = if b.is_ascii_whitespace() || b == 0x0B {
            Class::Space
        } else if b.is_ascii_alphabetic() {
            Class::LatinLetter
        } else if b.is_ascii_digit() {
            Class::Digit
        } else if matches!(
            b,
            b'!' | b'"'
                | b'#'
                | b'%'
                | b'&'
                | b'\''
                | b'('
                | b')'
                | b'*'
                | b','
                | b'-'
                | b'.'
                | b'/'
                | b':'
                | b';'
                | b'?'
                | b'@'
                | b'['
                | b'\\'
                | b']'
                | b'_'
                | b'{'
                | b'}'
        ) {
            Class::Punct
        } else {
            Class::Symbol
        };
        i += 1;
    }
    t
};

/// Whether `c` belongs to the Arabic script (letters, marks, digits, punctuation).
#[inline]
pub(crate) fn is_arabic_script(c: char) -> bool {
    matches!(c as u32, 0x0600..=0x06FF | 0x0750..=0x077F | 0x0870..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
        && c != '\u{FEFF}'
}

/// Numeric value of a decimal digit in any of the three digit sets Arabic text uses.
#[inline]
pub(crate) fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_of_arabic_text() {
        let cases = [
            ('ق', Class::ArabicLetter),
            ('ـ', Class::ArabicMark),
            ('َ', Class::ArabicMark),
            ('\u{0670}', Class::ArabicMark),
            ('،', Class::Punct),
            ('؛', Class::Punct),
            ('؟', Class::Punct),
            ('«', Class::Punct),
            ('“', Class::Punct),
            ('٣', Class::Digit),
            ('۳', Class::Digit),
            ('7', Class::Digit),
            ('\u{200F}', Class::Invisible),
            ('\u{200C}', Class::Invisible),
            ('\u{00A0}', Class::Space),
            ('ﻻ', Class::ArabicLetter),
            ('é', Class::LatinLetter),
            ('$', Class::Symbol),
            ('٪', Class::Punct),
            ('ک', Class::ArabicLetter),
        ];
        for (c, want) in cases {
            assert_eq!(class(c), want, "class of {c:?} (U+{:04X})", c as u32);
        }
    }

    #[test]
    fn digit_values_in_three_scripts() {
        assert_eq!(digit_value('٧'), Some(7));
        assert_eq!(digit_value('۹'), Some(9));
        assert_eq!(digit_value('4'), Some(4));
        assert_eq!(digit_value('a'), None);
    }
}
