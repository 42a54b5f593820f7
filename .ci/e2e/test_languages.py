"""Roundtable in Albanian and Serbian: every main page at phone and desktop widths, with axe, and the ways a reader
gets their language (the sign-in page's switch, their own choice on My account, Serbian in either script).

Runs on the demo (`roundtable serve --demo`); each test leaves the demo users as it found them (no saved language)."""
import re
import urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from pages import assert_accessible, assert_fits, fill, screenshot, sign_in, submit

LANGS = ("sq", "sr-Cyrl")
ADMIN = "james.holmes@ico.example"

# The navigation's words as the pages write them (read from the running demo, not guessed).
NAV_WORDS = {
    "en": ("People", "Engagements", "My account", "Sign out"),
    "sq": ("Personat", "Angazhimet", "Llogaria ime", "Dilni"),
    "sr-Cyrl": ("Особе", "Сусрети", "Мој налог", "Одјавите се"),
    "sr-Latn": ("Osobe", "Susreti", "Moj nalog", "Odjavite se"),
}
SIGN_IN_HEADING = {"en": "Sign in", "sq": "Hyrja", "sr-Cyrl": "Пријава", "sr-Latn": "Prijava"}
CYRILLIC = re.compile("[\u0400-\u04FF]")
LATIN = re.compile("[A-Za-z]")

# Records, found by a link on a list page: (list page, the link's text).
RECORDS = {
    "person": ("/people?q=redzepi", "Emilija Redžepi"),
    "organization": ("/organizations?q=council+of+europe+office", "Council of Europe Office in Pristina"),
    "visit": ("/visits", "August 2023 visit to Kosovo"),
    "engagement": ("/engagements", "Meeting with the Deputy Prime Minister for Minority Issues and Human Rights"),
}
MAIN_PAGES = {
    "home": "/", "people": "/people", "person": None, "organizations": "/organizations", "organization": None,
    "places": "/places", "visits": "/visits", "visit": None, "engagements": "/engagements", "engagement": None,
    "log-engagement": "/engagements/new", "agreements": "/agreements", "working-groups": "/working-groups",
    "recommendations": "/recommendations", "context": "/context", "coordination": "/coordination",
    "dashboard": "/dashboard?from=2023-01-01&to=2023-12-31",
    "period-report": "/reports/period?from=2023-01-01&to=2023-12-31", "stakeholders": "/stakeholders",
    "follow-ups": "/follow-ups", "import": "/imports", "export": "/export", "users": "/users", "audit": "/audit",
    "account": "/account", "settings": "/settings", "search": "/search?q=mitrovica",
}
# Interface text: navigation, headings below the title, labels, buttons, column heads, terms, help and captions.
# (Each page's <h1>, a matrix's column heads and a photo's caption are often a record's own words, kept as typed.)
INTERFACE = ("header nav a, header nav button, header form button, main h2, main h3, main label, main legend, "
             "main button, main summary, main dt, main table:not(.matrix) th, main .help, main figure.chart figcaption, main caption")
# Words that are the same in English and the language shown, and right in both.
SAME_IN_BOTH = {"sq": {"Person", "Normal", "Media", "Grant", "Email", "API"}, "sr-Cyrl": set()}


def with_lang(path: str, lang: str) -> str:
    return path + ("&" if "?" in path else "?") + "lang=" + lang


def html_lang(browser) -> str:
    return browser.find_element(By.TAG_NAME, "html").get_attribute("lang")


def nav_words(browser) -> list:
    return browser.execute_script(
        "return Array.from(document.querySelectorAll('header nav a, header nav button')).map(e => e.textContent.trim())")


def interface_texts(browser) -> list:
    return browser.execute_script(
        "const text = e => e.textContent.replace(/\\s+/g, ' ').trim();"
        # a heading or cell that is only a link to a record is the record's name
        "return Array.from(document.querySelectorAll(arguments[0]))"
        ".filter(e => !(e.querySelector('a') && text(e.querySelector('a')) === text(e))).map(text).filter(t => t)", INTERFACE)


def status(browser, url: str) -> int:
    """The HTTP status of a page for the browser's session (the browser itself does not say)."""
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in browser.get_cookies())
    request = urllib.request.Request(url, headers={"Cookie": cookies})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def choose_language(browser, base: str, value: str) -> None:
    """My account → Language, saved with the form's own button."""
    browser.get(base + "/account")
    browser.find_element(By.CSS_SELECTOR, f"select[name=language] option[value='{value}']").click()
    submit(browser, "form[action='/account/language'] button[type=submit]")


_session = {}


def signed_in_as_admin(browser, base: str) -> None:
    """Signs the administrator in once for the page tests; again only if another test changed the session."""
    cookie = browser.get_cookie("rt_session")
    if not cookie or cookie["value"] != _session.get(base):
        sign_in(browser, base, ADMIN)
        _session[base] = browser.get_cookie("rt_session")["value"]


