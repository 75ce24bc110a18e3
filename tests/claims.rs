//! Claim extraction on short Polish texts: which role, which value, polarity and modality.
//! One test per phenomenon, each on real sentences through the whole pipeline.

use rolelint::decode::Text;
use rolelint::extract::{Modality, Polarity};
use rolelint::rules::RuleSet;

/// `(role, value, polarity, modality)` of every claim in `text`.
fn claims(text: &str) -> Vec<(String, String, Polarity, Modality)> {
    let rules = RuleSet::embedded().expect("embedded rules load");
    let analysis = rolelint::analyse(Text::from_utf8(text), &rules);
    analysis
        .claims
        .iter()
        .map(|c| {
            (
                rules.roles[c.role].id.to_string(),
                rules.values[c.value].id.to_string(),
                c.polarity,
                c.modality,
            )
        })
        .collect()
}

/// Every claim of `text` has this modality, and there is at least one.
fn all_are(text: &str, modality: Modality) -> bool {
    let found = claims(text);
    !found.is_empty() && found.iter().all(|(.., m)| *m == modality)
}

fn has(text: &str, role: &str, value: &str, polarity: Polarity, modality: Modality) -> bool {
    claims(text)
        .iter()
        .any(|(r, v, p, m)| r == role && v == value && *p == polarity && *m == modality)
}

/// Fails, listing every claim of `text`, unless it has this claim.
#[track_caller]
fn assert_has(text: &str, role: &str, value: &str, polarity: Polarity, modality: Modality) {
    assert!(
        has(text, role, value, polarity, modality),
        "no {role} {value} {polarity:?} {modality:?} in {text:?}: {:?}",
        claims(text)
    );
}

/// Fail unless `text` gives no claim of `role`, of any value.
#[track_caller]
fn assert_lacks_role(text: &str, role: &str) {
    let found = claims(text);
    assert!(
        !found.iter().any(|(r, ..)| r == role),
        "a claim of {role} in {text:?}: {found:?}"
    );
}

/// Fail unless `text` gives no claim of `value` for `role`.
#[track_caller]
fn assert_lacks_claim(text: &str, role: &str, value: &str) {
    let found = claims(text);
    assert!(
        !found.iter().any(|(r, v, ..)| r == role && v == value),
        "a {role} {value} claim in {text:?}: {found:?}"
    );
}

/// Fail unless `text` gives no claim of `value`, for any role.
fn assert_lacks(text: &str, value: &str) {
    let found = claims(text);
    assert!(
        !found.iter().any(|(_, v, ..)| v == value),
        "a {value} claim in {text:?}: {found:?}"
    );
}

#[test]
fn comparison_gives_each_clause_its_own_role() {
    let text = "Account Manager buduje relacje z klientami, natomiast księgowa prowadzi księgi rachunkowe firmy.";
    let found = claims(text);
    assert!(
        found
            .iter()
            .any(|(r, v, ..)| r == "account_manager" && v == "client_relationships"),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|(r, v, ..)| r == "accountant" && v == "bookkeeping"),
        "{found:?}"
    );
    assert!(
        !found
            .iter()
            .any(|(r, v, ..)| r == "account_manager" && v == "bookkeeping"),
        "{found:?}"
    );
}

#[test]
fn implicit_subject_and_pronoun_carry_the_role() {
    let text = "Kierownik projektu pracuje w dużej firmie. Odpowiada za budżet projektu.";
    assert_has(
        text,
        "project_manager",
        "budget_control",
        Polarity::Affirmed,
        Modality::Asserted,
    );
}

#[test]
fn negation_before_the_cue_and_after_the_pronoun() {
    let text = "Office Manager pracuje w biurze. On nie odpowiada za budżet firmy.";
    assert_has(
        text,
        "office_manager",
        "budget_control",
        Polarity::Negated,
        Modality::Asserted,
    );
    // A negation that another cue holds denies nothing past a comma or a dash.
    for text in [
        "Rekruter: nie wymagamy doświadczenia, zapewniamy program wdrożeniowy z mentorem.",
        "Rekruter\n\nWymagane doświadczenie: brak – zapewniamy program wdrożeniowy z mentorem",
    ] {
        assert_has(
            text,
            "recruiter",
            "development_programs",
            Polarity::Affirmed,
            Modality::Asserted,
        );
    }
    // A negation the cue has is no denial of it: "brak doświadczenia" waives experience, and
    // is no obstacle.
    for text in [
        "Rekruter: brak doświadczenia nie jest przeszkodą.",
        "Rekruter\n\nWymagane doświadczenie: brak",
    ] {
        assert_has(
            text,
            "recruiter",
            "no_experience",
            Polarity::Affirmed,
            Modality::Asserted,
        );
    }
    // A negated verb that lowers or hinders what it governs denies nothing of it.
    assert_has(
        "Przedstawiciel handlowy: okresy zwolnienia lekarskiego nie obniżają premii kwartalnej.",
        "sales_representative",
        "bonus",
        Polarity::Affirmed,
        Modality::Asserted,
    );
    // Nor does keeping a thing quiet (k03), nor what a pay's figure leaves out (i05); what a
    // role's scope leaves out is denied.
    for text in [
        "Account Manager dostaje premię kwartalną. Pamiętajcie, że w ogłoszeniach nie podajemy \
         wysokości premii.",
        "Account Manager dostaje premię kwartalną.\n\nStawki nie obejmują premii kwartalnej.",
    ] {
        assert!(
            !claims(text)
                .iter()
                .any(|(_, v, p, _)| v == "bonus" && *p == Polarity::Negated),
            "{text:?}: {:?}",
            claims(text)
        );
    }
    assert_has(
        "Product Manager pracuje w fintechu. Ta rola nie obejmuje bezpośredniego zarządzania ludźmi.",
        "product_manager",
        "line_management",
        Polarity::Negated,
        Modality::Asserted,
    );
    // Nor does the "nie" of a contrast set off by commas ("…, a nie pojedyncze sklepy, …").
    assert_has(
        "Przedstawiciel handlowy w firmach obsługujących sieci, a nie pojedyncze sklepy, łączy \
         wizyty w terenie z rozmowami wideo.",
        "sales_representative",
        "field_work",
        Polarity::Affirmed,
        Modality::Asserted,
    );
    // A trailing negation ("nie wymaga się") right after the subject denies what follows it.
    assert_has(
        "Od handlowców nie wymaga się dziś nawet prawa jazdy.",
        "sales_representative",
        "driving_license",
        Polarity::Negated,
        Modality::Asserted,
    );
    // Without one it still does: "nie wymagamy doświadczenia ani znajomości SAP".
    assert_has(
        "Księgowa: nie wymagamy doświadczenia ani znajomości SAP.",
        "accountant",
        "tool_proficiency",
        Polarity::Negated,
        Modality::Asserted,
    );
}

#[test]
fn form_label_ending_in_a_preposition_names_a_partner() {
    // "Raportuje do: HR Business Partner" names the recruiter's superior: the fields after it
    // are still the recruiter's.
    let text = "# Karta stanowiska\n\n**Nazwa stanowiska:** Rekruter\n**Raportuje do:** HR \
                Business Partner pionu technologii\n**Lokalizacja:** Gdańsk, praca hybrydowa";
    assert_has(
        text,
        "recruiter",
        "hybrid_work",
        Polarity::Affirmed,
        Modality::Asserted,
    );
    assert_lacks_role(text, "hr_business_partner");
}

#[test]
fn a_table_row_is_a_field_of_the_role_and_a_team_label_counts_its_team() {
    let text = "# Profil roli: HR Business Partner\n\n| Pole | Opis |\n|---|---|\n| Dział | Zasoby \
                Ludzkie |\n| Zespół bezpośredni | 3 osoby |\n| Tryb pracy | hybrydowy |\n\nHR \
                Business Partner kieruje pięcioosobowym zespołem.";
    assert_has(
        text,
        "hr_business_partner",
        "hybrid_work",
        Polarity::Affirmed,
        Modality::Asserted,
    );
    assert_eq!(codes(text), ["RL104"]);
    // A label with no count names another subject still (corpus/98).
    let text = "Office Manager\n\nWłaściciel strony: Zespół People & Culture. Zmiany w opisie \
                roli zgłaszaj w kanale #administracja.";
    assert_lacks(text, "role_change");
}

#[test]
fn refuted_myths_hedges_questions_and_quotes_are_not_assertions() {
    let myth = "To mit, że Account Manager prowadzi księgowość firmy.";
    assert!(all_are(myth, Modality::Reported), "{:?}", claims(myth));
    let hedge = "W niektórych firmach Office Manager zarządza budżetem biura.";
    assert!(all_are(hedge, Modality::Possible), "{:?}", claims(hedge));
    let surveyed = "Kierownik projektu kieruje zespołem.\n\nPonad połowa respondentów odpowiada \
                    za budżet projektu.";
    assert_has(
        surveyed,
        "project_manager",
        "budget_control",
        Polarity::Affirmed,
        Modality::Possible,
    );
    let back_then = "Kiedy zaczynałam w 2016 roku, analityk biznesowy nie pisał kryteriów \
                     akceptacji.";
    assert!(
        all_are(back_then, Modality::Conditional),
        "{:?}",
        claims(back_then)
    );
    let not_always = "Przedstawiciel handlowy: doświadczenie nie zawsze jest wymagane.";
    assert!(
        all_are(not_always, Modality::Possible),
        "{:?}",
        claims(not_always)
    );
    let question = "Czy Scrum Master pracuje w pełni zdalnie?";
    assert!(
        all_are(question, Modality::Question),
        "{:?}",
        claims(question)
    );
    let quote = "Product Manager mówi: „zarządzam budżetem działu”.";
    assert!(all_are(quote, Modality::Quoted), "{:?}", claims(quote));
}

#[test]
fn denial_with_an_exception_is_a_condition() {
    for text in [
        "Account Manager nie negocjuje cen bez zgody przełożonego.",
        // a limit: below it, the role does decide
        "Key Account Manager nie zatwierdza rabatów powyżej 8% – te akceptuje dyrektor.",
    ] {
        assert!(all_are(text, Modality::Conditional), "{:?}", claims(text));
    }
}

#[test]
fn jesli_chodzi_o_sets_no_condition() {
    let text = "Jeśli chodzi o pracę, Scrum Master pracuje w pełni zdalnie.";
    assert_has(
        text,
        "scrum_master",
        "remote_work",
        Polarity::Affirmed,
        Modality::Asserted,
    );
}

#[test]
fn role_named_in_a_relative_clause_is_not_the_subject() {
    let text = "HR Business Partner doradza kierownikom. Nie prowadzi procesów rekrutacyjnych, które są domeną rekrutera.";
    assert_lacks_role(text, "recruiter");
}

#[test]
fn comments_under_bylines_are_their_posters_and_a_quoted_line_is_nobodys_claim() {
    // n10: a commenter quotes another ("> …") and disagrees.
    let text = "adam_k · 5 godz. temu\nU nas account manager nie ma sztywnego planu sprzedażowego.\n\n\
                u/stary_wyga · 3 godz. temu\n> account manager nie ma sztywnego planu \
                sprzedażowego\nNie zgodzę się. W mojej firmie account manager miał plan sprzedażowy.";
    assert!(codes(text).is_empty(), "{:?}", codes(text));
    // A short heading with a "·" and no time is no byline: the text goes on in its own voice.
    let text = "Rekruter pracuje w pełni zdalnie.\n\nKariera · Sprzedaż\n\nRekruter pracuje \
                wyłącznie w biurze.";
    assert_eq!(codes(text), ["RL101"]);
}

#[test]
fn an_amount_after_a_quoted_cue_is_the_texts_and_after_a_marker_is_the_markers() {
    // ao05: the reply scoffs at a phrase and then gives the pay.
    assert_has(
        "Nie ma tu żadnego „atrakcyjnego wynagrodzenia\" 😉 Account Manager w tym projekcie \
         dostaje od 12 000 do 14 000 zł brutto miesięcznie.",
        "account_manager",
        "salary",
        Polarity::Affirmed,
        Modality::Asserted,
    );
    // corpus/395: an erratum's title holds the cue, and "błędnie" stands before the amount.
    assert_has(
        "W artykule „Ile zarabia Key Account Manager”, błędnie podaliśmy, że mediana wynosi \
         14 000 zł brutto miesięcznie.",
        "key_account_manager",
        "salary",
        Polarity::Affirmed,
        Modality::Reported,
    );
}

#[test]
fn until_the_end_of_a_month_is_a_former_state() {
    // ao06: what held until the end of March, against what holds from April.
    assert!(
        codes(
            "Do końca marca przedstawiciel handlowy sam zatwierdzał rabaty do 5%. Od kwietnia \
             przedstawiciel handlowy nie zatwierdza rabatów samodzielnie."
        )
        .is_empty()
    );
}

#[test]
fn what_zamiast_sets_aside_is_denied_and_what_follows_is_not() {
    // an01: a reposted ad says what it changed.
    let text = "Account Manager – oferta\n\nZmieniliśmy jedną rzecz: zamiast pracy wyłącznie z \
                biura proponujemy teraz model hybrydowy.";
    assert_has(
        text,
        "account_manager",
        "office_only",
        Polarity::Negated,
        Modality::Asserted,
    );
    assert_has(
        text,
        "account_manager",
        "hybrid_work",
        Polarity::Affirmed,
        Modality::Asserted,
    );
    // "zamiast tego" points back: what follows is chosen (corpus/152).
    assert_has(
        "Część przedstawicieli handlowych wybiera zamiast tego ścieżkę ekspercką.",
        "sales_representative",
        "expert_track",
        Polarity::Affirmed,
        Modality::Possible,
    );
}

#[test]
fn the_pronoun_nie_after_a_preposition_denies_nothing() {
    // ar06, corpus/67: "na nie" is "for them", no negation of what follows.
    assert_has(
        "Office Manager przygotowuje stanowiska dla nowych osób, tak żeby w pierwszym dniu pracy \
         czekał na nie laptop.",
        "office_manager",
        "work_equipment",
        Polarity::Affirmed,
        Modality::Asserted,
    );
}

#[test]
fn a_note_revising_the_text_is_a_voice_of_its_own() {
    // an10: the note says what changed, and that the old statement no longer holds.
    let original = "Office Manager nie zajmuje się zakupami sprzętu IT.\n\n";
    let note = "Aktualizacja (marzec 2026): Od 1 marca zakupy sprzętu IT prowadzi office manager. \
                Tym samym nieaktualna jest informacja, że office manager nie zajmuje się zakupami \
                sprzętu IT.";
    assert!(codes(&format!("{original}{note}")).is_empty());
    // The same change with no note is a contradiction, and so is one under a heading over an
    // ad written again (corpus/377): what follows such a heading restates the ad.
    let change = "Od 1 marca zakupy sprzętu IT prowadzi office manager.";
    assert_eq!(codes(&format!("{original}{change}")), ["RL103"]);
    assert_eq!(
        codes(&format!(
            "{original}AKTUALIZACJA – wersja z marca\n\n{change}"
        )),
        ["RL103"]
    );
    // What the first version of an ad said is no claim, whatever the tense (an06).
    assert!(
        codes(
            "Rekruter pracuje w modelu hybrydowym.\n\nCo się zmieniło: w pierwszej wersji \
             ogłoszenia pisaliśmy, że praca odbywa się wyłącznie w biurze."
        )
        .is_empty()
    );
}

