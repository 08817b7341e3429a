//! End-to-end tests: the `fahras` CLI, and the library on the seed articles.

mod batch;
mod cli;
mod date_suites;
mod directives;
mod eval;
mod extract;
mod gold;
mod index;
mod officials;
mod places;
mod search_recall;
mod seeds;
mod serve;
mod support;
