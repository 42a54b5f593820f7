"""Several servers behind a proxy (issue 21): nginx with the guide's site file in front of three
`roundtable serve` processes on one PostgreSQL, round robin, no sticky sessions."""
import http.client
import re
import socket
import ssl
import subprocess
import threading
import time
import uuid
from collections import Counter

from conftest import ADMIN, PASSWORD, ROOT


def upstreams_used(cluster, since_line):
    lines = (cluster.workdir / "nginx-access.log").read_text().splitlines()[since_line:]
    return Counter(m.group(1) for line in lines for m in [re.search(r"upstream=(\S+)", line)] if m)


def access_log_length(cluster):
    path = cluster.workdir / "nginx-access.log"
    return len(path.read_text().splitlines()) if path.exists() else 0


def add_user(cluster, email, role="officer", password="correct horse battery staple"):
    answer = cluster.backend(0, token=cluster.admin_token).request(
        "POST", "/api/v1/users", {"email": email, "name": email.split("@")[0].title(), "role": role, "password": password})
    assert answer.status == 201, answer.text
    return answer.json()["user"]["id"], password


def test_three_processes_started_together_on_an_empty_database_migrated_once(cluster):
    # Each process runs the migrations at start; they took turns under one lock, and the first did them all.
    assert cluster.sql("SELECT count(*) = count(DISTINCT name) AND max(batch) = 1 FROM _fluent_migrations") == "t"
    logs = [log.read_text() for log in cluster.logs]
    assert sum("migrations applied" in log for log in logs) == 1, logs
    for log in logs:
        assert "error" not in log.lower(), log
    for index in range(3):
        assert cluster.alive(index)


def test_sign_in_through_the_proxy_and_every_process_knows_the_session(cluster):
    browser = cluster.proxy()
    signed = browser.sign_in(ADMIN, PASSWORD)
    assert signed.status == 303, signed.text
    session = [name for name in browser.cookies if name != "rt_csrf"]
    assert session, browser.cookies
    # https through nginx: the cookie is Secure and the answer carries HSTS (X-Forwarded-Proto believed)
    assert "Secure" in (signed.headers.get("Set-Cookie") or "")
    start = access_log_length(cluster)
    for _ in range(9):
        home = browser.request("GET", "/")
        assert home.status == 200 and "Ana Proxy" in home.text
        assert "max-age" in (home.headers.get("Strict-Transport-Security") or "")
    time.sleep(0.2)
    # round robin, no stickiness: all three processes answered the one session
    assert len(upstreams_used(cluster, start)) == 3, upstreams_used(cluster, start)
    # plain http only redirects to https
    plain = http.client.HTTPConnection("127.0.0.1", cluster.http_port, timeout=5)
    plain.request("GET", "/people", headers={"Host": "roundtable.example.org"})
    assert plain.getresponse().status == 301


def test_written_through_one_process_read_through_the_others(cluster):
    first, second, third = (cluster.backend(i, token=cluster.admin_token) for i in range(3))
    created = first.request("POST", "/api/v1/people", {"name": "Drita Proxy-Gashi"})
    assert created.status == 201, created.text
    person = created.json()["id"]
    for other in (second, third, cluster.proxy(token=cluster.admin_token)):
        read = other.request("GET", f"/api/v1/people/{person}")
        assert read.status == 200 and read.json()["name"] == "Drita Proxy-Gashi"
    # a change through the third is seen by the first, with its version
    changed = third.request("PATCH", f"/api/v1/people/{person}", {"notes": "met in Prizren", "version": read.json()["version"]})
    assert changed.status == 200, changed.text
    assert first.request("GET", f"/api/v1/people/{person}").json()["notes"] == "met in Prizren"


def test_sign_in_throttling_holds_across_processes(cluster):
    email, password = "throttled@ico.example", "correct horse battery staple"
    add_user(cluster, email, password=password)
    # five wrong passwords, spread over the three processes
    for attempt in range(5):
        wrong = cluster.backend(attempt % 3).sign_in(email, "not the password")
        assert wrong.status == 401, wrong.status
    # the right one now, on each process and through the proxy: refused until the pause ends
    for client in (cluster.backend(0), cluster.backend(1), cluster.backend(2), cluster.proxy()):
        refused = client.sign_in(email, password)
        assert refused.status == 429, refused.status


