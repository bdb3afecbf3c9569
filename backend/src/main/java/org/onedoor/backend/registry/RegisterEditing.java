package org.onedoor.backend.registry;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.onedoor.backend.geography.Coordinates;
import org.onedoor.backend.geography.Geography;
import org.onedoor.backend.identity.Caller;
import org.onedoor.backend.platform.Roles;
import org.onedoor.backend.platform.graphql.FieldChecks;
import org.onedoor.backend.platform.graphql.Messages;
import org.onedoor.backend.platform.graphql.UserError;
import org.onedoor.backend.registry.RegisterInputs.SaveCaringFamilyInput;
import org.onedoor.backend.registry.RegisterInputs.SaveChildrenHomeInput;
import org.onedoor.backend.registry.RegisterInputs.SaveOrganisationInput;
import org.onedoor.backend.registry.RegisterInputs.SaveVolunteerInput;
import org.onedoor.schema.RoleNames;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Keeping the registers: township staff their township's homes, volunteers and families, civil affairs everything
 * (and the organisations), with optimistic versioning — a stale edit is refused, never silently overwritten. Every
 * field is checked and nothing is stored unless all pass.
 */
@Service
public class RegisterEditing {

  private static final int MAX_NAME = 60;
  private static final int MAX_TEXT = 100;

  private final MongoTemplate mongo;
  private final Geography geography;
  private final Messages messages;
  private final Clock clock;

  RegisterEditing(MongoTemplate mongo, Geography geography, Messages messages, Clock clock) {
    this.mongo = mongo;
    this.geography = geography;
    this.messages = messages;
    this.clock = clock;
  }

  /** Adds or changes a children's home. */
  @PreAuthorize(Roles.REGISTER_KEEPERS)
  public SavePayload<ChildrenHome> saveChildrenHome(SaveChildrenHomeInput input, Locale locale) {
    List<UserError> errors = new ArrayList<>();
    FieldChecks checks = new FieldChecks(messages, locale, errors);
    String name = checks.required(input.name(), MAX_NAME, "name", "REGISTER_NAME_REQUIRED");
    if (input.type() == null) {
      errors.add(messages.userError("TYPE_REQUIRED", "type", locale));
    }
    checkTownship(input.townshipId(), "townshipId", errors, locale);
    int capacity = input.capacity() == null ? 0 : input.capacity();
    if (capacity < 0 || capacity > 10_000) {
      errors.add(messages.userError("CAPACITY_INVALID", "capacity", locale));
    }
    Coordinates coordinates = null;
    if (input.latitude() != null || input.longitude() != null) {
      if (input.latitude() == null || input.longitude() == null || Math.abs(input.latitude()) > 90
          || Math.abs(input.longitude()) > 180) {
        errors.add(messages.userError("COORDINATES_INVALID", "latitude", locale));
      } else {
        coordinates = new Coordinates(input.latitude(), input.longitude());
      }
    }
    List<String> services = texts(input.services(), "services", errors, locale);
    String contact = checks.phone(input.publicContact(), "publicContact");
    String address = checks.optional(input.address(), MAX_TEXT, "address");
    String hours = checks.optional(input.openingHours(), MAX_TEXT, "openingHours");
    Coordinates at = coordinates;
    return save(input.id(), input.expectedVersion(), ChildrenHome.class, ChildrenHome::townshipId,
        input.townshipId(), errors, locale, (id, version) -> new ChildrenHome(id, name, input.type(),
            input.townshipId(), address, at, capacity, services, hours, contact, version));
  }

  /** Adds or changes an organisation (city-wide register: civil affairs and administrators). */
  @PreAuthorize(Roles.CITY_REGISTRARS)
  public SavePayload<Organisation> saveOrganisation(SaveOrganisationInput input, Locale locale) {
    List<UserError> errors = new ArrayList<>();
    FieldChecks checks = new FieldChecks(messages, locale, errors);
    String name = checks.required(input.name(), MAX_NAME, "name", "REGISTER_NAME_REQUIRED");
    if (input.type() == null) {
      errors.add(messages.userError("TYPE_REQUIRED", "type", locale));
    }
    String number = RegistrationNumber.normalised(input.registrationNumber());
    if (number == null) {
      errors.add(messages.userError("REGISTRATION_NUMBER_INVALID", "registrationNumber", locale));
    }
    List<String> area = input.townshipIds() == null ? List.of() : input.townshipIds().stream().distinct().toList();
    area.forEach(t -> checkTownship(t, "townshipIds", errors, locale));
    String person = checks.optional(input.contactPerson(), MAX_NAME, "contactPerson");
    String phone = checks.phone(input.contactPhone(), "contactPhone");
    return save(input.id(), input.expectedVersion(), Organisation.class, o -> null, null, errors, locale,
        (id, version) -> new Organisation(id, name, input.type(), number, Boolean.TRUE.equals(input.verified()),
            area, input.fieldsOfService() == null ? List.of() : input.fieldsOfService(), person, phone, version));
  }

