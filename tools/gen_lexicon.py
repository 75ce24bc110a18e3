#!/usr/bin/env python3
"""Generate rules/lexicon.tsv, the form -> lemma lexicon rolelint embeds.

Run from anywhere:

    pip install -r tools/requirements.txt && python3 tools/gen_lexicon.py

Inputs (all read relative to the repository root, the parent of tools/):

1. Rule words: every word of every phrase in rules/*.toml, i.e. strings found at any
   depth under the keys in PHRASE_KEYS, plus every string list of modality.toml (any key
   except the prose/metadata keys in NON_PHRASE_KEYS), plus role names (`name` inside
   [[role]]). For each rule word all its lemmas are analysed with morfeusz2 and EVERY
   form of each lemma (morfeusz2 generate) is emitted. Words morfeusz2 does not know get
   a paradigm chosen by their ending (see unknown_word_forms). All-caps words (KAM, PM) are skipped: the
   engine matches them literally. Abbreviations with a dot ("ds.") are emitted as
   themselves: form "ds." -> lemma "ds.".
2. Text vocabulary: every maximal run of letters (str.isalpha) in corpus/**/*.txt|*.md|*.html,
   in every `examples` string of rules/*.toml, and in ../shared/realtexts/**/*.txt if that
   folder exists. Each distinct lower-cased word is analysed (not expanded to all forms);
   words whose only analysis is 'ign' (unknown) are left out.
3. First names: every form of each name in tools/first_names.txt ("Kasia": "kasi", "kasią", …)
   that Morfeusz 2 tags as a first name, with the name as its lemma and the feature `name`
   (see Morph.first_name_forms): a person introduced with a role ("Ewa jest naszą księgową")
   is bound to it.

Every emitted form is also analysed itself, and all of its lemmas are added, so a form
gets the same lemma set whichever input brought it in.

Output: '#' header lines (generator, morfeusz2 version, dictionary id, how to regenerate,
copyright notices of Morfeusz 2 and of the SGJP dictionary), then `form<TAB>lemma|lemma…`
lines sorted by form (code point order), lemmas deduplicated and sorted; all lower case,
NFC, '\n' line ends. A form that some reading makes a verb (or "ja") in the first person
singular ("wystawiam", "zrobiłam", "będę") has `1sg` in a third column: rolelint gives a
clause in the first person to the speaker's role. A form whose every reading is a verb in the
past tense ("zarabiał", "zrobiłam") has `past` there (comma-separated after `1sg`): a claim
in the past tense with a time of the past ("Do 2022 roku …") describes a former state.
A form of a first name has `name` there.
Same inputs and same morfeusz2 -> same
bytes.

A summary goes to stderr.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tomllib
import unicodedata
from pathlib import Path

import morfeusz2

# Keys whose string values (at any depth, in any rules/*.toml) are phrases matched in text.
PHRASE_KEYS = {
    "aliases", "alias", "suggest", "cues", "headings", "first", "second",
    "qualifiers",  # numeric metrics: "mile widziany", "junior", "mediana", …
    "places", "amounts_of",  # numeric metrics: "w Warszawa", "premia"
}
# In modality.toml every string list counts, except under these keys (prose, ids, regexes).
NON_PHRASE_KEYS = {
    "examples", "fires", "quiet", "mentions", "id", "name", "label", "summary", "why",
    "help", "reason", "regex", "engine", "severity", "code", "dimension", "description",
    "doc", "note", "notes", "comment",
}
# The third column of a form that is a verb (or "ja") in the first person singular.
FIRST_PERSON_SINGULAR = "1sg"
# The third column's feature of a form that is a verb in the past tense only.
PAST_TENSE = "past"
# Past forms although they have another reading: "miał" is also coal dust, "mieli" a form of
# "mielić", both rare in texts about jobs ("Do 2020 roku nie miał budżetu").
PAST_DESPITE_OTHER_READINGS = {"miał", "mieli"}
# Classes of morfeusz2 readings a first-person form may also have: the verb's own forms, and
# the "by" of "zrobiłbym" (a particle, or a conjunction in "żebym").
VERBAL_CLASSES = {"fin", "bedzie", "aglt", "praet", "impt", "inf", "ppron12", "part", "comp"}
# Forms in the first person although they have another common reading: "mam" is also the
# genitive plural of "mama", rare in texts about jobs ("Nie mam nikogo pod sobą").
FIRST_PERSON_DESPITE_OTHER_READINGS = {"mam"}
# The third column's feature of a form of a first name ("Ewa", "Kasi", "Tomkiem").
FIRST_NAME = "name"
# Classes of morfeusz2 readings that are nouns: a form of a first name that can also be a
# word of another class ("Ani", also "ani") is no name unless it is the name's nominative.
NOUN_CLASSES = {"subst", "depr", "ger"}
# Gap markers in phrases ("prowadzić … księgowość").
GAP_MARKERS = {"…", "...", "…."}
# Abbreviations known to keep their dot (besides anything morfeusz tags brev:pun).
KNOWN_ABBREVIATIONS = {
    "ds.", "np.", "m.in.", "tzw.", "ok.", "r.", "tj.", "itd.", "itp.", "ul.", "godz.",
    "prof.", "dr.", "hab.", "mgr.", "inż.", "św.", "im.", "nr.", "tel.", "zob.", "ww.",
    "j.", "jęz.", "in.", "min.", "max.", "maks.", "mln.", "mld.", "tys.", "zł.", "wyż.",
    "śr.", "sp.", "z.o.o.", "o.o.", "pkt.", "poz.", "str.", "art.", "ust.", "cd.",
}
MAX_SIZE_BYTES = 8 * 1024 * 1024

REPO = Path(__file__).resolve().parent.parent
FIRST_NAMES = Path(__file__).resolve().parent / "first_names.txt"
SHARED_REALTEXTS = REPO.parent / "shared" / "realtexts"


def nfc_lower(s: str) -> str:
    return unicodedata.normalize("NFC", s).lower()


def clean_lemma(lemma: str) -> str:
    """'kierownik:Sm1' -> 'kierownik'. A lemma that starts with ':' (or is ':') is kept."""
    i = lemma.find(":")
    if i > 0:
        lemma = lemma[:i]
    return nfc_lower(lemma)


# --------------------------------------------------------------------------- morfeusz

class Morph:
    def __init__(self) -> None:
        self.m = morfeusz2.Morfeusz()
        self._analyse_cache: dict[str, list[tuple[str, str]]] = {}
        self._generate_cache: dict[str, list[str]] = {}

    def analyse(self, word: str) -> list[tuple[str, str]]:
        """(raw lemma, tag) pairs for the whole word.

        If some interpretation spans the whole word, only those count. Otherwise the word is
        agglutinated ("zrobiłem" = zrobił + em, "zrobiłbym" = zrobił + by + m): its lemmas
        are those of the segments that start the word, less agglutinates and punctuation.
        """
        if word in self._analyse_cache:
            return self._analyse_cache[word]
        res = self.m.analyse(word)
        out: list[tuple[str, str]] = []
        if res:
            last = max(end for _, end, _ in res)
            whole = [(i[1], i[2]) for start, end, i in res if start == 0 and end == last]
            if whole:
                out = whole
            else:
                out = [
                    (i[1], i[2])
                    for start, _end, i in res
                    if start == 0 and i[2].split(":")[0] not in ("aglt", "interp")
                ]
        self._analyse_cache[word] = out
        return out

    def first_person_singular(self, word: str) -> bool:
        """Whether `word` is a verb, or "ja", in the first person singular: "wystawiam",
        "będę", "zrobiłam" (zrobiła + m), "zrobiłabym" (zrobiła + by + m).

        A form that can also be a common noun or another word is not: "opiekę" is "opieka"
        far more often than "opiec", "płacę" is "płaca", "czym" is "co". Readings the
        dictionary marks as old, rare or colloquial do not count against it ("muszę" is not
        "musza"); FIRST_PERSON_DESPITE_OTHER_READINGS lists the rest."""
        first_person = word in FIRST_PERSON_DESPITE_OTHER_READINGS
        for _start, _end, interpretation in self.m.analyse(word):
            tag = interpretation[2].split(":")
            qualifiers = interpretation[4] if len(interpretation) > 4 else []
            if tag[0] in ("fin", "bedzie", "aglt") and tag[1:3] == ["sg", "pri"]:
                first_person = True
            elif tag[0] == "ppron12" and tag[1:3] == ["sg", "nom"] and "pri" in tag:
                first_person = True
            elif tag[0] not in VERBAL_CLASSES and not qualifiers:
                if word not in FIRST_PERSON_DESPITE_OTHER_READINGS:
                    return False
        return first_person

    def past_tense(self, word: str) -> bool:
        """Whether every reading of `word` is a verb in the past tense: "zarabiał",
        "pracowali", "zrobiłam" (zrobiła + m). Not "była" (also "former", an adjective), not
        "dział" (also a noun), not "pracowałby" (the conditional mood)."""
        if word in PAST_DESPITE_OTHER_READINGS:
            return True
        if any(interpretation[1].split(":")[0] == "by" for *_, interpretation in self.m.analyse(word)):
            return False
        readings = self.analyse(word)
        return bool(readings) and all(tag.split(":")[0] == "praet" for _, tag in readings)

    def first_name_forms(self, name: str, written_lower: set[str]) -> dict[str, str]:
        """Every form of first name `name` ("Kasia": "kasi", "kasią", …), each with the name's
        lemma, as Morfeusz 2 knows it (readings tagged `imię`). Morfeusz tells a name by its
        capital, so each form is asked about capitalised. A form that is no nominative of the
        name and is also a common word is left out, so that a sentence opening with it is not
        read as naming a person: one the texts write in lower case ("Marka", as in "marka
        pracodawcy"; `written_lower`), or one that can be a word other than a noun ("Ani" is
        also "ani", "Adamowi" an adjective)."""
        forms: dict[str, str] = {}
        for *_, interpretation in self.m.analyse(name):
            if "imię" not in interpretation[3]:
                continue
            lemma = clean_lemma(interpretation[1])
            for generated in self.m.generate(interpretation[1]):
                form = nfc_lower(generated[0])
                readings = [i for start, _end, i in self.m.analyse(generated[0]) if start == 0]
                nominative = any("imię" in i[3] and ":sg:nom" in i[2] for i in readings)
                other_word = any(
                    i[1][:1].islower() and i[2].split(":")[0] not in NOUN_CLASSES and not i[4]
                    for i in readings
                )
                if nominative or not (form in written_lower or other_word):
                    forms[form] = lemma
        return forms

    def lemmas(self, word: str) -> set[str]:
        """Clean lemmas of a known word; empty if morfeusz only says 'ign'."""
        return {clean_lemma(l) for l, tag in self.analyse(word) if tag != "ign"}

    def raw_lemmas(self, word: str) -> set[str]:
        return {l for l, tag in self.analyse(word) if tag != "ign"}

    def generate(self, raw_lemma: str) -> list[str]:
        """All forms of one lemma (with its homonym id, e.g. 'kierownik:Sm1')."""
        if raw_lemma not in self._generate_cache:
            forms = {nfc_lower(f) for f, *_ in self.m.generate(raw_lemma)}
            if not forms and ":" in raw_lemma[1:]:
                forms = {nfc_lower(f) for f, *_ in self.m.generate(raw_lemma.split(":")[0])}
            self._generate_cache[raw_lemma] = sorted(forms)
        return self._generate_cache[raw_lemma]


def first_person_past(form: str, morph: "Morph") -> list[str]:
    """The past tense in the first person, which morfeusz writes as two segments and so does
    not generate: "pracował" gives "pracowałem", "pracowała" "pracowałam", "pracowali" and
    "pracowały" "pracowaliśmy", "pracowałyśmy". A writer's own past ("Jeszcze rok temu
    pracowaliśmy w pełni stacjonarnie") is a former state only if its verb is known as past."""
    if not morph.past_tense(form):
        return []
    if form.endswith("ł"):
        return [form + "em"]
    if form.endswith("ła"):
        return [form + "m"]
    if form.endswith(("li", "ły")):
        return [form + "śmy"]
    return []


