package org.onedoor.backend.platform.mongo;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The store's health, by a {@code ping} both the real server and the embedded one answer (Boot's own indicator
 * sends {@code hello}, which the embedded server does not know). Registered under Boot's name, replacing it.
 */
@Component("mongoHealthIndicator")
class StoreHealthIndicator extends AbstractHealthIndicator {

  private final MongoTemplate mongo;
  private final MongoSettings settings;

  StoreHealthIndicator(MongoTemplate mongo, MongoSettings settings) {
    super("MongoDB health check failed");
    this.mongo = mongo;
    this.settings = settings;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    Document answer = mongo.executeCommand(new Document("ping", 1));
    builder.status(answer.get("ok") instanceof Number ok && ok.doubleValue() == 1.0 ? "UP" : "DOWN")
        .withDetail("store", settings.embedded() ? "embedded" : "mongodb");
  }
}
