"""Content spans: what a cue attributes, a quotation beside it or the rest of its sentence.

A quotation is used by at most one attribution: ``used_quotes`` holds the indices (into
``view.quotes.spans``) of the quotations taken so far in the document; the functions that take a
quotation add its index.
"""

from __future__ import annotations

import re

from toolkit.attribution.drafts import Draft
from toolkit.attribution.phrases import time_end
from toolkit.attribution.speakers import describe
from toolkit.attribution.speakers.resolver import OBJECT_RELATIVE, SUBORDINATE_OPENING
from toolkit.attribution.text import (
    CLAUSE_END_CHARS,
    CLAUSE_GAP_CHARS,
    SENTENCE_END_CHARS,
    TextView,
)
from toolkit.attribution.word_classes import (
    ADDRESSEE_CLAUSE_OPENERS,
    ADDRESSEE_VERBS,
    CLAUSE_BOUNDARY_PUNCTUATION,
    CLAUSE_BOUNDARY_WORDS,
    DISCOURSE_MARKERS,
    IRREGULAR_PAST,
    NOUN_DETERMINERS,
    OBJECT_PRONOUNS,
    PREPOSITIONS,
    QUOTE_CLOSERS,
    QUOTE_OPENERS,
    SUBJECT_RELATIVES,
    TIME_LEADS,
    TIME_WORDS,
)
from toolkit.attribution.words import Word
from toolkit.corpus.segment import trim_end, trim_start

__all__ = ["PARENTHESIS_TIME", "addressee_end", "continuation", "direct_content", "indirect_content", "mark_used", "quote_after",
           "quote_after_colon", "quote_before", "settle_kind", "shorten_content", "skip_time_after"]

_BEFORE_QUOTE = " ,:\t"  # between a cue and the quotation after it
_AFTER_QUOTE = " ,\t\xa0"  # between a quotation and the cue after it
_BEFORE_CONTINUATION = " .,;:\t\xa0"  # between a cue and the second half of a split quotation
# an adjunct naming the medium at the end of a content (``condemned the attack in a statement``,
# ``on Twitter``, ``in an interview with Radio Norte``)
_MEDIUM_ADJUNCT = re.compile(
    r"[\s,]+(?:(?:in|on|at|during|via|through)\s+(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:statement|interview|letter|tweet|post|news conference|press conference|briefing|speech"
    r"|e-?mail|memo|op-ed|video|broadcast)(?:\s+(?:to|with|on|at)\s+[^,.;:“”\"]{1,40})?"
    r"|on (?:Twitter|Facebook|Instagram|X))\s*$")
# a live blog's time stamp opening a sentence (``14:05 —``, ``9.12am``)
_TIME_STAMP = re.compile(r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?\s*[—–-]?|[—–-])\s*(?=\S)")
# ``said Friday``, ``said on Monday``, ``said today``
_TIME_AFTER_CUE = re.compile(r"(?:\s+(?:on\s+)?(?:[A-Z][a-z]+day|today|yesterday))?")


def quote_after(view: TextView, pos: int, limit: int) -> tuple[int, int] | None:
    """Quotation starting right after ``pos`` (only spaces, commas or a colon between), before
    ``limit``."""
    i = trim_start(view.text, pos, limit, _BEFORE_QUOTE)
    if i < limit and view.text.startswith(QUOTE_OPENERS, i):
        k = view.quote_index(i)
        if k is not None:
            return view.quotes.spans[k]
    return None


# most words between a cue and the colon before its quotation (``wrote in a letter to staff:``)
_WORDS_BEFORE_COLON = 8


def quote_after_colon(view: TextView, pos: int, limit: int) -> tuple[int, int] | None:
    """Quotation after a few words and a colon that follow ``pos`` (``told the crowd: “…”``,
    ``put it simply: “…”``), before ``limit``; None when the words hold a quotation or a
    sentence end."""
    k = view.quotes.first_from(pos)
    if k is None:
        return None
    q_start = view.quotes.spans[k][0]
    if q_start >= limit:
        return None
    between = view.text[pos:q_start].rstrip()
    if not between.endswith(":") or len(between.split()) > _WORDS_BEFORE_COLON + 1 \
            or any(c in between for c in ".!?;\n—–") or " - " in between or between.count(":") > 1:
        return None
    return view.quotes.spans[k]


