//! Expanding `input.paths` (files, folders, globs) into a sorted, checked
//! list of input files, each with its format and its `source` name.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::config::{InputCompression, InputConfig, InputFormat};
use crate::error::{Error, Result};

/// A file format after `auto` has been resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResolvedFormat {
    /// JSON Lines.
    Jsonl,
    /// Parquet.
    Parquet,
    /// Plain text.
    Text,
    /// Common Crawl WET.
    Wet,
}

/// One input file of a run.
#[derive(Debug, Clone, Serialize)]
pub struct InputFile {
    /// The path as found (relative paths stay relative to the current folder).
    pub path: PathBuf,
    /// Path relative to its input root, with `/` separators: the `source` column.
    pub source: String,
    /// Resolved format.
    pub format: ResolvedFormat,
    /// Configured compression (`auto`: sniffed when opened).
    #[serde(skip)]
    pub compression: InputCompression,
    /// Size on disk (of the part, when split).
    pub bytes: u64,
    /// The part of the file this input is, when the file is read in parts
    /// (see [`super::split`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub split: Option<super::split::Split>,
}

/// Format by file name: the extension after an optional `.gz`/`.zst`.
pub fn format_from_name(name: &str) -> Option<ResolvedFormat> {
    let lower = name.to_ascii_lowercase();
    let stem = lower
        .strip_suffix(".gz")
        .or_else(|| lower.strip_suffix(".zst"))
        .or_else(|| lower.strip_suffix(".zstd"))
        .unwrap_or(&lower);
    if stem.ends_with(".wet") {
        Some(ResolvedFormat::Wet)
    } else if stem.ends_with(".jsonl") || stem.ends_with(".json") || stem.ends_with(".ndjson") {
        Some(ResolvedFormat::Jsonl)
    } else if stem == lower && (stem.ends_with(".parquet") || stem.ends_with(".pq")) {
        Some(ResolvedFormat::Parquet)
    } else if stem.ends_with(".txt") || stem.ends_with(".text") {
        Some(ResolvedFormat::Text)
    } else {
        None
    }
}

fn forced_format(f: InputFormat) -> Option<ResolvedFormat> {
    match f {
        InputFormat::Auto => None,
        InputFormat::Jsonl => Some(ResolvedFormat::Jsonl),
        InputFormat::Parquet => Some(ResolvedFormat::Parquet),
        InputFormat::Text => Some(ResolvedFormat::Text),
        InputFormat::Wet => Some(ResolvedFormat::Wet),
    }
}

fn is_glob(p: &str) -> bool {
    p.contains(['*', '?', '['])
}

/// The folder part of a glob before its first wildcard component.
fn glob_base(pattern: &str) -> PathBuf {
    let mut base = PathBuf::new();
    for comp in Path::new(pattern).components() {
        if is_glob(&comp.as_os_str().to_string_lossy()) {
            break;
        }
        base.push(comp);
    }
    base
}

fn hidden(name: &str) -> bool {
    name.starts_with('.') || name.starts_with('_') || name.ends_with(".tmp")
}

fn relative_source(root: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(root).unwrap_or(file);
    let rel = if rel.as_os_str().is_empty() { Path::new(file.file_name().unwrap_or(file.as_os_str())) } else { rel };
    rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect::<Vec<_>>().join("/")
}

/// What [`discover`] found.
#[derive(Debug, Default)]
pub struct Discovered {
    /// The input files, in a stable order.
    pub files: Vec<InputFile>,
    /// Files in folders skipped because their format is unknown.
    pub skipped: Vec<PathBuf>,
}

