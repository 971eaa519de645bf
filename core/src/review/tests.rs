use super::*;
use crate::draft::{ContactKind, SupportContact};

fn pack(id: &str) -> &'static RulePack {
    RulePack::by_id(id).unwrap()
}

fn todos(
    email: &str,
    t: IntegrationType,
    draft: Option<&Draft>,
) -> Vec<(Option<String>, TodoKind)> {
    parse(email.as_bytes(), t, draft, pack("oin-2026"))
        .todos
        .into_iter()
        .map(|t| (t.field, t.kind))
        .collect()
}

fn f(s: &str) -> Option<String> {
    Some(s.to_owned())
}

const API_REVIEW: &str = "Hi Acme team,

Thank you for submitting Acme Log Shipper to the Okta Integration Network. Our team has reviewed your submission and found the following issues:

1. Logo: the uploaded logo is 512x512. Please upload a PNG of 244x156 or 200x200 with no text.
2. Support email: support@gmail.com is a personal address. Please use an email address on your company's domain.
3. The configuration guide doesn't describe the Okta side: add the steps to add the integration from the catalog and click Install & Authorize.
4. The integration requests okta.users.manage but only reads users. Please remove okta.users.manage and request okta.users.read instead.
5. When we ran the test, the token request failed with a 500 error from your API.
6. Please provide a short demo video of the integration working end to end.
7. Please confirm whether the integration supports Okta Classic Engine orgs.

Once you've addressed these items, please resubmit the integration from the OIN Wizard. If you have any questions, feel free to reply to this email.

Thanks,
Jordan
OIN Team | Okta
oin@okta.com

On Mon, Nov 30, 2026 at 10:02 AM Pat Lee <pat@acme.example> wrote:
> Hi, we submitted Acme Log Shipper.
> Please change the description if needed.
";

#[test]
fn a_numbered_review_becomes_one_to_do_per_item_linked_and_kinded() {
    let mut d = Draft::new(IntegrationType::ApiService);
    d.support.escalation_contact = Some("support@gmail.com".into());
    let got = todos(API_REVIEW, IntegrationType::ApiService, Some(&d));
    assert_eq!(
        got,
        [
            (f("appInfo.appIcon"), TodoKind::FixField),
            (f("support.escalationContact"), TodoKind::FixField),
            (f("apiService.configGuideUrl"), TodoKind::FixDocument),
            (f("apiService.scopes"), TodoKind::FixField),
            (None, TodoKind::FixApp),
            (None, TodoKind::ProvideMaterial),
            (None, TodoKind::ReplyOnly),
        ]
    );
    let r = parse(API_REVIEW.as_bytes(), IntegrationType::ApiService, Some(&d), pack("oin-2026"));
    assert!(
        r.todos[0].quote.starts_with("Logo: the uploaded logo is 512x512."),
        "the email's own words"
    );
    assert!(
        !r.todos.iter().any(|t| t.quote.contains("description if needed")),
        "quoted history is not an ask"
    );
    assert!(
        !r.todos.iter().any(|t| t.quote.contains("resubmit")),
        "process sentences are not asks"
    );
}

#[test]
fn both_tools_wording_links_to_the_same_fields() {
    // The OIN Manager says "App name" and "Support contacts"; the Wizard "Display name" and "Support email".
    let manager = "- App name: please remove the word \"Okta\" from the app name.\n- Test account URL: the page returns 404. Please update it.\n";
    let wizard = "- Display name must not include \"Okta\".\n- Account URL returns 404; please update it.\n- Testing instructions are missing the steps to create sample data.\n";
    for email in [manager, wizard] {
        let got = todos(email, IntegrationType::ApiService, None);
        assert_eq!(got[0], (f("appInfo.appName"), TodoKind::FixField), "{email}");
        assert_eq!(got[1], (f("testAccount.url"), TodoKind::FixField), "{email}");
    }
    let got = todos(wizard, IntegrationType::ApiService, None);
    assert_eq!(got[2], (f("testAccount.instructions"), TodoKind::FixField));
}

