# stancewatch: one image for the three stages (the command chooses: crawl, analyze, index).
# Built by docker compose (see docker-compose.yml) or: docker build -t stancewatch .

# --- build: the Maven wrapper, as on a developer's machine ---
# Base images are pinned to a release; Dependabot-style updates change these two lines only.
FROM eclipse-temurin:21.0.13_9-jdk AS build
WORKDIR /src
COPY . .
# The cache keeps ~/.m2 (CoreNLP's models are ~900 MB) between builds, outside the image.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q install -DskipTests \
 && mkdir /out && cp -r app/target/stancewatch.jar app/target/lib /out/

# --- run: a JRE, the application and its libraries, the default configuration ---
FROM eclipse-temurin:21.0.13_9-jre
RUN useradd --system --home-dir /app stancewatch
WORKDIR /app
COPY --from=build /out/ /app/
COPY config /app/config
RUN mkdir -p /app/data && chown stancewatch /app/data
# The stance model's tokenizer unpacks its native library into a cache; /app is read-only to the user.
ENV DJL_CACHE_DIR=/tmp/djl
USER stancewatch
ENTRYPOINT ["java", "-jar", "/app/stancewatch.jar"]
CMD ["--help"]
