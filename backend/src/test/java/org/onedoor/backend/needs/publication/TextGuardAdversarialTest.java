package org.onedoor.backend.needs.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.onedoor.backend.needs.publication.TextGuard.Finding;
import org.onedoor.backend.needs.publication.TextGuard.Form;
import org.onedoor.backend.needs.publication.TextGuard.Rule;

/**
 * The text guard against someone who means to get a child's facts past it (issue 13): every disguise of the
 * file's facts is refused with the rule it breaks, and ordinary need descriptions and thank-you notes pass
 * untouched. The file: 王小明, born 2015-03-08, of 新华村 in 虎林镇 (shown), at 虎林市第二小学, guardians 王建国
 * (139-4567-1234) and 李秀英 (0467-5821234).
 */
class TextGuardAdversarialTest {

  private static final IdentifyingFacts FILE = new IdentifyingFacts("王小明", List.of("王建国", "李秀英"), "新华村",
      "黑龙江省虎林市虎林镇新华村三组12号", "虎林市第二小学", "230381201503081237",
      List.of("139-4567-1234", "0467-5821234"), LocalDate.of(2015, 3, 8), List.of("虎林镇"));

  private final TextGuard guard = new TextGuard();

  static Stream<Arguments> disguises() {
    return Stream.of(
        // Invisible and format characters between the characters of a name
        Arguments.of("invisible", "孩子叫王\u200b小\u200b明，需要冬衣", Rule.CHILD_NAME),
        Arguments.of("invisible", "王\u2060小\u200d明需要帮助", Rule.CHILD_NAME),
        Arguments.of("invisible", "小\u00ad明今年上学", Rule.CHILD_NAME),
        Arguments.of("invisible", "监护人王\ufeff建\u200c国在外务工", Rule.GUARDIAN_NAME),
        Arguments.of("invisible", "新\u200b华\u200b村的孩子", Rule.VILLAGE),
        // Punctuation and symbols between characters
        Arguments.of("punctuation", "帮帮王.小.明", Rule.CHILD_NAME),
        Arguments.of("punctuation", "帮帮王-小-明", Rule.CHILD_NAME),
        Arguments.of("punctuation", "帮帮王*小*明", Rule.CHILD_NAME),
        Arguments.of("punctuation", "小♥明需要书包", Rule.CHILD_NAME),
        Arguments.of("punctuation", "王、小、明的奶奶", Rule.CHILD_NAME),
        Arguments.of("punctuation", "住在新·华·村", Rule.VILLAGE),
        Arguments.of("punctuation", "奶奶李「秀」英照顾他", Rule.GUARDIAN_NAME),
        // Full-width forms and ideographic spaces
        Arguments.of("full-width", "王　小　明需要冬衣", Rule.CHILD_NAME),
        Arguments.of("full-width", "电话１３９４５６７１２３４", Rule.PHONE),
        Arguments.of("full-width", "ＷＡＮＧ　ＸＩＡＯＭＩＮＧ", Rule.CHILD_NAME),
        // Traditional characters
        Arguments.of("traditional", "父親王建國在外打工", Rule.GUARDIAN_NAME),
        Arguments.of("traditional", "住在新華村", Rule.VILLAGE),
        Arguments.of("traditional", "就讀於虎林市第二小學", Rule.SCHOOL),
        Arguments.of("traditional", "來自新華的孩子", Rule.VILLAGE),
        // Names in pinyin: with or without tones and spaces, tone numbers, initials
        Arguments.of("pinyin", "Wang Xiaoming needs a coat", Rule.CHILD_NAME),
        Arguments.of("pinyin", "孩子wáng xiǎo míng需要帮助", Rule.CHILD_NAME),
        Arguments.of("pinyin", "wang2 xiao3 ming2", Rule.CHILD_NAME),
        Arguments.of("pinyin", "WANGXIAOMING同学", Rule.CHILD_NAME),
        Arguments.of("pinyin", "小朋友Xiao-Ming很懂事", Rule.CHILD_NAME),
        Arguments.of("pinyin", "父亲 Wang Jian-guo 在外务工", Rule.GUARDIAN_NAME),
        Arguments.of("pinyin", "奶奶li xiu ying", Rule.GUARDIAN_NAME),
        Arguments.of("initials", "W.X.M.同学需要帮助", Rule.CHILD_NAME),
        Arguments.of("initials", "孩子wxm需要冬衣", Rule.CHILD_NAME),
        Arguments.of("initials", "监护人 W J G 在外务工", Rule.GUARDIAN_NAME),
        // Letters, digits or look-alike letters between or inside a name
        Arguments.of("letters between", "王1小1明需要帮助", Rule.CHILD_NAME),
        Arguments.of("letters between", "王a小a明需要帮助", Rule.CHILD_NAME),
        Arguments.of("look-alikes", "孩子w\u0430ng xi\u0430oming（西里尔字母）", Rule.CHILD_NAME),
        Arguments.of("initials", "孩子W/X/M需要冬衣", Rule.CHILD_NAME),
        // Digit runs with any separators
        Arguments.of("separators", "联系139-4567-1234", Rule.PHONE),
        Arguments.of("separators", "联系 139 4567 1234", Rule.PHONE),
        Arguments.of("separators", "联系139.4567.1234", Rule.PHONE),
        Arguments.of("separators", "联系(139)4567/1234", Rule.PHONE),
        Arguments.of("separators", "座机0467-582-1234", Rule.PHONE),
        Arguments.of("separators", "座机582 1234", Rule.PHONE),
        // Letters standing for digits
        Arguments.of("letters for digits", "电话1394567I234", Rule.PHONE),
        Arguments.of("letters for digits", "座机O467-582I234", Rule.PHONE),
        Arguments.of("letters for digits", "电话l3945671234", Rule.PHONE),
        Arguments.of("letters for digits", "电话 139 OO 4567 1234 不对，是139 4567 1234", Rule.PHONE),
        Arguments.of("letters for digits", "号码1394567l234", Rule.PHONE),
        // Chinese numerals, 小写 and 大写, 〇/零/两/幺
        Arguments.of("numerals", "电话一三九四五六七一二三四", Rule.PHONE),
        Arguments.of("numerals", "电话幺三九四五六七幺二三四", Rule.PHONE),
        Arguments.of("numerals", "电话壹叁玖肆伍陆柒壹贰叁肆", Rule.PHONE),
        Arguments.of("numerals", "电话一三九 四五六七 一二三四", Rule.PHONE),
        Arguments.of("numerals", "座机〇四六七五八二一二三四", Rule.PHONE),
        Arguments.of("numerals", "打一三七零零零零一一一一联系", Rule.PHONE_SHAPE),
        Arguments.of("numerals", "座机○四六七五八二一二三四", Rule.PHONE),
        Arguments.of("numerals", "电话幺三洞四五六七幺二三四", Rule.PHONE_SHAPE),
        Arguments.of("numerals", "电话\u0661\u0663\u0669\u0664\u0665\u0666\u0667\u0661\u0662\u0663\u0664",
            Rule.PHONE),
        Arguments.of("numerals", "孩子二○一五年三月生", Rule.BIRTH_DATE),
        Arguments.of("numerals", "证件二三○三八一二○一五○三○八一二三七", Rule.NATIONAL_ID),
        // Dates in every common shape (the birth date and any other exact date)
        Arguments.of("dates", "出生日期20150308", Rule.BIRTH_DATE),
        Arguments.of("dates", "生于2015.03.08", Rule.BIRTH_DATE),
        Arguments.of("dates", "2015/3/8出生", Rule.BIRTH_DATE),
        Arguments.of("dates", "孩子2015-3-8生", Rule.BIRTH_DATE),
        Arguments.of("dates", "二〇一五年三月八日出生", Rule.BIRTH_DATE),
        Arguments.of("dates", "二零一五年三月八号", Rule.BIRTH_DATE),
        Arguments.of("dates", "8/3/2015", Rule.BIRTH_DATE),
        Arguments.of("dates", "每年三月八日过生日", Rule.BIRTH_DATE),
        Arguments.of("dates", "2015年3月出生的男孩", Rule.BIRTH_DATE),
        Arguments.of("dates", "十一月二十三日入院", Rule.EXACT_DATE),
        Arguments.of("dates", "2019.11.23做过手术", Rule.EXACT_DATE),
        Arguments.of("dates", "20191123做过手术", Rule.EXACT_DATE),
        Arguments.of("birthday", "他的生日在3月", Rule.BIRTHDAY),
        Arguments.of("birthday", "生日是三月份", Rule.BIRTHDAY),
        Arguments.of("birthday", "孩子是十月出生的", Rule.BIRTHDAY),
        Arguments.of("birthday", "孩子属羊", Rule.BIRTHDAY),
        Arguments.of("birthday", "3月8出生", Rule.BIRTH_DATE),
        Arguments.of("birthday", "他三月八出生", Rule.BIRTH_DATE),
        Arguments.of("birthday", "生日3.8", Rule.BIRTHDAY),
        Arguments.of("birthday", "生日：3/8", Rule.BIRTHDAY),
        Arguments.of("birthday", "15.3.8出生", Rule.BIRTHDAY),
        Arguments.of("birthday", "08/03/15出生", Rule.BIRTHDAY),
        Arguments.of("dates", "孩子2015 3 8生", Rule.BIRTH_DATE),
        // Partial ID numbers
        Arguments.of("ID segment", "身份证前六位230381", Rule.NATIONAL_ID),
        Arguments.of("ID segment", "证件号后六位081237", Rule.NATIONAL_ID),
        Arguments.of("ID segment", "证件号二三〇三八一开头", Rule.NATIONAL_ID),
        Arguments.of("ID segment", "230381 20150308 1237", Rule.NATIONAL_ID),
        Arguments.of("ID segment", "身份证2303812O15O3O81237", Rule.NATIONAL_ID),
        // Abbreviations of the school and the village
        Arguments.of("abbreviation", "在虎林二小读书", Rule.SCHOOL),
        Arguments.of("abbreviation", "市二小三年级学生", Rule.SCHOOL),
        Arguments.of("abbreviation", "就读于第二小学", Rule.SCHOOL),
        Arguments.of("abbreviation", "家在新华，离镇上远", Rule.VILLAGE),
        Arguments.of("abbreviation", "新华屯的孩子", Rule.VILLAGE),
        // Address parts below the township
        Arguments.of("address", "住三组12号", Rule.ADDRESS),
        Arguments.of("address", "住三组 12 号", Rule.ADDRESS),
        // Shapes of numbers that are not the file's
        Arguments.of("shape", "请拨137 0000 1111", Rule.PHONE_SHAPE),
        Arguments.of("shape", "证件11010519491231002X", Rule.NATIONAL_ID_SHAPE),
        Arguments.of("shape", "证件 110105 19491231 002X", Rule.NATIONAL_ID_SHAPE),
        Arguments.of("shape", "请拨(0451)8765432", Rule.PHONE_SHAPE),
        Arguments.of("shape", "请拨137/0000/1111", Rule.PHONE_SHAPE),
        Arguments.of("separators", "联系（0467）5821234", Rule.PHONE),
        Arguments.of("dates", "2019年6月1日入院", Rule.EXACT_DATE),
        Arguments.of("dates", "2 0 1 5 年 3 月出生", Rule.BIRTH_DATE),
        Arguments.of("address", "住3组12号", Rule.ADDRESS),
        Arguments.of("address", "住三组十二号", Rule.ADDRESS));
  }

