//! rules: the rule model and its loader.
//!
//! Reads the TOML rule files (embedded default set, or a folder given with `--rules`), checks
//! them, and compiles every phrase against the lexicon. Owns [`RuleSet`] — roles and aliases,
//! dimensions, values and metrics with their cue phrases, modality markers and declared
//! conflicts — and [`RulesError`], which points into the offending file. The format is
//! documented in `docs/rules.md`.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use miette::Diagnostic;
use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};
use serde::Deserialize;
use toml::Spanned;

use crate::lemma::{LemmaId, Lemmas, Lexicon};
use crate::mistake::{FileKind, FileMistake};
use crate::phrase::{PairIndex, Phrase, PhraseSet, StartIndex};

mod hints;
pub(crate) use hints::Hints;
use hints::RegexHints;

/// Words allowed between two words of a cue phrase.
const CUE_GAP: usize = 2;
/// Largest compiled size of a rule regex, so a hostile rule cannot exhaust memory.
const REGEX_SIZE_LIMIT: usize = 1 << 20;
/// Room per pattern in the lazy DFA cache of the set of all rule regexes. With the default
/// (2 MB for the whole set) fifteen Unicode-class patterns made the cache thrash and the
/// search fall back to a slower engine: 25× slower on the corpus.
const REGEX_DFA_CACHE_PER_PATTERN: usize = 1 << 20;
/// Largest rule file read from disk.
const MAX_RULE_FILE_BYTES: u64 = 8 << 20;

/// The default rule set, embedded at build time.
const EMBEDDED: &[(&str, &str)] = &[
    ("roles.toml", include_str!("../rules/roles.toml")),
    ("modality.toml", include_str!("../rules/modality.toml")),
    ("conflicts.toml", include_str!("../rules/conflicts.toml")),
    (
        "responsibility.toml",
        include_str!("../rules/responsibility.toml"),
    ),
    ("skills.toml", include_str!("../rules/skills.toml")),
    (
        "requirements.toml",
        include_str!("../rules/requirements.toml"),
    ),
    ("authority.toml", include_str!("../rules/authority.toml")),
    ("career.toml", include_str!("../rules/career.toml")),
    ("salary.toml", include_str!("../rules/salary.toml")),
    ("benefits.toml", include_str!("../rules/benefits.toml")),
    (
        "work_environment.toml",
        include_str!("../rules/work_environment.toml"),
    ),
    ("challenges.toml", include_str!("../rules/challenges.toml")),
    ("impact.toml", include_str!("../rules/impact.toml")),
];
const EMBEDDED_LEXICON: &str = include_str!("../rules/lexicon.tsv");

pub type RoleIdx = usize;

/// Id of [`RuleSet::unnamed`] in reports.
pub const UNNAMED_ROLE: &str = "unnamed_role";
pub type ValueIdx = usize;
pub type DimensionIdx = usize;

/// A loaded, compiled rule set.
pub struct RuleSet {
    /// The roles of `roles.toml`, then [`RuleSet::unnamed`].
    pub roles: Vec<Role>,
    /// The role a text talks about when it names none of the known roles (an occupation
    /// description of its own). Its claims are compared within that text only.
    pub unnamed: RoleIdx,
    pub dimensions: Vec<Dimension>,
    /// Values and metrics of every dimension; a metric is a value with a number.
    pub values: Vec<Value>,
    pub modality: Modality,
    pub conflicts: Vec<Conflict>,
    pub lexicon: Lexicon,
    /// Aliases indexed by the keys of their first word: `(role, alias)`.
    alias_index: StartIndex<(RoleIdx, usize)>,
    /// Cue phrases indexed by the keys of their first word: `(value, cue)`.
    cue_index: StartIndex<(ValueIdx, usize)>,
    /// Cues that may match with their verb last, by the keys of the first word their verb governs.
    verb_last_cue_index: StartIndex<(ValueIdx, usize)>,
    /// Every value's `cues_except`, by the keys of their first word.
    cue_except_index: StartIndex<(ValueIdx, usize)>,
    /// Every value's regex in one set, so one pass over a clause tells which to run when the
    /// literals of [`RuleSet::regex_hints`] cannot. Compiled when the rules load from a folder
    /// (so a regex too large is an error then), on first need for the embedded rules, which a
    /// test compiles: most runs never need it, and compiling it took 40 ms of every start.
    regexes: OnceLock<RegexSet>,
    /// The value of each pattern of `regexes`.
    regex_values: Vec<ValueIdx>,
    /// The literals every match of a rule regex holds; `None` when some regex has none.
    regex_hints: Option<RegexHints>,
}

pub struct Role {
    pub id: Arc<str>,
    pub name: String,
    pub aliases: Vec<Alias>,
    /// Words after which an alias is not this role ("system księgowy" is no accountant).
    pub not_after: Vec<Phrase>,
    pub examples: Examples,
}

pub struct Alias {
    pub phrase: Phrase,
    /// Variants written together ("księgowy/księgowa") share one name: using both is no drift.
    pub name: usize,
    pub misleading: Option<Misleading>,
    /// For an alias two roles share ("PM": project or product manager), the other roles'
    /// `(role, alias)` with it; empty for an alias of this role only.
    pub shared_with: Vec<(RoleIdx, usize)>,
}

pub struct Misleading {
    pub reason: String,
    pub suggest: String,
}

pub struct Dimension {
    pub id: Arc<str>,
    pub label: String,
    pub headings: Vec<Phrase>,
    /// Other dimensions whose values a list under this dimension's heading may hold
    /// ("Wymagania:" lists skills too).
    pub admits: Vec<String>,
    /// Whether what a topic noun governs ("doświadczenie w prowadzeniu projektów") gives this
    /// dimension's values: it is what a requirement asks for, not what the role does.
    pub from_topics: bool,
}

pub struct Value {
    pub id: Arc<str>,
    pub label: Arc<str>,
    pub dimension: DimensionIdx,
    pub cues: Vec<Phrase>,
    pub regex: Option<RuleRegex>,
    /// Phrases that cancel a cue match they overlap: "recepcja hotel" keeps "recepcji hotelu"
    /// from being an office's reception desk.
    pub cues_except: Vec<Phrase>,
    /// `Some` for metrics: claims of this value carry a number.
    pub metric: Option<Metric>,
    pub examples: Examples,
}

pub struct Metric {
    pub engine: MetricEngine,
    /// Words that qualify a number ("junior", "mediana"): numbers compare only with equal ones.
    pub qualifiers: PhraseSet,
    /// What each qualifier phrase, in the order of `qualifiers`, stands for, and its kind: the
    /// first of the alternatives it was written with ("junior | na start | początkujący" all
    /// stand for "junior").
    pub qualifier_labels: Vec<QualifierLabel>,
    /// Names of other things with amounts ("premia", "prowizja"): an amount after one of them,
    /// and after the cue, is that thing's ("Do pensji dochodzi premia kwartalna do 4 500 zł").
    pub amounts_of: PhraseSet,
}

impl Metric {
    /// The qualifiers the sentence of `words` names: the earliest match of each qualifier
    /// phrase, in the order of the rules.
    pub fn qualifiers_in(&self, words: &[usize], lemmas: &Lemmas) -> Vec<Qualifier> {
        self.qualifiers
            .matches(words, lemmas)
            .into_iter()
            .map(|(p, first, last)| {
                let (label, kind) = &self.qualifier_labels[p];
                Qualifier {
                    label: label.clone(),
                    kind: *kind,
                    first,
                    last,
                }
            })
            .collect()
    }

    /// Whether the qualifier `label` is a place.
    pub fn is_place(&self, label: &str) -> bool {
        self.qualifier_labels
            .iter()
            .any(|(known, kind)| **known == *label && *kind == QualifierKind::Place)
    }
}

/// A qualifier named in a sentence: what it stands for, its kind, and its first and last word.
#[derive(Debug, Clone)]
pub struct Qualifier {
    pub label: Arc<str>,
    pub kind: QualifierKind,
    pub first: usize,
    pub last: usize,
}

/// What a qualifier stands for ("junior"), and its kind.
pub type QualifierLabel = (Arc<str>, QualifierKind);

