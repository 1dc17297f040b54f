//! Region codes: the ISO 3166-1 alpha-2 codes of libphonenumber's metadata
//! (static strings for entity subtypes), and the regions and countries a
//! document's language points to.

/// Every region libphonenumber knows (from the `phonenumber` crate's `Id`).
pub const REGIONS: &[&str] = &[
    "AC", "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AR", "AS", "AT", "AU", "AW", "AX", "AZ", "BA", "BB", "BD",
    "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS", "BT", "BW", "BY", "BZ", "CA", "CC",
    "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ",
    "DK", "DM", "DO", "DZ", "EC", "EE", "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB",
    "GD", "GE", "GF", "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GT", "GU", "GW", "GY", "HK", "HN", "HR",
    "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM", "JO", "JP", "KE", "KG", "KH",
    "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC", "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY",
    "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK", "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV",
    "MW", "MX", "MY", "MZ", "NA", "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE",
    "PF", "PG", "PH", "PK", "PL", "PM", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW", "SA", "SB",
    "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS", "ST", "SV", "SX", "SY", "SZ",
    "TA", "TC", "TD", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO", "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "US",
    "UY", "UZ", "VA", "VC", "VE", "VG", "VI", "VN", "VU", "WF", "WS", "XK", "YE", "YT", "ZA", "ZM", "ZW",
];

/// The static code of a region name (upper case: `"DE"`).
pub fn region(code: &str) -> Option<&'static str> {
    region_slice(code).map(|s| s[0])
}

/// The region as a one-element static slice; the code in either case.
pub fn region_slice(code: &str) -> Option<&'static [&'static str]> {
    let k = REGIONS.iter().position(|r| r.eq_ignore_ascii_case(code))?;
    Some(&REGIONS[k..=k])
}

/// The member states (and neighbours) whose documents are usually written
/// in `lang` (ISO 639-1), most likely first: the default regions for
/// national phone numbers and the countries whose national IDs need no
/// label in such a document.
pub fn countries_of_language(lang: &str) -> &'static [&'static str] {
    match lang {
        "de" => &["DE", "AT", "LU", "BE"],
        "fr" => &["FR", "BE", "LU"],
        "nl" => &["NL", "BE"],
        "it" => &["IT"],
        "es" | "ca" | "gl" | "eu" => &["ES"],
        "pt" => &["PT"],
        "pl" => &["PL"],
        "cs" => &["CZ"],
        "sk" => &["SK"],
        "hu" => &["HU"],
        "ro" => &["RO"],
        "bg" => &["BG"],
        "hr" => &["HR"],
        "sl" => &["SI"],
        "el" => &["GR", "CY"],
        "da" => &["DK"],
        "sv" => &["SE", "FI"],
        "fi" => &["FI"],
        "et" => &["EE"],
        "lv" => &["LV"],
        "lt" => &["LT"],
        "en" => &["IE", "MT", "GB", "US"],
        "ga" => &["IE"],
        "mt" => &["MT"],
        "lb" => &["LU"],
        _ => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_region_is_known_to_the_phone_metadata() {
        for r in REGIONS {
            assert!(r.parse::<phonenumber::country::Id>().is_ok(), "{r}");
        }
        for lang in ["de", "fr", "el", "mt", "ga", "lb", "sv"] {
            for c in countries_of_language(lang) {
                assert_eq!(region(c), Some(*c));
            }
        }
        assert!(countries_of_language("xx").is_empty());
    }
}
