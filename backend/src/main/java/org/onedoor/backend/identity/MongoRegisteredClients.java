package org.onedoor.backend.identity;

import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.security.jackson.SecurityJacksonModules;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The embedded issuer's registered clients in MongoDB, shared by every backend instance. The portal's registration is
 * written from configuration at each start (so a changed secret or portal URL takes effect on the next start); the
 * secret is stored only as its hash. Settings are JSON written by Spring Security's Jackson modules.
 */
class MongoRegisteredClients implements RegisteredClientRepository {

  static final String COLLECTION = "oauth2_registered_clients";
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
  };

  private final MongoTemplate mongo;
  private final JsonMapper json;

  MongoRegisteredClients(MongoTemplate mongo) {
    this.mongo = mongo;
    this.json = JsonMapper.builder().addModules(SecurityJacksonModules.getModules(getClass().getClassLoader()))
        .build();
    mongo.indexOps(COLLECTION).createIndex(new Index().on("clientId", Sort.Direction.ASC).unique());
  }

  @Override
  public void save(RegisteredClient client) {
    Document stored = new Document("_id", client.getId())
        .append("clientId", client.getClientId())
        .append("clientIdIssuedAt", date(client.getClientIdIssuedAt()))
        .append("clientSecret", client.getClientSecret())
        .append("clientSecretExpiresAt", date(client.getClientSecretExpiresAt()))
        .append("clientName", client.getClientName())
        .append("authenticationMethods", client.getClientAuthenticationMethods().stream()
            .map(ClientAuthenticationMethod::getValue).sorted().toList())
        .append("grantTypes", client.getAuthorizationGrantTypes().stream().map(AuthorizationGrantType::getValue)
            .sorted().toList())
        .append("redirectUris", List.copyOf(client.getRedirectUris()))
        .append("postLogoutRedirectUris", List.copyOf(client.getPostLogoutRedirectUris()))
        .append("scopes", List.copyOf(client.getScopes()))
        .append("clientSettings", json.writeValueAsString(client.getClientSettings().getSettings()))
        .append("tokenSettings", json.writeValueAsString(client.getTokenSettings().getSettings()));
    mongo.getCollection(COLLECTION).replaceOne(new Document("_id", client.getId()), stored,
        new ReplaceOptions().upsert(true));
  }

  @Override
  public RegisteredClient findById(String id) {
    return read(mongo.getCollection(COLLECTION).find(new Document("_id", id)).first());
  }

  @Override
  public RegisteredClient findByClientId(String clientId) {
    return read(mongo.getCollection(COLLECTION).find(new Document("clientId", clientId)).first());
  }

  private RegisteredClient read(Document stored) {
    if (stored == null) {
      return null;
    }
    return RegisteredClient.withId(stored.getString("_id"))
        .clientId(stored.getString("clientId"))
        .clientIdIssuedAt(instant(stored.getDate("clientIdIssuedAt")))
        .clientSecret(stored.getString("clientSecret"))
        .clientSecretExpiresAt(instant(stored.getDate("clientSecretExpiresAt")))
        .clientName(stored.getString("clientName"))
        .clientAuthenticationMethods(methods -> stored.getList("authenticationMethods", String.class)
            .forEach(method -> methods.add(new ClientAuthenticationMethod(method))))
        .authorizationGrantTypes(grants -> stored.getList("grantTypes", String.class)
            .forEach(grant -> grants.add(new AuthorizationGrantType(grant))))
        .redirectUris(uris -> uris.addAll(stored.getList("redirectUris", String.class)))
        .postLogoutRedirectUris(uris -> uris.addAll(stored.getList("postLogoutRedirectUris", String.class)))
        .scopes(scopes -> scopes.addAll(stored.getList("scopes", String.class)))
        .clientSettings(ClientSettings.withSettings(json.readValue(stored.getString("clientSettings"), MAP)).build())
        .tokenSettings(TokenSettings.withSettings(json.readValue(stored.getString("tokenSettings"), MAP)).build())
        .build();
  }

  private static Date date(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
