"""What the browser tests do on every page: fill a field, submit and wait, sign in, look for what axe calls serious,
check nothing scrolls sideways on a phone, keep a screenshot."""
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait
from selenium_axe_python import Axe

from conftest import ARTIFACTS

SHOTS = ARTIFACTS / "screenshots"


def screenshot(browser, name: str, width: int) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    browser.set_window_size(width, 900)
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(width, min(max(height, 600), 4000))
    path = SHOTS / f"{name}-{width}.png"
    browser.save_screenshot(str(path))
    assert path.exists() and path.stat().st_size > 1000, f"no screenshot at {path}"
    browser.set_window_size(1280, 900)


def assert_accessible(browser, page: str) -> None:
    axe = Axe(browser)
    axe.inject()
    results = axe.run()
    serious = [v for v in results["violations"] if v.get("impact") in ("critical", "serious")]
    assert not serious, f"{page}: " + axe.report(serious)


def assert_fits(browser, width: int, page: str) -> None:
    browser.set_window_size(width, 900)
    overflow = browser.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    browser.set_window_size(1280, 900)
    assert overflow <= 1, f"{page} scrolls sideways by {overflow}px at {width}px"


def fill(browser, name: str, value: str, within: str = "") -> None:
    """Fills the named field; `within` (a CSS selector) picks a form when two share a name, as the header's
    search box and a list's filter both use `q`."""
    field = browser.find_element(By.CSS_SELECTOR, f"{within} [name='{name}']".strip())
    field.clear()
    field.send_keys(value)


def submit(browser, selector: str = "main form button[type=submit]") -> None:
    """Clicks and waits for the next page: a click returns before the browser has navigated."""
    page = browser.find_element(By.TAG_NAME, "html")
    browser.find_element(By.CSS_SELECTOR, selector).click()
    WebDriverWait(browser, 15).until(lambda _: gone(page) and browser.execute_script("return document.readyState") == "complete")


def gone(element) -> bool:
    """Whether the page holding `element` was replaced. Chromium reports a replaced node either as stale
    or as "does not belong to the document"; both mean the same here."""
    try:
        element.is_enabled()
        return False
    except WebDriverException:
        return True


def sign_in(browser, base: str, email: str, password: str = "roundtable-demo") -> None:
    browser.delete_all_cookies()
    browser.get(base + "/sign-in")
    fill(browser, "email", email)
    fill(browser, "password", password)
    submit(browser)
