# syntax=docker/dockerfile:1
# Multi-stage: build with the .NET SDK, run on the ASP.NET runtime as a non-root user.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY AgenteFilms.Agents/AgenteFilms.Agents.csproj AgenteFilms.Agents/
COPY AgenteFilms.Data/AgenteFilms.Data.csproj AgenteFilms.Data/
COPY AgenteFilms.Web/AgenteFilms.Web.csproj AgenteFilms.Web/
RUN dotnet restore AgenteFilms.Web/AgenteFilms.Web.csproj
COPY AgenteFilms.Agents/ AgenteFilms.Agents/
COPY AgenteFilms.Data/ AgenteFilms.Data/
COPY AgenteFilms.Web/ AgenteFilms.Web/
RUN dotnet publish AgenteFilms.Web/AgenteFilms.Web.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# Fonts for the PDF export (embedded into every PDF), fontconfig for SkiaSharp, curl for the health check.
RUN apt-get update \
    && apt-get install -y --no-install-recommends fonts-dejavu-core fonts-liberation2 libfontconfig1 curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
# The image's non-root user "app" owns the data folder (SQLite file, data-protection keys).
RUN mkdir -p /data && chown app:app /data
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Database__DataFolder=/data
USER app
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD curl -fsS http://localhost:8080/health/live || exit 1
ENTRYPOINT ["dotnet", "AgenteFilms.Web.dll"]
