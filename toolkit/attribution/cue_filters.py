"""Cue filters: is this match of a cue form really a reporting verb here?

Many cue forms are also nouns or modifiers ("the poll shows" is a noun phrase, "the poll shows
that" a clause; "60 pledged delegates", "a company called Harmony"). The functions take the words
of the sentence before the cue (``words``), the cue form in lower case with single spaces
(``form``) and the cue's end offset; they only read the text view and the lexicon.
"""

from __future__ import annotations

import re

from toolkit.attribution.content_spans import addressee_end
from toolkit.attribution.drafts import CueOutcome, Draft
from toolkit.attribution.phrases import is_source_noun, phrase_start, skip_left
from toolkit.attribution.speakers import describe, known_person, speaker_terms
from toolkit.attribution.text import TextView
from toolkit.attribution.verb_lexicon import CueEntry, VerbLexicon, cue_noun_forms
from toolkit.attribution.word_classes import (
    ADDRESSEE_VERBS,
    ARTICLES,
    AUXILIARIES,
    AWAY_PARTICLES,
    BE_FORMS,
    CLAUSE_AUXILIARIES,
    CLAUSE_BOUNDARY_PUNCTUATION,
    CLAUSE_BOUNDARY_WORDS,
    CLAUSE_OPENERS,
    CONTINUATION_CUES,
    FIRST_SECOND_PERSON,
    FUTURE_MODALS,
    GESTURE_TARGETS,
    HYPOTHETICAL_MODALS,
    INDEFINITE_DETERMINERS,
    INFINITIVE_CUE_FORMS,
    INFINITIVE_GOVERNORS,
    INTERVIEW_PARTICIPLES,
    IRREGULAR_PAST,
    LEGAL_CUES,
    LEGAL_SENSE_NEXT,
    NAMING_VERBS,
    NEGATIONS,
    NO_ANSWER_CUES,
    NOT_THING_WORDS,
    NOUN_DETERMINERS,
    NOUN_FOLLOWERS,
    NOUN_MODIFIERS,
    NOUN_PREPOSITIONS,
    NUMBER_WORDS,
    OBJECT_PRONOUNS,
    OPEN_CLAUSE_WORDS,
    OTHER_SENSE_OBJECTS,
    PERCEPTION_COMPLEMENTS,
    PERCEPTION_CUES,
    PHYSICAL_SENSES,
    POSSESSIVE_DETERMINERS,
    POSSESSIVE_ENDINGS,
    PREPOSITIONS,
    PRONOUNS_BEFORE_VERB_FORM,
    QUANTITY_CUES,
    QUOTE_CLOSERS,
    QUOTE_OPENERS,
    SKIPPED_BEFORE_CUE,
    SPEECH_OBJECT_NOUNS,
    STANCE_CATEGORIES,
    STANDING_STANCE_CUES,
    SUBJECT_DETERMINERS,
    SUBJECT_PRONOUNS,
    SUMMONED_NEXT,
    THAT_OR_QUOTE_CUES,
    THIRD_PERSON_SUBJECTS,
    TIME_LEADS,
    TIME_WORDS,
    VERB_FOLLOWERS,
)
from toolkit.attribution.words import Word, contracted_subject, is_ly_adverb, is_name_like

__all__ = ["FINDING_CUES", "NOUN_LIKE_CUE_FORMS", "THAT_NEXT", "reports_a_finding", "by_means", "followed_by", "has_topic", "form_outcome", "infinitive_cue_start",
           "is_first_or_second_person_thought", "is_headline_modifier", "is_modifier_use",
           "is_noun_use", "is_other_sense", "is_plural_subject", "is_thing_subject",
           "is_title_or_first_name", "may_capitalize", "object_follows"]

# cue forms that are also nouns ("report", "reports", "talks", "worries")
NOUN_LIKE_CUE_FORMS = cue_noun_forms()
_NUMBER = re.compile(r"\d[\d,.]*")
# plural nouns without an -s, after which a bare form is a verb ("people say")
_PLURAL_WITHOUT_S = frozenset({"people", "police", "staff", "children", "men", "women", "media",
                               "public", "government", "team", "party", "majority", "who"})
# what follows a cue of not answering ("did not respond to a request for comment")
_REQUEST_FOR_COMMENT = re.compile(
    r"to (?:\w+ ){0,3}(?:requests?|messages?|e-?mails?|calls?|inquiry|inquiries)\b")
# what follows a cue that only asks for anonymity ("asked not to be named", "did not want to
# give her name", "requested anonymity")
_ANONYMITY_REQUEST = re.compile(
    r"(?:not )?to (?:be (?:named|identified|quoted)|give (?:his|her|their|a|the) (?:full )?names?)\b"
    r"|anonymity\b")
# characters after a cue searched for its next word (object and plural-subject tests) and for
# the words the modifier and preposition tests read
_NEXT_WORD_CHARS = 40
_FOLLOWING_CHARS = 30


def may_capitalize(words: list[Word], entry: CueEntry) -> bool:
    """Capitalized cues open a sentence, or sit in a title-case headline (``Trump Says``)."""
    if all(w.text in QUOTE_OPENERS for w in words):
        return True
    return entry.kind == "speech" and entry.lemma not in NOUN_LIKE_CUE_FORMS \
        and is_name_like(words[-1].text)


def form_outcome(view: TextView, words: list[Word], form: str, entry: CueEntry, end: int,
                 sentence_end: int, *, lexicon: VerbLexicon) -> CueOutcome:
    """Is the cue form used as a verb here (ACCEPTED), or as a noun or a modifier?"""
    if is_noun_use(view, words, form, end, sentence_end):
        return CueOutcome.NOUN_USE
    if form in NOUN_LIKE_CUE_FORMS and _cue_verb_follows(view, end, sentence_end, lexicon):
        return CueOutcome.NOUN_USE  # ``the congressional report said``: the subject's noun
    if is_plural_subject(view, words, form, end, sentence_end, lexicon=lexicon):
        return CueOutcome.PLURAL_SUBJECT
    after = view.words(end, min(sentence_end, end + _FOLLOWING_CHARS))
    if is_modifier_use(words, form, entry, after):
        return CueOutcome.MODIFIER_USE
    if is_title_or_first_name(view, words, form, entry, end, after):
        return CueOutcome.NOUN_USE
    if is_other_sense(words, entry, after, form=form):
        return CueOutcome.OTHER_SENSE
    return CueOutcome.ACCEPTED


