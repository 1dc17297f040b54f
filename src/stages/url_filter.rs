//! `url_filter`: removes documents whose URL's host is on a domain block
//! list, or on a list of domains whose owners reserved text-and-data-mining
//! rights (EU DSM Directive 2019/790, art. 4(3)).
//!
//! Lists are plain text, one domain per line (`#` comments, blank lines,
//! `*.` or `.` prefixes and whole URLs are accepted), so the public block
//! lists (UT1, Blocklist Project, …) and a team's own opt-out register can be
//! used as they are. A domain also matches its subdomains. Hosts compare
//! case-insensitively in the form written: an internationalised domain
//! matches when list and URL both use the same form (Common Crawl writes
//! the punycode `xn--` form).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{Outcome, Scratch, Stage};
use crate::doc::Document;
use crate::error::{Error, Result};

/// What happens to a document without a URL.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum MissingUrl {
    /// Kept (counted as `no_url`).
    #[default]
    Keep,
    /// Removed with reason `no_url`.
    Drop,
}

/// `[[stages]] type = "url_filter"`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct UrlFilterConfig {
    /// The metadata name holding the URL; it must be listed in
    /// `input.metadata` (WET files: `url`, from `WARC-Target-URI`).
    pub field: String,
    /// Domain block lists: a match is removed as `blocked`.
    pub block_lists: Vec<PathBuf>,
    /// Domains that reserved text-and-data-mining rights: a match is
    /// removed as `tdm_opt_out`.
    pub tdm_opt_out_lists: Vec<PathBuf>,
    /// Documents without a URL.
    pub missing: MissingUrl,
}

impl Default for UrlFilterConfig {
    fn default() -> Self {
        UrlFilterConfig {
            field: "url".into(),
            block_lists: Vec::new(),
            tdm_opt_out_lists: Vec::new(),
            missing: MissingUrl::Keep,
        }
    }
}

impl UrlFilterConfig {
    /// Problems that can be found without reading input.
    pub fn problems(&self, metadata: &[String]) -> Vec<String> {
        let mut p = Vec::new();
        if !metadata.contains(&self.field) {
            p.push(format!(
                "field {:?} is not in input.metadata ({}): add it there so documents carry their URL",
                self.field,
                if metadata.is_empty() { "empty".to_string() } else { metadata.join(", ") }
            ));
        }
        if self.block_lists.is_empty() && self.tdm_opt_out_lists.is_empty() {
            p.push("no block_lists and no tdm_opt_out_lists: the stage would remove nothing".into());
        }
        for f in self.block_lists.iter().chain(&self.tdm_opt_out_lists) {
            if !f.is_file() {
                p.push(format!("list {}: no such file", f.display()));
            }
        }
        p
    }
}

/// The host of a URL (or of a bare domain), lowercased, without port,
/// user info or trailing dot; None when there is none.
pub fn host_of(url: &str) -> Option<String> {
    let s = url.trim();
    let s = s.split_once("://").map_or(s, |(_, rest)| rest);
    let s = s.strip_prefix("//").unwrap_or(s);
    let authority = s.split(['/', '?', '#']).next().unwrap_or("");
    let authority = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = if let Some(v6) = authority.strip_prefix('[') {
        v6.split(']').next().unwrap_or("")
    } else {
        authority.split(':').next().unwrap_or("")
    };
    let host = host.trim_end_matches('.').to_lowercase();
    (!host.is_empty() && !host.contains(char::is_whitespace)).then_some(host)
}

/// Which list a domain is on: (reason, list name).
type ListRef = (&'static str, &'static str);

/// The `url_filter` stage.
pub struct UrlFilter {
    field: usize,
    domains: HashMap<String, ListRef>,
    missing: MissingUrl,
}

