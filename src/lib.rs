//! rolelint: finds where Polish texts about job roles contradict themselves.
//!
//! The pipeline, one module per stage, plain data between them:
//!
//! ```text
//! bytes ─decode─▶ Text ─markup─▶ prose ─segment─▶ Doc ─lemma─▶ Lemmas ─markers─▶ Markers
//!       ─roles─▶ Attribution ─extract─▶ Claims ─check─▶ Findings ─report─▶ pretty | json …
//! ```
//!
//! [`rules`] loads the TOML rule files every stage reads; [`input`] finds and reads files;
//! [`phrase`] matches rule phrases, [`lowercase`] compares words and [`plural`] agrees nouns
//! with numbers in messages, for several stages.
//!
//! ```
//! use rolelint::{analyse, decode::Text, rules::RuleSet};
//!
//! let rules = RuleSet::embedded().expect("the embedded rules load");
//! let text = Text::from_utf8(
//!     "Account Manager buduje relacje z klientami. Account Manager prowadzi księgowość firmy.",
//! );
//! let analysis = analyse(text, &rules);
//! let findings = rolelint::check::document(0, &analysis, &rules);
//! assert!(findings.iter().any(|f| f.code == "RL101"));
//! ```

pub mod baseline;
pub mod catalog;
pub mod check;
pub mod cli;
pub mod config;
pub mod decode;
pub mod eval;
pub mod examples;
pub mod extract;
pub mod input;
pub mod lemma;
pub mod lowercase;
pub mod markers;
pub mod markup;
pub mod mistake;
pub mod phrase;
pub mod plural;
pub mod report;
pub mod roles;
pub mod rules;
pub mod segment;
pub mod span;
pub mod suppress;

use std::sync::Arc;

use rayon::prelude::*;

use crate::check::Finding;
use crate::decode::Text;
use crate::extract::Claim;
use crate::input::Input;
use crate::lemma::Lemmas;
use crate::markers::Markers;
use crate::report::texts::{Digest, FileText, TextBudget, TextChanged};
use crate::report::{FileReport, Report};
use crate::roles::Attribution;
use crate::rules::RuleSet;
use crate::segment::Doc;

/// Everything the stages found in one text.
pub struct Analysis {
    pub text: Text,
    pub doc: Doc,
    pub lemmas: Lemmas,
    /// Per sentence: its words and where the marker phrases stand.
    pub markers: Vec<Markers>,
    pub roles: Attribution,
    pub claims: Vec<Claim>,
}

/// Run the stages from segmentation to claims on one decoded text.
pub fn analyse(text: Text, rules: &RuleSet) -> Analysis {
    let doc = segment::segment(text.normalized());
    let lemmas = lemma::lemmatise(text.normalized(), &doc, &rules.lexicon);
    let markers = markers::find(&doc, &lemmas, &rules.modality);
    let roles = roles::find_roles(text.normalized(), &doc, &lemmas, &markers, rules);
    let claims = extract::extract(&text, &doc, &lemmas, &markers, &roles, rules);
    Analysis {
        text,
        doc,
        lemmas,
        markers,
        roles,
        claims,
    }
}

/// What a run compares, and what it keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LintOptions {
    /// Compare claims between files, not only within each file.
    pub cross_file: bool,
    /// Bytes of text kept in memory for the output; past them, the texts of files are read
    /// again when the output needs them (see [`report::texts`]).
    pub keep_texts: usize,
}

impl Default for LintOptions {
    fn default() -> Self {
        LintOptions {
            cross_file: true,
            keep_texts: report::texts::DEFAULT_BUDGET,
        }
    }
}

/// Check every input (in parallel) and gather one report, in input order.
pub fn lint(inputs: Vec<Input>, rules: &RuleSet) -> Result<Report, TextChanged> {
    lint_with(inputs, rules, LintOptions::default())
}

