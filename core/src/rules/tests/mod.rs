//! Table tests for every rule: a passing and a failing case at each boundary,
//! with the exact rule id, field path and severity expected.

use super::*;
use crate::draft::{Attachment, ContactKind, Dismissal, SupportContact};
use crate::flowsuite::{SuiteProblem, SuiteReport};
use crate::IntegrationType::{self, ApiService as Api, WorkflowsConnector as Wf};

pub(crate) fn full(t: IntegrationType) -> Draft {
    let mut d = Draft::new(t);
    let s = |v: &str| Some(v.to_owned());
    d.app_info.exists_in_oin = Some(false);
    d.app_info.app_name = s("Acme");
    d.app_info.app_website = s("https://acme.example");
    d.app_info.use_cases = vec!["Automation".into()];
    d.app_info.description = s("Syncs Acme HR with Okta.");
    d.app_info.app_icon =
        Some(Attachment { file_name: "logo.png".into(), size_bytes: 1, sha256: "00".into() });
    d.support.contacts =
        vec![SupportContact { kind: ContactKind::Email, value: s("help@acme.example") }];
    d.support.escalation_contact = s("oin-team@acme.example");
    d.test_account.url = s("https://acme.example/login");
    d.test_account.username = s("isvtest@okta.com");
    d.workflows.connector = s("acme");
    d.workflows.version = s("3");
    d.workflows.test_suite =
        Some(Attachment { file_name: "t.flopack".into(), size_bytes: 1, sha256: "01".into() });
    d.workflows.user_doc_url = s("https://acme.example/docs");
    d.workflows.api_doc_url = s("https://acme.example/api");
    d.api_service.scopes = vec!["okta.users.read".into()];
    d.api_service.scope_reason = s("okta.users.read reads users to sync them.");
    d.api_service.config_guide_url = s("https://acme.example/guide");
    d
}

pub(crate) fn facts() -> Facts {
    Facts {
        has_password: true,
        test_suite: Some(SuiteReport { flows: vec!["Create user".into()], problem: None }),
        logo: Some(logo_ok()),
        guide: None,
    }
}

/// The logo doctor's verdict on a 200×200 PNG.
fn logo_ok() -> crate::logo::Verdict {
    let img = image::RgbaImage::from_pixel(200, 200, image::Rgba([30, 80, 200, 255]));
    let mut png = std::io::Cursor::new(Vec::new());
    img.write_to(&mut png, image::ImageFormat::Png).unwrap();
    crate::logo::judge(&png.into_inner()).unwrap()
}

fn run(t: IntegrationType, pack: &str, edit: impl FnOnce(&mut Draft)) -> Report {
    let mut d = full(t);
    edit(&mut d);
    check(&d, RulePack::by_id(pack).unwrap(), &facts())
}

/// What a report found, leaving out the notes on values the form doesn't ask
/// for (the shared full draft fills every form's fields).
fn ids(r: &Report) -> Vec<(String, String, Severity)> {
    all_ids(r).into_iter().filter(|(rule, _, _)| rule != "form.outside").collect()
}

fn all_ids(r: &Report) -> Vec<(String, String, Severity)> {
    r.issues.iter().map(|i| (i.rule.clone(), i.path.clone(), i.severity)).collect()
}

mod access;
mod cases;

#[test]
fn every_rule_at_its_boundary() {
    for (what, t, pack, edit, want) in cases::all() {
        let r = run(*t, pack, edit);
        let got = if want.is_some_and(|(rule, _, _)| rule == "form.outside") {
            all_ids(&r)
        } else {
            ids(&r)
        };
        match want {
            None => assert!(got.is_empty(), "{what}: expected no issue, got {got:?}"),
            Some((rule, path, sev)) => assert!(
                got.contains(&((*rule).to_owned(), (*path).to_owned(), *sev)),
                "{what}: expected {rule} at {path} ({sev:?}), got {got:?}"
            ),
        }
    }
}

