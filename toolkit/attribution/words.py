"""Words of the attribution rules: tokens with their offsets into the original text.

A :class:`Word` is a token (a word, a title or an initial with its period such as ``Mr.`` or
``J.``, the two-apostrophe quotation mark ``''`` or one punctuation character) with its ``start``
and ``end`` offsets.
:func:`words_in` finds the words of a range of a text; the rules then read ``word.text`` and point
back into the text with ``word.start`` and ``word.end``.
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["WORD_PATTERN", "Word", "contracted_subject", "is_ly_adverb", "is_name_like",
           "words_in"]

# Titles and initials keep their period ("U.S." is "U." and "S."), inner hyphens and apostrophes
# join a word; every other non-space character is a word of its own. (The lookahead lets a word
# that does not start with a capital skip the title branch at once.)
WORD_PATTERN = re.compile(
    r"\b(?=[A-Z])(?:Mrs?|Ms|Dr|Sens?|Reps?|Gov|Gen|Lt|Col|Sgt|St|Jr|Sr|Prof|Rev|Hon|Adm|Capt"
    r"|[A-Z])\.|\w+(?:[’'-]\w+)*|''|[^\w\s]")


class Word(NamedTuple):
    """One token of a text: ``text == source[start:end]``."""

    start: int
    end: int
    text: str


_new_word = tuple.__new__  # builds a Word without the keyword handling of Word(...)


def words_in(text: str, start: int, end: int) -> list[Word]:
    """The words of ``text[start:end]``, in order (a word never runs past ``end``)."""
    return [_new_word(Word, (*m.span(), m[0])) for m in WORD_PATTERN.finditer(text, start, end)]


def is_name_like(word: str) -> bool:
    """Does ``word`` start with a capital letter or a digit (a name, a number, a title word)?"""
    return word[:1].isupper() or word[:1].isdigit()


# a pronoun and a contracted auxiliary in one token: ``she’s``, ``they’ve``, ``I’d``, ``we’ll``
_CONTRACTED = re.compile(r"(i|you|he|she|it|we|they|who|that|there)[’'](?:s|ve|d|ll|re|m)",
                         re.IGNORECASE)


def contracted_subject(word: Word) -> Word | None:
    """The pronoun of a pronoun with a contracted auxiliary (``She’s`` in ``She’s said``) as a
    word of its own; None for any other word."""
    m = _CONTRACTED.fullmatch(word.text)
    if m is None:
        return None
    return _new_word(Word, (word.start, word.start + m.end(1), m[1]))


# nouns and names that end like an adverb in "-ly"
_LY_NOUNS = frozenset({"family", "assembly", "rally", "ally", "supply", "reply", "italy", "july",
                       "anomaly", "monopoly", "bully", "folly", "tally", "lily", "emily", "kelly",
                       "molly", "holly", "sally", "beverly", "kimberly", "shelly", "polly"})


def is_ly_adverb(word: str) -> bool:
    """Does ``word`` look like an adverb in "-ly" (``repeatedly``), not a noun such as
    ``family`` or ``rally``?"""
    low = word.lower()
    return len(low) > 3 and low.endswith("ly") and low not in _LY_NOUNS
