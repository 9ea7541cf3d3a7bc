import pytest
from django.db import OperationalError, connection

from cpe_network.lib.cache import RedisCache
from tests.proxy import free_port


@pytest.fixture(autouse=True)
def _redis_taken_as_up(monkeypatch):
    monkeypatch.setattr(RedisCache, "down_until", 0.0)


@pytest.mark.django_db
def test_health_is_ok_when_the_database_answers(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": True, "cache": True}


@pytest.mark.django_db
def test_health_is_unavailable_when_the_database_does_not_answer(client, monkeypatch):
    def broken():
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", broken)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
    assert response.json()["database"] is False


@pytest.mark.django_db
def test_health_is_degraded_when_redis_does_not_answer(client, settings):
    """Pages still answer (without a cache): a load balancer keeps the server, a
    monitor warns."""
    settings.CACHES = {
        "default": {
            "BACKEND": "cpe_network.lib.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
        }
    }

    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": True, "cache": False}


@pytest.mark.django_db
def test_health_is_never_cached(client):
    assert "no-cache" in client.get("/healthz")["Cache-Control"]