def quote_before(view: TextView, pos: int) -> tuple[int, int] | None:
    """Quotation ending right before ``pos`` (only spaces and commas between)."""
    i = trim_end(view.text, 0, pos, _AFTER_QUOTE)
    if i > 0 and view.text.endswith(QUOTE_CLOSERS, 0, i):
        k = view.quotes.index_at(i - 1)
        if k is not None and view.quotes.spans[k][1] == i:
            return view.quotes.spans[k]
    return None


def continuation(view: TextView, after: int, paragraph_end: int,
                 used_quotes: set[int]) -> tuple[int, int] | None:
    """Second half of a split quotation: ``“…,” he said. “…”`` or ``he said, “…”`` (an unused
    quotation right after ``after``), unless an attribution of its own follows it."""
    i = trim_start(view.text, after, paragraph_end, _BEFORE_CONTINUATION)
    if i < paragraph_end and view.text.startswith(QUOTE_OPENERS, i):
        k = view.quote_index(i)
        if k is not None and k not in used_quotes \
                and not _attributed_after(view.text, view.quotes.spans[k], paragraph_end):
            return view.quotes.spans[k]
    return None


# a quotation that ends in a comma or dash with words after it in its paragraph has its own
# attribution there (``“…,” she added.``, ``“…,” was another.``); one that ends in a question or
# exclamation mark, when a lower-case word or a name and a verb in the past follow it (``“Why?”
# she asked.``, ``“Now!” Varga shouted.``), not when a sentence starts (``“…!” After the rally``)
_WORDS_AFTER = re.compile(r"[ \t]*[A-Za-z]")
_ATTRIBUTION_AFTER_MARK = re.compile(
    r"[ \t]+(?:[a-z]|(?:[A-Z][\w.'’-]*[ \t]+){1,3}(?:[a-z]+ed|said|says|told|wrote|asks)\b)")


def _inner_end(text: str, span: tuple[int, int]) -> str:
    """The quotation ``span`` without its closing marks and spaces (its last character tells how
    it ends)."""
    return text[span[0]:span[1]].rstrip().rstrip("”\"’'").rstrip()


def _attributed_after(text: str, span: tuple[int, int], paragraph_end: int) -> bool:
    end = span[1]
    inner = _inner_end(text, span)
    if end >= paragraph_end:
        return False
    if inner.endswith((",", "—", "–", "-")):
        return _WORDS_AFTER.match(text, end) is not None
    return inner.endswith(("?", "!")) and _ATTRIBUTION_AFTER_MARK.match(text, end) is not None


# most words of a clause between a cue and the second half of a split quotation
_CLAUSE_BEFORE_CONTINUATION = 6


def _continuation_after_clause(view: TextView, after: int, paragraph_end: int,
                               used_quotes: set[int]) -> tuple[int, int] | None:
    """Second half of a split quotation after a short clause that ends in a period or comma:
    ``“…,” Obi said, wiping her eyes. “…”``, ``“…,” Varga told reporters. “…”``."""
    k = view.quotes.first_from(after)
    if k is None or k in used_quotes:
        return None
    q_start = view.quotes.spans[k][0]
    between = view.text[after:q_start]
    if q_start >= paragraph_end or not between.rstrip().endswith((".", ",")) \
            or _attributed_after(view.text, view.quotes.spans[k], paragraph_end) \
            or len(between.split()) > _CLAUSE_BEFORE_CONTINUATION or "\n" in between \
            or any(c in between for c in "“”\"?!;:"):
        return None
    return view.quotes.spans[k]


# ``X, who has …`` right before a cue: a relative clause between commas
_RELATIVE_BEFORE_CUE = re.compile(r",\s*(?:who|which)\s+(?:[a-z]+\s+){0,3}\Z")
# ``…, as the Ledger reported``: the "as" before a trailing speaker (or before the quotation
# mark of a quoted name: ``…, as “The Ledger” reported``)
_TRAILING_AS = re.compile(r",\s*as\s+[“\"]?\Z")
# ``As Ruiz noted``, ``As “The Ledger” reported``: an "as" clause opening the sentence
_LEADING_AS = re.compile(r"\s*As\s+[“\"]?\s*\Z")
_SENTENCE_LOOK_BACK = 2000  # characters read before a quotation for the sentence it ends
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])[”\"’']?\s+")