#[test]
fn the_post_one_is_promoted_from_is_not_what_the_next_paragraph_is_about() {
    // m05: the pay under the Key Account Manager's section is his, not the Account Manager's.
    let text = "Key Account Manager opiekuje się największymi klientami. Najczęściej awansuje się \
                z pozycji Account Managera.\n\nWynagrodzenie: 15 000–22 000 zł brutto miesięcznie.";
    assert_has(
        text,
        "key_account_manager",
        "salary",
        Polarity::Affirmed,
        Modality::Asserted,
    );
    assert_lacks_role(text, "account_manager");
}

#[test]
fn role_whose_domain_a_clause_names_is_not_what_the_next_sentence_is_about() {
    // corpus/160: "nie ma" was the Project Manager's before.
    let text = "Product Manager nie zarządza budżetem projektu – to domena Project Managera. \
                Nie ma też formalnej władzy nad programistami.";
    assert_has(
        text,
        "product_manager",
        "line_management",
        Polarity::Negated,
        Modality::Asserted,
    );
    assert_lacks_role(text, "project_manager");
}

#[test]
fn a_part_of_a_roles_holders_after_z_is_the_subject() {
    // Blind set y, y07: "z" before a role is a partner ("współpraca z …"), not after a share.
    let text = "Przedstawiciel handlowy pracuje w terenie. \
                Dwie z naszych Key Account Managerek nigdy nie pracowały w terenie.";
    assert_has(
        text,
        "key_account_manager",
        "field_work",
        Polarity::Negated,
        Modality::Asserted,
    );
    assert!(codes(text).is_empty(), "{:?}", codes(text));
}

#[test]
fn on_and_ona_take_the_role_whose_name_agrees() {
    // Blind set y, y09: "on" is the HR Business Partner, not the Office Managerka.
    let text = "Za benefity odpowiada Office Managerka razem z HR Business Partnerem. \
                Ona zamawia karty i kawę, on negocjuje warunki z dostawcami i zarządza \
                budżetem benefitowym. Office Managerka tym budżetem nie zarządza.";
    assert_has(
        text,
        "hr_business_partner",
        "budget_control",
        Polarity::Affirmed,
        Modality::Asserted,
    );
    assert!(codes(text).is_empty(), "{:?}", codes(text));
}

#[test]
fn adjective_kiegowy_is_not_the_accountant() {
    let rules = RuleSet::embedded().expect("embedded rules load");
    let analysis = rolelint::analyse(
        Text::from_utf8("Analityk wdraża nowy system księgowy i plan kont księgowych."),
        &rules,
    );
    assert!(analysis.roles.mentions.is_empty());
}

fn codes(text: &str) -> Vec<String> {
    let rules = RuleSet::embedded().expect("embedded rules load");
    let analysis = rolelint::analyse(Text::from_utf8(text), &rules);
    rolelint::check::document(0, &analysis, &rules)
        .into_iter()
        .map(|f| f.code)
        .collect()
}

#[test]
fn another_subject_opening_a_sentence_takes_the_claim_away_from_the_role() {
    assert!(
        codes(
            "Office Manager nie akceptuje faktur. Dyrektor finansowy akceptuje faktury kosztowe."
        )
        .is_empty()
    );
}

#[test]
fn a_clause_opening_with_an_anaphor_keeps_its_role_when_it_names_another_later() {
    let text = "HR Business Partner zarabia 13 800 zł brutto miesięcznie. To stanowisko wymaga co najmniej \
                pięciu lat doświadczenia, dlatego trudno porównywać je z rolą rekrutera. Od rekrutera wymagamy \
                dwóch lat doświadczenia.";
    assert!(codes(text).is_empty(), "{:?}", codes(text));
}

#[test]
fn roman_numeral_ends_a_sentence() {
    let text = "Podobno Scrum Master potrzebuje certyfikatu PSM I. W praktyce Scrum Master musi mieć dwa lata \
                doświadczenia. Scrum Master potrzebuje trzech lat doświadczenia.";
    assert_eq!(codes(text), ["RL104"]);
}

#[test]
fn self_contradiction_about_two_named_roles_names_neither() {
    let rules = RuleSet::embedded().expect("embedded rules load");
    let text = "Wspólne obowiązki Project Managera i Scrum Mastera są jednak zupełnie odmienne.";
    let analysis = rolelint::analyse(Text::from_utf8(text), &rules);
    let findings = rolelint::check::document(0, &analysis, &rules);
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].role, None);
}

#[test]
fn an_elided_verb_after_a_dash_repeats_the_clause_before_for_the_new_role() {
    let text = "Project Manager może awansować na kierownika biura projektów, a Product Manager – na dyrektora produktu.";
    assert!(
        claims(text)
            .iter()
            .any(|(r, v, ..)| r == "product_manager" && v == "promotion_management"),
        "{:?}",
        claims(text)
    );
}

#[test]
fn a_relative_clause_about_another_noun_says_nothing_of_the_role() {
    let text = "Account Manager buduje relacje z klientami i współpracuje z działem, który księguje faktury.";
    assert_lacks(text, "bookkeeping");
    let person = "Account Manager to osoba, która buduje relacje z klientami.";
    assert!(
        claims(person)
            .iter()
            .any(|(_, v, ..)| v == "client_relationships"),
        "{:?}",
        claims(person)
    );
}

#[test]
fn an_answer_takes_the_metric_its_question_asked_about() {
    for text in [
        "Ile zarabia Scrum Master? W Polsce ok. 14 000 zł brutto miesięcznie.",
        // A sentence about the metric, with no amount of it, is answered as a question is (k06).
        "Scrum Master pracuje z zespołem. Jeszcze raz o widełkach, bo ktoś dołączył później. Na \
         umowie o pracę to jest od 17 do 21 tysięcy złotych brutto miesięcznie.",
    ] {
        assert!(
            claims(text).iter().any(|(r, v, _, m)| r == "scrum_master"
                && v == "salary"
                && *m == Modality::Asserted),
            "{text:?}: {:?}",
            claims(text)
        );
    }
    // Not a sentence that names the metric otherwise.
    let text = "Scrum Master pracuje z zespołem. Wynagrodzenie jest konkurencyjne. Budżet \
                projektu to 200 000 zł.";
    assert_lacks(text, "salary");
}

#[test]
fn markers_inside_an_aside_do_not_reach_the_claim() {
    use Modality::Asserted;
    use Polarity::Affirmed;
    for text in [
        // A negation inside a relative clause about the role does not deny what it does.
        "Account Manager, który nie zna języka niemieckiego, buduje relacje z klientami.",
        // "mogą" in a relative clause about something else does not hedge the duty.
        "Account Manager buduje relacje z klientami, które mogą trwać latami.",
        // Nor does "czasem" in parentheses.
        "Account Manager (czasem nazywany opiekunem klienta) buduje relacje z klientami.",
    ] {
        assert_has(
            text,
            "account_manager",
            "client_relationships",
            Affirmed,
            Asserted,
        );
    }
    // Outside an aside the hedge still counts.
    assert!(all_are(
        "Account Manager może budować relacje z klientami.",
        Modality::Possible
    ));
}

#[test]
fn a_condition_ends_at_a_semicolon() {
    let text = "Jeżeli klient zgłosi reklamację, Account Manager buduje z nim relacje na nowo; \
                Account Manager prowadzi negocjacje handlowe.";
    let found = claims(text);
    assert!(
        found
            .iter()
            .any(|(_, v, _, m)| v == "client_relationships" && *m == Modality::Conditional),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|(_, v, _, m)| v != "client_relationships" && *m == Modality::Asserted),
        "{found:?}"
    );
}

#[test]
fn a_role_after_a_partner_preposition_is_not_the_subject() {
    let text = "Scrum Master prowadzi codzienne spotkania zespołu. Dba też o współpracę z Product \
                Ownerem przy porządkowaniu backlogu.";
    let found = claims(text);
    assert!(
        found
            .iter()
            .any(|(r, v, ..)| r == "scrum_master" && v == "backlog_management"),
        "{found:?}"
    );
    assert!(
        !found.iter().any(|(r, ..)| r == "product_owner"),
        "{found:?}"
    );
}

#[test]
fn a_role_after_a_preposition_and_its_modifier_is_not_the_subject() {
    // A duties list of a Key Account Manager's ad: the Account Managers are partners.
    let text = "Key Account Manager\n\nTwoje zadania:\n- bliska współpraca z czterema Account \
                Managerami,\n- raportowanie wyników bezpośrednio do dyrektora sprzedaży.";
    assert_has(
        text,
        "key_account_manager",
        "reporting",
        Polarity::Affirmed,
        Modality::Asserted,
    );
    assert_lacks_role(text, "account_manager");
}

#[test]
fn a_role_after_a_preposition_and_its_personal_pronoun_is_the_subject() {
    // Blind set b, b05: "niej" is the partner, the office manager the subject.
    let text = "Księgowa prowadzi księgi rachunkowe. W przeciwieństwie do niej office manager nie \
                prowadzi ksiąg.";
    assert_has(
        text,
        "office_manager",
        "bookkeeping",
        Polarity::Negated,
        Modality::Asserted,
    );
    assert_has(
        text,
        "accountant",
        "bookkeeping",
        Polarity::Affirmed,
        Modality::Asserted,
    );
}

#[test]
fn a_list_items_label_sets_each_of_its_amounts_apart() {
    // Blind set d, d05: pay by city, two levels in each city's line.
    let text = "Rekruter IT\n\nWynagrodzenie:\n📍 Kraków: junior 6 000–7 500 zł brutto/mies., \
                senior 10 000–13 000 zł brutto/mies.\n📍 Wrocław: junior 6 500–8 000 zł \
                brutto/mies., senior 10 500–13 500 zł brutto/mies.\n";
    let rules = RuleSet::embedded().expect("embedded rules load");
    let analysis = rolelint::analyse(Text::from_utf8(text), &rules);
    let cities: Vec<bool> = analysis
        .claims
        .iter()
        .filter_map(|c| c.quantity.as_ref())
        .map(|q| {
            q.qualifiers
                .iter()
                .any(|q| ["kraków", "wrocław"].contains(&&**q))
        })
        .collect();
    assert_eq!(cities, [true; 4]);
    assert!(rolelint::check::document(0, &analysis, &rules).is_empty());
}

#[test]
fn a_lists_label_keeps_the_level_of_the_section_above_it() {
    // Blind set d, d02: each level's section has its own "Oczekujemy:" list.
    let text = "Księgowa (k/m)\n\nSzukamy dwóch osób.\n\n🔹 KSIĘGOWY/A – JUNIOR\nOczekujemy:\n✅ \
                znajomości podstaw rachunkowości – doświadczenie zawodowe nie jest wymagane\n\n🔹 \
                KSIĘGOWY/A – SENIOR\nOczekujemy:\n✅ min. 4 lat doświadczenia w biurze \
                rachunkowym\n";
    let rules = RuleSet::embedded().expect("embedded rules load");
    let analysis = rolelint::analyse(Text::from_utf8(text), &rules);
    assert!(
        analysis
            .claims
            .iter()
            .any(|c| &*rules.values[c.value].id == "no_experience"),
        "{:?}",
        claims(text)
    );
    assert!(rolelint::check::document(0, &analysis, &rules).is_empty());
}

#[test]
fn a_cue_with_its_preposition_right_after_the_role_may_put_its_verb_last() {
    // Blind set b, b09.
    assert_has(
        "O ile project manager odpowiada za budżet projektu, o tyle product manager za budżet nie \
         odpowiada – jego narzędziem są dane.",
        "product_manager",
        "budget_control",
        Polarity::Negated,
        Modality::Asserted,
    );
    assert_lacks_role(
        "Kierownik projektu o zwolnieniach rozmawia z dyrektorem.",
        "project_manager",
    );
}

#[test]
fn the_level_of_what_a_role_is_compared_with_is_no_condition() {
    // Blind set b, b08.
    assert_has(
        "Scrum master dostaje więcej niż programista na poziomie mid, bo jest bezpośrednim \
         przełożonym programistów w swoim zespole.",
        "scrum_master",
        "line_management",
        Polarity::Affirmed,
        Modality::Asserted,
    );
}

#[test]
fn the_writers_own_story_in_the_past_tense_is_of_the_past() {
    // Blind set w, w02: a career told in the first person.
    let text = "W 2013 roku dostałam pierwszą pracę w agencji. Zostałam rekruterką bez żadnego \
                doświadczenia. Nadal zajmowałam się rekrutacją, ale już wewnętrzną.";
    assert_has(
        text,
        "recruiter",
        "no_experience",
        Polarity::Affirmed,
        Modality::Conditional,
    );
    assert_has(
        text,
        "recruiter",
        "recruitment",
        Polarity::Affirmed,
        Modality::Conditional,
    );
}

#[test]
fn an_amount_set_off_by_dashes_after_a_pay_cue_is_the_pay() {
    let text = "Przedstawiciel handlowy\n\nMediana płac przedstawicieli handlowych – 7 600 zł \
                brutto miesięcznie – i tak jest wyższa niż w wielu zawodach biurowych.";
    let rules = RuleSet::embedded().expect("embedded rules load");
    let analysis = rolelint::analyse(Text::from_utf8(text), &rules);
    let pay: Vec<f64> = analysis
        .claims
        .iter()
        .filter(|c| &*rules.values[c.value].id == "salary")
        .filter_map(|c| c.quantity.as_ref().map(|q| q.min))
        .collect();
    assert_eq!(pay, [7600.0]);
}

#[test]
fn a_negation_before_the_verb_of_a_cue_written_verb_last_denies_it() {
    assert_has(
        "Account Manager\n\nRabatów Account Manager u nas sam nie przyznaje.",
        "account_manager",
        "pricing_authority",
        Polarity::Negated,
        Modality::Asserted,
    );
    // The second of two fronted objects.
    assert_has(
        "Analityk biznesowy\n\nProgramowania ani SQL-a nikt od początkującego analityka \
         biznesowego nie wymaga.",
        "business_analyst",
        "technical_skills",
        Polarity::Negated,
        Modality::Asserted,
    );
    // A cue with its own "nie" is no denial of itself.
    assert_has(
        "Księgowa\n\nDoświadczenia od nowej księgowej nie wymagamy.",
        "accountant",
        "no_experience",
        Polarity::Affirmed,
        Modality::Asserted,
    );
}

