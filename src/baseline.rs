//! Baselines: record today's findings so CI fails only on new ones.
//!
//! An entry is keyed on content, not position: rule id, path, the matched prose and the
//! sentence, each normalised (case, whitespace, typographic quotes and dashes), hashed with
//! FNV-1a (stable across Rust versions and platforms, unlike std's `DefaultHasher`). Moving a
//! paragraph or editing another line keeps an entry matched; the same claim made twice in one
//! file is counted twice. The file is sorted and pretty-printed so it diffs well in review.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::engine::Finding;

/// The only baseline format this build reads and writes.
pub const VERSION: u32 = 1;

/// The baseline file as written.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    /// Format version, 1.
    pub version: u32,
    /// Entries sorted by path, rule and fingerprint.
    pub findings: Vec<Entry>,
}

/// One recorded claim.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The file, as shown in output.
    pub path: String,
    /// The rule id.
    pub rule: String,
    /// Hash of rule, path, normalised match and normalised sentence (16 hex digits).
    pub fingerprint: String,
    /// How many times this claim occurs in the file.
    pub count: usize,
    /// The matched prose, for people reading the file.
    #[serde(rename = "match")]
    pub matched: String,
    /// The sentence, for people reading the file.
    pub sentence: String,
}

/// A problem reading or writing a baseline.
#[derive(Debug, thiserror::Error)]
pub enum BaselineError {
    /// The file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// What the OS said.
        source: io::Error,
    },
    /// The file is not a baseline.
    #[error("{path}: not an overclaim baseline: {message}")]
    Invalid {
        /// The path.
        path: String,
        /// What serde said, with line and column.
        message: String,
    },
    /// The file is a baseline of a format this build does not know; reading it as version 1
    /// could hide findings it never recorded.
    #[error("{path}: baseline version {found} is not supported (this overclaim reads version {VERSION})")]
    Unsupported {
        /// The path.
        path: String,
        /// The `version` the file gives.
        found: serde_json::Value,
    },
    /// `--write-baseline` names something that is not a regular file (a FIFO, a device, a
    /// folder): replacing it with a file would break whatever uses it.
    #[error("{path}: not a regular file ({kind}); refusing to overwrite it with a baseline")]
    NotAFile {
        /// The path as given.
        path: String,
        /// "a FIFO", "a directory", …
        kind: &'static str,
    },
}

impl BaselineError {
    /// The file this error is about.
    pub fn path(&self) -> &str {
        match self {
            BaselineError::Io { path, .. }
            | BaselineError::Invalid { path, .. }
            | BaselineError::Unsupported { path, .. }
            | BaselineError::NotAFile { path, .. } => path,
        }
    }
}

/// Only the `version` of a baseline, read before the rest so a file of another version is
/// refused for its version rather than for fields this build does not know.
#[derive(Deserialize)]
struct VersionOnly {
    version: Option<serde_json::Value>,
}

/// Follow symlinks from `path` to the file they name (which may not exist yet), so writing
/// replaces the target and leaves the link in place.
fn resolve_symlinks(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    // The kernel's own limit on a chain of links (Linux MAXSYMLINKS).
    for _ in 0..40 {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = fs::read_link(&current)?;
                current = match current.parent() {
                    Some(parent) if target.is_relative() => parent.join(target),
                    _ => target,
                };
            }
            Ok(_) => return Ok(current),
            Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(current),
            Err(err) => return Err(err),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// What a file that is not a regular file is, for the message that refuses to replace it.
fn kind_of(file_type: fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if file_type.is_dir() {
        "a directory"
    } else if file_type.is_fifo() {
        "a FIFO"
    } else if file_type.is_char_device() || file_type.is_block_device() {
        "a device"
    } else if file_type.is_socket() {
        "a socket"
    } else {
        "not a file"
    }
}

/// Lowercase, one space for any run of whitespace, straight quotes, ASCII hyphens.
fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            match c {
                '‘' | '’' | '′' => out.push('\''),
                '“' | '”' | '″' => out.push('"'),
                '\u{2010}'..='\u{2015}' => out.push('-'),
                c => out.extend(c.to_lowercase()),
            }
        }
    }
    out
}

/// FNV-1a, 64 bits: tiny, stable, and good enough to tell claims apart.
pub(crate) fn fnv1a(parts: &[&str]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.bytes().chain(std::iter::once(0)) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    hash
}

