//! What users paste as their org address.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &str| {
    for loopback in [false, true] {
        if let Ok(org) = oin_core::okta::OrgUrl::parse(data, loopback) {
            let _ = (org.host(), org.admin_console());
        }
    }
});
