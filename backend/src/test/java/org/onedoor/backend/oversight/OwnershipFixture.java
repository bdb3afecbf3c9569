package org.onedoor.backend.oversight;

import org.bson.Document;
import org.onedoor.backend.needs.Need;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Never run: compiled so DataOwnershipTest can prove that it reports each kind of reach into another feature's
 * collections, as a class of oversight would write it.
 */
final class OwnershipFixture {

  private final MongoTemplate mongo;

  OwnershipFixture(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  long byDocumentClass() {
    return mongo.count(new Query(), Need.class);
  }

  long byName() {
    return mongo.count(new Query(), "case_files");
  }

  long byNameInAVariable() {
    String accounts = "accounts";
    return mongo.count(new Query(), accounts);
  }

  long byNameBeforeALambda() {
    return mongo.execute("intakes", collection -> collection.countDocuments());
  }

  Object byLookup() {
    return mongo.aggregate(Aggregation.newAggregation(Aggregation.lookup("home_visits", "_id", "caseFileId", "v")),
        "screening_reports", Document.class);
  }

  Object byOut() {
    return mongo.aggregate(Aggregation.newAggregation(Aggregation.out("offers")), "screening_reports",
        Document.class);
  }
}
