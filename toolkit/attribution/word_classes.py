"""Closed-class words of the attribution rules, each class named for its role.

All words are lower case; the rules compare ``word.lower()`` with them unless a comment says
otherwise. The first part serves cue, speaker-span and content-span rules, the second part the
description of speaker mentions and the checks of speaker ids. Where two classes hold the same kind
of word for different jobs (the determiners that open a subject vs. those stripped from a speaker
name), their names say the job.
"""

from __future__ import annotations

from types import MappingProxyType


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


__all__ = [
    "OTHER_SENSE_OBJECTS",
    "ADDRESSEE_VERBS", "ADVERBS_BEFORE_CUE", "AGENT_PREPOSITION_STOPS", "ANONYMOUS_ID_STOPS",
    "APPOSITION_STOPS", "ARTICLES", "AUXILIARIES", "AWAY_PARTICLES", "BE_FORMS",
    "CLAUSE_BOUNDARY_PUNCTUATION", "CLAUSE_BOUNDARY_WORDS", "CLAUSE_JOINERS", "CLAUSE_OPENERS",
    "CONTINUATION_CUES", "COUNT_WORDS", "COURTESY_TITLES", "DISCOURSE_MARKERS",
    "FINITE_AUXILIARIES", "FIRST_SECOND_PERSON", "GROUP_PREPOSITIONS", "HYPOTHETICAL_MODALS",
    "INDEFINITE_DETERMINERS", "INFINITIVE_GOVERNORS", "INTERVIEWEE_LABELS", "INTERVIEWER_LABELS",
    "INTRANSITIVE_CUES",
    "IRREGULAR_PARTICIPLES", "IRREGULAR_PAST", "LEGAL_CUES", "LEGAL_SENSE_NEXT", "SUMMONED_NEXT", "SUBORDINATORS", "INTERVIEW_PARTICIPLES", "MONTHS", "NAME_DETERMINERS", "NAMING_VERBS",
    "NEGATIONS", "NON_TOPIC_PREPOSITIONS", "NOT_COLON_SPEAKERS", "NOT_FIRST_NAMES",
    "NOT_SPEAKER_STARTS", "NOT_THING_WORDS", "NOUN_DETERMINERS", "CLAUSE_AUXILIARIES", "NUMBER_WORDS", "LARGE_COUNTS", "NOUN_MODIFIERS", "NOUN_PREPOSITIONS",
    "OBJECT_PRONOUNS", "DOCUMENT_NOUNS", "ISSUED_DOCUMENTS", "DOCUMENT_PARTICIPLES", "PARTICIPLE_LEADS", "POSITION_CUES", "SPEECH_OBJECT_NOUNS", "PERCEPTION_COMPLEMENTS", "PERCEPTION_CUES",
    "PHRASE_END_MARKS", "PHYSICAL_SENSES", "POSSESSIVE_DETERMINERS", "POSSESSIVE_ENDINGS",
    "POSTED_THINGS",
    "POSTMODIFIER_OPENERS", "PREPOSITIONS", "PRONOUNS_BEFORE_VERB_FORM", "PRONOUN_GENDERS",
    "QUANTIFIERS", "QUANTITY_CUES", "QUESTION_AUXILIARIES", "QUOTE_CLOSERS", "QUOTE_OPENERS",
    "RELATIVE_PRONOUNS", "SECTION_LABEL_WORDS", "SKIPPED_BEFORE_CUE", "SPEAKER_ID_FUNCTION_WORDS",
    "SPEAKER_NAME_FUNCTION_WORDS", "STANCE_CATEGORIES", "SUBJECT_DETERMINERS", "SUBJECT_PRONOUNS",
    "SUBJECT_RELATIVES", "THAT_OR_QUOTE_CUES", "THIRD_PERSON_SUBJECTS", "TIME_LEADS", "TIME_WORDS",
    "VERB_FOLLOWERS",
    "FIRST_PERSON", "GROUP_QUANTIFIERS", "ING_TITLE_ADJECTIVES", "NAME_SUFFIXES",
    "NOT_TITLE_STARTS", "TITLE_ABBREVIATIONS", "TITLE_CLAUSE_WORDS", "TITLE_VERBS",
    "ADDRESSEE_CLAUSE_OPENERS", "CITING_CUES", "FUTURE_MODALS", "INFINITIVE_CUE_FORMS",
    "NO_ANSWER_CUES", "NOUN_FOLLOWERS", "OPEN_CLAUSE_WORDS", "STANDING_STANCE_CUES",
    "TOPIC_ONLY_CUES", "WITHDRAWN_THINGS", "GESTURE_TARGETS",
]

