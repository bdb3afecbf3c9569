package org.onedoor.backend.platform.mongo;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * Java time types through the driver's own codecs: dates are stored in UTC, so a date of birth reads back the same
 * on every server whatever its time zone.
 */
@Configuration(proxyBeanMethods = false)
class MongoMappingConfiguration {

  @Bean
  MongoCustomConversions mongoCustomConversions() {
    return MongoCustomConversions.create(conversions -> conversions.useNativeDriverJavaTimeCodecs());
  }
}
