//! claims: what the texts claim about each role, for `rolelint claims`.
//!
//! A role × dimension view: every value said of a role, affirmed or denied, with how many
//! texts say so and where; and which names each role goes by across the corpus. Rendered as
//! an aligned table, Markdown, CSV, or JSON (the main report's claim objects grouped by role).

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::json::{JsonPlacedClaim, claim, nested, write_array};
use super::texts::TextChanged;
use super::{FileReport, Report, WriteError};
use crate::extract::{Claim, Modality, Polarity};
use crate::rules::RoleIdx;
use crate::span::LineIndex;

/// How `rolelint claims` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimsFormat {
    Table,
    Markdown,
    Csv,
    Json,
}

/// One line of the view: a value said of a role.
struct Row {
    role: String,
    dimension: String,
    value: String,
    stance: &'static str,
    texts: usize,
    claims: usize,
    /// Where each claim is; [`Row::places`] writes them out as `path:line`.
    places: Vec<ClaimPlace>,
}

/// A claim's file (index in the report) and line; 32-bit, like spans: a row of a large
/// corpus lists hundreds of thousands of places.
type ClaimPlace = (u32, u32);

impl Row {
    /// `path:line` of every claim, joined by `separator`.
    fn places(&self, report: &Report, separator: &str) -> String {
        let place =
            |&(file, line): &ClaimPlace| format!("{}:{line}", report.files[file as usize].path);
        let places: Vec<String> = self.places.iter().map(place).collect();
        places.join(separator)
    }
}

/// How often a name stands for a role, and in which files.
#[derive(Default)]
struct NameUse {
    count: usize,
    files: Vec<String>,
}

/// Role id → name as written (lower case) → its use.
type Names = BTreeMap<String, BTreeMap<String, NameUse>>;

/// Role, dimension, value (with its number) and stance: what a row groups by.
type RowKey = (String, String, String, &'static str);

/// The rows, sorted by role, dimension and value; the names each role goes by.
fn rows(report: &Report) -> Result<(Vec<Row>, Names), TextChanged> {
    let mut grouped: BTreeMap<RowKey, (Vec<usize>, Vec<ClaimPlace>)> = BTreeMap::new();
    let small = |n: usize| u32::try_from(n).expect("fewer than 4 billion files and lines");
    for (f, file) in report.files.iter().enumerate() {
        let text = file.quoted_text()?;
        let index = LineIndex::new(&text);
        for c in &file.claims {
            let stance = match (c.polarity, c.modality) {
                (Polarity::Affirmed, Modality::Asserted) => "tak",
                (Polarity::Negated, Modality::Asserted) => "nie",
                _ => "niepewne",
            };
            let value = match &c.quantity {
                Some(q) => format!("{}: {}", report.names.label(c.value), q.describe()),
                None => report.names.label(c.value).to_owned(),
            };
            let role = report.names.role(c.role).to_owned();
            let entry = grouped
                .entry((
                    role,
                    report.names.dimension(c.value).to_owned(),
                    value,
                    stance,
                ))
                .or_default();
            entry.0.push(f);
            entry
                .1
                .push((small(f), small(index.locate(c.span.start()).line)));
        }
    }
    let rows = grouped
        .into_iter()
        .map(|((role, dimension, value, stance), (mut files, places))| {
            let claims = files.len();
            files.dedup();
            Row {
                role,
                dimension,
                value,
                stance,
                texts: files.len(),
                claims,
                places,
            }
        })
        .collect();
    Ok((rows, names(report)))
}

/// The names each role goes by across the texts. Inflected mentions of one alias are one
/// name, shown as first written in the texts.
fn names(report: &Report) -> Names {
    let mut by_alias: BTreeMap<(String, String), (String, NameUse)> = BTreeMap::new();
    for file in &report.files {
        for name in &file.names {
            let (_, entry) = by_alias
                .entry((
                    report.names.role(name.role).to_owned(),
                    report.names.alias(name).to_owned(),
                ))
                .or_insert_with(|| (name.written.clone(), NameUse::default()));
            entry.count += name.mentions;
            if entry.files.last() != Some(&file.path) {
                entry.files.push(file.path.clone());
            }
        }
    }
    let mut names: Names = BTreeMap::new();
    for ((role, _), (written, used)) in by_alias {
        names.entry(role).or_default().insert(written, used);
    }
    names
}

/// Render the claims view.
pub fn render(report: &Report, format: ClaimsFormat) -> Result<String, WriteError> {
    super::rendered(|out| write(report, format, out))
}

/// Write the claims view; the JSON view is written as it is made.
pub fn write(
    report: &Report,
    format: ClaimsFormat,
    mut out: impl std::io::Write,
) -> Result<(), WriteError> {
    match format {
        ClaimsFormat::Table => table(report, &mut out),
        ClaimsFormat::Markdown => markdown(report, &mut out),
        ClaimsFormat::Csv => csv(report, &mut out),
        ClaimsFormat::Json => write_json(report, out),
    }
}

fn table(report: &Report, out: &mut dyn std::io::Write) -> Result<(), WriteError> {
    let (rows, names) = rows(report)?;
    let width = |f: fn(&Row) -> usize| rows.iter().map(f).max().unwrap_or(0);
    let dimension_width = width(|r| r.dimension.chars().count());
    let value_width = width(|r| r.value.chars().count()).min(60);
    let mut role = "";
    for row in &rows {
        if row.role != role {
            role = &row.role;
            write!(out, "\n{role}\n")?;
            if let Some(names) = names.get(role) {
                let listed: Vec<String> = names
                    .iter()
                    .map(|(n, used)| format!("„{n}” ×{}", used.count))
                    .collect();
                writeln!(out, "  nazwy: {}", listed.join(", "))?;
            }
        }
        writeln!(
            out,
            "  {:dw$}  {:vw$}  {:8}  teksty: {:<3} twierdzenia: {:<3} {}",
            row.dimension,
            row.value,
            row.stance,
            row.texts,
            row.claims,
            row.places(report, ", "),
            dw = dimension_width,
            vw = value_width,
        )?;
    }
    Ok(())
}

fn markdown(report: &Report, out: &mut dyn std::io::Write) -> Result<(), WriteError> {
    let (rows, names) = rows(report)?;
    let cell = |s: &str| s.replace('|', "\\|");
    out.write_all(
        "| rola | wymiar | wartość | wydźwięk | teksty | twierdzenia | gdzie |\n|---|---|---|---|---|---|---|\n"
            .as_bytes(),
    )?;
    for row in &rows {
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            row.role,
            row.dimension,
            cell(&row.value),
            row.stance,
            row.texts,
            row.claims,
            cell(&row.places(report, ", "))
        )?;
    }
    out.write_all("\n| rola | nazwa | wystąpienia | pliki |\n|---|---|---|---|\n".as_bytes())?;
    for (role, names) in &names {
        for (name, NameUse { count, files }) in names {
            writeln!(
                out,
                "| {role} | {} | {count} | {} |",
                cell(name),
                cell(&files.join(", "))
            )?;
        }
    }
    Ok(())
}

