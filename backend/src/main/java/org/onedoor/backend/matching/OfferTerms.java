package org.onedoor.backend.matching;

import java.util.List;
import org.onedoor.backend.casefiles.Sex;
import org.onedoor.backend.registry.CareKind;
import org.onedoor.backend.registry.VolunteerSkill;

/**
 * What an offer gives, one record per kind, each with only what that kind has. The stored {@link Offer} keeps its
 * flat shape (documents already stored read back unchanged); matching reads an offer's terms through
 * {@link Offer#terms()} and a {@code switch} that the compiler checks covers every kind.
 */
sealed interface OfferTerms {

  /** The terms of a stored offer, by its kind. */
  static OfferTerms of(Offer offer) {
    return switch (offer.kind()) {
      case MONEY -> new Money(offer.amountYuan());
      case SPONSORSHIP -> new Sponsorship(offer.amountYuan());
      case GOODS -> new Goods(offer.goods());
      case SERVICE -> new Service(offer.skill(), offer.hoursPerWeek(), offer.availability());
      case PROJECT -> new Project(offer.description());
      case PLACEMENT -> new Placement(offer.careKind(), offer.childAgeMin() == null ? 0 : offer.childAgeMin(),
          offer.childAgeMax() == null ? 17 : offer.childAgeMax(), offer.childSex());
    };
  }

  /**
   * A sum of money.
   *
   * @param amountYuan the sum, in yuan
   */
  record Money(Integer amountYuan) implements OfferTerms {
  }

  /**
   * A one-to-one sponsorship (结对帮扶).
   *
   * @param monthlyYuan the sum per month, in yuan
   */
  record Sponsorship(Integer monthlyYuan) implements OfferTerms {
  }

  /**
   * Goods.
   *
   * @param items what is given
   */
  record Goods(List<String> items) implements OfferTerms {
  }

  /**
   * A service by a vetted volunteer or an organisation.
   *
   * @param skill the skill
   * @param hoursPerWeek hours per week
   * @param availability when, in words
   */
  record Service(VolunteerSkill skill, Integer hoursPerWeek, String availability) implements OfferTerms {
  }

  /**
   * A project run by an organisation.
   *
   * @param description what it is
   */
  record Project(String description) implements OfferTerms {
  }

  /**
   * A placement with an approved caring family.
   *
   * @param careKind foster or entrusted care
   * @param childAgeMin the youngest child it can take
   * @param childAgeMax the oldest child it can take
   * @param childSex the sex of child it prefers, or null for either
   */
  record Placement(CareKind careKind, int childAgeMin, int childAgeMax, Sex childSex) implements OfferTerms {
  }
}
