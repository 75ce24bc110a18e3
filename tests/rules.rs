//! The shipped rules: they load, every rule documents itself and carries examples, every
//! example behaves, and every word they use is in the lexicon.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use rolelint::rules::RuleSet;

fn rules() -> RuleSet {
    RuleSet::embedded().unwrap_or_else(|e| panic!("{:?}", miette::Report::new(e)))
}

#[test]
fn shipped_rules_cover_the_agreed_roles_and_dimensions() {
    let rules = rules();
    let roles: BTreeSet<&str> = rules.roles.iter().map(|r| &*r.id).collect();
    for id in [
        "account_manager",
        "key_account_manager",
        "project_manager",
        "product_manager",
        "product_owner",
        "scrum_master",
        "hr_business_partner",
        "recruiter",
        "accountant",
        "sales_representative",
        "business_analyst",
        "office_manager",
    ] {
        assert!(roles.contains(id), "role {id} missing");
    }
    let dimensions: BTreeSet<&str> = rules.dimensions.iter().map(|d| &*d.id).collect();
    for id in [
        "responsibility",
        "skills",
        "requirements",
        "authority",
        "career",
        "salary",
        "benefits",
        "work_environment",
        "challenges",
        "impact",
    ] {
        assert!(dimensions.contains(id), "dimension {id} missing");
        let dimension = rules
            .dimensions
            .iter()
            .position(|d| &*d.id == id)
            .expect("present");
        assert!(
            rules.values.iter().any(|v| v.dimension == dimension),
            "dimension {id} has no values"
        );
    }
}

#[test]
fn every_rule_is_documented_and_has_examples() {
    let rules = rules();
    for role in rules.roles.iter().filter(|r| !r.aliases.is_empty()) {
        assert!(
            !role.examples.mentions.is_empty(),
            "role {} has no examples",
            role.id
        );
    }
    for value in &rules.values {
        assert!(
            !value.examples.fires.is_empty(),
            "value {} has no firing example",
            value.id
        );
        assert!(
            !value.examples.quiet.is_empty(),
            "value {} has no quiet example",
            value.id
        );
    }
    for conflict in &rules.conflicts {
        for (field, text) in [
            ("summary", conflict.summary.as_str()),
            ("why", conflict.why.as_str()),
            ("help", &*conflict.help),
        ] {
            assert!(
                !text.trim().is_empty(),
                "conflict {} has no {field}",
                conflict.code
            );
        }
        assert!(
            !conflict.examples.fires.is_empty(),
            "conflict {} has no firing example",
            conflict.code
        );
        assert!(
            !conflict.examples.quiet.is_empty(),
            "conflict {} has no quiet example",
            conflict.code
        );
    }
}

#[test]
fn every_rule_example_behaves() {
    let failures = rolelint::examples::run(&rules());
    let listed: Vec<String> = failures
        .iter()
        .map(|f| format!("{}: {}\n    {}", f.rule, f.problem, f.example))
        .collect();
    assert!(
        failures.is_empty(),
        "{} rule examples fail:\n{}",
        failures.len(),
        listed.join("\n")
    );
}

#[test]
fn a_firing_example_needs_an_affirmed_claim_and_a_denied_one_a_denial() {
    let mut rules = rules();
    let task_assignment = rules
        .value_index("task_assignment")
        .expect("a shipped value");
    let denial = "Scrum Master nie [przydziela nikomu zadań].";
    let examples = &mut rules.values[task_assignment].examples;
    examples.fires = vec![denial.to_owned()];
    examples.denied = vec!["Kierownik projektu [przydziela zadania] konsultantom.".to_owned()];
    let failures = rolelint::examples::run(&rules);
    let failing: Vec<&str> = failures.iter().map(|f| f.example.as_str()).collect();
    assert_eq!(
        failing,
        [
            denial,
            "Kierownik projektu [przydziela zadania] konsultantom."
        ],
        "{failures:?}"
    );
}

