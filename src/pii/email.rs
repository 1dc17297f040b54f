//! `EMAIL`: addresses around every `@`, internationalised local parts and
//! domains included (RFC 6531), and optionally the obfuscated forms
//! `name [at] domain [dot] eu` and `name(at)domain.de`.

/// Characters of a local part besides letters and digits (RFC 5322 atext
/// and the dot).
fn local_char(c: char) -> bool {
    c.is_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c)
}

fn domain_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '.'
}

/// Start of the local part that ends at byte `at` (exclusive), if valid.
fn local_start(text: &str, at: usize) -> Option<usize> {
    let mut s = at;
    for c in text[..at].chars().rev() {
        if !local_char(c) || at - s >= 64 {
            break;
        }
        s -= c.len_utf8();
    }
    // Leading punctuation is not part of the address (`"(max@…"`, `'a@…`).
    while s < at && text[s..].starts_with(|c: char| !c.is_alphanumeric()) {
        s += text[s..].chars().next().map_or(1, char::len_utf8);
    }
    let local = &text[s..at];
    (!local.is_empty() && !local.ends_with('.') && !local.contains("..")).then_some(s)
}

/// Whether `labels` (without trailing dot) form a plausible domain: two or
/// more labels of 1–63 characters not starting or ending with `-`, and a
/// top-level domain of letters (or punycode) of two or more characters.
fn valid_domain<'a>(labels: impl Iterator<Item = &'a str>) -> bool {
    let mut n = 0;
    let mut last = "";
    for l in labels {
        if l.is_empty() || l.len() > 63 || l.starts_with('-') || l.ends_with('-') {
            return false;
        }
        n += 1;
        last = l;
    }
    n >= 2
        && (last.chars().count() >= 2 && last.chars().all(char::is_alphabetic)
            || last.len() > 4 && last.starts_with("xn--"))
}

/// End of the domain that starts at byte `from`, if valid.
fn domain_end(text: &str, from: usize) -> Option<usize> {
    let mut e = from;
    for c in text[from..].chars() {
        if !domain_char(c) || e - from >= 253 {
            break;
        }
        e += c.len_utf8();
    }
    while e > from && text[..e].ends_with(['.', '-']) {
        e -= 1;
    }
    valid_domain(text[from..e].split('.')).then_some(e)
}

/// Appends the byte ranges of the plain addresses in `text`.
pub fn find_plain(text: &str, out: &mut Vec<(usize, usize)>) {
    for at in memchr::memchr_iter(b'@', text.as_bytes()) {
        let (Some(s), Some(e)) = (local_start(text, at), domain_end(text, at + 1)) else { continue };
        if out.last().is_some_and(|&(_, pe)| pe > s) {
            continue;
        }
        out.push((s, e));
    }
}

/// The obfuscated `at` and `dot` markers, lower case.
const AT: [&str; 6] = ["[at]", "(at)", "{at}", "[ät]", "(ät)", "[@]"];
const DOT: [&str; 4] = ["[dot]", "(dot)", "{dot}", "[.]"];

/// Skips spaces forward from `i`.
fn skip_spaces(text: &str, mut i: usize) -> usize {
    while text[i..].starts_with(' ') {
        i += 1;
    }
    i
}

/// End of an obfuscated domain starting at `from`: labels joined by `.` or
/// a `[dot]` marker (with optional spaces around the marker).
fn obfuscated_domain_end(text: &str, from: usize) -> Option<usize> {
    let mut labels = Vec::new();
    let mut i = from;
    loop {
        let s = i;
        for c in text[i..].chars() {
            if !(c.is_alphanumeric() || c == '-') {
                break;
            }
            i += c.len_utf8();
        }
        if i == s {
            return None;
        }
        labels.push(&text[s..i]);
        let after_dot = if text[i..].starts_with('.') && text[i + 1..].starts_with(char::is_alphanumeric) {
            Some(i + 1)
        } else {
            let j = skip_spaces(text, i);
            let lower = text[j..].get(..5).map(str::to_ascii_lowercase);
            DOT.iter()
                .find(|d| lower.as_deref().is_some_and(|l| l.starts_with(*d)))
                .map(|d| skip_spaces(text, j + d.len()))
        };
        match after_dot {
            Some(n) if n < text.len() && text[n..].starts_with(char::is_alphanumeric) => i = n,
            _ => break,
        }
    }
    valid_domain(labels.into_iter()).then_some(i)
}

/// Appends the byte ranges of obfuscated addresses (`max [at] example [dot] eu`).
pub fn find_obfuscated(text: &str, out: &mut Vec<(usize, usize)>) {
    let bytes = text.as_bytes();
    for opener in [b'[', b'(', b'{'] {
        for p in memchr::memchr_iter(opener, bytes) {
            // Every marker goes on with `a`, `A`, `ä` or `@`: most brackets
            // in prose are passed on that byte.
            if !matches!(bytes.get(p + 1), Some(b'a' | b'A' | 0xC3 | b'@')) {
                continue;
            }
            let Some(marker) = AT.iter().find(|m| {
                text.get(p..p + m.len()).is_some_and(|s| s.eq_ignore_ascii_case(m)) && m.as_bytes()[0] == opener
            }) else {
                continue;
            };
            let mut l = p;
            while text[..l].ends_with(' ') {
                l -= 1;
            }
            let Some(s) = local_start(text, l) else { continue };
            let d = skip_spaces(text, p + marker.len());
            let Some(e) = obfuscated_domain_end(text, d) else { continue };
            out.push((s, e));
        }
    }
    // The plain finder never sees these (no `@`), but `[@]` contains one.
    out.sort_unstable();
    out.dedup();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(t: &str) -> Vec<&str> {
        let mut v = Vec::new();
        find_plain(t, &mut v);
        v.into_iter().map(|(s, e)| &t[s..e]).collect()
    }

    fn obf(t: &str) -> Vec<&str> {
        let mut v = Vec::new();
        find_obfuscated(t, &mut v);
        v.into_iter().map(|(s, e)| &t[s..e]).collect()
    }

    #[test]
    fn plain_addresses() {
        assert_eq!(plain("Schreib an max.mustermann@example.de."), vec!["max.mustermann@example.de"]);
        assert_eq!(plain("<jürgen.müller@beispiel.de>"), vec!["jürgen.müller@beispiel.de"]);
        assert_eq!(plain("δοκιμή@παράδειγμα.ελ"), vec!["δοκιμή@παράδειγμα.ελ"]);
        assert_eq!(plain("a@b.co"), vec!["a@b.co"]);
        assert_eq!(plain("mailto:info@firma-x.eu?subject=1"), vec!["info@firma-x.eu"]);
        assert_eq!(plain("x@xn--bcher-kva.example"), vec!["x@xn--bcher-kva.example"]);
        assert!(plain("@user said").is_empty());
        assert!(plain("price 5@home").is_empty(), "no dot in the domain");
        assert!(plain("a@b.c1").is_empty(), "numeric TLD");
        assert!(plain("a..b@c.de").is_empty());
        assert!(plain("a@-b.de").is_empty());
    }

    #[test]
    fn obfuscated_addresses() {
        assert_eq!(obf("Mail: anna.kowalska [at] poczta [dot] pl!"), vec!["anna.kowalska [at] poczta [dot] pl"]);
        assert_eq!(obf("name(at)domain.de"), vec!["name(at)domain.de"]);
        assert_eq!(obf("x (AT) y (DOT) eu"), vec!["x (AT) y (DOT) eu"]);
        assert!(obf("look (at) this").is_empty(), "no domain");
        assert!(obf("[at] x.de").is_empty(), "no local part");
    }
}
