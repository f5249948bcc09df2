"""Discourse analysis of news: who speaks, how their speech is reported, how stories are framed.

The layers, each importing only the ones before it: :mod:`toolkit.corpus` (loading),
:mod:`toolkit.clean` and :mod:`toolkit.segment` (offset-preserving cleaning and segmentation).
"""

__version__ = "0.1.0"
