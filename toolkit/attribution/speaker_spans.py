"""Speaker spans: where the speaker of a cue is mentioned, before or after it.

The functions fill in a draft's speaker mention (``speaker_start``/``speaker_end``), its head (the
part that names the speaker) and context (an apposition); some set an antecedent draft whose
speaker the mention shares (``X, who said``, ``…, adding that``). ``earlier`` is the list of
attributions accepted so far in the document, in text order.
"""

from __future__ import annotations

from enum import Enum

from toolkit.attribution.drafts import Draft
from toolkit.attribution.phrases import (
    MAX_SUBJECT_WORDS,
    is_participle,
    is_role_phrase,
    is_source_noun,
    phrase_start,
    skip_left,
    subject_start,
    time_end,
)
from toolkit.attribution.speakers import speaker_terms
from toolkit.attribution.speakers.mentions import is_common_plural
from toolkit.attribution.text import TextView
from toolkit.attribution.verb_lexicon import VerbLexicon
from toolkit.attribution.word_classes import (
    AGENT_PREPOSITION_STOPS,
    APPOSITION_STOPS,
    ARTICLES,
    BE_FORMS,
    CLAUSE_AUXILIARIES,
    CLAUSE_BOUNDARY_PUNCTUATION,
    CLAUSE_BOUNDARY_WORDS,
    CLAUSE_JOINERS,
    DISCOURSE_MARKERS,
    INTERVIEW_PARTICIPLES,
    IRREGULAR_PARTICIPLES,
    IRREGULAR_PAST,
    LARGE_COUNTS,
    PARTICIPLE_LEADS,
    PHRASE_END_MARKS,
    POSSESSIVE_ENDINGS,
    PREPOSITIONS,
    QUOTE_CLOSERS,
    QUOTE_OPENERS,
    SKIPPED_BEFORE_CUE,
    SUBJECT_DETERMINERS,
    SUBJECT_RELATIVES,
    THIRD_PERSON_SUBJECTS,
    TIME_LEADS,
    TIME_WORDS,
)
from toolkit.attribution.words import Word, contracted_subject, is_ly_adverb, is_name_like

__all__ = ["SpeakerSearch", "apposition", "is_passive_cue", "is_surname_auxiliary", "left_speaker",
           "main_subject", "participle_subject", "passive_agent", "quoted_name_subject",
           "relative_clause_start", "relative_subject", "right_speaker"]


# most words of a name in quotation marks (``“Meet the Press”``); the small words it may hold
_QUOTED_NAME_WORDS = 6
_QUOTED_NAME_SMALL_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "with", "a", "an",
                                      "to", "at"})
# what may stand between a cue and an inverted speaker after it (``said on Monday Ana Ruiz``)
_INVERTED_LEADS = ARTICLES | frozenset({"his", "her", "their", "its", "our", "one", "another"})


def quoted_name_subject(view: TextView, draft: Draft, words: list[Word]) -> bool:
    """``as “The Wall Street Journal” wrote``, ``“Meet the Press” reported that …``: when the
    words before a cue end with a name in quotation marks (up to six words in capitals, small
    words between them, no punctuation of its own) and no speaker follows the cue, the name
    inside its marks is the speaker (adverbs after it join the cue: ``first reported``).

    A quotation that says something ends in punctuation (``“We will win,” she said``) or holds
    lower-case words; one followed by a speaker (``“Lock Her Up” chanted the crowd``) is what
    that speaker said.
    """
    last = len(words) - 1
    while last >= 0 and words[last].text.lower() in SKIPPED_BEFORE_CUE:
        last -= 1  # ``as “The Harbour Times” first reported``
    if last < 2 or words[last].text not in QUOTE_CLOSERS:
        return False
    k = view.quotes.index_at(words[last].start)
    if k is None or view.quotes.spans[k][1] != words[last].end:
        return False
    opening = view.quotes.spans[k][0]
    first = next((i for i in range(last - 1, -1, -1) if words[i].start == opening), None)
    if first is None:
        return False
    name = words[first + 1:last]
    if not 0 < len(name) <= _QUOTED_NAME_WORDS or not name[0].text[:1].isupper() \
            or not name[-1].text[:1].isupper():
        return False
    if any(not (w.text[:1].isupper() or w.text[:1].isdigit() or w.text in _QUOTED_NAME_SMALL_WORDS)
           or not w.text[:1].isalnum() for w in name):
        return False
    after = view.words(draft.cue_end, min(len(view.text), draft.cue_end + 40))
    n = time_end(after, 0)  # ``reported on Monday``
    if n < len(after) and (after[n].text[:1].isupper() or after[n].text.lower() in _INVERTED_LEADS):
        return False
    draft.set_speaker(view.text, name[0].start, name[-1].end)
    if last + 1 < len(words):
        draft.cue_start = words[last + 1].start
    return True


class SpeakerSearch(Enum):
    """Result of looking for the speaker on one side of a cue."""

    FOUND = "found"
    NOT_FOUND = "not found"  # there may still be one on the other side
    SUBJECT_CANNOT_SPEAK = "subject cannot speak"  # the cue is no attribution


def _search(found: bool) -> SpeakerSearch:
    return SpeakerSearch.FOUND if found else SpeakerSearch.NOT_FOUND


