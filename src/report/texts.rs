//! texts: a checked file's text after the check — kept in memory, or read again from disk
//! when a renderer needs it.
//!
//! A run on a large corpus would otherwise hold every text until the output is written. A
//! run keeps texts while a byte budget lasts ([`TextBudget`]); past it, a file's report
//! remembers the file's path and a digest of its bytes, and [`FileText::load`] reads it
//! again, refusing with [`TextChanged`] when the bytes are not the ones that were checked.
//! Texts from stdin or from memory are always kept: there is nothing to read again.

use std::collections::VecDeque;
use std::collections::hash_map::Entry;
use std::hash::Hasher;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use rustc_hash::{FxHashMap, FxHasher};

use super::FileReport;

/// Bytes of text a run keeps in memory before it starts reading texts again when rendering:
/// a typical repository of texts (a few MB) is never read twice.
pub const DEFAULT_BUDGET: usize = 4 << 20;

/// Where a checked file's text is after the check.
#[derive(Debug, Clone)]
pub enum FileText {
    /// Kept in memory.
    Kept(Arc<str>),
    /// To be read again from `path`; `digest` identifies the bytes that were checked.
    OnDisk { path: PathBuf, digest: Digest },
}

/// The length and a 64-bit hash of a file's bytes: enough to notice a file that changed
/// between the check and the output, not a cryptographic proof.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Digest {
    len: usize,
    hash: u64,
}

impl Digest {
    pub fn of(bytes: &[u8]) -> Digest {
        let mut hasher = FxHasher::default();
        hasher.write(bytes);
        Digest {
            len: bytes.len(),
            hash: hasher.finish(),
        }
    }
}

/// A file that was checked but is not the same when its text is needed for the output.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("plik {path} zmienił się w trakcie sprawdzania: {reason}")]
#[diagnostic(
    code(rolelint::input::changed),
    help(
        "rolelint czyta duże pliki ponownie, by wypisać wynik; uruchom go jeszcze raz, gdy żaden \
         program nie będzie zmieniał sprawdzanych plików"
    )
)]
pub struct TextChanged {
    pub path: String,
    pub reason: String,
}

impl FileText {
    /// The text, read again and decoded when it was not kept. `display` names the file in
    /// the error.
    pub fn load(&self, display: &str) -> Result<Arc<str>, TextChanged> {
        let (path, digest) = match self {
            FileText::Kept(text) => return Ok(Arc::clone(text)),
            FileText::OnDisk { path, digest } => (path, digest),
        };
        let changed = |reason: String| TextChanged {
            path: display.to_owned(),
            reason,
        };
        let len = std::fs::metadata(path)
            .map_err(|e| changed(crate::input::reason(&e)))?
            .len();
        if usize::try_from(len).ok() != Some(digest.len) {
            return Err(changed(format!(
                "ma {}, a miał {}",
                crate::plural::bytes(len),
                crate::plural::bytes(digest.len as u64)
            )));
        }
        let bytes = std::fs::read(path).map_err(|e| changed(crate::input::reason(&e)))?;
        if Digest::of(&bytes) != *digest {
            return Err(changed("ma inną treść niż przy sprawdzaniu".to_owned()));
        }
        crate::decode::decode_original(&bytes)
            .map(|(text, _)| Arc::from(text))
            .map_err(|e| changed(e.to_string()))
    }
}

/// How many more bytes of text a run may keep; shared by the threads that check files.
#[derive(Debug)]
pub struct TextBudget(AtomicUsize);

impl TextBudget {
    pub fn new(bytes: usize) -> TextBudget {
        TextBudget(AtomicUsize::new(bytes))
    }

    /// Take `len` bytes from the budget if that many are left.
    pub fn take(&self, len: usize) -> bool {
        self.0
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |left| {
                left.checked_sub(len)
            })
            .is_ok()
    }
}

/// The texts of a report's files for a renderer that visits them in no fixed order (a
/// finding cites several files), each made once into what the renderer reads (`make`). Texts
/// the report kept are made once and held (they are within the run's keep budget already);
/// texts read again from disk are held while they fit in [`DEFAULT_BUDGET`] bytes, the first
/// read leaving first. What `make` adds to a text (a line table) is not counted. Shared by the
/// threads that render.
pub struct TextCache<'a, T> {
    files: &'a [FileReport],
    make: fn(Arc<str>) -> T,
    held: Mutex<Held<T>>,
}

/// What a [`TextCache`] holds: every text made, and in `reread` the texts read again from
/// disk, first read first, with their total length.
struct Held<T> {
    by_file: FxHashMap<usize, T>,
    reread: VecDeque<(usize, usize)>,
    reread_bytes: usize,
}

impl<'a, T: Clone> TextCache<'a, T> {
    pub fn new(files: &'a [FileReport], make: fn(Arc<str>) -> T) -> TextCache<'a, T> {
        TextCache {
            files,
            make,
            held: Mutex::new(Held {
                by_file: FxHashMap::default(),
                reread: VecDeque::new(),
                reread_bytes: 0,
            }),
        }
    }

    /// The text of file `file`, as `make` made it.
    pub fn get(&self, file: usize) -> Result<T, TextChanged> {
        if let Some(made) = self.held().by_file.get(&file) {
            return Ok(made.clone());
        }
        // Read and made without the lock, so other threads find their texts meanwhile.
        let report = &self.files[file];
        let kept = matches!(report.text, FileText::Kept(_));
        let text = report.read_text()?;
        let len = text.len();
        let made = (self.make)(text);
        let mut held = self.held();
        if let Entry::Vacant(slot) = held.by_file.entry(file) {
            slot.insert(made.clone());
            if !kept {
                held.reread.push_back((file, len));
                held.reread_bytes += len;
            }
        }
        while held.reread_bytes > DEFAULT_BUDGET && held.reread.len() > 1 {
            let Some((old, len)) = held.reread.pop_front() else {
                break;
            };
            held.by_file.remove(&old);
            held.reread_bytes -= len;
        }
        Ok(made)
    }

    fn held(&self) -> std::sync::MutexGuard<'_, Held<T>> {
        // The cache is whole after any panic: each change completes under the lock.
        self.held
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}
