package org.onedoor.backend.oversight;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.onedoor.backend.casefiles.FileIndicators;
import org.onedoor.backend.geography.Geography;
import org.onedoor.backend.geography.Township;
import org.onedoor.backend.identity.Caller;
import org.onedoor.backend.identity.Department;
import org.onedoor.backend.intake.TaskIndicators;
import org.onedoor.backend.matching.HelpIndicators;
import org.onedoor.backend.needs.NeedCategory;
import org.onedoor.backend.needs.Needs;
import org.onedoor.backend.platform.CityTime;
import org.onedoor.backend.platform.Roles;
import org.onedoor.backend.platform.graphql.BadArgumentException;
import org.onedoor.backend.platform.graphql.Messages;
import org.onedoor.schema.RoleNames;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The oversight indicators (督导考核), composed from each feature's own figures: the departments' handling (intake),
 * the register and home visits (casefiles), screening (this feature), the help social forces gave (matching) and the
 * needs it reached (needs). Counts and durations only.
 *
 * <p>Figures about events (tasks, visits, offers, matches) are counted month by month from their timestamps, so their
 * trends reach back as far as the data. Coverage is a state of the register with no history of its own: it is
 * recorded per township and month ({@code oversight_coverage}) daily and whenever the indicators are computed, and a
 * past month's trend point is the last value recorded in that month; a month before recording began has none.
 */
@Service
public class Indicators {

  static final String COVERAGE = "oversight_coverage";
  private static final int MONTHS = 12;
  private static final int YEARS_BACK = 10;

  private final TaskIndicators tasks;
  private final FileIndicators files;
  private final HelpIndicators help;
  private final Needs needs;
  private final Geography geography;
  private final MongoTemplate mongo;
  private final Messages messages;
  private final Clock clock;

  Indicators(TaskIndicators tasks, FileIndicators files, HelpIndicators help, Needs needs, Geography geography,
      MongoTemplate mongo, Messages messages, Clock clock) {
    this.tasks = tasks;
    this.files = files;
    this.help = help;
    this.needs = needs;
    this.geography = geography;
    this.mongo = mongo;
    this.messages = messages;
    this.clock = clock;
  }

  /** What the caller asked for. */
  public record OversightInput(String month, String townshipId) {
  }

  /** The dashboard: see the schema's OversightDashboard. */
  public record Dashboard(String month, List<String> months, Township township,
      List<DepartmentIndicators> departments, List<TownshipIndicators> townships, List<CoverageIndicator> coverage,
      HelpFigures help) {
  }

  /** See the schema's DepartmentIndicators. */
  public record DepartmentIndicators(Department department, int opened, int due, int onTime, Double onTimePercent,
      int closed, Double medianHoursToClose, int escalations, List<DepartmentMonth> trend) {
  }

  /** See the schema's DepartmentMonth. */
  public record DepartmentMonth(String month, int opened, Double onTimePercent, Double medianHoursToClose,
      int escalations) {
  }

  /** See the schema's TownshipIndicators. */
  public record TownshipIndicators(Township township, int files, int visitsOnSchedule, int overdueVisits,
      Double onSchedulePercent, int homeVisits, int filesOpened, String screeningCampaign, Double screeningPercent,
      List<Integer> homeVisitsTrend) {
  }

  /** The coverage measures (the schema's CoverageKind). */
  public enum CoverageKind {
    SUPPORT_ALLOWANCE(true), DISABILITY_REHABILITATION(true), PSYCHOLOGICAL_CARE(true), SCHOOL_DROP_OUTS(false),
    NO_HOUSEHOLD_REGISTRATION(false);

    private final boolean rate;

    CoverageKind(boolean rate) {
      this.rate = rate;
    }

    /** Whether it is a share of the children concerned (else a count whose target is none). */
    public boolean rate() {
      return rate;
    }
  }

  /** See the schema's CoverageIndicator. */
  public record CoverageIndicator(CoverageKind kind, String label, int concerned, Integer covered, Double percent,
      List<Double> trend) {
  }

  /** See the schema's HelpIndicators. */
  public record HelpFigures(int offers, int approvedMatches, int needsMet, Double medianDaysToMatch,
      List<CategoryCount> byCategory, List<HelpMonth> trend) {
  }

  /** See the schema's HelpMonth. */
  public record HelpMonth(String month, int offers, int approvedMatches, int needsMet, Double medianDaysToMatch) {
  }

  /** See the schema's CategoryCount. */
  public record CategoryCount(NeedCategory category, int count) {
  }

