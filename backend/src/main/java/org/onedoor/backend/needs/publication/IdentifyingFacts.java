package org.onedoor.backend.needs.publication;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.onedoor.backend.needs.publication.TextGuard.Form;
import org.onedoor.backend.needs.publication.TextGuard.Kind;
import org.onedoor.backend.needs.publication.TextGuard.Rule;
import org.onedoor.backend.needs.publication.TextGuard.Token;

/**
 * What in a child's file could identify the child if it appeared in public text, and the forms people write it in.
 *
 * @param childName the child's name
 * @param guardianNames the guardians' names
 * @param villageName the village's name
 * @param address the home address (household registration and address)
 * @param schoolName the school's name
 * @param nationalId the national ID number
 * @param phones the phone numbers in the file
 * @param birthDate the child's birth date
 * @param publicPlaces place names the public answer shows anyway (the township, when the need shows it), which the
 *     address may therefore contain
 */
public record IdentifyingFacts(String childName, List<String> guardianNames, String villageName, String address,
    String schoolName, String nationalId, List<String> phones, LocalDate birthDate, List<String> publicPlaces) {

  private static final List<String> COMPOUND_SURNAMES = List.of("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "慕容",
      "令狐", "尉迟", "长孙", "宇文", "公孙", "端木", "夏侯", "轩辕", "万俟", "单于", "司徒", "司空", "呼延", "独孤");
  /** Surnames read otherwise than the characters usually are (ICU gives the usual reading). */
  private static final Map<String, String> SURNAME_READINGS = Map.ofEntries(Map.entry("曾", "zeng"),
      Map.entry("单", "shan"), Map.entry("覃", "qin"), Map.entry("翟", "zhai"), Map.entry("仇", "qiu"),
      Map.entry("区", "ou"), Map.entry("查", "zha"), Map.entry("盖", "ge"), Map.entry("解", "xie"),
      Map.entry("朴", "piao"), Map.entry("乐", "yue"), Map.entry("缪", "miao"), Map.entry("召", "shao"),
      Map.entry("折", "she"), Map.entry("尉迟", "yuchi"), Map.entry("万俟", "moqi"), Map.entry("长孙", "zhangsun"),
      Map.entry("员", "yun"), Map.entry("种", "chong"), Map.entry("秘", "bi"), Map.entry("单于", "chanyu"),
      Map.entry("繁", "po"), Map.entry("句", "gou"), Map.entry("阚", "kan"), Map.entry("柏", "bai"),
      Map.entry("藏", "zang"), Map.entry("沈", "shen"), Map.entry("石", "shi"), Map.entry("万", "wan"));
  private static final Pattern VILLAGE_SUFFIX = Pattern.compile("(村民委员会|居民委员会|居委会|社区|村|屯)$");
  private static final Pattern SCHOOL_SUFFIX = Pattern.compile(
      "(九年一贯制学校|完全中学|中心小学|中心校|小学|中学|学校|幼儿园)$");
  private static final Pattern ADDRESS_PART = Pattern.compile(
      ".+?(自治区|自治州|省|市|县|区|旗|盟|镇|乡|村|屯|组|社区|小区|路|街|巷|道|号楼|楼|栋|单元|室|号)");
  /**
   * Address parts of a level above the township: the province, city and county are public (the gazetteer). A
   * housing estate (阳光小区) or a community (社区) is not a district.
   */
  private static final Pattern ABOVE_TOWNSHIP = Pattern.compile(".*(自治区|自治州|省|市|县|旗|盟|(?<![小社园校街])区)$");
  /** An address part that is only a number and its unit (三组, 12号, 5号楼): too common to mean anything alone. */
  private static final Pattern NUMBERED_PART = Pattern.compile(
      "^[0-9一二三四五六七八九十百零〇两]+(组|号|号楼|楼|栋|单元|室)$");
  /**
   * Village and school stems that are also everyday words (幸福村 → 幸福, 新华村 → 新华 as in 新华字典): the stem alone
   * would refuse ordinary text, so it is refused only where it names a place (住在新华, 新华屯; see
   * {@link Kind#PLACE_WORD}).
   */
  private static final Set<String> COMMON_WORDS = Set.of("幸福", "希望", "光明", "和平", "友谊", "团结", "胜利", "红星",
      "前进", "新华", "东方", "建设", "民主", "先锋", "永安", "太平", "长青", "平安", "新兴", "向阳", "东风", "红旗",
      "前锋", "新生", "兴旺", "富强", "丰收", "解放", "工农", "联合", "东升", "和谐", "爱心", "阳光", "幸运", "温暖",
      "快乐", "健康", "美好", "振兴", "发展", "繁荣", "安全", "实验", "中心", "第一", "第二", "第三", "新村", "朝阳",
      "春天", "星星", "月亮", "太阳", "光荣", "先进", "进步", "文明", "新民", "永丰", "永兴", "长胜", "新立", "新发");
  private static final Pattern ADMIN_PREFIX = Pattern.compile("^([^省市县区镇乡村屯]{1,8}?(?:省|市|县|区|镇|乡|村|屯))");
  /** School kinds and how people shorten them, longest first. */
  private static final List<List<String>> SCHOOL_KINDS = List.of(
      List.of("九年一贯制学校", "学校"), List.of("中心小学", "中心校"), List.of("初级中学", "初中", "中学"),
      List.of("完全中学", "中学"), List.of("小学", "小"), List.of("中学", "中"), List.of("学校", "校"),
      List.of("幼儿园", "幼"));
  private static final Pattern ORDINAL = Pattern.compile("^第?([一二三四五六七八九十]{1,2})$");

  public IdentifyingFacts {
    guardianNames = guardianNames == null ? List.of() : List.copyOf(guardianNames);
    phones = phones == null ? List.of() : List.copyOf(phones);
    publicPlaces = publicPlaces == null ? List.of() : List.copyOf(publicPlaces);
  }

  /** The facts without a birth date or public places (tests and callers that have none). */
  public IdentifyingFacts(String childName, List<String> guardianNames, String villageName, String address,
      String schoolName, String nationalId, List<String> phones) {
    this(childName, guardianNames, villageName, address, schoolName, nationalId, phones, null, List.of());
  }

  /** The tokens the text guard looks for: each fact and the forms it is commonly written in. */
  public List<Token> tokens() {
    Set<Token> tokens = new LinkedHashSet<>();
    addName(tokens, Rule.CHILD_NAME, childName);
    guardianNames.forEach(name -> addName(tokens, Rule.GUARDIAN_NAME, name));
    addWithStem(tokens, Rule.VILLAGE, villageName, VILLAGE_SUFFIX);
    addWithStem(tokens, Rule.SCHOOL, schoolName, SCHOOL_SUFFIX);
    schoolAbbreviations(schoolName).stream()
        .filter(form -> !publicPlaces.contains(form) && !COMMON_WORDS.contains(form))
        .forEach(form -> add(tokens, new Token(Rule.SCHOOL, form, schoolName.strip(), Form.ABBREVIATION, Kind.WORD)));
    if (address != null) {
      Matcher parts = ADDRESS_PART.matcher(address.replaceAll("\\s", ""));
      StringBuilder numbered = new StringBuilder();
      while (parts.find()) {
        String part = parts.group();
        if (NUMBERED_PART.matcher(part).matches()) {
          numbered.append(part); // 三组 and 12号 alone are everyday words; 三组12号 is an address
          continue;
        }
        addNumbered(tokens, numbered);
        if (!ABOVE_TOWNSHIP.matcher(part).matches() && !publicPlaces.contains(part)) {
          add(tokens, new Token(Rule.ADDRESS, part));
        }
      }
      addNumbered(tokens, numbered);
    }
    if (nationalId != null && !nationalId.isBlank()) {
      String id = nationalId.strip().toUpperCase();
      add(tokens, new Token(Rule.NATIONAL_ID, id, id, Form.AS_WRITTEN, Kind.DIGITS));
      if (id.length() == 18) {
        add(tokens, new Token(Rule.NATIONAL_ID, id.substring(0, 6), id, Form.ID_SEGMENT, Kind.DIGITS));
        add(tokens, new Token(Rule.NATIONAL_ID, id.substring(6, 14), id, Form.ID_SEGMENT, Kind.DIGITS));
        add(tokens, new Token(Rule.NATIONAL_ID, id.substring(12), id, Form.ID_SEGMENT, Kind.DIGITS));
      }
    }
    phones.forEach(phone -> addPhone(tokens, phone));
    if (birthDate != null) {
      add(tokens, new Token(Rule.BIRTH_DATE, birthDate.toString(), birthDate.toString(), Form.DATE, Kind.DATE));
    }
    return List.copyOf(tokens);
  }

  /** A run of numbered address parts (三组12号), when there are at least two of them. */
  private static void addNumbered(Set<Token> tokens, StringBuilder numbered) {
    int count = 0;
    for (Matcher each = Pattern.compile("[0-9一二三四五六七八九十百零〇两]+(号楼|组|号|楼|栋|单元|室)").matcher(numbered);
        each.find(); ) {
      count++;
    }
    if (count >= 2) {
      add(tokens, new Token(Rule.ADDRESS, numbered.toString()));
    }
    numbered.setLength(0);
  }

  /** A phone number, and for a landline also its local part, which people often write without the area code. */
  private static void addPhone(Set<Token> tokens, String phone) {
    if (phone == null) {
      return;
    }
    String digits = phone.replaceAll("[^0-9]", "");
    add(tokens, new Token(Rule.PHONE, digits, phone, Form.AS_WRITTEN, Kind.DIGITS));
    if (digits.startsWith("0") && digits.length() >= 10) {
      int areaCode = digits.startsWith("010") || digits.startsWith("02") ? 3 : 4;
      add(tokens, new Token(Rule.PHONE, digits.substring(areaCode), phone, Form.AS_WRITTEN, Kind.DIGITS));
    }
  }

  /**
   * A name, its given name, their pinyin (with the surname's own reading where it differs, and ü as u, v or yu) and
   * the initials (three letters or more).
   */
  private static void addName(Set<Token> tokens, Rule rule, String name) {
    if (name == null || name.isBlank()) {
      return;
    }
    String trimmed = name.strip();
    add(tokens, new Token(rule, trimmed));
    String surname = COMPOUND_SURNAMES.stream().filter(trimmed::startsWith).findFirst()
        .orElse(trimmed.substring(0, 1));
    String givenName = trimmed.substring(surname.length());
    if (givenName.length() >= 2) {
      add(tokens, new Token(rule, givenName, trimmed, Form.AS_WRITTEN, Kind.WORD));
    }
    if (!trimmed.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
      return;
    }
    Set<String> surnameReadings = new LinkedHashSet<>(TextForms.pinyinSpellings(surname));
    if (SURNAME_READINGS.containsKey(surname)) {
      surnameReadings.add(SURNAME_READINGS.get(surname));
    }
    List<String> givenSpellings = TextForms.pinyinSpellings(givenName);
    for (String reading : surnameReadings) {
      for (String given : givenSpellings) {
        String full = (reading + " " + given).strip();
        add(tokens, new Token(rule, full.replace(" ", ""), trimmed, Form.PINYIN, Kind.PINYIN));
        StringBuilder initials = new StringBuilder();
        for (String syllable : full.split("\\s+")) {
          initials.append(syllable.charAt(0));
        }
        if (initials.length() >= 3) { // two letters (陈敏 → cm) are a unit or a size as often as a name
          add(tokens, new Token(rule, initials.toString(), trimmed, Form.INITIALS, Kind.INITIALS));
        }
      }
    }
    if (givenName.length() >= 2) {
      givenSpellings.forEach(given ->
          add(tokens, new Token(rule, given.replace(" ", ""), trimmed, Form.PINYIN, Kind.PINYIN)));
    }
  }

  private void addWithStem(Set<Token> tokens, Rule rule, String value, Pattern suffix) {
    if (value == null || value.isBlank()) {
      return;
    }
    add(tokens, new Token(rule, value.strip()));
    String stem = suffix.matcher(value.strip()).replaceFirst("");
    if (stem.length() >= 2 && !publicPlaces.contains(stem) && !ABOVE_TOWNSHIP.matcher(stem).matches()) {
      add(tokens, new Token(rule, stem, value.strip(), Form.ABBREVIATION,
          COMMON_WORDS.contains(stem) ? Kind.PLACE_WORD : Kind.WORD));
    }
  }

  /**
   * How people shorten a school's name: the place before it with or without its level (虎林市 → 虎林, 市), the
   * ordinal with or without 第 and as a digit, the kind shortened (小学 → 小, 中心小学 → 中心校): 虎林市第二小学 →
   * 虎林二小, 市二小, 第二小学 … A form that names no place and no ordinal (小学, 中心校) or only a bare ordinal
   * with a one-character kind (二小, which is also the start of 二小时) is left out: it names no one school.
   */
  static List<String> schoolAbbreviations(String school) {
    if (school == null || school.isBlank()) {
      return List.of();
    }
    String rest = school.strip();
    List<String> places = new ArrayList<>();
    for (Matcher prefix = ADMIN_PREFIX.matcher(rest); prefix.find(); prefix = ADMIN_PREFIX.matcher(rest)) {
      places.add(prefix.group(1));
      rest = rest.substring(prefix.group(1).length());
    }
    List<String> kindForms = null;
    for (List<String> kind : SCHOOL_KINDS) {
      if (rest.endsWith(kind.getFirst())) {
        kindForms = kind;
        rest = rest.substring(0, rest.length() - kind.getFirst().length());
        break;
      }
    }
    if (kindForms == null) {
      return List.of();
    }
    Set<String> names = new LinkedHashSet<>();
    names.add(rest);
    Matcher ordinal = ORDINAL.matcher(rest);
    boolean isOrdinal = ordinal.matches();
    if (isOrdinal) {
      names.add(ordinal.group(1));
      names.add(TextForms.of(ordinal.group(1)).digits.text());
    }
    Set<String> placeForms = new LinkedHashSet<>();
    placeForms.add("");
    for (String place : places) {
      placeForms.add(place);
      String stem = place.substring(0, place.length() - 1);
      if (stem.length() >= 2) {
        placeForms.add(stem);
      }
      placeForms.add(place.substring(place.length() - 1));
    }
    Set<String> forms = new LinkedHashSet<>();
    for (String place : placeForms) {
      for (String name : names) {
        for (String kind : kindForms) {
          String form = place + name + kind;
          boolean namesPlace = place.length() >= 2;
          boolean namesSchool = !name.isEmpty() && !(isOrdinal && kind.length() == 1 && place.isEmpty());
          if (form.length() >= 2 && (namesPlace || namesSchool) && !form.equals(school.strip())) {
            forms.add(form);
          }
        }
      }
    }
    return List.copyOf(forms);
  }

  private static void add(Set<Token> tokens, Token token) {
    if (token.text() != null && token.text().strip().length() >= 2) {
      tokens.add(token);
    }
  }
}
