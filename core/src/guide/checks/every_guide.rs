//! What every guide needs, whatever the integration (`oin-requirements.md`
//! §5, "Every guide"): prerequisites, supported features, configuration
//! steps, troubleshooting.

use super::reading::*;
use super::Verdict;
pub(super) fn prerequisites(g: &Guide<'_>) -> Verdict {
    const HEADS: &[&str] = &[
        "prerequisite*",
        "pre requisite*",
        "prereq*",
        "before you begin",
        "before you start",
        "before getting started",
        "before you configure",
        "before you get started",
        "requirement*",
        "what you need",
        "what you ll need",
        "what you will need",
        "you will need",
        "you ll need",
        "things you need",
        "dependencies",
    ];
    const SAYS: &[&str] = &[
        "prerequisite*",
        "you need",
        "you ll need",
        "you will need",
        "you must have",
        "you must be",
        "make sure you have",
        "make sure that you have",
        "ensure you have",
        "ensure that you have",
        "before you begin",
        "before you start",
        "before you configure",
        "you should have",
        "need to have",
        "is required to",
        "are required to",
        "requires an",
        "requires a",
        "requires the",
        "required plan",
        "required license",
    ];
    if let Some((_, h)) = g.heading(HEADS, &[]) {
        return Verdict::pass(
            heading_evidence(&h),
            "The guide says what the customer needs before they start.",
        );
    }
    // "You need an Okta org" states a prerequisite; "you need to click Save" is a step.
    let limit = ((g.sentences.len() as f32) * 0.4).ceil() as usize;
    let stated = g.sentences.iter().take(limit.max(1)).find(|(_, _, ws)| {
        SAYS.iter().any(|p| {
            let n = p.split_whitespace().count();
            ws.windows(n + 1).any(|w| has_phrase(&w[..n], p) && w[n] != "to")
                || ws.len() >= n && has_phrase(&ws[ws.len() - n..], p)
        })
    });
    if let Some((_, s, _)) = stated {
        return Verdict::pass(quote(s), "The guide says what the customer needs before they start (no “Prerequisites” heading: Okta suggests one).");
    }
    Verdict::fail(
        "a “Prerequisites” section (or “Before you begin”, “Requirements”) or a sentence saying what the customer needs first",
        "The guide doesn't say what the customer needs first — a plan, a feature turned on, API access, an Okta admin role.",
        "Add a “Prerequisites” section near the top listing what the customer needs before configuring the integration.",
    )
}

pub(super) fn supported_features(g: &Guide<'_>) -> Verdict {
    const HEADS: &[&str] = &[
        "feature*",
        "capabilit*",
        "what you can do",
        "functionality",
        "supported action*",
        "supported operation*",
        "use case*",
        "what it does",
        "supported",
        "benefits",
    ];
    const SAYS: &[&str] = &[
        "supported feature*",
        "supports the following",
        "following feature*",
        "following capabilit*",
        "integration support*",
        "integration allow*",
        "integration enable*",
        "integration let*",
        "integration provide*",
        "connector support*",
        "connector allow*",
        "connector enable*",
        "connector let*",
        "connector provide*",
        "key feature*",
        "you can use this integration",
        "you can use the integration",
        "allows you to",
        "enables you to",
        "lets you",
    ];
    if let Some((_, h)) = g.heading(HEADS, &["unsupported", "not supported"]) {
        return Verdict::pass(heading_evidence(&h), "The guide lists what the integration does.");
    }
    if let Some(s) = g.sentence(SAYS, 1.0) {
        return Verdict::pass(s, "The guide says what the integration does (no “Supported features” heading: Okta suggests one).");
    }
    Verdict::fail(
        "a “Supported features” section (or “Features”, “Capabilities”) or a sentence on what the integration supports",
        "The guide doesn't list the integration's features — reviewers ask for a “Supported features” list, with its restrictions and limitations.",
        "Add a “Supported features” section: a list of what the integration does with Okta, and any limitations.",
    )
}

pub(super) fn configuration_steps(g: &Guide<'_>) -> Verdict {
    const HEADS: &[&str] = &[
        "configur*",
        "set up",
        "setup",
        "setting up",
        "install*",
        "getting started",
        "get started",
        "how to",
        "step*",
        "enable*",
        "deploy*",
        "integrat*",
        "connect*",
        "onboard*",
        "instructions",
        "procedure",
    ];
    let steps: usize = g.doc.sections.iter().map(|s| s.steps).sum();
    if let Some((i, h)) = g.heading(HEADS, &["troubleshoot*"]) {
        let under: usize = g.doc.subtree(i).iter().map(|s| s.steps).sum();
        let lines: usize = g.doc.subtree(i).iter().map(|s| s.text.lines().count()).sum();
        if under >= 2 || lines >= 3 {
            return Verdict::pass(
                heading_evidence(&h),
                "The guide walks through the configuration.",
            );
        }
    }
    if steps >= 3 {
        let (i, _) =
            g.doc.sections.iter().enumerate().max_by_key(|(_, s)| s.steps).expect("sections");
        let under = g.doc.sections[i]
            .heading
            .as_ref()
            .map(|h| format!(" under “{}”", h.text))
            .unwrap_or_default();
        return Verdict::pass(
            format!("{steps} numbered steps{under}"),
            "The guide walks through the configuration step by step.",
        );
    }
    if let Some(s) = g.sentence(&["step 1", "first step"], 1.0) {
        return Verdict::pass(s, "The guide walks through the configuration step by step.");
    }
    Verdict::fail(
        "a configuration section (“Configuration steps”, “Setup”, “Configure …”) or numbered steps",
        "The guide has no configuration steps: reviewers expect every setting, step by step, with images.",
        "Add a “Configuration steps” section with numbered steps for every setting the customer changes, in Okta and in your app.",
    )
}

pub(super) fn troubleshooting(g: &Guide<'_>) -> Verdict {
    const HEADS: &[&str] = &[
        "troubleshoot*",
        "known issue*",
        "known limitation*",
        "limitation*",
        "faq*",
        "faqs",
        "frequently asked question*",
        "support",
        "contact*",
        "get help",
        "getting help",
        "need help",
        "help",
        "common issue*",
        "common error*",
        "common problem*",
        "error*",
        "debug*",
        "problem*",
        "issues",
    ];
    if let Some((_, h)) = g.heading(HEADS, &[]) {
        return Verdict::pass(
            heading_evidence(&h),
            "The guide says what to do when something goes wrong.",
        );
    }
    let helpful = g.sentences.iter().find(|(_, s, ws)| {
        let asks = any_phrase(
            ws,
            &[
                "contact*",
                "reach out",
                "email",
                "open a ticket",
                "submit a ticket",
                "file a ticket",
                "write to",
            ],
        );
        let who = any_phrase(ws, &["support", "help", "assistance", "helpdesk", "service desk"])
            || s.contains('@');
        asks && who
            || any_phrase(
                ws,
                &[
                    "troubleshoot*",
                    "known issue*",
                    "if you encounter",
                    "if you run into",
                    "if you have trouble",
                ],
            )
    });
    if let Some((_, s, _)) = helpful {
        return Verdict::pass(quote(s), "The guide says where to get help (no “Troubleshooting” heading: Okta suggests one with known issues).");
    }
    Verdict::fail(
        "a “Troubleshooting” section (or “Known issues”, “FAQ”, “Support”) or a sentence on how to get help",
        "The guide doesn't say what to do when something goes wrong: no known issues, no support contact.",
        "Add a “Troubleshooting” section with known issues and your support contact (the one in the submission).",
    )
}
