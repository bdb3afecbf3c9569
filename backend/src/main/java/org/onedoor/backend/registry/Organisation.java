package org.onedoor.backend.registry;

import java.util.List;
import org.onedoor.backend.needs.NeedCategory;
import org.onedoor.backend.platform.crypto.PersonalData;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.ExplicitEncrypted;

/**
 * An organisation. The public profile is all the GraphQL type {@code Organisation} shows; the contact person and
 * telephone are for staff (an API for them comes with vetting, in the intake issue).
 *
 * @param id identifier
 * @param name name
 * @param type kind
 * @param registrationNumber unified social credit code
 * @param verified whether civil affairs verified the registration
 * @param townshipIds the townships it works in
 * @param fieldsOfService the kinds of need it serves
 * @param contactPerson staff only
 * @param contactPhone staff only
 * @param version increases with every edit (optimistic versioning)
 */
@Document("organisations")
record Organisation(@Id String id, String name, OrganisationType type, String registrationNumber,
    boolean verified, List<String> townshipIds, List<NeedCategory> fieldsOfService,
    @ExplicitEncrypted(algorithm = PersonalData.SEALED) String contactPerson,
    @ExplicitEncrypted(algorithm = PersonalData.SEALED) String contactPhone, long version) {

  public Organisation {
    townshipIds = List.copyOf(townshipIds);
    fieldsOfService = List.copyOf(fieldsOfService);
  }

  @Override
  public String toString() {
    return "Organisation[" + id + "]";
  }
}