/// What a qualifier says of a number. Qualifiers of one kind replace each other ("junior",
/// "senior"), those of different kinds add up ("mediana" for a "senior" "na B2B" "w
/// Warszawie"). A place holds for the amounts after it up to the next place, whatever other
/// qualifiers stand between.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QualifierKind {
    Place,
    /// One of the kinds a metric's `qualifiers` name, by its position among them.
    Other(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MetricEngine {
    /// An amount of money with currency, period and gross/net basis.
    Money,
    /// A number of years.
    Years,
    /// A count of people.
    Count,
}

/// Marker phrases that set a claim's polarity and modality, and anaphors.
pub struct Modality {
    pub negation: Vec<Phrase>,
    /// Negation that follows what it negates ("znajomość SQL nie jest wymagana").
    pub negation_after: Vec<Phrase>,
    /// Negation anywhere after what it negates in its clause ("Prowadzenie ksiąg rachunkowych
    /// … nie należy do zadań kierownika biura").
    pub negation_later: Vec<Phrase>,
    /// Phrases that start with a negation but deny nothing of what they govern ("nie
    /// obniżają premii": the bonus stays).
    pub negation_except: Vec<Phrase>,
    pub possible: Vec<Phrase>,
    /// Phrases that start like a hedge but are none ("najczęściej zadawane pytania").
    pub possible_except: Vec<Phrase>,
    /// Hedges of what follows them only ("z możliwością pracy zdalnej"): "Samochód służbowy z
    /// możliwością użytku prywatnego" still gives the car.
    pub possible_ahead: Vec<Phrase>,
    /// What a job ad wishes for but does not require ("mile widziane", "atutem będzie"):
    /// hedges what stands beside it (see `extract`), and every item of a list under it.
    pub optional: Vec<Phrase>,
    /// What says outright, after a cue an `optional` marker hedges, that it is not required
    /// ("będzie atutem, ale nie wymagamy go"): the claim is denied, not hedged.
    pub waived: Vec<Phrase>,
    /// Shares of a group ("38%", "większość", "połowa") before the subject: the claim holds
    /// for some of the role's holders, not for the role ("38% rekruterów pracuje zdalnie").
    pub shares: Vec<Phrase>,
    pub reported: Vec<Phrase>,
    pub conditional: Vec<Phrase>,
    /// Phrases that start like a condition but are none ("jeśli chodzi o").
    pub conditional_except: Vec<Phrase>,
    /// Times of the past ("do ubiegłego roku", "pięć lat temu"): a clause in the past tense
    /// with one describes a former state ("Do ubiegłego roku Project Manager nie odpowiadał za
    /// budżet"), which no claim about today contradicts (see `extract`).
    pub former: Vec<Phrase>,
    /// Times of the present set against the past ("dziś", "teraz"): a clause in the past
    /// tense before one in the same sentence describes a former state too ("W agencji
    /// pracowałam w biurze pięć dni w tygodniu, dziś pracuję hybrydowo").
    pub now: Vec<Phrase>,
    /// Phrases that refer back to the level the sentence before named ("na tym poziomie"):
    /// that sentence's level holds for the amounts after them.
    pub same_level: Vec<Phrase>,
    /// Words that refer back so only where they open the sentence ("Tam doświadczenie nie jest
    /// wymagane" after a sentence naming a junior opening; not "ustala tam ceny").
    pub same_level_openers: Vec<Phrase>,
    pub anaphora: Vec<Phrase>,
    /// Words that make a clause about the two roles talked about last ("obie role", "obu").
    pub both: Vec<Phrase>,
    /// Other subjects ("Dyrektor finansowy", "Dział kadr"): a clause opening with one is not
    /// about the role talked about before.
    pub other_subjects: Vec<Phrase>,
    /// The employer offering or asking something of the role ("Firma oferuje", "Pracodawca
    /// wymaga"): a clause opening with one is about the role, though it opens with an other
    /// subject.
    pub other_subjects_except: Vec<Phrase>,
    /// The employer among the other subjects ("Firma", "Pracodawca"): a clause opening with
    /// one is not about the role, but does not set the role aside for the clauses after it.
    pub employers: Vec<Phrase>,
    /// Nouns for people ("osoba", "specjalista"): a relative clause about one of them
    /// ("osoba, która buduje relacje") describes the role.
    pub persons: Vec<Phrase>,
    /// Words before a role in a clause in the first person that make it the speaker's
    /// ("pracuję jako Scrum Master", "jestem office managerką"): see [`crate::roles`].
    pub speaker: Vec<Phrase>,
    /// Words that open an interview: the role named after them in the sentence is the
    /// speaker's ("Rozmowa z Joanną Kamińską, office managerką kancelarii").
    pub interview: Vec<Phrase>,
    /// Verbs of saying and thinking: in the first person they introduce what follows, which
    /// is not about the speaker ("Powiem wprost: doświadczenie nie jest tu wymagane").
    pub first_person_except: Vec<Phrase>,
    /// Nouns and the preposition of what they are about ("doświadczenie w", "szkolenie z"): a
    /// cue they govern is a topic, a value only of dimensions with `from_topics`.
    pub topics: Vec<Phrase>,
    /// Verbs of a forum post's header ("kasia_mokotow napisała:"): what follows, up to the next
    /// header, is that poster's (see [`crate::roles`]).
    pub post_header: Vec<Phrase>,
    /// Words of a heading over what an employer offers ("Oferujemy:", "Co dostajesz:"): an item
    /// of its list that states a pay with no cue is the role's pay (see `extract`).
    pub offered: Vec<Phrase>,
    /// Verbs that attribute a quotation after a dash, as the press sets one ("– Dzisiaj robię
    /// wszystko – mówi pani Ewa"): a paragraph that opens with a dash and has one is a quotation
    /// (see `extract`).
    pub says: Vec<Phrase>,
    /// Words that open a note revising the text ("Aktualizacja (marzec 2026):", "Errata:"):
    /// what the note says is a voice of its own (see `roles`).
    pub revisions: Vec<Phrase>,
    /// What sets aside the thing right after it ("zamiast pracy wyłącznie z biura"): a cue
    /// there is denied.
    pub instead: Vec<Phrase>,
    /// The marker phrases indexed by the keys of their first word: `(marker, phrase)`.
    marker_index: PairIndex<(Marker, usize)>,
}

/// The kinds of modality phrases that mark a claim (see [`crate::markers`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Marker {
    Negation,
    NegationAfter,
    NegationLater,
    NegationExcept,
    Possible,
    PossibleExcept,
    PossibleAhead,
    Optional,
    Waived,
    Share,
    Reported,
    Conditional,
    ConditionalExcept,
    Former,
    Now,
    SameLevel,
    SameLevelOpener,
    Anaphor,
    Both,
    OtherSubject,
    OtherSubjectExcept,
    Employer,
    Speaker,
    Interview,
    FirstPersonExcept,
    Topic,
    PostHeader,
    Offered,
    Says,
    Revision,
    Instead,
}

impl Marker {
    const ALL: [Marker; 31] = [
        Marker::Negation,
        Marker::NegationAfter,
        Marker::NegationLater,
        Marker::NegationExcept,
        Marker::Possible,
        Marker::PossibleExcept,
        Marker::PossibleAhead,
        Marker::Optional,
        Marker::Waived,
        Marker::Share,
        Marker::Reported,
        Marker::Conditional,
        Marker::ConditionalExcept,
        Marker::Former,
        Marker::Now,
        Marker::SameLevel,
        Marker::SameLevelOpener,
        Marker::Anaphor,
        Marker::Both,
        Marker::OtherSubject,
        Marker::OtherSubjectExcept,
        Marker::Employer,
        Marker::Speaker,
        Marker::Interview,
        Marker::FirstPersonExcept,
        Marker::Topic,
        Marker::PostHeader,
        Marker::Offered,
        Marker::Says,
        Marker::Revision,
        Marker::Instead,
    ];
}

impl Modality {
    /// The phrases of one kind of marker.
    pub fn phrases(&self, marker: Marker) -> &[Phrase] {
        match marker {
            Marker::Negation => &self.negation,
            Marker::NegationAfter => &self.negation_after,
            Marker::NegationLater => &self.negation_later,
            Marker::NegationExcept => &self.negation_except,
            Marker::Possible => &self.possible,
            Marker::PossibleExcept => &self.possible_except,
            Marker::PossibleAhead => &self.possible_ahead,
            Marker::Waived => &self.waived,
            Marker::Optional => &self.optional,
            Marker::Share => &self.shares,
            Marker::Reported => &self.reported,
            Marker::Conditional => &self.conditional,
            Marker::ConditionalExcept => &self.conditional_except,
            Marker::Former => &self.former,
            Marker::Now => &self.now,
            Marker::SameLevel => &self.same_level,
            Marker::SameLevelOpener => &self.same_level_openers,
            Marker::Anaphor => &self.anaphora,
            Marker::Both => &self.both,
            Marker::OtherSubject => &self.other_subjects,
            Marker::OtherSubjectExcept => &self.other_subjects_except,
            Marker::Employer => &self.employers,
            Marker::Speaker => &self.speaker,
            Marker::Interview => &self.interview,
            Marker::FirstPersonExcept => &self.first_person_except,
            Marker::Topic => &self.topics,
            Marker::PostHeader => &self.post_header,
            Marker::Offered => &self.offered,
            Marker::Says => &self.says,
            Marker::Revision => &self.revisions,
            Marker::Instead => &self.instead,
        }
    }

