package org.onedoor.backend.identity;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The issuer's RSA signing keys, kept in MongoDB so that tokens stay valid across restarts and every backend instance
 * signs and verifies with the same keys — and rotated: when the newest key is older than the rotation period, the
 * first instance to notice makes a new one (one per period, so two instances cannot both), and signs with it from
 * then on. Older keys stay published (at the JWKS endpoint, and for the API's own checks) until every token they
 * signed has expired — the rotation period plus the longest token lifetime — and are then dropped. Every instance
 * reloads the keys every minute (more often for a short rotation period).
 */
final class SigningKeys implements JWKSource<SecurityContext> {

  static final String COLLECTION = "signing_keys";

  private final MongoTemplate mongo;
  private final String collection;
  private final Clock clock;
  private final Duration rotation;
  private final Duration retention;
  private final Duration reload;
  private volatile List<Stored> loaded = List.of();
  private volatile Instant loadedAt = Instant.MIN;

  /**
   * A key as stored.
   *
   * @param key the key
   * @param createdAt when it was made
   */
  record Stored(RSAKey key, Instant createdAt) {
  }

  /**
   * Keys in the issuer's collection.
   *
   * @param rotation how long a key signs before a new one is made
   * @param longestToken the longest lifetime of a token signed with these keys: how long a key stays published after
   *     it stops signing
   */
  SigningKeys(MongoTemplate mongo, Clock clock, Duration rotation, Duration longestToken) {
    this(mongo, COLLECTION, clock, rotation, longestToken);
  }

  SigningKeys(MongoTemplate mongo, String collection, Clock clock, Duration rotation, Duration longestToken) {
    this.mongo = mongo;
    this.collection = collection;
    this.clock = clock;
    this.rotation = rotation;
    this.retention = longestToken.plusMinutes(5);
    Duration quarter = rotation.dividedBy(4);
    this.reload = quarter.compareTo(Duration.ofMinutes(1)) < 0 ? quarter : Duration.ofMinutes(1);
    refresh();
  }

  /** Every key a token may still be signed with: the signing key and those retired less than a token ago. */
  @Override
  public List<JWK> get(JWKSelector selector, SecurityContext context) {
    List<JWK> found = selector.select(set(keys()));
    boolean askedForAKey = selector.getMatcher() != null && selector.getMatcher().getKeyIDs() != null
        && !selector.getMatcher().getKeyIDs().isEmpty();
    if (found.isEmpty() && askedForAKey && clock.instant().isAfter(loadedAt.plusSeconds(5))) {
      // A key made by another instance since the last reload: read again (at most every 5 seconds).
      refresh();
      found = selector.select(set(loaded));
    }
    return found;
  }

  private static JWKSet set(List<Stored> keys) {
    return new JWKSet(keys.stream().map(s -> (JWK) s.key()).toList());
  }

  /** The key that signs now: the newest. */
  RSAKey signingKey() {
    return keys().getFirst().key();
  }

  /** Only the signing key, for the token encoder. */
  JWKSource<SecurityContext> signing() {
    return (selector, context) -> selector.select(new JWKSet(signingKey()));
  }

  private List<Stored> keys() {
    if (clock.instant().isAfter(loadedAt.plus(reload)) || loaded.isEmpty()) {
      refresh();
    }
    return loaded;
  }

  /** Reads the keys, makes a new one when the newest is due, drops those no token can need any more. */
  synchronized void refresh() {
    Instant now = clock.instant();
    List<Stored> keys = read();
    if (keys.isEmpty() || !keys.getFirst().createdAt().plus(rotation).isAfter(now)) {
      create(now);
      keys = read();
    }
    List<Stored> published = new ArrayList<>();
    for (Stored key : keys) {
      // A key stops signing when the next one is made; it is kept while tokens it signed may still be presented.
      Instant retired = published.isEmpty() ? null : published.getLast().createdAt();
      if (retired == null || retired.plus(retention).isAfter(now)) {
        published.add(key);
      } else {
        mongo.remove(query(where("jwk").is(key.key().toJSONString())), collection);
      }
    }
    loaded = List.copyOf(published);
    loadedAt = now;
  }

  private void create(Instant now) {
    long period = now.toEpochMilli() / Math.max(1, rotation.toMillis());
    try {
      RSAKey created = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
      mongo.insert(new Document("_id", "period-" + period).append("jwk", created.toJSONString())
          .append("createdAt", Date.from(now)), collection);
    } catch (DuplicateKeyException anotherInstanceWasFaster) {
      // its key is the new one
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate a signing key", e);
    }
  }

  /** The stored keys, newest first (a key stored before rotation existed has the id "current"). */
  private List<Stored> read() {
    List<Stored> keys = new ArrayList<>();
    for (Document stored : mongo.find(new org.springframework.data.mongodb.core.query.Query()
        .with(Sort.by(Sort.Direction.DESC, "createdAt")), Document.class, collection)) {
      try {
        Date created = stored.getDate("createdAt");
        keys.add(new Stored(RSAKey.parse(stored.getString("jwk")),
            created == null ? Instant.EPOCH : created.toInstant()));
      } catch (ParseException e) {
        throw new IllegalStateException("a stored signing key is unreadable", e);
      }
    }
    keys.sort(Comparator.comparing(Stored::createdAt).reversed());
    return keys;
  }
}