#[test]
fn every_rule_in_the_catalog_is_exercised() {
    // The test-suite rule takes its verdict from the inspection: tested below
    // and in `crate::flowsuite`.
    // The test-suite and logo rules relay verdicts made elsewhere: tested below.
    for rule in
        catalog::RULES.iter().filter(|r| !["workflows.test_suite", "logo", "guide"].contains(&r.id))
    {
        let hit = cases::all().any(|(_, _, _, _, want)| want.is_some_and(|(r, _, _)| r == rule.id));
        assert!(hit, "rule {} has no failing case in the table", rule.id);
    }
}

#[test]
fn a_bad_test_suite_is_an_error_and_a_folder_doubt_a_warning() {
    let d = full(Wf);
    let pack = RulePack::by_id("oin-2026").unwrap();
    for (severity, blocks) in [(Severity::Error, true), (Severity::Warning, false)] {
        let f = Facts {
            has_password: true,
            test_suite: Some(SuiteReport {
                flows: vec![],
                problem: Some(SuiteProblem { severity, message: "m".into() }),
            }),
            logo: Some(logo_ok()),
            guide: None,
        };
        let r = check(&d, pack, &f);
        assert_eq!(
            ids(&r),
            [("workflows.test_suite".to_owned(), "workflows.testSuite".to_owned(), severity)]
        );
        assert_eq!(r.can_submit, !blocks);
    }
}

#[test]
fn the_gate_opens_at_100_percent_with_no_error() {
    let r = run(Api, "oin-2026", |_| {});
    assert!(r.can_submit && r.completion.percent == 100);
    let r = run(Api, "oin-2026", |d| d.api_service.scopes.push("okta.users.manage".into()));
    assert!(r.can_submit, "warnings don't block: {:?}", ids(&r));
    let r = run(Api, "oin-2026", |d| d.test_account.url = Some("http://acme.example".into()));
    assert!(!r.can_submit && r.completion.percent < 100);
    let r = run(Api, "oin-2026", |d| d.app_info.app_website = Some("http://acme.example".into()));
    assert!(r.can_submit, "the OIN Wizard has no App website: {:?}", ids(&r));
}

#[test]
fn the_read_scope_fix_removes_the_read_scope() {
    let r = run(Api, "oin-2026", |d| {
        d.api_service.scopes = vec!["okta.users.read".into(), "okta.users.manage".into()]
    });
    let action = r.issues.iter().find_map(|i| i.action.clone()).expect("a one-click fix");
    let mut d = full(Api);
    d.api_service.scopes = vec!["okta.users.read".into(), "okta.users.manage".into()];
    action.apply(&mut d);
    assert_eq!(d.api_service.scopes, ["okta.users.manage"]);
}

#[test]
fn a_dismissed_warning_stays_listed_with_its_reason_but_is_not_counted() {
    let mut d = full(Wf);
    d.app_info.description = Some("Coming soon: more.".into());
    d.dismissed.push(Dismissal {
        rule: "content.future".into(),
        path: "appInfo.description".into(),
        reason: "It's the product's name".into(),
    });
    let r = check(&d, RulePack::by_id("oin-2026").unwrap(), &facts());
    assert_eq!(r.issues[0].dismissed.as_deref(), Some("It's the product's name"));
    assert_eq!(r.counts.warnings, 0);
}

#[test]
fn every_issue_names_a_field_of_the_form_and_a_source() {
    let r = run(Api, "oin-2026", |d| {
        d.app_info.app_name = Some("Lorem ipsum™".repeat(10));
        d.api_service.scopes =
            vec!["openid".into(), "okta.users.read".into(), "okta.users.manage".into()];
        d.support.escalation_contact = Some("info@acme.example".into());
    });
    assert!(r.issues.len() >= 5);
    for i in &r.issues {
        let form = RulePack::by_id("oin-2026").unwrap().form(Api);
        let known = form
            .field(&i.path)
            .or_else(|| crate::form::every_field().find(|f| crate::form::owns(f.path, &i.path)));
        assert!(known.is_some(), "{} names no field", i.path);
        assert!(i.source.starts_with("https://"), "{} has no source", i.rule);
        assert!(!i.message.is_empty() && !i.fix.is_empty());
    }
}

