"""Noun phrases over a sentence's words: where a subject phrase starts and what kind it is.

Every function takes the words of one sentence (:class:`~toolkit.attribution.words.Word` lists)
and indices into them; none looks at the text outside those words.
"""

from __future__ import annotations

from toolkit.attribution.speakers import speaker_terms
from toolkit.attribution.verb_lexicon import VerbLexicon, cue_noun_forms
from toolkit.attribution.word_classes import (
    CLAUSE_BOUNDARY_PUNCTUATION,
    CLAUSE_BOUNDARY_WORDS,
    IRREGULAR_PARTICIPLES,
    LARGE_COUNTS,
    MONTHS,
    NOUN_DETERMINERS,
    NUMBER_WORDS,
    PREPOSITIONS,
    QUESTION_AUXILIARIES,
    SKIPPED_BEFORE_CUE,
    SUBJECT_DETERMINERS,
    TIME_LEADS,
    TIME_WORDS,
)
from toolkit.attribution.words import Word, is_ly_adverb, is_name_like

__all__ = ["MAX_SUBJECT_WORDS", "is_participle", "is_role_phrase", "is_source_noun",
           "of_name_start", "phrase_start", "skip_left", "subject_start", "time_end"]

# a subject phrase longer than this is cut back to its trailing name
MAX_SUBJECT_WORDS = 12
# marks inside a name run ("J. K. Lindqvist", "O’Brien")
_NAME_MARKS = frozenset(".’'")


def is_participle(word: str) -> bool:
    """A lower-case past participle opening a post-modifier (``commissioned``, ``seen``)."""
    return word.isalpha() and word.islower() and (
        word.endswith("ed") and len(word) > 4 or word in IRREGULAR_PARTICIPLES)


def is_source_noun(word: str) -> bool:
    """A common noun that can speak: a document (report, survey) or an institution (ministry)."""
    terms = speaker_terms()
    return word.islower() and (word in terms.orgs or word in terms.bodies
                               or word.endswith("s") and word[:-1] in terms.orgs)


def time_end(words: list[Word], k: int) -> int:
    """Index of the first word at or after ``k`` past time expressions (``on Sunday``,
    ``Tuesday night``); ``k`` when none starts there."""
    while k < len(words) and (words[k].text.lower() in TIME_WORDS or (
            words[k].text.lower() in TIME_LEADS and k + 1 < len(words)
            and words[k + 1].text.lower() in TIME_WORDS)):
        k += 1
    return k


# floating quantifiers after a subject (``Lind and Ruiz both said``), stepped over like adverbs
_QUANTIFIERS = frozenset({"both", "each"})


def skip_left(words: list[Word], i: int) -> int:
    """Index of the first word at or left of ``i`` that is no auxiliary, adverb or time
    expression (``has also repeatedly``, ``on Monday``); -1 when there is none."""
    while i >= 0:
        low = words[i].text.lower()
        if low in _QUANTIFIERS and (i == 0 or not words[i - 1].text.isalnum()
                                    or words[i - 1].text.lower() in CLAUSE_BOUNDARY_WORDS):
            break  # ``Both think``, ``and both advocate``: the subject itself
        if low in SKIPPED_BEFORE_CUE or is_ly_adverb(low) and len(low) > 4 \
                and not is_name_like(words[i].text):
            i -= 1
        elif low in TIME_WORDS and i > 0:
            i -= 2 if words[i - 1].text.lower() in TIME_LEADS else 1
        else:
            break
    return i


def phrase_start(words: list[Word], i: int, *, lexicon: VerbLexicon | None = None,
                 stop_words: frozenset[str] = CLAUSE_BOUNDARY_WORDS) -> int:
    """Index of the first word of the phrase ending at ``i``.

    The phrase stops after clause punctuation, a word of ``stop_words`` and (with ``lexicon``) a
    lower-case cue form; a parenthesis is stepped over whole, and an "and" only inside an
    organization name (``Ministry of Water and Energy``).
    """
    j = i
    depth = 0
    while j >= 0:
        w = words[j].text
        if w == ")":
            depth += 1
        elif w == "(" and depth:
            depth -= 1
        elif depth == 0 and w == "and" and j < i and is_name_like(words[j + 1].text):
            of = of_name_start(words, j)
            if of is None:
                break
            j = of
            continue
        elif depth == 0 and w == "and" and j < i and words[j + 1].text.lower() in _PLACE_PREPOSITIONS \
                and any(x.text.lower() in _PLACE_PREPOSITIONS for x in words[max(0, j - 4):j]):
            j -= 1  # ``observers in Virginia and around the country``: one place adjunct
            continue
        elif depth == 0 and (w in CLAUSE_BOUNDARY_PUNCTUATION or w == "-" or w.lower() in stop_words
                             or (lexicon is not None and j < i and w.islower()
                                 and lexicon.lookup(w) and not _modifies_head(words, j, i)
                                 and not (j > 0 and words[j - 1].text.lower() in _NOUN_DETERMINERS))):
            break  # a cue form after "the" is a noun of the phrase (``familiar with the planning``)
        j -= 1
    return j + 1


