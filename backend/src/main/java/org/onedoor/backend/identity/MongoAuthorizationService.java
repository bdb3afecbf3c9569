package org.onedoor.backend.identity;

import com.mongodb.client.model.ReplaceOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.bson.Document;
import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.jackson.SecurityJacksonModules;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The embedded issuer's authorizations (sign-ins in progress, authorization codes, access, refresh and ID tokens) in
 * MongoDB, so that every backend instance serves every signed-in user and a restart signs nobody out. One document
 * per authorization, as Spring Authorization Server's JDBC service keeps one row: attributes and token metadata as
 * JSON written by Spring Security's own Jackson modules (which allow only known types back in). Look-ups by state
 * and by each token's value are indexed; an authorization leaves the store when its last token expired ({@code
 * expiresAt}: a TTL index on MongoDB, and a sweep every ten minutes for the embedded store, which ignores TTL).
 * Device-grant codes are not kept: the issuer offers no device grant.
 */
class MongoAuthorizationService implements OAuth2AuthorizationService {

  static final String COLLECTION = "oauth2_authorizations";
  /** How long a sign-in that has produced no token yet (only its state) is kept. */
  private static final Duration PENDING = Duration.ofMinutes(30);
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
  };

  private final MongoTemplate mongo;
  private final RegisteredClientRepository clients;
  private final Clock clock;
  private final JsonMapper json;

  MongoAuthorizationService(MongoTemplate mongo, RegisteredClientRepository clients, Clock clock) {
    this.mongo = mongo;
    this.clients = clients;
    this.clock = clock;
    this.json = JsonMapper.builder().addModules(SecurityJacksonModules.getModules(getClass().getClassLoader()))
        .build();
    var indexes = mongo.indexOps(COLLECTION);
    for (String field : List.of("state", "code.value", "access.value", "refresh.value", "oidc.value")) {
      indexes.createIndex(new Index().on(field, Sort.Direction.ASC).sparse());
    }
    indexes.createIndex(new Index().on("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO));
  }

  @Override
  public void save(OAuth2Authorization authorization) {
    Document stored = new Document("_id", authorization.getId())
        .append("registeredClientId", authorization.getRegisteredClientId())
        .append("principalName", authorization.getPrincipalName())
        .append("grantType", authorization.getAuthorizationGrantType().getValue())
        .append("scopes", List.copyOf(authorization.getAuthorizedScopes()))
        .append("attributes", json.writeValueAsString(authorization.getAttributes()))
        .append("state", authorization.<String>getAttribute(OAuth2ParameterNames.STATE));
    List<Instant> expiries = new ArrayList<>();
    put(stored, "code", authorization.getToken(OAuth2AuthorizationCode.class), expiries);
    OAuth2Authorization.Token<OAuth2AccessToken> access = authorization.getAccessToken();
    put(stored, "access", access, expiries);
    if (access != null) {
      stored.get("access", Document.class).append("type", access.getToken().getTokenType().getValue())
          .append("scopes", List.copyOf(access.getToken().getScopes()));
    }
    put(stored, "oidc", authorization.getToken(OidcIdToken.class), expiries);
    put(stored, "refresh", authorization.getRefreshToken(), expiries);
    Instant expiresAt = expiries.stream().max(Instant::compareTo).orElse(clock.instant().plus(PENDING));
    stored.append("expiresAt", Date.from(expiresAt));
    mongo.getCollection(COLLECTION).replaceOne(new Document("_id", authorization.getId()), stored,
        new ReplaceOptions().upsert(true));
  }

  private void put(Document stored, String field, OAuth2Authorization.Token<? extends OAuth2Token> token,
      List<Instant> expiries) {
    if (token == null) {
      return;
    }
    OAuth2Token value = token.getToken();
    Document part = new Document("value", value.getTokenValue())
        .append("issuedAt", value.getIssuedAt() == null ? null : Date.from(value.getIssuedAt()))
        .append("expiresAt", value.getExpiresAt() == null ? null : Date.from(value.getExpiresAt()))
        .append("metadata", json.writeValueAsString(token.getMetadata()));
    if (value.getExpiresAt() != null) {
      expiries.add(value.getExpiresAt());
    }
    stored.append(field, part);
  }

  @Override
  public void remove(OAuth2Authorization authorization) {
    mongo.getCollection(COLLECTION).deleteOne(new Document("_id", authorization.getId()));
  }

  @Override
  public OAuth2Authorization findById(String id) {
    return read(mongo.getCollection(COLLECTION).find(new Document("_id", id)).first());
  }

  @Override
  public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
    if (token == null || token.isEmpty()) {
      return null;
    }
    List<String> fields = tokenType == null
        ? List.of("state", "code.value", "access.value", "oidc.value", "refresh.value")
        : switch (tokenType.getValue()) {
          case OAuth2ParameterNames.STATE -> List.of("state");
          case OAuth2ParameterNames.CODE -> List.of("code.value");
          case OAuth2ParameterNames.ACCESS_TOKEN -> List.of("access.value");
          case OidcParameterNames.ID_TOKEN -> List.of("oidc.value");
          case OAuth2ParameterNames.REFRESH_TOKEN -> List.of("refresh.value");
          default -> List.of();
        };
    return fields.stream()
        .map(field -> mongo.getCollection(COLLECTION).find(new Document(field, token)).first())
        .filter(Objects::nonNull)
        .findFirst()
        .map(this::read)
        .orElse(null);
  }

  private OAuth2Authorization read(Document stored) {
    if (stored == null) {
      return null;
    }
    RegisteredClient client = clients.findById(stored.getString("registeredClientId"));
    if (client == null) {
      throw new DataRetrievalFailureException("The registered client of a stored authorization is gone");
    }
    Map<String, Object> attributes = json.readValue(stored.getString("attributes"), MAP);
    OAuth2Authorization.Builder builder = OAuth2Authorization.withRegisteredClient(client)
        .id(stored.getString("_id"))
        .principalName(stored.getString("principalName"))
        .authorizationGrantType(new AuthorizationGrantType(stored.getString("grantType")))
        .authorizedScopes(new HashSet<>(stored.getList("scopes", String.class, List.of())))
        .attributes(into -> into.putAll(attributes));
    if (stored.getString("state") != null) {
      builder.attribute(OAuth2ParameterNames.STATE, stored.getString("state"));
    }
    Document code = stored.get("code", Document.class);
    if (code != null) {
      builder.token(new OAuth2AuthorizationCode(code.getString("value"), instant(code, "issuedAt"),
          instant(code, "expiresAt")), metadata -> metadata.putAll(metadata(code)));
    }
    Document access = stored.get("access", Document.class);
    if (access != null) {
      OAuth2AccessToken.TokenType type = OAuth2AccessToken.TokenType.DPOP.getValue()
          .equalsIgnoreCase(access.getString("type")) ? OAuth2AccessToken.TokenType.DPOP
          : OAuth2AccessToken.TokenType.BEARER;
      Set<String> scopes = new HashSet<>(access.getList("scopes", String.class, List.of()));
      builder.token(new OAuth2AccessToken(type, access.getString("value"), instant(access, "issuedAt"),
          instant(access, "expiresAt"), scopes), metadata -> metadata.putAll(metadata(access)));
    }
    Document oidc = stored.get("oidc", Document.class);
    if (oidc != null) {
      Map<String, Object> metadata = metadata(oidc);
      @SuppressWarnings("unchecked")
      Map<String, Object> claims = (Map<String, Object>) metadata.get(OAuth2Authorization.Token.CLAIMS_METADATA_NAME);
      builder.token(new OidcIdToken(oidc.getString("value"), instant(oidc, "issuedAt"), instant(oidc, "expiresAt"),
          claims), into -> into.putAll(metadata));
    }
    Document refresh = stored.get("refresh", Document.class);
    if (refresh != null) {
      builder.token(new OAuth2RefreshToken(refresh.getString("value"), instant(refresh, "issuedAt"),
          instant(refresh, "expiresAt")), metadata -> metadata.putAll(metadata(refresh)));
    }
    return builder.build();
  }

  private Map<String, Object> metadata(Document token) {
    return json.readValue(token.getString("metadata"), MAP);
  }

  private static Instant instant(Document token, String field) {
    Date date = token.getDate(field);
    return date == null ? null : date.toInstant();
  }

  /** Removes the authorizations whose every token expired (the embedded store has no TTL indexes). */
  @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
  long sweep() {
    return mongo.remove(Query.query(Criteria.where("expiresAt").lt(clock.instant())), COLLECTION)
        .getDeletedCount();
  }
}
