package org.onedoor.backend.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.casefiles.CaseFile;
import org.onedoor.backend.casefiles.Guardian;
import org.onedoor.backend.platform.crypto.PersonalData;
import org.onedoor.backend.support.TestApps;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.ExplicitEncrypted;

/**
 * What a copied disk or a backup gives away: a demo store of 2,000 children is started, stopped, and the bytes of
 * its data directory and of a backup are searched for every ID number, phone, child's or guardian's name and
 * address of the demo register — none is there in plain text, while text that is not personal is (so the search
 * does see plain text). The directory and the files are the owner's alone.
 */
class StoreAtRestIntegrationTest {

  /** A caring family as the application reads it (decrypted): the register's own record is package-private. */
  record FamilyFace(@Id String id, @ExplicitEncrypted(algorithm = PersonalData.SEALED) String contactName,
      @ExplicitEncrypted(algorithm = PersonalData.SEALED) String phone,
      @ExplicitEncrypted(algorithm = PersonalData.SEALED) String address) {
  }

  /** A volunteer as the application reads it. */
  record VolunteerFace(@Id String id, @ExplicitEncrypted(algorithm = PersonalData.SEALED) String name,
      @ExplicitEncrypted(algorithm = PersonalData.SEALED) String phone) {
  }

  /** An organisation's contact as the application reads it. */
  record OrganisationFace(@Id String id, String name,
      @ExplicitEncrypted(algorithm = PersonalData.SEALED) String contactPerson,
      @ExplicitEncrypted(algorithm = PersonalData.SEALED) String contactPhone) {
  }