#[test]
fn resolved_items_quotes_signatures_and_forwarded_headers_are_not_to_dos() {
    let email = "---------- Forwarded message ---------
From: OIN Team <oin@okta.com>
Date: Tue, Dec 1, 2026 at 9:00 AM
Subject: Re: Acme HR connector review
To: Pat Lee <pat@acme.example>

Hello,

Thanks for the update. The logo issue is resolved and the description now looks good.

Remaining items:
- The user documentation does not state the connector version. Please add the version number.
- Please update the flow test suite: the Create User flow fails with an authorization error.
- The connector version in the submission must match the documentation.

Best regards,
OIN Team
--
Okta, Inc.
> 1. Please fix the logo.
";
    let got = todos(email, IntegrationType::WorkflowsConnector, None);
    assert_eq!(
        got,
        [
            (f("workflows.userDocUrl"), TodoKind::FixDocument),
            (f("workflows.testSuite"), TodoKind::FixField),
            (f("workflows.version"), TodoKind::FixField),
        ]
    );
}

#[test]
fn an_eml_with_quoted_printable_html_is_read() {
    let eml = "From: OIN Team <oin@okta.com>\r
To: pat@acme.example\r
Subject: OIN review: ISV needs to fix bugs\r
MIME-Version: 1.0\r
Content-Type: text/html; charset=utf-8\r
Content-Transfer-Encoding: quoted-printable\r
\r
<html><body><p>Hi Pat,</p><ol><li>The app description is too long for the =\r
catalog. Please shorten it to under 1,000 characters.</li><li>Please provide=\r
 a demo video.</li></ol><p>Thanks,<br>OIN Team</p></body></html>\r
";
    let got = todos(eml, IntegrationType::ApiService, None);
    assert_eq!(
        got,
        [(f("appInfo.description"), TodoKind::FixField), (None, TodoKind::ProvideMaterial)]
    );
}

#[test]
fn values_from_the_draft_link_an_ask_that_names_no_field() {
    let mut d = Draft::new(IntegrationType::ApiService);
    d.api_service.config_guide_url = Some("https://acme.example/docs/okta".into());
    d.support.contacts = vec![SupportContact {
        kind: ContactKind::Url,
        value: Some("https://acme.example/help".into()),
    }];
    let email = "https://acme.example/help redirects to a sign-in page. Please make it public.\n\nhttps://acme.example/docs/okta/ asks for a login too; it must be open to the OIN team.";
    let got = todos(email, IntegrationType::ApiService, Some(&d));
    assert_eq!(
        got,
        [
            (f("support.contacts"), TodoKind::FixField),
            (f("apiService.configGuideUrl"), TodoKind::FixDocument)
        ]
    );
}

#[test]
fn an_email_without_asks_gives_no_to_do() {
    let email = "Hi team,\n\nThank you for your submission. Your integration has been approved and is now published in the OIN catalog.\n\nBest,\nOIN Team";
    assert!(todos(email, IntegrationType::ApiService, None).is_empty());
    assert!(todos("", IntegrationType::ApiService, None).is_empty());
    let binary: Vec<u8> = (0..2000u32).map(|i| (i * 31 % 256) as u8).collect();
    let _ = parse(&binary, IntegrationType::ApiService, None, pack("oin-2026"));
}

#[test]
fn a_connector_review_of_problems_stated_without_please() {
    let email = "Hello,

We have completed the review of your connector submission. Please address the following:

- Action card \"Search Users\" returns an empty list even though users exist in the test tenant.
- The Custom API Action card is missing from the connector.
- Please add a test case for the Delete User card to the test-case document.
- The user documentation link returns a 404.
- The connector icon has a white background; please make it transparent.

Regards,
Okta OIN Team";
    assert_eq!(
        todos(email, IntegrationType::WorkflowsConnector, None),
        [
            (None, TodoKind::FixApp),
            (None, TodoKind::FixApp),
            (None, TodoKind::FixDocument),
            (f("workflows.userDocUrl"), TodoKind::FixDocument),
            (f("appInfo.appIcon"), TodoKind::FixField),
        ]
    );
}

