//! The guide doctor's readers (HTML, Markdown, PDF, text) and checks: any
//! bytes, any declared type. A verdict, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use oin_core::guide::{checks, read};
use oin_core::IntegrationType;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, body)) = data.split_first() else { return };
    let (ct, name) = [
        (Some("text/html"), "g.html"),
        (Some("text/markdown"), "g.md"),
        (Some("application/pdf"), "g.pdf"),
        (None, "guide"),
    ][usize::from(pick) % 4];
    let reading = read::read_bytes(body, ct, name);
    for t in [IntegrationType::ApiService, IntegrationType::WorkflowsConnector] {
        let _ = checks::report("fuzz", t, &reading, None, 0);
    }
});
