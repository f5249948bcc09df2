"""Per-document attribution extraction: cues, speakers and contents with original offsets."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field

from toolkit.attribution.speakers import (
    Resolved,
    Resolver,
    describe,
    known_person,
    speaker_terms,
)
from toolkit.attribution.text import Spans, paragraphs, quote_spans, sentences
from toolkit.attribution.verb_lexicon import CueEntry, VerbLexicon, cue_noun_forms

__all__ = ["Draft", "Document", "extract_drafts"]

_WORD = re.compile(r"\b(?:Mrs?|Ms|Dr|Sens?|Reps?|Gov|Gen|Lt|Col|Sgt|St|Jr|Sr|Prof|Rev|Hon|Adm|Capt|[A-Z])\."
                   r"|(?:[A-Z]\.){2,}|\w+(?:[’'-]\w+)*|''|[^\w\s]")
_AUX = frozenset("""has have had having is are was were be been being am will would could can may might
should must shall do does did not never n’t n't also just later previously once reportedly repeatedly then
still already even recently publicly privately earlier again often first further quickly simply long
flatly openly explicitly frequently initially ultimately finally strongly sharply loudly angrily bluntly
quietly since now always clearly specifically directly separately subsequently yet""".split())
_TIME = frozenset("""monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
week month year morning afternoon evening night weekend""".split())
_TIME_LEAD = frozenset("on last this earlier late early next".split())
_BOUNDARY_WORDS = frozenset("""that and but because when if as while since although though so or after
before which where whom whether than until unless whereas what how why""".split())
_BOUNDARY_PUNCT = frozenset([*",;:“”\"()[]—–?!", "''"])
_INTRANSITIVE = frozenset("speak talk".split())
_QUOTE_ONLY = frozenset("continue go on".split())
_APPOSITION_STOPS = _BOUNDARY_WORDS - {"and", "of"}
_PREPOSITIONS = frozenset("in on at during after before from with by for to of about into over under".split())
_DETERMINERS = frozenset("""the a an his her their its our my your this these those such any no some
every each another several many most other both all few two three four""".split())
_FIRST_SECOND = frozenset("i we you i’ve i've we’ve we've i’m i'm".split())
_OBJECT_PRONOUNS = frozenset("him her them me us you reporters supporters".split())
_OBJECT_VERBS = frozenset("tell ask urge warn remind assure inform advise instruct implore invite".split())
_DISCOURSE = frozenset("""however meanwhile too though instead moreover also nonetheless nevertheless
then though indeed""".split())
_PARTICIPLE_LEAD = frozenset([*", by in after before while when without and".split(), "—", "–"])
_NOUNISH = cue_noun_forms()
_VERB_FOLLOWERS = frozenset("that to he she it they we i you up out back down off".split())
_NUMBER = re.compile(r"\d[\d,.]*")
_AWAY_PARTICLES = frozenset("off away down".split())
_NAMING = frozenset("call dub name label brand".split())
_CLAUSE_OPENERS = frozenset("""that the a an his her their its this these those some most more no he she
they it we him them us""".split())
_MODIFIERS = frozenset("""earlier first later latest recent previous initial final new monthly weekly annual
second third last next""".split())
_QUOTE_OPEN = ("“", '"', "''")
_QUOTE_CLOSE = ("”", '"', "''")
_CLAUSE_STOPS = frozenset([".", ",", ";", "“", "”", '"', "''"])
_TO_GOVERNORS = frozenset("""declined declines decline refused refuses refuse on used tried tries
expected going likely unlikely able unable willing reluctant quick quoted""".split())
_MAX_SUBJECT = 12
_REJECTED = "rejected"
_IRREGULAR_PARTICIPLES = frozenset("""seen made written done given taken known held led paid sent shown drawn
brought bought built chosen""".split())
_NAME_RUN = r"(?:[A-Z][\w.’'-]*|on|to|of|de)(?:\s(?:[A-Z][\w.’'-]*|on|to|of|de)){0,5}"
_COLON = re.compile(rf"(?:(?P<lead>^|(?<=[-–—]\s))|(?<=\s))(?P<name>{_NAME_RUN}(?<![\s.]))(?P<cue>:)(?=\s)",
                    re.MULTILINE)
_BE_FORMS = frozenset("is are was were be been being".split())
_THING_EXCEPTIONS = frozenset("it they he she who which".split())
_DATELINE = re.compile(r"[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}(?:, [A-Z][\w.]*(?: \d{1,2})?)?"
                       r"(?: \([^()\n]{1,30}\))?\s*(?:[-—–]|\([^()\n]{1,30}\) [-—–])\s+")
_SOURCE_PHRASE = re.compile(
    r"\b[Ii]n\s+(?P<source>(?:an?|the|its|their|his|her)\b[^,.;:“”\"]{0,60}?"
    r"\b(?:poll|survey|study|report|analysis))\b"
    r"|\b[Ii]n\s+(?P<holder>[A-Z][\w.’'-]*(?:\s[A-Z][\w.’'-]*){0,3}[’']s?|his|her|their)\s+view\b")
_NOT_SPEAKERS = frozenset("""update updated note photo photos related read watch source sources editor
editors tags image video click here by from posted reporting advertisement share listen subscribe
update: correction on to of washington new york the latest breaking exclusive""".split())


@dataclass
class Draft:
    """An attribution before speaker canonicalization (internal, mutable while built)."""

    cue_start: int
    cue_end: int
    entry: CueEntry | None
    speaker_start: int | None = None
    speaker_end: int | None = None
    head: str = ""
    context: str = ""
    content_start: int | None = None
    content_end: int | None = None
    kind: str = "indirect"
    paragraph: int = 0
    sentence: int = 0
    antecedent: Draft | None = field(default=None, repr=False)
    resolved: Resolved | None = field(default=None, repr=False)


class Document:
    """Segmentation and quotation spans of one text, computed once."""

    def __init__(self, text: str, excluded: tuple[tuple[int, int], ...]) -> None:
        self.text = text
        self.paras = paragraphs(text)
        self.sents: list[tuple[int, int]] = []
        self.sent_para: list[int] = []
        for index, (start, end) in enumerate(self.paras):
            for number, span in enumerate(sentences(text, start, end)):
                if number == 0:
                    dateline = _DATELINE.match(text, span[0], span[1])
                    if dateline is not None and dateline.end() < span[1]:
                        span = (dateline.end(), span[1])
                self.sents.append(span)
                self.sent_para.append(index)
        self.sent_starts = [s for s, _ in self.sents]
        # the first line is the headline when it is short or lacks a final period
        first = self.paras[0] if self.paras else (0, 0)
        line = text[first[0]:first[1]].strip()
        self.headline_end = first[1] if len(self.paras) > 1 and line and "\n" not in line and (
            not line.endswith(".") or len(line.split()) <= 12) else -1
        self.quotes = Spans(quote_spans(text, self.paras))
        self.excluded = Spans([(s, e) for s, e in excluded if e > s])
        self.used_quotes: set[int] = set()

    def sentence_at(self, pos: int) -> int:
        return max(0, bisect_right(self.sent_starts, pos) - 1)

    def words(self, start: int, end: int) -> list[tuple[int, int, str]]:
        return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(self.text, start, end)]


def _is_participle(word: str) -> bool:
    """A lower-case past participle opening a post-modifier (``commissioned``, ``seen``)."""
    return word.isalpha() and word.islower() and (word.endswith("ed") and len(word) > 4 or word in _IRREGULAR_PARTICIPLES)


def _is_source_noun(word: str) -> bool:
    """A common noun that can speak: a document (report, survey) or an institution (ministry)."""
    terms = speaker_terms()
    return word.islower() and (word in terms.orgs or word in terms.bodies
                               or word.endswith("s") and word[:-1] in terms.orgs)


def _is_name(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def _skip_left(words: list[tuple[int, int, str]], i: int) -> int:
    """Step left over auxiliaries, adverbs and time expressions before a cue."""
    while i >= 0:
        low = words[i][2].lower()
        if low in _AUX or low.endswith("ly") and len(low) > 4 and not _is_name(words[i][2]):
            i -= 1
        elif low in _TIME and i > 0:
            i -= 2 if words[i - 1][2].lower() in _TIME_LEAD else 1
        else:
            break
    return i


def _chunk_left(words: list[tuple[int, int, str]], i: int, lexicon: VerbLexicon | None = None, *,
                stop_words: frozenset[str] = _BOUNDARY_WORDS) -> int:
    """Index of the first word of the phrase ending at ``i`` (stops at clause boundaries)."""
    j = i
    depth = 0
    while j >= 0:
        w = words[j][2]
        if w == ")":
            depth += 1
        elif w == "(" and depth:
            depth -= 1
        elif depth == 0 and w == "and" and j < i and _is_name(words[j + 1][2]):
            of = _of_name_start(words, j)
            if of is None:
                break
            j = of
            continue
        elif depth == 0 and (w in _BOUNDARY_PUNCT or w.lower() in stop_words
                             or (lexicon is not None and j < i and w.islower() and lexicon.lookup(w))):
            break
        j -= 1
    return j + 1


def _of_name_start(words: list[tuple[int, int, str]], conj: int) -> int | None:
    """``Ministry of Water and Energy``: index of the org noun before "of" when the "and" at
    ``conj`` joins two capitalized words of one organization name, else None."""
    k = conj - 1
    while k >= 0 and words[k][2][:1].isupper():
        k -= 1
    if k < 1 or k == conj - 1 or words[k][2] != "of":
        return None
    noun = words[k - 1][2]
    terms = speaker_terms()
    if noun[:1].isupper() and (noun.lower() in terms.orgs or noun.lower() in terms.bodies):
        return k - 1
    return None


def _trim_phrase(words: list[tuple[int, int, str]], a: int, b: int) -> int | None:
    """First word of a plausible subject inside ``words[a:b+1]``, or None."""
    if a > b:
        return None
    if b - a + 1 > _MAX_SUBJECT or words[a][2].lower() in _PREPOSITIONS:
        k = b
        while k >= a and (_is_name(words[k][2]) or words[k][2] in ".’'"):
            k -= 1
        if k == b:
            return None
        return k + 1
    return a


def _is_role_phrase(words: list[tuple[int, int, str]], a: int, b: int) -> bool:
    return a <= b and (words[a][2].lower() in _DETERMINERS or not _is_name(words[a][2])
                       or "’s" in words[a][2] or "'s" in words[a][2]
                       or b > a and words[b][2].isalpha() and words[b][2].islower())


class _Extractor:
    def __init__(self, doc: Document, lexicon: VerbLexicon) -> None:
        self.doc = doc
        self.text = doc.text
        self.lexicon = lexicon
        self.drafts: list[Draft] = []

    # ----- speakers -----------------------------------------------------------------------

    def _left_speaker(self, draft: Draft, words: list[tuple[int, int, str]]) -> bool:
        i = _skip_left(words, len(words) - 1)
        if i + 1 < len(words):
            draft.cue_start = words[i + 1][0]
        if i < 0:
            return False
        w = words[i][2]
        if w == ",":
            return self._apposition(draft, words, i)
        if w.lower() in ("and", "but"):
            return self._main_subject(draft, draft.sentence)
        if w != ")" and (w in _BOUNDARY_PUNCT or w.lower() in _BOUNDARY_WORDS):
            return False
        who = self._relative_clause_start(words, i)
        if who is not None:
            # ``A senior official who spoke on condition of anonymity said``: the subject is before "who"
            a = _trim_phrase(words, _chunk_left(words, who - 1, self.lexicon), who - 1)
            if a is not None:
                self._set_speaker(draft, words[a][0], words[i][1])
                return True
        a = _trim_phrase(words, _chunk_left(words, i, self.lexicon), i)
        if a is None:
            return False
        if words[a][2].lower() in ("who", "which") and a == i:
            return self._relative(draft, words, a)
        if _is_participle(words[a][2]) and a > 0:
            return self._participle_subject(draft, words, a, i)
        if i > a and _is_participle(words[i][2]) and _is_source_noun(words[i - 1][2]):
            return self._participle_subject(draft, words, i, i)  # ``A study published last week found``
        if words[i][2].lower() == "alike" and a >= 2 and words[a - 1][2].lower() == "and":
            # ``Lawmakers from the coalition and the opposition alike have called``: both conjuncts
            first = _trim_phrase(words, _chunk_left(words, a - 2, self.lexicon), a - 2)
            if first is not None:
                self._set_speaker(draft, words[first][0], words[i][1])
                draft.head = self.text[words[first][0]:words[i - 1][1]]
                return True
        self._set_speaker(draft, words[a][0], words[i][1])
        return True

    def _participle_subject(self, draft: Draft, words: list[tuple[int, int, str]], a: int, i: int) -> bool:
        """``An engineering report commissioned by X found``: a participle phrase is no subject.

        When the noun before it is a source that can speak (a report, a survey, an institution),
        that noun phrase is the speaker and the participle phrase stays in the mention; otherwise
        (``the safety questions raised by the report have added``) there is no speaker.
        """
        if not _is_source_noun(words[a - 1][2]):
            draft.kind = _REJECTED
            return False
        start = _trim_phrase(words, _chunk_left(words, a - 1), a - 1)
        if start is None:
            draft.kind = _REJECTED
            return False
        self._set_speaker(draft, words[start][0], words[i][1])
        draft.head = self.text[words[start][0]:words[a - 1][1]]
        return True

    @staticmethod
    def _relative_clause_start(words: list[tuple[int, int, str]], i: int) -> int | None:
        """Index of "who" opening a short relative clause that ends at ``i`` (no comma around it)."""
        for k in range(i, max(-1, i - 10), -1):
            w = words[k][2]
            if w in _BOUNDARY_PUNCT or w.lower() in _BOUNDARY_WORDS and w.lower() != "who":
                return None
            if w.lower() == "who":
                if k < 2 or k == i or words[k - 1][2] in _BOUNDARY_PUNCT \
                        or words[k - 1][2].lower() in _BOUNDARY_WORDS:
                    return None
                return k
        return None

    def _apposition(self, draft: Draft, words: list[tuple[int, int, str]], comma: int) -> bool:
        """``X, Y, said``: choose the name among X and Y, keep both as the mention."""
        end_y = comma - 1
        if end_y < 0:
            return False
        a_y = _chunk_left(words, end_y, stop_words=_APPOSITION_STOPS)
        if a_y > end_y or a_y == 0 or words[a_y - 1][2] != ",":
            return False
        if words[a_y][2].lower() in ("who", "which") and a_y >= 2 \
                and self._apposition(draft, words, a_y - 1):
            # ``X, the council's chair, who mediated the talks, said``: the relative clause closes
            # the mention; the name is chosen among the members before it
            draft.speaker_end = words[end_y][1]
            return True
        y_text = " ".join(w for _, _, w in words[a_y:end_y + 1]).lower()
        end_x = a_y - 2
        if y_text in _DISCOURSE or (words[a_y][2].lower() in _PREPOSITIONS):
            i = _skip_left(words, end_x)
            if i < 0 or words[i][2] in _BOUNDARY_PUNCT:
                return False
            a = _trim_phrase(words, _chunk_left(words, i), i)
            if a is None:
                return False
            self._set_speaker(draft, words[a][0], words[i][1])
            return True
        if end_x < 0:
            return False
        a_x = _trim_phrase(words, _chunk_left(words, end_x), end_x)
        if a_x is None:
            return False
        if words[a_x][2].lower() in ("who", "which"):
            return False
        x_head = (words[a_x][0], words[end_x][1])
        y_head = (words[a_y][0], words[end_y][1])
        if _is_role_phrase(words, a_y, end_y) or not _is_role_phrase(words, a_x, end_x):
            head, context = x_head, y_head
        else:
            head, context = y_head, x_head
        draft.speaker_start, draft.speaker_end = x_head[0], y_head[1]
        draft.head = self.text[head[0]:head[1]]
        draft.context = self.text[context[0]:context[1]]
        return True

    def _relative(self, draft: Draft, words: list[tuple[int, int, str]], who: int) -> bool:
        """``X, who said``: the mention is "who", the speaker is X."""
        draft.speaker_start, draft.speaker_end = words[who][0], words[who][1]
        draft.head = words[who][2]
        if who >= 2 and words[who - 1][2] == ",":
            end = who - 2
            a = _trim_phrase(words, _chunk_left(words, end), end)
            if a is not None:
                draft.head = self.text[words[a][0]:words[end][1]]
                for other in self.drafts:
                    if other.speaker_start is not None and other.speaker_start < words[end][1] \
                            and words[a][0] < other.speaker_end:
                        draft.antecedent = other
        return True

    def _right_speaker(self, draft: Draft, sent_end: int) -> bool:
        """Inverted order: ``“…,” said Peskov, the Kremlin spokesman.``"""
        words = self.doc.words(draft.cue_end, sent_end)
        k = 0
        while k < len(words) and (words[k][2].lower() in _TIME or words[k][2].lower() in _TIME_LEAD):
            k += 1
        if k >= len(words):
            return False
        first = words[k][2]
        if not (_is_name(first) or first.lower() in _DETERMINERS or first.lower() in ("he", "she", "they")) \
                or self.lexicon.lookup(first) is not None:
            return False
        j = k
        while j + 1 < len(words) and words[j + 1][2] not in _BOUNDARY_PUNCT and words[j + 1][2] != "." \
                and words[j + 1][2].lower() not in _BOUNDARY_WORDS and words[j + 1][2].lower() not in _PREPOSITIONS:
            j += 1
        if j - k >= _MAX_SUBJECT:
            return False
        self._set_speaker(draft, words[k][0], words[j][1])
        if j + 2 < len(words) and words[j + 1][2] == "," and _is_role_phrase(words, j + 2, j + 2):
            end = j + 2
            while end + 1 < len(words) and words[end + 1][2] not in _CLAUSE_STOPS:
                end += 1
            draft.context = self.text[words[j + 2][0]:words[end][1]]
            draft.speaker_end = words[end][1]
        return True

    def _set_speaker(self, draft: Draft, start: int, end: int) -> None:
        draft.speaker_start, draft.speaker_end = start, end
        draft.head = self.text[start:end]

    def _main_subject(self, draft: Draft, sent: int) -> bool:
        """Speaker of a participial cue (``…, adding that``): the main clause's speaker."""
        for k in range(len(self.drafts) - 1, -1, -1):
            other = self.drafts[k]
            if other.sentence != sent:
                break
            if other.speaker_start is not None:
                draft.speaker_start, draft.speaker_end = other.speaker_start, other.speaker_end
                draft.head, draft.context = other.head, other.context
                draft.antecedent = other
                return True
        start = self.doc.sents[sent][0]
        words = self.doc.words(start, draft.cue_start)
        k = 0
        while k < len(words) and (words[k][2].lower() in _BOUNDARY_WORDS or words[k][2] in _QUOTE_OPEN):
            k += 1
        if k < len(words) and words[k][2].lower() in ("he", "she", "they"):
            self._set_speaker(draft, words[k][0], words[k][1])
            return True
        end = k
        while end < len(words) and end - k < 6 and (_is_name(words[end][2]) or words[end][2] in ("’s", "'s")):
            end += 1
        bodies = speaker_terms().bodies
        if end > k and end < len(words) and words[end][2] in bodies:
            end += 1  # ``Water council offers …, urging``: the run modifies the noun after it
        if end > k and words[k][2].lower() not in _PREPOSITIONS:
            self._set_speaker(draft, words[k][0], words[end - 1][1])
            return True
        return False

    # ----- contents -------------------------------------------------------------------------

    def _quote_after(self, pos: int, limit: int) -> tuple[int, int] | None:
        """Quotation starting right after ``pos`` (only spaces, commas or a colon between)."""
        i = pos
        while i < limit and self.text[i] in " ,:\t":
            i += 1
        if i < limit and self.text.startswith(_QUOTE_OPEN, i):
            k = self.doc.quotes.index_at(i)
            if k is not None and self.doc.quotes.spans[k][0] == i:
                return self.doc.quotes.spans[k]
        return None

    def _quote_before(self, pos: int) -> tuple[int, int] | None:
        """Quotation ending right before ``pos`` (only spaces and commas between)."""
        i = pos
        while i > 0 and self.text[i - 1] in " ,\t":
            i -= 1
        if i > 0 and self.text.endswith(_QUOTE_CLOSE, 0, i):
            k = self.doc.quotes.index_at(i - 1)
            if k is not None and self.doc.quotes.spans[k][1] == i:
                return self.doc.quotes.spans[k]
        return None

    def _continuation(self, after: int, para_end: int) -> tuple[int, int] | None:
        """Second half of a split quotation: ``“…,” he said. “…”`` or ``he said, “…”``."""
        i = after
        while i < para_end and self.text[i] in " .,;:\t":
            i += 1
        if i < para_end and self.text.startswith(_QUOTE_OPEN, i):
            k = self.doc.quotes.index_at(i)
            if k is not None and self.doc.quotes.spans[k][0] == i and k not in self.doc.used_quotes:
                return self.doc.quotes.spans[k]
        return None

    def _mark_used(self, span: tuple[int, int]) -> None:
        k = self.doc.quotes.index_at(span[0])
        if k is not None:
            self.doc.used_quotes.add(k)

    def _direct_content(self, draft: Draft, sent: int) -> bool:
        para_end = self.doc.paras[self.doc.sent_para[sent]][1]
        left_edge = min(draft.cue_start, draft.speaker_start if draft.speaker_start is not None else draft.cue_start)
        right_edge = max(draft.cue_end, draft.speaker_end or 0)
        before = self._quote_before(left_edge)
        if before is not None and self.doc.quotes.index_at(before[0]) not in self.doc.used_quotes:
            end = before[1]
            rest = self._continuation(self._clause_end(right_edge), para_end)
            if rest is not None:
                end = rest[1]
                self._mark_used(rest)
            self._mark_used(before)
            draft.content_start, draft.content_end, draft.kind = before[0], end, "direct"
            return True
        after = self._quote_after(right_edge, para_end)
        if after is not None:
            self._mark_used(after)
            draft.content_start, draft.content_end, draft.kind = after[0], after[1], "direct"
            return True
        return False

    def _clause_end(self, pos: int) -> int:
        """Skip time words after a cue or inverted speaker (``said Friday``)."""
        m = re.compile(r"(?:\s+(?:on\s+)?(?:[A-Z][a-z]+day|today|yesterday))?").match(self.text, pos)
        return m.end() if m else pos

    def _indirect_content(self, draft: Draft, sent: int) -> None:
        s_start, s_end = self.doc.sents[sent]
        start = max(draft.cue_end, draft.speaker_end or 0) if (draft.speaker_start or 0) > draft.cue_start \
            else draft.cue_end
        words = self.doc.words(start, s_end)
        k = 0
        lemma = draft.entry.lemma if draft.entry else ""
        if lemma in _OBJECT_VERBS:
            for n in range(min(len(words), 7)):
                if words[n][2].lower() == "that":
                    k = n
                    break
                if words[n][2] in _BOUNDARY_PUNCT:
                    break
            else:
                if words and words[0][2].lower() in _OBJECT_PRONOUNS:
                    k = 1
        while k < len(words) and words[k][2] in ",:":
            k += 1
        end = s_end
        while end > start and self.text[end - 1] in " .!?;":
            end -= 1
        if k < len(words) - 1 and words[k][0] < end:
            draft.content_start, draft.content_end = words[k][0], end
            return
        left_end = min(draft.cue_start, draft.speaker_start if draft.speaker_start is not None else draft.cue_start)
        while left_end > s_start and self.text[left_end - 1] in " ,":
            left_end -= 1
        if left_end - s_start >= 3:
            draft.content_start, draft.content_end = s_start, left_end

    def _finish_kind(self, draft: Draft) -> None:
        if draft.kind == "indirect" and draft.content_start is not None:
            if self.doc.quotes.overlaps(draft.content_start, draft.content_end):
                draft.kind = "mixed"
        if draft.entry is None or draft.entry.kind == "speech":
            return
        if draft.entry.kind == "evidential" and draft.head:
            mention = describe(draft.head)
            if mention.type == "person" or mention.gender in ("m", "f"):
                return
        draft.kind = draft.entry.kind

    # ----- cues -------------------------------------------------------------------------------

    def _is_noun(self, words: list[tuple[int, int, str]], form: str, end: int, s_end: int) -> bool:
        """A determiner or possessive before the cue, or a noun-like form without a subject.

        A noun-like form after a common noun ("the poll shows", "health worries") or after a name
        that follows a determiner ("the Benghazi attack") is a verb only when a clause or an
        object follows it ("the poll shows that", "a survey finds Ostby ahead").
        """
        if not words:
            return False
        prev = words[-1][2].lower()
        if prev in ("the", "a", "an") or prev.endswith(("’s", "'s")):
            return True
        i = len(words) - 1
        while i > 0 and (words[i][2].lower() in _MODIFIERS or words[i][2].endswith("ly")) \
                and not _is_name(words[i][2]):
            i -= 1
        if i < len(words) - 1 and words[i][2].lower() in ("the", "a", "an"):
            return True
        if form not in _NOUNISH:
            return False
        if prev in _DETERMINERS or prev in _PREPOSITIONS - {"to"}:
            return True
        if prev in _AUX or prev in ("to", ",") or prev in ("they", "we", "i", "you", "who"):
            return False
        if _is_name(words[-1][2]):
            k = len(words) - 1
            while k > 0 and (_is_name(words[k][2]) or words[k][2] == "."):
                k -= 1
            if k == len(words) - 1 or words[k][2].lower() not in ("the", "a", "an"):
                return False
        return not self._object_follows(words, end, s_end)

    def _object_follows(self, words: list[tuple[int, int, str]], end: int, s_end: int) -> bool:
        """Does a clause or an object follow a noun-like cue form (it is then a verb)?"""
        after = self.doc.words(end, min(s_end, end + 40))
        if not after:
            return False
        nxt = after[0][2]
        low = nxt.lower()
        if low in _CLAUSE_OPENERS or nxt[:1].isdigit() or nxt in _QUOTE_OPEN:
            return True
        if nxt[:1].isupper() and nxt.isalpha():
            return True
        if nxt in (".", ","):
            a = _chunk_left(words, len(words) - 1)
            if any(w.endswith(("’s", "'s")) or w.islower() and w.endswith("est") and len(w) > 5
                   for _, _, w in words[a:]) and words[-1][2].islower() \
                    and words[-1][2] not in speaker_terms().roles and words[-1][2] not in speaker_terms().anonymous:
                return False  # ``Valdoria's largest infrastructure project,``: one noun phrase
            return a > 0 and words[a - 1][2] == ","
        return False

    @staticmethod
    def _modifier_use(words: list[tuple[int, int, str]], form: str, entry: CueEntry,
                      after: list[tuple[int, int, str]]) -> bool:
        """Verb forms used as modifiers: ``60 pledged delegates``, ``of pledged delegates``,
        ``a company called Harmony`` (a naming participle after an indefinite noun phrase)."""
        if not words or " " in form:
            return False
        if form.endswith("ing"):
            return bool(after) and after[0][2] in _AWAY_PARTICLES
        prev = words[-1][2]
        nxt = after[0][2] if after else ""
        if nxt in _AWAY_PARTICLES or nxt == "out" and len(after) > 1 and after[1][2] == "of":
            return True  # ``backed off``, ``called off the vote``, ``backed out of``
        if prev in _PREPOSITIONS - {"to"}:
            return True
        if _NUMBER.fullmatch(prev):
            return form.endswith("ed") and nxt.isalpha() and nxt.islower() and nxt not in _CLAUSE_OPENERS \
                and nxt not in _VERB_FOLLOWERS
        prev = prev.lower()
        if nxt in _QUOTE_OPEN or entry.lemma not in _NAMING or not form.endswith("ed") or not prev.isalpha() \
                or not words[-1][2].islower() \
                or prev in _AUX or prev in _OBJECT_PRONOUNS or prev in _BOUNDARY_WORDS or prev.endswith("ly") \
                or prev in ("he", "she", "they", "it", "we", "i", "who"):
            return False
        for k in range(len(words) - 2, max(-1, len(words) - 6), -1):
            w = words[k][2].lower()
            if w in ("a", "an", "another"):
                return True
            if not w.isalpha() or w in _AUX or w in _BOUNDARY_WORDS:
                return False
        return False

    def _plural_subject(self, words: list[tuple[int, int, str]], form: str, end: int, s_end: int) -> bool:
        """``Merrow talks open``, ``Dam talks stall``: a plural noun after a modifier, then its verb.

        The modifier is a common noun (lower case elsewhere in the text) or a name the text uses
        after "the" ("the Merrow dam"), not a subject.
        """
        if not words or form not in _NOUNISH or not form.endswith("s") or not _is_name(words[-1][2]):
            return False
        after = self.doc.words(end, min(s_end, end + 40))
        if not after:
            return False
        name = words[-1][2]
        if not re.search(rf"\b(?:{re.escape(name.lower())}|[Tt]he {re.escape(name)})\b", self.text):
            return False
        nxt = after[0][2]
        low = nxt.lower()
        return (nxt.isalpha() and nxt.islower() and low not in _VERB_FOLLOWERS and low not in _PREPOSITIONS
                and low not in _DETERMINERS and low not in _AUX and low not in _OBJECT_PRONOUNS
                and not low.endswith("ly") and self.lexicon.lookup(low) is None)

    def candidate(self, match: re.Match[str]) -> Draft | None:
        entry = self.lexicon.lookup(match.group())
        if entry is None:
            return None
        start, end = match.span()
        if self.doc.excluded.overlaps(start, end) or self.doc.quotes.index_at(start) is not None:
            return None
        sent = self.doc.sentence_at(start)
        s_start, s_end = self.doc.sents[sent]
        words = self.doc.words(s_start, start)
        if match.group()[0].isupper() and not self._may_capitalize(words, entry):
            return None
        if words and words[-1][2] in "</":
            return None
        draft = Draft(start, end, entry, paragraph=self.doc.sent_para[sent], sentence=sent)
        form = " ".join(match.group().lower().split())
        if entry.lemma == "according to":
            return draft if self._according(draft, s_end) else None
        if self._is_noun(words, form, end, s_end) or self._plural_subject(words, form, end, s_end):
            return None
        if self._modifier_use(words, form, entry, self.doc.words(end, min(s_end, end + 30))):
            return None
        if words and words[-1][2].lower() == "to" and not entry.lemma.endswith(" to"):
            if not self._extend_infinitive(draft, words):
                return None
            words = [w for w in words if w[1] <= draft.cue_start]
        elif form.split()[0].endswith("ing") and words and words[-1][2].lower() not in _PARTICIPLE_LEAD \
                and words[-1][2].lower() not in _AUX:
            return None
        if entry.lemma == "ask" and (not words or [w[2].lower() for w in words] == ["when"]):
            return self._question(draft, s_end)
        if entry.lemma == "ask" and words[-1][2].lower() in ("when", "being") and not self.doc.quotes.overlaps(
                draft.cue_end, s_end):
            return self._question(draft, s_end, to_end=True)
        if entry.lemma.startswith("it "):
            return self._impersonal(draft, s_end)
        if entry.lemma in _INTRANSITIVE and self._followed_by(end, s_end, _PREPOSITIONS - {"about", "of"}):
            return None
        found = False
        if form.split()[0].endswith("ing") and words and words[-1][2].lower() in _PARTICIPLE_LEAD:
            found = self._main_subject(draft, sent)
        elif words:
            found = self._left_speaker(draft, words)
        if draft.kind == _REJECTED:
            return None
        if not found:
            found = self._right_speaker(draft, s_end)
        if found and self._passive(draft, s_end) is False:
            return None
        if found and draft.cue_start < self.doc.headline_end and self._headline_modifier(draft, form):
            return None
        has_quote = self._direct_content(draft, sent)
        if not found and not has_quote or entry.lemma in _QUOTE_ONLY and not has_quote:
            return None
        if not self._plausible(draft, found):
            return None
        if not has_quote:
            self._indirect_content(draft, sent)
        if draft.content_start is None and entry.kind == "speech" and not found:
            return None
        self._finish_kind(draft)
        return draft

    def _passive(self, draft: Draft, s_end: int) -> bool | None:
        """``were denied by Russian authorities``: the by-agent is the speaker (True).

        A passive cue without an agent whose subject is a thing, not a person or an organization
        ("the request will not be repeated"), is no attribution (False); None when not passive.
        """
        cue_words = self.text[draft.cue_start:draft.cue_end].lower().split()
        if len(cue_words) < 2 or not any(w in _BE_FORMS for w in cue_words[:-1]) \
                or not cue_words[-1].endswith(("ed", "en", "told", "said")):
            return None
        after = self.doc.words(draft.cue_end, s_end)
        if after and after[0][2].lower() == "by" and len(after) > 1:
            j = 1
            while j < len(after) and j <= _MAX_SUBJECT and after[j][2] not in _BOUNDARY_PUNCT \
                    and after[j][2] != "." and after[j][2].lower() not in _BOUNDARY_WORDS \
                    and after[j][2].lower() not in _PREPOSITIONS - {"of"}:
                j += 1
            if j > 1:
                self._set_speaker(draft, after[1][0], after[j - 1][1])
                draft.context = ""
                return True
        mention = describe(draft.head)
        if mention.type == "organization" and mention.gender == "o" and not mention.name[:1].isupper() \
                and not any(w in _THING_EXCEPTIONS for w in draft.head.lower().split()):
            return False
        return None

    def _headline_modifier(self, draft: Draft, form: str) -> bool:
        """``Merrow talks``, ``Leaked report``, ``Dam report`` in a headline: a lone capitalized word
        before a cue form that is also a noun modifies that noun unless the document knows it as a
        person's name (``Trump Calls for …``)."""
        head = self.text[draft.speaker_start:draft.speaker_end]
        if form not in _NOUNISH or " " in head.strip() or not head[:1].isupper() \
                or self.text[draft.speaker_end:draft.cue_start].strip():
            return False
        return not known_person(head, self.text[self.doc.headline_end:])

    def _followed_by(self, pos: int, limit: int, options: frozenset[str]) -> bool:
        words = self.doc.words(pos, min(limit, pos + 30))
        return bool(words) and words[0][2].lower() in options

    def _question(self, draft: Draft, s_end: int, *, to_end: bool = False) -> Draft | None:
        """``Asked about X, …`` / ``When asked whether …``: no speaker, the question is the content.

        With ``to_end`` (``…, she said when asked whether …``) a question without a comma runs
        to the end of the sentence.
        """
        comma = self.text.find(",", draft.cue_end, s_end)
        if comma < 0 and to_end:
            comma = s_end
            while comma > draft.cue_end and self.text[comma - 1] in " .!?;":
                comma -= 1
        if comma < 0 or comma - draft.cue_end < 4:
            return None
        draft.content_start = draft.cue_end + 1
        draft.content_end = comma
        return draft

    def _impersonal(self, draft: Draft, s_end: int) -> Draft | None:
        """``It is unclear whether …``, ``it became clear that …``: no source, the rest is the content."""
        end = s_end
        while end > draft.cue_end and self.text[end - 1] in " .!?;":
            end -= 1
        start = draft.cue_end
        while start < end and self.text[start] in " ,":
            start += 1
        if end - start < 8:
            return None
        draft.content_start, draft.content_end = start, end
        self._finish_kind(draft)
        return draft

    def _may_capitalize(self, words: list[tuple[int, int, str]], entry: CueEntry) -> bool:
        """Capitalized cues open a sentence, or sit in a title-case headline (``Trump Says``)."""
        if all(w[2] in _QUOTE_OPEN for w in words):
            return True
        return entry.kind == "speech" and entry.lemma not in _NOUNISH and _is_name(words[-1][2])

    def _plausible(self, draft: Draft, found: bool) -> bool:
        """Drop first/second-person thoughts (``I think``, ``you know``)."""
        mention = self.text[draft.speaker_start:draft.speaker_end].lower() if found else ""
        # ``I think``, ``do you think``, ``I don’t know``: a short mention holding I/we/you
        tokens = [w.strip("'\"“”‘’") for w in mention.split()]
        first_second = bool(tokens) and len(tokens) <= 3 and any(w in _FIRST_SECOND for w in tokens)
        return not (first_second and draft.entry is not None and draft.entry.kind != "speech")

    def _extend_infinitive(self, draft: Draft, words: list[tuple[int, int, str]]) -> bool:
        """``declined to say``: the cue spans the governing verb; a lexicon governor is the cue."""
        if len(words) < 2:
            return False
        governor = words[-2][2].lower()
        entry = self.lexicon.lookup(governor)
        if entry is not None and entry.lemma in _QUOTE_ONLY:
            # ``continued to complain``: the continuation verb is part of the cue
            draft.cue_start = words[-2][0]
            return True
        if entry is not None or governor not in _TO_GOVERNORS:
            return False
        i = len(words) - 2
        if governor == "on" and i > 0:
            i -= 1
        draft.cue_start = words[i][0]
        return True

    def _according_apposition(self, draft: Draft, words: list[tuple[int, int, str]], comma: int) -> None:
        """``according to Putin’s spokesman, Dmitry Peskov,`` / ``according to Trenin, the director``."""
        end = comma + 1
        while end + 1 < len(words) and words[end + 1][2] not in _CLAUSE_STOPS:
            end += 1
        closes = end + 1 >= len(words) or words[end + 1][2] in (",", ".")
        first = words[comma + 1][2]
        if not closes or end - comma > 8 or first.lower() in ("who", "which"):
            return
        x_is_role = _is_role_phrase(words, 0, comma - 1)
        if x_is_role and _is_name(first) and first.lower() not in _DETERMINERS:
            draft.speaker_end = words[end][1]
            draft.head = self.text[words[comma + 1][0]:words[end][1]]
            draft.context = self.text[words[0][0]:words[comma - 1][1]]
        elif not x_is_role and first.lower() in ("the", "a", "an") and words[end + 1:end + 2] != [","]:
            draft.context = self.text[words[comma + 1][0]:words[end][1]]

    def _according(self, draft: Draft, s_end: int) -> bool:
        words = self.doc.words(draft.cue_end, s_end)
        j = 0
        while j < len(words) and words[j][2] not in _CLAUSE_STOPS \
                and words[j][2].lower() not in _BOUNDARY_WORDS and j < _MAX_SUBJECT:
            j += 1
        if j == 0:
            return False
        self._set_speaker(draft, words[0][0], words[j - 1][1])
        if j + 1 < len(words) and words[j][2] == ",":
            self._according_apposition(draft, words, j)
        sent = draft.sentence
        s_start = self.doc.sents[sent][0]
        left = draft.cue_start
        while left > s_start and self.text[left - 1] in " ,":
            left -= 1
        if left - s_start >= 3:
            draft.content_start, draft.content_end = s_start, left
        else:
            rest = [w for w in words if w[0] >= draft.speaker_end and w[2] != ","]
            end = s_end
            while end > draft.cue_end and self.text[end - 1] in " .!?;":
                end -= 1
            if rest and rest[0][0] < end:
                draft.content_start, draft.content_end = rest[0][0], end
        quote = self._quote_after(draft.speaker_end, s_end) if draft.content_start is None else None
        if quote is not None:
            draft.content_start, draft.content_end = quote
        self._finish_kind(draft)
        return True

    def _colon(self, match: re.Match[str]) -> Draft | None:
        """``Name: text`` (headline or transcript turn) and ``… Name: “quote”``."""
        start, end = match.span("cue")
        if self.doc.excluded.overlaps(start, end) or self.doc.quotes.index_at(start) is not None:
            return None
        name = match.group("name")
        if name.split()[0].lower() in _NOT_SPEAKERS or name.split()[-1].lower() in _NOT_SPEAKERS:
            return None
        sent = self.doc.sentence_at(start)
        para = self.doc.sent_para[sent]
        draft = Draft(start, end, None, paragraph=para, sentence=sent)
        self._set_speaker(draft, *match.span("name"))
        quote = self._quote_after(end, self.doc.paras[para][1])
        if quote is not None:
            self._mark_used(quote)
            draft.content_start, draft.content_end, draft.kind = quote[0], quote[1], "direct"
            return draft
        if match.group("lead") is None:
            return None
        content_end = self.doc.paras[para][1]
        content_start = end + len(self.text[end:content_end]) - len(self.text[end:content_end].lstrip())
        if content_end - content_start < 10:
            return None
        draft.content_start, draft.content_end = content_start, content_end
        self._finish_kind(draft)
        return draft

    def _source_phrase(self, match: re.Match[str]) -> Draft | None:
        """``In a CNN poll released Monday, …`` and ``in Bolton’s view``: the source is in the cue."""
        start, end = match.span()
        if self.doc.excluded.overlaps(start, end) or self.doc.quotes.index_at(start) is not None:
            return None
        group = "source" if match.group("source") else "holder"
        sent = self.doc.sentence_at(start)
        if group == "source" and self.doc.sents[sent][0] != start:
            return None
        kind = "evidential" if group == "source" else "cognitive"
        draft = Draft(start, end, None, paragraph=self.doc.sent_para[sent], sentence=sent, kind=kind)
        self._set_speaker(draft, *match.span(group))
        s_start, s_end = self.doc.sents[sent]
        words = self.doc.words(end, s_end)
        comma = next((w for w in words if w[2] == ","), None)
        stop = s_end
        while stop > s_start and self.text[stop - 1] in " .!?;":
            stop -= 1
        if comma is not None and comma[1] < stop:
            draft.content_start, draft.content_end = comma[1] + 1, stop
        elif start - s_start > 3:
            self._truncate_to(draft, s_start, start)
        return draft if draft.content_start is not None else None

    def _truncate_to(self, draft: Draft, start: int, end: int) -> None:
        while end > start and self.text[end - 1] in " ,;":
            end -= 1
        draft.content_start, draft.content_end = start, end

    def _host(self, draft: Draft) -> Draft | None:
        """The latest earlier attribution whose content contains this cue."""
        for other in reversed(self.drafts[-3:]):
            if other.content_start is not None and other.content_start <= draft.cue_start < other.content_end:
                return other
        return None

    def _truncate(self, host: Draft, end: int) -> None:
        """End ``host``'s content before a later cue of the same sentence (``…, adding that``)."""
        while end > host.content_start and self.text[end - 1] in " ,;":
            end -= 1
        if end - host.content_start >= 3:
            host.content_end = end

    def run(self) -> list[Draft]:
        matches = [(m.start(), 0, m) for m in self.lexicon.pattern.finditer(self.text)]
        matches += [(m.start("cue"), 1, m) for m in _COLON.finditer(self.text)]
        matches += [(m.start(), 2, m) for m in _SOURCE_PHRASE.finditer(self.text)]
        handlers = (self.candidate, self._colon, self._source_phrase)
        for _, which, match in sorted(matches, key=lambda item: (item[0], item[1])):
            draft = handlers[which](match)
            if draft is None or self.drafts and self.drafts[-1].cue_end > draft.cue_start:
                continue
            host = self._host(draft)
            if host is not None and draft.kind in ("cognitive", "evidential"):
                continue
            if host is not None and draft.antecedent is host and host.kind != "direct":
                self._truncate(host, draft.cue_start)
            self.drafts.append(draft)
        self._floating()
        self._canonicalize()
        return self.drafts

    def _floating(self) -> None:
        """Quoted sentences without a cue right after a direct quote continue its speaker.

        A run of such quotations (only whitespace between them) becomes one floating record.
        """
        covered = Spans([(d.content_start, d.content_end) for d in self.drafts
                         if d.content_start is not None and d.content_end > d.content_start])
        ordered = sorted(self.drafts, key=lambda d: max(d.cue_end, d.content_end or 0))
        ends = [max(d.cue_end, d.content_end or 0) for d in ordered]
        floating: list[Draft] = []
        for k, (q_start, q_end) in enumerate(self.doc.quotes.spans):
            if k in self.doc.used_quotes or covered.overlaps(q_start, q_end):
                continue
            sent = self.doc.sentence_at(q_start)
            if self.doc.sents[sent][0] != q_start or len(self.text[q_start:q_end].split()) < 4:
                continue
            if floating and not self.text[floating[-1].content_end:q_start].strip():
                floating[-1].content_end = q_end
                continue
            a = bisect_right(ends, q_start) - 1
            if a < 0 or ordered[a].kind not in ("direct", "mixed"):
                continue
            anchor = ordered[a]
            if self.doc.sent_para[sent] - anchor.paragraph > 1:
                continue
            floating.append(Draft(q_start, q_start, None, content_start=q_start, content_end=q_end,
                                  kind="floating", paragraph=self.doc.sent_para[sent], sentence=sent,
                                  antecedent=anchor))
        self.drafts.extend(floating)
        self.drafts.sort(key=lambda d: (d.cue_start, d.cue_end))

    def _canonicalize(self) -> None:
        resolver = Resolver(self.text)
        for d in sorted(self.drafts, key=_mention_position):
            if d.antecedent is not None and d.antecedent.resolved is not None:
                d.resolved = resolver.add(d.antecedent.resolved, _mention_position(d))
            else:
                d.resolved = resolver.resolve(d.head, d.context, _mention_position(d))
        self._headline_speakers()

    def _headline_speakers(self) -> None:
        """``Leaked report says …`` / ``Water council offers …`` in the headline: a common-noun
        speaker (lower-case head noun) takes the body's speaker id with the same head noun
        ("report", "Regional Water Council"), the most frequent one."""
        body: Counter[tuple[str, str]] = Counter()
        for d in self.drafts:
            r = d.resolved
            if r is not None and r.speaker and d.cue_start >= self.doc.headline_end \
                    and r.type in ("organization", "person"):
                body[(r.speaker.split()[-1].lower(), r.speaker)] += 1
        if not body:
            return
        for d in self.drafts:
            r = d.resolved
            if r is None or not r.speaker or d.cue_start >= self.doc.headline_end or d.antecedent is not None:
                continue
            words = r.speaker.split()
            if len(words) < 2 or not words[-1].islower() or r.type not in ("organization", "person"):
                continue
            options = [(n, key[1]) for key, n in body.items() if key[0] == words[-1]]
            if options:
                speaker = max(options)[1]
                kind = next(x.resolved.type for x in self.drafts if x.resolved is not None
                            and x.resolved.speaker == speaker)
                d.resolved = Resolved(speaker, kind, None, r.gender)


def _mention_position(draft: Draft) -> int:
    return draft.speaker_start if draft.speaker_start is not None else draft.cue_start


def extract_drafts(text: str, lexicon: VerbLexicon, excluded: tuple[tuple[int, int], ...]) -> list[Draft]:
    """All attributions of one document, speakers canonicalized, in text order."""
    return _Extractor(Document(text, excluded), lexicon).run()
