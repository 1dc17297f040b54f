#![no_main]
//! The pipeline loader on arbitrary text: parsing and validation return
//! errors (naming the file), never panic; a config that loads and
//! validates survives a round trip through TOML.

use eurocorpus::PipelineConfig;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match PipelineConfig::from_toml(text, "fuzz.toml") {
        Ok(cfg) => {
            if cfg.validate("fuzz.toml").is_err() {
                return;
            }
            let again = toml::to_string(&cfg).expect("a loaded pipeline serialises");
            let back = PipelineConfig::from_toml(&again, "again.toml").expect("a serialised pipeline loads");
            assert_eq!(back, cfg, "the TOML round trip changed the pipeline");
        }
        Err(e) => assert!(e.to_string().contains("fuzz.toml"), "an error that does not name the file: {e}"),
    }
});
