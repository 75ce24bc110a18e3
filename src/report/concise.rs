//! concise: one line per finding, `path:line:col: CODE message`, and the `--statistics` table.
//!
//! The line and column (1-based, in characters) are those of the finding's first piece of
//! evidence, so editors and `grep`-style tools can jump there. Nothing else is printed: a clean
//! run prints nothing.

use super::Report;

/// Render one line per finding, in the report's order.
pub fn render(report: &Report) -> String {
    super::rendered(|out| write(report, out)).expect("writing to memory cannot fail")
}

/// Write one line per finding, in the report's order, as it goes.
pub fn write(report: &Report, mut out: impl std::io::Write) -> std::io::Result<()> {
    for finding in &report.findings {
        let Some(first) = finding.evidence.first() else {
            continue;
        };
        let (start, _) = report.range(first);
        writeln!(
            out,
            "{}:{}:{}: {} {}",
            report.path(first),
            start.line,
            start.column,
            finding.code,
            one_line(&finding.message)
        )?;
    }
    Ok(())
}

/// Findings per code, most frequent first: `count  code  name`, one code a line.
pub fn statistics(report: &Report) -> String {
    let mut counts: Vec<(String, usize)> = report.summary().by_code.into_iter().collect();
    counts.sort_by(|(code_a, a), (code_b, b)| b.cmp(a).then_with(|| code_a.cmp(code_b)));
    let count_width = counts
        .iter()
        .map(|(_, n)| n.to_string().len())
        .max()
        .unwrap_or(1);
    let code_width = counts.iter().map(|(c, _)| c.len()).max().unwrap_or(0);
    let mut out = String::new();
    for (code, count) in &counts {
        let name = report.rule(code).map_or("", |r| r.name.as_str());
        let line = format!("{count:>count_width$}  {code:<code_width$}  {name}");
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// A message on one line, whatever it holds.
fn one_line(message: &str) -> String {
    message.split(['\r', '\n']).collect::<Vec<_>>().join(" ")
}
