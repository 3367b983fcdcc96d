"""Posting-specific terms that name or describe the employer are never offered
(amfit.termnames, amfit.terms.not_skills, the section and lexicon rules).

Every posting here is made up, in the style of real ones.
"""

from __future__ import annotations

from amfit.fit.scorer import default_scorer
from amfit.fit.termwords import not_a_skill_word, perk_words
from amfit.posting import IGNORED_SECTIONS, parse_posting
from amfit.termnames import company_words, description_places, domain_names
from amfit.terms import not_skills
from amfit.textio import normalize_text

TERM_SECTIONS = IGNORED_SECTIONS | {"title"}


def term_labels(text: str, company: str = "") -> set[str]:
    analysis = default_scorer().analyze_posting(normalize_text(text), "<test>", company)
    return {k.label.lower() for k in analysis.keywords if k.source == "tfidf"}


# A brand written in lower case, as some employers write theirs: the name
# rules for capitalised words do not see it.
LOWER_BRAND = (
    "Customer Success Manager\n\n"
    "## Responsibilities\n"
    "- Onboard new admins to tallyfox dashboards and zebrafish hatchery reports\n"
    "- Run tallyfox dashboards reviews with each zebrafish hatchery customer\n"
)


def test_the_company_hint_removes_the_employers_name(every_term_listed) -> None:
    assert "tallyfox" in {w for t in term_labels(LOWER_BRAND) for w in t.split()}
    kept = term_labels(LOWER_BRAND, company="Tallyfox GmbH")
    assert not any("tallyfox" in t for t in kept)
    assert any("zebrafish" in t or "hatchery" in t for t in kept)


def test_the_company_hint_reaches_the_report_and_keeps_line_numbers() -> None:
    scorer = default_scorer()
    resume = "Jane Doe\n\n## Experience\nAccount Manager, Acme (2020 - Present)\n- Grew renewals\n"
    plain = scorer.score(resume, LOWER_BRAND, lint=None, checks=False)
    hinted = scorer.score(resume, LOWER_BRAND, lint=None, checks=False, company="tallyfox")
    words = {w for k in hinted.keywords if k.keyword.source == "tfidf" for w in k.keyword.keys}
    assert "tallyfox" not in words
    assert plain.posting.title == hinted.posting.title == "Customer Success Manager"
    lines = {k.keyword.id: k.keyword.asks[0].line for k in plain.keywords}
    assert all(
        lines.get(k.keyword.id, k.keyword.asks[0].line) == k.keyword.asks[0].line
        for k in hinted.keywords
    )


def test_company_words_drop_the_legal_form_and_join_the_name() -> None:
    assert company_words("Red Heron Labs, Inc.") == {"red", "heron", "labs", "redheronlabs"}
    assert company_words("tallyfox-group") == {"tallyfox"}
    assert company_words("") == frozenset()


def test_web_and_mail_addresses_name_the_employer_but_code_names_do_not() -> None:
    assert domain_names("careers.tallyfox.io") == ["tallyfox"]
    assert domain_names("talent@quillmere.com") == ["quillmere"]
    assert domain_names("https://quillmere.com/jobs/123") == ["quillmere"]
    assert domain_names("Node.js") == []
    assert domain_names("ASP.NET") == []
    assert domain_names("e.g.") == []


def test_an_address_in_the_text_makes_its_name_a_name() -> None:
    posting = parse_posting(
        normalize_text(
            "Account Manager\n\n## Responsibilities\n"
            "- Grow quillmere adoption in clinics; see quillmere.com for the product\n"
        )
    )
    names, _ = not_skills(posting.units, TERM_SECTIONS)
    assert "quillmere" in names


def test_sentences_where_the_employer_describes_itself_give_no_terms() -> None:
    text = (
        "Regional Sales Director\n\n"
        "## Why Heronlight\n"
        "Heronlight was founded so that no shipyard fears a ballast audit again. "
        "You will lead the ballast compliance sales team.\n"
        "- We believe every shipyard deserves calm audits\n"
    )
    posting = parse_posting(normalize_text(text))
    names, _ = not_skills(posting.units, TERM_SECTIONS)
    odd = description_places(posting.units, {"role"}, names | {"heronlight"})
    line = next(u for u in posting.units if u.text.startswith("Heronlight was"))
    assert (line.index, line.text.index("fears")) in odd
    # The duty sentence of the same line stays a source of terms.
    assert (line.index, line.text.index("ballast compliance")) not in odd
    bullet = next(u for u in posting.units if "believe" in u.text)
    assert (bullet.index, bullet.text.index("shipyard")) in odd


def test_a_sentence_naming_the_job_is_no_self_description() -> None:
    posting = parse_posting(
        normalize_text(
            "Pre-Sales Consultant\n\n## Job description\n"
            "We are growing and are on the hunt for a Pre-Sales Consultant fluent in Basque.\n"
        )
    )
    assert description_places(posting.units, {"responsibilities"}, set()) == set()


