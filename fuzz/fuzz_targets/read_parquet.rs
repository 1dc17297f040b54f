#![no_main]
//! The Parquet reader on arbitrary bytes (seeded with real shards): a
//! corrupt file is a located `malformed_parquet` error, never a panic.

use eurocorpus::config::TextSplit;
use eurocorpus::input::ResolvedFormat;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    common::read_all(data, "data.parquet", ResolvedFormat::Parquet, TextSplit::File);
});
