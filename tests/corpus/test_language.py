"""The English check: English news passes, other languages and scripts are flagged."""

from __future__ import annotations

import pytest

from toolkit.corpus import load
from toolkit.corpus.language import guess_language

OTHER = {
    "de": "Die Regierung hat am Montag angek\u00fcndigt, dass die Gespr\u00e4che \u00fcber den "
          "Staudamm fortgesetzt werden. Der Minister sagte, man sei noch nicht am Ziel, aber "
          "die Verhandlungen seien auf einem guten Weg. Die Opposition kritisierte den Plan.",
    "es": "El gobierno anunci\u00f3 el lunes que las negociaciones sobre la presa se "
          "reanudar\u00e1n la pr\u00f3xima semana. El ministro dijo que los dos pa\u00edses "
          "todav\u00eda no han llegado a un acuerdo, pero que las conversaciones avanzan.",
    "ru": "\u041f\u0440\u0430\u0432\u0438\u0442\u0435\u043b\u044c\u0441\u0442\u0432\u043e "
          "\u043e\u0431\u044a\u044f\u0432\u0438\u043b\u043e \u043e "
          "\u043f\u0435\u0440\u0435\u0433\u043e\u0432\u043e\u0440\u0430\u0445. " * 8,
    "zh": "\u5317\u4eac\u5e02\u653f\u5e9c\u5468\u4e00\u5ba3\u5e03\u65b0\u7684\u4ea4\u901a"
          "\u89c4\u5212\uff0c\u8be5\u8ba1\u5212\u5c06\u5728\u660e\u5e74\u5b9e\u65bd\u3002" * 4,
}


@pytest.mark.parametrize("code", sorted(OTHER))
def test_other_languages_are_flagged_with_a_reason(code):
    language, reason = guess_language(OTHER[code])
    assert language == "other" and reason


def test_short_texts_are_unknown():
    assert guess_language("Talks resume on Monday.")[0] == "unknown"


def test_every_sample_and_polnear_article_looks_english(sample_path, polnear_path):
    for path in (sample_path, polnear_path):
        records = load(path, include_duplicates=True).report()
        assert not [r.doc_id for r in records if r.language == "other"]
        assert sum(r.language == "en" for r in records) >= 0.99 * len(records)
