package org.onedoor.backend.oversight;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.onedoor.backend.casefiles.FileCensus;
import org.onedoor.backend.casefiles.FileScope;
import org.onedoor.backend.geography.Geography;
import org.onedoor.backend.geography.Township;
import org.onedoor.backend.identity.Caller;
import org.onedoor.backend.platform.Roles;
import org.onedoor.backend.platform.CityTime;
import org.onedoor.backend.platform.graphql.Connection;
import org.onedoor.backend.platform.graphql.Cursors;
import org.onedoor.backend.platform.graphql.Messages;
import org.onedoor.backend.platform.graphql.PageSize;
import org.onedoor.backend.platform.graphql.UserError;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Screening campaigns (全面排查). Civil affairs start one for the city or some townships, township staff for their
 * own; supervisors report their village's round (households checked, done), township staff may report for a village
 * of theirs. Progress per village is counted from the files in one aggregation for a page of campaigns — children on
 * file, visited since the start, files opened since — so it shows what was really done, not only what was reported.
 * Everyone sees the villages of their own scope.
 *
 * <p>Why one class of about 300 lines: a campaign's start, its reports and its progress share one scope rule (who
 * sees and reports which villages) that must not drift apart; the counting itself lives in casefiles' census.
 */
@Service
class ScreeningCampaigns {

  private static final int MAX_HOUSEHOLDS = 100_000;

  private final MongoTemplate mongo;
  private final FileCensus census;
  private final Geography geography;
  private final Messages messages;
  private final Clock clock;

  ScreeningCampaigns(MongoTemplate mongo, FileCensus census, Geography geography, Messages messages, Clock clock) {
    this.mongo = mongo;
    this.census = census;
    this.geography = geography;
    this.messages = messages;
    this.clock = clock;
  }

  /**
   * A campaign to start.
   *
   * @param name its name
   * @param townshipIds the townships (civil affairs: empty for the whole city; township staff: their own)
   * @param startsOn first day, yyyy-MM-dd
   * @param endsOn last day, yyyy-MM-dd
   */
  record StartScreeningCampaignInput(String name, List<String> townshipIds, String startsOn, String endsOn) {
  }

  /**
   * The result of starting a campaign.
   *
   * @param campaign the campaign; null when refused
   * @param errors why it was refused
   */
  record StartScreeningCampaignPayload(ScreeningCampaign campaign, List<UserError> errors) {
  }

  /**
   * A village's report.
   *
   * @param campaignId the campaign
   * @param villageId the village
   * @param householdsChecked households checked so far
   * @param completed whether the round is done
   * @param note a note
   * @param expectedVersion the report's version the reporter saw (0 for the first)
   */
  record ReportVillageScreeningInput(String campaignId, String villageId, Integer householdsChecked,
      Boolean completed, String note, Long expectedVersion) {
  }

  /**
   * The result of a report.
   *
   * @param village the village's progress after it; null when refused
   * @param errors why it was refused
   */
  record ReportVillageScreeningPayload(VillageProgress village, List<UserError> errors) {
  }

  /** Township staff (their township), civil affairs and administrators: starts a campaign. */
  @PreAuthorize(Roles.REGISTER_KEEPERS)
  public StartScreeningCampaignPayload start(StartScreeningCampaignInput input, Locale locale) {
    Caller caller = caller();
    List<UserError> errors = new ArrayList<>();
    String name = input.name() == null ? "" : input.name().strip();
    if (name.isEmpty() || name.length() > 60) {
      errors.add(messages.userError("FIELD_REQUIRED", "name", locale, 60));
    }
    List<String> townships = input.townshipIds() == null ? List.of()
        : input.townshipIds().stream().distinct().toList();
    if (!FileScope.cityWide(caller)) {
      if (townships.isEmpty()) {
        townships = caller.townshipId() == null ? List.of() : List.of(caller.townshipId());
      }
      if (townships.size() != 1 || !townships.getFirst().equals(caller.townshipId())) {
        throw new AccessDeniedException("township staff start campaigns for their own township only");
      }
    }
    if (geography.townshipsById(townships).size() != townships.size()) {
      errors.add(messages.userError("TOWNSHIP_UNKNOWN", "townshipIds", locale));
    }
    LocalDate startsOn = date(input.startsOn(), "startsOn", errors, locale);
    LocalDate endsOn = date(input.endsOn(), "endsOn", errors, locale);
    if (startsOn != null && endsOn != null && (endsOn.isBefore(startsOn) || endsOn.isAfter(startsOn.plusYears(1))
        || endsOn.isBefore(today()))) {
      errors.add(messages.userError("CAMPAIGN_PERIOD_INVALID", "endsOn", locale));
    }
    if (!errors.isEmpty()) {
      return new StartScreeningCampaignPayload(null, errors);
    }
    ScreeningCampaign campaign = new ScreeningCampaign(UUID.randomUUID().toString(), name, townships, startsOn,
        endsOn, caller.subject(), clock.instant());
    mongo.insert(campaign);
    return new StartScreeningCampaignPayload(campaign, List.of());
  }