    /// Call `found` with the marker phrases that could start at a token with key `key`
    /// followed by a token with keys `next`.
    pub(crate) fn markers_starting_with(
        &self,
        key: LemmaId,
        next: &[LemmaId],
        found: impl FnMut((Marker, usize)),
    ) {
        self.marker_index.each(key, next, found);
    }

    fn index_markers(&mut self) {
        self.marker_index = PairIndex::new(Marker::ALL.into_iter().flat_map(|marker| {
            let phrases = self.phrases(marker).iter().enumerate();
            phrases.map(move |(p, phrase)| ((marker, p), phrase))
        }));
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

pub struct Conflict {
    pub code: String,
    pub name: String,
    pub engine: Engine,
    pub severity: Severity,
    pub summary: String,
    pub why: String,
    pub help: Arc<str>,
    pub examples: Examples,
}

/// Two values that cannot both describe one role, but for the roles in `allowed_for`.
pub struct ExclusivePair {
    pub values: (ValueIdx, ValueIdx),
    /// Roles both values may describe: an accountant in an accounting office keeps the books
    /// of the clients it looks after.
    pub allowed_for: Vec<RoleIdx>,
}

/// The checking engines; conflicts in rule files are instances of them.
pub enum Engine {
    /// Two values that cannot both describe one role; and a value of one of the dimensions
    /// `affirmed_and_denied_in` affirmed and denied, which the polarity engine finds and this
    /// conflict reports: "certyfikat nie jest wymagany" against "certyfikat PSM I to warunek
    /// konieczny" are requirements that exclude each other.
    Exclusive {
        pairs: Vec<ExclusivePair>,
        affirmed_and_denied_in: Vec<Arc<str>>,
    },
    /// The same value affirmed and negated.
    Polarity,
    /// Numbers of one metric that disagree.
    Numeric { metrics: Vec<ValueIdx> },
    /// One clause saying a thing is shared and different at once.
    SelfContradiction(Box<SharedAndDifferent>),
    /// One role under several names in one text.
    Drift,
    /// A name that misleads about the role.
    Misleading,
}

/// The words of a self-contradictory clause (engine `self`).
pub struct SharedAndDifferent {
    pub first: PhraseSet,
    pub second: PhraseSet,
    /// When not empty, one of these (a copula: "być") must stand between the two.
    pub link: PhraseSet,
    /// A clause opening with one of these ("a zarazem") is read with the clause before,
    /// as its link: "jest taki sam …, a zarazem zupełnie inny".
    pub joined: PhraseSet,
    /// A concession ("choć", "mimo że") before the different word sets two things against each
    /// other: "Choć pracują przy tych samych projektach, ich codzienność wygląda zupełnie
    /// inaczej".
    pub concessive: PhraseSet,
    /// Verbs that call a thing different by themselves, with no link: "różnią się".
    pub differ: PhraseSet,
    /// A clause opening with one of these ("choć", "tylko") is read with the clause before
    /// when it has no subject of its own, its verb in the number of the one before's:
    /// "Obowiązki są w każdej firmie identyczne, choć w każdej wyglądają zupełnie inaczej"
    /// (not "…, choć w startupie praca wygląda zupełnie inaczej").
    pub continued: PhraseSet,
    /// Values that exclude each other only when one sentence gives a role both: "ma pełną
    /// autonomię w podejmowaniu decyzji, przy czym każda z tych decyzji wymaga akceptacji
    /// dyrektora" (a role may decide one matter alone and need approval in another).
    pub pairs: Vec<ExclusivePair>,
    /// A value that leaves no room for another, and that other: one sentence that gives a role
    /// the first outright and the second even hedged contradicts itself ("pracę wyłącznie
    /// stacjonarną, z możliwością pracy z domu przez trzy dni w tygodniu").
    pub hedged: Vec<ExclusivePair>,
    /// Words, in lower case as written, one of which the first value's claim of a `hedged`
    /// pair says: "wyłącznie stacjonarną", not "Praca stacjonarna, z możliwością jednego dnia
    /// zdalnego", which allows the remote day.
    pub only: Vec<String>,
    /// Dimensions in which a value affirmed and denied within one sentence is this conflict's;
    /// in the others it is no finding.
    pub affirmed_and_denied_in: Vec<Arc<str>>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    /// A value's: texts with an affirmed claim of it at the mark. A conflict's: texts that
    /// give its code.
    #[serde(default)]
    pub fires: Vec<String>,
    /// A value's: texts with a denied claim of it at the mark ("Scrum Master nie [przydziela
    /// zadań]").
    #[serde(default)]
    pub denied: Vec<String>,
    #[serde(default)]
    pub quiet: Vec<String>,
    #[serde(default)]
    pub mentions: Vec<String>,
}

/// A rule set that could not be loaded.
#[derive(Debug, thiserror::Error, Diagnostic)]
pub enum RulesError {
    #[error("nie można odczytać reguł z {path}: {}", crate::input::reason(source))]
    #[diagnostic(code(rolelint::rules::unreadable))]
    Unreadable {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("w katalogu reguł {path} brakuje pliku {file}")]
    #[diagnostic(
        code(rolelint::rules::missing),
        help("zestaw reguł to roles.toml, modality.toml, conflicts.toml i pliki wymiarów")
    )]
    Missing { path: PathBuf, file: &'static str },
    #[error(transparent)]
    #[diagnostic(transparent)]
    Invalid(Box<FileMistake>),
    /// Each regex compiles alone, but all of them together exceed the size limit.
    #[error("wyrażenia regularne reguł razem są za duże: {0}")]
    #[diagnostic(
        code(rolelint::rules::regex_set),
        help("uprość wyrażenia regularne albo zastąp je frazami (cues)")
    )]
    RegexSet(String),
}