#[test]
fn one_sentence_with_two_values_against_a_third_is_one_contradiction() {
    let rules = RuleSet::embedded().expect("embedded rules load");
    let conflicts = |text: &str| -> Vec<String> {
        let analysis = rolelint::analyse(Text::from_utf8(text), &rules);
        rolelint::check::document(0, &analysis, &rules)
            .into_iter()
            .map(|f| f.message)
            .filter(|m| m.contains("wykluczające"))
            .collect()
    };
    // Hybrid work and its remote days in one sentence: one finding, hybrid against office.
    let one = conflicts(
        "Księgowa\n\nOferujemy pracę hybrydową: trzy dni w biurze, dwa dni z domu.\n\n\
         Księgowa pracuje u nas wyłącznie stacjonarnie.",
    );
    assert_eq!(one.len(), 1, "{one:?}");
    assert!(one[0].contains("praca hybrydowa"), "{one:?}");
    // In sentences of their own, each value is a contradiction of its own.
    let two = conflicts(
        "Księgowa\n\nKsięgowa pracuje w trybie hybrydowym. W piątki pracuje z domu.\n\n\
         Księgowa pracuje u nas wyłącznie stacjonarnie.",
    );
    assert_eq!(two.len(), 2, "{two:?}");
}

#[test]
fn a_denial_next_to_an_exclusive_value_is_left_to_that_contradiction() {
    let rules = RuleSet::embedded().expect("embedded rules load");
    let text = "Scrum Master\n\nJako Scrum Master pracujesz u nas w pełni zdalnie.\n\n\
                Od poniedziałku do piątku pracujesz na miejscu, w biurze w Gdańsku. Ta rola \
                wymaga codziennej obecności przy zespołach, dlatego pracy zdalnej w niej nie \
                przewidujemy.";
    let analysis = rolelint::analyse(Text::from_utf8(text), &rules);
    let codes: Vec<String> = rolelint::check::document(0, &analysis, &rules)
        .into_iter()
        .map(|f| f.code)
        .collect();
    assert_eq!(codes, ["RL101"]);
}

#[test]
fn a_subgroup_of_candidates_is_a_condition_but_a_role_is_a_topic() {
    assert_has(
        "Księgowy\n\nW przypadku kandydatów posiadających certyfikat wystarczą 2 lata \
         doświadczenia.",
        "accountant",
        "experience_years",
        Polarity::Affirmed,
        Modality::Conditional,
    );
    assert_has(
        "W przypadku Scrum Mastera wymagamy 2 lat doświadczenia.",
        "scrum_master",
        "experience_years",
        Polarity::Affirmed,
        Modality::Asserted,
    );
}

#[test]
fn a_passive_participle_of_a_cues_verb_is_nobodys_action() {
    let text = "Księgowy\n\nKsięgowy przygotowuje przelewy na podstawie zatwierdzonych faktur.";
    assert_lacks(text, "payment_approval");
    assert_has(
        "Księgowy\n\nKsięgowy zatwierdza faktury.",
        "accountant",
        "payment_approval",
        Polarity::Affirmed,
        Modality::Asserted,
    );
}

#[test]
fn a_hedge_after_and_hedges_the_predicate_it_adds() {
    let text = "Scrum Master na poziomie mid zarabia dziś około 10 500 zł brutto miesięcznie i \
                przy pierwszej zmianie pracy rzadko dostaje więcej.";
    assert_has(
        text,
        "scrum_master",
        "salary",
        Polarity::Affirmed,
        Modality::Asserted,
    );
    assert_lacks(text, "no_experience");
}

#[test]
fn a_negation_before_a_colon_does_not_reach_past_it() {
    assert_has(
        "Przedstawiciel handlowy\n\nA co do kasy, to nie jest aż tak źle, jak piszecie: \
         podstawa w tej ofercie wynosi 5 300 zł brutto miesięcznie.",
        "sales_representative",
        "salary",
        Polarity::Affirmed,
        Modality::Asserted,
    );
}

#[test]
fn may_on_ones_own_is_a_permission_not_a_hedge() {
    assert_has(
        "Account Manager\n\nKażdy Account Manager może w ramach swojego portfela samodzielnie \
         udzielać rabatów do 10%.",
        "account_manager",
        "pricing_authority",
        Polarity::Affirmed,
        Modality::Asserted,
    );
    assert_has(
        "Account Manager\n\nAccount Manager może udzielać rabatów.",
        "account_manager",
        "pricing_authority",
        Polarity::Affirmed,
        Modality::Possible,
    );
}

#[test]
fn the_role_a_promotion_leads_to_is_not_the_subject() {
    let text = "Notatka\n\nStanowisko: Account Manager.\n\nRozwój: po ok. 2 latach możliwy \
                awans na Key Account Managera.\n\nUstalenia:\n- Bierzemy też osoby bez \
                doświadczenia.";
    assert_has(
        text,
        "account_manager",
        "no_experience",
        Polarity::Affirmed,
        Modality::Asserted,
    );
}

#[test]
fn an_amount_right_after_another_role_name_is_that_roles() {
    let text = "Product Manager w Warszawie zarabia 18 000–25 000 zł brutto miesięcznie, \
                Product Owner 15 000–21 000 zł brutto, a Business Analyst (senior) 14 500 zł.";
    let rules = RuleSet::embedded().expect("embedded rules load");
    let analysis = rolelint::analyse(Text::from_utf8(text), &rules);
    let pay: Vec<(&str, f64)> = analysis
        .claims
        .iter()
        .filter_map(|c| Some((&*rules.roles[c.role].id, c.quantity.as_ref()?.min)))
        .collect();
    assert_eq!(
        pay,
        [
            ("product_manager", 18000.0),
            ("product_owner", 15000.0),
            ("business_analyst", 14500.0)
        ]
    );
}

#[test]
fn a_claim_found_by_a_regex_cites_the_regex_as_the_rule_file_has_it() {
    let rules = RuleSet::embedded().expect("embedded rules load");
    let text = "Office Manager pracuje głównie z domu.";
    let analysis = rolelint::analyse(Text::from_utf8(text), &rules);
    let cues: Vec<&str> = analysis.claims.iter().map(|c| &*c.cue).collect();
    // As in rules/work_environment.toml: `\b` not rewritten into the class it is matched as.
    assert!(cues.contains(&r"\bz\s+domu\b"), "{cues:?}");
}

#[test]
fn a_share_of_job_ads_is_a_hedge_not_a_fact_about_the_role() {
    let text = "Przedstawiciel handlowy pracuje w terenie. Trzy czwarte ogłoszeń wymieniało \
                prowizję od sprzedaży, a większość ofert obejmowała samochód służbowy.";
    for value in ["commission_based", "company_car"] {
        assert_has(
            text,
            "sales_representative",
            value,
            Polarity::Affirmed,
            Modality::Possible,
        );
    }
}

#[test]
fn a_share_in_per_cent_is_a_hedge_and_a_per_cent_reads_as_procent() {
    let hedged = [
        (
            "Tylko 4% ofert dla przedstawiciela handlowego przewidywało pracę zdalną.",
            "remote_work",
        ),
        (
            "Przedstawiciel handlowy: aż 64 % badanych otrzymuje premię roczną.",
            "bonus",
        ),
        (
            "Przedstawiciel handlowy – odsetek osób z samochodem służbowym: 94%.",
            "company_car",
        ),
    ];
    for (text, value) in hedged {
        assert_has(
            text,
            "sales_representative",
            value,
            Polarity::Affirmed,
            Modality::Possible,
        );
    }
    // A per cent of something else is no share of a group: "procent od sprzedaży" is a cue.
    let text = "Przedstawiciel handlowy dostaje 5% od sprzedaży.";
    assert_has(
        text,
        "sales_representative",
        "commission_based",
        Polarity::Affirmed,
        Modality::Asserted,
    );
    // "odsetek" is also "of interest": an accountant who charges interest is not hedged.
    let text = "Księgowa prowadzi księgowość firmy i nalicza odsetek od zaległych faktur.";
    assert!(all_are(text, Modality::Asserted), "{:?}", claims(text));
}

#[test]
fn a_paragraph_that_opens_about_something_else_does_not_carry_the_role() {
    let roles = "Account Manager zarabia 9 000 zł brutto miesięcznie, a przedstawiciel handlowy \
                 7 600 zł brutto miesięcznie.\n\n";
    // The survey's respondents, not the sales representative named last.
    let text = format!(
        "{roles}Ankietę wypełniło 640 osób. Prawie wszyscy respondenci mają samochód służbowy."
    );
    assert_lacks(&text, "company_car");
    // A question opening the paragraph (a FAQ) asks about the role talked about.
    let text = format!(
        "{roles}Jakie narzędzia warto znać?\nPrzedstawicielowi przydaje się znajomość narzędzi, \
         np. Excel. Przydaje się też prawo jazdy."
    );
    assert_has(
        &text,
        "sales_representative",
        "driving_license",
        Polarity::Affirmed,
        Modality::Asserted,
    );
    // A clause names the role; the next clause of the sentence carries it.
    let text = format!(
        "{roles}W każdym regionie przedstawiciel handlowy odwiedza aptekę codziennie, a przy \
         największych klientach dodatkowo prowadzi negocjacje handlowe."
    );
    assert!(
        claims(&text)
            .iter()
            .filter(|(r, ..)| r == "sales_representative")
            .count()
            >= 2,
        "{:?}",
        claims(&text)
    );
}

#[test]
fn most_often_and_many_people_hedge_but_a_faq_title_does_not() {
    let text = "Od przedstawiciela handlowego pracodawcy najczęściej wymagają prawa jazdy kat. B i \
                co najmniej roku doświadczenia w sprzedaży.";
    for value in ["driving_license", "experience_years"] {
        assert_has(
            text,
            "sales_representative",
            value,
            Polarity::Affirmed,
            Modality::Possible,
        );
    }
    let text = "W agencjach wiele osób zaczyna pracę jako rekruter bez doświadczenia.";
    assert!(all_are(text, Modality::Possible), "{:?}", claims(text));
    let text = "Przedstawiciel handlowy w terenie – najczęściej zadawane pytania";
    assert_has(
        text,
        "sales_representative",
        "field_work",
        Polarity::Affirmed,
        Modality::Asserted,
    );
}

#[test]
fn a_clause_that_repeats_a_hedged_verb_is_hedged_too() {
    // "oczekują zwykle" holds for the clause after ", a od …", which leaves the verb out.
    let text = "Od Project Managera pracodawcy oczekują zwykle certyfikatu PMP, a od Scrum Mastera \
                certyfikatu PSM I.";
    assert!(all_are(text, Modality::Possible), "{:?}", claims(text));
    // A clause with a verb of its own is not hedged by the clause before.
    let text = "Od Project Managera pracodawcy oczekują zwykle certyfikatu PMP, a Scrum Master \
                musi mieć certyfikat PSM I.";
    assert_has(
        text,
        "scrum_master",
        "certification",
        Polarity::Affirmed,
        Modality::Asserted,
    );
}

#[test]
fn another_subject_after_dla_porownania_is_not_the_role() {
    let text = "Księgowa zarabia 7 800 zł brutto miesięcznie. Dla porównania specjalista ds. kadr \
                i płac zarabia 6 900 zł brutto miesięcznie.";
    let salaries = claims(text)
        .into_iter()
        .filter(|(r, v, ..)| r == "accountant" && v == "salary")
        .count();
    assert_eq!(salaries, 1, "{:?}", claims(text));
}

#[test]
fn what_tylko_opens_after_a_negation_is_affirmed() {
    let text =
        "Product Manager nie zarządza ludźmi, tylko przekonuje ich do swojej wizji produktu.";
    assert_has(
        text,
        "product_manager",
        "product_strategy",
        Polarity::Affirmed,
        Modality::Asserted,
    );
}

#[test]
fn a_segment_of_the_market_is_a_condition() {
    // A salary report's figures for a company size, a region or a level of experience are
    // not the role's pay at large (a city's are a place's: see below).
    for text in [
        "Product Manager zarabia 16 000 zł, a w organizacjach zatrudniających ponad tysiąc osób \
         mediana sięga 19 000 zł.",
        "Product Manager: osoby z mniej niż dwoma latami doświadczenia zarabiają 10 800 zł.",
        "Product Manager zarabia dobrze. Najwyżej płaci Warszawa (mediana 18 000 zł).",
        // i08: a region named.
        "Przedstawiciel handlowy zarabia 7 500 zł brutto. W regionie pomorskim przedstawiciel \
         handlowy otrzymuje 6 800 zł brutto.",
    ] {
        let conditional = claims(text)
            .iter()
            .filter(|(_, v, _, m)| v == "salary" && *m == Modality::Conditional)
            .count();
        assert_eq!(conditional, 1, "{text:?}: {:?}", claims(text));
    }
    // Where an ad's job is, is no condition.
    assert_has(
        "Rekruter IT – Łódź lub praca zdalna",
        "recruiter",
        "remote_work",
        Polarity::Affirmed,
        Modality::Asserted,
    );
}

#[test]
fn required_not_everywhere_is_a_hedge() {
    assert_has(
        "Business Analyst: znajomość SQL nie jest wymagana na każdym stanowisku.",
        "business_analyst",
        "technical_skills",
        Polarity::Negated,
        Modality::Possible,
    );
}

#[test]
fn a_person_after_a_preposition_is_somebody_else() {
    // "do osoby, która prowadzi projekt" is the project manager the analyst hands over to.
    let text =
        "Analityk biznesowy nie ustala terminów – to należy do osoby, która prowadzi projekt.";
    assert_lacks_claim(text, "business_analyst", "project_delivery");
    // "to osoba, która …" is the role itself.
    assert_has(
        "Account Manager to osoba, która buduje relacje z klientami.",
        "account_manager",
        "client_relationships",
        Polarity::Affirmed,
        Modality::Asserted,
    );
}

#[test]
fn a_hedge_after_wiec_does_not_reach_back() {
    // ", więc" opens a clause of its own: its "zwykle" hedges the raise, not the pay.
    let text = "Przeciętne wynagrodzenie Scrum Mastera to 11 800 zł brutto miesięcznie, więc awans \
                oznacza zwykle wyraźną podwyżkę.";
    assert_has(
        text,
        "scrum_master",
        "salary",
        Polarity::Affirmed,
        Modality::Asserted,
    );
}

#[test]
fn amounts_said_in_one_sentence_are_not_compared() {
    // Two figures in one sentence are of different things: a year, a level, a city.
    let text = "W 2023 r. mediana pensji HR Business Partnera wynosiła 13 000 zł brutto \
                miesięcznie, dziś jest to 15 500 zł brutto miesięcznie.";
    assert!(codes(text).is_empty(), "{:?}", codes(text));
    // In two sentences they are compared.
    let text = "HR Business Partner zarabia 13 000 zł brutto miesięcznie. HR Business Partner \
                zarabia 15 500 zł brutto miesięcznie.";
    assert_eq!(codes(text), ["RL104"]);
}