def _ends_earlier_sentence(text: str, span: tuple[int, int]) -> bool:
    """Does the quotation ``span`` end, with its full stop, a sentence that began before it
    (``Okoye wrote that the law “ignores … government.”``)? Such a quotation is that sentence's
    words, not the content of a cue after it."""
    start = span[0]
    if not _inner_end(text, span).endswith((".", "!", "?")):
        return False
    window = max(0, start - _SENTENCE_LOOK_BACK)  # a paragraph may be a whole long text
    before = text[text.rfind("\n", window, start) + 1 or window:start]
    return any(c.isalpha() for c in _SENTENCE_SPLIT.split(before)[-1])


def mark_used(view: TextView, span: tuple[int, int], used_quotes: set[int]) -> None:
    """Record the quotation ``span`` as taken."""
    k = view.quotes.index_at(span[0])
    if k is not None:
        used_quotes.add(k)


def skip_time_after(text: str, pos: int) -> int:
    """``pos`` moved past a time word after a cue or an inverted speaker (``said Friday``)."""
    m = _TIME_AFTER_CUE.match(text, pos)
    return m.end() if m else pos


def direct_content(view: TextView, draft: Draft, used_quotes: set[int]) -> bool:
    """A quotation beside the cue and its speaker is the content (kind "direct").

    An unused quotation right before them comes first, joined with the second half of a split
    quotation after them (``“…,” she said. “…”``); else a quotation right after them.
    """
    paragraph_end = view.paragraph_end(draft.sentence)
    left_edge = min(draft.cue_start,
                    draft.speaker_start if draft.speaker_start is not None else draft.cue_start)
    right_edge = max(draft.cue_end, draft.speaker_end or 0)
    before = quote_before(view, left_edge)
    if before is not None and _ends_earlier_sentence(view.text, before):
        before = None  # ``… wrote that the law “ignores … government.” The office said``
    if before is not None and view.quotes.index_at(before[0]) not in used_quotes:
        end = before[1]
        rest = continuation(view, skip_time_after(view.text, right_edge), paragraph_end,
                            used_quotes) or _continuation_after_clause(view, right_edge,
                                                                       paragraph_end, used_quotes)
        if rest is not None:
            end = rest[1]
            mark_used(view, rest, used_quotes)
        mark_used(view, before, used_quotes)
        draft.content_start, draft.content_end, draft.kind = before[0], end, "direct"
        _with_opening_words(view, draft, before[0], before[0])
        return True
    after = quote_after(view, right_edge, paragraph_end)
    if after is None and (draft.entry is None or draft.entry.kind == "speech"):
        after = quote_after_colon(view, right_edge, paragraph_end) \
            or _block_quote_after(view, right_edge, paragraph_end)
        if after is not None and view.quotes.index_at(after[0]) in used_quotes:
            after = None
    if after is not None:
        mark_used(view, after, used_quotes)
        draft.content_start, draft.content_end, draft.kind = after[0], after[1], "direct"
        if "," in view.text[right_edge:after[0]]:
            _with_opening_words(view, draft, after[0], left_edge)
        return True
    return False


def _block_quote_after(view: TextView, pos: int, paragraph_end: int) -> tuple[int, int] | None:
    """``Caddell continued:`` ending its paragraph, then a quotation opening the next one:
    that quotation."""
    if view.text[pos:paragraph_end].strip() != ":":
        return None
    k = view.quotes.first_from(paragraph_end)
    if k is None:
        return None
    start = view.quotes.spans[k][0]
    return view.quotes.spans[k] if not view.text[paragraph_end:start].strip() else None


_OPENING_WORDS = 25  # most words of the writer's before a quotation that completes them


