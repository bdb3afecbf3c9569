package org.onedoor.backend.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.BsonBinarySubType;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.casefiles.CaseFile;
import org.onedoor.backend.casefiles.Cause;
import org.onedoor.backend.casefiles.Consent;
import org.onedoor.backend.casefiles.Guardian;
import org.onedoor.backend.casefiles.Guardianship;
import org.onedoor.backend.casefiles.ParentsSituation;
import org.onedoor.backend.casefiles.Sex;
import org.onedoor.backend.support.TestApps;
import org.onedoor.backend.support.TestStore;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Personal fields leave the process encrypted by the driver, on the embedded store and on MongoDB alike: the store
 * holds ciphertext, staff read plain text, an ID number or a whole name is still found by equality, and a rotated
 * master key re-wraps the data key at start so that everything written before reads back.
 */
class FieldEncryptionIntegrationTest {

  private static final String NAME = "孟小燕";
  private static final String NATIONAL_ID = "230381201503041226";

  @Test
  void personal_fields_are_ciphertext_in_the_store_plain_to_the_application_and_found_by_equality() throws Exception {
    Map<String, Object> store = store();
    Path keyFile = Path.of(store.get("onedoor.encryption.key-file").toString());
    try (ConfigurableApplicationContext app = TestApps.start(store)) {
      MongoTemplate mongo = app.getBean(MongoTemplate.class);
      mongo.insert(file("enc-1"));

      Document raw = mongo.findById("enc-1", Document.class, "case_files");
      for (Object value : List.of(raw.get("name"), raw.get("nationalId"), raw.get("address"),
          raw.get("householdRegistration"), guardian(raw).get("name"), guardian(raw).get("phone"))) {
        // Tagged as ciphertext on MongoDB; as generic binary on the wire-protocol server, whose decoder refuses 6.
        assertThat(value).isInstanceOfSatisfying(Binary.class, binary -> assertThat(binary.getType()).isEqualTo(
            (TestStore.real() ? BsonBinarySubType.ENCRYPTED : BsonBinarySubType.BINARY).getValue()));
      }
      assertThat(raw.getString("townshipId")).as("what is not personal stays plain").isEqualTo("hulin-town");
      assertThat(raw.toJson()).doesNotContain(NAME, NATIONAL_ID, "13812345678", "孟秀兰", "新华村三组");

      CaseFile read = mongo.findById("enc-1", CaseFile.class);
      assertThat(read.name()).isEqualTo(NAME);
      assertThat(read.address()).isEqualTo("新华村三组12号");
      assertThat(read.guardianship().guardians().getFirst()).extracting(Guardian::name, Guardian::phone)
          .containsExactly("孟秀兰", "13812345678");
      assertThat(mongo.find(query(where("name").is(NAME)), CaseFile.class)).extracting(CaseFile::id)
          .as("a whole name is found").containsExactly("enc-1");
      assertThat(mongo.find(query(where("nationalId").is(NATIONAL_ID)), CaseFile.class)).extracting(CaseFile::id)
          .as("an ID number is found").containsExactly("enc-1");
      assertThat(mongo.find(query(where("name").is("孟小")), CaseFile.class)).isEmpty();

      mongo.insert(file("enc-2"));
      Document other = mongo.findById("enc-2", Document.class, "case_files");
      assertThat(other.get("name")).as("a findable field: the same value, the same ciphertext")
          .isEqualTo(raw.get("name"));
      assertThat(guardian(other).get("phone")).as("a sealed field: a fresh ciphertext every time")
          .isNotEqualTo(guardian(raw).get("phone"));

      List<Document> keys = mongo.findAll(Document.class, "encryption_keys");
      assertThat(keys).hasSize(1);
      assertThat(keys.getFirst().getList("keyAltNames", String.class)).containsExactly(PersonalData.KEY);
    }
    assertThat(Files.size(keyFile)).isEqualTo(96);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile.getParent())))
        .isEqualTo("rwx------");
  }

  @Test
  void a_change_written_as_an_update_is_encrypted_as_a_whole_file_is() {
    try (ConfigurableApplicationContext app = TestApps.start(store())) {
      MongoTemplate mongo = app.getBean(MongoTemplate.class);
      mongo.insert(file("upd-1"));
      // As CaseFiles and GuardianConsents write a change: a field, a section, a consent pushed.
      mongo.updateFirst(query(where("_id").is("upd-1")), new Update().set("address", "东方红镇二组7号")
          .set("householdRegistration", "黑龙江省虎林市东方红镇")
          .set("guardianship", new Guardianship(ParentsSituation.AT_HOME,
              List.of(new Guardian("徐桂英", "母亲", "13987654321")), null))
          .push("consents", new Consent("c-1", "徐桂英", "母亲", Instant.now(), LocalDate.now().plusYears(1), null)),
          CaseFile.class);

      Document raw = mongo.findById("upd-1", Document.class, "case_files");
      assertThat(raw.toJson()).doesNotContain("东方红镇二组", "徐桂英", "13987654321", "黑龙江省虎林市东方红镇");
      assertThat(raw.get("address")).isInstanceOf(Binary.class);
      assertThat(guardian(raw).get("name")).isInstanceOf(Binary.class);
      assertThat(raw.getList("consents", Document.class).getFirst().get("givenBy")).isInstanceOf(Binary.class);
      CaseFile read = mongo.findById("upd-1", CaseFile.class);
      assertThat(read.address()).isEqualTo("东方红镇二组7号");
      assertThat(read.guardianship().guardians().getFirst().phone()).isEqualTo("13987654321");
      assertThat(read.consents().getFirst().givenBy()).isEqualTo("徐桂英");
    }
  }

  @Test
  void a_new_master_key_rewraps_the_data_key_at_start_and_everything_written_before_reads_back() throws Exception {
    Map<String, Object> store = store();
    Path first = Path.of(store.get("onedoor.encryption.key-file").toString());
    String firstProvider;
    try (ConfigurableApplicationContext app = TestApps.start(store)) {
      MongoTemplate mongo = app.getBean(MongoTemplate.class);
      mongo.insert(file("rot-1"));
      firstProvider = provider(mongo);
    }
    assertThat(firstProvider).startsWith("local:");

    // The operator adds a new key and names the old one as previous: the start re-wraps.
    Path second = TestStore.newDataDir().resolve("second.key");
    store.put("onedoor.encryption.key-file", second.toString());
    store.put("onedoor.encryption.previous-key-files", first.toString());
    String secondProvider;
    try (ConfigurableApplicationContext app = TestApps.start(store)) {
      MongoTemplate mongo = app.getBean(MongoTemplate.class);
      secondProvider = provider(mongo);
      assertThat(mongo.findById("rot-1", CaseFile.class).name()).isEqualTo(NAME);
      mongo.insert(file("rot-2"));
    }
    assertThat(secondProvider).startsWith("local:").isNotEqualTo(firstProvider);

    // The old key removed: both files still read, and are still found by name.
    store.remove("onedoor.encryption.previous-key-files");
    Files.delete(first);
    try (ConfigurableApplicationContext app = TestApps.start(store)) {
      MongoTemplate mongo = app.getBean(MongoTemplate.class);
      assertThat(mongo.find(query(where("name").is(NAME)), CaseFile.class)).extracting(CaseFile::id)
          .containsExactlyInAnyOrder("rot-1", "rot-2");
      assertThat(provider(mongo)).isEqualTo(secondProvider);
    }

    // A start with a key that wraps nothing here refuses, rather than write data no one could read with the other.
    store.put("onedoor.encryption.key-file", TestStore.newDataDir().resolve("stranger.key").toString());
    assertThatThrownBy(() -> TestApps.start(store).close())
        .hasStackTraceContaining("wrapped by master key " + secondProvider + ", which this start does not have");
  }

  @Test
  void a_store_an_earlier_version_wrote_in_plain_is_encrypted_in_place_at_the_next_start_and_reads_the_same() {
    Map<String, Object> store = store();
    try (ConfigurableApplicationContext app = TestApps.start(store)) {
      MongoTemplate mongo = app.getBean(MongoTemplate.class);
      // As the version before field encryption wrote them: plain values, and a field no record knows.
      mongo.insert(new Document("_id", "old-1").append("version", 3L).append("name", NAME)
          .append("sex", "FEMALE").append("birthDate", java.util.Date.from(Instant.parse("2015-03-04T00:00:00Z")))
          .append("nationalId", NATIONAL_ID).append("townshipId", "hulin-town")
          .append("villageId", "hulin-town-xinhua").append("address", "新华村三组12号").append("causes",
              List.of("POVERTY")).append("riskTier", 2).append("guardianship", new Document("parents",
              "BOTH_AWAY_FOR_WORK").append("guardians", List.of(new Document("name", "孟秀兰")
              .append("relationship", "祖母").append("phone", "13812345678"))))
          .append("condition", new Document("category", "SERIOUS_ILLNESS").append("type", "先天性心脏病"))
          .append("draft", false).append("legacyMark", "kept"), "case_files");
      mongo.insert(new Document("_id", "chain-old").append("version", 1L).append("intakeId", "in-old")
          .append("townshipId", "hulin-town").append("immediateDanger", false).append("closed", true)
          .append("assessmentPending", false).append("steps", List.of(new Document(
              "_class", "org.onedoor.backend.safety.StepRecord$ChildSeen").append("seenBy", "派出所 王警官")
              .append("note", "右臂有淤青"))), "safety_cases");
      // The store as an earlier version left it: never swept.
      mongo.remove(query(where("_id").is(PlainValues.SWEPT)), PlainValues.STATE);
    }
    try (ConfigurableApplicationContext app = TestApps.start(store)) {
      MongoTemplate mongo = app.getBean(MongoTemplate.class);
      Document file = mongo.findById("old-1", Document.class, "case_files");
      for (Object value : List.of(file.get("name"), file.get("nationalId"), file.get("address"),
          guardian(file).get("name"), guardian(file).get("phone"),
          file.get("condition", Document.class).get("type"))) {
        assertThat(value).isInstanceOf(Binary.class);
      }
      assertThat(file.toJson()).doesNotContain(NAME, NATIONAL_ID, "孟秀兰", "13812345678", "新华村三组", "先天性心脏病");
      assertThat(file).as("what is not encrypted, or not known, is left as it was").containsEntry("legacyMark", "kept")
          .containsEntry("version", 3L).containsEntry("townshipId", "hulin-town");
      Document step = mongo.findById("chain-old", Document.class, "safety_cases").getList("steps", Document.class)
          .getFirst();
      assertThat(step.get("note")).isInstanceOf(Binary.class);
      assertThat(step).containsEntry("seenBy", "派出所 王警官");

      CaseFile read = mongo.findById("old-1", CaseFile.class);
      assertThat(read.name()).isEqualTo(NAME);
      assertThat(read.guardianship().guardians().getFirst().phone()).isEqualTo("13812345678");
      assertThat(read.condition().type()).isEqualTo("先天性心脏病");
      assertThat(mongo.find(query(where("name").is(NAME)), CaseFile.class)).extracting(CaseFile::id)
          .as("found by name as a file written encrypted is").containsExactly("old-1");
      assertThat(app.getBean(PlainValues.class).sweep()).as("nothing plain is left")
          .isEqualTo(new PlainValues.Swept(0, 0));
    }
  }

  @Test
  void a_start_whose_key_vault_lost_the_data_key_refuses_rather_than_make_a_new_one() {
    Map<String, Object> store = store();
    try (ConfigurableApplicationContext app = TestApps.start(store)) {
      MongoTemplate mongo = app.getBean(MongoTemplate.class);
      mongo.insert(file("lost-1"));
      mongo.dropCollection("encryption_keys");
    }
    assertThatThrownBy(() -> TestApps.start(store).close())
        .hasStackTraceContaining("no longer holds the data key of personal fields");
  }

  private static Map<String, Object> store() {
    Map<String, Object> store = TestApps.freshStore();
    store.put("server.port", "0");
    return store;
  }

  private static String provider(MongoTemplate mongo) {
    List<Document> keys = mongo.findAll(Document.class, "encryption_keys");
    assertThat(keys).hasSize(1);
    return keys.getFirst().get("masterKey", Document.class).getString("provider");
  }

  private static Document guardian(Document file) {
    return file.get("guardianship", Document.class).getList("guardians", Document.class).getFirst();
  }

  private static CaseFile file(String id) {
    Instant now = Instant.now();
    return new CaseFile(id, 0, NAME, Sex.FEMALE, LocalDate.of(2015, 3, 4), NATIONAL_ID, "黑龙江省虎林市虎林镇",
        "hulin-town", "hulin-town-xinhua", "新华村三组12号", Set.of(Cause.POVERTY), 2,
        new Guardianship(ParentsSituation.BOTH_AWAY_FOR_WORK, List.of(new Guardian("孟秀兰", "祖母", "13812345678")),
            null), null, null, Set.of(), null, null, null, now, now, List.of(), false);
  }
}
