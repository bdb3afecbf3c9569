package org.onedoor.backend.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import tools.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.platform.CityTime;
import org.onedoor.backend.support.GraphQlHttp;
import org.onedoor.backend.support.IntegrationTest;
import org.onedoor.backend.support.TestChildren;
import org.onedoor.backend.support.TestTokens;
import org.onedoor.schema.RoleNames;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The oversight dashboard (督导考核) over HTTP: each figure computed from data whose answer is known, the trends, the
 * scope of each role, and no child's name, ID number or address in any answer.
 */
@IntegrationTest
class OversightIntegrationTest {

  private static final String DASHBOARD = """
      query($input: OversightInput) { oversight(input: $input) {
        month months township { id }
        departments { department opened due onTime onTimePercent closed medianHoursToClose escalations
          trend { month opened onTimePercent medianHoursToClose escalations } }
        townships { township { id name coordinates { latitude longitude } } files visitsOnSchedule overdueVisits
          onSchedulePercent homeVisits filesOpened screeningCampaign screeningPercent homeVisitsTrend }
        coverage { kind label concerned covered percent trend }
        help { offers approvedMatches needsMet medianDaysToMatch byCategory { category count }
          trend { month offers approvedMatches needsMet medianDaysToMatch } }
      } }""";

  @LocalServerPort
  int port;

  @Autowired
  TestTokens tokens;

  @Autowired
  MongoTemplate mongo;

  private GraphQlHttp oversight;
  private YearMonth lastMonth;
  private Instant base;

  @BeforeEach
  void data() {
    for (String collection : List.of("case_files", "handling_tasks", "needs", "offers", "matches",
        Indicators.COVERAGE, "screening_campaigns", "screening_reports", "home_visits")) {
      mongo.remove(new Query(), collection);
    }
    oversight = GraphQlHttp.at(port).withToken(tokens.token("oversight-office", "督导办", List.of(RoleNames.OVERSIGHT),
        Map.of()));
    GraphQlHttp civil = GraphQlHttp.at(port).withToken(tokens.token("civil-oversight", "民政",
        List.of(RoleNames.CIVIL_AFFAIRS), Map.of()));
    YearMonth now = YearMonth.now(CityTime.ZONE);
    lastMonth = now.minusMonths(1);
    base = lastMonth.atDay(3).atTime(9, 0).atZone(CityTime.ZONE).toInstant();

    String orphan = open(civil, "孤儿甲", "hulin-town", "BOTH_DECEASED_OR_MISSING", List.of("ORPHAN_ALLOWANCE"),
        "黑龙江省虎林市");
    String inCustody = open(civil, "监护乙", "hulin-town", "IN_CUSTODY", List.of("MINIMUM_LIVING_GUARANTEE"),
        "黑龙江省虎林市");
    open(civil, "留守丙", "hutou-town", "BOTH_AWAY_FOR_WORK", List.of(), null);
    mongo.updateFirst(query(where("_id").is(orphan)), new Update().set("nextVisitDue", LocalDate.of(2020, 1, 1)),
        "case_files");
    mongo.updateFirst(query(where("_id").is(inCustody)), new Update().set("schooling.status", "DROPPED_OUT"),
        "case_files");

    // Education, last month: on time, late, unanswered past due (escalated); two finished after 10 h and 40 h.
    task("EDUCATION", "hulin-town", base, base.plus(Duration.ofHours(1)), base.plus(Duration.ofHours(10)), null);
    task("EDUCATION", "hulin-town", base, base.plus(Duration.ofHours(30)), base.plus(Duration.ofHours(40)), null);
    task("EDUCATION", "hutou-town", base, null, null, base.plus(Duration.ofHours(25)));

    // One rehabilitation need of the orphan, published 3 days before its match was approved, met the next day.
    mongo.insert(new Document("_id", "need-rehab").append("publicId", "P-REHAB").append("caseFileId", orphan)
        .append("status", "FULFILLED").append("category", "REHABILITATION").append("title", "康复训练")
        .append("urgency", "HIGH").append("urgencyRank", 1).append("placement", false)
        .append("createdAt", Date.from(base.minus(Duration.ofDays(4))))
        .append("publishedAt", Date.from(base.minus(Duration.ofDays(3)))), "needs");
    mongo.insert(new Document("_id", "offer-1").append("kind", "MONEY").append("townshipId", "hulin-town")
        .append("createdAt", Date.from(base)).append("status", "OPEN"), "offers");
    mongo.insert(new Document("_id", "match-1").append("needId", "need-rehab").append("offerId", "offer-1")
        .append("caseFileId", orphan).append("townshipId", "hulin-town").append("status", "CONFIRMED")
        .append("decidedAt", Date.from(base.plus(Duration.ofDays(2)))).append("outcome", "MET")
        .append("confirmedAt", Date.from(base.plus(Duration.ofDays(3)))), "matches");
  }