def test_a_disabled_user_is_out_on_every_process(cluster):
    email = "leaving@ico.example"
    user, password = add_user(cluster, email)
    browser = cluster.proxy()
    assert browser.sign_in(email, password).status == 303
    made = cluster.cli("tokens", "create", "--email", email, "--label", "laptop")
    assert made.returncode == 0, made.stderr
    secret = made.stdout.strip()
    for index in range(3):
        assert cluster.backend(index, token=secret).request("GET", "/api/v1/me").status == 200
    disabled = cluster.backend(2, token=cluster.admin_token).request("PATCH", f"/api/v1/users/{user}", {"disabled": True}, headers={"If-Match": "*"})
    assert disabled.status == 200, disabled.text
    for index in range(3):
        assert cluster.backend(index, token=secret).request("GET", "/api/v1/me").status == 401
        by_session = cluster.backend(index)
        by_session.cookies = dict(browser.cookies)
        assert by_session.request("GET", "/people").status in (303, 401)
    assert cluster.proxy().sign_in(email, password).status in (401, 403)


def test_a_revoked_token_stops_on_every_process(cluster):
    made = cluster.backend(0, token=cluster.admin_token).request("POST", "/api/v1/tokens", {"label": "script"})
    assert made.status == 201, made.text
    secret, token_id = made.json()["secret"], made.json()["token"]["id"]
    for index in range(3):
        assert cluster.backend(index, token=secret).request("GET", "/api/v1/me").status == 200
    revoked = cluster.backend(1, token=cluster.admin_token).request("DELETE", f"/api/v1/tokens/{token_id}")
    assert revoked.status in (200, 204), revoked.text
    for index in range(3):
        assert cluster.backend(index, token=secret).request("GET", "/api/v1/me").status == 401
    assert cluster.proxy(token=secret).request("GET", "/api/v1/me").status == 401


def test_report_figures_agree_across_processes(cluster):
    period = "/api/v1/reports/period?from=2026-01-01&to=2026-12-31"
    clients = [cluster.backend(i, token=cluster.admin_token) for i in range(3)]

    def figures():
        return [(c["engagements"], c["namedPeople"]) for c in (client.request("GET", period).json()["current"] for client in clients)]

    before = figures()
    assert len(set(before)) == 1, before
    people = [clients[0].request("POST", "/api/v1/people", {"name": name}).json()["id"] for name in ("Besa Report", "Milan Report")]
    created = clients[1].request("POST", "/api/v1/engagements", {
        "kind": "meeting", "title": "Proxy figures", "start": "2026-03-10T10:00",
        "participants": [{"personID": person} for person in people]})
    assert created.status == 201, created.text
    # each process's in-memory index catches up from the audit trail before it counts
    after = figures()
    assert after == [(before[0][0] + 1, before[0][1] + 2)] * 3, (before, after)


def raw_request(cluster, head: bytes) -> bytes:
    context = ssl.create_default_context(cafile=str(cluster.workdir / "tls.crt"))
    with socket.create_connection(("127.0.0.1", cluster.https_port), timeout=10) as plain:
        with context.wrap_socket(plain, server_hostname="roundtable.example.org") as s:
            # nginx may answer and close as soon as the head passes its limit, while the rest of the 100 KB
            # is still being sent: stop sending then, and read the answer it gave.
            for start in range(0, len(head), 4096):
                try:
                    s.sendall(head[start:start + 4096])
                except (ssl.SSLError, OSError):
                    break
            data = b""
            while True:
                try:
                    chunk = s.recv(65536)
                except (ssl.SSLError, OSError):
                    break
                if not chunk:
                    break
                data += chunk
            return data


