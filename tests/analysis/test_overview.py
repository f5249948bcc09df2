"""Overview tables: documents per outlet and month, and what cleaning removed."""

from toolkit.analysis.overview import cleaning_summary, documents_by_outlet_month
from toolkit.corpus import load


def test_overview_tables(tmp_path):
    (tmp_path / "a.txt").write_text("Share this article\nDam talks stall again\nTalks stalled.\n",
                                    encoding="utf-8")
    (tmp_path / "b.txt").write_text("Ramos flies to Brennick\nShe said talks go on.\n",
                                    encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("file,outlet,date\na.txt,Ledger,2026-03-02\n"
                                           "b.txt,Ledger,2026-04-01\n", encoding="utf-8")
    corpus = load(tmp_path)
    by_month = documents_by_outlet_month(corpus)
    assert by_month.to_csv(index=False) == ("outlet,month,n_documents,n_duplicates\n"
                                            "Ledger,2026-03,1,0\nLedger,2026-04,1,0\n")
    assert cleaning_summary(corpus).to_csv(index=False) == (
        "reason,n_spans,n_documents,n_chars\npage furniture,1,1,18\n")


def test_the_stored_cleaning_table_follows_the_files(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("Share this article\nDam talks stall again\nTalks stalled.\n",
                                  encoding="utf-8")
    (folder / "b.txt").write_text("Ramos flies to Brennick\nShe said talks go on.\n",
                                  encoding="utf-8")
    store = tmp_path / "cache"
    first = cleaning_summary(load(folder, cache=store), store=store)
    assert first.to_csv(index=False) == (
        "reason,n_spans,n_documents,n_chars\npage furniture,1,1,18\n")
    # Asked again, the table of this state of the folder is read whole, and is the same.
    assert len(list((store / "store").glob("*/cleaning-tables/*.pickle"))) == 1
    assert cleaning_summary(load(folder, cache=store), store=store).equals(first)
    # A file that changed gives another state: the table is made again, from the new text.
    (folder / "b.txt").write_text("Follow us on Twitter\nRamos flies to Brennick\n"
                                  "She said talks go on.\n", encoding="utf-8")
    again = cleaning_summary(load(folder, cache=store), store=store)
    assert again.equals(cleaning_summary(load(folder, cache=False)))
    assert again.to_csv(index=False) != first.to_csv(index=False)
