"""Cues with rules of their own: "according to", "Name:" colons, source phrases ("In a poll …"),
impersonal cues ("it is unclear whether") and questions ("Asked about …").

The "according to", impersonal and question rules complete a draft the extractor made for a
reporting-cue match and say whether it holds an attribution; the colon and source-phrase rules
read their own pattern matches (:data:`COLON_CUE`, :data:`SOURCE_PHRASE`) and return a draft or
the reason there is none.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from toolkit.attribution.content_spans import mark_used, quote_after, quote_before, settle_kind
from toolkit.attribution.drafts import CueOutcome, Draft
from toolkit.attribution.phrases import MAX_SUBJECT_WORDS, is_role_phrase
from toolkit.attribution.text import (
    CLAUSE_END_CHARS,
    CLAUSE_GAP_CHARS,
    SENTENCE_END_CHARS,
    TextView,
)
from toolkit.attribution.verb_lexicon import VerbLexicon, cue_noun_forms, default_verb_lexicon
from toolkit.attribution.word_classes import (
    ARTICLES,
    AUXILIARIES,
    BE_FORMS,
    CLAUSE_BOUNDARY_WORDS,
    DISCOURSE_MARKERS,
    INTERVIEWEE_LABELS,
    INTERVIEWER_LABELS,
    NOT_COLON_SPEAKERS,
    NOT_SPEAKER_STARTS,
    PHRASE_END_MARKS,
    PREPOSITIONS,
    QUOTE_CLOSERS,
    QUOTE_OPENERS,
    SECTION_LABEL_WORDS,
    SPEAKER_ID_FUNCTION_WORDS,
    STANCE_CATEGORIES,
    SUBJECT_DETERMINERS,
    SUBJECT_RELATIVES,
    THIRD_PERSON_SUBJECTS,
)
from toolkit.attribution.words import Word, is_name_like
from toolkit.corpus.segment import trim_end, trim_start

__all__ = ["COLON_CUE", "COLON_QUOTE", "DASH_BYLINE", "SOURCE_PHRASE", "according_to",
           "as_reported_by", "colon_cue", "colon_cue_matches", "colon_quote", "dash_byline", "dash_byline_matches",
           "impersonal", "is_section_label", "question", "source_phrase",
           "source_phrase_matches"]

_NAME_RUN = r"(?:[A-Z][\w.’'-]*|on|to|of|de)(?:\s(?:[A-Z][\w.’'-]*|on|to|of|de)){0,5}"
# ``Name: text`` at a line start, after a quotation mark opening a line (a quoted transcript)
# or after a dash (group "lead"), or ``… Name: “quote”``; a short predicate of "be" may stand
# before the colon (``Martell is more blunt: “…”``)
COLON_CUE = re.compile(
    rf"(?:(?P<lead>^|(?<=^[\"“])|(?<=[-–—]\s))|(?<=\s))(?P<name>{_NAME_RUN}(?<![\s.]))"
    r"(?:\s(?P<predicate>(?:is|was|were|are)\s(?:\w+\s){0,3}?[a-z]+))?(?P<cue>:)(?=\s)",
    re.MULTILINE)
# What a colon cue's match holds before its colon is name words, white space and a short
# predicate: none but these characters. (Keep it in step with COLON_CUE.)
_COLON_CUE_CHARS = r"\w.’'\-\s"
_COLON_BEFORE_SPACE = re.compile(r":(?=\s)")
_LAST_OTHER_CHAR = re.compile(rf"[^{_COLON_CUE_CHARS}](?=[{_COLON_CUE_CHARS}]*+\Z)")


def colon_cue_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of :data:`COLON_CUE` in ``text``, as ``COLON_CUE.finditer(text)`` finds them.

    A match ends at a colon followed by white space and holds only ``_COLON_CUE_CHARS`` before
    it, so only the run of those characters before each such colon is searched instead of every
    position of the text."""
    pos = previous = 0
    for colon in _COLON_BEFORE_SPACE.finditer(text):
        at = colon.start()
        low = max(pos, previous)
        other = _LAST_OTHER_CHAR.search(text, low, at)
        match = COLON_CUE.search(text, other.end() if other is not None else low, at + 2)
        if match is not None:
            yield match
            pos = match.end()
        previous = at + 1


