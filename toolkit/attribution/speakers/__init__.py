"""Speakers of attributions: what a mention says (name, title, type, gender cue), which earlier
speaker a pronoun or role noun refers to, and one id per speaker across documents."""
