package org.onedoor.backend.needs.publication;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses public text that could identify a child: any fact of the child's own file in any of the forms people
 * write it in, and anything shaped like a national ID, a phone number, an exact date or a birthday. The text is
 * compared in several folded forms ({@link TextForms}): invisible characters, punctuation and symbols between
 * characters, full-width and traditional characters, pinyin with or without tones, initials, Chinese numerals and
 * letters standing for digits all fold away. Each piece of text is reported once, with the rule it broke, the fact
 * of the file it matched and the form it was written in, so staff see what to rewrite and why. See
 * docs/decisions/003-anonymised-needs.md.
 *
 * <p>Why almost 400 lines: most of it is tables (look-alike letters, numerals, pinyin initials) and one fold per
 * form; the forms must stay index-aligned with the original text, which is easiest to check in one place.
 */
public final class TextGuard {

  /** Why a piece of text was refused. */
  public enum Rule {
    CHILD_NAME,
    GUARDIAN_NAME,
    VILLAGE,
    ADDRESS,
    SCHOOL,
    NATIONAL_ID,
    PHONE,
    BIRTH_DATE,
    RARE_CONDITION,
    NATIONAL_ID_SHAPE,
    PHONE_SHAPE,
    EXACT_DATE,
    BIRTHDAY
  }

  /** The form a fact was written in. */
  public enum Form {
    /** Exactly as in the file. */
    AS_WRITTEN,
    /** With spaces, punctuation, symbols, invisible or full-width characters in it, or in another case. */
    DISGUISED,
    /** In traditional characters. */
    TRADITIONAL,
    /** In pinyin. */
    PINYIN,
    /** As the initials of its pinyin. */
    INITIALS,
    /** In Chinese numerals, or with letters standing for digits. */
    NUMERALS,
    /** Shortened (a school's or village's short name, a pet name). */
    ABBREVIATION,
    /** A part of the national ID number (region, birth date, last digits). */
    ID_SEGMENT,
    /** A date, in whatever shape. */
    DATE
  }

  /** Which folded form a token is looked for in. */
  public enum Kind {
    /** Han or other words: the letters form. */
    WORD,
    /**
     * A place's short name that is also an everyday word (新华, 幸福): the letters form, only beside a word that
     * makes it a place — after 住在, 家在, 来自, 位于 …, or before 村 屯 组 庄 里 乡 寨.
     */
    PLACE_WORD,
    /** Pinyin: the Latin letters form. */
    PINYIN,
    /** Initials: Latin letters standing alone. */
    INITIALS,
    /** A number: the digits form. */
    DIGITS,
    /** A date (text: yyyy-MM-dd): every date mentioned is compared with it. */
    DATE
  }

  /**
   * An identifying token taken from the child's file.
   *
   * @param rule what kind of fact it is
   * @param text the form looked for
   * @param fact the fact as written in the file
   * @param form how {@code text} is derived from the fact
   * @param kind where it is looked for
   */
  public record Token(Rule rule, String text, String fact, Form form, Kind kind) {

    /** A fact looked for as written. */
    public Token(Rule rule, String text) {
      this(rule, text, text, Form.AS_WRITTEN, text.strip().matches("[0-9]+[Xx]?") ? Kind.DIGITS : Kind.WORD);
    }
  }

  /**
   * One refused piece of text.
   *
   * @param field the field it was found in (e.g. {@code title}, {@code description})
   * @param rule the rule it broke
   * @param text the offending text exactly as the staff wrote it
   * @param start its start offset in the field
   * @param end its end offset (exclusive)
   * @param fact the fact of the file it matched, or null for a shape (a phone number, a date)
   * @param form the form it was written in
   */
  public record Finding(String field, Rule rule, String text, int start, int end, String fact, Form form) {
  }

