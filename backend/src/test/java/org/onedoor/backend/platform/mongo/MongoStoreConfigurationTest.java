package org.onedoor.backend.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MongoStoreConfigurationTest {

  @Test
  void a_blank_uri_means_the_embedded_store() {
    assertThat(new MongoSettings("", "onedoor", Path.of("data"), Durability.FSYNC).embedded()).isTrue();
    assertThat(new MongoSettings(null, "onedoor", Path.of("data"), Durability.FSYNC).embedded()).isTrue();
    assertThat(new MongoSettings("mongodb://db:27017", "onedoor", Path.of("data"), Durability.FSYNC).embedded()).isFalse();
  }

  @Test
  void a_uri_without_a_database_gets_the_configured_one_and_keeps_its_options() {
    assertThat(MongoStoreConfiguration.withPathDatabase("mongodb://db:27017/?replicaSet=rs0", "onedoor"))
        .isEqualTo("mongodb://db:27017/onedoor?replicaSet=rs0");
    assertThat(MongoStoreConfiguration.withPathDatabase("mongodb://a:1,b:2", "onedoor"))
        .isEqualTo("mongodb://a:1,b:2/onedoor");
  }
}
