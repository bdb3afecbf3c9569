package org.onedoor.portal.api;

/**
 * A point on the map in decimal degrees.
 *
 * @param latitude north positive
 * @param longitude east positive
 */
public record Coordinates(double latitude, double longitude) implements java.io.Serializable {
}