def _with_opening_words(view: TextView, draft: Draft, quote_start: int, edge: int) -> None:
    """``The port is “safe,” Ruiz said.``, ``The ruling, Ruiz said, “changes nothing.”``: a
    quotation that opens in lower case finishes a sentence the writer began before ``edge``
    (the quotation, or the speaker and cue); the content starts with the sentence (kind
    "mixed")."""
    if not view.text[quote_start + 1:quote_start + 2].islower():
        return
    s_start = view.sentences[view.sentence_at(quote_start)][0]
    opening = view.text[s_start:edge].rstrip()
    first = opening.split(None, 1)[0] if opening else ""
    if not opening or opening.endswith(":") or opening.startswith(QUOTE_OPENERS) \
            or len(opening.split()) > _OPENING_WORDS or not opening[:1].isupper() \
            or edge != quote_start and not opening.endswith(",") \
            or first.endswith(("ed", "ing")):
        # (a speaker and cue before the quotation stand between commas; a participle clause,
        # ``Asked whether Clinton “has …,”``, is a cue of its own)
        return
    draft.content_start, draft.kind = s_start, "mixed"


# words that open a content after a manner adverb of the cue
_AFTER_MANNER = frozenset({"that", "about", "of", "on", "against"})

def indirect_content(view: TextView, draft: Draft) -> None:
    """The rest of the sentence after the cue (and an inverted speaker) is the content; with an
    addressee verb it starts at "that" or after the addressee (``told reporters that``). When
    nothing follows, the sentence part before the speaker is the content (``X, he said.``)."""
    text = view.text
    s_start, s_end = view.sentences[draft.sentence]
    after_cue = (draft.speaker_start or 0) > draft.cue_end
    between = text[draft.cue_end:draft.speaker_start] if after_cue else ""
    if between.rstrip().endswith(",") and len(between.strip()) > 3:
        # ``Citing the report, Trump said``: the participle clause holds the content
        draft.content_start = trim_start(text, draft.cue_end, draft.speaker_start, CLAUSE_GAP_CHARS)
        draft.content_end = trim_end(text, draft.content_start, draft.speaker_start,
                                     CLAUSE_GAP_CHARS)
        return
    start = max(draft.cue_end, draft.speaker_end or 0) if (draft.speaker_start or 0) > draft.cue_start \
        else draft.cue_end
    if _parenthetical(text, s_start, start, s_end, draft):
        # ``Putin’s response, he said, was “very astute”``: the content runs around the cue
        stamp = _TIME_STAMP.match(text, s_start, draft.cue_start)
        draft.content_start = stamp.end() if stamp is not None else s_start
        draft.content_end = trim_end(text, start, s_end, SENTENCE_END_CHARS)
        return
    if _LEADING_AS.match(text, s_start, min(draft.cue_start, draft.speaker_start or draft.cue_start)):
        # ``As Ruiz noted in her speech, the port …``: the main clause after the "as" clause
        comma = text.find(",", start, s_end)
        end = trim_end(text, start, s_end, SENTENCE_END_CHARS)
        if 0 <= comma < end - 3:
            draft.content_start = trim_start(text, comma + 1, end, CLAUSE_GAP_CHARS)
            draft.content_end = end
            return
    if draft.speaker_start is not None and draft.speaker_start < draft.cue_start \
            and OBJECT_RELATIVE.search(text, max(s_start, draft.speaker_start - 10),
                                        draft.speaker_start):
        # ``his poisoning, which he blamed on the Kremlin, Russia's ties …``: the relative
        # clause ends at its comma
        comma = text.find(",", start, s_end)
        if comma > start:
            s_end = comma
    words = view.words(start, s_end)
    k = 0
    lemma = draft.entry.lemma if draft.entry else ""
    if lemma in ADDRESSEE_VERBS:
        that = None
        for n in range(min(len(words), 7)):
            if words[n].text.lower() == "that":
                that = k = n
                break
            if words[n].text in CLAUSE_BOUNDARY_PUNCTUATION and words[n].text not in QUOTE_OPENERS:
                break
        if that is None:
            if words and words[0].text.lower() in OBJECT_PRONOUNS:
                k = 1
            else:
                k = addressee_end(words)
                if k == len(words) or words[k].text == ".":
                    k = len(words)  # ``…, a source told the Harbour Times.``: only an addressee
    while k < len(words) and (words[k].text in (",", ":") or (
            words[k].text.lower() in DISCOURSE_MARKERS and k + 1 < len(words)
            and words[k + 1].text == "," and k > 0 and words[k - 1].text == ",")):
        k += 1  # ``did note, however, that …``: the marker is the writer's
    j = k
    while j < len(words) - 1 and words[j].text.islower() and words[j].text.isalpha() \
            and words[j].text.endswith("ly"):
        j += 1
    if j > k and words[j].text.lower() in _AFTER_MANNER:
        k = j  # ``spoke passionately about``, ``said repeatedly that``: the manner is the cue's
    k = _after_time(words, k)
    end = trim_end(text, start, s_end, SENTENCE_END_CHARS)
    if SUBORDINATE_OPENING.match(text, s_start, draft.cue_start) \
            or _RELATIVE_BEFORE_CUE.search(text, s_start, draft.cue_start):
        # ``When I asked the mayor about the surplus, he told me …``, ``The defendant, who has
        # pleaded not guilty, sat silently``: the cue is in a clause that ends at its comma;
        # the main clause after it is no part of the content
        comma = text.find(",", start, end)
        if comma > start:
            end = trim_end(text, start, comma, CLAUSE_GAP_CHARS)
    left_start = min(draft.cue_start,
                     draft.speaker_start if draft.speaker_start is not None else draft.cue_start)
    left_end = trim_end(text, s_start, left_start, CLAUSE_GAP_CHARS)
    if k < len(words) - 1 and words[k].start < end and not _only_time(words, k):
        that = _that_after_adjunct(words, k)
        if that is not None:
            draft.content_start, draft.content_end = words[that].start, end
            return
        if not (_is_adjunct(words[k].text) and _trailing_cue(text, s_start, left_start)):
            medium = _MEDIUM_ADJUNCT.search(text, words[k].start, end)
            if medium is not None and medium.start() - words[k].start >= 3:
                end = medium.start()  # ``condemned the attack in a statement``
            verb = _next_verb_phrase(words, k, end)
            if verb is not None:
                end = trim_end(text, words[k].start, verb, CLAUSE_GAP_CHARS)
            draft.content_start, draft.content_end = words[k].start, end
            return
    stamp = _TIME_STAMP.match(text, s_start, left_end)
    if stamp is not None:
        s_start = stamp.end()  # ``14:05 — Police have closed the bridge, a spokesman said.``
    trailing_as = _TRAILING_AS.search(text, s_start, left_start)
    if trailing_as is not None and trailing_as.start() - s_start >= 3:
        # ``Its budget shows a surplus, as the Ledger reported last week.``: the main clause
        draft.content_start = s_start
        draft.content_end = trim_end(text, s_start, trailing_as.start(), CLAUSE_GAP_CHARS)
        return
    if left_end - s_start >= 3 and (after_cue or text[s_start:left_start].rstrip().endswith(
            (",", *QUOTE_CLOSERS, "—", "–", ":"))):
        # ``X, he said.``: the part before a trailing cue; ``Her lawyer says she will appeal``:
        # "will appeal" has no content
        draft.content_start, draft.content_end = s_start, left_end


