//! pretty: findings as miette diagnostics, for people at a terminal.
//!
//! Every finding becomes one diagnostic with its code, severity, message and help, and a
//! labelled span for each piece of evidence ("tu jako: …", "a tu jako: …"); the first label
//! is primary. Evidence in other files goes into related diagnostics, each with its own file
//! as source: by default five files per finding at most, every side of it among them while
//! there is room, and a line counting the rest (a finding across a corpus can cite thousands
//! of files, which nobody reads at a terminal, and drawing them all took a third of the CPU
//! time of a 100 MB run).
//! Colour only when asked for (the caller decides from the terminal and NO_COLOR).

use std::fmt;
use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, NamedSource, SourceCode, SourceSpan, SpanContents,
};

use textwrap::WordSeparator;
use textwrap::core::Word;

use super::texts::{TextCache, TextChanged};
use super::{Report, WriteError, render_in_chunks};
use crate::check::{Evidence, Finding, FindingKind};
use crate::plural;
use crate::rules::Severity;

/// Width the diagnostics are wrapped to.
const WIDTH: usize = 100;

/// One diagnostic as miette draws it: a finding, or the part of it in another file.
struct View {
    message: String,
    code: Option<String>,
    severity: miette::Severity,
    help: Option<String>,
    source: Option<Source>,
    labels: Vec<LabeledSpan>,
    related: Vec<View>,
}

impl fmt::Debug for View {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("View")
            .field("message", &self.message)
            .finish()
    }
}

impl fmt::Display for View {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for View {}

impl Diagnostic for View {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.code
            .as_ref()
            .map(|c| Box::new(c) as Box<dyn fmt::Display>)
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.source.as_ref()?;
        Some(Box::new(self.labels.iter().cloned()))
    }

    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        if self.related.is_empty() {
            return None;
        }
        Some(Box::new(self.related.iter().map(|v| v as &dyn Diagnostic)))
    }
}

/// miette's drawing with `theme`, wrapped to [`WIDTH`] at spaces that do not stand inside a
/// number.
fn handler(theme: GraphicalTheme) -> GraphicalReportHandler {
    GraphicalReportHandler::new_themed(theme)
        .with_width(WIDTH)
        .with_word_separator(WordSeparator::Custom(words_of_message))
}

/// The words a message may be wrapped between: what runs up to a space, with the space. A
/// space between digit groups does not end a word, so an amount ("12 000 PLN") never breaks
/// into "12" and "000 PLN"; rolelint's messages are Polish prose, where the spaces are all
/// the breaks a line needs (Unicode's line-breaking rules, textwrap's default, cost a tenth
/// of drawing the diagnostics).
fn words_of_message(line: &str) -> Box<dyn Iterator<Item = Word<'_>> + '_> {
    let bytes = line.as_bytes();
    let digit = move |at: usize| bytes.get(at).is_some_and(u8::is_ascii_digit);
    let inside_number = move |space: usize| {
        space > 0 && digit(space - 1) && (1..=3).all(|i| digit(space + i)) && !digit(space + 4)
    };
    let mut start = 0;
    Box::new(std::iter::from_fn(move || {
        if start == line.len() {
            return None;
        }
        let mut end = start;
        while end < line.len() {
            if bytes[end] == b' ' && !inside_number(end) {
                end += bytes[end..].iter().take_while(|&&b| b == b' ').count();
                break;
            }
            end += 1;
        }
        let word = Word::from(&line[start..end]);
        start = end;
        Some(word)
    }))
}

fn source_of(texts: &Texts, report: &Report, file: usize) -> Result<Source, TextChanged> {
    Ok(NamedSource::new(&report.files[file].path, texts.get(file)?).with_language("text"))
}

type Texts<'a> = TextCache<'a, Arc<LinedText>>;
type Source = NamedSource<Arc<LinedText>>;

/// A text as a diagnostic's source, with where its lines end. miette reads a `str` source by
/// counting lines from its top for every label; a finding across a large corpus has thousands
/// of labels, one per text it cites, so that counting was a fifth of the pretty output's time.
/// This source hands miette the text from a few lines above the span instead, and adds back
/// the lines skipped: what miette reads is the same, from far fewer bytes.
struct LinedText {
    text: Arc<str>,
    /// For every "\n": the offset just past it, and how many line breaks miette counts up to
    /// there ("\r\n", a lone "\r" and "\n" are one each).
    line_ends: Vec<(usize, usize)>,
}

