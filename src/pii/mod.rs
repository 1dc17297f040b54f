//! Validators and test-data generators for the personal identification
//! numbers and VAT numbers of the 27 EU member states, for the GDPR
//! personal-data stage.
//!
//! The stage finds candidate tokens with cheap patterns and asks these
//! validators whether a candidate really is a number of the given scheme.
//! A check digit makes a random digit string pass only rarely (about one in
//! ten to one in a hundred), so schemes with a check digit can be trusted
//! on their own; schemes without one ([`national_id::Scheme::checksum`] is
//! `false`) must be confirmed by a context word nearby
//! ([`national_id::Scheme::context`]).
//!
//! - [`checksum`]: the shared algorithms (Luhn, ISO 7064, weighted sums,
//!   Verhoeff, calendar checks), each a small pure function;
//! - [`national_id`]: one [`national_id::Scheme`] per national personal
//!   identification number (several for some countries), with a validator and
//!   a generator of valid synthetic numbers for fixtures;
//! - [`vat`]: one [`vat::VatScheme`] per member state's VAT number, and
//!   [`vat::validate_vat`] for a candidate with its country prefix.
//!
//! No validator panics on any input (tested with random bytes and non-ASCII
//! text). The numbers themselves are personal data: callers must not log
//! them (GDPR).
//!
//! The rules, their sources and what is uncertain are listed in
//! `docs/pii-schemes.md`.

mod address;
mod birth;
pub mod checksum;
pub mod command;
mod context;
pub mod detect;
mod email;
pub mod eval;
mod ip;
pub mod national_id;
mod numbers;
mod person;
pub mod policy;
pub mod regions;
pub mod sensitive;
pub(crate) mod seq;
pub mod vat;
mod words;

pub use detect::{Detector, DetectorConfig, Hints};
pub use ip::IpRanges;
pub use policy::{Policy, PolicyConfig};

use serde::{Deserialize, Serialize};

/// The kinds of personal data the engine finds. The names (`EMAIL`,
/// `NATIONAL_ID`, …) are those of the configuration, the statistics and the
/// outputs.
#[allow(clippy::upper_case_acronyms)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum EntityType {
    Email,
    Phone,
    Iban,
    CreditCard,
    IpAddress,
    NationalId,
    VatId,
    DateOfBirth,
    Person,
    Address,
    Sensitive,
}

impl EntityType {
    /// How many types there are.
    pub const COUNT: usize = 11;

    /// Every type, in the order overlaps are resolved (an e-mail address
    /// wins over the digits inside it, an IBAN over a phone-shaped part).
    pub const ALL: [EntityType; EntityType::COUNT] = [
        EntityType::Email,
        EntityType::Iban,
        EntityType::VatId,
        EntityType::CreditCard,
        EntityType::NationalId,
        EntityType::DateOfBirth,
        EntityType::IpAddress,
        EntityType::Phone,
        EntityType::Address,
        EntityType::Person,
        EntityType::Sensitive,
    ];

    /// The type's name, as in the configuration and the outputs.
    pub fn name(self) -> &'static str {
        match self {
            EntityType::Email => "EMAIL",
            EntityType::Phone => "PHONE",
            EntityType::Iban => "IBAN",
            EntityType::CreditCard => "CREDIT_CARD",
            EntityType::IpAddress => "IP_ADDRESS",
            EntityType::NationalId => "NATIONAL_ID",
            EntityType::VatId => "VAT_ID",
            EntityType::DateOfBirth => "DATE_OF_BIRTH",
            EntityType::Person => "PERSON",
            EntityType::Address => "ADDRESS",
            EntityType::Sensitive => "SENSITIVE",
        }
    }

    /// The type with the given name.
    pub fn from_name(name: &str) -> Option<EntityType> {
        EntityType::ALL.into_iter().find(|t| t.name() == name)
    }

    /// Rank in overlap resolution (lower wins).
    fn priority(self) -> usize {
        EntityType::ALL.iter().position(|&t| t == self).unwrap_or(usize::MAX)
    }
}

impl std::fmt::Display for EntityType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// One piece of personal data found in a text: its kind and where it is (UTF-8
/// byte offsets, `end` exclusive). The value itself is never kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Entity {
    pub kind: EntityType,
    /// A finer kind: the national-ID scheme (`PL_PESEL`), the country of an
    /// IBAN, VAT number or phone number (`DE`), the card brand (`VISA`), the
    /// IP version (`IPV4`); the evidence for a PERSON (`TITLE`, `LEXICON`,
    /// `MORPHOLOGY`, `CONTEXT`); the category of a SENSITIVE term
    /// (`HEALTH`); empty for e-mail and street addresses and birth dates.
    pub subtype: &'static str,
    pub start: usize,
    pub end: usize,
}

impl Entity {
    /// How sure the detector is, 0–1: a value that passed a check digit or
    /// a strict format is certain; a name rests on the evidence its subtype
    /// names (see [`person`]); a special-category term on its lexicon.
    pub fn confidence(&self) -> f32 {
        match self.kind {
            EntityType::Person => person::confidence(self.subtype),
            EntityType::Address => 0.9,
            EntityType::Sensitive => 0.9,
            _ => 1.0,
        }
    }
}
