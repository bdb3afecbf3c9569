package org.onedoor.backend.registry;

import java.util.List;
import org.onedoor.backend.needs.NeedCategory;

/** What staff submit to add or change an entry of a register: no id to add, an id and the version read to change. */
public final class RegisterInputs {

  private RegisterInputs() {
  }

  /**
   * A children's home or institution.
   *
   * @param id the entry to change, or null to add one
   * @param expectedVersion the version read, when changing
   * @param name name
   * @param type kind
   * @param townshipId township
   * @param address address
   * @param latitude latitude, optional
   * @param longitude longitude, optional
   * @param capacity places
   * @param services services
   * @param openingHours opening hours
   * @param publicContact office telephone
   */
  public record SaveChildrenHomeInput(String id, Integer expectedVersion, String name, ChildrenHomeType type,
      String townshipId, String address, Double latitude, Double longitude, Integer capacity, List<String> services,
      String openingHours, String publicContact) {
  }

  /**
   * An organisation.
   *
   * @param id the entry to change, or null to add one
   * @param expectedVersion the version read, when changing
   * @param name name
   * @param type kind
   * @param registrationNumber unified social credit code
   * @param verified whether staff verified the registration
   * @param townshipIds area
   * @param fieldsOfService kinds of need served
   * @param contactPerson contact person (staff only)
   * @param contactPhone contact phone (staff only)
   */
  public record SaveOrganisationInput(String id, Integer expectedVersion, String name, OrganisationType type,
      String registrationNumber, Boolean verified, List<String> townshipIds, List<NeedCategory> fieldsOfService,
      String contactPerson, String contactPhone) {
  }

  /**
   * A volunteer.
   *
   * @param id the entry to change, or null to add one
   * @param expectedVersion the version read, when changing
   * @param name name
   * @param phone phone
   * @param townshipId township
   * @param skills skills
   * @param availability availability
   * @param active whether serving
   */
  public record SaveVolunteerInput(String id, Integer expectedVersion, String name, String phone, String townshipId,
      List<VolunteerSkill> skills, String availability, Boolean active) {
  }

  /**
   * A caring family.
   *
   * @param id the entry to change, or null to add one
   * @param expectedVersion the version read, when changing
   * @param contactName contact person
   * @param phone phone
   * @param townshipId township
   * @param address address
   * @param offers what it offers
   * @param capacity how many children
   * @param active whether taking part
   */
  public record SaveCaringFamilyInput(String id, Integer expectedVersion, String contactName, String phone,
      String townshipId, String address, List<CareKind> offers, Integer capacity, Boolean active) {
  }
}
