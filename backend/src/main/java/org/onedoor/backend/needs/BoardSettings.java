package org.onedoor.backend.needs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the public board's in-memory copy keeps in step with the store ({@link BoardModel}).
 *
 * @param poll how often an instance looks for changes recorded by any instance: the bound on how long another
 *     instance's change takes to show here (plus the time to apply it)
 * @param resync how often an instance reloads the whole board from the store regardless, which bounds the staleness
 *     a change whose record was lost (its writer died between the write and the record) could cause
 * @param gapGrace how long a change number may stay missing (its writer between counting and recording it) before
 *     the instance stops waiting and reloads the whole board
 * @param keptChanges how many recorded changes the store keeps; an instance further behind reloads the whole board
 */
@ConfigurationProperties("onedoor.board")
record BoardSettings(@DefaultValue("PT1S") Duration poll, @DefaultValue("PT10M") Duration resync,
    @DefaultValue("PT10S") Duration gapGrace, @DefaultValue("10000") int keptChanges) {

  BoardSettings {
    if (poll.isNegative() || poll.isZero() || resync.compareTo(poll) < 0 || gapGrace.isNegative()
        || keptChanges < 100) {
      throw new IllegalArgumentException(
          "onedoor.board: poll > 0, resync >= poll, gap-grace >= 0, kept-changes >= 100");
    }
  }
}
