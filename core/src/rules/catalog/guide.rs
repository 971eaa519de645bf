//! The guide doctor's verdicts as precheck issues on the guide's URL field:
//! Okta "suggests" the sections, so a missing one is a warning; a guide the
//! OIN team can't open is an error once it was checked. Only a check of the
//! URL now in the draft counts; offline ("not checked") adds nothing.

use super::{Ctx, Findings};
use crate::guide::{self, checks::REACHABLE};
use crate::rules::issue::Severity;

pub(super) fn guide_checks(cx: &Ctx<'_>, out: &mut Findings) {
    let Some(report) = cx.facts.guide.as_ref() else { return };
    let t = cx.draft.integration_type;
    let path = guide::url_path(t);
    if !report.checked
        || !cx.asks(path)
        || report.integration != guide::type_name(t)
        || guide::url_of(cx.draft) != Some(report.source.as_str())
    {
        return;
    }
    let unreadable = report.checks.iter().any(|c| c.id == REACHABLE && !c.passed);
    for c in report.checks.iter().filter(|c| !c.passed) {
        if c.id == REACHABLE {
            out.relay(&c.id, Severity::Error, path, c.message.clone(), &c.fix);
        } else if !unreadable {
            let message = format!("Configuration guide: {}", c.message);
            out.relay(&c.id, Severity::Warning, path, message, &c.fix);
        }
    }
}
