//! The canonical draft file, `*.oin.json`: a draft as a versioned JSON document
//! that never contains secrets, with its logo and test-suite files beside it in
//! the same folder, referenced by relative path. The desktop app exports and
//! imports it; the `oin` command line checks it in a pipeline.
//!
//! The format is documented by `docs/oin-draft.schema.json` (generated from
//! these types and checked fresh by a test).

use std::path::{Component, Path, PathBuf};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::draft::{Attachment, Draft};

/// The version this build writes and reads.
pub const FORMAT_VERSION: u32 = 1;

/// A file attached to the draft, beside the JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct FileRef {
    /// Path relative to the folder holding the `.oin.json`; may not leave it.
    pub path: String,
}

/// The files a draft carries, by field.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", default)]
pub struct DraftFiles {
    pub app_icon: Option<FileRef>,
    pub test_suite: Option<FileRef>,
}

/// The `*.oin.json` document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct DraftDocument {
    /// Always 1 for now; a newer file is refused with a clear message.
    pub format_version: u32,
    /// The draft's fields. Attachments inside it are described again by `files`.
    pub draft: Draft,
    #[serde(default)]
    pub files: DraftFiles,
}

#[derive(Debug, thiserror::Error)]
pub enum ExchangeError {
    #[error("Can't read {path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error(
        "{path} isn't a valid OIN Studio draft file (line {line}, column {column}): {message}"
    )]
    Json { path: String, line: usize, column: usize, message: String },
    #[error("{path} was written by a newer OIN Studio (format {found}; this version reads {FORMAT_VERSION}).")]
    NewerFormat { path: String, found: u32 },
    #[error("{path} names the file \"{file}\" outside its own folder; OIN Studio only reads files beside the draft.")]
    UnsafePath { path: String, file: String },
}

/// A draft read from disk with the bytes of its files.
#[derive(Debug, Clone)]
pub struct Imported {
    pub draft: Draft,
    pub app_icon: Option<(String, Vec<u8>)>,
    pub test_suite: Option<(String, Vec<u8>)>,
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> ExchangeError + '_ {
    move |source| ExchangeError::Io { path: path.display().to_string(), source }
}

/// Resolves a file reference inside `dir`, refusing absolute paths and `..`.
fn inside(dir: &Path, doc: &Path, file: &str) -> Result<PathBuf, ExchangeError> {
    let rel = Path::new(file);
    let safe = !file.is_empty()
        && rel.components().all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    if !safe {
        return Err(ExchangeError::UnsafePath {
            path: doc.display().to_string(),
            file: file.to_owned(),
        });
    }
    Ok(dir.join(rel))
}

fn attachment_for(name: &str, bytes: &[u8]) -> Attachment {
    let sha256 = Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect();
    Attachment { file_name: name.to_owned(), size_bytes: bytes.len() as u64, sha256 }
}