  /**
   * Staff who keep files: the campaigns covering their scope, latest start first, keyset paged (civil affairs see
   * all; township staff and supervisors those of the city and of their township).
   */
  @PreAuthorize(Roles.FILE_KEEPERS)
  public Connection<ScreeningCampaign> campaigns(PageSize size, String after) {
    Caller caller = caller();
    Query query = new Query();
    if (!FileScope.cityWide(caller)) {
      query.addCriteria(new Criteria().orOperator(where("townshipIds").size(0),
          where("townshipIds").is(caller.townshipId() == null ? "-" : caller.townshipId())));
    }
    if (after != null && !after.isBlank()) {
      String[] key = Cursors.decode(after, 2);
      LocalDate start = Cursors.day(key[0]);
      query.addCriteria(new Criteria().orOperator(where("startsOn").lt(start),
          where("startsOn").is(start).and("_id").gt(key[1])));
    }
    query.with(Sort.by(Sort.Order.desc("startsOn"), Sort.Order.asc("_id"))).limit(size.value() + 1);
    return Connection.of(mongo.find(query, ScreeningCampaign.class), size,
        c -> Cursors.encode(c.startsOn(), c.id()), c -> c);
  }

  /**
   * Staff who keep files: each campaign's villages in the caller's scope with their progress, in official order —
   * one aggregation over the files and one query for the reports, whatever the number of campaigns.
   */
  @PreAuthorize(Roles.FILE_KEEPERS)
  public Map<ScreeningCampaign, List<VillageProgress>> progressOf(Collection<ScreeningCampaign> campaigns) {
    Caller caller = caller();
    Map<ScreeningCampaign, List<VillageProgress>> result = new LinkedHashMap<>();
    if (campaigns.isEmpty()) {
      return result;
    }
    List<ScreeningCampaign> list = List.copyOf(campaigns);
    List<Township> townships = geography.townships();
    Set<String> townshipIds = new LinkedHashSet<>();
    for (ScreeningCampaign campaign : list) {
      townships.stream().filter(t -> campaign.covers(t.id())).forEach(t -> townshipIds.add(t.id()));
    }
    Map<String, FileCensus.VillageCount> counts = census.byVillage(townshipIds,
        list.stream().map(c -> new FileCensus.Since(c.startsOn(), openedFrom(c))).toList());
    Map<String, VillageScreening> reports = new HashMap<>();
    mongo.find(query(where("campaignId").in(list.stream().map(ScreeningCampaign::id).toList())),
        VillageScreening.class).forEach(r -> reports.put(r.id(), r));
    for (int i = 0; i < list.size(); i++) {
      ScreeningCampaign campaign = list.get(i);
      List<VillageProgress> villages = new ArrayList<>();
      for (Township township : townships) {
        if (!campaign.covers(township.id())) {
          continue;
        }
        for (var village : township.villages()) {
          if (!FileScope.covers(caller, township.id(), village.id())) {
            continue;
          }
          FileCensus.VillageCount c = counts.get(village.id());
          VillageScreening report = reports.get(VillageScreening.idOf(campaign.id(), village.id()));
          villages.add(new VillageProgress(campaign.id(), village.id(), township.id(), c == null ? 0 : c.children(),
              c == null ? 0 : c.visitedSince().get(i), c == null ? 0 : c.openedSince().get(i), report == null ? 0 : report.householdsChecked(), report != null && report.completed(),
              report == null ? null : report.note(), report == null ? null : report.reportedAt().toString(),
              report == null ? 0 : report.version()));
        }
      }
      result.put(campaign, villages);
    }
    return result;
  }

