//! Apply rewrites to the original bytes, write files atomically, and show unified diffs.
//!
//! In: a file's text and the edits chosen from its findings. Out: the new text plus which
//! edits were applied and which were not (overlapping another, or crossing markup). Only the
//! matched bytes change, so a BOM, line endings and everything around a claim stay as they
//! were. [`write_atomically`] replaces a file through a temporary file in the same folder
//! (fsync, rename), keeping its owner, group and permissions; it follows symlinks, rewrites a
//! hard-linked file in place and refuses a read-only one.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use crate::engine::{Finding, Fix};
use crate::rules::Applicability;
use crate::source::Span;

/// Fix passes per file before `--fix` gives up: a rewrite can make a claim another rule
/// rewrites, so fixing repeats until nothing changes (ruff repeats up to 100 times; our rule
/// packs chain two or three rewrites at most, so 10 passes means two fixes undo each other).
pub const MAX_FIX_PASSES: usize = 10;

/// The edits of `findings`' fixes at or above `required`, and how many fixes were chosen (a
/// chosen fix without an edit is reported but cannot be applied).
pub fn chosen_edits<'a>(
    findings: impl IntoIterator<Item = &'a Finding>,
    required: Applicability,
) -> (usize, Vec<Edit>) {
    let chosen: Vec<&Fix> = findings
        .into_iter()
        .filter_map(|finding| finding.fix.as_ref().filter(|f| f.applicability >= required))
        .collect();
    let edits = chosen
        .iter()
        .filter_map(|chosen| {
            Some(Edit {
                span: chosen.edit?,
                replacement: chosen.encoded.clone(),
            })
        })
        .collect();
    (chosen.len(), edits)
}

/// Replace the bytes of `span` with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// Bytes of the original file.
    pub span: Span,
    /// What goes there instead.
    pub replacement: String,
}

/// What [`apply`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    /// The rewritten text.
    pub text: String,
    /// Indexes (into the edits given) of the edits that were applied.
    pub applied: Vec<usize>,
    /// Indexes of the edits that were not, because they overlap an edit that was.
    pub skipped: Vec<usize>,
}

/// Apply `edits` to `text`. Edits are taken in order of position, a longer edit first where
/// two start together; an edit that starts before the end of the last applied one is skipped,
/// so the outcome does not depend on the order the edits were given in.
///
/// ```
/// use overclaim::fix::{apply, Edit};
/// use overclaim::Span;
/// let text = "PRP cures arthritis.";
/// let edit = Edit { span: Span { start: 4, end: 19 }, replacement: "may ease arthritis".into() };
/// assert_eq!(apply(text, &[edit]).text, "PRP may ease arthritis.");
/// ```
pub fn apply(text: &str, edits: &[Edit]) -> Applied {
    let mut order: Vec<usize> = (0..edits.len()).collect();
    order.sort_by_key(|&i| (edits[i].span.start, std::cmp::Reverse(edits[i].span.end), i));
    let mut out = String::with_capacity(text.len());
    let mut applied = Vec::new();
    let mut skipped = Vec::new();
    let mut last = 0;
    for i in order {
        let Span { start, end } = edits[i].span;
        let fits = start >= last
            && end <= text.len()
            && start <= end
            && text.is_char_boundary(start)
            && text.is_char_boundary(end);
        if !fits {
            skipped.push(i);
            continue;
        }
        out.push_str(&text[last..start]);
        out.push_str(&edits[i].replacement);
        last = end;
        applied.push(i);
    }
    out.push_str(&text[last..]);
    applied.sort_unstable();
    skipped.sort_unstable();
    Applied {
        text: out,
        applied,
        skipped,
    }
}

