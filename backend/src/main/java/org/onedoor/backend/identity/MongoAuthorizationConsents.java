package org.onedoor.backend.identity;

import com.mongodb.client.model.ReplaceOptions;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;

/**
 * The embedded issuer's consents (which scopes a user granted a client) in MongoDB, one document per client and
 * user, shared by every backend instance. The portal is a first-party client that needs no consent screen, so today
 * only clients registered later would write here.
 */
class MongoAuthorizationConsents implements OAuth2AuthorizationConsentService {

  static final String COLLECTION = "oauth2_consents";

  private final MongoTemplate mongo;

  MongoAuthorizationConsents(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @Override
  public void save(OAuth2AuthorizationConsent consent) {
    String id = id(consent.getRegisteredClientId(), consent.getPrincipalName());
    Document stored = new Document("_id", id)
        .append("registeredClientId", consent.getRegisteredClientId())
        .append("principalName", consent.getPrincipalName())
        .append("authorities", consent.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted()
            .toList());
    mongo.getCollection(COLLECTION).replaceOne(new Document("_id", id), stored, new ReplaceOptions().upsert(true));
  }

  @Override
  public void remove(OAuth2AuthorizationConsent consent) {
    mongo.getCollection(COLLECTION).deleteOne(new Document("_id",
        id(consent.getRegisteredClientId(), consent.getPrincipalName())));
  }

  @Override
  public OAuth2AuthorizationConsent findById(String registeredClientId, String principalName) {
    Document stored = mongo.getCollection(COLLECTION).find(new Document("_id", id(registeredClientId, principalName)))
        .first();
    if (stored == null) {
      return null;
    }
    OAuth2AuthorizationConsent.Builder consent = OAuth2AuthorizationConsent.withId(registeredClientId, principalName);
    List<String> authorities = stored.getList("authorities", String.class, List.of());
    authorities.forEach(authority -> consent.authority(new SimpleGrantedAuthority(authority)));
    return consent.build();
  }

  private static String id(String registeredClientId, String principalName) {
    return registeredClientId + "\n" + principalName;
  }
}
