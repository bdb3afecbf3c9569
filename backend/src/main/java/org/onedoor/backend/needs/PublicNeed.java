package org.onedoor.backend.needs;

import java.util.List;
import org.onedoor.backend.casefiles.Sex;
import org.onedoor.backend.needs.publication.AgeBand;
import org.onedoor.backend.needs.publication.ConditionDisclosure.PublicCondition;

/**
 * A published need as the public sees it (GraphQL {@code Need}): nothing here comes from the file except the
 * generalised profile.
 *
 * @param id the public id
 * @param category what kind of help
 * @param title public title
 * @param description public description
 * @param urgency how soon
 * @param deadlineMonth yyyy-MM or null
 * @param ageBand the age band shown
 * @param sex the sex shown, or null
 * @param townshipId the township shown, or null for the city
 * @param condition the disability or illness shown, or null
 * @param amountYuan money asked for
 * @param goods goods asked for
 * @param serviceHours service hours asked for
 * @param publishedMonth yyyy-MM
 */
public record PublicNeed(String id, NeedCategory category, String title, String description, Urgency urgency,
    String deadlineMonth, AgeBand ageBand, Sex sex, String townshipId, PublicCondition condition, Integer amountYuan, List<String> goods,
    Integer serviceHours, String publishedMonth, boolean fulfilled) {

  static PublicNeed of(Need need) {
    return new PublicNeed(need.publicId(), need.category(), need.title(), need.description(), need.urgency(),
        need.deadlineMonth(), need.profile().ageBand(), need.profile().sex(), need.profile().townshipId(),
        need.condition(), need.amountYuan(), need.goods(), need.serviceHours(), need.publishedMonth(),
        need.status() == NeedStatus.FULFILLED);
  }
}
