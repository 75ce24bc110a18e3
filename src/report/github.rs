//! github: findings as GitHub Actions workflow commands, so they show as annotations on the
//! changed files of a pull request.
//!
//! One line per finding, at its first piece of evidence:
//! `::error file=PATH,line=L,col=C,endLine=L,endColumn=C,title=CODE::MESSAGE` (`::warning` for
//! warnings). Columns count characters, 1-based, the end column just past the span. The message
//! lists every piece of evidence with its label and place, one per line. Values are escaped as
//! the Actions runner expects: `%`, CR and LF everywhere, and `:` and `,` in properties too.

use std::fmt::Write as _;

use super::{Report, slash_path};
use crate::check::FindingKind;
use crate::rules::Severity;

/// Render one workflow command per finding.
pub fn render(report: &Report) -> String {
    super::rendered(|out| write(report, out)).expect("writing to memory cannot fail")
}

/// Write one workflow command per finding, as it goes.
pub fn write(report: &Report, mut out: impl std::io::Write) -> std::io::Result<()> {
    for finding in &report.findings {
        let Some(first) = finding.evidence.first() else {
            continue;
        };
        let command = match finding.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut properties = format!("file={}", property(&slash_path(report.path(first))));
        let mut message = finding.message.clone();
        if finding.kind != FindingKind::Input {
            let (start, end) = report.range(first);
            let _ = write!(
                properties,
                ",line={},col={},endLine={},endColumn={}",
                start.line, start.column, end.line, end.column
            );
            for e in &finding.evidence {
                let (at, _) = report.range(e);
                let path = if e.file == first.file {
                    String::new()
                } else {
                    format!("{}:", slash_path(report.path(e)))
                };
                let _ = write!(message, "\n{} ({path}{}:{})", e.label, at.line, at.column);
            }
        }
        let _ = write!(properties, ",title={}", property(&finding.code));
        writeln!(out, "::{command} {properties}::{}", data(&message))?;
    }
    Ok(())
}

/// Escape a command's message.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a property value.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_the_actions_toolkit() {
        assert_eq!(data("50% a\r\nb: c, d"), "50%25 a%0D%0Ab: c, d");
        assert_eq!(property("C:\\a,b%"), "C%3A\\a%2Cb%25");
    }
}