# words that open a clause or a quotation as content; such content runs to the sentence end
_CLAUSE_CONTENT_OPENERS = frozenset({"that", "to", "whether", "if", "why", "how", "what", "when"})


def _next_verb_phrase(words: list[Word], k: int, end: int) -> int | None:
    """``declined to comment on the inquiry and left the hall``: where an object content ends
    because "and" joins a verb in the past to the cue's verb phrase (the start of that "and");
    None for clause content (``said that prices rose and fell``) or no such verb."""
    if words[k].text.lower() in _CLAUSE_CONTENT_OPENERS or words[k].text in QUOTE_OPENERS:
        return None
    for n in range(k + 1, len(words) - 1):
        if words[n].start >= end:
            return None
        if words[n].text in QUOTE_OPENERS:
            return None  # a quotation in the content may hold anything
        nxt = words[n + 1].text
        if words[n].text == "and" and nxt.isalpha() and nxt.islower() \
                and (nxt.endswith("ed") or nxt in IRREGULAR_PAST):
            return words[n].start
    return None


def addressee_end(words: list[Word]) -> int:
    """Index of the first word after the addressee opening ``words`` (the words after an
    addressee cue): ``the council`` in ``told the council the tram would``, ``farmers`` in
    ``told farmers they could``, ``the Marden government`` before a quotation; 0 when the words
    open otherwise."""
    n = 1 if words and words[0].text.lower() in ADDRESSEE_DETERMINERS else 0
    first = n
    while n < len(words) and n - first < MAX_ADDRESSEE_WORDS and words[n].text.isalpha() \
            and words[n].text.lower() not in ADDRESSEE_CLAUSE_OPENERS \
            and words[n].text.lower() not in PREPOSITIONS \
            and words[n].text.lower() not in CLAUSE_BOUNDARY_WORDS:
        n += 1
    if n == first:
        return 0
    if n == len(words) or words[n].text == "." and n == len(words) - 1:
        return n
    nxt = words[n].text
    if nxt.lower() in ADDRESSEE_CLAUSE_OPENERS or nxt in QUOTE_OPENERS:
        return n
    return 0


