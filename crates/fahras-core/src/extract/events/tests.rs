//! Tests of directive and meeting extraction.
