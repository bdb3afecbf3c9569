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
 */
public record StaffNeed(String id, String publicId, String caseFileId, NeedStatus status, NeedCategory category,
    String title, String description, Urgency urgency, List<Generalisation> generalisations) {

  static StaffNeed of(Need need) {
    return new StaffNeed(need.id(), need.publicId(), need.caseFileId(), need.status(), need.category(), need.title(),
        need.description(), need.urgency(), need.generalisations());
  }
}
