"""A first-time administrator on a new, empty database: setup, sign-in and sign-out, the pages an administrator
starts from, adding a user on the page and from the command line. (The demo's own paths are in test_browser.py.)"""
import subprocess

import pytest
from selenium.webdriver.common.by import By

from conftest import BINARY
from pages import assert_accessible, assert_fits, fill, screenshot, submit

ADMIN = {"name": "James Holmes", "email": "james.holmes@ico.example", "password": "a long demo passphrase"}


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
    browser.set_window_size(1280, 900)
    browser.get(server["base"] + "/")
    # Signing out is in the user's own menu, under their name.
    browser.find_element(By.CSS_SELECTOR, "header nav li.account summary").click()
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