# --------------------------------------------------------------------------- loanwords

VOWELS = set("aeiouyąęó")


def adjective_forms(w: str) -> list[str]:
    """Hard-stem adjective in -y (kafeteryjny) or velar-stem adjective in -ki/-gi (-ski)."""
    if w.endswith(("ki", "gi")):
        st = w[:-1]  # "…sk"/"…ck": sg -i/-a/-ie/-iego/-iej/-iemu/-ą/-im, pl -ie/-ich/-im/-imi
        forms = {st + e for e in ("i", "a", "ie", "iego", "iej", "iemu", "ą", "im", "imi", "ich")}
        forms.add(st[:-1] + ("cy" if st.endswith("k") else "dzy"))  # personal pl: polscy
        return sorted(forms)
    st = w[:-1]
    forms = {st + e for e in ("y", "a", "e", "ego", "ej", "emu", "ą", "ym", "ymi", "ych")}
    # personal nominative plural (-ni, -wi, -ci, -rzy, -li, -si, -dzi, else +i)
    soft = {"t": "ci", "r": "rzy", "ł": "li", "s": "si", "d": "dzi", "z": "zi", "ch": "si"}
    for end, rep in soft.items():
        if st.endswith(end):
            forms.add(st[: -len(end)] + rep)
            break
    else:
        forms.add(st + "i")
    return sorted(forms)


