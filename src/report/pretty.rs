//! pretty: findings as miette diagnostics, for people at a terminal.
//!
//! Every finding becomes one diagnostic with its code, severity, message and help, and a
//! labelled span for each piece of evidence ("tu jako: …", "a tu jako: …"); the first label
//! is primary. Colour only when asked for (the caller decides from the terminal and NO_COLOR).

use std::fmt;
use std::sync::Arc;

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceCode,
};

use super::Report;
use crate::check::{Finding, FindingKind};
use crate::rules::Severity;

/// Width the diagnostics are wrapped to.
const WIDTH: usize = 100;

struct FindingView<'a> {
    finding: &'a Finding,
    source: Option<NamedSource<Arc<str>>>,
    path: &'a str,
}

impl fmt::Debug for FindingView<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FindingView")
            .field("code", &self.finding.code)
            .finish()
    }
}

impl fmt::Display for FindingView<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.source.is_none() {
            write!(f, "{}: ", self.path)?;
        }
        f.write_str(&self.finding.message)
    }
}

impl std::error::Error for FindingView<'_> {}

impl Diagnostic for FindingView<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(&self.finding.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.finding.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.finding
            .help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.source.as_ref()?;
        Some(Box::new(self.finding.evidence.iter().enumerate().map(
            |(i, e)| {
                let span = miette::SourceSpan::from(e.span);
                if i == 0 {
                    LabeledSpan::new_primary_with_span(Some(e.label.clone()), span)
                } else {
                    LabeledSpan::new_with_span(Some(e.label.clone()), span)
                }
            },
        )))
    }
}

/// Render every finding, then a one-line summary.
pub fn render(report: &Report, color: bool) -> String {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme).with_width(WIDTH);
    let mut out = String::new();
    for finding in &report.findings {
        let Some(file) = finding.evidence.first().map(|e| &report.files[e.file]) else {
            continue;
        };
        let source = (finding.kind != FindingKind::Input)
            .then(|| NamedSource::new(&file.path, Arc::clone(&file.text)).with_language("text"));
        let view = FindingView {
            finding,
            source,
            path: &file.path,
        };
        if handler.render_report(&mut out, &view).is_err() {
            out.push_str(&format!(
                "{}: {} {}\n",
                file.path, finding.code, finding.message
            ));
        }
        out.push('\n');
    }
    let summary = report.summary();
    out.push_str(&format!(
        "rolelint: pliki: {}, twierdzenia: {}, błędy: {}, ostrzeżenia: {}\n",
        summary.files, summary.claims, summary.errors, summary.warnings
    ));
    out
}
