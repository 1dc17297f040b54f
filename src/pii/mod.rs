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

pub mod checksum;
pub mod national_id;
pub mod vat;