def owac_verb_forms(w: str) -> list[str]:
    """Verb in -ować (priorytetyzować), conjugated like "pracować"."""
    st = w[: -len("ować")]
    ends = (
        # infinitive, present, imperative
        "ować", "uję", "ujesz", "uje", "ujemy", "ujecie", "ują", "uj", "ujmy", "ujcie",
        # past (with person endings written together), conditional
        "ował", "owała", "owało", "owali", "owały", "owałem", "owałam", "owałeś", "owałaś",
        "owaliśmy", "owałyśmy", "owaliście", "owałyście", "owałby", "owałaby", "owaliby",
        "owano",
        # gerund
        "owanie", "owania", "owaniu", "owaniem", "owaniach", "owaniami", "owaniom", "owań",
        # active and passive participles, adverbial participle
        "ujący", "ująca", "ujące", "ującego", "ującej", "ującemu", "ującą", "ującym",
        "ującymi", "ujących", "owany", "owana", "owane", "owanego", "owanej", "owanemu",
        "owaną", "owanym", "owanymi", "owanych", "owani", "ując",
    )
    return sorted({st + e for e in ends})


def cja_noun_forms(w: str) -> list[str]:
    """Feminine noun in -cja/-sja/-zja (priorytetyzacja), like "organizacja"."""
    st = w[:-1]  # "…cj"
    return sorted({st + e for e in ("a", "i", "ę", "ą", "o", "e", "ach", "ami", "om")})