#[test]
fn levels_opinions_and_refuted_sayings() {
    // A level of the role is a number's qualifier, not a condition on it: the number is
    // compared with the same level's only.
    assert_has(
        "Business Analyst na poziomie starszego analityka: co najmniej 5 lat doświadczenia.",
        "business_analyst",
        "experience_years",
        Polarity::Affirmed,
        Modality::Asserted,
    );
    let text = "Mediana wynagrodzenia przedstawiciela handlowego na poziomie mid wynosi 7 800 zł \
                brutto miesięcznie. Dla przedstawiciela handlowego na poziomie mid mediana \
                wynosi 8 300 zł brutto miesięcznie.";
    assert_eq!(codes(text), ["RL104"]);
    let text = "Mediana wynagrodzenia przedstawiciela handlowego na poziomie mid wynosi 7 800 zł \
                brutto miesięcznie. Dla przedstawiciela handlowego na poziomie senior mediana \
                wynosi 10 300 zł brutto miesięcznie.";
    assert!(codes(text).is_empty(), "{:?}", codes(text));
    // A level is still a condition on what is no number.
    assert_has(
        "Business Analyst: do programów stażowych i na stanowiska juniorskie doświadczenie w \
         analizie nie jest wymagane.",
        "business_analyst",
        "no_experience",
        Polarity::Affirmed,
        Modality::Conditional,
    );
    // So are the posts of a level named second, and an internship.
    for (text, role) in [
        (
            "Rekruter: na staże i stanowiska młodszego rekrutera przyjmujemy osoby bez \
             doświadczenia.",
            "recruiter",
        ),
        (
            "Księgowy: na staż w biurze rachunkowym przyjmowane są osoby bez doświadczenia.",
            "accountant",
        ),
    ] {
        assert_has(
            text,
            role,
            "no_experience",
            Polarity::Affirmed,
            Modality::Conditional,
        );
    }
    // A required level "pozwalający na …" is no hedge.
    assert_has(
        "Rekruter: angielski na poziomie pozwalającym na swobodną rozmowę z kandydatem.",
        "recruiter",
        "english_language",
        Polarity::Affirmed,
        Modality::Asserted,
    );
    // One voice's opinion hedges.
    assert_has(
        "Moim zdaniem księgowa pracuje w pełni zdalnie.",
        "accountant",
        "remote_work",
        Polarity::Affirmed,
        Modality::Possible,
    );
    // What "kto mówi, że …" says is refuted.
    assert!(
        all_are(
            "Kto mówi, że księgowa nie ma nadgodzin, ten nie przeżył bilansu.",
            Modality::Reported
        ),
        "{:?}",
        claims("Kto mówi, że księgowa nie ma nadgodzin, ten nie przeżył bilansu.")
    );
}

#[test]
fn a_myth_ends_where_a_dash_cuts_the_sentence() {
    // "To mit, że …" reports; what follows the dash is the author's own statement.
    let text =
        "To mit, że Scrum Master jest szefem zespołu – nie ma podwładnych i nie przydziela zadań.";
    assert_has(
        text,
        "scrum_master",
        "task_assignment",
        Polarity::Negated,
        Modality::Asserted,
    );
    // Without the dash, the whole clause is the myth.
    assert!(
        all_are(
            "To mit, że Scrum Master przydziela zadania programistom.",
            Modality::Reported
        ),
        "{:?}",
        claims("To mit, że Scrum Master przydziela zadania programistom.")
    );
}

#[test]
fn what_an_ad_wishes_for_is_no_requirement() {
    use Modality::{Asserted, Possible};
    use Polarity::Affirmed;
    // A wish that opens its part holds to the end of the sentence, not back before it.
    let text = "Księgowa: oczekujemy znajomości programu Symfonia, mile widziany certyfikat księgowy i prawo jazdy.";
    assert_has(text, "accountant", "tool_proficiency", Affirmed, Asserted);
    assert_has(text, "accountant", "certification", Affirmed, Possible);
    assert_has(text, "accountant", "driving_license", Affirmed, Possible);
    // One that closes its part holds for that part only; a bracket does not cut it.
    let text =
        "Office Manager: prawo jazdy (kat. B) będzie atutem, wymagamy angielskiego na poziomie B2.";
    assert_has(
        text,
        "office_manager",
        "driving_license",
        Affirmed,
        Possible,
    );
    assert_has(
        text,
        "office_manager",
        "english_language",
        Affirmed,
        Asserted,
    );
    // Under a "Mile widziane:" heading every item is wished for; the list before it is not.
    let ad = "Księgowa\n\nWymagania:\n- znajomość programu Symfonia\n\nMile widziane:\n- certyfikat księgowy\n- prawo jazdy kat. B\n";
    assert_has(ad, "accountant", "tool_proficiency", Affirmed, Asserted);
    assert_has(ad, "accountant", "certification", Affirmed, Possible);
    assert_has(ad, "accountant", "driving_license", Affirmed, Possible);
}

#[test]
fn a_share_of_the_roles_holders_is_hedged_a_share_of_anything_else_is_not() {
    use Modality::{Asserted, Possible};
    use Polarity::Affirmed;
    assert_has(
        "Według raportu 38% rekruterów pracuje w pełni zdalnie.",
        "recruiter",
        "remote_work",
        Affirmed,
        Possible,
    );
    assert_has(
        "Większość księgowych pracuje wyłącznie w biurze.",
        "accountant",
        "office_only",
        Affirmed,
        Possible,
    );
    // Right after the "a" of a clause with no subject of its own.
    assert_has(
        "Księgowi dostają premię roczną, a 58% ma prywatną opiekę medyczną.",
        "accountant",
        "private_healthcare",
        Affirmed,
        Possible,
    );
    // Most of a week is the role's own time, like "głównie".
    assert_has(
        "Większość tygodnia handlowiec spędza w terenie.",
        "sales_representative",
        "field_work",
        Affirmed,
        Asserted,
    );
    // A share after the subject is the role's: its bonus, not a share of its holders.
    assert_has(
        "Rekruter otrzymuje premię do 20% pensji.",
        "recruiter",
        "bonus",
        Affirmed,
        Asserted,
    );
}

#[test]
fn a_text_about_one_role_returns_to_it_after_a_clause_about_someone_else() {
    // "zarząd ma własne wsparcie" is about the board; the list under the next heading is the
    // office manager's again.
    let text = "Office Manager dba o biuro. Office Manager nie jest asystentem zarządu – zarząd ma własne wsparcie.\n\nZakres obowiązków\n\n- zamawia materiały biurowe,\n- kieruje zespołem dwóch osób.\n";
    assert_has(
        text,
        "office_manager",
        "line_management",
        Polarity::Affirmed,
        Modality::Asserted,
    );
    // Within the paragraph, the other subject keeps what follows.
    let text = "Office Manager dba o biuro. Dyrektor finansowy akceptuje faktury. Zatwierdza też przelewy.";
    assert_lacks_claim(text, "office_manager", "payment_approval");
}

#[test]
fn a_quotation_over_two_sentences_is_quoted_in_both() {
    let text = "„Dostałam pierwszą pracę jako Scrum Masterka, z pensją 10 500 zł brutto miesięcznie. Scrum Master u nas pracuje w pełni zdalnie” – mówi Kasia.";
    assert!(all_are(text, Modality::Quoted), "{:?}", claims(text));
}

#[test]
fn a_fact_under_a_myth_line_is_the_authors_own() {
    // "Mit 1: …" and "Fakt: …" are fields of their own lines, not one sentence.
    let text = "Mit 1: „Scrum Master to szef zespołu”\nFakt: Scrum Master nie jest przełożonym programistów.\n";
    assert_has(
        text,
        "scrum_master",
        "line_management",
        Polarity::Negated,
        Modality::Asserted,
    );
}

#[test]
fn the_writer_set_against_the_role_is_not_the_role() {
    // A Scrum Master's blog: what "ja" does not do is not the project manager's.
    let text = "Kierownik projektu odpowiada za budżet projektu – ja nie zarządzam budżetem.";
    let found = claims(text);
    assert!(
        !found.iter().any(|(r, v, p, _)| r == "project_manager"
            && v == "budget_control"
            && *p == Polarity::Negated),
        "{found:?}"
    );
}

#[test]
fn a_team_of_a_role_is_not_that_role_as_subject() {
    // The key account manager stays the subject after "zespół przedstawicieli handlowych".
    let text = "Key Account Manager pracuje w pełni zdalnie. Na starcie wspiera Cię zespół przedstawicieli handlowych. Masz co najmniej 3 lata doświadczenia w sprzedaży B2B.";
    assert_has(
        text,
        "key_account_manager",
        "experience_years",
        Polarity::Affirmed,
        Modality::Asserted,
    );
    // "W tej grupie" is where the role is, not a team made of it.
    assert_has(
        "W tej grupie Product Owner zarabia 110 zł netto za godzinę.",
        "product_owner",
        "salary",
        Polarity::Affirmed,
        Modality::Asserted,
    );
}

#[test]
fn an_ads_office_city_is_no_segment_of_the_market() {
    assert_has(
        "Key Account Manager: stanowisko pracy w biurze w Poznaniu – praca wyłącznie stacjonarna.",
        "key_account_manager",
        "office_only",
        Polarity::Affirmed,
        Modality::Asserted,
    );
    assert_has(
        "W Poznaniu Key Account Manager pracuje wyłącznie stacjonarnie.",
        "key_account_manager",
        "office_only",
        Polarity::Affirmed,
        Modality::Conditional,
    );
}

#[test]
fn a_first_person_clause_is_about_the_speakers_role() {
    use Modality::Asserted;
    use Polarity::{Affirmed, Negated};
    // A blogger's own role, declared in the lead, not the role named last.
    let blog = "Od sześciu lat pracuję jako Scrum Master.\n\n\
                O kolejności zadań decyduje Product Owner. Nie prowadzę daily za zespół.";
    assert_has(blog, "scrum_master", "team_facilitation", Negated, Asserted);
    assert_lacks_claim(blog, "product_owner", "team_facilitation");
    // An interview's guest, declared in its heading ("office managerką": a feminine form).
    let interview = "Rozmowa z Joanną Kamińską, office managerką kancelarii.\n\n\
                     Rozliczenia prowadzi nasza księgowa. Dysponuję budżetem na zakupy biurowe.";
    assert_has(
        interview,
        "office_manager",
        "budget_control",
        Affirmed,
        Asserted,
    );
    assert_lacks_claim(interview, "accountant", "budget_control");
}

#[test]
fn a_first_person_clause_without_the_speakers_role_is_about_no_role() {
    // "Nie jestem kierownikiem projektu" says what the speaker is not; "dołączasz do nas jako
    // Project Manager" is the reader's role, with a comma between it and "cieszę się".
    for text in [
        "Product Owner ustala priorytety. Nie prowadzę daily za zespół.",
        "Nie jestem kierownikiem projektu. Nie przydzielam zadań i nie zarządzam budżetem.",
        "Bardzo się cieszę, że dołączasz do nas jako Project Manager. Nie zarządzam budżetem.",
    ] {
        let found = claims(text);
        assert!(
            !found.iter().any(|(_, _, p, _)| *p == Polarity::Negated),
            "{text:?}: {found:?}"
        );
    }
    // A verb of saying introduces what is about the role talked about.
    assert_has(
        "Szukam HR Business Partnera. Powiem wprost: doświadczenie nie jest tu wymagane.",
        "hr_business_partner",
        "no_experience",
        Polarity::Affirmed,
        Modality::Asserted,
    );
    // So does a recruiter's letter to a candidate (k04, k09).
    assert_has(
        "Dziękuję za rozmowę o stanowisku Key Account Managera. Mam dobrą wiadomość: to \
         stanowisko nie wiąże się z wyjazdami służbowymi.",
        "key_account_manager",
        "business_travel",
        Polarity::Negated,
        Modality::Asserted,
    );
    assert_has(
        "Dziękuję za przesłanie aplikacji na stanowisko Business Analyst. Od razu uprzedzam: na \
         to stanowisko nie wymagamy doświadczenia zawodowego.",
        "business_analyst",
        "no_experience",
        Polarity::Affirmed,
        Modality::Asserted,
    );
}

#[test]
fn a_speakers_role_declared_further_on_holds_in_its_block_only() {
    let forum = "Pytanie o pracę w biurze rachunkowym.\n\nKomentarze poniżej.\n\nWątek z forum.\n\n\
                 Od trzech lat pracuję jako księgowa w pełni zdalnie.\n\n\
                 Kierownik projektu u nas pracuje stacjonarnie. Nie pracuję z domu, bo nie lubię.";
    assert_has(
        forum,
        "accountant",
        "remote_work",
        Polarity::Affirmed,
        Modality::Asserted,
    );
    // The last post's writer has not said what they do: neither the accountant of the post
    // before nor the project manager just named.
    let found = claims(forum);
    assert!(
        !found.iter().any(|(_, _, p, _)| *p == Polarity::Negated),
        "{found:?}"
    );
}

#[test]
fn what_a_topic_noun_governs_is_no_duty_of_the_role() {
    // "doświadczenie w prowadzeniu projektów" asks for experience, it does not say that the
    // role runs projects (or, negated, that it does not).
    let text = "Do roli Project Managera nie jest wymagane doświadczenie w prowadzeniu projektów.";
    assert_lacks(text, "project_delivery");
    assert_lacks(
        "Office Manager przejdzie szkolenie z podstaw zarządzania projektami.",
        "project_delivery",
    );
    // A skill it governs is still one the role needs; a number's cue is no topic.
    assert_has(
        "Od Key Account Managera oczekujemy doświadczenia w negocjacjach z sieciami handlowymi.",
        "key_account_manager",
        "negotiation",
        Polarity::Affirmed,
        Modality::Asserted,
    );
    assert_has(
        "Scrum Masterzy z doświadczeniem w tej roli zarabiają 17 200 zł brutto.",
        "scrum_master",
        "salary",
        Polarity::Affirmed,
        Modality::Asserted,
    );
}

#[test]
fn a_team_with_a_count_and_an_anaphor_after_a_preposition_keep_the_role() {
    // "zespołem trzech Account Managerów": the Key Account Manager leads them.
    let team = "Key Account Manager prowadzi największych klientów. Kieruje zespołem trzech \
                Account Managerów i negocjuje roczne kontrakty.";
    assert!(
        !claims(team).iter().any(|(r, ..)| r == "account_manager"),
        "{:?}",
        claims(team)
    );
    // "Na to stanowisko" refers back to the Account Manager, though the clause names the
    // sales representative as past experience.
    let anaphor = "Account Manager opiekuje się stałymi klientami. Na to stanowisko wymagamy \
                   co najmniej dwóch lat pracy jako przedstawiciel handlowy.";
    assert_has(
        anaphor,
        "account_manager",
        "experience_years",
        Polarity::Affirmed,
        Modality::Asserted,
    );
}

#[test]
fn an_answer_is_about_the_role_its_question_asked_of() {
    // Two roles named, so a new paragraph carries no role by itself; an answer does.
    let text = "Rekruterzy i HR Business Partnerzy często ze sobą współpracują.\n\n\
                Jakiego doświadczenia potrzeba, żeby zostać HR Business Partnerem?\n\n\
                U nas wymagamy co najmniej pięciu lat doświadczenia w HR.";
    assert_has(
        text,
        "hr_business_partner",
        "experience_years",
        Polarity::Affirmed,
        Modality::Asserted,
    );
}

