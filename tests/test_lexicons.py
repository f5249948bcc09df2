"""Users' own word lists: a file that is not UTF-8 or has an empty entry is a LexiconError
naming the file and line, never a traceback."""

from __future__ import annotations

import pytest

from toolkit import lexicons
from toolkit.analysis.framing.lexicon import load_lexicon
from toolkit.analysis.keyness import load_stopwords
from toolkit.analysis.verbs import load_categories
from toolkit.attribution.verb_lexicon import load_verb_lexicon
from toolkit.corpus.clean import load_boilerplate
from toolkit.corpus.segment import load_abbreviations
from toolkit.errors import LexiconError

CATEGORY_HEADER = "category\tlabel\tsignal\tdescription\n"


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("name, data, loader", [
    ("frames.yaml", "frames:\n  conflict:\n    - war\n    - caf\u00e9\n".encode("cp1252"),
     load_lexicon),
    ("frames.csv", "term,frame\nwar,conflict\ncaf\u00e9,conflict\n".encode("cp1252"),
     load_lexicon),
    ("stop.txt", "the\nof\ncaf\u00e9\n".encode("cp1252"), load_stopwords),
    ("cats.tsv", (CATEGORY_HEADER + "neutral\tN\tnone\tplain\ncaf\u00e9\tC\tx\ty\n")
     .encode("cp1252"), load_categories),
    ("verbs.tsv", "say\tneutral\tspeech\ncaf\u00e9\tneutral\tspeech\n".encode("cp1252"),
     load_verb_lexicon),
    ("abbr.txt", "gen\nmr\ncaf\u00e9\n".encode("cp1252"), load_abbreviations),
    ("boiler.txt", "share this\ncaf\u00e9\n".encode("cp1252"), load_boilerplate),
])
def test_a_word_list_that_is_not_utf8_names_file_and_line(tmp_path, name, data, loader):
    path = write(tmp_path, name, data)
    line = data.count(b"\n", 0, data.index(b"\xe9")) + 1
    with pytest.raises(LexiconError, match=rf"{name}:{line}: .* is not UTF-8 text \(byte 0xe9\)"):
        loader(str(path))


@pytest.mark.parametrize("name, data, loader, line, message", [
    ("verbs.tsv", b"say\tneutral\tspeech\n\tneutral\tspeech\n", load_verb_lexicon, 2,
     "empty lemma"),
    ("verbs2.tsv", b"# comment\n \tneutral\tspeech\n", load_verb_lexicon, 2, "empty lemma"),
    ("cats.tsv", (CATEGORY_HEADER + " \tN\tnone\tplain\n").encode(), load_categories, 2,
     "empty category name"),
    ("frames.csv", b"term,frame\n,conflict\n", load_lexicon, 2, "empty term"),
    ("frames.yaml", b'frames:\n  conflict:\n    - ""\n', load_lexicon, 3, "empty term"),
])
def test_an_empty_entry_names_file_and_line(tmp_path, name, data, loader, line, message):
    path = write(tmp_path, name, data)
    with pytest.raises(LexiconError, match=rf"{name}:{line}: {message}"):
        loader(str(path))


def test_read_file_drops_a_byte_order_mark(tmp_path):
    path = write(tmp_path, "words.txt", "\ufeffthe\nof\n".encode())
    assert lexicons.read_file(path) == "the\nof\n"
    assert "the" in load_stopwords(str(path))


@pytest.mark.parametrize("data, message", [
    (b"# site chrome\nshare this\nread more (here\n", r"boiler.txt:3: bad pattern: "),
    (b"share this\n(?i)read more\n", r"boiler.txt: the patterns cannot be combined into one: "),
])
def test_a_boilerplate_pattern_that_does_not_compile_is_named(tmp_path, data, message):
    path = write(tmp_path, "boiler.txt", data)
    with pytest.raises(LexiconError, match=message):
        load_boilerplate(str(path))
    assert load_boilerplate(str(write(tmp_path, "ok.txt", b"share this\n(?i:read more)\n"))) \
        .fullmatch("READ MORE")
