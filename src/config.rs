//! `overclaim.toml`: the serde model, discovery, and the merge with command-line flags.
//!
//! Layering is defaults ← config file ← flags, in one place ([`Settings::resolve`]). Rule and
//! category names in the config are checked against the loaded rules later
//! ([`Settings::check_names`]) because packs are only known after loading.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;
use toml::Spanned;

use crate::cli::{CheckArgs, FailOn, Level, PackArgs};
use crate::error::Location;
use crate::rules::{RuleSet, Severity};

/// The names config discovery looks for, in order, in each folder from the working directory up.
pub const CONFIG_NAMES: [&str; 2] = ["overclaim.toml", ".overclaim.toml"];

/// A mistake in a config file.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file could not be read.
    #[error("{path}: cannot read config: {source}")]
    Io {
        /// The path.
        path: String,
        /// What the OS said.
        source: io::Error,
    },
    /// The file is not a valid config.
    #[error("{at}: {message}")]
    Invalid {
        /// What is wrong.
        message: String,
        /// Where.
        at: Location,
    },
}

/// The config file as written.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
struct ConfigFile {
    include: Option<Vec<Spanned<String>>>,
    exclude: Option<Vec<Spanned<String>>>,
    rules: Option<Vec<String>>,
    select: Option<Vec<Spanned<String>>>,
    ignore: Option<Vec<Spanned<String>>>,
    min_severity: Option<Severity>,
    fail_on: Option<FailOn>,
    severity: Option<BTreeMap<Spanned<String>, Severity>>,
    #[serde(alias = "require_reason")]
    require_reason: Option<bool>,
    baseline: Option<String>,
}

/// A rule id or category named by the user, with where it was written (for config entries).
#[derive(Debug, Clone)]
pub struct Name {
    /// The name.
    pub name: String,
    /// Where in the config file; `None` for command-line flags.
    pub at: Option<Location>,
}

impl Name {
    fn flag(name: &str) -> Name {
        Name {
            name: name.to_owned(),
            at: None,
        }
    }

    fn spanned(name: &Spanned<String>, path: &str, text: &Arc<str>) -> Name {
        Name {
            name: name.get_ref().clone(),
            at: Some(Location::new(path, text, name.span())),
        }
    }

    /// Does this name select `rule` (by id or category)?
    pub fn selects(&self, id: &str, category: &str) -> bool {
        self.name == id || self.name == category
    }
}

/// Everything a run needs, with no `Option`s left to resolve.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The config file used, if any.
    pub config_path: Option<PathBuf>,
    /// Folder that relative globs and pack paths are resolved against.
    pub root: PathBuf,
    /// Globs of files to check when walking folders; empty means the default prose extensions.
    pub include: Vec<String>,
    /// Globs of files to skip when walking folders.
    pub exclude: Vec<String>,
    /// Extra rule packs, config's first, then `--rules`.
    pub packs: Vec<PathBuf>,
    /// Only these rules or categories (empty: all).
    pub select: Vec<Name>,
    /// Never these rules or categories.
    pub ignore: Vec<Name>,
    /// Severity overrides by rule id or category; a rule id wins over its category.
    pub severity: Vec<(Name, Severity)>,
    /// Findings below this are not reported.
    pub min_severity: Severity,
    /// Findings at or above this exit 1.
    pub fail_on: FailOn,
    /// Inline suppressions must give a reason (`-- why`).
    pub require_reason: bool,
    /// Findings recorded here are hidden.
    pub baseline: Option<PathBuf>,
}

impl Settings {
    /// Defaults for a run in `cwd` with no config file.
    pub fn defaults(cwd: &Path) -> Settings {
        Settings {
            config_path: None,
            root: cwd.to_path_buf(),
            include: Vec::new(),
            exclude: Vec::new(),
            packs: Vec::new(),
            select: Vec::new(),
            ignore: Vec::new(),
            severity: Vec::new(),
            min_severity: Severity::Warning,
            fail_on: FailOn::Warning,
            require_reason: false,
            baseline: None,
        }
    }

