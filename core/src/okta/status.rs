//! Okta's submission `status` string onto the app's timeline (reference §6).
//! The API documents the field only by example ("New"), so the mapping takes
//! both the OIN Manager's and the OIN Wizard's words, in any case or spacing,
//! and keeps the current status when the word is unknown.

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
        "tobereviewedbyokta" | "submitted" | "initialreviewstarted" => ToBeReviewed,
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
        "finalreview" | "oktafinalqareview" | "oktaqacomplete" | "signoff" | "readytopublish" => {
            FinalReview
        }
        "published" | "live" => Published,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use SubmissionStatus::*;

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
            ("Okta Discarded", Draft, None),
            ("", Draft, None),
        ] {
            assert_eq!(map_status(word, now), want, "{word} from {now:?}");
        }
    }
}