  @ParameterizedTest(name = "[{index}] {0}: {1}")
  @MethodSource("disguises")
  void every_disguise_of_the_files_facts_is_refused_with_its_rule(String category, String text, Rule rule) {
    List<Finding> findings = guard.check(Map.of("description", text), FILE.tokens());

    assertThat(findings).as(category + ": " + text).extracting(Finding::rule).contains(rule);
    assertThat(findings).allSatisfy(f -> assertThat(text.substring(f.start(), f.end())).isEqualTo(f.text()));
  }

  @Test
  void a_fact_split_between_the_title_and_the_description_is_refused_for_both() {
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    fields.put("title", "请联系139");
    fields.put("description", "4567 1234，谢谢");

    assertThat(guard.check(fields, FILE.tokens())).extracting(Finding::field, Finding::rule)
        .contains(org.assertj.core.groups.Tuple.tuple("title+description", Rule.PHONE));
  }

  @Test
  void names_with_u_umlaut_are_refused_in_every_spelling_of_their_pinyin() {
    IdentifyingFacts lv = new IdentifyingFacts("吕小女", List.of(), null, null, null, null, List.of());

    for (String text : List.of("孩子Lv Xiaonv", "孩子Lyu Xiaonyu", "孩子lü xiǎo nǚ", "孩子Lu Xiaonu")) {
      assertThat(guard.check(Map.of("description", text), lv.tokens())).as(text).extracting(Finding::rule)
          .contains(Rule.CHILD_NAME);
    }
  }

