//! suppress: comments in a text that silence findings in part of it.
//!
//! Markers, in any file type:
//!
//! ```text
//! <!-- rolelint-disable RL101 RL104 -->    silence these codes from here…
//! <!-- rolelint-enable RL101 -->           …to here (no codes: every code)
//! <!-- rolelint-disable-next-line RL103 --> silence the next non-empty line
//! ```
//!
//! and, for plain text where HTML comments would be read as prose, the same directives as a
//! line of their own: `// rolelint-disable RL101`, `// rolelint-enable`,
//! `// rolelint-disable-next-line RL101`. No codes means every code; codes are separated by
//! spaces or commas. A disable without an enable lasts to the end of the file.
//!
//! [`parse`] turns a text into [`Suppressions`] (byte ranges per code, each with the marker
//! that opened it); [`apply`] drops from a [`Report`] every finding with a piece of evidence
//! inside a range silenced for its code, and returns a warning for each marker (or code of a
//! marker) that silenced nothing. Markers are found in the text as read, so a marker shown as
//! an example inside a Markdown code block counts too.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use regex::Regex;

use crate::check::{Evidence, Finding, FindingKind};
use crate::report::Report;
use crate::rules::Severity;
use crate::span::{LineIndex, Orig, Place, Span};

/// The code of the warning for a marker that silences nothing.
pub const UNUSED_CODE: &str = "RL002";

/// `<!-- rolelint-… codes -->`, anywhere, over several lines if need be.
static COMMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"<!--[ \t\r\n]*rolelint-(disable-next-line|disable|enable)((?:[ \t\r\n,]+[A-Za-z0-9]+)*)[ \t\r\n,]*-->",
    )
    .expect("the marker pattern compiles")
});

/// `// rolelint-… codes` as a whole line (group 1 is the marker without indentation or `\r`).
static LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?m)^[ \t]*(//[ \t]*rolelint-(disable-next-line|disable|enable)((?:[ \t,]+[A-Za-z0-9]+)*)[ \t,]*)\r?$",
    )
    .expect("the line-marker pattern compiles")
});

/// What a marker asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Directive {
    Disable,
    Enable,
    DisableNextLine,
}

impl Directive {
    /// The directive as written after `rolelint-`.
    pub fn name(self) -> &'static str {
        match self {
            Directive::Disable => "rolelint-disable",
            Directive::Enable => "rolelint-enable",
            Directive::DisableNextLine => "rolelint-disable-next-line",
        }
    }

    fn from_name(name: &str) -> Directive {
        match name {
            "disable-next-line" => Directive::DisableNextLine,
            "enable" => Directive::Enable,
            _ => Directive::Disable,
        }
    }
}

/// One marker comment in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    pub directive: Directive,
    /// The codes named, upper-cased, without repeats, in written order; empty means every code.
    pub codes: Vec<String>,
    /// The whole comment (`<!-- … -->`, or the `// …` line without its indentation).
    pub span: Span<Orig>,
    /// Where the comment stands, for a warning about it.
    pub place: Place,
}

/// A byte range silenced for one code, or for every code but some.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    /// The code silenced; `None` silences every code not in `except`.
    pub code: Option<String>,
    /// Codes an enable marker took back out of an every-code region.
    pub except: Vec<String>,
    pub range: Span<Orig>,
    /// The index in [`Suppressions::markers`] of the marker that silenced the range.
    pub marker: usize,
}

/// The markers of one text and the ranges they silence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Suppressions {
    /// In text order.
    pub markers: Vec<Marker>,
    pub regions: Vec<Region>,
}

impl Region {
    /// Whether a finding of `code` whose evidence starts at `offset` is silenced here.
    pub fn covers(&self, code: &str, offset: usize) -> bool {
        let code_matches = match &self.code {
            Some(own) => own == code,
            None => !self.except.iter().any(|c| c == code),
        };
        code_matches && self.range.start() <= offset && offset < self.range.end()
    }
}

impl Suppressions {
    pub fn is_empty(&self) -> bool {
        self.markers.is_empty()
    }

    /// Whether `code` is silenced at `offset`.
    pub fn silences(&self, code: &str, offset: usize) -> bool {
        self.regions.iter().any(|r| r.covers(code, offset))
    }
}

