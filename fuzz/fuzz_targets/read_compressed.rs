#![no_main]
//! The decompression paths: the fuzz input is JSONL text, compressed with
//! gzip (one or two members) or zstd, then cut short or damaged at a place
//! the input chooses — or, in raw mode, the input bytes themselves behind a
//! gzip or zstd magic. The reader must end with a located error, never
//! panic or hang, and keep the records before the damage.

use std::io::Write;

use eurocorpus::config::TextSplit;
use eurocorpus::input::ResolvedFormat;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

fuzz_target!(|input: &[u8]| {
    let Some((&ctl, rest)) = input.split_first() else { return };
    let Some((&at, plain)) = rest.split_first() else { return };
    let mut bytes = match ctl % 5 {
        0 => gzip(plain),
        1 => {
            let (a, b) = plain.split_at(plain.len() / 2);
            let mut two = gzip(a);
            two.extend(gzip(b));
            two
        }
        2 => zstd::encode_all(plain, 1).unwrap(),
        3 => [&[0x1f, 0x8b][..], plain].concat(),
        _ => [&[0x28, 0xb5, 0x2f, 0xfd][..], plain].concat(),
    };
    let cut = bytes.len() * usize::from(at) / 255;
    match (ctl / 5) % 3 {
        0 => bytes.truncate(cut.max(1)),
        1 if cut < bytes.len() => bytes[cut] ^= 0x5a,
        _ => {}
    }
    common::read_all(&bytes, "data.jsonl.gz", ResolvedFormat::Jsonl, TextSplit::File);
});
