# Image for the intake poller, workers, Flower and the migrate job (docker-compose.yml).
# LibreOffice converts legacy .doc files (the built-in reader and catdoc are the fallbacks);
# libarchive reads .rar/.7z attachments; the CJK font is for rendering (PDF export) only.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    INTAKE_DATA_DIR=/var/lib/intake

RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        libreoffice-writer-nogui catdoc libarchive13 fonts-wqy-microhei \
    && rm -rf /var/lib/apt/lists/*

# Only what the package is built from: the templates and migrations go inside the installed package
# (package data), so the running image needs no source tree.
COPY pyproject.toml README.md requirements.lock /src/
COPY intake /src/intake
COPY workers /src/workers
COPY templates /src/templates

# The package with the flower extra (Flower, `intake flower`) at the versions requirements.lock pins,
# built by the pinned setuptools. pip cannot hash-check a source folder, so here the lock serves as
# constraints without its hashes (scripts/bootstrap.sh installs it hash-checked).
RUN grep -E '^[A-Za-z0-9]' /src/requirements.lock | sed 's/ \\$//' > /tmp/pins.txt \
    && pip install -c /tmp/pins.txt setuptools wheel \
    && pip install --no-build-isolation -c /tmp/pins.txt '/src[flower]' \
    && rm -rf /src /tmp/pins.txt \
    && useradd --system --create-home --home-dir /home/intake intake \
    && mkdir -p /var/lib/intake \
    && chown intake:intake /var/lib/intake

WORKDIR /var/lib/intake
USER intake
VOLUME ["/var/lib/intake"]
CMD ["intake", "--help"]