#[test]
fn a_role_held_before_is_not_the_subject() {
    // "w tym dwa lata jako account manager lub przedstawiciel handlowy" is the candidate's
    // past: the requirement is the Key Account Manager's.
    let text = "Key Account Manager – wymagania:\n\
                - minimum 4 lata doświadczenia w sprzedaży B2B, w tym dwa lata jako account \
                manager lub przedstawiciel handlowy,\n- prawo jazdy kat. B.";
    let found = claims(text);
    assert!(
        found.iter().all(|(r, ..)| r == "key_account_manager") && !found.is_empty(),
        "{found:?}"
    );
}

#[test]
fn concessions_names_after_a_cue_and_distinctions_within_a_sentence() {
    // "choć" opens a clause of its own, also after a bracket: the "nie" before it does not
    // deny what it concedes.
    assert_has(
        "Business Analyst nie programuje (choć SQL zna na tyle, żeby samodzielnie wyciągnąć dane).",
        "business_analyst",
        "technical_skills",
        Polarity::Affirmed,
        Modality::Asserted,
    );
    // A name after the cue belongs to it: the trailing negation still denies the cue.
    assert_has(
        "Product Owner ustala priorytety. Certyfikat PSPO nie jest wymagany.",
        "product_owner",
        "certification",
        Polarity::Negated,
        Modality::Asserted,
    );
    // One value affirmed and denied within one sentence is a finer distinction, no conflict.
    let text =
        "Business Analyst nie pisze kodu produkcyjnego, choć sam przygotowuje zapytania SQL.";
    assert!(codes(text).is_empty(), "{:?}", codes(text));
    // (a value of the requirements dimension affirmed and denied: RL102)
    let text = "Business Analyst nie pisze kodu produkcyjnego. Business Analyst zna SQL.";
    assert_eq!(codes(text), ["RL102"]);
    // A consequence after ", dlatego" is a statement of its own: its hedge is its own.
    assert_has(
        "Księgowa zarabia 4 900 zł brutto miesięcznie, dlatego wiele osób łączy pierwszą pracę \
         z kursami.",
        "accountant",
        "salary",
        Polarity::Affirmed,
        Modality::Asserted,
    );
    // "nie jest już potrzebny" denies what stands before it, not the purpose after it.
    let text = "Księgowy prowadzi księgi rachunkowe firmy. Certyfikat nie jest już potrzebny do \
                usługowego prowadzenia ksiąg rachunkowych.";
    assert!(codes(text).is_empty(), "{:?}", codes(text));
    // A demonstrative points at the role the sentence before named last ...
    assert_has(
        "Key Account Manager prowadzi sieci aptek. Na starcie wspiera Cię zespół \
         przedstawicieli handlowych. Do tej roli przyjmujemy również osoby bez doświadczenia.",
        "sales_representative",
        "no_experience",
        Polarity::Affirmed,
        Modality::Asserted,
    );
    // ... unless its own sentence named the role before it.
    assert_has(
        "Rekruter zarabia 6 300 zł brutto. W przypadku Scrum Mastera jest inaczej – osoby z \
         trzyletnim doświadczeniem w tej roli zarabiają 17 200 zł brutto.",
        "scrum_master",
        "salary",
        Polarity::Affirmed,
        Modality::Asserted,
    );
    // Others' pay: "nie ma wpływu na ich wynagrodzenie" against "ustala wysokość premii".
    let text = "Scrum Master nie ma wpływu na ich wynagrodzenie. Scrum Master po rozmowach \
                oceniających ustala wysokość premii półrocznej.";
    assert_eq!(codes(text), ["RL103"]);
}

#[test]
fn a_qualifier_after_an_amount_stays_within_its_comma_or_conjunction() {
    let levels = "Business Analyst zarabia 8 600 zł brutto miesięcznie dla juniorów, 12 800 zł \
                  dla osób na poziomie mid i 17 200 zł dla seniorów.";
    let text =
        format!("{levels} Na poziomie mid Business Analyst zarabia 12 800 zł brutto miesięcznie.");
    assert!(codes(&text).is_empty(), "{:?}", codes(&text));
    let text =
        format!("{levels} Na poziomie mid Business Analyst zarabia 14 000 zł brutto miesięcznie.");
    assert_eq!(codes(&text), ["RL104"]);
}

#[test]
fn forum_posters_are_compared_only_with_themselves() {
    let thread = |last: &str| {
        format!(
            "Forum › Praca › Administracja\n\nTemat: Office manager – ile zarabiacie?\n\n\
             kasia_mokotow napisała:\nPracuję jako office manager w Warszawie. Zarabiam 8 300 zł \
             brutto miesięcznie.\n\ntomek_admin napisał:\nJestem office managerem pod Łodzią. \
             Zarabiam 7 100 zł brutto miesięcznie.\n\nkasia_mokotow napisała:\n{last}\n"
        )
    };
    // Two posters' pay: two independent sources, no conflict.
    let text = thread("Dzięki, powodzenia!");
    assert!(codes(&text).is_empty(), "{:?}", codes(&text));
    // One poster against herself, her role declared in her first post: a conflict.
    let text =
        thread("Przepraszam, pomyliłam się wcześniej. Zarabiam 9 900 zł brutto miesięcznie.");
    assert_eq!(codes(&text), ["RL104"]);
    // A nickname and a colon heads a post as "napisała:" does (blind set ab, ab03): the
    // first poster's role is not the next posters', nor are their claims compared.
    let text = "Wątek: Jak naprawdę wygląda praca Product Ownera? Podzielcie się \
                doświadczeniami\n\nkasia_agile:\nZbieram opinie, bo za miesiąc zaczynam pierwszą \
                pracę jako Product Owner i każdy mówi mi co innego. Jak to wygląda u Was – kto \
                decyduje, co wchodzi do sprintu, ile się zarabia, ile jest spotkań?\n\nmarcin.w \
                (fintech, Warszawa):\nU mnie Product Owner ma pełną kontrolę nad backlogiem. Ustalam \
                priorytety, odrzucam pomysły sprzedaży i nikt tego nie podważa, dopóki liczby się \
                zgadzają. Zarabiam 17 000 zł brutto na UoP, ale jestem w tej roli szósty rok, więc \
                nie traktuj tego jako punktu odniesienia na start.\n\nola_ux (software house, \
                Łódź):\nPierwsze słyszę o takiej swobodzie. W naszej firmie Product Owner nie ustala \
                priorytetów – robi to klient, a ja tłumaczę jego decyzje na język zespołu. Bywa \
                frustrująco, zwłaszcza kiedy priorytety zmieniają się w środku sprintu. Jako \
                juniorka dostawałam 9 500 zł brutto, teraz jako mid mam 12 000 zł brutto.\n";
    assert!(codes(text).is_empty(), "{:?}", codes(text));
}

#[test]
fn offers_of_a_digest_are_compared_only_with_themselves() {
    let digest = |first_offer: &str| {
        format!(
            "Przegląd ofert dla Business Analystów\n\nW tym tygodniu wybraliśmy dwie oferty.\n\n\
             1. Kodeo, Poznań – Business Analyst\n{first_offer}\n\n\
             2. Finlo (Warszawa) – Business Analyst\nFirma wymaga co najmniej czterech lat \
             doświadczenia. Wynagrodzenie: 16 000 zł brutto miesięcznie.\n\nNasz komentarz\n\
             Business Analyst zarabia dziś średnio 12 000 zł brutto miesięcznie.\n"
        )
    };
    // Two employers' offers differ in pay and experience: different jobs, no conflict, and
    // neither is compared with the editors' comment.
    let text =
        digest("Doświadczenie nie jest wymagane. Wynagrodzenie: 8 000 zł brutto miesięcznie.");
    assert!(codes(&text).is_empty(), "{:?}", codes(&text));
    // One offer against itself is a conflict.
    let text = digest(
        "Wynagrodzenie: 8 000 zł brutto miesięcznie. Business Analyst zarabia tu 9 500 zł \
         brutto miesięcznie.",
    );
    assert_eq!(codes(&text), ["RL104"]);
    // Offers given one per list item, each headed by its label.
    let text = "Wybrane oferty\n- Grupa Orwen (Warszawa), samodzielny księgowy: 8 500–10 500 zł \
                brutto miesięcznie.\n- Helios Energia (Gdańsk), samodzielna księgowa: 12 000 zł \
                brutto miesięcznie.\n";
    assert!(codes(text).is_empty(), "{:?}", codes(text));
    // A digest about one role may head its offers with the firm and the city alone, in a
    // heading or in a one-line paragraph too long for one.
    let text = "Ile zarabia Scrum Master?\n\nBank Pomorski, Gdańsk\nWynagrodzenie: 16 000 zł \
                brutto miesięcznie.\n\nWarszawa, Grupa Meridian – Scrum Master w zespole \
                płatności\nWynagrodzenie: 13 000 zł brutto miesięcznie.\n";
    assert!(codes(text).is_empty(), "{:?}", codes(text));
    // One line naming a role and a firm is an ad's title: the ad is one source.
    let text = "Senior Scrum Master – Nordbyte (Warszawa)\nFirma oczekuje co najmniej pięciu lat \
                doświadczenia.\n\nWymagania:\n- minimum 3 lata doświadczenia w roli Scrum \
                Mastera\n";
    assert_eq!(codes(text), ["RL104"]);
}

#[test]
fn the_employer_is_a_side_remark_and_offering_or_asking_it_speaks_of_the_role() {
    // "Firma …" opens a clause about neither role, but the next is about the role again.
    let text = "Szukamy księgowej do biura w Gdańsku. Firma dofinansowuje kursy ACCA. Wymagamy \
                co najmniej dwóch lat doświadczenia w pełnej księgowości.";
    assert_has(
        text,
        "accountant",
        "experience_years",
        Polarity::Affirmed,
        Modality::Asserted,
    );
    // What the employer offers or asks is the role's pay and requirement.
    let text = "Szukamy księgowej do biura w Gdańsku. Pracodawca oczekuje co najmniej dwóch lat \
                doświadczenia.";
    assert_has(
        text,
        "accountant",
        "experience_years",
        Polarity::Affirmed,
        Modality::Asserted,
    );
    // Another body acting sets the role aside for the rest of the paragraph.
    let text = "Szukamy księgowej do biura w Gdańsku. Dyrektor finansowy zatwierdza budżet. \
                Zatwierdza też faktury.";
    assert_lacks_role(text, "accountant");
}

#[test]
fn a_pronoun_after_a_clause_about_another_body_points_at_the_role_that_clause_names() {
    let text = "Scrum Master prowadzi retrospektywy. Zespół developerski podlega bezpośrednio \
                Scrum Masterowi – to on jest ich przełożonym, akceptuje urlopy.";
    assert_has(
        text,
        "scrum_master",
        "line_management",
        Polarity::Affirmed,
        Modality::Asserted,
    );
    // With no pronoun the other body goes on.
    let text = "Scrum Master prowadzi retrospektywy. Zespół developerski podlega bezpośrednio \
                Scrum Masterowi. Akceptuje urlopy.";
    assert_lacks_claim(text, "scrum_master", "line_management");
}

#[test]
fn a_level_qualifies_the_amounts_it_stands_with_and_no_further() {
    // The second of two levels in one line is the second amount's only: its pay compares
    // with the senior's elsewhere.
    let text = "Wynagrodzenie rekrutera: junior 6 000 zł brutto miesięcznie, senior 10 000 zł \
                brutto miesięcznie. Starszy rekruter zarabia u nas 12 000 zł brutto miesięcznie.";
    assert_eq!(codes(text), ["RL104"]);
    // "Tam" opening a sentence refers back to the level the sentence before named.
    let text = "Szukamy HR Business Partnera z co najmniej pięcioletnim doświadczeniem. Firma \
                rekrutuje też na stanowisko Junior HR Business Partnera. Tam doświadczenie nie \
                jest wymagane.";
    assert!(codes(text).is_empty(), "{:?}", codes(text));
    // A level before the role's name after "Na stanowisko" holds the clause to that level.
    let text = "Na stanowisko Junior Account Managera nie wymagamy doświadczenia w sprzedaży. \
                Od kandydatów na Account Managera oczekujemy co najmniej trzech lat \
                doświadczenia w sprzedaży B2B.";
    assert!(codes(text).is_empty(), "{:?}", codes(text));
    // A level word after a comma qualifies another thing: "doświadczonego zespołu".
    let text = "Szukamy księgowej. Oferujemy wynagrodzenie 6 800 zł brutto miesięcznie, wsparcie \
                doświadczonego zespołu. Księgowa zarabia u nas 8 000 zł brutto miesięcznie.";
    assert_eq!(codes(text), ["RL104"]);
}

#[test]
fn a_heading_without_a_role_returns_to_the_role_the_title_names() {
    // The Key Account Manager is named in passing; the ad's sections are about its own role.
    let text = "Przedstawiciel handlowy – region Wielkopolska\n\n\
                Umów z sieciami nie negocjujesz. Rozmowy z sieciami prowadzi nasz Key Account \
                Manager.\n\nCo oferujemy\n- samochód służbowy,\n- prywatną opiekę medyczną.\n";
    assert_has(
        text,
        "sales_representative",
        "company_car",
        Polarity::Affirmed,
        Modality::Asserted,
    );
    assert_lacks_claim(text, "key_account_manager", "company_car");
}

#[test]
fn every_paragraph_of_a_section_is_about_the_role_its_heading_names() {
    // A wiki page on two roles, one section each ("==" headings as MediaWiki writes them):
    // the second paragraph of the second section names no role and is still that role's.
    let text = "== Kierownik projektu ==\n\nTo on zarządza budżetem projektu.\n\n\
                == Menedżer produktu ==\n\nAnalizuje rynek.\n\n\
                Nie zarządza budżetem projektu.\n";
    assert_has(
        text,
        "product_manager",
        "budget_control",
        Polarity::Negated,
        Modality::Asserted,
    );
    assert_has(
        text,
        "project_manager",
        "budget_control",
        Polarity::Affirmed,
        Modality::Asserted,
    );
}

#[test]
fn a_body_named_after_the_verb_is_the_subject_of_its_clause() {
    // Polish puts the subject after the verb: the recruitment team runs the processes, the
    // finance director approves the invoices; the role's own claims go on after them.
    let text = "HR Business Partner doradza dyrektorom pionów. Procesy rekrutacyjne prowadzi \
                Zespół Rekrutacji. Faktury akceptuje wyłącznie Dyrektor Finansowy.\n\n\
                Przygotowuje raport o stanie zatrudnienia.";
    let found = claims(text);
    assert!(
        !found
            .iter()
            .any(|(_, v, ..)| v == "recruitment" || v == "payment_approval"),
        "{found:?}"
    );
    assert_has(
        text,
        "hr_business_partner",
        "reporting",
        Polarity::Affirmed,
        Modality::Asserted,
    );
}

#[test]
fn an_amount_in_an_aside_about_something_else_is_not_the_pay() {
    let text = "Przedstawiciel handlowy otrzymuje podstawę 6 000 zł brutto miesięcznie oraz \
                prowizję od sprzedaży, która u większości osób wynosi od 1 500 do 3 000 zł \
                miesięcznie. Przedstawiciel handlowy zarabia 6 000 zł brutto miesięcznie.";
    assert!(codes(text).is_empty(), "{:?}", codes(text));
}

