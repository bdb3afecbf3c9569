package org.onedoor.backend.registry;

import java.util.List;
import org.onedoor.backend.geography.Coordinates;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A children's home or institution: public register data.
 *
 * @param id identifier
 * @param name name
 * @param type kind
 * @param townshipId township
 * @param address street address
 * @param coordinates on the map
 * @param capacity places
 * @param services services offered
 * @param openingHours when open
 * @param publicContact office telephone
 * @param version increases with every edit (optimistic versioning)
 */
@Document("children_homes")
record ChildrenHome(@Id String id, String name, ChildrenHomeType type, String townshipId, String address,
    Coordinates coordinates, int capacity, List<String> services, String openingHours, String publicContact,
    long version) {

  public ChildrenHome {
    services = List.copyOf(services);
  }
}
