"""framing.corpus.readers: raw tables that know the line each row came from."""

from __future__ import annotations

from helpers import TABLE, by_id, load_quietly, write_table


def test_table_line_numbers_are_kept(tmp_path):
    path = write_table(TABLE, tmp_path / "t.csv")
    df = by_id(load_quietly(path))
    # b2's quoted text spans two lines, so the next record starts on line 4.
    assert [df.loc[d, "path"] for d in ("b2", "b10", "a1")] == [
        f"{path}:2", f"{path}:4", f"{path}:5"]


def test_parquet_index_is_kept_as_a_column(tmp_path):
    path = tmp_path / "i.parquet"
    TABLE.rename(columns={"ID": "doc_id"}).set_index("doc_id").to_parquet(path)
    assert sorted(load_quietly(path)["doc_id"]) == sorted(TABLE["ID"])
