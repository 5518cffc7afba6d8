"""Collection readers: folders, text, HTML, JSONL, gzip, RSS/Atom, WARC; the language check; bad inputs."""

import gzip
import io
import json

import pytest

from eventwire import errors
from eventwire.ingest.language import check_english
from eventwire.ingest.readers import count_items, iter_items, normalise_date, read_articles, to_article
from tests.conftest import SAMPLES

CORPUS = SAMPLES / "corpus"
BAD = SAMPLES / "bad"

BODY = ("The two governments agreed on Tuesday to reopen the border crossing that was closed last year, "
        "officials from both sides said after a meeting in the capital.")


def articles(*paths):
    return [a for a in read_articles(paths) if not isinstance(a, errors.EventwireError)]


def failures(*paths):
    return [a for a in read_articles(paths) if isinstance(a, errors.EventwireError)]


def test_ingest_sample_corpus_reads_every_format():
    got = articles(CORPUS)
    sources = {a.source.split("/")[-1] for a in got}
    assert len(got) == 11
    assert {"world.rss#entry1", "trade-summit.html", "port-strike.txt", "wire.jsonl#L2"} <= sources
    assert not failures(CORPUS)


def test_ingest_count_items_matches_items():
    paths = [CORPUS, BAD]
    assert count_items(paths) == sum(1 for _ in iter_items(paths)) == 14


def test_ingest_jsonl_fields_and_aliases():
    by_src = {a.source.split("/")[-1]: a for a in articles(CORPUS / "wire.jsonl")}
    first, second = by_src["wire.jsonl#L1"], by_src["wire.jsonl#L2"]
    assert first.title == "India and China Agree to New Round of Border Talks"
    assert first.text.startswith(first.title + "\n\n")
    assert (first.date, first.outlet, first.url) == ("2025-03-07", "Fiction Wire", "https://example.org/asia/border-talks")
    assert (second.date, second.outlet) == ("2025-04-20", "Fiction Americas")  # RFC 822 date, {"name": ...}


def test_ingest_html_page_main_text_and_metadata():
    (page,) = articles(CORPUS / "pages")
    assert page.title == "Brazil and Argentina Sign Trade Deal at Brasilia Summit"
    assert page.outlet == "Fiction Daily" and page.date == "2025-05-14"
    assert "Subscribe to our newsletter" not in page.text and "<p>" not in page.text


def test_ingest_feed_entries_have_paragraphs_and_dates():
    entries = articles(CORPUS / "feeds" / "world.rss")
    assert [e.date for e in entries] == ["2025-06-10", "2025-06-11"]
    assert entries[0].outlet == "Fiction World Wire" and entries[0].url.endswith("grain-talks")
    assert entries[0].text.count("\n\n") >= 2 and "<p>" not in entries[0].text


def test_ingest_gzip_files_are_read(tmp_path):
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(("Border Reopens\n\n" + BODY).encode()))
    line = json.dumps({"title": "Crossing Opens", "text": BODY, "date": "2025-01-02"})
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress(line.encode()))
    got = sorted(articles(tmp_path), key=lambda a: a.source)
    assert [a.title for a in got] == ["Border Reopens", "Crossing Opens"]


def test_ingest_warc_html_responses(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    html = (f"<html><head><title>Crossing Reopens</title></head><body><article><h1>Crossing Reopens</h1>"
            f"<p>{BODY}</p><p>{BODY.replace('Tuesday', 'Wednesday')}</p></article></body></html>")
    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, body, ctype in [("https://example.org/a", html, "text/html; charset=utf-8"),
                                 ("https://example.org/logo.png", "PNG", "image/png")]:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(url, "response", payload=io.BytesIO(body.encode()), http_headers=headers,
                                            warc_headers_dict={"WARC-Date": "2025-02-03T10:00:00Z"})
            writer.write_record(rec)
    (art,) = articles(path)  # the image is not an article
    assert art.url == "https://example.org/a" and art.date == "2025-02-03"
    assert "#<urn:uuid:" in art.source and BODY in art.text


@pytest.mark.parametrize("gz", [False, True])
def test_ingest_truncated_warc_record_fails_alone(tmp_path, gz):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for n in range(3):
            html = f"<html><body><p>{BODY.replace('Tuesday', 'Monday')} Story {n}.</p></body></html>"
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://example.org/{n}", "response",
                                                          payload=io.BytesIO(html.encode()), http_headers=headers))
    path.write_bytes(path.read_bytes()[:-60])  # the copy was cut short inside the last record
    got = list(read_articles([path]))
    assert [type(x).__name__ for x in got] == ["Article", "Article", "BadRecord"]
    assert [a.url for a in got[:2]] == ["https://example.org/0", "https://example.org/1"]
    assert "truncated WARC record" in str(got[2]) and "#<urn:uuid:" in str(got[2])


@pytest.mark.parametrize("name,cls", [
    ("empty.txt", errors.EmptyInput), ("corrupt.jsonl.gz", errors.BadRecord), ("not-english.txt", errors.NotEnglish),
])
def test_ingest_bad_files_fail_with_their_reason(name, cls):
    (err,) = failures(BAD / name)
    assert isinstance(err, cls) and name in str(err)


