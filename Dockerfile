# Builds the app from source and runs it as a non-root user. Used by docker-compose.yml.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -q -B dependency:go-offline
COPY src src
RUN ./mvnw -q -B -DskipTests package && cp target/bonus-desk-*.jar /src/app.jar

FROM eclipse-temurin:17-jre
RUN groupadd --system bonusdesk && useradd --system --gid bonusdesk --home /app bonusdesk
WORKDIR /app
COPY --from=build /src/app.jar app.jar
USER bonusdesk
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