impl LinedText {
    fn new(text: Arc<str>) -> Arc<LinedText> {
        let bytes = text.as_bytes();
        let mut line_ends = Vec::new();
        let mut breaks = 0;
        // Every text a finding cites is indexed so: find the breaks a vector at a time.
        for at in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            if bytes[at] == b'\n' {
                breaks += 1;
                line_ends.push((at + 1, breaks));
            } else if bytes.get(at + 1) != Some(&b'\n') {
                breaks += 1;
            }
        }
        Arc::new(LinedText { text, line_ends })
    }
}

impl SourceCode for LinedText {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let text = self.text.as_bytes();
        // miette 7.6 panics on an empty span past the end of what it reads.
        if span.offset() > text.len() {
            return Err(MietteError::OutOfBounds);
        }
        // Start after the line end that leaves more than `context_lines_before` line breaks
        // before the span: from there miette finds the same context lines as from the top.
        let ends_before = self
            .line_ends
            .partition_point(|&(end, _)| end <= span.offset());
        let Some(&(start, skipped)) = ends_before
            .checked_sub(context_lines_before + 2)
            .map(|i| &self.line_ends[i])
        else {
            return text.read_span(span, context_lines_before, context_lines_after);
        };
        let local = SourceSpan::new((span.offset() - start).into(), span.len());
        let read = text[start..].read_span(&local, context_lines_before, context_lines_after)?;
        Ok(Box::new(MietteSpanContents::new(
            read.data(),
            SourceSpan::new((read.span().offset() + start).into(), read.span().len()),
            read.line() + skipped,
            read.column(),
            read.line_count() + skipped,
        )))
    }
}

/// A finding's evidence grouped by file, the files in the order they are first cited: every
/// file, or a few that show each side of the finding, and how many were left out.
struct Cited<'f> {
    first: &'f Evidence,
    files: Vec<(usize, Vec<&'f Evidence>)>,
    left_out: usize,
}

impl<'f> Cited<'f> {
    /// The files of `finding`'s evidence; at most `limit` of them when one is given (see
    /// [`shown`]).
    fn new(finding: &'f Finding, limit: Option<usize>) -> Option<Cited<'f>> {
        let first = finding.evidence.first()?;
        let mut slots: FxHashMap<usize, usize> = FxHashMap::default();
        let mut files: Vec<(usize, Vec<&Evidence>)> = Vec::new();
        for evidence in &finding.evidence {
            let slot = *slots.entry(evidence.file).or_insert_with(|| {
                files.push((evidence.file, Vec::new()));
                files.len() - 1
            });
            files[slot].1.push(evidence);
        }
        let all = files.len();
        if let Some(limit) = limit {
            files = shown(files, limit);
        }
        Some(Cited {
            first,
            left_out: all - files.len(),
            files,
        })
    }

    /// The labels of the evidence in one file; the finding's first piece is primary.
    fn labels(&self, evidence: &[&Evidence]) -> Vec<LabeledSpan> {
        evidence
            .iter()
            .map(|e| {
                let span = SourceSpan::from(e.span);
                if std::ptr::eq(*e, self.first) {
                    LabeledSpan::new_primary_with_span(Some(e.label.to_string()), span)
                } else {
                    LabeledSpan::new_with_span(Some(e.label.to_string()), span)
                }
            })
            .collect()
    }
}

/// At most `limit` (and at least one) of a finding's `files`, in their order: first the first
/// file and each next one that shows a label not shown yet, so that every side of a finding
/// across hundreds of files is seen while there is room, then the files after the first.
fn shown(files: Vec<(usize, Vec<&Evidence>)>, limit: usize) -> Vec<(usize, Vec<&Evidence>)> {
    let limit = limit.max(1);
    if files.len() <= limit {
        return files;
    }
    let mut keep = vec![false; files.len()];
    let mut labels: Vec<&str> = Vec::new();
    let mut kept = 0;
    for (slot, (_, evidence)) in files.iter().enumerate() {
        let new = evidence.iter().any(|e| !labels.contains(&&*e.label));
        if kept < limit && (slot == 0 || new) {
            keep[slot] = true;
            kept += 1;
            labels.extend(evidence.iter().map(|e| &*e.label));
        }
    }
    for slot in keep.iter_mut() {
        if kept < limit && !*slot {
            *slot = true;
            kept += 1;
        }
    }
    files
        .into_iter()
        .zip(keep)
        .filter_map(|(file, keep)| keep.then_some(file))
        .collect()
}

/// The diagnostic for one finding, with the labels in its first file; the other files'
/// views are added by [`related_view`].
fn main_view(
    report: &Report,
    texts: &Texts,
    finding: &Finding,
    cited: &Cited,
) -> Result<View, TextChanged> {
    let main = &report.files[cited.first.file];
    let readable = finding.kind != FindingKind::Input;
    let source = if readable {
        Some(source_of(texts, report, cited.first.file)?)
    } else {
        None
    };
    Ok(View {
        message: if readable {
            finding.message.clone()
        } else {
            format!("{}: {}", main.path, finding.message)
        },
        code: Some(finding.code.clone()),
        severity: match finding.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        },
        help: finding.help.as_deref().map(str::to_owned),
        source,
        labels: cited.labels(&cited.files[0].1),
        related: Vec::new(),
    })
}

