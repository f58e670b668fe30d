# mockcat as a service container: `docker build -t mockcat .` then
# `docker run -p 8000:8000 -v mockcat-data:/data mockcat`.
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    MOCKCAT_HOST=0.0.0.0 \
    MOCKCAT_PORT=8000 \
    MOCKCAT_DATABASE=/data/mockcat.db

RUN useradd --create-home --uid 10001 mockcat \
    && mkdir /data \
    && chown mockcat:mockcat /data

WORKDIR /app
COPY pyproject.toml README.md ./
COPY mockcat ./mockcat
COPY fixtures ./fixtures
RUN pip install --no-cache-dir .

USER mockcat
VOLUME ["/data"]
EXPOSE 8000

# `mockcat health` asks the address MOCKCAT_HOST and MOCKCAT_PORT configure.
HEALTHCHECK --interval=10s --timeout=5s --start-period=15s --retries=3 \
    CMD ["mockcat", "health"]

CMD ["mockcat", "serve"]
