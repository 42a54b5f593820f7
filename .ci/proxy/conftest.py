"""Three `roundtable serve` processes on one throwaway PostgreSQL 15, behind Debian's nginx running the
deployment guide's own site file (deploy/nginx-roundtable.conf) with a self-signed certificate."""
import http.client
import json
import os
import pathlib
import re
import shutil
import signal
import socket
import ssl
import subprocess
import tempfile
import time
import urllib.parse

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
ARTIFACTS = pathlib.Path(os.environ.get("CI_ARTIFACTS", ROOT / "ci-artifacts"))
BINARY = os.environ.get("ROUNDTABLE_BIN", str(ROOT / ".build" / "debug" / "roundtable"))
PG_BIN = pathlib.Path("/usr/lib/postgresql/15/bin")
SITE = ROOT / "deploy" / "nginx-roundtable.conf"
ADMIN, PASSWORD = "ana@ico.example", "a long passphrase for the proxy"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url_host, port, path="/healthz", seconds=120, process=None):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if process is not None and process.poll() is not None:
            return False
        try:
            connection = http.client.HTTPConnection(url_host, port, timeout=2)
            connection.request("GET", path)
            if connection.getresponse().status == 200:
                return True
        except OSError:
            pass
        time.sleep(0.1)
    return False


class Answer:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")

    def json(self):
        return json.loads(self.body)


class Client:
    """One address (the proxy's https or a process's http), with the cookies it was given."""

    def __init__(self, port, tls=None, token=None):
        self.port, self.tls, self.token = port, tls, token
        self.cookies = {}

    def request(self, method, path, body=None, headers=None, form=None, timeout=30):
        headers = dict(headers or {})
        if form is not None:
            body = urllib.parse.urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        elif body is not None and not isinstance(body, bytes):
            body = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        if self.token:
            headers["Authorization"] = "Bearer " + self.token
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if self.tls:
            connection = http.client.HTTPSConnection("127.0.0.1", self.port, context=self.tls, timeout=timeout)
        else:
            # Straight to a process: say the request came over https, as nginx does, so Secure cookies hold.
            headers.setdefault("X-Forwarded-Proto", "https")
            connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            answer = Answer(response.status, response.headers, response.read())
        finally:
            connection.close()
        for line in answer.headers.get_all("Set-Cookie") or []:
            name, _, rest = line.partition("=")
            value = rest.split(";", 1)[0]
            if "Max-Age=0" in line or "expires=Thu, 01 Jan 1970" in line.lower():
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        return answer

    def sign_in(self, email, password):
        self.request("GET", "/sign-in")
        return self.request("POST", "/sign-in", form={"email": email, "password": password, "_csrf": self.cookies.get("rt_csrf", "")})


class Cluster:
    def __init__(self, workdir, database_url):
        self.workdir, self.database_url = workdir, database_url
        self.ports = [free_port() for _ in range(3)]
        self.processes = [None, None, None]
        self.logs = [workdir / f"server-{i}.log" for i in range(3)]
        self.environment = {k: v for k, v in os.environ.items() if not k.startswith("ROUNDTABLE_")}
        self.environment.update({
            "DATABASE_URL": database_url,
            "ROUNDTABLE_TRUST_PROXY": "1",
            "ROUNDTABLE_SECURE_COOKIES": "1",
            "ROUNDTABLE_METRICS_TOKEN": "proxy-test-metrics-token",
            # One photo folder and one erasure register for the three, as the guide says.
            "ROUNDTABLE_PHOTOS": str(workdir / "photos"),
            "ROUNDTABLE_ERASURES": str(workdir / "erasures.jsonl"),
            "ROUNDTABLE_TIME_ZONE": "UTC",
        })

    def start(self, index):
        log = open(self.logs[index], "a")
        self.processes[index] = subprocess.Popen(
            [BINARY, "serve", "--port", str(self.ports[index])],
            stdout=log, stderr=subprocess.STDOUT, env=self.environment, cwd=self.workdir)

    def wait(self, index):
        if not wait_for("127.0.0.1", self.ports[index], process=self.processes[index]):
            raise RuntimeError(f"process {index} did not start: " + self.logs[index].read_text())

    def kill(self, index):
        self.processes[index].send_signal(signal.SIGKILL)
        self.processes[index].wait()

    def alive(self, index):
        return self.processes[index] is not None and self.processes[index].poll() is None

    def backend(self, index, token=None):
        return Client(self.ports[index], token=token)

    def cli(self, *arguments, stdin=""):
        return subprocess.run([BINARY, *arguments], input=stdin, capture_output=True, text=True,
                              env=self.environment, cwd=self.workdir, timeout=120)

    def sql(self, query):
        port = urllib.parse.urlparse(self.database_url).port
        result = subprocess.run([str(PG_BIN / "psql"), "-h", "127.0.0.1", "-p", str(port), "-U", "app", "-d", "postgres",
                                 "-At", "-c", query], capture_output=True, text=True, check=True)
        return result.stdout.strip()


def run_as_postgres(*command):
    return subprocess.run(["runuser", "-u", "postgres", "--", *map(str, command)], capture_output=True, text=True)