# most words of an addressee before the clause a cue reports (``told the Harbour Times she``)
MAX_ADDRESSEE_WORDS = 4
# determiners opening an addressee (``told the council``, ``told her staff``)
ADDRESSEE_DETERMINERS = NOUN_DETERMINERS


def _parenthetical(text: str, s_start: int, after: int, s_end: int, draft: Draft) -> bool:
    """Is the cue with its speaker a parenthetical between commas inside its content (``The
    plan, she said, was dead.``)?"""
    if draft.speaker_start is None or draft.speaker_start > draft.cue_start \
            or "," in text[draft.speaker_start:draft.speaker_end]:
        return False
    before = text[s_start:draft.speaker_start].rstrip()
    if before.endswith(", as"):
        before = before[:-3]  # ``The port, as Ruiz noted, has lost money``
    time = PARENTHESIS_TIME.match(text, after, s_end)
    rest = text[time.end() if time is not None else after:s_end].lstrip()
    following = rest[1:].split(None, 1)
    if following and _is_adjunct(following[0].strip(",;")):
        return False  # ``The port will reopen, officials said, after a two-week closure.``
    return before.endswith(",") and before.count(",") == 1 and len(before.split()) >= 2 \
        and not before.lstrip().startswith(QUOTE_OPENERS) \
        and rest.startswith(",") and len(rest.split()) >= 3


def _after_time(words: list[Word], k: int) -> int:
    """``said on Tuesday it would``: ``k`` moved past a time expression that more words follow."""
    n = k
    if n + 1 < len(words) and words[n].text.lower() in TIME_LEADS \
            and words[n + 1].text.lower() in TIME_WORDS:
        n += 2
    elif n < len(words) and words[n].text.lower() in TIME_WORDS:
        n += 1
    while n < len(words) and words[n].text == ",":
        n += 1
    return n if n < len(words) - 1 else k


def _only_time(words: list[Word], k: int) -> bool:
    """Are ``words[k:]`` a time expression and the sentence's end only (``issued a statement on
    Monday.``, ``said Tuesday night.``)? Such a cue has no content after it."""
    n = time_end(words, k)
    return n > k and all(not w.text[:1].isalnum() for w in words[n:])


def _is_adjunct(word: str) -> bool:
    """Does ``word`` open an adjunct or a postmodifier rather than a content clause (``on
    Tuesday``, ``in a statement``, ``which supplies the region``)?"""
    low = word.lower()
    if low.isdigit() and len(low) <= 3:
        return True  # ``said Pieter Laan, 54, whose bakery burned down``: an age
    return low in ADJUNCT_OPENERS or low in TIME_WORDS or low in TIME_LEADS \
        or low in SUBJECT_RELATIVES


