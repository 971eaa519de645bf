//! The logo doctor: inspect and judge any bytes (every format, header-first
//! limits), and fix what it can read when it is small enough to fix quickly.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(v) = oin_core::logo::judge(data) {
        if u64::from(v.report.width) * u64::from(v.report.height) <= 512 * 512 {
            let _ = oin_core::logo::fix(data, Default::default());
        }
    }
});
