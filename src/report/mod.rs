//! report: one [`Report`] value for a whole run, and its renderers.
//!
//! The report holds plain data — files with their claims and findings, and the names the
//! claims refer to by index — sorted once, so the output is the same whatever the thread
//! count. Each piece of evidence carries its place (line, column, quote); a file's text is
//! kept in memory only while the run's budget lasts and is otherwise read again when a
//! renderer quotes it ([`texts`]). Each renderer (`pretty`, `json`, `concise`, `sarif`,
//! `github`, `gitlab`) turns a `&Report` into text and computes nothing of its own; the few
//! things several of them share (evidence places, fingerprint, path with forward slashes)
//! live at the end of this file.

pub mod claims;
pub mod concise;
pub mod github;
pub mod gitlab;
pub mod json;
pub mod pretty;
pub mod sarif;
pub mod texts;

use std::collections::BTreeMap;
use std::process::ExitCode;
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

use crate::Analysis;
use crate::check::{Evidence, Finding};
use crate::extract::Claim;
use crate::rules::{RoleIdx, RuleSet, Severity, ValueIdx};
use crate::span::{LineColumn, LineIndex, Orig, Place, Span};
use crate::suppress::Suppressions;
use texts::{FileText, TextChanged};

/// Why a report could not be written out.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum WriteError {
    #[error(transparent)]
    #[diagnostic(transparent)]
    Changed(#[from] TextChanged),
    #[error("nie można wypisać wyniku: {0}")]
    #[diagnostic(code(rolelint::output))]
    Output(#[from] std::io::Error),
}

impl From<serde_json::Error> for WriteError {
    fn from(e: serde_json::Error) -> Self {
        WriteError::Output(e.into())
    }
}

/// The result of one run. Renderers expect every piece of evidence placed: a report from
/// [`crate::lint_with`] is; one built by hand needs [`Report::place_evidence`] first.
#[derive(Debug, Default)]
pub struct Report {
    pub files: Vec<FileReport>,
    pub findings: Vec<Finding>,
    /// What the codes mean, for the formats that describe their rules (SARIF, statistics);
    /// filled from the rule set by the caller, empty when nobody did.
    pub rules: Vec<RuleDoc>,
    /// The ids and labels claims and mentions refer to by index.
    pub names: Names,
}

/// One checked file.
#[derive(Debug)]
pub struct FileReport {
    /// The path as given or found, or `<stdin>`.
    pub path: String,
    /// The encoding it was read in; `None` when it could not be read.
    pub encoding: Option<&'static str>,
    /// The decoded text as read (spans point here), kept or to be read again.
    pub text: FileText,
    /// What the text claims; role and value are indices into [`Report::names`].
    pub claims: Vec<Claim>,
    /// The names the text gives its roles: one entry per alias used, in order of first use.
    pub names: Vec<RoleName>,
    /// Its `rolelint-disable` comments and what they silence.
    pub suppressions: Suppressions,
}

/// How often a text names a role by one alias (inflected forms of an alias are one name).
/// Kept instead of every mention: the claims view needs only these counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleName {
    pub role: RoleIdx,
    /// Index of the alias among the role's.
    pub alias: usize,
    /// The first mention by this alias, in lower case, as the text writes it.
    pub written: String,
    pub mentions: usize,
}

/// The rule ids and labels of a run, for the indices claims and mentions carry: a report
/// stores each name once, not once per claim.
#[derive(Debug, Default, Clone)]
pub struct Names {
    roles: Vec<Arc<str>>,
    /// Per role, its aliases as the rules write them.
    aliases: Vec<Vec<Arc<str>>>,
    values: Vec<ValueName>,
}

#[derive(Debug, Clone)]
struct ValueName {
    id: Arc<str>,
    label: Arc<str>,
    dimension: Arc<str>,
}

impl Names {
    pub fn new(rules: &RuleSet) -> Names {
        Names {
            roles: rules.roles.iter().map(|r| r.id.clone()).collect(),
            aliases: rules
                .roles
                .iter()
                .map(|r| r.aliases.iter().map(|a| a.phrase.text().clone()).collect())
                .collect(),
            values: rules
                .values
                .iter()
                .map(|v| ValueName {
                    id: v.id.clone(),
                    label: v.label.clone(),
                    dimension: rules.dimensions[v.dimension].id.clone(),
                })
                .collect(),
        }
    }

    pub fn role(&self, role: RoleIdx) -> &str {
        &self.roles[role]
    }

    /// The alias as the rules write it.
    pub fn alias(&self, name: &RoleName) -> &str {
        &self.aliases[name.role][name.alias]
    }

    pub fn value(&self, value: ValueIdx) -> &str {
        &self.values[value].id
    }

