package org.onedoor.backend.matching;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One global allocation run and its progress, in the store so that whichever backend instance the portal asks can
 * tell how far it is.
 *
 * @param id identifier
 * @param status RUNNING, DONE or FAILED
 * @param startedBy who started it
 * @param startedAt when
 * @param finishedAt when it ended, or null
 * @param phase what it is doing (LOADING, ALLOCATING, PROPOSING, DONE)
 * @param progress how far, 0–100
 * @param needs open needs considered
 * @param offers open offers considered
 * @param candidates candidate pairs scored
 * @param proposed matches proposed
 * @param coveredUrgency urgency weight of the needs covered
 * @param totalUrgency urgency weight of all open needs
 */
@Document("allocation_runs")
record AllocationRun(@Id String id, String status, String startedBy, Instant startedAt, Instant finishedAt,
    String phase, int progress, int needs, int offers, long candidates, int proposed, long coveredUrgency,
    long totalUrgency) {
}