def yni_noun_forms(w: str) -> list[str]:
    """Feminine noun in -yni/-ini (handlowczyni), like "mistrzyni": -ni (nom, gen, dat,
    loc), -nię, -nią, pl -nie, -ń, -niom, -niami, -niach."""
    return sorted({w, w + "ę", w + "ą", w + "e", w[:-2] + "ń", w + "om", w + "ami", w + "ach"})


def ka_noun_forms(w: str) -> list[str]:
    """Feminine noun in -ka (managerka), like "partnerka": -ka, -ki, -ce, -kę, -ką, -ko, pl
    -ki, -ek, -kom, -kami, -kach."""
    s = w[:-2]
    return sorted({w, s + "ki", s + "ce", s + "kę", s + "ką", s + "ko", s + "ek", s + "kom",
                   s + "kami", s + "kach"})


def unknown_word_forms(word: str) -> tuple[str, list[str]]:
    """(how, forms) for a rule word morfeusz2 does not know.

    Polish-looking words the dictionary lacks are inflected by their ending: verbs in
    -ować, nouns in -cja/-sja/-zja, -yni/-ini and -rka ("managerka"), adjectives in -ny/-owy/-ski/-cki/-dzki.
    Everything else of 3+ letters ending in a consonant is taken as a loanword and
    declined as a Polish masculine noun (see masculine_loanword_forms). Words that end in
    a vowel ("office", "daily", "hybrydowo"), are shorter than 3 letters or contain
    non-letters ("b2b") are kept as written: Polish leaves such loanwords undeclined or
    writes the ending after an apostrophe, which the tokenizer splits off anyway.
    """
    w = word
    if not w.isalpha():
        return "kept as written (not declined)", [w]
    if len(w) >= 7 and w.endswith("ować"):
        return "-ować verb paradigm", owac_verb_forms(w)
    if len(w) >= 5 and w.endswith(("cja", "sja", "zja")):
        return "feminine -cja noun paradigm", cja_noun_forms(w)
    if len(w) >= 5 and w.endswith(("yni", "ini")):
        return "feminine -yni noun paradigm", yni_noun_forms(w)
    if len(w) >= 6 and w.endswith("rka"):
        return "feminine -ka noun paradigm", ka_noun_forms(w)
    if len(w) >= 5 and w.endswith(("ny", "owy", "ski", "cki", "dzki")):
        return "adjective paradigm", adjective_forms(w)
    if len(w) < 3 or w[-1] in VOWELS:
        return "kept as written (not declined)", [w]
    return "masculine loanword paradigm", masculine_loanword_forms(w)


