package org.onedoor.backend.registry;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bson.Document;
import org.onedoor.backend.geography.Geography;
import org.onedoor.backend.identity.Caller;
import org.onedoor.backend.platform.Roles;
import org.onedoor.backend.platform.CityTime;
import org.onedoor.backend.platform.mongo.DailySnapshots;
import org.onedoor.backend.platform.graphql.Connection;
import org.onedoor.backend.platform.graphql.Cursors;
import org.onedoor.backend.platform.graphql.PageSize;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The registers. Children's homes and organisations' public profiles are public; volunteers, caring families and
 * organisations' contacts are staff only, and the public sees only counts of volunteers and families. Staff keep the
 * registers through {@link RegisterEditing}.
 */
@Service
class Registers {

  static final String CARE_NETWORK_SNAPSHOTS = "care_network_snapshots";

  private final MongoTemplate mongo;
  private final Geography geography;
  private final Clock clock;
  private final int k;
  private final DailySnapshots snapshots;

  Registers(MongoTemplate mongo, Geography geography, Clock clock,
      org.onedoor.backend.needs.publication.AnonymitySettings anonymity, DailySnapshots snapshots) {
    this.snapshots = snapshots;
    this.k = anonymity.k();
    this.mongo = mongo;
    this.geography = geography;
    this.clock = clock;
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

  /**
   * Public: the children's work station (儿童工作站) of each township, in one query — where help for a need shown at
   * township level is delivered.
   */
  @PreAuthorize(Roles.PUBLIC)
  public Map<String, ChildrenHome> workStationsOf(Collection<String> townshipIds) {
    Map<String, ChildrenHome> stations = new HashMap<>();
    mongo.find(query(where("townshipId").in(townshipIds).and("type").is(ChildrenHomeType.CHILDREN_WORK_STATION))
        .with(Sort.by("name")), ChildrenHome.class).forEach(h -> stations.putIfAbsent(h.townshipId(), h));
    return stations;
  }

  /** Staff: organisations' contacts, in one query. */
  @PreAuthorize(Roles.REGISTER_KEEPERS)
  public Map<String, Contact> contactsOf(Collection<String> organisationIds) {
    Map<String, Contact> contacts = new HashMap<>();
    mongo.find(query(where("_id").in(organisationIds)), Organisation.class)
        .forEach(o -> contacts.put(o.id(), new Contact(o.contactPerson(), o.contactPhone())));
    return contacts;
  }

  /**
   * An organisation's contact, staff only.
   *
   * @param person contact person
   * @param phone phone
   */
  public record Contact(String person, String phone) {
  }

  /**
   * Staff: volunteers, township by township, keyset paged; township staff see their township's only. (Not by name:
   * names are encrypted at rest, and the store cannot order by them.)
   */
  @PreAuthorize(Roles.REGISTER_KEEPERS)
  public Connection<Volunteer> volunteers(String townshipId, PageSize size, String after) {
    return page(Volunteer.class, townshipId, size, after, Volunteer::townshipId, Volunteer::id);
  }

  /** Staff: caring families, township by township, keyset paged; township staff see their township's only. */
  @PreAuthorize(Roles.REGISTER_KEEPERS)
  public Connection<CaringFamily> caringFamilies(String townshipId, PageSize size, String after) {
    return page(CaringFamily.class, townshipId, size, after, CaringFamily::townshipId, CaringFamily::id);
  }

  private <T> Connection<T> page(Class<T> type, String townshipId, PageSize size, String after,
      Function<T, String> sortKey, Function<T, String> id) {
    String sortField = "townshipId";
    Caller caller = RegisterEditing.caller();
    List<Criteria> parts = new ArrayList<>();
    if (!RegisterEditing.cityWide(caller)) {
      parts.add(where("townshipId").is(caller.townshipId() == null ? "-" : caller.townshipId()));
    }
    if (townshipId != null) {
      parts.add(where("townshipId").is(townshipId)); // narrows the scope (see AllOf)
    }
    if (after != null && !after.isBlank()) {
      String[] key = Cursors.decode(after, 2);
      parts.add(new Criteria().orOperator(where(sortField).gt(key[0]),
          where(sortField).is(key[0]).and("_id").gt(key[1])));
    }
    Query query = org.onedoor.backend.platform.mongo.AllOf.query(parts);
    query.with(Sort.by(sortField, "_id")).limit(size.value() + 1);
    return Connection.of(mongo.find(query, type), size, e -> Cursors.encode(sortKey.apply(e), id.apply(e)),
        e -> e);
  }

  /**
   * Active volunteers and caring families per township and kind (a family offering several kinds counts under
   * each) — raw counts, never shown as they are.
   */
  Map<String, Map<CareNetworkKind, Long>> careNetworkCounts() {
    Map<String, Map<CareNetworkKind, Long>> counts = new HashMap<>();
    for (Document row : mongo.aggregate(Aggregation.newAggregation(Aggregation.match(where("active").is(true)),
        Aggregation.group("townshipId").count().as("n")), "volunteers", Document.class)) {
      counts.computeIfAbsent(row.getString("_id"), t -> new EnumMap<>(CareNetworkKind.class))
          .put(CareNetworkKind.VOLUNTEER, ((Number) row.get("n")).longValue());
    }
    for (Document row : mongo.aggregate(Aggregation.newAggregation(Aggregation.match(where("active").is(true)),
        Aggregation.unwind("offers"), Aggregation.group("townshipId", "offers").count().as("n")), "caring_families",
        Document.class)) {
      Document id = row.get("_id", Document.class);
      counts.computeIfAbsent(id.getString("townshipId"), t -> new EnumMap<>(CareNetworkKind.class))
          .put(CareNetworkKind.valueOf(id.getString("offers")), ((Number) row.get("n")).longValue());
    }
    return counts;
  }

  /**
   * Public: every township × kind cell of the care network, counts below k shown as "<k" (zero too); taken once a
   * day and the same for every caller all that day, so nobody watches a count move when one family signs up.
   */
  @PreAuthorize(Roles.PUBLIC)
  public List<CareNetworkCount> careNetwork() {
    return snapshots.of(CARE_NETWORK_SNAPSHOTS + "_k" + k, CityTime.today(clock), CareNetwork.class,
        this::takeCareNetwork).cells();
  }

  /**
   * The care network's public cells of a day, as stored.
   *
   * @param cells every township × kind cell
   */
  record CareNetwork(List<CareNetworkCount> cells) {
  }

  private CareNetwork takeCareNetwork() {
    Map<String, Map<CareNetworkKind, Long>> counts = careNetworkCounts();
    List<CareNetworkCount> cells = new ArrayList<>();
    for (var township : geography.townships()) {
      for (CareNetworkKind kind : CareNetworkKind.values()) {
        long count = counts.getOrDefault(township.id(), Map.of()).getOrDefault(kind, 0L);
        cells.add(new CareNetworkCount(township.id(), kind, count < k ? "<" + k : Long.toString(count)));
      }
    }
    return new CareNetwork(cells);
  }

  /**
   * One public cell of the care network.
   *
   * @param townshipId township
   * @param kind volunteers or a kind of family care
   * @param count the shown count
   */
  public record CareNetworkCount(String townshipId, CareNetworkKind kind, String count) {
  }

}