def left_speaker(view: TextView, draft: Draft, words: list[Word], *, lexicon: VerbLexicon,
                 earlier: list[Draft]) -> SpeakerSearch:
    """The subject before the cue; ``words`` are the sentence's words before it.

    Auxiliaries and adverbs before the cue join the cue (``has repeatedly said``). After a comma
    the subject is an apposition (``X, the mayor, said``); after "and"/"but" it is the main
    clause's subject.
    """
    i = skip_left(words, len(words) - 1)
    pronoun = contracted_subject(words[i]) if i >= 0 else None
    if pronoun is not None:
        words = [*words[:i], pronoun]  # ``She’s said``, ``they’ve long argued``: the pronoun
    if is_surname_auxiliary(words, i + 1, view.text[draft.cue_start:draft.cue_end]):
        i += 1  # ``Theresa May has said``: "May" ends the name, it is no auxiliary
    j = time_end(words, i + 1)  # ``The council on Sunday said``: the time is no part of the cue
    if j < len(words):
        draft.cue_start = words[j].start
    if i < 0:
        return SpeakerSearch.NOT_FOUND
    if i >= 3 and words[i].text.lower() in ("whom", "which") and words[i - 1].text.lower() == "of" \
            and words[i - 2].text.lower() in _PART_WORDS and words[i - 3].text == ",":
        # ``the families, many of whom say``: the part of the noun before the comma
        relative_subject(view, draft, words, i - 2, earlier=earlier)
        draft.speaker_end = words[i].end
        return SpeakerSearch.FOUND
    aside = _aside_start(words, i)
    if aside is not None:
        # ``Ana Ruiz — the port's chief engineer since 2019 — said``, ``Ruiz (who runs the
        # port) says``: the subject stands before the aside
        return left_speaker(view, draft, words[:aside], lexicon=lexicon, earlier=earlier)
    w = words[i].text
    if w == "," and _inverted_name_follows(view, draft):
        return SpeakerSearch.NOT_FOUND  # ``…, candidates have more room, said Steve Grubbs``
    if w == ",":
        subject = _before_relative_clause(words, i, lexicon)
        if subject is not None:
            # ``A diplomat, who asked not to be named because …, said``
            draft.set_speaker(view.text, words[subject[0]].start, words[subject[1]].end)
            return SpeakerSearch.FOUND
        if apposition(view, draft, words, i):
            return SpeakerSearch.FOUND
        if _continues_verb_series(view, draft, earlier):
            # ``The mayor joked about the weather, declined to discuss the budget``
            return _search(main_subject(view, draft, earlier=earlier))
        return SpeakerSearch.NOT_FOUND
    if w.lower() in CLAUSE_JOINERS:
        who = _relative_before(words, i)
        if who is not None:
            # ``Donald Trump, who avoided conflict with Putin and often praised him``
            relative_subject(view, draft, words, who, earlier=earlier)
            return SpeakerSearch.FOUND
        return _search(main_subject(view, draft, earlier=earlier))
    if w.lower() == "which" and i >= 2 and (words[i - 1].text in (",", "—", "–", "-") or is_name_like(
            words[i - 1].text) and words[i - 1].text.isalpha()):
        # ``the agency, which said``, ``the Marden Police Department which reported``
        relative_subject(view, draft, words, i, earlier=earlier)
        return SpeakerSearch.FOUND
    if w in QUOTE_CLOSERS and i > 0 and words[i - 1].text == "," \
            and _continues_verb_series(view, draft, earlier):
        # ``Mr. Manafort, citing ''the magic of Trump,'' said``: the subject of the clause
        return _search(main_subject(view, draft, earlier=earlier))
    if w != ")" and (w in CLAUSE_BOUNDARY_PUNCTUATION or w.lower() in CLAUSE_BOUNDARY_WORDS):
        return SpeakerSearch.NOT_FOUND
    text = view.text
    last = words[i].text
    if last.islower() and (last in IRREGULAR_PAST or last.endswith("ed")) and lexicon.lookup(last):
        return SpeakerSearch.NOT_FOUND  # ``Trump said praise from Putin would not``: a verb ends no subject
    who = relative_clause_start(words, i)
    if who is not None:
        # ``A senior official who spoke on condition of anonymity said``: the subject is before "who"
        a = subject_start(words, phrase_start(words, who - 1, lexicon=lexicon), who - 1)
        if a is not None:
            draft.set_speaker(text, words[a].start, words[i].end)
            return SpeakerSearch.FOUND
    first = phrase_start(words, i, lexicon=lexicon)
    k = first - 1 if first >= 1 and words[first - 1].text in _BEFORE_INTERVIEWER else first
    if k >= 2 and words[k - 1].text in INTERVIEW_PARTICIPLES:
        # ``The man questioned by police said``: the people asked are the speakers, not the
        # questioner or the place
        start = subject_start(words, phrase_start(words, k - 2), k - 2)
        if start is not None:
            draft.set_speaker(text, words[start].start, words[i].end)
            draft.head = text[words[start].start:words[k - 2].end]
            return SpeakerSearch.FOUND
    a = subject_start(words, first, i)
    if a is None:
        return SpeakerSearch.NOT_FOUND
    while a < i and _verb_before_object(words, a, lexicon):
        a += 1  # ``the memo that shows the council knew``: the verb's object is the subject
    if words[a].text.lower() in SUBJECT_RELATIVES and a == i:
        relative_subject(view, draft, words, a, earlier=earlier)
        return SpeakerSearch.FOUND
    if is_participle(words[a].text) and a > 0 and not (
            (not words[a - 1].text.isalpha() or words[a - 1].text.lower() in CLAUSE_BOUNDARY_WORDS)
            and (words[a].text in _ADJECTIVE_PARTICIPLES
                 or a + 1 <= i and is_name_like(words[a + 1].text))):
        # (after punctuation or a clause word, a participle used as an adjective opens the
        # subject: ``…,” retired general Lloyd Newton said``, ``…, elected officials say``)
        return participle_subject(view, draft, words, a, i)
    if i > a and is_participle(words[i].text) and is_source_noun(words[i - 1].text):
        return participle_subject(view, draft, words, i, i)  # ``A study published last week found``
    asked = next((p for p in range(a + 1, i + 1) if words[p].text in INTERVIEW_PARTICIPLES), None)
    if asked is not None:
        # ``Commuters interviewed at Central Station said``, ``Voters polled by Quinnipiac
        # said``: the people asked are the speakers, not the place or the pollster
        draft.set_speaker(text, words[a].start, words[i].end)
        draft.head = text[words[a].start:words[asked - 1].end]
        if a == 0 and asked == 1 and is_common_plural(draft.head):
            draft.head = draft.head.lower()  # ``Commuters`` opening the sentence
        return SpeakerSearch.FOUND
    if words[i].text.lower() == "alike" and a >= 2 and words[a - 1].text.lower() == "and":
        # ``Lawmakers from the coalition and the opposition alike have called``: both conjuncts
        first = subject_start(words, phrase_start(words, a - 2, lexicon=lexicon), a - 2)
        if first is not None:
            draft.set_speaker(text, words[first].start, words[i].end)
            draft.head = text[words[first].start:words[i - 1].end]
            return SpeakerSearch.FOUND
    draft.set_speaker(text, words[a].start, words[i].end)
    return SpeakerSearch.FOUND