def masculine_loanword_forms(w: str) -> list[str]:
    """Forms of an unknown (mostly English) word declined as a Polish masculine noun.

    stem + sg: "" (nom), "a" (gen), "owi" (dat), "em" (inst), locative/vocative by the
    last consonant: -r -> -rze (owner -> ownerze), -st -> -ście (analyst -> analyście),
    -t -> -cie (account -> accouncie), -d -> -dzie, -ł -> -le; velars and soft or
    hardened consonants (k g h ch c cz sz rz ż dż j l x) -> +u (desk -> desku); all
    other consonants (b p f w m n s z) -> +ie (scrum -> scrumie, sales -> salesie);
    pl: nominative "owie" and the plain plural: -r -> -rzy, -st -> -ści and +y,
    -t -> -ci and +y (personal and non-personal: analyści, accounty),
    -k -> -cy, -g -> -dzy, soft consonants (j l c cz sz rz ż dż x) -> +e, else +y;
    then "ów" (gen), "om" (dat), "ami" (inst), "ach" (loc).
    """
    forms = {w, w + "a", w + "owi", w + "em", w + "owie", w + "ów", w + "om", w + "ami", w + "ach"}
    soft_or_hard = ("ch", "cz", "sz", "rz", "dż", "k", "g", "h", "c", "ż", "j", "l", "x")
    # locative / vocative singular
    if w.endswith("r"):
        forms.add(w[:-1] + "rze")
    elif w.endswith("st"):
        forms.add(w[:-2] + "ście")
    elif w.endswith("t"):
        forms.add(w[:-1] + "cie")
    elif w.endswith("d"):
        forms.add(w[:-1] + "dzie")
    elif w.endswith("ł"):
        forms.add(w[:-1] + "le")
    elif w.endswith(soft_or_hard):
        forms.add(w + "u")
    else:
        forms.add(w + "ie")
    # plain nominative plural
    if w.endswith("r"):
        forms.add(w[:-1] + "rzy")
    elif w.endswith("st"):
        forms.update((w[:-2] + "ści", w + "y"))
    elif w.endswith("t"):
        forms.update((w[:-1] + "ci", w + "y"))
    elif w.endswith("k"):
        forms.add(w[:-1] + "cy")
    elif w.endswith("g"):
        forms.add(w[:-1] + "dzy")
    elif w.endswith(("j", "l", "c", "cz", "sz", "rz", "ż", "dż", "x")):
        forms.add(w + "e")
    else:
        forms.add(w + "y")
    return sorted(forms)


