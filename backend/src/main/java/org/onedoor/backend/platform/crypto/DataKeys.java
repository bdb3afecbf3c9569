package org.onedoor.backend.platform.crypto;

import static com.mongodb.client.model.Filters.ne;

import com.mongodb.MongoClientSettings;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.vault.DataKeyOptions;
import com.mongodb.client.model.vault.RewrapManyDataKeyOptions;
import com.mongodb.client.model.vault.RewrapManyDataKeyResult;
import com.mongodb.client.vault.ClientEncryption;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data key of personal fields: created once (the key vault refuses a second key of the same name, so two
 * instances starting together end with one), and re-wrapped at start under the current master key when it is wrapped
 * by another (key rotation: the data key itself, and so every stored ciphertext, stays the same).
 */
final class DataKeys {

  private static final Logger log = LoggerFactory.getLogger(DataKeys.class);
  /** The mark, kept apart from the key vault, that this store has a data key (and which). */
  private static final String DATA_KEY = "data-key";

  private final ClientEncryption encryption;
  private final MasterKeys keys;
  private final MongoClientSettings store;
  private final String database;
  private final String collection;

  DataKeys(ClientEncryption encryption, MasterKeys keys, MongoClientSettings store, String database,
      String collection) {
    this.encryption = encryption;
    this.keys = keys;
    this.store = store;
    this.database = database;
    this.collection = collection;
  }

  void prepare() {
    try (MongoClient client = MongoClients.create(store)) {
      MongoCollection<Document> vault = client.getDatabase(database).getCollection(collection);
      vault.createIndex(Indexes.ascending("keyAltNames"), new IndexOptions().unique(true).sparse(true)
          .name("keyAltNames_unique"));
      MongoCollection<Document> state = client.getDatabase(database).getCollection(PlainValues.STATE);
      BsonDocument key = encryption.getKeyByAltName(PersonalData.KEY);
      if (key == null) {
        Document known = state.find(new Document("_id", DATA_KEY)).first();
        // Another instance starting at the same moment may have made the key (and then the mark) since the look-up.
        if (known != null && (key = encryption.getKeyByAltName(PersonalData.KEY)) == null) {
          // The store was encrypted under a data key the vault no longer holds (its collection dropped, restored
          // without it): a new key would read none of it and mix two keys. Refuse, and say what is missing.
          throw new IllegalStateException("The key vault (" + collection + ") no longer holds the data key of "
              + "personal fields (" + known.get("keyId") + ") that this store's personal data is encrypted with: "
              + "restore the collection " + collection + " from the backup taken with the data. Without it, nothing "
              + "encrypted can be read.");
        }
        if (key == null) {
          create();
          key = encryption.getKeyByAltName(PersonalData.KEY);
        }
      }
      state.replaceOne(new Document("_id", DATA_KEY), new Document("_id", DATA_KEY).append("keyId",
          java.util.HexFormat.of().formatHex(key.getBinary("_id").getData())),
          new com.mongodb.client.model.ReplaceOptions().upsert(true));
      rotate(vault);
    }
  }

  private void create() {
    DataKeyOptions options = new DataKeyOptions().keyAltNames(List.of(PersonalData.KEY));
    if (!keys.masterKey().isEmpty()) {
      options.masterKey(keys.masterKey());
    }
    try {
      encryption.createDataKey(keys.current(), options);
      log.info("Created the data key of personal fields, wrapped by {}", keys.current());
    } catch (MongoWriteException racing) {
      if (encryption.getKeyByAltName(PersonalData.KEY) == null) {
        throw racing;
      }
    }
  }

  /** Re-wraps the data keys that another master key wraps; logs how many. */
  private void rotate(MongoCollection<Document> vault) {
    Bson stale = keys.masterKey().isEmpty() ? ne("masterKey.provider", keys.current())
        : staleUnder(keys.current(), keys.masterKey());
    if (vault.countDocuments(stale) == 0) {
      return;
    }
    for (Document key : vault.find(stale)) {
      String provider = key.get("masterKey", Document.class).getString("provider");
      if (!keys.providers().containsKey(provider)) {
        throw new IllegalStateException("The data key of personal fields is wrapped by master key " + provider
            + ", which this start does not have: set onedoor.encryption.key-file (ONEDOOR_MASTER_KEY_FILE) to that"
            + " key's file, or name it in onedoor.encryption.previous-key-files to rotate to a new key."
            + " Without it, nothing encrypted can be read.");
      }
    }
    RewrapManyDataKeyOptions options = new RewrapManyDataKeyOptions().provider(keys.current());
    if (!keys.masterKey().isEmpty()) {
      options.masterKey(keys.masterKey());
    }
    RewrapManyDataKeyResult result = encryption.rewrapManyDataKey(stale.toBsonDocument(), options);
    long rewrapped = result.getBulkWriteResult() == null ? 0 : result.getBulkWriteResult().getModifiedCount();
    log.info("Re-wrapped {} data key(s) under master key {}. Keep the previous master key as long as any backup "
        + "taken before now is kept: restoring one needs it", rewrapped, keys.current());
  }

  /** Data keys of another provider, or of this KMS but another key. */
  private static Bson staleUnder(String provider, BsonDocument masterKey) {
    List<Bson> differs = new java.util.ArrayList<>();
    differs.add(ne("masterKey.provider", provider));
    masterKey.forEach((name, value) -> differs.add(ne("masterKey." + name, value)));
    return com.mongodb.client.model.Filters.or(differs);
  }
}