#[test]
fn a_denial_anywhere_later_in_the_clause_denies_the_cue() {
    assert_has(
        "Prowadzenie ksiąg rachunkowych oraz sporządzanie deklaracji podatkowych nie należy do \
         zadań kierownika biura.",
        "office_manager",
        "bookkeeping",
        Polarity::Negated,
        Modality::Asserted,
    );
}

#[test]
fn a_cue_matches_with_its_verb_last_when_a_negation_stands_before_the_verb() {
    let text = "Scrum Master pomaga zespołowi. Priorytetów w backlogu nie ustala.";
    assert_has(
        text,
        "scrum_master",
        "product_decisions",
        Polarity::Negated,
        Modality::Asserted,
    );
    // A bare noun before the verb is its subject, unless a negation makes it the object.
    assert!(
        claims("Scrum Master pomaga zespołowi. Priorytety w backlogu ustala.")
            .iter()
            .all(|(_, v, ..)| v != "product_decisions"),
        "{:?}",
        claims("Scrum Master pomaga zespołowi. Priorytety w backlogu ustala.")
    );
    // A word after the verb is most often its subject: the decision is the director's.
    let text = "Pracuję jako HR Business Partner. O zwolnieniach decyduje dyrektor regionu.";
    assert!(
        claims(text)
            .iter()
            .all(|(_, v, ..)| v != "hiring_decisions"),
        "{:?}",
        claims(text)
    );
}

#[test]
fn a_cue_that_opens_its_clause_is_denied_by_a_negated_verb_that_ends_it() {
    assert_has(
        "Scrum Master pomaga zespołowi. Retrospektyw Scrum Master u nas nie prowadzi.",
        "scrum_master",
        "team_facilitation",
        Polarity::Negated,
        Modality::Asserted,
    );
}

#[test]
fn the_answer_to_a_question_with_a_condition_holds_in_that_case() {
    let text = "Przedstawiciel handlowy dostaje premię kwartalną.\n\n\
                Co, jeśli zrealizuję mniej niż 90% planu?\n\
                Premia za realizację planu wtedy nie przysługuje.";
    assert_has(
        text,
        "sales_representative",
        "bonus",
        Polarity::Negated,
        Modality::Conditional,
    );
}

#[test]
fn another_firms_practice_is_no_claim_about_the_role_here() {
    let text = "Scrum Master pracuje u nas w pełni zdalnie. W innych spółkach naszej grupy Scrum \
                Masterzy pracują w modelu hybrydowym.";
    assert!(codes(text).is_empty(), "{:?}", codes(text));
}

#[test]
fn a_heading_that_names_no_role_names_a_topic_and_claims_nothing() {
    let text = "Scrum Master – przewodnik\n\nJako Scrum Master pracujesz z dwoma zespołami.\n\n\
                ## Certyfikaty i rozwój\n\nCertyfikat PSM I nie jest wymagany.\n";
    assert!(codes(text).is_empty(), "{:?}", claims(text));
    // A heading that opens with an interrogative asks, without a question mark.
    let text = "Księgowa – praca zdalna?\n\nKsięgowa pracuje w biurze od poniedziałku do \
                piątku.\n\nCo da się robić z domu\nWysyłkę deklaracji.\n";
    assert!(
        claims(text)
            .iter()
            .all(|(_, v, _, m)| v != "remote_work" || *m != Modality::Asserted),
        "{:?}",
        claims(text)
    );
}

#[test]
fn a_question_that_names_no_role_returns_to_the_role_the_title_names() {
    let text = "Kierownik ds. kont – czym zajmuje się nowa osoba\n\n\
                Kierownik ds. kont buduje relacje z klientami. Księgowa z zewnętrznego biura \
                przygotowuje wyłącznie deklaracje podatkowe.\n\n\
                Jak wygląda typowy tydzień? Poniedziałek i wtorek to zwykle wizyty u klientów.";
    assert!(
        claims(text)
            .iter()
            .any(|(r, v, ..)| r == "account_manager" && v == "field_work"),
        "{:?}",
        claims(text)
    );
}

#[test]
fn a_reflexive_verb_last_skips_its_sie() {
    assert_has(
        "Księgowa prowadzi pełną księgowość. Listami płac nasza księgowa się nie zajmuje.",
        "accountant",
        "payroll",
        Polarity::Negated,
        Modality::Asserted,
    );
}

#[test]
fn a_role_named_between_a_fronted_noun_and_its_verb_is_the_subject() {
    // The role stands between: the discounts are the object, and "u nas sam" after the verb
    // is no subject. "do dziesięciu procent" is a limit, not a share of the KAMs.
    assert_has(
        "Key Account Manager obsługuje sieci handlowe. Rabaty do dziesięciu procent KAM \
         zatwierdza u nas sam.",
        "key_account_manager",
        "pricing_authority",
        Polarity::Affirmed,
        Modality::Asserted,
    );
}

#[test]
fn what_some_people_think_is_reported() {
    let text = "Niektórzy respondenci uważają, że analityk biznesowy nie musi znać SQL.";
    assert!(all_are(text, Modality::Reported), "{:?}", claims(text));
}

#[test]
fn a_segment_of_employers_is_a_condition() {
    assert_has(
        "Mediana wynagrodzenia Product Managera wyniosła 16 800 zł brutto. W przypadku firm \
         zatrudniających ponad tysiąc osób mediana dla Product Managera sięga 18 900 zł brutto.",
        "product_manager",
        "salary",
        Polarity::Affirmed,
        Modality::Conditional,
    );
}

#[test]
fn a_role_one_can_take_without_experience_waives_it() {
    assert_has(
        "Dobra wiadomość: kierownikiem ds. kont możesz zostać bez doświadczenia.",
        "account_manager",
        "no_experience",
        Polarity::Affirmed,
        Modality::Asserted,
    );
}

#[test]
fn a_role_after_do_before_nalezy_owns_the_duty() {
    assert_has(
        "Scrum Master pomaga Product Ownerowi. Do Scrum Mastera należy także usuwanie przeszkód.",
        "scrum_master",
        "team_facilitation",
        Polarity::Affirmed,
        Modality::Asserted,
    );
}

#[test]
fn not_being_the_roles_task_denies_it() {
    assert_has(
        "Scrum Master prowadzi retrospektywy. Eliminowanie blokerów nie jest zadaniem Scrum \
         Mastera.",
        "scrum_master",
        "team_facilitation",
        Polarity::Negated,
        Modality::Asserted,
    );
}

#[test]
fn a_hedge_after_a_comma_or_colon_hedges_the_addition_it_opens() {
    assert_has(
        "Rekruter\n\nNa stanowisko rekrutera przyjmujemy także osoby bez doświadczenia \
         zawodowego, najczęściej absolwentów psychologii.",
        "recruiter",
        "no_experience",
        Polarity::Affirmed,
        Modality::Asserted,
    );
    // So does any hedge (i07), and one after a colon, which opens a detail (k08).
    assert_has(
        "Ponieważ HRBP spędza w naszym biurze pięć dni w tygodniu, ma stały kontakt z zespołami \
         i może szybko reagować.",
        "hr_business_partner",
        "office_only",
        Polarity::Affirmed,
        Modality::Asserted,
    );
    assert_has(
        "Kierownik projektu prowadzi zespół liczący od czterech do sześciu osób: zazwyczaj \
         dwóch–trzech programistów, testera i analityka.",
        "project_manager",
        "team_size",
        Polarity::Affirmed,
        Modality::Asserted,
    );
    let office = "Rekruter pracuje stacjonarnie, czasem zdalnie.";
    assert_has(
        office,
        "recruiter",
        "office_only",
        Polarity::Affirmed,
        Modality::Asserted,
    );
    assert_has(
        office,
        "recruiter",
        "remote_work",
        Polarity::Affirmed,
        Modality::Possible,
    );
}

#[test]
fn a_role_in_the_singular_after_a_group_noun_leads_the_group() {
    assert_has(
        "HR Business Partner\n\nZespół HR Business Partnerki liczy 8 osób.",
        "hr_business_partner",
        "team_size",
        Polarity::Affirmed,
        Modality::Asserted,
    );
}

#[test]
fn a_role_inside_a_listed_duty_is_whom_it_serves() {
    let text = "Księgowa\n\nZakres obowiązków:\n– opisywanie i zatwierdzanie faktur przed \
                przekazaniem ich Office Managerowi,\n– prowadzenie ksiąg rachunkowych.\n";
    assert_has(
        text,
        "accountant",
        "payment_approval",
        Polarity::Affirmed,
        Modality::Asserted,
    );
    assert_lacks_role(text, "office_manager");
}

#[test]
fn a_demonstrative_opening_a_paragraph_is_the_post_of_the_title() {
    // Blind set v, v10: "na tym stanowisku" is the Office Manager's post, not the accountant's
    // the paragraph before named in passing.
    let text = "Office Manager – kancelaria prawna\n\nOffice Manager nie zajmuje się fakturami. \
                Za finanse odpowiada nasza księgowa.\n\nWiemy, że w ogłoszeniach brakuje \
                konkretów: na tym stanowisku płacimy 96 000–108 000 zł brutto rocznie.";
    assert_has(
        text,
        "office_manager",
        "salary",
        Polarity::Affirmed,
        Modality::Asserted,
    );
    assert_lacks_claim(text, "accountant", "salary");
}

#[test]
fn a_role_after_z_and_a_feminine_adjective_is_not_the_subject() {
    // corpus/193: the HR Business Partner's duties list names the in-house recruiter as a
    // partner; the next item is the HR Business Partner's too.
    let text = "HR Business Partner\n\nCo będziesz robić:\n- współpracować z działem kadr oraz z \
                wewnętrzną rekruterką,\n- raportować bezpośrednio do prezesa.";
    assert_has(
        text,
        "hr_business_partner",
        "reports_to_executive",
        Polarity::Affirmed,
        Modality::Asserted,
    );
    assert_lacks_role(text, "recruiter");
}

#[test]
fn an_amount_in_a_list_under_a_pay_heading_is_the_pay() {
    // Blind set s, s05: a summary box of rates, one level per line.
    let text = "Kierownik projektu\n\nKierownik projektu planuje harmonogram.\n\nStawki w \
                skrócie\n\nJunior (etat): 8 000–10 000 zł brutto\nSenior kierownik projektu \
                (B2B): 21 000–25 000 zł netto miesięcznie\n";
    assert_eq!(
        pay(text),
        [
            (8_000.0, vec!["junior".to_string()]),
            (21_000.0, vec!["senior".to_string(), "B2B".to_string()])
        ]
    );
}

/// Each pay a text states: its lowest amount and its qualifiers.
fn pay(text: &str) -> Vec<(f64, Vec<String>)> {
    let rules = RuleSet::embedded().expect("embedded rules load");
    let analysis = rolelint::analyse(Text::from_utf8(text), &rules);
    analysis
        .claims
        .iter()
        .filter(|c| &*rules.values[c.value].id == "salary")
        .filter_map(|c| c.quantity.as_deref())
        .map(|q| (q.min, q.qualifiers.iter().map(|q| q.to_string()).collect()))
        .collect()
}

#[test]
fn qualifiers_of_different_kinds_add_up() {
    // ar01: the level and the contract of the clauses before hold beside the clause's own
    // statistic, so the two seniors' medians on B2B in Warsaw disagree.
    let text = "Scrum master to dziś osobne stanowisko. Mediana dla seniorów rozliczających się \
                na B2B wyniosła w stolicy 24 000 zł netto miesięcznie.\n\nPodsumowując: scrum master z seniorskim doświadczeniem, \
                zatrudniony przez warszawską firmę na kontrakcie B2B, może dziś liczyć na medianę \
                w wysokości 27 500 zł netto miesięcznie.";
    let senior_median_on_b2b_in_warsaw = vec![
        "mediana".to_string(),
        "senior".to_string(),
        "B2B".to_string(),
        "w Warszawa".to_string(),
    ];
    assert_eq!(
        pay(text),
        [
            (24_000.0, senior_median_on_b2b_in_warsaw.clone()),
            (27_500.0, senior_median_on_b2b_in_warsaw)
        ]
    );
    assert!(codes(text).contains(&"RL104".to_string()));
    // A level of its own replaces the level before, and keeps the statistic (corpus/143).
    assert_eq!(
        pay(
            "Mediana dla analityka biznesowego wynosi 8 600 zł brutto miesięcznie dla juniorów, \
             17 200 zł dla seniorów."
        ),
        [
            (8_600.0, vec!["mediana".to_string(), "junior".to_string()]),
            (17_200.0, vec!["mediana".to_string(), "senior".to_string()])
        ]
    );
}

#[test]
fn a_place_sets_its_amounts_apart_and_the_capital_is_warsaw() {
    // al03: the same city, named two ways, far apart.
    assert!(
        codes(
            "Samodzielna księgowa w Warszawie zarabia dziś 9 000 zł brutto miesięcznie.\n\n\
             Wynagrodzenie samodzielnej księgowej w stolicy wynosi obecnie 7 200 zł brutto \
             miesięcznie."
        )
        .contains(&"RL104".to_string())
    );
    // Each amount of a salary report's sentence takes the city written before it.
    let cities = |amounts: &[(f64, &str)]| -> Vec<(f64, Vec<String>)> {
        amounts
            .iter()
            .map(|&(amount, city)| (amount, vec!["mediana".to_string(), city.to_string()]))
            .collect()
    };
    assert_eq!(
        pay(
            "Mediana wynagrodzenia analityka biznesowego wynosi w Warszawie 14 500 zł brutto, \
             w Krakowie i Wrocławiu – 13 200 zł, w Trójmieście – 12 400 zł."
        ),
        cities(&[
            (14_500.0, "w Warszawa"),
            (13_200.0, "w Kraków"),
            (12_400.0, "w Trójmiasto")
        ])
    );
    assert!(
        codes(
            "Scrum Master zarabia w Warszawie 18 000 zł brutto miesięcznie, w Krakowie 16 500 zł \
             brutto miesięcznie."
        )
        .is_empty()
    );
    // A place does not cut a level's reach, nor a level a place's.
    assert_eq!(
        pay(
            "Młodszy analityk biznesowy zarabia 7 000 zł brutto miesięcznie, w Warszawie \
             8 000 zł."
        ),
        [
            (7_000.0, vec!["junior".to_string()]),
            (
                8_000.0,
                vec!["junior".to_string(), "w Warszawa".to_string()]
            )
        ]
    );
    // A city's figure is no figure for the role at large.
    let text =
        "Account Manager zarabia 9 700 zł brutto. W Warszawie mediana sięga 11 900 zł brutto.";
    assert_eq!(
        pay(text),
        [
            (9_700.0, vec![]),
            (
                11_900.0,
                vec!["mediana".to_string(), "w Warszawa".to_string()]
            )
        ]
    );
    assert!(codes(text).is_empty());
    // A place in an ad's title is where the job is, no condition on what the ad says.
    assert_has(
        "Księgowa – biuro rachunkowe w Lublinie\n\nOferujemy:\n- pracę hybrydową: trzy dni w \
         biurze, dwa dni z domu",
        "accountant",
        "hybrid_work",
        Polarity::Affirmed,
        Modality::Asserted,
    );
}