/// The fingerprint of a finding in `path`.
pub fn fingerprint(path: &str, finding: &Finding) -> String {
    let matched = normalise(&finding.matched);
    let sentence = normalise(&finding.sentence_text);
    format!(
        "{:016x}",
        fnv1a(&[&finding.rule, path, &matched, &sentence])
    )
}

impl Baseline {
    /// A baseline of these findings (path, findings per file).
    pub fn record<'a>(files: impl IntoIterator<Item = (&'a str, &'a [Finding])>) -> Baseline {
        let mut counts: BTreeMap<(String, String, String), Entry> = BTreeMap::new();
        for (path, findings) in files {
            for finding in findings {
                let fingerprint = fingerprint(path, finding);
                counts
                    .entry((path.to_owned(), finding.rule.clone(), fingerprint.clone()))
                    .and_modify(|entry| entry.count += 1)
                    .or_insert_with(|| Entry {
                        path: path.to_owned(),
                        rule: finding.rule.clone(),
                        fingerprint,
                        count: 1,
                        matched: finding.matched.clone(),
                        sentence: finding.sentence_text.to_string(),
                    });
            }
        }
        Baseline {
            version: VERSION,
            findings: counts.into_values().collect(),
        }
    }

    /// Read a baseline file.
    pub fn load(path: &Path) -> Result<Baseline, BaselineError> {
        let shown = path.display().to_string();
        let text = fs::read_to_string(path).map_err(|source| BaselineError::Io {
            path: shown.clone(),
            source,
        })?;
        if let Ok(VersionOnly {
            version: Some(found),
        }) = serde_json::from_str::<VersionOnly>(&text)
        {
            if found.as_u64() != Some(u64::from(VERSION)) {
                return Err(BaselineError::Unsupported { path: shown, found });
            }
        }
        serde_json::from_str(&text).map_err(|err| BaselineError::Invalid {
            path: shown,
            message: err.to_string(),
        })
    }

    /// Write this baseline, sorted and pretty-printed, always atomically (a temporary file in
    /// the same folder, renamed into place), so a full disk or a crash leaves the old baseline
    /// or the new one, never an empty file. A symlink is followed and its target written; a
    /// FIFO, device or folder is refused.
    pub fn write(&self, path: &Path) -> Result<(), BaselineError> {
        let io_error = |source| BaselineError::Io {
            path: path.display().to_string(),
            source,
        };
        let mut text =
            serde_json::to_string_pretty(self).map_err(|err| io_error(io::Error::other(err)))?;
        text.push('\n');
        let target = resolve_symlinks(path).map_err(io_error)?;
        match fs::metadata(&target) {
            Ok(meta) if meta.is_file() => {
                crate::fix::write_atomically(&target, text.as_bytes()).map_err(io_error)
            }
            Ok(meta) => Err(BaselineError::NotAFile {
                path: path.display().to_string(),
                kind: kind_of(meta.file_type()),
            }),
            Err(err) if err.kind() == io::ErrorKind::NotFound => {
                write_new_atomically(&target, text.as_bytes()).map_err(io_error)
            }
            Err(err) => Err(io_error(err)),
        }
    }
}

/// Create `path` through a temporary file in its folder. `fix::write_atomically` copies an
/// existing file's permissions; a new file gets the permissions of any file the user creates
/// (0666 less the umask, applied by the OS at open) rather than a temporary file's 0600.
fn write_new_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::PermissionsExt;
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".overclaim-baseline")
        .permissions(fs::Permissions::from_mode(0o666))
        .tempfile_in(dir)?;
    temp.write_all(contents)?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|err| err.error)?;
    Ok(())
}

/// What [`Matcher::take`] left over: the entries that no finding matched.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stale {
    /// Entries (with the number of occurrences that no longer exist).
    pub entries: Vec<Entry>,
}

/// Matches findings against a baseline, using each entry at most `count` times.
#[derive(Debug, Clone)]
pub struct Matcher {
    remaining: BTreeMap<(String, String), (usize, Entry)>,
}

impl Matcher {
    /// Start matching against `baseline`.
    pub fn new(baseline: &Baseline) -> Matcher {
        let remaining = baseline
            .findings
            .iter()
            .map(|entry| {
                (
                    (entry.path.clone(), entry.fingerprint.clone()),
                    (entry.count, entry.clone()),
                )
            })
            .collect();
        Matcher { remaining }
    }