  /**
   * One township's coverage recorded for a month: counts of children, no file.
   *
   * @param id {@code yyyy-MM|townshipId}
   * @param month {@code yyyy-MM}
   * @param townshipId the township
   * @param counts concerned and covered per measure ({@code KIND-concerned}, {@code KIND-covered}; no dots in keys)
   * @param recordedAt when last recorded
   */
  @Document(COVERAGE)
  record RecordedCoverage(@Id String id, String month, String townshipId, Map<String, Integer> counts,
      Instant recordedAt) {
  }

  /**
   * The dashboard for a month, within the caller's scope: city-wide for oversight and civil affairs (or the township
   * they ask for), the caller's own township for township staff.
   */
  @PreAuthorize(Roles.OVERSEERS)
  public Dashboard dashboard(OversightInput input, Locale locale) {
    return compute(input, locale).dashboard();
  }

  /**
   * The monthly report's figures: the dashboard, and each township's coverage counts for the month (today's for the
   * current month, the last recorded for a past one; a township without a record is absent).
   *
   * @param dashboard the dashboard
   * @param coverageByTownship concerned and covered per measure ({@code KIND-concerned}, {@code KIND-covered}), by
   *     township id
   */
  public record Report(Dashboard dashboard, Map<String, Map<String, Integer>> coverageByTownship) {
  }

  /** The figures of the monthly report (定期通报), within the same scope as the dashboard. */
  @PreAuthorize(Roles.OVERSEERS)
  public Report report(OversightInput input, Locale locale) {
    return compute(input, locale);
  }

  private Report compute(OversightInput input, Locale locale) {
    YearMonth month = month(input == null ? null : input.month());
    String townshipId = scope(input == null ? null : input.townshipId());
    YearMonth first = month.minusMonths(MONTHS - 1L);
    List<String> months = new ArrayList<>();
    for (YearMonth m = first; !m.isAfter(month); m = m.plusMonths(1)) {
      months.add(m.toString());
    }
    List<Township> townships = geography.townships().stream()
        .filter(t -> townshipId == null || t.id().equals(townshipId)).toList();
    Map<String, FileIndicators.Township> register = files.byTownship(townshipId);
    Map<String, Map<String, Integer>> coverageNow = coverageByTownship(townships, register);
    record(coverageNow);
    Map<String, Map<String, Integer>> monthCoverage = new HashMap<>();
    if (month.equals(YearMonth.now(clock.withZone(CityTime.ZONE)))) {
      monthCoverage.putAll(coverageNow);
    } else {
      Set<String> ids = new HashSet<>(townships.stream().map(Township::id).toList());
      mongo.find(query(where("month").is(month.toString())), RecordedCoverage.class).stream()
          .filter(row -> ids.contains(row.townshipId()))
          .forEach(row -> monthCoverage.put(row.townshipId(), row.counts()));
    }
    Dashboard dashboard = new Dashboard(month.toString(), months, townshipId == null ? null : townships.getFirst(),
        departments(first, month, townshipId), townships(townships, register, first, month),
        coverage(townships, coverageNow, first, month, locale), help(first, month, townshipId));
    return new Report(dashboard, monthCoverage);
  }

  /** Records today's coverage of every township (the daily run; oversight's own figures, counts only). */
  @PreAuthorize(Roles.OVERSEERS)
  public void recordCoverage() {
    List<Township> townships = geography.townships();
    record(coverageByTownship(townships, files.byTownship(null)));
  }

  private YearMonth month(String text) {
    YearMonth current = YearMonth.now(clock.withZone(CityTime.ZONE));
    if (text == null || text.isBlank()) {
      return current;
    }
    YearMonth month;
    try {
      month = YearMonth.parse(text.strip());
    } catch (DateTimeParseException notAMonth) {
      throw new BadArgumentException("INVALID_MONTH");
    }
    if (month.isAfter(current) || month.isBefore(current.minusYears(YEARS_BACK))) {
      throw new BadArgumentException("INVALID_MONTH");
    }
    return month;
  }

