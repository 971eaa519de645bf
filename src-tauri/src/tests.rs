//! The shell through Tauri's mock runtime: real commands, real store, the JSON the
//! UI receives for success and for `IpcError`; and the TypeScript bindings.

use std::path::{Path, PathBuf};

use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::WebviewWindow;

use crate::run_app;

struct Harness {
    _dir: tempfile::TempDir,
    _app: tauri::App<tauri::test::MockRuntime>,
    window: WebviewWindow<tauri::test::MockRuntime>,
}

impl Harness {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        Self::at(dir)
    }

    fn at(dir: tempfile::TempDir) -> Self {
        let secrets = std::sync::Arc::new(oin_core::secrets::MemorySecretStore::default());
        let app = run_app(mock_builder().manage(crate::AppState::open(dir.path(), secrets)))
            .build(tauri::generate_context!())
            .expect("the app builds on the mock runtime");
        let window =
            tauri::WebviewWindowBuilder::new(&app, "main", Default::default()).build().unwrap();
        Self { _dir: dir, _app: app, window }
    }

    fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        get_ipc_response(
            &self.window,
            InvokeRequest {
                cmd: cmd.into(),
                callback: CallbackFn(0),
                error: CallbackFn(1),
                url: "tauri://localhost".parse().unwrap(),
                body: InvokeBody::Json(args),
                headers: Default::default(),
                invoke_key: INVOKE_KEY.to_string(),
            },
        )
        .map(|body| body.deserialize::<Value>().unwrap())
    }
}

#[test]
fn create_edit_list_undo_through_ipc() {
    let h = Harness::new();
    let view = h
        .call("create_draft", json!({"integrationType": "apiService", "org": " acme.okta.com "}))
        .unwrap();
    let id = view["id"].as_str().unwrap().to_owned();
    assert_eq!(view["draft"]["org"], "acme.okta.com", "the org is trimmed");
    assert_eq!(view["report"]["completion"]["percent"], 0);
    assert_eq!(view["draft"]["rulePack"], "oin-2026", "new drafts take today's pack");

    let mut draft = view["draft"].clone();
    draft["appInfo"]["appName"] = json!("Acme Sync");
    let saved = h.call("save_draft", json!({"id": id, "draft": draft})).unwrap();
    assert_eq!(saved["draft"]["appInfo"]["appName"], "Acme Sync");
    assert_eq!(saved["canUndo"], true);

    let shelf = h.call("library_shelf", json!({})).unwrap();
    let list = &shelf["drafts"];
    assert_eq!(list[0]["name"], "Acme Sync");
    assert_eq!(list[0]["typeLabel"], "API service");
    assert_eq!(list[0]["statusLabel"], "Draft", "API services go through the OIN Wizard in 2026");

    let undone = h.call("undo_draft", json!({"id": id})).unwrap();
    assert_eq!(undone["draft"]["appInfo"]["appName"], Value::Null);
    assert_eq!(undone["canRedo"], true);
}

#[test]
fn the_password_raises_completion_but_never_comes_back() {
    let h = Harness::new();
    let view = h.call("create_draft", json!({"integrationType": "workflowsConnector"})).unwrap();
    let id = view["id"].as_str().unwrap();
    let with = h.call("set_password", json!({"id": id, "password": "s3cret-canary"})).unwrap();
    assert_eq!(with["hasPassword"], true);
    assert!(with["report"]["completion"]["percent"].as_u64().unwrap() > 0);
    assert!(!with.to_string().contains("s3cret-canary"), "the password is never echoed to the UI");
}