# ----- cues, speaker spans and content spans -----------------------------------------------------

# finite forms of "be", "have", "do" and the modals
FINITE_AUXILIARIES = _words("""has have had is are was were will would could can may might should
must shall do does did""")
# finite auxiliaries that show a clause when they follow a short noun phrase ("said the repairs
# were on schedule", "found both claims had"); "do" forms and "shall" are left out
CLAUSE_AUXILIARIES = FINITE_AUXILIARIES - _words("shall do does did")
# every auxiliary form, finite or not
AUXILIARIES = FINITE_AUXILIARIES | _words("having be been being am")
# forms of "be" that make a cue passive ("was told", "were denied")
BE_FORMS = _words("is are was were be been being")
# negations between a subject and its cue ("did not say", "hasn't said"); the tokenizer keeps a
# contracted auxiliary whole ("hasn’t"), so those forms are listed, with either apostrophe
NEGATIONS = _words("not never n’t n't") | frozenset(
    f"{aux}n{mark}t" for aux in ("is", "are", "was", "were", "do", "does", "did", "has", "have",
                                 "had", "would", "could", "should", "must", "might", "need")
    for mark in "’'") | frozenset(f"{form}{mark}t" for form in ("won", "can", "shan", "ain")
                                   for mark in "’'")
# adverbs that may stand between a subject and its cue ("later said", "flatly denied")
ADVERBS_BEFORE_CUE = _words("""also just later previously once reportedly repeatedly then still
already even recently publicly privately earlier again often first further quickly simply long
flatly openly explicitly frequently initially ultimately finally strongly sharply loudly angrily
bluntly quietly since now always clearly specifically directly separately subsequently yet
both each together""")
# stepped over when looking left of a cue for its subject
SKIPPED_BEFORE_CUE = AUXILIARIES | NEGATIONS | ADVERBS_BEFORE_CUE

# time words stepped over around a cue ("said Monday", "on Friday told")
TIME_WORDS = _words("""monday tuesday wednesday thursday friday saturday sunday today yesterday
tonight week month year morning afternoon evening night weekend""")
# month names, which open a time adverbial like a weekday ("In March the council said")
MONTHS = _words("""january february march april june july august september october november
december jan feb mar apr jun jul aug sep sept oct nov dec""")
# auxiliaries that open a yes-no question before its subject ("Does Rubio think"); "will" and
# "may" are left out, as they are also first names
QUESTION_AUXILIARIES = _words("do does did is are was were has have had can could would should")
# words before a time word that belong to the time expression ("last week", "on Monday")
TIME_LEADS = _words("on last this earlier late early next")

# conjunctions and wh-words that end a subject phrase on its left
CLAUSE_BOUNDARY_WORDS = _words("""that and but because when if as while since although though so
or after before which where whom whether than until unless whereas what how why""")
# punctuation tokens that end a subject phrase (the two-apostrophe quotation mark included)
CLAUSE_BOUNDARY_PUNCTUATION = frozenset([*",;:“”\"()[]—–?!", "''"])
# inside an apposition ("X, minister of trade and industry, said") "and" does not end the phrase
APPOSITION_STOPS = CLAUSE_BOUNDARY_WORDS - {"and", "of"}
# tokens that end a name or a role after "according to", or a role after an inverted speaker
PHRASE_END_MARKS = frozenset([".", ",", ";", "“", "”", '"', "''"])
# a cue right after one of these shares the subject of the main clause ("…, but warned")
CLAUSE_JOINERS = _words("and but")
# words that open a clause or an object after a noun-like cue form ("the poll shows that")
CLAUSE_OPENERS = _words("""that the a an his her their its this these those some most more no he
she they it we him them us""")

