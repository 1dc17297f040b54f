//! Completion markers: the small JSON file a unit of work writes last,
//! naming the run's fingerprint and, for each file the unit wrote, its size,
//! record count and checksum. A unit whose marker checks out is skipped by
//! a rerun; a phase checks the markers of its inputs before it starts and
//! names the unit whose files are missing or corrupt.

use std::io::Read;
use std::path::Path;

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::Xxh3;

use crate::error::{Error, Result};

/// What a marker holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Marker {
    /// Fingerprint of configuration, tokenizer and tool version.
    pub fingerprint: String,
    /// The files the unit wrote, in the marker's folder.
    pub files: Vec<MarkedFile>,
}

/// One file named by a marker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MarkedFile {
    /// File name, relative to the marker's folder.
    pub name: String,
    /// Size in bytes.
    pub bytes: u64,
    /// Records in it (documents, hashes, edges: whatever the file holds).
    pub records: u64,
    /// XXH3-64 of its content, hex.
    pub xxh3: String,
}

/// `file`'s name relative to the marker's folder: its file name when it
/// is in that folder, `../name` when in the folder above.
fn relative_name(marker: &Path, file: &Path) -> String {
    let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let (dir, up) = (marker.parent(), marker.parent().and_then(Path::parent));
    match file.parent() {
        p if p == dir => name,
        p if p == up => format!("../{name}"),
        _ => file.display().to_string(),
    }
}

fn checksum(path: &Path) -> std::io::Result<(u64, String)> {
    let mut f = std::fs::File::open(path)?;
    let mut h = Xxh3::new();
    let mut buf = vec![0u8; 1 << 20];
    let mut bytes = 0u64;
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
        bytes += n as u64;
    }
    Ok((bytes, format!("{:016x}", h.digest())))
}

/// Writes the marker `path` for `files` (each with its record count), which
/// must already be published in the marker's folder.
///
/// # Errors
/// A file cannot be read, or the marker cannot be written.
pub fn write(path: &Path, fingerprint: &str, files: &[(&Path, u64)]) -> Result<()> {
    let mut marked = Vec::with_capacity(files.len());
    for &(file, records) in files {
        let (bytes, xxh3) = checksum(file).map_err(|e| Error::io(file, "checksum", e))?;
        let name = relative_name(path, file);
        marked.push(MarkedFile { name, bytes, records, xxh3 });
    }
    let m = Marker { fingerprint: fingerprint.to_string(), files: marked };
    crate::manifest::write_atomic(path, &crate::manifest::to_json(&m))
}

/// Reads the marker `path`.
///
/// # Errors
/// Why it is not a usable marker of this fingerprint, as a phrase.
pub fn read(path: &Path, fingerprint: &str) -> std::result::Result<Marker, String> {
    let text = std::fs::read(path).map_err(|_| "has no completion marker".to_string())?;
    let m: Marker = serde_json::from_slice(&text).map_err(|_| "has a corrupt completion marker".to_string())?;
    if m.fingerprint != fingerprint {
        return Err("was done by another configuration or version".into());
    }
    Ok(m)
}

/// Checks the marker `path` and the files it names: present with their
/// recorded sizes, and with `deep` also their checksums.
///
/// # Errors
/// What is wrong, as a phrase naming the file ("has no completion marker",
/// "`00003.sig` is missing", …).
pub fn check(path: &Path, fingerprint: &str, deep: bool) -> std::result::Result<Marker, String> {
    let m = read(path, fingerprint)?;
    let dir = path.parent().unwrap_or(Path::new("."));
    for f in &m.files {
        check_file(&dir.join(&f.name), f, deep)?;
    }
    Ok(m)
}

/// Checks one file against its entry in a marker (see [`check`]).
///
/// # Errors
/// What is wrong, as a phrase naming the file.
pub fn check_file(path: &Path, f: &MarkedFile, deep: bool) -> std::result::Result<(), String> {
    let Ok(meta) = std::fs::metadata(path) else { return Err(format!("`{}` is missing", f.name)) };
    if meta.len() != f.bytes {
        return Err(format!("`{}` has {} bytes where its marker says {}", f.name, meta.len(), f.bytes));
    }
    if deep {
        match checksum(path) {
            Ok((_, h)) if h == f.xxh3 => {}
            Ok(_) => return Err(format!("`{}` does not match its checksum", f.name)),
            Err(e) => return Err(format!("`{}` cannot be read ({e})", f.name)),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_marker_names_what_is_wrong() {
        let dir = tempfile::TempDir::new().unwrap();
        let data = dir.path().join("00003.sig");
        std::fs::write(&data, b"0123456789").unwrap();
        let mk = dir.path().join("00003.done");
        assert_eq!(check(&mk, "fp", true).unwrap_err(), "has no completion marker");
        write(&mk, "fp", &[(&data, 2)]).unwrap();
        let m = check(&mk, "fp", true).unwrap();
        assert_eq!((m.files[0].name.as_str(), m.files[0].bytes, m.files[0].records), ("00003.sig", 10, 2));
        assert_eq!(check(&mk, "other", false).unwrap_err(), "was done by another configuration or version");
        // Same size, other bytes: only the deep check sees it.
        std::fs::write(&data, b"0123456780").unwrap();
        assert!(check(&mk, "fp", false).is_ok());
        assert_eq!(check(&mk, "fp", true).unwrap_err(), "`00003.sig` does not match its checksum");
        std::fs::write(&data, b"01").unwrap();
        assert_eq!(check(&mk, "fp", false).unwrap_err(), "`00003.sig` has 2 bytes where its marker says 10");
        std::fs::remove_file(&data).unwrap();
        assert_eq!(check(&mk, "fp", false).unwrap_err(), "`00003.sig` is missing");
        std::fs::write(&mk, b"{").unwrap();
        assert_eq!(check(&mk, "fp", false).unwrap_err(), "has a corrupt completion marker");
    }
}