def test_ingest_bad_jsonl_line_fails_alone(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join([json.dumps({"text": BODY}), "{not json", json.dumps({"title": "no text"}),
                               json.dumps({"body": BODY + " Again."})]) + "\n")
    got = list(read_articles([path]))
    kinds = [type(x).__name__ for x in got]
    assert kinds == ["Article", "BadRecord", "BadRecord", "Article"]
    assert "#L2" in str(got[1]) and "no article text" in str(got[2])


def test_ingest_unreadable_feed_and_warc_are_failures(tmp_path):
    (tmp_path / "broken.rss").write_text("<?xml version='1.0'?><rss><channel><title>x</title></channel></rss>")
    (tmp_path / "broken.warc").write_bytes(b"this is not a warc archive at all\n" * 5)
    errs = failures(tmp_path)
    assert len(errs) == 2 and all(isinstance(e, errors.InputError) for e in errs)


def test_ingest_binary_file_is_a_failure(tmp_path):
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x00\x00\x00" * 20)
    (err,) = failures(tmp_path)
    assert isinstance(err, errors.BinaryInput)


def test_ingest_hidden_files_are_skipped(tmp_path):
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x01")
    (tmp_path / "a.txt").write_text(BODY)
    assert count_items([tmp_path]) == 1


@pytest.mark.parametrize("text", [
    "El gobierno y los sindicatos reanudaron el martes las negociaciones sobre la reforma de las pensiones "
    "tras tres semanas de huelgas en el transporte público de la capital.",
    "Die Regierung und die Gewerkschaften haben am Dienstag die Verhandlungen über die Rentenreform nach drei "
    "Wochen Streik im Nahverkehr wieder aufgenommen.",
    "Правительство и профсоюзы во вторник возобновили переговоры о пенсионной реформе.",
    "政府和工会星期二恢复了养老金改革谈判。",  # no spaces between words: one or two "words" in all
    "政府と労働組合は火曜日、年金改革の交渉を再開した。",
])
def test_ingest_language_check_rejects_other_languages(text):
    with pytest.raises(errors.NotEnglish):
        check_english(text)


@pytest.mark.parametrize("text", [BODY, "Talks Collapse", "Reuters 2025", "北京 Talks"])
def test_ingest_language_check_accepts_english_and_short_text(text):
    check_english(text)


def test_ingest_english_only_can_be_turned_off():
    (item,) = iter_items([BAD / "not-english.txt"])
    assert to_article(item, english_only=False).text.startswith("Le gouvernement")


@pytest.mark.parametrize("value,iso", [
    ("2025-03-07T08:15:00Z", "2025-03-07"), ("Sun, 20 Apr 2025 18:00:00 GMT", "2025-04-20"),
    ("April 3, 2024", "2024-04-03"), (0, "1970-01-01"), ("not a date", None), ("2025-02-30", None),
])
def test_ingest_normalise_date(value, iso):
    assert normalise_date(value) == iso


# -- publication dates ------------------------------------------------------------------------------------

from eventwire.ingest import pubdate  # noqa: E402
from eventwire.ingest.readers import run_options  # noqa: E402

DATELINE = "Talks Resume\n\nNEW DELHI, Nov. 17 (Reuters) - " + BODY + "\n"


def test_ingest_date_from_file_and_folder_names():
    assert pubdate.name_date("news/nyt_2016-09-16_clinton-leads.txt") == "2016-09-16"
    assert pubdate.name_date("news/20160916-story.html") == "2016-09-16"
    assert pubdate.name_date("archive/2016-09-20/story.txt") == "2016-09-20"
    assert pubdate.name_date("archive/2016/09/21/story.txt") == "2016-09-21"
    assert pubdate.name_date("news/story-12345678.txt") is None  # not a valid date
    assert pubdate.name_date("news/2016-13-40_x.txt") is None


def test_ingest_dateline_with_and_without_a_year():
    assert pubdate.dateline_date("KABUL, Afghanistan, Nov. 17, 2008 -- The Taliban said") == "2008-11-17"
    assert pubdate.dateline_date("LONDON, 17 November 2008 (AFP) - x") == "2008-11-17"
    assert pubdate.dateline_date(DATELINE) is None  # no year and nothing to resolve it against: no date
    assert pubdate.dateline_date(DATELINE, "2008-11-20") == "2008-11-17"
    assert pubdate.dateline_date(DATELINE, "2009-01-05") == "2008-11-17"  # the year that puts it nearest
    assert pubdate.dateline_date("WASHINGTON (AP) - x", "2008-11-20") is None