# words for a part of a group before "of whom" (``many of whom``, ``two of which``)
_PART_WORDS = frozenset({"many", "most", "some", "all", "none", "several", "both", "each", "half",
                         "one", "two", "three", "four", "five", "few", "majority", "dozens",
                         "hundreds", "thousands", "either", "neither", "any"})
_DASHES = frozenset({"—", "–", "―"})
_ASIDE_WORDS = 25  # most words of an aside between dashes or in parentheses before a cue


def _aside_start(words: list[Word], i: int) -> int | None:
    """Where an aside that ``words[i]`` closes opens: a pair of dashes (``—``, ``--``) or
    parentheses holding a lower-case word (not a party tag such as ``(D-Calif.)``), with words
    before it; else None."""
    w = words[i].text
    if w in _DASHES or w == "-" and i > 0 and words[i - 1].text == "-":
        close = i - 1 if w == "-" else i
        for k in range(close - 1, max(0, close - _ASIDE_WORDS) - 1, -1):
            if words[k].text == w and (w != "-" or k > 0 and words[k - 1].text == "-"):
                opening = k - 1 if w == "-" else k
                return opening if opening > 0 and close - k > 1 else None
        return None
    if w == ")":
        for k in range(i - 1, max(0, i - _ASIDE_WORDS) - 1, -1):
            if words[k].text == "(":
                inside = words[k + 1:i]
                if k > 0 and any(x.text.isalpha() and x.text.islower() and len(x.text) > 1
                                 for x in inside):
                    return k
                return None
    return None


def _verb_before_object(words: list[Word], k: int, lexicon: VerbLexicon) -> bool:
    """Is ``words[k]`` a lower-case reporting verb in -s or -ed followed by a determiner or a
    name (``shows the council``, ``says Ruiz``)? A finite verb opens no subject."""
    word = words[k].text
    if not (word.isalpha() and word.islower() and word.endswith(("s", "ed"))) \
            or lexicon.lookup(word) is None or k + 1 >= len(words):
        return False
    after = words[k + 1].text
    return after.lower() in ARTICLES or after.lower() in SUBJECT_DETERMINERS \
        or is_name_like(after)


# words after a cue that show it has an object or a complement, so that it is no inverted
# "said the mayor" but one verb of a series sharing the sentence's subject
_COMPLEMENT_STARTS = frozenset({"to", "that", "about", "on", "for", "with", "against", "whether",
                                "if", "why", "how", "what", "it", "them", "him", "her", "reporters"})


def _continues_verb_series(view: TextView, draft: Draft, earlier: list[Draft]) -> bool:
    """Is the cue, right after a comma, one more verb of a series whose first verb is an
    attribution of this sentence with its speaker before it (``X joked about …, declined to
    discuss …``), with a complement after it rather than an inverted subject (``…, said the
    mayor``)?"""
    if " " in view.text[draft.cue_start:draft.cue_end].strip():
        return True  # ``…, declined to discuss``: a verb group is never inverted
    after = view.words(draft.cue_end, min(len(view.text), draft.cue_end + 60))
    if any(d.sentence == draft.sentence and d.speaker_start is not None
           and d.speaker_end <= d.cue_start and d.kind not in ("cognitive", "evidential")
           for d in earlier) and not _ends_in_name(after):
        return True  # ``Okafor denied the report, accused the newspaper of bias``
    if after and (after[0].text.lower() in _COMPLEMENT_STARTS or after[0].text in QUOTE_OPENERS):
        return True
    # ``The minister toured the port, said the repairs were``
    return _clause_follows(after, trailing=True)


def _ends_in_name(after: list[Word]) -> bool:
    """Do the words after a cue hold only a name before the clause ends (``…, says Haddad.``,
    ``…, said Ruiz, the mayor``): the inverted subject of a trailing cue?"""
    n = 0
    while n < len(after) and (is_name_like(after[n].text) or after[n].text in _NAME_MARKS_INSIDE):
        n += 1
    return n > 0 and (n == len(after) or after[n].text in (",", ";", "!", "?", "."))


_NAME_MARKS_INSIDE = frozenset({"-"})


def _after_content(text: str, position: int) -> bool:
    """Does a comma or a closing quotation mark come right before ``position`` (white space
    between), as before a cue that trails its content? Only those characters are read."""
    k = position
    while k > 0 and text[k - 1].isspace():
        k -= 1
    return text[max(0, k - 2):k].endswith((",", *QUOTE_CLOSERS))


