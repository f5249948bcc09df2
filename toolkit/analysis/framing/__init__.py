"""How the story is framed: framing lexicons (:mod:`~toolkit.analysis.framing.lexicon`, read from
the formats in :mod:`~toolkit.analysis.framing.formats`, matched by
:mod:`~toolkit.analysis.framing.matcher`) and the tables over their matches
(:mod:`~toolkit.analysis.framing.tables`: matches, counts and rates by group and voice, KWIC).
"""

from toolkit.analysis.framing.lexicon import (
    Lexicon,
    Term,
    as_lexicon,
    builtin_lexicons,
    load_lexicon,
    make_lexicon,
)
from toolkit.analysis.framing.tables import (
    COUNT_COLUMNS,
    KWIC_COLUMNS,
    MATCH_COLUMNS,
    FrameTally,
    describe_matches,
    frame_counts,
    frame_matches,
    kwic,
    query_lexicon,
    tally_frames,
    top_frame,
)

__all__ = ["COUNT_COLUMNS", "KWIC_COLUMNS", "MATCH_COLUMNS", "FrameTally", "Lexicon", "Term",
           "as_lexicon", "builtin_lexicons", "describe_matches", "frame_counts", "frame_matches",
           "kwic", "load_lexicon", "make_lexicon", "query_lexicon", "tally_frames", "top_frame"]
