package org.onedoor.backend.casefiles;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.onedoor.backend.platform.CityTime;
import org.onedoor.backend.platform.Roles;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The register's figures for oversight (督导考核), per township: counts over confirmed files (drafts from the one door
 * are unverified and left out), computed here so that no file leaves this feature. Only internal file ids leave it,
 * for oversight to tell which children other features' help reached; never a name, an ID number or an address.
 */
@Service
public class FileIndicators {

  /** Parents' situations that leave a child an orphan (孤儿) or unsupported in fact (事实无人抚养). */
  static final Set<ParentsSituation> WITHOUT_SUPPORT = EnumSet.of(ParentsSituation.BOTH_DECEASED_OR_MISSING,
      ParentsSituation.IN_CUSTODY, ParentsSituation.SEVERELY_DISABLED_OR_ILL, ParentsSituation.GUARDIANSHIP_REVOKED);
  /** The allowances such a child is owed: orphan allowance, unsupported-child allowance or extreme-poverty support. */
  static final Set<Benefit> SUPPORT_ALLOWANCES = EnumSet.of(Benefit.ORPHAN_ALLOWANCE,
      Benefit.UNSUPPORTED_CHILD_ALLOWANCE, Benefit.EXTREME_POVERTY_SUPPORT);

  private final MongoTemplate mongo;
  private final Clock clock;

  FileIndicators(MongoTemplate mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
  }

  /**
   * One township's register today.
   *
   * @param townshipId the township
   * @param files children on confirmed files
   * @param visitsOnSchedule files whose next home visit is not yet overdue
   * @param overdueVisits files whose next home visit is overdue
   * @param withoutSupport orphans and children unsupported in fact
   * @param withoutSupportAllowed of those, the ones receiving their allowance
   * @param disabled children with a disability
   * @param droppedOut children who dropped out of school (辍学)
   * @param withoutRegistration children with no household registration (户籍) on file
   * @param guardianshipConcerns children on file for missing or improper guardianship (the children psychological
   *     care is for)
   * @param disabledFileIds the files of the children with a disability
   * @param guardianshipFileIds the files of the children on file for guardianship
   */
  public record Township(String townshipId, int files, int visitsOnSchedule, int overdueVisits, int withoutSupport,
      int withoutSupportAllowed, int disabled, int droppedOut, int withoutRegistration, int guardianshipConcerns,
      Set<String> disabledFileIds, Set<String> guardianshipFileIds) {
  }

  /**
   * One township's month.
   *
   * @param townshipId the township
   * @param month the month
   * @param filesOpened files opened (confirmed ones) in the month
   * @param homeVisits home visits made in the month
   */
  public record TownshipMonth(String townshipId, YearMonth month, int filesOpened, int homeVisits) {
  }

  /** Every township's register today, by township id; only the given township's when not null. */
  @PreAuthorize(Roles.OVERSEERS)
  public Map<String, Township> byTownship(String townshipId) {
    LocalDate today = CityTime.today(clock);
    Query query = new Query(scope(townshipId));
    query.fields().include("townshipId", "guardianship.parents", "benefits", "condition.category",
        "schooling.status", "householdRegistration", "causes");
    Map<String, Tally> tallies = new HashMap<>();
    try (var stream = mongo.stream(query, org.bson.Document.class, mongo.getCollectionName(CaseFile.class))) {
      stream.forEach(file -> count(file, tallies));
    }
    Query overdue = new Query(scope(townshipId).and("nextVisitDue").lt(today));
    overdue.fields().include("townshipId");
    try (var stream = mongo.stream(overdue, org.bson.Document.class, mongo.getCollectionName(CaseFile.class))) {
      stream.forEach(file -> tallies.computeIfAbsent(file.getString("townshipId"), t -> new Tally()).overdue++);
    }
    Map<String, Township> result = new HashMap<>();
    tallies.forEach((township, t) -> result.put(township, new Township(township, t.files, t.files - t.overdue,
        t.overdue, t.withoutSupport, t.allowed, t.disabled.size(), t.droppedOut, t.withoutRegistration,
        t.guardianship.size(), Set.copyOf(t.disabled), Set.copyOf(t.guardianship))));
    return result;
  }

