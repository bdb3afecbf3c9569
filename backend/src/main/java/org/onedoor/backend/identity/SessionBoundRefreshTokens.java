package org.onedoor.backend.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * Refresh tokens that rotate with every use (each is good once) yet never outlive the sign-in they belong to: each
 * expires at the client's refresh-token lifetime or at the sign-in's start plus the session lifetime, whichever comes
 * first. When the session's time is up, the last refresh token has expired and the user signs in again. The start of
 * each sign-in is kept in the store by its authorization, so every instance agrees.
 */
class SessionBoundRefreshTokens implements OAuth2TokenGenerator<OAuth2RefreshToken> {

  static final String COLLECTION = "session_starts";

  private final MongoTemplate mongo;
  private final Clock clock;
  private final Duration lifetime;
  private final SecureRandom random = new SecureRandom();

  SessionBoundRefreshTokens(MongoTemplate mongo, Clock clock, Duration lifetime) {
    this.mongo = mongo;
    this.clock = clock;
    this.lifetime = lifetime;
    // A day after a session could last, its start is no longer needed (MongoDB drops it; the embedded store keeps it).
    mongo.indexOps(COLLECTION).createIndex(new org.springframework.data.mongodb.core.index.Index()
        .on("expiresAt", org.springframework.data.domain.Sort.Direction.ASC).expire(Duration.ZERO));
  }

  @Override
  public OAuth2RefreshToken generate(OAuth2TokenContext context) {
    if (!OAuth2TokenType.REFRESH_TOKEN.equals(context.getTokenType())
        || context.getRegisteredClient().getClientAuthenticationMethods().equals(
            java.util.Set.of(ClientAuthenticationMethod.NONE))) {
      return null; // refresh tokens for confidential clients only, as Spring's own generator does
    }
    Instant now = clock.instant();
    Instant expiresAt = now.plus(context.getRegisteredClient().getTokenSettings().getRefreshTokenTimeToLive());
    if (context.getAuthorization() != null) {
      Instant end = startOf(context.getAuthorization().getId(), now).plus(lifetime);
      if (end.isBefore(expiresAt)) {
        expiresAt = end.isAfter(now) ? end : now.plusSeconds(1);
      }
    }
    byte[] value = new byte[96];
    random.nextBytes(value);
    return new OAuth2RefreshToken(Base64.getUrlEncoder().withoutPadding().encodeToString(value), now, expiresAt);
  }

  /** When the sign-in this authorization belongs to began: recorded at its first refresh token. */
  private Instant startOf(String authorizationId, Instant now) {
    Document stored = mongo.findById(authorizationId, Document.class, COLLECTION);
    if (stored == null) {
      try {
        mongo.insert(new Document("_id", authorizationId).append("startedAt", Date.from(now))
            .append("expiresAt", Date.from(now.plus(lifetime).plus(Duration.ofDays(1)))), COLLECTION);
        return now;
      } catch (DuplicateKeyException anotherInstanceWasFaster) {
        stored = mongo.findById(authorizationId, Document.class, COLLECTION);
      }
    }
    return stored.getDate("startedAt").toInstant();
  }
}
