//! gitlab: findings as a GitLab Code Quality report, a JSON array of issues.
//!
//! Each issue has a description (the message), `check_name` (the code), a fingerprint, a
//! severity (`major` for errors, `minor` for warnings) and the path and first line of the
//! finding's first piece of evidence. The fingerprint ([`super::fingerprints`]) hashes what the
//! finding says, not where in the file it is, so GitLab matches an issue across commits even
//! when lines above it change.

use std::borrow::Cow;

use serde::Serialize;

use super::{Lazy, Report, fingerprints, slash_path};
use crate::rules::Severity;

#[derive(Serialize)]
struct Issue<'a> {
    description: &'a str,
    check_name: &'a str,
    fingerprint: &'a str,
    severity: &'static str,
    location: Location<'a>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: Cow<'a, str>,
    lines: Begin,
}

#[derive(Serialize)]
struct Begin {
    begin: usize,
}

/// Render the report as a Code Quality JSON array.
pub fn render(report: &Report) -> String {
    super::rendered(|out| write(report, out)).expect("writing to memory cannot fail")
}

/// Write the report as a Code Quality JSON array, each issue made as it is written.
pub fn write(report: &Report, out: impl std::io::Write) -> std::io::Result<()> {
    let fingerprints = fingerprints(report);
    let issues = || {
        report
            .findings
            .iter()
            .zip(&fingerprints)
            .filter_map(|(finding, fingerprint)| {
                let first = finding.evidence.first()?;
                Some(Issue {
                    description: &finding.message,
                    check_name: &finding.code,
                    fingerprint,
                    severity: match finding.severity {
                        Severity::Error => "major",
                        Severity::Warning => "minor",
                    },
                    location: Location {
                        path: slash_path(report.path(first)),
                        lines: Begin {
                            begin: report.range(first).0.line,
                        },
                    },
                })
            })
    };
    serde_json::to_writer_pretty(out, &Lazy(issues)).map_err(std::io::Error::from)
}
