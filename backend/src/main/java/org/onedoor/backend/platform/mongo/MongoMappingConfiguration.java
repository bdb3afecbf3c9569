package org.onedoor.backend.platform.mongo;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * Java time types through the driver's own codecs: dates are stored in UTC, so a date of birth reads back the same
 * on every server whatever its time zone. Property converters (the encryption of personal fields) are beans.
 */
@Configuration(proxyBeanMethods = false)
class MongoMappingConfiguration {

  /**
   * The conversions, with property converters taken from the context: personal fields are encrypted by the
   * converter bean {@code platform.crypto} declares.
   */
  @Bean
  MongoCustomConversions mongoCustomConversions(org.springframework.beans.factory.BeanFactory beans) {
    return MongoCustomConversions.create(conversions -> conversions.useNativeDriverJavaTimeCodecs()
        .registerPropertyValueConverterFactory(
            org.springframework.data.convert.PropertyValueConverterFactory.beanFactoryAware(beans)));
  }
}