  private static String open(GraphQlHttp caller, String name, String townshipId, String parents,
      List<String> benefits, String registration) {
    Map<String, Object> input = new HashMap<>(TestChildren.fullChild());
    input.put("name", name);
    input.put("townshipId", townshipId);
    input.put("villageId", townshipId.equals("hulin-town") ? "hulin-town-xinhua" : "hutou-town-hutou");
    input.put("guardianship", Map.of("parents", parents, "capability", "LIMITED",
        "guardians", List.of(Map.of("name", "李桂兰", "relationship", "祖母", "phone", "139 1234 5678"))));
    input.put("benefits", benefits);
    input.put("householdRegistration", registration);
    input.put("supervisorId", null);
    var created = caller.post(GraphQlHttp.document("createCaseFile"), Map.of("input", input));
    assertThat(created.data().path("createCaseFile").path("errors").size()).as(created.body()).isZero();
    return created.data().path("createCaseFile").path("caseFile").path("id").asText();
  }

  private void task(String department, String townshipId, Instant created, Instant claimed, Instant done,
      Instant escalated) {
    mongo.insert(new Document("intakeId", "intake-" + created.toEpochMilli()).append("kind", "APPLICATION")
        .append("department", department).append("lead", true).append("status", done != null ? "DONE" : "OPEN")
        .append("emergency", false).append("townshipId", townshipId).append("createdAt", Date.from(created))
        .append("dueAt", Date.from(created.plus(Duration.ofHours(24))))
        .append("claimedAt", claimed == null ? null : Date.from(claimed))
        .append("doneAt", done == null ? null : Date.from(done))
        .append("escalatedAt", escalated == null ? null : Date.from(escalated)), "handling_tasks");
  }

  private JsonNode dashboard(GraphQlHttp caller, Map<String, Object> input) {
    var response = caller.post(DASHBOARD, Map.of("input", input));
    assertThat(response.errors()).as(response.body()).isNullOrEmpty();
    return response.data().path("oversight");
  }

  private static JsonNode find(JsonNode list, String field, String value) {
    for (JsonNode item : list) {
      JsonNode key = item.path(field);
      if (key.isObject() ? key.path("id").asText().equals(value) : key.asText().equals(value)) {
        return item;
      }
    }
    throw new AssertionError("no " + field + " = " + value + " in " + list);
  }