// ---- raw TOML shapes -------------------------------------------------------------------------

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RolesFile {
    role: Vec<RawRole>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRole {
    id: Spanned<String>,
    name: String,
    aliases: Vec<Spanned<String>>,
    #[serde(default)]
    misleading: Vec<RawMisleading>,
    #[serde(default)]
    shared_aliases: Vec<Spanned<String>>,
    #[serde(default)]
    not_after: Vec<Spanned<String>>,
    #[serde(default)]
    examples: Examples,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMisleading {
    alias: Spanned<String>,
    reason: String,
    suggest: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DimensionFile {
    dimension: Spanned<String>,
    label: String,
    #[serde(default)]
    headings: Vec<Spanned<String>>,
    #[serde(default)]
    admits: Vec<String>,
    #[serde(default)]
    from_topics: bool,
    #[serde(default)]
    value: Vec<RawValue>,
    #[serde(default)]
    metric: Vec<RawMetric>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawValue {
    id: Spanned<String>,
    label: String,
    #[serde(default)]
    cues: Vec<Spanned<String>>,
    regex: Option<Spanned<String>>,
    #[serde(default)]
    cues_except: Vec<Spanned<String>>,
    #[serde(default)]
    examples: Examples,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMetric {
    id: Spanned<String>,
    engine: Spanned<String>,
    label: String,
    cues: Vec<Spanned<String>>,
    #[serde(default)]
    cues_except: Vec<Spanned<String>>,
    #[serde(default)]
    qualifiers: QualifierKinds,
    #[serde(default)]
    places: Vec<Spanned<String>>,
    #[serde(default)]
    amounts_of: Vec<Spanned<String>>,
    #[serde(default)]
    examples: Examples,
}

/// A metric's `qualifiers`, kind by kind: a list of one kind, or a table of kinds, each a list
/// (`qualifiers.level = ["junior", "senior"]`, `qualifiers.contract = ["B2B"]`), in the order
/// written. A kind's name says what it is to the rule's reader; rolelint tells kinds apart only.
#[derive(Default)]
struct QualifierKinds(Vec<Vec<Spanned<String>>>);

impl<'de> Deserialize<'de> for QualifierKinds {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Kinds;
        impl<'de> serde::de::Visitor<'de> for Kinds {
            type Value = QualifierKinds;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a list of qualifiers, or a table of kinds of them, each a list")
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = seq.next_element()? {
                    entries.push(entry);
                }
                Ok(QualifierKinds(vec![entries]))
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Self::Value, A::Error> {
                let mut kinds = Vec::new();
                while let Some((_name, entries)) = map.next_entry::<String, _>()? {
                    kinds.push(entries);
                }
                Ok(QualifierKinds(kinds))
            }
        }
        deserializer.deserialize_any(Kinds)
    }
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ModalityFile {
    #[serde(default)]
    negation: Vec<Spanned<String>>,
    #[serde(default)]
    negation_after: Vec<Spanned<String>>,
    #[serde(default)]
    negation_later: Vec<Spanned<String>>,
    #[serde(default)]
    negation_except: Vec<Spanned<String>>,
    #[serde(default)]
    possible: Vec<Spanned<String>>,
    #[serde(default)]
    possible_except: Vec<Spanned<String>>,
    #[serde(default)]
    possible_ahead: Vec<Spanned<String>>,
    #[serde(default)]
    optional: Vec<Spanned<String>>,
    #[serde(default)]
    waived: Vec<Spanned<String>>,
    #[serde(default)]
    shares: Vec<Spanned<String>>,
    #[serde(default)]
    reported: Vec<Spanned<String>>,
    #[serde(default)]
    conditional: Vec<Spanned<String>>,
    #[serde(default)]
    conditional_except: Vec<Spanned<String>>,
    #[serde(default)]
    former: Vec<Spanned<String>>,
    #[serde(default)]
    now: Vec<Spanned<String>>,
    #[serde(default)]
    same_level: Vec<Spanned<String>>,
    #[serde(default)]
    same_level_openers: Vec<Spanned<String>>,
    #[serde(default)]
    anaphora: Vec<Spanned<String>>,
    #[serde(default)]
    both: Vec<Spanned<String>>,
    #[serde(default)]
    other_subjects: Vec<Spanned<String>>,
    #[serde(default)]
    other_subjects_except: Vec<Spanned<String>>,
    #[serde(default)]
    employers: Vec<Spanned<String>>,
    #[serde(default)]
    persons: Vec<Spanned<String>>,
    #[serde(default)]
    speaker: Vec<Spanned<String>>,
    #[serde(default)]
    interview: Vec<Spanned<String>>,
    #[serde(default)]
    first_person_except: Vec<Spanned<String>>,
    #[serde(default)]
    topics: Vec<Spanned<String>>,
    #[serde(default)]
    post_header: Vec<Spanned<String>>,
    #[serde(default)]
    offered: Vec<Spanned<String>>,
    #[serde(default)]
    says: Vec<Spanned<String>>,
    #[serde(default)]
    revisions: Vec<Spanned<String>>,
    #[serde(default)]
    instead: Vec<Spanned<String>>,
    #[serde(default)]
    particles: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConflictsFile {
    conflict: Vec<RawConflict>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConflict {
    code: Spanned<String>,
    name: String,
    engine: Spanned<String>,
    severity: Spanned<String>,
    #[serde(default)]
    pairs: Vec<Vec<Spanned<String>>>,
    #[serde(default)]
    pairs_allowed_for: Vec<RawPairAllowed>,
    #[serde(default)]
    affirmed_and_denied_in: Vec<Spanned<String>>,
    #[serde(default)]
    metrics: Vec<Spanned<String>>,
    #[serde(default)]
    first: Vec<Spanned<String>>,
    #[serde(default)]
    second: Vec<Spanned<String>>,
    #[serde(default)]
    link: Vec<Spanned<String>>,
    #[serde(default)]
    joined: Vec<Spanned<String>>,
    #[serde(default)]
    concessive: Vec<Spanned<String>>,
    #[serde(default)]
    differ: Vec<Spanned<String>>,
    #[serde(default)]
    continued: Vec<Spanned<String>>,
    #[serde(default)]
    hedged: Vec<Vec<Spanned<String>>>,
    #[serde(default)]
    only: Vec<String>,
    summary: String,
    why: String,
    help: String,
    #[serde(default)]
    examples: Examples,
}

/// `{ pair = ["a", "b"], roles = ["accountant"] }`: roles a pair of `pairs` does not exclude.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPairAllowed {
    pair: Vec<Spanned<String>>,
    roles: Vec<Spanned<String>>,
}

// ---- loading ---------------------------------------------------------------------------------

/// One rule file's name and text, kept for error reporting.
struct RuleFile {
    name: String,
    text: String,
}

impl RuleFile {
    fn error(
        &self,
        message: impl Into<String>,
        span: Option<std::ops::Range<usize>>,
    ) -> RulesError {
        RulesError::Invalid(Box::new(self.mistake(message, span)))
    }

    fn error_with_help(
        &self,
        message: impl Into<String>,
        span: std::ops::Range<usize>,
        help: impl Into<String>,
    ) -> RulesError {
        RulesError::Invalid(Box::new(self.mistake(message, Some(span)).with_help(help)))
    }

    fn mistake(
        &self,
        message: impl Into<String>,
        span: Option<std::ops::Range<usize>>,
    ) -> FileMistake {
        FileMistake::new(FileKind::Rules, &self.name, &self.text, message, span, None)
    }

    /// Whether this is one of the files that are not a dimension's.
    fn is_special(&self) -> bool {
        ["roles.toml", "modality.toml", "conflicts.toml"]
            .iter()
            .any(|name| self.name.ends_with(name))
    }

    fn parse<T: serde::de::DeserializeOwned>(&self) -> Result<T, RulesError> {
        toml::from_str(&self.text).map_err(|e| self.error(e.message().to_owned(), e.span()))
    }
}

impl RuleSet {
    /// The rule set compiled into the binary.
    pub fn embedded() -> Result<RuleSet, RulesError> {
        RuleSet::build(
            embedded_files(),
            EMBEDDED_LEXICON,
            "rules/lexicon.tsv",
            RegexSetCompiled::OnFirstNeed,
        )
    }

    /// Every `*.toml` file of `dir`; `lexicon.tsv` there replaces the embedded lexicon.
    pub fn from_dir(dir: &Path) -> Result<RuleSet, RulesError> {
        let unreadable = |source| RulesError::Unreadable {
            path: dir.to_owned(),
            source,
        };
        let mut paths: Vec<PathBuf> = fs::read_dir(dir)
            .map_err(unreadable)?
            .map(|entry| entry.map(|e| e.path()))
            .collect::<Result<_, _>>()
            .map_err(unreadable)?;
        paths.sort();
        let mut files = Vec::new();
        let mut lexicon = None;
        for path in paths {
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            let is_toml = path.extension().is_some_and(|e| e == "toml");
            if !is_toml && name != "lexicon.tsv" {
                continue;
            }
            let text = read_limited(&path).map_err(|source| RulesError::Unreadable {
                path: path.clone(),
                source,
            })?;
            if is_toml {
                files.push(RuleFile {
                    name: path.display().to_string(),
                    text,
                });
            } else {
                lexicon = Some((text, path.display().to_string()));
            }
        }
        for required in ["roles.toml", "conflicts.toml"] {
            if !files.iter().any(|f| f.name.ends_with(required)) {
                return Err(RulesError::Missing {
                    path: dir.to_owned(),
                    file: required,
                });
            }
        }
        let (text, name) = match &lexicon {
            Some((text, name)) => (text.as_str(), name.as_str()),
            None => (EMBEDDED_LEXICON, "rules/lexicon.tsv"),
        };
        RuleSet::build(files, text, name, RegexSetCompiled::WhenLoading)
    }

    fn build(
        files: Vec<RuleFile>,
        lexicon_text: &str,
        lexicon_name: &str,
        regex_set_compiled: RegexSetCompiled,
    ) -> Result<RuleSet, RulesError> {
        let (special, dimension_files): (Vec<_>, Vec<_>) =
            files.iter().partition(|f| f.is_special());
        std::thread::scope(|scope| {
            // Compiling the set of all regexes is the longest part of loading the rules (40 of
            // 70 ms of CPU): it starts on a second thread, from the patterns a quick read of
            // the dimension files finds, while the lexicon and the phrases load.
            let compiling = (regex_set_compiled == RegexSetCompiled::WhenLoading)
                .then(|| regex_patterns_ahead(&dimension_files))
                .flatten()
                .map(|patterns| {
                    scope.spawn(move || {
                        let set = regex_set(&patterns);
                        (patterns, set)
                    })
                });
            let mut builder =
                RuleSet::load(&special, &dimension_files, lexicon_text, lexicon_name)?;
            let ahead = compiling.map(|compiling| {
                compiling
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            });
            builder.index_regexes(regex_set_compiled, ahead)?;
            builder.index_phrases();
            Ok(builder.set)
        })
    }

    /// Everything of a rule set but its regex set and phrase indexes.
    fn load(
        special: &[&RuleFile],
        dimension_files: &[&RuleFile],
        lexicon_text: &str,
        lexicon_name: &str,
    ) -> Result<Builder, RulesError> {
        let lexicon = Lexicon::parse(lexicon_text).map_err(|e| {
            let file = RuleFile {
                name: lexicon_name.to_owned(),
                text: lexicon_text.to_owned(),
            };
            let start = lexicon_text
                .split_inclusive('\n')
                .take(e.line - 1)
                .map(str::len)
                .sum::<usize>();
            let end = lexicon_text[start..]
                .find('\n')
                .map_or(lexicon_text.len(), |n| start + n);
            file.error(e.to_string(), Some(start..end))
        })?;
        let mut builder = Builder {
            set: RuleSet {
                roles: Vec::new(),
                unnamed: 0,
                dimensions: Vec::new(),
                values: Vec::new(),
                modality: Modality {
                    negation: Vec::new(),
                    negation_after: Vec::new(),
                    negation_later: Vec::new(),
                    negation_except: Vec::new(),
                    possible: Vec::new(),
                    possible_except: Vec::new(),
                    possible_ahead: Vec::new(),
                    optional: Vec::new(),
                    waived: Vec::new(),
                    shares: Vec::new(),
                    reported: Vec::new(),
                    conditional: Vec::new(),
                    conditional_except: Vec::new(),
                    former: Vec::new(),
                    now: Vec::new(),
                    same_level: Vec::new(),
                    same_level_openers: Vec::new(),
                    anaphora: Vec::new(),
                    both: Vec::new(),
                    other_subjects: Vec::new(),
                    other_subjects_except: Vec::new(),
                    employers: Vec::new(),
                    persons: Vec::new(),
                    speaker: Vec::new(),
                    interview: Vec::new(),
                    first_person_except: Vec::new(),
                    topics: Vec::new(),
                    post_header: Vec::new(),
                    offered: Vec::new(),
                    says: Vec::new(),
                    revisions: Vec::new(),
                    instead: Vec::new(),
                    marker_index: PairIndex::default(),
                },
                conflicts: Vec::new(),
                lexicon,
                alias_index: StartIndex::default(),
                cue_index: StartIndex::default(),
                verb_last_cue_index: StartIndex::default(),
                cue_except_index: StartIndex::default(),
                regexes: OnceLock::new(),
                regex_hints: None,
                regex_values: Vec::new(),
            },
        };
        for file in special {
            if file.name.ends_with("roles.toml") {
                builder.roles(file)?;
            } else if file.name.ends_with("modality.toml") {
                builder.modality(file)?;
            }
        }
        builder.set.unnamed = builder.set.roles.len();
        builder.set.roles.push(Role {
            id: UNNAMED_ROLE.into(),
            name: "Rola bez nazwy".to_owned(),
            aliases: Vec::new(),
            not_after: Vec::new(),
            examples: Examples::default(),
        });
        for file in dimension_files {
            builder.dimension(file)?;
        }
        for file in special {
            if file.name.ends_with("conflicts.toml") {
                builder.conflicts(file)?;
            }
        }
        Ok(builder)
    }

    /// Every alias that matches with its first word at `words[at]` (token indices of one
    /// sentence's words): `(role, alias, last word)`, in the order of the alias index.
    pub(crate) fn aliases_at<'s>(
        &'s self,
        words: &'s [usize],
        at: usize,
        lemmas: &'s Lemmas,
    ) -> impl Iterator<Item = (RoleIdx, usize, usize)> + 's {
        lemmas.of(words[at]).iter().flat_map(move |&key| {
            self.alias_index
                .get(key)
                .iter()
                .filter_map(move |&(role, alias)| {
                    self.roles[role].aliases[alias]
                        .phrase
                        .match_rest(words, at, lemmas)
                        .map(|last| (role, alias, last))
                })
        })
    }

    /// Cue phrases whose first word could be the token with these keys.
    pub(crate) fn cues_starting_with(&self, key: LemmaId) -> &[(ValueIdx, usize)] {
        self.cue_index.get(key)
    }

    /// `(value, index into its cues_except)` of the except phrases that may start at a word
    /// with this key.
    pub(crate) fn cue_excepts_starting_with(&self, key: LemmaId) -> &[(ValueIdx, usize)] {
        self.cue_except_index.get(key)
    }

    /// Cues whose match with the verb last ([`Phrase::match_verb_last`]) may start at a word
    /// with this key.
    pub(crate) fn cues_verb_last(&self, key: LemmaId) -> &[(ValueIdx, usize)] {
        self.verb_last_cue_index.get(key)
    }

    /// Where in `text` the rule regexes could match: [`RuleSet::regex_matches`] need only be
    /// asked about the parts that hold such a place.
    pub(crate) fn regex_hints(&self, text: &str) -> Hints {
        match &self.regex_hints {
            Some(hints) => hints.find(text),
            None => Hints::Everywhere,
        }
    }

    /// The first match in `clause` of each value's regex that matches there, in value order.
    /// `hints` are the text's (see [`RuleSet::regex_hints`]) and `at` is where the clause
    /// stands in it: only the regexes with a literal in the clause are run.
    pub(crate) fn regex_matches<'t>(
        &self,
        clause: &'t str,
        hints: &Hints,
        at: Range<usize>,
    ) -> Vec<(ValueIdx, &RuleRegex, regex::Match<'t>)> {
        let candidates = match (hints, &self.regex_hints) {
            (Hints::At(places), Some(regex_hints)) => regex_hints.regexes_within(places, at),
            // Most clauses match none: a plain search says so more cheaply than asking which.
            _ if !self.all_regexes().is_match(clause) => return Vec::new(),
            _ => self.all_regexes().matches(clause).into_iter().collect(),
        };
        candidates
            .into_iter()
            .filter_map(|pattern| {
                let value = self.regex_values[pattern];
                let regex = self.values[value].regex.as_ref()?;
                // Each regex compiled within the set's size limit, so it compiles within it alone.
                let size_limit = set_size_limit(self.regex_values.len());
                Some((value, regex, regex.find(clause, size_limit)?))
            })
            .collect()
    }

    /// The set of every value's regex (see [`RuleSet::regexes`]). It compiled when the rules
    /// loaded from a folder, and a test compiles the embedded rules' set: it cannot fail here.
    fn all_regexes(&self) -> &RegexSet {
        self.regexes
            .get_or_init(|| regex_set(&self.regex_patterns()).unwrap_or_else(|_| RegexSet::empty()))
    }

    /// The pattern, as matched, of each regex of [`RuleSet::regexes`], in its order.
    fn regex_patterns(&self) -> Vec<&str> {
        self.regex_values
            .iter()
            .filter_map(|&v| Some(self.values[v].regex.as_ref()?.pattern.as_str()))
            .collect()
    }

    /// Whether a list under `heading`'s heading may hold values of `dimension`.
    pub fn admits(&self, heading: DimensionIdx, dimension: DimensionIdx) -> bool {
        heading == dimension
            || self.dimensions[heading]
                .admits
                .iter()
                .any(|d| **d == *self.dimensions[dimension].id)
    }

    pub fn role_index(&self, id: &str) -> Option<RoleIdx> {
        self.roles.iter().position(|r| &*r.id == id)
    }

    pub fn value_index(&self, id: &str) -> Option<ValueIdx> {
        self.values.iter().position(|v| &*v.id == id)
    }

    /// The value pairs of every `exclusive` conflict.
    pub fn exclusive_pairs(&self) -> Vec<&ExclusivePair> {
        self.conflicts
            .iter()
            .filter_map(|c| match &c.engine {
                Engine::Exclusive { pairs, .. } => Some(pairs),
                _ => None,
            })
            .flatten()
            .collect()
    }

    /// The conflict with this code.
    pub fn conflict(&self, code: &str) -> Option<&Conflict> {
        self.conflicts.iter().find(|c| c.code == code)
    }
}

/// The rule files compiled into the binary.
fn embedded_files() -> Vec<RuleFile> {
    EMBEDDED
        .iter()
        .map(|(name, text)| RuleFile {
            name: format!("rules/{name}"),
            text: (*text).to_owned(),
        })
        .collect()
}

fn read_limited(path: &Path) -> std::io::Result<String> {
    let metadata = fs::metadata(path)?;
    if metadata.len() > MAX_RULE_FILE_BYTES {
        return Err(std::io::Error::other(format!(
            "plik ma {}, a plik reguł może mieć najwyżej {}",
            crate::plural::bytes(metadata.len()),
            crate::plural::bytes(MAX_RULE_FILE_BYTES)
        )));
    }
    fs::read_to_string(path)
}

struct Builder {
    set: RuleSet,
}

impl Builder {
    fn phrase(
        &mut self,
        file: &RuleFile,
        text: &Spanned<String>,
        gap: usize,
    ) -> Result<Phrase, RulesError> {
        self.phrase_at(file, text.get_ref(), text.span(), gap)
    }

    fn phrase_at(
        &mut self,
        file: &RuleFile,
        text: &str,
        span: Range<usize>,
        gap: usize,
    ) -> Result<Phrase, RulesError> {
        Phrase::compile(text, gap, &mut self.set.lexicon)
            .ok_or_else(|| file.error("fraza nie zawiera żadnego słowa", Some(span)))
    }

    /// A metric's qualifiers, each with its kind: each entry is one phrase or alternatives that
    /// mean the same, separated by "|" ("junior | na start"), which all stand for the first.
    fn qualifiers(
        &mut self,
        file: &RuleFile,
        entries: &[(QualifierKind, Spanned<String>)],
    ) -> Result<(PhraseSet, Vec<QualifierLabel>), RulesError> {
        let mut phrases = Vec::new();
        let mut labels = Vec::new();
        for (kind, entry) in entries {
            let label: Arc<str> = qualifier_label(entry.get_ref()).into();
            for alternative in entry.get_ref().split('|').map(str::trim) {
                phrases.push(self.phrase_at(file, alternative, entry.span(), 0)?);
                labels.push((label.clone(), *kind));
            }
        }
        Ok((PhraseSet::new(phrases), labels))
    }

    fn phrases(
        &mut self,
        file: &RuleFile,
        texts: &[Spanned<String>],
        gap: usize,
    ) -> Result<Vec<Phrase>, RulesError> {
        texts.iter().map(|t| self.phrase(file, t, gap)).collect()
    }

    fn roles(&mut self, file: &RuleFile) -> Result<(), RulesError> {
        let raw: RolesFile = file.parse()?;
        let mut seen_aliases: HashMap<String, String> = HashMap::new();
        // Shared aliases by their text: the first as written and where, and the roles that
        // list them, with the alias's index.
        type SharedAlias = (String, Range<usize>, Vec<(RoleIdx, usize)>);
        let mut shared: std::collections::BTreeMap<String, SharedAlias> =
            std::collections::BTreeMap::new();
        for role in raw.role {
            check_id(file, &role.id)?;
            if self.set.role_index(role.id.get_ref()).is_some() {
                return Err(file.error(
                    format!("rola „{}” jest zdefiniowana dwa razy", role.id.get_ref()),
                    Some(role.id.span()),
                ));
            }
            let mut aliases = Vec::new();
            let written = role
                .aliases
                .iter()
                .map(|a| (a, None, false))
                .chain(role.misleading.iter().map(|m| {
                    (
                        &m.alias,
                        Some(Misleading {
                            reason: m.reason.clone(),
                            suggest: m.suggest.clone(),
                        }),
                        false,
                    )
                }))
                .chain(role.shared_aliases.iter().map(|a| (a, None, true)));
            for (name, (alias, misleading, is_shared)) in written.enumerate() {
                for variant in alias.get_ref().split('/') {
                    let key = variant.trim().to_lowercase();
                    if is_shared {
                        shared
                            .entry(key)
                            .or_insert_with(|| {
                                (variant.trim().to_owned(), alias.span(), Vec::new())
                            })
                            .2
                            .push((self.set.roles.len(), aliases.len()));
                    } else if let Some(owner) = seen_aliases.insert(key, role.id.get_ref().clone())
                    {
                        return Err(file.error(
                            format!("alias „{}” należy już do roli „{owner}”", variant.trim()),
                            Some(alias.span()),
                        ));
                    }
                    let phrase =
                        Phrase::compile(variant, 0, &mut self.set.lexicon).ok_or_else(|| {
                            file.error("alias nie zawiera żadnego słowa", Some(alias.span()))
                        })?;
                    aliases.push(Alias {
                        phrase,
                        name,
                        misleading: misleading.as_ref().map(|m: &Misleading| Misleading {
                            reason: m.reason.clone(),
                            suggest: m.suggest.clone(),
                        }),
                        shared_with: Vec::new(),
                    });
                }
            }
            let not_after = self.phrases(file, &role.not_after, 0)?;
            self.set.roles.push(Role {
                id: role.id.into_inner().into(),
                name: role.name,
                aliases,
                not_after,
                examples: role.examples,
            });
        }
        for (key, (written, span, owners)) in shared {
            if owners.len() < 2 || seen_aliases.contains_key(&key) {
                return Err(file.error(
                    format!(
                        "alias wspólny „{written}” musi być w `shared_aliases` co najmniej dwóch ról \
                         i nie może być zwykłym aliasem żadnej"
                    ),
                    Some(span),
                ));
            }
            for &(role, alias) in &owners {
                self.set.roles[role].aliases[alias].shared_with =
                    owners.iter().copied().filter(|&(r, _)| r != role).collect();
            }
        }
        Ok(())
    }

    fn modality(&mut self, file: &RuleFile) -> Result<(), RulesError> {
        let raw: ModalityFile = file.parse()?;
        self.set.modality = Modality {
            negation: self.phrases(file, &raw.negation, 0)?,
            negation_after: self.phrases(file, &raw.negation_after, 0)?,
            negation_later: self.phrases(file, &raw.negation_later, 0)?,
            negation_except: self.phrases(file, &raw.negation_except, 0)?,
            possible: self.phrases(file, &raw.possible, 0)?,
            possible_except: self.phrases(file, &raw.possible_except, 0)?,
            possible_ahead: self.phrases(file, &raw.possible_ahead, 0)?,
            optional: self.phrases(file, &raw.optional, 0)?,
            waived: self.phrases(file, &raw.waived, 0)?,
            shares: self.phrases(file, &raw.shares, 0)?,
            reported: self.phrases(file, &raw.reported, 0)?,
            conditional: self.phrases(file, &raw.conditional, 0)?,
            conditional_except: self.phrases(file, &raw.conditional_except, 0)?,
            former: self.phrases(file, &raw.former, 0)?,
            now: self.phrases(file, &raw.now, 0)?,
            same_level: self.phrases(file, &raw.same_level, 0)?,
            same_level_openers: self.phrases(file, &raw.same_level_openers, 0)?,
            anaphora: self.phrases(file, &raw.anaphora, 0)?,
            both: self.phrases(file, &raw.both, 0)?,
            other_subjects: self.phrases(file, &raw.other_subjects, 0)?,
            other_subjects_except: self.phrases(file, &raw.other_subjects_except, 0)?,
            employers: self.phrases(file, &raw.employers, 0)?,
            persons: self.phrases(file, &raw.persons, 0)?,
            speaker: self.phrases(file, &raw.speaker, 0)?,
            interview: self.phrases(file, &raw.interview, 0)?,
            first_person_except: self.phrases(file, &raw.first_person_except, 0)?,
            topics: self.phrases(file, &raw.topics, 0)?,
            post_header: self.phrases(file, &raw.post_header, 0)?,
            offered: self.phrases(file, &raw.offered, 0)?,
            says: self.phrases(file, &raw.says, 0)?,
            revisions: self.phrases(file, &raw.revisions, 0)?,
            instead: self.phrases(file, &raw.instead, 0)?,
            marker_index: PairIndex::default(),
        };
        self.set.modality.index_markers();
        let mut particles = Vec::new();
        for particle in &raw.particles {
            if particle.get_ref().split_whitespace().count() != 1 {
                return Err(file.error(
                    format!("partykuła „{}” musi być jednym słowem", particle.get_ref()),
                    Some(particle.span()),
                ));
            }
            particles.extend(self.set.lexicon.rule_word(particle.get_ref()));
        }
        self.set.lexicon.set_particles(particles);
        Ok(())
    }

    fn dimension(&mut self, file: &RuleFile) -> Result<(), RulesError> {
        let raw: DimensionFile = file.parse()?;
        check_id(file, &raw.dimension)?;
        if self
            .set
            .dimensions
            .iter()
            .any(|d| *d.id == **raw.dimension.get_ref())
        {
            return Err(file.error(
                format!(
                    "wymiar „{}” jest już zdefiniowany w innym pliku",
                    raw.dimension.get_ref()
                ),
                Some(raw.dimension.span()),
            ));
        }
        let dimension = self.set.dimensions.len();
        let headings = self.phrases(file, &raw.headings, 0)?;
        self.set.dimensions.push(Dimension {
            id: raw.dimension.into_inner().into(),
            label: raw.label,
            headings,
            admits: raw.admits,
            from_topics: raw.from_topics,
        });
        for value in raw.value {
            if value.cues.is_empty() && value.regex.is_none() {
                return Err(file.error(
                    "wartość potrzebuje „cues” albo „regex”",
                    Some(value.id.span()),
                ));
            }
            let regex = value
                .regex
                .as_ref()
                .map(|r| compile_regex(file, r))
                .transpose()?;
            let cues = self.phrases(file, &value.cues, CUE_GAP)?;
            let cues_except = self.phrases(file, &value.cues_except, CUE_GAP)?;
            self.push_value(
                file,
                &value.id,
                Value {
                    id: value.id.get_ref().as_str().into(),
                    label: value.label.into(),
                    dimension,
                    cues,
                    regex,
                    cues_except,
                    metric: None,
                    examples: value.examples,
                },
            )?;
        }
        for metric in raw.metric {
            let engine = match metric.engine.get_ref().as_str() {
                "money" => MetricEngine::Money,
                "years" => MetricEngine::Years,
                "count" => MetricEngine::Count,
                other => {
                    return Err(file.error_with_help(
                        format!("nieznany silnik liczb „{other}”"),
                        metric.engine.span(),
                        "dostępne: money, years, count",
                    ));
                }
            };
            let cues = self.phrases(file, &metric.cues, CUE_GAP)?;
            let cues_except = self.phrases(file, &metric.cues_except, CUE_GAP)?;
            let kinds = metric.qualifiers.0.into_iter().enumerate();
            let places = metric.places.into_iter();
            let entries: Vec<(QualifierKind, Spanned<String>)> = kinds
                .flat_map(|(kind, entries)| {
                    entries
                        .into_iter()
                        .map(move |entry| (QualifierKind::Other(kind), entry))
                })
                .chain(places.map(|entry| (QualifierKind::Place, entry)))
                .collect();
            let (qualifiers, qualifier_labels) = self.qualifiers(file, &entries)?;
            let amounts_of = PhraseSet::new(self.phrases(file, &metric.amounts_of, 0)?);
            self.push_value(
                file,
                &metric.id,
                Value {
                    id: metric.id.get_ref().as_str().into(),
                    label: metric.label.into(),
                    dimension,
                    cues,
                    regex: None,
                    cues_except,
                    metric: Some(Metric {
                        engine,
                        qualifiers,
                        qualifier_labels,
                        amounts_of,
                    }),
                    examples: metric.examples,
                },
            )?;
        }
        Ok(())
    }

    /// Index aliases and cue phrases by the keys of their first words.
    fn index_phrases(&mut self) {
        let set = &mut self.set;
        set.alias_index = StartIndex::new(set.roles.iter().enumerate().flat_map(|(r, role)| {
            let aliases = role.aliases.iter().enumerate();
            aliases.map(move |(a, alias)| ((r, a), &alias.phrase))
        }));
        let cues = || {
            set.values.iter().enumerate().flat_map(|(v, value)| {
                let cues = value.cues.iter().enumerate();
                cues.map(move |(c, cue)| ((v, c), cue))
            })
        };
        let cue_index = StartIndex::new(cues());
        let verb_last_cue_index = StartIndex::verb_last(cues());
        set.cue_index = cue_index;
        set.verb_last_cue_index = verb_last_cue_index;
        set.cue_except_index =
            StartIndex::new(set.values.iter().enumerate().flat_map(|(v, value)| {
                let excepts = value.cues_except.iter().enumerate();
                excepts.map(move |(e, except)| ((v, e), except))
            }));
    }

    /// Put every value's regex (each of valid syntax) into one set (see [`regex_set`]), now or
    /// on first need; on failure, name the value whose regex is too large. `ahead` is a set
    /// compiled while the rules loaded, with its patterns: it is the set when they are the
    /// loaded rules' own.
    fn index_regexes(
        &mut self,
        compiled_when: RegexSetCompiled,
        ahead: Option<(Vec<String>, Result<RegexSet, regex::Error>)>,
    ) -> Result<(), RulesError> {
        let (values, patterns): (Vec<ValueIdx>, Vec<&str>) = self
            .set
            .values
            .iter()
            .enumerate()
            .filter_map(|(index, v)| Some((index, v.regex.as_ref()?.pattern.as_str())))
            .unzip();
        if compiled_when == RegexSetCompiled::WhenLoading {
            let compiled = match ahead {
                Some((early, set)) if early == patterns => set,
                _ => regex_set(&patterns),
            };
            let set = compiled.map_err(|set_error| {
                let culprit = values.iter().zip(&patterns).find_map(|(&v, pattern)| {
                    let error = regex_builder(pattern, REGEX_SIZE_LIMIT).build().err()?;
                    Some(format!("wartość „{}”: {error}", self.set.values[v].id))
                });
                RulesError::RegexSet(culprit.unwrap_or_else(|| set_error.to_string()))
            })?;
            self.set.regexes = OnceLock::from(set);
        }
        let written: Vec<&str> = values
            .iter()
            .filter_map(|&v| Some(&*self.set.values[v].regex.as_ref()?.written))
            .collect();
        self.set.regex_hints = RegexHints::new(&written);
        self.set.regex_values = values;
        Ok(())
    }

    fn push_value(
        &mut self,
        file: &RuleFile,
        id: &Spanned<String>,
        value: Value,
    ) -> Result<(), RulesError> {
        check_id(file, id)?;
        if self.set.value_index(&value.id).is_some() {
            return Err(file.error(
                format!("wartość „{}” jest już zdefiniowana", value.id),
                Some(id.span()),
            ));
        }
        self.set.values.push(value);
        Ok(())
    }

    /// Pairs of values `[["a", "b"], …]`, no role exempt from any.
    fn pair_list(
        &self,
        file: &RuleFile,
        pairs: &[Vec<Spanned<String>>],
    ) -> Result<Vec<ExclusivePair>, RulesError> {
        pairs
            .iter()
            .map(|pair| {
                Ok(ExclusivePair {
                    values: self.pair_ref(file, pair)?,
                    allowed_for: Vec::new(),
                })
            })
            .collect()
    }

    /// A conflict's `pairs`, with the roles `pairs_allowed_for` lets have both values.
    fn pairs_of(
        &self,
        file: &RuleFile,
        conflict: &RawConflict,
    ) -> Result<Vec<ExclusivePair>, RulesError> {
        let mut pairs = self.pair_list(file, &conflict.pairs)?;
        for allowed in &conflict.pairs_allowed_for {
            let values = self.pair_ref(file, &allowed.pair)?;
            let Some(pair) = pairs.iter_mut().find(|p| p.values == values) else {
                return Err(file.error(
                    "tej pary nie ma w „pairs” tego konfliktu",
                    allowed.pair.first().map(|p| p.span()),
                ));
            };
            for role in &allowed.roles {
                let index = self.set.role_index(role.get_ref()).ok_or_else(|| {
                    file.error_with_help(
                        format!("nieznana rola „{}”", role.get_ref()),
                        role.span(),
                        "role definiuje się w roles.toml",
                    )
                })?;
                pair.allowed_for.push(index);
            }
        }
        Ok(pairs)
    }

    /// A conflict's `affirmed_and_denied_in`: ids of dimensions the rules define.
    fn dimension_refs(
        &self,
        file: &RuleFile,
        conflict: &RawConflict,
    ) -> Result<Vec<Arc<str>>, RulesError> {
        conflict
            .affirmed_and_denied_in
            .iter()
            .map(|id| {
                self.set
                    .dimensions
                    .iter()
                    .find(|d| *d.id == **id.get_ref())
                    .map(|d| Arc::clone(&d.id))
                    .ok_or_else(|| {
                        file.error_with_help(
                            format!("nieznany wymiar „{}”", id.get_ref()),
                            id.span(),
                            "wymiary definiuje się w plikach wymiarów (np. requirements.toml)",
                        )
                    })
            })
            .collect()
    }

    /// The two values of a pair `["a", "b"]`.
    fn pair_ref(
        &self,
        file: &RuleFile,
        pair: &[Spanned<String>],
    ) -> Result<(ValueIdx, ValueIdx), RulesError> {
        let [a, b] = pair else {
            return Err(file.error(
                "para musi mieć dokładnie dwie wartości",
                pair.first().map(|p| p.span()),
            ));
        };
        Ok((self.value_ref(file, a)?, self.value_ref(file, b)?))
    }

    fn value_ref(&self, file: &RuleFile, id: &Spanned<String>) -> Result<ValueIdx, RulesError> {
        self.set.value_index(id.get_ref()).ok_or_else(|| {
            file.error_with_help(
                format!("nieznana wartość „{}”", id.get_ref()),
                id.span(),
                "wartości i metryki definiuje się w plikach wymiarów (np. responsibility.toml)",
            )
        })
    }

    fn conflicts(&mut self, file: &RuleFile) -> Result<(), RulesError> {
        let raw: ConflictsFile = file.parse()?;
        let mut codes = HashSet::new();
        for conflict in raw.conflict {
            if !codes.insert(conflict.code.get_ref().clone()) {
                return Err(file.error(
                    format!("kod {} jest użyty dwa razy", conflict.code.get_ref()),
                    Some(conflict.code.span()),
                ));
            }
            let severity = match conflict.severity.get_ref().as_str() {
                "error" => Severity::Error,
                "warning" => Severity::Warning,
                other => {
                    return Err(file.error_with_help(
                        format!("nieznana waga „{other}”"),
                        conflict.severity.span(),
                        "dostępne: error, warning",
                    ));
                }
            };
            let engine = match conflict.engine.get_ref().as_str() {
                "exclusive" => Engine::Exclusive {
                    pairs: self.pairs_of(file, &conflict)?,
                    affirmed_and_denied_in: self.dimension_refs(file, &conflict)?,
                },
                "polarity" => Engine::Polarity,
                "numeric" => {
                    let mut metrics = Vec::new();
                    for id in &conflict.metrics {
                        let index = self.value_ref(file, id)?;
                        if self.set.values[index].metric.is_none() {
                            return Err(file.error(
                                format!("„{}” nie jest metryką", id.get_ref()),
                                Some(id.span()),
                            ));
                        }
                        metrics.push(index);
                    }
                    Engine::Numeric { metrics }
                }
                "self" => Engine::SelfContradiction(Box::new(SharedAndDifferent {
                    first: PhraseSet::new(self.phrases(file, &conflict.first, 0)?),
                    second: PhraseSet::new(self.phrases(file, &conflict.second, 0)?),
                    link: PhraseSet::new(self.phrases(file, &conflict.link, 0)?),
                    joined: PhraseSet::new(self.phrases(file, &conflict.joined, 0)?),
                    concessive: PhraseSet::new(self.phrases(file, &conflict.concessive, 0)?),
                    differ: PhraseSet::new(self.phrases(file, &conflict.differ, 0)?),
                    continued: PhraseSet::new(self.phrases(file, &conflict.continued, 0)?),
                    pairs: self.pairs_of(file, &conflict)?,
                    hedged: self.pair_list(file, &conflict.hedged)?,
                    only: conflict.only.iter().map(|w| w.to_lowercase()).collect(),
                    affirmed_and_denied_in: self.dimension_refs(file, &conflict)?,
                })),
                "drift" => Engine::Drift,
                "misleading" => Engine::Misleading,
                other => {
                    return Err(file.error_with_help(
                        format!("nieznany silnik „{other}”"),
                        conflict.engine.span(),
                        "dostępne: exclusive, polarity, numeric, self, drift, misleading",
                    ));
                }
            };
            self.set.conflicts.push(Conflict {
                code: conflict.code.into_inner(),
                name: conflict.name,
                engine,
                severity,
                summary: conflict.summary,
                why: conflict.why,
                help: conflict.help.into(),
                examples: conflict.examples,
            });
        }
        Ok(())
    }
}

fn check_id(file: &RuleFile, id: &Spanned<String>) -> Result<(), RulesError> {
    let valid = !id.get_ref().is_empty()
        && id
            .get_ref()
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if valid {
        Ok(())
    } else {
        Err(file.error_with_help(
            format!("niepoprawny identyfikator „{}”", id.get_ref()),
            id.span(),
            "identyfikatory piszemy małymi literami ASCII, cyframi i podkreśleniami, np. account_manager",
        ))
    }
}

/// When the set of all rule regexes compiles (see [`RuleSet::regexes`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RegexSetCompiled {
    /// While the rules load: a regex too large is an error of the rule files.
    WhenLoading,
    /// When a clause first needs it: the embedded rules, whose set a test compiles.
    OnFirstNeed,
}

/// A value's regex. Its syntax is checked when the rules load; it is compiled on first use,
/// since its literals already say which few clauses need it (compiling every regex up front
/// was most of rolelint's start-up time).
pub struct RuleRegex {
    /// As the rule file has it: what claims cite.
    written: Arc<str>,
    /// As matched: `\b` rewritten (see `WORD_BOUNDARY`), case-insensitive.
    pattern: String,
    compiled: OnceLock<Option<Regex>>,
}

impl RuleRegex {
    /// The regex as the rule file has it.
    pub fn written(&self) -> &Arc<str> {
        &self.written
    }

    /// The first match in `text`; `size_limit` is the one the set of all regexes was
    /// compiled within.
    fn find<'t>(&self, text: &'t str, size_limit: usize) -> Option<regex::Match<'t>> {
        self.compiled
            .get_or_init(|| regex_builder(&self.pattern, size_limit).build().ok())
            .as_ref()?
            .find(text)
    }
}