  private static final Pattern NATIONAL_ID_SHAPE = Pattern.compile("(?<![0-9])([0-9]{17}[0-9Xx]|[0-9]{15})(?![0-9Xx])");
  private static final Pattern PHONE_SHAPE = Pattern.compile(
      "(?<![0-9])((?:0?86)?1[3-9][0-9]{9}|0[0-9]{2,3}[0-9]{7,8})(?![0-9])");
  /** Between the parts of a date: a punctuation mark or a space (not a line break), with spaces around it. */
  private static final String SEPARATOR = "[ \\t]*[-/.．・·,，、_~～ \\t][ \\t]*";
  private static final String SPACE = "[ \\t]*";
  /** What may follow a day without 日 or 号 for it to be a day: not a measure word (3月5次, 2026年3月 10名). */
  private static final String NOT_A_COUNT = "(?![ \\t]*[0-9个次元件套岁人名天周位本支双斤克吨米户袋箱块千万百多小公厘年月号])";
  private static final Pattern FULL_DATE = Pattern.compile("(?<![0-9])((?:19|20)[0-9]{2})(?:" + SEPARATOR
      + "|" + SPACE + "年" + SPACE + ")([0-9]{1,2})(?:" + SEPARATOR + "|" + SPACE + "月" + SPACE + ")([0-9]{1,2})(?:"
      + SPACE + "[日号]|" + NOT_A_COUNT + ")");
  private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(?<![0-9])([0-9]{1,2})" + SEPARATOR + "([0-9]{1,2})"
      + SEPARATOR + "((?:19|20)[0-9]{2})(?![0-9])");
  /**
   * 3月8日, 三月八号, and a bare 3月8 only before a birth word, a punctuation mark or the end (3月8出生, not
   * 八月十五中秋节 or 3月5次).
   */
  private static final Pattern MONTH_DAY = Pattern.compile("(?<![0-9])([0-9]{1,2})" + SPACE + "月份?" + SPACE
      + "([0-9]{1,2})(?:" + SPACE + "[日号]|(?=" + SPACE + "(?:出生|生|[，。,.；;、！!？?]|$)))");
  private static final Pattern EIGHT_DIGITS = Pattern.compile(
      "(?<![0-9])((?:19|20)[0-9]{2})(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])(?![0-9])");
  private static final Pattern YEAR_MONTH = Pattern.compile("(?<![0-9])((?:19|20)[0-9]{2})(?:" + SEPARATOR
      + "|" + SPACE + "年" + SPACE + ")([0-9]{1,2})" + SPACE + "月?(?![0-9])");
  private static final String NOT_BIRTHDAY_END = "[^。；;！!？?，,\\n]";
  private static final Pattern BIRTHDAY = Pattern.compile(
      "(生日|出生|生于|诞辰|生辰)" + NOT_BIRTHDAY_END + "{0,4}?([0-9]{1,2}" + SPACE + "[月日号]|(19|20)[0-9]{2}(?![0-9.]))"
          + "|生日" + NOT_BIRTHDAY_END + "{0,3}?(?<![0-9.])[0-9]{1,2}[./\\-][0-9]{1,2}(?![0-9.])"
          + "(?!" + SPACE + "(公斤|斤|kg|个月|岁|克))"
          + "|(?<![0-9])[0-9]{1,2}" + SPACE + "月份?" + SPACE + "([0-9]{1,2}" + SPACE + "[日号]?)?"
          + "[^。；;！!？?\\n0-9]{0,3}?(出生|生日|生人)"
          + "|(?<![0-9.])[0-9]{1,4}[./\\-][0-9]{1,2}([./\\-][0-9]{1,2})?" + SPACE + "(出生|生日|生人|生的)"
          + "|属(鼠|牛|虎|兔|龙|蛇|马|羊|猴|鸡|狗|猪)");
  /**
   * Days every calendar marks (New Year, Labour Day, Children's Day, the school year, National Day): without a year,
   * an exact date only when it is the child's birthday; with a year they date an event like any other day.
   */
  private static final Set<MonthDay> PUBLIC_DAYS = Set.of(MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(6, 1),
      MonthDay.of(9, 1), MonthDay.of(10, 1));
  /** Words before a place's short name that make it a place (住在新华, 来自新华, 家在新华). */
  private static final List<String> PLACE_BEFORE = List.of("住在", "家在", "来自", "住于", "位于", "生活在", "居住在",
      "回到", "老家", "家住", "户籍");
  /** Characters after a place's short name that make it a place (新华村, 新华屯, 新华三组 as 新华组). */
  private static final String PLACE_AFTER = "村屯组庄里乡寨";
  private static final List<Rule> SHAPES = List.of(Rule.NATIONAL_ID_SHAPE, Rule.PHONE_SHAPE, Rule.EXACT_DATE,
      Rule.BIRTHDAY);

  /**
   * The findings in all fields, in field order then position; empty when the text may be published. The fields are
   * also checked joined, so that a fact split across them ("…139" at the end of the title, "4567 1234" at the start
   * of the description) is found too; such a finding names the fields it spans ("title+description").
   */
  public List<Finding> check(Map<String, String> fields, List<Token> fileTokens) {
    List<Finding> findings = new ArrayList<>();
    StringBuilder joined = new StringBuilder();
    List<String> names = new ArrayList<>();
    List<Integer> starts = new ArrayList<>();
    fields.forEach((field, text) -> {
      if (text != null && !text.isEmpty()) {
        findings.addAll(check(field, text, fileTokens));
        if (!joined.isEmpty()) {
          joined.append('。'); // a sentence break: numbers still join across it, dates do not
        }
        names.add(field);
        starts.add(joined.length());
        joined.append(text);
      }
    });
    if (names.size() > 1) {
      for (Finding finding : check("", joined.toString(), fileTokens)) {
        int first = fieldAt(starts, finding.start());
        int last = fieldAt(starts, finding.end() - 1);
        if (first != last) {
          findings.add(new Finding(String.join("+", names.subList(first, last + 1)), finding.rule(), finding.text(),
              finding.start() - starts.get(first), finding.end() - starts.get(first), finding.fact(), finding.form()));
        }
      }
    }
    return findings;
  }

  private static int fieldAt(List<Integer> starts, int offset) {
    int field = 0;
    while (field + 1 < starts.size() && starts.get(field + 1) <= offset) {
      field++;
    }
    return field;
  }

  private List<Finding> check(String field, String text, List<Token> fileTokens) {
    TextForms forms = TextForms.of(text);
    List<Finding> found = new ArrayList<>();
    LocalDate birthDate = null;
    for (Token token : fileTokens) {
      switch (token.kind()) {
        case WORD -> {
          String needle = TextForms.letters(token.text());
          find(found, field, text, forms.letters, needle, token, 2);
          if (needle.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            find(found, field, text, forms.han, needle, token, 2); // 王1小a明
          }
          String numbered = TextForms.of(token.text()).compactDates.text();
          if (!numbered.equals(token.text())) {
            find(found, field, text, forms.compactDates, numbered, token, 2); // 三组12号 as 3组十二号
          }
        }
        case PLACE_WORD -> {
          List<Finding> candidates = new ArrayList<>();
          String needle = TextForms.letters(token.text());
          find(candidates, field, text, forms.letters, needle, token, 2);
          String letters = forms.letters.text();
          for (int at = letters.indexOf(needle); at >= 0; at = letters.indexOf(needle, at + 1)) {
            int end = at + needle.length();
            String before = letters.substring(Math.max(0, at - 3), at);
            boolean place = PLACE_BEFORE.stream().anyMatch(before::endsWith)
                || end < letters.length() && PLACE_AFTER.indexOf(letters.charAt(end)) >= 0;
            if (place) {
              int[] span = forms.letters.original(at, end);
              candidates.stream().filter(f -> f.start() == span[0] && f.end() == span[1]).findFirst()
                  .ifPresent(found::add);
            }
          }
        }
        case PINYIN -> find(found, field, text, forms.latin, token.text(), token, 4);
        case DIGITS -> find(found, field, text, forms.digits, token.text().replace('x', 'X'), token, 6);
        case INITIALS -> initials(found, field, text, token);
        case DATE -> birthDate = LocalDate.parse(token.text());
      }
    }
    dates(found, field, text, forms, birthDate);
    shape(found, field, text, forms.numbers, NATIONAL_ID_SHAPE, Rule.NATIONAL_ID_SHAPE);
    shape(found, field, text, forms.numbers, PHONE_SHAPE, Rule.PHONE_SHAPE);
    shape(found, field, text, forms.dates, BIRTHDAY, Rule.BIRTHDAY);
    shape(found, field, text, forms.compactDates, BIRTHDAY, Rule.BIRTHDAY);
    return once(found);
  }

  private static void find(List<Finding> found, String field, String text, TextForms.Form in, String needle,
      Token token, int minimum) {
    if (needle.length() < minimum) {
      return; // too short to mean the fact rather than anything else
    }
    // Only x is upper-cased (the ID's check digit): upper-casing all could lengthen the text (ß → SS).
    String haystack = token.kind() == Kind.DIGITS ? in.text().replace('x', 'X') : in.text();
    for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
      Finding finding = finding(field, text, in, at, at + needle.length(), token.rule(), token.fact(), token.form());
      boolean literal = finding.text().equals(token.text()) || finding.text().equals(token.fact());
      found.add(literal && token.form() == Form.AS_WRITTEN ? new Finding(field, token.rule(), finding.text(),
          finding.start(), finding.end(), token.fact(), Form.AS_WRITTEN) : finding);
    }
  }

  /** Initials standing as a word of their own ("W.X.M.", "wxm"), in Latin or full-width letters. */
  private static void initials(List<Finding> found, String field, String text, Token token) {
    StringBuilder pattern = new StringBuilder("(?<![\\p{IsLatin}])");
    for (int i = 0; i < token.text().length(); i++) {
      char c = token.text().charAt(i);
      pattern.append(i == 0 ? "" : "[\\s\\p{P}\\p{S}\\u200b-\\u200f\\u2060\\ufeff]*")
          .append('[').append(c).append(Character.toUpperCase(c)).append((char) (c + 0xFEE0))
          .append((char) (Character.toUpperCase(c) + 0xFEE0)).append(']');
    }
    pattern.append("\\.?(?![\\p{IsLatin}])");
    Matcher matcher = Pattern.compile(pattern.toString()).matcher(text);
    while (matcher.find()) {
      found.add(new Finding(field, token.rule(), matcher.group(), matcher.start(), matcher.end(), token.fact(),
          token.form()));
    }
  }

  /**
   * Every date mentioned: a whole date (year, month and day in any shape, or month and day) is an exact date
   * unless it is a day every calendar marks; a date that gives the child's birth date, year and month of birth, or
   * birthday is the birth date whatever its shape.
   */
  private static void dates(List<Finding> found, String field, String text, TextForms forms, LocalDate birth) {
    for (TextForms.Form in : List.of(forms.dates, forms.compactDates)) {
      for (Matcher m = FULL_DATE.matcher(in.text()); m.find(); ) {
        date(found, field, text, in, m, num(m, 1), num(m, 2), num(m, 3), birth);
      }
      for (Matcher m = DAY_MONTH_YEAR.matcher(in.text()); m.find(); ) {
        date(found, field, text, in, m, num(m, 3), num(m, 2), num(m, 1), birth);
        date(found, field, text, in, m, num(m, 3), num(m, 1), num(m, 2), birth);
      }
      for (Matcher m = MONTH_DAY.matcher(in.text()); m.find(); ) {
        date(found, field, text, in, m, 0, num(m, 1), num(m, 2), birth);
      }
      if (birth != null) {
        for (Matcher m = YEAR_MONTH.matcher(in.text()); m.find(); ) {
          if (num(m, 1) == birth.getYear() && num(m, 2) == birth.getMonthValue()) {
            found.add(finding(field, text, in, m.start(), m.end(), Rule.BIRTH_DATE, birth.toString(), Form.DATE));
          }
        }
      }
    }
    for (Matcher m = EIGHT_DIGITS.matcher(forms.numbers.text()); m.find(); ) {
      date(found, field, text, forms.numbers, m, num(m, 1), num(m, 2), num(m, 3), birth);
    }
    if (birth != null) {
      // Separated any way at all ("2015、03、08"): the birth date only, not every list of numbers.
      for (Matcher m = EIGHT_DIGITS.matcher(forms.digits.text()); m.find(); ) {
        if (birth.equals(safeDate(m))) {
          found.add(finding(field, text, forms.digits, m.start(), m.end(), Rule.BIRTH_DATE, birth.toString(),
              Form.DATE));
        }
      }
    }
  }

  private static void date(List<Finding> found, String field, String text, TextForms.Form in, Matcher m, int year,
      int month, int day, LocalDate birth) {
    MonthDay monthDay;
    try {
      monthDay = MonthDay.of(month, day);
    } catch (DateTimeException notADate) {
      return;
    }
    if (birth != null && monthDay.equals(MonthDay.from(birth)) && (year == 0 || year == birth.getYear())) {
      found.add(finding(field, text, in, m.start(), m.end(), Rule.BIRTH_DATE, birth.toString(), Form.DATE));
    } else if (year != 0 || !PUBLIC_DAYS.contains(monthDay)) {
      found.add(finding(field, text, in, m.start(), m.end(), Rule.EXACT_DATE, null, Form.DATE));
    }
  }

  private static LocalDate safeDate(Matcher m) {
    try {
      return LocalDate.of(num(m, 1), num(m, 2), num(m, 3));
    } catch (DateTimeException notADate) {
      return null;
    }
  }

  private static int num(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }

  private static void shape(List<Finding> found, String field, String text, TextForms.Form in, Pattern pattern,
      Rule rule) {
    for (Matcher m = pattern.matcher(in.text()); m.find(); ) {
      found.add(finding(field, text, in, m.start(), m.end(), rule, null, Form.AS_WRITTEN));
    }
  }

  private static Finding finding(String field, String text, TextForms.Form in, int start, int end, Rule rule,
      String fact, Form form) {
    int[] span = in.original(start, end);
    String written = text.substring(span[0], span[1]);
    Form how = form;
    if (form == Form.AS_WRITTEN && fact != null && !written.equals(fact)) {
      how = formOf(written);
    } else if (form == Form.AS_WRITTEN && fact == null && !written.matches("[0-9]+[Xx]?")) {
      how = formOf(written);
    }
    return new Finding(field, rule, written, span[0], span[1], fact, how);
  }

  /** How a piece of text that matched a fact differs from it. */
  private static Form formOf(String written) {
    if (written.codePoints().anyMatch(c -> "〇零一二三四五六七八九两幺壹贰叁肆伍陆柒捌玖十拾貳參陸兩".indexOf(c) >= 0
        || c < 0x80 && Character.isLetter(c))) {
      return Form.NUMERALS;
    }
    if (!TextForms.simplified(written).equals(written)) {
      return Form.TRADITIONAL;
    }
    return Form.DISGUISED;
  }

  /**
   * Each piece of text once: where findings overlap, the one that names a fact of the file wins over a shape, and
   * the longer over the shorter ("13945671234" is the guardian's phone, not also a phone-shaped number).
   */
  private static List<Finding> once(List<Finding> found) {
    List<Finding> ranked = new ArrayList<>(found);
    ranked.sort(Comparator.comparing((Finding f) -> SHAPES.contains(f.rule()))
        .thenComparing(f -> f.end() - f.start(), Comparator.reverseOrder())
        .thenComparing(f -> f.form() == Form.ID_SEGMENT) // "20150308" is the birth date before it is part of the ID
        .thenComparing(Finding::start).thenComparing(Finding::rule));
    List<Finding> kept = new ArrayList<>();
    for (Finding finding : ranked) {
      if (kept.stream().noneMatch(k -> k.start() < finding.end() && finding.start() < k.end())) {
        kept.add(finding);
      }
    }
    kept.sort(Comparator.comparingInt(Finding::start).thenComparing(Finding::rule));
    return kept;
  }
}
