package org.onedoor.backend.casefiles;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import org.onedoor.backend.geography.VillageReferences;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Children's files name their village: a village with files is not deleted. */
@Component
record FileVillageReferences(MongoTemplate mongo) implements VillageReferences {

  @Override
  public long count(String villageId) {
    return mongo.count(query(where("villageId").is(villageId)), CaseFile.class);
  }
}
