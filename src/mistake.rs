//! mistake: a mistake inside one of rolelint's own input files — a rule file, `rolelint.toml`
//! or a baseline — labelled where it is.
//!
//! The three kinds differ only in their wording, diagnostic code and default help; the file,
//! the message, the labelled place and the help are the same data, so one type carries them.

use std::fmt;
use std::ops::Range;

use miette::{Diagnostic, LabeledSpan, NamedSource, SourceCode, SourceSpan};

/// Which kind of file the mistake is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Rules,
    Config,
    Baseline,
}

/// A mistake in a file, with the file's text for the diagnostic.
#[derive(Debug)]
pub struct FileMistake {
    kind: FileKind,
    file: String,
    message: String,
    source_code: NamedSource<String>,
    span: Option<SourceSpan>,
    help: Option<String>,
}

/// What every malformed baseline is told.
const BASELINE_HELP: &str = "plik bazy to JSON: {\"version\": 1, \"fingerprints\": [{\"fingerprint\": \"…\", \"code\": \"RL101\", \"path\": \"…\"}]}; najprościej utworzyć go od nowa";

impl FileMistake {
    /// A mistake in file `name` (whose text is `text`), at byte range `span` when known.
    pub fn new(
        kind: FileKind,
        name: &str,
        text: &str,
        message: impl Into<String>,
        span: Option<Range<usize>>,
        help: Option<String>,
    ) -> FileMistake {
        FileMistake {
            kind,
            file: name.to_owned(),
            message: message.into(),
            source_code: NamedSource::new(name, text.to_owned()),
            span: span.map(|r| (r.start, r.end - r.start).into()),
            help,
        }
    }

    /// The same mistake with `help` for the reader.
    pub fn with_help(mut self, help: impl Into<String>) -> FileMistake {
        self.help = Some(help.into());
        self
    }

    /// What is wrong, without the file name.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The byte range of the file the mistake is at, when known.
    pub fn span(&self) -> Option<Range<usize>> {
        self.span.map(|s| s.offset()..s.offset() + s.len())
    }
}

impl fmt::Display for FileMistake {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (file, message) = (&self.file, &self.message);
        match self.kind {
            FileKind::Rules => write!(f, "błąd w pliku reguł {file}: {message}"),
            FileKind::Config => write!(f, "błąd w pliku konfiguracji {file}: {message}"),
            FileKind::Baseline => write!(f, "plik bazy {file} jest uszkodzony: {message}"),
        }
    }
}

impl std::error::Error for FileMistake {}

impl Diagnostic for FileMistake {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(match self.kind {
            FileKind::Rules => "rolelint::rules::invalid",
            FileKind::Config => "rolelint::config::invalid",
            FileKind::Baseline => "rolelint::baseline::malformed",
        }))
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        let help = match (&self.help, self.kind) {
            (Some(help), _) => help.as_str(),
            (None, FileKind::Baseline) => BASELINE_HELP,
            (None, _) => return None,
        };
        Some(Box::new(help))
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source_code)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = self.span?;
        Some(Box::new(std::iter::once(LabeledSpan::new_with_span(
            Some("tutaj".to_owned()),
            span,
        ))))
    }
}
