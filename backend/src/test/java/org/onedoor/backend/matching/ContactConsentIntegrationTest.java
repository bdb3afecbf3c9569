package org.onedoor.backend.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.needs.Need;
import org.onedoor.backend.needs.NeedCategory;
import org.onedoor.backend.needs.Urgency;
import org.onedoor.backend.support.AtOnce;
import org.onedoor.backend.support.GraphQlHttp;
import org.onedoor.schema.RoleNames;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

/**
 * "The family never learns the donor unless both agree": the caseworker sees the donor's name and phone only once
 * the donor and the child's family have both agreed; the donor never sees anything of the child.
 */
class ContactConsentIntegrationTest extends MatchingIntegrationTest {

  private static final String AGREE = """
      mutation($input: AgreeToContactInput!) { agreeToContact(input: $input) {
        match { id status contact { agreed name phone familyAgreed } need { title } }
        errors { code field message } } }""";
  private static final String FAMILY = """
      mutation($id: ID!, $agree: Boolean!) { recordFamilyContactConsent(input: {matchId: $id, agree: $agree}) {
        match { contact { offererAgreed familyAgreed offererName offererPhone } } errors { code message } } }""";
  private static final String CASEWORK = """
      { caseworkMatches { edges { node { id contact { offererAgreed familyAgreed offererName offererPhone } } } } }""";

  private String file;
  private String match;

  @BeforeEach
  void approvedPledge() {
    file = fixtures.child("慕容小月");
    String needId = fixtures.publishedNeed(file, NeedCategory.EDUCATION, Urgency.HIGH, false, 2000, 10);
    var pledged = charity().post("""
        mutation($input: PledgeOnNeedInput!) { pledgeOnNeed(input: $input) { pledge { id } errors { code } } }""",
        Map.of("input", Map.of("idempotencyKey", UUID.randomUUID().toString(), "needId",
            mongo.findById(needId, Need.class).publicId(), "kind", "MONEY", "amountYuan", 2000)));
    match = pledged.data().path("pledgeOnNeed").path("pledge").path("id").asString();
    fixtures.civil().post("""
        mutation($id: ID!) { approveMatch(input: {matchId: $id}) { match { status } } }""", Map.of("id", match));
  }

  private GraphQlHttp charity() {
    return fixtures.charity();
  }

  private Map<String, Object> agree(boolean agree, String name, String phone) {
    Map<String, Object> input = new HashMap<>(Map.of("matchId", match, "agree", agree));
    if (name != null) {
      input.put("name", name);
    }
    if (phone != null) {
      input.put("phone", phone);
    }
    return Map.of("input", input);
  }

  private JsonNode casework() {
    var answer = fixtures.township().post(CASEWORK);
    return answer.data().path("caseworkMatches").path("edges").get(0).path("node").path("contact");
  }

  @Test
  void the_caseworker_sees_the_donors_name_and_phone_only_once_donor_and_family_both_agree() {
    assertThat(casework().path("offererAgreed").asBoolean()).isFalse();

    var donor = charity().post(AGREE, agree(true, "阳光公益 张老师", "139 0000 1234"));
    JsonNode mine = donor.data().path("agreeToContact").path("match");
    assertThat(mine.path("contact").path("agreed").asBoolean()).as(donor.body()).isTrue();
    assertThat(mine.path("contact").path("phone").asString()).isEqualTo("13900001234");
    assertThat(mine.path("contact").path("familyAgreed").asBoolean()).isFalse();
    JsonNode onlyDonor = casework();
    assertThat(onlyDonor.path("offererAgreed").asBoolean()).isTrue();
    assertThat(onlyDonor.path("offererName").isNull()).as("the family has not agreed: nothing to pass on").isTrue();
    assertThat(onlyDonor.path("offererPhone").isNull()).isTrue();

    var family = fixtures.township().post(FAMILY, Map.of("id", match, "agree", true));
    JsonNode both = family.data().path("recordFamilyContactConsent").path("match").path("contact");
    assertThat(both.path("offererName").asString()).as(family.body()).isEqualTo("阳光公益 张老师");
    assertThat(both.path("offererPhone").asString()).isEqualTo("13900001234");
    assertThat(casework().path("offererName").asString()).isEqualTo("阳光公益 张老师");
    assertThat(mongo.findById(match, Document.class, "matches").toJson()).as("encrypted at rest")
        .doesNotContain("阳光公益 张老师", "13900001234");

    var seen = charity().post("{ myMatches { edges { node { contact { agreed familyAgreed } need { title } } } } }");
    assertThat(seen.data().path("myMatches").path("edges").get(0).path("node").path("contact")
        .path("familyAgreed").asBoolean()).as(seen.body()).isTrue();
    assertThat(seen.body() + donor.body()).as("the donor still learns nothing of the child")
        .doesNotContain("慕容小月", "新华村", file);

    // The donor withdraws: the caseworker sees nothing any more and the name and phone are gone from the store.
    charity().post(AGREE, agree(false, null, null));
    assertThat(casework().path("offererName").isNull()).isTrue();
    Match stored = mongo.findById(match, Match.class);
    assertThat(stored.contact().offererName()).isNull();
    assertThat(stored.contact().offererPhone()).isNull();
    assertThat(stored.contact().familyAgreed()).as("the family's answer stays").isTrue();
    assertThat(mongo.find(query(where("matchId").is(match)), Document.class, Matches.AUDIT))
        .extracting(d -> d.getString("action")).contains("OFFERER_AGREED_TO_CONTACT", "FAMILY_AGREED_TO_CONTACT",
            "OFFERER_WITHDREW_CONTACT");
    assertThat(mongo.find(query(where("matchId").is(match)), Document.class, Matches.AUDIT).toString())
        .as("the audit holds the answers, not the phone").doesNotContain("13900001234");
  }

