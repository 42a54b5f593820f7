"""Five everyday tasks done in a real browser, counting what the user does: clicks (a menu option picked
counts as one) and keystrokes (each character typed, each Enter or Tab). Each task starts on the page a
user lands on after signing in and takes the shortest path the build on trial shows (its menu, its start
page, its header), so that two builds can be compared task by task.

Usage: .venv-e2e/bin/python bench/tasks.py [label=]path/to/roundtable [more builds…]
Prints a Markdown table for docs/workspace-tasks.md. Needs Debian's chromium and chromium-driver.
"""
import os
import pathlib
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait


class User:
    """A browser that counts what its user does."""

    def __init__(self, driver, base):
        self.driver, self.base = driver, base
        self.clicks = self.keys = 0

    def visible(self, css):
        return [e for e in self.driver.find_elements(By.CSS_SELECTOR, css) if e.is_displayed()]

    def click(self, element):
        self.clicks += 1
        element.click()

    def go(self, element):
        """A click that opens another page: waits for it."""
        page = self.driver.find_element(By.TAG_NAME, "html")
        self.click(element)
        WebDriverWait(self.driver, 30).until(expected_conditions.staleness_of(page))
        WebDriverWait(self.driver, 30).until(lambda d: d.execute_script("return document.readyState") == "complete")

    def type(self, element, text, keys=None):
        self.keys += len(text) if keys is None else keys
        element.send_keys(text)

    def press(self, element, key):
        self.keys += 1
        element.send_keys(key)

    def choose(self, select, text_ends_with):
        """Opens a menu and picks an option: two clicks."""
        self.clicks += 2
        menu = Select(select)
        menu.select_by_visible_text(next(o.text for o in menu.options if o.text.endswith(text_ends_with)))

    def link(self, text):
        """Follows a link shown with this text; inside the header's menu, opens its group first if needed."""
        for element in self.driver.find_elements(By.LINK_TEXT, text):
            if element.is_displayed():
                return self.go(element)
        for group in self.visible("header nav details > summary"):
            self.click(group)
            for element in group.find_element(By.XPATH, "..").find_elements(By.LINK_TEXT, text):
                if element.is_displayed():
                    return self.go(element)
            self.clicks -= 1  # a user who knows the menu opens the right group first
            group.click()
        raise AssertionError(f"no link {text!r} on {self.driver.current_url}")

    def submit(self, css="main form button[type=submit]"):
        self.go(self.visible(css)[0])


def sign_in(driver, base, email):
    driver.delete_all_cookies()
    driver.get(base + "/sign-in")
    driver.find_element(By.NAME, "email").send_keys(email)
    driver.find_element(By.NAME, "password").send_keys("roundtable-demo")
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    WebDriverWait(driver, 15).until(lambda d: "/sign-in" not in d.current_url
                                    and d.execute_script("return document.readyState") == "complete")


def log_an_engagement_with_three_participants(user):
    header = user.visible("header a.log-engagement")
    desk = [a for a in user.driver.find_elements(By.LINK_TEXT, "Log an engagement") if a.is_displayed()]
    if header or desk:
        user.go((header or desk)[0])
    else:
        user.link("Engagements")
        user.link("Log an engagement")
    user.type(user.driver.find_element(By.NAME, "title"), "Meeting with the Mitrovica youth council")
    # A date and time field takes its digits: 08082023 1000.
    user.keys += 12
    user.driver.execute_script("document.getElementsByName('start')[0].value = '2023-09-14T10:00'")
    user.choose(user.driver.find_element(By.NAME, "placeID"), "Mitrovica South")
    lookup = user.driver.find_element(By.ID, "f-participants-lookup")
    box = user.driver.find_element(By.NAME, "participants")
    for count, query in enumerate(("hamza", "redzep", "idrizi"), start=1):
        user.type(lookup, query)
        WebDriverWait(user.driver, 15).until(
            lambda d: d.find_elements(By.CSS_SELECTOR, ".lookup-results [role=option], .lookup-results button"))
        if lookup.get_attribute("role") == "combobox":
            user.press(lookup, Keys.ENTER)
        else:
            user.click(user.driver.find_elements(By.CSS_SELECTOR, ".lookup-results button")[0])
        WebDriverWait(user.driver, 5).until(lambda d: len(box.get_attribute("value").split()) >= count * 2)
    user.submit("form.record-form button[type=submit]")
    WebDriverWait(user.driver, 15).until(lambda d: "youth council" in d.title)
    assert "Bedri Hamza" in user.driver.page_source and "Valdete Idrizi" in user.driver.page_source


def find_a_person_and_their_last_contact(user):
    # The shorter of two paths: the people list (a table with a last-contact column, where there is one)
    # or the search box and the person's page.
    box = user.visible("header input[name=q]")[0]
    user.type(box, "redzepi")
    user.press(box, Keys.ENTER)
    WebDriverWait(user.driver, 15).until(lambda d: "/search" in d.current_url)
    user.go(user.driver.find_element(By.PARTIAL_LINK_TEXT, "Emilija Redžepi"))
    assert "Last contact" in user.driver.page_source or "last contact" in user.driver.page_source.lower()