    /// Settings for commands that only load rules (`rules`, `explain`).
    pub fn for_packs(packs: &PackArgs, cwd: &Path) -> Result<Settings, ConfigError> {
        let args = CheckArgs {
            packs: packs.clone(),
            ..CheckArgs::default()
        };
        Settings::resolve(&args, cwd)
    }

    /// Defaults ← config file (discovered from `cwd` or `--config`) ← flags.
    pub fn resolve(args: &CheckArgs, cwd: &Path) -> Result<Settings, ConfigError> {
        let mut settings = Settings::defaults(cwd);
        let path = if args.packs.no_config {
            None
        } else {
            match &args.packs.config {
                Some(path) => Some(cwd.join(path)),
                None => discover(cwd),
            }
        };
        if let Some(path) = path {
            settings.apply_file(&path)?;
        }
        settings.packs.extend(args.packs.packs.iter().cloned());
        // Show paths as the user would type them from here.
        // The pack folder may be the working directory itself: that is `.`, not an empty path.
        for pack in &mut settings.packs {
            if let Ok(relative) = pack.strip_prefix(cwd) {
                *pack = if relative.as_os_str().is_empty() {
                    PathBuf::from(".")
                } else {
                    relative.to_path_buf()
                };
            }
        }
        if !args.select.is_empty() {
            settings.select = args.select.iter().map(|name| Name::flag(name)).collect();
        }
        settings
            .ignore
            .extend(args.ignore.iter().map(|name| Name::flag(name)));
        if let Some(level) = args.min_severity {
            settings.min_severity = match level {
                Level::Info => Severity::Info,
                Level::Warning => Severity::Warning,
                Level::Error => Severity::Error,
            };
        }
        if let Some(fail_on) = args.fail_on {
            settings.fail_on = fail_on;
        }
        if let Some(baseline) = &args.baseline {
            settings.baseline = Some(baseline.clone());
        }
        if let Some(baseline) = &mut settings.baseline {
            if let Ok(relative) = baseline.strip_prefix(cwd) {
                *baseline = relative.to_path_buf();
            }
        }
        Ok(settings)
    }

    fn apply_file(&mut self, path: &Path) -> Result<(), ConfigError> {
        let shown = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|source| ConfigError::Io {
            path: shown.clone(),
            source,
        })?;
        let text = String::from_utf8(bytes).map_err(|err| ConfigError::Io {
            path: shown.clone(),
            source: not_utf8(err.as_bytes(), err.utf8_error().valid_up_to()),
        })?;
        let text: Arc<str> = Arc::from(text);
        let file = parse(&shown, &text)?;
        let root = path.parent().unwrap_or(Path::new(".")).to_path_buf();
        if let Some(include) = file.include {
            self.include = globs(&include, "include", &shown, &text)?;
        }
        if let Some(exclude) = file.exclude {
            self.exclude = globs(&exclude, "exclude", &shown, &text)?;
        }
        if let Some(rules) = file.rules {
            self.packs = rules.iter().map(|pack| root.join(pack)).collect();
        }
        let named = |list: Vec<Spanned<String>>| -> Vec<Name> {
            list.iter()
                .map(|name| Name::spanned(name, &shown, &text))
                .collect()
        };
        if let Some(select) = file.select {
            self.select = named(select);
        }
        if let Some(ignore) = file.ignore {
            self.ignore = named(ignore);
        }
        if let Some(severity) = file.severity {
            self.severity = severity
                .into_iter()
                .map(|(name, level)| (Name::spanned(&name, &shown, &text), level))
                .collect();
        }
        if let Some(min) = file.min_severity {
            self.min_severity = min;
        }
        if let Some(fail_on) = file.fail_on {
            self.fail_on = fail_on;
        }
        if let Some(require) = file.require_reason {
            self.require_reason = require;
        }
        if let Some(baseline) = file.baseline {
            self.baseline = Some(root.join(baseline));
        }
        self.config_path = Some(path.to_path_buf());
        self.root = root;
        Ok(())
    }

    /// Every name in `select`, `ignore` and `severity` must be a loaded rule id or category.
    pub fn check_names(&self, rules: &RuleSet) -> Vec<crate::Error> {
        let names = self
            .select
            .iter()
            .chain(&self.ignore)
            .chain(self.severity.iter().map(|(name, _)| name));
        names
            .filter(|name| !rules.knows(&name.name) && !crate::suppress::knows(&name.name))
            .map(|name| {
                let message = format!(
                    "unknown rule or category `{}`{}",
                    name.name,
                    did_you_mean(&name.name, rules)
                );
                match &name.at {
                    Some(at) => ConfigError::Invalid {
                        message,
                        at: at.clone(),
                    }
                    .into(),
                    None => crate::Error::Usage(message),
                }
            })
            .collect()
    }

    /// The rule set this configuration asks for: selected, not ignored, severities overridden.
    pub fn configure(&self, rules: &RuleSet) -> RuleSet {
        rules.configured(
            |rule| {
                (self.select.is_empty()
                    || self
                        .select
                        .iter()
                        .any(|n| n.selects(&rule.id, &rule.category)))
                    && !self
                        .ignore
                        .iter()
                        .any(|n| n.selects(&rule.id, &rule.category))
            },
            |rule| {
                let by_id = self.severity.iter().find(|(n, _)| n.name == rule.id);
                let by_category = self.severity.iter().find(|(n, _)| n.name == rule.category);
                by_id
                    .or(by_category)
                    .map_or(rule.severity, |(_, level)| *level)
            },
        )
    }
}