/// Replace the file at `path` with `contents`, keeping everything about it but its bytes.
///
/// - A symlink is followed (`canonicalize`): the file it points at is rewritten and the link
///   stays a link.
/// - A file nobody may write (no write bit in its mode, e.g. `0444`) is refused, even for root,
///   and so is a file the OS will not open for writing: replacing it by rename would need only
///   a writable folder. The error says why.
/// - Usually a temporary file in the same folder is written, flushed to disk, given the
///   original's owner, group and permissions, then renamed over it: a crash leaves either the
///   old file or the new one, never half of each.
/// - A file with more than one hard link, or whose owner and group the new file cannot be given
///   (not root, and not a member of the group), is written in place (truncate and write) so the
///   other links, the inode and the ownership stay; a copy of the original is written first
///   next to it and removed when the write succeeded (after a failed write the original is put
///   back, or the copy is kept and named in the error).
///
/// # Errors
///
/// The refusals above, and whatever the OS says.
pub fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let target = fs::canonicalize(path)?;
    let meta = fs::metadata(&target)?;
    if !meta.is_file() {
        return Err(io::Error::other(
            "not a regular file; --fix rewrites only regular files",
        ));
    }
    let mode = meta.permissions().mode();
    if mode & 0o222 == 0 {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            format!(
                "the file is read-only (mode {:04o}); make it writable to fix it",
                mode & 0o7777
            ),
        ));
    }
    // The OS's own check, without truncating: a user who may not write the file must not
    // replace it through the folder.
    fs::OpenOptions::new().write(true).open(&target)?;
    if meta.nlink() > 1 {
        return write_in_place(&target, contents);
    }
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut temp = tempfile::NamedTempFile::new_in(dir)?;
    if std::os::unix::fs::chown(temp.path(), Some(meta.uid()), Some(meta.gid())).is_err() {
        // The new file cannot have the old owner: rewriting in place keeps it.
        drop(temp);
        return write_in_place(&target, contents);
    }
    temp.write_all(contents)?;
    temp.as_file().sync_all()?;
    // After chown, which may clear set-id bits.
    fs::set_permissions(temp.path(), meta.permissions())?;
    temp.persist(&target).map_err(|err| err.error)?;
    Ok(())
}

/// Truncate and rewrite `target` itself, keeping its inode, links and owner, with a backup copy
/// next to it until the write succeeded.
fn write_in_place(target: &Path, contents: &[u8]) -> io::Result<()> {
    let original = fs::read(target)?;
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut backup = tempfile::Builder::new()
        .prefix(".overclaim-backup-")
        .tempfile_in(dir)?;
    backup.write_all(&original)?;
    backup.as_file().sync_all()?;
    let write = |bytes: &[u8]| -> io::Result<()> {
        let mut file = fs::OpenOptions::new()
            .write(true)
            .truncate(true)
            .open(target)?;
        file.write_all(bytes)?;
        file.sync_all()
    };
    if let Err(error) = write(contents) {
        if write(&original).is_err() {
            let kept = backup.into_temp_path().keep().map_err(|e| e.error)?;
            return Err(io::Error::new(
                error.kind(),
                format!("{error}; the original is saved in {}", kept.display()),
            ));
        }
        return Err(error);
    }
    Ok(())
}

