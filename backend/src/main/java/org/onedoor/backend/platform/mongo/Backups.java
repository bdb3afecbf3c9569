package org.onedoor.backend.platform.mongo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.onedoor.backend.platform.crypto.OwnerOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Online backup and offline restore of the embedded store (see docs/decisions/005-durable-embedded-store.md).
 *
 * <p>A backup is a directory holding a copy of {@code onedoor.mv} as it was at one instant and {@code backup.properties}
 * (when, size, SHA-256, documents per collection). It is taken while the backend runs: the store is committed and the
 * file copied with no write in flight (writers wait for the copy, readers go on). The copy is then opened read-only
 * and walked entry by entry, so a backup that cannot be restored is never reported as taken.
 *
 * <p>A restore copies a verified backup into an empty data directory; the backend must not run on that directory.
 *
 * <p>Why over 300 lines: taking, verifying and restoring a backup share the manifest format and its checks, which an
 * operator relies on being read and written the same way; split, they could disagree.
 */
final class Backups {

  static final String MANIFEST = "backup.properties";
  private static final Logger log = LoggerFactory.getLogger(Backups.class);
  /** In the data directory: where the latest backup of this store went, named when the store cannot be opened. */
  static final String LATEST = "latest-backup.properties";

  /** A backup taken: where, when, and what it holds. */
  record Record(Path directory, Instant takenAt, long bytes, String sha256, Map<String, Long> documents) {
  }

  /** An expected failure, said in words an operator acts on; nothing was changed. */
  static final class BackupException extends RuntimeException {
    BackupException(String message) {
      super(message);
    }

    BackupException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private Backups() {
  }

  /** Takes a consistent backup of the running store into {@code target}, which must be new or empty. */
  static Record backup(EmbeddedStore store, Path target, Instant now) {
    boolean existed = Files.exists(target);
    Path directory = prepareEmptyDirectory(target, "back up into");
    Path copy = directory.resolve(EmbeddedStore.FILE_NAME);
    Path partial = directory.resolve(EmbeddedStore.FILE_NAME + ".partial");
    try {
      store.exclusiveFileOperation(backend -> {
        copyAt(backend, store.file(), partial);
        return null;
      });
      Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE);
      Record record = describe(directory, copy, now);
      writeManifest(directory, record);
      remember(store.dataDir(), record);
      return record;
    } catch (IOException | RuntimeException e) {
      deleteQuietly(partial, copy, directory.resolve(MANIFEST), directory.resolve(MANIFEST + ".partial"));
      if (!existed) {
        deleteQuietly(directory);
      }
      if (e instanceof BackupException expected) {
        throw expected;
      }
      throw new BackupException("The backup into " + directory + " failed and was removed: " + e.getMessage(), e);
    }
  }

