# The demo chat service (sample-tests/src/main/java/dev/horde/demo) as an image: built with Maven, run on a JRE.
#
#   docker build -t horde/demo .
#   docker run --rm --network host horde/demo 8080
#
# It listens on 127.0.0.1 only (the port given, 8080 by default, and a free port for its WebSocket), so it runs on the
# host's network. BUILD_IMAGE and BASE_IMAGE choose the images; where no registry can be reached,
# docker/local-images.sh builds both from this machine's JDK and builds this file with them (docs/containers.md).
ARG BUILD_IMAGE=maven:3.9-eclipse-temurin-17
ARG BASE_IMAGE=eclipse-temurin:17-jre

FROM ${BUILD_IMAGE} AS build
WORKDIR /src
COPY pom.xml ./
COPY harness/pom.xml harness/
COPY sample-tests/pom.xml sample-tests/
COPY cli/pom.xml cli/
COPY maven-plugin/pom.xml maven-plugin/
COPY harness/src/main harness/src/main
COPY sample-tests/src/main sample-tests/src/main
RUN mvn -B -ntp -q -pl sample-tests -am install -DskipTests \
    && mvn -B -ntp -q -pl sample-tests dependency:copy-dependencies -DincludeScope=runtime \
       -DoutputDirectory=/app/lib \
    && cp sample-tests/target/horde-sample-tests-*.jar /app/lib/

FROM ${BASE_IMAGE}
COPY --from=build /app/lib /app/lib
EXPOSE 8080
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-cp", "/app/lib/*", "dev.horde.demo.DemoServer"]
CMD ["8080"]
