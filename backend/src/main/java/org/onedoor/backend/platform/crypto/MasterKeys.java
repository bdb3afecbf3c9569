package org.onedoor.backend.platform.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonString;

/**
 * The master keys the driver may use: for a local key, the current key file and any previous ones, each named
 * {@code local:<fingerprint>} so that a data key records which file wraps it; for a KMS, its credentials and the
 * description of its key.
 *
 * @param providers the driver's KMS providers by name
 * @param current the name of the provider that wraps new and re-wrapped data keys
 * @param masterKey the description of the master key for that provider (empty for a local key)
 */
record MasterKeys(Map<String, Map<String, Object>> providers, String current, BsonDocument masterKey) {

  private static final int LOCAL_KEY_BYTES = 96;

  static MasterKeys from(EncryptionSettings settings) {
    if (!settings.local()) {
      BsonDocument masterKey = new BsonDocument();
      settings.masterKey().forEach((name, value) -> masterKey.put(name, new BsonString(value)));
      // Local key files named as previous keys: the data key they wrap is re-wrapped under the KMS at start (the
      // move from a local key to a KMS).
      Map<String, Map<String, Object>> providers = new LinkedHashMap<>();
      providers.put(settings.kmsProvider(), Map.copyOf(settings.kms()));
      for (Path previous : settings.previousKeyFiles()) {
        byte[] key = localKey(previous, false);
        providers.putIfAbsent(name(key), Map.of("key", key));
      }
      return new MasterKeys(Map.copyOf(providers), settings.kmsProvider(), masterKey);
    }
    Map<String, Map<String, Object>> providers = new LinkedHashMap<>();
    byte[] current = localKey(settings.keyFile(), true);
    String currentName = name(current);
    providers.put(currentName, Map.of("key", current));
    for (Path previous : settings.previousKeyFiles()) {
      byte[] key = localKey(previous, false);
      providers.putIfAbsent(name(key), Map.of("key", key));
    }
    return new MasterKeys(Map.copyOf(providers), currentName, new BsonDocument());
  }

  /** The names of the providers other than the current one: data keys wrapped by them are re-wrapped at start. */
  List<String> previous() {
    return providers.keySet().stream().filter(name -> !name.equals(current)).sorted().toList();
  }

  /** A local key's provider name: {@code local:} and the first 12 hex digits of its SHA-256 (never the key). */
  static String name(byte[] key) {
    try {
      return "local:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Reads a local master key; the current one is created (96 random bytes, readable by the owner only, in a directory
   * only the owner may enter) when missing.
   */
  static byte[] localKey(Path file, boolean createWhenMissing) {
    Path path = file.toAbsolutePath().normalize();
    try {
      if (createWhenMissing && !Files.exists(path)) {
        OwnerOnly.createDirectories(path.getParent());
        byte[] key = new byte[LOCAL_KEY_BYTES];
        new SecureRandom().nextBytes(key);
        // Written whole and forced to the disk under another name, then linked into place (a link never replaces a
        // file): a crash leaves no half-written key, and two starts at once end with one key, the first one's.
        Path partial = path.resolveSibling(path.getFileName() + "." + java.util.UUID.randomUUID() + ".partial");
        try (var out = java.nio.channels.FileChannel.open(OwnerOnly.createFile(partial), StandardOpenOption.WRITE)) {
          out.write(java.nio.ByteBuffer.wrap(key));
          out.force(true);
        }
        try {
          try {
            Files.createLink(path, partial);
          } catch (UnsupportedOperationException noLinks) {
            Files.move(partial, path);
          }
        } catch (FileAlreadyExistsException racing) {
          // another start created it first: use that one
        } finally {
          Files.deleteIfExists(partial);
        }
      }
      byte[] key = Files.readAllBytes(path);
      if (key.length != LOCAL_KEY_BYTES) {
        throw new IllegalStateException("The master key file " + path + " must hold exactly " + LOCAL_KEY_BYTES
            + " bytes; it holds " + key.length);
      }
      if (OwnerOnly.posix(path) && !Files.getPosixFilePermissions(path).equals(
          PosixFilePermissions.fromString("rw-------")) && !Files.getPosixFilePermissions(path).equals(
          PosixFilePermissions.fromString("r--------"))) {
        throw new IllegalStateException("The master key file " + path + " may be readable by others ("
            + PosixFilePermissions.toString(Files.getPosixFilePermissions(path)) + "): chmod 600 it");
      }
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the master key file " + path, e);
    }
  }

  @Override
  public String toString() {
    return "MasterKeys[" + current + ", " + previous() + "]";
  }
}
