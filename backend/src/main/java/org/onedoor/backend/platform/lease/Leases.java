package org.onedoor.backend.platform.lease;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Leases in MongoDB, so that a job runs on one backend instance at a time however many run behind the load
 * balancer: one atomic upsert takes a lease that is free, expired or already the caller's; a competing upsert fails on
 * the unique id. A holder that dies simply lets its lease expire.
 */
@Component
public class Leases {

  static final String COLLECTION = "leases";

  private final MongoTemplate mongo;

  Leases(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /**
   * Takes or renews a lease.
   *
   * @param name the job's lease
   * @param owner this instance
   * @param now the current time
   * @param ttl how long the lease holds without renewal
   * @return whether the owner holds the lease until now + ttl
   */
  public boolean acquire(String name, String owner, Instant now, Duration ttl) {
    Criteria takeable = new Criteria().orOperator(where("until").lt(Date.from(now)), where("owner").is(owner));
    try {
      Document lease = mongo.findAndModify(query(where("_id").is(name)).addCriteria(takeable),
          new Update().set("owner", owner).set("until", Date.from(now.plus(ttl))),
          FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
      return lease != null && owner.equals(lease.getString("owner"));
    } catch (DuplicateKeyException held) {
      return false;
    }
  }

  /** Gives a lease back at once (when the holder is done), so the next holder need not wait for it to expire. */
  public void release(String name, String owner) {
    mongo.updateFirst(query(where("_id").is(name).and("owner").is(owner)),
        new Update().set("until", new Date(0)), COLLECTION);
  }
}
