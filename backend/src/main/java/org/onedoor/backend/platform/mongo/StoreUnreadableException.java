package org.onedoor.backend.platform.mongo;

import java.nio.file.Path;
import java.util.Optional;

/** The embedded store's file exists but cannot be opened: damaged, locked by another process, or not a store. */
final class StoreUnreadableException extends RuntimeException {

  private final Path file;
  private final Optional<Backups.Record> latestBackup;

  StoreUnreadableException(Path file, RuntimeException cause, Optional<Backups.Record> latestBackup) {
    super("The embedded store file " + file + " cannot be opened: " + cause.getMessage(), cause);
    this.file = file;
    this.latestBackup = latestBackup;
  }

  Path file() {
    return file;
  }

  Optional<Backups.Record> latestBackup() {
    return latestBackup;
  }

  boolean locked() {
    String message = String.valueOf(getCause().getMessage());
    return message.contains("locked");
  }
}
