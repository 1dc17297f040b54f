//! Deduplication across the whole corpus (exact and near-duplicate).

pub mod minhash;
