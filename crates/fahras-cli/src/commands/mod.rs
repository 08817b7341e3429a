//! One module per subcommand; each has `run(args) -> Result<Outcome>`.

pub(crate) mod analyzer;
pub(crate) mod demo;
pub(crate) mod eval;
pub(crate) mod extract;
pub(crate) mod index;
pub(crate) mod normalize;
pub(crate) mod search;
pub(crate) mod sentences;
pub(crate) mod tokenize;

use std::io::{self, BufWriter, StdoutLock};

/// Buffered stdout: commands write many small lines.
pub(crate) fn stdout() -> BufWriter<StdoutLock<'static>> {
    BufWriter::with_capacity(1 << 16, io::stdout().lock())
}