# --------------------------------------------------------------------------- inputs

def display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(REPO))
    except ValueError:
        return str(path)


def read_text(path: Path) -> str:
    data = path.read_bytes()
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1250", errors="replace")


def load_rule_files(rules_dir: Path, warnings: list[str]) -> list[tuple[Path, dict]]:
    out = []
    for path in sorted(rules_dir.glob("*.toml")):
        try:
            with path.open("rb") as f:
                out.append((path, tomllib.load(f)))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as e:
            warnings.append(f"skipped {display(path)} (does not parse: {e})")
    return out


def strings_in(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for v in value for s in strings_in(v)]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings_in(v)]
    return []


def collect(node, is_modality: bool, phrases: list[str], examples: list[str],
            parent_key: str | None = None, top: bool = True) -> None:
    """Walk parsed TOML; gather phrase strings and example strings."""
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "examples":
                examples.extend(strings_in(v))
            elif k in PHRASE_KEYS:
                phrases.extend(strings_in(v))
            elif k == "name" and parent_key == "role":
                phrases.extend(strings_in(v))
            elif is_modality and k not in NON_PHRASE_KEYS and isinstance(v, list) \
                    and v and all(isinstance(s, str) for s in v):
                phrases.extend(v)
            else:
                collect(v, is_modality, phrases, examples, k, False)
    elif isinstance(node, list):
        for v in node:
            collect(v, is_modality, phrases, examples, parent_key, False)


def letter_runs(text: str):
    text = unicodedata.normalize("NFC", text)
    cur: list[str] = []
    for ch in text:
        if ch.isalpha():
            cur.append(ch)
        elif cur:
            yield "".join(cur)
            cur = []
    if cur:
        yield "".join(cur)