/// The view of the evidence in another file than the finding's first.
fn related_view(
    report: &Report,
    texts: &Texts,
    cited: &Cited,
    (file, evidence): &(usize, Vec<&Evidence>),
) -> Result<View, TextChanged> {
    Ok(View {
        message: format!("druga strona konfliktu: {}", report.files[*file].path),
        code: None,
        severity: miette::Severity::Advice,
        help: None,
        source: Some(source_of(texts, report, *file)?),
        labels: cited.labels(evidence),
        related: Vec::new(),
    })
}

/// The line that says how many files a finding cites beyond those drawn, if any.
fn left_out_view(left_out: usize) -> Option<View> {
    (left_out > 0).then(|| View {
        message: format!(
            "… i {left_out} {} więcej; wszystkie miejsca pokażą --files-per-finding 0 \
             i --format json",
            plural::form(left_out as u64, ["plik", "pliki", "plików"])
        ),
        code: None,
        severity: miette::Severity::Advice,
        help: None,
        source: None,
        labels: Vec::new(),
        related: Vec::new(),
    })
}

/// A view that only holds related views: miette draws it as its own empty header, then the
/// related views exactly as under the finding they belong to.
fn holder(related: Vec<View>) -> View {
    View {
        message: String::new(),
        code: None,
        severity: miette::Severity::Advice,
        help: None,
        source: None,
        labels: Vec::new(),
        related,
    }
}

/// Related views drawn together, in parallel with the next such part: a finding across a
/// large corpus cites thousands of files.
const RELATED_PART: usize = 64;

/// How many files a finding cites at most, by default: a finding across a corpus can cite
/// thousands, more than anybody reads at a terminal (the other formats list every place).
pub const FILES_PER_FINDING: usize = 5;

/// How the diagnostics are drawn.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// In colour (the caller decides from the terminal and NO_COLOR).
    pub color: bool,
    /// The files each finding cites at most, with a line saying how many are left out; `None`
    /// cites every file.
    pub files_per_finding: Option<usize>,
}

impl Default for Style {
    fn default() -> Style {
        Style {
            color: false,
            files_per_finding: Some(FILES_PER_FINDING),
        }
    }
}

/// Render every finding, then a one-line summary.
pub fn render(report: &Report, style: Style) -> Result<String, WriteError> {
    super::rendered(|out| write(report, style, out))
}

