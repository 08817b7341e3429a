//! End-to-end tests: the `fahras` CLI, and the library on the seed articles.

mod cli;
mod seeds;
mod support;
