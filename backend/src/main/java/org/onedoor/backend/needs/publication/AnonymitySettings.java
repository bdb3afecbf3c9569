package org.onedoor.backend.needs.publication;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How anonymous a published need must be.
 *
 * @param k the smallest number of children a published need's class (age band, sex, location, revealed cause) may
 *     contain; also the smallest count public statistics show exactly
 */
@org.springframework.modulith.NamedInterface("publication")
@ConfigurationProperties("onedoor.anonymity")
public record AnonymitySettings(@DefaultValue("5") int k) {

  public AnonymitySettings {
    if (k < 2) {
      throw new IllegalArgumentException("k must be at least 2");
    }
  }
}
