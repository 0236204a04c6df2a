namespace AgenteFilms.Tests.TestSupport;