#[test]
fn a_status_list_skips_what_is_resolved_and_lines_end_sentences() {
    let email = "Hi Pat,
Thanks for the quick turnaround. We re-tested Acme Log Shipper:
[Resolved] Logo size
[Resolved] Support email
[Open] The configuration guide still points admins to Applications > Create App Integration. It should use the OIN integration.
[Open] The reason to use scopes is empty. Please tell us why the integration needs okta.logs.read.
Best,
OIN";
    assert_eq!(
        todos(email, IntegrationType::ApiService, None),
        [
            (f("apiService.configGuideUrl"), TodoKind::FixDocument),
            (f("apiService.scopeReason"), TodoKind::FixField)
        ]
    );
}

#[test]
fn problems_stated_plainly_and_failing_test_cases() {
    let email = "Hi,

* The configuration guide has no troubleshooting section.
* The logo has rounded corners and a drop shadow. Logos must have square corners.

QA testing results:
Test case TC-03 (Update User) failed: the card returns 400 when Department is empty.
The \"List Groups\" card does not paginate; only the first 200 groups are returned.
Can you confirm whether the connector supports custom attributes?

Thanks,
OIN QA";
    assert_eq!(
        todos(email, IntegrationType::WorkflowsConnector, None),
        [
            (f("workflows.userDocUrl"), TodoKind::FixDocument),
            (f("appInfo.appIcon"), TodoKind::FixField),
            (None, TodoKind::FixApp),
            (None, TodoKind::FixApp),
            (None, TodoKind::ReplyOnly),
        ]
    );
}

/// Labeled paragraphs, each a statement then its ask: one to-do per label,
/// the statement in the quote; two sentences about one field are one to-do.
#[test]
fn labeled_paragraphs_make_one_to_do_each_with_the_problem_in_the_quote() {
    let email = r#"Hello Jordan,

Thank you for submitting Acme Logs to the Okta Integration Network. Our team has reviewed your submission and found a few items that need to be addressed before we can proceed:

Logo: The logo you provided has a transparent background. Please upload a logo with a solid background.
Description: The app description mentions "the best SIEM". Please avoid superlatives in the description.
Escalation support: Please provide a group email address instead of a personal one (jordan@acme.com).
Configuration guide: The guide at https://docs.acme.com/okta requires a login. Please make the guide publicly accessible.

Also, we were unable to sign in with the test account credentials provided. Could you verify the username and password?

Once these are resolved, please update your submission in the OIN Wizard and let us know.

Best regards,
Okta OIN Team
"#;
    let got = parse(email.as_bytes(), IntegrationType::ApiService, None, pack("oin-2026")).todos;
    let short: Vec<_> = got.iter().map(|t| (t.field.clone(), t.kind)).collect();
    assert_eq!(
        short,
        [
            (f("appInfo.appIcon"), TodoKind::FixField),
            (f("appInfo.description"), TodoKind::FixField),
            (f("support.escalationContact"), TodoKind::FixField),
            (f("apiService.configGuideUrl"), TodoKind::FixDocument),
            (f("testAccount.username"), TodoKind::FixField),
        ]
    );
    assert!(got[0].quote.starts_with("Logo: The logo you provided has a transparent background."));
    assert!(
        got[3].quote.ends_with("Please make the guide publicly accessible."),
        "{}",
        got[3].quote
    );
    assert!(got[4].quote.contains("Could you verify the username and password?"));
}

/// A list of failing test cases is a list of asks even where an item only
/// states the failure; a resolved item and the signature are not asks.
#[test]
fn each_failing_test_case_of_a_list_is_a_to_do() {
    let email = r#"Hi there,

We have completed QA testing for your connector "Acme HR". The following test cases failed:

  * TC-04 "Create User" - the card returns a 500 error when the department field is empty.
  * TC-07 "Search Users" - pagination does not return more than 100 results.

Please fix these in your connector and provide an updated version number. Additionally, please attach a short video walkthrough of the authorization flow.

Regarding the documentation: the Authorization section is missing from your connector documentation.

The item about the icon has been resolved, thank you.

Regards,
Sam
Okta Workflows Team
"#;
    let got = todos(email, IntegrationType::WorkflowsConnector, None);
    assert_eq!(
        got,
        [
            (None, TodoKind::FixApp),
            (None, TodoKind::FixApp),
            (f("workflows.version"), TodoKind::FixField),
            (None, TodoKind::ProvideMaterial),
            (f("workflows.userDocUrl"), TodoKind::FixDocument),
        ]
    );
}