  @Test
  void departments_show_first_responses_on_time_median_hours_to_close_and_escalations_with_a_12_month_trend() {
    JsonNode board = dashboard(oversight, Map.of("month", lastMonth.toString()));

    assertThat(board.path("month").asText()).isEqualTo(lastMonth.toString());
    assertThat(board.path("months")).hasSize(12);
    assertThat(board.path("months").get(11).asText()).isEqualTo(lastMonth.toString());
    JsonNode education = find(board.path("departments"), "department", "EDUCATION");
    assertThat(education.path("opened").asInt()).isEqualTo(3);
    assertThat(education.path("due").asInt()).isEqualTo(3);
    assertThat(education.path("onTime").asInt()).isEqualTo(1);
    assertThat(education.path("onTimePercent").asDouble()).isEqualTo(33.3);
    assertThat(education.path("closed").asInt()).isEqualTo(2);
    assertThat(education.path("medianHoursToClose").asDouble()).isEqualTo(25.0);
    assertThat(education.path("escalations").asInt()).isEqualTo(1);
    assertThat(education.path("trend")).hasSize(12);
    assertThat(education.path("trend").get(11).path("opened").asInt()).isEqualTo(3);
    assertThat(education.path("trend").get(10).path("opened").asInt()).isZero();
    assertThat(education.path("trend").get(10).path("onTimePercent").isNull()).as("nothing due: no rate").isTrue();
    JsonNode health = find(board.path("departments"), "department", "HEALTH");
    assertThat(health.path("opened").asInt()).isZero();
    assertThat(health.path("medianHoursToClose").isNull()).isTrue();
  }

  @Test
  void townships_show_files_and_visits_and_coverage_counts_the_children_concerned_and_reached() {
    JsonNode board = dashboard(oversight, Map.of());

    assertThat(board.path("township").isNull()).as("the oversight office sees the city").isTrue();
    assertThat(board.path("townships")).hasSize(11);
    JsonNode hulin = find(board.path("townships"), "township", "hulin-town");
    assertThat(hulin.path("files").asInt()).isEqualTo(2);
    assertThat(hulin.path("overdueVisits").asInt()).isEqualTo(1);
    assertThat(hulin.path("visitsOnSchedule").asInt()).isEqualTo(1);
    assertThat(hulin.path("onSchedulePercent").asDouble()).isEqualTo(50.0);
    assertThat(hulin.path("filesOpened").asInt()).as("opened this month").isEqualTo(2);
    assertThat(hulin.path("township").path("coordinates").path("latitude").asDouble()).isPositive();
    JsonNode hutou = find(board.path("townships"), "township", "hutou-town");
    assertThat(hutou.path("files").asInt()).isEqualTo(1);
    assertThat(hutou.path("overdueVisits").asInt()).isZero();

    JsonNode allowance = find(board.path("coverage"), "kind", "SUPPORT_ALLOWANCE");
    assertThat(allowance.path("label").asText()).isEqualTo("孤儿及事实无人抚养儿童享受基本生活保障");
    assertThat(allowance.path("concerned").asInt()).as("the orphan and the child whose parent is in custody")
        .isEqualTo(2);
    assertThat(allowance.path("covered").asInt()).isEqualTo(1);
    assertThat(allowance.path("percent").asDouble()).isEqualTo(50.0);
    assertThat(allowance.path("trend").get(11).asDouble()).isEqualTo(50.0);
    assertThat(allowance.path("trend").get(10).isNull()).as("nothing recorded last month").isTrue();
    assertThat(allowance.path("trend").get(9).isNull()).isTrue();

    mongo.insert(new Document("_id", lastMonth + "|hulin-town").append("month", lastMonth.toString())
        .append("townshipId", "hulin-town").append("counts", Map.of("SUPPORT_ALLOWANCE-concerned", 4,
            "SUPPORT_ALLOWANCE-covered", 1, "SCHOOL_DROP_OUTS-concerned", 3)), Indicators.COVERAGE);
    JsonNode recorded = dashboard(oversight, Map.of()).path("coverage");
    assertThat(find(recorded, "kind", "SUPPORT_ALLOWANCE").path("trend").get(10).asDouble())
        .as("last month's recorded point").isEqualTo(25.0);
    assertThat(find(recorded, "kind", "SCHOOL_DROP_OUTS").path("trend").get(10).asDouble()).isEqualTo(3.0);
    assertThat(mongo.count(new Query(where("month").is(YearMonth.now(CityTime.ZONE).toString())),
        Indicators.COVERAGE)).as("this month recorded for every township").isEqualTo(11);
    JsonNode rehabilitation = find(board.path("coverage"), "kind", "DISABILITY_REHABILITATION");
    assertThat(rehabilitation.path("concerned").asInt()).isEqualTo(3);
    assertThat(rehabilitation.path("covered").asInt()).isEqualTo(1);
    assertThat(rehabilitation.path("percent").asDouble()).isEqualTo(33.3);
    JsonNode psychological = find(board.path("coverage"), "kind", "PSYCHOLOGICAL_CARE");
    assertThat(psychological.path("concerned").asInt()).isEqualTo(3);
    assertThat(psychological.path("covered").asInt()).isZero();
    JsonNode dropOuts = find(board.path("coverage"), "kind", "SCHOOL_DROP_OUTS");
    assertThat(dropOuts.path("concerned").asInt()).isEqualTo(1);
    assertThat(dropOuts.path("covered").isNull()).isTrue();
    assertThat(find(board.path("coverage"), "kind", "NO_HOUSEHOLD_REGISTRATION").path("concerned").asInt())
        .isEqualTo(1);
  }

