package org.onedoor.backend.intake;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import org.onedoor.backend.geography.VillageReferences;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Applications and reports name the village concerned: a village with intakes is not deleted. */
@Component
record IntakeVillageReferences(MongoTemplate mongo) implements VillageReferences {

  @Override
  public long count(String villageId) {
    return mongo.count(query(where("villageId").is(villageId)), Intake.class);
  }
}