def _clause_follows(after: list[Word], *, trailing: bool = False) -> bool:
    """Do the words after a cue open a clause: a short noun phrase, then a finite auxiliary
    (``said the repairs were on schedule``) or a verb in the past that no preposition follows
    (``said the gap on water rights remained wide``; ``said a man accused of arson`` is a noun
    phrase, and so is ``said a student who asked not to be named`` when the cue ``trailing``
    its content has no content after it)?"""
    for n, word in enumerate(after[:7]):
        low = word.text.lower()
        if trailing and n > 1 and low in SUBJECT_RELATIVES:
            return False  # ``…, said a student who asked not to be named``: the noun's clause
        if n > 0 and low in CLAUSE_AUXILIARIES and not word.text[:1].isupper():
            return True  # (``said Theresa May``: a capitalized "May" ends a name)
        if n > 1 and after[0].text.lower() in ARTICLES and word.text.islower() \
                and (low in IRREGULAR_PAST or low.endswith("ed")) and n + 1 < len(after) \
                and after[n + 1].text.lower() not in PREPOSITIONS \
                and after[n + 1].text.isalpha() and not after[n + 1].text[:1].isupper():
            return True
        if not word.text.replace("-", "").replace("’", "").replace("'", "").isalnum():
            return False
    return False


def _relative_before(words: list[Word], joiner: int) -> int | None:
    """Index of who or which after a comma that opens the clause "and" at ``joiner`` continues
    (``X, who avoided … and often praised``); None when a clause boundary comes first."""
    for k in range(joiner - 1, max(-1, joiner - 15), -1):
        w = words[k].text
        if w.lower() in SUBJECT_RELATIVES:
            return k if k >= 2 and words[k - 1].text == "," else None
        if w in CLAUSE_BOUNDARY_PUNCTUATION or w.lower() in CLAUSE_BOUNDARY_WORDS:
            return None
    return None


# longest relative clause (in words) and most commas inside it read between a subject and its cue
_RELATIVE_CLAUSE_WORDS = 40
_RELATIVE_CLAUSE_COMMAS = 3


def _before_relative_clause(words: list[Word], comma: int,
                            lexicon: VerbLexicon) -> tuple[int, int] | None:
    """``X, who …, said``: indices (first, last) of X when the words between the comma before
    ``comma`` and it are a relative clause opened by who or which; None otherwise."""
    # the clause may go on past commas of its own (``X, who worked for Sen. Brandt (R-Tenn.),
    # one of the bill's architects, said``): the comma before who or which is looked for
    # among the last few commas, within the words of a clause
    commas = [k for k in range(comma - 1, max(-1, comma - _RELATIVE_CLAUSE_WORDS), -1)
              if words[k].text == ","][:_RELATIVE_CLAUSE_COMMAS]
    j = next((k for k in commas if k + 1 < comma and words[k + 1].text.lower() in SUBJECT_RELATIVES),
             None)
    if j is None or j < 1:
        return None
    a = subject_start(words, phrase_start(words, j - 1, lexicon=lexicon), j - 1)
    if a is None or words[a].text.lower() in SUBJECT_RELATIVES or a > 0 and words[a - 1].text == ",":
        return None  # an apposition before the clause is read by :func:`apposition`
    return a, j - 1


def is_surname_auxiliary(words: list[Word], k: int, cue: str) -> bool:
    """Is ``words[k]``, an auxiliary or adverb by spelling (May, Will, Long, Still), the last
    word of a name? It is when capitalized inside the sentence right after a name-like word
    and followed by a lower-case word (the next word or the cue), as a name and not a
    title-case headline is written."""
    if k <= 0 or k >= len(words):
        return False
    word = words[k].text
    if not word[:1].isupper() or word.isupper() or not is_name_like(words[k - 1].text):
        return False
    nxt = words[k + 1].text if k + 1 < len(words) else cue
    return nxt[:1].islower()


# participles that are adjectives before a noun (``retired general``, ``elected officials``)
_ADJECTIVE_PARTICIPLES = frozenset({"retired", "elected", "unnamed", "unidentified", "registered",
                                    "concerned", "frustrated", "worried", "disappointed",
                                    "affected", "educated", "embattled", "respected", "renowned",
                                    "appointed", "experienced", "organized", "undecided",
                                    "committed", "licensed", "trained", "qualified", "skilled"})
# a preposition between a participle of asking and the pollster or place after it
_BEFORE_INTERVIEWER = frozenset({"by", "at", "in", "on", "outside", "across"})


def participle_subject(view: TextView, draft: Draft, words: list[Word], a: int,
                       i: int) -> SpeakerSearch:
    """``An engineering report commissioned by X found``: a participle phrase is no subject.

    When the noun before it (``words[a - 1]``) is a source that can speak (a report, a survey, an
    institution), that noun phrase is the speaker and the participle phrase up to ``words[i]``
    stays in the mention; otherwise (``the safety questions raised by the report have added``)
    the subject cannot speak.
    """
    if not is_source_noun(words[a - 1].text):
        return SpeakerSearch.SUBJECT_CANNOT_SPEAK
    start = subject_start(words, phrase_start(words, a - 1), a - 1)
    if start is None:
        return SpeakerSearch.SUBJECT_CANNOT_SPEAK
    draft.set_speaker(view.text, words[start].start, words[i].end)
    draft.head = view.text[words[start].start:words[a - 1].end]
    return SpeakerSearch.FOUND


