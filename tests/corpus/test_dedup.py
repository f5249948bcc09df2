"""Near-duplicate detection (LSH candidates find copies and ignore a phrase many documents
share) and the scan stored per corpus state."""

from __future__ import annotations

import random

from toolkit.corpus import dedup
from toolkit.corpus.dedup import BANDS, find_duplicates, fingerprint, resemblance


def _story(rng: random.Random, words: int = 300) -> str:
    return " ".join(f"w{rng.randrange(100000)}" for _ in range(words))


def test_a_common_phrase_makes_no_copies_and_a_trimmed_copy_is_found():
    rng = random.Random(7)
    phrase = "this article was produced with support from the regional news fund " * 3
    bodies = [_story(rng) + " " + phrase for _ in range(300)]
    bodies.append(bodies[10].rsplit(" ", 40)[0])  # a copy with its last 40 words trimmed
    prints = [fingerprint(body) for body in bodies]
    assert all(len(p.bands) == BANDS for p in prints)
    found = find_duplicates(prints, [(None, i) for i in range(len(bodies))])
    assert list(found) == [300]
    original, how, score = found[300]
    assert (original, how) == (10, "near")
    assert score == round(resemblance(prints[300].sketch, prints[10].sketch), 3) >= 0.7


def test_signatures_are_stable_and_short_bodies_have_none():
    body = " ".join(f"word{i}" for i in range(60))
    assert list(fingerprint(body).bands) == list(fingerprint(body).bands)
    assert fingerprint("too short").bands == ()