    pub fn label(&self, value: ValueIdx) -> &str {
        &self.values[value].label
    }

    /// The id of the dimension the value belongs to.
    pub fn dimension(&self, value: ValueIdx) -> &str {
        &self.values[value].dimension
    }
}

/// Counts for the end of the output.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub files: usize,
    pub claims: usize,
    pub findings: usize,
    pub errors: usize,
    pub warnings: usize,
    pub by_code: BTreeMap<String, usize>,
}

/// How a run ended, as the process exit status says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// No error-level findings (and no warnings, with `--deny-warnings`): exit 0.
    Clean,
    /// Findings that fail the run: exit 1.
    Findings,
    /// The run could not be done as asked: exit 2.
    Failed,
}

impl From<Outcome> for ExitCode {
    fn from(outcome: Outcome) -> ExitCode {
        ExitCode::from(match outcome {
            Outcome::Clean => 0,
            Outcome::Findings => 1,
            Outcome::Failed => 2,
        })
    }
}

impl FileReport {
    /// The report of an analysed file whose text is now at `text`.
    pub fn new(path: String, analysis: Analysis, text: FileText) -> FileReport {
        let tokens = &analysis.doc.tokens;
        let mut names: Vec<RoleName> = Vec::new();
        for m in &analysis.roles.mentions {
            match names
                .iter_mut()
                .find(|n| n.role == m.role && n.alias == m.alias)
            {
                Some(name) => name.mentions += 1,
                None => {
                    let span = tokens[m.tokens.start]
                        .span
                        .cover(&tokens[m.tokens.end - 1].span);
                    names.push(RoleName {
                        role: m.role,
                        alias: m.alias,
                        written: analysis
                            .text
                            .to_original(span)
                            .slice(analysis.text.original())
                            .to_lowercase(),
                        mentions: 1,
                    });
                }
            }
        }
        let suppressions = crate::suppress::parse(analysis.text.original());
        // Kept to the end of the run: no spare capacity.
        let mut claims = analysis.claims;
        claims.shrink_to_fit();
        FileReport {
            path,
            encoding: Some(analysis.text.encoding()),
            text,
            claims,
            names,
            suppressions,
        }
    }

    pub fn unreadable(path: String) -> FileReport {
        FileReport {
            path,
            encoding: None,
            text: FileText::Kept(Arc::from("")),
            claims: Vec::new(),
            names: Vec::new(),
            suppressions: Suppressions::default(),
        }
    }

    /// The decoded text as read; read again (and checked to be the same) when it was not kept.
    pub fn read_text(&self) -> Result<Arc<str>, TextChanged> {
        self.text.load(&self.path)
    }

    /// The text its claims quote: read only when it has claims (a file without any is never
    /// read again, and cannot fail the output by changing).
    pub fn quoted_text(&self) -> Result<Arc<str>, TextChanged> {
        if self.claims.is_empty() {
            return Ok(Arc::from(""));
        }
        self.read_text()
    }
}

/// What findings are sorted by: path and span of the first piece of evidence, code, message.
fn sort_key<'a>(
    files: &'a [FileReport],
    f: &'a Finding,
) -> (Option<&'a str>, Option<Span<Orig>>, &'a str, &'a str) {
    let first = f.evidence.first();
    (
        first.map(|e| files[e.file].path.as_str()),
        first.map(|e| e.span),
        &f.code,
        &f.message,
    )
}

/// Fill in the place of every piece of evidence in file `file` that has none yet; `text` is
/// that file's text, its lines indexed only if some piece is in it.
pub fn place(findings: &mut [Finding], file: usize, text: &str) {
    let mut lines = None;
    let evidence = findings.iter_mut().flat_map(|f| &mut f.evidence);
    for e in evidence.filter(|e| e.file == file && e.place.is_none()) {
        let lines = lines.get_or_insert_with(|| LineIndex::new(text));
        e.place = Some(lines.place(e.span));
    }
}

/// How many files [`Report::place_evidence`] reads at a time: enough to keep every thread
/// busy, few enough that their texts never add up to much.
const PLACE_CHUNK: usize = 256;

