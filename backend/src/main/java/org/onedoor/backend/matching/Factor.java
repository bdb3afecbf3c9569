package org.onedoor.backend.matching;

/** What the matching score weighs, each as a number from 0 to 1. */
enum Factor {
  /** The need's urgency: critical 1, high 0.6, normal 0.3. */
  URGENCY,
  /** Days the need has waited since publication, up to the full-waiting days. */
  WAITING,
  /** Nearness of the offer's township to the child's: 1 − km / scale; a city-wide offer 1. */
  DISTANCE,
  /** How much of what the need asks the offer covers. */
  CAPACITY,
  /** How well the offer's skill or the family's preferences fit the need. */
  PREFERENCE,
  /** The offerer's fulfilment record: (met + ½ partly + 1) / (all + 2). */
  RECORD
}