#[test]
fn a_list_under_a_level_heading_is_about_that_level() {
    // Blind set t, t09: a competency model, one section per level.
    let text = "Model kompetencji: analityk biznesowy\n\nPoziom junior\n- Wymagania: bez \
                doświadczenia komercyjnego.\n- Uprawnienia: junior analityk biznesowy nie \
                przydziela zadań innym osobom.\n\nPoziom senior\n- Wymagania: co najmniej 5 lat \
                doświadczenia.\n- Uprawnienia: senior analityk biznesowy przydziela zadania \
                juniorom.\n";
    assert!(codes(text).is_empty(), "{:?}", codes(text));
    assert_has(
        text,
        "business_analyst",
        "task_assignment",
        Polarity::Affirmed,
        Modality::Conditional,
    );
}

#[test]
fn a_pay_table_s_rows_are_labelled_as_a_list_s_items_are() {
    // A row's first cell sets its amount apart from the other rows' as a list item's label does.
    let rows = "Rekruter IT prowadzi procesy rekrutacyjne.\n\nZarobki:\n\n\
                | Warszawa | 9 000 zł brutto |\n| Kraków | 7 500 zł brutto |";
    let items = "Rekruter IT prowadzi procesy rekrutacyjne.\n\nZarobki:\n\
                 - Warszawa: 9 000 zł brutto\n- Kraków: 7 500 zł brutto";
    for text in [rows, items] {
        assert_eq!(
            claims(text)
                .iter()
                .filter(|(_, v, ..)| v == "salary")
                .count(),
            2,
            "{text:?}"
        );
        assert!(codes(text).is_empty(), "{text:?}: {:?}", codes(text));
    }
}

#[test]
fn a_pay_table_written_as_a_list_gives_pay_where_the_amount_is_gross_or_net_for_a_period() {
    // l06: a regulation's annex, one post per item, with no cue of pay in the item.
    let annex = "Załącznik nr 2\n\nI. Stanowiska kierownicze:\n\
                 1) Główny księgowy – kat. XIX, od 8 800 do 12 000 zł brutto miesięcznie;\n\
                 2) Kierownik projektu – kat. XVII, od 6 800 do 8 900 zł brutto miesięcznie.\n\n\
                 II. Stanowiska urzędnicze:\n\
                 1) Specjalista ds. rozliczeń projektu – kat. XIV, od 5 600 do 7 200 zł brutto \
                 miesięcznie.";
    let pay: Vec<_> = claims(annex)
        .into_iter()
        .filter(|(_, v, ..)| v == "salary")
        .map(|(r, ..)| r)
        .collect();
    assert_eq!(
        pay,
        ["accountant", "project_manager"],
        "{:?}",
        claims(annex)
    );
    // k03: a level's band under the role's heading.
    assert_has(
        "Account Manager\n- junior: 8 000–10 000 zł brutto miesięcznie\n\
         - senior: 12 000–15 000 zł brutto miesięcznie",
        "account_manager",
        "salary",
        Polarity::Affirmed,
        Modality::Asserted,
    );
    // Not an amount with no period or basis, nor another thing's amount.
    for text in [
        "Account Manager\n- karta sportowa: 150 zł\n- junior: 8 000 zł",
        "Key Account Manager:\n- samodzielnie podpisuje umowy do wartości 500 000 zł netto rocznie",
    ] {
        assert_lacks(text, "salary");
    }
    // A list item that opens with a noun like a duty's is no duty: "Wynagrodzenie zasadnicze
    // kierownika projektu" is his pay.
    assert_has(
        "§ 8\n2. Wynagrodzenie zasadnicze kierownika projektu ustala się w przedziale od 7 200 \
         do 9 400 zł brutto miesięcznie.",
        "project_manager",
        "salary",
        Polarity::Affirmed,
        Modality::Asserted,
    );
}

#[test]
fn the_role_another_reports_to_is_not_the_subject() {
    // l07: the coordinator reports to the project manager, not the other way round.
    assert_lacks_role(
        "Koordynator wolontariatu podlega bezpośrednio kierowniczce projektu.",
        "project_manager",
    );
    assert_has(
        "Account Manager podlega bezpośrednio dyrektorowi sprzedaży.",
        "account_manager",
        "reports_to_manager",
        Polarity::Affirmed,
        Modality::Asserted,
    );
}

#[test]
fn a_relative_clause_saying_who_a_person_is_names_the_subject() {
    // ak01: an onboarding guide introduces each person by their role.
    assert_has(
        "Zacznijmy od Tomka, który jest naszym Project Managerem. Nie odpowiada natomiast za \
         budżet projektu.",
        "project_manager",
        "budget_control",
        Polarity::Negated,
        Modality::Asserted,
    );
}

#[test]
fn a_role_the_subject_is_said_not_to_be_is_not_the_subject() {
    // ak10: Ola is the office manager; what she will not do is hers, not the accountant's.
    let text = "Część spraw przejmie Ola, nasza office managerka. Ola nie jest księgową i nie \
                będzie niczego księgować.";
    assert_has(
        text,
        "office_manager",
        "bookkeeping",
        Polarity::Negated,
        Modality::Asserted,
    );
    assert_lacks_role(text, "accountant");
    // al08: a heading denying the product manager is a product owner frames nothing.
    let text = "Czego nie robi product manager\n\nNie jest product ownerem – choć bywa\n\n\
                W wielu firmach jedna osoba pełni obie funkcje.\n\nKogo szukamy?\n\n\
                Szukamy osoby, która ma za sobą co najmniej trzy lata doświadczenia.";
    assert_has(
        text,
        "product_manager",
        "experience_years",
        Polarity::Affirmed,
        Modality::Asserted,
    );
    assert_lacks_role(text, "product_owner");
}

#[test]
fn a_role_the_speaker_held_once_is_not_the_one_they_write_from() {
    // j02: a career change told in the first person.
    let text = "Z księgowej na analityczkę\n\nPrzez osiem lat byłam księgową w biurze \
                rachunkowym. Od dwóch lat jestem analityczką biznesową w fintechu.\n\n\
                Jako księgowa nie miałam kontaktu z klientem. Dziś pracuję w pełni zdalnie.";
    assert_has(
        text,
        "business_analyst",
        "fully_remote",
        Polarity::Affirmed,
        Modality::Asserted,
    );
    assert_lacks_claim(text, "accountant", "fully_remote");
    // Starting as one is still being one.
    assert_has(
        "Sześć lat temu zaczynałam jako HR Business Partnerka. Rekrutacji nie prowadzę.",
        "hr_business_partner",
        "recruitment",
        Polarity::Negated,
        Modality::Asserted,
    );
}

#[test]
fn a_past_set_against_today_in_one_sentence_is_a_former_state() {
    // corpus/185: the office was the agency's, the hybrid work is today's.
    let text = "Od trzech lat jestem rekruterką w software housie. W agencji pracowałam w biurze \
                pięć dni w tygodniu, dziś pracuję hybrydowo: dwa dni w biurze, trzy z domu.";
    assert_has(
        text,
        "recruiter",
        "office_only",
        Polarity::Affirmed,
        Modality::Conditional,
    );
    assert_has(
        text,
        "recruiter",
        "hybrid_work",
        Polarity::Affirmed,
        Modality::Asserted,
    );
}

#[test]
fn a_paragraph_under_a_heading_that_names_a_level_is_about_that_level() {
    // i09: a career ladder written as headed paragraphs, not lists.
    let text = "Młodszy rekruter\nNa ten poziom przyjmujemy osoby bez doświadczenia w \
                rekrutacji.\n\nStarszy rekruter\nOd kandydatów na stanowisko starszego \
                rekrutera oczekujemy co najmniej czterech lat doświadczenia w rekrutacji.";
    assert_has(
        text,
        "recruiter",
        "no_experience",
        Polarity::Affirmed,
        Modality::Conditional,
    );
    assert!(codes(text).is_empty(), "{:?}", codes(text));
    // Not under a heading that names a span of levels.
    assert_has(
        "Rekruter – od juniora do seniora\nRekruter potrzebuje komunikatywności.",
        "recruiter",
        "communication",
        Polarity::Affirmed,
        Modality::Asserted,
    );
}

#[test]
fn an_amount_on_this_level_has_the_level_the_sentence_before_named() {
    // i05: a career ladder in prose; "na tym poziomie" refers back to the level just named.
    let text = "Junior Account Manager przejmuje portfel mniejszych klientów i zgłasza szanse \
                starszym kolegom. Wynagrodzenie zasadnicze na tym poziomie wynosi 7 000 zł brutto \
                miesięcznie.\n\nAccount Manager na poziomie mid prowadzi negocjacje. Na tym \
                poziomie płacimy 11 000 zł brutto miesięcznie.";
    assert!(codes(text).is_empty(), "{:?}", codes(text));
    // Without the reference back, the amounts compare.
    let text = "Junior Account Manager przejmuje portfel mniejszych klientów. Account Manager \
                zarabia 7 000 zł brutto miesięcznie.\n\nAccount Manager na poziomie mid prowadzi \
                negocjacje. Account Manager zarabia 11 000 zł brutto miesięcznie.";
    assert_eq!(codes(text), ["RL104"]);
}

#[test]
fn a_level_that_opens_the_clause_before_the_role_holds_its_claims_to_that_level() {
    // g03: a junior and a senior of one role, each named with the level first.
    let text = "Junior analityk biznesowy u nas nie prowadzi warsztatów z klientem samodzielnie. \
                Senior analityk biznesowy prowadzi warsztaty sam.";
    assert!(codes(text).is_empty(), "{:?}", codes(text));
    // Hearsay is reported, not claimed (g03, corpus/159, 285).
    assert!(all_are(
        "Koleżanka z innej firmy mówi, że analityk biznesowy nie musi znać SQL-a.",
        Modality::Reported
    ));
}

#[test]
fn which_figure_is_meant_is_no_condition() {
    // h01: "jeśli wziąć pod uwagę medianę" names the figure, it sets no condition.
    assert_has(
        "Kierownik projektu na umowie o pracę zarabia dziś – jeśli wziąć pod uwagę medianę – \
         13 900 zł brutto miesięcznie.",
        "project_manager",
        "salary",
        Polarity::Affirmed,
        Modality::Asserted,
    );
}

#[test]
fn an_allowance_for_each_mode_of_work_is_no_mode_of_the_role() {
    // f02: "przy pracy w pełni zdalnej" is a condition of the allowance, not the role's mode.
    let text = "Kierownik projektu pracuje w trybie hybrydowym.\n\n§ 5. Koszty pracy zdalnej\n\
                Kierownikowi projektu przysługuje ryczałt 150 zł miesięcznie przy pracy w pełni \
                zdalnej oraz 60 zł miesięcznie przy pracy hybrydowej.";
    assert!(codes(text).is_empty(), "{:?}", codes(text));
}

#[test]
fn staff_given_something_for_the_way_they_work_is_a_condition() {
    // au06: a regulation's section on equipment after the office manager's.
    let text = "§ 4. Biuro Zarządu\n1. Office manager pracuje stacjonarnie w siedzibie spółki.\n\n\
                § 5. Sprzęt\n1. Pracownikom wykonującym pracę hybrydowo lub zdalnie spółka \
                zapewnia laptop, monitor i zestaw słuchawkowy.";
    assert_has(
        text,
        "office_manager",
        "hybrid_work",
        Polarity::Affirmed,
        Modality::Conditional,
    );
    assert!(codes(text).is_empty(), "{:?}", codes(text));
    // bb08: the same in the nominative, of a person any role may be.
    let text = "§ 3. Scrum Master\n1. Scrum Master pracuje w trybie hybrydowym.\n\n§ 4. Sprzęt\n\
                1. Osoba pracująca w pełni zdalnie otrzymuje laptop, monitor i fotel.";
    assert!(codes(text).is_empty(), "{:?}", codes(text));
    // Occasional remote work, which a superior may allow, is no remote work as the rule.
    assert_has(
        "Księgowi wykonują pracę stacjonarnie. W okresie zamknięcia roku wyłączona jest również \
         praca zdalna okazjonalna.",
        "accountant",
        "remote_work",
        Polarity::Affirmed,
        Modality::Possible,
    );
}

#[test]
fn a_stage_of_a_career_ladder_is_a_condition() {
    // at07: the regular partner's stage against the lead's team and pay.
    let text = "Po wdrożeniu HR Business Partner samodzielnie obsługuje jeden lub dwa zakłady. Na \
                tym etapie nie ma jeszcze podwładnych, a wynagrodzenie mieści się w przedziale \
                12 000–15 000 zł brutto miesięcznie.\n\nCo oferujemy na poziomie lidera? Lead \
                HRBP zarządza zespołem sześciu osób i ma wynagrodzenie od 21 000 zł brutto \
                miesięcznie.";
    assert_has(
        text,
        "hr_business_partner",
        "salary",
        Polarity::Affirmed,
        Modality::Conditional,
    );
    let found = codes(text);
    assert!(
        !found.contains(&"RL103".to_string()) && !found.contains(&"RL104".to_string()),
        "{found:?}"
    );
}

#[test]
fn pay_in_a_segment_of_employers_compares_with_that_segments() {
    // as10: a corporation's figure, twice, far apart; the medium firms' is another segment.
    let text = "Mediana wynagrodzeń seniora na stanowisku HR business partnera, zatrudnionego na \
                umowie o pracę w korporacji, to 19 000 zł brutto. W firmach średniej wielkości \
                mediana dla seniorów wynosi 15 500 zł brutto.\n\nWróćmy jeszcze do korporacji. \
                Mediana dla seniora na stanowisku HR business partnera, zatrudnionego na umowie \
                o pracę w korporacji, wynosi 16 800 zł brutto.";
    let in_corporations = vec![
        "mediana".to_string(),
        "senior".to_string(),
        "w korporacja".to_string(),
    ];
    assert_eq!(
        pay(text),
        [
            (19_000.0, in_corporations.clone()),
            (
                15_500.0,
                vec![
                    "mediana".to_string(),
                    "senior".to_string(),
                    "w średni firma".to_string()
                ]
            ),
            (16_800.0, in_corporations)
        ]
    );
    assert!(codes(text).contains(&"RL104".to_string()));
}

#[test]
fn a_role_set_apart_by_w_odroznieniu_od_is_not_the_subject() {
    // aw01: the clause's subject is left out; it is the Scrum Master of the sentence before.
    let text = "Scrum Master z kolei nie jest niczyim przełożonym. W odróżnieniu od Project \
                Managera nie przydziela zadań poszczególnym programistom.";
    assert_has(
        text,
        "scrum_master",
        "task_assignment",
        Polarity::Negated,
        Modality::Asserted,
    );
    assert_lacks_claim(text, "project_manager", "task_assignment");
}

#[test]
fn a_negation_right_after_a_pronoun_denies_what_follows_the_verb() {
    // aw10: "nie pracuje" denies the full remote work after it, as after a named subject.
    let text = "Teraz jako HR Business Partnerka współtworzy politykę płacową działu.\n\n\
                Żadne z nich nie pracuje w pełni zdalnie.";
    assert_has(
        text,
        "hr_business_partner",
        "fully_remote",
        Polarity::Negated,
        Modality::Asserted,
    );
}