@pytest.fixture(scope="module")
def pages(demo_server, browser):
    base = demo_server["base"]
    signed_in_as_admin(browser, base)
    found = {}
    for name, (listing, text) in RECORDS.items():
        browser.get(base + with_lang(listing, "en"))
        found[name] = browser.find_element(By.PARTIAL_LINK_TEXT, text).get_attribute("href").removeprefix(base)
    # Communities are records with one name each, as the administrators typed it: data, not interface.
    browser.get(base + "/communities?lang=en")
    records = {a.text for a in browser.find_elements(By.CSS_SELECTOR, "main ul.records .record-title a")}
    assert "Serb" in records, records
    return {"paths": {name: path or found[name] for name, path in MAIN_PAGES.items()}, "record names": records}


@pytest.mark.parametrize("lang,name", [(lang, name) for lang in LANGS for name in MAIN_PAGES],
                         ids=[f"{lang}-{name}" for lang in LANGS for name in MAIN_PAGES])
def test_every_main_page_reads_well_in_albanian_and_serbian_on_a_phone_and_a_desktop(demo_server, browser, pages, lang, name):
    """Longer Albanian and Serbian words must not break a layout; no English left in the interface."""
    base = demo_server["base"]
    signed_in_as_admin(browser, base)
    path = pages["paths"][name]
    browser.get(base + with_lang(path, "en"))
    english = set(interface_texts(browser))
    url = base + with_lang(path, lang)
    assert status(browser, url) == 200, f"{lang} {path}"
    browser.get(url)
    assert html_lang(browser) == lang, path
    nav = nav_words(browser)
    assert set(NAV_WORDS[lang]) <= set(nav), f"{lang} {path}: {nav}"
    assert not set(nav) & english, f"{lang} {path}: English in the navigation: {set(nav) & english}"
    if lang == "sr-Cyrl":
        assert not [w for w in nav if LATIN.search(w)], f"{path}: Latin letters in the Cyrillic navigation: {nav}"
    leftovers = sorted({t for t in interface_texts(browser)
                        if t in english and LATIN.search(t) and t not in SAME_IN_BOTH[lang] | pages["record names"]})
    assert not leftovers, f"{lang} {path}: English left in the interface: {leftovers}"
    assert_accessible(browser, f"{lang} {name}")
    assert_fits(browser, 360, f"{lang} {name}")
    screenshot(browser, f"{lang}-{name}", 360)
    screenshot(browser, f"{lang}-{name}", 1280)


def test_a_reader_switches_the_sign_in_page_to_albanian_and_stays_in_albanian(demo_server, browser):
    base = demo_server["base"]
    browser.delete_all_cookies()
    browser.get(base + "/sign-in")
    assert html_lang(browser) == "en"
    switch = browser.find_element(By.CSS_SELECTOR, "nav.language-switch")
    assert [a.text for a in switch.find_elements(By.TAG_NAME, "a")] == ["English", "Shqip", "Српски", "Srpski"]
    switch.find_element(By.LINK_TEXT, "Shqip").click()
    WebDriverWait(browser, 15).until(lambda b: html_lang(b) == "sq")
    assert browser.find_element(By.TAG_NAME, "h1").text == SIGN_IN_HEADING["sq"]
    assert browser.find_element(By.CSS_SELECTOR, "nav.language-switch a[aria-current]").text == "Shqip"
    assert browser.get_cookie("rt_lang")["value"] == "sq"
    assert_accessible(browser, "sq sign-in")
    assert_fits(browser, 360, "sq sign-in")
    screenshot(browser, "sq-sign-in", 360)
    fill(browser, "email", "arta.krasniqi@ico.example")
    fill(browser, "password", "roundtable-demo")
    submit(browser)
    assert html_lang(browser) == "sq"
    assert "Mirë se vini, Arta Krasniqi." in browser.find_element(By.TAG_NAME, "h1").text
    assert set(NAV_WORDS["sq"]) <= set(nav_words(browser))
    assert not set(nav_words(browser)) & set(NAV_WORDS["en"])
    for path in ("/people", "/engagements/new", "/follow-ups"):
        browser.get(base + path)
        assert html_lang(browser) == "sq", path
        assert "Personat" in nav_words(browser), path
    # A wrong password on the Albanian sign-in page is told in Albanian.
    browser.delete_cookie("rt_session")
    browser.get(base + "/sign-in")
    assert html_lang(browser) == "sq" and browser.find_element(By.TAG_NAME, "h1").text == SIGN_IN_HEADING["sq"]
    fill(browser, "email", "arta.krasniqi@ico.example")
    fill(browser, "password", "not the password")
    submit(browser)
    assert html_lang(browser) == "sq"
    assert "Emaili ose fjalëkalimi nuk është i saktë." in browser.find_element(By.ID, "sign-in-error").text
    screenshot(browser, "sq-sign-in-error", 360)
    browser.delete_all_cookies()


