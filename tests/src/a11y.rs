//! axe-core (from npm, `ui/node_modules/axe-core`) run inside the real window:
//! the WCAG 2.x A and AA rules and axe's best practices, on whatever the window
//! shows. A finding of serious or critical impact fails the audit.

use std::path::PathBuf;
use std::sync::OnceLock;

use serde_json::{json, Value};

use crate::webdriver::Session;

fn axe_source() -> &'static str {
    static SOURCE: OnceLock<String> = OnceLock::new();
    SOURCE.get_or_init(|| {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../ui/node_modules/axe-core/axe.min.js");
        std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!("{}: {e} (scripts/install-deps runs npm ci in ui/)", path.display())
        })
    })
}

/// One finding: the rule, its impact, what it asks, and where.
#[derive(Debug, Clone)]
pub struct Finding {
    pub screen: String,
    pub rule: String,
    pub impact: String,
    pub help: String,
    pub targets: Vec<String>,
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "[{}] {} ({}): {} — at {}",
            self.screen,
            self.rule,
            self.impact,
            self.help,
            self.targets.join(", ")
        )
    }
}

/// Runs axe on the window as it is and returns its serious and critical findings.
pub fn audit(s: &Session, screen: &str) -> Vec<Finding> {
    let loaded = s.script("return typeof window.axe !== 'undefined'", json!([]));
    if loaded != json!(true) {
        // Evaluated as a script of the page (WebKitWebDriver runs the body of a function).
        s.script(&format!("{}\n;window.axe = axe; return true;", axe_source()), json!([]));
    }
    let result = s.script_async(
        "const done = arguments[arguments.length - 1];
         axe.run(document, {
             runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
             resultTypes: ['violations'],
         }).then(r => done(r.violations.map(v => ({
             id: v.id, impact: v.impact, help: v.help,
             targets: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' + (n.html || '').slice(0, 120)),
         })))).catch(e => done({ error: String(e) }));",
        json!([]),
    );
    if let Some(e) = result.get("error") {
        panic!("axe failed on {screen}: {e}");
    }
    let list = result.as_array().cloned().unwrap_or_else(|| panic!("axe answered {result}"));
    if std::env::var_os("OIN_A11Y_VERBOSE").is_some() {
        for v in &list {
            eprintln!("[{screen}] {} ({}): {}", v["id"], v["impact"], v["targets"]);
        }
    }
    list.iter()
        .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
        .map(|v: &Value| Finding {
            screen: screen.to_owned(),
            rule: v["id"].as_str().unwrap_or_default().to_owned(),
            impact: v["impact"].as_str().unwrap_or_default().to_owned(),
            help: v["help"].as_str().unwrap_or_default().to_owned(),
            targets: v["targets"]
                .as_array()
                .map(|t| t.iter().filter_map(|x| x.as_str().map(str::to_owned)).collect())
                .unwrap_or_default(),
        })
        .collect()
}
