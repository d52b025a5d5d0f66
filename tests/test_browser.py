"""A reader in headless Chromium: read a document on both language sites, use
the both / ja / en control, follow a permalink, switch language on a page.
Screenshots land in test-artifacts/ for a human to look at."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

DOC = "/documents/altman-blackrock-infrastructure-summit/"
OTHER_DOC = "/documents/altman-interview-27-questions/"


def visible(page, selector: str) -> bool:
    return page.locator(selector).first.is_visible()


def test_parallel_text_in_the_page_language_order(page, site_server, artifacts):
    page.goto(site_server.url + DOC)
    first = page.locator("#p1 .seg-cell").first
    assert first.get_attribute("lang") == "ja"
    page.screenshot(path=str(artifacts / "document-ja-1280.png"))
    page.goto(site_server.url + "/en" + DOC)
    assert page.locator("html").get_attribute("lang") == "en"
    cells = page.locator("#p1 .seg-cell")
    assert cells.nth(0).get_attribute("class").split()[1] == "col-en"
    assert cells.nth(1).get_attribute("lang") == "ja"
    # a transcript turn: English original first on the English site, with speaker and time
    turn = page.locator("#t0000")
    assert turn.locator(".col-en .speaker").inner_text() == "Sam Altman"
    assert turn.locator(".col-ja .speaker").inner_text() == "アルトマン"
    assert turn.locator(".col-en .ts").inner_text() == "00:00"
    page.screenshot(path=str(artifacts / "document-en-1280.png"))


def test_columns_side_by_side_on_desktop_and_stacked_on_a_phone(page, site_server, artifacts):
    page.goto(site_server.url + DOC + "#p2")
    left, right = (page.locator("#p2 .seg-cell").nth(i).bounding_box() for i in (0, 1))
    assert abs(left["y"] - right["y"]) < 2 and right["x"] > left["x"] + left["width"]
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_server.url + DOC + "#p2")
    left, right = (page.locator("#p2 .seg-cell").nth(i).bounding_box() for i in (0, 1))
    assert right["y"] >= left["y"] + left["height"] - 1
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page overflows the phone screen: {width}px"
    page.screenshot(path=str(artifacts / "document-ja-390.png"))


def test_view_control_switches_and_is_remembered(page, site_server, artifacts):
    page.goto(site_server.url + DOC)
    control = page.get_by_role("group", name="表示する言語")
    assert control.is_visible()
    assert visible(page, "#p1 .col-en") and visible(page, "#p1 .col-ja")
    control.get_by_label("日本語のみ").check()
    assert not visible(page, "#p1 .col-en") and visible(page, "#p1 .col-ja")
    page.screenshot(path=str(artifacts / "document-ja-only.png"))
    # another page, and the English site, keep the choice
    page.goto(site_server.url + OTHER_DOC)
    assert page.get_by_label("日本語のみ").is_checked()
    assert not visible(page, "#q1 .col-en")
    page.goto(site_server.url + "/en" + OTHER_DOC)
    assert page.get_by_label("Japanese only").is_checked()
    page.get_by_label("English only").check()
    assert visible(page, "#q1 .col-en") and not visible(page, "#q1 .col-ja")
    page.get_by_label("Both").check()
    assert visible(page, "#q1 .col-en") and visible(page, "#q1 .col-ja")


def test_permalink_leads_to_the_passage(page, site_server):
    page.goto(site_server.url + OTHER_DOC)
    link = page.locator("#q9 .seg-link")
    assert link.is_visible() and link.get_attribute("href") == "#q9"
    link.click()
    assert page.url.endswith("#q9")
    assert page.evaluate("document.querySelector(':target').id") == "q9"
    box = page.locator("#q9").bounding_box()
    assert 0 <= box["y"] < 900
    # the link works from a fresh visit too
    page.goto(site_server.url + "/en" + OTHER_DOC + "#q9-a2")
    assert page.evaluate("document.querySelector(':target').id") == "q9-a2"


def test_language_switch_lands_on_the_same_page(page, site_server):
    page.goto(site_server.url + OTHER_DOC)
    page.locator(".md-header__option .md-select").hover()
    page.locator('a.md-select__link[hreflang="en"]').click()
    page.wait_for_url("**/en" + OTHER_DOC)
    assert page.locator("html").get_attribute("lang") == "en"
    page.locator(".md-header__option .md-select").hover()
    page.locator('a.md-select__link[hreflang="ja"]').click()
    page.wait_for_url(site_server.url + OTHER_DOC)
    assert page.locator("html").get_attribute("lang") == "ja"


def test_language_switch_keeps_the_passage(page, site_server):
    page.goto(site_server.url + OTHER_DOC + "#p3")
    page.locator(".md-header__option .md-select").hover()
    page.locator('a.md-select__link[hreflang="en"]').click()
    page.wait_for_url("**/en" + OTHER_DOC + "#p3")
    start = page.evaluate("window.scrollY")
    page.mouse.wheel(0, 1500)  # scrolled on by hand: the switch follows the passage in view
    page.wait_for_function("(y) => window.scrollY > y + 1000", arg=start)
    in_view = page.evaluate(
        """() => [...document.querySelectorAll('.seg[id]')]
              .find(e => e.getBoundingClientRect().bottom > 70).id"""
    )
    page.evaluate("history.replaceState(null, '', location.pathname)")
    page.locator(".md-header__option .md-select").hover()
    page.locator('a.md-select__link[hreflang="ja"]').click()
    page.wait_for_url(f"{site_server.url}{OTHER_DOC}#{in_view}")


def test_a_long_editors_note_folds_and_prints_whole(page, site_server):
    """A long note shows its first sentence; a click opens it; print shows it whole."""
    page.goto(site_server.url + "/documents/altman-nadella-podcast-summary/")
    folded = page.locator("details.seg-note").first
    assert folded.count() and folded.locator("summary .seg-note-label").is_visible()
    rest = folded.locator(".seg-note-more")
    assert not rest.is_visible()
    folded.locator("summary").click()
    assert rest.is_visible() and rest.inner_text().strip()
    page.reload()
    page.emulate_media(media="print")
    assert page.locator("details.seg-note .seg-note-more").first.is_visible()


def test_the_about_page_uses_admonitions(page, site_server):
    for prefix in ("", "/en"):
        page.goto(site_server.url + prefix + "/about/")
        assert page.locator(".admonition.tip").count() == 1
        marks = page.locator("details.info")
        assert marks.count() == 1 and not marks.locator("li").first.is_visible()
        marks.locator("summary").click()
        assert marks.locator("li").first.is_visible()


def test_documents_index_filters_by_words_year_and_kind(page, browser, site_server, artifacts):
    page.goto(site_server.url + "/en/documents/")
    cards = page.locator("ol.doc-index li.doc-card")
    assert cards.count() == 5 and page.locator("form.doc-filter").is_visible()
    shown = lambda: [c.locator(".doc-card-title").inner_text() for c in cards.all() if c.is_visible()]  # noqa: E731
    assert len(shown()) == 5 and page.locator(".doc-filter-count").inner_text() == "5 of 5 documents"
    page.get_by_label("Year").select_option("2025")
    assert len(shown()) == 1 and "27" in shown()[0]
    assert page.locator(".doc-filter-count").inner_text() == "1 of 5 documents"
    page.get_by_label("Year").select_option("")
    page.get_by_label("Filter by words").fill("NADELLA  podcast")  # any case, every word
    assert shown() == ["Sam Altman and Satya Nadella on a podcast: a summary"]
    assert "q=NADELLA" in page.url  # the filter is kept in the address
    page.get_by_label("Filter by words").fill("nadella guarantees")
    assert shown() == [] and page.locator(".doc-filter-none").is_visible()
    page.screenshot(path=str(artifacts / "documents-index-none.png"))
    page.goto(site_server.url + "/documents/?kind=statement")
    assert page.get_by_label("種類").input_value() == "statement" and len(shown()) == 1
    # without script: the plain list, no form
    context = browser.new_context(java_script_enabled=False)
    try:
        plain = context.new_page()
        plain.goto(site_server.url + "/en/documents/")
        assert plain.locator("ol.doc-index li.doc-card:visible").count() == 5
        assert not plain.locator("form.doc-filter").is_visible()
    finally:
        context.close()


def test_the_home_page_links_the_documents_index(page, site_server):
    page.goto(site_server.url + "/en/")
    page.get_by_role("link", name="All documents (5)").click()
    assert page.url.endswith("/en/documents/")
    # the documents section's own link in the navigation leads there too
    page.goto(site_server.url + "/en" + DOC)
    page.locator(".md-nav--primary a.md-nav__link", has_text="Documents").first.click()
    assert page.url.endswith("/en/documents/")