def test_a_serbian_reader_chooses_cyrillic_on_my_account_and_every_page_after_is_in_serbian(demo_server, browser):
    base = demo_server["base"]
    sign_in(browser, base, "milos.petrovic@ico.example")
    assert html_lang(browser) == "en"
    try:
        choose_language(browser, base, "sr-Cyrl")
        assert html_lang(browser) == "sr-Cyrl"
        assert browser.find_element(By.CSS_SELECTOR, "select[name=language] option:checked").get_attribute("value") == "sr-Cyrl"
        screenshot(browser, "sr-Cyrl-account-language-saved", 360)
        # Saved with the account, not in the browser: a fresh browser signing in gets Serbian too.
        sign_in(browser, base, "milos.petrovic@ico.example")
        for path in ("/", "/people", "/organizations", "/engagements", "/visits", "/follow-ups", "/search?q=mitrovica",
                     "/account"):
            browser.get(base + path)
            assert html_lang(browser) == "sr-Cyrl", path
            nav = nav_words(browser)
            assert set(NAV_WORDS["sr-Cyrl"]) <= set(nav), f"{path}: {nav}"
            assert not [w for w in nav if LATIN.search(w)], f"{path}: {nav}"
        browser.get(base + "/visits")
        browser.find_element(By.PARTIAL_LINK_TEXT, "August 2023").click()
        WebDriverWait(browser, 15).until(lambda b: "August 2023" in b.title)
        assert html_lang(browser) == "sr-Cyrl"
        assert "7. август 2023." in browser.find_element(By.TAG_NAME, "main").text
        # The reader's own choice wins over a link's ?lang=.
        browser.get(base + "/people?lang=sq")
        assert html_lang(browser) == "sr-Cyrl"
    finally:
        sign_in(browser, base, "milos.petrovic@ico.example")
        choose_language(browser, base, "")
        browser.delete_all_cookies()
    sign_in(browser, base, "milos.petrovic@ico.example")
    assert html_lang(browser) == "en", "back to the browser's language"
    browser.delete_all_cookies()


def test_a_serbian_latin_reader_sees_no_cyrillic(demo_server, browser):
    base = demo_server["base"]
    browser.delete_all_cookies()
    browser.get(base + "/sign-in")
    browser.find_element(By.CSS_SELECTOR, "nav.language-switch").find_element(By.LINK_TEXT, "Srpski").click()
    WebDriverWait(browser, 15).until(lambda b: html_lang(b) == "sr-Latn")
    assert browser.find_element(By.TAG_NAME, "h1").text == SIGN_IN_HEADING["sr-Latn"]
    fill(browser, "email", "kubra.kalkandelen@ico.example")
    fill(browser, "password", "roundtable-demo")
    submit(browser)
    for path in ("/", "/people", "/engagements", "/visits", "/dashboard", "/account"):
        browser.get(base + path)
        assert html_lang(browser) == "sr-Latn", path
        nav = nav_words(browser)
        assert set(NAV_WORDS["sr-Latn"]) <= set(nav), f"{path}: {nav}"
        assert not [w for w in nav if CYRILLIC.search(w)], f"{path}: Cyrillic in the Latin navigation: {nav}"
        headings = " ".join(h.text for h in browser.find_elements(By.CSS_SELECTOR, "main h2, main label, main th"))
        assert not CYRILLIC.search(headings), f"{path}: {headings}"
    browser.get(base + "/visits")
    browser.find_element(By.PARTIAL_LINK_TEXT, "August 2023").click()
    WebDriverWait(browser, 15).until(lambda b: "August 2023" in b.title)
    assert "7. avgust 2023." in browser.find_element(By.TAG_NAME, "main").text
    assert_accessible(browser, "sr-Latn visit")
    assert_fits(browser, 360, "sr-Latn visit")
    screenshot(browser, "sr-Latn-visit", 360)
    browser.delete_all_cookies()


@pytest.mark.parametrize("header,lang", [("sq-AL,sq;q=0.9,en;q=0.5", "sq"), ("sr", "sr-Cyrl"), ("sr-Latn,en;q=0.5", "sr-Latn"),
                                         ("de-DE,de;q=0.9", "en")])
def test_a_browser_asking_for_a_language_gets_the_sign_in_page_in_it(demo_server, header, lang):
    request = urllib.request.Request(demo_server["base"] + "/sign-in", headers={"Accept-Language": header})
    with urllib.request.urlopen(request, timeout=30) as response:
        body = response.read().decode("utf-8")
        assert response.headers["Content-Language"] == lang
    assert f'<html lang="{lang}"' in body
    assert f"<h1>{SIGN_IN_HEADING[lang]}</h1>" in body