impl Report {
    /// Fill in the place of every piece of evidence that has none yet, reading each file it
    /// is in once, a chunk of files at a time, in parallel.
    pub fn place_evidence(&mut self) -> Result<(), TextChanged> {
        let mut unplaced: Vec<(usize, usize, usize)> = Vec::new();
        for (f, finding) in self.findings.iter().enumerate() {
            for (i, e) in finding.evidence.iter().enumerate() {
                if e.place.is_none() {
                    unplaced.push((e.file, f, i));
                }
            }
        }
        unplaced.sort_unstable();
        let by_file: Vec<&[(usize, usize, usize)]> = unplaced.chunk_by(|a, b| a.0 == b.0).collect();
        for chunk in by_file.chunks(PLACE_CHUNK) {
            let placed: Vec<Result<Vec<Place>, TextChanged>> = chunk
                .par_iter()
                .map(|refs| {
                    let text = self.files[refs[0].0].read_text()?;
                    let lines = LineIndex::new(&text);
                    Ok(refs
                        .iter()
                        .map(|&(_, f, i)| lines.place(self.findings[f].evidence[i].span))
                        .collect())
                })
                .collect();
            // The first file (in order) that changed is the error, whichever thread read it.
            let placed = placed.into_iter().collect::<Result<Vec<_>, _>>()?;
            for (refs, places) in chunk.iter().zip(placed) {
                for (&(_, f, i), place) in refs.iter().zip(places) {
                    self.findings[f].evidence[i].place = Some(place);
                }
            }
        }
        Ok(())
    }

    /// Sort findings by (path, first span, code): the one order every renderer shows.
    pub fn sort(&mut self) {
        let files = &self.files;
        self.findings
            .sort_by(|a, b| sort_key(files, a).cmp(&sort_key(files, b)));
    }

    pub fn summary(&self) -> Summary {
        let mut summary = Summary {
            files: self.files.len(),
            claims: self.files.iter().map(|f| f.claims.len()).sum(),
            findings: self.findings.len(),
            ..Summary::default()
        };
        for finding in &self.findings {
            match finding.severity {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
            }
            *summary.by_code.entry(finding.code.clone()).or_default() += 1;
        }
        summary
    }

    /// The exit status this report calls for.
    pub fn outcome(&self, deny_warnings: bool) -> Outcome {
        let fails = |f: &Finding| f.severity == Severity::Error || deny_warnings;
        if self.findings.iter().any(fails) {
            Outcome::Findings
        } else {
            Outcome::Clean
        }
    }
}

/// What one finding code means.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleDoc {
    pub code: String,
    pub name: String,
    pub severity: Severity,
    pub summary: String,
    /// Why it matters.
    pub why: String,
    pub help: String,
}

impl RuleDoc {
    /// The built-in codes (unreadable input, unused suppression) and every conflict rule of
    /// `rules`: the one place rules are documented for renderers and `rolelint explain`.
    pub fn all(rules: &RuleSet) -> Vec<RuleDoc> {
        let unreadable = crate::check::unreadable(0, "");
        let mut docs = vec![RuleDoc {
            code: unreadable.code,
            name: "unreadable-input".to_owned(),
            severity: unreadable.severity,
            summary: "Zgłasza plik, którego nie da się odczytać ani zdekodować (plik binarny, \
                      niepoprawne bajty, brak uprawnień, coś innego niż zwykły plik)."
                .to_owned(),
            why: "Tekst, którego rolelint nie przeczytał, nie został sprawdzony; wynik nie może tego \
                  przemilczeć."
                .to_owned(),
            help: unreadable.help.as_deref().unwrap_or_default().to_owned(),
        }];
        docs.push(RuleDoc {
            code: crate::suppress::UNUSED_CODE.to_owned(),
            name: "unused-suppression".to_owned(),
            severity: Severity::Warning,
            summary: "Zgłasza komentarz rolelint-disable, który niczego nie wycisza.".to_owned(),
            why: "Zbędny komentarz wyciszy kiedyś prawdziwy problem w tym miejscu, a dziś myli \
                  czytelnika."
                .to_owned(),
            help: "Usuń komentarz albo kody, których tekst w jego zasięgu nie narusza.".to_owned(),
        });
        docs.extend(rules.conflicts.iter().map(|c| RuleDoc {
            code: c.code.clone(),
            name: c.name.clone(),
            severity: c.severity,
            summary: c.summary.clone(),
            why: c.why.clone(),
            help: c.help.to_string(),
        }));
        docs
    }
}

impl Report {
    /// What `code` means, when the report was given its rules.
    pub fn rule(&self, code: &str) -> Option<&RuleDoc> {
        self.rules.iter().find(|r| r.code == code)
    }
}

/// Where the evidence of findings stands, for the renderers.
impl Report {
    /// Where a piece of evidence starts and ends: 1-based lines and columns in characters, the
    /// end just past the last character.
    pub fn range(&self, e: &Evidence) -> (LineColumn, LineColumn) {
        let place = placed(e);
        (place.start(), place.end())
    }

    /// The path of the file a piece of evidence is in, as given.
    pub fn path(&self, e: &Evidence) -> &str {
        &self.files[e.file].path
    }
}