def test_resemblance_is_the_share_of_the_smallest_hashes_of_both_that_each_has(polnear_path):
    """The estimate from two bottom-k sketches, on real news: of the SKETCH smallest hashes of
    the union, the share both sketches hold; also for short sketches, equal and disjoint ones."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((polnear_path / "dev" / "text")
                                                             .glob("*.txt"))[:12]]
    sketches = [fingerprint(t).sketch for t in texts]
    # A text and the same text cut short (a trimmed copy), and one of a few words.
    sketches += [fingerprint(texts[0][:len(texts[0]) // 2]).sketch,
                 fingerprint(" ".join(texts[1].split()[:14])).sketch]
    assert len(sketches[-1]) < dedup.SKETCH <= len(sketches[0])

    def by_sets(a, b):
        union = sorted(set(a) | set(b))[:dedup.SKETCH]
        return sum(1 for h in union if h in set(a) & set(b)) / len(union)

    for a in sketches:
        for b in sketches:
            assert resemblance(a, b) == by_sets(a, b)
    assert resemblance(sketches[0], sketches[0]) == 1.0
    assert resemblance(sketches[0], sketches[-2]) > 0.3
    assert resemblance(sketches[0], ()) == resemblance((), sketches[0]) == 0.0
    assert resemblance([1, 5, 9], (5, 9, 12)) == 0.5


def test_work_per_document_is_bounded_when_many_documents_share_text(monkeypatch):
    """Hundreds of stories that each carry the same long block of text share bands with one
    another: each is compared with at most MAX_CHECKS of them, and none is a copy. A story
    told again more times than BAND_PEERS (slightly edited each time) has every retelling
    found as a copy of the first."""
    rng = random.Random(11)
    block = _story(rng, 300)
    bodies = [_story(rng, 150) + " " + block for _ in range(400)]  # resemblance about 0.5
    told = _story(rng, 300).split()
    for _ in range(dedup.BAND_PEERS + 20):
        words = list(told)
        for at in rng.sample(range(len(words)), 4):
            words[at] = f"edit{rng.randrange(1000)}"
        bodies.append(" ".join(words))
    bodies.insert(200, " ".join(told))
    prints = [fingerprint(body) for body in bodies]
    calls = []
    monkeypatch.setattr(dedup, "resemblance",
                        lambda a, b: calls.append(1) or resemblance(a, b))
    found = find_duplicates(prints, [(None, i) for i in range(len(bodies))])
    assert sorted(found) == list(range(401, len(bodies)))
    assert {found[i][:2] for i in found} == {(200, "near")}
    bounded = len(calls)
    assert bounded <= dedup.MAX_CHECKS * len(bodies)
    # Without the bounds, the stories are compared with every earlier one they share a band
    # with (most of them), for the same copies found.
    monkeypatch.setattr(dedup, "MAX_CHECKS", 10**6)
    monkeypatch.setattr(dedup, "BAND_PEERS", 10**6)
    calls.clear()
    assert find_duplicates(prints, [(None, i) for i in range(len(bodies))]) == found
    assert len(calls) > 4 * bounded


# -- the scan is stored per corpus state --------------------------------------------------------

def test_load_reuses_the_stored_scan_until_a_file_changes(tmp_path, monkeypatch):
    import os

    from toolkit.corpus import loader

    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in ("a", "b"):
        (folder / f"{name}.txt").write_text(f"Headline {name}\n" + "Words of the story. " * 30,
                                            encoding="utf-8")
    monkeypatch.setenv("TOOLKIT_CACHE_DIR", str(tmp_path / "cache"))
    scans = []
    real_scan = loader.Corpus._scan
    monkeypatch.setattr(loader.Corpus, "_scan", lambda self: scans.append(1) or real_scan(self))
    first = loader.load(folder).report()
    assert loader.load(folder).report() == first and len(scans) == 1
    loader._SCANS.clear()  # as in a new process: the stored records on disk serve
    assert loader.load(folder).report() == first and len(scans) == 1
    assert len(loader.load(folder, cache=False).report()) == 2 and len(scans) == 2
    (folder / "c.txt").write_text("Another headline\n" + "Other words here. " * 30,
                                  encoding="utf-8")
    assert [r.doc_id for r in loader.load(folder).report()] == ["a", "b", "c"]
    assert len(scans) == 3
    os.utime(folder / "a.txt", ns=(1, 1))
    loader.load(folder)
    assert len(scans) == 4


def test_inputs_read_over_worker_processes_give_the_same_load_report(sample_path, tmp_path,
                                                                     monkeypatch):
    import shutil

    from toolkit.corpus import loader

    folder = tmp_path / "corpus"
    shutil.copytree(sample_path, folder)
    articles = sorted((folder / "articles").glob("*.txt"))
    # A syndicated copy and a file holding only spaces: a duplicate and a skip to report.
    shutil.copy(articles[0], folder / "articles" / "zz_copy.txt")
    (folder / "articles" / "zz_blank.txt").write_text("   \n", encoding="utf-8")
    serial = loader.load(folder, cache=False).report()
    assert {r.status for r in serial} == {"ok", "duplicate", "skipped"}
    # Small batches, and workers used for any batch, so several batches go through the pool.
    monkeypatch.setattr(loader, "_SCAN_BATCH", 5)
    monkeypatch.setattr(loader, "_SCAN_PARALLEL_MIN", 1)
    assert loader.load(folder, cache=False, workers=2).report() == serial
    cache = tmp_path / "cache"
    assert loader.load(folder, cache=cache, workers=2).report() == serial
    loader._SCANS.clear()
    read = []
    monkeypatch.setattr(loader, "_entry_content", lambda entry: read.append(entry) or None)
    # Every input's outcome was stored as it was read, by the process that read it: without
    # the index of the last scan, a new state reads none of them again.
    assert len(list((cache / "scan-input").rglob("*.pickle"))) == len(serial)
    shutil.rmtree(cache / "scan-index")
    (folder / "articles" / "zz_blank.txt").unlink()
    assert loader.load(folder, cache=cache, workers=2).report() == [
        r for r in serial if not r.path.endswith("zz_blank.txt")]
    assert read == []


def test_a_grown_corpus_reads_its_known_inputs_from_one_index(sample_path, tmp_path,
                                                              monkeypatch):
    import os
    import shutil

    from toolkit.corpus import loader

    folder = tmp_path / "corpus"
    shutil.copytree(sample_path, folder)
    articles = sorted((folder / "articles").glob("*.txt"))
    cache = tmp_path / "cache"
    loader.load(folder, cache=cache, workers=1).report()
    # Without the inputs' own entries, the index of the last scan is all a new scan has.
    shutil.rmtree(cache / "scan-input")
    loader._SCANS.clear()
    shutil.copy(articles[0], folder / "articles" / "zz_copy.txt")
    os.utime(articles[1], ns=(10**18, 10**18))  # a changed file is read again
    read = []
    real = loader._entry_content
    monkeypatch.setattr(loader, "_entry_content", lambda entry: read.append(entry) or real(entry))
    grown = loader.load(folder, cache=cache, workers=1).report()
    assert sorted(os.path.basename(entry.path) for entry in read) == sorted(
        ["zz_copy.txt", articles[1].name])
    assert grown == loader.load(folder, cache=False).report()
    assert any(r.status == "duplicate" and r.path.endswith("zz_copy.txt") for r in grown)
    # The index now holds the new state: a third scan of it reads nothing.
    (folder / "articles" / "zz_copy.txt").unlink()
    fresh = loader.load(folder, cache=False).report()
    loader._SCANS.clear()
    read.clear()
    shutil.rmtree(cache / "scan-input")
    assert loader.load(folder, cache=cache, workers=1).report() == fresh
    assert read == []
