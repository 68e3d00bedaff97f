# Builds the Otklik image from a jar made by `./mvnw -DskipTests package`.
FROM eclipse-temurin:17-jre
# curl: for the compose healthcheck (/actuator/health/readiness)
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --create-home otklik
USER otklik
WORKDIR /home/otklik
COPY target/otklik-*.jar /home/otklik/otklik.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/home/otklik/otklik.jar"]