/// Find the markers of a text and the ranges they silence.
pub fn parse(text: &str) -> Suppressions {
    if !text.contains("rolelint-") {
        return Suppressions::default();
    }
    let markers = find_markers(text);
    let regions = regions(text, &markers);
    Suppressions { markers, regions }
}

fn find_markers(text: &str) -> Vec<Marker> {
    let lines = LineIndex::new(text);
    let marker = |directive: &str, codes: &str, start: usize, end: usize| {
        let mut seen = BTreeSet::new();
        let codes = codes
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|c| !c.is_empty())
            .map(str::to_ascii_uppercase)
            .filter(|c| seen.insert(c.clone()))
            .collect();
        let span = Span::new(start, end);
        Marker {
            directive: Directive::from_name(directive),
            codes,
            span,
            place: lines.place(span),
        }
    };
    let mut markers: Vec<Marker> = COMMENT
        .captures_iter(text)
        .map(|c| {
            let whole = c.get(0).expect("group 0 is the match");
            marker(&c[1], &c[2], whole.start(), whole.end())
        })
        .collect();
    for c in LINE.captures_iter(text) {
        let line = c.get(1).expect("group 1 always takes part");
        let overlaps = markers
            .iter()
            .any(|m| m.span.start() < line.end() && line.start() < m.span.end());
        if !overlaps {
            markers.push(marker(&c[2], &c[3], line.start(), line.end()));
        }
    }
    markers.sort_by_key(|m| m.span);
    markers
}

/// Walk the markers in order and record the ranges they open and close.
fn regions(text: &str, markers: &[Marker]) -> Vec<Region> {
    /// The every-code region being built: where it starts, its marker, its exceptions.
    struct All {
        start: usize,
        marker: usize,
        except: Vec<String>,
    }
    let mut regions = Vec::new();
    let mut all: Option<All> = None;
    let mut open: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let region =
        |code: Option<String>, except: Vec<String>, start: usize, end: usize, marker| Region {
            code,
            except,
            range: Span::new(start, end.max(start)),
            marker,
        };
    for (index, marker) in markers.iter().enumerate() {
        let (here, after) = (marker.span.start(), marker.span.end());
        match marker.directive {
            Directive::Disable if marker.codes.is_empty() => {
                if all.is_none() {
                    all = Some(All {
                        start: after,
                        marker: index,
                        except: Vec::new(),
                    });
                }
            }
            Directive::Disable => {
                for code in &marker.codes {
                    let covered = all.as_ref().is_some_and(|a| !a.except.contains(code));
                    if !covered && !open.contains_key(code) {
                        open.insert(code.clone(), (after, index));
                    }
                }
            }
            Directive::Enable if marker.codes.is_empty() => {
                if let Some(a) = all.take() {
                    regions.push(region(None, a.except, a.start, here, a.marker));
                }
                for (code, (start, opened)) in std::mem::take(&mut open) {
                    regions.push(region(Some(code), Vec::new(), start, here, opened));
                }
            }
            Directive::Enable => {
                for code in &marker.codes {
                    if let Some((start, opened)) = open.remove(code) {
                        regions.push(region(Some(code.clone()), Vec::new(), start, here, opened));
                    }
                    if let Some(a) = all.as_mut().filter(|a| !a.except.contains(code)) {
                        regions.push(region(None, a.except.clone(), a.start, here, a.marker));
                        a.start = after;
                        a.except.push(code.clone());
                    }
                }
            }
            Directive::DisableNextLine => {
                if let Some(line) = next_line(text, after, markers) {
                    if marker.codes.is_empty() {
                        regions.push(region(None, Vec::new(), line.0, line.1, index));
                    }
                    for code in &marker.codes {
                        regions.push(region(
                            Some(code.clone()),
                            Vec::new(),
                            line.0,
                            line.1,
                            index,
                        ));
                    }
                }
            }
        }
    }
    let end = text.len();
    if let Some(a) = all {
        regions.push(region(None, a.except, a.start, end, a.marker));
    }
    for (code, (start, opened)) in open {
        regions.push(region(Some(code), Vec::new(), start, end, opened));
    }
    regions.sort_by_key(|r| (r.range, r.marker));
    regions
}

