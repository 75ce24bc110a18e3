//! input: which files to check, and their bytes.
//!
//! Expands the paths given on the command line (files, folders searched recursively for
//! `*.txt` and `*.md`, `-` for stdin) into a sorted, de-duplicated list, and reads each one
//! read-only. A path that does not exist is a usage error; a file that cannot be read is kept
//! as an [`Input`] whose content is the reason, so the run reports it and checks the rest.

use std::collections::BTreeSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Extensions of files found inside folders (Markdown and HTML are read for their prose).
pub const TEXT_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm"];

/// Whether `path` names a text a folder is checked for: one of [`TEXT_EXTENSIONS`], in any case.
pub fn is_text(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| TEXT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// A text to check: its display name and its bytes, or why they could not be read.
pub struct Input {
    pub name: String,
    /// The file it was read from, which the output may read again; `None` for stdin and
    /// texts made in memory.
    pub path: Option<PathBuf>,
    pub content: Result<Vec<u8>, String>,
}

impl Input {
    /// A text made in memory, checked under `name`: nothing to read, nothing to read again.
    pub fn from_text(name: impl Into<String>, text: &str) -> Input {
        Input {
            name: name.into(),
            path: None,
            content: Ok(text.as_bytes().to_vec()),
        }
    }
}

/// A path on the command line that cannot be checked at all.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("nie można sprawdzić ścieżki {path}: {reason}")]
#[diagnostic(
    code(rolelint::input::missing),
    help("podaj istniejący plik, katalog albo - dla wejścia standardowego")
)]
pub struct MissingPath {
    pub path: PathBuf,
    pub reason: String,
}

/// One entry of the expanded command line.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    Stdin,
    File(PathBuf),
}

/// Why a file could not be read or written, in Polish where the system's reason is a common
/// one, as the system says it otherwise. Errors that keep the `io::Error` as their source say
/// this in their message and leave the system's own words to the cause miette prints below.
pub fn reason(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::NotFound => "nie ma takiego pliku ani katalogu".to_owned(),
        ErrorKind::PermissionDenied => "brak uprawnień".to_owned(),
        ErrorKind::IsADirectory => "to katalog, a nie plik".to_owned(),
        ErrorKind::NotADirectory => "część ścieżki nie jest katalogiem".to_owned(),
        ErrorKind::StorageFull => "brak miejsca na dysku".to_owned(),
        _ => error.to_string(),
    }
}

/// Expand command-line paths into sources; folders are walked recursively in sorted order
/// without following symbolic links to folders (so a link loop cannot trap the walk).
pub fn discover(paths: &[PathBuf]) -> Result<Vec<Source>, MissingPath> {
    let mut sources = Vec::new();
    let mut seen = BTreeSet::new();
    for path in paths {
        if path.as_os_str() == "-" {
            sources.push(Source::Stdin);
            continue;
        }
        let metadata = fs::metadata(path).map_err(|e| MissingPath {
            path: path.clone(),
            reason: reason(&e),
        })?;
        let mut found = Vec::new();
        if metadata.is_dir() {
            walk(path, &mut found);
            found.sort();
        } else {
            found.push(path.clone());
        }
        for file in found {
            if seen.insert(file.clone()) {
                sources.push(Source::File(file));
            }
        }
    }
    Ok(sources)
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(file_type) = entry.file_type() else {
            continue;
        };
        if file_type.is_dir() {
            walk(&path, found);
        } else if is_text(&path) {
            found.push(path);
        }
    }
}

/// Read one source. Only regular files (or links to them) are read; anything else is refused
/// with a reason rather than opened, so a FIFO or device cannot block the run.
pub fn read(source: &Source) -> Input {
    match source {
        Source::Stdin => {
            // One byte past the limit is enough to refuse it: more is never read.
            let limit = crate::decode::MAX_TEXT as u64 + 1;
            let mut bytes = Vec::new();
            let content = std::io::stdin()
                .take(limit)
                .read_to_end(&mut bytes)
                .map(|_| bytes)
                .map_err(|e| reason(&e));
            Input {
                name: "<stdin>".to_owned(),
                path: None,
                content,
            }
        }
        Source::File(path) => Input {
            name: path.display().to_string(),
            path: Some(path.clone()),
            content: read_file(path),
        },
    }
}

fn read_file(path: &Path) -> Result<Vec<u8>, String> {
    let metadata = fs::metadata(path).map_err(|e| reason(&e))?;
    if !metadata.is_file() {
        return Err("to nie jest zwykły plik".to_owned());
    }
    if metadata.len() > crate::decode::MAX_TEXT as u64 {
        return Err(crate::decode::DecodeError::TooLarge.to_string());
    }
    fs::read(path).map_err(|e| reason(&e))
}
