# syntax=docker/dockerfile:1.7
# QNT9 stock recommendation service: multi-stage image.
#   docker buildx build -t qnt9-srs .                                   (GitHub Actions)
#   podman build --format docker --pull=never -t qnt9-srs .            (.ci/run; see docs/DESIGN.md)
# The Maven repository is a build cache mount, so dependencies are downloaded once per builder,
# never baked into a layer.

ARG JDK_IMAGE=eclipse-temurin:25-jdk
ARG JRE_IMAGE=eclipse-temurin:25-jre

# ---- 1. build: compile and package the layered Spring Boot jar ---------------------------------
# `package` includes Spring AOT (process-aot): built on Java 25, its generated bean definitions fit the runtime's
# virtual threads, and the service uses them wherever they fit the deployment (io.qnt9.srs.system.SpringAotStartup).
FROM ${JDK_IMAGE} AS build
WORKDIR /workspace
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY data/ data/
COPY src/ src/
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -DskipTests package \
 && cp target/qnt9-srs-*.jar app.jar \
 && java -Djarmode=tools -jar app.jar extract --layers --destination extracted

# ---- 2. runtime: JRE only, non-root, read-only friendly -----------------------------------------
FROM ${JRE_IMAGE} AS runtime
ARG VERSION=dev
ARG REVISION=unknown
LABEL org.opencontainers.image.title="qnt9-srs" \
      org.opencontainers.image.description="QNT9 stock recommendation service" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.licenses="UNLICENSED"
WORKDIR /app
# One COPY per Spring Boot layer, least to most often changed, so a code change ships a small layer:
# /app/lib/*.jar (dependencies) and /app/app.jar (the application; its manifest's Class-Path names lib/).
COPY --from=build /workspace/extracted/dependencies/ ./
COPY --from=build /workspace/extracted/snapshot-dependencies/ ./
COPY --from=build /workspace/extracted/application/ ./
# The service writes only below /tmp (embedded PostgreSQL data when DATABASE_URL is absent, web server temporary
# files), so the root filesystem can be mounted read-only (Helm: emptyDir at /tmp).
# ENVIRONMENT is left to the deployment (Helm sets it per environment; production also needs DATABASE_URL).
ENV PORT=8000 \
    DATA_DIR=/tmp/qnt9 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:InitialRAMPercentage=25 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp -Djava.security.egd=file:/dev/./urandom"
# Java 25 AOT cache: a training run starts the application once (embedded PostgreSQL, migrations, bundled data,
# the whole Spring context), records the classes it loaded and linked and their profiles, and exits at the end of
# the context refresh. Starting with the cache roughly halves the time to ready (docs/PERFORMANCE.md). PostgreSQL
# refuses to run as root, so the training runs as the service's user, and in one layer with its clean-up so the
# image keeps only the cache. The run ends with Runtime.halt, so no shutdown hook stops its embedded PostgreSQL (a
# separate process): the step stops it (scripts/stop-embedded-postgres.sh: fast shutdown, SIGKILL after 10 s) before
# deleting its directory, also when the training failed.
RUN mkdir /app/aot && chown 10001:10001 /app/aot
COPY --chown=10001:10001 scripts/stop-embedded-postgres.sh /tmp/
# uid/gid 10001 ("app") exists in the base image; numeric ids let Kubernetes verify runAsNonRoot.
USER 10001:10001
RUN DATA_DIR=/tmp/aot-training java -XX:AOTCacheOutput=/app/aot/app.aot -XX:-UsePerfData -Dspring.context.exit=onRefresh \
      -Dlogging.level.root=WARN -Dlogging.structured.format.console= -jar app.jar > /tmp/aot-training.log 2>&1; \
    status=$?; \
    sh /tmp/stop-embedded-postgres.sh /tmp/aot-training; \
    if [ "$status" -ne 0 ]; then tail -n 40 /tmp/aot-training.log; exit 1; fi; \
    chmod 444 /app/aot/app.aot \
 && rm -rf /tmp/aot-training /tmp/aot-training.lock /tmp/aot-training.log /tmp/embedded-pg /tmp/jetty* \
      /tmp/stop-embedded-postgres.sh
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
    CMD curl -fsS "http://127.0.0.1:${PORT}/health" > /dev/null || exit 1
# -Xlog:aot=off: a cache that cannot be used (e.g. another JVM build) is ignored quietly; the service then starts
# as it would without one.
ENTRYPOINT ["java", "-XX:AOTCache=/app/aot/app.aot", "-Xlog:aot=off", "-Xlog:cds=off", "-jar", "/app/app.jar"]
