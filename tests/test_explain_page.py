"""framing.explain_page: the explanation page, checked as markup and in a headless browser.

The browser test needs Chromium and the ``playwright`` package (not a dependency of the
toolkit: ``pip install playwright`` and a system Chromium, e.g. ``apt-get install chromium``);
without them it is skipped with the reason. Set ``FRAMING_SCREENSHOTS`` to a folder to keep the
screenshot.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

from framing import analyze, explain

DOC = "004_07d685bfe4e10dc6"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def markup_doc():
    text = ("دعت مصر إلى إجراء الانتخابات في موعدها <b>وحذرت</b> من الميليشيات. "
            "وقال المتحدث باسم الأمم المتحدة إن <script>alert(1)</script> الحوار مستمر.")
    corpus = pd.DataFrame({"doc_id": ["m1"], "text": [text], "outlet": ["Test <i>Outlet</i>"],
                           "title": ["<h1>عنوان</h1>"]})
    return corpus, analyze(corpus)


def test_the_page_escapes_markup_and_numbers_every_sentence(markup_doc):
    corpus, res = markup_doc
    page = explain.explain_html(res, corpus, "m1")
    assert "<script>" not in page and "&lt;script&gt;" in page and "<b>" not in page
    assert "<h1>" not in page and "<i>" not in page and "&lt;b&gt;وحذرت" in page
    for sid in res.sentences["sent_id"]:
        assert f'id="s{sid}"' in page
    for field in explain.reasons(res, "m1")["field"]:
        assert f'data-field="{field}"' in page
    assert "@media print" in page and "<bdi>" in page


def _chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def test_the_page_in_a_headless_browser(seeds_analysis, tmp_path):
    try:
        from playwright import sync_api
    except ImportError:
        pytest.skip("playwright is not installed (pip install playwright)")
    chromium = _chromium()
    if chromium is None:
        pytest.skip("no Chromium on this machine (apt-get install chromium)")
    corpus, res = seeds_analysis
    page_file = tmp_path / "why.html"
    page_file.write_text(explain.explain_html(res, corpus, DOC), encoding="utf-8")
    table = explain.reasons(res, DOC)
    sents = res.sentences[res.sentences["doc_id"] == DOC]
    try:
        with sync_api.sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1100, "height": 900})
            page.goto(page_file.as_uri())
            numbers = page.eval_on_selector_all("#text .sn", "els => els.map(e => e.textContent)")
            rows = page.eval_on_selector_all(
                "#why tr.why", "els => els.map(e => [e.dataset.field, "
                "e.querySelectorAll('td')[1].textContent, e.querySelector('.rule').textContent])")
            injected = page.eval_on_selector_all("#text script, #text b, #text i", "e => e.length")
            rtl = page.eval_on_selector("div.fx", "e => getComputedStyle(e).direction")
            cell = page.eval_on_selector("#why tr.why .rule",
                                         "e => getComputedStyle(e.parentElement).direction")
            actors = page.eval_on_selector_all("#actors tbody tr", "e => e.length")
            shot = tmp_path / "explain.png"
            page.screenshot(path=str(shot), full_page=True)
            browser.close()
    except sync_api.Error as exc:  # a browser that cannot start here is an environment matter
        pytest.skip(f"Chromium could not run: {str(exc).splitlines()[0]}")
    assert numbers == [f"s{i}" for i in sents["sent_id"]]
    assert [r[0] for r in rows] == list(table["field"])
    assert [r[1] for r in rows] == [str(x) for x in table["label"]]
    assert all("→" in r[2] for r in rows)
    assert injected == 0 and rtl == "rtl" and cell == "ltr"
    assert actors == int((res.actors["doc_id"] == DOC).sum())
    assert shot.stat().st_size > 10_000
    keep = os.environ.get("FRAMING_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(keep) / f"explain_{DOC}.png")
