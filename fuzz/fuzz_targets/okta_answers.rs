//! Okta's JSON answers: errors (Okta's and OAuth's shapes), submissions and
//! their import into a draft, statuses. The first byte picks the status code.
#![no_main]
use libfuzzer_sys::fuzz_target;
use oin_core::okta::http::Response;
use oin_core::okta::remote::{to_draft, RemoteSubmission};

fuzz_target!(|data: &[u8]| {
    let Some((&code, body)) = data.split_first() else { return };
    let status = [200, 201, 400, 401, 403, 404, 429, 500, 503][usize::from(code) % 9];
    let r = Response { status, headers: vec![], body: body.to_vec() };
    let _ = r.error().to_string();
    if let Ok(sub) = r.json::<RemoteSubmission>() {
        let _ = sub.kind();
        let _ = to_draft(&sub, r.json::<serde_json::Value>().ok().as_ref());
        if let Some(s) = &sub.status {
            let _ = oin_core::okta::status::map_status(s, oin_core::lifecycle::SubmissionStatus::Draft);
        }
    }
    let _ = r.json::<Vec<RemoteSubmission>>();
});