def relative_clause_start(words: list[Word], i: int) -> int | None:
    """Index of "who" opening a short relative clause that ends at ``i`` (no comma around it)."""
    for k in range(i, max(-1, i - 10), -1):
        w = words[k].text
        if w in CLAUSE_BOUNDARY_PUNCTUATION or w.lower() in CLAUSE_BOUNDARY_WORDS:
            return None
        if w.lower() == "who":
            before = words[k - 1].text if k else ""
            if k < 1 or k == i or before in CLAUSE_BOUNDARY_PUNCTUATION \
                    or before.lower() in CLAUSE_BOUNDARY_WORDS:
                return None
            return k
    return None


def _subject_before_aside(text: str, draft: Draft, words: list[Word], end: int) -> bool:
    """Set the subject that ends at ``words[end]`` (before an aside, past adverbs and times)
    as ``draft``'s speaker; False when there is none."""
    i = skip_left(words, end)
    if i < 0 or words[i].text in CLAUSE_BOUNDARY_PUNCTUATION:
        return False
    a = subject_start(words, phrase_start(words, i), i)
    if a is None:
        return False
    draft.set_speaker(text, words[a].start, words[i].end)
    return True


def apposition(view: TextView, draft: Draft, words: list[Word], comma: int) -> bool:
    """``X, Y, said`` (``comma`` is the comma before the cue): the name among X and Y is the head,
    the other the context, and the mention spans both."""
    text = view.text
    end_y = comma - 1
    if end_y < 0:
        return False
    opening = next((k for k in range(comma - 1, max(-1, comma - _RELATIVE_CLAUSE_WORDS), -1)
                    if words[k].text == ","), None)
    if opening is not None and opening + 1 < comma and words[opening + 1].text.islower() \
            and words[opening + 1].text.endswith("ing") and opening >= 1 \
            and _subject_before_aside(text, draft, words, opening - 1):
        # ``One diplomat, speaking on condition of anonymity because he was not authorized to
        # discuss the talks, said``: a participle aside, whatever it holds, is no apposition
        return True
    a_y = phrase_start(words, end_y, stop_words=APPOSITION_STOPS)
    if a_y > end_y or a_y == 0 or words[a_y - 1].text != ",":
        return False
    if words[a_y].text.lower() in SUBJECT_RELATIVES and a_y >= 2 \
            and apposition(view, draft, words, a_y - 1):
        # ``X, the council's chair, who mediated the talks, said``: the relative clause closes
        # the mention; the name is chosen among the members before it
        draft.speaker_end = words[end_y].end
        return True
    y_text = " ".join(w.text for w in words[a_y:end_y + 1]).lower()
    end_x = a_y - 2
    if y_text in DISCOURSE_MARKERS or words[a_y].text.lower() in PREPOSITIONS \
            or words[a_y].text.islower() and words[a_y].text.endswith("ing"):
        # ``X, however, said`` / ``X, in a statement, said`` / ``X, citing the report, said``:
        # the aside is no apposition
        return _subject_before_aside(text, draft, words, end_x)
    if end_x < 0:
        return False
    a_x = subject_start(words, phrase_start(words, end_x), end_x)
    if a_x is None:
        return False
    if words[a_x].text.lower() in SUBJECT_RELATIVES:
        return False
    if a_x == end_x and words[a_x].text.isdigit() and a_x >= 2 and words[a_x - 1].text == ",":
        # ``Ruiz, 45, a mother of two, said``: the age stands between the name and the
        # apposition; the name is X
        a_name = subject_start(words, phrase_start(words, a_x - 2), a_x - 2)
        if a_name is not None and words[a_name].text.lower() not in SUBJECT_RELATIVES:
            a_x, end_x = a_name, a_x - 2
    start = words[a_x].start
    if a_y == end_y and words[a_y].text.isdigit() and a_x >= 2 and words[a_x - 1].text == ",":
        # ``Her lawyer, Dana Okafor, 52, said``: a role before the name and its age
        a_role = subject_start(words, phrase_start(words, a_x - 2), a_x - 2)
        if a_role is not None and is_role_phrase(words, a_role, a_x - 2) \
                and not is_role_phrase(words, a_x, end_x) \
                and (a_role == 0 or words[a_role - 1].text in CLAUSE_BOUNDARY_PUNCTUATION):
            start = words[a_role].start
    x_head = (words[a_x].start, words[end_x].end)
    y_head = (words[a_y].start, words[end_y].end)
    if is_role_phrase(words, a_y, end_y) or not is_role_phrase(words, a_x, end_x):
        head, context = x_head, y_head
    else:
        head, context = y_head, x_head
    draft.speaker_start, draft.speaker_end = start, y_head[1]
    draft.head = text[head[0]:head[1]]
    draft.context = text[context[0]:context[1]]
    return True


def relative_subject(view: TextView, draft: Draft, words: list[Word], who: int, *,
                     earlier: list[Draft]) -> None:
    """``X, who said``: the mention runs from X to "who" (just "who" when X is not found); the
    head is X, and an earlier attribution whose speaker mention overlaps X is the antecedent."""
    draft.set_speaker(view.text, words[who].start, words[who].end)
    comma = who >= 2 and words[who - 1].text in (",", "—", "–", "-")
    if comma or who >= 1 and is_name_like(words[who - 1].text) and words[who - 1].text.isalpha():
        end = who - 2 if comma else who - 1
        if comma and end >= 1 and words[who - 1].text == "-" and words[end].text == "-":
            end -= 1  # ``the study -- which notes``
        a = subject_start(words, phrase_start(words, end), end)
        if a is not None:
            for k in range(end, a, -1):  # ``the money went to the agency, which``: the agency
                if words[k].text.lower() in SUBJECT_DETERMINERS:
                    a = k
                    break
                if words[k].text.lower() in PREPOSITIONS or k < end and words[k].text.islower() \
                        and all(is_name_like(w.text) for w in words[k + 1:end + 1]):
                    a = k + 1  # ``Residents called Ana Ruiz, who``: the name after a verb
                    break
            draft.head = view.text[words[a].start:words[end].end]
            draft.speaker_start = words[a].start  # the mention runs from X to "which"
            for other in earlier:
                if other.speaker_start is not None and other.speaker_start < words[end].end \
                        and words[a].start < other.speaker_end:
                    draft.antecedent = other
                    draft.speaker_start = max(draft.speaker_start, other.speaker_start)