/// Write every finding, then a one-line summary. Diagnostics are drawn a chunk at a time in
/// parallel and written in order: on a large corpus the output is larger than the input.
pub fn write(
    report: &Report,
    style: Style,
    mut out: impl std::io::Write,
) -> Result<(), WriteError> {
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = handler(theme);
    let texts = Texts::new(&report.files, LinedText::new);
    let draw_view = |view: &View| -> Option<String> {
        let mut drawn = String::new();
        handler.render_report(&mut drawn, view).ok()?;
        Some(drawn)
    };
    let empty_holder = draw_view(&holder(Vec::new()));
    // One finding: its own view, then its related views a part at a time, each part drawn
    // under a holder whose own lines are cut off again; `None` if miette fails.
    let draw_finding = |finding: &Finding,
                        cited: &Cited|
     -> Result<Option<Vec<String>>, TextChanged> {
        let mut main = main_view(report, &texts, finding, cited)?;
        let others = &cited.files[1..];
        let related = |part: &[(usize, Vec<&Evidence>)]| -> Result<Vec<View>, TextChanged> {
            part.iter()
                .map(|other| related_view(report, &texts, cited, other))
                .collect()
        };
        if others.len() <= RELATED_PART {
            main.related = related(others)?;
            main.related.extend(left_out_view(cited.left_out));
            return Ok(draw_view(&main).map(|drawn| vec![drawn]));
        }
        let Some(empty_holder) = &empty_holder else {
            return Ok(None);
        };
        let parts: Vec<Result<Option<String>, TextChanged>> = others
            .par_chunks(RELATED_PART)
            .map(|part| {
                let drawn = draw_view(&holder(related(part)?));
                Ok(drawn.and_then(|d| d.strip_prefix(empty_holder.as_str()).map(str::to_owned)))
            })
            .collect();
        // The first part (in order) whose text changed is the error, whichever thread failed
        // first.
        let parts = parts.into_iter().collect::<Result<Vec<_>, _>>()?;
        let left_out = left_out_view(cited.left_out).map(|view| {
            draw_view(&holder(vec![view]))
                .and_then(|d| d.strip_prefix(empty_holder.as_str()).map(str::to_owned))
        });
        Ok(std::iter::once(draw_view(&main))
            .chain(parts)
            .chain(left_out)
            .collect())
    };
    // The pieces of one finding's diagnostic, in order.
    let draw = |finding: &Finding| -> Result<Vec<String>, TextChanged> {
        let Some(cited) = Cited::new(finding, style.files_per_finding) else {
            return Ok(Vec::new());
        };
        let mut pieces = draw_finding(finding, &cited)?
            .unwrap_or_else(|| vec![format!("{}: {}\n", finding.code, finding.message)]);
        pieces.push("\n".to_owned());
        Ok(pieces)
    };
    let evidence = |finding: &Finding| finding.evidence.len();
    render_in_chunks(&report.findings, evidence, draw, |pieces| {
        for piece in pieces {
            out.write_all(piece.as_bytes())?;
        }
        Ok(())
    })?;
    let summary = report.summary();
    writeln!(
        out,
        "rolelint: pliki: {}, twierdzenia: {}, błędy: {}, ostrzeżenia: {}",
        summary.files, summary.claims, summary.errors, summary.warnings
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Input;
    use crate::rules::RuleSet;

    proptest::proptest! {
        #[test]
        fn lined_text_reads_spans_as_miette_reads_the_whole_text(
            text in "[ab ąż\r\n]{0,120}",
            offset in 0usize..130,
            len in 0usize..20,
            context in 0usize..3,
        ) {
            let lined = LinedText::new(Arc::from(text.as_str()));
            let span = SourceSpan::new(offset.into(), len);
            let ours = lined.read_span(&span, context, context);
            // miette 7.6 panics on an empty span that starts past the end of a text ("range
            // start index 21 out of range for slice of length 15"); ours refuses it.
            if offset > text.len() {
                proptest::prop_assert!(ours.is_err());
                return Ok(());
            }
            let miettes = text.read_span(&span, context, context);
            match (ours, miettes) {
                (Ok(ours), Ok(miettes)) => {
                    proptest::prop_assert_eq!(ours.data(), miettes.data());
                    proptest::prop_assert_eq!(ours.span(), miettes.span());
                    proptest::prop_assert_eq!(ours.line(), miettes.line());
                    proptest::prop_assert_eq!(ours.column(), miettes.column());
                    proptest::prop_assert_eq!(ours.line_count(), miettes.line_count());
                }
                (ours, miettes) => proptest::prop_assert_eq!(ours.is_ok(), miettes.is_ok()),
            }
        }
    }

    #[test]
    fn messages_wrap_at_spaces_but_not_inside_amounts() {
        let words: Vec<&str> = words_of_message("zarabia 12 000 PLN, a  nie 1 200 000 ani 9 5000")
            .map(|word| word.word)
            .collect();
        assert_eq!(
            words,
            [
                "zarabia",
                "12 000",
                "PLN,",
                "a",
                "nie",
                "1 200 000",
                "ani",
                "9",
                "5000"
            ]
        );
        let message =
            "wynagrodzenie podano na kilka sposobów, których nie da się pogodzić: ok. 9 000 PLN";
        let options =
            textwrap::Options::new(74).word_separator(WordSeparator::Custom(words_of_message));
        assert_eq!(
            textwrap::wrap(message, options),
            [
                "wynagrodzenie podano na kilka sposobów, których nie da się pogodzić: ok.",
                "9 000 PLN"
            ]
        );
    }

    /// `count` files that say `text` (named "relacje-NNN.txt"), then one that says the Account
    /// Manager keeps the books: one finding across them all.
    fn many_files_and_one_against(count: usize, text: &str) -> Report {
        let rules = RuleSet::embedded().expect("the embedded rules load");
        let mut inputs: Vec<Input> = (0..count)
            .map(|i| Input::from_text(format!("relacje-{i:03}.txt"), text))
            .collect();
        inputs.push(Input::from_text(
            "ksiegowosc.txt",
            "Account Manager prowadzi księgowość firmy.",
        ));
        crate::lint(inputs, &rules).expect("texts in memory are kept")
    }

    #[test]
    fn a_finding_across_many_files_cites_a_few_that_show_both_sides_and_counts_the_rest() {
        let report = many_files_and_one_against(30, "Account Manager buduje relacje z klientami.");
        assert_eq!(report.findings.len(), 1, "{:?}", report.findings);
        let rendered = render(&report, Style::default()).expect("kept");
        let cited: Vec<&str> = rendered
            .lines()
            .filter_map(|line| line.strip_prefix("  ☞ druga strona konfliktu: "))
            .collect();
        assert_eq!(
            cited,
            [
                "relacje-001.txt",
                "relacje-002.txt",
                "relacje-003.txt",
                "ksiegowosc.txt"
            ],
            "five files with the first, the other side's among them, in their order"
        );
        assert!(
            rendered.contains(
                "… i 26 plików więcej; wszystkie miejsca pokażą --files-per-finding 0 i --format json"
            ),
            "{rendered}"
        );
        let two = Style {
            files_per_finding: Some(2),
            ..Style::default()
        };
        let rendered = render(&report, two).expect("kept");
        assert_eq!(rendered.matches("druga strona konfliktu").count(), 1);
        assert!(rendered.contains("… i 29 plików więcej"), "{rendered}");
    }

    #[test]
    fn a_finding_across_many_files_draws_as_one_view_would() {
        let report = many_files_and_one_against(
            150,
            "Wstęp.\nAccount Manager buduje relacje z klientami.\nKoniec.\n",
        );
        let finding = report
            .findings
            .iter()
            .find(|f| f.evidence.len() > 2 * RELATED_PART)
            .expect("one finding cites every file");
        let texts = Texts::new(&report.files, LinedText::new);
        let cited = Cited::new(finding, None).expect("the finding has evidence");
        let mut whole = main_view(&report, &texts, finding, &cited).expect("kept");
        whole.related = cited.files[1..]
            .iter()
            .map(|other| related_view(&report, &texts, &cited, other).expect("kept"))
            .collect();
        let handler = handler(GraphicalTheme::unicode_nocolor());
        let mut drawn = String::new();
        handler
            .render_report(&mut drawn, &whole)
            .expect("miette draws it");
        let every_file = Style {
            files_per_finding: None,
            ..Style::default()
        };
        let rendered = render(&report, every_file).expect("kept");
        assert!(
            rendered.contains(&format!("{drawn}\n")),
            "the finding is drawn in parts as it is drawn whole"
        );
        assert_eq!(rendered.matches("druga strona konfliktu").count(), {
            let related: usize = report
                .findings
                .iter()
                .filter_map(|f| Cited::new(f, None))
                .map(|c| c.files.len() - 1)
                .sum();
            related
        });
    }
}
