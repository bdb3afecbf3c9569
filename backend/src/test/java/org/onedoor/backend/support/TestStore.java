package org.onedoor.backend.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The one switch of the test suite: real MongoDB 8 (a single-node replica set in Testcontainers) when a Docker
 * engine answers, else the embedded mongo-java-server with its H2 file backend in a fresh directory. The same
 * tests run either way and none is skipped; the log says which store ran.
 */
public final class TestStore {

  private static final Logger log = LoggerFactory.getLogger(TestStore.class);
  private static final String MONGO_IMAGE = "mongo:8.0";
  private static MongoDBContainer container;
  private static Boolean docker;

  private TestStore() {
  }

  /** True when tests run against real MongoDB. */
  public static synchronized boolean real() {
    if (docker == null) {
      docker = dockerAvailable();
      log.info("Integration tests run against: {}", docker
          ? "real MongoDB (" + MONGO_IMAGE + " via Testcontainers)"
          : "embedded mongo-java-server with H2 backend (no Docker engine found)");
    }
    return docker;
  }

  /** The real server's connection string (a fresh database each call), or blank for the embedded store. */
  public static synchronized String uri(String database) {
    if (!real()) {
      return "";
    }
    if (container == null) {
      container = new MongoDBContainer(MONGO_IMAGE);
      container.start();
    }
    return container.getReplicaSetUrl(database);
  }

  /** A fresh data directory for the embedded store. */
  public static Path newDataDir() {
    try {
      return Files.createTempDirectory("onedoor-test-data");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | Error noDocker) {
      return false;
    }
  }
}