#[test]
fn issues_come_with_each_view_and_check_does_not_save() {
    let h = Harness::new();
    let view = h.call("create_draft", json!({"integrationType": "apiService"})).unwrap();
    let id = view["id"].as_str().unwrap();
    let mut draft = view["draft"].clone();
    draft["testAccount"]["url"] = json!("http://acme.example/login");
    draft["apiService"]["scopes"] = json!(["okta.users.read", "okta.users.manage"]);
    let report = h.call("check_draft", json!({"id": id, "draft": draft})).unwrap();
    let issue = |rule: &str| {
        report["issues"].as_array().unwrap().iter().find(|i| i["rule"] == rule).cloned()
    };
    let https = issue("url.https").expect("the http test account URL is reported");
    assert_eq!(https["path"], "testAccount.url");
    assert_eq!(https["severity"], "error");
    assert_eq!(report["canSubmit"], false);
    let fix = issue("scopes.read_with_manage").unwrap()["action"].clone();
    assert_eq!(fix, json!({"kind": "removeScope", "scope": "okta.users.read"}));
    let reopened = h.call("open_draft", json!({"id": id})).unwrap();
    assert_eq!(reopened["rev"], 1, "checking saved nothing");

    let fixed = h.call("apply_fix", json!({"id": id, "draft": draft, "fix": fix})).unwrap();
    assert_eq!(fixed["draft"]["apiService"]["scopes"], json!(["okta.users.manage"]));
    assert_eq!(fixed["canUndo"], true, "a fix is one undoable revision");
}

#[test]
fn several_submissions_of_one_name_reach_the_ui_as_a_choice() {
    let candidate = oin_core::okta::find::Candidate {
        id: "acme_1".into(),
        name: "Acme".into(),
        kind: "SAML".into(),
        status: "Published".into(),
    };
    let e =
        oin_core::okta::OktaError::Ambiguous { name: "Acme".into(), candidates: vec![candidate] };
    let ipc = serde_json::to_value(crate::IpcError::from(e)).unwrap();
    assert_eq!(ipc["code"], "chooseSubmission");
    assert_eq!(ipc["candidates"][0]["kind"], "SAML", "the dialog lists what it found");
}

/// Each error the UI acts on arrives with its code; the rest are a `problem`
/// shown with its message, and `fields` when it concerns form fields.
#[test]
fn each_error_maps_to_what_the_ui_does_with_it() {
    use oin_core::library::LibraryError;
    use oin_core::okta::OktaError;
    let code = |e: LibraryError| serde_json::to_value(crate::IpcError::from(e)).unwrap();
    let store = |e| LibraryError::Store(e);
    let cases: Vec<(LibraryError, &str)> = vec![
        (store(oin_core::store::StoreError::NotFound("x".into())), "notFound"),
        (LibraryError::Secret(oin_core::secrets::SecretError::Locked), "keychain"),
        (
            LibraryError::Okta(OktaError::Keychain(oin_core::secrets::SecretError::Locked)),
            "keychain",
        ),
        (LibraryError::Okta(OktaError::NotSignedIn { org: "acme.okta.com".into() }), "signIn"),
        (
            LibraryError::Okta(OktaError::OAuth {
                error: "invalid_grant".into(),
                description: None,
            }),
            "signIn",
        ),
        (
            LibraryError::Okta(OktaError::Unreachable { host: "a".into(), detail: "down".into() }),
            "offline",
        ),
        (LibraryError::Okta(OktaError::Timeout { host: "a".into() }), "offline"),
        (LibraryError::Okta(OktaError::RateLimited { wait_s: 5 }), "offline"),
        (LibraryError::Okta(OktaError::AlreadySubmitting), "problem"),
        (LibraryError::SlotsFull { org: "a".into(), used: 10, limit: 10 }, "problem"),
        (store(oin_core::store::StoreError::DiskFull), "problem"),
    ];
    for (e, want) in cases {
        let shown = e.to_string();
        let v = code(e);
        assert_eq!(v["code"], want, "{shown}");
        assert_eq!(v["message"], shown.as_str());
    }
    let v = code(LibraryError::PasswordTooLong { length: 300 });
    assert_eq!(
        (v["code"].as_str(), v["fields"][0]["path"].as_str()),
        (Some("problem"), Some("testAccount.password"))
    );
    let v = code(LibraryError::NoGuideUrl { path: "apiService.configGuideUrl" });
    assert_eq!(v["fields"][0]["path"], "apiService.configGuideUrl", "the field to go to");
    let v = code(LibraryError::Okta(OktaError::WouldBeRefused {
        field: "testAccount.url".into(),
        message: "m".into(),
        fix: "f".into(),
    }));
    assert_eq!(v["fields"][0]["path"], "testAccount.url");
}

