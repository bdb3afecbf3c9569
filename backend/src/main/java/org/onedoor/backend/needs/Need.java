package org.onedoor.backend.needs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.onedoor.backend.needs.publication.ConditionDisclosure.PublicCondition;
import org.onedoor.backend.needs.publication.Generalisation;
import org.onedoor.backend.needs.publication.PublicProfile;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A need drafted from a child's file. Only its public fields ever reach the public, and only while published and
 * covered by a current consent ({@code consentValidUntil}).
 *
 * @param id internal id
 * @param publicId random public id, unrelated to the file's or this id
 * @param caseFileId the file (staff only)
 * @param status where it is in its life
 * @param category what kind of help
 * @param title public title
 * @param description public description
 * @param urgency how soon
 * @param urgencyRank the urgency's order, for sorting
 * @param deadlineMonth yyyy-MM or null
 * @param amountYuan money asked for
 * @param goods goods asked for
 * @param serviceHours service hours asked for
 * @param placement whether it is a placement with a caring family
 * @param profile the published quasi-identifiers (null until published)
 * @param condition the disability or illness shown, or null
 * @param generalisations the generalisations applied at publication
 * @param publishedAt when it was published (internal; the public sees the month)
 * @param publishedMonth yyyy-MM of publication
 * @param consentValidUntil the last day the consent it was published under holds
 * @param createdAt when it was drafted
 * @param revision increases with every change of the draft (optimistic versioning of its content); 0 for needs
 *     stored before it was kept
 */
@Document("needs")
@CompoundIndex(name = "board-by-month", def = "{'status': 1, 'urgencyRank': 1, 'publishedMonth': 1, 'publicId': 1}")
@CompoundIndex(name = "public_id", def = "{'publicId': 1}", unique = true)
@CompoundIndex(name = "file", def = "{'caseFileId': 1, 'status': 1}")
public record Need(@Id String id, String publicId, String caseFileId, NeedStatus status, NeedCategory category,
    String title, String description, Urgency urgency, int urgencyRank, String deadlineMonth, Integer amountYuan,
    List<String> goods, Integer serviceHours, boolean placement, PublicProfile profile, PublicCondition condition,
    List<Generalisation> generalisations, Instant publishedAt, String publishedMonth, LocalDate consentValidUntil,
    Instant createdAt, Integer revision) {

  public Need {
    revision = revision == null ? 0 : revision;
    goods = goods == null ? List.of() : List.copyOf(goods);
    generalisations = generalisations == null ? List.of() : List.copyOf(generalisations);
  }

  @Override
  public String toString() {
    return "Need[" + id + ", " + status + "]";
  }

  /** The township the public sees the need in, or null when it is shown city-wide (or not yet published). */
  public String shownTownshipId() {
    return profile == null ? null : profile.townshipId();
  }
}
