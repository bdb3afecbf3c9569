package org.onedoor.backend.identity;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import org.onedoor.backend.geography.VillageReferences;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Supervisors are scoped to a village: a village with an account is not deleted. */
@Component
record AccountVillageReferences(MongoTemplate mongo) implements VillageReferences {

  @Override
  public long count(String villageId) {
    return mongo.count(query(where("villageId").is(villageId)), Account.class);
  }
}
