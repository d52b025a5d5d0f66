"""Accessibility as a reader with assistive technology meets the site:
an axe-core audit (no serious or critical violations), keyboard-only use with
visible focus, and a language on every passage for screen readers."""

from __future__ import annotations

import json

import pytest
from axe_playwright_python.sync_playwright import Axe

DOC = "/documents/altman-blackrock-infrastructure-summit/"
PAGES = [
    "/",
    "/en/",
    DOC,
    "/en" + DOC,
    "/glossary/",
    "/en/glossary/",
    "/topics/power-energy/",
    "/en/figures/",
    "/timeline/",
    "/status/",
    "/en/status/",
    "/documents/",
    "/en/documents/",
]


@pytest.mark.parametrize("path", PAGES)
def test_no_serious_or_critical_violations(page, site_server, artifacts, path):
    page.goto(site_server.url + path)
    page.wait_for_load_state("networkidle")
    results = Axe().run(page)
    violations = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    name = path.strip("/").replace("/", "_") or "home"
    (artifacts / f"axe-{name}.json").write_text(json.dumps(results.response["violations"], indent=1), "utf-8")
    assert not violations, [(v["id"], v["help"], [n["target"] for n in v["nodes"][:3]]) for v in violations]


def _tab_until(page, predicate: str, limit: int = 80) -> dict:
    for _ in range(limit):
        page.keyboard.press("Tab")
        info = page.evaluate(
            """() => { const e = document.activeElement; const s = getComputedStyle(e);
                 return {tag: e.tagName, name: e.getAttribute('name'), value: e.value,
                         href: e.getAttribute('href'), cls: e.className,
                         outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0,
                         shadow: s.boxShadow !== 'none'}; }"""
        )
        if page.evaluate(f"(info) => {predicate}", info):
            return info
    raise AssertionError(f"not reachable by keyboard within {limit} tabs: {predicate}")


def test_keyboard_reaches_the_view_control_and_passages_with_visible_focus(page, site_server, artifacts):
    page.goto(site_server.url + DOC)
    radio = _tab_until(page, "info.name === 'bilingual-view'")
    page.screenshot(path=str(artifacts / "keyboard-focus-view-control.png"))
    assert radio["outline"] or radio["shadow"], "the focused view control shows no focus ring"
    page.keyboard.press("ArrowRight")  # radio group: arrows change the choice
    assert page.locator("html").get_attribute("data-view") != "both"
    permalink = _tab_until(page, "info.href && info.href.startsWith('#') && info.cls.includes('seg-link')")
    assert permalink["outline"] or permalink["shadow"], "the focused permalink shows no focus ring"


def test_view_control_is_a_labelled_group(page, site_server):
    page.goto(site_server.url + DOC)
    group = page.get_by_role("group", name="表示する言語")  # a fieldset named by its legend
    assert group.count() == 1 and group.is_visible()
    for name in ("日英対訳", "日本語のみ", "英語のみ"):
        assert group.get_by_role("radio", name=name).count() == 1


def test_every_passage_carries_its_language(page, site_server):
    page.goto(site_server.url + DOC)
    unlabelled = page.evaluate(
        # the nearest lang must be the passage's own: <html lang> would answer for any cell
        """() => [...document.querySelectorAll('.seg [class*=cell], .seg > div')]
              .filter(e => e.textContent.trim() && !(e.closest('[lang]') || document.body).closest('.seg'))
              .length"""
    )
    assert unlabelled == 0
    langs = page.evaluate("() => [...document.querySelectorAll('.seg [lang]')].map(e => e.lang)")
    assert {"ja", "en"} <= set(langs)
