package org.onedoor.backend.matching;

import java.time.Instant;
import java.util.List;
import org.onedoor.backend.casefiles.Sex;
import org.onedoor.backend.needs.NeedCategory;
import org.onedoor.backend.needs.Urgency;

/**
 * What the matching knows of a need: the need itself and, from the child's file, only the township, age and sex
 * (for distance and a family's preferences). Never leaves the backend.
 *
 * @param needId the need
 * @param caseFileId the child's file (conflicts of interest, one placement per child)
 * @param open whether the need is open for matching (published, current, not yet matched)
 * @param category what kind of help
 * @param urgency how soon
 * @param placement whether it asks for a placement with a family
 * @param amountYuan money asked for, or null
 * @param goods goods asked for
 * @param serviceHours service hours asked for, or null
 * @param publishedAt when it was published
 * @param townshipId the child's township
 * @param childAge the child's age in years
 * @param childSex the child's sex
 */
public record NeedFacts(String needId, String caseFileId, boolean open, NeedCategory category, Urgency urgency,
    boolean placement, Integer amountYuan, List<String> goods, Integer serviceHours, Instant publishedAt,
    String townshipId, int childAge, Sex childSex) {

  public NeedFacts {
    goods = goods == null ? List.of() : List.copyOf(goods);
  }
}
