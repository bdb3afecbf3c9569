package org.onedoor.backend.geography;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Where the city's townships and villages come from on a first start.
 *
 * @param location the gazetteer file ({@code ONEDOOR_GAZETTEER}); Hulin City's by default. Format: see the README,
 *     "Deploying" and {@code gazetteer/hulin-city.json}
 */
@ConfigurationProperties("onedoor.gazetteer")
public record GazetteerSettings(@DefaultValue("classpath:gazetteer/hulin-city.json") Resource location) {
}
