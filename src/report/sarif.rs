//! sarif: the report as a SARIF 2.1.0 log, for code-scanning services (GitHub code scanning,
//! IDE viewers). The OASIS schema it follows is `schema/sarif-2.1.0.json`.
//!
//! One run. `tool.driver.rules` describes each code that appears (name, summary and help when
//! the report has its rules). Each finding is one result located at its first piece of
//! evidence; the others are related locations whose message is their label ("a tu jako: …").
//! Regions are 1-based lines and columns counted in Unicode code points — the run says
//! `columnKind: unicodeCodePoints` — with the end column just past the span. Paths become
//! relative URI references (percent-encoded, forward slashes); absolute paths become `file:`
//! URIs. Each result carries the stable fingerprint GitLab gets too.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::{Lazy, Report, fingerprints, slash_path};
use crate::check::{Evidence, FindingKind};
use crate::rules::Severity;

/// The `$schema` of the log: the OASIS SARIF 2.1.0 schema (errata 01).
pub const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The key of rolelint's fingerprint in `partialFingerprints`.
const FINGERPRINT_KEY: &str = "rolelint/v1";

#[derive(Serialize)]
struct Log<'a, R> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a, R>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a, R> {
    tool: Tool<'a>,
    column_kind: &'static str,
    /// The results, made while they are written.
    results: R,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
struct Driver<'a> {
    name: &'static str,
    version: &'static str,
    rules: Vec<Rule<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    short_description: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<Text>,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

/// A `message` or a `multiformatMessageString`: plain text only.
#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
    partial_fingerprints: BTreeMap<&'static str, &'a str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    message: Text,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// Render the report as a pretty-printed SARIF log.
pub fn render(report: &Report) -> String {
    super::rendered(|out| write(report, out)).expect("writing to memory cannot fail")
}

/// Write the report as a pretty-printed SARIF log, each result made as it is written.
pub fn write(report: &Report, out: impl std::io::Write) -> std::io::Result<()> {
    let codes: Vec<&str> = report
        .findings
        .iter()
        .map(|f| f.code.as_str())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let rules = codes
        .iter()
        .map(|&code| {
            let doc = report.rule(code);
            let severity = doc.map(|d| d.severity).or_else(|| {
                report
                    .findings
                    .iter()
                    .find(|f| f.code == code)
                    .map(|f| f.severity)
            });
            Rule {
                id: code,
                name: doc.map(|d| d.name.as_str()),
                short_description: Text {
                    text: doc.map_or_else(|| format!("rolelint {code}"), |d| d.summary.clone()),
                },
                help: doc.map(|d| Text {
                    text: d.help.clone(),
                }),
                default_configuration: Configuration {
                    level: level(severity.unwrap_or(Severity::Warning)),
                },
            }
        })
        .collect();
    let fingerprints = fingerprints(report);
    let results = || {
        report
            .findings
            .iter()
            .zip(&fingerprints)
            .filter_map(|(finding, fingerprint)| {
                let (first, others) = finding.evidence.split_first()?;
                let with_region = finding.kind != FindingKind::Input;
                let location = |e: &Evidence, id: Option<usize>| Location {
                    id,
                    physical_location: PhysicalLocation {
                        artifact_location: ArtifactLocation {
                            uri: uri(report.path(e)),
                        },
                        region: with_region.then(|| {
                            let (start, end) = report.range(e);
                            Region {
                                start_line: start.line,
                                start_column: start.column,
                                end_line: end.line,
                                end_column: end.column,
                            }
                        }),
                    },
                    message: Text {
                        text: e.label.to_string(),
                    },
                };
                Some(SarifResult {
                    rule_id: &finding.code,
                    rule_index: codes.binary_search(&finding.code.as_str()).unwrap_or(0),
                    level: level(finding.severity),
                    message: Text {
                        text: finding.message.clone(),
                    },
                    locations: vec![location(first, None)],
                    related_locations: others
                        .iter()
                        .enumerate()
                        .map(|(i, e)| location(e, Some(i + 1)))
                        .collect(),
                    partial_fingerprints: BTreeMap::from([(FINGERPRINT_KEY, fingerprint.as_str())]),
                })
            })
    };
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "rolelint",
                    version: env!("CARGO_PKG_VERSION"),
                    rules,
                },
            },
            column_kind: "unicodeCodePoints",
            results: Lazy(results),
        }],
    };
    serde_json::to_writer_pretty(out, &log).map_err(std::io::Error::from)
}

/// A path as a URI reference: relative paths stay relative, absolute ones become `file:` URIs;
/// every byte outside the unreserved and sub-delimiter characters is percent-encoded (a colon
/// too in a relative path, where it would read as a scheme).
fn uri(path: &str) -> String {
    let absolute = std::path::Path::new(path).is_absolute();
    let path = slash_path(path);
    let prefix = match (absolute, path.starts_with('/')) {
        (false, _) => "",
        (true, true) => "file://",
        (true, false) => "file:///",
    };
    let mut out = prefix.to_owned();
    for byte in path.bytes() {
        let keep = byte.is_ascii_alphanumeric()
            || b"-._~/!$&'()*+,;=@".contains(&byte)
            || (byte == b':' && !prefix.is_empty());
        if keep {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::uri;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("corpus/01 a.txt"), "corpus/01%20a.txt");
        assert_eq!(uri("ogłoszenie.txt"), "og%C5%82oszenie.txt");
        assert_eq!(uri("<stdin>"), "%3Cstdin%3E");
        assert_eq!(uri("a:b/c%.txt"), "a%3Ab/c%25.txt");
        if cfg!(windows) {
            assert_eq!(uri("C:\\x\\a.txt"), "file:///C:/x/a.txt");
        } else {
            assert_eq!(uri("/home/x/a.txt"), "file:///home/x/a.txt");
        }
    }
}