/// The first line after the one holding byte `after - 1` with text other than markers:
/// `(start, end)` without the line break.
fn next_line(text: &str, after: usize, markers: &[Marker]) -> Option<(usize, usize)> {
    let mut start = text[after..].find('\n').map(|n| after + n + 1)?;
    while start < text.len() {
        let end = text[start..].find('\n').map_or(text.len(), |n| start + n);
        let content = text[start..end].char_indices().any(|(i, c)| {
            let at = start + i;
            !c.is_whitespace()
                && !markers
                    .iter()
                    .any(|m| m.span.start() <= at && at < m.span.end())
        });
        if content {
            let end = if text[start..end].ends_with('\r') {
                end - 1
            } else {
                end
            };
            return Some((start, end));
        }
        start = end + 1;
    }
    None
}

/// Drop every finding with a piece of evidence in a range silenced for its code (in that
/// evidence's file), and return a warning (code [`UNUSED_CODE`]) for each marker that silenced
/// nothing, labelled on the marker; for a marker naming several codes, the warning lists the
/// codes that silenced nothing. The warnings are returned, not added: the caller adds them
/// (before applying the config, so `ignore = ["RL002"]` works) and sorts the report again.
pub fn apply(report: &mut Report) -> Vec<Finding> {
    if report.files.iter().all(|f| f.suppressions.is_empty()) {
        return Vec::new();
    }
    let parsed: Vec<&Suppressions> = report.files.iter().map(|f| &f.suppressions).collect();
    let mut used: Vec<Vec<BTreeSet<String>>> = parsed
        .iter()
        .map(|s| vec![BTreeSet::new(); s.markers.len()])
        .collect();
    report.findings.retain(|finding| {
        let mut silenced = false;
        for e in &finding.evidence {
            let Some(suppressions) = parsed.get(e.file) else {
                continue;
            };
            for region in &suppressions.regions {
                if region.covers(&finding.code, e.span.start()) {
                    used[e.file][region.marker].insert(finding.code.clone());
                    silenced = true;
                }
            }
        }
        !silenced
    });
    let mut warnings = Vec::new();
    for (file, suppressions) in parsed.iter().enumerate() {
        for (index, marker) in suppressions.markers.iter().enumerate() {
            if marker.directive == Directive::Enable {
                continue;
            }
            let used = &used[file][index];
            let unused: Vec<&str> = marker
                .codes
                .iter()
                .filter(|c| !used.contains(*c))
                .map(String::as_str)
                .collect();
            let message = if marker.codes.is_empty() {
                if !used.is_empty() {
                    continue;
                }
                format!("Komentarz {} niczego nie wycisza", marker.directive.name())
            } else if unused.len() == marker.codes.len() {
                format!(
                    "Komentarz {} {} niczego nie wycisza",
                    marker.directive.name(),
                    marker.codes.join(" ")
                )
            } else if unused.len() == 1 {
                format!(
                    "Kod {} w komentarzu {} niczego nie wycisza",
                    unused[0],
                    marker.directive.name()
                )
            } else if unused.is_empty() {
                continue;
            } else {
                format!(
                    "Kody {} w komentarzu {} niczego nie wyciszają",
                    unused.join(", "),
                    marker.directive.name()
                )
            };
            warnings.push(unused_marker(file, marker, message));
        }
    }
    warnings
}

