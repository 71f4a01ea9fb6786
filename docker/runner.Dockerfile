# Horde's command line as an image, for Kubernetes Indexed Jobs and CI runners: the runnable jar and a test class path
# (/tests/classes and /tests/lib/*.jar: the sample load tests here; put your own tests there in an image of yours).
#
#   scripts/lib.sh's build (or scripts/sample-run.sh once) fills target/runner, then:
#   docker build -f docker/runner.Dockerfile -t horde/runner target/runner
#   docker run --rm --network host horde/runner run --class-path '/tests/classes:/tests/lib/*' \
#       --select dev.horde.sample.BrowsePostsLoadTest --target http://127.0.0.1:8080 --segment 1/4 --report-dir /results
#
# docker/runner-image.sh does both, on the local base image where no registry can be reached (docs/distributed.md).
ARG BASE_IMAGE=eclipse-temurin:17-jre
FROM ${BASE_IMAGE}
COPY horde-cli.jar /opt/horde/horde-cli.jar
COPY lib /tests/lib
COPY classes /tests/classes
WORKDIR /work
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-jar", "/opt/horde/horde-cli.jar"]
CMD ["--help"]
