//! The check-digit algorithms and calendar checks shared by the national-ID
//! and VAT validators.
//!
//! Every function is pure and works on decimal digits given as `u32` values
//! (`0..=9`); [`to_digits`] turns an ASCII string into that form. The
//! functions never panic: digits out of range are the caller's bug but only
//! give a wrong answer, and empty inputs are "not valid".

/// Most digits [`to_digits`] converts: more than any identifier has.
pub const MAX_DIGITS: usize = 64;

/// The digit values of a string, held inline: the national-ID detector
/// offers each candidate to every scheme's validator, and allocating the
/// digits for each was a third of the validators' time.
#[derive(Clone, Copy)]
pub struct Digits {
    len: usize,
    values: [u32; MAX_DIGITS],
}

impl std::ops::Deref for Digits {
    type Target = [u32];
    fn deref(&self) -> &[u32] {
        &self.values[..self.len]
    }
}

impl std::fmt::Debug for Digits {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        (**self).fmt(f)
    }
}

/// Converts an all-ASCII-digit string to its digit values.
///
/// Returns `None` for an empty string, one with any other character, or
/// one longer than [`MAX_DIGITS`].
pub fn to_digits(s: &str) -> Option<Digits> {
    if s.is_empty() || s.len() > MAX_DIGITS {
        return None;
    }
    let mut d = Digits { len: s.len(), values: [0; MAX_DIGITS] };
    for (v, b) in d.values.iter_mut().zip(s.bytes()) {
        if !b.is_ascii_digit() {
            return None;
        }
        *v = u32::from(b - b'0');
    }
    Some(d)
}

/// The number written by `digits` (most significant first), saturating at
/// `u64::MAX` (only reached beyond 19 digits, which no caller uses).
pub fn digits_value(digits: &[u32]) -> u64 {
    digits.iter().fold(0u64, |acc, &d| acc.saturating_mul(10).saturating_add(u64::from(d)))
}

/// `Σ digits[i] · weights[i]` over the shorter of the two slices.
pub fn weighted_sum(digits: &[u32], weights: &[u32]) -> u32 {
    digits.iter().zip(weights).map(|(d, w)| d * w).sum()
}

// ---------------------------------------------------------------- Luhn

/// The Luhn (mod 10, "IBM") sum of a number whose last digit is the check
/// digit: every second digit from the right, starting with the one left of
/// the check digit, is doubled and its digit sum taken. A number is valid
/// when this is `0`.
pub fn luhn_sum(digits: &[u32]) -> u32 {
    digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            if i % 2 == 1 {
                let x = 2 * d;
                if x > 9 {
                    x - 9
                } else {
                    x
                }
            } else {
                d
            }
        })
        .sum::<u32>()
        % 10
}

/// Whether `digits` (check digit last) pass the Luhn check.
pub fn luhn_valid(digits: &[u32]) -> bool {
    !digits.is_empty() && luhn_sum(digits) == 0
}

/// The Luhn check digit to append to `payload`.
pub fn luhn_check_digit(payload: &[u32]) -> u32 {
    let mut with_zero = payload.to_vec();
    with_zero.push(0);
    (10 - luhn_sum(&with_zero)) % 10
}

// ---------------------------------------------------------------- ISO 7064

/// The ISO/IEC 7064 MOD 11,10 (hybrid system) check digit for `payload`.
///
/// Used by the German Steuer-ID and USt-IdNr and the Croatian OIB.
pub fn iso7064_mod11_10_check(payload: &[u32]) -> u32 {
    let mut p = 10;
    for &d in payload {
        let mut s = (p + d) % 10;
        if s == 0 {
            s = 10;
        }
        p = (2 * s) % 11;
    }
    (11 - p) % 10
}

/// Whether `digits` (check digit last) pass ISO/IEC 7064 MOD 11,10.
pub fn iso7064_mod11_10_valid(digits: &[u32]) -> bool {
    match digits.split_last() {
        Some((&check, payload)) if !payload.is_empty() => iso7064_mod11_10_check(payload) == check,
        _ => false,
    }
}

/// The remainder mod 97 of an alphanumeric string read as a number in which
/// each letter `A..=Z` stands for the two digits `10..=35` (the ISO/IEC 7064
/// MOD 97-10 and IBAN convention). `None` for other characters or an empty
/// string.
pub fn mod97(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    let mut r = 0u32;
    for b in s.bytes() {
        r = match b {
            b'0'..=b'9' => (r * 10 + u32::from(b - b'0')) % 97,
            b'A'..=b'Z' => (r * 100 + u32::from(b - b'A') + 10) % 97,
            _ => return None,
        };
    }
    Some(r)
}

/// Whether the alphanumeric string passes ISO/IEC 7064 MOD 97-10 (its value,
/// letters as `10..=35`, is `1` mod 97), as IBANs and the Dutch btw-id do.
pub fn iso7064_mod97_10_valid(s: &str) -> bool {
    mod97(s) == Some(1)
}

