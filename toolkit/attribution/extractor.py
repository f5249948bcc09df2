"""Per-document attribution extraction: the scan over cue matches and the drafts it keeps.

Three patterns find cue matches in the text: reporting cues from the verb lexicon, "Name:"
colons and source phrases ("In a poll …"). The matches are visited in text order; each goes to
the rule for its kind, which returns a :class:`~toolkit.attribution.drafts.Draft` or the
:class:`~toolkit.attribution.drafts.CueOutcome` saying why it is none. A kept draft must not
overlap the previous one; it shortens the content of an earlier attribution that holds it
(``…, adding that``). Floating quotations and canonical speaker ids come last.

The rules themselves live in :mod:`~toolkit.attribution.cue_filters`,
:mod:`~toolkit.attribution.speaker_spans`, :mod:`~toolkit.attribution.content_spans`,
:mod:`~toolkit.attribution.special_cues` and :mod:`~toolkit.attribution.floating`.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from toolkit.attribution.canonical_speakers import canonicalize_speakers
from toolkit.attribution.content_spans import (
    PARENTHESIS_TIME,
    direct_content,
    indirect_content,
    quote_after_colon,
    settle_kind,
    shorten_content,
)
from toolkit.attribution.cue_filters import (
    FINDING_CUES,
    NOUN_LIKE_CUE_FORMS,
    THAT_NEXT,
    by_means,
    followed_by,
    form_outcome,
    has_topic,
    infinitive_cue_start,
    is_first_or_second_person_thought,
    is_headline_modifier,
    is_thing_subject,
    may_capitalize,
    reports_a_finding,
)
from toolkit.attribution.drafts import CueOutcome, Draft, Rejection, mark_embedded
from toolkit.attribution.floating import floating_quotes
from toolkit.attribution.speaker_spans import (
    SpeakerSearch,
    is_passive_cue,
    left_speaker,
    main_subject,
    passive_agent,
    quoted_name_subject,
    right_speaker,
)
from toolkit.attribution.speakers.resolver import OBJECT_RELATIVE
from toolkit.attribution.speakers.terms import speaker_terms
from toolkit.attribution.special_cues import (
    COLON_QUOTE,
    according_to,
    as_reported_by,
    colon_cue,
    colon_cue_matches,
    colon_quote,
    dash_byline,
    dash_byline_matches,
    impersonal,
    question,
    source_phrase,
    source_phrase_matches,
)
from toolkit.attribution.text import CLAUSE_GAP_CHARS, TextView
from toolkit.attribution.verb_lexicon import CueEntry, VerbLexicon
from toolkit.attribution.word_classes import (
    ADDRESSEE_VERBS,
    ARTICLES,
    BE_FORMS,
    CITING_CUES,
    CLAUSE_BOUNDARY_WORDS,
    CONTINUATION_CUES,
    DOCUMENT_NOUNS,
    DOCUMENT_PARTICIPLES,
    INTRANSITIVE_CUES,
    IRREGULAR_PARTICIPLES,
    IRREGULAR_PAST,
    NON_TOPIC_PREPOSITIONS,
    NOT_THING_WORDS,
    NOUN_DETERMINERS,
    NUMBER_WORDS,
    PARTICIPLE_LEADS,
    POSITION_CUES,
    POSSESSIVE_ENDINGS,
    PREPOSITIONS,
    PRONOUNS_BEFORE_VERB_FORM,
    QUOTE_CLOSERS,
    QUOTE_OPENERS,
    SKIPPED_BEFORE_CUE,
    STANCE_CATEGORIES,
    SUBJECT_DETERMINERS,
    THIRD_PERSON_SUBJECTS,
    TIME_LEADS,
    TIME_WORDS,
    TOPIC_ONLY_CUES,
)
from toolkit.attribution.words import Word, contracted_subject, is_ly_adverb, is_name_like
from toolkit.corpus.segment import trim_end, trim_start

__all__ = ["content_spans", "extract_drafts"]

# earlier attributions whose content may hold a new cue (``…, adding that``)
_HOSTS_LOOKED_AT = 3
# between the first piece of a split content and its cue or speaker: ``“…,” she said``, ``“…” —``
_BEFORE_CUE_CHARS = CLAUSE_GAP_CHARS + "—–-"
# between the cue or speaker and the second piece when it is no quotation: ``he said, …``
_AFTER_CUE_CHARS = CLAUSE_GAP_CHARS + ".;:—–-"


def content_spans(view: TextView, draft: Draft) -> tuple[tuple[int, int], ...]:
    """The pieces of ``draft``'s content: the content itself, or, when the cue (and a speaker
    mention beside it) lies inside it, the part before them and the part after them. The second
    part starts at the first quotation after them when there is one (past ``on Monday,``)."""
    start, end = draft.content_start, draft.content_end
    if start is None or end is None:
        return ()
    if draft.cue_start == draft.cue_end or not start < draft.cue_start < end:
        return ((start, end),)
    left, right = draft.cue_start, draft.cue_end
    if draft.speaker_start is not None and start < draft.speaker_start \
            and draft.speaker_end is not None and draft.speaker_end < end:
        left, right = min(left, draft.speaker_start), max(right, draft.speaker_end)
    text = view.text
    parenthesis = _AS_BEFORE_SPEAKER.search(text, max(start, left - 8), left) \
        or OBJECT_RELATIVE.search(text, max(start, left - 10), left)
    if parenthesis is not None:
        # ``The port, as Ruiz noted, has``: "as" is the cue's; ``his poisoning, which he
        # blamed on``: so is the relative pronoun
        left = parenthesis.start()
    first_end = trim_end(text, start, left, _BEFORE_CUE_CHARS)
    time = PARENTHESIS_TIME.match(text, right)
    if time is not None and time.end() < end:
        right = time.end()  # ``…, the Kremlin said Friday, was made``: the time is the cue's
    k = view.quotes.first_from(right)
    second_start = view.quotes.spans[k][0] if k is not None and view.quotes.spans[k][0] < end \
        else trim_start(text, right, end, _AFTER_CUE_CHARS)
    if first_end <= start or second_start >= end:
        return ((start, end),)
    return ((start, first_end), (second_start, end))


_AS_BEFORE_SPEAKER = re.compile(r",\s*as\s+\Z")
# ``…, and`` / ``…; but`` right before the subject of a coordinated clause
_CLAUSE_JOINT = re.compile(r"[,;]\s+(?:and|but)\s+$")
_JOINT_CHARS = 16  # looked at before the subject: the joint only, not the whole content


class _Extraction:
    """The state of one document's scan: the drafts kept so far and the quotations they took."""

    def __init__(self, view: TextView, lexicon: VerbLexicon, *, explain: bool = False) -> None:
        self.view = view
        self.lexicon = lexicon
        self.drafts: list[Draft] = []
        self.cue_starts: list[int] = []  # of the drafts, in order
        self.used_quotes: set[int] = set()
        self.explain = explain
        self.rejected: list[Rejection] = []

    def run(self) -> list[Draft]:
        view = self.view
        matches = [(m.start(), 0, m) for m in self.lexicon.pattern.finditer(view.text)]
        matches += [(m.start("cue"), 1, m) for m in colon_cue_matches(view.text)]
        matches += [(m.start(), 2, m) for m in source_phrase_matches(view.text)]
        matches += [(m.start("cue"), 3, m) for m in dash_byline_matches(view.text)]
        matches += [(m.start("cue"), 4, m) for m in COLON_QUOTE.finditer(view.text)]
        rules = (self._reporting_cue,
                 lambda match: colon_cue(view, match, self.used_quotes),
                 lambda match: source_phrase(view, match, lexicon=self.lexicon),
                 lambda match: dash_byline(view, match, self.used_quotes),
                 lambda match: colon_quote(view, match, self.used_quotes))
        explain = self.explain
        for _, kind, match in sorted(matches, key=lambda item: (item[0], item[1])):
            if explain:
                self._explained(kind, match, rules[kind])
                continue
            result = rules[kind](match)
            if isinstance(result, Draft):
                self._keep(result)
        self.drafts.extend(floating_quotes(view, self.drafts, self.used_quotes))
        self.drafts.sort(key=lambda d: (d.cue_start, d.cue_end))
        for draft in self.drafts:
            draft.content_spans = content_spans(view, draft)
        mark_embedded(self.drafts)
        canonicalize_speakers(view, self.drafts)
        if explain:
            for draft in self.drafts:
                _finish_steps(view, draft)
        return self.drafts

    def _explained(self, kind: int, match: re.Match[str], rule) -> None:
        """Run ``rule`` on ``match`` with its steps recorded; keep the draft or the rejection."""
        name = _RULE_NAMES[kind]
        if kind == 0:
            entry = self.lexicon.lookup(match.group())
            name = f"lexicon({entry.lemma if entry is not None else match.group()})"
            start, end = match.span()
        else:
            start, end = match.span("cue") if kind in (1, 3, 4) else match.span()
        result = rule(match)
        if isinstance(result, Draft):
            if result.steps is None:
                result.steps = []
            result.steps.insert(0, f"cue:{name}")
            outcome = self._keep(result)
            if outcome is CueOutcome.ACCEPTED:
                return
            start, end = result.cue_start, result.cue_end
        else:
            outcome = result
        self.rejected.append(Rejection(start, end, f"cue:{name}", outcome))

    def _keep(self, draft: Draft) -> CueOutcome:
        """Add ``draft`` unless it overlaps the previous draft or is a thought or evidence cue
        inside an earlier attribution's content."""
        # ``declined to say``: the infinitive cue takes in its governor, a cue of its own, and
        # replaces it once it is kept
        replaces = bool(self.drafts) and self.drafts[-1].cue_start == draft.cue_start \
            and self.drafts[-1].cue_end < draft.cue_end
        previous = self.drafts[-2 if replaces else -1] if len(self.drafts) > replaces else None
        if previous is not None and previous.cue_end > draft.cue_start:
            return CueOutcome.OVERLAPS_PREVIOUS
        if previous is not None and previous.speaker_start is not None \
                and previous.speaker_start <= draft.cue_start < previous.speaker_end \
                and self.view.text[draft.cue_start:draft.cue_end].lower() in NOUN_LIKE_CUE_FORMS:
            return CueOutcome.INSIDE_SPEAKER  # ``according to press reports``: the noun "reports"
        host = self._host(draft)
        if host is not None and _reports_host(self.view.text, draft, host):
            # ``Scientists have found that bees know faces, a study shows.``: the trailing cue
            # reports the clause that holds the earlier cue, whose content ends before it
            shorten_content(self.view, host, draft.content_end)
            if host.steps is not None:
                host.steps.append(f"content:shortened(before the trailing cue at {draft.cue_start})")
            host = None
        if host is not None and _no_voice_inside_content(draft):
            return CueOutcome.INSIDE_CONTENT
        if host is not None and host.kind == "evidential" and host.entry is None \
                and draft.entry is not None and draft.entry.category in STANCE_CATEGORIES:
            return CueOutcome.INSIDE_CONTENT  # ``In a poll …, most voters backed the stadium``
        if host is not None and draft.content_start is None:
            return CueOutcome.INSIDE_CONTENT  # ``Her lawyer says she will appeal``: "will appeal"
        if replaces:
            replaced = self.drafts.pop()
            self.cue_starts.pop()
            if self.explain:
                self.rejected.append(Rejection(replaced.cue_start, replaced.cue_end, "cue:lexicon",
                                               CueOutcome.OVERLAPS_PREVIOUS))
        if draft.content_start is not None and draft.content_end <= draft.cue_start:
            self._drop_thoughts_inside(draft)  # ``Families want answers, says Haddad.``
        if host is not None and host.kind != "direct" and (
                draft.antecedent is host or draft.speaker_start is not None
                and draft.speaker_start <= host.cue_start < draft.cue_start):
            # ``…, adding that``; ``Voters who backed the plan said``: the cue whose subject
            # holds the host's cue ends the host's content
            shorten_content(self.view, host, draft.cue_start)
            if host.steps is not None:
                host.steps.append(f"content:shortened(at the cue at {draft.cue_start})")
        elif host is not None and host.kind != "direct" and draft.speaker_start is not None \
                and host.content_start is not None and host.content_start < draft.speaker_start:
            # ``She did note that …, and she fought back against …``: a coordinated clause
            # whose subject has a cue of its own is narration, not the content
            joint = _CLAUSE_JOINT.search(
                self.view.text, max(host.content_start, draft.speaker_start - _JOINT_CHARS),
                draft.speaker_start)
            if joint is not None:
                shorten_content(self.view, host, joint.start())
                if host.steps is not None:
                    host.steps.append(f"content:shortened(at the clause at {joint.start()})")
        self.drafts.append(draft)
        self.cue_starts.append(draft.cue_start)
        return CueOutcome.ACCEPTED

    def _drop_thoughts_inside(self, draft: Draft) -> None:
        """Remove the latest thought or evidence drafts whose cue lies in ``draft``'s content
        before its cue (a trailing speech cue reports them)."""
        while self.drafts and (_no_voice_inside_content(self.drafts[-1])
                               or self.drafts[-1].speaker_start is None) \
                and draft.content_start <= self.drafts[-1].cue_start < draft.content_end:
            dropped = self.drafts.pop()
            self.cue_starts.pop()
            if self.explain:
                self.rejected.append(Rejection(dropped.cue_start, dropped.cue_end, "cue:lexicon",
                                               CueOutcome.INSIDE_CONTENT))

    def _in_sentence(self, sentence_start: int) -> list[Draft]:
        """The drafts whose cue lies in the sentence starting at ``sentence_start`` (a draft's
        speaker lies in its cue's sentence, so no earlier draft can share this one's)."""
        return self.drafts[bisect_left(self.cue_starts, sentence_start):]

    def _host(self, draft: Draft) -> Draft | None:
        """The latest earlier attribution whose content contains this cue."""
        for other in reversed(self.drafts[-_HOSTS_LOOKED_AT:]):
            if other.content_start is not None \
                    and other.content_start <= draft.cue_start < other.content_end:
                return other
        return None

    def _reporting_cue(self, match: re.Match[str]) -> Draft | CueOutcome:
        """A match of the verb lexicon's pattern: filters, then speaker, then content."""
        view, lexicon = self.view, self.lexicon
        entry = lexicon.lookup(match.group())
        if entry is None:
            return CueOutcome.UNKNOWN_FORM
        start, end = match.span()
        if view.ignored(start, end):
            return CueOutcome.IGNORED_SPAN
        sentence = view.sentence_at(start)
        s_start, s_end = view.sentences[sentence]
        words = view.words(s_start, start)
        if match.group()[0].isupper() and _capitalized_out_of_place(view, words, entry, s_start, s_end,
                                                                view.text[end:end + 1]):
            return CueOutcome.CAPITALIZED
        if words and words[-1].text in ("<", "/"):
            return CueOutcome.AFTER_MARKUP
        draft = Draft(start, end, entry, paragraph=view.sentence_paragraph[sentence],
                      sentence=sentence)
        steps = draft.steps = [] if self.explain else None
        form = " ".join(match.group().lower().split())
        if form.split()[-1] in DOCUMENT_NOUNS:
            after = view.words(end, min(s_end, end + _PARTICIPLE_CHARS))
            n = 0
            while n < min(len(after) - 1, 3) and (after[n].text.lower() in TIME_LEADS
                                                   or after[n].text.lower() in TIME_WORDS):
                n += 1  # ``released a statement on Monday saying``
            if n < len(after) and after[n].text.lower() in DOCUMENT_PARTICIPLES:
                draft.cue_end = after[n].end  # ``issued a statement saying``: one cue
        if entry.lemma == "quote":
            as_saying = _AS_SAYING.match(view.text, draft.cue_end)
            if as_saying is not None:
                draft.cue_end = as_saying.end()  # ``was quoted as saying``: one cue
        if entry.lemma == "according to":
            return draft if according_to(view, draft, s_end) else CueOutcome.NO_SPEAKER
        if words and words[0].text == "As" and view.text.startswith(" by ", end) \
                and all(w.text.lower() in SKIPPED_BEFORE_CUE or w.text == "first" for w in words[1:]):
            # ``As (first) reported by the Harbour Times, the council …``
            if len(words) > 1:
                draft.cue_start = words[1].start
            return draft if as_reported_by(view, draft, s_end) else CueOutcome.NO_SPEAKER
        outcome = form_outcome(view, words, form, entry, end, s_end, lexicon=lexicon)
        holder = _claim_holder(view, words, form, end, s_end) \
            if outcome is CueOutcome.NOUN_USE else None
        if outcome is not CueOutcome.ACCEPTED and holder is None:
            return outcome
        if entry.kind == "speech" and _after_means_clause(view, s_start, start):
            return CueOutcome.OTHER_SENSE  # ``By taking a strong stand, Biden has confirmed that``
        participle = form.split()[0].endswith("ing")
        absolute = None
        if words and words[-1].text.lower() == "to" and not entry.lemma.endswith(" to"):
            cue_start = infinitive_cue_start(words, lexicon=lexicon)
            if cue_start is None:
                return CueOutcome.NO_INFINITIVE_GOVERNOR
            draft.cue_start = cue_start
            words = [w for w in words if w.end <= cue_start]
            if steps is not None:
                steps.append(f"cue:infinitive(governed by {view.text[cue_start:start].strip()!r})")
        elif participle and holder is None and words and not _leads_participle(words) \
                and words[-1].text.lower() not in SKIPPED_BEFORE_CUE \
                and contracted_subject(words[-1]) is None \
                and not _after_document(words, form):
            absolute = _absolute_subject(words)
            if absolute is None:
                absolute = _recorded_subject(words)
            if absolute is None:
                return CueOutcome.BARE_PARTICIPLE
        if entry.lemma == "ask" and (not words or [w.text.lower() for w in words] == ["when"]):
            return draft if question(view, draft, s_end) else CueOutcome.NO_CONTENT
        if entry.lemma == "ask" and words[-1].text.lower() in ("when", "being") \
                and not view.quotes.overlaps(draft.cue_end, s_end):
            return draft if question(view, draft, s_end, to_end=True) else CueOutcome.NO_CONTENT
        if entry.lemma.startswith("it "):
            return draft if impersonal(view, draft, s_end) else CueOutcome.NO_CONTENT
        if entry.lemma in INTRANSITIVE_CUES and followed_by(view, end, s_end, NON_TOPIC_PREPOSITIONS):
            return CueOutcome.INTRANSITIVE_USE
        if entry.lemma in INTRANSITIVE_CUES and not has_topic(view, end, s_end) \
                and (not view.quotes.overlaps(end, s_end) or _time_clause(words)):
            return CueOutcome.NO_TOPIC  # ``Growing sharper as he spoke, Trump went on: “…”``
        if entry.lemma in CONTINUATION_CUES and followed_by(view, end, s_end, _ASPECT_FOLLOWERS):
            return CueOutcome.OTHER_SENSE  # ``as the movement continues to battle``
        if by_means(view, end, s_end):
            return CueOutcome.BY_MEANS

        if participle and not words and entry.lemma in CITING_CUES \
                and _main_clause_has_cue(view, draft.cue_end, s_end, lexicon):
            return CueOutcome.CITED_BY_MAIN_CLAUSE
        found = reduced = False
        side = "none"
        if holder is not None:
            # ``Trump’s claim that …``: the possessor made the claim
            draft.set_speaker(view.text, *holder)
            found, side = True, "possessor of the noun"
        elif absolute is not None:
            # ``with 47 percent of voters saying they …``: the noun phrase after "with"
            draft.set_speaker(view.text, words[absolute].start, words[-1].end)
            found, side = True, "absolute(with)"
        elif participle and words and (_leads_participle(words) or _after_document(words, form)):
            found = main_subject(view, draft, earlier=self._in_sentence(s_start))
            side = "main clause"
        elif words and quoted_name_subject(view, draft, words):
            found, side = True, "left(quoted name)"
        elif words and (described := _reduced_passive(view, draft, words, lexicon)) is not None:
            # the noun the participle describes stands as the subject of a passive
            draft.set_speaker(view.text, words[described].start, words[-1].end)
            found, side, reduced = True, "left(described noun)", True
        elif words:
            search = left_speaker(view, draft, words, lexicon=lexicon,
                                  earlier=self._in_sentence(s_start))
            if search is SpeakerSearch.SUBJECT_CANNOT_SPEAK:
                return CueOutcome.SUBJECT_CANNOT_SPEAK
            found = search is SpeakerSearch.FOUND
            side = "left"
        if found and _is_expletive_it(view, draft, s_end):
            draft.speaker_start = draft.speaker_end = None  # ``It is believed that …``: no source
            draft.head = ""
            side = "none(impersonal passive)"
        elif not found:
            found = right_speaker(view, draft, s_end, lexicon=lexicon)
            side = "right"
        passive_subject = None
        if found and draft.speaker_start is not None \
                and (reduced or is_passive_cue(view.text, draft)):
            subject = (draft.speaker_start, draft.speaker_end)
            if passive_agent(view, draft, s_end):
                if reduced and is_thing_subject(draft) and not any(
                        w in speaker_terms().orgs for w in draft.head.lower().split()):
                    return CueOutcome.THING_SUBJECT  # ``the divide highlighted by the floods``
                side = "passive by-agent"
                passive_subject = _passive_subject_content(view, draft, subject, s_end)
            elif is_thing_subject(draft):
                return CueOutcome.THING_SUBJECT
            elif entry.lemma in ADDRESSEE_VERBS:
                # ``We were told nothing``, ``Residents were warned to leave``: the subject was
                # spoken to; who spoke is not said
                draft.speaker_start = draft.speaker_end = None
                draft.head = ""
                side = "none(passive, the subject is the addressee)"
        if steps is not None:
            steps.append(_speaker_step(view, draft, side if found else "none"))
        if found and draft.speaker_start is not None and draft.cue_start < view.headline_end \
                and is_headline_modifier(view, draft, form):
            return CueOutcome.HEADLINE_MODIFIER

        if entry.kind != "speech" and not view.quotes.overlaps(draft.cue_end, draft.cue_end + 1) \
                and quote_after_colon(view, max(draft.cue_end, draft.speaker_end or 0),
                                      view.paragraph_end(draft.sentence)) is not None:
            return CueOutcome.INTRODUCES_COLON_QUOTE  # ``Fischer sees it differently: “…”``
        if entry.lemma in FINDING_CUES and not reports_a_finding(view, draft, s_end):
            return CueOutcome.OTHER_SENSE  # ``he saw Ruiz at the rally``, ``found a way``
        has_quote = direct_content(view, draft, self.used_quotes)
        if not found and not has_quote:
            return CueOutcome.NO_SPEAKER_OR_QUOTE
        if entry.lemma in CONTINUATION_CUES and not has_quote:
            return CueOutcome.QUOTATION_NEEDED
        if is_first_or_second_person_thought(view, draft, found and draft.speaker_start is not None):
            return CueOutcome.FIRST_OR_SECOND_PERSON
        if not has_quote and entry.lemma in TOPIC_ONLY_CUES \
                and followed_by(view, draft.cue_end, s_end, frozenset({"on", "about"})):
            pass  # ``weighed in on the debate``: a topic, no content
        elif not has_quote and passive_subject is not None:
            # ``The claim was rejected by Baltra Holdings on Tuesday.``: the subject is what was said
            draft.content_start, draft.content_end = passive_subject
        elif not has_quote:
            indirect_content(view, draft)
            if draft.content_start is not None and draft.speaker_start is not None:
                _end_at_closing_dash(view, draft)
                _with_relative_antecedent(view, draft)
            if holder is not None and draft.content_start is not None:
                comma = view.text.find(",", draft.content_start, draft.content_end)
                if comma > draft.content_start:
                    # ``Contrary to his claim that …, the returns …``: the clause of the noun
                    # ends at its comma
                    draft.content_end = trim_end(view.text, draft.content_start, comma)
        if draft.content_start is None and entry.kind == "speech" and not found:
            return CueOutcome.NO_CONTENT
        settle_kind(view, draft)
        return draft


