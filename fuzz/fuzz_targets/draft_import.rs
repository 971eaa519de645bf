//! `*.oin.json` import, with a logo and a test suite beside it: any bytes as
//! the JSON. Must end in a draft or an `ExchangeError`, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn dir() -> &'static std::path::Path {
    static DIR: OnceLock<std::path::PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let d = std::env::temp_dir().join(format!("oin-fuzz-import-{}", std::process::id()));
        std::fs::create_dir_all(&d).unwrap();
        std::fs::write(d.join("logo.png"), b"\x89PNG\r\n\x1a\n").unwrap();
        std::fs::write(d.join("tests.flopack"), br#"{"type":"flopack","data":{"flos":{}}}"#).unwrap();
        d
    })
}

fuzz_target!(|data: &[u8]| {
    let path = dir().join("d.oin.json");
    std::fs::write(&path, data).unwrap();
    if let Ok(imported) = oin_core::exchange::read(&path) {
        let pack = oin_core::rules::RulePack::for_draft(&imported.draft, oin_core::rules::CalendarDate::from_unix_millis(0));
        let _ = oin_core::rules::check(&imported.draft, pack, &Default::default());
    }
});
