//! The torture corpus: inputs that attack the readers the way real corpora
//! do, each with what a run must make of it. Shared by
//! `scripts/torture.sh` (through the `torture_corpus` example, full size)
//! and the `torture` integration test (which includes this file).

use std::io::{BufRead, Read, Write};
use std::path::Path;

/// How big the two size tortures are.
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    /// Bytes of text in the one-line document.
    pub long_line_bytes: usize,
    /// Number of one-byte documents.
    pub tiny_docs: usize,
}

impl Scale {
    /// What the issue asks for: a 200 MB line, a million one-byte documents.
    pub const FULL: Scale = Scale { long_line_bytes: 200 << 20, tiny_docs: 1_000_000 };
}

/// What a run must make of one input file.
#[derive(Debug, Clone, Default)]
pub struct Expect {
    /// Path relative to the corpus folder (the `source` column).
    pub source: String,
    /// Records the file holds that a run reads (documents and bad records).
    pub read: u64,
    /// Bad records or files, located: (record number or None for the file, kind).
    pub errors: Vec<(Option<u64>, &'static str)>,
    /// Texts that must reach the output exactly (after NFC).
    pub texts: Vec<String>,
}

/// Real sentences in every script and many languages of the EU: Latin with
/// its diacritics, Greek, Cyrillic; right-to-left text with bidi controls;
/// and decomposed combining marks (normalised to NFC by the pipeline).
pub const SCRIPTS: [(&str, &str); 10] = [
    ("pl", "Zażółć gęślą jaźń — łódź płynie po Wiśle."),
    ("cs", "Příliš žluťoučký kůň úpěl ďábelské ódy."),
    ("hu", "Árvíztűrő tükörfúrógép és őszi szél."),
    ("ro", "Științele și țările își păstrează tradițiile."),
    ("mt", "Il-ħajja ta' kuljum f'Għawdex hija kwieta u sabiħa."),
    ("lv", "Ķēniņš ņēma ļoti garu ceļu uz Rīgu."),
    ("el", "Η γρήγορη καφέ αλεπού πηδά πάνω από τον τεμπέλη σκύλο."),
    ("bg", "Бързата кафява лисица прескача мързеливото куче."),
    ("ar", "\u{202B}هذا نص عربي مكتوب من اليمين إلى اليسار.\u{202C} 123"),
    ("he", "\u{200F}זהו טקסט בעברית, נכתב מימין לשמאל."),
];

fn line(text: &str) -> String {
    serde_json::json!({ "text": text }).to_string() + "\n"
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, bytes).unwrap();
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

/// Complete lines a streaming decoder yields before it fails: what the
/// reader can pass on from a damaged archive.
fn lines_before_error(r: impl Read) -> u64 {
    let mut r = std::io::BufReader::new(r);
    let (mut n, mut buf) = (0, Vec::new());
    loop {
        buf.clear();
        match r.read_until(b'\n', &mut buf) {
            Ok(0) | Err(_) => return n,
            Ok(_) if buf.ends_with(b"\n") => n += 1,
            Ok(_) => return n,
        }
    }
}

/// Numbered German sentences, one document each.
fn numbered(n: usize) -> String {
    (0..n).map(|i| line(&format!("Satz {i}: Die Daten werden Zeile für Zeile gelesen und geprüft."))).collect()
}

/// Writes the corpus into `dir/in` and returns what each file must give.
/// Files that need the test's help (one that disappears, one without read
/// permission) are made by the caller.
pub fn generate(dir: &Path, scale: Scale) -> Vec<Expect> {
    let dir = &dir.join("in");
    let mut out = Vec::new();
    let mut expect = |source: &str, read: u64, errors: Vec<(Option<u64>, &'static str)>, texts: Vec<String>| {
        out.push(Expect { source: source.into(), read, errors, texts });
    };

    // Invalid UTF-8 in the middle of a multi-byte character (2- and 4-byte).
    let mut b = line("Vor dem Fehler.").into_bytes();
    b.extend_from_slice(b"{\"text\":\"Gr\xc3u\xc3\x9fe\"}\n");
    b.extend_from_slice(b"{\"text\":\"Emoji \xf0\x9f\x98\"}\n");
    b.extend(line("Nach dem Fehler.").into_bytes());
    write(dir, "utf8-cut.jsonl", &b);
    expect(
        "utf8-cut.jsonl",
        4,
        vec![(Some(2), "invalid_utf8"), (Some(3), "invalid_utf8")],
        vec!["Vor dem Fehler.".into(), "Nach dem Fehler.".into()],
    );

    // NUL bytes: raw in a JSON string (invalid JSON), escaped (valid), and
    // in a plain text file (valid UTF-8).
    let mut b = b"{\"text\":\"raw \x00 nul\"}\n".to_vec();
    b.extend(line("escaped \u{0} nul").into_bytes());
    b.extend_from_slice(b"{\"text\":\"x\"}\x00\n");
    write(dir, "nul.jsonl", &b);
    expect("nul.jsonl", 3, vec![(Some(1), "malformed_json"), (Some(3), "malformed_json")], vec![]);
    write(dir, "nul.txt", b"Text mit \x00 Nullbytes \x00 darin.\n");
    expect("nul.txt", 1, vec![], vec![]);

    // One enormous line: a single valid document.
    let sentence = "Ein sehr langes Dokument besteht aus vielen Sätzen, die einander folgen. ";
    let mut long = String::with_capacity(scale.long_line_bytes + 64);
    let mut i = 0u64;
    while long.len() < scale.long_line_bytes {
        long.push_str(sentence);
        long.push_str(&i.to_string());
        long.push(' ');
        i += 1;
    }
    write(dir, "long-line.jsonl", line(&long).as_bytes());
    drop(long);
    expect("long-line.jsonl", 1, vec![], vec![]);

    // A million one-byte documents (zstd; 26 distinct texts).
    let mut tiny = Vec::with_capacity(scale.tiny_docs * 13);
    for i in 0..scale.tiny_docs {
        tiny.extend_from_slice(b"{\"text\":\"");
        tiny.push(b'a' + (i % 26) as u8);
        tiny.extend_from_slice(b"\"}\n");
    }
    write(dir, "tiny.jsonl.zst", &zstd::encode_all(&tiny[..], 3).unwrap());
    drop(tiny);
    expect("tiny.jsonl.zst", scale.tiny_docs as u64, vec![], vec![]);

    // Deeply nested JSON: 100,000 levels in a field that is skipped (skipped
    // without recursion: read); 100 levels; the text field an object; the
    // text field 100,000 levels deep (decoded: stopped at 128 levels).
    let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    let mut s = format!("{{\"text\":\"Tief verschachtelt daneben.\",\"extra\":{}}}\n", deep(100_000));
    s += &format!("{{\"text\":\"Verschachtelt, aber erlaubt.\",\"extra\":{}}}\n", deep(100));
    s += "{\"text\":{\"a\":{\"b\":{\"c\":\"d\"}}}}\n";
    s += &format!("{{\"text\":{}}}\n", deep(100_000));
    write(dir, "nested.jsonl", s.as_bytes());
    expect(
        "nested.jsonl",
        4,
        vec![(Some(3), "missing_text"), (Some(4), "malformed_json")],
        vec!["Tief verschachtelt daneben.".into(), "Verschachtelt, aber erlaubt.".into()],
    );

    // Duplicate keys: the last one counts, as in Python's json and jq.
    write(dir, "dupkeys.jsonl", b"{\"text\":\"erster Wert\",\"text\":\"zweiter Wert gilt\"}\n");
    expect("dupkeys.jsonl", 1, vec![], vec!["zweiter Wert gilt".into()]);

    // Byte-order marks, CRLF and lone CR line ends.
    let mut b = b"\xEF\xBB\xBF".to_vec();
    b.extend(line("Mit Byte-Order-Mark am Anfang.").into_bytes());
    write(dir, "bom.jsonl", &b);
    expect("bom.jsonl", 1, vec![], vec!["Mit Byte-Order-Mark am Anfang.".into()]);
    write(dir, "bom.txt", "\u{feff}Ein Textdokument mit BOM.".as_bytes());
    expect("bom.txt", 1, vec![], vec!["Ein Textdokument mit BOM.".into()]);
    let three = ["Erste Zeile mit CR.", "Zweite Zeile mit CR.", "Dritte Zeile mit CR."];
    let crlf: String = three.iter().map(|t| line(&t.replace("CR", "CRLF")).replace('\n', "\r\n")).collect();
    write(dir, "crlf.jsonl", crlf.as_bytes());
    expect("crlf.jsonl", 3, vec![], three.iter().map(|t| t.replace("CR", "CRLF")).collect());
    let cr: String = three.iter().map(|t| line(t).replace('\n', "\r")).collect();
    write(dir, "cr.jsonl", cr.as_bytes());
    expect("cr.jsonl", 3, vec![], three.iter().map(|t| t.to_string()).collect());

    // A gzip cut in the middle, a zstd with a corrupt frame, and three gzip
    // members in a row (as `cat a.gz b.gz c.gz` makes).
    let body = numbered(3000);
    let gz = gzip(body.as_bytes());
    let cut = &gz[..gz.len() / 2];
    write(dir, "cut.jsonl.gz", cut);
    let before = lines_before_error(flate2::read::MultiGzDecoder::new(cut));
    expect("cut.jsonl.gz", before, vec![(None, "truncated_input")], vec![]);
    let mut zst = zstd::encode_all(body.as_bytes(), 3).unwrap();
    let mid = zst.len() / 2;
    zst[mid..mid + 64].iter_mut().for_each(|b| *b ^= 0xa5);
    write(dir, "corrupt.jsonl.zst", &zst);
    let before = lines_before_error(zstd::stream::read::Decoder::new(&zst[..]).unwrap());
    expect("corrupt.jsonl.zst", before, vec![(None, "truncated_input")], vec![]);
    let members: Vec<u8> = body.as_bytes().chunks(body.len() / 3 + 1).flat_map(gzip).collect();
    write(dir, "members.jsonl.gz", &members);
    expect("members.jsonl.gz", 3000, vec![], vec![]);

    // An empty file, and a folder whose symbolic link points back up.
    write(dir, "empty.jsonl", b"");
    expect("empty.jsonl", 0, vec![], vec![]);
    std::fs::create_dir_all(dir.join("loop")).unwrap();
    write(dir, "loop/inside.jsonl", line("Im Ordner mit der Schleife.").as_bytes());
    expect("loop/inside.jsonl", 1, vec![], vec!["Im Ordner mit der Schleife.".into()]);
    #[cfg(unix)]
    std::os::unix::fs::symlink("..", dir.join("loop/back")).unwrap();

    // Every script, right-to-left text, combining marks.
    let scripts: String = SCRIPTS.iter().map(|(_, t)| line(t)).collect();
    write(dir, "scripts.jsonl", scripts.as_bytes());
    expect("scripts.jsonl", SCRIPTS.len() as u64, vec![], SCRIPTS.iter().map(|(_, t)| t.to_string()).collect());
    let decomposed = "Cafe\u{301} cre\u{300}me bru\u{302}le\u{301}e, Ha\u{308}user und Fu\u{308}ße.";
    write(dir, "combining.txt", decomposed.as_bytes());
    expect("combining.txt", 1, vec![], vec!["Café crème brûlée, Häuser und Füße.".into()]);
    out
}
