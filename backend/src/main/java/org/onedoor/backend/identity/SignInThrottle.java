package org.onedoor.backend.identity;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Wrong passwords at the sign-in page, counted in the store (so every instance counts the same) per account and per
 * client address. After a wrong password the account's next attempt is not even checked for a while, and the while
 * doubles with every failure; after too many the account — or the address, whatever accounts it tries — is locked
 * for a time. An attempt refused this way
 * costs no password hash, so one client cannot make the server hash without bound. Every lock is audited (for an
 * account, in its history, which administrators read); an administrator can lift an account's lock.
 */
@Component
class SignInThrottle {

  static final String COLLECTION = "sign_in_failures";
  /** How long an account is held while its password is being checked (longer than any check takes). */
  private static final Duration CHECKING = Duration.ofSeconds(10);

  private final MongoTemplate mongo;
  private final SignInSettings settings;
  private final Clock clock;

  SignInThrottle(MongoTemplate mongo, SignInSettings settings, Clock clock) {
    this.mongo = mongo;
    this.settings = settings;
    this.clock = clock;
    mongo.indexOps(COLLECTION).createIndex(new Index().on("expiresAt", org.springframework.data.domain.Sort.Direction.ASC)
        .expire(Duration.ZERO));
  }

  /**
   * Claims the one password check the account may have now, atomically (so that parallel attempts for one account
   * get one check, not one each), unless the account or the address is held back or locked. While a check is under
   * way the account is held for a few seconds; {@link #failed} or {@link #succeeded} then settles it.
   */
  boolean claim(String username, String address) {
    Instant now = clock.instant();
    Document addressState = mongo.findById(addressKey(address), Document.class, COLLECTION);
    if (addressState != null && after(addressState, "lockedUntil", now)) {
      return false;
    }
    Criteria free = new Criteria().andOperator(
        new Criteria().orOperator(where("notBefore").exists(false), where("notBefore").lte(Date.from(now))),
        new Criteria().orOperator(where("lockedUntil").exists(false), where("lockedUntil").lte(Date.from(now))));
    try {
      Document claimed = mongo.findAndModify(query(where("_id").is(accountKey(username))).addCriteria(free),
          new Update().set("notBefore", Date.from(now.plus(CHECKING)))
              .setOnInsert("failures", 0).set("expiresAt", Date.from(now.plus(settings.lock()).plus(Duration.ofDays(1)))),
          FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
      return claimed != null;
    } catch (DuplicateKeyException heldByAnother) {
      return false; // the account exists in the collection and is held back or locked (or being checked)
    }
  }

  /** A wrong password: counts, delays the account's next attempt, locks after too many. */
  void failed(String username, String address) {
    count(accountKey(username), settings.maxFailures(), username);
    count(addressKey(address), settings.addressMaxFailures(), null);
  }

  /** A right password: the account's count starts again (the address's keeps counting down by itself). */
  void succeeded(String username) {
    mongo.remove(query(where("_id").is(accountKey(username))), COLLECTION);
  }

  /** Until when each of these accounts is locked, for those that are. */
  Map<String, Instant> locks(Collection<String> usernames) {
    Map<String, String> byKey = new LinkedHashMap<>();
    usernames.forEach(u -> byKey.put(accountKey(u), u));
    Map<String, Instant> locked = new LinkedHashMap<>();
    Instant now = clock.instant();
    mongo.find(query(where("_id").in(byKey.keySet())), Document.class, COLLECTION).forEach(state -> {
      if (after(state, "lockedUntil", now)) {
        locked.put(byKey.get(state.getString("_id")), state.getDate("lockedUntil").toInstant());
      }
    });
    return locked;
  }

  /** Lifts an account's lock and forgets its failures; whether it was locked. */
  boolean unlock(String username) {
    Document removed = mongo.findAndRemove(query(where("_id").is(accountKey(username))), Document.class,
        COLLECTION);
    return removed != null && after(removed, "lockedUntil", clock.instant());
  }

  private void count(String key, int max, String username) {
    Instant now = clock.instant();
    if (username == null) {
      // An address counts its failures within a window as long as a lock; an old window starts again (the store
      // may keep no expiry by itself).
      mongo.updateFirst(query(where("_id").is(key).and("windowStart").lt(Date.from(now.minus(settings.lock())))),
          new Update().set("failures", 0).set("windowStart", Date.from(now)), COLLECTION);
    }
    Document state = mongo.findAndModify(query(where("_id").is(key)), new Update().inc("failures", 1)
            .setOnInsert("windowStart", Date.from(now))
            .set("expiresAt", Date.from(now.plus(settings.lock()).plus(Duration.ofDays(1)))),
        FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
    int failures = state == null ? 1 : ((Number) state.get("failures")).intValue();
    if (failures >= max) {
      Instant until = now.plus(settings.lock());
      mongo.updateFirst(query(where("_id").is(key)), new Update().set("lockedUntil", Date.from(until))
          .set("failures", 0).unset("notBefore"), COLLECTION);
      audit(username, key, until, failures);
    } else if (username != null) {
      // The wait is per account only: one office behind one address must not wait for a colleague's typo.
      long factor = 1L << Math.min(failures - 1, 20);
      Duration delay = settings.firstDelay().multipliedBy(factor);
      if (delay.compareTo(settings.lock()) > 0) {
        delay = settings.lock();
      }
      mongo.updateFirst(query(where("_id").is(key)), new Update().set("notBefore", Date.from(now.plus(delay))),
          COLLECTION);
    }
  }

  private void audit(String username, String key, Instant until, int failures) {
    List<String> changes = new ArrayList<>(List.of("locked until " + until, failures + " wrong passwords in a row"));
    mongo.insert(new Document("username", username == null ? key : username).append("actor", "system")
        .append("at", Date.from(clock.instant())).append("action", username == null ? "ADDRESS_LOCKED" : "SIGN_IN_LOCKED")
        .append("changes", changes), StaffAccounts.AUDIT);
  }

  private static boolean after(Document state, String field, Instant now) {
    Date at = state.getDate(field);
    return at != null && at.toInstant().isAfter(now);
  }

  static String accountKey(String username) {
    return "account:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
  }

  /** A client address as counted: IPv4 whole, IPv6 by its /64 (one subscriber's whole range), hashed. */
  static String addressKey(String address) {
    return "address:" + hash(prefix(address));
  }

  static String prefix(String address) {
    return org.onedoor.backend.platform.ratelimit.ClientAddresses.counted(address);
  }

  private static String hash(String value) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(value.getBytes(StandardCharsets.UTF_8)), 0, 16);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
