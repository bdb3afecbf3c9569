package org.onedoor.backend.platform.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.WriteConcern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One switch for the store: {@code MONGODB_URI} set means the real server (majority writes, retryable writes);
 * unset means the in-process MongoDB wire-protocol server with its H2 file backend, reached through the same driver.
 * See docs/decisions/001-embedded-store.md.
 */
@Configuration(proxyBeanMethods = false)
class MongoStoreConfiguration {

  private static final Logger log = LoggerFactory.getLogger(MongoStoreConfiguration.class);

  @Bean
  MongoConnectionDetails mongoConnectionDetails(MongoSettings settings, EmbeddedStore embedded) {
    if (settings.embedded()) {
      String uri = embedded.start(settings.dataDir(), settings.durability()) + "/" + settings.database();
      log.info("MongoDB store: embedded mongo-java-server (H2 file {})", embedded.file());
      return () -> new ConnectionString(uri);
    }
    ConnectionString real = new ConnectionString(settings.uri());
    ConnectionString withDatabase = real.getDatabase() != null ? real
        : new ConnectionString(withPathDatabase(settings.uri(), settings.database()));
    log.info("MongoDB store: {} (hosts {})", "real MongoDB", real.getHosts());
    return () -> withDatabase;
  }

  @Bean(destroyMethod = "stop")
  EmbeddedStore embeddedStore() {
    return new EmbeddedStore();
  }

  /** Majority write concern and retryable writes on a real server; the embedded one has a single node. */
  @Bean
  MongoClientSettingsBuilderCustomizer durableWrites(MongoSettings settings) {
    return builder -> {
      if (!settings.embedded()) {
        builder.writeConcern(WriteConcern.MAJORITY).retryWrites(true);
      }
    };
  }

  static String withPathDatabase(String uri, String database) {
    int query = uri.indexOf('?');
    String base = query < 0 ? uri : uri.substring(0, query);
    String params = query < 0 ? "" : uri.substring(query);
    int schemeEnd = base.indexOf("://") + 3;
    return (base.indexOf('/', schemeEnd) < 0 ? base + "/" : base) + database + params;
  }
}