def _is_bare_form(form: str, entry: CueEntry) -> bool:
    """A one-word cue form that is the verb's base form (``champion``, ``hope``)."""
    return " " not in form and form == entry.lemma


# cue verbs whose base form is never part of a title or a name (``observers in the country say
# Scott deserves``)
_NEVER_TITLES = frozenset({"say", "tell", "add", "ask", "insist", "explain", "argue", "suggest",
                           "predict", "believe", "think", "note", "warn", "claim", "agree"})


def is_title_or_first_name(view: TextView, words: list[Word], form: str, entry: CueEntry,
                           end: int, after: list[Word]) -> bool:
    """A bare cue form right before a name is part of a title or a name: ``former lightweight
    champion Ben Roth`` (after a singular lower-case word a bare form is no finite verb),
    ``Hope Hicks said`` (a capitalized form opening the sentence)."""
    if not _is_bare_form(form, entry) or not after or not is_name_like(after[0].text) \
            or after[0].text.isupper() or entry.lemma in _NEVER_TITLES:
        return False
    if not words:
        return view.text[end - len(form)].isupper()
    prev = words[-1].text
    low = prev.lower()
    return prev.isalpha() and prev.islower() and not low.endswith("s") \
        and low not in SKIPPED_BEFORE_CUE and low not in SUBJECT_PRONOUNS \
        and low not in PRONOUNS_BEFORE_VERB_FORM and low not in CLAUSE_BOUNDARY_WORDS \
        and low not in PREPOSITIONS and low not in _PLURAL_WITHOUT_S and not is_ly_adverb(low)


def _modal_before(words: list[Word]) -> bool:
    """Is there a modal among the auxiliaries and adverbs right before the cue?"""
    for w in reversed(words):
        low = w.text.lower()
        if low in HYPOTHETICAL_MODALS and w.text.islower():
            return True
        if low not in SKIPPED_BEFORE_CUE:
            return False
    return False


def is_other_sense(words: list[Word], entry: CueEntry, after: list[Word], *, form: str = "") -> bool:
    """A cue form in a sense that reports nothing: a number as object (``the index added 1.6
    points``), a legal charge (``was charged with fraud``), a physical sense (``appeared on a
    show``, ``showed up``), or a verb of :data:`THAT_OR_QUOTE_CUES`
    without a that-clause, quotation or colon after it (``Clinton maintains a lead``); a stance
    cue after a modal is a prediction (``she would support the nominee``); a passive of see or
    find without "to", "that" or "as" tells where someone was (``was seen on camera``)."""
    nxt = after[0].text if after else ""
    lemma = entry.lemma
    if lemma in QUANTITY_CUES and _is_amount(nxt):
        return True
    if lemma == "call" and (nxt.lower() == "into" and not (len(after) > 1 and after[1].text.lower()
                                                           in ("question", "doubt"))
                            or nxt.lower() == "in" and len(after) > 1
                            and after[1].text.lower() == "to"):
        return True  # ``she called into a radio show``, ``called in to a town hall``: phoned in
    if lemma == "call" and form == "called" and len(words) >= 2 \
            and words[-2].text.lower() in ("a", "an") and words[-1].text.isalpha() \
            and words[-1].text.islower() and (is_name_like(nxt) or nxt in QUOTE_OPENERS):
        return True  # ``a group called Lashkar-e-Taiba``: a name given, nothing said
    if lemma in OTHER_SENSE_OBJECTS and _object_of_another_sense(after, OTHER_SENSE_OBJECTS[lemma]):
        return True  # ``The storm claimed three lives``, ``called the police``, ``tell more
        # jokes``, ``posted record profits``, ``recalled its ambassador``: nothing said
    if lemma == "tell" and (k := skip_left(words, len(words) - 1)) >= 0 \
            and words[k].text.lower() == "time":
        return True  # ``Only time will tell whether …``
    if form == "saying" and len(words) >= 2 and words[-1].text.lower() == "without" \
            and words[-2].text.lower() in ("goes", "go", "went", "going"):
        return True  # ``it goes without saying``
    if lemma == "decline" and _declines_by_an_amount(after):
        return True  # ``fees declined to $281 million``, ``declined by nine points``: fell
    if lemma in LEGAL_CUES and (words and words[-1].text.lower() in BE_FORMS
                                or nxt.lower() in LEGAL_SENSE_NEXT
                                or any(w.text.lower() == "with" for w in after[1:4])):
        return True  # ``was charged``, ``charged him with fraud``, ``Man charged after fire``
    if lemma == "read" and words and words[-1].text.lower() in BE_FORMS and nxt.lower() != "by":
        return True  # ``as the charges were read``: read out, no source named
    if form == "called" and words and words[-1].text.lower() in BE_FORMS \
            and (nxt.lower() in SUMMONED_NEXT or nxt.endswith("ly") and nxt.islower()) \
            and not any(w.text.lower() == "by" for w in after[:8]):
        return True  # ``crews had been called shortly before midnight``: summoned
    if lemma in PERCEPTION_CUES and words and words[-1].text.lower() in BE_FORMS \
            and nxt.lower() not in PERCEPTION_COMPLEMENTS and nxt not in QUOTE_OPENERS:
        return True
    if entry.category in STANCE_CATEGORIES and _modal_before(words):
        return True
    if lemma in STANDING_STANCE_CUES and form in (lemma, lemma + "s") \
            and not (nxt.lower() == "that" or nxt in QUOTE_OPENERS or nxt == ":"):
        return True  # ``most voters support the ban``: a position held, not a statement
    if nxt.lower() in PHYSICAL_SENSES.get(lemma, ()):
        return True
    if lemma == "challenge" and _runs_against(after):
        return True  # ``Hassan, who is challenging Ayotte for her Senate seat``: an election
    if lemma == "point to" and _points_at_a_place(after):
        return True  # ``The striker pointed to the sky after scoring``: a gesture
    if lemma == "admit" and nxt.lower() == "to" and any(
            w.text.lower() in ("hospital", "hospitals", "care", "clinic", "ward") for w in after[1:4]):
        return True  # ``admitted to hospital``, ``admitted to intensive care``
    if lemma in NO_ANSWER_CUES and _REQUEST_FOR_COMMENT.match(" ".join(w.text.lower() for w in after[:6])):
        return True  # ``did not respond to a request for comment``
    if entry.kind in ("speech", "evidential") and _future_modal_before(words) \
            and nxt.lower() not in OPEN_CLAUSE_WORDS and nxt not in QUOTE_OPENERS and nxt != ":":
        return True  # ``The board may announce its decision next week``: not yet said
    if form == "expected" and nxt == "to" and words and words[-1].text.lower() in BE_FORMS:
        return True  # ``Petrenko is expected to present the budget``: a forecast, no source
    if _ANONYMITY_REQUEST.match(" ".join(w.text.lower() for w in after[:6])):
        return True  # ``who asked not to be named``, ``did not want to give her name``
    if lemma == "call" and is_name_like(nxt) and nxt.isalpha():
        n = 0
        while n < len(after) and is_name_like(after[n].text) and after[n].text.isalpha():
            n += 1
        if n < len(after) and (after[n].text in (".", ";") or after[n].text == ","
                               and n + 1 < len(after) and after[n + 1].text in ("who", "which")
                               or after[n].text.lower() in _AFTER_PHONE_CALL
                               or after[n].text.endswith("ly") and after[n].text.islower()):
            return True  # ``Residents called Ana Ruiz, who …``, ``he called Brandt to ask``: a telephone call
    if form in _NAMING_PARTICIPLES and _after_indefinite_noun(words):
        return True  # ``a play called “Sons of the Harbour”``: a name given, nothing said
    if lemma == "offer" and not _offers_words(after):
        return True  # ``offered free tuition``, ``offers a glimpse of``: no words offered
    if lemma == "appeal" and _asks_in_words(after):
        return False
    if lemma in THAT_OR_QUOTE_CUES:
        if _trails_a_quotation(words):
            return False  # ``“It's a disgrace,” fumed one shopkeeper.``
        if lemma in ADDRESSEE_VERBS and 0 < addressee_end(after) < len(after) \
                and (after[addressee_end(after)].text.lower() in ("that", "to")
                     or after[addressee_end(after)].text in QUOTE_OPENERS):
            return False  # ``advised residents to keep``, ``informed the board that``
        return not (not after or nxt.lower() == "that" or nxt in QUOTE_OPENERS
                    or nxt in (":", ".", ",", "—", "–", "?", "!"))
    return False