/// What a metric's qualifier entry stands for: the first of its alternatives ("junior" for
/// "junior | na start | początkujący"), without the marks of written forms ("w Tychach" for
/// "w =Tychach").
fn qualifier_label(entry: &str) -> String {
    entry
        .split('|')
        .next()
        .map_or(entry, str::trim)
        .replace(" =", " ")
        .trim_start_matches('=')
        .to_owned()
}

fn regex_builder(pattern: &str, size_limit: usize) -> RegexBuilder {
    let mut builder = RegexBuilder::new(pattern);
    builder.case_insensitive(true).size_limit(size_limit);
    builder
}

/// What `\b` becomes: a word boundary as a character (or an end) instead of a look-around.
/// With `\b`, the regex engine cannot use its fast automata on non-ASCII text such as Polish;
/// with a class it can. The match then includes the boundary character, which extraction trims.
///
/// It is written case-sensitive (`?-i`) as the class it is case-insensitive: not a letter,
/// digit or "_", nor U+0345, which folds to the letter "ι". Case-folding a class this large
/// was a third of compiling the rule regexes, once per `\b` (a test checks the two are the
/// same class).
const WORD_BOUNDARY: &str = "(?-i:^|$|[^\\p{L}\\p{N}_\\x{345}])";

/// A value's regex as matched: `\b` rewritten (see [`WORD_BOUNDARY`]).
fn as_matched(written: &str) -> String {
    written.replace("\\b", WORD_BOUNDARY)
}

