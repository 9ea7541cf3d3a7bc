# The site's image: gunicorn with gunicorn.conf.py on port 8000, as an unprivileged user.
# The same image runs the task worker and the scheduled commands (compose.yaml).
# Settings come from the environment (.env.example); uploads go to /data (a volume).
#   docker build -t cpe-network .

FROM python:3.12-slim-bookworm AS base
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PATH=/venv/bin:$PATH
WORKDIR /app

# Build: the packages (all come as wheels: no compiler), the French catalogue (gettext's
# msgfmt) and the static files, hashed and compressed. Neither step reads a secret or the
# database: the key is a placeholder that lives in this stage only.
FROM base AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/*
RUN python -m venv /venv
COPY requirements.txt .
RUN pip install --only-binary :all: -r requirements.txt
COPY . .
RUN DEBUG=0 SECRET_KEY=build-only-placeholder-never-used-to-sign-anything \
        python manage.py compilemessages --verbosity 0 \
    && DEBUG=0 SECRET_KEY=build-only-placeholder-never-used-to-sign-anything \
        STATIC_ROOT=/app/staticfiles python manage.py collectstatic --no-input --verbosity 0

FROM base
RUN groupadd --system --gid 10001 cpe \
    && useradd --system --uid 10001 --gid cpe --home-dir /app --no-create-home cpe \
    && mkdir -p /data/media /data/private \
    && chown -R cpe:cpe /data
COPY --from=build /venv /venv
COPY --from=build /app /app
ENV STATIC_ROOT=/app/staticfiles \
    MEDIA_ROOT=/data/media \
    PRIVATE_MEDIA_ROOT=/data/private \
    GUNICORN_BIND=0.0.0.0:8000
# The code belongs to root and cannot be changed by the site; only /data is its own.
USER cpe
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
    CMD ["python", "deploy/healthcheck.py"]
CMD ["gunicorn", "-c", "gunicorn.conf.py", "cpe_network.wsgi"]