def test_a_duty_bullet_mentioning_our_product_is_not_self_description() -> None:
    posting = parse_posting(
        normalize_text(
            "Account Manager\n\n## Requirements\n- Our ballast reports are read by every shipyard\n"
        )
    )
    assert description_places(posting.units, {"required"}, set()) == set()


def test_an_unclassified_heading_naming_the_employer_gives_no_terms(every_term_listed) -> None:
    text = (
        "Inbound Sales Executive\n\n"
        "## What it is like to work at Tallyfox\n"
        "- A fantastic crew of kayak guides who love zebrafish trivia\n"
        "- Kayak guides and zebrafish trivia every Friday\n\n"
        "## Responsibilities\n"
        "- Qualify inbound enquiries from marina operators\n"
        "- Book marina operators for product demos\n"
    )
    hinted = term_labels(text, company="Tallyfox")
    assert not any("kayak" in t or "zebrafish" in t for t in hinted)
    assert any("marina" in t for t in hinted)


def test_boilerplate_headings_are_sections_of_no_ask() -> None:
    from amfit.document import classify_heading

    assert classify_heading("Privacy Notice", "posting") == "apply"
    assert classify_heading("This is how our recruitment process works", "posting") == "apply"
    assert classify_heading("Who are we?", "posting") == "about"
    assert classify_heading("We believe in the following", "posting") == "about"
    assert classify_heading("Responsibilities", "posting") == "responsibilities"


def test_a_job_title_is_a_role_not_a_skill() -> None:
    assert not_a_skill_word("account executive", "Account Executives")
    assert not_a_skill_word("sale develop repres", "sales development representative")
    assert not not_a_skill_word("integr partner", "integration partners")


def test_visa_is_a_boilerplate_word_and_a_language_is_not() -> None:
    # By corpus counts (scripts/build_term_lexicons.py): how-to-apply and
    # EEO text, not asks; a language named there ("applications in Dutch")
    # is a name, not counted.
    assert "visa" in perk_words()
    assert "dutch" not in perk_words()


def _plain_fragment_places(units):  # the per-word loop fragment_places shortcuts
    import re

    from amfit.nlp import segments

    odd, glued, free = set(), {}, set()
    for unit in units:
        text = unit.text
        for seg in segments(text):
            for i, tok in enumerate(seg):
                tied = (tok.start > 0 and text[tok.start - 1] in "-/") or text[
                    tok.end : tok.end + 1
                ] in ("-", "/")
                if tied:
                    glued.setdefault(tok.lower, []).append((unit.index, tok.start))
                else:
                    free.add(tok.lower)
                number = re.match(r"^\d[\d.,]*[a-z]*$", seg[i - 1].text, re.I) if i else None
                if number and len(tok.text) <= 5:
                    odd.add((unit.index, tok.start))
    for word, places in glued.items():
        if word not in free:
            odd.update(places)
    return odd


def test_fragment_places_equal_the_plain_word_loop() -> None:
    from amfit.termnames import fragment_places

    posting = parse_posting(
        "Account Manager\n\n## Requirements\n"
        "- A 16 GB laptop and a 27 inch screen, 3rd party tools\n"
        "- Fine-grained reports on in-app usage; app usage weekly\n"
        "- Plain words only here\n"
        "- A ٣ GB quota and a/b tests, 2x growth\n"
    )
    odd = fragment_places(posting.units)
    assert odd == _plain_fragment_places(posting.units)
    words = {posting.units[i].text[s:].split()[0] for i, s in odd}
    assert {"GB", "inch", "grained", "party"} <= words
    assert "usage" not in words  # used alone too


LAZY_POSTING = (
    "Account Manager at Red Canary\n\n"
    "## Responsibilities\n"
    "- Grow Canary adoption with Zürich Brewing and Contoso partners\n"
    "- Run fine-grained reviews of Brewing and Heron accounts, on-site weekly\n"
    "- Cannot miss Gonna Labs renewals; Dont skip Ai Tools demos\n"
    "- Plan gon rollout\n\n"
    "## About us\n"
    "Red Canary is growing. We love Red Canary and Heron Labs partners.\n"
    "Our offices in Zürich host the Zürich Brewing team, close to Heron Labs.\n"
    "Contoso's platform powers everything. Cannot stop, Gonna Labs say.\n"
    "At Quillmere we write to jobs@quillmere.io about grained oak.\n"
    "Dont forget Ai Tools: Ai Tools and site visits weekly.\n"
    "We say Gonna often, and Gonna again.\n\n"
    "## Benefits\n"
    "- Heron Labs lunches, Heron Labs trips\n"
    "- Fine work, site visits and grained wood\n"
)


