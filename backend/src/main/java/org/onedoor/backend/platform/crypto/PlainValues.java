package org.onedoor.backend.platform.crypto;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.ExplicitEncrypted;
import org.springframework.stereotype.Component;

/**
 * Personal values an earlier version stored in plain in fields that are encrypted now — a store written before field
 * encryption, or before a field was added to the encrypted ones — found and encrypted in place at start, before the
 * store serves. {@code encryption_state} remembers which encrypted fields a sweep has covered: a start sweeps again
 * only when that set grew (a release that encrypts one more field). Instances of an earlier version cannot read what
 * is encrypted, so such a release is not rolled out alongside them (README).
 *
 * <p>Each document of a collection whose records have encrypted fields is read as its record and written again
 * through the same converter that encrypts; where the stored value is plain and the written one is ciphertext, that
 * path alone is set — other fields (and fields the record does not know) stay as they are — on the condition that the
 * stored value is still the plain one read, so a writer who changed it meanwhile wins.
 */
@Component
public class PlainValues implements SmartInitializingSingleton {

  static final String STATE = "encryption_state";
  static final String SWEPT = "plain-values-swept";
  private static final Logger log = LoggerFactory.getLogger(PlainValues.class);

  private final MongoTemplate mongo;
  private final Clock clock;
  private final List<Class<?>> records;
  private final Set<String> encryptedNames = new HashSet<>();
  private final java.util.SortedSet<String> encryptedFields = new java.util.TreeSet<>();

  PlainValues(MongoTemplate mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
    this.records = stored();
  }

  /** At start, before the store serves: the sweep, when the encrypted fields are not those the last sweep covered. */
  @Override
  public void afterSingletonsInstantiated() {
    try {
      Document swept = mongo.getCollection(STATE).find(new Document("_id", SWEPT)).first();
      List<String> fields = List.copyOf(encryptedFields);
      if (swept != null && fields.equals(swept.getList("fields", String.class))) {
        return;
      }
      Swept done = sweep();
      if (done.failed() > 0) {
        // Not marked: the next start tries those documents again.
        return;
      }
      mongo.getCollection(STATE).replaceOne(new Document("_id", SWEPT), new Document("_id", SWEPT)
          .append("at", Date.from(clock.instant())).append("documents", done.changed()).append("fields", fields),
          new com.mongodb.client.model.ReplaceOptions().upsert(true));
    } catch (RuntimeException failed) {
      // The store serves as it is; the next start sweeps again.
      log.warn("Encrypting the plain personal values an earlier version wrote did not finish (the next start tries "
          + "again): {}", failed.getClass().getSimpleName());
    }
  }

  /**
   * What a sweep did.
   *
   * @param changed documents whose plain values were encrypted
   * @param failed documents that could not be read as their record, or not written (left as they were)
   */
  public record Swept(long changed, long failed) {
  }

  /** Encrypts every plain value of an encrypted field in the store. */
  public Swept sweep() {
    long changed = 0;
    long failed = 0;
    for (Class<?> type : records) {
      String collection = mongo.getCollectionName(type);
      for (Document stored : mongo.getCollection(collection).find()) {
        if (!mayHoldPlain(stored)) {
          continue;
        }
        try {
          changed += encrypt(type, collection, stored) ? 1 : 0;
        } catch (RuntimeException notDone) {
          failed++;
        }
      }
    }
    if (changed > 0 || failed > 0) {
      log.info("Encrypted the plain personal values of {} document(s) an earlier version wrote; {} could not be "
          + "read as their record or written, stay as they are and are tried again at the next start", changed,
          failed);
    }
    return new Swept(changed, failed);
  }

  private boolean encrypt(Class<?> type, String collection, Document stored) {
    Object record = mongo.getConverter().read(type, stored);
    Document written = new Document();
    mongo.getConverter().write(record, written);
    Map<String, Object> encrypted = new LinkedHashMap<>();
    Map<String, Object> plain = new LinkedHashMap<>();
    differences("", stored, written, encrypted, plain);
    if (encrypted.isEmpty()) {
      return false;
    }
    Document unchanged = new Document("_id", stored.get("_id"));
    plain.forEach(unchanged::append);
    return mongo.getCollection(collection).updateOne(unchanged, new Document("$set", new Document(encrypted)))
        .getModifiedCount() == 1;
  }

