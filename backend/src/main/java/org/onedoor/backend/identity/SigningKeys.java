package org.onedoor.backend.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.text.ParseException;
import java.time.Clock;
import java.util.UUID;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The issuer's RSA signing key, kept in MongoDB so that tokens stay valid across restarts and every backend
 * instance signs and verifies with the same key. The first instance to start creates it; the others read it.
 */
final class SigningKeys {

  static final String COLLECTION = "signing_keys";
  private static final String CURRENT = "current";

  private SigningKeys() {
  }

  static RSAKey loadOrCreate(MongoTemplate mongo, Clock clock) {
    RSAKey existing = load(mongo);
    if (existing != null) {
      return existing;
    }
    try {
      RSAKey created = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
      mongo.insert(new Document("_id", CURRENT).append("jwk", created.toJSONString())
          .append("createdAt", java.util.Date.from(clock.instant())), COLLECTION);
      return created;
    } catch (DuplicateKeyException anotherInstanceWasFaster) {
      return load(mongo);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate the signing key", e);
    }
  }

  private static RSAKey load(MongoTemplate mongo) {
    Document stored = mongo.findById(CURRENT, Document.class, COLLECTION);
    if (stored == null) {
      return null;
    }
    try {
      return RSAKey.parse(stored.getString("jwk"));
    } catch (ParseException e) {
      throw new IllegalStateException("the stored signing key is unreadable", e);
    }
  }
}