PREPOSITIONS = _words("in on at during after before from with by for to of about into over under")
# prepositions that only open a noun phrase ("to" may open an infinitive)
NOUN_PREPOSITIONS = PREPOSITIONS - {"to"} | _words("amid amidst despite among amongst toward towards against within across beyond")
# after "speak" or "talk", prepositions that do not introduce a topic ("spoke at the rally")
NON_TOPIC_PREPOSITIONS = PREPOSITIONS - {"about", "of"}
# prepositions that end a by-agent ("denied by the minister of trade in a statement")
AGENT_PREPOSITION_STOPS = PREPOSITIONS - {"of"}

ARTICLES = _words("the a an")
# indefinite determiners before a noun that a naming participle modifies ("a company called …")
INDEFINITE_DETERMINERS = _words("a an another")
# determiners and quantifiers that open a subject noun phrase (a role, not a name)
SUBJECT_DETERMINERS = _words("""the a an his her their its our my your this these those such any
no some every each another several many most other both all few two three four""")
# adjectives between an article and a noun-like cue form ("the latest poll shows")
NOUN_MODIFIERS = _words("""earlier first later latest recent previous initial final new monthly
weekly annual second third last next""")
# possessive clitics, both apostrophes (compared with the word as written)
POSSESSIVE_ENDINGS = ("’s", "'s")

# relative pronouns that can be the subject of a cue ("X, who said")
SUBJECT_RELATIVES = _words("who which")
# subject pronouns that a speaker span may be
THIRD_PERSON_SUBJECTS = _words("he she they")
# subject pronouns before a naming participle that make it a verb ("she called him a liar")
SUBJECT_PRONOUNS = _words("he she it we i they who")
# pronouns before a noun-like cue form that make it a verb ("they report", "who worries");
# unlike SUBJECT_PRONOUNS it holds "you" but not "he", "she" or "it" (after those the form is a
# verb only when an object follows: "it shows that")
PRONOUNS_BEFORE_VERB_FORM = _words("they we i you who")
# a short mention with one of these is a first- or second-person thought ("I think")
FIRST_SECOND_PERSON = _words("i we you i’ve i've we’ve we've i’m i'm")
# the addressee after an addressee verb ("told reporters that")
OBJECT_PRONOUNS = _words("him her them me us you reporters supporters")
# cue lemmas whose object is the addressee, not the content ("told him that")
ADDRESSEE_VERBS = _words("""tell ask urge warn remind assure reassure inform notify advise instruct
implore invite""")
# cue lemmas of verbs that take no content object ("spoke at the rally" is no attribution)
INTRANSITIVE_CUES = _words("speak talk")
# participle cues that cite a source ("Citing the report, Okonjo said …"): before a main clause
# with its own cue they give background, not an attribution
CITING_CUES = frozenset({"cite", "quote", "point to", "refer to", "invoke", "reference"})
# cue lemmas that attribute only with a quotation ("continued", "went on", "she began", "“…,” she
# sighed"); "go on" is one lemma, so the set is not split on spaces
CONTINUATION_CUES = frozenset({"continue", "go on", "begin", "sigh", "groan", "gush", "stammer",
                               "interject", "whisper", "thunder"})
# cue lemmas whose other senses prevail in news ("maintains a lead", "granted asylum", "is
# advising the bank", "ruled the country"): they attribute only before a that-clause, a
# quotation or a colon, or when they trail their content ("…, she maintained.")
THAT_OR_QUOTE_CUES = _words("""maintain grant appeal brand fault instruct advise invite rule
champion read recognize demonstrate inform fume shrug convince""")
# words that open the clause after the addressee of a cue (``told the council the tram would``,
# ``told farmers they could``, ``advised residents to keep``)
ADDRESSEE_CLAUSE_OPENERS = _words("""that the a an this these those he she they it we i to""")

