package org.onedoor.backend.casefiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.support.GraphQlHttp;
import org.onedoor.backend.support.IntegrationTest;
import org.onedoor.backend.support.TestChildren;
import org.onedoor.backend.support.TestTokens;
import org.onedoor.schema.RoleNames;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/** The ledger as CSV and XLSX: scoped, filtered, localised, minimised, and every exported file logged as read. */
@IntegrationTest
class LedgerExportIntegrationTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort
  int port;

  @Autowired
  TestTokens tokens;

  @Autowired
  MongoTemplate mongo;

  private String townshipToken;

  @BeforeEach
  void files() {
    mongo.remove(new Query(), CaseFile.class);
    townshipToken = tokens.token("township-export", "乡镇 赵磊", List.of(RoleNames.TOWNSHIP_STAFF),
        Map.of("township", "hulin-town"));
    GraphQlHttp township = GraphQlHttp.at(port).withToken(townshipToken);
    GraphQlHttp civil = GraphQlHttp.at(port).withToken(tokens.token("civil-export", "民政", List.of(
        RoleNames.CIVIL_AFFAIRS), Map.of()));
    open(township, "李小红", "hulin-town", "hulin-town-xinhua", 2, "supervisor");
    open(township, "=HYPERLINK(\"x\")", "hulin-town", "hulin-town-shengli", 1, null);
    open(civil, "赵大勇", "hutou-town", "hutou-town-hutou", 3, null);
  }

  private static void open(GraphQlHttp caller, String name, String townshipId, String villageId, int tier,
      String supervisorId) {
    Map<String, Object> input = new HashMap<>(TestChildren.fullChild());
    input.put("name", name);
    input.put("townshipId", townshipId);
    input.put("villageId", villageId);
    input.put("riskTier", tier);
    input.put("supervisorId", supervisorId);
    var created = caller.post(GraphQlHttp.document("createCaseFile"), Map.of("input", input));
    assertThat(created.data().path("createCaseFile").path("errors").size()).as(created.body()).isZero();
  }

  private HttpResponse<byte[]> get(String query, String token, String language) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/api/ledger/export?" + query));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (language != null) {
      request.header("Accept-Language", language);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void township_staff_export_their_townships_files_as_csv_in_chinese_minimised() throws Exception {
    var response = get("format=CSV", townshipToken, null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("attachment", "filename*=UTF-8''%E5%8F%B0%E8%B4%A6-");
    String csv = new String(response.body(), StandardCharsets.UTF_8);
    assertThat(csv).startsWith("\uFEFF档案编号,姓名,性别,出生日期,乡镇,村（社区）,困境类型,风险等级,父母情况");
    List<String> lines = csv.lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(1)).as("risk tier 1 first; a formula is defused")
        .contains("\"'=HYPERLINK(\"\"x\"\")\"", "女", "虎林镇", "胜利村", "双方外出务工（留守）", "肢体残疾", "在校",
            "低保、困难残疾人生活补贴");
    assertThat(lines.get(2)).contains("李小红", "新华村", "督导员 王芳");
    assertThat(csv).as("nothing of another township, no ID number, address, guardian, phone or school")
        .doesNotContain("赵大勇", "李桂兰", "13912345678", "二组5号", "中心小学", "脑瘫");
    List<String> exported = mongo.find(query(where("townshipId").is("hulin-town")), CaseFile.class).stream()
        .map(CaseFile::id).toList();
    assertThat(mongo.count(query(where("actor").is("township-export").and("fileId").in(exported)),
        "file_access_log")).as("each exported file logged as read once").isEqualTo(2);
  }

  @Test
  void the_xlsx_export_is_a_workbook_with_a_header_row_and_one_row_per_file_in_english_on_request()
      throws Exception {
    var response = get("format=XLSX&riskTier=2", townshipToken, "en");

    assertThat(response.statusCode()).isEqualTo(200);
    try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(response.body()))) {
      Sheet sheet = workbook.getSheetAt(0);
      assertThat(sheet.getPhysicalNumberOfRows()).isEqualTo(2);
      Row header = sheet.getRow(0);
      assertThat(List.of(text(header, 0), text(header, 1), text(header, 2), text(header, 3), text(header, 14)))
          .containsExactly("File id", "Name", "Sex", "Date of birth", "Supervisor");
      assertThat(workbook.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
      assertThat(sheet.getPaneInformation().isFreezePane()).as("the header row stays in view").isTrue();
      Row child = sheet.getRow(1);
      assertThat(text(child, 1)).isEqualTo("李小红");
      assertThat(text(child, 2)).isEqualTo("Female");
      assertThat(text(child, 4)).isEqualTo("Hulin Town");
      assertThat(text(child, 14)).isEqualTo("督导员 王芳");
      Cell born = child.getCell(3);
      assertThat(born.getCellType()).as("the birth date is a date, not text").isEqualTo(CellType.NUMERIC);
      assertThat(DateUtil.isCellDateFormatted(born)).isTrue();
      assertThat(born.getLocalDateTimeCellValue().toLocalDate().toString())
          .isEqualTo(TestChildren.fullChild().get("birthDate"));
      Cell tier = child.getCell(7);
      assertThat(tier.getCellType()).as("the risk tier is a number").isEqualTo(CellType.NUMERIC);
      assertThat(tier.getNumericCellValue()).isEqualTo(2.0);
    }
  }

  @Test
  void a_name_that_looks_like_a_formula_stays_text_in_the_workbook_and_chinese_is_chinese() throws Exception {
    var response = get("format=XLSX&riskTier=1", townshipToken, null);

    try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(response.body()))) {
      Sheet sheet = workbook.getSheetAt(0);
      assertThat(workbook.getSheetName(0)).isEqualTo("台账");
      assertThat(text(sheet.getRow(0), 1)).isEqualTo("姓名");
      Cell name = sheet.getRow(1).getCell(1);
      assertThat(name.getCellType()).isEqualTo(CellType.STRING);
      assertThat(name.getStringCellValue()).isEqualTo("=HYPERLINK(\"x\")");
    }
  }

  private static String text(Row row, int column) {
    return row.getCell(column).getStringCellValue();
  }

  @Test
  void volunteers_are_forbidden_and_the_public_must_sign_in() throws Exception {
    String volunteer = tokens.token("volunteer-export", "志愿者", List.of(RoleNames.VOLUNTEER), Map.of());

    assertThat(get("format=CSV", volunteer, null).statusCode()).isEqualTo(403);
    assertThat(get("format=CSV", null, null).statusCode()).isEqualTo(401);
    assertThat(new String(get("format=CSV", volunteer, null).body(), StandardCharsets.UTF_8))
        .doesNotContain("李小红");
  }
}