  /**
   * Every township's months from {@code first} to {@code last} (inclusive) that had a file opened or a visit made;
   * only the given township's when not null.
   */
  @PreAuthorize(Roles.OVERSEERS)
  public List<TownshipMonth> months(YearMonth first, YearMonth last, String townshipId) {
    LocalDate from = first.atDay(1);
    LocalDate until = last.plusMonths(1).atDay(1);
    Map<String, String> townshipOfFile = new HashMap<>();
    Map<String, Map<YearMonth, int[]>> tallies = new HashMap<>();
    Query files = new Query(scope(townshipId));
    files.fields().include("townshipId", "createdAt");
    for (org.bson.Document file : mongo.find(files, org.bson.Document.class,
        mongo.getCollectionName(CaseFile.class))) {
      townshipOfFile.put(file.getString("_id"), file.getString("townshipId"));
      java.util.Date created = file.getDate("createdAt");
      LocalDate opened = created == null ? null : LocalDate.ofInstant(created.toInstant(), CityTime.ZONE);
      if (opened != null && !opened.isBefore(from) && opened.isBefore(until)) {
        tallies.computeIfAbsent(file.getString("townshipId"), t -> new HashMap<>())
            .computeIfAbsent(YearMonth.from(opened), m -> new int[2])[0]++;
      }
    }
    Query visits = new Query(where("visitedOn").gte(from).lt(until));
    for (HomeVisit visit : mongo.find(visits, HomeVisit.class)) {
      String township = townshipOfFile.get(visit.fileId());
      if (township != null) {
        tallies.computeIfAbsent(township, t -> new HashMap<>())
            .computeIfAbsent(YearMonth.from(visit.visitedOn()), m -> new int[2])[1]++;
      }
    }
    List<TownshipMonth> result = new ArrayList<>();
    tallies.forEach((township, months) -> months.forEach((month, counts) ->
        result.add(new TownshipMonth(township, month, counts[0], counts[1]))));
    return result;
  }

  private static void count(org.bson.Document file, Map<String, Tally> tallies) {
    Tally tally = tallies.computeIfAbsent(file.getString("townshipId"), t -> new Tally());
    tally.files++;
    org.bson.Document guardianship = file.get("guardianship", org.bson.Document.class);
    String parents = guardianship == null ? null : guardianship.getString("parents");
    if (parents != null && WITHOUT_SUPPORT.stream().anyMatch(s -> s.name().equals(parents))) {
      tally.withoutSupport++;
      List<?> benefits = file.getList("benefits", Object.class, List.of());
      if (SUPPORT_ALLOWANCES.stream().anyMatch(b -> benefits.contains(b.name()))) {
        tally.allowed++;
      }
    }
    org.bson.Document condition = file.get("condition", org.bson.Document.class);
    String category = condition == null ? null : condition.getString("category");
    if (category != null && ConditionCategory.valueOf(category).disability()) {
      tally.disabled.add(file.getString("_id"));
    }
    org.bson.Document schooling = file.get("schooling", org.bson.Document.class);
    if (schooling != null && SchoolingStatus.DROPPED_OUT.name().equals(schooling.getString("status"))) {
      tally.droppedOut++;
    }
    // Encrypted at rest when present: only its absence is read here.
    Object registration = file.get("householdRegistration");
    if (registration == null || registration instanceof String text && text.isBlank()) {
      tally.withoutRegistration++;
    }
    if (file.getList("causes", Object.class, List.of()).contains(Cause.GUARDIANSHIP.name())) {
      tally.guardianship.add(file.getString("_id"));
    }
  }

  /** Whether a stored condition category is a disability; an unknown value (older data) counts as none. */
  private static boolean disability(String category) {
    try {
      return ConditionCategory.valueOf(category).disability();
    } catch (IllegalArgumentException unknown) {
      return false;
    }
  }

  private static Criteria scope(String townshipId) {
    // Files reduced by the retention rules are grown-ups' or erased: no longer counted.
    Criteria confirmed = where("draft").ne(true).and("reducedAt").is(null);
    return townshipId == null ? confirmed : confirmed.and("townshipId").is(townshipId);
  }

  private static final class Tally {
    private int files;
    private int overdue;
    private int withoutSupport;
    private int allowed;
    private int droppedOut;
    private int withoutRegistration;
    private final Set<String> disabled = new HashSet<>();
    private final Set<String> guardianship = new HashSet<>();
  }
}
