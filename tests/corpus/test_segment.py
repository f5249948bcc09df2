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


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)), max_size=12),
       st.tuples(st.integers(0, 70), st.integers(0, 20)))
def test_excluded_span_lookup_agrees_with_checking_every_span(excluded, probe):
    from toolkit.corpus.segment import _inside_checker

    spans = [(a, a + n) for a, n in excluded]
    span = (probe[0], probe[0] + probe[1])
    expected = any(x <= span[0] and span[1] <= y for x, y in spans)
    assert _inside_checker(spans)(span) == expected


def test_long_one_line_article_splits_into_its_sentences():
    sentence = "The minister said on Monday that the talks had stalled again. "
    text = sentence * 4000  # about 250 KB on one line
    spans = sentences(text)
    assert len(spans) == 4000
    assert all(text[a:b] == sentence.strip() for a, b in spans)


def test_initials_are_still_seen_right_before_a_boundary_late_in_a_paragraph():
    text = "Filler sentence number one here. " * 200 + "Rep. G.K. Butterfield spoke. He left."
    assert split(text)[-2:] == ["Rep. G.K. Butterfield spoke.", "He left."]


def test_many_short_lines_with_furniture_segment_every_kept_line():
    from toolkit.corpus.clean import clean

    lines = [f"Line {i} of the live blog reports event {i}." for i in range(3000)]
    text = "\n".join(line for pair in zip(lines, ["Share this"] * 3000, strict=True)
                     for line in pair) + "\n"
    seg = segment(text, excluded=clean(text).excluded_spans)
    assert [text[a:b] for a, b in seg.paragraphs] == lines


def test_a_huge_paragraph_is_fed_to_punkt_in_pieces_without_changing_sentences(monkeypatch):
    from toolkit.corpus import segment as segment_module

    unit = ("Sen. J. K. Ode met Mr. Bello in Washington, D.C., on Jan. 5 at 5 p.m. "
            "\u201cWe are not there yet,\u201d she said. The U.S. Senate voted later. ")
    text = unit * 1200  # about 170 KB on one line: at least three pieces
    assert len(segment_module._pieces(text, segment_module.load_abbreviations())) >= 3
    pieced = sentences(text)
    monkeypatch.setattr(segment_module, "MAX_PUNKT_CHARS", 10**9)
    assert sentences(text) == pieced
    assert len(pieced) == 2 * 1200


def test_a_huge_token_without_white_space_stays_one_piece():
    from toolkit.corpus.segment import _pieces, load_abbreviations

    text = "See " + "QWxhZGRpbjpvcGVu" * 20_000 + " now."
    pieces = _pieces(text, load_abbreviations())
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(b == c for (_, b), (c, _) in zip(pieces, pieces[1:], strict=False))
    assert [text[a:b] for a, b in sentences(text)] == [text]
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


def test_segmentations_are_kept_for_the_last_texts_up_to_a_number_of_characters(monkeypatch):
    from toolkit.corpus import Document
    from toolkit.corpus import segment as module

    monkeypatch.setattr(module, "_KEPT", type(module._KEPT)())
    monkeypatch.setattr(module, "_kept_chars", 0)
    texts = [f"Story {i}. The harbour minister said on Monday that the dam was safe.\n"
             for i in range(6)]
    size = len(texts[0])
    assert all(len(t) == size for t in texts)
    monkeypatch.setattr(module, "SEGMENTATIONS_KEPT_CHARS", 3 * size)
    docs = [Document(doc_id=str(i), text=t) for i, t in enumerate(texts)]
    first = [module.segment_document(d) for d in docs]
    assert first[0].tokens == module.segment(texts[0]).tokens
    # The last three texts are kept (the same object comes back); the first three are not.
    assert all(module.segment_document(d) is s for d, s in zip(docs[3:], first[3:], strict=True))
    again = module.segment_document(docs[0])
    assert again is not first[0] and again.tokens == first[0].tokens
    assert module._kept_chars == 3 * size and len(module._KEPT) == 3
    # A text longer than the limit is segmented, not kept.
    long = Document(doc_id="long", text=" ".join(texts))
    assert module.segment_document(long) is not module.segment_document(long)
    assert len(module._KEPT) == 3


def test_remembered_punkt_decisions_give_the_sentences_punkt_finds(polnear_path, monkeypatch):
    """Punkt's break decisions are remembered per context; the sentences of real news are those
    a tokenizer deciding every context afresh finds, also when the memory fills and is
    cleared."""
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    from toolkit.corpus import segment as segmentation

    texts = [p.read_text(encoding="utf-8") for p in sorted((polnear_path / "dev" / "text").glob("*.txt"))[:40]]
    tokenizer = segmentation._punkt(segmentation.load_abbreviations(), None)
    fresh = PunktSentenceTokenizer(tokenizer._params)
    contexts = []

    def deciding(text):
        contexts.append(text)
        return PunktSentenceTokenizer.text_contains_sentbreak(fresh, text)

    monkeypatch.setattr(fresh, "text_contains_sentbreak", deciding)
    tokenizer._decided.clear()
    monkeypatch.setattr(segmentation, "PUNKT_DECISIONS_KEPT", 50)
    for text in texts:
        for start, end in paragraphs(text):
            chunk = text[start:end]
            assert list(tokenizer.span_tokenize(chunk)) == list(fresh.span_tokenize(chunk))
    assert len(contexts) > 1000  # real candidate breaks were decided
    assert 0 < len(tokenizer._decided) <= 50
    assert len(set(contexts)) < len(contexts)  # and news repeats them


def test_a_pass_over_more_text_than_is_kept_lets_its_segmentations_go(sample_path,
                                                                       monkeypatch):
    """The analysis segments documents in its own process when it has one worker: after a pass
    over more text than the segmentations kept, it lets them go (a next pass would find none);
    after a pass over less, they stay for the next analysis."""
    from toolkit.analysis import analyze
    from toolkit.corpus import segment as segmentation

    docs = list(load(sample_path))
    segmentation.forget_segmentations()
    analyze(docs, workers=1)
    assert len(segmentation._KEPT) == len(docs)  # all kept: a frame count segments none again
    total = sum(len(d.text) for d in docs)
    monkeypatch.setattr(segmentation, "SEGMENTATIONS_KEPT_CHARS", total // 3)
    segmentation.forget_segmentations()
    before = segmentation.segmentations_let_go()
    analyze(docs, workers=1)
    assert segmentation.segmentations_let_go() > before
    assert not segmentation._KEPT and segmentation._kept_chars == 0
