"""The deployment files agree with the site and with one another: every command they run
exists, nginx and systemd accept the samples (when installed here), and the limits on
either side of the proxy fit together. Running them for real is described in the README."""

import http.client
import re
import runpy
import shutil
import socket
import ssl
import subprocess  # nosec B404: runs nginx, openssl and systemd-analyze, fixed arguments
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import get_commands

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
UNITS = sorted(DEPLOY.glob("*.service")) + sorted(DEPLOY.glob("*.timer"))
WEB = "gunicorn -c gunicorn.conf.py cpe_network.wsgi"


def read(name):
    return (ROOT / name).read_text()


def example_setting(name):
    """A variable's value in .env.example, the reference every sample is written for."""
    return re.search(rf"^{name}=(.*)$", read(".env.example"), re.MULTILINE).group(1)


def nginx_value(directive, text=None):
    text = read("deploy/nginx.conf") if text is None else text
    return re.search(rf"^\s*{directive}\s+([^;]+);", text, re.MULTILINE).group(1)


def seconds(value):
    return int(value.removesuffix("s"))


def commands_run():
    """Every management command that the Procfile (scheduled ones included), the systemd
    units and timers and compose.yaml run."""
    texts = [read("Procfile"), read("compose.yaml")] + [unit.read_text() for unit in UNITS]
    named = set()
    for text in texts:
        named |= set(re.findall(r"manage\.py[\"', ]+(\w+)", text))
        named |= set(re.findall(r"^Unit=cpe-manage@(\w+)\.service$", text, re.MULTILINE))
    return sorted(named)


@pytest.mark.parametrize("command", commands_run())
def test_every_command_the_deployment_runs_exists(command):
    assert command in get_commands()


def test_the_scheduled_commands_are_all_there():
    scheduled = {"remind_profiles", "delete_held_uploads", "send_queued_emails"}
    assert scheduled | {"purge_personal_data"} <= set(commands_run())


def test_web_server_is_started_the_same_way_everywhere():
    procfile = dict(
        line.split(":", 1) for line in read("Procfile").splitlines() if re.match(r"^\w+:", line)
    )
    assert procfile["web"].strip() == WEB
    assert f"/.venv/bin/{WEB}" in read("deploy/cpe-web.service")
    assert 'CMD ["gunicorn", "-c", "gunicorn.conf.py", "cpe_network.wsgi"]' in read("Dockerfile")


def test_gunicorn_threads_outlast_nothing_that_nginx_waits_for():
    config = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    assert config["worker_class"] == "gthread" and config["threads"] >= 2
    assert config["bind"] == "127.0.0.1:8000"  # loopback: only nginx reaches it
    assert nginx_value("server") == config["bind"]
    # nginx waits longer than gunicorn lets a request run, so gunicorn's timeout acts;
    # and it drops an idle connection before gunicorn would, never sending on a closed one.
    assert seconds(nginx_value("proxy_read_timeout")) > config["timeout"]
    assert seconds(nginx_value("keepalive_timeout")) < config["keepalive"]


def test_nginx_sample_keeps_the_sites_limits_and_paths():
    assert nginx_value("client_max_body_size") == f"{settings.MAX_REQUEST_BYTES // 2**20}m"
    assert nginx_value("proxy_set_header X-Forwarded-For") == "$proxy_add_x_forwarded_for"
    assert example_setting("TRUSTED_PROXY_COUNT") == "1"  # nginx alone appends the address
    assert nginx_value("proxy_request_buffering") == nginx_value("proxy_buffering") == "on"
    text = read("deploy/nginx.conf")
    static = re.search(r"location /static/ \{\s*alias ([^;]+);", text).group(1)
    media = re.search(
        rf"location {settings.MEDIA_ACCEL_PREFIX} \{{\s*internal;\s*alias ([^;]+);", text
    )
    assert static == example_setting("STATIC_ROOT") + "/"
    assert media.group(1) == example_setting("MEDIA_ROOT") + "/"
    assert "location /media/" not in text  # the application checks who may see each upload


def test_services_may_write_the_upload_folders_only():
    for unit in DEPLOY.glob("*.service"):
        text = unit.read_text()
        assert "ProtectSystem=strict" in text and "NoNewPrivileges=yes" in text
        writable = re.search(r"^ReadWritePaths=(.*)$", text, re.MULTILINE).group(1).split()
        assert writable == [example_setting("MEDIA_ROOT"), example_setting("PRIVATE_MEDIA_ROOT")]


needs_nginx = pytest.mark.skipif(
    not (shutil.which("nginx") and shutil.which("openssl")),
    reason="nginx and openssl are not both installed",
)