def test_the_lazy_name_set_answers_as_the_eager_one() -> None:
    """term_filters reads a boilerplate line only for the words asked about;
    every answer, and every place outside the boilerplate, is not_skills'."""
    import re

    from amfit.nlp import segments
    from amfit.termnames import term_filters

    posting = parse_posting(normalize_text(LAZY_POSTING))
    names, odd = not_skills(posting.units, TERM_SECTIONS, "Quillmere Ltd")
    lazy, lazy_odd = term_filters(posting.units, TERM_SECTIONS, "Quillmere Ltd")
    assert lazy.unread()  # some boilerplate is left unread
    words = {t.lower for u in posting.units for seg in segments(u.text) for t in seg}
    words |= {w.lower() for w in re.findall(r"[\w'’]+", LAZY_POSTING)} | set(names)
    assert {w for w in words if w in lazy} == names & words
    assert {"canary", "heron", "labs", "brewing", "contoso", "quillmere", "gon"} <= names
    asks = {u.index for u in posting.units if u.section not in TERM_SECTIONS}
    assert {p for p in odd if p[0] in asks} == {p for p in lazy_odd if p[0] in asks}
    assert lazy.everything() == names


def _plain_description_places(units, sections, names):  # before company_sentences
    import re

    from amfit.nlp import segments
    from amfit.posting import intro_reading
    from amfit.titles import has_title_word

    out = set()
    for unit in units:
        if unit.section not in sections or unit.kind not in ("line", "bullet"):
            continue
        if unit.kind == "bullet" and unit.section != "role":
            continue
        text, start = unit.text, 0
        for m in [*re.finditer(r"(?<=[.!?])\s+", text), None]:
            end = m.start() if m else len(text)
            first = re.match(r"^\W*([A-Za-z][\w'’]*)", text[start:end])
            word = first.group(1).lower() if first else ""
            if (
                first
                and (
                    word in {"we", "our", "ours", "we're", "we’re", "we've", "we’ve"}
                    or word in names
                )
                and not has_title_word(text[start:end])
                and intro_reading(text[start:end]) == "company"
            ):
                out.update(
                    (unit.index, t.start)
                    for seg in segments(text)
                    for t in seg
                    if start <= t.start < end
                )
            start = m.end() if m else end
    return out


def test_description_places_equal_the_plain_sentence_loop() -> None:
    """The per-text sentence split (sentence_firsts) and per-sentence
    verdict (company_sentence) give the plain loop's places, for any
    names, on a first and on a cached reading."""
    text = LAZY_POSTING + (
        "## Why Heronlight\n"
        "Heronlight was founded so no shipyard fears an audit. You will lead sales! "
        "We believe in calm audits? Our platform serves 300 shipyards.\n"
        "- We are hiring an Account Manager for our team\n"
        "- Heron Labs builds ballast tools. Red Canary partners with us.\n"
    )
    posting = parse_posting(normalize_text(text))
    sections = {u.section for u in posting.units}
    for names in (set(), {"heronlight"}, {"heron", "red", "quillmere"}):
        for _ in range(2):
            got = description_places(posting.units, sections, names)
            assert got == _plain_description_places(posting.units, sections, names)
    assert description_places(posting.units, sections, {"heronlight"})


def test_fragment_places_with_unread_texts_equal_the_plain_word_loop() -> None:
    """A boilerplate text is tokenised only where may_stand_alone lets a
    word be there alone: the places are those of the plain loop over the
    read units and the unread texts together."""
    from amfit.nlp import segments
    from amfit.termnames import fragment_places
    from amfit.termtext import may_stand_alone

    posting = parse_posting(
        normalize_text(LAZY_POSTING + "- Full-time, part-time or on-site/remote\n")
    )
    read = [u for u in posting.units if u.section not in TERM_SECTIONS]
    unread = [u for u in posting.units if u.section in TERM_SECTIONS]
    plain = _plain_fragment_places(read + unread)
    wanted = {u.index for u in read}
    assert fragment_places(read, [u.text for u in unread]) == {p for p in plain if p[0] in wanted}
    for unit in posting.units:  # every word used alone passes the test
        low = unit.text.lower()
        for seg in segments(unit.text):
            for tok in seg:
                tied = unit.text[tok.start - 1 : tok.start] in ("-", "/") and tok.start > 0
                if not tied and unit.text[tok.end : tok.end + 1] not in ("-", "/"):
                    assert "-" in tok.lower or may_stand_alone(tok.lower, unit.text, low)
    assert not may_stand_alone("time", "Full-time or part-time", "full-time or part-time")
    assert may_stand_alone("time", "Full-time, any time", "full-time, any time")
    assert not may_stand_alone("site", "on-site/remote", "on-site/remote")
