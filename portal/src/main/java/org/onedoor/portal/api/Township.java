package org.onedoor.portal.api;

import java.util.List;

/**
 * A township as the API returns it.
 *
 * @param id identifier
 * @param name Chinese name
 * @param nameEn English name
 * @param coordinates the township seat
 * @param villages its villages
 */
public record Township(String id, String name, String nameEn, Coordinates coordinates, List<Village> villages)
    implements java.io.Serializable {
}