/// Expands the configured input paths. Folders are walked recursively (in
/// name order; hidden `.`/`_` entries skipped), globs are expanded; an
/// explicitly named file with an unknown extension is an error unless
/// `input.format` is set, while such files inside folders are skipped and
/// listed.
///
/// # Errors
/// A path that does not exist or matches nothing, a file of unknown format,
/// two inputs with the same `source` name, an unreadable folder.
pub fn discover(cfg: &InputConfig) -> Result<Discovered> {
    let forced = forced_format(cfg.format);
    let mut out = Discovered::default();
    let mut problems = Vec::new();
    let mut seen: BTreeMap<String, PathBuf> = BTreeMap::new();
    let mut add = |root: &Path, path: PathBuf, explicit: bool, out: &mut Discovered, problems: &mut Vec<String>| {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let Some(format) = forced.or_else(|| format_from_name(&name)) else {
            if explicit {
                problems.push(format!(
                    "{}: unknown input format (expected .jsonl, .json.gz, .jsonl.zst, .parquet, .txt or .warc.wet.gz; or set input.format)",
                    path.display()
                ));
            } else {
                out.skipped.push(path);
            }
            return;
        };
        let source = relative_source(root, &path);
        if let Some(other) = seen.get(&source) {
            if other != &path {
                problems.push(format!(
                    "{} and {} both have the source name {source:?}: give their common parent folder as the input instead",
                    other.display(),
                    path.display()
                ));
            }
            return;
        }
        seen.insert(source.clone(), path.clone());
        let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        out.files.push(InputFile { path, source, format, compression: cfg.compression, bytes, split: None });
    };

    for spec in &cfg.paths {
        let spec_str = spec.to_string_lossy();
        if is_glob(&spec_str) {
            let base = glob_base(&spec_str);
            let matches = match glob::glob(&spec_str) {
                Ok(m) => m,
                Err(e) => {
                    problems.push(format!("{spec_str}: invalid glob pattern: {e}"));
                    continue;
                }
            };
            let mut found = Vec::new();
            for m in matches {
                match m {
                    Ok(p) => found.push(p),
                    Err(e) => problems.push(format!("{}: {}", e.path().display(), e.error())),
                }
            }
            if found.is_empty() {
                problems.push(format!("{spec_str}: the pattern matches no file"));
            }
            found.sort();
            for p in found {
                if p.is_dir() {
                    walk(&base, &p, &mut add, &mut out, &mut problems);
                } else {
                    add(&base, p, false, &mut out, &mut problems);
                }
            }
        } else if spec.is_dir() {
            walk(spec, spec, &mut add, &mut out, &mut problems);
        } else if spec.symlink_metadata().is_ok() {
            // A file, or a link whose target is gone: the run reports the
            // latter as unreadable under its error policy.
            let root = spec.parent().unwrap_or(Path::new(""));
            add(root, spec.clone(), true, &mut out, &mut problems);
        } else {
            problems.push(format!("{}: no such file or folder", spec.display()));
        }
    }
    if out.files.is_empty() && problems.is_empty() {
        problems.push("the input paths contain no readable corpus file".to_string());
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(Error::Config { origin: "input.paths".to_string(), problems })
    }
}

fn walk<F>(root: &Path, dir: &Path, add: &mut F, out: &mut Discovered, problems: &mut Vec<String>)
where
    F: FnMut(&Path, PathBuf, bool, &mut Discovered, &mut Vec<String>),
{
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !hidden(&e.file_name().to_string_lossy()));
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() => add(root, e.into_path(), false, out, problems),
            Ok(_) => {}
            Err(e) => match e.path() {
                // A symlink loop is listed, not followed forever.
                Some(p) if e.loop_ancestor().is_some() => out.skipped.push(p.to_path_buf()),
                // A dangling link or a file that vanished: keep it as an input
                // so the run reports it (unreadable_file) under its policy.
                Some(p) if e.io_error().is_some_and(|io| io.kind() == std::io::ErrorKind::NotFound) => {
                    add(root, p.to_path_buf(), false, out, problems)
                }
                Some(p) => problems.push(format!("{}: cannot list folder: {e}", p.display())),
                None => problems.push(format!("{}: cannot list folder: {e}", dir.display())),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_name() {
        use ResolvedFormat::*;
        for (name, want) in [
            ("a.jsonl", Some(Jsonl)),
            ("a.JSONL.GZ", Some(Jsonl)),
            ("a.jsonl.zst", Some(Jsonl)),
            ("a.json.gz", Some(Jsonl)),
            ("x.parquet", Some(Parquet)),
            ("x.parquet.gz", None),
            ("CC-MAIN-1.warc.wet.gz", Some(Wet)),
            ("notes.txt", Some(Text)),
            ("notes.txt.zst", Some(Text)),
            ("README.md", None),
            ("a.warc.gz", None),
        ] {
            assert_eq!(format_from_name(name), want, "{name}");
        }
    }

    #[test]
    fn glob_bases_and_sources() {
        assert_eq!(glob_base("raw/cc/**/*.jsonl"), PathBuf::from("raw/cc"));
        assert_eq!(relative_source(Path::new("raw"), Path::new("raw/de/a.jsonl")), "de/a.jsonl");
        assert_eq!(relative_source(Path::new(""), Path::new("a.jsonl")), "a.jsonl");
    }
}