#[test]
fn the_app_and_oin_share_one_keychain_service() {
    let context: tauri::Context<tauri::test::MockRuntime> = tauri::generate_context!();
    assert_eq!(context.config().identifier, oin_core::secrets::APP_IDENTIFIER);
}

#[test]
fn okta_errors_reach_the_ui_with_their_own_codes() {
    let h = Harness::new();
    let insecure = json!({"org": "http://acme.okta.com", "token": "00abc"});
    let err = h.call("okta_sign_in_token", insecure).unwrap_err();
    assert_eq!(err["code"], "problem");
    assert!(err["message"].as_str().unwrap().contains("https"), "{err}");
    let view = h.call("create_draft", json!({"integrationType": "workflowsConnector"})).unwrap();
    let id = view["id"].as_str().unwrap();
    let err = h.call("submit_preview", json!({"id": id, "org": "acme.okta.com"})).unwrap_err();
    assert_eq!(err["code"], "problem", "a connector goes through the OIN Manager");
    assert!(err["message"].as_str().unwrap().contains("OIN Manager"), "{err}");
    let api = h.call("create_draft", json!({"integrationType": "apiService"})).unwrap();
    let api_id = api["id"].as_str().unwrap();
    let err = h.call("submit_preview", json!({"id": api_id, "org": "acme.okta.com"})).unwrap_err();
    assert_eq!(err["code"], "problem", "{err}");
    let fields: Vec<&str> =
        err["fields"].as_array().unwrap().iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert!(fields.contains(&"appInfo.appName"), "the precheck's fields come along: {fields:?}");
    let handoff = h.call("handoff", json!({"id": id})).unwrap();
    assert_eq!(handoff["values"], json!([]), "an empty draft has nothing to copy yet");
    assert_eq!(handoff["openUrl"], "https://oinmanager.okta.com");
    assert_eq!(h.call("okta_accounts", json!({})).unwrap(), json!([]));
}

#[test]
fn lifecycle_rules_reach_the_ui_with_their_own_codes() {
    let h = Harness::new();
    let view = h
        .call("create_draft", json!({"integrationType": "apiService", "org": "acme.okta.com"}))
        .unwrap();
    let id = view["id"].as_str().unwrap();
    assert_eq!(view["lifecycle"]["slots"], json!({"org": "acme.okta.com", "used": 1, "limit": 10}));
    let published = h.call("set_status", json!({"id": id, "status": "published"})).unwrap();
    assert_eq!(
        published["lifecycle"]["allowed"],
        json!({"delete": false, "update": true, "submit": false})
    );
    let err = h.call("delete_draft", json!({"id": id})).unwrap_err();
    assert_eq!(err["code"], "problem");
    let update = h.call("update_published", json!({"id": id})).unwrap();
    assert_eq!(update["lifecycle"]["updateOf"]["publishedId"], json!(id));
    let update_id = update["id"].as_str().unwrap();
    h.call("delete_draft", json!({"id": update_id})).unwrap();
    let trash = &h.call("library_shelf", json!({})).unwrap()["trash"];
    assert_eq!(trash[0]["daysLeft"], 30);
    h.call("restore_draft", json!({"id": update_id})).unwrap();
    for _ in 0..8 {
        h.call("create_draft", json!({"integrationType": "apiService", "org": "acme.okta.com"}))
            .unwrap();
    }
    let full = h
        .call("create_draft", json!({"integrationType": "apiService", "org": "acme.okta.com"}))
        .unwrap_err();
    assert_eq!(full["code"], "problem");
    assert!(full["message"].as_str().unwrap().contains("10 of Okta's 10"));
}

