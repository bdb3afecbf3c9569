package org.onedoor.backend.registry;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import org.onedoor.backend.identity.Roles;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The public registers: children's homes and institutions, and organisations' public profiles. */
@Service
public class Registers {

  private final MongoTemplate mongo;

  Registers(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @PreAuthorize(Roles.PUBLIC)
  public List<ChildrenHome> childrenHomes(String townshipId) {
    Query query = townshipId == null ? new Query() : new Query(where("townshipId").is(townshipId));
    return mongo.find(query.with(Sort.by("townshipId", "name")), ChildrenHome.class);
  }

  @PreAuthorize(Roles.PUBLIC)
  public List<Organisation> organisations(OrganisationType type) {
    Query query = type == null ? new Query() : new Query(where("type").is(type));
    query.fields().exclude("contactPerson", "contactPhone");
    return mongo.find(query.with(Sort.by("name")), Organisation.class);
  }
}
