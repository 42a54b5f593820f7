"""Stopping the server while it is busy: requests under way finish, the process exits cleanly."""
import os
import pathlib
import signal
import subprocess
import tempfile
import threading
import time
import urllib.request

from conftest import BINARY, free_port


def test_sigterm_while_serving_requests_exits_cleanly():
    workdir = pathlib.Path(tempfile.mkdtemp(prefix="roundtable-stop-"))
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    process = subprocess.Popen([BINARY, "serve", "--port", str(port), "--database", str(workdir / "stop.sqlite")],
                               cwd=workdir, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    stop = threading.Event()

    def hammer():
        # pages that read the database, so requests are under way when the signal comes
        while not stop.is_set():
            try:
                urllib.request.urlopen(base + "/setup", timeout=2).read()
            except OSError:
                pass

    workers = [threading.Thread(target=hammer) for _ in range(6)]
    for worker in workers:
        worker.start()
    time.sleep(1.5)
    process.send_signal(signal.SIGTERM)
    try:
        output, _ = process.communicate(timeout=20)
    finally:
        stop.set()
        for worker in workers:
            worker.join()
    assert process.returncode == 0, output
    assert "Fatal error" not in output and "Crash" not in output and "Backtracing" not in output, output