  /**
   * A supervisor (their village), township staff (their township's villages), civil affairs: reports a village's
   * round while the campaign runs. A report made on an older version than the stored one is refused (REPORT_STALE),
   * so two reporters never overwrite each other unseen.
   */
  @PreAuthorize(Roles.FILE_KEEPERS)
  public ReportVillageScreeningPayload report(ReportVillageScreeningInput input, Locale locale) {
    Caller caller = caller();
    ScreeningCampaign campaign = input.campaignId() == null ? null
        : mongo.findById(input.campaignId(), ScreeningCampaign.class);
    if (campaign == null) {
      return new ReportVillageScreeningPayload(null, List.of(messages.userError("CAMPAIGN_NOT_FOUND", "campaignId",
          locale)));
    }
    String townshipId = townshipOf(input.villageId());
    if (townshipId == null || !campaign.covers(townshipId)) {
      return new ReportVillageScreeningPayload(null, List.of(messages.userError("VILLAGE_NOT_IN_CAMPAIGN",
          "villageId", locale)));
    }
    if (!FileScope.covers(caller, townshipId, input.villageId())) {
      throw new AccessDeniedException("village outside the caller's scope");
    }
    List<UserError> errors = new ArrayList<>();
    LocalDate today = today();
    if (today.isBefore(campaign.startsOn()) || today.isAfter(campaign.endsOn())) {
      errors.add(messages.userError("CAMPAIGN_NOT_RUNNING", "campaignId", locale, campaign.startsOn(),
          campaign.endsOn()));
    }
    int households = input.householdsChecked() == null ? -1 : input.householdsChecked();
    if (households < 0 || households > MAX_HOUSEHOLDS) {
      errors.add(messages.userError("HOUSEHOLDS_INVALID", "householdsChecked", locale, MAX_HOUSEHOLDS));
    }
    String note = input.note() == null || input.note().isBlank() ? null : input.note().strip();
    if (note != null && note.length() > 500) {
      errors.add(messages.userError("TEXT_TOO_LONG", "note", locale, 500));
    }
    if (!errors.isEmpty()) {
      return new ReportVillageScreeningPayload(null, errors);
    }
    long expected = input.expectedVersion() == null ? 0 : input.expectedVersion();
    String id = VillageScreening.idOf(campaign.id(), input.villageId());
    boolean completed = Boolean.TRUE.equals(input.completed());
    boolean stored;
    if (expected == 0) {
      try {
        mongo.insert(new VillageScreening(id, campaign.id(), input.villageId(), townshipId, households, completed,
            note, caller.subject(), clock.instant(), 1));
        stored = true;
      } catch (DuplicateKeyException exists) {
        stored = false;
      }
    } else {
      stored = mongo.findAndModify(query(where("_id").is(id).and("version").is(expected)),
          new Update().set("householdsChecked", households).set("completed", completed).set("note", note)
              .set("reportedBy", caller.subject()).set("reportedAt", clock.instant()).inc("version", 1),
          FindAndModifyOptions.options().returnNew(true), VillageScreening.class) != null;
    }
    if (!stored) {
      return new ReportVillageScreeningPayload(null, List.of(messages.userError("REPORT_STALE", "expectedVersion",
          locale)));
    }
    VillageProgress progress = progressOf(List.of(campaign)).get(campaign).stream()
        .filter(v -> v.villageId().equals(input.villageId())).findFirst().orElseThrow();
    return new ReportVillageScreeningPayload(progress, List.of());
  }

  private String townshipOf(String villageId) {
    if (villageId == null) {
      return null;
    }
    return geography.townships().stream().filter(t -> t.villages().stream().anyMatch(v -> v.id().equals(villageId)))
        .map(Township::id).findFirst().orElse(null);
  }

  private LocalDate date(String text, String field, List<UserError> errors, Locale locale) {
    try {
      return LocalDate.parse(text == null ? "" : text.strip());
    } catch (DateTimeParseException invalid) {
      errors.add(messages.userError("DATE_INVALID", field, locale));
      return null;
    }
  }

  private LocalDate today() {
    return CityTime.today(clock);
  }

  private static Caller caller() {
    return Caller.current().orElseThrow(() -> new AccessDeniedException("not signed in"));
  }

  /**
   * From when a campaign's new files count: its first day — but a campaign entered on its first day counts only
   * the files opened after it was started, not the ones already on file that morning.
   */
  static java.time.Instant openedFrom(ScreeningCampaign campaign) {
    java.time.Instant firstDay = campaign.startsOn().atStartOfDay(org.onedoor.backend.platform.CityTime.ZONE)
        .toInstant();
    return campaign.createdAt() != null && campaign.createdAt().isAfter(firstDay)
        && !campaign.createdAt().isAfter(firstDay.plus(java.time.Duration.ofDays(1)))
        ? campaign.createdAt() : firstDay;
  }
}