/// The two ISO/IEC 7064 MOD 97-10 check digits (`2..=98`) to append to
/// `payload` so that [`iso7064_mod97_10_valid`] holds; `None` for a payload
/// with characters other than digits and `A..=Z`.
pub fn iso7064_mod97_10_check(payload: &str) -> Option<u32> {
    let r = mod97(payload)?;
    Some(98 - (r * 100) % 97)
}

/// `97 − (n mod 97)`, the key of the French NIR and of the Belgian national
/// register number (`1..=97`).
pub fn key_97_minus(n: u64) -> u64 {
    97 - n % 97
}

// ---------------------------------------------------------------- Verhoeff

const VERHOEFF_D: [[u8; 10]; 10] = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
    [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
    [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
    [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
    [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
    [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
    [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
    [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
    [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const VERHOEFF_P: [[u8; 10]; 8] = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
    [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
    [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
    [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
    [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
    [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
    [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];
const VERHOEFF_INV: [u8; 10] = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

fn verhoeff_fold(digits: &[u32], offset: usize) -> usize {
    digits.iter().rev().enumerate().fold(0usize, |c, (i, &d)| {
        let d = (d % 10) as usize;
        usize::from(VERHOEFF_D[c][usize::from(VERHOEFF_P[(i + offset) % 8][d])])
    })
}

/// The Verhoeff (dihedral group D5) check digit for `payload`. Used by the
/// second check digit of the Luxembourg matricule.
pub fn verhoeff_check_digit(payload: &[u32]) -> u32 {
    u32::from(VERHOEFF_INV[verhoeff_fold(payload, 1)])
}

/// Whether `digits` (check digit last) pass the Verhoeff check.
pub fn verhoeff_valid(digits: &[u32]) -> bool {
    !digits.is_empty() && verhoeff_fold(digits, 0) == 0
}

// ---------------------------------------------------------------- letters

/// The Spanish DNI/NIE control letters, indexed by the number mod 23.
pub const DNI_LETTERS: &[u8; 23] = b"TRWAGMYFPDXBNJZSQVHLCKE";

/// The Spanish control letter of a DNI number (or of an NIE with its
/// `X`/`Y`/`Z` replaced by `0`/`1`/`2`).
pub fn dni_letter(n: u64) -> u8 {
    DNI_LETTERS[(n % 23) as usize]
}

/// The Irish PPSN/VAT check-letter alphabet, indexed by the weighted sum
/// mod 23 (`W` stands for 0).
pub const IE_LETTERS: &[u8; 23] = b"WABCDEFGHIJKLMNOPQRSTUV";

/// The Irish check letter of seven digits and an optional second letter
/// value (`A`=1 … `I`=9, `W`/none = 0): `(Σ dᵢ·(8−i) + 9·extra) mod 23`.
pub fn ie_check_letter(seven: &[u32], extra: u32) -> u8 {
    let s = weighted_sum(seven, &[8, 7, 6, 5, 4, 3, 2]) + 9 * extra;
    IE_LETTERS[(s % 23) as usize]
}

// ---------------------------------------------------------------- calendar

/// Gregorian leap year.
pub fn is_leap_year(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// Days in month `m` (1-based) of year `y`; `0` for a month outside `1..=12`.
pub fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Whether `y-m-d` is a real day of the proleptic Gregorian calendar.
pub fn is_valid_date(y: i32, m: u32, d: u32) -> bool {
    d >= 1 && d <= days_in_month(y, m)
}

/// Whether `yy-m-d` is a real day in at least one of the given centuries
/// (e.g. `[1900, 2000]`), for numbers that store only two year digits.
pub fn is_valid_date_any_century(yy: u32, m: u32, d: u32, centuries: &[i32]) -> bool {
    centuries.iter().any(|c| is_valid_date(c + yy as i32, m, d))
}

/// Days since 1970-01-01 of a Gregorian date (negative before).
pub fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The Gregorian date of a day count from [`days_from_civil`].
pub fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Vec<u32> {
        to_digits(s).expect("test input is all digits").to_vec()
    }

    #[test]
    fn to_digits_rejects_non_digits_and_empty() {
        assert_eq!(to_digits("0129").as_deref(), Some(&[0, 1, 2, 9][..]));
        assert!(to_digits("").is_none());
        assert!(to_digits("12a4").is_none());
        assert!(to_digits("12 4").is_none());
        assert!(to_digits("١٢٣").is_none()); // Arabic-Indic digits are not ASCII digits
        assert_eq!(to_digits(&"7".repeat(MAX_DIGITS)).map(|d| d.len()), Some(MAX_DIGITS));
        assert!(to_digits(&"7".repeat(MAX_DIGITS + 1)).is_none());
        assert_eq!(digits_value(&d("0012345")), 12345);
    }

    #[test]
    fn luhn_known_vectors() {
        // The worked example of the Luhn article (Wikipedia, "Luhn algorithm").
        assert!(luhn_valid(&d("79927398713")));
        assert!(!luhn_valid(&d("79927398710")));
        assert_eq!(luhn_check_digit(&d("7992739871")), 3);
        // A well-known card-network test number.
        assert!(luhn_valid(&d("4111111111111111")));
        assert!(!luhn_valid(&d("4111111111111112")));
        assert!(!luhn_valid(&[]));
    }

    #[test]
    fn luhn_detects_every_single_digit_change() {
        let base = d("79927398713");
        for i in 0..base.len() {
            for v in 0..10 {
                if v == base[i] {
                    continue;
                }
                let mut x = base.clone();
                x[i] = v;
                assert!(!luhn_valid(&x), "{i} {v}");
            }
        }
    }

    #[test]
    fn iso7064_mod11_10_vectors() {
        // German USt-IdNr. DE136695976 (python-stdnum doctest of de/vat.py).
        assert!(iso7064_mod11_10_valid(&d("136695976")));
        assert!(!iso7064_mod11_10_valid(&d("136695978")));
        assert_eq!(iso7064_mod11_10_check(&d("13669597")), 6);
        // Steuer-ID 36 574 261 809 (python-stdnum doctest of de/idnr.py).
        assert!(iso7064_mod11_10_valid(&d("36574261809")));
        assert!(!iso7064_mod11_10_valid(&d("36574261890")));
        assert!(!iso7064_mod11_10_valid(&d("5")));
    }

    #[test]
    fn mod97_vectors() {
        // The IBAN example of ISO 13616 / ECBS (GB82 WEST 1234 5698 7654 32),
        // with the country code and check digits moved to the end.
        assert!(iso7064_mod97_10_valid("WEST12345698765432GB82"));
        assert!(!iso7064_mod97_10_valid("WEST12345698765432GB83"));
        assert_eq!(iso7064_mod97_10_check("WEST12345698765432GB"), Some(82));
        assert_eq!(mod97("12a"), None);
        assert_eq!(mod97(""), None);
        assert_eq!(key_97_minus(97), 97);
        assert_eq!(key_97_minus(96), 1);
    }

    #[test]
    fn verhoeff_vectors() {
        // The worked example of the Verhoeff article (Wikipedia): 236 → 2363.
        assert_eq!(verhoeff_check_digit(&d("236")), 3);
        assert!(verhoeff_valid(&d("2363")));
        assert!(!verhoeff_valid(&d("2364")));
        // Verhoeff catches every adjacent transposition (Luhn misses 09/90).
        assert!(!verhoeff_valid(&d("3263")));
        // Another widely quoted vector: 12345 → 1.
        assert_eq!(verhoeff_check_digit(&d("12345")), 1);
        assert!(verhoeff_valid(&d("123451")));
    }

    #[test]
    fn dni_and_irish_letters() {
        // 12345678Z is the example used in the Spanish Interior Ministry's
        // explanation of the DNI letter (12345678 mod 23 = 14 → Z).
        assert_eq!(dni_letter(12_345_678), b'Z');
        assert_eq!(dni_letter(0), b'T');
        assert_eq!(dni_letter(22), b'E');
        // PPS 6433435F and 6433435OA (python-stdnum doctest of ie/pps.py).
        assert_eq!(ie_check_letter(&d("6433435"), 0), b'F');
        assert_eq!(ie_check_letter(&d("6433435"), 1), b'O');
    }

    #[test]
    fn weighted_sum_uses_shorter_slice() {
        assert_eq!(weighted_sum(&[1, 2, 3], &[3, 2]), 7);
        assert_eq!(weighted_sum(&[], &[3, 2]), 0);
    }

    #[test]
    fn calendar() {
        assert!(is_leap_year(2000));
        assert!(!is_leap_year(1900));
        assert!(is_leap_year(2024));
        assert!(!is_leap_year(2023));
        assert!(is_valid_date(2000, 2, 29));
        assert!(!is_valid_date(1900, 2, 29));
        assert!(!is_valid_date(2023, 4, 31));
        assert!(!is_valid_date(2023, 13, 1));
        assert!(!is_valid_date(2023, 1, 0));
        assert!(is_valid_date_any_century(0, 2, 29, &[1900, 2000]));
        assert!(!is_valid_date_any_century(0, 2, 29, &[1800, 1900]));
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(days_from_civil(1867, 1, 1), -37_620);
        for z in [-50_000i64, -37_620, -1, 0, 1, 11_017, 40_000] {
            let (y, m, dd) = civil_from_days(z);
            assert!(is_valid_date(y, m, dd));
            assert_eq!(days_from_civil(y, m, dd), z);
        }
    }
}
