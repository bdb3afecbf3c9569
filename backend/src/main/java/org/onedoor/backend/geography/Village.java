package org.onedoor.backend.geography;

/**
 * A village or residents' community (村/居) of a township.
 *
 * @param id stable identifier, unique across the city
 * @param name official Chinese name
 * @param nameEn pinyin name
 * @param coordinates the village on the map
 */
public record Village(String id, String name, String nameEn, Coordinates coordinates) {
}