# a cue lemma followed by one of these words is in a physical sense ("appeared on a show",
# "showed up in Portland")
PHYSICAL_SENSES = MappingProxyType({
    "appear": frozenset({"on", "at", "in", "with", "before", "alongside", "together", "onstage"}),
    "show": frozenset({"up", "off"}),
    "add": frozenset({"up", "to"}),
    "know": frozenset({"as", "for"}),
    "find": frozenset({"themselves", "himself", "herself", "itself", "ourselves", "myself"}),
    # ``Wolf reported from Washington.``: the credit line of a correspondent
    "report": frozenset({"from"}),
    # ``patients admitted with flu``, ``was admitted into intensive care``: taken into hospital
    "admit": frozenset({"with", "into"}),
    "think": frozenset({"tank", "tanks"}),  # ``a progressive think tank``
    "contribute": frozenset({"reporting"}),
})
# what is posted when "post" reports no words: a result ("posted a comfortable win", "posted
# record profits"). (A posted photo or video is counted: it carries a message.)
POSTED_THINGS = _words("""win wins victory victories loss losses defeat defeats gain gains profit
profits score scores bail""")
# determiners that open a noun phrase ("the council", "her staff", "a statement")
NOUN_DETERMINERS = _words("the a an his her their its our")
# possessive determiners: a cue form after one is a noun ("their say", "its report")
POSSESSIVE_DETERMINERS = _words("my your his its our their")
# cue lemmas that take a number as object in another sense ("the index added 1.6 points")
QUANTITY_CUES = _words("add post report show offer decline") | frozenset({"point to"})
# modals before a stance cue that make it a prediction or a hypothesis rather than a stance
# taken ("would support the nominee", "will vote for Ostby")
# noun-like cue forms that take an infinitive as a verb ("The club hopes to sign")
INFINITIVE_CUE_FORMS = _words("""hopes fears plans wants wishes vows pledges promises threatens
aims intends seeks offers""")
# what a government or a maker recalls when recall means withdraw ("recalled its ambassador")
WITHDRAWN_THINGS = _words("""ambassador ambassadors envoy envoys diplomats troops forces products
cars vehicles units batches""")
# objects that give a cue form another sense, where they end the object ("The storm claimed three
# lives", "Oduya claimed the title", "Neighbours called the police", "She answered the door",
# "could not tell the difference", "The players acknowledged the crowd"): won, taken, phoned,
# opened, told apart, greeted; nothing said
OTHER_SENSE_OBJECTS = MappingProxyType({
    "claim": _words("""lives life victims title titles crown crowns medal medals trophy trophies
gold silver bronze seat seats pole jackpot wicket wickets"""),
    "call": _words("police ambulance ambulances paramedics firefighters 911 taxi cab timeout"),
    "answer": _words("phone telephone door doorbell"),
    "tell": _words("difference apart jokes joke lies"),  # also ``tell more jokes``: no content
    "post": POSTED_THINGS,
    "recall": WITHDRAWN_THINGS,
    "acknowledge": _words("crowd crowds fans applause cheers supporters ovation"),
})
# what a hand points to when "pointed to" is a gesture, not evidence ("The striker pointed to
# the sky after scoring", "pointed to his head"); a word after it that goes on the noun phrase
# ("the crowd size", "the head of the agency") makes it evidence again
GESTURE_TARGETS = _words("""sky heavens ceiling crowd fans stands supporters bench dugout
scoreboard door doors exit floor ground camera cameras badge crest chest heart head temple
mouth ear ears eyes wrist horizon roof window windows stage""")
# cues reported without content when only a topic follows ("weighed in on the debate")
TOPIC_ONLY_CUES = _words("weigh chime").union({"weigh in", "chime in"})
# modals that put a speech or evidence cue in the future ("may announce", "will show"); "would"
# and "can" are left out ("would not say whether", "can confirm that")
FUTURE_MODALS = _words("will may might could should ’ll 'll")
# words after a cue that open what it reports ("say that", "announce whether", "show how")
OPEN_CLAUSE_WORDS = _words("that whether if what how why when who where which")
# cues of answering that report nothing when the answer did not come ("did not respond to a
# request for comment", "did not reply to messages")
NO_ANSWER_CUES = _words("respond reply answer return")
HYPOTHETICAL_MODALS = _words("would will could might may can should")
# cue categories of stance acts that a modal turns into a prediction
STANCE_CATEGORIES = _words("supportive")
# nouns for words given, as the object of "offer" ("offered his condolences", "offered no
# details"); other objects ("offered free tuition", "offers a glimpse") are no speech
SPEECH_OBJECT_NOUNS = _words("""apology apologies assessment assessments thoughts congratulations
condolences prayer prayers words comment comments remark remarks explanation explanations details
specifics praise criticism critique critiques defense defence response responses answer answers
reply replies reaction reactions view views opinion opinions advice assurance assurances
reassurance reassurances promise promises pledge pledges evaluation evaluations analysis account
accounts description descriptions rhetoric language slogan slogans idea ideas proposal proposals
suggestion suggestions theory theories argument arguments case proof endorsement warning warnings
tips hint hints insight insights guidance testimony statement statements message messages thanks
tribute tributes forecast forecasts prediction predictions solutions caveats caveat rebuttal
retort excuse excuses clarification perspective perspectives apology""")
# documents that say something, and the participles after them that tell what ("issued a
# statement saying", "signed a letter calling for")
DOCUMENT_NOUNS = _words("""statement statements letter letters memo memos email emails e-mail tweet
tweets post posts release video ad advert message messages notice filing complaint petition
resolution report""")
# a document one source issues, which speaks for it when the text names the source nearby
# ("Boistard said in a statement. ... the statement added")
ISSUED_DOCUMENTS = _words("""statement letter memo email e-mail tweet post release video ad
message notice filing complaint petition report poll survey study lawsuit analysis review audit""")
DOCUMENT_PARTICIPLES = _words("""saying stating declaring calling warning urging noting announcing
claiming demanding asking accusing insisting arguing""")
# stance cues that tell a position held rather than an act of speech ("she backs the bill"):
# inside someone's reported words they are part of what was said
POSITION_CUES = frozenset({"support", "back", "endorse", "vote for", "vote against", "agree", "champion",
                           "oppose", "favor"})
