package org.onedoor.backend.geography;

/**
 * A point on the map in WGS 84 decimal degrees.
 *
 * @param latitude north positive, -90..90
 * @param longitude east positive, -180..180
 */
public record Coordinates(double latitude, double longitude) {

  public Coordinates {
    if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180) {
      throw new IllegalArgumentException("coordinates out of range");
    }
  }
}
