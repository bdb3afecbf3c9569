package org.onedoor.backend.matching;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.onedoor.backend.intake.OfferKind;
import org.onedoor.backend.registry.VolunteerSkill;

/**
 * The hard constraints: whether an offer can meet a need at all. Checked before any score, so the candidates a score
 * ever sees are few (a dense need × offer matrix is never built).
 */
public final class Compatibility {

  /**
   * Exclusions that turn on what the public does not see of the child or on what staff know of the offerer: the
   * child's exact age, sex or township, and a recorded conflict of interest. Telling a pledger about one would tell
   * the child's age or sex, or that staff know the pledger is a relative; see {@link #ofChild}.
   */
  public static final Set<Exclusion> PRIVATE = EnumSet.of(Exclusion.AGE_PREFERENCE, Exclusion.SEX_PREFERENCE,
      Exclusion.TOO_FAR_FOR_PLACEMENT, Exclusion.CONFLICT_OF_INTEREST);

  /** Skills whose service means contact with a child: only a vetted volunteer may offer them. */
  static final Set<VolunteerSkill> CONTACT = EnumSet.of(VolunteerSkill.COUNSELLING, VolunteerSkill.TUTORING,
      VolunteerSkill.MEDICAL, VolunteerSkill.COMPANIONSHIP);

  private Compatibility() {
  }

  /**
   * Why the offer can never meet the need, or empty when it can.
   *
   * @param need the need
   * @param offer the offer
   * @param today the day
   * @param distances the distances between townships
   * @param conflict whether staff recorded a conflict of interest between the offerer and the child
   * @param placementRadiusKm the farthest a placement family may live from the child's township
   */
  public static Optional<Exclusion> check(NeedFacts need, Offer offer, LocalDate today, Distances distances,
      boolean conflict, double placementRadiusKm) {
    if (!need.open()) {
      return Optional.of(Exclusion.NEED_NOT_OPEN);
    }
    if (offer.status() != OfferStatus.OPEN || offer.validUntil().isBefore(today) || offer.remaining() <= 0) {
      return Optional.of(Exclusion.OFFER_NOT_OPEN);
    }
    if (!offer.categories().contains(need.category())) {
      return Optional.of(Exclusion.CATEGORY);
    }
    if (!kindFits(need, offer.kind())) {
      return Optional.of(Exclusion.KIND);
    }
    if (offer.terms() instanceof OfferTerms.Service service
        && (service.skill() == null || CONTACT.contains(service.skill()))
        && offer.offererKind() != OffererKind.VOLUNTEER) {
      return Optional.of(Exclusion.UNVETTED_CONTACT);
    }
    if (offer.kind() == OfferKind.PLACEMENT && offer.offererKind() != OffererKind.FAMILY) {
      return Optional.of(Exclusion.NOT_AN_APPROVED_FAMILY);
    }
    return ofChild(need, offer, distances, conflict, placementRadiusKm);
  }

  /** The private exclusion of a pair, if any (see {@link #PRIVATE}); checked again when staff approve. */
  public static Optional<Exclusion> ofChild(NeedFacts need, Offer offer, Distances distances, boolean conflict,
      double placementRadiusKm) {
    if (offer.terms() instanceof OfferTerms.Placement placement) {
      if (need.childAge() < placement.childAgeMin() || need.childAge() > placement.childAgeMax()) {
        return Optional.of(Exclusion.AGE_PREFERENCE);
      }
      if (placement.childSex() != null && placement.childSex() != need.childSex()) {
        return Optional.of(Exclusion.SEX_PREFERENCE);
      }
      double km = distances.km(offer.townshipId(), need.townshipId());
      if (Double.isNaN(km) || km > placementRadiusKm) {
        return Optional.of(Exclusion.TOO_FAR_FOR_PLACEMENT);
      }
    }
    return conflict ? Optional.of(Exclusion.CONFLICT_OF_INTEREST) : Optional.empty();
  }

  /**
   * Which offer kinds can meet what a need asks: a placement only a placement; money money, a sponsorship or a
   * project; goods goods, money or a project; service hours a service or a project; anything else any kind but a
   * placement.
   */
  static boolean kindFits(NeedFacts need, OfferKind kind) {
    if (need.placement() || kind == OfferKind.PLACEMENT) {
      return need.placement() && kind == OfferKind.PLACEMENT;
    }
    if (need.amountYuan() != null) {
      return kind == OfferKind.MONEY || kind == OfferKind.SPONSORSHIP || kind == OfferKind.PROJECT;
    }
    if (!need.goods().isEmpty()) {
      return kind == OfferKind.GOODS || kind == OfferKind.MONEY || kind == OfferKind.PROJECT;
    }
    if (need.serviceHours() != null) {
      return kind == OfferKind.SERVICE || kind == OfferKind.PROJECT;
    }
    return true;
  }

  /** The offer kinds that can meet a need, for pruning candidates in the store. */
  static Set<OfferKind> kindsFor(NeedFacts need) {
    EnumSet<OfferKind> kinds = EnumSet.noneOf(OfferKind.class);
    for (OfferKind kind : OfferKind.values()) {
      if (kindFits(need, kind)) {
        kinds.add(kind);
      }
    }
    return kinds;
  }
}
