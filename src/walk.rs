//! Which files to check, in what order, and in which format.
//!
//! In: the paths the user gave (`-` for standard input) and the settings' include/exclude
//! globs. Out: [`Input`]s sorted by path, plus errors for paths that do not exist or folders
//! that cannot be walked. Explicit file paths are always checked, whatever their extension or
//! the excludes (like ripgrep); files found by walking a folder are checked when they match
//! `include` (default: the prose extensions) and not `exclude`, honouring `.gitignore` and
//! skipping hidden files.

use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};

use crate::config::Settings;
use crate::error::Error;
use crate::source::Format;

/// Extensions checked when walking a folder with no `include` globs.
pub const PROSE_EXTENSIONS: [&str; 7] = ["md", "markdown", "mdx", "txt", "html", "htm", "xhtml"];

/// One thing to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// Where to read from.
    pub origin: Origin,
    /// The path shown in output.
    pub display: String,
    /// How to parse it.
    pub format: Format,
    /// Named on the command line (checked whatever it holds), rather than found by walking a
    /// folder (skipped quietly when it turns out to be binary, as ripgrep does).
    pub explicit: bool,
}

/// What walking found besides inputs: folders that could not be read, symlink loops. These
/// are warnings, not errors: the rest of the tree is still checked.
pub type Warnings = Vec<String>;

/// Where an input's bytes come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A file on disk.
    File(PathBuf),
    /// Standard input.
    Stdin,
}

impl Origin {
    /// The path as an identity (`./a.md` and `a.md` are one file); `None` for standard input.
    fn key(&self) -> Option<&Path> {
        match self {
            Origin::File(path) => Some(path.strip_prefix("./").unwrap_or(path)),
            Origin::Stdin => None,
        }
    }
}

/// Expand `paths` into inputs. `stdin_name` names standard input and picks its format.
pub fn inputs(
    paths: &[PathBuf],
    settings: &Settings,
    stdin_name: Option<&Path>,
) -> Result<(Vec<Input>, Warnings), Error> {
    let mut inputs = Vec::new();
    let mut warnings = Vec::new();
    let filter = Filter::new(settings)?;
    let default = [PathBuf::from(".")];
    let paths = if paths.is_empty() {
        &default[..]
    } else {
        paths
    };
    for path in paths {
        if path.as_os_str() == "-" {
            let name = stdin_name.unwrap_or(Path::new("<stdin>"));
            inputs.push(Input {
                origin: Origin::Stdin,
                display: name.display().to_string(),
                format: Format::from_path(name),
                explicit: true,
            });
        } else if path.is_dir() {
            walk_dir(path, &filter, &mut inputs, &mut warnings);
        } else {
            // A missing or unreadable path is reported when it is read.
            inputs.push(file_input(path.clone(), true));
        }
    }
    // Sort and deduplicate on the path itself too, not only on `display`: a file name that is
    // not UTF-8 is shown lossily (`caf\xe9.md` and `caf\xe8.md` both show as `caf` U+FFFD
    // `.md`), and deduplicating on `display` alone dropped one of the two files unchecked.
    inputs.sort_by(|a, b| (&a.display, a.origin.key()).cmp(&(&b.display, b.origin.key())));
    inputs.dedup_by(|a, b| a.display == b.display && a.origin.key() == b.origin.key());
    Ok((inputs, warnings))
}

fn file_input(path: PathBuf, explicit: bool) -> Input {
    let display = path
        .strip_prefix("./")
        .unwrap_or(&path)
        .display()
        .to_string();
    Input {
        format: Format::from_path(&path),
        display,
        origin: Origin::File(path),
        explicit,
    }
}

/// Walk `dir` honouring `.gitignore`, `.ignore` and hidden files (the `ignore` crate, as
/// ripgrep does). Symbolic links are not followed, so a link loop cannot hang the walk.
fn walk_dir(dir: &Path, filter: &Filter, inputs: &mut Vec<Input>, warnings: &mut Warnings) {
    for entry in ignore::WalkBuilder::new(dir).build() {
        match entry {
            Ok(entry) => {
                if entry.file_type().is_some_and(|t| t.is_file()) && filter.accepts(entry.path()) {
                    inputs.push(file_input(entry.into_path(), false));
                }
            }
            Err(err) => warnings.push(format!("skipped part of {}: {err}", dir.display())),
        }
    }
}

struct Filter {
    cwd: PathBuf,
    root: PathBuf,
    include: Option<GlobSet>,
    exclude: GlobSet,
}

impl Filter {
    fn new(settings: &Settings) -> Result<Filter, Error> {
        let include = if settings.include.is_empty() {
            None
        } else {
            Some(globs(&settings.include, "include")?)
        };
        Ok(Filter {
            cwd: std::env::current_dir().unwrap_or_default(),
            root: settings.root.clone(),
            include,
            exclude: globs(&settings.exclude, "exclude")?,
        })
    }

    fn accepts(&self, path: &Path) -> bool {
        let absolute = self.cwd.join(path);
        let relative = absolute.strip_prefix(&self.root).unwrap_or(path);
        let relative = relative.strip_prefix("./").unwrap_or(relative);
        if self.exclude.is_match(relative) {
            return false;
        }
        match &self.include {
            Some(include) => include.is_match(relative),
            None => path
                .extension()
                .and_then(|ext| ext.to_str())
                .is_some_and(|ext| PROSE_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str())),
        }
    }
}

fn globs(patterns: &[String], key: &str) -> Result<GlobSet, Error> {
    let mut builder = GlobSetBuilder::new();
    for pattern in patterns {
        let glob = Glob::new(pattern)
            .map_err(|err| Error::Usage(format!("invalid `{key}` glob `{pattern}`: {err}")))?;
        builder.add(glob);
    }
    builder
        .build()
        .map_err(|err| Error::Usage(format!("invalid `{key}` globs: {err}")))
}