  /** Adds or changes a volunteer. */
  @PreAuthorize(Roles.REGISTER_KEEPERS)
  public SavePayload<Volunteer> saveVolunteer(SaveVolunteerInput input, Locale locale) {
    List<UserError> errors = new ArrayList<>();
    FieldChecks checks = new FieldChecks(messages, locale, errors);
    String name = checks.required(input.name(), MAX_NAME, "name", "REGISTER_NAME_REQUIRED");
    String phone = checks.phone(input.phone(), "phone");
    checkTownship(input.townshipId(), "townshipId", errors, locale);
    if (input.skills() == null || input.skills().isEmpty()) {
      errors.add(messages.userError("SKILLS_REQUIRED", "skills", locale));
    }
    String availability = checks.optional(input.availability(), MAX_TEXT, "availability");
    Volunteer existing = input.id() == null ? null : mongo.findById(input.id(), Volunteer.class);
    return save(input.id(), input.expectedVersion(), Volunteer.class, Volunteer::townshipId, input.townshipId(),
        errors, locale, (id, version) -> new Volunteer(id, name, phone, input.townshipId(),
            input.skills() == null ? List.of() : input.skills().stream().distinct().toList(), availability,
            !Boolean.FALSE.equals(input.active()), existing == null ? clock.instant() : existing.registeredAt(),
            version));
  }

  /** Adds or changes a caring family. */
  @PreAuthorize(Roles.REGISTER_KEEPERS)
  public SavePayload<CaringFamily> saveCaringFamily(SaveCaringFamilyInput input, Locale locale) {
    List<UserError> errors = new ArrayList<>();
    FieldChecks checks = new FieldChecks(messages, locale, errors);
    String name = checks.required(input.contactName(), MAX_NAME, "contactName", "REGISTER_NAME_REQUIRED");
    String phone = checks.phone(input.phone(), "phone");
    checkTownship(input.townshipId(), "townshipId", errors, locale);
    String address = checks.optional(input.address(), MAX_TEXT, "address");
    if (input.offers() == null || input.offers().isEmpty()) {
      errors.add(messages.userError("OFFERS_REQUIRED", "offers", locale));
    }
    int capacity = input.capacity() == null ? 1 : input.capacity();
    if (capacity < 0 || capacity > 10) {
      errors.add(messages.userError("FAMILY_CAPACITY_INVALID", "capacity", locale));
    }
    CaringFamily existing = input.id() == null ? null : mongo.findById(input.id(), CaringFamily.class);
    return save(input.id(), input.expectedVersion(), CaringFamily.class, CaringFamily::townshipId,
        input.townshipId(), errors, locale, (id, version) -> new CaringFamily(id, name, phone, input.townshipId(),
            address, input.offers() == null ? List.of() : input.offers().stream().distinct().toList(), capacity,
            !Boolean.FALSE.equals(input.active()), existing == null ? clock.instant() : existing.registeredAt(),
            version));
  }

  /**
   * Inserts a new entry (version 1) or replaces the entry at the expected version with one conditional write, so
   * of two editors working from the same version exactly one succeeds. Township staff may add and change only
   * entries of their township (and may not move one out of it).
   */
  private <T> SavePayload<T> save(String id, Integer expectedVersion, Class<T> type, Function<T, String> townshipOf,
      String newTownshipId, List<UserError> errors, Locale locale, BiFunction<String, Long, T> entry) {
    Caller caller = caller();
    T existing = id == null ? null : mongo.findById(id, type);
    if (id != null && existing == null) {
      return new SavePayload<>(null, List.of(messages.userError("ENTRY_NOT_FOUND", "id", locale)));
    }
    if (!cityWide(caller) && (existing != null && !inScope(caller, townshipOf.apply(existing))
        || !inScope(caller, newTownshipId))) {
      throw new AccessDeniedException("register entry out of scope");
    }
    if (!errors.isEmpty()) {
      return new SavePayload<>(null, List.copyOf(errors));
    }
    if (existing == null) {
      T created = entry.apply(UUID.randomUUID().toString(), 1L);
      mongo.insert(created);
      return new SavePayload<>(created, List.of());
    }
    if (expectedVersion == null) {
      return new SavePayload<>(null, List.of(messages.userError("ENTRY_STALE", "expectedVersion", locale)));
    }
    T saved = mongo.findAndReplace(query(where("_id").is(id).and("version").is(expectedVersion.longValue())),
        entry.apply(id, expectedVersion + 1L), FindAndReplaceOptions.options().returnNew(), type, type);
    return saved == null ? new SavePayload<>(null, List.of(messages.userError("ENTRY_STALE", "expectedVersion",
        locale))) : new SavePayload<>(saved, List.of());
  }

  private static boolean inScope(Caller caller, String townshipId) {
    return townshipId != null && townshipId.equals(caller.townshipId());
  }

  static boolean cityWide(Caller caller) {
    return caller.roles().contains(RoleNames.CIVIL_AFFAIRS) || caller.roles().contains(RoleNames.ADMIN);
  }

  private void checkTownship(String townshipId, String field, List<UserError> errors, Locale locale) {
    if (townshipId == null || geography.townshipsById(List.of(townshipId)).isEmpty()) {
      errors.add(messages.userError("TOWNSHIP_UNKNOWN", field, locale));
    }
  }

  private List<String> texts(List<String> items, String field, List<UserError> errors, Locale locale) {
    List<String> texts = items == null ? List.of()
        : items.stream().filter(t -> t != null && !t.isBlank()).map(String::strip).distinct().toList();
    if (texts.size() > 20 || texts.stream().anyMatch(t -> t.length() > 30)) {
      errors.add(messages.userError("SERVICES_INVALID", field, locale));
    }
    return texts;
  }

  static Caller caller() {
    return Caller.current().orElseThrow(() -> new AccessDeniedException("not signed in"));
  }
}
