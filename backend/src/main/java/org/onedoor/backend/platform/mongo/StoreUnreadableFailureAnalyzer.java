package org.onedoor.backend.platform.mongo;

import java.nio.file.Files;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a store file that cannot be opened into a plain report for the operator (which file, why, the latest backup,
 * what to do) instead of a stack trace. Registered in {@code META-INF/spring.factories}.
 */
class StoreUnreadableFailureAnalyzer extends AbstractFailureAnalyzer<StoreUnreadableException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, StoreUnreadableException cause) {
    String description = cause.getMessage();
    String action;
    if (cause.locked()) {
      action = "Another OneDoor backend (or another program) is using " + cause.file()
          + ". Stop it, or give this one its own data directory (ONEDOOR_DATA_DIR).";
    } else {
      action = cause.latestBackup()
          .map(backup -> "The latest backup is " + backup.directory() + " (taken " + backup.takenAt() + ")"
              + (Files.isDirectory(backup.directory()) ? ". " : ", but that directory is gone: find its copy. ")
              + "Move the damaged data directory " + cause.file().getParent() + " aside, then restore into an "
              + "empty one: bin/restore " + backup.directory() + " " + cause.file().getParent())
          .orElse("No backup of this store is recorded in " + cause.file().getParent() + ". Keep the damaged file "
              + "for analysis and start on an empty data directory, or restore a backup you kept elsewhere with "
              + "bin/restore <backup directory> <empty data directory>.");
    }
    return new FailureAnalysis(description, action, cause);
  }
}
