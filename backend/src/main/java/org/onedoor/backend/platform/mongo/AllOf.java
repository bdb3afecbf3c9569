package org.onedoor.backend.platform.mongo;

import java.util.List;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A query whose every part must hold, joined in one {@code $and}: a caller's scope and a filter may then constrain
 * the same field (township staff filtering by a township), and a keyset cursor's {@code $or} may join them, where
 * adding them to one query one by one fails (one criterion per field).
 */
@org.springframework.modulith.NamedInterface("mongo")
public final class AllOf {

  private AllOf() {
  }

  /** The query of all the parts (empty parts: everything). */
  public static Query query(List<Criteria> parts) {
    return parts.isEmpty() ? new Query() : new Query(new Criteria().andOperator(parts));
  }
}