def nginx_sample(folder, site=None):
    """deploy/nginx.conf in `folder`, with a certificate of its own, ready for `nginx -p
    folder -c folder/nginx.conf`; `site` changes the sample's text first."""
    live = "/etc/letsencrypt/live/network.example.org"
    subprocess.run(  # nosec B603 B607
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
         "-nodes", "-days", "1", "-subj", "/CN=network.example.org",
         "-keyout", folder / "privkey.pem", "-out", folder / "fullchain.pem"],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    text = read("deploy/nginx.conf").replace(live, str(folder))
    (folder / "site.conf").write_text(site(text) if site else text)
    (folder / "nginx.conf").write_text(
        f"pid {folder}/nginx.pid;\nerror_log stderr;\nevents {{}}\n"
        f"http {{ access_log off; client_body_temp_path {folder}/body; "
        f"proxy_temp_path {folder}/proxy; include {folder}/site.conf; }}\n"
    )
    return ["nginx", "-p", folder, "-c", folder / "nginx.conf", "-e", "stderr"]


@needs_nginx
def test_nginx_accepts_the_sample(tmp_path):
    result = subprocess.run(  # nosec B603
        [*nginx_sample(tmp_path), "-t"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "[warn]" not in result.stderr and "[emerg]" not in result.stderr


@needs_nginx
def test_nginx_answers_a_body_over_its_limit_with_the_sites_page(tmp_path, live_server, settings):
    """The sample, run for real in front of the site on loopback ports: a body over
    client_max_body_size is refused before it is sent, with the site's own page in the
    address's language (nginx's own page is plain English)."""
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    port = free_port()
    app = live_server.url.removeprefix("http://")

    def on_loopback(text):
        text = text.replace("server 127.0.0.1:8000;", f"server {app};")
        text = text.replace("listen 443 ssl http2;", f"listen 127.0.0.1:{port} ssl http2;")
        text = text.replace("listen 80;", f"listen 127.0.0.1:{free_port()};")
        return re.sub(r"^\s*listen \[::\].*$", "", text, flags=re.MULTILINE)

    nginx = subprocess.Popen(  # nosec B603
        [*nginx_sample(tmp_path, on_loopback), "-g", "daemon off;"], stderr=subprocess.PIPE
    )
    try:
        connection = wait_for_tls(port)
        connection.putrequest("POST", "/fr/adherer/")
        connection.putheader("Content-Type", "multipart/form-data; boundary=x")
        connection.putheader("Content-Length", str(settings.MAX_REQUEST_BYTES + 1))
        connection.endheaders()  # and no body: nginx answers on the length alone
        response = connection.getresponse()
        page = response.read().decode()
    finally:
        nginx.terminate()
        nginx.wait(timeout=10)
    assert response.status == 413
    assert '<html lang="fr"' in page
    assert "<h1>Envoi trop volumineux</h1>" in page


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_tls(port, seconds=10):
    """An HTTPS connection to nginx on `port` once it listens (its certificate is the
    test's own, not checked)."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # nosec B501: a certificate made for this test
    deadline = time.monotonic() + seconds
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return http.client.HTTPSConnection("127.0.0.1", port, context=context, timeout=10)
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="systemd is not installed")
def test_systemd_accepts_the_units(tmp_path):
    venv = Path(sys.executable).parent
    for unit in UNITS:  # the executables must exist: those of this checkout stand in
        text = unit.read_text().replace("/srv/cpe/app/.venv/bin", str(venv))
        (tmp_path / unit.name).write_text(text)
    result = subprocess.run(  # nosec B603 B607
        ["systemd-analyze", "verify", *sorted(str(path) for path in tmp_path.iterdir())],
        capture_output=True, text=True, cwd=tmp_path, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0 and result.stderr == "", result.stderr


def test_worker_is_always_restarted():
    text = read("deploy/cpe-worker.service")
    assert "Restart=always" in text
    assert "StartLimitIntervalSec=0" in text  # or systemd gives up after five quick exits


def test_container_health_check_says_whether_the_site_answers():
    """deploy/healthcheck.py against a stand-in for /healthz (tests/test_health.py checks
    the site's own answers): healthy on 200 only, asking with an allowed host name."""
    assert "deploy" not in read(".dockerignore")  # the image keeps the script
    seen = []

    class Healthz(BaseHTTPRequestHandler):
        def do_GET(self):
            seen.append((self.path, self.headers["Host"]))
            self.send_response(self.server.status)
            self.end_headers()

        def log_message(self, *args):
            pass

    def check(port, allowed_hosts=".network.example.org,localhost"):
        env = {"ALLOWED_HOSTS": allowed_hosts, "GUNICORN_BIND": f"0.0.0.0:{port}"}
        return subprocess.run(  # nosec B603
            [sys.executable, DEPLOY / "healthcheck.py"], env=env, capture_output=True, timeout=20
        ).returncode

    with ThreadingHTTPServer(("127.0.0.1", 0), Healthz) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        port = server.server_address[1]
        server.status = 200
        assert check(port) == 0
        assert seen == [("/healthz", "network.example.org")]
        server.status = 503  # the database does not answer
        assert check(port) == 1
        server.status = 400  # the site does not serve that host name
        assert check(port) == 1
        server.shutdown()
    assert check(port) == 1  # nothing listens