def is_all_caps(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def split_phrase_word(raw: str, morph: Morph) -> tuple[str | None, str | None]:
    """Return (word, kind) for one whitespace-separated piece of a phrase.

    kind: 'word' (analyse), 'abbr' (keep with its dot), None (skip: gap, caps, empty).
    """
    w = unicodedata.normalize("NFC", raw)
    if w in GAP_MARKERS:
        return None, None
    # strip surrounding punctuation, but keep a trailing dot for now
    start, end = 0, len(w)
    while start < end and not w[start].isalnum():
        start += 1
    while end > start and not (w[end - 1].isalnum() or w[end - 1] == "."):
        end -= 1
    w = w[start:end]
    dotted = w.endswith(".")
    core = w.rstrip(".")
    while core and not core[-1].isalnum():  # e.g. "x-." -> "x"
        core = core[:-1]
    if not core:
        return None, None
    if is_all_caps(core):
        return None, "caps"
    low = nfc_lower(core)
    if dotted:
        abbr = low + "."
        tags = {tag for _, tag in morph.analyse(low)}
        if abbr in KNOWN_ABBREVIATIONS or "." in low or "brev:pun" in tags \
                or not morph.lemmas(low):
            return abbr, "abbr"
    return low, "word"


# --------------------------------------------------------------------------- main

def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=REPO / "rules" / "lexicon.tsv")
    ap.add_argument("--rules", type=Path, default=REPO / "rules")
    ap.add_argument("--corpus", type=Path, default=REPO / "corpus")
    ap.add_argument("--realtexts", type=Path, default=SHARED_REALTEXTS)
    ap.add_argument("--first-names", type=Path, default=FIRST_NAMES)
    args = ap.parse_args()

    morph = Morph()
    warnings: list[str] = []
    lex: dict[str, set[str]] = {}

    def add(form: str, lemma: str) -> None:
        form = nfc_lower(form)
        lemma = nfc_lower(lemma)
        if form and lemma:
            lex.setdefault(form, set()).add(lemma)

    # ---- rule words
    phrases: list[str] = []
    examples: list[str] = []
    rule_files = load_rule_files(args.rules, warnings)
    for path, data in rule_files:
        collect(data, path.name == "modality.toml", phrases, examples)

    rule_words: set[str] = set()
    abbreviations: set[str] = set()
    caps_skipped: set[str] = set()
    hyphenated: set[str] = set()
    for phrase in phrases:
        for piece in re.sub(r"…|\.\.\.+", " … ", phrase).split():
            word, kind = split_phrase_word(piece, morph)
            if kind == "caps":
                caps_skipped.add(piece.strip(".,;:!?()[]\"'„”“«»"))
            elif kind == "abbr":
                abbreviations.add(word)
            elif kind == "word" and "-" in word:
                # The Rust tokenizer splits words on hyphens (Unicode word boundaries):
                # "e-commerce" -> "e", "commerce". Only the parts are rule words.
                hyphenated.add(word)
                for part in word.split("-"):
                    part = part.strip(".")
                    if part and not is_all_caps(part):
                        rule_words.add(nfc_lower(part))
            elif kind == "word":
                rule_words.add(word)

    for a in sorted(abbreviations):
        add(a, a)

    unknown: dict[str, str] = {}
    for word in sorted(rule_words):
        raw = morph.raw_lemmas(word)
        if not raw:
            kind, forms = unknown_word_forms(word)
            kept, clash = [], []
            for f in forms:
                # A paradigm form that is a real Polish word would give that word a false
                # lemma: skip it (the base form itself is always kept).
                if f != word and morph.lemmas(f):
                    clash.append(f)
                else:
                    kept.append(f)
                    add(f, word)
            how = f"{kind}, {len(kept)} forms" if len(forms) > 1 else kind
            if clash:
                how += f"; skipped forms Polish already has: {', '.join(clash)}"
            unknown[word] = how
            continue
        for r in sorted(raw):
            lemma = clean_lemma(r)
            add(word, lemma)
            for f in morph.generate(r):
                add(f, lemma)
                for agglutinated in first_person_past(f, morph):
                    add(agglutinated, lemma)

    # ---- text vocabulary
    text_sources: list[Path] = []
    if args.corpus.is_dir():
        text_sources += sorted(p for p in args.corpus.rglob("*")
                               if p.is_file() and p.suffix.lower() in (".txt", ".md", ".markdown", ".html", ".htm"))
    if args.realtexts.is_dir():
        text_sources += sorted(p for p in args.realtexts.rglob("*.txt") if p.is_file())
    vocab: set[str] = set()
    # Words the texts write in lower case, as a common word is written.
    written_lower: set[str] = set()
    for s in examples:
        vocab.update(nfc_lower(w) for w in letter_runs(s))
        written_lower.update(nfc_lower(w) for w in letter_runs(s) if w[:1].islower())
    for p in text_sources:
        try:
            words = list(letter_runs(read_text(p)))
            vocab.update(nfc_lower(w) for w in words)
            written_lower.update(nfc_lower(w) for w in words if w[:1].islower())
        except OSError as e:
            warnings.append(f"could not read {display(p)}: {e}")
    vocab_unknown = 0
    for w in sorted(vocab):
        ls = morph.lemmas(w)
        if not ls:
            vocab_unknown += 1
            continue
        for l in ls:
            add(w, l)

    # ---- first names
    name_forms: set[str] = set()
    names = 0
    for line in read_text(args.first_names).split("\n"):
        for name in line.split("#")[0].split():
            names += 1
            for form, lemma in morph.first_name_forms(name, written_lower).items():
                add(form, lemma)
                name_forms.add(form)

    # ---- every form gets all its own analyses too
    for form in list(lex):
        if form.endswith("."):
            continue
        for l in morph.lemmas(form):
            lex[form].add(l)

    # ---- write
    dict_id = morph.m.dict_id()
    header = [
        "rolelint form->lemma lexicon: form<TAB>lemma|lemma...[<TAB>feature,feature] (sorted, lower case, NFC)",
        "features: 1sg: some reading of the form is a verb (or \"ja\") in the first person singular;",
        "  past: every reading of the form is a verb in the past tense;",
        "  name: a form of a first name of tools/first_names.txt",
        "GENERATED FILE - do not edit by hand. Regenerate after changing rules/*.toml or corpus/:",
        "  pip install -r tools/requirements.txt && python3 tools/gen_lexicon.py",
        f"generator: tools/gen_lexicon.py; morfeusz2 {morfeusz2.__version__}; dictionary {dict_id}",
        "Data derived from Morfeusz 2 and the SGJP dictionary; their notices follow (see rules/LEXICON.md).",
        "",
        "Morfeusz 2:",
    ]
    header += morfeusz2.__copyright__.strip().splitlines()
    header += ["", f"SGJP dictionary ({dict_id}):"]
    header += morph.m.dict_copyright().strip().splitlines()
    lines = [("# " + h).rstrip() for h in header]
    for form in sorted(lex):
        if "\t" in form or "\n" in form:
            continue
        line = form + "\t" + "|".join(sorted(lex[form]))
        features = []
        if not form.endswith(".") and morph.first_person_singular(form):
            features.append(FIRST_PERSON_SINGULAR)
        if not form.endswith(".") and morph.past_tense(form):
            features.append(PAST_TENSE)
        if form in name_forms:
            features.append(FIRST_NAME)
        if features:
            line += "\t" + ",".join(features)
        lines.append(line)
    out = "\n".join(lines) + "\n"
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.out.with_suffix(".tsv.tmp")
    tmp.write_bytes(out.encode("utf-8"))
    os.replace(tmp, args.out)
    size = len(out.encode("utf-8"))

    # ---- summary
    err = sys.stderr
    print(f"gen_lexicon: morfeusz2 {morfeusz2.__version__}, dictionary {dict_id}", file=err)
    print(f"rule files read: {len(rule_files)}"
          f" ({', '.join(p.name for p, _ in rule_files) or 'none'})", file=err)
    for w in warnings:
        print(f"WARNING: {w}", file=err)
    print(f"phrases: {len(phrases)}; rule words: {len(rule_words)};"
          f" abbreviations: {len(abbreviations)} ({' '.join(sorted(abbreviations))});"
          f" all-caps skipped: {len(caps_skipped)} ({' '.join(sorted(caps_skipped))});"
          f" hyphenated (split into parts): {' '.join(sorted(hyphenated)) or 'none'}", file=err)
    print(f"unknown rule words: {len(unknown)}", file=err)
    for w, how in sorted(unknown.items()):
        print(f"  {w}: {how}", file=err)
    print(f"text sources: {len(text_sources)} files + {len(examples)} example strings;"
          f" distinct words: {len(vocab)}; unknown to morfeusz (left out): {vocab_unknown}",
          file=err)
    print(f"first names: {names}, {len(name_forms)} forms", file=err)
    print(f"forms: {len(lex)}; wrote {display(args.out)} ({size} bytes, {size / 1024 / 1024:.2f} MiB)",
          file=err)
    if size > MAX_SIZE_BYTES:
        print(f"WARNING: lexicon is over {MAX_SIZE_BYTES // (1024 * 1024)} MiB", file=err)
    return 0


if __name__ == "__main__":
    sys.exit(main())