/// The size limit of a set of `patterns` regexes: [`REGEX_SIZE_LIMIT`] each.
fn set_size_limit(patterns: usize) -> usize {
    REGEX_SIZE_LIMIT * patterns.max(1)
}

/// The set of all rule regexes (as matched), case-insensitive, within [`set_size_limit`], its
/// lazy DFA with room enough for every pattern.
fn regex_set(patterns: &[impl AsRef<str>]) -> Result<RegexSet, regex::Error> {
    RegexSetBuilder::new(patterns)
        .case_insensitive(true)
        .size_limit(set_size_limit(patterns.len()))
        .dfa_size_limit((patterns.len() * REGEX_DFA_CACHE_PER_PATTERN).max(8 << 20))
        .build()
}

/// Every value's regex as matched, in the order the rules load them, read ahead of loading:
/// only the `regex` of each `[[value]]` of the dimension files. `None` when a file does not
/// read so (loading will say why).
fn regex_patterns_ahead(dimension_files: &[&RuleFile]) -> Option<Vec<String>> {
    #[derive(Deserialize)]
    struct Values {
        #[serde(default)]
        value: Vec<ValueRegex>,
    }
    #[derive(Deserialize)]
    struct ValueRegex {
        regex: Option<String>,
    }
    let mut patterns = Vec::new();
    for file in dimension_files {
        let values: Values = toml::from_str(&file.text).ok()?;
        patterns.extend(
            values
                .value
                .into_iter()
                .filter_map(|v| Some(as_matched(&v.regex?))),
        );
    }
    Some(patterns)
}

