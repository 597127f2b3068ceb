# The Clock MCP server as a container for Cloud Run (or any container host).
# Build: docker build -t setlist-clock .   Run: docker run -p 8080:8080 setlist-clock

# ---- build ----
FROM swift:6.3-bookworm AS build
WORKDIR /src
# The manifest names every target, tests and benchmarks included, so all of them come in.
COPY Package.swift ./
COPY Sources ./Sources
COPY Tests ./Tests
COPY Benchmarks ./Benchmarks
COPY Linker ./Linker
COPY scripts ./scripts
RUN cp "$(scripts/build-release)" /setlist && strip /setlist

# ---- run ----
FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends tzdata ca-certificates libcurl4 libsqlite3-0 \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --no-create-home setlist
COPY --from=build /setlist /usr/local/bin/setlist
USER 10001
# Cloud Run sets $PORT; the server listens on it (8080 when unset). Public names
# to accept in Host/Origin come from $SETLIST_ALLOW_HOSTS (see docs/deploy-cloud-run.md).
ENV PORT=8080
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/setlist"]
CMD ["serve", "clock", "--http", "0.0.0.0"]
