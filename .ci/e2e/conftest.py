"""A real Roundtable server on a fresh SQLite file, and a headless Chromium to drive it."""
import os
import pathlib
import socket
import subprocess
import tempfile
import time
import urllib.request

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = pathlib.Path(__file__).resolve().parents[2]
ARTIFACTS = pathlib.Path(os.environ.get("CI_ARTIFACTS", ROOT / "ci-artifacts"))
BINARY = os.environ.get("ROUNDTABLE_BIN", str(ROOT / ".build" / "debug" / "roundtable"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server():
    workdir = pathlib.Path(tempfile.mkdtemp(prefix="roundtable-e2e-"))
    database = workdir / "e2e.sqlite"
    port = free_port()
    log = open(workdir / "server.log", "w")
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)
    process = subprocess.Popen(
        [BINARY, "serve", "--port", str(port), "--database", str(database)],
        stdout=log, stderr=subprocess.STDOUT, env=env, cwd=workdir,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=1) as response:
                if response.status == 200:
                    break
        except OSError:
            time.sleep(0.1)
    else:
        process.kill()
        raise RuntimeError("the server did not start: " + (workdir / "server.log").read_text())
    yield {"base": base, "database": str(database), "workdir": workdir}
    process.terminate()
    process.wait(timeout=10)
    log.close()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "server.log").write_text((workdir / "server.log").read_text())


@pytest.fixture(scope="session")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,900"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def demo_server():
    """The README's first command, `roundtable serve --demo`, in a fresh directory; yields its base URL and output."""
    workdir = pathlib.Path(tempfile.mkdtemp(prefix="roundtable-demo-"))
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    process = subprocess.Popen([BINARY, "serve", "--demo", "--port", str(port)], cwd=workdir, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines = []
    deadline = time.time() + 300
    while time.time() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line)
        if "Other demo users" in line:
            break
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=1):
                break
        except OSError:
            time.sleep(0.1)
    yield {"base": base, "printed": "".join(lines), "workdir": workdir}
    process.terminate()
    process.wait(timeout=10)


# What a run says at its end (CI keeps only the tail of a run): what a failing browser test saw — where the
# browser was, what the page said, for the offline tests the end of their server's log — and what a test noticed
# on its way (`NOTE` lines, appended to DIAGNOSES). Each is kept on the report of the test that said it (a
# section), which pytest-xdist carries from the worker that ran the test to the process that prints.
DIAGNOSES: list[str] = []
SAID = "said at the end"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when == "call" and report.failed:
        DIAGNOSES.extend(diagnosis(item))
    if DIAGNOSES:
        report.sections.append((SAID, "\n".join(DIAGNOSES)))
        DIAGNOSES.clear()


def diagnosis(item) -> list[str]:
    name = item.name[:60]
    lines: list[str] = []
    driver = item.funcargs.get("browser") or (item.funcargs.get("field") or {}).get("browser")
    if driver is not None:
        try:
            heading = driver.execute_script("const h = document.querySelector('h1'); return h ? h.innerText : ''")
            lines.append(f"DIAG {name}: at {driver.current_url} — h1 {heading[:80]!r}")
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            driver.save_screenshot(str(ARTIFACTS / f"failed-{item.name[:80]}.png"))
            if os.environ.get("OFFLINE_DEBUG"):
                import json
                with open(ARTIFACTS / f"failed-{item.name[:80]}.perf.json", "w") as out:
                    json.dump({"performance": driver.get_log("performance"), "browser": driver.get_log("browser")}, out)
        except Exception as error:  # the browser itself may be what failed
            lines.append(f"DIAG {name}: the browser did not answer ({type(error).__name__})")
    server = (item.funcargs.get("field") or {}).get("server")
    if server is not None:
        try:
            started = time.time()
            with urllib.request.urlopen(server.base + "/healthz", timeout=5) as answer:
                lines.append(f"DIAG {name}: server answers /healthz {answer.status} in {time.time() - started:.2f} s")
        except OSError as error:
            lines.append(f"DIAG {name}: server does not answer /healthz ({error})")
        if os.environ.get("OFFLINE_DEBUG"):
            sockets = subprocess.run(["ss", "-tnpi", "state", "all", f"( sport = :{server.port} or dport = :{server.port} )"],
                                     capture_output=True, text=True).stdout
            (ARTIFACTS / f"failed-{item.name[:80]}.sockets.txt").write_text(sockets)
        tail = (server.workdir / "server.log").read_text(errors="replace").splitlines()[-4:]
        lines.extend(f"DIAG {name}: server: {line[:160]}" for line in tail)
    return lines


def pytest_terminal_summary(terminalreporter):
    for reports in terminalreporter.stats.values():
        for report in reports:
            for title, text in getattr(report, "sections", []):
                if title == SAID:
                    for line in text.splitlines():
                        terminalreporter.write_line(line)