def test_requests_the_server_would_drop_get_a_status_and_a_body_from_nginx(cluster):
    cases = {
        "100 KB query string": (b"GET /search?q=" + b"a" * 100_000 + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 414),
        "100 KB header": (b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"b" * 100_000 + b"\r\nConnection: close\r\n\r\n", 431),
        "raw UTF-8 in the path": ("GET /people/Çelë HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode(), 400),
        "raw UTF-8 in the query": ("GET /search?q=Ђорђе HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode(), 400),
    }
    for name, (head, expected) in cases.items():
        answer = raw_request(cluster, head)
        status_line, _, rest = answer.partition(b"\r\n")
        assert status_line.startswith(b"HTTP/1.1 %d" % expected), (name, answer[:200])
        body = rest.partition(b"\r\n\r\n")[2]
        assert len(body) > 0, name
    # the same search, percent-encoded as a browser sends it, is answered by Roundtable
    encoded = cluster.proxy(token=cluster.admin_token).request("GET", "/api/v1/search?q=%D0%82%D0%BE%D1%80%D1%92%D0%B5")
    assert encoded.status == 200, encoded.text


def test_kill_9_under_load_loses_no_acknowledged_write_and_the_proxy_keeps_answering(cluster):
    run = uuid.uuid4().hex[:6]
    acknowledged = {}  # name -> id
    statuses = Counter()
    failures = []
    stop = threading.Event()
    killed_at = []
    lock = threading.Lock()

    def worker(number):
        client = cluster.proxy(token=cluster.admin_token)
        sequence = 0
        while not stop.is_set():
            sequence += 1
            name = f"Load {run} {number}-{sequence}"
            key = str(uuid.uuid4())
            # resend the same create with the same key until it is acknowledged: a 502 means the process
            # died with the request, which may or may not have committed
            for _ in range(10):
                try:
                    answer = client.request("POST", "/api/v1/people", {"name": name}, headers={"Idempotency-Key": key}, timeout=30)
                except OSError as error:
                    with lock:
                        failures.append(f"{name}: {error!r}")
                    continue
                with lock:
                    statuses[answer.status] += 1
                    if answer.status == 201:
                        acknowledged[name] = (answer.json()["id"], time.time())
                if answer.status == 201:
                    break

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    time.sleep(2.5)
    cluster.kill(2)
    killed_at.append(time.time())
    time.sleep(3.5)
    stop.set()
    for thread in threads:
        thread.join(timeout=60)

    after_kill = sum(1 for _, at in acknowledged.values() if at > killed_at[0] + 0.5)
    assert not failures, failures[:5]  # nginx answered every request
    assert statuses[201] >= 50 and after_kill >= 20, (statuses, after_kill)
    # only the requests that were inside the killed process can have failed, each once at most
    assert set(statuses) <= {201, 502}, statuses
    assert statuses[502] <= 8, statuses
    # every acknowledged create is there, once
    reader = cluster.proxy(token=cluster.admin_token)
    for name, (person, _) in acknowledged.items():
        read = reader.request("GET", f"/api/v1/people/{person}")
        assert read.status == 200 and read.json()["name"] == name
    counted = cluster.sql(f"SELECT count(*), count(DISTINCT name) FROM people WHERE name LIKE 'Load {run} %'")
    assert counted == f"{len(acknowledged)}|{len(acknowledged)}", (counted, len(acknowledged))

    # the process comes back (systemd restarts it) and takes its share again
    cluster.start(2)
    cluster.wait(2)
    assert cluster.backend(2, token=cluster.admin_token).request("GET", "/api/v1/me").status == 200


def test_the_guides_backup_script_and_restore(cluster, tmp_path):
    """deploy/roundtable-backup.sh as the timer runs it, then the guide's restore into a new database."""
    person = cluster.proxy(token=cluster.admin_token).request("POST", "/api/v1/people", {"name": "Backup Person"}).json()["id"]
    environment = dict(cluster.environment, BACKUP_DIR=str(tmp_path / "backups"), BACKUP_KEEP_DAYS="14",
                       PATH="/usr/lib/postgresql/15/bin:" + cluster.environment.get("PATH", "/usr/bin:/bin"))
    (tmp_path / "backups").mkdir()
    (cluster.workdir / "photos").mkdir(exist_ok=True)
    (cluster.workdir / "photos" / "kept.txt").write_text("a file in the folder")
    backup = subprocess.run([str(ROOT / "deploy" / "roundtable-backup.sh")], env=environment, capture_output=True, text=True, timeout=120)
    assert backup.returncode == 0, backup.stderr
    [folder] = [p for p in (tmp_path / "backups").iterdir() if not p.name.startswith(".")]
    assert sorted(p.name for p in folder.iterdir()) == ["files.tar", "roundtable.dump"]

    cluster.sql("CREATE DATABASE restored")
    restored_url = cluster.database_url.replace("/postgres?", "/restored?")
    restore = subprocess.run(["/usr/lib/postgresql/15/bin/pg_restore", "--no-owner", "--dbname", restored_url.split("?")[0],
                              str(folder / "roundtable.dump")], capture_output=True, text=True, timeout=120)
    assert restore.returncode == 0, restore.stderr
    files = tmp_path / "restored-files"
    files.mkdir()
    subprocess.run(["tar", "-C", str(files), "-xf", str(folder / "files.tar")], check=True)
    assert (files / "kept.txt").read_text() == "a file in the folder"
    replay = cluster.cli("erasures", "replay", "--database", restored_url)
    assert replay.returncode == 0, replay.stderr + replay.stdout
    listed = cluster.cli("users", "list", "--database", restored_url)
    assert ADMIN in listed.stdout
    assert cluster.sql("SELECT 1") == "1"
    count = subprocess.run(["/usr/lib/postgresql/15/bin/psql", restored_url.split("?")[0], "-At", "-c",
                            f"SELECT count(*) FROM people WHERE id = '{person}'"], capture_output=True, text=True)
    assert count.stdout.strip() == "1", count.stderr
