package org.onedoor.backend.matching;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.onedoor.backend.geography.Coordinates;
import org.onedoor.backend.geography.Township;

/** Great-circle distances between townships, from their map coordinates (haversine, mean Earth radius). */
public final class Distances {

  private static final double EARTH_RADIUS_KM = 6371.0088;

  /** Every pair's distance, worked out once: a score asks for it for each of many candidates. */
  private final Map<String, Map<String, Double>> between = new HashMap<>();

  /** The distances between these townships. */
  public Distances(Collection<Township> townships) {
    for (Township from : townships) {
      Map<String, Double> row = new HashMap<>();
      for (Township to : townships) {
        if (from.coordinates() != null && to.coordinates() != null) {
          row.put(to.id(), from.id().equals(to.id()) ? 0.0 : km(from.coordinates(), to.coordinates()));
        }
      }
      between.put(from.id(), row);
    }
  }

  /** Kilometres between two townships; 0 within one; NaN when either has no coordinates. */
  public double km(String fromTownship, String toTownship) {
    if (fromTownship != null && fromTownship.equals(toTownship)) {
      return 0;
    }
    Map<String, Double> row = fromTownship == null ? null : between.get(fromTownship);
    Double km = row == null || toTownship == null ? null : row.get(toTownship);
    return km == null ? Double.NaN : km;
  }

  static double km(Coordinates a, Coordinates b) {
    double lat1 = Math.toRadians(a.latitude());
    double lat2 = Math.toRadians(b.latitude());
    double dLat = lat2 - lat1;
    double dLon = Math.toRadians(b.longitude() - a.longitude());
    double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
        + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
  }
}
