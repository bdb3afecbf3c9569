package org.onedoor.backend.platform.crypto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and directories that hold personal data or keys are created readable by their owner only ({@code rw-------},
 * directories {@code rwx------}), whatever the process's umask; on a file system without POSIX permissions they are
 * created as usual.
 */
public final class OwnerOnly {

  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

  private OwnerOnly() {
  }

  /** Whether the file's file system has POSIX permissions. */
  public static boolean posix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /**
   * Creates the directory, owner-only, and any missing parents (as usual); a directory that exists already is left as
   * it is (it may be a shared one, such as /etc: use {@link #restrict} on a directory that is OneDoor's own).
   */
  public static Path createDirectories(Path directory) throws IOException {
    if (Files.isDirectory(directory)) {
      return directory;
    }
    if (directory.getParent() != null) {
      Files.createDirectories(directory.getParent());
    }
    try {
      if (posix(directory)) {
        Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(DIRECTORY));
        // The umask may have taken bits away from the attribute, never added any; set it exactly.
        Files.setPosixFilePermissions(directory, DIRECTORY);
      } else {
        Files.createDirectory(directory);
      }
    } catch (java.nio.file.FileAlreadyExistsException racing) {
      // created meanwhile by another start: use it
    }
    return directory;
  }

  /** Creates a new, empty, owner-only file (failing if it exists): no moment when another user could open it. */
  public static Path createFile(Path file) throws IOException {
    return posix(file) ? Files.createFile(file, attribute(FILE)) : Files.createFile(file);
  }

  /** Makes an existing file owner-only. */
  public static void restrict(Path file) throws IOException {
    if (posix(file) && Files.exists(file)) {
      Files.setPosixFilePermissions(file, Files.isDirectory(file) ? DIRECTORY : FILE);
    }
  }

  private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> permissions) {
    return PosixFilePermissions.asFileAttribute(permissions);
  }
}