/// A unified diff of `old` → `new` for `path`, empty when they are equal.
///
/// Lines are what `patch` and `git apply` take them to be: ended by `\n` only. A file with
/// classic Mac line ends (a lone `\r`) is one line to them, so its diff is one changed line,
/// with `\ No newline at end of file` where a last line has no `\n`, and applies as is.
/// (`similar`'s own line splitting also ends lines at a lone `\r`, which gives a patch that
/// nothing can apply; `similar` still computes the diff.)
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    use std::fmt::Write as _;
    if old == new {
        return String::new();
    }
    let old_lines: Vec<&str> = old.split_inclusive('\n').collect();
    let new_lines: Vec<&str> = new.split_inclusive('\n').collect();
    let diff = similar::TextDiff::configure().diff_slices(&old_lines, &new_lines);
    let mut out = format!("--- a/{path}\n+++ b/{path}\n");
    let push = |out: &mut String, sign: char, line: &str| {
        out.push(sign);
        out.push_str(line);
        if !line.ends_with('\n') {
            out.push_str("\n\\ No newline at end of file\n");
        }
    };
    for group in diff.grouped_ops(2) {
        let (Some(first), Some(last)) = (group.first(), group.last()) else {
            continue;
        };
        let (old_range, new_range) = (
            first.old_range().start..last.old_range().end,
            first.new_range().start..last.new_range().end,
        );
        // GNU style: a range of length 0 names the line before it.
        let header = |range: &std::ops::Range<usize>| {
            let len = range.end - range.start;
            let start = if len == 0 {
                range.start
            } else {
                range.start + 1
            };
            format!("{start},{len}")
        };
        let _ = writeln!(out, "@@ -{} +{} @@", header(&old_range), header(&new_range));
        for op in &group {
            let (tag, old_range, new_range) = op.as_tag_tuple();
            if tag == similar::DiffTag::Equal {
                for line in &old_lines[old_range] {
                    push(&mut out, ' ', line);
                }
                continue;
            }
            for line in &old_lines[old_range] {
                push(&mut out, '-', line);
            }
            for line in &new_lines[new_range] {
                push(&mut out, '+', line);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(start: usize, end: usize, replacement: &str) -> Edit {
        Edit {
            span: Span { start, end },
            replacement: replacement.to_owned(),
        }
    }

    #[test]
    fn fix_single_edit_in_the_middle() {
        let applied = apply("PRP cures arthritis.", &[edit(4, 9, "may ease")]);
        assert_eq!(applied.text, "PRP may ease arthritis.");
        assert_eq!(applied.applied, [0]);
    }

    #[test]
    fn fix_at_start_and_end() {
        let text = "cures all pain";
        let applied = apply(text, &[edit(10, 14, "symptoms"), edit(0, 5, "eases")]);
        assert_eq!(applied.text, "eases all symptoms");
        assert_eq!(applied.applied, [0, 1]);
    }

    #[test]
    fn fix_grows_and_shrinks() {
        let applied = apply("a b c", &[edit(0, 1, "alpha"), edit(4, 5, "")]);
        assert_eq!(applied.text, "alpha b ");
    }

    #[test]
    fn overlapping_edits_keep_the_earlier_then_longer_one() {
        let text = "stem cells regrow cartilage";
        let edits = [
            edit(11, 17, "may help"),
            edit(11, 27, "are being studied"),
            edit(16, 20, "x"),
        ];
        let applied = apply(text, &edits);
        assert_eq!(applied.text, "stem cells are being studied");
        assert_eq!(applied.applied, [1]);
        assert_eq!(applied.skipped, [0, 2]);
    }

    #[test]
    fn edits_off_char_boundaries_or_out_of_range_are_skipped() {
        let text = "“cure”";
        let applied = apply(text, &[edit(1, 4, "x"), edit(3, 99, "y")]);
        assert_eq!(applied.text, text);
        assert_eq!(applied.skipped, [0, 1]);
    }

    #[test]
    fn fix_keeps_crlf_and_bom_bytes_around_the_edit() {
        let text = "\u{feff}Line one.\r\nPRP cures arthritis.\r\n";
        let start = text.find("cures").unwrap();
        let applied = apply(text, &[edit(start, start + 5, "may ease")]);
        assert_eq!(
            applied.text,
            "\u{feff}Line one.\r\nPRP may ease arthritis.\r\n"
        );
    }

    #[test]
    fn write_atomically_replaces_contents_and_keeps_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("page.md");
        fs::write(&path, "old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        write_atomically(&path, b"new").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o640
        );
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file is left"
        );
    }

    #[test]
    fn diff_of_cr_only_text_is_one_line_without_newline() {
        let diff = unified_diff("p.txt", "a\rPRP cures.\rb\r", "a\rPRP may ease.\rb\r");
        assert_eq!(
            diff,
            "--- a/p.txt\n+++ b/p.txt\n@@ -1,1 +1,1 @@\n-a\rPRP cures.\rb\r\n\\ No newline at end of file\n+a\rPRP may ease.\rb\r\n\\ No newline at end of file\n"
        );
    }

    #[test]
    fn diff_has_headers_and_changed_lines() {
        let diff = unified_diff(
            "page.md",
            "a\nPRP cures arthritis.\nb\n",
            "a\nPRP may ease arthritis.\nb\n",
        );
        assert!(diff.starts_with("--- a/page.md\n+++ b/page.md\n"), "{diff}");
        assert!(
            diff.contains("-PRP cures arthritis.\n+PRP may ease arthritis.\n"),
            "{diff}"
        );
        assert_eq!(unified_diff("page.md", "same", "same"), "");
    }
}