  @Test
  void the_family_agreeing_alone_reveals_nothing_and_its_answer_can_be_taken_back() {
    fixtures.township().post(FAMILY, Map.of("id", match, "agree", true));
    assertThat(casework().path("familyAgreed").asBoolean()).isTrue();
    assertThat(casework().path("offererName").isNull()).isTrue();

    charity().post(AGREE, agree(true, "张老师", "13900001234"));
    assertThat(casework().path("offererPhone").asString()).isEqualTo("13900001234");
    fixtures.township().post(FAMILY, Map.of("id", match, "agree", false));
    assertThat(casework().path("offererPhone").isNull()).as("the family declined after all").isTrue();
  }

  @Test
  void a_bad_name_or_phone_is_refused_field_by_field_in_the_callers_language_and_changes_nothing() {
    var refused = charity().inLanguage("en").post(AGREE, agree(true, " ", "12345"));

    JsonNode errors = refused.data().path("agreeToContact").path("errors");
    assertThat(errors.findValuesAsString("field")).as(refused.body()).containsExactlyInAnyOrder("name", "phone");
    assertThat(errors.findValuesAsString("message")).contains(
        "Give the name the child's family may know you by (at most 40 characters).",
        "Invalid phone number: a mobile number has 11 digits, a landline needs its area code.");
    assertThat(mongo.findById(match, Match.class).contact()).isEqualTo(Match.Contact.NONE);
  }

  @Test
  void only_the_donor_answers_for_the_donor_and_only_the_childs_caseworker_for_the_family() {
    GraphQlHttp otherCharity = fixtures.as("charity-other", "别的公益", RoleNames.CHARITY);
    var stranger = otherCharity.post(AGREE, agree(true, "冒名者", "13900009999"));
    assertThat(stranger.data().path("agreeToContact").path("errors").get(0).path("code").asString())
        .as(stranger.body()).isEqualTo("MATCH_NOT_FOUND");

    GraphQlHttp otherTownship = GraphQlHttp.at(port).withToken(tokens.token("township-hutou", "乡镇",
        List.of(RoleNames.TOWNSHIP_STAFF), Map.of("township", "hutou-town")));
    for (GraphQlHttp notTheCaseworker : List.of(otherTownship, charity(),
        GraphQlHttp.at(port).withToken(tokens.token("police", "公安", List.of(RoleNames.DEPARTMENT_STAFF),
            Map.of("department", "PUBLIC_SECURITY"))),
        GraphQlHttp.at(port).withToken(tokens.token("supervisor", "督导员", List.of(RoleNames.SUPERVISOR),
            Map.of("township", "hulin-town", "village", "xinhua"))))) {
      var answer = notTheCaseworker.post(FAMILY, Map.of("id", match, "agree", true));
      assertThat(answer.errors().get(0).path("extensions").path("classification").asString()).as(answer.body())
          .isEqualTo("FORBIDDEN");
    }
    assertThat(GraphQlHttp.at(port).post(FAMILY, Map.of("id", match, "agree", true)).errors().get(0)
        .path("extensions").path("classification").asString()).isEqualTo("UNAUTHORIZED");
    assertThat(mongo.findById(match, Match.class).contact()).isEqualTo(Match.Contact.NONE);
  }

  @Test
  void before_approval_there_is_nothing_to_agree_to() {
    // As if the pledge were still waiting for civil affairs.
    mongo.updateFirst(query(where("_id").is(match)), new Update().set("status", MatchStatus.PROPOSED), Match.class);

    var early = charity().post(AGREE, agree(true, "张老师", "13900001234"));

    assertThat(early.data().path("agreeToContact").path("errors").get(0).path("code").asString())
        .as(early.body()).isEqualTo("CONTACT_AFTER_APPROVAL");
  }

  @Test
  void the_donor_and_the_caseworker_answering_at_the_same_moment_lose_neither_answer() throws Exception {
    for (int round = 0; round < 10; round++) {
      mongo.updateFirst(query(where("_id").is(match)), new Update().unset("contact"), Match.class);
      GraphQlHttp donor = charity();
      GraphQlHttp caseworker = fixtures.township();
      List<Callable<Object>> both = List.of(
          () -> donor.post(AGREE, agree(true, "张老师", "13900001234")),
          () -> caseworker.post(FAMILY, Map.of("id", match, "agree", true)));
      AtOnce.call(both);
      Match.Contact contact = mongo.findById(match, Match.class).contact();
      assertThat(contact.mutual()).as("round %d: %s", round, contact).isTrue();
    }
  }
}
