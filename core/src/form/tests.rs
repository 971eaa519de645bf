//! The declared forms against the facts they come from: each tool's fields,
//! what it requires, and that every path points into the draft.

use super::*;
use crate::rules::PACKS;

fn required(form: &Form) -> Vec<&'static str> {
    form.fields.iter().filter(|f| f.need == Need::Required).map(|f| f.path).collect()
}

#[test]
fn paths_are_unique_in_each_form() {
    for form in FORMS {
        let mut paths: Vec<_> = form.fields.iter().map(|f| f.path).collect();
        paths.sort_unstable();
        let before = paths.len();
        paths.dedup();
        assert_eq!(before, paths.len(), "{:?} has two fields on one path", form.tool);
    }
}

#[test]
fn every_path_names_a_value_of_the_draft_json() {
    let json = serde_json::to_value(crate::Draft::default()).unwrap();
    for f in every_field() {
        if matches!(f.kind, FieldKind::Password | FieldKind::Fixed) {
            continue; // a secret and Okta's fixed values: not in the draft body by design
        }
        let mut v = &json;
        for key in f.path.split('.') {
            v = v.get(key).unwrap_or_else(|| panic!("{} is not a draft field", f.path));
        }
    }
}

#[test]
fn every_field_is_on_one_of_its_forms_pages() {
    for form in FORMS {
        for f in form.fields {
            assert!(form.tabs.contains(&f.tab), "{} is on a page {:?} lacks", f.path, form.tool);
        }
    }
}

#[test]
fn the_wizard_asks_for_what_okta_marks_required_and_nothing_else() {
    // submit-oin-app/main/index.md and uapiservice/*.md: `*` fields.
    assert_eq!(
        required(&WIZARD_API_SERVICE),
        [
            "appInfo.appName",
            "appInfo.description",
            "appInfo.appIcon",
            "support.escalationContact",
            "apiService.configGuideUrl",
            "testAccount.url",
            "testAccount.username",
            "testAccount.password",
        ]
    );
    for absent in ["appInfo.existsInOin", "appInfo.appWebsite", "support.contacts"] {
        assert!(WIZARD_API_SERVICE.field(absent).is_none(), "the OIN Wizard has no {absent}");
    }
    let labels: Vec<_> = WIZARD_API_SERVICE.fields.iter().map(|f| f.label).collect();
    for okta_label in [
        "Display name",
        "Support email",
        "Tell us the reason to use scopes",
        "Link to configuration guide",
        "Account URL",
        "Testing instructions",
    ] {
        assert!(labels.contains(&okta_label), "the Wizard's label {okta_label}");
    }
    let use_cases = WIZARD_API_SERVICE.field("appInfo.useCases").unwrap().choices.unwrap();
    assert_eq!((use_cases.min, use_cases.max, use_cases.options.len()), (0, 3, 7));
}

#[test]
fn the_oin_manager_keeps_its_questions_and_the_reason_is_optional_everywhere() {
    for form in [&MANAGER_WORKFLOWS, &MANAGER_API_SERVICE] {
        let req = required(form);
        for p in ["appInfo.existsInOin", "appInfo.appWebsite", "support.contacts"] {
            assert!(req.contains(&p), "{:?} requires {p}", form.integration_type);
        }
        let uc = form.field("appInfo.useCases").unwrap().choices.unwrap();
        assert_eq!((uc.min, uc.max, uc.options.len()), (1, 5, 10));
    }
    for form in FORMS {
        if let Some(f) = form.field("apiService.scopeReason") {
            assert_eq!(f.need, Need::Optional, "Okta marks the reason optional ({:?})", form.tool);
        }
    }
}

#[test]
fn schema_lengths_are_errors_only_where_okta_s_api_takes_the_draft() {
    for form in FORMS {
        let name = form.field("appInfo.appName").unwrap().limit.unwrap();
        let want = if form.via_api { Severity::Error } else { Severity::Warning };
        assert_eq!(name.severity, want, "{:?} {:?}", form.tool, form.integration_type);
        let desc = form.field("appInfo.description").unwrap().limit.unwrap();
        assert_eq!(
            (desc.max, desc.severity),
            (1023, Severity::Error),
            "fewer than 1024 everywhere"
        );
    }
}

#[test]
fn each_pack_names_a_form_per_type_and_items_find_their_field() {
    for p in PACKS {
        for t in [IntegrationType::WorkflowsConnector, IntegrationType::ApiService] {
            assert_eq!(p.form(t).integration_type, t, "{} {t:?}", p.id);
        }
    }
    let f = MANAGER_WORKFLOWS.field("support.contacts.2.value").unwrap();
    assert_eq!(f.path, "support.contacts", "a list item belongs to its list");
    assert_eq!(WIZARD_API_SERVICE.tab_of("tenantSettings.0.name"), Tab::IntegrationDetails);
}

#[test]
fn values_outside_the_form_are_listed_not_lost() {
    let mut d = crate::Draft::new(IntegrationType::ApiService);
    d.app_info.exists_in_oin = Some(false);
    d.app_info.app_website = Some("https://acme.example".into());
    let outside: Vec<_> = WIZARD_API_SERVICE.outside(&d).iter().map(|f| f.path).collect();
    assert_eq!(outside, ["appInfo.existsInOin", "appInfo.appWebsite"]);
    assert!(MANAGER_API_SERVICE.outside(&d).is_empty(), "the OIN Manager asks both");
}
