package org.onedoor.backend.privacy;

import java.time.Instant;
import org.onedoor.backend.intake.Intakes;
import org.onedoor.backend.matching.MatchExport;
import org.onedoor.backend.needs.NeedBoard;
import org.onedoor.backend.safety.SafetyErasure;
import org.springframework.stereotype.Component;

/**
 * What other features hold about a child whose file was reduced (grown up, or erased on a guardian's request), erased
 * through each feature's own API: the needs leave the board and matching, the intakes attached to the file lose what
 * they said of the child and of who applied or reported, the matches lose their notes and contact details, the
 * safety chains lose their notes, places and document references (docs/decisions/012).
 */
@Component
class ReducedFiles {

  private final NeedBoard needs;
  private final Intakes intakes;
  private final MatchExport matches;
  private final SafetyErasure chains;

  ReducedFiles(NeedBoard needs, Intakes intakes, MatchExport matches, SafetyErasure chains) {
    this.chains = chains;
    this.needs = needs;
    this.intakes = intakes;
    this.matches = matches;
  }

  void clearAround(String caseFileId, Instant now) {
    needs.withdrawNeedsOfReducedFile(caseFileId);
    intakes.eraseForFile(caseFileId, now);
    matches.eraseForFile(caseFileId);
    // The chains before the intakes' attachment could change: eraseForFile finds chains by the attached intakes too.
    chains.eraseForFile(caseFileId);
  }
}