# stance cues whose present tense tells a standing position, not an act of speech ("most voters
# support the ban", "he supports a $12 wage"): cues only before a that-clause or a quotation
STANDING_STANCE_CUES = _words("support")
# words after a plural noun-like cue form that show it is a noun ("attacks in Paris", "comments
# by the senator", "tweets and posts")
NOUN_FOLLOWERS = _words("in by from during and")
# cue lemmas that report a view only in the passive before "to", "that" or "as" ("is seen as
# weak", "was found to have lied"); otherwise they tell where someone was ("was seen on camera",
# "was found dead")
PERCEPTION_CUES = _words("see find")
# words after a passive perception cue that keep it an attribution
PERCEPTION_COMPLEMENTS = _words("to that as")
# cue lemmas of a legal sense when passive or before "with" ("was charged with fraud")
LEGAL_CUES = _words("charge accuse")
# words after a legal cue that make it a charge, not speech ("charged with arson", "charged after
# a fire", "charged over the crash", "charged in the death of")
LEGAL_SENSE_NEXT = _words("with in after over for")
# participles of asking people, after which the people asked speak ("voters polled by X said",
# "commuters interviewed at the station said")
INTERVIEW_PARTICIPLES = _words("interviewed polled surveyed questioned asked contacted reached")
# words opening a subordinate clause at the start of a sentence ("When I asked the mayor …, he
# told me")
SUBORDINATORS = _words("when after before while since although though if once because until unless")
# words after a passive "called" that make it a summons, not words said ("was called to the
# scene", "had been called shortly before midnight", "were called in")
SUMMONED_NEXT = _words("to in out up off back away at on after before when for")
# cue lemmas that name something ("a company called Harmony" is no attribution)
NAMING_VERBS = _words("call dub name label brand")
# words ending an apposition that are not its noun phrase ("X, however, said")
DISCOURSE_MARKERS = _words("""however meanwhile too though instead moreover also nonetheless
nevertheless then indeed""")
# tokens before an -ing cue that make it a participle clause ("…, adding that", "by saying")
PARTICIPLE_LEADS = frozenset([*", by in after before while when without and".split(), "—", "–"])
# words after a verb-form cue that show it is a verb ("pledged to", "backed down")
VERB_FOLLOWERS = _words("that to he she it they we i you up out back down off")
# particles that make a cue a phrasal verb of another sense ("called off", "backed away")
AWAY_PARTICLES = _words("off away down")
# words before "to" that govern an infinitive cue ("declined to comment", "is expected to say")
INFINITIVE_GOVERNORS = _words("""declined declines decline refused refuses refuse on used tried
tries expected going likely unlikely able unable willing reluctant quick quoted""")
# irregular past participles that open a post-modifier ("a study seen by …")
IRREGULAR_PARTICIPLES = _words("""seen made written done given taken known held led paid sent
shown drawn brought bought built chosen""")
# irregular simple past forms: where a subject noun phrase ends ("The nurse sued", "The ad ran")
IRREGULAR_PAST = _words("""came went took made gave got began said told wrote ran won lost left met
sat stood fell felt found kept brought bought thought spoke broke chose drew drove flew grew knew
rose saw shook threw wore fought caught taught sought sold hit put set cut let quit became""")
# words in the subject of a passive cue that keep it from being read as a thing ("it was said")
NOT_THING_WORDS = _words("""it they he she who which everyone everybody someone somebody anyone anybody
nobody others""")
# first or last words that show a "Name:" label is no speaker ("Update:", "Photo:", "Washington:")
NOT_COLON_SPEAKERS = _words("""update updated note photo photos related read watch source sources
editor editors tags image video click here by from posted reporting advertisement share listen
subscribe update: correction on to of washington new york the latest breaking exclusive email
e-mail contributing look boom analysis opinion editorial commentary live transcript poll
warning wow byline dateline name follow notice busted leaked exposed unveiled debunked
bombshell""")

