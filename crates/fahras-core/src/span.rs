//! Half-open spans into the ORIGINAL text.
//!
//! Two newtypes rather than bare tuples: mixing byte and character offsets is
//! the classic Arabic offset bug (most Arabic letters take two UTF-8 bytes), and
//! separate types turn it into a compile error.

use serde::{Deserialize, Serialize};

/// Half-open byte range into the original text. Both ends lie on char boundaries.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct ByteSpan {
    /// First byte (inclusive).
    pub start: u32,
    /// One past the last byte (exclusive).
    pub end: u32,
}

/// Half-open range of Unicode scalar values (Python `str` indices) into the original text.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct CharSpan {
    /// First code point (inclusive).
    pub start: u32,
    /// One past the last code point (exclusive).
    pub end: u32,
}

macro_rules! span_methods {
    ($ty:ident) => {
        impl $ty {
            /// A span from `start` to `end`.
            ///
            /// # Panics
            /// When `end < start`: a reversed span is a bug in the caller, never a property of input.
            pub fn new(start: u32, end: u32) -> Self {
                assert!(start <= end, "reversed span {start}..{end}");
                Self { start, end }
            }

            /// The span as a `Range<usize>`, for slicing.
            pub fn range(self) -> std::ops::Range<usize> {
                self.start as usize..self.end as usize
            }

            /// Length of the span in its unit.
            pub fn len(self) -> usize {
                (self.end - self.start) as usize
            }

            /// Whether the span covers nothing.
            pub fn is_empty(self) -> bool {
                self.start == self.end
            }

            /// The smallest span covering both `self` and `other`.
            #[must_use]
            pub fn cover(self, other: Self) -> Self {
                Self {
                    start: self.start.min(other.start),
                    end: self.end.max(other.end),
                }
            }
        }
    };
}
span_methods!(ByteSpan);
span_methods!(CharSpan);

impl ByteSpan {
    /// The original text under this span.
    ///
    /// # Panics
    /// When the span does not lie on char boundaries of `text`; spans made by this
    /// crate always do.
    pub fn slice(self, text: &str) -> &str {
        &text[self.range()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cover_takes_the_union() {
        let a = ByteSpan::new(4, 10);
        let b = ByteSpan::new(2, 6);
        assert_eq!(a.cover(b), ByteSpan::new(2, 10));
        assert_eq!(a.len(), 6);
        assert!(!a.is_empty());
    }

    #[test]
    fn slice_reads_arabic_bytes() {
        let text = "قرار رقم";
        assert_eq!(ByteSpan::new(0, 8).slice(text), "قرار");
    }
}
