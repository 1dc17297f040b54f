//! Writes the torture corpus (see `generate.rs`) into a folder and prints
//! what a run must make of each file, as JSON. Used by `scripts/torture.sh`.
//!
//! `cargo run --release --example torture_corpus -- DIR [--small]`

mod generate;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: torture_corpus DIR [--small]");
        std::process::exit(2);
    };
    let scale = if args.next().as_deref() == Some("--small") {
        generate::Scale { long_line_bytes: 1 << 20, tiny_docs: 10_000 }
    } else {
        generate::Scale::FULL
    };
    let expect = generate::generate(std::path::Path::new(&dir), scale);
    let json: Vec<serde_json::Value> = expect
        .iter()
        .map(|e| {
            serde_json::json!({
                "source": e.source,
                "read": e.read,
                "must_write": e.texts,
                "errors": e.errors.iter().map(|(r, k)| serde_json::json!({"record": r, "kind": k})).collect::<Vec<_>>(),
            })
        })
        .collect();
    println!("{}", serde_json::to_string_pretty(&json).unwrap());
}