  @Test
  void help_shows_offers_approved_matches_needs_met_and_days_from_publication_to_match() {
    JsonNode help = dashboard(oversight, Map.of("month", lastMonth.toString())).path("help");

    assertThat(help.path("offers").asInt()).isEqualTo(1);
    assertThat(help.path("approvedMatches").asInt()).isEqualTo(1);
    assertThat(help.path("needsMet").asInt()).isEqualTo(1);
    assertThat(help.path("medianDaysToMatch").asDouble()).isEqualTo(5.0);
    assertThat(help.path("byCategory").get(0).path("category").asText()).isEqualTo("REHABILITATION");
    assertThat(help.path("byCategory").get(0).path("count").asInt()).isEqualTo(1);
    assertThat(help.path("trend").get(11).path("approvedMatches").asInt()).isEqualTo(1);
    assertThat(help.path("trend").get(10).path("medianDaysToMatch").isNull()).isTrue();
  }

  @Test
  void township_staff_see_their_own_township_whatever_they_ask_and_nobody_sees_a_child() {
    GraphQlHttp hutouStaff = GraphQlHttp.at(port).withToken(tokens.token("hutou-oversight", "虎头镇",
        List.of(RoleNames.TOWNSHIP_STAFF), Map.of("township", "hutou-town")));

    JsonNode board = dashboard(hutouStaff, Map.of("townshipId", "hulin-town", "month", lastMonth.toString()));

    assertThat(board.path("township").path("id").asText()).isEqualTo("hutou-town");
    assertThat(board.path("townships")).hasSize(1);
    assertThat(find(board.path("departments"), "department", "EDUCATION").path("opened").asInt())
        .as("only the hutou task").isEqualTo(1);
    assertThat(board.path("help").path("approvedMatches").asInt()).isZero();

    String city = oversight.post(DASHBOARD, Map.of("input", Map.of())).body()
        + oversight.post(DASHBOARD, Map.of("input", Map.of("month", lastMonth.toString()))).body();
    assertThat(city).doesNotContain("孤儿甲", "监护乙", "留守丙", "李桂兰", "139 1234 5678", "二组5号", "中心小学",
        "P-REHAB", "need-rehab");
  }

  @Test
  void a_month_that_is_not_a_month_or_lies_ahead_is_refused_in_the_callers_language() {
    var bad = oversight.post(DASHBOARD, Map.of("input", Map.of("month", "2026-13")));
    assertThat(bad.errors().get(0).path("extensions").path("classification").asText()).isEqualTo("BAD_REQUEST");
    assertThat(bad.errors().get(0).path("message").asText()).contains("月份");

    var ahead = oversight.inLanguage("en").post(DASHBOARD,
        Map.of("input", Map.of("month", YearMonth.now(CityTime.ZONE).plusMonths(1).toString())));
    assertThat(ahead.errors().get(0).path("message").asText()).contains("not after this month");

    var unknown = oversight.post(DASHBOARD, Map.of("input", Map.of("townshipId", "atlantis")));
    assertThat(unknown.errors().get(0).path("message").asText()).isEqualTo("没有这个乡镇。");
  }