def _reports_host(text: str, draft: Draft, host: Draft) -> bool:
    """Is ``draft`` a reporting clause trailing its content after a comma, and does that content
    hold ``host``'s cue (``Ruiz said the plan would work, the mayor said.``)? Then ``host`` is
    reported by ``draft``, not the other way round."""
    if host.kind == "direct" or draft.kind == "cognitive" or draft.content_start is None \
            or draft.speaker_start is None or draft.content_end > draft.cue_start:
        return False
    gap = text[draft.content_end:min(draft.cue_start, draft.speaker_start)]
    clause_end = max(draft.cue_end, draft.speaker_end or 0)
    return gap.strip() == "," and draft.content_start <= host.cue_start \
        and host.cue_end <= draft.content_end < (host.content_end or 0) \
        and host.content_end <= clause_end + _TRAILING_ADJUNCT_CHARS


# how far an earlier content may run past a trailing reporting clause that ends it (the
# clause's adjunct: ``…, the report said on Tuesday.``); farther, the clause is inside it
_TRAILING_ADJUNCT_CHARS = 30


def _no_voice_inside_content(draft: Draft) -> bool:
    """Is the cue a thought, evidence or a position held (``Clinton said she backs the bill``,
    ``Levine says he agrees with the ruling``)? Inside someone's reported words it is part of
    what they said (a position or a finding they report), not a voice of its own."""
    return draft.kind in ("cognitive", "evidential") \
        or draft.entry is not None and draft.entry.lemma in POSITION_CUES


