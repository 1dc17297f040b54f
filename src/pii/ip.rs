//! `IP_ADDRESS`: IPv4 in dotted-quad form (found in numeric sequences) and
//! IPv6 in full, compressed and IPv4-embedded forms (found around colons),
//! with options for the private and documentation ranges.

use std::net::{Ipv4Addr, Ipv6Addr};

/// Which address ranges are reported besides public unicast addresses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IpRanges {
    /// Private (RFC 1918, IPv6 unique-local) and link-local addresses.
    pub private: bool,
    /// Documentation ranges (RFC 5737, RFC 3849): addresses made for examples.
    pub documentation: bool,
}

/// Whether an IPv4 address is reported under `ranges`. Loopback,
/// unspecified, broadcast, multicast and reserved addresses never are: they
/// identify no one.
pub fn report_v4(ip: Ipv4Addr, ranges: IpRanges) -> bool {
    let o = ip.octets();
    if ip.is_loopback() || ip.is_unspecified() || ip.is_broadcast() || ip.is_multicast() || o[0] == 0 || o[0] >= 240 {
        return false;
    }
    if ip.is_documentation() {
        return ranges.documentation;
    }
    if ip.is_private() || ip.is_link_local() || (o[0] == 100 && (o[1] & 0xC0) == 64) {
        return ranges.private;
    }
    true
}

/// Whether an IPv6 address is reported under `ranges`.
pub fn report_v6(ip: Ipv6Addr, ranges: IpRanges) -> bool {
    let s = ip.segments();
    if let Some(v4) = ip.to_ipv4_mapped() {
        return report_v4(v4, ranges);
    }
    if ip.is_loopback() || ip.is_unspecified() || ip.is_multicast() {
        return false;
    }
    if s[0] == 0x2001 && s[1] == 0x0db8 {
        return ranges.documentation;
    }
    if (s[0] & 0xFE00) == 0xFC00 || (s[0] & 0xFFC0) == 0xFE80 {
        return ranges.private;
    }
    // Global unicast is 2000::/3; anything else is reserved.
    (s[0] & 0xE000) == 0x2000
}

/// A dotted quad from four decimal words (`"192"`, `"0"`, …): each 0–255,
/// without leading zeros.
pub fn parse_v4(words: [&[u8]; 4]) -> Option<Ipv4Addr> {
    let mut o = [0u8; 4];
    for (k, w) in words.iter().enumerate() {
        if w.is_empty() || w.len() > 3 || (w.len() > 1 && w[0] == b'0') || !w.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let v = w.iter().fold(0u32, |a, &d| a * 10 + u32::from(d - b'0'));
        o[k] = u8::try_from(v).ok()?;
    }
    Some(Ipv4Addr::from(o))
}

fn v6_char(c: u8) -> bool {
    c.is_ascii_hexdigit() || c == b':' || c == b'.'
}

/// Appends the byte ranges of IPv6 addresses in `text` under `ranges`.
pub fn find_v6(text: &str, ranges: IpRanges, out: &mut Vec<(usize, usize)>) {
    let b = text.as_bytes();
    let mut next = 0;
    for colon in memchr::memchr_iter(b':', b) {
        if colon < next {
            continue;
        }
        let mut s = colon;
        while s > 0 && v6_char(b[s - 1]) {
            s -= 1;
        }
        let mut e = colon;
        while e < b.len() && v6_char(b[e]) {
            e += 1;
        }
        next = e;
        // Trailing sentence punctuation is not part of the address.
        while e > s && b[e - 1] == b'.' {
            e -= 1;
        }
        // Word characters glued to either end: an identifier, not an address
        // (`std::io`, `abc:def:…x`).
        let glued = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
        if glued(text[..s].chars().next_back()) || glued(text[e..].chars().next()) {
            continue;
        }
        let cand = &text[s..e];
        if cand.bytes().filter(|&c| c == b':').count() < 2 {
            continue;
        }
        // At least three groups, one with a hex letter or four digits, so
        // times (`12:30:45`) and ratios never match.
        let groups: Vec<&str> = cand.split(':').filter(|g| !g.is_empty()).collect();
        if groups.len() < 3 && !cand.contains("::") || groups.len() < 2 {
            continue;
        }
        if !groups.iter().any(|g| g.len() == 4 || g.bytes().any(|c| c.is_ascii_alphabetic()) || g.contains('.')) {
            continue;
        }
        if let Ok(ip) = cand.parse::<Ipv6Addr>() {
            if report_v6(ip, ranges) {
                out.push((s, e));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v6(t: &str, ranges: IpRanges) -> Vec<&str> {
        let mut v = Vec::new();
        find_v6(t, ranges, &mut v);
        v.into_iter().map(|(s, e)| &t[s..e]).collect()
    }

    #[test]
    fn v4_ranges() {
        let p = |s: &str| s.parse::<Ipv4Addr>().unwrap();
        let none = IpRanges::default();
        let all = IpRanges { private: true, documentation: true };
        assert!(report_v4(p("8.8.8.8"), none));
        assert!(!report_v4(p("192.168.1.1"), none) && report_v4(p("192.168.1.1"), all));
        assert!(!report_v4(p("192.0.2.10"), none) && report_v4(p("192.0.2.10"), all));
        assert!(!report_v4(p("127.0.0.1"), all));
        assert!(!report_v4(p("255.255.255.0"), all), "netmask");
        assert_eq!(parse_v4([b"10", b"0", b"0", b"1"]), Some(p("10.0.0.1")));
        assert_eq!(parse_v4([b"10", b"00", b"0", b"1"]), None);
        assert_eq!(parse_v4([b"256", b"0", b"0", b"1"]), None);
    }

    #[test]
    fn v6_forms() {
        let none = IpRanges::default();
        assert_eq!(v6("srv 2a00:1450:4001:82a::200e.", none), vec!["2a00:1450:4001:82a::200e"]);
        assert_eq!(
            v6("2a02:8108:1234:5678:9abc:def0:1234:5678", none),
            vec!["2a02:8108:1234:5678:9abc:def0:1234:5678"]
        );
        assert!(v6("2001:db8::1", none).is_empty());
        assert_eq!(v6("2001:db8::1", IpRanges { private: false, documentation: true }), vec!["2001:db8::1"]);
        assert!(v6("fe80::1ff:fe23:4567:890a", none).is_empty());
        assert!(v6("um 12:30:45 Uhr", none).is_empty());
        assert!(v6("std::vector::new", none).is_empty());
        assert!(v6("00:1A:2B:3C:4D:5E", none).is_empty(), "MAC address");
        assert!(v6("::1", none).is_empty());
        assert_eq!(v6("::ffff:8.8.4.4", none), vec!["::ffff:8.8.4.4"]);
    }
}
