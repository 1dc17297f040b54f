#![no_main]
//! The text reader on arbitrary bytes (plain, or gzip/zstd when the bytes
//! start with their magic): no panic, every error names the file, no error
//! repeats input text, records in order, nothing over the size limit.

use eurocorpus::config::TextSplit;
use eurocorpus::input::ResolvedFormat;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    common::read_all(
        data,
        "data.txt",
        ResolvedFormat::Text,
        if data.first().is_some_and(|b| b % 2 == 0) { TextSplit::BlankLines } else { TextSplit::File },
    );
});