_PARTICIPLE_CHARS = 40  # characters read after a document noun for the participle after it


def _after_document(words: list[Word], form: str) -> bool:
    """``signed a letter saying``, ``sent a tweet calling``: a participle right after a document
    noun tells what the document says; its speaker is the subject who sent it."""
    return form in DOCUMENT_PARTICIPLES and words[-1].text.lower() in DOCUMENT_NOUNS \
        and len(words) > 1 and words[-2].text.lower() in _DOCUMENT_DETERMINERS


# words right before a document noun (``a letter``, ``an open letter``, ``a press release``)
_DOCUMENT_DETERMINERS = NOUN_DETERMINERS | frozenset({"open", "joint", "new", "short", "brief",
                                                      "formal", "written", "press"})


_ABSOLUTE_WORDS = 10  # longest noun phrase read between "with" and a participle cue


def _absolute_subject(words: list[Word]) -> int | None:
    """``with 47 percent of voters saying they …``, ``with three in 10 saying``: index of the
    first word of the noun phrase between "with" and the participle cue (a count or a plural
    noun), None when the words before the cue are no such phrase."""
    for n in range(len(words) - 1, max(-1, len(words) - 1 - _ABSOLUTE_WORDS), -1):
        w = words[n].text
        if w.lower() == "with":
            if n == len(words) - 1:
                return None
            first, last = words[n + 1].text, words[-1].text
            counted = first[:1].isdigit() or first.lower() in _ABSOLUTE_COUNTS
            plural = last.endswith("s") and not last.endswith("ss") or last[:1].isdigit()
            return n + 1 if counted or plural and last.islower() else None
        if not (w.replace("-", "").replace("%", "").replace("’", "").replace("'", "").isalnum()):
            return None
    return None