def _points_at_a_place(after: list[Word]) -> bool:
    """``pointed to the sky after scoring``, ``pointed to his head.``: a determiner or
    possessive, a :data:`GESTURE_TARGETS` noun, then the noun phrase ends (punctuation, a
    preposition, a conjunction or nothing)."""
    i = 1 if after and after[0].text.lower() in _GESTURE_DETERMINERS else 0
    if i >= len(after) or after[i].text.lower() not in GESTURE_TARGETS:
        return False
    following = after[i + 1].text.lower() if i + 1 < len(after) else ""
    return following in _GESTURE_PHRASE_ENDS or (following != "'" and not following[:1].isalnum())


_GESTURE_DETERMINERS = NOUN_DETERMINERS | POSSESSIVE_DETERMINERS
_GESTURE_PHRASE_ENDS = frozenset({"", "after", "before", "as", "and", "while", "when", "in",
                                  "during", "with", "to", "above", "behind", "again", "then"})


def _declines_by_an_amount(after: list[Word]) -> bool:
    """``declined to $281 million``, ``declined, by nine points``, ``declined sharply``: an
    amount that fell (a number right after the cue is one of :data:`QUANTITY_CUES`);
    ``declined to comment`` is a refusal."""
    words = [w.text for w in after[:3] if w.text != ","]
    if not words:
        return False
    first = words[0].lower()
    if first in ("sharply", "steeply", "slightly"):
        return True
    return first in ("by", "to", "from") and len(words) > 1 and (
        _is_amount(words[1]) or words[1].lower() in NUMBER_WORDS)


# words after which an object has ended, besides prepositions that open a noun phrase and
# clause boundaries
_OBJECT_ENDERS = frozenset({"to", "between", "until", "then", "again"})


def _object_of_another_sense(after: list[Word], nouns: frozenset[str]) -> bool:
    """Does one of ``nouns`` follow the cue after lower-case words or numbers only, and end the
    object there (punctuation, a preposition or a conjunction after it; not a verb, as in
    ``claimed the title was rigged``, nor a noun it modifies, as in ``called the police
    shootings a tragedy``)?"""
    for i, w in enumerate(after[:5]):
        low = w.text.lower()
        if low in nouns:
            following = after[i + 1].text.lower() if i + 1 < len(after) else ""
            return not following.isalnum() or following in NOUN_PREPOSITIONS \
                or following in _OBJECT_ENDERS or following in CLAUSE_BOUNDARY_WORDS
        if not (w.text.isalpha() and w.text.islower() or w.text[:1].isdigit()):
            return False
    return False






def _is_amount(word: str) -> bool:
    """A number or a sum of money (``1.6``, ``$281``)."""
    return word[:1].isdigit() or word[:1] in "$€£"