@pytest.fixture(scope="session")
def postgres():
    directory = pathlib.Path(tempfile.mkdtemp(prefix="roundtable-proxy-pg-"))
    shutil.chown(directory, "postgres")
    directory.chmod(0o700)
    port = free_port()
    initdb = run_as_postgres(PG_BIN / "initdb", "-D", directory / "data", "-U", "app", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8")
    assert initdb.returncode == 0, initdb.stderr
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {directory} -c max_connections=100 -c fsync=off -c full_page_writes=off"
    start = run_as_postgres(PG_BIN / "pg_ctl", "-D", directory / "data", "-l", directory / "pg.log", "-w", "-t", "30", "-o", options, "start")
    assert start.returncode == 0, start.stderr
    yield f"postgres://app@127.0.0.1:{port}/postgres?tlsmode=disable"
    run_as_postgres(PG_BIN / "pg_ctl", "-D", directory / "data", "-m", "immediate", "-w", "stop")
    shutil.rmtree(directory, ignore_errors=True)


def render_site(ports, http_port, https_port, certificate, key):
    """The guide's file with this run's ports and certificate; each change must find its line."""
    text = SITE.read_text()
    changes = [
        (r"server 127\.0\.0\.1:8081 ", f"server 127.0.0.1:{ports[0]} "),
        (r"server 127\.0\.0\.1:8082 ", f"server 127.0.0.1:{ports[1]} "),
        (r"server 127\.0\.0\.1:8083 ", f"server 127.0.0.1:{ports[2]} "),
        (r"listen 80;", f"listen 127.0.0.1:{http_port};"),
        (r"listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;"),
        (r"\n\s*listen \[::\]:80;", ""),
        (r"\n\s*listen \[::\]:443 ssl http2;", ""),
        (r"ssl_certificate +/etc/letsencrypt/live/roundtable\.example\.org/fullchain\.pem;", f"ssl_certificate {certificate};"),
        (r"ssl_certificate_key +/etc/letsencrypt/live/roundtable\.example\.org/privkey\.pem;", f"ssl_certificate_key {key};"),
    ]
    for pattern, replacement in changes:
        text, count = re.subn(pattern, replacement, text)
        assert count == 1, f"deploy/nginx-roundtable.conf no longer has {pattern!r}"
    return text


@pytest.fixture(scope="session")
def cluster(postgres):
    workdir = pathlib.Path(tempfile.mkdtemp(prefix="roundtable-proxy-"))
    workdir.chmod(0o755)  # nginx's workers (nobody) write request bodies under it
    cluster = Cluster(workdir, postgres)
    # All three at the same moment on the empty database: each one migrates at start.
    for index in range(3):
        cluster.start(index)
    for index in range(3):
        cluster.wait(index)

    certificate, key = workdir / "tls.crt", workdir / "tls.key"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=roundtable.example.org",
                    "-addext", "subjectAltName=DNS:roundtable.example.org,IP:127.0.0.1",
                    "-keyout", str(key), "-out", str(certificate)], check=True, capture_output=True)
    cluster.http_port, cluster.https_port = free_port(), free_port()
    (workdir / "roundtable.conf").write_text(render_site(cluster.ports, cluster.http_port, cluster.https_port, certificate, key))
    temp = workdir / "nginx"
    temp.mkdir()
    (workdir / "nginx.conf").write_text(f"""
worker_processes 2;
pid {workdir}/nginx.pid;
error_log {workdir}/nginx-error.log info;
events {{ worker_connections 512; }}
http {{
    log_format upstream '$status $request_method $uri upstream=$upstream_addr statuses=$upstream_status';
    access_log {workdir}/nginx-access.log upstream;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    include {workdir}/roundtable.conf;
}}
""")
    check = subprocess.run(["nginx", "-t", "-c", str(workdir / "nginx.conf"), "-e", str(workdir / "nginx-error.log")], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    nginx = subprocess.Popen(["nginx", "-c", str(workdir / "nginx.conf"), "-e", str(workdir / "nginx-error.log"), "-g", "daemon off;"],
                             stdout=subprocess.DEVNULL, stderr=open(workdir / "nginx-stderr.log", "w"))
    deadline = time.time() + 20
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", cluster.https_port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    cluster.tls = ssl.create_default_context(cafile=str(certificate))
    cluster.proxy = lambda token=None: Client(cluster.https_port, tls=cluster.tls, token=token)

    added = cluster.cli("users", "add", "--email", ADMIN, "--name", "Ana Proxy", "--role", "admin", stdin=PASSWORD + "\n")
    assert added.returncode == 0, added.stderr
    token = cluster.cli("tokens", "create", "--email", ADMIN, "--label", "proxy test")
    assert token.returncode == 0, token.stderr
    cluster.admin_token = token.stdout.strip()
    try:
        yield cluster
    finally:
        nginx.send_signal(signal.SIGQUIT)
        try:
            nginx.wait(timeout=10)
        except subprocess.TimeoutExpired:
            nginx.kill()
        for process in cluster.processes:
            if process and process.poll() is None:
                process.terminate()
                process.wait(timeout=20)
        destination = ARTIFACTS / "proxy"
        destination.mkdir(parents=True, exist_ok=True)
        for name in ["server-0.log", "server-1.log", "server-2.log", "nginx-error.log", "nginx-access.log", "roundtable.conf"]:
            if (workdir / name).exists():
                shutil.copy(workdir / name, destination / name)
        shutil.rmtree(workdir, ignore_errors=True)
