package org.onedoor.backend.platform.ratelimit;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Fixed-window rate limits kept in MongoDB, so that every backend instance behind a load balancer counts the same
 * window (one atomic upsert per attempt). Clients are counted by a hash of their address (an IPv6 address by its /64,
 * see {@link ClientAddresses}); the address itself is never stored. Windows expire through a TTL index.
 */
@Component
public class RateLimits {

  static final String COLLECTION = "rate_limits";

  private final MongoTemplate mongo;
  private final Clock clock;

  RateLimits(MongoTemplate mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
  }

  /**
   * Counts one attempt and says whether it is within the limit.
   *
   * @param bucket what is limited (e.g. "anonymous-intake")
   * @param client who (e.g. the IP address)
   * @param limit how many attempts a window allows
   * @param window the window's length
   */
  public boolean tryAcquire(String bucket, String client, int limit, Duration window) {
    Instant now = clock.instant();
    long windowIndex = now.toEpochMilli() / window.toMillis();
    String key = bucket + ":" + hash(ClientAddresses.counted(client)) + ":" + windowIndex;
    Document counter = mongo.findAndModify(query(where("_id").is(key)),
        new Update().inc("count", 1)
            .setOnInsert("expiresAt", Date.from(Instant.ofEpochMilli((windowIndex + 1) * window.toMillis()))),
        FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
    return counter != null && ((Number) counter.get("count")).intValue() <= limit;
  }

  private static String hash(String client) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(client.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