#[test]
fn errors_reach_the_ui_as_ipc_error() {
    let h = Harness::new();
    let err = h.call("open_draft", json!({"id": "no-such-draft"})).unwrap_err();
    assert_eq!(err, json!({"code": "notFound", "message": "That draft no longer exists."}));
}

#[test]
fn a_future_database_is_set_aside_with_a_notice() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join(crate::state::DB_FILE);
    {
        let conn = future_db(&db);
        drop(conn);
    }
    let h = Harness::at(dir);
    let started = h.call("startup", json!({})).unwrap();
    let notice = &started["start"]["recovery"];
    assert!(notice["message"].as_str().unwrap().contains("newer version"), "{notice}");
    let kept = PathBuf::from(notice["keptAt"].as_str().unwrap());
    assert!(kept.exists(), "the old database is kept, not wiped");
    assert_eq!(started["start"]["shelf"]["drafts"], json!([]));
    assert_eq!(started["about"]["name"], "OIN Studio");
}

/// Makes a database from schema version 99 through core's own store.
fn future_db(path: &Path) -> oin_core::store::Store {
    let store = oin_core::store::Store::open(path).unwrap();
    store.set_user_version_for_test(99).unwrap();
    store
}

/// Every type that crosses the IPC boundary, exported with its dependencies.
fn export_bindings(dir: &Path) {
    use oin_core::draft::AttachmentSlot;
    use oin_core::library::{DraftSummary, DraftView, FormSchema, TrashItem};
    use oin_core::lifecycle::SlotUse;
    use oin_core::store::{Recovery, Session};
    use ts_rs::TS;
    let cfg = ts_rs::Config::new().with_out_dir(dir);
    DraftSummary::export_all(&cfg).unwrap();
    DraftView::export_all(&cfg).unwrap();
    FormSchema::export_all(&cfg).unwrap();
    Recovery::export_all(&cfg).unwrap();
    Session::export_all(&cfg).unwrap();
    TrashItem::export_all(&cfg).unwrap();
    SlotUse::export_all(&cfg).unwrap();
    oin_core::library::LogoView::export_all(&cfg).unwrap();
    oin_core::logo::Shape::export_all(&cfg).unwrap();
    crate::commands::files::Dropped::export_all(&cfg).unwrap();
    crate::commands::files::FixProgress::export_all(&cfg).unwrap();
    crate::commands::files::OpenedFile::export_all(&cfg).unwrap();
    crate::updates::UpdateInfo::export_all(&cfg).unwrap();
    crate::updates::DownloadProgress::export_all(&cfg).unwrap();
    AttachmentSlot::export_all(&cfg).unwrap();
    crate::IpcError::export_all(&cfg).unwrap();
    crate::commands::app::About::export_all(&cfg).unwrap();
    crate::commands::app::Started::export_all(&cfg).unwrap();
    crate::commands::okta::SubmitProgress::export_all(&cfg).unwrap();
    oin_core::okta::Account::export_all(&cfg).unwrap();
    oin_core::connection::DeviceCode::export_all(&cfg).unwrap();
    oin_core::connection::SubmitOutcome::export_all(&cfg).unwrap();
    oin_core::connection::ImportReport::export_all(&cfg).unwrap();
    oin_core::connection::PollReport::export_all(&cfg).unwrap();
    oin_core::okta::submit::StepPreview::export_all(&cfg).unwrap();
    oin_core::connection::SubmitPreview::export_all(&cfg).unwrap();
    oin_core::okta::handoff::Handoff::export_all(&cfg).unwrap();
    oin_core::update::TestedInstance::export_all(&cfg).unwrap();
    oin_core::okta::probe::ProbeReport::export_all(&cfg).unwrap();
    oin_core::store::OutboxItem::export_all(&cfg).unwrap();
    oin_core::guide::GuideReport::export_all(&cfg).unwrap();
    oin_core::guide::write::Starter::export_all(&cfg).unwrap();
    oin_core::library::GuideFormat::export_all(&cfg).unwrap();
    oin_core::library::TodoChange::export_all(&cfg).unwrap();
    oin_core::listing::Listing::export_all(&cfg).unwrap();
    oin_core::review::Todo::export_all(&cfg).unwrap();
}

