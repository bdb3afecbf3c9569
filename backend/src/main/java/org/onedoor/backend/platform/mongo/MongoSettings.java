package org.onedoor.backend.platform.mongo;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the data lives.
 *
 * @param uri a real MongoDB connection string ({@code MONGODB_URI}); blank means the embedded server
 * @param database the database name used when the URI names none
 * @param dataDir the embedded server's data directory ({@code ONEDOOR_DATA_DIR})
 * @param durability when the embedded server acknowledges a write ({@code ONEDOOR_DURABILITY}); FSYNC by default
 */
@ConfigurationProperties("onedoor.mongodb")
public record MongoSettings(
    String uri,
    @DefaultValue("onedoor") String database,
    @DefaultValue("./data") Path dataDir,
    @DefaultValue("FSYNC") Durability durability) {

  /** True when no real MongoDB is configured and the embedded server must run. */
  public boolean embedded() {
    return uri == null || uri.isBlank();
  }
}