# words after "challenge NAME" that make it a race for an office rather than a dispute
_AFTER_RACE = frozenset({"for", "in", "and", ".", ","})


def _runs_against(after: list[Word]) -> bool:
    """``challenging Clinton for the nomination``, ``is challenging Ayotte.``: a person (a name,
    after a title or not) challenged with nothing asked or disputed is a rival in an election;
    ``challenged Ruiz to explain``, ``challenged Ruiz on the figures`` report words."""
    n = 0
    while n < len(after) and (is_name_like(after[n].text) or after[n].text == "."
                              and n > 0 and len(after[n - 1].text) <= 4):
        n += 1
    return n > 0 and (n == len(after) or after[n].text.lower() in _AFTER_RACE)


# words read after "post" for the head of what is posted




# past participles that name something when they follow the noun they name
_NAMING_PARTICIPLES = frozenset({"called", "dubbed", "named", "titled", "labeled", "labelled"})
_NAMED_NOUN_WORDS = 5  # words looked at between "a" and the participle


def _after_indefinite_noun(words: list[Word]) -> bool:
    """Do the words before the cue end in an indefinite noun phrase (``a short film``, ``an
    account``, ``a German news organization``, ``a 2002 psychology class``, ``a super PAC``),
    so that the participle after it names the thing rather than reports a speaker? The word
    right before the participle is a lower-case noun or an acronym, not a name (``a friend of
    Ana Ruiz called``); an auxiliary or a relative pronoun ends the phrase (``a critic who has
    dubbed``)."""
    n = 0
    for w in reversed(words):
        text = w.text
        low = text.lower()
        if low in ("a", "an"):
            return n > 0
        if n == _NAMED_NOUN_WORDS or low in _NOT_IN_NAMED_NOUN \
                or n == 0 and low in ("and", "or", "but"):
            return False  # ``a health system and called himself``: a second verb
        lowered = text.islower() and (text.isalpha() or "-" in text)
        acronym = text.isupper() and text.isalpha() and len(text) > 1
        # before them, a capitalized adjective (``German``) or a year
        if not (lowered or acronym or n > 0 and (text.isdigit() or text.isalpha())):
            return False
        n += 1
    return False


# words that end a noun phrase before a naming participle rather than belong to it
_NOT_IN_NAMED_NOUN = AUXILIARIES | BE_FORMS | frozenset({"who", "which", "that"})


# words after "called NAME" that make it a telephone call (``called Brandt earlier this month``)
_AFTER_PHONE_CALL = TIME_LEADS | TIME_WORDS | frozenset({"to", "after", "before", "from"})
# words read after "offer" for what is offered
_OFFERED_WORDS = 8


def _offers_words(after: list[Word]) -> bool:
    """``offered his condolences``, ``offered no details``, ``offered to resign``, ``offered:
    “…”``: "offer" reports speech when what is offered is words (a noun of
    :data:`SPEECH_OBJECT_NOUNS` before the clause ends), a quotation or an infinitive; ``offered
    free tuition`` and ``offers a glimpse`` report none."""
    if not after:
        return False
    first = after[0].text
    if first.lower() == "to" or first in QUOTE_OPENERS or first == ":":
        return True
    for word in after[:_OFFERED_WORDS]:
        if word.text in QUOTE_OPENERS or word.text.lower() in SPEECH_OBJECT_NOUNS:
            return True
        if word.text in CLAUSE_BOUNDARY_PUNCTUATION or word.text.lower() in CLAUSE_BOUNDARY_WORDS:
            return False
    return False


def _asks_in_words(after: list[Word]) -> bool:
    """``appealed for calm``, ``appealed to residents to stay indoors``, ``appealed to donors
    for help``: "appeal" asks for something in words with "for" after it, or "to" someone and
    then what is asked; ``will appeal the ruling``, ``appealed within the month`` and ``the plan
    appeals to young voters`` report no words."""
    k = 0
    while k < len(after) and after[k].text.lower().endswith("ly") and after[k].text.isalpha():
        k += 1
    if k < len(after) and after[k].text.lower() == "for":
        return True
    return k < len(after) and after[k].text.lower() == "to" \
        and any(w.text.lower() in ("to", "for") for w in after[k + 1:k + 8])


def _future_modal_before(words: list[Word]) -> bool:
    """Is a modal of :data:`FUTURE_MODALS` among the auxiliaries right before the cue, with no
    negation (``may announce``, ``will show``; ``will not say whether`` is a refusal)?"""
    for w in reversed(words):
        low = w.text.lower()
        if low in FUTURE_MODALS and w.text.islower():
            return True
        if low in NEGATIONS or low not in SKIPPED_BEFORE_CUE:
            return False
    return False


