//! Arbitrary TOML text as a user rule pack through the public loader, `rules::parse_pack`:
//! it returns rules or errors, never panics; every error renders.
#![no_main]

use libfuzzer_sys::fuzz_target;
use overclaim::rules::parse_pack;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(errors) = parse_pack("fuzz.toml", text) {
        assert!(!errors.is_empty(), "an empty error list for {text:?}");
        for error in &errors {
            let _ = error.to_string();
        }
    }
});