/// ` (did you mean `cure-claim`?)` when a loaded name is one edit or a prefix away.
pub(crate) fn did_you_mean(name: &str, rules: &RuleSet) -> String {
    let meta = crate::suppress::META_RULES.iter().map(|rule| rule.id);
    let candidates = rules.names().chain(meta).chain([crate::suppress::CATEGORY]);
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        let distance = edit_distance(name, candidate);
        if distance <= 2 && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| format!(" (did you mean `{c}`?)"))
        .unwrap_or_default()
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            let next = (row[j + 1] + 1).min(row[j] + 1).min(prev + cost);
            prev = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

fn parse(path: &str, text: &Arc<str>) -> Result<ConfigFile, ConfigError> {
    toml::from_str(text).map_err(|err| ConfigError::Invalid {
        message: err.message().trim_end().to_owned(),
        at: Location::new(path, text, err.span().unwrap_or(0..0)),
    })
}

/// The globs of `include` or `exclude`, each checked here so that a bad one is reported at its
/// place in the file (the walker, which compiles them, no longer knows where they came from).
fn globs(
    list: &[Spanned<String>],
    key: &str,
    path: &str,
    text: &Arc<str>,
) -> Result<Vec<String>, ConfigError> {
    for glob in list {
        if let Err(err) = globset::Glob::new(glob.get_ref()) {
            return Err(ConfigError::Invalid {
                message: format!("invalid `{key}` glob `{}`: {}", glob.get_ref(), err.kind()),
                at: Location::new(path, text, glob.span()),
            });
        }
    }
    Ok(list.iter().map(|glob| glob.get_ref().clone()).collect())
}

/// The error for a config file whose bytes are not UTF-8 at `offset`: it has no text to show a
/// snippet of, so the message says where, as for a document (`source::SourceError::NotUtf8`).
fn not_utf8(bytes: &[u8], offset: usize) -> io::Error {
    let line = bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1;
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!("not valid UTF-8 (invalid byte at offset {offset}, line {line})"),
    )
}

/// The nearest `overclaim.toml` or `.overclaim.toml` from `cwd` upwards.
pub fn discover(cwd: &Path) -> Option<PathBuf> {
    cwd.ancestors()
        .flat_map(|dir| CONFIG_NAMES.iter().map(move |name| dir.join(name)))
        .find(|path| path.is_file())
}