  @Test
  void a_demo_store_and_its_backup_hold_no_personal_value_of_the_register_in_plain_text_and_are_the_owners_alone()
      throws Exception {
    Map<String, Object> store = TestApps.freshStore();
    store.put("onedoor.mongodb.uri", "");
    store.put("server.port", "0");
    store.put("onedoor.demo.children", "2000");
    store.remove("onedoor.encryption.generic-ciphertext");
    Path dataDir = Path.of(store.get("onedoor.mongodb.data-dir").toString());
    Files.delete(dataDir);
    Path backup = Files.createTempDirectory("onedoor-backup").resolve("taken");
    Set<String> personal = new HashSet<>();
    Set<String> plain = new HashSet<>();
    try (ConfigurableApplicationContext app = TestApps.start(store, "demo")) {
      MongoTemplate mongo = app.getBean(MongoTemplate.class);
      for (CaseFile file : mongo.findAll(CaseFile.class)) {
        add(personal, file.name(), file.nationalId(), file.address(), file.householdRegistration());
        if (file.guardianship() != null) {
          for (Guardian guardian : file.guardianship().guardians()) {
            add(personal, guardian.name(), guardian.phone());
          }
        }
        file.consents().forEach(consent -> add(personal, consent.givenBy()));
        if (file.schooling() != null) {
          add(personal, file.schooling().school());
        }
      }
      mongo.findAll(FamilyFace.class, "caring_families").forEach(f -> add(personal, f.contactName(), f.phone(),
          f.address()));
      mongo.findAll(VolunteerFace.class, "volunteers").forEach(v -> add(personal, v.name(), v.phone()));
      mongo.findAll(OrganisationFace.class, "organisations").forEach(o -> {
        add(personal, o.contactPerson(), o.contactPhone());
        add(plain, o.name());
      });
      // What is not personal, and may hold a personal value by chance (a staff name, a place, an organisation).
      mongo.findAll(Document.class, "accounts").forEach(a -> add(plain, a.getString("displayName")));
      mongo.findAll(Document.class, "townships").forEach(t -> strings(t, plain));
      mongo.findAll(Document.class, "children_homes").forEach(h -> add(plain, h.getString("name")));
      assertThat(personal).as("the register was generated").hasSizeGreaterThan(5000);

      String token = Files.readString(dataDir.resolve("operator.token")).trim();
      HttpResponse<String> taken = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create("http://localhost:" + TestApps.port(app) + "/operator/backup"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .header("X-OneDoor-Operator-Token", token)
          .POST(HttpRequest.BodyPublishers.ofString("directory=" + URLEncoder.encode(backup.toString(),
              StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
    }
    Set<String> coincidences = new TreeSet<>();
    for (String value : personal) {
      if (plain.stream().anyMatch(text -> text.contains(value))) {
        coincidences.add(value);
      }
    }
    personal.removeAll(coincidences);
    assertThat(coincidences).as("personal values that are also public text, left out of the search")
        .hasSizeLessThan(personal.size() / 100);

    for (Path directory : List.of(dataDir, backup)) {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(directory)) {
        files = walk.filter(Files::isRegularFile).toList();
      }
      assertThat(files).isNotEmpty();
      assertThat(mode(directory)).as(directory.toString()).isEqualTo("rwx------");
      Set<String> found = new TreeSet<>();
      boolean sawPlainText = false;
      for (Path file : files) {
        assertThat(mode(file)).as(file.toString()).isEqualTo("rw-------");
        byte[] bytes = Files.readAllBytes(file);
        found.addAll(occurring(bytes, personal));
        sawPlainText |= !occurring(bytes, Set.of("虎林镇", "新华村")).isEmpty();
      }
      assertThat(sawPlainText).as("the search sees plain text in " + directory).isTrue();
      assertThat(found).as("personal values in plain text in " + directory).isEmpty();
    }
  }

  @Test
  void the_search_finds_each_value_written_in_plain_text_wherever_it_lies_and_nothing_else() {
    byte[] noise = new byte[200_000];
    new java.util.Random(7).nextBytes(noise);
    byte[] id = "230381201503041226".getBytes(StandardCharsets.UTF_8);
    byte[] name = "孟小燕".getBytes(StandardCharsets.UTF_8);
    System.arraycopy(id, 0, noise, 0, id.length);
    System.arraycopy(name, 0, noise, 123_457, name.length);
    System.arraycopy(name, 0, noise, noise.length - name.length, name.length);

    assertThat(occurring(noise, Set.of("230381201503041226", "孟小燕", "13812345678", "新华村三组12号")))
        .containsExactly("230381201503041226", "孟小燕");
  }

  private static void add(Set<String> values, String... candidates) {
    for (String candidate : candidates) {
      if (candidate != null && candidate.strip().length() >= 2) {
        values.add(candidate.strip());
      }
    }
  }

  private static void strings(Object value, Set<String> into) {
    if (value instanceof String text) {
      add(into, text);
    } else if (value instanceof Map<?, ?> map) {
      map.values().forEach(v -> strings(v, into));
    } else if (value instanceof List<?> list) {
      list.forEach(v -> strings(v, into));
    }
  }

  private static String mode(Path path) {
    try {
      return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The needles whose UTF-8 bytes occur in the haystack: one pass per needle length with a rolling hash, so that
   * thousands of needles are looked for in a store of tens of megabytes in about a second.
   */
  static Set<String> occurring(byte[] haystack, Set<String> needles) {
    Map<Integer, Map<Long, List<byte[]>>> byLength = new HashMap<>();
    for (String needle : needles) {
      byte[] bytes = needle.getBytes(StandardCharsets.UTF_8);
      byLength.computeIfAbsent(bytes.length, l -> new HashMap<>())
          .computeIfAbsent(hash(bytes, 0, bytes.length), h -> new ArrayList<>()).add(bytes);
    }
    Set<String> found = new TreeSet<>();
    final long base = 1_000_003L;
    for (var entry : byLength.entrySet()) {
      int length = entry.getKey();
      if (length > haystack.length) {
        continue;
      }
      long power = 1;
      for (int i = 1; i < length; i++) {
        power *= base;
      }
      long rolling = hash(haystack, 0, length);
      for (int start = 0; ; start++) {
        List<byte[]> candidates = entry.getValue().get(rolling);
        if (candidates != null) {
          for (byte[] candidate : candidates) {
            if (java.util.Arrays.equals(haystack, start, start + length, candidate, 0, length)) {
              found.add(new String(candidate, StandardCharsets.UTF_8));
            }
          }
        }
        if (start + length >= haystack.length) {
          break;
        }
        rolling = (rolling - (haystack[start] & 0xff) * power) * base + (haystack[start + length] & 0xff);
      }
    }
    return found;
  }

  private static long hash(byte[] bytes, int from, int length) {
    long hash = 0;
    for (int i = from; i < from + length; i++) {
      hash = hash * 1_000_003L + (bytes[i] & 0xff);
    }
    return hash;
  }
}