def is_noun_use(view: TextView, words: list[Word], form: str, end: int, sentence_end: int) -> bool:
    """A determiner or possessive before the cue, or a noun-like form without a subject.

    A noun-like form after a common noun ("the poll shows", "health worries") or after a name
    that follows a determiner ("the Benghazi attack") is a verb only when a clause or an
    object follows it ("the poll shows that", "a survey finds Ostby ahead").
    """
    if not words:
        return False
    if _trails_a_quotation(words):
        return False  # ``“We regret any distress caused,” her statement read.``
    if form in NOUN_LIKE_CUE_FORMS and len(words) == 1 and view.text.startswith(":", end):
        return True  # ``Key quote: “…”``: a label
    prev = words[-1].text.lower()
    if prev in _PRONOUN_QUANTIFIERS and not form.endswith("s") \
            and (len(words) == 1 or not words[-2].text.isalnum()
                                         or words[-2].text.lower() in CLAUSE_BOUNDARY_WORDS) \
            and THAT_NEXT.match(view.text, end, sentence_end):
        return False  # ``But some note that …``: the quantifier is the subject
    if prev in ARTICLES or prev in POSSESSIVE_DETERMINERS \
            or prev.endswith(POSSESSIVE_ENDINGS) and contracted_subject(words[-1]) is None:
        return True  # (``she’s said`` is a pronoun and "has")
    if prev == "own" and len(words) > 1 and (words[-2].text.lower() in POSSESSIVE_DETERMINERS
                                             or words[-2].text.lower() == "her"
                                             or words[-2].text.endswith(POSSESSIVE_ENDINGS)):
        return True  # ``head of her own brand``, ``the party's own report``
    if prev[-1:].isdigit() and form.split()[0].endswith("s"):
        return True  # ``added 1.6 points to close at``: a number counts the noun
    if prev in ("’", "'") and len(words) > 1 and words[-2].text.endswith("s") \
            and words[-2].end == words[-1].start:
        return True  # ``Sanders’ comments``: a plural or s-final possessive
    if form in NOUN_LIKE_CUE_FORMS and form.endswith("s") and _noun_follows(view, end, sentence_end):
        return True  # ``Terrorist attacks in Paris``, ``comments by the senator``
    if form in NOUN_LIKE_CUE_FORMS and form.endswith("s") \
            and (words[-1].text.islower() or len(words) == 1) \
            and _VERB_AFTER_NOUN_START.match(view.text, end, sentence_end):
        # ``Health worries have dogged her``: the noun is a subject (after a name, ``which
        # Clinton hopes can help``, the form is the verb)
        return True
    if form in NOUN_LIKE_CUE_FORMS and form.endswith("s") and _is_adjective(prev) \
            and not (prev.endswith("ing") and form in _EVIDENCE_FORMS):
        # ``derogatory comments Trump had made``: an adjective is no subject (``polling shows``
        # has a noun in -ing)
        return True
    if form in NOUN_LIKE_CUE_FORMS and prev.isalpha() and prev.islower() \
            and (prev.endswith("ed") or prev in IRREGULAR_PAST):
        return True  # ``she rejected claims that``, ``made comments about``: the verb's object
    if form in NOUN_LIKE_CUE_FORMS and _after_indefinite_article(words, form):
        return True  # ``faces a huge challenge``, ``an email fundraising appeal``
    if prev in ("more", "fewer") and form.endswith("s") and " " not in form:
        return True  # ``tell more jokes``: a counted plural is a noun
    if view.text.startswith(":", end) and is_name_like(words[-1].text) \
            and (form.endswith(("s", "ed")) or form in IRREGULAR_PAST):
        return False  # ``The Harbour Times reports:`` before a quotation (``Facebook post:``
        # is a label)
    i = len(words) - 1
    while i > 0 and (words[i].text.lower() in NOUN_MODIFIERS or is_ly_adverb(words[i].text)
                     or words[i].text.islower() and words[i].text.endswith("est")
                     and len(words[i].text) > 5) \
            and not is_name_like(words[i].text):
        i -= 1
    if i < len(words) - 1 and words[i].text.lower() in ARTICLES:
        return True
    if form not in NOUN_LIKE_CUE_FORMS:
        # ``amid calls for``, ``a wake-up call for``: a phrasal form whose verb is a noun here
        head = form.split()[0]
        return " " in form and head in NOUN_LIKE_CUE_FORMS and (
            prev in NOUN_PREPOSITIONS or prev in ARTICLES or _after_indefinite_article(words, head))
    if prev in SUBJECT_DETERMINERS or prev in NOUN_PREPOSITIONS:
        return True
    if prev in SKIPPED_BEFORE_CUE or prev in ("to", ",") or prev in PRONOUNS_BEFORE_VERB_FORM:
        return False
    if is_name_like(words[-1].text):
        # names (and years) before the form: ``the Benghazi attack``, ``the 2012 Benghazi
        # attack``, ``the initial Benghazi attack``, ``Mr. Trump's Twitter attacks``
        k = len(words) - 1
        while k > 0 and (is_name_like(words[k].text) or words[k].text.isdigit()
                         or words[k].text in (".", "/", "-")) \
                and not words[k].text.endswith(POSSESSIVE_ENDINGS):
            k -= 1
        while k > 0 and words[k].text.lower() in NOUN_MODIFIERS:
            k -= 1
        if form in NOUN_LIKE_CUE_FORMS and k < len(words) - 1 \
                and words[k].text.endswith(POSSESSIVE_ENDINGS):
            return True
        if form in NOUN_LIKE_CUE_FORMS and form.endswith("s") and k < len(words) - 1 \
                and (words[k].text.lower() in PREPOSITIONS and words[k].text.lower() not in
                     ("after", "before") or words[k].text.lower() in _COUNTING) \
                and not _CLAUSE_NEXT.match(view.text, end, sentence_end) \
                and not object_follows(view, words, end, sentence_end, form=form):
            return True  # ``32% of Republican claims as false``: a noun after a preposition
        if k == len(words) - 1 or words[k].text.lower() not in ARTICLES:
            return False
        if form in NOUN_LIKE_CUE_FORMS and not form.endswith(("s", "ed")) \
                and form not in IRREGULAR_PAST and not words[-1].text.endswith("s") \
                and (words[k].text.lower() != "the" or k == 0
                     or words[k - 1].text.lower() not in PREPOSITIONS):
            # ``a Facebook post that``, ``the Benghazi attack that``: after an article and a
            # singular name, a base form has no subject it agrees with; it is a noun (``Data
            # from the Census Survey show`` has its subject before the preposition)
            return True
    return not object_follows(view, words, end, sentence_end, form=form)


# lower-case words looked at between "a"/"an" and a base-form cue
_INDEFINITE_MODIFIER_WORDS = 3


