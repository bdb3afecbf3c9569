package org.onedoor.backend.platform.mongo;

import java.nio.file.Path;

/**
 * The operator's offline tools for the embedded store, run from the backend jar by {@code bin/restore}:
 * {@code restore BACKUP_DIR DATA_DIR} (into a new or empty data directory, the backup verified first) and
 * {@code verify BACKUP_DIR}. Exit code 0 when done, 1 with one plain line on standard error when refused.
 */
public final class StoreTool {

  private StoreTool() {
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String... args) {
    try {
      if (args.length == 3 && args[0].equals("restore")) {
        Backups.Record restored = Backups.restore(Path.of(args[1]), Path.of(args[2]));
        System.out.println("Restored the backup taken " + restored.takenAt() + " into " + restored.directory() + " ("
            + restored.bytes() + " bytes, " + total(restored) + " documents). Start the backend with ONEDOOR_DATA_DIR="
            + restored.directory());
        return 0;
      }
      if (args.length == 2 && args[0].equals("verify")) {
        Backups.Record verified = Backups.verify(Path.of(args[1]));
        System.out.println("The backup at " + verified.directory() + " taken " + verified.takenAt() + " is intact ("
            + verified.bytes() + " bytes, " + total(verified) + " documents).");
        return 0;
      }
      System.err.println("usage: restore BACKUP_DIR DATA_DIR | verify BACKUP_DIR");
      return 2;
    } catch (Backups.BackupException e) {
      System.err.println(e.getMessage());
      return 1;
    }
  }

  private static long total(Backups.Record record) {
    return record.documents().values().stream().mapToLong(Long::longValue).sum();
  }
}
