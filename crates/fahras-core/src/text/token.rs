//! Tokens: a piece of the original text, what kind of piece it is, and its normalized form.

use compact_str::CompactString;
use serde::{Deserialize, Serialize};

use crate::span::{ByteSpan, CharSpan};

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TokenKind {
    /// A word in Arabic or another non-Latin script.
    Word,
    /// A word in Latin script ("visioconférence", "COVID19").
    LatinWord,
    /// A number in any digit set, with Arabic thousands/decimal separators ("2٬258", "3٫5").
    Number,
    /// Punctuation: one mark, or a run of the same mark ("...", "؟؟").
    Punct,
    /// A symbol: currency, math, emoji.
    Symbol,
    /// A URL (`https://…`, `www.…`).
    Url,
    /// An email address.
    Email,
    /// A hashtag (`#يوم_الأرض`).
    Hashtag,
    /// A mention (`@handle`).
    Mention,
}

impl TokenKind {
    /// The lower-case name used in JSON and the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            TokenKind::Word => "word",
            TokenKind::LatinWord => "latin_word",
            TokenKind::Number => "number",
            TokenKind::Punct => "punct",
            TokenKind::Symbol => "symbol",
            TokenKind::Url => "url",
            TokenKind::Email => "email",
            TokenKind::Hashtag => "hashtag",
            TokenKind::Mention => "mention",
        }
    }

    /// Whether the token carries meaning a search index should keep (not punctuation or symbols).
    pub fn is_indexable(self) -> bool {
        !matches!(self, TokenKind::Punct | TokenKind::Symbol)
    }
}

/// The script a token is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Script {
    /// Arabic script: letters, Eastern Arabic/Persian digits, ، ؛ ؟.
    Arabic,
    /// Latin script.
    Latin,
    /// Shared by all scripts: ASCII digits, common punctuation and symbols.
    Common,
    /// Any other script.
    Other,
}

impl Script {
    /// The lower-case name used in JSON and the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            Script::Arabic => "arabic",
            Script::Latin => "latin",
            Script::Common => "common",
            Script::Other => "other",
        }
    }
}

/// A token of the original text. Filters rewrite `norm` only; the spans never change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// Byte span into the original text.
    pub bytes: ByteSpan,
    /// Code-point span into the original text (what Python sees).
    pub chars: CharSpan,
    /// Index of the token in the segmenter's stream. Dropped tokens (stop words,
    /// tokens that normalize to nothing) leave gaps, so phrase queries stay honest.
    pub position: u32,
    /// What the token is.
    pub kind: TokenKind,
    /// Its script.
    pub script: Script,
    /// The normalized form: what is indexed and matched.
    pub norm: CompactString,
}

impl Token {
    /// The original surface of the token.
    ///
    /// # Panics
    /// When `original` is not the text the token was made from.
    pub fn text<'t>(&self, original: &'t str) -> &'t str {
        self.bytes.slice(original)
    }
}

/// The serialized form of a token, with its original surface: what the CLI
/// prints as JSON and what Python's `Token.to_dict()` returns.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TokenView<'a> {
    /// The original surface.
    pub text: &'a str,
    /// The normalized form.
    pub norm: &'a str,
    /// What the token is.
    pub kind: TokenKind,
    /// Its script.
    pub script: Script,
    /// Char offset of the start (Python `str` index).
    pub start: u32,
    /// Char offset of the end, exclusive.
    pub end: u32,
    /// Byte offset of the start.
    pub byte_start: u32,
    /// Byte offset of the end, exclusive.
    pub byte_end: u32,
    /// Index in the segmenter's stream.
    pub position: u32,
}

impl Token {
    /// The serializable view of this token over its original text.
    pub fn view<'a>(&'a self, original: &'a str) -> TokenView<'a> {
        TokenView {
            text: self.text(original),
            norm: &self.norm,
            kind: self.kind,
            script: self.script,
            start: self.chars.start,
            end: self.chars.end,
            byte_start: self.bytes.start,
            byte_end: self.bytes.end,
            position: self.position,
        }
    }
}