  /** The township the figures are limited to: township staff's own, whatever they ask; null for the city. */
  private String scope(String asked) {
    Caller caller = Caller.current().orElseThrow();
    boolean cityWide = caller.roles().contains(RoleNames.OVERSIGHT) || caller.roles().contains(RoleNames.CIVIL_AFFAIRS);
    String township = cityWide ? blankToNull(asked) : caller.townshipId();
    if (!cityWide && township == null) {
      throw new org.springframework.security.access.AccessDeniedException("no township");
    }
    if (township != null && geography.townshipsById(List.of(township)).isEmpty()) {
      throw new BadArgumentException("UNKNOWN_OVERSIGHT_TOWNSHIP");
    }
    return township;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private List<DepartmentIndicators> departments(YearMonth first, YearMonth month, String townshipId) {
    Map<Department, List<TaskIndicators.DepartmentMonth>> byDepartment = new java.util.EnumMap<>(Department.class);
    tasks.byDepartment(first, month, townshipId)
        .forEach(m -> byDepartment.computeIfAbsent(m.department(), d -> new ArrayList<>()).add(m));
    List<DepartmentIndicators> result = new ArrayList<>();
    byDepartment.forEach((department, list) -> {
      TaskIndicators.DepartmentMonth now = list.getLast();
      result.add(new DepartmentIndicators(department, now.opened(), now.due(), now.onTime(),
          percent(now.onTime(), now.due()), now.closed(), now.medianHoursToClose(), now.escalations(),
          list.stream().map(m -> new DepartmentMonth(m.month().toString(), m.opened(), percent(m.onTime(), m.due()),
              m.medianHoursToClose(), m.escalations())).toList()));
    });
    return result;
  }

  private List<TownshipIndicators> townships(List<Township> townships,
      Map<String, FileIndicators.Township> register, YearMonth first, YearMonth month) {
    Map<String, Map<YearMonth, FileIndicators.TownshipMonth>> months = new HashMap<>();
    files.months(first, month, townships.size() == 1 ? townships.getFirst().id() : null)
        .forEach(m -> months.computeIfAbsent(m.townshipId(), t -> new HashMap<>()).put(m.month(), m));
    Map<String, Screening> screening = screening(townships, month);
    List<TownshipIndicators> result = new ArrayList<>();
    for (Township township : townships) {
      FileIndicators.Township files = register.get(township.id());
      int count = files == null ? 0 : files.files();
      int onSchedule = files == null ? 0 : files.visitsOnSchedule();
      Map<YearMonth, FileIndicators.TownshipMonth> own = months.getOrDefault(township.id(), Map.of());
      List<Integer> visits = new ArrayList<>();
      for (YearMonth m = first; !m.isAfter(month); m = m.plusMonths(1)) {
        FileIndicators.TownshipMonth tm = own.get(m);
        visits.add(tm == null ? 0 : tm.homeVisits());
      }
      FileIndicators.TownshipMonth now = own.get(month);
      Screening round = screening.get(township.id());
      result.add(new TownshipIndicators(township, count, onSchedule, files == null ? 0 : files.overdueVisits(),
          percent(onSchedule, count), now == null ? 0 : now.homeVisits(), now == null ? 0 : now.filesOpened(),
          round == null ? null : round.campaign(), round == null ? null : round.percent(), visits));
    }
    return result;
  }

  private record Screening(String campaign, Double percent) {
  }

  /** Each township's latest campaign started by the month's end, and its villages reported complete. */
  private Map<String, Screening> screening(List<Township> townships, YearMonth month) {
    List<ScreeningCampaign> campaigns = mongo.find(query(where("startsOn").lte(month.atEndOfMonth())),
        ScreeningCampaign.class).stream()
        .sorted(Comparator.comparing(ScreeningCampaign::startsOn).thenComparing(ScreeningCampaign::id).reversed())
        .toList();
    Map<String, ScreeningCampaign> latest = new HashMap<>();
    for (Township township : townships) {
      campaigns.stream().filter(c -> c.covers(township.id())).findFirst()
          .ifPresent(c -> latest.put(township.id(), c));
    }
    if (latest.isEmpty()) {
      return Map.of();
    }
    Set<String> completed = new HashSet<>();
    mongo.find(query(where("campaignId").in(latest.values().stream().map(ScreeningCampaign::id).distinct().toList())
        .and("completed").is(true)), VillageScreening.class).forEach(r -> completed.add(r.id()));
    Map<String, Screening> result = new HashMap<>();
    for (Township township : townships) {
      ScreeningCampaign campaign = latest.get(township.id());
      if (campaign != null) {
        long done = township.villages().stream()
            .filter(v -> completed.contains(VillageScreening.idOf(campaign.id(), v.id()))).count();
        result.put(township.id(), new Screening(campaign.name(),
            percent((int) done, township.villages().size())));
      }
    }
    return result;
  }

  private Map<String, Map<String, Integer>> coverageByTownship(List<Township> townships,
      Map<String, FileIndicators.Township> register) {
    Map<NeedCategory, Set<String>> helped = needs.filesHelped(EnumSet.of(NeedCategory.REHABILITATION,
        NeedCategory.PSYCHOLOGICAL));
    Map<String, Map<String, Integer>> result = new HashMap<>();
    for (Township township : townships) {
      FileIndicators.Township t = register.get(township.id());
      Map<String, Integer> counts = new HashMap<>();
      if (t != null) {
        put(counts, CoverageKind.SUPPORT_ALLOWANCE, t.withoutSupport(), t.withoutSupportAllowed());
        put(counts, CoverageKind.DISABILITY_REHABILITATION, t.disabled(),
            intersection(t.disabledFileIds(), helped.get(NeedCategory.REHABILITATION)));
        put(counts, CoverageKind.PSYCHOLOGICAL_CARE, t.guardianshipConcerns(),
            intersection(t.guardianshipFileIds(), helped.get(NeedCategory.PSYCHOLOGICAL)));
        put(counts, CoverageKind.SCHOOL_DROP_OUTS, t.droppedOut(), null);
        put(counts, CoverageKind.NO_HOUSEHOLD_REGISTRATION, t.withoutRegistration(), null);
      }
      result.put(township.id(), counts);
    }
    return result;
  }

  private static void put(Map<String, Integer> counts, CoverageKind kind, int concerned, Integer covered) {
    counts.put(kind.name() + "-concerned", concerned);
    if (covered != null) {
      counts.put(kind.name() + "-covered", covered);
    }
  }

  private static int intersection(Set<String> files, Set<String> helped) {
    return (int) files.stream().filter(helped::contains).count();
  }

  private void record(Map<String, Map<String, Integer>> coverage) {
    String month = YearMonth.now(clock.withZone(CityTime.ZONE)).toString();
    Instant now = clock.instant();
    coverage.forEach((township, counts) -> mongo.upsert(query(where("_id").is(month + "|" + township)),
        new Update().set("month", month).set("townshipId", township).set("counts", counts).set("recordedAt", now),
        RecordedCoverage.class));
  }

  private List<CoverageIndicator> coverage(List<Township> townships, Map<String, Map<String, Integer>> now,
      YearMonth first, YearMonth month, Locale locale) {
    Set<String> ids = new HashSet<>(townships.stream().map(Township::id).toList());
    Map<String, Map<String, Integer>> recorded = new HashMap<>();
    for (RecordedCoverage row : mongo.find(query(where("month").gte(first.toString()).lte(month.toString())),
        RecordedCoverage.class)) {
      if (ids.contains(row.townshipId())) {
        Map<String, Integer> sum = recorded.computeIfAbsent(row.month(), m -> new HashMap<>());
        row.counts().forEach((key, value) -> sum.merge(key, value, Integer::sum));
      }
    }
    Map<String, Integer> today = new HashMap<>();
    now.values().forEach(counts -> counts.forEach((key, value) -> today.merge(key, value, Integer::sum)));
    YearMonth current = YearMonth.now(clock.withZone(CityTime.ZONE));
    List<CoverageIndicator> result = new ArrayList<>();
    for (CoverageKind kind : CoverageKind.values()) {
      List<Double> trend = new ArrayList<>();
      for (YearMonth m = first; !m.isAfter(month); m = m.plusMonths(1)) {
        Map<String, Integer> counts = m.equals(current) ? today : recorded.get(m.toString());
        trend.add(counts == null ? null : value(kind, counts));
      }
      Map<String, Integer> shown = month.equals(current) ? today : recorded.getOrDefault(month.toString(), Map.of());
      int concerned = shown.getOrDefault(kind.name() + "-concerned", 0);
      Integer covered = kind.rate() ? shown.getOrDefault(kind.name() + "-covered", 0) : null;
      result.add(new CoverageIndicator(kind, messages.label(kind, locale), concerned, covered,
          kind.rate() ? percent(covered, concerned) : null, trend));
    }
    return result;
  }

  private static Double value(CoverageKind kind, Map<String, Integer> counts) {
    int concerned = counts.getOrDefault(kind.name() + "-concerned", 0);
    if (!kind.rate()) {
      return (double) concerned;
    }
    return percent(counts.getOrDefault(kind.name() + "-covered", 0), concerned);
  }

  private HelpFigures help(YearMonth first, YearMonth month, String townshipId) {
    List<HelpIndicators.Month> months = help.byMonth(first, month, townshipId);
    HelpIndicators.Month now = months.getLast();
    List<CategoryCount> byCategory = new ArrayList<>();
    for (NeedCategory category : NeedCategory.values()) {
      Integer count = now.approvedByCategory().get(category);
      if (count != null && count > 0) {
        byCategory.add(new CategoryCount(category, count));
      }
    }
    return new HelpFigures(now.offers(), now.approvedMatches(), now.needsMet(), now.medianDaysToMatch(), byCategory,
        months.stream().map(m -> new HelpMonth(m.month().toString(), m.offers(), m.approvedMatches(), m.needsMet(),
            m.medianDaysToMatch())).toList());
  }

  /** part ÷ whole in percent, one decimal; null when the whole is zero. */
  static Double percent(int part, int whole) {
    return whole == 0 ? null : Math.round(1000.0 * part / whole) / 10.0;
  }
}
