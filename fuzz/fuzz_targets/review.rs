//! The review email parser: any bytes as a pasted email or an `.eml`.
#![no_main]
use libfuzzer_sys::fuzz_target;
use oin_core::rules::RulePack;
use oin_core::IntegrationType;

fuzz_target!(|data: &[u8]| {
    let pack = RulePack::by_id("oin-2026").unwrap();
    for t in [IntegrationType::ApiService, IntegrationType::WorkflowsConnector] {
        let _ = oin_core::review::parse(data, t, None, pack);
    }
});