/// The generated TypeScript in `ui/src/lib/bindings` matches the Rust types.
/// `UPDATE_BINDINGS=1 cargo test -p oin-studio bindings` rewrites it.
#[test]
fn bindings_are_fresh() {
    let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/bindings");
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        let _ = std::fs::remove_dir_all(&committed);
        export_bindings(&committed);
    }
    let fresh = tempfile::tempdir().unwrap();
    export_bindings(fresh.path());
    let read = |dir: &Path| {
        let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .map(|p| {
                let text = std::fs::read_to_string(&p).unwrap();
                (p.file_name().unwrap().to_string_lossy().into_owned(), text)
            })
            .collect();
        files.sort();
        files
    };
    assert!(
        read(&committed) == read(fresh.path()),
        "ui/src/lib/bindings is stale: run `UPDATE_BINDINGS=1 cargo test -p oin-studio bindings`"
    );
}

/// A file dropped on the window: an email (.eml/.txt) is kept for the open
/// draft's review and read into its to-dos once asked; a picture is read and
/// kept as an attachment (the logo), as before. Only once per drop.
#[test]
fn a_dropped_email_becomes_to_dos_and_a_dropped_picture_an_attachment() {
    use tauri::Manager;
    let h = Harness::new();
    let view = h.call("create_draft", json!({"integrationType": "apiService"})).unwrap();
    let id = view["id"].as_str().unwrap().to_owned();
    let dir = tempfile::tempdir().unwrap();
    let email = dir.path().join("Okta review.EML");
    std::fs::write(
        &email,
        "From: oin@okta.com\r\nSubject: Your submission\r\nContent-Type: text/plain\r\n\r\n\
         Hi,\r\n\r\n1. Display name: please remove \"for Okta\".\r\n\r\nThanks,\r\nOIN Team\r\n",
    )
    .unwrap();
    let state = h.window.state::<crate::AppState>();
    let dropped = crate::commands::files::dropped(&state, &email);
    assert_eq!(dropped.email.as_deref(), Some("Okta review.EML"));
    assert!(dropped.attachment.is_none());
    let todos = h.call("paste_dropped_review", json!({"id": id})).unwrap();
    assert_eq!(todos.as_array().unwrap().len(), 1, "{todos}");
    assert_eq!(todos[0]["field"], "appInfo.appName");
    assert_eq!(h.call("paste_dropped_review", json!({"id": id})).unwrap(), Value::Null, "once");

    let png = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/drafts/logo.png");
    let dropped = crate::commands::files::dropped(&state, &png);
    assert!(dropped.email.is_none() && dropped.attachment.is_some(), "{dropped:?}");
}

/// The library opened before Tauri starts is opened where Tauri keeps the
/// app's data (`setup` keeps it only if so; this says it is so).
#[test]
fn the_library_opened_early_is_where_tauri_keeps_the_apps_data() {
    use tauri::Manager;
    let h = Harness::new();
    let identifier = &h._app.config().identifier;
    assert_eq!(
        crate::startup::os_data_dir(identifier),
        Some(h._app.path().app_data_dir().unwrap()),
    );
}

/// The script that hands the page its first screen sets one global to the
/// same JSON the `startup` command answers.
#[test]
fn the_first_screen_is_handed_over_as_the_startup_answer() {
    use tauri::Manager;
    let h = Harness::new();
    let answer = h.call("startup", json!({})).unwrap();
    let state = h._app.state::<crate::AppState>();
    let start = crate::startup::first_start(&state).unwrap();
    let script =
        crate::startup::first_screen(&crate::commands::app::started(&state, start)).unwrap();
    let json = script.strip_prefix("window.__OIN_START__ = ").unwrap().strip_suffix(';').unwrap();
    assert_eq!(serde_json::from_str::<Value>(json).unwrap(), answer);
}
