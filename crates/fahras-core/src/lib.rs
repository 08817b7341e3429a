//! # fahras-core
//!
//! Arabic text analytics for organizational and political news: party
//! statements, meeting reports, directives. This crate is the library; the
//! `fahras` CLI and the Python package are thin faces over it.
//!
//! ## Quick start
//!
//! ```
//! use fahras_core::text::{Analyzer, Profile, sentences};
//!
//! let text = "عقدت الهيئة التنفيذية للحزب اجتماعها الدوري بتاريخ ٧ – ١٢ – ٢٠٢٠.";
//! let search = Analyzer::new(Profile::Search);
//! let tokens = search.analyze(text);
//! // Spans point into the ORIGINAL text; `norm` is what is matched.
//! let date: Vec<&str> = tokens[7..].iter().map(|t| t.norm.as_str()).collect();
//! assert_eq!(date, ["7", "-", "12", "-", "2020", "."]);
//! assert_eq!(tokens[7].text(text), "٧");
//! assert_eq!(sentences(text).len(), 1);
//! ```
//!
//! ## The pipeline
//!
//! 1. **Segmentation** ([`text::segment()`]) of the original text into tokens with
//!    a kind (word, Latin word, number, punctuation, symbol, URL, email,
//!    hashtag, mention), a script, a byte span and a char span.
//! 2. **Normalization** of each token by the steps of an [`text::AnalyzerSpec`]:
//!    serializable data, so the index, the extractors and queries use exactly
//!    the same folds. Per-character folds are fused into one table lookup.
//! 3. **Sentences** ([`text::sentences()`]) over the same segmentation.
//!
//! ## Offsets
//!
//! Every span that leaves the library points into the ORIGINAL text, as bytes
//! ([`ByteSpan`], for Rust) and as code points ([`CharSpan`], what Python's
//! `str` indexes). Filters rewrite `Token::norm` only.
//!
//! ## Normalization profiles
//!
//! | step | `strict` | `search` | `stem` | example |
//! |---|---|---|---|---|
//! | NFKC | ✔ | ✔ | ✔ | `ﻻ` → `لا` |
//! | zero-width and bidi controls | ✔ | ✔ | ✔ | `الحز‌ب` → `الحزب` |
//! | tatweel | ✔ | ✔ | ✔ | `الحـــزب` → `الحزب` |
//! | digits | ✔ | ✔ | ✔ | `١٤٤١` → `1441`, `2٬258` → `2,258` |
//! | Persian letters | ✔ | ✔ | ✔ | `ک` → `ك` |
//! | tashkeel | | ✔ | ✔ | `قَرَار` → `قرار` |
//! | alef, hamza carriers | | ✔ | ✔ | `إدارة` → `ادارة`, `مسؤول` → `مسوول` |
//! | alef maqsura, teh marbuta | | ✔ | ✔ | `مستوى` → `مستوي`, `مديرية` → `مديريه` |
//! | punctuation | | ✔ | ✔ | `،` → `,`, `«` → `"` |
//! | Latin case and accents | | ✔ | ✔ | `Visioconférence` → `visioconference` |
//! | stop words, light stemming | | | ✔ | `بالرباط` → `رباط` |
//!
//! The light stemmer and why it differs from light10 and Snowball: [`text::stem`].
//!
//! ## Untrusted input
//!
//! Analysis cannot fail and does not panic on any `&str` (property-tested on
//! arbitrary Unicode). Documents longer than `u32::MAX` bytes cannot be
//! addressed by spans; [`check_len`] rejects them.

#![deny(missing_docs)]

pub mod error;
pub mod eval;
pub mod extract;
#[cfg(feature = "index")]
pub mod index;
pub mod span;
pub mod text;

pub use error::{Error, ErrorKind, Result};
pub use extract::{Document, Entity, EntityKind, Extraction, Extractor, KindSet};
pub use span::{ByteSpan, CharSpan};
pub use text::{
    Analyzer, AnalyzerSpec, FilterSpec, Profile, Script, Sentence, SentenceView, Token, TokenKind,
    TokenView,
};

/// Reject a text that spans cannot address.
///
/// # Errors
/// [`ErrorKind::DocumentTooLarge`] when `text` is longer than `u32::MAX` bytes.
pub fn check_len(text: &str) -> Result<()> {
    if u32::try_from(text.len()).is_err() {
        return Err(Error::new(
            ErrorKind::DocumentTooLarge { len: text.len() },
            format_args!(
                "document of {} bytes is larger than the 4 GiB that spans can address",
                text.len()
            ),
        ));
    }
    Ok(())
}
