package org.onedoor.backend.intake;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.onedoor.backend.identity.Department;
import org.onedoor.backend.platform.CityTime;
import org.onedoor.backend.platform.Medians;
import org.onedoor.backend.platform.Roles;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The departments' handling of the one door, month by month, for oversight (督导考核): counts and durations over the
 * handling tasks, never an intake's content. Months are calendar months in the city's time zone.
 */
@Service
public class TaskIndicators {

  private final MongoTemplate mongo;
  private final Clock clock;

  TaskIndicators(MongoTemplate mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
  }

  /**
   * One department's month.
   *
   * @param department the department
   * @param month the month
   * @param opened tasks routed to it in the month
   * @param due tasks routed in the month whose first response is known or overdue: claimed, or unclaimed past
   *     their due time (the denominator of the on-time rate)
   * @param onTime of those, claimed by their due time
   * @param closed tasks it finished in the month
   * @param medianHoursToClose the median hours from routing to done of the tasks it finished in the month, or null
   * @param escalations tasks of it that escalated in the month for missing their deadline
   */
  public record DepartmentMonth(Department department, YearMonth month, int opened, int due, int onTime, int closed,
      Double medianHoursToClose, int escalations) {
  }

  /**
   * Every department's months from {@code first} to {@code last} (inclusive), in the departments' order then by
   * month; months without a task are there with zeros.
   *
   * @param townshipId only the tasks of this township, or null for the whole city
   */
  @PreAuthorize(Roles.OVERSEERS)
  public List<DepartmentMonth> byDepartment(YearMonth first, YearMonth last, String townshipId) {
    Instant from = CityTime.startOf(first);
    Instant until = CityTime.startOf(last.plusMonths(1));
    Instant now = clock.instant();
    Criteria inWindow = new Criteria().orOperator(where("createdAt").gte(from).lt(until),
        where("doneAt").gte(from).lt(until), where("escalatedAt").gte(from).lt(until));
    // A task closed because its submitter withdrew (an offer) was never the department's to answer: left out.
    Criteria handled = where("withdrawn").ne(true);
    Criteria criteria = townshipId == null ? new Criteria().andOperator(handled, inWindow)
        : new Criteria().andOperator(where("townshipId").is(townshipId), handled, inWindow);
    Query query = new Query(criteria);
    query.fields().include("department", "createdAt", "dueAt", "claimedAt", "doneAt", "escalatedAt");
    Map<Department, Map<YearMonth, Tally>> tallies = new EnumMap<>(Department.class);
    for (org.bson.Document document : mongo.find(query, org.bson.Document.class,
        mongo.getCollectionName(HandlingTask.class))) {
      Task task = new Task(Department.valueOf(document.getString("department")), instant(document, "createdAt"),
          instant(document, "dueAt"), instant(document, "claimedAt"), instant(document, "doneAt"),
          instant(document, "escalatedAt"));
      Map<YearMonth, Tally> months = tallies.computeIfAbsent(task.department(), d -> new HashMap<>());
      if (within(task.createdAt(), from, until)) {
        Tally tally = months.computeIfAbsent(CityTime.monthOf(task.createdAt()), m -> new Tally());
        tally.opened++;
        if (task.claimedAt() != null) {
          tally.due++;
          if (task.dueAt() == null || !task.claimedAt().isAfter(task.dueAt())) {
            tally.onTime++;
          }
        } else if (task.dueAt() != null && task.dueAt().isBefore(now)) {
          tally.due++;
        }
      }
      if (within(task.doneAt(), from, until)) {
        months.computeIfAbsent(CityTime.monthOf(task.doneAt()), m -> new Tally()).hoursToClose
            .add(Duration.between(task.createdAt(), task.doneAt()).toMinutes() / 60.0);
      }
      if (within(task.escalatedAt(), from, until)) {
        months.computeIfAbsent(CityTime.monthOf(task.escalatedAt()), m -> new Tally()).escalations++;
      }
    }
    List<DepartmentMonth> result = new ArrayList<>();
    for (Department department : Department.values()) {
      Map<YearMonth, Tally> months = tallies.getOrDefault(department, Map.of());
      for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
        Tally tally = months.getOrDefault(month, new Tally());
        result.add(new DepartmentMonth(department, month, tally.opened, tally.due, tally.onTime,
            tally.hoursToClose.size(), Medians.of(tally.hoursToClose), tally.escalations));
      }
    }
    return result;
  }

  /** The times a figure needs of one task. */
  private record Task(Department department, Instant createdAt, Instant dueAt, Instant claimedAt, Instant doneAt,
      Instant escalatedAt) {
  }

  private static Instant instant(org.bson.Document document, String field) {
    java.util.Date date = document.getDate(field);
    return date == null ? null : date.toInstant();
  }

  private static boolean within(Instant at, Instant from, Instant until) {
    return at != null && !at.isBefore(from) && at.isBefore(until);
  }



  private static final class Tally {
    private int opened;
    private int due;
    private int onTime;
    private int escalations;
    private final List<Double> hoursToClose = new ArrayList<>();
  }
}