_NOUN_DETERMINERS = NOUN_DETERMINERS | frozenset({"this", "that"})
_PLACE_PREPOSITIONS = frozenset({"in", "around", "across", "outside", "inside", "throughout",
                                 "from", "at"})


def _modifies_head(words: list[Word], j: int, i: int) -> bool:
    """Is the cue form at ``j`` a noun modifying the last word of the phrase (``protest
    leaders``, ``poll workers``): a base form right before it, itself no verb form in -s/-ed?"""
    w = words[j].text
    return j == i - 1 and w in cue_noun_forms() and not w.endswith(("s", "ed", "ing")) \
        and words[i].text.islower() and words[i].text.endswith("s")


def of_name_start(words: list[Word], conj: int) -> int | None:
    """``Ministry of Water and Energy``: index of the org noun before "of" when the "and" at
    ``conj`` joins two capitalized words of one organization name, else None."""
    k = conj - 1
    while k >= 0 and words[k].text[:1].isupper():
        k -= 1
    if k < 1 or k == conj - 1 or words[k].text != "of":
        return None
    noun = words[k - 1].text
    terms = speaker_terms()
    if noun[:1].isupper() and (noun.lower() in terms.orgs or noun.lower() in terms.bodies):
        return k - 1
    return None


def subject_start(words: list[Word], a: int, b: int) -> int | None:
    """First word of a plausible subject inside ``words[a:b+1]``, or None.

    A phrase that is too long or opens with a preposition keeps only its trailing name run
    (None when it ends in no name).
    """
    if a > b:
        return None
    a = _after_time_or_question_lead(words, a, b)
    if _approximate_count(words, a, b):
        return a  # ``About four in 10 voters``, ``Over 200 residents``
    if b - a + 1 > MAX_SUBJECT_WORDS or words[a].text.lower() in PREPOSITIONS:
        if words[b].text.lower() in _SUBJECT_PRONOUNS and b > a \
                and is_name_like(words[b - 1].text):
            # ``In an interview with RT he blasted``; after a common noun the pronoun opens a
            # relative clause (``the increase he seeks``)
            return b
        k = b
        if words[k].text == ")":
            # ``… Sen. Elizabeth Warren (D-Mass.) said``: the party and state after the name
            opening = next((n for n in range(k - 1, max(a - 1, k - 8), -1) if words[n].text == "("), None)
            if opening is not None:
                k = b = opening - 1
        while k >= a and (is_name_like(words[k].text) or words[k].text in _NAME_MARKS):
            k -= 1
        if k == b:
            return None
        return k + 1
    return a


# personal pronouns that end an opening adjunct as the clause's subject
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you"})
# words that make a count approximate at the start of a subject ("About four in 10 voters")
_APPROXIMATORS = frozenset({"about", "around", "over", "under", "nearly", "almost", "roughly",
                            "some", "just", "only", "barely"})
_COUNT_WORDS = NUMBER_WORDS | LARGE_COUNTS | frozenset({"a", "half"})


def _approximate_count(words: list[Word], a: int, b: int) -> bool:
    """Does the phrase ``words[a:b+1]`` open with an approximator and a count (``About four in
    10 voters``, ``Nearly 60 percent of respondents``), within the subject length?"""
    if b - a < 2 or b - a + 1 > MAX_SUBJECT_WORDS or words[a].text.lower() not in _APPROXIMATORS:
        return False
    count = words[a + 1].text.lower()
    return (count[:1].isdigit() or count in _COUNT_WORDS) and words[b].text.isalpha() \
        and words[b].text.islower()


# words after a number that make it a count opening the subject, not a year or a date
_AFTER_COUNT = frozenset({"percent", "per", "%", "in", "out", "of"})


def _after_time_or_question_lead(words: list[Word], a: int, b: int) -> int:
    """``a`` moved past a time adverbial without a comma (``On Wednesday Suncor``, ``Last week
    the ministry``) or the auxiliary of a question (``Does Rubio``), which open the sentence
    but are no part of its subject."""
    k = a
    if words[k].text.lower() in TIME_LEADS | {"in", "at", "by"} and k < b:
        k += 1
    j = k
    while j < b and (words[j].text.lower() in TIME_WORDS or words[j].text.lower() in MONTHS
                     or words[j].text[:1].isdigit()
                     and words[j + 1].text.lower() not in _AFTER_COUNT):
        j += 1  # ``In 2015 the ministry``, but not ``72 percent of voters``
    if j > k:
        return j
    if words[a].text.lower() in QUESTION_AUXILIARIES and a < b and words[a].text[:1].isupper() \
            and is_name_like(words[a + 1].text) or words[a].text.lower() in QUESTION_AUXILIARIES \
            and a < b and words[a + 1].text.lower() in SUBJECT_DETERMINERS:
        return a + 1
    return a


def is_role_phrase(words: list[Word], a: int, b: int) -> bool:
    """Is ``words[a:b+1]`` a description (``the council's chair``, ``a spokesman``) rather than a
    name (``J. K. Lindqvist``)?"""
    first = words[a].text if a <= b else ""
    return a <= b and (first.lower() in SUBJECT_DETERMINERS or not is_name_like(first)
                       or "’s" in first or "'s" in first
                       or b > a and words[b].text.isalpha() and words[b].text.islower())
