//! Numbers in claims: amounts of money, years, head counts.
//!
//! Reads the tokens of one clause and returns the quantities a metric's engine asks for:
//! "12 300 zł brutto miesięcznie", "od 8 do 10 tys. zł", "65 000 dolarów rocznie",
//! "co najmniej trzy lata", "zespołem pięciu analityków". Knows Polish numerals, currency
//! names, period and gross/net words; does not decide which role or metric a number is for.

use std::borrow::Cow;
use std::sync::Arc;

use rustc_hash::FxHashMap as HashMap;
use serde::Serialize;

use crate::lowercase;
use crate::rules::MetricEngine;

/// A number a claim makes, as an interval: "od 8 000 zł" is `[8000, ∞)`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    pub min: f64,
    /// `None` for an open interval ("od 8 000 zł", "ponad 10 lat").
    pub max: Option<f64>,
    /// "ok.", "około", "średnio": compared with a tolerance.
    pub approximate: bool,
    pub unit: Unit,
    /// Qualifier phrases of the metric found in the clause ("mediana", "junior").
    pub qualifiers: Vec<Arc<str>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Unit {
    Money {
        currency: &'static str,
        period: Option<Period>,
        basis: Option<Basis>,
    },
    Years,
    People,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    Hourly,
    Monthly,
    /// "premia kwartalna … 2 400 zł brutto za kwartał"
    Quarterly,
    Annual,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    Gross,
    Net,
}

/// Relative tolerance for approximate numbers.
const APPROXIMATION: f64 = 0.1;

impl Quantity {
    /// Whether two quantities can be compared at all: same unit (currency, period, basis) and
    /// the same qualifiers.
    pub fn comparable(&self, other: &Quantity) -> bool {
        self.unit == other.unit && self.qualifiers == other.qualifiers
    }

    /// Whether two comparable quantities cannot both be true.
    pub fn disagrees(&self, other: &Quantity) -> bool {
        let (a_min, a_max) = self.bounds();
        let (b_min, b_max) = other.bounds();
        a_max < b_min || b_max < a_min
    }

    /// Whether this is an amount of money.
    pub fn is_money(&self) -> bool {
        matches!(self.unit, Unit::Money { .. })
    }

    /// The interval with the tolerance of approximate numbers applied.
    pub fn bounds(&self) -> (f64, f64) {
        let slack = if self.approximate { APPROXIMATION } else { 0.0 };
        let max = self.max.unwrap_or(f64::INFINITY);
        (self.min * (1.0 - slack), max * (1.0 + slack))
    }

    /// "12 000–14 000 PLN brutto miesięcznie", "2–3 lata", "od 1,5 roku", for messages: in
    /// Polish, with a decimal comma and the noun agreeing with the number before it.
    pub fn describe(&self) -> String {
        let amount = |x: f64| match whole(x) {
            Some(whole) => group_digits(whole),
            None => format!("{x}").replace('.', ","),
        };
        let mut out = match self.max {
            Some(max) if max != self.min => format!("{}–{}", amount(self.min), amount(max)),
            Some(_) => amount(self.min),
            None => format!("od {}", amount(self.min)),
        };
        if self.approximate {
            out.insert_str(0, "ok. ");
        }
        match &self.unit {
            Unit::Money {
                currency,
                period,
                basis,
            } => {
                out.push(' ');
                out.push_str(currency);
                if let Some(basis) = basis {
                    out.push_str(match basis {
                        Basis::Gross => " brutto",
                        Basis::Net => " netto",
                    });
                }
                if let Some(period) = period {
                    out.push_str(match period {
                        Period::Hourly => " za godzinę",
                        Period::Monthly => " miesięcznie",
                        Period::Quarterly => " kwartalnie",
                        Period::Annual => " rocznie",
                    });
                }
            }
            Unit::Years => {
                // "od" and "ok." (około) take the genitive: "od 1 roku", "ok. 2 lat".
                let genitive = self.max.is_none() || self.approximate;
                out.push(' ');
                out.push_str(year_form(self.max.unwrap_or(self.min), genitive));
            }
            Unit::People => out.push_str(" os."),
        }
        out
    }
}

/// `x` as a whole number, if it is one.
fn whole(x: f64) -> Option<i64> {
    let whole = x.round() as i64;
    ((x - whole as f64).abs() < 1e-9).then_some(whole)
}

/// The form of "rok" after the number `n` (the last one of a range): "1 rok", "2 lata",
/// "5 lat", "22 lata", "12 lat", "1,5 roku"; in the genitive "1 roku", "2 lat".
fn year_form(n: f64, genitive: bool) -> &'static str {
    match whole(n) {
        None => "roku",
        Some(1) if genitive => "roku",
        Some(_) if genitive => "lat",
        Some(n) => crate::plural::form(n.unsigned_abs(), ["rok", "lata", "lat"]),
    }
}