impl UrlFilter {
    /// Loads the lists. A domain on several lists counts for the first:
    /// block lists before opt-out lists, in the configured order.
    ///
    /// # Errors
    /// A list that cannot be read, or a line that holds no domain (by
    /// file and line).
    pub fn new(cfg: &UrlFilterConfig, metadata: &[String]) -> Result<Self> {
        let field = metadata.iter().position(|m| *m == cfg.field).ok_or_else(|| {
            Error::Internal(format!("url_filter: field {:?} is not an input.metadata name", cfg.field))
        })?;
        let mut domains = HashMap::new();
        let lists = cfg
            .block_lists
            .iter()
            .map(|p| ("blocked", p))
            .chain(cfg.tdm_opt_out_lists.iter().map(|p| ("tdm_opt_out", p)));
        for (reason, path) in lists {
            let name = super::intern(&list_name(path));
            for domain in read_list(path)? {
                domains.entry(domain).or_insert((reason, name));
            }
        }
        Ok(UrlFilter { field, domains, missing: cfg.missing })
    }

    /// The list entry that matches `host` or one of its parent domains.
    fn lookup(&self, host: &str) -> Option<ListRef> {
        let mut h = host;
        loop {
            if let Some(&hit) = self.domains.get(h) {
                return Some(hit);
            }
            h = h.split_once('.')?.1;
        }
    }
}

/// A list's name in the stats: its file name without extension.
fn list_name(path: &Path) -> String {
    path.file_stem().map_or_else(|| path.display().to_string(), |s| s.to_string_lossy().into_owned())
}

fn read_list(path: &Path) -> Result<Vec<String>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, "read the domain list", e))?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let entry = line.split('#').next().unwrap_or("").trim();
        if entry.is_empty() {
            continue;
        }
        let entry = entry.trim_start_matches("*.").trim_start_matches('.');
        match host_of(entry) {
            Some(h) if !entry.contains(char::is_whitespace) => out.push(h),
            _ => {
                return Err(Error::Config {
                    origin: format!("{}:{}", path.display(), i + 1),
                    problems: vec!["not a domain: give one domain (or URL) per line".into()],
                })
            }
        }
    }
    Ok(out)
}