/// Check a value's regex (its syntax only; its size is checked with all of them in
/// `index_regexes`).
fn compile_regex(file: &RuleFile, regex: &Spanned<String>) -> Result<RuleRegex, RulesError> {
    let pattern = as_matched(regex.get_ref());
    regex_syntax::ParserBuilder::new()
        .case_insensitive(true)
        .build()
        .parse(&pattern)
        .map_err(|e| {
            file.error(
                format!("niepoprawne wyrażenie regularne: {e}"),
                Some(regex.span()),
            )
        })?;
    Ok(RuleRegex {
        written: Arc::from(regex.get_ref().as_str()),
        pattern,
        compiled: OnceLock::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_regexes_read_ahead_are_the_loaded_ones() {
        let files = embedded_files();
        let dimension_files: Vec<&RuleFile> = files.iter().filter(|f| !f.is_special()).collect();
        let ahead = regex_patterns_ahead(&dimension_files).expect("the embedded files read");
        let rules = RuleSet::embedded().expect("the embedded rules load");
        let loaded: Vec<&str> = rules
            .values
            .iter()
            .filter_map(|v| Some(v.regex.as_ref()?.pattern.as_str()))
            .collect();
        // Otherwise the set is compiled again after loading, and loading is 10 ms slower.
        assert!(!loaded.is_empty());
        assert_eq!(ahead, loaded);
    }

    #[test]
    fn the_embedded_regexes_compile_as_one_set() {
        let rules = RuleSet::embedded().expect("the embedded rules load");
        assert!(rules.regexes.get().is_none(), "compiled on first need only");
        let set = regex_set(&rules.regex_patterns()).expect("within the size limits");
        assert_eq!(set.len(), rules.regex_values.len());
        assert_eq!(rules.all_regexes().len(), set.len());
    }

    #[test]
    fn word_boundary_is_the_case_insensitive_class() {
        let parse = |pattern: &str| {
            regex_syntax::ParserBuilder::new()
                .case_insensitive(true)
                .build()
                .parse(pattern)
                .expect("valid")
        };
        assert_eq!(
            parse(WORD_BOUNDARY),
            parse("(?:^|$|[^\\p{L}\\p{N}_])"),
            "WORD_BOUNDARY must match what `(?i)` makes of a non-word character"
        );
    }
}