def _with_relative_antecedent(view: TextView, draft: Draft) -> None:
    """``his poisoning, which he blamed on the Kremlin``: the noun phrase an object relative
    clause takes back is part of its content, which then starts there."""
    relative = OBJECT_RELATIVE.search(view.text, max(0, draft.speaker_start - 10),
                                      draft.speaker_start)
    if relative is None or draft.content_start < draft.cue_end:
        return
    s_start = view.sentences[draft.sentence][0]
    words = view.words(s_start, relative.start())
    if not words or not words[-1].text.isalpha():
        return
    first = _noun_phrase_start(words)
    while first >= 2 and words[first - 1].text.lower() in ("of", "at", "in", "on", "for"):
        before = _noun_phrase_start(words[:first - 1])
        if words[before].text.lower() not in ARTICLES \
                and words[before].text.lower() not in SUBJECT_DETERMINERS:
            break
        first = before  # ``the fire at his warehouse, which he blamed``: the whole phrase
    if words[first].text.lower() in ARTICLES or words[first].text.lower() in SUBJECT_DETERMINERS:
        draft.content_start = words[first].start


_DASH_MARK = re.compile(r"\s(--?|—|–)\s")


def _end_at_closing_dash(view: TextView, draft: Draft) -> None:
    """``The audit -- which notes that the port lost money -- was published``: a relative
    clause opened by a dash is closed by the next one, and so is its content."""
    marks = list(_DASH_MARK.finditer(view.text, draft.speaker_start, draft.cue_start))
    if len(marks) % 2 == 0:
        return  # no dash, or an aside closed before the cue (``Ruiz — the engineer — said``)
    opening = marks[-1]
    closing = view.text.find(opening.group(1), draft.content_start, draft.content_end)
    if closing > draft.content_start:
        draft.content_end = trim_end(view.text, draft.content_start, closing)


