package org.onedoor.backend.geography;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.onedoor.backend.platform.Roles;
import org.onedoor.backend.platform.graphql.Messages;
import org.onedoor.backend.platform.graphql.UserError;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The gazetteer kept by administrators (地名管理): townships added or renamed, villages added, renamed or — when
 * nothing refers to them ({@link VillageReferences}) — deleted. Ids are chosen once and never change, since files,
 * accounts and registers refer to them. Each change is one conditional update of the township's document.
 */
@Service
class Places {

  static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");
  private static final int MAX_NAME = 40;

  /** A township or village as entered. */
  public record Place(String id, String name, String nameEn, Double latitude, Double longitude) {
  }

  /** The township as it is now, or why not. */
  public record Result(Township township, List<UserError> errors) {
    static Result refused(List<UserError> errors) {
      return new Result(null, errors);
    }
  }

  private final MongoTemplate mongo;
  private final TownshipRepository townships;
  private final List<VillageReferences> references;
  private final Messages messages;

  Places(MongoTemplate mongo, TownshipRepository townships, List<VillageReferences> references, Messages messages) {
    this.mongo = mongo;
    this.townships = townships;
    this.references = references;
    this.messages = messages;
  }

  @PreAuthorize(Roles.ADMINISTRATORS)
  public Result saveTownship(Place place, Locale locale) {
    List<UserError> errors = check(place, locale);
    if (!errors.isEmpty()) {
      return Result.refused(errors);
    }
    Coordinates seat = new Coordinates(place.latitude(), place.longitude());
    if (townships.existsById(place.id())) {
      mongo.updateFirst(query(where("_id").is(place.id())), new Update().set("name", place.name().trim())
          .set("nameEn", place.nameEn().trim()).set("coordinates", seat), Township.class);
    } else {
      if (!townships.findByVillagesIdIn(List.of(place.id())).isEmpty()) {
        return Result.refused(List.of(messages.userError("PLACE_ID_TAKEN", "id", locale)));
      }
      int rank = townships.findAll().stream().mapToInt(Township::rank).max().orElse(0) + 1;
      try {
        mongo.insert(new Township(place.id(), place.name().trim(), place.nameEn().trim(), rank, seat, List.of()));
      } catch (org.springframework.dao.DuplicateKeyException raced) {
        return Result.refused(List.of(messages.userError("PLACE_ID_TAKEN", "id", locale)));
      }
    }
    return new Result(townships.findById(place.id()).orElseThrow(), List.of());
  }

  @PreAuthorize(Roles.ADMINISTRATORS)
  public Result saveVillage(String townshipId, Place place, Locale locale) {
    Township township = townshipId == null ? null : townships.findById(townshipId).orElse(null);
    if (township == null) {
      return Result.refused(List.of(messages.userError("TOWNSHIP_UNKNOWN", "townshipId", locale)));
    }
    List<UserError> errors = check(place, locale);
    if (!errors.isEmpty()) {
      return Result.refused(errors);
    }
    Village village = new Village(place.id(), place.name().trim(), place.nameEn().trim(),
        new Coordinates(place.latitude(), place.longitude()));
    boolean ours = township.villages().stream().anyMatch(v -> v.id().equals(place.id()));
    if (ours) {
      mongo.updateFirst(query(where("_id").is(townshipId).and("villages.id").is(place.id())),
          new Update().set("villages.$", village), Township.class);
    } else {
      boolean taken = townships.existsById(place.id())
          || !townships.findByVillagesIdIn(List.of(place.id())).isEmpty();
      long added = taken ? 0 : mongo.updateFirst(query(where("_id").is(townshipId).and("villages.id").ne(place.id())),
          new Update().push("villages", village), Township.class).getModifiedCount();
      if (added == 0) {
        return Result.refused(List.of(messages.userError("PLACE_ID_TAKEN", "id", locale)));
      }
    }
    return new Result(townships.findById(townshipId).orElseThrow(), List.of());
  }

  @PreAuthorize(Roles.ADMINISTRATORS)
  public Result deleteVillage(String villageId, Locale locale) {
    List<Township> holding = villageId == null ? List.of() : townships.findByVillagesIdIn(List.of(villageId));
    if (holding.isEmpty()) {
      return Result.refused(List.of(messages.userError("VILLAGE_UNKNOWN", "villageId", locale)));
    }
    long inUse = references.stream().mapToLong(r -> r.count(villageId)).sum();
    if (inUse > 0) {
      return Result.refused(List.of(messages.userError("VILLAGE_IN_USE", "villageId", locale, inUse)));
    }
    Township township = holding.getFirst();
    // $pull of that one village: a concurrent change to another village of the township is kept.
    mongo.updateFirst(query(where("_id").is(township.id())),
        new Update().pull("villages", query(where("id").is(villageId))), Township.class);
    Township now = townships.findById(township.id()).orElseThrow();
    return new Result(now, List.of());
  }

  private List<UserError> check(Place place, Locale locale) {
    List<UserError> errors = new ArrayList<>();
    if (place.id() == null || !ID.matcher(place.id()).matches()) {
      errors.add(messages.userError("PLACE_ID_INVALID", "id", locale));
    }
    if (place.name() == null || place.name().isBlank() || place.name().trim().length() > MAX_NAME) {
      errors.add(messages.userError("PLACE_NAME_REQUIRED", "name", locale, MAX_NAME));
    }
    if (place.nameEn() == null || place.nameEn().isBlank() || place.nameEn().trim().length() > MAX_NAME) {
      errors.add(messages.userError("PLACE_NAME_REQUIRED", "nameEn", locale, MAX_NAME));
    }
    if (place.latitude() == null || Math.abs(place.latitude()) > 90) {
      errors.add(messages.userError("COORDINATES_INVALID", "latitude", locale));
    }
    if (place.longitude() == null || Math.abs(place.longitude()) > 180) {
      errors.add(messages.userError("COORDINATES_INVALID", "longitude", locale));
    }
    return errors;
  }
}