  private java.net.http.HttpResponse<byte[]> report(String query, String token, String language) throws Exception {
    var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
        + "/api/oversight/report?" + query)).header("Authorization", "Bearer " + token);
    if (language != null) {
      request.header("Accept-Language", language);
    }
    return java.net.http.HttpClient.newHttpClient().send(request.build(),
        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
  }

  private String oversightToken() {
    return tokens.token("oversight-office", "督导办", List.of(RoleNames.OVERSIGHT), Map.of());
  }

  private static Row row(Sheet sheet, String label) {
    for (Row row : sheet) {
      Cell first = row.getCell(0);
      if (first != null && first.getCellType() == CellType.STRING && first.getStringCellValue().equals(label)) {
        return row;
      }
    }
    throw new AssertionError("no row " + label + " in " + sheet.getSheetName());
  }

  @Test
  void the_report_to_circulate_suppresses_small_counts_like_public_statistics() throws Exception {
    var response = report("month=" + lastMonth, oversightToken(), null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("attachment", "oversight-" + lastMonth + ".xlsx");
    try (Workbook workbook = WorkbookFactory.create(new java.io.ByteArrayInputStream(response.body()))) {
      assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2),
          workbook.getSheetName(3), workbook.getSheetName(4))).containsExactly("说明", "按部门", "按乡镇", "保障覆盖",
              "社会力量");
      assertThat(row(workbook.getSheetAt(0), "月份").getCell(1).getStringCellValue()).isEqualTo(lastMonth.toString());
      assertThat(row(workbook.getSheetAt(0), "用途").getCell(1).getStringCellValue()).contains("<5");
      Row education = row(workbook.getSheetAt(1), "教育");
      assertThat(education.getCell(1).getStringCellValue()).as("3 tasks: fewer than k").isEqualTo("<5");
      assertThat(education.getCell(4).getStringCellValue()).as("a rate over 3 cases is withheld").isEqualTo("—");
      Row departmentTotals = row(workbook.getSheetAt(1), "合计");
      assertThat(departmentTotals.getCell(1).getStringCellValue()).as("a column with a small cell: no total")
          .isEqualTo("—");
      Row hulin = row(workbook.getSheetAt(2), "虎林镇");
      assertThat(hulin.getCell(1).getStringCellValue()).isEqualTo("<5");
      String everything = new String(response.body(), java.nio.charset.StandardCharsets.ISO_8859_1);
      assertThat(everything).doesNotContain("hulin-town");
    }
  }

  @Test
  void the_circulated_copy_gives_no_small_count_away_through_rates_margins_or_a_townships_own_copy()
      throws Exception {
    var response = report("month=" + lastMonth + "&townshipId=hulin-town", oversightToken(), null);

    try (Workbook workbook = WorkbookFactory.create(new java.io.ByteArrayInputStream(response.body()))) {
      Sheet townships = workbook.getSheetAt(2);
      assertThat(townships.getLastRowNum()).as("a copy to circulate is the city's: 11 townships and the total")
          .isEqualTo(12);
      List<String> header = new java.util.ArrayList<>();
      townships.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
      assertThat(header).as("files on schedule = files − overdue: no column of its own").doesNotContain("走访按期");
      Row hulin = row(townships, "虎林镇");
      assertThat(hulin.getCell(3).getStringCellValue()).as("a rate over a small count is withheld").isEqualTo("—");


      Sheet help = workbook.getSheetAt(4);
      assertThat(row(help, lastMonth.toString()).getCell(2).getStringCellValue())
          .as("the month's approved matches are the margin of small categories: withheld").isEqualTo("—");
      assertThat(row(help, "合计").getCell(2).getStringCellValue()).isEqualTo("—");
      assertThat(row(help, "康复").getCell(1).getStringCellValue()).isEqualTo("<5");
      assertThat(row(help, "教育").getCell(1).getStringCellValue()).as("a category with none is listed too")
          .isEqualTo("<5");
    }
    try (Workbook now = WorkbookFactory.create(new java.io.ByteArrayInputStream(
        report("", oversightToken(), null).body()))) {
      Row hulinCoverage = row(now.getSheetAt(3), "虎林镇");
      assertThat(hulinCoverage.getCell(1).getStringCellValue()).as("2 orphans or unsupported").isEqualTo("<5");
      assertThat(hulinCoverage.getCell(2).getStringCellValue()).as("1 with the allowance").isEqualTo("<5");
      assertThat(hulinCoverage.getCell(3).getStringCellValue()).as("50% would tell it").isEqualTo("—");
    }
  }

  @Test
  void the_staff_copy_is_exact_with_numbers_as_numbers_and_reads_in_english() throws Exception {
    var response = report("month=" + lastMonth + "&audience=STAFF", oversightToken(), "en");

    assertThat(response.statusCode()).isEqualTo(200);
    try (Workbook workbook = WorkbookFactory.create(new java.io.ByteArrayInputStream(response.body()))) {
      assertThat(workbook.getSheetName(1)).isEqualTo("Departments");
      Sheet departments = workbook.getSheetAt(1);
      assertThat(departments.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Department");
      Row education = row(departments, "Education");
      assertThat(education.getCell(1).getNumericCellValue()).isEqualTo(3.0);
      assertThat(education.getCell(3).getNumericCellValue()).isEqualTo(1.0);
      assertThat(education.getCell(4).getNumericCellValue()).isEqualTo(33.3);
      assertThat(education.getCell(6).getNumericCellValue()).isEqualTo(25.0);
      assertThat(education.getCell(7).getNumericCellValue()).isEqualTo(1.0);
      Sheet townships = workbook.getSheetAt(2);
      assertThat(row(townships, "Hulin Town").getCell(1).getNumericCellValue()).isEqualTo(2.0);
      assertThat(row(townships, "Total").getCell(1).getNumericCellValue()).isEqualTo(3.0);
      Sheet help = workbook.getSheetAt(4);
      Row month = row(help, lastMonth.toString());
      assertThat(month.getCell(2).getNumericCellValue()).isEqualTo(1.0);
      assertThat(month.getCell(4).getNumericCellValue()).isEqualTo(5.0);
      assertThat(row(help, "Rehabilitation").getCell(1).getNumericCellValue()).isEqualTo(1.0);
    }
  }

  @Test
  void township_staff_get_their_township_a_bad_month_is_a_clear_400_and_a_volunteer_is_refused()
      throws Exception {
    String hutou = tokens.token("hutou-report", "虎头镇", List.of(RoleNames.TOWNSHIP_STAFF),
        Map.of("township", "hutou-town"));
    var own = report("audience=STAFF", hutou, null);
    try (Workbook workbook = WorkbookFactory.create(new java.io.ByteArrayInputStream(own.body()))) {
      Sheet townships = workbook.getSheetAt(2);
      assertThat(townships.getLastRowNum()).as("header, 虎头镇, total").isEqualTo(2);
      assertThat(townships.getRow(1).getCell(0).getStringCellValue()).isEqualTo("虎头镇");
    }

    var bad = report("month=2026-13", oversightToken(), null);
    assertThat(bad.statusCode()).isEqualTo(400);

    String volunteer = tokens.token("volunteer-report", "志愿者", List.of(RoleNames.VOLUNTEER), Map.of());
    assertThat(report("", volunteer, null).statusCode()).isEqualTo(403);
  }
}