# determiners that count a noun (``so many Republican claims``)
_COUNTING = frozenset({"many", "some", "most", "these", "those", "several", "few", "all"})
# what follows a cue form that opens its content
_CLAUSE_NEXT = re.compile(r"\s*(?:(?:that|to|how|what|why|whether|who|when|where)\b|[“\":])")
# quantifiers that stand as a subject (``some note that``, ``many claim that``)
_PRONOUN_QUANTIFIERS = frozenset({"some", "many", "most", "others", "few", "several", "all",
                                  "both"})
# "that" right after a cue form, opening its clause
THAT_NEXT = re.compile(r"\s+that\s")
# finite verbs that follow a plural noun subject, never a verb in -s
_VERB_AFTER_NOUN_START = re.compile(
    r"\s+(?:have|are|were|will|would|can|could|may|might|should|must|had)\b", re.IGNORECASE)
# verb forms that nouns in -ing often take as subjects (``polling shows``, ``spending suggests``)
_EVIDENCE_FORMS = frozenset({"shows", "finds", "suggests", "indicates", "reveals", "confirms",
                             "points", "says", "predicts", "estimates"})
# endings of adjectives that are seldom nouns (``derogatory``, ``disparaging``, ``harmful``)
_ADJECTIVE_ENDINGS = ("ing", "ory", "ful", "ous", "less", "ish", "able", "ible")


def _is_adjective(word: str) -> bool:
    """Does the lower-case ``word`` look like an adjective before a noun (``recent``,
    ``derogatory``, ``insulting``)?"""
    return word.isalpha() and word.islower() and (
        word in NOUN_MODIFIERS or word.endswith(_ADJECTIVE_ENDINGS) and len(word) > 4)


def _after_indefinite_article(words: list[Word], form: str) -> bool:
    """Is a one-word base form (no -s, -ed or -ing) preceded by "a"/"an" and at most a few
    lower-case modifiers (``a huge challenge``)? A singular subject with "a" takes a verb in -s
    or the past, so the form is the noun."""
    if " " in form or form.endswith(("s", "ed", "ing")) or form in IRREGULAR_PAST:
        return False
    for n, w in enumerate(reversed(words)):
        low = w.text.lower()
        if low in ("a", "an"):
            return True
        if n == _INDEFINITE_MODIFIER_WORDS or not w.text.replace("-", "").rstrip("%").isalnum() \
                or not w.text.islower() or low in SKIPPED_BEFORE_CUE or low in CLAUSE_BOUNDARY_WORDS:
            return False
    return False


# most words of a subject between a quotation and the cue that trails it
_TRAILING_SUBJECT_WORDS = 4


def _trails_a_quotation(words: list[Word]) -> bool:
    """Does the cue follow a quotation and a comma with only a short subject between (``“…,”
    her statement read``, ``“…,” fumed``)?"""
    j = next((k for k in range(len(words) - 1, max(-1, len(words) - 3 - _TRAILING_SUBJECT_WORDS),
                                -1) if words[k].text in QUOTE_CLOSERS), None)
    if j is None or j < 2 or words[j - 1].text not in (",", "!", "?"):
        return False
    # ``“…,” saying his client would appeal``: a participle clause is no short subject
    return all(w.text.isalpha() and not (w.text.islower() and w.text.endswith("ing"))
               for w in words[j + 1:])


def _cue_verb_follows(view: TextView, end: int, sentence_end: int, lexicon: VerbLexicon) -> bool:
    """Is the next word a lower-case reporting verb in the past or third person (``report
    said``, ``poll shows``), so that the form before it is its subject noun?"""
    after = view.words(end, min(sentence_end, end + _NEXT_WORD_CHARS))
    if not after or not after[0].text.islower():
        return False
    nxt = after[0].text
    entry = lexicon.lookup(nxt)
    return entry is not None and nxt != entry.lemma and not nxt.endswith("ing")


def _noun_follows(view: TextView, end: int, sentence_end: int) -> bool:
    """Does a word of :data:`NOUN_FOLLOWERS` follow the cue form ending at ``end``?"""
    after = view.words(end, min(sentence_end, end + _NEXT_WORD_CHARS))
    return bool(after) and after[0].text.lower() in NOUN_FOLLOWERS


def object_follows(view: TextView, words: list[Word], end: int, sentence_end: int, *,
                   form: str = "") -> bool:
    """Does a clause or an object follow a noun-like cue form (it is then a verb)?"""
    after = view.words(end, min(sentence_end, end + _NEXT_WORD_CHARS))
    if not after:
        return False
    nxt = after[0].text
    low = nxt.lower()
    if low in CLAUSE_OPENERS or nxt[:1].isdigit() or nxt in QUOTE_OPENERS:
        return True
    if low == "to" and form in INFINITIVE_CUE_FORMS and len(words) >= 2 \
            and words[-2].text.lower() in ARTICLES and words[-1].text.islower():
        return True  # ``The club hopes to sign``: a subject noun phrase, then the verb
    if nxt == ":" and len(after) > 1 and after[1].text in QUOTE_OPENERS:
        return True  # ``her statement read: “…”``: a colon and a quotation follow a verb
    if nxt[:1].isupper() and nxt.isalpha():
        return True
    if nxt in (".", ","):
        a = phrase_start(words, len(words) - 1)
        terms = speaker_terms()
        last = words[-1].text
        if any(w.text.endswith(POSSESSIVE_ENDINGS)
               or w.text.islower() and w.text.endswith("est") and len(w.text) > 5
               for w in words[a:]) and last.islower() \
                and last not in terms.roles and last not in terms.anonymous:
            return False  # ``Valdoria's largest infrastructure project,``: one noun phrase
        if a == len(words) - 1 and last.isalpha() and last.islower() \
                and last not in terms.roles and last not in terms.anonymous \
                and last not in terms.groups and last not in THIRD_PERSON_SUBJECTS:
            return False  # ``…, regional disputes, and …``: a modifier and its noun in a list
        return a > 0 and words[a - 1].text == ","
    return False


