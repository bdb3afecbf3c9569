package org.onedoor.backend.platform.mongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's online backup of the embedded store ({@code bin/backup DIR}): {@code POST /operator/backup} with the
 * target directory, authorised by the operator token that the backend writes at start to
 * {@code <data dir>/operator.token} (readable by the account that runs the backend only). Whoever can read that file
 * can read the store itself, so the token grants nothing more; a caller on the network without it gets 403, whatever
 * its address (a reverse proxy on the same host must not make it local), and learns nothing else — not even which
 * store runs. On a real MongoDB there is no token (back it up with mongodump, see the README), so every call is 403.
 */
@RestController
class StoreOperatorController {

  static final String TOKEN_FILE = "operator.token";
  static final String TOKEN_HEADER = "X-OneDoor-Operator-Token";
  private static final Logger log = LoggerFactory.getLogger(StoreOperatorController.class);

  private final MongoSettings settings;
  private final EmbeddedStore store;
  private final Clock clock;
  private final byte[] token;

  StoreOperatorController(MongoSettings settings, EmbeddedStore store, Clock clock) {
    this.settings = settings;
    this.store = store;
    this.clock = clock;
    this.token = settings.embedded() ? writeToken(settings.dataDir()) : null;
  }

  @PostMapping("/operator/backup")
  ResponseEntity<Map<String, Object>> backup(@RequestHeader(name = TOKEN_HEADER, required = false) String given,
      @RequestParam(name = "directory", required = false) String directory) {
    if (token == null || given == null
        || !MessageDigest.isEqual(token, given.trim().getBytes(StandardCharsets.UTF_8))) {
      return answer(HttpStatus.FORBIDDEN, "The operator token is missing or wrong (see " + TOKEN_FILE
          + " in the data directory).");
    }
    if (directory == null || directory.isBlank() || !Path.of(directory).isAbsolute()) {
      return answer(HttpStatus.BAD_REQUEST, "Name the backup directory as an absolute path.");
    }
    try {
      Backups.Record taken = Backups.backup(store, Path.of(directory), clock.instant());
      log.info("Backup of the embedded store taken into {} ({} bytes)", taken.directory(), taken.bytes());
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("directory", taken.directory().toString());
      body.put("takenAt", taken.takenAt().toString());
      body.put("bytes", taken.bytes());
      body.put("sha256", taken.sha256());
      body.put("documents", taken.documents());
      return ResponseEntity.ok(body);
    } catch (Backups.BackupException e) {
      log.warn("Backup refused: {}", e.getMessage());
      return answer(HttpStatus.BAD_REQUEST, e.getMessage());
    }
  }

  private static ResponseEntity<Map<String, Object>> answer(HttpStatus status, String error) {
    return ResponseEntity.status(status).body(Map.of("error", error));
  }

  private static byte[] writeToken(Path dataDir) {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    String value = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Path file = dataDir.toAbsolutePath().normalize().resolve(TOKEN_FILE);
    try {
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(file);
      try {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException notPosix) {
        Files.createFile(file);
      }
      Files.writeString(file, value + "\n", StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the operator token " + file, e);
    }
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
