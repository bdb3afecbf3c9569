package org.onedoor.backend.needs;

import java.util.List;
import org.onedoor.backend.needs.publication.Generalisation;

/**
 * A need as staff see it (GraphQL {@code StaffNeed}).
 *
 * @param id internal id
 * @param publicId public id
 * @param caseFileId the file
 * @param status where it is in its life
 * @param category what kind of help
 * @param title title
 * @param description description
 * @param urgency urgency
 * @param generalisations generalisations applied at publication
 * @param deadlineMonth yyyy-MM or null
 * @param amountYuan money asked for, or null
 * @param goods goods asked for
 * @param serviceHours service hours asked for, or null
 * @param placement whether it is a placement with a caring family
 * @param revision the draft's revision
 * @param createdAt when it was drafted
 * @param ageBand the age band shown to the public, once published
 * @param shownTownshipId the township shown to the public, once published (null city-wide)
 */
public record StaffNeed(String id, String publicId, String caseFileId, NeedStatus status, NeedCategory category,
    String title, String description, Urgency urgency, List<Generalisation> generalisations, String deadlineMonth,
    Integer amountYuan, List<String> goods, Integer serviceHours, boolean placement, int revision,
    java.time.Instant createdAt, org.onedoor.backend.needs.publication.AgeBand ageBand, String shownTownshipId) {

  /** The need as staff see it on a day: a published need past its deadline month or its consent has EXPIRED. */
  public static StaffNeed of(Need need, java.time.LocalDate today) {
    boolean expired = need.status() == NeedStatus.PUBLISHED
        && (need.consentValidUntil() != null && need.consentValidUntil().isBefore(today)
            || need.deadlineMonth() != null
                && need.deadlineMonth().compareTo(java.time.YearMonth.from(today).toString()) < 0);
    return new StaffNeed(need.id(), need.publicId(), need.caseFileId(), expired ? NeedStatus.EXPIRED : need.status(),
        need.category(), need.title(), need.description(), need.urgency(), need.generalisations(),
        need.deadlineMonth(), need.amountYuan(), need.goods(), need.serviceHours(), need.placement(), need.revision(),
        need.createdAt(), need.profile() == null ? null : need.profile().ageBand(), need.shownTownshipId());
  }
}