fn unused_marker(file: usize, marker: &Marker, message: String) -> Finding {
    let help = match marker.directive {
        Directive::DisableNextLine => {
            "W następnym niepustym wierszu nie ma nic do wyciszenia: usuń komentarz albo zbędne kody."
        }
        _ => {
            "W tekście objętym komentarzem nie ma nic do wyciszenia: usuń komentarz albo zbędne kody."
        }
    };
    Finding {
        code: UNUSED_CODE.to_owned(),
        kind: FindingKind::Suppression,
        severity: Severity::Warning,
        message,
        role: None,
        dimension: None,
        evidence: vec![Evidence {
            file,
            span: marker.span,
            label: "zbędny komentarz".into(),
            claim: None,
            place: Some(marker.place.clone()),
        }],
        help: Some(help.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Input;
    use crate::rules::RuleSet;

    /// The text of each region, with its code (`*` for every code).
    fn silenced(text: &str) -> Vec<(String, String)> {
        parse(text)
            .regions
            .iter()
            .map(|r| {
                let code = r.code.clone().unwrap_or_else(|| {
                    let mut all = "*".to_owned();
                    for except in &r.except {
                        all.push_str(&format!(" -{except}"));
                    }
                    all
                });
                (code, r.range.slice(text).trim().to_owned())
            })
            .collect()
    }

    fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
        expected
            .iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect()
    }

    #[test]
    fn markdown_disable_and_enable_per_code() {
        let text = "# Oferta\n\nWstęp.\n\n<!-- rolelint-disable RL101 RL104 -->\nŚrodek.\n<!-- rolelint-enable RL101 -->\nDalej.\n<!-- rolelint-enable -->\nKoniec.\n";
        let parsed = parse(text);
        assert_eq!(parsed.markers.len(), 3);
        assert_eq!(
            parsed.markers[0].span.slice(text),
            "<!-- rolelint-disable RL101 RL104 -->"
        );
        assert_eq!(parsed.markers[0].codes, ["RL101", "RL104"]);
        assert_eq!(
            silenced(text),
            pairs(&[
                ("RL101", "Środek."),
                ("RL104", "Środek.\n<!-- rolelint-enable RL101 -->\nDalej.")
            ])
        );
    }

    #[test]
    fn a_disable_without_enable_lasts_to_the_end() {
        let text = "Początek.\n<!--rolelint-disable-->\nReszta tekstu.\n";
        assert_eq!(silenced(text), pairs(&[("*", "Reszta tekstu.")]));
    }

    #[test]
    fn enabling_one_code_inside_an_every_code_region() {
        let text = "<!-- rolelint-disable -->\nA.\n<!-- rolelint-enable RL201 -->\nB.\n<!-- rolelint-enable -->\nC.";
        assert_eq!(silenced(text), pairs(&[("*", "A."), ("* -RL201", "B.")]));
        let parsed = parse(text);
        let b = text.find("B.").unwrap();
        assert!(parsed.silences("RL101", b));
        assert!(!parsed.silences("RL201", b));
        assert!(!parsed.silences("RL101", text.find("C.").unwrap()));
    }

    #[test]
    fn next_line_skips_blank_lines_and_other_markers() {
        let text = "<!-- rolelint-disable-next-line RL103 -->\n\n<!-- rolelint-disable-next-line RL101, rl104 -->\r\n   \r\nKsięgowy nie rozlicza płac.\r\nKsięgowy rozlicza płace.\r\n";
        let parsed = parse(text);
        assert_eq!(
            parsed.markers[1].codes,
            ["RL101", "RL104"],
            "commas and lower case"
        );
        assert_eq!(
            silenced(text),
            pairs(&[
                ("RL103", "Księgowy nie rozlicza płac."),
                ("RL101", "Księgowy nie rozlicza płac."),
                ("RL104", "Księgowy nie rozlicza płac."),
            ])
        );
        let region = &parsed.regions[0];
        assert!(
            !region.range.slice(text).ends_with('\r'),
            "the line break is not part of it"
        );
    }

    #[test]
    fn next_line_at_the_end_silences_nothing() {
        assert!(
            parse("Tekst.\n<!-- rolelint-disable-next-line -->\n\n")
                .regions
                .is_empty()
        );
    }

    #[test]
    fn plain_text_line_markers() {
        let text = "Wstęp.\n  // rolelint-disable RL101\nŚrodek.\n// rolelint-enable\nKoniec.\n// rolelint-disable-next-line\nOstatnia linia.";
        let parsed = parse(text);
        assert_eq!(parsed.markers.len(), 3);
        assert_eq!(
            parsed.markers[0].span.slice(text),
            "// rolelint-disable RL101"
        );
        assert_eq!(
            silenced(text),
            pairs(&[("RL101", "Środek."), ("*", "Ostatnia linia.")])
        );
    }

    #[test]
    fn text_that_only_mentions_the_markers_is_no_marker() {
        for text in [
            "Zobacz komentarz // rolelint-disable RL101 w dokumentacji.",
            "<!-- rolelint-disable-foo -->",
            "<!-- rolelint-disabled -->",
            "<!-- rolelint-disable RL101 ",
        ] {
            assert!(parse(text).markers.is_empty(), "{text}");
        }
    }

    #[test]
    fn every_documented_marker_is_a_marker() {
        let docs = include_str!("../docs/config.md");
        let is_marker = |t: &&str| t.starts_with("<!-- rolelint-") || t.starts_with("// rolelint-");
        let mut checked = 0;
        for line in docs.lines() {
            let quoted = line.split('`').skip(1).step_by(2);
            for written in std::iter::once(line.trim()).chain(quoted).filter(is_marker) {
                let parsed = parse(written);
                assert_eq!(parsed.markers.len(), 1, "{written}");
                assert_eq!(parsed.markers[0].span.slice(written), written);
                checked += 1;
            }
        }
        assert!(checked >= 11, "only {checked} markers in docs/config.md");
    }

    fn lint(files: &[(&str, &str)]) -> Report {
        let rules = RuleSet::embedded().expect("the embedded rules load");
        let inputs = files
            .iter()
            .map(|(name, text)| Input::from_text(*name, text))
            .collect();
        crate::lint(inputs, &rules).expect("texts in memory are kept")
    }

    fn codes(findings: &[Finding]) -> Vec<&str> {
        findings.iter().map(|f| f.code.as_str()).collect()
    }

    const FIRST: &str = "Account Manager buduje relacje z klientami.";
    const SECOND: &str = "Account Manager prowadzi księgowość firmy.";

    #[test]
    fn a_next_line_marker_in_markdown_silences_a_finding() {
        let plain = format!("{FIRST}\n\n{SECOND}\n");
        assert!(codes(&lint(&[("a.md", &plain)]).findings).contains(&"RL101"));

        let text = format!("{FIRST}\n\n<!-- rolelint-disable-next-line RL101 -->\n{SECOND}\n");
        let mut report = lint(&[("a.md", &text)]);
        assert!(codes(&report.findings).contains(&"RL101"));
        let warnings = apply(&mut report);
        assert!(
            !codes(&report.findings).contains(&"RL101"),
            "one piece of evidence is enough"
        );
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn a_region_in_plain_text_silences_a_finding() {
        let text =
            format!("// rolelint-disable RL101\n{FIRST}\n{SECOND}\n// rolelint-enable RL101\n");
        let mut report = lint(&[("a.txt", &text)]);
        assert!(
            codes(&report.findings).contains(&"RL101"),
            "the marker lines are prose"
        );
        let warnings = apply(&mut report);
        assert!(!codes(&report.findings).contains(&"RL101"));
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn a_marker_that_silences_nothing_is_reported_on_the_marker() {
        let text = format!("<!-- rolelint-disable RL101 RL104 -->\n{FIRST}\n\n{SECOND}\n");
        let mut report = lint(&[("a.md", &text)]);
        let warnings = apply(&mut report);
        assert!(!codes(&report.findings).contains(&"RL101"));
        assert_eq!(codes(&warnings), ["RL002"]);
        let warning = &warnings[0];
        assert_eq!(
            warning.message,
            "Kod RL104 w komentarzu rolelint-disable niczego nie wycisza"
        );
        assert_eq!(warning.severity, Severity::Warning);
        assert_eq!(
            &*warning.evidence[0].place.as_ref().expect("placed").quote,
            "<!-- rolelint-disable RL101 RL104 -->"
        );

        let text = format!("{FIRST}\n// rolelint-disable-next-line RL103\n{SECOND}\n");
        let mut report = lint(&[("b.txt", &text)]);
        let before = report.findings.len();
        let warnings = apply(&mut report);
        assert_eq!(
            report.findings.len(),
            before,
            "RL103 is not what this text has"
        );
        assert_eq!(
            warnings[0].message,
            "Komentarz rolelint-disable-next-line RL103 niczego nie wycisza"
        );
        assert_eq!(
            &*warnings[0].evidence[0]
                .place
                .as_ref()
                .expect("placed")
                .quote,
            "// rolelint-disable-next-line RL103"
        );
    }

    #[test]
    fn markers_in_one_file_leave_other_files_alone() {
        let text = format!("{FIRST}\n\n{SECOND}\n");
        let silenced = format!("<!-- rolelint-disable -->\n{text}");
        let mut report = lint(&[("a.md", &silenced), ("b.md", &text)]);
        let warnings = apply(&mut report);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert!(report.findings.iter().any(|f| f.code == "RL101"));
        assert!(
            report
                .findings
                .iter()
                .all(|f| f.evidence.iter().all(|e| e.file == 1)),
            "only b.md's findings are left"
        );
    }
}