fn group_digits(n: i64) -> String {
    let digits = n.abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// A word of the clause, lower-cased, with its token index.
pub struct Word<'a> {
    pub token: usize,
    pub lower: Cow<'a, str>,
    pub is_number: bool,
    /// Its value as a number or numeral word, read when first asked for.
    value: std::cell::OnceCell<Option<f64>>,
}

impl<'a> Word<'a> {
    pub fn new(token: usize, lower: Cow<'a, str>, is_number: bool) -> Word<'a> {
        Word {
            token,
            // A number is never one of the words typed without Polish letters.
            lower: if is_number {
                lower
            } else {
                with_diacritics(lower)
            },
            is_number,
            value: std::cell::OnceCell::new(),
        }
    }
}

/// The words of amounts, periods and numerals below that have Polish letters, to read them
/// also as typed without them ("7 tys zl na reke", "12 000 zl brutto miesiecznie").
const WITH_DIACRITICS: &[&str] = &[
    "zł",
    "zł.",
    "złoty",
    "złotych",
    "złote",
    "złotego",
    "dolarów",
    "funtów",
    "franków",
    "tysięcy",
    "tysiące",
    "tysiąc",
    "milionów",
    "miesięcznie",
    "miesiąc",
    "miesiące",
    "miesiąca",
    "miesięczna",
    "miesięczne",
    "miesięcznego",
    "miesięcznej",
    "miesięcznych",
    "godzinę",
    "kwartał",
    "rękę",
    "około",
    "rzędu",
    "powyżej",
    "dając",
    "pół",
    "półtora",
    "półtorej",
    "dwóch",
    "pięć",
    "pięciu",
    "sześć",
    "sześciu",
    "ośmiu",
    "dziewięć",
    "dziewięciu",
    "dziesięć",
    "dziesięciu",
    "jedenaście",
    "dwanaście",
    "trzynaście",
    "czternaście",
    "piętnaście",
    "piętnastu",
    "szesnaście",
    "siedemnaście",
    "osiemnaście",
    "dziewiętnaście",
    "dziewiętnastu",
    "dwadzieścia",
    "trzydzieści",
];

/// `lower` with its Polish letters, if it is one of [`WITH_DIACRITICS`] typed without them.
fn with_diacritics(lower: Cow<'_, str>) -> Cow<'_, str> {
    static BY_BARE: std::sync::OnceLock<HashMap<String, &'static str>> = std::sync::OnceLock::new();
    if !lower.is_ascii() {
        return lower;
    }
    let by_bare = BY_BARE.get_or_init(|| {
        WITH_DIACRITICS
            .iter()
            .filter_map(|&word| Some((lowercase::without_diacritics(word)?, word)))
            .collect()
    });
    match by_bare.get(lower.as_ref()) {
        Some(&word) => Cow::Borrowed(word),
        None => lower,
    }
}

/// The quantities in one clause for an engine; `cue` is the word index range of the metric's
/// cue, which anchors counts. Returns each quantity with the word index range it came from.
pub fn quantities(
    engine: MetricEngine,
    words: &[Word],
    cue: (usize, usize),
) -> Vec<(Quantity, (usize, usize))> {
    let found = match engine {
        MetricEngine::Money => money(words),
        MetricEngine::Years => years(words),
        MetricEngine::Count => count(words, cue),
    };
    found
        .into_iter()
        .filter(|&(_, (first, _))| !is_part(words, first))
        .collect()
}

/// Words before a number that make it a part of a whole stated before ("pięć lat
/// doświadczenia, w tym dwa lata w roli doradczej", "6,5 roku doświadczenia, z czego 3,4 roku
/// w roli produktowej"): not a second value of the metric. At most this many words stand
/// between them and the number.
const PART_REACH: usize = 5;

/// Words that may stand between "w tym" / "z czego" and the number of a part: "w tym co
/// najmniej 2 lata", "w tym minimum dwóch lat". Any other word makes "w tym" mean "in this"
/// ("w tym roku zarobi 9 000 zł").
const PART_MODIFIERS: &[&str] = &[
    "co",
    "najmniej",
    "min.",
    "min",
    "minimum",
    "przynajmniej",
    "ponad",
    "powyżej",
    "około",
    "ok.",
    "ok",
    "nie",
    "mniej",
    "niż",
    "aż",
    "blisko",
    "prawie",
    "maksymalnie",
    "maks.",
    "do",
    "od",
];

fn is_part(words: &[Word], first: usize) -> bool {
    let start = first.saturating_sub(PART_REACH + 2);
    (start..first.saturating_sub(1)).any(|i| {
        let opens = matches!(
            (&*words[i].lower, &*words[i + 1].lower),
            ("w", "tym") | ("z", "czego")
        );
        opens
            && words[i + 2..first]
                .iter()
                .all(|w| PART_MODIFIERS.contains(&&*w.lower))
    })
}

/// The value of a number token or a Polish numeral word.
fn value(word: &Word) -> Option<f64> {
    *word.value.get_or_init(|| {
        if word.is_number {
            word.lower
                .replace([' ', '\u{a0}', '\u{202f}'], "")
                .replace(',', ".")
                .parse()
                .ok()
        } else {
            numeral(&word.lower)
        }
    })
}

/// Whether `word` (lower case) is a cardinal numeral written out: "trzech", "pięciu",
/// "dwudziestu".
pub(crate) fn is_numeral(word: &str) -> bool {
    numeral(word).is_some()
}

fn numeral(word: &str) -> Option<f64> {
    const SMALL: &[(&[&str], f64)] = &[
        (
            &[
                "jeden", "jedna", "jedno", "jednego", "jednej", "jednemu", "jednym", "jedną",
            ],
            1.0,
        ),
        (
            &[
                "dwa", "dwie", "dwóch", "dwoma", "dwu", "dwom", "dwaj", "dwiema",
            ],
            2.0,
        ),
        (&["trzy", "trzech", "trzema", "trzem", "trzej"], 3.0),
        (
            &["cztery", "czterech", "czterema", "czterem", "czterej"],
            4.0,
        ),
        (&["pół"], 0.5),
        (&["półtora", "półtorej"], 1.5),
    ];
    // Nominative and genitive stems of 5–30; the instrumental ends in "-oma".
    const LARGER: &[(&str, &str, f64)] = &[
        ("pięć", "pięciu", 5.0),
        ("sześć", "sześciu", 6.0),
        ("siedem", "siedmiu", 7.0),
        ("osiem", "ośmiu", 8.0),
        ("dziewięć", "dziewięciu", 9.0),
        ("dziesięć", "dziesięciu", 10.0),
        ("jedenaście", "jedenastu", 11.0),
        ("dwanaście", "dwunastu", 12.0),
        ("trzynaście", "trzynastu", 13.0),
        ("czternaście", "czternastu", 14.0),
        ("piętnaście", "piętnastu", 15.0),
        ("szesnaście", "szesnastu", 16.0),
        ("siedemnaście", "siedemnastu", 17.0),
        ("osiemnaście", "osiemnastu", 18.0),
        ("dziewiętnaście", "dziewiętnastu", 19.0),
        ("dwadzieścia", "dwudziestu", 20.0),
        ("trzydzieści", "trzydziestu", 30.0),
    ];
    // Every numeral above starts with one of these letters; most words are not numerals.
    if !word.starts_with(['j', 'd', 't', 'c', 'p', 's', 'o']) {
        return None;
    }
    if let Some((_, n)) = SMALL.iter().find(|(forms, _)| forms.contains(&word)) {
        return Some(*n);
    }
    let instrumental_stem = word.strip_suffix("oma");
    LARGER.iter().find_map(|&(nominative, genitive, n)| {
        let instrumental = instrumental_stem == Some(genitive.trim_end_matches('u'));
        (word == nominative || word == genitive || instrumental).then_some(n)
    })
}

fn currency(word: &str) -> Option<&'static str> {
    match word {
        "zł" | "zł." | "złoty" | "złotych" | "złote" | "złotego" | "pln" => Some("PLN"),
        "eur" | "euro" | "€" => Some("EUR"),
        "usd" | "dolar" | "dolarów" | "dolary" | "dolarach" | "$" => Some("USD"),
        "gbp" | "funt" | "funtów" | "funty" | "£" => Some("GBP"),
        "chf" | "franków" | "franki" => Some("CHF"),
        _ => None,
    }
}

fn multiplier(word: &str) -> Option<f64> {
    match word {
        "tys." | "tys" | "tysięcy" | "tysiące" | "tysiąc" | "k" => Some(1e3),
        "mln" | "mln." | "milionów" | "miliony" | "milion" => Some(1e6),
        _ => None,
    }
}

fn period(word: &str) -> Option<Period> {
    match word {
        "miesięcznie" | "mies." | "mies" | "miesiąc" | "miesiące" | "m-c" | "msc" | "mc"
        | "miesięczne" | "miesięcznej" | "miesięczna" | "miesięcznego" | "miesięcznych" => {
            Some(Period::Monthly)
        }
        "rocznie" | "roczne" | "roczna" | "rocznej" | "rocznego" | "rocznych" => {
            Some(Period::Annual)
        }
        "godzinę" | "godz." | "godzinowa" | "godzinowej" | "h" => Some(Period::Hourly),
        "kwartalnie" | "kwartał" | "kwartalna" | "kwartalne" | "kwartalnej" | "kwartalnego" => {
            Some(Period::Quarterly)
        }
        _ => None,
    }
}

/// The period word `words[i]` says ("rocznie", "miesięcznie"), or the year or month it names
/// after "na", "za" or "w skali" ("na rok", "w skali roku", "za miesiąc"). "rok" alone is no
/// period: "Rok wcześniej mediana wynosiła 15 100 zł" is a monthly pay a year ago.
fn period_at(words: &[Word], i: usize) -> Option<Period> {
    let after_per = i > 0 && matches!(&*words[i - 1].lower, "na" | "za" | "skali");
    match &*words[i].lower {
        "rok" | "roku" if after_per => Some(Period::Annual),
        "miesiąca" if after_per => Some(Period::Monthly),
        word => period(word),
    }
}

fn basis(word: &str) -> Option<Basis> {
    match word {
        "brutto" => Some(Basis::Gross),
        "netto" | "rękę" => Some(Basis::Net),
        _ => None,
    }
}

/// Whether `word` may stand in the words right after an amount and its currency: a basis, a
/// period, or what joins them ("na rękę", "za miesiąc", "w skali roku", "na godzinę").
fn is_amount_tail(word: &str) -> bool {
    basis(word).is_some()
        || period(word).is_some()
        || matches!(
            word,
            "na" | "za" | "w" | "skali" | "rok" | "roku" | "miesiąca" | "/" | "per" | "+" | "vat"
        )
}

/// Words that restate an amount as another figure: "8 200 zł brutto, czyli blisko 98 tys. zł
/// rocznie", "co w skali roku daje 192 000 zł".
fn restates(word: &str) -> bool {
    matches!(word, "czyli" | "daje" | "dając" | "oznacza" | "odpowiada")
}

fn is_range_dash(word: &str) -> bool {
    matches!(word, "-" | "–" | "—" | "do")
}

/// Words that make the number after them approximate. Not "średnio", "przeciętnie": an average
/// is a figure of its own, not about that figure ("średnio 5 800 zł" against "ok. 7 000 zł").
fn approximates(word: &str) -> bool {
    matches!(word, "ok." | "około" | "blisko" | "mniej" | "rzędu" | "ok")
}

fn opens_upward(word: &str) -> bool {
    matches!(
        word,
        "od" | "ponad" | "powyżej" | "najmniej" | "minimum" | "min." | "przynajmniej"
    )
}

fn money(words: &[Word]) -> Vec<(Quantity, (usize, usize))> {
    let mut found = Vec::new();
    // The clause's period, for an amount with none of its own, is not one that a later amount
    // restated as another figure is followed by: in "8 200 zł brutto, czyli blisko 98 tys. zł
    // rocznie" the year is the second amount's, and the first is a month's pay. (An earlier
    // one's carries forward, as in "12 300 zł brutto miesięcznie, czyli ok. 8 900 zł netto".)
    let follows_an_amount = |i: usize| {
        let tail_start = (0..i)
            .rev()
            .find(|&j| !is_amount_tail(&words[j].lower))
            .map_or(0, |j| j + 1);
        tail_start > 0 && currency(&words[tail_start - 1].lower).is_some()
    };
    let clause_period = |amount: usize| {
        (0..words.len())
            .filter(|&i| {
                i < amount
                    || !follows_an_amount(i)
                    || !words[amount..i].iter().any(|w| restates(&w.lower))
            })
            .find_map(|i| period_at(words, i))
    };
    let clause_basis = words.iter().find_map(|w| basis(&w.lower));
    // Where the words after the amount before this one start.
    let mut after_previous = 0;
    for (c, word) in words.iter().enumerate() {
        // "25–28 tys. netto": thousands with a basis and no currency are złoty.
        let thousands_with_basis = || {
            multiplier(&word.lower) == Some(1e3)
                && words
                    .get(c + 1)
                    .is_some_and(|next| basis(&next.lower).is_some())
                && c.checked_sub(1).is_some_and(|i| words[i].is_number)
        };
        let Some(currency) =
            currency(&word.lower).or_else(|| thousands_with_basis().then_some("PLN"))
        else {
            continue;
        };
        let since_previous = &words[after_previous.min(c)..c];
        after_previous = c + 1;
        // Period and basis belong to the amount they follow ("12 300 zł brutto miesięcznie,
        // czyli ok. 8 900 zł netto"); only what the amount leaves open comes from the clause.
        // Its own words are the ones that can follow an amount ("brutto", "na rękę",
        // "miesięcznie", "w skali roku"): in "8 200 zł brutto, do czego dochodzi premia
        // kwartalna" the quarter is the bonus's.
        let following = &words[c + 1..];
        let own = &following[..following
            .iter()
            .position(|w| !is_amount_tail(&w.lower))
            .unwrap_or(following.len())];
        // A period word after the amount is its own ("15 800 zł brutto, co w skali roku daje
        // …": "w skali roku" there is the next amount's); else the nearest period said between
        // the amount before and this one ("16 000 zł brutto miesięcznie, co w skali roku daje
        // 192 000 zł brutto"); else the clause's.
        let period = (c + 1..c + 1 + own.len())
            .find_map(|i| period_at(words, i))
            .or_else(|| {
                (0..since_previous.len())
                    .rev()
                    .find_map(|i| period_at(since_previous, i))
            })
            .or_else(|| clause_period(c));
        let basis = own.iter().find_map(|w| basis(&w.lower)).or(clause_basis);
        // The amount stands right before the currency, maybe with "tys." between, or before
        // the "tys." that stands for it.
        let (factor, mut n) = match c.checked_sub(1).map(|i| &words[i]) {
            _ if multiplier(&word.lower).is_some() => {
                (multiplier(&word.lower).unwrap_or(1.0), c.saturating_sub(1))
            }
            Some(w) if multiplier(&w.lower).is_some() => {
                (multiplier(&w.lower).unwrap_or(1.0), c.saturating_sub(2))
            }
            _ => (1.0, c.saturating_sub(1)),
        };
        if c == 0 || n >= c {
            continue;
        }
        let Some(high) = value(&words[n]).filter(|_| words[n].is_number) else {
            continue;
        };
        let mut low = high;
        let mut max = Some(high * factor);
        let start_of_range = n
            .checked_sub(2)
            .filter(|&i| is_range_dash(&words[i + 1].lower));
        if let Some(i) = start_of_range.filter(|&i| words[i].is_number) {
            if let Some(v) = value(&words[i]) {
                low = v;
                n = i;
            }
        } else if n > 0 && words[n - 1].lower == "do" {
            low = 0.0;
        } else if n > 0 && opens_upward(&words[n - 1].lower) {
            max = None;
        }
        let approximate = n > 0 && approximates(&words[n - 1].lower);
        found.push((
            Quantity {
                min: low * factor,
                max,
                approximate,
                unit: Unit::Money {
                    currency,
                    period,
                    basis,
                },
                qualifiers: Vec::new(),
            },
            (n, c),
        ));
    }
    found
}

/// Stems of units of time shorter than a year: "jeden zespół i dwa tygodnie sprintu" counts
/// weeks, not people.
const TIME_STEMS: &[&str] = &[
    "dzie", "dni", "tydzie", "tygod", "miesi", "godzin", "minut", "kwarta", "sprint", "raz",
];

fn is_time_word(word: &str) -> bool {
    TIME_STEMS.iter().any(|stem| word.starts_with(stem))
}

/// One year, said without a numeral: "rok" in "co najmniej rok", "roku" in "od roku do dwóch
/// lat".
fn one_year(word: &Word) -> Option<f64> {
    matches!(word.lower.as_ref(), "rok" | "roku").then_some(1.0)
}

fn is_year_word(word: &str) -> bool {
    matches!(word, "rok" | "roku" | "lata" | "lat" | "latach" | "latami")
}

/// "dwuletni", "3-letnie": the number of years an adjective carries.
fn years_adjective(words: &[Word], at: usize) -> Option<f64> {
    numeral_adjective(words, at, "letni").map(|(_, n)| n)
}

/// The number in an adjective made of a numeral and `stem` ("dwuletni", "pięcioosobowy"), or
/// written with digits and a hyphen ("3-letnie", "5-osobowym"): the index of its first word
/// (the digits, if any) and the number.
fn numeral_adjective(words: &[Word], at: usize, stem: &str) -> Option<(usize, f64)> {
    const PREFIXES: &[(&str, f64)] = &[
        ("jedno", 1.0),
        ("dwu", 2.0),
        ("trzy", 3.0),
        ("cztero", 4.0),
        ("pięcio", 5.0),
        ("sześcio", 6.0),
        ("siedmio", 7.0),
        ("ośmio", 8.0),
        ("dziewięcio", 9.0),
        ("dziesięcio", 10.0),
        ("jedenasto", 11.0),
        ("dwunasto", 12.0),
        ("trzynasto", 13.0),
        ("czternasto", 14.0),
        ("piętnasto", 15.0),
        ("szesnasto", 16.0),
        ("siedemnasto", 17.0),
        ("osiemnasto", 18.0),
        ("dziewiętnasto", 19.0),
        ("dwudziesto", 20.0),
        ("trzydziesto", 30.0),
        ("półtora", 1.5),
    ];
    let word = words[at].lower.as_ref();
    if let Some(prefix) = word.find(stem).filter(|&i| i > 0).map(|i| &word[..i]) {
        return PREFIXES
            .iter()
            .find(|(p, _)| *p == prefix)
            .map(|&(_, n)| (at, n));
    }
    // "3-letnie": a number, a hyphen, then the stem.
    if word.starts_with(stem) && at >= 2 && words[at - 1].lower == "-" {
        return value(&words[at - 2])
            .filter(|_| words[at - 2].is_number)
            .map(|n| (at - 2, n));
    }
    None
}

fn years(words: &[Word]) -> Vec<(Quantity, (usize, usize))> {
    let mut found = Vec::new();
    let single = |n: f64, approximate: bool| Quantity {
        min: n,
        max: Some(n),
        approximate,
        unit: Unit::Years,
        qualifiers: Vec::new(),
    };
    for (y, word) in words.iter().enumerate() {
        if let Some(high) = years_adjective(words, y) {
            // "z rocznym lub dwuletnim doświadczeniem", "od dwu- do trzyletniego": a range.
            let low = y
                .checked_sub(2)
                .filter(|&i| matches!(&*words[i + 1].lower, "lub" | "albo" | "czy" | "do"))
                .and_then(|i| {
                    let one_year = words[i].lower.starts_with("roczn");
                    let low = if one_year {
                        Some(1.0)
                    } else {
                        years_adjective(words, i)
                    };
                    low.filter(|&low| low < high).map(|low| (i, low))
                });
            match low {
                Some((i, low)) => {
                    // the lower bound, counted alone just before, is part of the range
                    found.retain(|(_, (a, _))| *a != i);
                    found.push((
                        Quantity {
                            min: low,
                            ..single(high, false)
                        },
                        (i, y),
                    ));
                }
                None => found.push((single(high, false), (y, y))),
            }
            continue;
        }
        if !is_year_word(&word.lower) {
            continue;
        }
        let Some(high) = y.checked_sub(1).and_then(|p| value(&words[p])) else {
            // "min. rok doświadczenia", "co najmniej rok": one year, said without a numeral.
            let bound = y
                .checked_sub(1)
                .is_some_and(|p| opens_upward(&words[p].lower));
            if let Some(one) = one_year(word).filter(|_| bound) {
                found.push((single(one, false), (y - 1, y)));
            }
            continue;
        };
        // "w 2019 roku" is a date, not a duration.
        if high >= 100.0 {
            continue;
        }
        let mut n = y - 1;
        let mut low = high;
        // "od roku do dwóch lat": one year, said without a numeral, opens the range too; the
        // year found alone ("od roku") is its lower bound.
        if let Some(i) = n
            .checked_sub(2)
            .filter(|&i| is_range_dash(&words[i + 1].lower))
            && let Some(v) = value(&words[i])
                .or_else(|| one_year(&words[i]))
                .filter(|&v| v < high)
        {
            low = v;
            n = i;
            found.retain(|(_, (_, last))| *last != i);
        }
        let approximate = n > 0 && approximates(&words[n - 1].lower);
        found.push((
            Quantity {
                min: low,
                ..single(high, approximate)
            },
            (n, y),
        ));
    }
    found
}

/// Words after the cue within which a head count may stand ("zespołem liczącym 12 osób").
const COUNT_REACH: usize = 3;

/// A head count after the cue, or an "N-osobowy" / "pięcioosobowy" team just before it. A
/// numeral right before the cue counts teams, not people ("w dwóch zespołach"), and is not a
/// team size.
fn count(words: &[Word], (cue_first, cue_last): (usize, usize)) -> Vec<(Quantity, (usize, usize))> {
    let after = cue_last + 1..(cue_last + 1 + COUNT_REACH).min(words.len());
    let sized_before = cue_first
        .checked_sub(1)
        .and_then(|at| numeral_adjective(words, at, "osobow"));
    let is_count = |i: &usize| {
        let next = words.get(i + 1).map(|w| w.lower.as_ref());
        value(&words[*i]).is_some()
            && !next.is_some_and(|n| {
                is_year_word(n)
                    || is_time_word(n)
                    || currency(n).is_some()
                    || multiplier(n).is_some()
                    || n == "%"
            })
    };
    let counted = after
        .clone()
        .find(is_count)
        .and_then(|i| Some((i, value(&words[i])?)));
    let Some((i, v)) = counted.or(sized_before) else {
        return Vec::new();
    };
    // "od sześciu do dwunastu osób", "5–8 osób": a range, not its first number.
    let upper = words
        .get(i + 1)
        .filter(|w| is_range_dash(&w.lower))
        .and_then(|_| words.get(i + 2))
        .and_then(|w| Some((i + 2, value(w)?)))
        .filter(|&(_, high)| high > v);
    let (last, max) = upper.unwrap_or((i, v));
    vec![(
        Quantity {
            min: v,
            max: Some(max),
            approximate: false,
            unit: Unit::People,
            qualifiers: Vec::new(),
        },
        (i.min(cue_first), last.max(cue_last)),
    )]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(String, bool)> {
        let doc = crate::segment::segment(text);
        doc.tokens
            .iter()
            .filter(|t| {
                t.kind != crate::segment::TokenKind::Punct
                    || matches!(t.span.slice(text), "-" | "–" | "$" | "€")
            })
            .map(|t| {
                (
                    t.span.slice(text).to_lowercase(),
                    t.kind == crate::segment::TokenKind::Number,
                )
            })
            .collect()
    }

    fn run(engine: MetricEngine, text: &str) -> Vec<String> {
        let owned = words(text);
        let words: Vec<Word> = owned
            .iter()
            .enumerate()
            .map(|(token, (lower, is_number))| {
                Word::new(token, Cow::Borrowed(lower.as_str()), *is_number)
            })
            .collect();
        let cue = words
            .iter()
            .position(|w| w.lower.starts_with("zesp"))
            .unwrap_or(0);
        quantities(engine, &words, (cue, cue))
            .into_iter()
            .map(|(q, _)| q.describe())
            .collect()
    }

    #[test]
    fn money_typed_without_polish_letters() {
        assert_eq!(
            run(MetricEngine::Money, "zarabiam 7 tys zl na reke miesiecznie"),
            ["7 000 PLN netto miesięcznie"]
        );
        assert_eq!(
            run(MetricEngine::Money, "potwierdzam 6 500 zł brutto/mc"),
            ["6 500 PLN brutto miesięcznie"]
        );
    }

    #[test]
    fn money_with_groups_ranges_periods_and_basis() {
        assert_eq!(
            run(MetricEngine::Money, "zarabia 12 300 zł brutto miesięcznie"),
            ["12 300 PLN brutto miesięcznie"]
        );
        assert_eq!(
            run(MetricEngine::Money, "od 8 do 10 tys. zł netto"),
            ["8 000–10 000 PLN netto"]
        );
        assert_eq!(
            run(MetricEngine::Money, "65 000 dolarów rocznie"),
            ["65 000 USD rocznie"]
        );
        assert_eq!(run(MetricEngine::Money, "ok. 9 000 zł"), ["ok. 9 000 PLN"]);
        assert_eq!(run(MetricEngine::Money, "od 15 000 zł"), ["od 15 000 PLN"]);
        // Thousands with a basis and no currency are złoty; without a basis, no amount.
        assert_eq!(
            run(MetricEngine::Money, "zarabia 25–28 tys. netto miesięcznie"),
            ["25 000–28 000 PLN netto miesięcznie"]
        );
        assert!(run(MetricEngine::Money, "obsłużyliśmy 25 tys. klientów").is_empty());
    }

    #[test]
    fn a_period_after_the_amount_is_its_own_only_next_to_it() {
        // x09 of a blind set: the quarter is the bonus's, the month the pay's.
        assert_eq!(
            run(
                MetricEngine::Money,
                "mediana miesięcznej pensji to 8 200 zł brutto w większości firm dochodzi premia kwartalna"
            ),
            ["8 200 PLN brutto miesięcznie"]
        );
        // corpus/149: "+ VAT" stands between the amount and its period.
        assert_eq!(
            run(
                MetricEngine::Money,
                "premia kwartalna widełki 17 000–21 000 zł netto + vat miesięcznie"
            ),
            ["17 000–21 000 PLN netto miesięcznie"]
        );
    }

    #[test]
    fn years_in_digits_and_words() {
        assert_eq!(
            run(MetricEngine::Years, "co najmniej trzy lata doświadczenia"),
            ["3 lata"]
        );
        assert_eq!(run(MetricEngine::Years, "2–3 lata stażu"), ["2–3 lata"]);
        assert!(run(MetricEngine::Years, "w 2019 roku").is_empty());
        assert_eq!(
            run(MetricEngine::Years, "co najmniej dwuletnim doświadczeniem"),
            ["2 lata"]
        );
        assert_eq!(
            run(MetricEngine::Years, "3-letnie doświadczenie"),
            ["3 lata"]
        );
        assert_eq!(
            run(
                MetricEngine::Years,
                "z rocznym lub dwuletnim doświadczeniem"
            ),
            ["1–2 lata"]
        );
        assert_eq!(
            run(
                MetricEngine::Years,
                "od dwuletniego do pięcioletniego stażu"
            ),
            ["2–5 lat"]
        );
        assert_eq!(
            run(MetricEngine::Years, "min. rok doświadczenia"),
            ["1 rok"]
        );
        assert_eq!(
            run(MetricEngine::Years, "od roku do dwóch lat doświadczenia"),
            ["1–2 lata"]
        );
    }

    #[test]
    fn years_agree_with_their_number() {
        let years = |min: f64, max: Option<f64>, approximate: bool| {
            Quantity {
                min,
                max,
                approximate,
                unit: Unit::Years,
                qualifiers: Vec::new(),
            }
            .describe()
        };
        assert_eq!(years(1.0, Some(1.0), false), "1 rok");
        assert_eq!(years(2.0, Some(2.0), false), "2 lata");
        assert_eq!(years(5.0, Some(5.0), false), "5 lat");
        assert_eq!(years(12.0, Some(12.0), false), "12 lat");
        assert_eq!(years(22.0, Some(22.0), false), "22 lata");
        assert_eq!(years(3.0, Some(5.0), false), "3–5 lat");
        assert_eq!(years(1.0, Some(2.0), false), "1–2 lata");
        assert_eq!(years(1.5, Some(1.5), false), "1,5 roku");
        assert_eq!(years(1.0, None, false), "od 1 roku");
        assert_eq!(years(2.0, None, false), "od 2 lat");
        assert_eq!(years(3.0, Some(3.0), true), "ok. 3 lat");
        assert_eq!(years(1.0, Some(1.0), true), "ok. 1 roku");
    }

    #[test]
    fn a_period_said_before_an_amount_is_its_own() {
        assert_eq!(
            run(
                MetricEngine::Money,
                "mediana miesięcznego wynagrodzenia wynosi 15 800 zł brutto, co w skali roku daje 189 600 zł brutto"
            ),
            [
                "15 800 PLN brutto miesięcznie",
                "189 600 PLN brutto rocznie"
            ]
        );
    }

    #[test]
    fn a_period_of_an_amount_restated_later_is_not_the_first_amounts() {
        // h06: the year is the restated figure's; the first is a month's pay, said without one.
        assert_eq!(
            run(
                MetricEngine::Money,
                "zarabia ok. 8 200 zł brutto, czyli blisko 98 tys. zł rocznie"
            ),
            ["ok. 8 200 PLN brutto", "ok. 98 000 PLN brutto rocznie"]
        );
        // Without a restatement, the period said later holds for both (corpus/148).
        assert_eq!(
            run(
                MetricEngine::Money,
                "zaczynałem od 5 200 zł brutto, dziś podstawa wynosi 6 800 zł brutto miesięcznie"
            ),
            [
                "od 5 200 PLN brutto miesięcznie",
                "6 800 PLN brutto miesięcznie"
            ]
        );
    }

    #[test]
    fn a_year_is_a_period_only_after_na_za_or_w_skali() {
        assert_eq!(
            run(
                MetricEngine::Money,
                "rok wcześniej mediana wynosiła 15 100 zł brutto"
            ),
            ["15 100 PLN brutto"]
        );
        assert_eq!(
            run(MetricEngine::Money, "zarabia 90 000 zł brutto na rok"),
            ["90 000 PLN brutto rocznie"]
        );
    }

    #[test]
    fn a_quarterly_amount_is_not_a_monthly_one() {
        assert_eq!(
            run(
                MetricEngine::Money,
                "stałe wynagrodzenie 6 200 zł brutto miesięcznie plus premia (średnio 2 400 zł brutto za kwartał)"
            ),
            [
                "6 200 PLN brutto miesięcznie",
                "2 400 PLN brutto kwartalnie"
            ]
        );
    }

    #[test]
    fn unspaced_dash_makes_a_range() {
        assert_eq!(
            run(MetricEngine::Money, "8 000–9 500 zł brutto"),
            ["8 000–9 500 PLN brutto"]
        );
    }

    #[test]
    fn parts_of_a_whole_are_not_values() {
        assert_eq!(
            run(
                MetricEngine::Years,
                "pięciu lat doświadczenia, w tym minimum dwóch lat w roli doradczej"
            ),
            ["5 lat"]
        );
        assert_eq!(
            run(
                MetricEngine::Years,
                "min. 4 lata doświadczenia w sprzedaży B2B, w tym co najmniej 2 lata we współpracy z sieciami"
            ),
            ["4 lata"]
        );
        assert_eq!(
            run(
                MetricEngine::Years,
                "średnio 6,5 roku doświadczenia zawodowego, z czego 3,4 roku w roli produktowej"
            ),
            ["6,5 roku"]
        );
        assert_eq!(
            run(MetricEngine::Money, "w tym roku zarobi średnio 9 000 zł"),
            ["9 000 PLN"]
        );
        assert_eq!(
            run(
                MetricEngine::Money,
                "12 300 zł brutto miesięcznie, czyli ok. 8 900 zł netto"
            ),
            [
                "12 300 PLN brutto miesięcznie",
                "ok. 8 900 PLN netto miesięcznie"
            ]
        );
    }

    #[test]
    fn head_count_after_the_cue() {
        assert_eq!(
            run(MetricEngine::Count, "zespołem pięciu analityków"),
            ["5 os."]
        );
        assert_eq!(run(MetricEngine::Count, "zespół 12 osób"), ["12 os."]);
        assert_eq!(run(MetricEngine::Count, "5-osobowy zespół"), ["5 os."]);
        assert_eq!(
            run(MetricEngine::Count, "kierowanie pięcioosobowym zespołem"),
            ["5 os."]
        );
        // Teens and tens, too (blind bd07: "kieruje dwunastoosobowym zespołem specjalistów").
        assert_eq!(
            run(MetricEngine::Count, "kieruje dwunastoosobowym zespołem"),
            ["12 os."]
        );
        assert_eq!(
            run(
                MetricEngine::Count,
                "zespół liczy od sześciu do dwunastu osób"
            ),
            ["6–12 os."]
        );
        assert_eq!(run(MetricEngine::Count, "zespół 5–8 osób"), ["5–8 os."]);
        // Weeks, days, sprints are no head count.
        assert!(run(MetricEngine::Count, "jeden zespół i dwa tygodnie sprintu").is_empty());
        assert!(run(MetricEngine::Count, "zespół przez trzy dni").is_empty());
    }

    #[test]
    fn only_comparable_quantities_disagree() {
        let monthly = |min: f64| Quantity {
            min,
            max: Some(min),
            approximate: false,
            unit: Unit::Money {
                currency: "PLN",
                period: Some(Period::Monthly),
                basis: Some(Basis::Gross),
            },
            qualifiers: vec![],
        };
        assert!(monthly(9_500.0).disagrees(&monthly(14_000.0)));
        assert!(!monthly(9_500.0).disagrees(&monthly(9_500.0)));
        let annual = Quantity {
            unit: Unit::Money {
                currency: "EUR",
                period: Some(Period::Annual),
                basis: None,
            },
            ..monthly(60_000.0)
        };
        assert!(!monthly(9_500.0).comparable(&annual));
    }
}