def right_speaker(view: TextView, draft: Draft, sentence_end: int, *,
                  lexicon: VerbLexicon) -> bool:
    """Inverted order: ``“…,” said Peskov, the Kremlin spokesman.``"""
    text = view.text
    words = view.words(draft.cue_end, sentence_end)
    if text[draft.cue_start:draft.cue_end].endswith("ing") \
            and _after_participle_clause(view, draft, words, lexicon):
        return True
    k = 0
    while k < len(words) and (words[k].text.lower() in TIME_WORDS
                              or words[k].text.lower() in TIME_LEADS):
        k += 1
    if k >= len(words):
        return False
    first = words[k].text
    if not (is_name_like(first) or first.lower() in SUBJECT_DETERMINERS or first.lower() == "one"
            or first.lower() in THIRD_PERSON_SUBJECTS
            or _role_before_name(view, draft, words, k, lexicon)
            or _bare_source_noun(view, draft, words, k)) \
            or lexicon.lookup(first) is not None and not _first_name_of(words, k):
        return False
    j = k
    while j + 1 < len(words) and words[j + 1].text not in CLAUSE_BOUNDARY_PUNCTUATION \
            and words[j + 1].text != "." and (words[j + 1].text.lower() not in CLAUSE_BOUNDARY_WORDS
                                              or _role_joiner(words, j + 1)) \
            and words[j + 1].text.lower() not in PREPOSITIONS \
            and words[j + 1].text.lower() not in SUBJECT_RELATIVES:
        j += 1
    if j - k >= MAX_SUBJECT_WORDS \
            or _clause_follows(words[k:], trailing=_after_content(text, draft.cue_start)):
        return False  # ``…, said the repairs were on schedule``: a clause, no inverted speaker
    draft.set_speaker(text, words[k].start, words[j].end)
    if j + 2 < len(words) and words[j + 1].text == "," and words[j + 2].text not in QUOTE_OPENERS \
            and is_role_phrase(words, j + 2, j + 2) \
            and words[j + 2].text.lower() not in SUBJECT_RELATIVES:
        end = j + 2
        while end + 1 < len(words) and words[end + 1].text not in PHRASE_END_MARKS:
            end += 1
        draft.context = text[words[j + 2].start:words[end].end]
        draft.speaker_end = words[end].end
    return True


# cue lemmas that often come before their speaker (``…, said Ana Ruiz``, ``added Lind``)
_INVERTING_CUES = frozenset({"say", "add", "write", "explain", "note", "recall", "insist",
                             "continue", "reply", "argue", "observe", "remark", "conclude",
                             "declare", "exclaim", "quip", "joke", "tweet", "report", "predict"})


def _inverted_name_follows(view: TextView, draft: Draft) -> bool:
    """Does a name stand right after the cue and end the clause (``…, said Steve Grubbs, an
    Iowa operative``), so that the speaker is after the cue, not before it?"""
    if draft.entry is None or draft.entry.lemma not in _INVERTING_CUES:
        return False
    after = view.words(draft.cue_end, min(len(view.text), draft.cue_end + 80))
    k = time_end(after, 0)  # ``said on Monday Ana Ruiz``
    n = k
    while n < len(after) and (is_name_like(after[n].text) and after[n].text[:1].isalpha()
                              or after[n].text in (".", "’", "'") and n > k):
        n += 1
    while n > k and after[n - 1].text in (".", "’", "'"):
        n -= 1
    return n > k and after[k].text.lower() not in TIME_WORDS \
        and (n == len(after) or after[n].text in (",", ".", ";"))


def _first_name_of(words: list[Word], k: int) -> bool:
    """Is the capitalized ``words[k]`` the first name of a name that goes on in capitals
    (``said Grant Green``, ``said Hope Ortega``), a word that is also a cue's form? A participle
    is none (``supporting Planned Parenthood``)."""
    word = words[k].text
    return word[:1].isupper() and not word.endswith(("ed", "ing")) and k + 1 < len(words) \
        and words[k + 1].text[:1].isupper() and words[k + 1].text.isalpha()


def _bare_source_noun(view: TextView, draft: Draft, words: list[Word], k: int) -> bool:
    """``…, said investigators.``: a lower-case plural noun without a determiner that ends the
    sentence right after a cue trailing its content."""
    low = words[k].text
    return k == 0 and low.isalpha() and low.islower() and low.endswith("s") \
        and not low.endswith("ss") and (len(words) == 1 or words[1].text == ".") \
        and view.text[max(0, draft.cue_start - 8):draft.cue_start].rstrip().endswith(",")


def _after_participle_clause(view: TextView, draft: Draft, words: list[Word],
                             lexicon: VerbLexicon) -> bool:
    """``Citing the report, Trump said``: a participle clause opening the sentence shares the
    subject of the main clause after its comma."""
    opening = view.words(view.sentences[draft.sentence][0], draft.cue_start)
    if any(w.text not in QUOTE_OPENERS and w.text.lower() not in PARTICIPLE_LEADS
           for w in opening):
        return False
    comma = next((n for n, w in enumerate(words) if w.text in CLAUSE_BOUNDARY_PUNCTUATION), None)
    if comma is None or words[comma].text != "," or comma + 1 >= len(words):
        return False
    k = comma + 1
    j = k
    while j < len(words) and j - k < MAX_SUBJECT_WORDS // 2:
        w = words[j].text
        low = w.lower()
        if not w.isalpha() and w not in POSSESSIVE_ENDINGS or low in SKIPPED_BEFORE_CUE \
                or j > k and w.islower() and (lexicon.lookup(w) or low.endswith("ed")) \
                or low in CLAUSE_BOUNDARY_WORDS:
            break
        j += 1
    if j == k:
        return False
    draft.set_speaker(view.text, words[k].start, words[j - 1].end)
    return True


