//! The analysis pipeline shared by every consumer: segmentation of the original
//! text, then normalization of each token by a configurable list of steps.

mod analyzer;
pub(crate) mod chars;
pub(crate) mod data;
pub(crate) mod filters;
pub mod segment;
pub mod sentence;
mod spec;
pub mod stem;
mod token;

pub use analyzer::{Analyzer, NormCache};
pub use segment::{Segment, segment, segment_each};
pub use sentence::{Sentence, SentenceView, sentences};
pub use spec::{AnalyzerSpec, FilterSpec, Profile, SPEC_VERSION};
pub use token::{Script, Token, TokenKind, TokenView};