# words opening an adjunct after a cue rather than its content ("said in a statement", "said
# at a news conference", "said during a visit"); "to", "about", "of" open the content itself
ADJUNCT_OPENERS = frozenset({"in", "at", "on", "during", "according", "after", "before", "following",
                             "amid", "whose"})


_DURATION_UNITS = frozenset({"hours", "days", "weeks", "months", "years", "decades", "year",
                             "decade", "week", "month", "while", "time"})
_DURATION_COUNTS = frozenset({"a", "several", "many", "some", "two", "three", "few"})


def _duration_end(words: list[Word], k: int) -> int | None:
    """Index after a duration opened at ``words[k]`` (``for months``, ``for a decade``), or
    None when none opens there."""
    if words[k].text.lower() != "for" or k + 1 >= len(words):
        return None
    n = k + 1
    if words[n].text.lower() in _DURATION_COUNTS and n + 1 < len(words):
        n += 1
    return n + 1 if words[n].text.lower() in _DURATION_UNITS else None


def _that_after_adjunct(words: list[Word], k: int) -> int | None:
    """``said in a statement that …``, ``has argued for months that …``: index of "that"
    ending a short adjunct opened at ``k``."""
    after_duration = _duration_end(words, k)
    if after_duration is not None:
        return after_duration if after_duration < len(words) - 1 \
            and words[after_duration].text.lower() == "that" else None
    if not _is_adjunct(words[k].text) or words[k].text.lower() in SUBJECT_RELATIVES \
            or k + 1 < len(words) and words[k + 1].text.lower() in ("least", "most"):
        return None
    for n in range(k + 1, min(len(words) - 1, k + 6)):
        w = words[n].text
        if w.lower() == "that":
            return n
        if w in CLAUSE_BOUNDARY_PUNCTUATION or w.lower() in CLAUSE_BOUNDARY_WORDS \
                or w[:1].isdigit():
            return None
    return None


def _trailing_cue(text: str, s_start: int, left_start: int) -> bool:
    """Does the sentence part before the speaker (and cue) end in a comma or a quotation, as
    when the cue trails its content (``Troops have left, the army said on Tuesday.``)?"""
    left = text[s_start:left_start].rstrip()
    first = left.split(maxsplit=1)[0].lower() if left else ""
    return len(left.split()) >= 4 and left.endswith((",", *QUOTE_CLOSERS, "—", "–")) \
        and first not in PREPOSITIONS and first not in CLAUSE_BOUNDARY_WORDS


# a time adjunct between a parenthetical cue and its closing comma (``the Kremlin said Friday,``)
PARENTHESIS_TIME = re.compile(
    r"\s+(?:(?:" + "|".join(sorted(TIME_LEADS)) + r")\s+)?(?:" + "|".join(sorted(TIME_WORDS))
    + r")(?=\s*,)", re.IGNORECASE)
_TRAILING_JOINER = re.compile(r"[\s,;]+(?:and|but|or)\Z")


def shorten_content(view: TextView, draft: Draft, end: int) -> None:
    """End ``draft``'s content before ``end`` (a later cue of the same sentence: ``…, adding
    that``), unless too little would remain."""
    end = trim_end(view.text, draft.content_start, end, CLAUSE_END_CHARS)
    joiner = _TRAILING_JOINER.search(view.text, draft.content_start, end)
    if joiner is not None:
        # ``declined to discuss the budget, and told``: the "and" joins the next verb
        end = trim_end(view.text, draft.content_start, joiner.start(), CLAUSE_END_CHARS)
    if end - draft.content_start >= 3:
        draft.content_end = end


def settle_kind(view: TextView, draft: Draft) -> None:
    """The final kind of a draft with its content: indirect content holding a quotation is
    "mixed"; a thought or evidence cue gives its own kind, except evidence from a person."""
    if draft.kind == "indirect" and draft.content_start is not None:
        if view.quotes.overlaps(draft.content_start, draft.content_end):
            draft.kind = "mixed"
    if draft.entry is None or draft.entry.kind == "speech":
        return
    if draft.entry.kind == "evidential" and draft.head:
        mention = describe(draft.head)
        if mention.type == "person" or mention.gender in ("m", "f"):
            return
    draft.kind = draft.entry.kind