def _role_joiner(words: list[Word], j: int) -> bool:
    """Is ``words[j]`` an "and" between two lower-case role words before a name (``lobbyist and
    former councillor Ines Vatanen``)?"""
    if words[j].text != "and" or j == 0 or not words[j - 1].text.islower():
        return False
    for w in words[j + 1:j + 4]:
        if is_name_like(w.text):
            return True
        if not (w.text.isalpha() and w.text.islower()):
            return False
    return False


def _role_before_name(view: TextView, draft: Draft, words: list[Word], k: int,
                      lexicon: VerbLexicon) -> bool:
    """``…, said dock worker Luis Pena``: up to three lower-case words of a role, then a name,
    after a cue that trails its content (a comma or a quotation before it)."""
    before = view.text[view.sentences[draft.sentence][0]:draft.cue_start].rstrip()
    if not before.endswith((",", *QUOTE_CLOSERS)):
        return False
    for j in range(k, min(len(words), k + 6)):
        w = words[j].text
        if is_name_like(w):
            return j > k
        if w == "and" and j > k:
            continue  # ``said lobbyist and former councillor Ines Vatanen``
        if not (w.isalpha() and w.islower()) or w in PREPOSITIONS or w in CLAUSE_BOUNDARY_WORDS \
                or w in SUBJECT_DETERMINERS or w in THIRD_PERSON_SUBJECTS or lexicon.lookup(w):
            return False
    return False


def main_subject(view: TextView, draft: Draft, *, earlier: list[Draft]) -> bool:
    """Speaker of a participial or coordinated cue (``…, adding that``, ``… and warned``): the
    speaker of an earlier attribution in the same sentence, else the subject opening it."""
    sentence = draft.sentence
    words = view.words(view.sentences[sentence][0], draft.cue_start)
    clause = _last_coordinated_subject(words)
    for other in reversed(earlier):
        if other.sentence != sentence or clause and other.cue_end <= words[clause].start:
            break  # ``X denied it, and Y responded by pointing to``: Y's own clause
        if other.speaker_start is not None:
            draft.speaker_start, draft.speaker_end = other.speaker_start, other.speaker_end
            draft.head, draft.context = other.head, other.context
            draft.antecedent = other
            return True
    k = _after_fronted_adjunct(words, clause)
    while k < len(words) and (words[k].text.lower() in CLAUSE_BOUNDARY_WORDS
                              or words[k].text in QUOTE_OPENERS):
        k += 1
    k = _after_fronted_adjunct(words, k)  # ``At a meeting on Tuesday, some senators vented …``
    if k < len(words) and words[k].text.lower() in THIRD_PERSON_SUBJECTS:
        draft.set_speaker(view.text, words[k].start, words[k].end)
        return True
    end = k
    while end < len(words) and end - k < 6 and (is_name_like(words[end].text)
                                                  or words[end].text in POSSESSIVE_ENDINGS):
        end += 1
    if end > k and end < len(words) and words[end].text in speaker_terms().bodies:
        end += 1  # ``Water council offers …, urging``: the run modifies the noun after it
    if end <= k + 1 and k < len(words) and words[k].text.lower() in SUBJECT_DETERMINERS:
        end = _noun_phrase_end(words, k + 1)  # ``The nurse later sued, claiming``
    elif k < len(words) and (words[k].text.lower() in _COUNT_OPENERS or words[k].text[:1].isdigit()):
        end = _count_phrase_end(words, k)  # ``More than 200 workers signed a letter saying``
    if end > k and words[k].text.lower() not in PREPOSITIONS and not _passive_after(words, end):
        draft.set_speaker(view.text, words[k].start, words[end - 1].end)
        return True
    return False


def _passive_after(words: list[Word], end: int) -> bool:
    """Is the subject ending at ``end`` that of a passive verb (``the plan was defended, adding
    that``)? A participle after a passive has no speaker in that subject."""
    for n in range(end, len(words) - 1):
        nxt = words[n + 1].text.lower()
        if words[n].text.lower() in BE_FORMS and (nxt.endswith("ed") or nxt in IRREGULAR_PARTICIPLES):
            return True
        if words[n].text in CLAUSE_BOUNDARY_PUNCTUATION:
            return False
    return False


# words that open an adjunct fronted before the subject and closed by a comma
_FRONTED_ADJUNCT_LEADS = PREPOSITIONS | TIME_LEADS | frozenset({
    "since", "after", "before", "while", "when", "although", "though", "despite", "amid",
    "following", "during", "as", "with", "without", "under", "across", "within"})
_FRONTED_ADJUNCT_WORDS = 25  # longest fronted adjunct read
_SHORT_ADJUNCT_WORDS = 5  # longest adverbial or time phrase without a lead read
_TIME_ENDS = frozenset({"later", "ago", "earlier", "afterward", "afterwards", "recently"})