impl Stage for UrlFilter {
    fn name(&self) -> &'static str {
        "url_filter"
    }

    fn apply(&self, doc: &mut Document, scratch: &mut Scratch) -> Outcome {
        let host = doc.meta.get(self.field).and_then(|u| u.as_deref()).and_then(host_of);
        let Some(host) = host else {
            return match self.missing {
                MissingUrl::Keep => {
                    scratch.counts.push(("no_url", "", 1));
                    Outcome::Kept
                }
                MissingUrl::Drop => Outcome::Removed("no_url"),
            };
        };
        match self.lookup(&host) {
            Some((reason, list)) => {
                scratch.counts.push(("list", list, 1));
                Outcome::Removed(reason)
            }
            None => Outcome::Kept,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn hosts_of_urls() {
        let cases = [
            ("https://www.Example.COM/path?q=1#x", Some("www.example.com")),
            ("http://user:pw@shop.example.de:8080/", Some("shop.example.de")),
            ("example.org", Some("example.org")),
            ("example.org./a", Some("example.org")),
            ("//cdn.example.net/x.js", Some("cdn.example.net")),
            ("http://[2001:db8::1]:80/", Some("2001:db8::1")),
            ("https://xn--mnchen-3ya.de/", Some("xn--mnchen-3ya.de")),
            ("https://münchen.de/", Some("münchen.de")),
            ("", None),
            ("https:///nohost", None),
        ];
        for (url, want) in cases {
            assert_eq!(host_of(url).as_deref(), want, "{url}");
        }
    }

    fn filter(block: &str, tdm: &str, missing: MissingUrl) -> UrlFilter {
        let dir = tempfile::tempdir().unwrap();
        let (b, t) = (dir.path().join("adult.txt"), dir.path().join("tdm-reserved.txt"));
        std::fs::write(&b, block).unwrap();
        std::fs::write(&t, tdm).unwrap();
        let cfg = UrlFilterConfig { block_lists: vec![b], tdm_opt_out_lists: vec![t], missing, ..Default::default() };
        assert!(cfg.problems(&["url".into()]).is_empty());
        UrlFilter::new(&cfg, &["url".into()]).unwrap()
    }

    fn apply(f: &UrlFilter, url: Option<&str>) -> (Outcome, Vec<(&'static str, &'static str, u64)>) {
        let mut d =
            crate::input::make_doc(&Arc::from("x.wet"), 1, None, "text".into(), None, vec![url.map(str::to_string)]);
        let mut s = Scratch::default();
        (f.apply(&mut d, &mut s), s.counts)
    }

    #[test]
    fn domains_match_themselves_and_their_subdomains_only() {
        let f = filter(
            "# adult sites\nbad.example\n*.Spam.Example.ORG\n\n.tracker.test  # trailing comment\n",
            "https://news.example.com/\n",
            MissingUrl::Keep,
        );
        let removed = |u: &str| apply(&f, Some(u)).0;
        assert_eq!(removed("http://bad.example/x"), Outcome::Removed("blocked"));
        assert_eq!(removed("http://www.bad.example/"), Outcome::Removed("blocked"));
        assert_eq!(removed("http://a.b.spam.example.org/"), Outcome::Removed("blocked"));
        assert_eq!(removed("http://spam.example.org./"), Outcome::Removed("blocked"));
        assert_eq!(removed("https://x.tracker.test"), Outcome::Removed("blocked"));
        assert_eq!(removed("https://news.example.com/2024/01/a.html"), Outcome::Removed("tdm_opt_out"));
        assert_eq!(removed("https://sport.news.example.com/"), Outcome::Removed("tdm_opt_out"));
        for kept in ["http://notbad.example/", "http://bad.example.org/", "https://example.com/", "http://example.org/"]
        {
            assert_eq!(removed(kept), Outcome::Kept, "{kept}");
        }
        assert_eq!(apply(&f, Some("http://bad.example")).1, [("list", "adult", 1)]);
        assert_eq!(apply(&f, Some("https://news.example.com")).1, [("list", "tdm-reserved", 1)]);
    }

    #[test]
    fn block_lists_win_over_opt_out_lists() {
        let f = filter("example.com\n", "example.com\n", MissingUrl::Keep);
        assert_eq!(apply(&f, Some("https://example.com/")).0, Outcome::Removed("blocked"));
    }

    #[test]
    fn documents_without_a_url() {
        let f = filter("bad.example\n", "", MissingUrl::Keep);
        assert_eq!(apply(&f, None), (Outcome::Kept, vec![("no_url", "", 1)]));
        assert_eq!(apply(&f, Some("   ")), (Outcome::Kept, vec![("no_url", "", 1)]));
        let f = filter("bad.example\n", "", MissingUrl::Drop);
        assert_eq!(apply(&f, None).0, Outcome::Removed("no_url"));
    }

    #[test]
    fn a_bad_list_line_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let b = dir.path().join("b.txt");
        std::fs::write(&b, "good.example\nnot a domain\n").unwrap();
        let cfg = UrlFilterConfig { block_lists: vec![b.clone()], ..Default::default() };
        let e = UrlFilter::new(&cfg, &["url".into()]).err().unwrap().to_string();
        assert!(e.contains(&format!("{}:2", b.display())) && e.contains("not a domain"), "{e}");
    }

    #[test]
    fn config_problems() {
        let cfg = UrlFilterConfig { block_lists: vec!["/nonexistent/list.txt".into()], ..Default::default() };
        let p = cfg.problems(&["date".into()]);
        assert_eq!(p.len(), 2, "{p:?}");
        assert!(p[0].starts_with("field \"url\" is not in input.metadata (date)"), "{p:?}");
        assert_eq!(p[1], "list /nonexistent/list.txt: no such file");
        let p = UrlFilterConfig::default().problems(&["url".into()]);
        assert_eq!(p, ["no block_lists and no tdm_opt_out_lists: the stage would remove nothing"]);
    }
}