    /// Is this finding in the baseline? Uses up one occurrence if so.
    pub fn take(&mut self, path: &str, finding: &Finding) -> bool {
        let key = (path.to_owned(), fingerprint(path, finding));
        match self.remaining.get_mut(&key) {
            Some((left, _)) if *left > 0 => {
                *left -= 1;
                true
            }
            _ => false,
        }
    }

    /// Entries with occurrences that no finding used: the claim was removed or changed, so
    /// the baseline can be pruned with `--write-baseline`.
    pub fn stale(self) -> Stale {
        Stale {
            entries: self
                .remaining
                .into_values()
                .filter(|(left, _)| *left > 0)
                .map(|(left, entry)| Entry {
                    count: left,
                    ..entry
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Severity;
    use crate::source::Span;

    fn finding(rule: &str, matched: &str, sentence: &str, start: usize) -> Finding {
        Finding {
            rule: rule.to_owned(),
            category: "cure".to_owned(),
            severity: Severity::Error,
            span: Span {
                start,
                end: start + matched.len(),
            },
            sentence: Span {
                start,
                end: start + sentence.len(),
            },
            matched: matched.to_owned(),
            sentence_text: sentence.into(),
            message: String::new(),
            suggestions: Vec::new(),
            fix: None,
            softened_by: Vec::new(),
        }
    }

    #[test]
    fn fingerprint_ignores_position_case_whitespace_and_quote_style() {
        let a = finding("cure-claim", "cures arthritis", "It “cures” arthritis.", 10);
        let b = finding(
            "cure-claim",
            "Cures  arthritis",
            "It \"cures\"\narthritis.",
            900,
        );
        assert_eq!(fingerprint("page.md", &a), fingerprint("page.md", &b));
        assert_ne!(fingerprint("page.md", &a), fingerprint("other.md", &a));
        let other_rule = finding(
            "cure-noun-claim",
            "cures arthritis",
            "It “cures” arthritis.",
            10,
        );
        assert_ne!(
            fingerprint("page.md", &a),
            fingerprint("page.md", &other_rule)
        );
    }

    #[test]
    fn fingerprint_is_stable_across_releases() {
        // A baseline written today must match tomorrow: this value may never change. It was
        // computed independently (FNV-1a 64 over the NUL-terminated parts, in Python).
        let a = finding("cure-claim", "cures arthritis", "PRP cures arthritis.", 0);
        assert_eq!(fingerprint("page.md", &a), "4aeefb73820c80af");
    }

    #[test]
    fn duplicates_are_counted_and_each_occurrence_matched_once() {
        let claim = finding("cure-claim", "cures arthritis", "PRP cures arthritis.", 0);
        let findings = [
            claim.clone(),
            finding("cure-claim", "cures arthritis", "PRP cures arthritis.", 50),
        ];
        let baseline = Baseline::record([("page.md", &findings[..])]);
        assert_eq!(baseline.findings.len(), 1);
        assert_eq!(baseline.findings[0].count, 2);
        let mut matcher = Matcher::new(&baseline);
        assert!(matcher.take("page.md", &claim));
        assert!(matcher.take("page.md", &claim));
        assert!(!matcher.take("page.md", &claim), "a third copy is new");
        assert!(matcher.stale().entries.is_empty());
    }

    #[test]
    fn unmatched_entries_are_stale() {
        let findings = [finding(
            "cure-claim",
            "cures arthritis",
            "PRP cures arthritis.",
            0,
        )];
        let baseline = Baseline::record([("page.md", &findings[..])]);
        let stale = Matcher::new(&baseline).stale();
        assert_eq!(stale.entries.len(), 1);
        assert_eq!(stale.entries[0].matched, "cures arthritis");
    }

    #[test]
    fn baseline_round_trips_through_a_sorted_file() {
        let findings = [
            finding("hype-word", "miracle shot", "A miracle shot.", 30),
            finding("cure-claim", "cures arthritis", "PRP cures arthritis.", 0),
        ];
        let baseline = Baseline::record([("b.md", &findings[..1]), ("a.md", &findings[1..])]);
        assert_eq!(baseline.findings[0].path, "a.md");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("baseline.json");
        baseline.write(&path).unwrap();
        assert_eq!(Baseline::load(&path).unwrap(), baseline);
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.starts_with("{\n  \"version\": 1,"), "{text}");
        fs::write(&path, "{\"version\": 1, \"entries\": []}").unwrap();
        assert!(matches!(
            Baseline::load(&path),
            Err(BaselineError::Invalid { .. })
        ));
    }
}