def is_modifier_use(words: list[Word], form: str, entry: CueEntry, after: list[Word]) -> bool:
    """Verb forms used as modifiers: ``60 pledged delegates``, ``of pledged delegates``,
    ``a company called Harmony`` (a naming participle after an indefinite noun phrase), or with
    a particle of another sense (``called off``, ``backed out of``); ``after`` are the words
    after the cue."""
    if not words or " " in form:
        return False
    if form.endswith("ing"):
        return bool(after) and after[0].text in AWAY_PARTICLES
    prev = words[-1].text
    nxt = after[0].text if after else ""
    if nxt in AWAY_PARTICLES or nxt == "out" and len(after) > 1 and after[1].text == "of":
        return True
    if prev.lower() == "so" and entry.lemma in NAMING_VERBS:
        return True  # ``the so called Never Trumpers``
    if prev == "," and entry.lemma in NAMING_VERBS and form.endswith("ed") \
            and 2 <= len(words) <= 5 and words[0].text.lower() in NOUN_DETERMINERS \
            and nxt.lower() not in OBJECT_PRONOUNS \
            and any(w.text == "," for w in after[1:7]):
        return True  # ``The device, called the Q12, goes on sale``: a name in apposition
    if nxt == "by" and form.endswith("ed") and prev.isalpha() and prev.islower() \
            and prev.endswith("s") and not prev.endswith("ss") and prev not in SKIPPED_BEFORE_CUE \
            and prev not in OBJECT_PRONOUNS:
        return True  # ``delegates offered by the contest``: a participle after its noun
    if prev in NOUN_PREPOSITIONS:
        return True
    if form == "pledged" and nxt.lower() in ("delegate", "delegates"):
        return True  # ``fewer pledged delegates``: the delegates bound to a candidate
    if nxt == "by" and form in INTERVIEW_PARTICIPLES and prev.isalpha() and prev.islower() \
            and len(words) >= 2 and words[-2].text.lower() in ARTICLES:
        return True  # ``The man asked by police said nothing``: a participle after its noun
    if _NUMBER.fullmatch(prev):
        return form.endswith("ed") and nxt.isalpha() and nxt.islower() \
            and nxt not in CLAUSE_OPENERS and nxt not in VERB_FOLLOWERS
    prev = prev.lower()
    if nxt in QUOTE_OPENERS or entry.lemma not in NAMING_VERBS or not form.endswith("ed") \
            or not prev.isalpha() or not words[-1].text.islower() \
            or prev in SKIPPED_BEFORE_CUE or prev in OBJECT_PRONOUNS \
            or prev in CLAUSE_BOUNDARY_WORDS or is_ly_adverb(prev) or prev in SUBJECT_PRONOUNS:
        return False
    for k in range(len(words) - 2, max(-1, len(words) - 6), -1):
        w = words[k].text.lower()
        if w in INDEFINITE_DETERMINERS:
            return True
        if not w.isalpha() or w in SKIPPED_BEFORE_CUE or w in CLAUSE_BOUNDARY_WORDS:
            return False
    return False


def is_plural_subject(view: TextView, words: list[Word], form: str, end: int,
                      sentence_end: int, *, lexicon: VerbLexicon) -> bool:
    """``Merrow talks open``, ``Dam talks stall``: a plural noun after a modifier, then its verb.

    The modifier is a common noun (lower case elsewhere in the text) or a name the text uses
    after "the" ("the Merrow dam"), not a subject.
    """
    if not words or form not in NOUN_LIKE_CUE_FORMS or not form.endswith("s") \
            or not is_name_like(words[-1].text):
        return False
    after = view.words(end, min(sentence_end, end + _NEXT_WORD_CHARS))
    if not after:
        return False
    name = words[-1].text
    if not view.used_as_modifier(name):
        return False
    nxt = after[0].text
    low = nxt.lower()
    return (nxt.isalpha() and nxt.islower() and low not in VERB_FOLLOWERS
            and low not in PREPOSITIONS and low not in SUBJECT_DETERMINERS
            and low not in SKIPPED_BEFORE_CUE and low not in OBJECT_PRONOUNS
            and not low.endswith("ly") and lexicon.lookup(low) is None)


def infinitive_cue_start(words: list[Word], *, lexicon: VerbLexicon) -> int | None:
    """Start of an infinitive cue with its governing verb (``declined to say``, ``is expected
    to say``, ``continued to complain``), ``words`` ending in "to"; None without a governor."""
    if len(words) < 2:
        return None
    governor = words[-2].text.lower()
    entry = lexicon.lookup(governor)
    if entry is not None and entry.lemma in CONTINUATION_CUES:
        return words[-2].start  # ``continued to complain``: the continuation verb is part of the cue
    if governor not in INFINITIVE_GOVERNORS:
        return None  # ``declined to say``: a governor may be a cue of its own
    i = len(words) - 2
    if governor == "on" and i > 0:
        i -= 1
    return words[i].start


def followed_by(view: TextView, pos: int, limit: int, options: frozenset[str]) -> bool:
    """Is the first word after ``pos`` (before ``limit``) one of ``options``?"""
    words = view.words(pos, min(limit, pos + _FOLLOWING_CHARS))
    return bool(words) and words[0].text.lower() in options


# what makes "speak"/"talk" report speech: a topic or a stance after it (``spoke about``,
# ``speaks of``, ``spoke out against``, ``talked up``, ``talked openly on``)
_TOPIC_LEADS = frozenset({"about", "of", "out", "up", "on", "against"})
# words that may stand between the verb and its topic besides -ly adverbs
_BEFORE_TOPIC = frozenset({"more", "instead", "also", "again", "often", "at", "length"})


