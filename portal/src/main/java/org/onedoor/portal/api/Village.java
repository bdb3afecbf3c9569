package org.onedoor.portal.api;

/**
 * A village as the API returns it.
 *
 * @param id identifier
 * @param name Chinese name
 * @param nameEn English name
 */
public record Village(String id, String name, String nameEn) implements java.io.Serializable {
}
