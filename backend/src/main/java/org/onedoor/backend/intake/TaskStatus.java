package org.onedoor.backend.intake;

/** Where a department's handling task stands. */
enum TaskStatus {
  /** In the department's queue, not taken up. */
  OPEN,
  /** Taken up by one member of staff. */
  CLAIMED,
  /** Finished with an outcome. */
  DONE
}
