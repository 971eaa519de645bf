//! Okta's submission `status` string onto the app's timeline. The API
//! documents the field only by example ("New", "To be reviewed by Okta",
//! "Complete" in Okta's OpenAPI spec), so the mapping takes those, the OIN
//! Manager's and the OIN Wizard's words
//! (https://developer.okta.com/docs/guides/submit-app-overview/) and Connector
//! Builder's stages, in any case or spacing. A word it doesn't know keeps the
//! current status, and the timeline shows Okta's word as it is.

use crate::lifecycle::SubmissionStatus;

fn squash(s: &str) -> String {
    s.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect()
}

/// The app's status for Okta's word, given the status the draft has now.
/// `None`: the word is unknown; keep `current` and show Okta's word.
pub fn map_status(okta: &str, current: SubmissionStatus) -> Option<SubmissionStatus> {
    use SubmissionStatus::*;
    Some(match squash(okta).as_str() {
        "new" | "draft" | "draftisvnew" | "editing" => Draft,
        "tobereviewedbyokta" | "submitted" | "initialreviewstarted" | "pendingreview" => {
            ToBeReviewed
        }
        // The Wizard says "OIN to review" for three of the Manager's stages.
        "launchedreview" | "ointoreview" | "inreview" | "underreview" => {
            if matches!(current, ToBeReviewed | ToBeQaTested | FinalReview) {
                current
            } else {
                ToBeReviewed
            }
        }
        "isvneedstoreview" | "initialreviewcomplete" => IsvNeedsToReview,
        "isvtoreview" => {
            if matches!(current, IsvNeedsToReview | IsvNeedsToFixBugs) {
                current
            } else {
                IsvNeedsToReview
            }
        }
        "tobeqatestedbyokta" | "oktaqastarted" | "qa" => ToBeQaTested,
        "isvneedstofixbugs" => IsvNeedsToFixBugs,
        "finalreview" | "oktafinalqareview" | "oktaqacomplete" | "customertest" | "signoff"
        | "readytopublish" => FinalReview,
        // "Complete" is Okta's example status of a finished submission: the
        // review is over and Okta publishes once QA passes.
        "published" | "live" | "complete" | "completed" => Published,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use SubmissionStatus::*;

    #[test]
    fn every_status_word_in_okta_s_own_examples_maps() {
        for word in ["New", "To be reviewed by Okta", "Complete"] {
            assert!(map_status(word, Draft).is_some(), "{word} (okta-oin-subset.yaml examples)");
        }
        let wizard = ["Draft", "OIN to review", "ISV to review", "Published"];
        let manager = [
            "Draft—ISV new",
            "To be reviewed by Okta",
            "ISV needs to review",
            "To be QA tested by Okta",
            "ISV needs to fix bugs",
            "Final Review",
            "Published",
        ];
        let builder = [
            "Editing",
            "Initial Review Started",
            "Initial Review Complete",
            "Okta QA Started",
            "Okta QA Complete",
            "Okta Final QA Review",
            "Customer Test",
            "Sign Off",
            "Ready to Publish",
            "Published",
        ];
        for word in wizard.iter().chain(&manager).chain(&builder) {
            assert!(map_status(word, Draft).is_some(), "{word} maps onto the timeline");
        }
    }

    #[test]
    fn okta_words_map_onto_the_timeline() {
        for (word, now, want) in [
            ("New", Draft, Some(Draft)),
            ("Draft—ISV new", Draft, Some(Draft)),
            ("To be reviewed by Okta", Draft, Some(ToBeReviewed)),
            ("SUBMITTED", Draft, Some(ToBeReviewed)),
            ("OIN to review", Draft, Some(ToBeReviewed)),
            ("OIN to review", ToBeQaTested, Some(ToBeQaTested)),
            ("ISV to review", FinalReview, Some(IsvNeedsToReview)),
            ("ISV to review", IsvNeedsToFixBugs, Some(IsvNeedsToFixBugs)),
            ("To be QA tested by Okta", ToBeReviewed, Some(ToBeQaTested)),
            ("Final Review", ToBeQaTested, Some(FinalReview)),
            ("PUBLISHED", FinalReview, Some(Published)),
            ("Complete", FinalReview, Some(Published)),
            ("Customer Test", ToBeQaTested, Some(FinalReview)),
            ("Okta Discarded", Draft, None),
            ("", Draft, None),
        ] {
            assert_eq!(map_status(word, now), want, "{word} from {now:?}");
        }
    }
}
