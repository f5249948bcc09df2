import re

import pytest

from toolkit.corpus import read_document
from toolkit.corpus.clean import _MANY_WORDS, clean, normalize_line


def test_seed_body_has_the_headline_once_and_no_chrome(seed_path):
    doc = read_document(seed_path)
    body = doc.body
    assert body.count("offer of a phone call with Biden was made to save links") == 1
    assert "Connect with us" not in body
    assert "google news" not in body.lower()
    assert body.startswith("Putin\u2019s offer of a phone call")
    assert body.rstrip().endswith("Biden has not spoken with Erdogan on the phone.")
    reasons = [x.reason for x in doc.cleaned.excluded]
    assert reasons.count("page furniture") == 3 and reasons.count("repeated headline") == 3


def test_text_is_untouched_and_offsets_map_back(seed_path, seed_text):
    doc = read_document(seed_path)
    assert doc.text == seed_text
    cleaned = doc.cleaned
    for word in ("Peskov", "Erdogan", "Psaki"):
        i = cleaned.body.index(word)
        j = cleaned.to_original(i)
        assert seed_text[j:j + len(word)] == word
        assert cleaned.to_body(j) == i
    for x in cleaned.excluded:
        assert cleaned.to_body(x.start) is None


def test_chrome_patterns_and_edge_lines():
    text = ("Share this article\nFollow us on Twitter\nValdoria closes the dam gates\n"
            "Advertisement\nThe ministry said the gates would stay shut for a week.\n"
            "Subscribe to our newsletter\nTags: water\n")
    cleaned = clean(text)
    assert cleaned.body == ("Valdoria closes the dam gates\n\n"
                            "The ministry said the gates would stay shut for a week.")
    assert [x.reason for x in cleaned.excluded] == ["page furniture"] * 5


def test_short_fragments_only_at_the_edges():
    text = "By Staff\nDam talks resume in Orlen\nTalks resumed.\nOk then\nThe end came.\nMore\n"
    cleaned = clean(text)
    kept = [text[a:b] for a, b in cleaned.kept]
    assert kept == ["Dam talks resume in Orlen", "Talks resumed.", "Ok then", "The end came."]
    assert {x.reason for x in cleaned.excluded} == {"short line at top", "short line at bottom"}


def test_repeated_headline_with_title_and_quote_variants():
    text = "Ramos\u2019s plan fails\nRamos's plan fails\nRamos said the plan failed.\n"
    cleaned = clean(text, title="Ramos's plan fails")
    assert [x.reason for x in cleaned.excluded] == ["repeated headline"]
    assert normalize_line(" \u201cRamos\u2019s  PLAN\u201d fails. ") == "ramos's plan\" fails"


def test_byte_order_mark_is_excluded_without_shifting_offsets():
    text = "\ufeffDam talks resume\nThe minister said talks would resume.\n"
    cleaned = clean(text)
    assert cleaned.excluded[0].reason == "byte-order mark"
    assert cleaned.body.startswith("Dam talks")
    assert cleaned.to_original(0) == 1


def test_clean_is_pure():
    text = "Connect with us\nA headline\nA sentence.\n"
    assert clean(text) == clean(text)


@pytest.mark.parametrize("line", [
    "", " ", "\t- Share this \u2014 story \u00a0 now -", "\u201cQuoted\u201d \u2018words\u2019 \u2013 here",
    "  \u2003 Mixed\u2028white\x0bspace\x1c  ", "\u0130stanbul ALL CAPS", "...", "- | \u2022 *",
])
def test_normalize_line_is_translate_lower_and_folded_spaces(line):
    table = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                           "\u00a0": " ", "\u2013": "-", "\u2014": "-"})
    expected = re.sub(r"\s+", " ", line.translate(table).lower()).strip("\"'.,;!?-|•·*>#()[] \t")
    assert normalize_line(line) == expected


@pytest.mark.parametrize("words", [0, 1, 11, 12, 13, 14, 40])
def test_chrome_lines_are_told_by_their_word_count(words):
    for key in (" ".join(["ab"] * words), "-".join(["x_1"] * words) + "!", "\u00e9t\u00e9 " * words):
        assert (_MANY_WORDS.match(key) is not None) == (len(re.findall(r"\w+", key)) > 12)
