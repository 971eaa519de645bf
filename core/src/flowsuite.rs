//! The Workflows flow test suite (https://developer.okta.com/docs/guides/submit-app/wfconnector/main/): a `.flopack` or `.folder`
//! export. A `.flopack` is JSON — `{"type":"flopack","data":{"flos":{<id>:{"name",…}}}}`
//! — and must hold at least one flow; a `.folder` export is accepted when it
//! reads the same way and only warned about when it can't be verified.

use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

use crate::rules::issue::Severity;

/// The largest test suite OIN Studio reads (real exports are kilobytes to a few MB).
pub const MAX_SUITE_BYTES: usize = 20 * 1024 * 1024;

/// What the inspection found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SuiteReport {
    /// Names of the flows in the export, sorted.
    pub flows: Vec<String>,
    /// Why the file can't be used (error) or couldn't be fully verified (warning).
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<SuiteProblem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SuiteProblem {
    pub severity: Severity,
    pub message: String,
}

fn problem(severity: Severity, message: impl Into<String>) -> SuiteReport {
    SuiteReport {
        flows: Vec::new(),
        problem: Some(SuiteProblem { severity, message: message.into() }),
    }
}

/// Reads a test-suite file by its name and bytes.
pub fn inspect(file_name: &str, bytes: &[u8]) -> SuiteReport {
    let lower = file_name.to_ascii_lowercase();
    let is_folder = lower.ends_with(".folder");
    if !is_folder && !lower.ends_with(".flopack") {
        return problem(
            Severity::Error,
            "The test suite must be a Workflows export: a .flopack or .folder file.",
        );
    }
    if bytes.is_empty() {
        return problem(
            Severity::Error,
            "The test-suite file is empty. Export your test flows from Workflows again.",
        );
    }
    if bytes.len() > MAX_SUITE_BYTES {
        return problem(
            Severity::Error,
            format!("The test-suite file is {} MB; a Workflows export of test flows is far smaller. Check you picked the right file.", bytes.len() / 1_000_000),
        );
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) if !t.contains('\0') => t,
        _ => {
            return problem(Severity::Error, "The test-suite file is binary, not a Workflows export (those are text). Export your test flows from Workflows again.")
        }
    };
    let json: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(_) if is_folder => {
            return problem(Severity::Warning, "OIN Studio can't read this .folder export to verify its flows. Okta may still accept it; a .flopack export can be checked.")
        }
        Err(e) => {
            return problem(Severity::Error, format!("The .flopack file is damaged: it isn't valid JSON ({e}). Export it from Workflows again."))
        }
    };
    if !is_folder && json.get("type").and_then(Value::as_str) != Some("flopack") {
        return problem(Severity::Error, "This file isn't a flopack: its \"type\" isn't \"flopack\". Export your test flows from Workflows with Export → flopack.");
    }
    let mut flows: Vec<String> = match json.pointer("/data/flos").and_then(Value::as_object) {
        Some(flos) => flos
            .iter()
            .map(|(id, flo)| flo.get("name").and_then(Value::as_str).unwrap_or(id).to_owned())
            .collect(),
        None if is_folder => {
            return problem(Severity::Warning, "OIN Studio can't find the flows in this .folder export to verify it. Okta may still accept it.")
        }
        None => Vec::new(),
    };
    if flows.is_empty() {
        return problem(Severity::Error, "The test suite holds no flows. Add the flows that test each action card, then export again.");
    }
    flows.sort();
    SuiteReport { flows, problem: None }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"{"type":"flopack","version":"1.0","data":{"flos":{
        "a1":{"id":"a1","name":"Create user"},"b2":{"id":"b2","name":"Add to group"}},
        "groups":{},"tables":{}}}"#;

    fn severity(r: &SuiteReport) -> Option<Severity> {
        r.problem.as_ref().map(|p| p.severity)
    }

    #[test]
    fn a_flopack_lists_its_flows() {
        let r = inspect("tests.flopack", GOOD.as_bytes());
        assert_eq!(r.flows, ["Add to group", "Create user"]);
        assert_eq!(r.problem, None);
    }

    #[test]
    fn bad_files_get_a_clear_error_or_warning() {
        let cases: &[(&str, &[u8], Option<Severity>, &str)] = &[
            ("t.flopack", b"", Some(Severity::Error), "empty"),
            ("t.flopack", b"{\"type\":\"flopack\",", Some(Severity::Error), "damaged"),
            ("t.flopack", b"\x89PNG\r\n\x1a\n\0\0", Some(Severity::Error), "binary"),
            (
                "t.flopack",
                br#"{"type":"folder","data":{"flos":{"a":{"name":"x"}}}}"#,
                Some(Severity::Error),
                "isn't a flopack",
            ),
            (
                "t.flopack",
                br#"{"type":"flopack","data":{"flos":{}}}"#,
                Some(Severity::Error),
                "no flows",
            ),
            ("t.folder", b"not json", Some(Severity::Warning), "can't read"),
            ("t.folder", br#"{"something":"else"}"#, Some(Severity::Warning), "can't find"),
            ("t.zip", b"PK", Some(Severity::Error), ".flopack or .folder"),
        ];
        for (name, bytes, want, words) in cases {
            let r = inspect(name, bytes);
            assert_eq!(severity(&r), *want, "{name} {words}");
            assert!(r.problem.as_ref().unwrap().message.contains(words), "{name}: {:?}", r.problem);
        }
    }

    #[test]
    fn a_folder_export_with_flows_is_verified_like_a_flopack() {
        let r =
            inspect("Tests.FOLDER", br#"{"type":"folder","data":{"flos":{"a":{"name":"Sync"}}}}"#);
        assert_eq!((r.flows.len(), r.problem), (1, None));
    }

    #[test]
    fn a_huge_file_is_refused_without_parsing() {
        let big = vec![b' '; MAX_SUITE_BYTES + 1];
        let r = inspect("t.flopack", &big);
        assert!(r.problem.unwrap().message.contains("MB"));
    }
}
