# Image for the intake poller, workers and the migrate job (docker-compose.yml).
# LibreOffice converts legacy .doc files (the built-in reader and catdoc are the fallbacks);
# libarchive reads .rar/.7z attachments; the CJK font is for rendering (PDF export) only.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    INTAKE_DATA_DIR=/var/lib/intake \
    INTAKE_TEMPLATES_DIR=/app/templates

RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        libreoffice-writer-nogui catdoc libarchive13 fonts-wqy-microhei \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY . /app
RUN pip install /app \
    && useradd --system --create-home --home-dir /home/intake intake \
    && mkdir -p /var/lib/intake \
    && chown intake:intake /var/lib/intake

USER intake
VOLUME ["/var/lib/intake"]
CMD ["intake", "--help"]
