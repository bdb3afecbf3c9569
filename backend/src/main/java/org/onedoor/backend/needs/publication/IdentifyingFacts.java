package org.onedoor.backend.needs.publication;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.onedoor.backend.needs.publication.TextGuard.Rule;
import org.onedoor.backend.needs.publication.TextGuard.Token;

/**
 * What in a child's file could identify the child if it appeared in public text.
 *
 * @param childName the child's name
 * @param guardianNames the guardians' names
 * @param villageName the village's name
 * @param address the home address
 * @param schoolName the school's name
 * @param nationalId the national ID number
 * @param phones the phone numbers in the file
 */
public record IdentifyingFacts(String childName, List<String> guardianNames, String villageName, String address,
    String schoolName, String nationalId, List<String> phones) {

  private static final List<String> COMPOUND_SURNAMES = List.of("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "慕容",
      "令狐", "尉迟", "长孙", "宇文", "公孙", "端木", "夏侯", "轩辕");
  private static final Pattern VILLAGE_SUFFIX = Pattern.compile("(村民委员会|居民委员会|居委会|社区|村|屯)$");
  private static final Pattern SCHOOL_SUFFIX = Pattern.compile(
      "(九年一贯制学校|完全中学|中心小学|中心校|小学|中学|学校|幼儿园)$");
  private static final Pattern ADDRESS_PART = Pattern.compile(".+?(省|市|县|区|镇|乡|村|屯|组|社区|小区|路|街|巷|道|号楼|楼|栋|单元|室|号)");

  public IdentifyingFacts {
    guardianNames = guardianNames == null ? List.of() : List.copyOf(guardianNames);
    phones = phones == null ? List.of() : List.copyOf(phones);
  }

  /** The tokens the text guard looks for: full values and their telling parts (given names, name stems). */
  public List<Token> tokens() {
    List<Token> tokens = new ArrayList<>();
    addName(tokens, Rule.CHILD_NAME, childName);
    guardianNames.forEach(name -> addName(tokens, Rule.GUARDIAN_NAME, name));
    addWithStem(tokens, Rule.VILLAGE, villageName, VILLAGE_SUFFIX);
    addWithStem(tokens, Rule.SCHOOL, schoolName, SCHOOL_SUFFIX);
    if (address != null) {
      Matcher parts = ADDRESS_PART.matcher(address.replaceAll("\\s", ""));
      while (parts.find()) {
        add(tokens, Rule.ADDRESS, parts.group());
      }
    }
    add(tokens, Rule.NATIONAL_ID, nationalId);
    phones.forEach(phone -> addPhone(tokens, phone));
    return tokens.stream().filter(Objects::nonNull).distinct().toList();
  }

  /** A phone number, and for a landline also its local part, which people often write without the area code. */
  private static void addPhone(List<Token> tokens, String phone) {
    if (phone == null) {
      return;
    }
    String digits = phone.replaceAll("[^0-9]", "");
    add(tokens, Rule.PHONE, digits);
    if (digits.startsWith("0") && digits.length() >= 10) {
      int areaCode = digits.startsWith("010") || digits.startsWith("02") ? 3 : 4;
      add(tokens, Rule.PHONE, digits.substring(areaCode));
    }
  }

  private static void addName(List<Token> tokens, Rule rule, String name) {
    if (name == null || name.isBlank()) {
      return;
    }
    String trimmed = name.strip();
    add(tokens, rule, trimmed);
    String surname = COMPOUND_SURNAMES.stream().filter(trimmed::startsWith).findFirst()
        .orElse(trimmed.substring(0, 1));
    String givenName = trimmed.substring(surname.length());
    if (givenName.length() >= 2) {
      add(tokens, rule, givenName);
    }
  }

  private static void addWithStem(List<Token> tokens, Rule rule, String value, Pattern suffix) {
    if (value == null || value.isBlank()) {
      return;
    }
    add(tokens, rule, value.strip());
    String stem = suffix.matcher(value.strip()).replaceFirst("");
    if (stem.length() >= 2) {
      add(tokens, rule, stem);
    }
  }

  private static void add(List<Token> tokens, Rule rule, String text) {
    if (text != null && text.strip().length() >= 2) {
      tokens.add(new Token(rule, text.strip()));
    }
  }
}
