package org.onedoor.backend.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.support.GraphQlHttp;
import org.onedoor.backend.support.IntegrationTest;
import org.onedoor.backend.support.TestIntakes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * What enters through the one door anonymously is ciphertext in the store: a reporter's report (the child's name,
 * the place, what they saw) and a volunteer's sign-up (name, phone, ID number), while the receipt still works.
 */
@IntegrationTest
class IntakeAtRestIntegrationTest {

  private static final String REPORT = """
      mutation($input: SubmitMandatoryReportInput!) { submitMandatoryReport(input: $input) { receipt { code } } }""";
  private static final String SIGN_UP = """
      mutation($input: SubmitSignUpInput!) { submitSignUp(input: $input) { receipt { code } errors { code } } }""";

  @LocalServerPort
  int port;

  @Autowired
  MongoTemplate mongo;

  @Test
  void a_report_and_a_sign_up_are_stored_encrypted_and_their_receipts_still_answer() {
    GraphQlHttp anonymous = GraphQlHttp.at(port).forwardedFor("192.0.2.77");
    Map<String, Object> report = TestIntakes.report(UUID.randomUUID().toString());
    report.put("reporterName", "邻居 吴大妈");
    report.put("reporterPhone", "13712345678");
    String reportCode = anonymous.post(REPORT, Map.of("input", report)).data().path("submitMandatoryReport")
        .path("receipt").path("code").asString();
    String signUpCode = anonymous.post(SIGN_UP, Map.of("input", TestIntakes.volunteer(UUID.randomUUID().toString(),
        "zhoumin" + UUID.randomUUID().toString().substring(0, 6)))).data().path("submitSignUp").path("receipt")
        .path("code").asString();

    for (String code : new String[] {reportCode, signUpCode}) {
      Document stored = mongo.findOne(query(where("receiptCode").is(code)), Document.class, "intakes");
      assertThat(stored).as(code).isNotNull();
      assertThat(stored.toJson()).as("the intake at rest").doesNotContain("小军", "虎头镇虎头村东头第三户", "孩子独自在家",
          "吴大妈", "13712345678", "周敏", "13604671111", "230381199001011237");
      assertThat(anonymous.post("query($code: String!) { intakeStatus(receiptCode: $code) { code } }",
          Map.of("code", code)).data().path("intakeStatus").path("code").asString()).isEqualTo(code);
    }
  }
}