  /** The paths where the stored value is plain and the written one ciphertext. */
  private static void differences(String path, Document stored, Document written, Map<String, Object> encrypted,
      Map<String, Object> plain) {
    for (Map.Entry<String, Object> entry : written.entrySet()) {
      Object was = stored.get(entry.getKey());
      compare(path + entry.getKey(), was, entry.getValue(), encrypted, plain);
    }
  }

  private static void compare(String path, Object was, Object now, Map<String, Object> encrypted,
      Map<String, Object> plain) {
    if (was == null) {
      return;
    }
    if (ciphertext(now) && !ciphertext(was)) {
      encrypted.put(path, now);
      plain.put(path, was);
    } else if (now instanceof Document nowDocument && was instanceof Document wasDocument) {
      differences(path + ".", wasDocument, nowDocument, encrypted, plain);
    } else if (now instanceof List<?> nowList && was instanceof List<?> wasList && nowList.size() == wasList.size()) {
      for (int i = 0; i < nowList.size(); i++) {
        compare(path + "." + i, wasList.get(i), nowList.get(i), encrypted, plain);
      }
    }
  }

  /** Ciphertext as the converter writes it (a BSON binary) or as the store gives it back. */
  private static boolean ciphertext(Object value) {
    return value instanceof Binary || value instanceof org.bson.BsonBinary;
  }

  /** Whether a field that is encrypted by name holds something other than ciphertext, anywhere in the document. */
  private boolean mayHoldPlain(Object value) {
    if (value instanceof Document document) {
      for (Map.Entry<String, Object> entry : document.entrySet()) {
        Object inner = entry.getValue();
        if (encryptedNames.contains(entry.getKey()) && inner != null && !ciphertext(inner)
            && !(inner instanceof Document) && !(inner instanceof List)) {
          return true;
        }
        if (mayHoldPlain(inner)) {
          return true;
        }
      }
    } else if (value instanceof List<?> list) {
      for (Object item : list) {
        if (mayHoldPlain(item)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The stored records (@Document) that hold an encrypted field, themselves or in what they contain. */
  private List<Class<?>> stored() {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(org.springframework.data.mongodb.core.mapping.Document.class));
    List<Class<?>> found = new ArrayList<>();
    for (var candidate : scanner.findCandidateComponents("org.onedoor.backend")) {
      Class<?> type;
      try {
        type = Class.forName(candidate.getBeanClassName(), false, PlainValues.class.getClassLoader());
      } catch (ClassNotFoundException missing) {
        throw new IllegalStateException(missing);
      }
      if (encrypts(type, new HashSet<>())) {
        found.add(type);
      }
    }
    return found;
  }

  private boolean encrypts(Class<?> type, Set<Class<?>> seen) {
    if (type == null || !type.getName().startsWith("org.onedoor.") || !seen.add(type)) {
      return false;
    }
    boolean any = false;
    if (type.isSealed()) {
      for (Class<?> variant : type.getPermittedSubclasses()) {
        any |= encrypts(variant, seen);
      }
    }
    for (Field field : type.getDeclaredFields()) {
      if (java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
        continue;
      }
      if (field.isAnnotationPresent(ExplicitEncrypted.class)) {
        encryptedNames.add(field.getName());
        encryptedFields.add(type.getName() + "." + field.getName());
        any = true;
      }
      any |= encrypts(field.getType(), seen);
      Type generic = field.getGenericType();
      if (generic instanceof ParameterizedType parameterized) {
        for (Type argument : parameterized.getActualTypeArguments()) {
          if (argument instanceof Class<?> element) {
            any |= encrypts(element, seen);
          }
        }
      }
    }
    return any;
  }
}