# cue forms that are nouns of speech taking a that-clause (``Trump’s claim that …``)
_CLAIM_NOUNS = frozenset({"claim", "claims", "warning", "warnings", "promise", "promises",
                          "pledge", "pledges", "assertion", "insistence", "contention"})


def _claim_holder(view: TextView, words: list[Word], form: str, end: int,
                  sentence_end: int) -> tuple[int, int] | None:
    """``Trump’s claim that there have been thousands of shootings``, ``his promise that``:
    a possessor before a noun of speech and a that-clause after it; the span of the possessor
    (a name with its possessive ending, or the possessive pronoun), else None."""
    if form not in _CLAIM_NOUNS or not words or not THAT_NEXT.match(view.text, end, sentence_end):
        return None
    last = words[-1]
    low = last.text.lower()
    if low in ("his", "her", "their"):
        return last.start, last.end
    if not low.endswith(POSSESSIVE_ENDINGS) or not last.text[:1].isalpha():
        return None
    k = len(words) - 1
    while k > 0 and words[k - 1].text[:1].isalpha() \
            and not words[k - 1].text.endswith(POSSESSIVE_ENDINGS) \
            and (is_name_like(words[k - 1].text) or words[k - 1].text.lower() in ARTICLES):
        k -= 1  # ``Donald Trump’s``, ``the mayor’s``
    return words[k].start, last.end - 2