  /**
   * Copies the store file with no write in flight, after a commit that covers (and, with FSYNC, forced) every write so
   * far: the copy is the store at that instant, byte for byte. Writers wait during the copy (a few hundred
   * milliseconds for a city's store: it reads at disk speed from the page cache); readers go on.
   */
  private static void copyAt(DurableH2Backend backend, Path source, Path target) {
    long start = System.nanoTime();
    backend.quiesced(() -> {
      try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
           FileChannel out = FileChannel.open(OwnerOnly.createFile(target), StandardOpenOption.WRITE)) {
        long length = in.size();
        long position = 0;
        while (position < length) {
          long copied = in.transferTo(position, length - position, out);
          if (copied <= 0) {
            throw new IOException("the store file stopped growing at " + position + " of " + length + " bytes");
          }
          position += copied;
        }
        out.force(true);
        return null;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    log.info("Backup copy of {} made with writes held for {} ms", source, (System.nanoTime() - start) / 1_000_000);
  }

  /** Restores {@code backup} into {@code dataDir}, which must be new or empty; the backup is verified first. */
  static Record restore(Path backup, Path dataDir) {
    Record verified = verify(backup);
    boolean existed = Files.exists(dataDir);
    Path directory = prepareEmptyDirectory(dataDir, "restore into");
    Path partial = directory.resolve(EmbeddedStore.FILE_NAME + ".partial");
    Path target = directory.resolve(EmbeddedStore.FILE_NAME);
    try {
      Files.copy(backup.resolve(EmbeddedStore.FILE_NAME), partial);
      OwnerOnly.restrict(partial);
      try (FileChannel written = FileChannel.open(partial, StandardOpenOption.WRITE)) {
        written.force(true);
      }
      Record restored = describe(directory, partial, verified.takenAt());
      if (!restored.sha256().equals(verified.sha256()) || !restored.documents().equals(verified.documents())) {
        throw new BackupException("The restored copy differs from the backup " + backup + "; nothing was restored.");
      }
      move(partial, target);
      remember(directory, verified);
      return restored;
    } catch (IOException | RuntimeException e) {
      deleteQuietly(partial, target, directory.resolve(LATEST), directory.resolve(LATEST + ".partial"));
      if (!existed) {
        deleteQuietly(directory);
      }
      if (e instanceof BackupException expected) {
        throw expected;
      }
      throw new BackupException("Restoring into " + directory + " failed and was undone: " + e.getMessage(), e);
    }
  }

  /** Checks a backup directory: manifest present, file of the recorded size and checksum, store opens. */
  static Record verify(Path backup) {
    Path directory = backup.toAbsolutePath().normalize();
    if (!Files.isDirectory(directory)) {
      throw new BackupException("No backup at " + directory + ": it is not a directory.");
    }
    Path file = directory.resolve(EmbeddedStore.FILE_NAME);
    Path manifestFile = directory.resolve(MANIFEST);
    if (!Files.isRegularFile(file) || !Files.isRegularFile(manifestFile)) {
      throw new BackupException("No backup at " + directory + ": it must hold " + EmbeddedStore.FILE_NAME + " and "
          + MANIFEST + ".");
    }
    Properties manifest = new Properties();
    try (InputStream in = Files.newInputStream(manifestFile)) {
      manifest.load(in);
    } catch (IOException | IllegalArgumentException e) {
      throw new BackupException("The backup at " + directory + " is damaged: " + MANIFEST + " cannot be read.");
    }
    String expected = manifest.getProperty("sha256", "");
    String actual = sha256(file);
    if (!expected.equals(actual)) {
      throw new BackupException("The backup at " + directory + " is damaged: " + EmbeddedStore.FILE_NAME
          + " does not match the checksum in " + MANIFEST + ".");
    }
    Instant takenAt;
    Map<String, Long> recorded = new TreeMap<>();
    try {
      takenAt = Instant.parse(manifest.getProperty("takenAt"));
      manifest.stringPropertyNames().stream().filter(key -> key.startsWith("documents."))
          .forEach(key -> recorded.put(key.substring("documents.".length()),
              Long.parseLong(manifest.getProperty(key))));
    } catch (RuntimeException e) {
      throw new BackupException("The backup at " + directory + " is damaged: " + MANIFEST + " is incomplete.");
    }
    Record record = describe(directory, file, takenAt);
    if (!recorded.equals(record.documents())) {
      throw new BackupException("The backup at " + directory + " is damaged: its documents differ from " + MANIFEST
          + ".");
    }
    return record;
  }

  /** The latest backup recorded for the store in {@code dataDir}, if any. */
  static Optional<Record> latest(Path dataDir) {
    Path file = dataDir.resolve(LATEST);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Properties latest = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      latest.load(in);
      return Optional.of(new Record(Path.of(latest.getProperty("directory")),
          Instant.parse(latest.getProperty("takenAt")), Long.parseLong(latest.getProperty("bytes", "0")),
          latest.getProperty("sha256", ""), Map.of()));
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  private static Record describe(Path directory, Path file, Instant takenAt) {
    Map<String, Long> documents = new TreeMap<>();
    MVStore opened;
    try {
      opened = new MVStore.Builder().fileName(file.toString()).readOnly().open();
    } catch (RuntimeException e) {
      throw new BackupException("The store copy " + file + " cannot be opened: " + e.getMessage(), e);
    }
    try (MVStore store = opened) {
      for (String name : store.getMapNames()) {
        long entries = walk(store.openMap(name));
        if (name.startsWith("databases.")) {
          documents.put(name.substring("databases.".length()), entries);
        }
      }
    } catch (BackupException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new BackupException("The store copy " + file + " is damaged: " + e.getMessage(), e);
    }
    try {
      return new Record(directory, takenAt, Files.size(file), sha256(file), documents);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads every entry of a map (every page, every document) and checks the count the map keeps agrees. */
  private static long walk(MVMap<Object, Object> map) {
    long entries = 0;
    for (var cursor = map.cursor(null); cursor.hasNext(); cursor.next()) {
      if (cursor.getValue() == null) {
        throw new BackupException("an entry of " + map.getName() + " has no value");
      }
      entries++;
    }
    if (entries != map.sizeAsLong()) {
      throw new BackupException(map.getName() + " holds " + entries + " entries where it records " + map.sizeAsLong());
    }
    return entries;
  }

  private static void writeManifest(Path directory, Record record) throws IOException {
    Properties manifest = new Properties();
    manifest.setProperty("takenAt", record.takenAt().toString());
    manifest.setProperty("file", EmbeddedStore.FILE_NAME);
    manifest.setProperty("bytes", Long.toString(record.bytes()));
    manifest.setProperty("sha256", record.sha256());
    record.documents().forEach((collection, count) -> manifest.setProperty("documents." + collection,
        Long.toString(count)));
    Path partial = directory.resolve(MANIFEST + ".partial");
    try (OutputStream out = Files.newOutputStream(OwnerOnly.createFile(partial), StandardOpenOption.WRITE)) {
      manifest.store(out, "OneDoor backup of the embedded store");
    }
    move(partial, directory.resolve(MANIFEST));
  }

  private static void remember(Path dataDir, Record record) throws IOException {
    Properties latest = new Properties();
    latest.setProperty("directory", record.directory().toString());
    latest.setProperty("takenAt", record.takenAt().toString());
    latest.setProperty("bytes", Long.toString(record.bytes()));
    latest.setProperty("sha256", record.sha256());
    Path partial = dataDir.resolve(LATEST + ".partial");
    Files.deleteIfExists(partial);
    try (OutputStream out = Files.newOutputStream(OwnerOnly.createFile(partial))) {
      latest.store(out, "The latest backup of this store");
    }
    move(partial, dataDir.resolve(LATEST));
  }

  private static Path prepareEmptyDirectory(Path target, String what) {
    Path directory = target.toAbsolutePath().normalize();
    if (Files.exists(directory)) {
      if (!Files.isDirectory(directory)) {
        throw new BackupException("Cannot " + what + " " + directory + ": it is a file, not a directory.");
      }
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
        if (entries.iterator().hasNext()) {
          throw new BackupException("Cannot " + what + " " + directory + ": the directory is not empty.");
        }
      } catch (IOException e) {
        throw new BackupException("Cannot " + what + " " + directory + ": it cannot be read (" + e + ").");
      }
    } else {
      if (directory.getParent() == null || !Files.isDirectory(directory.getParent())) {
        throw new BackupException("Cannot " + what + " " + directory + ": it cannot be created (its parent "
            + directory.getParent() + " is not a directory).");
      }
      try {
        Files.createDirectory(directory);
      } catch (IOException e) {
        throw new BackupException("Cannot " + what + " " + directory + ": it cannot be created (" + e + ").");
      }
    }
    Path probe = directory.resolve(".onedoor-write-probe");
    try {
      // A backup holds what the store holds: readable by the owner only, like the data directory.
      OwnerOnly.restrict(directory);
      Files.deleteIfExists(Files.createFile(probe));
    } catch (IOException e) {
      throw new BackupException("Cannot " + what + " " + directory + ": the directory is not writable.");
    }
    return directory;
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static String sha256(Path file) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
        in.transferTo(OutputStream.nullOutputStream());
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchFileException e) {
      throw new BackupException("No backup file " + file + ".");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteQuietly(Path... files) {
    for (Path file : files) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // best effort: the error reported names what went wrong
      }
    }
  }
}