def find_a_person_and_their_last_contact_in_the_list(user):
    user.link("People")
    box = user.driver.find_element(By.CSS_SELECTOR, "main form[role=search] input[name=q]")
    user.type(box, "redzepi")
    user.press(box, Keys.ENTER)
    cells = user.driver.find_elements(By.CSS_SELECTOR, "td[data-label='Last contact']")
    if not (cells and cells[0].text.strip()):
        user.go(user.driver.find_element(By.PARTIAL_LINK_TEXT, "Emilija Redžepi"))
        assert "last contact" in user.driver.page_source.lower()


def open_the_august_visit(user):
    desk = [a for a in user.driver.find_elements(By.PARTIAL_LINK_TEXT, "August 2023 visit") if a.is_displayed()]
    if desk:
        user.go(desk[0])
    else:
        user.link("Field visits")
        user.go(user.driver.find_element(By.PARTIAL_LINK_TEXT, "August 2023 visit"))


def draft_and_print_the_visit_report(user):
    open_the_august_visit(user)
    user.go(user.driver.find_element(By.LINK_TEXT, "Draft the visit report"))
    # Printing: Ctrl+P, then Enter in the browser's dialog.
    user.keys += 2
    pdf = user.driver.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69})
    assert len(pdf["data"]) > 10_000


def publish_the_public_update(user):
    open_the_august_visit(user)
    user.go(user.driver.find_element(By.LINK_TEXT, "Draft the public update"))
    box = user.driver.find_element(By.XPATH, "//label[contains(., 'Leave out: ICO Delegation met with Mitrovicë/Mitrovica South Mayor')]/input")
    user.click(box)
    user.submit("main form.record-form button[type=submit]")
    download = user.driver.find_elements(By.XPATH, "//a[normalize-space()='Download as Markdown'] | //button[normalize-space()='Download as Markdown']")
    user.click(download[0])


def import_a_list(user, sheet):
    links = [a for a in user.driver.find_elements(By.CSS_SELECTOR, "main a[href='/imports']") if a.is_displayed()]
    if links:
        user.go(links[0])
    else:
        user.link("Import")
    # Choosing the file: one click on the field, one on the file in the dialog.
    user.clicks += 2
    user.driver.find_element(By.NAME, "file").send_keys(str(sheet))
    user.submit()
    user.click(user.driver.find_element(By.CSS_SELECTOR, "input[name='row2'][value='merge']"))
    user.click(user.driver.find_element(By.CSS_SELECTOR, "input[name='row4'][value='new']"))
    user.submit("form[action$='/decisions'] button[type=submit]")
    user.submit("form[action$='/start'] button[type=submit]")
    WebDriverWait(user.driver, 30).until(lambda d: "Imported:" in d.page_source)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def measure(binary):
    workdir = pathlib.Path(tempfile.mkdtemp(prefix="roundtable-tasks-"))
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    server = subprocess.Popen([binary, "serve", "--demo", "--port", str(port)], cwd=workdir, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    # The demo's sign-ins are printed once its data is in.
    deadline = time.time() + 300
    while time.time() < deadline:
        line = server.stdout.readline()
        if not line or "Other demo users" in line:
            break
    # Keep reading what it prints, so that a full pipe never stops the server.
    threading.Thread(target=lambda: [None for _ in server.stdout], daemon=True).start()
    for _ in range(300):
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=1):
                break
        except OSError:
            time.sleep(0.1)
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,900"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    sheet = workdir / "contacts.csv"
    rows = ["Emri;Email;Komuna", "Emilija REDZEPI;emilija.r@example.org;Prishtinë",
            "Valbona Gashi-Testi;valbona@example.org;Mitrovica South", "Bedri HAMZA;bedri.h@example.org;"]
    sheet.write_bytes(("\ufeff" + "\r\n".join(rows) + "\r\n").encode("utf-8"))
    tasks = [
        ("Log an engagement with three participants", "arta.krasniqi@ico.example", log_an_engagement_with_three_participants),
        ("Find a person and their last contact (search box)", "kubra.kalkandelen@ico.example", find_a_person_and_their_last_contact),
        ("Find a person and their last contact (people list)", "kubra.kalkandelen@ico.example",
         find_a_person_and_their_last_contact_in_the_list),
        ("Draft and print a visit report", "kubra.kalkandelen@ico.example", draft_and_print_the_visit_report),
        ("Publish a public update", "kubra.kalkandelen@ico.example", publish_the_public_update),
        ("Import a list", "arta.krasniqi@ico.example", lambda user: import_a_list(user, sheet)),
    ]
    results = []
    try:
        for name, email, task in tasks:
            sign_in(driver, base, email)
            user = User(driver, base)
            try:
                task(user)
            except Exception:
                pathlib.Path("/tmp/tasks-fail.html").write_text(driver.page_source)
                print(f"{name} failed on {driver.current_url}", file=sys.stderr)
                raise
            results.append((name, user.clicks, user.keys))
    finally:
        driver.quit()
        server.terminate()
        server.wait(timeout=10)
    return results


def main():
    builds = [arg.split("=", 1) if "=" in arg else (arg, arg) for arg in sys.argv[1:]]
    if not builds:
        sys.exit(__doc__)
    measured = [measure(binary) for _, binary in builds]
    print("| task | " + " | ".join(f"{label}: clicks + keys" for label, _ in builds) + " |")
    print("| --- |" + " --- |" * len(builds))
    for index, (name, _, _) in enumerate(measured[0]):
        cells = [f"{m[index][1]} + {m[index][2]} = {m[index][1] + m[index][2]}" for m in measured]
        print(f"| {name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