/// Keys whose strings are phrases matched through the lexicon.
const PHRASE_KEYS: &[&str] = &[
    "aliases",
    "alias",
    "cues",
    "headings",
    "first",
    "second",
    "qualifiers",
    "places",
    "amounts_of",
    "negation",
    "possible",
    "reported",
    "conditional",
    "anaphora",
];

fn collect_phrases(value: &toml::Value, key: Option<&str>, out: &mut Vec<String>) {
    match value {
        toml::Value::String(s) if key.is_some_and(|k| PHRASE_KEYS.contains(&k)) => {
            out.push(s.clone())
        }
        toml::Value::Array(items) => items.iter().for_each(|v| collect_phrases(v, key, out)),
        // A table under a phrase key holds phrases by kind ("qualifiers.level").
        toml::Value::Table(table) => table.iter().for_each(|(k, v)| {
            let phrases = key.filter(|key| PHRASE_KEYS.contains(key));
            collect_phrases(v, phrases.or(Some(k)), out)
        }),
        _ => {}
    }
}

#[test]
fn every_rule_word_is_in_the_lexicon() {
    let rules = rules();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let mut missing = BTreeSet::new();
    for entry in fs::read_dir(&dir).expect("rules/ exists") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let value: toml::Value =
            toml::from_str(&fs::read_to_string(&path).expect("readable")).expect("valid TOML");
        let mut phrases = Vec::new();
        collect_phrases(&value, None, &mut phrases);
        for phrase in phrases {
            let doc = rolelint::segment::segment(&phrase);
            for token in doc
                .tokens
                .iter()
                .filter(|t| t.kind == rolelint::segment::TokenKind::Word)
            {
                let word = token.span.slice(&phrase);
                let capitals = word.chars().count() >= 2
                    && word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit());
                if !capitals && !rules.lexicon.knows_form(&word.to_lowercase()) {
                    missing.insert(format!(
                        "{word} ({})",
                        path.file_name().and_then(|n| n.to_str()).unwrap_or("?")
                    ));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "words missing from rules/lexicon.tsv (run tools/gen_lexicon.py): {missing:?}"
    );
}

/// A copy of the shipped rules, loaded, with the text of rule file `name` changed by `edit`.
fn rules_edited(name: &str, edit: impl FnOnce(String) -> String) -> Result<RuleSet, String> {
    let dir = tempfile::tempdir().expect("temporary folder");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    for entry in fs::read_dir(&root).expect("rules folder") {
        let path = entry.expect("entry").path();
        fs::copy(&path, dir.path().join(path.file_name().expect("file name"))).expect("copy");
    }
    let file = dir.path().join(name);
    let text = fs::read_to_string(&file).expect("rule file");
    fs::write(&file, edit(text)).expect("write");
    RuleSet::from_dir(dir.path()).map_err(|e| e.to_string())
}

/// A copy of the shipped rules with `regex` as the regex of `development_programs` (career).
fn rules_with_regex(regex: &str) -> Result<RuleSet, String> {
    rules_edited("career.toml", |text| {
        let line = text
            .lines()
            .find(|l| l.starts_with("regex = \"\\\\bmentoring"))
            .expect("the mentoring regex line")
            .to_owned();
        text.replace(&line, &format!("regex = {}", toml::Value::from(regex)))
    })
}

#[test]
fn bad_and_oversized_rule_regexes_are_refused_with_the_reason() {
    assert!(rules_with_regex("\\bmentor\\w*").is_ok());
    let invalid = rules_with_regex("(mentor")
        .err()
        .expect("unclosed group refused");
    assert!(
        invalid.contains("niepoprawne wyrażenie regularne"),
        "{invalid}"
    );
    assert!(invalid.contains("career.toml"), "{invalid}");
    let huge = rules_with_regex("\\w{1000}{1000}")
        .err()
        .expect("oversized regex refused");
    assert!(huge.contains("„development_programs”"), "{huge}");
}

/// The shipped rules with `conflicts.toml`'s `pairs_allowed_for` line for the accountant
/// replaced by `allowed`.
fn rules_with_allowed_pair(allowed: &str) -> Result<RuleSet, String> {
    rules_edited("conflicts.toml", |text| {
        let line =
            r#"  { pair = ["client_relationships", "bookkeeping"], roles = ["accountant"] },"#;
        assert!(text.contains(line), "the accountant's allowed pair");
        text.replace(line, allowed)
    })
}

#[test]
fn an_allowed_pair_names_a_pair_of_the_conflict_and_known_roles() {
    let unknown_role = rules_with_allowed_pair(
        r#"  { pair = ["client_relationships", "bookkeeping"], roles = ["astronaut"] },"#,
    )
    .err()
    .expect("an unknown role is refused");
    assert!(
        unknown_role.contains("nieznana rola „astronaut”"),
        "{unknown_role}"
    );
    let no_such_pair = rules_with_allowed_pair(
        r#"  { pair = ["remote_work", "bookkeeping"], roles = ["accountant"] },"#,
    )
    .err()
    .expect("a pair the conflict lacks is refused");
    assert!(no_such_pair.contains("tej pary nie ma"), "{no_such_pair}");
}

#[test]
fn a_shared_alias_needs_two_roles_and_no_plain_owner() {
    // Only one role left sharing "PM".
    let lonely = rules_edited("roles.toml", |text| {
        text.replacen("shared_aliases = [\"PM\"]", "", 1)
    })
    .err()
    .expect("an alias shared by one role is refused");
    assert!(lonely.contains("alias wspólny „PM”"), "{lonely}");
    // "PM" also a plain alias of a third role.
    let owned = rules_edited("roles.toml", |text| {
        text.replacen(
            "  \"office manager / office managerka\",",
            "  \"office manager / office managerka\",\n  \"PM\",",
            1,
        )
    })
    .err()
    .expect("a shared alias that is also a plain one is refused");
    assert!(owned.contains("alias wspólny „PM”"), "{owned}");
}

#[test]
fn a_metrics_qualifiers_are_one_list_or_a_table_of_kinds_of_lists() {
    let levels = "qualifiers.level = [\n  \"junior | juniorski | na start";
    let as_one_list = rules_edited("salary.toml", |text| {
        let kinds = text
            .find("qualifiers.statistic")
            .expect("qualifiers by kind");
        let places = text.find("\nplaces = [").expect("places");
        format!(
            "{}qualifiers = [\"mediana\", \"junior\", \"senior\"]{}",
            &text[..kinds],
            &text[places..]
        )
    });
    assert!(as_one_list.is_ok(), "{:?}", as_one_list.err());
    let mistake = rules_edited("salary.toml", |text| {
        let start = text.find(levels).expect("the levels");
        let end = start + text[start..].find("]\n").expect("their end") + 1;
        format!(
            "{}qualifiers.level = \"junior\"{}",
            &text[..start],
            &text[end..]
        )
    })
    .err()
    .expect("a kind that is no list refused");
    assert!(mistake.contains("salary.toml"), "{mistake}");
    assert!(mistake.contains("a sequence"), "{mistake}");
}

#[test]
fn affirmed_and_denied_in_names_known_dimensions() {
    let unknown = rules_edited("conflicts.toml", |text| {
        let line = r#"affirmed_and_denied_in = ["requirements"]"#;
        assert!(text.contains(line), "RL102's dimensions");
        text.replace(line, r#"affirmed_and_denied_in = ["wymagania"]"#)
    })
    .err()
    .expect("an unknown dimension is refused");
    assert!(unknown.contains("nieznany wymiar „wymagania”"), "{unknown}");
}

#[test]
fn hedged_pairs_name_known_values() {
    let unknown = rules_edited("conflicts.toml", |text| {
        let line = r#"["office_only", "remote_work"],"#;
        assert!(text.contains(line), "RL105's hedged pairs");
        text.replace(line, r#"["office_only", "praca_zdalna"],"#)
    })
    .err()
    .expect("an unknown value is refused");
    assert!(unknown.contains("praca_zdalna"), "{unknown}");
    assert!(unknown.contains("conflicts.toml"), "{unknown}");
}