# ``“…” ― Carla Sanchez`` (a dash byline after a quotation, ending its line, maybe with a full
# stop, or followed by a comma and a role); the dash is the cue. Space around the dash and at
# the line end may be any but a line break (web pages put non-breaking spaces there).
DASH_BYLINE = re.compile(
    rf"(?<=[”\"])[^\S\n]*(?P<cue>[―—–]|--?)[^\S\n]*(?P<name>{_NAME_RUN}(?<![\s.]))"
    r"(?=[^\S\n]*(?:,|\.?[^\S\n]*$))",
    re.MULTILINE)
# ``Varga had a warning for parents: “…”``: a colon right before an opening quotation mark
COLON_QUOTE = re.compile(r"(?<=\w)(?P<cue>:)(?=[ \t]*[“\"])")
# ``In a CNN poll released Monday, …`` (group "source") and ``in Bolton’s view`` ("holder")
SOURCE_PHRASE = re.compile(
    r"\b[Ii]n\s+(?P<source>(?:an?|the|its|their|his|her)\b[^,.;:“”\"]{0,60}?"
    r"\b(?:poll|survey|study|report|analysis))\b"
    r"|\b[Ii]n\s+(?P<holder>[A-Z][\w.’'-]*(?:\s[A-Z][\w.’'-]*){0,3}[’']s?|his|her|their)\s+view\b")


# Where the matches of DASH_BYLINE and SOURCE_PHRASE can start: right after a closing quotation
# mark, and at "in"/"In" before white space. (Keep them in step with the patterns.)
_QUOTE_MARK = re.compile(r"[”\"]")
_IN_BEFORE_SPACE = re.compile(r"[Ii]n\s")  # faster to find than with the \b before it


def dash_byline_matches(text: str) -> Iterator[re.Match[str]]:
    """``DASH_BYLINE.finditer(text)``, trying the pattern only after quotation marks."""
    return _matches_from(DASH_BYLINE, text, (m.end() for m in _QUOTE_MARK.finditer(text)))


