package org.onedoor.backend.platform.graphql;

import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The key that seals cursors, kept in the store so that every instance behind a load balancer reads the cursors of
 * the others: the first instance to start makes it, the others load it. Losing it costs nothing but the cursors in
 * flight (a client then pages from the start).
 */
@Component
class CursorKey {

  static final String COLLECTION = "cursor_keys";
  private static final String CURRENT = "current";

  CursorKey(MongoTemplate mongo) {
    Document stored = mongo.findById(CURRENT, Document.class, COLLECTION);
    if (stored == null) {
      SecretKey created = Cursors.newKey();
      try {
        mongo.insert(new Document("_id", CURRENT)
            .append("aes", Base64.getEncoder().encodeToString(created.getEncoded())), COLLECTION);
        stored = mongo.findById(CURRENT, Document.class, COLLECTION);
      } catch (DuplicateKeyException anotherInstanceWasFaster) {
        stored = mongo.findById(CURRENT, Document.class, COLLECTION);
      }
    }
    Cursors.use(new SecretKeySpec(Base64.getDecoder().decode(stored.getString("aes")), "AES"));
  }
}
