//! The flow test suite (`.flopack` / `.folder`): any bytes, either name.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let name = if data.first().is_some_and(|b| b & 1 == 1) { "t.folder" } else { "t.flopack" };
    let _ = oin_core::flowsuite::inspect(name, data);
});