# words of an upper-case section label or kicker ("WHAT'S NEXT:", "THE BOTTOM LINE:", "WHY IT
# MATTERS:"), compared in lower case without a final period
SECTION_LABEL_WORDS = _words("""the a an what what's why how when where who it is are was next
take line bottom matters background context key points facts glance happened happens more
about""")
# transcript labels of the interviewer's turns ("Q:", "QUESTION:")
INTERVIEWER_LABELS = _words("q question interviewer")
# transcript labels of the answering side's turns ("A:", "ANSWER:")
INTERVIEWEE_LABELS = _words("a answer")

# quotation marks that open and close a quotation (tuples, for str.startswith / str.endswith)
QUOTE_OPENERS = ("“", '"', "''")
QUOTE_CLOSERS = ("”", '"', "''")

# ----- speaker mentions and speaker ids ----------------------------------------------------------

# gender and number of a pronoun speaker: m, f, p (plural), o (thing), r (relative), x (1st/2nd)
PRONOUN_GENDERS = MappingProxyType({
    "he": "m", "him": "m", "she": "f", "her": "f", "they": "p", "them": "p", "it": "o",
    "who": "r", "which": "r", "i": "x", "we": "x", "you": "x"})
# determiners stripped from the front of a speaker name ("the ministry", "these officials");
# unlike SUBJECT_DETERMINERS it holds "that" and no numbers or "every"
NAME_DETERMINERS = _words("the a an this that these those his her their its our some many several")
# function words that are no speaker on their own and no part of an organization name
SPEAKER_NAME_FUNCTION_WORDS = _words("""the a an this that these those and or but of to in on at
by for with from as if so than then there here which who whom whose what""")
# function words a speaker id must not start with (a quality check on finished ids; unlike
# SPEAKER_NAME_FUNCTION_WORDS it holds personal pronouns and numbers)
SPEAKER_ID_FUNCTION_WORDS = _words("""a an the this that these those who which whom whose what it
he she they we i you his her their its our my your some any no one two and or but of to in on at
for with by from as""")
# words that open a post-modifier after the head noun of a mention ("officials familiar with")
POSTMODIFIER_OPENERS = _words("""who whom which that with from familiar close of in at on for
speaking according whose""")
# words that end the id of an anonymous source ("a senior official who spoke …" -> "senior official")
ANONYMOUS_ID_STOPS = _words("who whom which whose that speaking spoke asked")
# relative pronouns: a finite verb after one belongs to a relative clause ("officials who were")
RELATIVE_PRONOUNS = _words("who whom which that whose")
# courtesy titles, which a known person's fuller title replaces
COURTESY_TITLES = _words("mr mr. mrs mrs. ms ms. miss")
# numbers and quantity words opening an anonymous group ("two officials", "one of the sources")
COUNT_WORDS = _words("one two three four five several some many other another senior")
# numbers written as words, and the words of large round counts ("two in 10", "hundreds of")
NUMBER_WORDS = _words("one two three four five six seven eight nine ten")
LARGE_COUNTS = _words("dozens hundreds thousands")
# quantifiers that head a vague group before a prepositional phrase ("some in Valdoria")
QUANTIFIERS = _words("some many several most few others")
# prepositions after a quantifier that make it a vague group ("some in Valdoria")
GROUP_PREPOSITIONS = _words("in on at from with by for of about among across inside outside within")
# first words of a mention that make it no speaker ("There are", "It is")
NOT_SPEAKER_STARTS = _words("there here it")
# capitalized words that are no first name ("The Ramos …", "When Ramos …")
NOT_FIRST_NAMES = _words("""the a an and but or because when if as while since after before by in
on at for with from to of that this then so although though during than until former new""")
# quantifiers a group id drops and a group noun may follow ("some Republicans", "all critics")
GROUP_QUANTIFIERS = _words("some many several most few other others all both")
# first-person pronouns that take the speaker of the quotation they stand in ("we will stay")
FIRST_PERSON = _words("i we me us")
# name suffixes that are no part of the surname ("Jr.", "III")
NAME_SUFFIXES = _words("jr jr. sr sr. ii iii iv")
# abbreviated titles and the role nouns they stand for ("Sen. Vell" ... "the senator")
TITLE_ABBREVIATIONS = MappingProxyType({
    "sen.": "senator", "gov.": "governor", "rep.": "representative", "pres.": "president",
    "gen.": "general", "sec.": "secretary", "prof.": "professor", "dr.": "doctor",
    "amb.": "ambassador"})
# first words that make an apposition no title: clause openers, adverbs and prepositions
# ("Ramos, who ...", "Ramos, against ...")
NOT_TITLE_STARTS = _words("""who whom which whose that what when where while whether if as
because since after before although though than so but and or not also again still just now
then here there even only far too yet already soon ever never thus""") | GROUP_PREPOSITIONS | _words("""to into over under against
through during without toward towards near like unlike per via despite upon around about behind
beyond""")
# words that show an apposition runs into a clause ("Ramos, who said ...")
TITLE_CLAUSE_WORDS = _words("""who whom which whose that where when while because said says told
tells""")
# verb forms that are never part of a title
TITLE_VERBS = _words("""is are was were be been being has have had do does did will would can
could may might shall should must said says told tells added noted""")
# -ing forms that are adjectives in titles ("acting director", "outgoing mayor")
ING_TITLE_ADJECTIVES = _words("""acting leading founding outgoing incoming ruling managing
presiding sitting reigning visiting governing commanding ranking polling""")