  @Test
  void everyday_words_that_share_a_files_pet_names_stems_initials_or_numbers_pass() throws IOException {
    IdentifyingFacts everyday = new IdentifyingFacts("陈敏", List.of("张勤学", "李书", "徐磊", "马丽"), "幸福村",
        "黑龙江省虎林市虎林镇幸福村阳光小区5号楼2单元", "虎林镇中心小学", null, List.of(), LocalDate.of(2016, 7, 9),
        List.of("虎林镇"));
    List<String> texts = new ArrayList<>(ordinaryTexts());
    texts.addAll(List.of("身高140cm，需要冬衣", "羽绒服XL码", "每天喝250ml牛奶", "小学三年级学生需要小书包",
        "希望收到新华字典一本", "愿孩子有一个幸福的童年", "虎林镇一名小学生需要冬季衣物", "每月12号前送达",
        "物资分三组发放", "尺码110、120、130、140、150各一件", "费用约1500+300+1200元", "9月1日开学前送到",
        "阳光明媚的日子里，孩子收到了礼物", "时间：2026年3月\n10户需要冬衣", "八月十五中秋节前送到", "9月10教师节前送到",
        "3月两百元", "1月二十多天", "早产，出生时仅1.8公斤", "出生时体重2.5公斤", "出生3-4个月需要奶粉",
        "到新华书店买课本", "据新华社报道", "在阳光下成长", "让孩子看到希望", "祝大家幸福", "每周3次，每次2小时",
        "需要2套冬衣（身高120、130各一套）", "初一、初二的两个孩子", "2026年3月 10名学生"));

    for (String text : texts) {
      assertThat(guard.check(Map.of("description", text), everyday.tokens())).as(text).isEmpty();
      assertThat(guard.check(Map.of("description", text), FILE.tokens())).as(text).isEmpty();
    }
    Map<String, String> twoLines = new java.util.LinkedHashMap<>();
    twoLines.put("title", "2026年3月");
    twoLines.put("description", "12名孩子需要冬衣");
    assertThat(guard.check(twoLines, FILE.tokens())).as("a title and a description are two sentences").isEmpty();
    assertThat(guard.check(Map.of("description", "住在阳光小区5号楼"), everyday.tokens()))
        .extracting(Finding::rule).contains(Rule.ADDRESS);
  }