# recordings that show someone speaking (``footage of Ruiz saying``)
_RECORDINGS = frozenset({"footage", "video", "videos", "clip", "clips", "recording",
                         "recordings", "audio", "tape", "tapes", "images", "film"})


def _recorded_subject(words: list[Word]) -> int | None:
    """``The ad uses footage of Ana Ruiz saying …``: index of the name after "<recording> of"
    right before a participle cue, the one who speaks in the recording; else None."""
    n = len(words) - 1
    while n >= 0 and is_name_like(words[n].text) and words[n].text[:1].isalpha():
        n -= 1
    if n == len(words) - 1 or n < 1 or words[n].text.lower() != "of" \
            or words[n - 1].text.lower() not in _RECORDINGS:
        return None
    return n + 1


_ABSOLUTE_COUNTS = NUMBER_WORDS | frozenset({"half", "most", "many", "some", "about", "nearly",
                                            "almost", "more", "fewer", "a", "just", "only",
                                            "roughly"})


# words after continue/begin that make it an aspect verb of another action
_ASPECT_FOLLOWERS = frozenset({"to", "with", "in", "on", "for", "as", "at"})
# words that open a time clause around speak/talk (``as he spoke``, ``while she was speaking``)
_TIME_SUBORDINATORS = frozenset({"as", "while", "when", "before", "after", "until", "since"})


def _time_clause(words: list[Word]) -> bool:
    """Do the words before the cue end in a time clause's subordinator and subject (``as he``,
    ``while the mayor was``)?"""
    for n in range(len(words) - 1, max(-1, len(words) - 5), -1):
        if words[n].text.lower() in _TIME_SUBORDINATORS:
            return n < len(words) - 1
        if not words[n].text.isalpha():
            return False
    return False


def _leads_participle(words: list[Word]) -> bool:
    """Do the words before an -ing cue open a participle clause: a comma, a subordinator, a
    dash (and an adverb after them), or a comma closed inside a quotation (``called it
    "absurd," adding that …``)?"""
    last = words[-1].text
    if last.lower() in PARTICIPLE_LEADS:
        return True
    if last.islower() and last.endswith("ly") and len(words) > 1 \
            and words[-2].text.lower() in PARTICIPLE_LEADS:
        return True  # ``…, eventually saying``, ``and pointedly saying``
    return last in QUOTE_CLOSERS and len(words) > 1 and words[-2].text == ","


_BY_NEXT = re.compile(r"\s+by\s")
_AS_SAYING = re.compile(r"\s+as\s+(?:having\s+)?(?:saying|said)\b")
# what "by" names after a cue when it is a means, not an agent (``said by phone``)
_BY_MEANS_NOUNS = frozenset({"phone", "telephone", "email", "e-mail", "text", "letter", "video",
                             "videolink", "satellite", "fax", "radio", "mail", "post", "cable"})