def _after_fronted_adjunct(words: list[Word], k: int) -> int:
    """``k`` moved past an adjunct that opens the clause and ends with a comma (``In a letter to
    colleagues released Monday, Sanders rips …``); unchanged when there is none."""
    if k >= len(words):
        return k
    lead = words[k].text.lower()
    if lead not in _FRONTED_ADJUNCT_LEADS:
        # ``Instead,``, ``Most recently,``, ``A few days later,``: a discourse marker, an adverb
        # or a short time phrase before a comma
        for n in range(k + 1, min(len(words) - 1, k + _SHORT_ADJUNCT_WORDS)):
            if words[n].text == ",":
                last = words[n - 1].text.lower()
                if lead in DISCOURSE_MARKERS or is_ly_adverb(lead) and n == k + 1 \
                        or last in _TIME_ENDS or is_ly_adverb(last) and n <= k + 2:
                    return n + 1
                return k
            if not words[n].text.isalnum():
                return k
        return k
    for n in range(k + 1, min(len(words) - 1, k + _FRONTED_ADJUNCT_WORDS)):
        if words[n].text == ",":
            return n + 1
        if words[n].text in CLAUSE_BOUNDARY_PUNCTUATION:
            return k
    return k


def _last_coordinated_subject(words: list[Word]) -> int:
    """Index of the subject of the last clause joined by ", and" / ", but" before a participle
    (``Russia replied …, and Putin responded by pointing to``: Putin), else 0 (the sentence's
    opening subject)."""
    for j in range(len(words) - 2, 0, -1):
        if words[j].text.lower() in CLAUSE_JOINERS and words[j - 1].text in (",", ";") \
                and (is_name_like(words[j + 1].text)
                     or words[j + 1].text.lower() in THIRD_PERSON_SUBJECTS):
            return j + 1
    return 0


# words that open a counted subject (``More than 200 workers``, ``About half of voters``)
_COUNT_OPENERS = LARGE_COUNTS | frozenset({"more", "about", "nearly", "almost", "over", "half",
                                          "most", "roughly", "around", "fewer", "less"})


def _count_phrase_end(words: list[Word], k: int) -> int:
    """End (exclusive) of a counted subject opening at ``k``: up to eight words, stopping before
    a verb in the past, an auxiliary or clause punctuation."""
    j = k + 1
    while j < len(words) and j - k < 8:
        low = words[j].text.lower()
        if low in SKIPPED_BEFORE_CUE or low.endswith("ed") or low in IRREGULAR_PAST \
                or words[j].text in CLAUSE_BOUNDARY_PUNCTUATION:
            break
        j += 1
    return j


def _noun_phrase_end(words: list[Word], k: int) -> int:
    """End (exclusive) of the words from ``k`` that go on a noun phrase after its determiner:
    up to four lower-case or capitalized words, stopping before an auxiliary, an adverb, a
    preposition, a clause word or a past-tense verb form ("The nurse | later sued")."""
    j = k
    while j < len(words) and j - k < 4:
        w = words[j].text
        low = w.lower()
        if not w.replace("-", "").isalpha() or low in SKIPPED_BEFORE_CUE or low in PREPOSITIONS \
                or low in CLAUSE_BOUNDARY_WORDS or low.endswith(("ed", "ly")) \
                or low in IRREGULAR_PAST:
            break
        j += 1
    return j


def is_passive_cue(text: str, draft: Draft) -> bool:
    """Is the cue (with the auxiliaries it took in) a passive (``was told``, ``were denied``)?"""
    cue_words = text[draft.cue_start:draft.cue_end].lower().split()
    return len(cue_words) >= 2 and any(w in BE_FORMS for w in cue_words[:-1]) \
        and cue_words[-1].endswith(("ed", "en", "told", "said"))


def _finite_verb_after_noun(words: list[Word], k: int) -> bool:
    """Is ``words[k]`` a verb in the past after a noun (``an article cited by her campaign
    quoted``), where a by-agent ends?"""
    low, before = words[k].text, words[k - 1].text.lower()
    return low.islower() and (low.endswith("ed") or low in IRREGULAR_PAST) \
        and before.isalpha() and not is_ly_adverb(before) and before not in ARTICLES \
        and before not in SUBJECT_DETERMINERS \
        and k + 1 < len(words) and words[k + 1].text.isalnum()  # (``Republicans surveyed.``)


def passive_agent(view: TextView, draft: Draft, sentence_end: int) -> bool:
    """``were denied by Russian authorities``: the by-agent after a passive cue becomes the
    speaker (True); False when no by-agent follows."""
    after = view.words(draft.cue_end, sentence_end)
    if not after or after[0].text.lower() != "by" or len(after) < 2:
        return False
    j = 1
    while j < len(after) and j <= MAX_SUBJECT_WORDS \
            and after[j].text not in CLAUSE_BOUNDARY_PUNCTUATION and after[j].text != "." \
            and after[j].text.lower() not in CLAUSE_BOUNDARY_WORDS \
            and after[j].text.lower() not in AGENT_PREPOSITION_STOPS \
            and not (j > 1 and (time_end(after, j) > j or _finite_verb_after_noun(after, j)
                                or after[j].text[:1].isdigit() and is_name_like(after[j - 1].text)
                                and after[j - 1].text.isalpha())):
        j += 1
    if j == 1:
        return False
    draft.set_speaker(view.text, after[1].start, after[j - 1].end)
    draft.context = ""
    if j + 1 < len(after) and after[j].text == "," and is_name_like(after[j + 1].text):
        # ``confirmed by her son, Erik Almqvist.``: the name in apposition is the head
        n = j + 1
        while n + 1 < len(after) and is_name_like(after[n + 1].text):
            n += 1
        if n + 1 >= len(after) or after[n + 1].text in (".", ",", ";"):
            draft.context = view.text[after[1].start:after[j - 1].end]
            draft.head = view.text[after[j + 1].start:after[n].end]
            draft.speaker_end = after[n].end
    return True
