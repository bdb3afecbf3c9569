package org.onedoor.backend.casefiles;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.onedoor.backend.platform.crypto.PersonalData;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.ExplicitEncrypted;

/**
 * One child's file (一人一档). Everything in it is sensitive: staff only, every read audited, never logged. Changes
 * go through {@link CaseFiles} with an expected version (optimistic versioning) and leave a history entry.
 *
 * @param id the file's id (never shown to the public)
 * @param version increases with every change
 * @param name the child's name
 * @param sex the child's sex
 * @param birthDate the child's date of birth
 * @param nationalId the national ID number, validated, or null
 * @param householdRegistration where the child's household is registered (户籍), or null
 * @param townshipId the township that keeps the file
 * @param villageId the child's village
 * @param address the home address
 * @param causes why the child is in difficulty
 * @param riskTier 1 = highest … 4 = lowest
 * @param guardianship the parents' situation and the guardians, or null
 * @param condition the child's disability or illness, or null
 * @param schooling the child's schooling, or null
 * @param benefits the assistance received
 * @param supervisorId the account of the supervisor in charge, or null
 * @param lastVisitOn the day of the latest home visit, or null
 * @param nextVisitDue the day the next home visit is due (from the risk tier)
 * @param createdAt when the file was opened
 * @param updatedAt when it last changed
 * @param consents the guardians' consents, withdrawn ones included
 * @param draft whether the file was opened from an intake and awaits staff confirmation
 */
@Document("case_files")
@CompoundIndex(name = "register_class", def = "{'townshipId': 1, 'birthDate': 1, 'sex': 1}")
@CompoundIndex(name = "village", def = "{'villageId': 1}")
@CompoundIndex(name = "visits_due", def = "{'nextVisitDue': 1, '_id': 1}")
@CompoundIndex(name = "condition_type", def = "{'condition.type': 1}")
@CompoundIndex(name = "ledger_order", def = "{'riskTier': 1, 'villageId': 1, '_id': 1}")
@CompoundIndex(name = "ledger_township_order", def = "{'townshipId': 1, 'riskTier': 1, 'villageId': 1, '_id': 1}")
@CompoundIndex(name = "name", def = "{'name': 1}")
@CompoundIndex(name = "national_id", def = "{'nationalId': 1}")
public record CaseFile(@Id String id, long version,
    @ExplicitEncrypted(algorithm = PersonalData.FINDABLE) String name, Sex sex, LocalDate birthDate,
    @ExplicitEncrypted(algorithm = PersonalData.FINDABLE) String nationalId,
    @ExplicitEncrypted(algorithm = PersonalData.SEALED) String householdRegistration, String townshipId,
    String villageId, @ExplicitEncrypted(algorithm = PersonalData.SEALED) String address, Set<Cause> causes,
    int riskTier, Guardianship guardianship, Condition condition, Schooling schooling, Set<Benefit> benefits,
    String supervisorId, LocalDate lastVisitOn, LocalDate nextVisitDue, Instant createdAt, Instant updatedAt,
    List<Consent> consents, boolean draft) {

  public CaseFile {
    causes = Set.copyOf(causes);
    benefits = benefits == null ? Set.of() : Set.copyOf(benefits);
    consents = consents == null ? List.of() : List.copyOf(consents);
  }

  /** The consent to publish that holds on a day, if any (the one lasting longest). */
  public java.util.Optional<Consent> currentConsent(java.time.LocalDate day) {
    return consents.stream().filter(c -> c.currentOn(day))
        .max(java.util.Comparator.comparing(Consent::validUntil));
  }

  @Override
  public String toString() {
    return "CaseFile[" + id + ", v" + version + "]";
  }
}