/// The place of a piece of evidence; [`crate::lint_with`] gives every piece one. A report
/// built by hand must call [`Report::place_evidence`] before it is rendered.
pub fn placed(e: &Evidence) -> &Place {
    e.place
        .as_ref()
        .expect("lint_with places every piece of evidence before the report is rendered")
}

/// What a renderer's `write` makes, as a string: for tests and library callers (the CLI
/// streams instead).
pub fn rendered<E>(write: impl FnOnce(&mut Vec<u8>) -> Result<(), E>) -> Result<String, E> {
    let mut out = Vec::new();
    write(&mut out)?;
    Ok(String::from_utf8(out).expect("renderers write UTF-8"))
}

/// How much of a report is rendered at a time, in parallel, before it is written in order: a
/// few MB of output. Counted in claims (of files) or pieces of evidence (of findings), not in
/// elements, because one finding across a large corpus can cite thousands of places.
const CHUNK_WEIGHT: usize = 2048;

/// Render `items` a chunk of about [`CHUNK_WEIGHT`] (by `weight`) at a time, each chunk in
/// parallel, and hand the rendered items to `write` in order: output as fast as the cores
/// make it, never more than a chunk of it in memory. Stops at the first item (in order) that
/// could not be rendered, after writing every item before it.
pub(crate) fn render_in_chunks<T: Sync, R: Send>(
    items: &[T],
    weight: impl Fn(&T) -> usize,
    render: impl Fn(&T) -> Result<R, TextChanged> + Sync,
    mut write: impl FnMut(R) -> Result<(), WriteError>,
) -> Result<(), WriteError> {
    let mut rest = items;
    while !rest.is_empty() {
        let mut total = 0;
        let len = rest
            .iter()
            .take_while(|item| {
                let fits = total < CHUNK_WEIGHT;
                total += weight(item) + 1;
                fits
            })
            .count();
        let (chunk, after) = rest.split_at(len);
        rest = after;
        // Written in order up to the first item that failed (a text that changed), which is
        // then the error: the same output and the same error whichever thread got there first.
        let rendered: Vec<Result<R, TextChanged>> = chunk.par_iter().map(&render).collect();
        for item in rendered {
            write(item?)?;
        }
    }
    Ok(())
}

/// A JSON array whose elements are made one at a time while it is written (SARIF results,
/// GitLab issues), so a large run's findings never stand in memory as output records at once.
pub struct Lazy<F>(pub F);

impl<F, I> Serialize for Lazy<F>
where
    F: Fn() -> I,
    I: Iterator<Item: Serialize>,
{
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq((self.0)())
    }
}

/// A path with forward slashes, as SARIF, GitHub and GitLab want it (only Windows has others).
pub fn slash_path(path: &str) -> std::borrow::Cow<'_, str> {
    if std::path::MAIN_SEPARATOR == '\\' {
        std::borrow::Cow::Owned(path.replace('\\', "/"))
    } else {
        std::borrow::Cow::Borrowed(path)
    }
}

/// One stable id per finding (16 hex digits of FNV-1a 64) from what it says and where: code,
/// role, dimension, and the path and text of each piece of evidence — never offsets, so an id
/// survives edits elsewhere in the file. Findings that would share an id get their occurrence
/// number mixed in, so ids stay unique within a report.
pub fn fingerprints(report: &Report) -> Vec<String> {
    let mut seen: BTreeMap<u64, usize> = BTreeMap::new();
    report
        .findings
        .iter()
        .map(|finding| {
            let key = content_hash(report, finding);
            let mut hash = Fnv(key);
            let occurrence = seen.entry(key).or_default();
            if *occurrence > 0 {
                hash.field(&occurrence.to_string());
            }
            *occurrence += 1;
            format!("{:016x}", hash.0)
        })
        .collect()
}

/// The hash behind [`fingerprints`], before any occurrence number is mixed in: code, role,
/// dimension, and the path (forward slashes) and text of each piece of evidence. Findings that
/// say the same thing in the same files share it; the first of them has it as its fingerprint.
/// `crate::baseline` keys on it.
pub fn content_hash(report: &Report, finding: &Finding) -> u64 {
    let mut hash = Fnv::new();
    hash.field(&finding.code);
    hash.field(finding.role.as_deref().unwrap_or(""));
    hash.field(finding.dimension.as_deref().unwrap_or(""));
    for e in &finding.evidence {
        let file = &report.files[e.file];
        hash.field(&slash_path(&file.path));
        hash.field(&placed(e).quote);
    }
    hash.0
}

/// FNV-1a, 64 bits: small, stable across versions and platforms (unlike `DefaultHasher`).
struct Fnv(u64);

impl Fnv {
    fn new() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    /// Hash a string and a separator that cannot occur in it, so fields never run together.
    fn field(&mut self, text: &str) {
        for byte in text.bytes().chain([0xff]) {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}
