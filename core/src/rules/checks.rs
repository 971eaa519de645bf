//! Small pure checks the rules share: web addresses, email addresses, phone
//! numbers, lengths. Each answers `Err((message, fix))` in plain words.

use std::str::FromStr;

pub type Verdict = Result<(), (String, String)>;

fn err(message: impl Into<String>, fix: impl Into<String>) -> Verdict {
    Err((message.into(), fix.into()))
}

/// An absolute `https://` address with a host, parsed by a real URL parser.
pub fn https_url(label: &str, value: &str) -> Verdict {
    let value = value.trim();
    let Ok(url) = url::Url::parse(value) else {
        return err(
            format!("{label} isn't a complete web address."),
            "Paste the full address, starting with https://",
        );
    };
    match url.scheme() {
        "https" => {}
        "http" => {
            return err(
                format!("{label} uses http://, which isn't secure."),
                "Use the https:// address of the same page.",
            )
        }
        other => {
            return err(
                format!("{label} must be a web page, not a {other}: address."),
                "Paste the page's full https:// address.",
            )
        }
    }
    if url.host_str().is_none_or(|h| h.is_empty() || !h.contains('.') && h != "localhost") {
        return err(format!("{label} has no valid site name."), "Check the address after https://");
    }
    Ok(())
}

/// An absolute http(s) address, for public contact links.
pub fn web_url(label: &str, value: &str) -> Verdict {
    match url::Url::parse(value.trim()) {
        Ok(u)
            if matches!(u.scheme(), "https" | "http")
                && u.host_str().is_some_and(|h| h.contains('.')) =>
        {
            Ok(())
        }
        _ => err(
            format!("{label} isn't a complete web address."),
            "Paste the full address, starting with https://",
        ),
    }
}

pub fn email(label: &str, value: &str) -> Verdict {
    if email_address::EmailAddress::from_str(value.trim()).is_ok() {
        Ok(())
    } else {
        err(format!("{label} isn't a valid email address."), "Write it as name@yourcompany.com.")
    }
}

/// A phone number, international or (without a country code) North American.
pub fn phone(value: &str) -> Option<phonenumber::PhoneNumber> {
    let n = phonenumber::parse(Some(phonenumber::country::Id::US), value.trim()).ok()?;
    phonenumber::is_valid(&n).then_some(n)
}

/// NANP toll-free numbers: +1 800, 833, 844, 855, 866, 877, 888.
pub fn is_toll_free(n: &phonenumber::PhoneNumber) -> bool {
    let national = n.national().value().to_string();
    n.code().value() == 1
        && ["800", "833", "844", "855", "866", "877", "888"].iter().any(|p| national.starts_with(p))
}

/// Length as a browser form and Okta's JSON schema count it: UTF-16 code units
/// (an emoji counts 2, an accented letter 1). Never less than the character count,
/// so the stricter of the two.
pub fn form_length(value: &str) -> usize {
    value.encode_utf16().count()
}

/// Shared mailboxes Okta refuses as the escalation contact.
pub const ROLE_MAILBOXES: &[&str] = &[
    "support",
    "info",
    "help",
    "helpdesk",
    "sales",
    "contact",
    "admin",
    "administrator",
    "noreply",
    "no-reply",
    "no_reply",
    "donotreply",
    "do-not-reply",
    "webmaster",
    "postmaster",
];

/// The mailbox name before the @, lower-cased.
pub fn local_part(address: &str) -> String {
    address.trim().split('@').next().unwrap_or_default().to_lowercase()
}

/// Whole-word, case-insensitive search for `phrase` (words may be separated by
/// any run of non-alphanumeric characters). "latest" doesn't contain "test".
pub fn has_phrase(text: &str, phrase: &str) -> bool {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let want: Vec<&str> = phrase.split(' ').collect();
    words.windows(want.len()).any(|w| w.iter().zip(&want).all(|(a, b)| a == b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_urls() {
        assert!(https_url("x", "https://acme.example/okta").is_ok());
        assert!(
            https_url("x", " https://acme.example ").is_ok(),
            "surrounding spaces are forgiven"
        );
        let cases = [
            ("acme.example/okta", "complete"),
            ("http://acme.example", "http://"),
            ("ftp://acme.example", "ftp"),
            ("https://", "complete"),
            ("https://acme", "site name"),
            ("mailto:a@b.com", "mailto"),
        ];
        for (value, words) in cases {
            let (msg, _) = https_url("App website", value).unwrap_err();
            assert!(msg.contains(words), "{value}: {msg}");
        }
    }

    #[test]
    fn phones_and_toll_free() {
        let n = phone("+1 (415) 555-0100")
            .or_else(|| phone("+1 650 253 0000"))
            .expect("a valid US number");
        assert!(!is_toll_free(&n));
        assert!(is_toll_free(
            &phone("1-800-555-0199").or_else(|| phone("+1 800 642 7676")).unwrap()
        ));
        assert!(is_toll_free(
            &phone("+1 888 555 0100").or_else(|| phone("+1 888 225 5322")).unwrap()
        ));
        assert!(phone("+44 20 7946 0958").is_some(), "international numbers parse");
        assert!(phone("12").is_none());
        assert!(phone("call us").is_none());
    }

    #[test]
    fn lengths_count_utf16_units() {
        assert_eq!(form_length("abc"), 3);
        assert_eq!(form_length("é"), 1);
        assert_eq!(form_length("😀"), 2);
    }

    #[test]
    fn phrases_match_whole_words_only() {
        assert!(has_phrase("Lorem ipsum dolor", "lorem ipsum"));
        assert!(has_phrase("Coming-soon: sync", "coming soon"));
        assert!(has_phrase("see TODO.", "todo"));
        assert!(!has_phrase("our latest release", "test"));
        assert!(!has_phrase("Contest", "test"));
        assert!(!has_phrase("TBDX", "tbd"));
    }
}