#[test]
fn bez_wzgledu_na_makes_a_denial_no_limit() {
    // av01: regardless of the amount, so no amount is left the role may approve.
    assert_has(
        "Office manager nie akceptuje samodzielnie żadnych zamówień, bez względu na kwotę.",
        "office_manager",
        "order_approval",
        Polarity::Negated,
        Modality::Asserted,
    );
    assert_has(
        "Office manager nie akceptuje zamówień bez zgody dyrektora finansowego.",
        "office_manager",
        "order_approval",
        Polarity::Negated,
        Modality::Conditional,
    );
}

#[test]
fn two_exclusive_values_in_one_sentence_are_a_self_contradictory_sentence() {
    // au04, and eleven corpus texts whose authors called such a sentence RL105.
    assert_eq!(
        codes(
            "Nasi rekruterzy pracują w pełni zdalnie, spędzając trzy dni w tygodniu w biurze na \
             Ołbinie."
        ),
        ["RL105"]
    );
    // Said in two sentences, the role is defined two ways.
    assert_eq!(
        codes(
            "Nasi rekruterzy pracują w pełni zdalnie.\n\nRekruter spędza trzy dni w tygodniu w \
             biurze na Ołbinie."
        ),
        ["RL101"]
    );
}

#[test]
fn a_cause_after_a_comma_is_a_clause_of_its_own() {
    // aw05: the denial of the many clients does not reach the negotiation the cause names.
    assert_has(
        "Key Account Manager nie prowadzi kilkudziesięciu klientów naraz, bo przy kontraktach \
         wartych miliony każda negocjacja trwa tygodniami.",
        "key_account_manager",
        "negotiation",
        Polarity::Affirmed,
        Modality::Asserted,
    );
}

#[test]
fn some_employers_or_a_segment_as_the_subject_is_no_fact_about_the_role() {
    // ay03: a share of employers hedges; a segment opening the clause is its own subject.
    assert_has(
        "Scrum Master dba o proces. Część firm przyjmuje na stanowisko Scrum Mastera osoby bez \
         doświadczenia w tej roli.",
        "scrum_master",
        "no_experience",
        Polarity::Affirmed,
        Modality::Possible,
    );
    assert_lacks_claim(
        "Scrum Master dba o proces. Startupy działają w pełni zdalnie.",
        "scrum_master",
        "fully_remote",
    );
}

#[test]
fn almost_wholly_remote_is_not_wholly_remote() {
    // ax03: "niemal wyłącznie zdalnie", and a day a month in the office.
    assert_has(
        "Jako rekruterka Anna pracowała niemal wyłącznie zdalnie, a do firmy zaglądała raz w \
         miesiącu.",
        "recruiter",
        "fully_remote",
        Polarity::Affirmed,
        Modality::Possible,
    );
}

#[test]
fn a_person_introduced_with_a_role_speaks_for_it() {
    // Blind ax01, ax04: a team page introduces people by name, then speaks of them by name.
    let text = "Poznaj nasz zespół\n\nEwa jest naszą księgową od 2016 roku. Rozlicza faktury. \
                Tomek jest kierownikiem projektu i prowadzi wdrożenia.\n\nEwa pracuje w pełni \
                zdalnie z Gdańska.";
    assert_has(
        text,
        "accountant",
        "fully_remote",
        Polarity::Affirmed,
        Modality::Asserted,
    );
    assert_lacks_claim(text, "project_manager", "fully_remote");
    // A surname, and an apposition after a comma: "Witamy: Ola Kamińska, nowa Product Managerka".
    let text = "Witamy na pokładzie: Ola Kamińska, nowa Product Managerka aplikacji. Kolejność \
                zadań ustala Product Owner, Kasia Lis.\n\nOla pracuje zdalnie z Poznania.";
    assert_has(
        text,
        "product_manager",
        "remote_work",
        Polarity::Affirmed,
        Modality::Asserted,
    );
    assert_lacks_claim(text, "product_owner", "remote_work");
}

#[test]
fn a_person_without_a_role_or_with_a_former_one_speaks_for_none() {
    // Blind aw10: "Ewa" had been read as the role named last.
    let text = "Tomasz jest kierownikiem projektu. Kinga jest HR Business Partnerką i pracuje \
                w biurze codziennie.\n\nWiktor dwa dni w tygodniu pracuje z domu.";
    assert_lacks_claim(text, "hr_business_partner", "remote_work");
    // "była rekruterka": the role Anna held once is not hers now.
    let text = "Anna, była rekruterka, dziś prowadzi własną firmę. Kierownik projektu pracuje \
                w biurze.\n\nAnna pracuje w pełni zdalnie.";
    assert_lacks_claim(text, "recruiter", "fully_remote");
    // A speaker's label is no subject: the answer is about the role the question asked of.
    // corpus/99: the label had bound Tomasz to the role his first answer named.
    let text = "Tomasz Wrona: Product owner ustala priorytety backlogu.\n\nEwa, 31 lat: Czy \
                analityk biznesowy może pracować zdalnie?\n\nTomasz Wrona: Zwykle tak – \
                większość ofert to praca hybrydowa.";
    assert_lacks_claim(text, "product_owner", "hybrid_work");
    assert_has(
        text,
        "business_analyst",
        "hybrid_work",
        Polarity::Affirmed,
        Modality::Possible,
    );
}

#[test]
fn another_employers_past_is_a_former_state() {
    // corpus/157: what the person did in the previous firm.
    assert_has(
        "Ola jest naszą Product Managerką. W poprzedniej firmie Ola kierowała zespołem czterech \
         osób.",
        "product_manager",
        "team_size",
        Polarity::Affirmed,
        Modality::Conditional,
    );
}

#[test]
fn sections_by_place_hold_each_for_its_place() {
    // Blind ba04: the work mode of one office is not the other's.
    let text = "Księgowy / księgowa – Gdańsk i Olsztyn\n\nWarunki w Gdańsku\nProponujemy 8 500 zł \
                brutto miesięcznie. Pracujemy hybrydowo.\n\nWarunki w Olsztynie\nPraca jest w \
                pełni stacjonarna.";
    assert!(codes(text).is_empty(), "{:?}", codes(text));
    // One place named in the title is where the whole job is.
    let text = "Księgowa – biuro rachunkowe w Lublinie\n\nPracujemy hybrydowo. Praca jest w pełni \
                stacjonarna.";
    assert_eq!(codes(text), ["RL101"]);
}

#[test]
fn a_possibility_hedges_what_follows_it_only() {
    // Blind ai09: an office job that allows one remote day a week.
    let text = "Księgowa – warunki\n\nPraca stacjonarna, z możliwością jednego dnia zdalnego w \
                tygodniu poza okresami zamknięć.";
    assert_has(
        text,
        "accountant",
        "hybrid_work",
        Polarity::Affirmed,
        Modality::Possible,
    );
    assert!(codes(text).is_empty(), "{:?}", codes(text));
    // corpus/223: the car is given; what may be is its private use.
    assert_has(
        "Przedstawiciel handlowy dostaje samochód służbowy z możliwością użytku prywatnego.",
        "sales_representative",
        "company_car",
        Polarity::Affirmed,
        Modality::Asserted,
    );
}

#[test]
fn office_days_by_name_are_hybrid_work() {
    // Blind ah09, ax09: remote work "in full" with named office days contradicts itself.
    assert_eq!(
        codes(
            "Praca analityka biznesowego jest u nas w pełni zdalna, z obowiązkową obecnością w \
             biurze we wtorki, środy i czwartki."
        ),
        ["RL105"]
    );
    assert_eq!(
        codes(
            "Kamila jest account managerką. Kamila pracuje wyłącznie z domu, a we wtorki i \
             czwartki siedzi w biurze przy Głogowskiej."
        ),
        ["RL105"]
    );
    // The whole week is no office day of a hybrid week (a cue's gap would read it so).
    assert_lacks(
        "Oferujemy product ownerowi pracę wyłącznie w biurze w Gdyni, od poniedziałku do piątku.",
        "hybrid_work",
    );
}

#[test]
fn what_candidates_must_have_is_the_roles_requirement() {
    // Blind az08: "kandydaci" open the clause, but what they must have is the role's.
    assert_eq!(
        codes(
            "Stanowisko account managera nie wymaga doświadczenia w sprzedaży, ale kandydaci \
             muszą mieć za sobą minimum dwa lata pracy w sprzedaży B2B."
        ),
        ["RL105"]
    );
}

#[test]
fn a_requirement_stated_and_waived_is_requirements_that_exclude_each_other() {
    // Blind a02, ad01, ah09: every author called such a pair RL102, none RL103.
    assert_eq!(
        codes(
            "Od analityka biznesowego nie wymagamy znajomości SQL.\n\nWymagania wobec analityka \
             biznesowego: znajomość SQL jest obowiązkowa."
        ),
        ["RL102"]
    );
    // A duty affirmed and denied stays RL103.
    assert_eq!(
        codes(
            "Kierownik projektu odpowiada za budżet projektu.\n\nKierownik projektu nie odpowiada \
             za budżet projektu."
        ),
        ["RL103"]
    );
}

#[test]
fn a_trailing_negation_may_have_words_inside_it() {
    // Blind be06: "nie jest … wymagana" with the post between, right after the cue.
    assert_has(
        "Key Account Manager musi znać angielski.\n\nZnajomość angielskiego nie jest na tym \
         stanowisku wymagana.",
        "key_account_manager",
        "english_language",
        Polarity::Negated,
        Modality::Asserted,
    );
    // Not one that starts further on: the books are kept, the certificate is not needed
    // (corpus/108).
    assert!(!has(
        "Księgowy prowadzi księgi rachunkowe firmy. Do usługowego prowadzenia ksiąg          rachunkowych nie jest potrzebny certyfikat.",
        "accountant",
        "bookkeeping",
        Polarity::Negated,
        Modality::Asserted,
    ));
}

#[test]
fn what_a_sum_leaves_out_is_not_denied() {
    // Blind bc02: "nie licząc premii" counts the bonus out of a figure, it does not deny it.
    assert!(!has(
        "Księgowy zarabia 112 800 zł brutto rocznie, nie licząc premii.",
        "accountant",
        "bonus",
        Polarity::Negated,
        Modality::Asserted,
    ));
}

#[test]
fn a_frequency_is_no_share() {
    // Blind bd05: "co drugi tydzień" is how often, not of how many.
    assert_has(
        "Analityk biznesowy co drugi tydzień leci do klienta.",
        "business_analyst",
        "field_work",
        Polarity::Affirmed,
        Modality::Asserted,
    );
    assert_has(
        "Co drugi analityk biznesowy jeździ do klientów.",
        "business_analyst",
        "field_work",
        Polarity::Affirmed,
        Modality::Possible,
    );
}

#[test]
fn who_joins_a_group_of_the_role_takes_the_role() {
    // Blind bc07: "Do zespołu rekruterów" is about recruiters, not the HR Business Partner
    // the text spoke of before.
    let text = "HR Business Partner doradza menedżerom.\n\nDo zespołu rekruterów przyjmujemy \
                także osoby bez doświadczenia.";
    assert_has(
        text,
        "recruiter",
        "no_experience",
        Polarity::Affirmed,
        Modality::Asserted,
    );
    assert_lacks_claim(text, "hr_business_partner", "no_experience");
}

#[test]
fn a_role_set_apart_in_a_heading_does_not_become_its_subject() {
    // Blind bh09: a Product Manager's role card with a section on how it differs from the
    // Product Owner; the requirements below are the Product Manager's.
    let text = "Karta roli: Product Manager\n\nCzym różni się od Product Ownera\nProduct Manager \
                wyznacza strategię, a Product Owner prowadzi backlog.\n\nWymagania\n- wykształcenie \
                wyższe";
    assert_has(
        text,
        "product_manager",
        "higher_education",
        Polarity::Affirmed,
        Modality::Asserted,
    );
}

#[test]
fn a_body_after_the_verb_of_a_clause_pointing_back_is_its_subject() {
    // corpus/182: "tym zajmuje się zespół sprzedaży" is the sales team's, not the role's,
    // which only the denial before it speaks of.
    let text = "Project Manager prowadzi wdrożenia. Nie odpowiadasz za sprzedaż – tym zajmuje się \
                zespół sprzedaży.";
    assert_has(
        text,
        "project_manager",
        "sales_targets",
        Polarity::Negated,
        Modality::Asserted,
    );
    assert!(!has(
        text,
        "project_manager",
        "sales_targets",
        Polarity::Affirmed,
        Modality::Asserted,
    ));
    // corpus/01: the particle "To" points at no thing said; the client calls the role.
    assert_has(
        "Account Manager buduje relacje z klientami. To do niego klient dzwoni z pytaniem, \
         reklamacją albo pomysłem na kolejne zamówienie.",
        "account_manager",
        "difficult_clients",
        Polarity::Affirmed,
        Modality::Asserted,
    );
}

#[test]
fn a_time_inside_the_cue_is_no_former_state() {
    // Blind bg09, bd10: "nigdy wcześniej nie pracowały" waives experience today.
    assert_has(
        "Rekruter\n\nJesteśmy otwarci na osoby, które nigdy wcześniej nie pracowały w HR.",
        "recruiter",
        "no_experience",
        Polarity::Affirmed,
        Modality::Asserted,
    );
}

#[test]
fn a_negation_before_whom_a_thing_is_asked_of_denies_it() {
    // Blind bj02: the role after "od" is whom the certificate is asked of, not the subject.
    for text in [
        "Żaden pracodawca nie oczekuje od Scrum Mastera certyfikatu.",
        "Nikt nie wymaga od Scrum Mastera certyfikatu.",
    ] {
        assert_has(
            text,
            "scrum_master",
            "certification",
            Polarity::Negated,
            Modality::Asserted,
        );
    }
    assert_has(
        "Od Scrum Mastera oczekujemy certyfikatu PSM.",
        "scrum_master",
        "certification",
        Polarity::Affirmed,
        Modality::Asserted,
    );
}

#[test]
fn an_optional_requirement_waived_outright_is_denied() {
    // Blind bk02: "atutem, ale nie wymagamy go" against a certificate without which no
    // application is read.
    let text = "Product Owner\n\nWymagania:\n- certyfikat PSPO I będzie atutem, ale nie wymagamy \
                go od kandydatów.\n\nDo CV prosimy dołączyć skan certyfikatu Product Ownera – \
                zgłoszenia bez tego dokumentu nie będą rozpatrywane.";
    assert_has(
        text,
        "product_owner",
        "certification",
        Polarity::Negated,
        Modality::Asserted,
    );
    assert_eq!(codes(text), ["RL102"]);
    // Without the waiver it stays a hedge, and nothing conflicts.
    let text = "Product Owner\n\nWymagania:\n- certyfikat PSPO I będzie atutem.\n\nDo CV prosimy \
                dołączyć skan certyfikatu Product Ownera – zgłoszenia bez tego dokumentu nie \
                będą rozpatrywane.";
    assert!(codes(text).is_empty(), "{:?}", codes(text));
}
