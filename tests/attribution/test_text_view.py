"""The text view: paragraphs, sentences, headline, quotations and the questions the rules ask."""

from __future__ import annotations

import re

from toolkit.attribution.text import (
    MAX_SENTENCE_CHARS,
    Spans,
    TextView,
    quote_spans,
    split_sentences,
)

ARTICLE = ("Harbour talks stall as storm nears\n"
           "PORTVIK, Norland (Wire) — Mayor Ingrid Halvorsen said on Monday that the harbour "
           "would stay open. “We are ready,” she said. Mr. Brandt disagreed.\n"
           "“The walls are too low. Nobody listened,” said Tomas Brandt, the harbour director.\n")


def spans_text(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[a:b] for a, b in spans]


def test_sentences_skip_abbreviations_and_datelines():
    view = TextView(ARTICLE)
    assert spans_text(ARTICLE, view.sentences) == [
        "Harbour talks stall as storm nears",
        "Mayor Ingrid Halvorsen said on Monday that the harbour would stay open.",
        "“We are ready,” she said.",
        "Mr. Brandt disagreed.",
        "“The walls are too low.",
        "Nobody listened,” said Tomas Brandt, the harbour director.",
    ]
    assert view.sentence_paragraph == [0, 1, 1, 1, 2, 2]


def test_sentence_at_and_paragraph_end():
    view = TextView(ARTICLE)
    said = ARTICLE.index("she said")
    assert view.sentence_at(said) == 2
    assert view.paragraph_end(2) == ARTICLE.index("disagreed.") + len("disagreed.")
    assert view.sentence_at(0) == 0


def test_a_short_first_line_is_the_headline():
    assert TextView(ARTICLE).headline_end == len("Harbour talks stall as storm nears")
    one_line = "Mayor Ingrid Halvorsen said on Monday that the harbour would stay open and that the ferry would run."
    assert TextView(one_line).headline_end == -1
    long_first = one_line + "\nShe spoke at noon."
    assert TextView(long_first).headline_end == -1


def test_quotations_and_the_quote_starting_at_an_offset():
    view = TextView(ARTICLE)
    assert spans_text(ARTICLE, view.quotes.spans) == [
        "“We are ready,”", "“The walls are too low. Nobody listened,”"]
    opening = ARTICLE.index("“We")
    assert view.quote_index(opening) == 0
    assert view.quote_index(opening + 1) is None


def test_ignored_spans_are_boilerplate_and_quotation_interiors():
    text = "Halvorsen said the port is safe. Read more: Brandt said so too."
    boiler = (text.index("Read"), len(text))
    view = TextView(text, (boiler,))
    assert view.ignored(text.index("Brandt said"), text.index("Brandt said") + 6)
    assert not view.ignored(text.index("said"), text.index("said") + 4)
    quoted = TextView("“Halvorsen said no,” Brandt wrote.")
    assert quoted.ignored(11, 15)


def test_split_sentences_inside_a_range():
    text = "Dr. Ramos arrived. She spoke at 10 a.m. Brandt left."
    assert spans_text(text, split_sentences(text)) == [
        "Dr. Ramos arrived.", "She spoke at 10 a.m. Brandt left."]
    assert spans_text(text, split_sentences(text, 19, len(text))) == ["She spoke at 10 a.m. Brandt left."]


def test_quote_spans_close_at_a_paragraph_end_unless_the_next_paragraph_opens_a_quote():
    text = "“The walls are low,\n“and nobody listened.”\n“Unclosed quote\nPlain line."
    paras = [(0, 19), (20, 42), (43, 58), (59, 70)]
    assert spans_text(text, quote_spans(text, paras)) == [
        "“The walls are low,\n“and nobody listened.”", "“Unclosed quote"]


def test_spans_lookup():
    spans = Spans([(10, 20), (0, 5)])
    assert spans.spans == [(0, 5), (10, 20)]
    assert spans.index_at(12) == 1 and spans.index_at(7) is None and spans.index_at(20) is None
    assert spans.overlaps(4, 11) and not spans.overlaps(5, 10)


def test_runs_of_final_punctuation_end_one_sentence():
    text = "Ana Silva waited" + "." * 50 + " Then she spoke!?! Nobody answered" + "?" * 30
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == [
        "Ana Silva waited" + "." * 50, "Then she spoke!?!", "Nobody answered" + "?" * 30]


def test_a_sentence_without_final_punctuation_is_cut_at_spaces():
    text = "the council met and " * 400
    spans = split_sentences(text)
    assert len(spans) > 1 and all(b - a <= MAX_SENTENCE_CHARS for a, b in spans)
    assert " ".join(text[a:b] for a, b in spans) == text
    unbroken = "x" * (2 * MAX_SENTENCE_CHARS + 5)
    assert split_sentences(unbroken) == [(0, MAX_SENTENCE_CHARS), (MAX_SENTENCE_CHARS,
                                         2 * MAX_SENTENCE_CHARS), (2 * MAX_SENTENCE_CHARS,
                                                                   len(unbroken))]


def test_a_long_dotted_word_is_no_abbreviation():
    text = "He met " + "a." * 30 + " Then Mr. Okafor left. The end."
    starts = [text[a:b].split()[0] for a, b in split_sentences(text)]
    assert starts == ["He", "Then", "The"]


def test_used_as_modifier_agrees_with_a_search_of_the_text():
    text = ("The Merrow talks stall. The Merrow dam is old. Harbor crews, the harbor and "
            "O'Neill's plan; the the Kestrel report. Dam-Works said so.")
    view = TextView(text)
    for name in ("Merrow", "Harbor", "Kestrel", "Okafor", "Dam-Works", "O'Neill", "The", "Plan"):
        expected = re.search(rf"\b(?:{re.escape(name.lower())}|[Tt]he {re.escape(name)})\b",
                             text) is not None
        assert view.used_as_modifier(name) is expected, name
        assert view.used_as_modifier(name) is expected, name  # answered again from the cache