  @Test
  void odd_input_never_breaks_the_guard() {
    for (String text : List.of("ßßß13945671234", "\uD840\uDC00王小明\uD840\uDC01", "a\u0301\u0302\u0303",
        "〆々〇", "x".repeat(5000), " ", "\u200b\u200b")) {
      assertThat(guard.check(Map.of("description", text), FILE.tokens())).as(text).isNotNull();
    }
    assertThat(guard.check(Map.of("description", "ßßß13945671234"), FILE.tokens())).extracting(Finding::text)
        .contains("13945671234");
  }

  @Test
  void the_suite_covers_every_category_of_the_issue_with_at_least_60_cases() {
    assertThat(disguises().count()).isGreaterThanOrEqualTo(60);
    assertThat(disguises().map(a -> (String) a.get()[0]).distinct()).contains("invisible", "punctuation",
        "full-width", "traditional", "pinyin", "initials", "separators", "letters for digits", "numerals", "dates",
        "birthday", "ID segment", "abbreviation");
  }

  @Test
  void the_same_guard_checks_a_thank_you_note() {
    List<Finding> findings = guard.check(Map.of("thankYou", "谢谢您！王 小 明和奶奶李秀英敬上，电话一三九四五六七一二三四"),
        FILE.tokens());

    assertThat(findings).extracting(Finding::field).containsOnly("thankYou");
    assertThat(findings).extracting(Finding::rule).contains(Rule.CHILD_NAME, Rule.GUARDIAN_NAME, Rule.PHONE);
  }

