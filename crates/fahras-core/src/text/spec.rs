//! The analyzer configuration as data: a serde-tagged list of steps.
//!
//! The same JSON is printed by the CLI, stored beside an index and sent to
//! workers, so a query, an indexed document and an extracted entity agree on
//! what a word is.

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind, Result};

/// Current spec format version.
pub const SPEC_VERSION: u32 = 1;

/// One normalization step. Steps rewrite a token's `norm` only, never its spans.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum FilterSpec {
    /// Unicode NFKC: presentation forms and ligatures (ﻻ → لا), composed hamza.
    Nfkc,
    /// Drop zero-width and bidi control characters.
    ZeroWidth,
    /// Drop tatweel (ـ).
    Tatweel,
    /// Drop diacritics: harakat, tanwin, shadda, sukun, superscript alef, Quranic marks.
    Tashkeel,
    /// Eastern Arabic and Persian digits to ASCII; ٫ → `.`, ٬ → `,`.
    Digits,
    /// Persian/Urdu look-alike letters (ک ی ھ ہ ە) to Arabic.
    PersianLetters,
    /// Alef variants (أ إ آ ٱ) to ا.
    Alef,
    /// Alef maqsura ى to ي.
    AlefMaqsura,
    /// Hamza carriers ؤ ئ to و ي.
    Hamza,
    /// Teh marbuta ة to ه (lossy).
    TehMarbuta,
    /// Arabic and typographic punctuation to ASCII (، → `,`, « » → `"`).
    Punctuation,
    /// Lower-case Latin letters.
    LatinLowercase,
    /// Strip accents from Latin letters.
    LatinAccents,
    /// Drop Arabic function words (the list in `data/stopwords.txt`).
    StopWords,
    /// Conservative light stemming (see [`crate::text::stem`]).
    LightStem,
}

/// A named preset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Profile {
    /// Lossless folds only: NFKC, zero-width, tatweel, digits, Persian letters.
    /// For display, entity values and anything shown back to a reader.
    Strict,
    /// Every fold: what the index, queries and gazetteer matching use.
    Search,
    /// `search` plus stop words and light stemming: recall-oriented retrieval.
    Stem,
}

impl Profile {
    /// All presets, for help texts.
    pub const ALL: [Profile; 3] = [Profile::Strict, Profile::Search, Profile::Stem];

    /// The preset's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Profile::Strict => "strict",
            Profile::Search => "search",
            Profile::Stem => "stem",
        }
    }
}

impl std::str::FromStr for Profile {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        match s {
            "strict" => Ok(Profile::Strict),
            "search" => Ok(Profile::Search),
            "stem" => Ok(Profile::Stem),
            _ => Err(Error::new(
                ErrorKind::InvalidSpec,
                format_args!("unknown profile `{s}` (expected `strict`, `search` or `stem`)"),
            )),
        }
    }
}

/// The whole analyzer configuration.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnalyzerSpec {
    /// Format version ([`SPEC_VERSION`]).
    pub version: u32,
    /// The steps, applied in order to every token.
    pub filters: Vec<FilterSpec>,
}

impl AnalyzerSpec {
    /// The spec of a preset.
    pub fn preset(profile: Profile) -> Self {
        use FilterSpec::{
            Alef, AlefMaqsura, Digits, Hamza, LatinAccents, LatinLowercase, LightStem, Nfkc,
            PersianLetters, Punctuation, StopWords, Tashkeel, Tatweel, TehMarbuta, ZeroWidth,
        };
        let filters = match profile {
            Profile::Strict => vec![Nfkc, ZeroWidth, Tatweel, Digits, PersianLetters],
            Profile::Search => vec![
                Nfkc,
                ZeroWidth,
                Tatweel,
                Tashkeel,
                Digits,
                PersianLetters,
                Alef,
                AlefMaqsura,
                Hamza,
                TehMarbuta,
                Punctuation,
                LatinLowercase,
                LatinAccents,
            ],
            // The stemmer runs before the ى and ة folds: it needs "الشعبة" and
            // "مستوى" as written to tell a feminine ending from a pronoun "ه"
            // and a final ى from the pronoun "ي".
            Profile::Stem => vec![
                Nfkc,
                ZeroWidth,
                Tatweel,
                Tashkeel,
                Digits,
                PersianLetters,
                Alef,
                Hamza,
                Punctuation,
                LatinLowercase,
                LatinAccents,
                StopWords,
                LightStem,
                AlefMaqsura,
                TehMarbuta,
            ],
        };
        Self {
            version: SPEC_VERSION,
            filters,
        }
    }

    /// Parse a spec from JSON.
    ///
    /// # Errors
    /// [`ErrorKind::InvalidSpec`] when the JSON does not describe a spec or names
    /// an unsupported version.
    pub fn from_json(json: &str) -> Result<Self> {
        let spec: Self = serde_json::from_str(json).map_err(|e| {
            let msg = format!("invalid analyzer spec: {e}");
            Error::with_source(ErrorKind::InvalidSpec, msg, e)
        })?;
        if spec.version != SPEC_VERSION {
            return Err(Error::new(
                ErrorKind::InvalidSpec,
                format_args!(
                    "analyzer spec version `{}` is not supported (this build reads `{SPEC_VERSION}`)",
                    spec.version
                ),
            ));
        }
        Ok(spec)
    }

    /// The spec as JSON.
    pub fn to_json(&self) -> String {
        // A spec is plain enums and integers: serialization cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }
}
