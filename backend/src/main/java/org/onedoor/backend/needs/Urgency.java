package org.onedoor.backend.needs;

/** How soon a need must be met; the board lists the most urgent first. */
public enum Urgency {
  CRITICAL,
  HIGH,
  NORMAL
}
