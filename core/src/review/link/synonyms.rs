//! What reviewers call each field beyond the forms' labels, and the labels
//! too common in a review's sentences to name their field alone.

/// What reviewers call each field, beyond the forms' labels.
pub(super) const SYNONYMS: &[(&str, &[&str])] = &[
    ("appInfo.appIcon", &["logo", "logos", "icon", "app icon", "app logo", "image", "png"]),
    (
        "appInfo.appName",
        &[
            "app name",
            "display name",
            "integration name",
            "application name",
            "name of the integration",
            "name of your integration",
            "app title",
        ],
    ),
    (
        "appInfo.description",
        &[
            "description",
            "app description",
            "catalog description",
            "integration description",
            "short description",
        ],
    ),
    ("appInfo.useCases", &["use case", "use cases", "category", "categories"]),
    ("appInfo.appWebsite", &["website", "app website", "homepage", "home page"]),
    (
        "testAccount.url",
        &[
            "account url",
            "test account url",
            "login url",
            "sign in url",
            "test url",
            "instance url",
            "tenant url",
        ],
    ),
    (
        "testAccount.username",
        &[
            "username",
            "user name",
            "test account username",
            "test account",
            "test user",
            "login email",
            "credentials",
            "test credentials",
        ],
    ),
    ("testAccount.password", &["password", "test account password"]),
    (
        "testAccount.instructions",
        &["testing instructions", "test instructions", "additional instructions", "instructions"],
    ),
    (
        "apiService.scopes",
        &["scope", "scopes", "permissions", "least privilege", "manage scope", "manage scopes"],
    ),
    (
        "apiService.scopeReason",
        &[
            "reason to use scopes",
            "scope reason",
            "scope justification",
            "justification",
            "justify",
            "reason for the scopes",
            "why the integration needs",
        ],
    ),
    (
        "apiService.configGuideUrl",
        &[
            "configuration guide",
            "config guide",
            "setup guide",
            "customer configuration guide",
            "configuration document",
            "guide",
            "documentation",
            "docs",
            "doc",
        ],
    ),
    (
        "workflows.userDocUrl",
        &["user documentation", "documentation", "docs", "doc", "help documentation", "guide"],
    ),
    ("workflows.apiDocUrl", &["api documentation", "api docs", "api reference"]),
    ("workflows.version", &["version", "connector version", "version number"]),
    ("workflows.testSuite", &["test suite", "flow test suite", "flopack", "test flows", "flows"]),
    ("workflows.connector", &["connector name"]),
    ("tenantSettings", &["tenant settings", "tenant setting", "tenant variables", "variables"]),
    (
        "support.escalationContact",
        &["escalation", "escalation contact", "escalation email", "escalation support contact"],
    ),
    (
        "support.contacts",
        &[
            "support contact",
            "support contacts",
            "support email",
            "support address",
            "support phone",
            "support url",
            "support page",
            "contact email",
            "public contact",
            "customer support",
        ],
    ),
];

/// Labels too common in a review's sentences to name their field alone.
pub(super) const GENERIC_LABELS: &[&str] =
    &["Connector", "Scope", "Version", "Password", "Username"];
