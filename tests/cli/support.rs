//! `Case`: a temporary folder with files, a command line, and what the run left behind.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::cargo::cargo_bin_cmd;
use tempfile::TempDir;

/// A test case: files in a fresh temporary folder, and the arguments to run there.
pub struct Case {
    dir: TempDir,
    args: Vec<String>,
    stdin: Option<Vec<u8>>,
    cwd: PathBuf,
}

/// What a run printed and how it exited.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Case {
    pub fn new() -> Case {
        let dir = tempfile::Builder::new()
            .prefix("overclaim-test")
            .tempdir()
            .expect("temp dir");
        let cwd = dir.path().to_path_buf();
        Case {
            dir,
            args: Vec::new(),
            stdin: None,
            cwd,
        }
    }

    /// Write a file (parents created) relative to the case folder.
    pub fn file(self, path: &str, contents: impl AsRef<[u8]>) -> Case {
        let full = self.dir.path().join(path);
        if let Some(parent) = full.parent() {
            fs::create_dir_all(parent).expect("create parent");
        }
        fs::write(full, contents).expect("write file");
        self
    }

    /// Append arguments.
    pub fn args<'a>(mut self, args: impl IntoIterator<Item = &'a str>) -> Case {
        self.args.extend(args.into_iter().map(str::to_owned));
        self
    }

    /// Feed standard input.
    pub fn stdin(mut self, text: &str) -> Case {
        self.stdin = Some(text.as_bytes().to_vec());
        self
    }

    /// Feed these bytes on standard input (binary, not UTF-8).
    pub fn stdin_bytes(mut self, bytes: &[u8]) -> Case {
        self.stdin = Some(bytes.to_vec());
        self
    }

    /// Run in this subfolder of the case folder instead of its root.
    pub fn cwd(mut self, sub: &str) -> Case {
        self.cwd = self.dir.path().join(sub);
        fs::create_dir_all(&self.cwd).expect("create cwd");
        self
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn read(&self, path: &str) -> Vec<u8> {
        fs::read(self.dir.path().join(path)).expect("read file")
    }

    pub fn run(&self) -> Run {
        let args: Vec<&str> = self.args.iter().map(String::as_str).collect();
        self.run_with(&args)
    }

    /// Run with these arguments instead of the ones set with [`Case::args`], so one case
    /// can be run several ways.
    pub fn run_with(&self, args: &[&str]) -> Run {
        let mut command = cargo_bin_cmd!("overclaim");
        command
            .current_dir(&self.cwd)
            .args(args)
            .env_remove("NO_COLOR")
            .env("RAYON_NUM_THREADS", "2");
        if let Some(stdin) = &self.stdin {
            command.write_stdin(stdin.clone());
        }
        let output = command.output().expect("run overclaim");
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

impl Run {
    /// The parsed JSON document on stdout.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }

    /// The rule ids of the JSON findings, in output order.
    pub fn rules(&self) -> Vec<String> {
        self.finding_field("rule")
    }

    /// The paths of the JSON findings, in output order.
    pub fn paths(&self) -> Vec<String> {
        self.finding_field("path")
    }

    fn finding_field(&self, field: &str) -> Vec<String> {
        self.json()["findings"]
            .as_array()
            .expect("findings array")
            .iter()
            .map(|f| f[field].as_str().expect(field).to_owned())
            .collect()
    }
}

/// A small valid pack with one rule, for tests of user packs and config.
pub const HOUSE_PACK: &str = r#"categories = ["house-style"]

[[rule]]
id = "house-miracle"
category = "house-style"
severity = "warning"
message = "House style: don't call a treatment a {thing}"
why = "Our editorial policy forbids calling treatments miracles."
references = ["https://example.org/style"]
patterns = ['\bmiracle\s+(?P<thing>shot|injection|treatment)s?\b']
unless = ["negated", "attributed"]
suggest = ["an injection that is being studied"]
fix = { replace = "injection", applicability = "unsafe" }
flag = ["Try our miracle shot today.", "A miracle injection for sore knees."]
pass = ["This is not a miracle shot.", "Beware of clinics that advertise a miracle shot."]
"#;
