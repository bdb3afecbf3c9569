package org.onedoor.backend.registry;

import java.time.Instant;
import java.util.List;
import org.onedoor.backend.platform.crypto.PersonalData;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.ExplicitEncrypted;

/**
 * A caring family in the register. Personal data: staff only; the public sees counts by township and kind, small
 * ones suppressed (a family that fosters is tied to a child).
 *
 * @param id identifier
 * @param contactName the household's contact person
 * @param phone contact phone
 * @param townshipId where the family lives
 * @param address the home address
 * @param offers what the family offers
 * @param capacity how many children it can take in
 * @param active whether it currently takes part
 * @param registeredAt when entered in the register
 * @param version increases with every edit (optimistic versioning)
 */
@Document("caring_families")
@CompoundIndex(name = "township_order", def = "{'townshipId': 1, '_id': 1}")
record CaringFamily(@Id String id, @ExplicitEncrypted(algorithm = PersonalData.SEALED) String contactName,
    @ExplicitEncrypted(algorithm = PersonalData.SEALED) String phone,
    String townshipId, @ExplicitEncrypted(algorithm = PersonalData.SEALED) String address,
    List<CareKind> offers, int capacity, boolean active, Instant registeredAt, long version) {

  public CaringFamily {
    offers = offers == null ? List.of() : List.copyOf(offers);
  }

  @Override
  public String toString() {
    return "CaringFamily[" + id + "]";
  }
}