  @Test
  void each_piece_of_text_is_reported_once_with_the_fact_it_matched_and_the_form_it_was_written_in() {
    List<Finding> findings = guard.check(Map.of("description", "联系139-4567-1234，父親王建國，Wang Xiaoming"),
        FILE.tokens());

    assertThat(findings).extracting(Finding::text, Finding::rule, Finding::fact, Finding::form).containsExactly(
        org.assertj.core.groups.Tuple.tuple("139-4567-1234", Rule.PHONE, "139-4567-1234", Form.AS_WRITTEN),
        org.assertj.core.groups.Tuple.tuple("王建國", Rule.GUARDIAN_NAME, "王建国", Form.TRADITIONAL),
        org.assertj.core.groups.Tuple.tuple("Wang Xiaoming", Rule.CHILD_NAME, "王小明", Form.PINYIN));
  }

  @Test
  void ordinary_need_descriptions_and_thank_you_notes_pass_untouched() throws IOException {
    List<String> texts = ordinaryTexts();
    assertThat(texts).hasSizeGreaterThanOrEqualTo(50);

    for (String text : texts) {
      assertThat(guard.check(Map.of("description", text), FILE.tokens())).as(text).isEmpty();
    }
  }

  @Test
  void the_township_is_refused_only_when_the_need_does_not_show_it() {
    IdentifyingFacts cityWide = new IdentifyingFacts("王小明", List.of(), "新华村", "虎林镇 黑龙江省虎林市虎林镇新华村",
        null, null, List.of(), LocalDate.of(2015, 3, 8), List.of());

    assertThat(guard.check(Map.of("description", "虎林市的一名小学生需要冬季衣物"), FILE.tokens())).isEmpty();
    assertThat(guard.check(Map.of("description", "虎林镇的一名小学生需要冬季衣物"), FILE.tokens())).isEmpty();
    assertThat(guard.check(Map.of("description", "虎林镇的一名小学生需要冬季衣物"), cityWide.tokens()))
        .extracting(Finding::rule).containsExactly(Rule.ADDRESS);
  }

  static List<String> ordinaryTexts() throws IOException {
    try (InputStream in = TextGuardAdversarialTest.class.getResourceAsStream("/textguard/ordinary-texts.txt")) {
      List<String> texts = new ArrayList<>();
      new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#") && !l.startsWith("["))
          .forEach(texts::add);
      return texts;
    }
  }
}