/// Reads a `*.oin.json` and the files it names.
pub fn read(path: &Path) -> Result<Imported, ExchangeError> {
    let text = std::fs::read_to_string(path).map_err(io(path))?;
    let p = path.display().to_string();
    // Read the version first, so a newer file is refused for what it is.
    if let Ok(v) = serde_json::from_str::<serde_json::Value>(&text) {
        let found = v.get("formatVersion").and_then(serde_json::Value::as_u64).unwrap_or(0) as u32;
        if found > FORMAT_VERSION {
            return Err(ExchangeError::NewerFormat { path: p, found });
        }
    }
    let doc: DraftDocument = serde_json::from_str(&text).map_err(|e| ExchangeError::Json {
        path: p.clone(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    let dir = path.parent().unwrap_or(Path::new("."));
    let load = |r: &Option<FileRef>| -> Result<Option<(String, Vec<u8>)>, ExchangeError> {
        let Some(r) = r else { return Ok(None) };
        let file = inside(dir, path, &r.path)?;
        let bytes = std::fs::read(&file).map_err(io(&file))?;
        let name =
            file.file_name().map_or_else(|| r.path.clone(), |n| n.to_string_lossy().into_owned());
        Ok(Some((name, bytes)))
    };
    let app_icon = load(&doc.files.app_icon)?;
    let test_suite = load(&doc.files.test_suite)?;
    let mut draft = doc.draft;
    draft.app_info.app_icon = app_icon.as_ref().map(|(n, b)| attachment_for(n, b));
    // The file that travelled is the logo; an original left behind is not.
    draft.app_info.app_icon_original = draft.app_info.app_icon.clone();
    draft.workflows.test_suite = test_suite.as_ref().map(|(n, b)| attachment_for(n, b));
    Ok(Imported { draft, app_icon, test_suite })
}

/// Writes `<dir>/<stem>.oin.json` and the draft's files beside it; `file` gives
/// the bytes of an attachment. Returns the JSON's path.
pub fn write(
    dir: &Path,
    stem: &str,
    draft: &Draft,
    file: impl Fn(&Attachment) -> std::io::Result<Vec<u8>>,
) -> Result<PathBuf, ExchangeError> {
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    let mut files = DraftFiles::default();
    let put = |a: &Option<Attachment>| -> Result<Option<FileRef>, ExchangeError> {
        let Some(a) = a else { return Ok(None) };
        let name = Path::new(&a.file_name)
            .file_name()
            .map_or("file".into(), |n| n.to_string_lossy().into_owned());
        let target = dir.join(&name);
        std::fs::write(&target, file(a).map_err(io(&target))?).map_err(io(&target))?;
        Ok(Some(FileRef { path: name }))
    };
    files.app_icon = put(&draft.app_info.app_icon)?;
    files.test_suite = put(&draft.workflows.test_suite)?;
    let doc = DraftDocument { format_version: FORMAT_VERSION, draft: draft.clone(), files };
    let path = dir.join(format!("{}.oin.json", safe_stem(stem)));
    let json = serde_json::to_string_pretty(&doc).expect("a draft always serializes");
    std::fs::write(&path, json + "\n").map_err(io(&path))?;
    Ok(path)
}

/// A file name from an app name: letters, digits, dashes.
pub fn safe_stem(name: &str) -> String {
    let s: String = name
        .chars()
        .map(|c| if c.is_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
        .collect();
    let s = s.split('-').filter(|p| !p.is_empty()).collect::<Vec<_>>().join("-");
    if s.is_empty() {
        "draft".into()
    } else {
        s
    }
}

/// The JSON Schema of the format, for `docs/oin-draft.schema.json`.
pub fn schema_json() -> String {
    let schema = schemars::schema_for!(DraftDocument);
    serde_json::to_string_pretty(&schema).expect("a schema serializes") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::IntegrationType;

    #[test]
    fn a_draft_and_its_files_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let mut d = Draft::new(IntegrationType::WorkflowsConnector);
        d.app_info.app_name = Some("Acme Flows".into());
        d.workflows.test_suite = Some(attachment_for("tests.flopack", b"{}"));
        let path = write(dir.path(), "Acme Flows", &d, |_| Ok(b"{}".to_vec())).unwrap();
        assert_eq!(path.file_name().unwrap(), "acme-flows.oin.json");
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("\"formatVersion\": 1"));
        let back = read(&path).unwrap();
        assert_eq!(back.draft, d);
        assert_eq!(back.test_suite.unwrap().1, b"{}");
    }

    #[test]
    fn files_outside_the_folder_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        for bad in ["../secret.png", "/etc/passwd", "a/../../b.png", ""] {
            let doc = serde_json::json!({"formatVersion": 1, "draft": {}, "files": {"appIcon": {"path": bad}}});
            let p = dir.path().join("x.oin.json");
            std::fs::write(&p, doc.to_string()).unwrap();
            let err = read(&p).unwrap_err();
            assert!(matches!(err, ExchangeError::UnsafePath { .. }), "{bad}: {err}");
        }
    }

    #[test]
    fn malformed_and_newer_files_get_clear_errors() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.oin.json");
        std::fs::write(&p, "{\"formatVersion\": 1,\n \"draft\": {\"appInfo\": 7}}").unwrap();
        let err = read(&p).unwrap_err();
        assert!(matches!(err, ExchangeError::Json { line: 2, .. }), "{err}");
        std::fs::write(&p, r#"{"formatVersion": 2, "draft": {}}"#).unwrap();
        assert!(read(&p).unwrap_err().to_string().contains("newer OIN Studio"));
        std::fs::write(&p, "not json").unwrap();
        assert!(matches!(read(&p).unwrap_err(), ExchangeError::Json { .. }));
        let missing = dir.path().join("missing.oin.json");
        assert!(matches!(read(&missing).unwrap_err(), ExchangeError::Io { .. }));
    }

    /// `docs/oin-draft.schema.json` documents the format; `UPDATE_SCHEMA=1` rewrites it.
    #[test]
    fn the_documented_schema_is_fresh() {
        let doc = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/oin-draft.schema.json");
        if std::env::var_os("UPDATE_SCHEMA").is_some() {
            std::fs::write(&doc, schema_json()).unwrap();
        }
        let committed = std::fs::read_to_string(&doc).unwrap_or_default();
        assert!(committed == schema_json(), "docs/oin-draft.schema.json is stale: run UPDATE_SCHEMA=1 cargo test -p oin-core schema");
    }

    #[test]
    fn stems_are_safe_file_names() {
        assert_eq!(safe_stem("Acme Log Shipper™ / EU"), "acme-log-shipper-eu");
        assert_eq!(safe_stem("../.."), "draft");
    }
}
