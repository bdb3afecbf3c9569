package org.onedoor.backend.registry;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** The registers' places where a child can be kept safe at once, for other features (safety). */
@Service
public class Shelters {

  private final MongoTemplate mongo;

  Shelters(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /**
   * For other features (safety): the places of the registers where a child can be taken in at once — the active
   * caring families of a township that foster or give entrusted care (by their contact's name), and the city's child
   * welfare and rescue and protection institutions — by id, in the order offered. The caller authorizes; nothing but
   * the id, the kind and the name leaves this feature.
   */
  public List<ShelterPlace> shelterPlaces(String townshipId) {
    List<ShelterPlace> places = new java.util.ArrayList<>();
    Query families = query(where("townshipId").is(townshipId).and("active").is(true)
        .and("offers").in(CareKind.FOSTER, CareKind.ENTRUSTED_CARE)).with(Sort.by("contactName", "_id"));
    mongo.find(families, CaringFamily.class)
        .forEach(f -> places.add(new ShelterPlace(f.id(), ShelterPlace.Kind.CARING_FAMILY, f.contactName())));
    Query institutions = query(where("type").in(ChildrenHomeType.RESCUE_PROTECTION_INSTITUTION,
        ChildrenHomeType.CHILD_WELFARE_INSTITUTION)).with(Sort.by("type", "name"));
    mongo.find(institutions, ChildrenHome.class)
        .forEach(h -> places.add(new ShelterPlace(h.id(), ShelterPlace.Kind.INSTITUTION, h.name())));
    return places;
  }

  /**
   * A place where a child can be taken in at once.
   *
   * @param id the register entry's id
   * @param kind a caring family or an institution
   * @param name the family's contact or the institution's name
   */
  public record ShelterPlace(String id, Kind kind, String name) {

    /** The register a place comes from. */
    public enum Kind {
      CARING_FAMILY,
      INSTITUTION
    }
  }

}
