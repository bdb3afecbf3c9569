package org.onedoor.backend.needs.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.needs.publication.TextGuard.Finding;
import org.onedoor.backend.needs.publication.TextGuard.Rule;

class TextGuardTest {

  private static final IdentifyingFacts FILE = new IdentifyingFacts("王小明", List.of("王建国", "李秀英"), "新华村",
      "虎林镇新华村三组12号", "虎林市第二小学", "230381201503081237", List.of("139-4567-1234"));

  private final TextGuard guard = new TextGuard();

  private List<Finding> check(String description) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("title", "为7岁男孩募集冬衣");
    fields.put("description", description);
    return guard.check(fields, FILE.tokens());
  }

  @Test
  void text_without_identifying_tokens_passes() {
    assertThat(check("孩子需要冬季衣物和学习用品，希望爱心人士帮助。")).isEmpty();
  }

  @Test
  void every_planted_token_of_the_file_is_refused_and_named_with_the_text_that_triggered_it() {
    String planted = "小明的父亲王建国务工在外，奶奶李秀英照顾他，住在新华三组12号，就读于第二小学前身虎林市第二小学。"
        + "身份证230381201503081237，电话13945671234。";

    List<Finding> findings = check(planted);

    assertThat(findings).extracting(Finding::rule).contains(Rule.CHILD_NAME, Rule.GUARDIAN_NAME, Rule.VILLAGE,
        Rule.ADDRESS, Rule.SCHOOL, Rule.NATIONAL_ID, Rule.PHONE)
        .as("the ID and the phone are the file's, reported once as such, not again as shapes")
        .doesNotContain(Rule.NATIONAL_ID_SHAPE, Rule.PHONE_SHAPE);
    assertThat(findings).extracting(Finding::text).contains("小明", "王建国", "李秀英", "新华", "三组12号",
        "虎林市第二小学", "230381201503081237", "13945671234");
    assertThat(findings).allSatisfy(f -> {
      assertThat(f.field()).isEqualTo("description");
      assertThat(planted.substring(f.start(), f.end())).isEqualTo(f.text());
    });
  }

  @Test
  void shapes_are_refused_even_when_spaced_or_written_in_full_width_digits() {
    String text = "联系 １３９ ４５６７ ８８８８ 或 0467-5821234，生日2015年3月8日，另一孩子3月8日出生，证件号11010519491231002X";

    List<Finding> findings = check(text);

    assertThat(findings).extracting(Finding::rule)
        .contains(Rule.PHONE_SHAPE, Rule.EXACT_DATE, Rule.NATIONAL_ID_SHAPE);
    assertThat(findings).extracting(Finding::text)
        .contains("１３９ ４５６７ ８８８８", "0467-5821234", "2015年3月8日", "3月8日出生", "11010519491231002X");
  }

  @Test
  void month_precision_and_ordinary_numbers_are_allowed() {
    assertThat(check("2026年11月起需要每月300元生活补助，共12个月，身高130厘米。")).isEmpty();
  }

  @Test
  void findings_in_the_title_are_reported_for_the_title() {
    var findings = guard.check(Map.of("title", "帮帮王小明"), FILE.tokens());

    assertThat(findings).extracting(Finding::field, Finding::rule, Finding::text)
        .contains(org.assertj.core.groups.Tuple.tuple("title", Rule.CHILD_NAME, "王小明"));
  }
}
