"""The container's health check: exit 0 when the site's /healthz answers 200 (the database
answers), 1 otherwise. Standard library only, so the image needs no curl. It asks with the
first of ALLOWED_HOSTS, since the site refuses other host names."""

import os
import sys
import urllib.request

host = os.environ.get("ALLOWED_HOSTS", "").split(",")[0].strip().lstrip("*.") or "localhost"
port = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000").rpartition(":")[2]
request = urllib.request.Request(f"http://127.0.0.1:{port}/healthz", headers={"Host": host})
try:
    # An http address built here, never from input.
    with urllib.request.urlopen(request, timeout=5) as response:  # nosec B310
        sys.exit(0 if response.status == 200 else 1)
except OSError as error:  # refused, timed out, or an HTTP error status (503)
    print(f"/healthz: {error}", file=sys.stderr)
    sys.exit(1)
