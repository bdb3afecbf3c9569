package org.onedoor.backend.oversight;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import org.onedoor.backend.geography.VillageReferences;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Screening reports are made per village: a village with reports is not deleted. */
@Component
record ScreeningVillageReferences(MongoTemplate mongo) implements VillageReferences {

  @Override
  public long count(String villageId) {
    return mongo.count(query(where("villageId").is(villageId)), VillageScreening.class);
  }
}