/// [`lint`] with options. `inputs` may read their files lazily (a parallel map over
/// [`input::Source`]s with [`input::read`]), so a large corpus is never held in memory as raw
/// bytes all at once. Fails only when a file whose text was not kept changed before the
/// evidence of a finding across files could be located in it.
pub fn lint_with<I>(inputs: I, rules: &RuleSet, options: LintOptions) -> Result<Report, TextChanged>
where
    I: IntoParallelIterator<Item = Input>,
    I::Iter: IndexedParallelIterator,
{
    let mut report = check_all(inputs, rules, options);
    report.place_evidence()?;
    report.sort();
    Ok(report)
}

/// The findings and claims of every input, the evidence of cross-file findings not placed yet.
fn check_all<I>(inputs: I, rules: &RuleSet, options: LintOptions) -> Report
where
    I: IntoParallelIterator<Item = Input>,
    I::Iter: IndexedParallelIterator,
{
    let budget = TextBudget::new(options.keep_texts);
    let checked: Vec<Checked> = inputs
        .into_par_iter()
        .enumerate()
        .map(|(index, input)| check_input(index, input, rules, &budget))
        .collect();
    let mut report = Report {
        rules: report::RuleDoc::all(rules),
        names: report::Names::new(rules),
        ..Report::default()
    };
    if options.cross_file && checked.len() > 1 {
        let claims = checked.iter().enumerate().flat_map(|(file, c)| {
            c.file
                .claims
                .iter()
                .enumerate()
                .filter(|(_, claim)| check::comparable_across_files(claim, rules))
                .map(move |(index, claim)| (file, index, claim))
        });
        report.findings.extend(check::corpus(claims, rules));
    }
    for checked in checked {
        report.files.push(checked.file);
        report.findings.extend(checked.findings);
    }
    report
}

/// Check `drafts` against a reference corpus: everything is analysed and compared, but only
/// findings that involve a draft are kept (a draft's own conflicts, and its conflicts with the
/// reference). Drafts come first in the report's files. Both may read their files lazily, as
/// for [`lint_with`].
pub fn lint_against<D, R>(drafts: D, reference: R, rules: &RuleSet) -> Result<Report, TextChanged>
where
    D: IntoParallelIterator<Item = Input>,
    D::Iter: IndexedParallelIterator,
    R: IntoParallelIterator<Item = Input>,
    R::Iter: IndexedParallelIterator,
{
    let drafts = drafts.into_par_iter();
    let drafts_len = drafts.len();
    let inputs = drafts.chain(reference);
    let mut report = check_all(inputs, rules, LintOptions::default());
    // Before placing: the reference's texts are read again only for what is kept.
    report
        .findings
        .retain(|f| f.evidence.iter().any(|e| e.file < drafts_len));
    report.place_evidence()?;
    report.sort();
    Ok(report)
}

/// One input after the per-file stages.
struct Checked {
    file: FileReport,
    findings: Vec<Finding>,
}

fn check_input(index: usize, input: Input, rules: &RuleSet, budget: &TextBudget) -> Checked {
    let Input {
        name,
        path,
        content,
    } = input;
    // Whether the text is kept is decided here, so the bytes are not held through analysis.
    let decoded = content.and_then(|bytes| match decode::decode(&bytes) {
        Ok(text) => {
            let kept = match path {
                Some(path) if !budget.take(text.original().len()) => FileText::OnDisk {
                    path,
                    digest: Digest::of(&bytes),
                },
                _ => FileText::Kept(Arc::from(text.original())),
            };
            Ok((kept, text))
        }
        Err(e) => Err(e.to_string()),
    });
    let (kept, text) = match decoded {
        Ok(decoded) => decoded,
        Err(reason) => {
            return Checked {
                file: FileReport::unreadable(name),
                findings: vec![check::unreadable(index, &reason)],
            };
        }
    };
    let text = match markup::prose(text.original(), markup::Markup::from_name(&name)) {
        Some(prose) => text.with_prose(prose),
        None => text,
    };
    let analysis = analyse(text, rules);
    let mut findings = check::document(index, &analysis, rules);
    report::place(&mut findings, index, analysis.text.original());
    Checked {
        file: FileReport::new(name, analysis, kept),
        findings,
    }
}
