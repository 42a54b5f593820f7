"""A first-time administrator's path through Roundtable, in a real browser, at phone and desktop widths."""
import os
import pathlib
import subprocess

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait
from selenium_axe_python import Axe

from conftest import ARTIFACTS, BINARY

SHOTS = ARTIFACTS / "screenshots"
ADMIN = {"name": "James Holmes", "email": "james.holmes@ico.example", "password": "a long demo passphrase"}


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


def fill(browser, name: str, value: str) -> None:
    field = browser.find_element(By.NAME, name)
    field.clear()
    field.send_keys(value)


def submit(browser, selector: str = "main form button[type=submit]") -> None:
    """Clicks and waits for the next page: a click returns before the browser has navigated."""
    page = browser.find_element(By.TAG_NAME, "html")
    browser.find_element(By.CSS_SELECTOR, selector).click()
    WebDriverWait(browser, 15).until(expected_conditions.staleness_of(page))


def test_an_empty_database_opens_on_the_setup_page(server, browser):
    browser.get(server["base"] + "/")
    assert browser.current_url.endswith("/setup")
    assert "Create the first administrator" in browser.page_source
    assert_accessible(browser, "setup")
    assert_fits(browser, 360, "setup")
    screenshot(browser, "setup", 360)


def test_setup_shows_each_mistake_next_to_its_field(server, browser):
    browser.get(server["base"] + "/setup")
    fill(browser, "name", ADMIN["name"])
    fill(browser, "email", "james.holmes")
    fill(browser, "password", "short")
    submit(browser)
    email_error = browser.find_element(By.ID, "f-email-error").text
    password_error = browser.find_element(By.ID, "f-password-error").text
    assert "Enter an email address" in email_error
    assert "at least 12 characters" in password_error
    assert browser.find_element(By.NAME, "name").get_attribute("value") == ADMIN["name"]
    assert browser.find_element(By.ID, "f-email").get_attribute("aria-invalid") == "true"
    assert_accessible(browser, "setup with errors")
    screenshot(browser, "setup-errors", 360)


def test_setup_creates_the_administrator_and_signs_them_in(server, browser):
    browser.get(server["base"] + "/setup")
    for key in ("name", "email", "password"):
        fill(browser, key, ADMIN[key])
    submit(browser)
    assert browser.current_url.rstrip("/") == server["base"]
    assert "Welcome, James Holmes." in browser.page_source
    cookie = browser.get_cookie("rt_session")
    assert cookie and cookie["httpOnly"] and cookie["sameSite"] == "Lax"
    assert_accessible(browser, "home")
    screenshot(browser, "home", 360)
    screenshot(browser, "home", 1280)


def test_sign_out_then_a_wrong_password_then_the_right_one(server, browser):
    browser.get(server["base"] + "/")
    submit(browser, "header nav form button")
    assert "/sign-in" in browser.current_url
    assert "You are signed out." in browser.page_source
    fill(browser, "email", ADMIN["email"])
    fill(browser, "password", "not the password")
    submit(browser)
    assert "The email or password is not right." in browser.page_source
    assert_accessible(browser, "sign-in with error")
    screenshot(browser, "sign-in-error", 360)
    fill(browser, "password", ADMIN["password"])
    submit(browser)
    assert "Welcome, James Holmes." in browser.page_source


@pytest.mark.parametrize("path,name", [("/users", "users"), ("/users/new", "new-user"), ("/audit", "audit"), ("/account", "account")])
def test_every_page_reads_well_on_a_phone_and_a_desktop(server, browser, path, name):
    browser.get(server["base"] + path)
    assert "Something went wrong" not in browser.page_source
    assert_accessible(browser, name)
    assert_fits(browser, 360, name)
    screenshot(browser, name, 360)
    screenshot(browser, name, 1280)


def test_an_administrator_adds_an_officer_who_then_signs_in(server, browser):
    browser.get(server["base"] + "/users/new")
    fill(browser, "name", "Arta Krasniqi")
    fill(browser, "email", "arta.krasniqi@ico.example")
    browser.find_element(By.CSS_SELECTOR, "select[name=role] option[value=officer]").click()
    submit(browser)
    password = browser.find_element(By.CSS_SELECTOR, "code.secret").text
    assert len(password) >= 12
    screenshot(browser, "user-created", 360)
    browser.get(server["base"] + "/audit")
    assert "arta.krasniqi@ico.example" in browser.page_source
    browser.delete_all_cookies()
    browser.get(server["base"] + "/sign-in")
    fill(browser, "email", "arta.krasniqi@ico.example")
    fill(browser, "password", password)
    submit(browser)
    assert "Welcome, Arta Krasniqi." in browser.page_source
    assert "Audit trail" not in browser.find_element(By.TAG_NAME, "nav").text
    browser.get(server["base"] + "/users")
    assert "Your role does not allow this." in browser.page_source


def test_the_cli_adds_users_to_the_running_servers_database(server, browser):
    result = subprocess.run(
        [BINARY, "users", "add", "--email", "milos@ico.example", "--name", "Miloš Petrović", "--role", "viewer", "--database", server["database"]],
        input="viewer passphrase 1\n", capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    bad = subprocess.run(
        [BINARY, "users", "add", "--email", "nope", "--name", "X", "--role", "emperor", "--database", server["database"]],
        input="", capture_output=True, text=True, timeout=120,
    )
    assert bad.returncode != 0
    assert "email: Enter an email address" in bad.stderr
    browser.delete_all_cookies()
    browser.get(server["base"] + "/sign-in")
    fill(browser, "email", "milos@ico.example")
    fill(browser, "password", "viewer passphrase 1")
    submit(browser)
    assert "Welcome, Miloš Petrović." in browser.page_source


def test_the_quick_start_demo_prints_a_sign_in_that_works(browser, tmp_path):
    """The README's first command: `roundtable serve --demo` on a fresh directory."""
    from conftest import free_port
    import time
    import urllib.request

    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    process = subprocess.Popen([BINARY, "serve", "--demo", "--port", str(port)], cwd=tmp_path, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        lines = []
        deadline = time.time() + 120
        while time.time() < deadline:
            line = process.stdout.readline()
            lines.append(line)
            if "Demo sign-in:" in line:
                break
        printed = "".join(lines)
        assert "Demo sign-in: james.holmes@ico.example with password roundtable-demo" in printed, printed
        assert (tmp_path / "roundtable.sqlite").exists()
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        browser.delete_all_cookies()
        browser.get(f"http://127.0.0.1:{port}/sign-in")
        fill(browser, "email", "james.holmes@ico.example")
        fill(browser, "password", "roundtable-demo")
        submit(browser)
        assert "Welcome, James Holmes." in browser.page_source
    finally:
        process.terminate()
        process.wait(timeout=10)