/// The file `overclaim init` writes.
pub const STARTER: &str = r#"# overclaim configuration. Every key is optional; delete what you don't need.
# Docs: `overclaim --help`, `overclaim rules`, `overclaim explain RULE`.

# Files to check when a folder is walked (globs, relative to this file).
# Default: *.md, *.markdown, *.mdx, *.txt, *.html, *.htm and *.xhtml.
# include = ["content/**/*.md"]

# Files to skip when a folder is walked (explicit paths are always checked).
# exclude = ["drafts/**", "CHANGELOG.md"]

# Extra rule packs: .toml files or folders of them, relative to this file.
# rules = ["house-rules/"]

# Only these rule ids or categories (default: all of them).
# select = ["cure", "regulatory-status", "safety-absolute"]

# Never these rule ids or categories.
# ignore = ["hype-word"]

# Findings below this severity are not reported: "info", "warning" or "error".
# min-severity = "warning"

# Exit with code 1 when a finding is at or above: "info", "warning", "error" or "never".
# fail-on = "warning"

# Inline suppressions (`<!-- overclaim-disable-next-line RULE -- reason -->`) must give a
# reason after ` -- `; one without is reported as an error.
# require-reason = true

# Hide the findings recorded in this file (write it with `overclaim check --write-baseline
# overclaim-baseline.json`), so CI fails only on new claims.
# baseline = "overclaim-baseline.json"

# Severity per rule id or category (a rule id wins over its category).
# [severity]
# hype-word = "warning"
# cure-claim = "error"
"#;

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> Result<ConfigFile, String> {
        parse("overclaim.toml", &Arc::from(text)).map_err(|e| e.to_string())
    }

    #[test]
    fn starter_config_parses() {
        assert!(parsed(STARTER).is_ok());
        let uncommented: String = STARTER
            .lines()
            .filter(|line| {
                line.starts_with("# ") && line.contains(" = ") || line.starts_with("# [")
            })
            .map(|line| format!("{}\n", &line[2..]))
            .collect();
        let file = parsed(&uncommented).expect("every example key is valid");
        assert_eq!(file.fail_on, Some(FailOn::Warning));
        assert_eq!(file.severity.map(|s| s.len()), Some(2));
    }

    #[test]
    fn unknown_key_is_an_error_with_location() {
        let err = parsed("min-severity = \"info\"\nfail_on = \"error\"\n").unwrap_err();
        assert!(
            err.starts_with("overclaim.toml:2:1: unknown field `fail_on`"),
            "{err}"
        );
    }

    #[test]
    fn bad_severity_value_is_an_error() {
        let err = parsed("min-severity = \"high\"\n").unwrap_err();
        assert!(err.starts_with("overclaim.toml:1:16:"), "{err}");
        assert!(err.contains("unknown variant `high`"), "{err}");
    }

    #[test]
    fn a_bad_glob_is_located_at_its_string() {
        let path = std::env::temp_dir().join(format!("overclaim-glob-{}.toml", std::process::id()));
        std::fs::write(
            &path,
            "fail-on = \"never\"\nexclude = [\"ok/**\", \"x/[b\"]\n",
        )
        .unwrap();
        let err = Settings::defaults(Path::new("."))
            .apply_file(&path)
            .unwrap_err()
            .to_string();
        std::fs::remove_file(&path).unwrap();
        assert!(
            err.ends_with(
                ".toml:2:21: invalid `exclude` glob `x/[b`: unclosed character class; missing ']'"
            ),
            "{err}"
        );
    }

    #[test]
    fn not_utf8_names_offset_and_line() {
        assert_eq!(
            not_utf8(b"a\nb\n\xff", 4).to_string(),
            "not valid UTF-8 (invalid byte at offset 4, line 3)"
        );
    }

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("cure-claim", "cure-claim"), 0);
        assert_eq!(edit_distance("cure-clam", "cure-claim"), 1);
        assert_eq!(edit_distance("hype", "hype-word"), 5);
    }
}
