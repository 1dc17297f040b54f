//! Integration tests: the `eurocorpus` binary run end to end on fixtures,
//! outputs read back with the `parquet` crate (and pyarrow where present).
//! One test binary, so the crate links once.

mod bad_input;
mod cluster;
mod compliance;
mod dedup;
mod hardening;
mod interop;
mod langid;
mod main_job;
mod pii;
mod quality;
mod resume;
mod summary;
mod tokenize;
mod torture;
mod training;
mod util;
