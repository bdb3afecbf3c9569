package org.onedoor.backend.needs.publication;

/** One step that made a need's public profile coarser, in the order they are tried. */
public enum Generalisation {
  SEX_DROPPED,
  AGE_BAND_WIDENED,
  LOCATION_RAISED_TO_CITY
}
