//! claims: what the texts claim about each role, for `rolelint claims`.
//!
//! A role × dimension view: every value said of a role, affirmed or denied, with how many
//! texts say so and where; and which names each role goes by across the corpus. Rendered as
//! an aligned table, Markdown, CSV, or JSON (the main report's claim objects grouped by role).

use std::collections::BTreeMap;

use serde::Serialize;

use super::Report;
use super::json::{JsonClaim, claim};
use super::texts::TextChanged;
use crate::extract::{Modality, Polarity};
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
    places: Vec<String>,
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
    let mut grouped: BTreeMap<RowKey, (Vec<usize>, Vec<String>)> = BTreeMap::new();
    for (f, file) in report.files.iter().enumerate() {
        let text = file.read_text()?;
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
            entry.1.push(format!(
                "{}:{}",
                file.path,
                index.locate(c.span.start()).line
            ));
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
    // Inflected mentions of one alias are one name, shown as first written in the texts.
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
    Ok((rows, names))
}

/// Render the claims view.
pub fn render(report: &Report, format: ClaimsFormat) -> Result<String, TextChanged> {
    match format {
        ClaimsFormat::Table => table(report),
        ClaimsFormat::Markdown => markdown(report),
        ClaimsFormat::Csv => csv(report),
        ClaimsFormat::Json => json(report),
    }
}

fn table(report: &Report) -> Result<String, TextChanged> {
    let (rows, names) = rows(report)?;
    let width = |f: fn(&Row) -> usize| rows.iter().map(f).max().unwrap_or(0);
    let dimension_width = width(|r| r.dimension.chars().count());
    let value_width = width(|r| r.value.chars().count()).min(60);
    let mut out = String::new();
    let mut role = "";
    for row in &rows {
        if row.role != role {
            role = &row.role;
            out.push_str(&format!("\n{role}\n"));
            if let Some(names) = names.get(role) {
                let listed: Vec<String> = names
                    .iter()
                    .map(|(n, used)| format!("„{n}” ×{}", used.count))
                    .collect();
                out.push_str(&format!("  nazwy: {}\n", listed.join(", ")));
            }
        }
        out.push_str(&format!(
            "  {:dw$}  {:vw$}  {:8}  tekstów: {:<3} twierdzeń: {:<3} {}\n",
            row.dimension,
            row.value,
            row.stance,
            row.texts,
            row.claims,
            row.places.join(", "),
            dw = dimension_width,
            vw = value_width,
        ));
    }
    Ok(out)
}

fn markdown(report: &Report) -> Result<String, TextChanged> {
    let (rows, names) = rows(report)?;
    let cell = |s: &str| s.replace('|', "\\|");
    let mut out = String::from(
        "| rola | wymiar | wartość | stanowisko | teksty | twierdzenia | gdzie |\n|---|---|---|---|---|---|---|\n",
    );
    for row in &rows {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} |\n",
            row.role,
            row.dimension,
            cell(&row.value),
            row.stance,
            row.texts,
            row.claims,
            cell(&row.places.join(", "))
        ));
    }
    out.push_str("\n| rola | nazwa | wystąpienia | pliki |\n|---|---|---|---|\n");
    for (role, names) in &names {
        for (name, NameUse { count, files }) in names {
            out.push_str(&format!(
                "| {role} | {} | {count} | {} |\n",
                cell(name),
                cell(&files.join(", "))
            ));
        }
    }
    Ok(out)
}

fn csv(report: &Report) -> Result<String, TextChanged> {
    let (rows, _) = rows(report)?;
    let quote = |s: &str| {
        if s.contains([',', '"', '\n']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_owned()
        }
    };
    let mut out = String::from("role,dimension,value,stance,texts,claims,places\n");
    for row in &rows {
        out.push_str(&format!(
            "{},{},{},{},{},{},{}\n",
            quote(&row.role),
            quote(&row.dimension),
            quote(&row.value),
            row.stance,
            row.texts,
            row.claims,
            quote(&row.places.join(" "))
        ));
    }
    Ok(out)
}

#[derive(Serialize)]
struct JsonRole<'a> {
    role: &'a str,
    claims: Vec<JsonPlacedClaim<'a>>,
    names: Vec<JsonName<'a>>,
}

#[derive(Serialize)]
struct JsonPlacedClaim<'a> {
    path: &'a str,
    #[serde(flatten)]
    claim: JsonClaim<'a>,
}

#[derive(Serialize)]
struct JsonName<'a> {
    name: String,
    count: usize,
    files: Vec<&'a str>,
}

fn json(report: &Report) -> Result<String, TextChanged> {
    let mut roles: BTreeMap<&str, JsonRole> = BTreeMap::new();
    // The view quotes every claim's sentence, so it holds every text while it is made.
    let texts = report
        .files
        .iter()
        .map(|f| f.read_text())
        .collect::<Result<Vec<_>, _>>()?;
    for (file, text) in report.files.iter().zip(&texts) {
        let index = LineIndex::new(text);
        for c in &file.claims {
            roles
                .entry(report.names.role(c.role))
                .or_insert_with(|| JsonRole {
                    role: report.names.role(c.role),
                    claims: Vec::new(),
                    names: Vec::new(),
                })
                .claims
                .push(JsonPlacedClaim {
                    path: &file.path,
                    claim: claim(&report.names, &index, text, c),
                });
        }
    }
    let (_, names) = rows(report)?;
    for (role, names) in &names {
        if let Some(entry) = roles.get_mut(role.as_str()) {
            for (name, NameUse { count, files }) in names {
                let files = report
                    .files
                    .iter()
                    .filter(|f| files.contains(&f.path))
                    .map(|f| f.path.as_str())
                    .collect();
                entry.names.push(JsonName {
                    name: name.clone(),
                    count: *count,
                    files,
                });
            }
        }
    }
    let body = serde_json::json!({
        "version": super::json::VERSION,
        "roles": roles.into_values().collect::<Vec<_>>(),
    });
    Ok(serde_json::to_string_pretty(&body).expect("the claims view serialises") + "\n")
}