def _reduced_passive(view: TextView, draft: Draft, words: list[Word],
                     lexicon: VerbLexicon) -> int | None:
    """``a practice criticized by civil rights groups``, ``the road proposed by the council``: a
    participle cue right after the noun phrase it describes, inside the sentence, and before
    "by" and an agent; the agent, not the noun, is the one who spoke. The index of the noun
    phrase's first word in ``words``, or None."""
    if _BY_NEXT.match(view.text, draft.cue_end) is None:
        return None
    cue = view.text[draft.cue_start:draft.cue_end]
    if " " in cue or not cue.islower() or not (cue.endswith("ed") or cue in IRREGULAR_PARTICIPLES):
        return None
    after = view.words(draft.cue_end, min(len(view.text), draft.cue_end + 40))
    if len(after) < 2 or after[0].text != "by" or not after[1].text.isalpha() \
            or after[1].text.lower() in _BY_MEANS_NOUNS or after[1].text.endswith("ing") \
            or after[1].text.lower() in TIME_WORDS:
        return None
    last = words[-1].text.lower()
    if not last.isalpha() or last in PRONOUNS_BEFORE_VERB_FORM or last in THIRD_PERSON_SUBJECTS \
            or last in ("it", "that", "this") or last in SKIPPED_BEFORE_CUE \
            or last in CLAUSE_BOUNDARY_WORDS or is_ly_adverb(last) \
            or lexicon.lookup(last) is not None and not words[-1].text[:1].isupper() \
            and last not in NOUN_LIKE_CUE_FORMS:
        return None  # ``he criticized``, ``has been soundly criticized``, ``aided by X and
        # opposed by Y``: a subject, an auxiliary or an adverb, or a participle of a series
    first = _noun_phrase_start(words)
    if first == 0 or view.text[view.sentences[draft.sentence][0]:words[first].start] \
            .strip(" “\"'") == "":
        return None  # ``The council proposed by …``: the sentence's subject and its verb
    return first


_NOUN_PHRASE_WORDS = 6  # most words of the noun phrase a participle describes


def _noun_phrase_start(words: list[Word]) -> int:
    """First word of the noun phrase ending ``words`` (``a warning`` in ``ignored a warning``):
    back over words to a determiner, stopping after a verb in the past, a preposition,
    punctuation or a clause word."""
    k = len(words) - 1
    while k > 0 and len(words) - k < _NOUN_PHRASE_WORDS:
        low = words[k].text.lower()
        if low in ARTICLES or low in SUBJECT_DETERMINERS:
            return k
        before = words[k - 1].text
        low_before = before.lower()
        if before in (".", ",") and k > 1 and words[k - 2].text.isdigit() \
                and words[k].text.isdigit() or before == "$":
            k -= 1  # ``$36.5 billion``
            continue
        if not before.replace("’", "").replace("'", "").isalnum() or low_before in PREPOSITIONS \
                or low_before in CLAUSE_BOUNDARY_WORDS \
                or before.islower() and (low_before.endswith("ed") or low_before in IRREGULAR_PAST):
            return k
        k -= 1
    return k


def _capitalized_out_of_place(view: TextView, words: list[Word], entry: CueEntry, s_start: int,
                              s_end: int, following: str = "") -> bool:
    """Is a capitalized cue form neither at the start of its sentence nor in a title-case
    headline, or a surname after a name (``CNN's Dana Bash tweeted``)?"""
    if not may_capitalize(words, entry) \
            and not (words and entry.kind != "speech" and _is_title_case(view, s_start, s_end)):
        return True
    if words and not all(w.text in QUOTE_OPENERS for w in words) \
            and s_start >= view.paragraphs[0][1] \
            and view.text[s_start:s_end].rstrip(" ”\"’'").endswith(".") \
            and not _is_title_case(view, s_start, s_end, final_period=True):
        # ``They want to work at JPMorgan Chase, not ACE Cash Express.``: inside a sentence of
        # running text (not the first line, which may be a headline), a capitalized form
        # belongs to a name
        return True
    # ``CNN's Dana Bash tweeted``, ``One mother, Keisha Grant, held up``: a capitalized form
    # right after a first name, or after a name and before a comma, outside a title-case
    # headline, is a surname
    return bool(words) and (words[-1].text.lower() in speaker_terms().first_names
                            or following == "," and is_name_like(words[-1].text)
                            and words[-1].text.isalpha()) \
        and not _is_title_case(view, s_start, s_end)


# shortest title-case sentence read as a headline (``Study Finds River Pollution Has Doubled``)
_TITLE_CASE_WORDS = 4
_TITLE_CASE_CHARS = 200  # longest headline read


def _is_title_case(view: TextView, start: int, end: int, *, final_period: bool = False) -> bool:
    """Is the sentence a title-case headline: at least a few words, every word of four letters
    or more capitalized, no sentence-final period (unless ``final_period``: some archives end
    their headlines with one)?"""
    if end - start > _TITLE_CASE_CHARS:
        return False
    words = [w.text for w in view.words(start, end) if w.text.isalpha()]
    if len(words) < _TITLE_CASE_WORDS \
            or not final_period and view.text[start:end].rstrip().endswith("."):
        return False
    return all(w[0].isupper() for w in words if len(w) >= 4)


_MEANS_CLAUSE_CHARS = 200  # characters read for a means clause opening a sentence


def _after_means_clause(view: TextView, sentence_start: int, cue_start: int) -> bool:
    """Does the sentence open with a means clause (``By taking a strong stand against Russia,``)
    that ends before the cue? The cue then tells what the act showed, not what was said."""
    words = view.words(sentence_start, min(cue_start, sentence_start + _MEANS_CLAUSE_CHARS))
    return len(words) > 3 and words[0].text == "By" and words[1].text.endswith("ing") \
        and any(w.text == "," for w in words[2:])


# words of a main clause looked at for its own cue after an opening participle clause
_MAIN_CLAUSE_WORDS = 8