def test_ingest_dates_by_source_and_precedence(tmp_path):
    (tmp_path / "2016-09-20").mkdir()
    (tmp_path / "2016-09-20" / "story.txt").write_text("Story\n\n" + BODY + "\n")
    (tmp_path / "nyt_2016-09-16_talks.txt").write_text(DATELINE)
    (tmp_path / "plain.txt").write_text(DATELINE)
    (tmp_path / "undated.txt").write_text("Undated\n\n" + BODY + "\n")
    got = {a.source.split("/")[-1]: (a.date, a.date_source) for a in articles(tmp_path)}
    assert got == {"story.txt": ("2016-09-20", "filename"), "nyt_2016-09-16_talks.txt": ("2016-09-16", "filename"),
                   "plain.txt": (None, None), "undated.txt": (None, None)}
    with run_options(date="2008-11-20"):
        got = {a.source.split("/")[-1]: (a.date, a.date_source) for a in articles(tmp_path)}
    assert got["plain.txt"] == ("2008-11-17", "dateline") and got["undated.txt"] == ("2008-11-20", "default")
    assert got["story.txt"] == ("2016-09-20", "filename")


def test_ingest_sidecar_metadata_csv_and_jsonl(tmp_path):
    (tmp_path / "a.txt").write_text("A story\n\n" + BODY + "\n")
    (tmp_path / "wire.jsonl").write_text(json.dumps({"id": "w1", "text": BODY, "date": "2020-01-01"}) + "\n")
    meta = tmp_path / "meta.csv"
    meta.write_text("path,date,title,url,outlet\na.txt,2019-05-06,Given Title,https://example.org/a,Test Wire\n")
    with run_options(metadata=meta):
        (a,) = [x for x in articles(tmp_path / "a.txt")]
    assert (a.date, a.date_source, a.title, a.url, a.outlet) == (
        "2019-05-06", "metadata", "Given Title", "https://example.org/a", "Test Wire")
    jl = tmp_path / "meta.jsonl"
    jl.write_text(json.dumps({"id": "w1", "publication_date": "2021-02-03", "publisher": "X"}) + "\n")
    with run_options(metadata=jl):
        (w,) = articles(tmp_path / "wire.jsonl")
    assert (w.date, w.date_source, w.outlet) == ("2021-02-03", "metadata", "X")
    (w,) = articles(tmp_path / "wire.jsonl")
    assert (w.date, w.date_source) == ("2020-01-01", "record")


def test_ingest_unreadable_file_is_recorded_and_the_rest_read(tmp_path, monkeypatch):
    """A file that cannot be read (no permission, removed since the walk) was an OSError that ended the run."""
    from pathlib import Path

    (tmp_path / "a.txt").write_text(BODY + "\n")
    (tmp_path / "b.txt").write_text(BODY + "\n")
    (tmp_path / "c.warc").write_bytes(b"WARC/1.0\r\n")
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == "a.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    real_open = Path.open

    def open_(self, *a, **kw):
        if self.name == "c.warc":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *a, **kw)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    monkeypatch.setattr(Path, "open", open_)
    items = list(iter_items([tmp_path]))
    kinds = {Path(i.source).name: (i.kind, i.payload["code"] if i.kind == "error" else None) for i in items}
    assert kinds == {"a.txt": ("error", "E109"), "b.txt": ("text", None), "c.warc": ("error", "E109")}
    assert "Permission denied" in items[0].payload["message"]
    assert count_items([tmp_path]) == 3


def test_ingest_metadata_key_that_cannot_be_a_path_is_an_id(tmp_path):
    """A key with a NUL byte (a garbled sidecar) crashed the whole run resolving it as a path."""
    (tmp_path / "b.txt").write_text(BODY + "\n")
    meta = tmp_path / "meta.csv"
    meta.write_bytes(b"path,date\nbad\x00key,2019-05-06\nb.txt,2018-01-02\n")
    with run_options(metadata=meta):
        (b,) = articles(tmp_path / "b.txt")
    assert (b.date, b.date_source) == ("2018-01-02", "metadata")


def test_ingest_bad_metadata_file_and_date_are_input_errors(tmp_path):
    with pytest.raises(errors.NotFound):
        with run_options(metadata=tmp_path / "none.csv"):
            pass
    bad = tmp_path / "bad.csv"
    bad.write_text("path,date\na.txt,not a date at all\n")
    with pytest.raises(errors.BadRecord):
        with run_options(metadata=bad):
            pass
    with pytest.raises(errors.InputError):
        with run_options(date="someday"):
            pass


@pytest.mark.shared
def test_ingest_polnear_metadata_file_matches_its_texts():
    from eventwire.ingest.metadata import Metadata
    from tests.conftest import SHARED

    polnear = SHARED / "anchors" / "quotes" / "polnear"
    if not (polnear / "metadata.tsv").exists():
        pytest.skip("../shared PolNeAR metadata is not here")
    meta = Metadata.load(polnear / "metadata.tsv")
    texts = sorted((polnear / "dev" / "text").glob("*.txt"))
    rows = [meta.lookup(str(t)) for t in texts]
    assert sum(1 for r in rows if r) / len(texts) >= 0.95
    assert all(r["date"] == pubdate.name_date(t) for r, t in zip(rows, texts) if r.get("date"))
