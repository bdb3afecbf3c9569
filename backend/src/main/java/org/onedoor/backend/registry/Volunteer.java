package org.onedoor.backend.registry;

import java.time.Instant;
import java.util.List;
import org.onedoor.backend.platform.crypto.PersonalData;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.ExplicitEncrypted;

/**
 * A volunteer in the register. Personal data: staff only; the public sees counts by township.
 *
 * @param id identifier
 * @param name the volunteer's name
 * @param phone contact phone
 * @param townshipId where they serve
 * @param skills what they offer
 * @param availability when they are available (free text, e.g. 周末)
 * @param active whether they currently serve
 * @param registeredAt when entered in the register
 * @param version increases with every edit (optimistic versioning)
 */
@Document("volunteers")
@CompoundIndex(name = "township_order", def = "{'townshipId': 1, '_id': 1}")
public record Volunteer(@Id String id, @ExplicitEncrypted(algorithm = PersonalData.SEALED) String name,
    @ExplicitEncrypted(algorithm = PersonalData.SEALED) String phone,
    String townshipId, List<VolunteerSkill> skills,
    String availability, boolean active, Instant registeredAt, long version) {

  public Volunteer {
    skills = skills == null ? List.of() : List.copyOf(skills);
  }

  @Override
  public String toString() {
    return "Volunteer[" + id + "]";
  }
}