fn csv(report: &Report, out: &mut dyn std::io::Write) -> Result<(), WriteError> {
    let (rows, _) = rows(report)?;
    let quote = |s: &str| {
        if s.contains([',', '"', '\n']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_owned()
        }
    };
    out.write_all(b"role,dimension,value,stance,texts,claims,places\n")?;
    for row in &rows {
        writeln!(
            out,
            "{},{},{},{},{},{},{}",
            quote(&row.role),
            quote(&row.dimension),
            quote(&row.value),
            row.stance,
            row.texts,
            row.claims,
            quote(&row.places(report, " "))
        )?;
    }
    Ok(())
}

#[derive(Serialize)]
struct JsonName<'a> {
    count: usize,
    files: Vec<&'a str>,
    name: &'a str,
}

/// The claims of one role in one file.
fn claims_of(file: &FileReport, role: RoleIdx) -> impl Iterator<Item = &Claim> {
    file.claims.iter().filter(move |c| c.role == role)
}

/// Write the JSON view: per role, its claims file by file (a chunk of files at a time, in
/// parallel, each text read again for that role alone when it was not kept: the view never
/// holds every text at once), then the names it goes by. The layout is serde_json's pretty
/// one, keys in alphabetical order, as if the whole view were one value.
fn write_json(report: &Report, mut out: impl std::io::Write) -> Result<(), WriteError> {
    let names = names(report);
    let mut roles: Vec<RoleIdx> = report
        .files
        .iter()
        .flat_map(|f| f.claims.iter().map(|c| c.role))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    roles.sort_by_key(|&r| report.names.role(r));
    out.write_all(b"{\n  \"roles\": [")?;
    for (r, &role) in roles.iter().enumerate() {
        out.write_all(if r == 0 { b"\n" } else { b",\n" })?;
        out.write_all(b"    {\n      \"claims\": ")?;
        let claims_in = |file: &FileReport| -> Result<Vec<Vec<u8>>, TextChanged> {
            if claims_of(file, role).next().is_none() {
                return Ok(Vec::new());
            }
            let text = file.read_text()?;
            let index = LineIndex::new(&text);
            Ok(claims_of(file, role)
                .map(|c| {
                    let placed =
                        JsonPlacedClaim::new(&file.path, claim(&report.names, &index, &text, c));
                    nested(&placed, 4)
                })
                .collect())
        };
        let weight = |file: &FileReport| claims_of(file, role).count();
        write_array(&mut out, &report.files, 3, weight, claims_in)?;
        let id = report.names.role(role);
        let role_names: Vec<JsonName> = names
            .get(id)
            .into_iter()
            .flatten()
            .map(|(name, used)| JsonName {
                count: used.count,
                files: used.files.iter().map(String::as_str).collect(),
                name,
            })
            .collect();
        out.write_all(b",\n      \"names\": ")?;
        out.write_all(&nested(&role_names, 3))?;
        out.write_all(b",\n      \"role\": ")?;
        serde_json::to_writer(&mut out, id)?;
        out.write_all(b"\n    }")?;
    }
    if !roles.is_empty() {
        out.write_all(b"\n  ")?;
    }
    writeln!(out, "],\n  \"version\": {}\n}}", super::json::VERSION)?;
    Ok(())
}