def _main_clause_has_cue(view: TextView, pos: int, sentence_end: int, lexicon: VerbLexicon) -> bool:
    """``Citing the report, Okonjo said …``: does the main clause after the participle clause
    opening at ``pos`` have a reporting cue of its own within its first words?"""
    comma = view.text.find(",", pos, sentence_end)
    if comma < 0:
        return False
    words = view.words(comma + 1, sentence_end)[:_MAIN_CLAUSE_WORDS]
    return any(w.text.islower() and lexicon.lookup(w.text) is not None for w in words)


# words after ``it is believed`` that end the passive rather than open its clause
_IRREGULAR_CUE_PARTICIPLES = frozenset({"thought", "understood", "told", "said", "felt", "heard"})
_NOT_AFTER_IMPERSONAL = frozenset({"by", "to", "as", ",", ".", "for", "with", "in", "on"})


def _is_expletive_it(view: TextView, draft: Draft, sentence_end: int) -> bool:
    """``It is believed that …``, ``It was reported that …``, ``It is not known when …``: "it"
    before a passive cue that a clause follows is no speaker."""
    if view.text[draft.speaker_start:draft.speaker_end].lower() != "it":
        return False
    cue_words = view.text[draft.cue_start:draft.cue_end].lower().split()
    last = cue_words[-1] if cue_words else ""
    if len(cue_words) < 2 or not any(w in BE_FORMS for w in cue_words[:-1]) \
            or not (last.endswith("ed") or last in IRREGULAR_PARTICIPLES
                    or last in _IRREGULAR_CUE_PARTICIPLES):
        return False
    after = view.words(draft.cue_end, sentence_end)
    return len(after) > 2 and after[0].text.lower() not in _NOT_AFTER_IMPERSONAL


# words after the by-agent of a passive cue that open its content rather than an adjunct
_CONTENT_AFTER_AGENT = frozenset({"that", "to", "whether", "if", ":"})


def _passive_subject_content(view: TextView, draft: Draft, subject: tuple[int, int],
                             sentence_end: int) -> tuple[int, int] | None:
    """The subject of a passive cue with a by-agent as its content, when what follows the agent
    is an adjunct or nothing (``was criticised by Okonjo as reckless``) and the subject is no
    pronoun."""
    mention = view.text[subject[0]:subject[1]]
    if mention.lower() in _PRONOUNS or mention.lower() in NOT_THING_WORDS \
            or subject[1] > draft.cue_start:
        return None
    after = view.words(draft.speaker_end, sentence_end)
    if after and (after[0].text.lower() in _CONTENT_AFTER_AGENT or after[0].text in QUOTE_OPENERS):
        return None
    return subject


_RULE_NAMES = ("lexicon", "colon", "source phrase", "dash byline", "colon before a quotation")
_PRONOUNS = frozenset("i we you he she they it".split())


def _speaker_step(view: TextView, draft: Draft, side: str) -> str:
    """``speaker:left(apposition)``: where the speaker was found, and how it reads."""
    if draft.speaker_start is None:
        return "speaker:none"
    mention = view.text[draft.speaker_start:draft.speaker_end]
    details = []
    if side == "left" and "," in view.text[draft.speaker_end:draft.cue_start]:
        details.append("apposition")
    if mention.lower() in _PRONOUNS:
        details.append("pronoun")
    if draft.antecedent is not None:
        details.append(f"speaker of the cue at {draft.antecedent.cue_start}")
    return f"speaker:{side}" + (f"({', '.join(details)})" if details else "")


def _content_step(draft: Draft) -> str:
    if draft.content_start is None:
        return "content:none"
    if draft.kind == "floating":
        return "content:floating(quotation opening its sentence)"
    if len(draft.content_spans) > 1:
        where = f"split quotation, {len(draft.content_spans)} pieces"
    elif draft.content_start < draft.cue_start:
        where = "before the cue"
    else:
        where = "after the cue"
    quoted = "direct" if draft.kind in ("direct", "mixed") else "indirect"
    return f"content:{quoted}({where})"


def _finish_steps(view: TextView, draft: Draft) -> None:
    """The steps every rule path ends with: speaker (when the rule named none), content, kind
    and the canonical speaker."""
    steps = draft.steps if draft.steps is not None else []
    shortened = [step for step in steps if step.startswith("content:shortened")]
    steps = [step for step in steps if not step.startswith("content:shortened")]
    if draft.kind == "floating":
        anchor = draft.antecedent.cue_start if draft.antecedent is not None else None
        steps.append("cue:none(floating)")
        steps.append(f"speaker:continues(the attribution at {anchor})")
    elif not any(step.startswith("speaker:") for step in steps):
        side = "left" if draft.speaker_start is not None and draft.speaker_start < draft.cue_start \
            else "right"
        steps.append(_speaker_step(view, draft, side))
    steps.append(_content_step(draft))
    steps.extend(shortened)
    steps.append(f"kind:{draft.kind}")
    resolved = draft.resolved
    if resolved is not None and resolved.speaker:
        steps.append(f"speaker-id:{resolved.speaker}({resolved.type})")
    elif draft.speaker_start is not None:
        steps.append("speaker-id:unresolved")
    draft.steps = steps


def extract_drafts(text: str, lexicon: VerbLexicon, excluded: tuple[tuple[int, int], ...], *,
                   explain: bool = False) -> tuple[list[Draft], list[Rejection]]:
    """All attributions of one document, speakers canonicalized, in text order, and the cue
    matches that became none (recorded only with ``explain``, which also records each draft's
    rule path in ``Draft.steps``)."""
    extraction = _Extraction(TextView(text, excluded), lexicon, explain=explain)
    drafts = extraction.run()
    return drafts, extraction.rejected