def has_topic(view: TextView, pos: int, limit: int) -> bool:
    """``spoke about the budget``, ``talked glowingly of``: "speak" and "talk" report speech
    with a topic; alone (``when Obama speaks.``, ``speaking Spanish``, ``speaking fees``,
    ``spoke Thursday in Ohio``) they report no words."""
    words = view.words(pos, min(limit, pos + 2 * _FOLLOWING_CHARS))
    for word in words[:4]:
        low = word.text.lower()
        if low in _TOPIC_LEADS:
            return True
        if not (low.endswith("ly") and word.text.isalpha() or low in _BEFORE_TOPIC):
            return False
    return False


# cues of perception and evidence that also have a plain physical sense ("saw his rival at the
# rally", "found a way", "showed signs of strain")
FINDING_CUES = frozenset({"see", "find", "show"})
_FINDING_WORDS = 8  # words read after the cue for what was found
_FINDING_LINKS = frozenset({"that", "as", "whether", "if", "how", "why", "what", ":"})
# documents, data and inquiries that report what they found (an institution that "found a new
# leader" reports nothing; with a clause after it, any subject reports a finding)
_FINDING_SOURCES = frozenset({"poll", "survey", "study", "report", "paper", "record", "document",
                              "figure", "statistic", "number", "result",
                              "audit", "review", "analysis", "investigation", "inquiry", "footage",
                              "video", "image", "photo", "email", "census", "research", "test",
                              "evidence", "filing", "log", "data", "estimate", "model", "map",
                              "researcher", "scientist", "investigator", "economist", "analyst",
                              "pollster", "expert", "auditor"})


def reports_a_finding(view: TextView, draft: Draft, sentence_end: int) -> bool:
    """Does a see/find/show cue report a finding or a view rather than a sight or an act?

    It does with a clause, a quotation or a predicate after its object (``found that``, ``saw
    the vote as a warning``, ``found both claims to be false``, ``showed Okafor leading``,
    ``found voters favored the plan``), or when its subject is a source that reports (``a
    poll showed a tie``); ``he saw Ruiz at the rally``, ``found a way``, ``the district saw 30
    applicants`` and ``has shown remarkable stamina`` report nothing."""
    words = view.words(draft.cue_end, sentence_end)[:_FINDING_WORDS]
    for n, word in enumerate(words):
        low = word.text.lower()
        if low in _FINDING_LINKS or word.text in QUOTE_OPENERS:
            return True
        if low == "to" and n + 1 < len(words) and words[n + 1].text.lower() in ("be", "have"):
            return True  # ``found both claims to be false``; ``found the way to do it`` is no finding
        if n > 0 and (low in CLAUSE_AUXILIARIES or word.text.islower()
                      and (low.endswith(("ing", "ed")) or low in IRREGULAR_PAST)):
            return True
        if word.text in CLAUSE_BOUNDARY_PUNCTUATION or word.text == "." or n > 0 and low in PREPOSITIONS:
            break  # ``saw his support collapse quickly after …``: the object phrase has ended
    head = (draft.head or "").split()
    if not head:
        return False
    if head[-1][:1].isupper() and is_source_noun(head[-1].lower()):
        return True  # ``The Post found``, ``the Lisle Medical Journal shows``
    return any(w.lower() in _FINDING_SOURCES or w.lower().rstrip("s") in _FINDING_SOURCES
               for w in head)


def by_means(view: TextView, pos: int, limit: int) -> bool:
    """``Russia replied by recalling its ambassador``, ``responded on Thursday by pointing to``:
    the cue is answered by an action named by a gerund after "by" (at most three words of an
    adjunct before it, an adverb or two after it). Whatever speech there is lies in the gerund,
    a cue of its own."""
    words = view.words(pos, min(limit, pos + 2 * _FOLLOWING_CHARS))
    for k, word in enumerate(words[:5]):
        low = word.text.lower()
        if low == "by":
            j = k + 1
            while j < len(words) and j <= k + 2 and words[j].text.lower().endswith("ly"):
                j += 1  # ``responded by abruptly blocking``
            return j < len(words) and k <= 3 and words[j].text.lower().endswith("ing")
        if not word.text.isalpha() or low in ("that", "to"):
            return False
    return False


def is_thing_subject(draft: Draft) -> bool:
    """Is the speaker mention a lower-case common noun that is no person (``the request will not
    be repeated``), with no pronoun in it? Checked for passive cues without a by-agent."""
    mention = describe(draft.head)
    return mention.type == "organization" and mention.gender == "o" \
        and not mention.name[:1].isupper() \
        and not any(w in NOT_THING_WORDS for w in draft.head.lower().split())


def is_headline_modifier(view: TextView, draft: Draft, form: str) -> bool:
    """``Merrow talks``, ``Leaked report``, ``Dam report`` in a headline: a lone capitalized word
    before a cue form that is also a noun modifies that noun unless the document knows it as a
    person's name (``Trump Calls for …``)."""
    text = view.text
    head = text[draft.speaker_start:draft.speaker_end]
    if form not in NOUN_LIKE_CUE_FORMS or " " in head.strip() or not head[:1].isupper() \
            or text[draft.speaker_end:draft.cue_start].strip():
        return False
    return not known_person(head, text[view.headline_end:])


def is_first_or_second_person_thought(view: TextView, draft: Draft, found: bool) -> bool:
    """``I think``, ``do you think``, ``I don’t know``: a short mention holding I/we/you with a
    cue that is not a speech verb, or "you" in a question whatever the cue (``found``: the
    draft has a speaker mention)."""
    mention = view.text[draft.speaker_start:draft.speaker_end].lower() if found else ""
    tokens = [w.strip("'\"“”‘’") for w in mention.split()]
    first_second = bool(tokens) and len(tokens) <= 3 and any(w in FIRST_SECOND_PERSON for w in tokens)
    if first_second and "you" in tokens and draft.entry is not None:
        s_start, s_end = view.sentences[draft.sentence]
        if view.text[s_start:s_end].rstrip(" ”\"’'").endswith("?"):
            return True  # ``Do you agree with the levy?``: the reader is asked, no one spoke
    return first_second and draft.entry is not None and draft.entry.kind != "speech"