def source_phrase_matches(text: str) -> Iterator[re.Match[str]]:
    """``SOURCE_PHRASE.finditer(text)``, trying the pattern only at "in" before white space."""
    return _matches_from(SOURCE_PHRASE, text, (
        m.start() for m in _IN_BEFORE_SPACE.finditer(text)
        if not m.start() or not (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_")))


def _matches_from(pattern: re.Pattern[str], text: str, starts: Iterator[int]
                  ) -> Iterator[re.Match[str]]:
    """The matches ``pattern.finditer(text)`` finds, for a pattern whose matches are never
    empty and can start only at ``starts`` (in increasing order): it is tried there alone."""
    pos = 0
    for start in starts:
        if start >= pos:
            match = pattern.match(text, start)
            if match is not None:
                yield match
                pos = match.end()


# words that open the question after ``Asked by X``
_QUESTION_OPENERS = frozenset({"whether", "if", "about", "to", "what", "how", "why", "when", "who",
                               "where", "which", "on"})


# words of the main clause after a source phrase looked at for a cue of its own
_MAIN_CLAUSE_WORDS = 8


def question(view: TextView, draft: Draft, sentence_end: int, *, to_end: bool = False) -> bool:
    """``Asked about X, …`` / ``When asked whether …``: no speaker, the question up to the next
    comma is the content; False when there is no question.

    With ``to_end`` (``…, she said when asked whether …``) a question without a comma runs
    to the end of the sentence.
    """
    comma = view.text.find(",", draft.cue_end, sentence_end)
    if view.text[draft.cue_end:draft.cue_end + 4] == " by ":
        # ``Asked by Matt Lauer whether …``: the asker speaks, the question follows; ``Asked by
        # reporters, the minister said``: no question is reported
        words = view.words(draft.cue_end, comma if comma >= 0 else sentence_end)
        k = next((n for n, w in enumerate(words) if n > 1 and w.text.lower() in _QUESTION_OPENERS),
                 None)
        if k is None:
            return False
        draft.set_speaker(view.text, words[1].start, words[k - 1].end)
        end = comma if comma >= 0 else trim_end(view.text, draft.cue_end, sentence_end,
                                                SENTENCE_END_CHARS)
        draft.content_start, draft.content_end = words[k].start, end
        return True
    if comma < 0 and to_end:
        comma = trim_end(view.text, draft.cue_end, sentence_end, SENTENCE_END_CHARS)
    if comma < 0 or comma - draft.cue_end < 4:
        return False
    draft.content_start = draft.cue_end + 1
    draft.content_end = comma
    return True


def impersonal(view: TextView, draft: Draft, sentence_end: int) -> bool:
    """``It is unclear whether …``, ``it became clear that …``: no source, the rest of the
    sentence is the content; False when too little follows."""
    end = trim_end(view.text, draft.cue_end, sentence_end, SENTENCE_END_CHARS)
    start = trim_start(view.text, draft.cue_end, end, CLAUSE_GAP_CHARS)
    if end - start < 8:
        return False
    draft.content_start, draft.content_end = start, end
    settle_kind(view, draft)
    return True


def according_to(view: TextView, draft: Draft, sentence_end: int) -> bool:
    """``X, according to Y.`` / ``According to Y, X.``: Y is the speaker, X the content (a
    quotation after Y when the sentence holds nothing else); False when no Y follows."""
    text = view.text
    words = view.words(draft.cue_end, sentence_end)
    j = 0
    while j < len(words) and words[j].text not in PHRASE_END_MARKS \
            and words[j].text.lower() not in CLAUSE_BOUNDARY_WORDS and j < MAX_SUBJECT_WORDS:
        j += 1
    if j == 0:
        return False
    draft.set_speaker(text, words[0].start, words[j - 1].end)
    apposition_end = None
    if j + 1 < len(words) and words[j].text == ",":
        apposition_end = _according_apposition(view, draft, words, j)
    s_start = view.sentences[draft.sentence][0]
    left = trim_end(text, s_start, draft.cue_start, CLAUSE_GAP_CHARS)
    if left - s_start >= 3:
        draft.content_start, draft.content_end = s_start, left
        if j + 1 < len(words) and words[j].text == "," and text[left:draft.cue_start].strip() == "," \
                and words[j + 1].text.islower() and (words[j + 1].text in BE_FORMS
                                                     or words[j + 1].text in AUXILIARIES
                                                     or words[j + 1].text in PREPOSITIONS
                                                     or words[j + 1].text.endswith("ed")):
            # ``Putin’s offer, according to Peskov, was made to …``: the clause runs around it
            draft.content_end = trim_end(text, words[j + 1].start, sentence_end, SENTENCE_END_CHARS)
    else:
        after = max(draft.speaker_end, apposition_end or 0)  # past ``, the director of …,``
        rest = [w for w in words if w.start >= after and w.text != ","]
        end = trim_end(text, draft.cue_end, sentence_end, SENTENCE_END_CHARS)
        if rest and rest[0].start < end:
            draft.content_start, draft.content_end = rest[0].start, end
    quote = quote_after(view, draft.speaker_end, sentence_end) if draft.content_start is None else None
    if quote is not None:
        draft.content_start, draft.content_end = quote
    settle_kind(view, draft)
    return True


def as_reported_by(view: TextView, draft: Draft, sentence_end: int) -> bool:
    """``As reported by the Harbour Times, the council spent …``: the agent after "by" is the
    speaker, the main clause after the comma the content; False without a comma or an agent."""
    text = view.text
    comma = text.find(",", draft.cue_end, sentence_end)
    agent = view.words(draft.cue_end + 4, comma if comma >= 0 else draft.cue_end)
    end = trim_end(text, draft.cue_end, sentence_end, SENTENCE_END_CHARS)
    if comma < 0 or not agent or len(agent) > MAX_SUBJECT_WORDS or end - comma < 4:
        return False
    draft.set_speaker(text, agent[0].start, agent[-1].end)
    draft.content_start = trim_start(text, comma + 1, end, CLAUSE_GAP_CHARS)
    draft.content_end = end
    settle_kind(view, draft)
    return True


def _according_apposition(view: TextView, draft: Draft, words: list[Word], comma: int) -> int | None:
    """``according to Putin’s spokesman, Dmitry Peskov,`` / ``according to Trenin, the director``:
    the name is the head, the role the context; the end offset of a role apposition closed by
    a comma (the content starts after it), else None."""
    end = comma + 1
    while end + 1 < len(words) and words[end + 1].text not in PHRASE_END_MARKS:
        end += 1
    closes = end + 1 >= len(words) or words[end + 1].text in (",", ".")
    first = words[comma + 1].text
    if not closes or end - comma > 8 or first.lower() in SUBJECT_RELATIVES:
        return None
    x_is_role = is_role_phrase(words, 0, comma - 1)
    if x_is_role and is_name_like(first) and first.lower() not in SUBJECT_DETERMINERS:
        draft.speaker_end = words[end].end
        draft.head = view.text[words[comma + 1].start:words[end].end]
        draft.context = view.text[words[0].start:words[comma - 1].end]
    elif not x_is_role and first.lower() in ARTICLES:
        draft.context = view.text[words[comma + 1].start:words[end].end]
        if end + 1 < len(words) and words[end + 1].text == ",":
            return words[end].end
    return None


def colon_cue(view: TextView, match: re.Match[str], used_quotes: set[int]) -> Draft | CueOutcome:
    """``Name: text`` (headline or transcript turn) and ``… Name: “quote”``.

    A quotation right after the colon is the content (its index joins ``used_quotes``); without
    one, only a colon label opening a line or following a dash takes the rest of the paragraph.
    """
    start, end = match.span("cue")
    quoted = _quoted_turn(view, match)
    if quoted is None and view.ignored(start, end):
        return CueOutcome.IGNORED_SPAN
    name = match.group("name").split()
    poll_headline = _poll_headline(view, match)
    if (name[0].lower() in NOT_COLON_SPEAKERS or name[-1].lower() in NOT_COLON_SPEAKERS
            or is_section_label(name) or is_kicker(name)) and not poll_headline:
        return CueOutcome.NOT_A_SPEAKER_LABEL
    sentence = view.sentence_at(start)
    paragraph = view.sentence_paragraph[sentence]
    draft = Draft(start, end, None, paragraph=paragraph, sentence=sentence)
    if poll_headline:
        draft.kind = "evidential"  # ``Poll: Ostby leads in Marden``: a finding, not words
    draft.set_speaker(view.text, *match.span("name"))
    if quoted is not None:
        # ``"PENCE: Well, look, …``: a turn of a transcript quoted paragraph by paragraph is the
        # rest of its paragraph (quotations inside it included)
        content_end = trim_end(view.text, end, view.paragraphs[paragraph][1], " \t”\"")
        content_start = trim_start(view.text, end, content_end)
        if content_end <= content_start:
            return CueOutcome.NO_CONTENT
        mark_used(view, quoted, used_quotes)
        draft.content_start, draft.content_end, draft.kind = content_start, content_end, "direct"
        return draft
    label = match.group("name").rstrip(".").lower()
    if label in INTERVIEWER_LABELS:
        draft.head = "the interviewer"  # ``Q:`` names no one; the turn is the interviewer's
    elif label in INTERVIEWEE_LABELS:
        draft.head = "the interviewee"  # ``A:``: the answer is the interviewee's
    paragraph_end = view.paragraphs[paragraph][1]
    quote = quote_after(view, end, paragraph_end)
    if quote is not None and view.quotes.index_at(quote[0]) in used_quotes:
        return CueOutcome.QUOTATION_NEEDED  # ``telling CNBC: “…”``: the cue before took it
    if quote is not None:
        mark_used(view, quote, used_quotes)
        draft.content_start, draft.content_end, draft.kind = quote[0], quote[1], "direct"
        return draft
    if match.group("lead") is None or match.group("predicate"):
        return CueOutcome.QUOTATION_NEEDED
    content_start = trim_start(view.text, end, paragraph_end)
    label = match.group("name")
    shortest = 2 if label.isupper() and match.group("lead") is not None else 10
    if paragraph_end - content_start < shortest:
        return CueOutcome.NO_CONTENT  # a transcript turn (``HALVORSEN: We do.``) may be short
    draft.content_start, draft.content_end = content_start, paragraph_end
    settle_kind(view, draft)
    return draft


_POLL_WORDS = frozenset({"poll", "polls", "survey"})


def _poll_headline(view: TextView, match: re.Match[str]) -> bool:
    """``Poll: Clinton and Trump in dead heat``: a headline (the text's first line) that opens
    with "Poll" or "Survey" and a colon reports what a poll found."""
    start = match.start("name")
    return match.group("name").lower() in _POLL_WORDS and bool(view.paragraphs) \
        and view.paragraphs[0][0] == start and match.group("lead") is not None \
        and len(view.text[match.end("cue"):view.paragraphs[0][1]].split()) >= 2


def _quoted_turn(view: TextView, match: re.Match[str]) -> tuple[int, int] | None:
    """The quotation a transcript turn ``"PENCE: …`` stands in, when the match's name is in
    capitals right after a quotation mark that opens a paragraph inside that quotation."""
    at = match.start("name")
    if not at or view.text[at - 1] not in "\"“" or not match.group("name").isupper():
        return None
    if view.excluded.overlaps(at - 1, match.end()):
        return None
    k = view.quotes.index_at(at - 1)
    if k is None or view.paragraphs[view.sentence_paragraph[view.sentence_at(at)]][0] != at - 1:
        return None
    return view.quotes.spans[k]


_COLON_CLAUSE_CHARS = 200  # characters read before a colon for the clause that introduces a quotation
# most words between the subject and the colon of ``Martell is more blunt: “…”``
_COLON_PREDICATE_WORDS = 6
# words of a noun phrase before "from" or "of" (``The statement from Nordvik Shipping``)
_COLON_NOUN_WORDS = 2


def _colon_subject(words: list[Word]) -> tuple[int, int] | None:
    """Indices (first, end) of the speaker among ``words``, the clause before a colon: a name
    (``Martell``), a third-person or possessive pronoun (``She``, ``Her message``) or a name
    after a noun and "from" or "of" (``The statement from Nordvik Shipping``); None when the
    clause opens otherwise or its predicate is long."""
    if not words:
        return None
    first = words[0].text
    low = first.lower()
    end = None
    if low in THIRD_PERSON_SUBJECTS or low in ("his", "her", "their"):
        start, end = 0, 1
    elif is_name_like(first) and first.isalpha() and low not in SPEAKER_ID_FUNCTION_WORDS \
            and low not in CLAUSE_BOUNDARY_WORDS and low not in DISCOURSE_MARKERS \
            and low not in NOT_SPEAKER_STARTS and low not in PREPOSITIONS:
        start = end = 0
        while end < len(words) and is_name_like(words[end].text) and words[end].text.isalpha():
            end += 1
    elif low in ARTICLES:
        k = 1
        while k <= _COLON_NOUN_WORDS and k < len(words) and words[k].text.islower() \
                and words[k].text.isalpha():
            k += 1
        if 1 < k < len(words) and words[k].text in ("from", "of") and k + 1 < len(words) \
                and is_name_like(words[k + 1].text):
            start = end = k + 1
            while end < len(words) and is_name_like(words[end].text) and words[end].text.isalpha():
                end += 1
    if end is None or len(words) - end > _COLON_PREDICATE_WORDS or len(words) == end:
        return None
    return start, end


def colon_quote(view: TextView, match: re.Match[str], used_quotes: set[int]) -> Draft | CueOutcome:
    """``Martell is more blunt: “The plan is dead.”``, ``Varga had a warning for parents: “…”``:
    a short clause about a speaker, then a colon and a quotation that no cue has taken. The
    colon is the cue, the quotation the content, the clause's subject the speaker (a fronted
    participle clause, ``Asked what went wrong, Kralj shrugged:``, is passed over)."""
    start, end = match.span("cue")
    if view.ignored(start, end):
        return CueOutcome.IGNORED_SPAN
    sentence = view.sentence_at(start)
    paragraph = view.sentence_paragraph[sentence]
    quote = quote_after(view, end, view.paragraphs[paragraph][1])
    if quote is None or view.quotes.index_at(quote[0]) in used_quotes:
        return CueOutcome.QUOTATION_NEEDED
    words = view.words(max(view.sentences[sentence][0], start - _COLON_CLAUSE_CHARS), start)
    comma = max((i for i, w in enumerate(words) if w.text == ","), default=-1)
    if any(w.text in QUOTE_OPENERS or w.text in QUOTE_CLOSERS for w in words[comma + 1:]):
        return CueOutcome.NO_SPEAKER
    clause = words[comma + 1:]
    if clause and clause[-1].text.lower() in cue_noun_forms():
        return CueOutcome.NOT_A_SPEAKER_LABEL  # ``Key quote: “…”``, ``Her comment: “…”``
    subject = _colon_subject(clause)
    if subject is None:
        return CueOutcome.NO_SPEAKER
    draft = Draft(start, end, None, paragraph=paragraph, sentence=sentence, kind="direct")
    draft.set_speaker(view.text, clause[subject[0]].start, clause[subject[1] - 1].end)
    mark_used(view, quote, used_quotes)
    draft.content_start, draft.content_end = quote
    return draft


def is_kicker(name: list[str]) -> bool:
    """``Revealed:``, ``CONFIRMED:``, ``So:``, ``Also:``: a one-word label that is the past
    tense of a reporting verb (a headline kicker: the news is revealed, not said by
    "Revealed") or a connective opens a headline or a sentence; it names no speaker."""
    if len(name) != 1:
        return False
    low = name[0].lower().rstrip(".")
    if low in CLAUSE_BOUNDARY_WORDS or low in DISCOURSE_MARKERS:
        return True
    return low.endswith("ed") and default_verb_lexicon().lookup(low) is not None


def is_section_label(name: list[str]) -> bool:
    """``ANALYST'S TAKE:``, ``WHAT'S NEXT:``, ``THE BOTTOM LINE:``: an upper-case kicker of
    several words with a possessive or a word of :data:`SECTION_LABEL_WORDS` heads a section;
    a transcript label (``PENCE:``, ``SEN. MARA COLE:``) holds only a name and a title."""
    if len(name) < 2 or not all(w.isupper() or not w.isalpha() for w in name):
        return False
    return any(w.endswith(("'S", "’S")) or w.lower().rstrip(".") in SECTION_LABEL_WORDS
               for w in name)


def dash_byline(view: TextView, match: re.Match[str], used_quotes: set[int]) -> Draft | CueOutcome:
    """``“We will win.” ― Carla Sanchez``: the name after the dash speaks the quotation before
    it (its index joins ``used_quotes``)."""
    start, end = match.span("cue")
    if view.ignored(start, end):
        return CueOutcome.IGNORED_SPAN
    name = match.group("name").split()
    if name[0].lower() in NOT_COLON_SPEAKERS or name[-1].lower() in NOT_COLON_SPEAKERS:
        return CueOutcome.NOT_A_SPEAKER_LABEL
    quote = quote_before(view, start)
    if quote is None or view.quotes.index_at(quote[0]) in used_quotes:
        return CueOutcome.QUOTATION_NEEDED
    sentence = view.sentence_at(start)
    paragraph = view.sentence_paragraph[sentence]
    if view.text[view.paragraphs[paragraph][0]:quote[0]].strip():
        # the quotation ends a sentence of the writer's (``… insisted the party was “still
        # first.”--Kim Hjelmgaard``): the name signs the item, it does not speak the quotation
        return CueOutcome.QUOTATION_NEEDED
    draft = Draft(start, end, None, paragraph=paragraph, sentence=sentence, kind="direct")
    draft.set_speaker(view.text, *match.span("name"))
    mark_used(view, quote, used_quotes)
    draft.content_start, draft.content_end = quote
    return draft


def source_phrase(view: TextView, match: re.Match[str], *,
                  lexicon: VerbLexicon | None = None) -> Draft | CueOutcome:
    """``In a CNN poll released Monday, …`` (evidential) and ``in Bolton’s view`` (cognitive):
    the source is inside the cue; the content is the sentence after the comma, else before the
    phrase."""
    start, end = match.span()
    if view.ignored(start, end):
        return CueOutcome.IGNORED_SPAN
    group = "source" if match.group("source") else "holder"
    sentence = view.sentence_at(start)
    if group == "source" and view.sentences[sentence][0] != start:
        return CueOutcome.SOURCE_MID_SENTENCE
    kind = "evidential" if group == "source" else "cognitive"
    draft = Draft(start, end, None, paragraph=view.sentence_paragraph[sentence],
                  sentence=sentence, kind=kind)
    draft.set_speaker(view.text, *match.span(group))
    s_start, s_end = view.sentences[sentence]
    comma = next((w for w in view.words(end, s_end) if w.text == ","), None)
    if lexicon is not None and comma is not None and group == "source":
        for w in view.words(comma.end, s_end)[:_MAIN_CLAUSE_WORDS]:
            entry = lexicon.lookup(w.text) if w.text.islower() else None
            if entry is not None and entry.category not in STANCE_CATEGORIES:
                # ``In a survey published Tuesday, a third of nurses said …``: the main clause
                # has its own cue and source
                return CueOutcome.CITED_BY_MAIN_CLAUSE
    stop = trim_end(view.text, s_start, s_end, SENTENCE_END_CHARS)
    if comma is not None and comma.end < stop:
        draft.content_start, draft.content_end = comma.end + 1, stop
    elif start - s_start > 3:
        draft.content_start = s_start
        draft.content_end = trim_end(view.text, s_start, start, CLAUSE_END_CHARS)
    return draft if draft.content_start is not None else CueOutcome.NO_CONTENT
