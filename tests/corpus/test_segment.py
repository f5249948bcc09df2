import bisect

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.corpus import load
from toolkit.corpus.segment import (
    paragraphs,
    segment,
    sentences,
    strip_span,
    tokens,
    train_punkt,
    trim_end,
    trim_start,
)
from toolkit.errors import ParameterError


def split(text: str) -> list[str]:
    return [text[a:b] for a, b in sentences(text)]


def test_abbreviations_and_initials_do_not_end_sentences():
    text = ("Sen. Mara Quill met Mr. Ode and Gen. Hask in Washington, D.C., on Jan. 5 at 5 p.m. "
            "She left early. J. K. Lindqvist and Rep. G.K. Bello (D-N.C.), a Democrat, stayed.")
    assert split(text) == [
        "Sen. Mara Quill met Mr. Ode and Gen. Hask in Washington, D.C., on Jan. 5 at 5 p.m.",
        "She left early.",
        "J. K. Lindqvist and Rep. G.K. Bello (D-N.C.), a Democrat, stayed.",
    ]


def test_dotted_acronym_ends_a_sentence_before_a_usual_starter():
    text = "The talks moved to the U.S. The U.S. Senate voted later. It passed."
    assert split(text) == ["The talks moved to the U.S.", "The U.S. Senate voted later.",
                           "It passed."]


@pytest.mark.parametrize("open_, close", [("\u201c", "\u201d"), ('"', '"')])
def test_closing_quote_stays_with_its_sentence(open_, close):
    text = (f"{open_}We will not sign.{close} Then the minister left. "
            f"{open_}Why now?{close} she asked. It was {open_}over.{close} Talks ended.")
    assert split(text) == [f"{open_}We will not sign.{close}", "Then the minister left.",
                           f"{open_}Why now?{close} she asked.", f"It was {open_}over.{close}",
                           "Talks ended."]


def test_sentences_never_cross_paragraphs():
    text = "Dam talks resume\n\nThe ministers met on Monday. They agreed on little.\n"
    assert split(text) == ["Dam talks resume", "The ministers met on Monday.",
                           "They agreed on little."]


def test_paragraph_modes():
    scraped = "Headline here\nFirst paragraph line.\n\nSecond paragraph.\n"
    assert [scraped[a:b] for a, b in paragraphs(scraped)] == [
        "Headline here", "First paragraph line.", "Second paragraph."]
    wrapped = ("This is a hard-wrapped paragraph of an article that goes on\n"
               "for several lines because an editor wrapped it at sixty-odd\ncharacters.\n\n"
               "The second paragraph is also wrapped like the first one was, at\nabout sixty.\n")
    paras = [wrapped[a:b] for a, b in paragraphs(wrapped)]
    assert len(paras) == 2 and paras[0].endswith("characters.")
    assert len(paragraphs(wrapped, mode="line")) == 5
    with pytest.raises(ParameterError, match="paragraph mode"):
        paragraphs(wrapped, mode="pages")


def test_tokens_keep_words_whole_and_split_possessives():
    text = "Putin\u2019s anti-war U.S. aide didn't pay 2,193.50 rubles (50%)..."
    assert [text[a:b] for a, b in tokens(text)] == [
        "Putin", "\u2019s", "anti-war", "U.S.", "aide", "didn't", "pay", "2,193.50", "rubles",
        "(", "50%", ")", "..."]


def test_seed_offsets_are_exact(seed_text):
    seg = segment(seed_text)
    assert len(seg.sentences) > 25
    for a, b in seg.sentences:
        piece = seed_text[a:b]
        assert piece == piece.strip() and piece
    for a, b in seg.tokens:
        assert seed_text[a:b].strip() == seed_text[a:b] != ""
    assert "Peskov" in seg.words()
    sentence = next(seg.sentence_text(i) for i in range(len(seg.sentences))
                    if "conference call" in seg.sentence_text(i))
    assert sentence == "In a conference call with reporters, he said, \u201cThe request has been made.\u201d"


def test_segment_leaves_out_excluded_paragraphs(seed_text):
    from toolkit.corpus.clean import clean

    cleaned = clean(seed_text)
    seg = segment(seed_text, excluded=cleaned.excluded_spans)
    texts = [seed_text[a:b] for a, b in seg.paragraphs]
    assert "Connect with us" not in texts and "google news" not in texts
    assert sum("save links" in t for t in texts) == 1


def test_trained_punkt_parameters_are_used():
    params = train_punkt(["The Xq. met us and the Xq. voted and then the Xq. left. " * 30])
    assert "xq" in params.abbrev_types and "mr" in params.abbrev_types
    text = "We met the Xq. Ode spoke. He left."
    assert split(text) == ["We met the Xq.", "Ode spoke.", "He left."]
    assert [text[a:b] for a, b in sentences(text, params=params)] == [
        "We met the Xq. Ode spoke.", "He left."]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab. \n\"\u201c\u201d'?!,:;()AZ\u00e9\ufeff")),
               max_size=300))
def test_spans_are_always_valid(text):
    seg = segment(text)
    last = 0
    for a, b in seg.sentences:
        assert last <= a < b <= len(text)
        assert text[a:b].strip() == text[a:b]
        last = b
    for a, b in seg.tokens:
        assert 0 <= a < b <= len(text) and not text[a:b].isspace()


def test_polnear_sentence_boundaries_respect_gold_cues_and_sources(polnear_path):
    """No sentence boundary falls strictly inside a gold Cue or Source span (>= 99%)."""
    corpus = load(polnear_path, include_duplicates=True)
    total = broken = 0
    for doc in corpus:
        ends = sorted(b for _, b in segment(doc.text, excluded=doc.excluded).sentences)
        with open(doc.meta["annotations"], encoding="utf-8") as handle:
            for line in handle:
                parts = line.rstrip("\n").split("\t")
                if not parts[0].startswith("T") or len(parts) < 2:
                    continue
                kind, _, offsets = parts[1].partition(" ")
                if kind not in ("Cue", "Source"):
                    continue
                for piece in offsets.split(";"):
                    start, end = map(int, piece.split())
                    total += 1
                    i = bisect.bisect_right(ends, start)
                    broken += i < len(ends) and ends[i] < end
    share = 1 - broken / total
    print(f"gold Cue/Source spans without an inner sentence boundary: {share:.4%} of {total}")
    assert total > 40000
    assert share >= 0.99


def test_trim_start_and_end_with_given_characters():
    text = "she said, “The port stays open.” ;"
    assert trim_end(text, 0, len(text), " .!?;") == len(text) - 2
    assert text[:trim_end(text, 0, 8, " ,")] == "she said"
    assert trim_start(text, 8, len(text), " ,") == text.index("“")
    assert trim_start(text, 5, 5, " ") == 5 and trim_end(text, 5, 5, " ") == 5


def test_trim_stops_at_the_other_edge():
    assert trim_end(" , ", 1, 3, " ,") == 1
    assert trim_start(" , ", 0, 2, " ,") == 2


def test_trim_white_space_by_default():
    text = "\t Ramos said \u00a0\n"
    assert text[trim_start(text, 0, len(text)):trim_end(text, 0, len(text))] == "Ramos said"


def test_strip_span_skips_white_space_and_a_byte_order_mark():
    text = " \ufeff Council statement \n"
    a, b = strip_span(text, 0, len(text))
    assert text[a:b] == "Council statement"
    assert strip_span("   ", 0, 3) == (3, 3)