#[test]
fn the_logo_doctors_checks_are_relayed_with_their_own_ids() {
    let img = image::RgbaImage::from_pixel(300, 300, image::Rgba([30, 80, 200, 255]));
    let mut png = std::io::Cursor::new(Vec::new());
    img.write_to(&mut png, image::ImageFormat::Png).unwrap();
    let wrong_size = crate::logo::judge(&png.into_inner()).unwrap();
    let pack = RulePack::by_id("oin-2026").unwrap();
    let d = full(Api);
    let r = check(&d, pack, &Facts { logo: Some(wrong_size), ..facts() });
    assert_eq!(
        ids(&r),
        [("logo.dimensions".to_owned(), "appInfo.appIcon".to_owned(), Severity::Error)]
    );
    assert!(!r.can_submit && r.completion.percent < 100, "a logo Okta refuses blocks");
    let unreadable = check(&d, pack, &Facts { logo: None, ..facts() });
    assert_eq!(
        ids(&unreadable),
        [("logo".to_owned(), "appInfo.appIcon".to_owned(), Severity::Error)]
    );
}

#[test]
fn the_guide_doctor_s_verdicts_are_warnings_on_the_url_field_and_unreachable_an_error() {
    use crate::guide::{checks, read, Reading, Unreadable};
    let mut d = full(Api);
    let pack = RulePack::by_id("oin-2026").unwrap();
    let url = d.api_service.config_guide_url.clone().unwrap();
    let thin = Reading::Read(read::markdown("# Acme\n\n## Setup\n\n1. a\n2. b\n3. c\n"));
    let report = checks::report(&url, Api, &thin, Some(&d), 1);
    let r = check(&d, pack, &Facts { guide: Some(report.clone()), ..facts() });
    let guide: Vec<_> = r.issues.iter().filter(|i| i.rule.starts_with("guide.")).collect();
    assert!(!guide.is_empty());
    for i in &guide {
        assert_eq!((i.path.as_str(), i.severity), ("apiService.configGuideUrl", Severity::Warning));
        assert!(i.dismissible && i.message.starts_with("Configuration guide:"));
    }
    assert!(guide.iter().any(|i| i.rule == "guide.prerequisites"));
    assert!(r.can_submit, "Okta suggests the sections: warnings don't block");
    // A check of another address (the user changed it since) counts for nothing.
    d.api_service.config_guide_url = Some("https://docs.acme.example/other".into());
    let r = check(&d, pack, &Facts { guide: Some(report), ..facts() });
    assert!(!r.issues.iter().any(|i| i.rule.starts_with("guide.")));
    // Unreachable: one error, the section checks are not reported.
    let url = d.api_service.config_guide_url.clone().unwrap();
    let walled = Reading::Unreadable(Unreadable::SignInWall {
        detail: "it redirects to a sign-in page".into(),
    });
    let report = checks::report(&url, Api, &walled, Some(&d), 1);
    let r = check(&d, pack, &Facts { guide: Some(report), ..facts() });
    let guide: Vec<_> = r.issues.iter().filter(|i| i.rule.starts_with("guide.")).collect();
    assert_eq!(guide.len(), 1);
    assert_eq!((guide[0].rule.as_str(), guide[0].severity), ("guide.reachable", Severity::Error));
    assert!(!r.can_submit);
    // Offline: not checked, no issue.
    let off = checks::report(&url, Api, &Reading::NotChecked { reason: "offline".into() }, None, 1);
    let r = check(&d, pack, &Facts { guide: Some(off), ..facts() });
    assert!(!r.issues.iter().any(|i| i.rule.starts_with("guide.")));
}
