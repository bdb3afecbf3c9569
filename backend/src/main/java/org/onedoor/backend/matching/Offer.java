package org.onedoor.backend.matching;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.onedoor.backend.casefiles.Sex;
import org.onedoor.backend.intake.OfferKind;
import org.onedoor.backend.needs.NeedCategory;
import org.onedoor.backend.platform.crypto.PersonalData;
import org.onedoor.backend.registry.CareKind;
import org.onedoor.backend.registry.VolunteerSkill;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.ExplicitEncrypted;

/**
 * An offer of help that entered through the one door: what it gives, to how many needs (capacity), where and until
 * when. The offerer's name and phone are for civil affairs only; the child is never revealed to the offerer.
 *
 * @param id internal id
 * @param intakeId the one-door intake it came in with
 * @param receiptCode that intake's receipt code
 * @param offerer the signed-in offerer's account subject, or null for an anonymous donor
 * @param offererKind who offers
 * @param offererName the offerer's name (staff only)
 * @param phone the offerer's contact phone (staff only), or null
 * @param kind what it gives
 * @param categories the kinds of need it can meet
 * @param townshipId the township where it is offered, or null for anywhere in the city
 * @param amountYuan a sum of money (money: total; sponsorship: per month)
 * @param goods goods offered
 * @param skill a service's skill
 * @param hoursPerWeek a service's hours per week
 * @param availability a service's availability, in words
 * @param careKind a placement's kind of care
 * @param childAgeMin the youngest child a placement can take
 * @param childAgeMax the oldest child a placement can take
 * @param childSex the sex of child a placement prefers, or null for either
 * @param capacity how many needs it can meet
 * @param allocated how many approved matches use it
 * @param validUntil the last day it holds
 * @param description what the offerer says about it
 * @param status where it stands
 * @param createdAt when it came in
 * @param version bumped by every change (conditional updates compare it)
 * @param endedAt when it was withdrawn, if it was (the retention rule counts from then, or from its last day)
 */
@Document("offers")
@CompoundIndex(name = "open", def = "{'status': 1, 'validUntil': 1}")
@CompoundIndex(name = "candidates", def = "{'status': 1, 'categories': 1, 'kind': 1, 'validUntil': 1}")
@CompoundIndex(name = "offerer", def = "{'offerer': 1, 'createdAt': -1}")
@CompoundIndex(name = "newest", def = "{'status': 1, 'createdAt': -1, '_id': 1}")
public record Offer(@Id String id, String intakeId, String receiptCode, String offerer, OffererKind offererKind,
    @ExplicitEncrypted(algorithm = PersonalData.SEALED) String offererName,
    @ExplicitEncrypted(algorithm = PersonalData.SEALED) String phone, OfferKind kind,
    List<NeedCategory> categories, String townshipId,
    Integer amountYuan, List<String> goods, VolunteerSkill skill, Integer hoursPerWeek, String availability,
    CareKind careKind, Integer childAgeMin, Integer childAgeMax, Sex childSex, int capacity, int allocated,
    LocalDate validUntil, String description, OfferStatus status, Instant createdAt, long version, Instant endedAt) {

  public Offer {
    categories = categories == null ? List.of() : List.copyOf(categories);
    goods = goods == null ? List.of() : List.copyOf(goods);
  }

  /** What it gives, as the record of its kind. */
  OfferTerms terms() {
    return OfferTerms.of(this);
  }

  /** How many more needs it can meet. */
  public int remaining() {
    return Math.max(0, capacity - allocated);
  }

  @Override
  public String toString() {
    return "Offer[" + id + ", " + kind + ", " + status + "]";
  }
}
