//! Shared by the reader targets: the fuzz input becomes a file of the given
//! name (readers take paths, as in a run) and is read to its end through
//! `eurocorpus::input::open`, checking what a run relies on.

use std::path::PathBuf;
use std::sync::atomic::AtomicU64;
use std::sync::Arc;

use eurocorpus::config::{InputCompression, TextSplit};
use eurocorpus::input::{open, FieldSpec, InputFile, Item, ResolvedFormat};

/// A string the seed corpus puts in texts, ids and keys: no error detail
/// may ever repeat it (messages say where, never what).
pub const CANARY: &str = "SECRETCANARY";

/// Reads `data` as a file named `name` and checks the items.
pub fn read_all(data: &[u8], name: &str, format: ResolvedFormat, split: TextSplit) {
    let dir = std::env::temp_dir().join(format!("eurocorpus-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path: PathBuf = dir.join(name);
    std::fs::write(&path, data).unwrap();
    let file = InputFile {
        path: path.clone(),
        source: name.to_string(),
        format,
        compression: InputCompression::Auto,
        bytes: data.len() as u64,
        split: None,
    };
    let spec = Arc::new(FieldSpec {
        text: "text".into(),
        id: "id".into(),
        lang: "lang".into(),
        metadata: vec!["url".into(), "meta".into()],
        // Small, so that the fuzzer reaches the too-large paths.
        max_document_bytes: 4096,
        text_split: split,
    });
    let mut last_record = 0u64;
    let mut ended = false;
    for item in open(&file, &spec, Arc::new(AtomicU64::new(0))) {
        assert!(!ended, "an item after the error that ended the file");
        match item {
            Item::Doc(d) => {
                assert!(d.record > last_record || last_record == 0, "records out of order");
                last_record = d.record;
                assert!(d.text.len() as u64 <= spec.max_document_bytes, "a document over the limit was passed on");
                assert_eq!(d.meta.len(), spec.metadata.len());
                assert!(!d.id.is_empty());
            }
            Item::Bad(e) => {
                assert_eq!(e.path, path, "an error that does not name its file");
                assert!(!e.detail.contains(CANARY), "an error message repeats input text: {}", e.detail);
                match e.record {
                    Some(r) => {
                        assert!(r >= last_record, "error record {r} before record {last_record}");
                        last_record = r;
                    }
                    None => ended = true,
                }
            }
        }
    }
}
