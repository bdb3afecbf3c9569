package org.onedoor.backend.needs.publication;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses public text that could identify a child: any identifying token of the child's own file, and anything
 * shaped like a national ID, a phone number or an exact date. Matching is done on a normalised copy (full-width
 * characters folded, white space removed), so "１３９ 1234 5678" is still a phone number; each finding reports the
 * original text that triggered it, so staff see exactly what to rewrite.
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
    RARE_CONDITION,
    NATIONAL_ID_SHAPE,
    PHONE_SHAPE,
    EXACT_DATE
  }

  /**
   * An identifying token taken from the child's file.
   *
   * @param rule what kind of token it is
   * @param text the token as written in the file
   */
  public record Token(Rule rule, String text) {
  }

  /**
   * One refused piece of text.
   *
   * @param field the field it was found in (e.g. {@code title}, {@code description})
   * @param rule the rule it broke
   * @param text the offending text exactly as the staff wrote it
   * @param start its start offset in the field
   * @param end its end offset (exclusive)
   */
  public record Finding(String field, Rule rule, String text, int start, int end) {
  }

  private static final Map<Rule, Pattern> SHAPES = new LinkedHashMap<>();

  static {
    SHAPES.put(Rule.NATIONAL_ID_SHAPE, Pattern.compile("(?<!\\d)(\\d{17}[\\dXx]|\\d{15})(?![\\dXx])"));
    SHAPES.put(Rule.PHONE_SHAPE, Pattern.compile("(?<!\\d)((\\+?86-?)?1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})(?!\\d)"));
    SHAPES.put(Rule.EXACT_DATE, Pattern.compile(
        "(?<!\\d)((19|20)\\d{2}[-/.年](0?[1-9]|1[0-2])[-/.月](0?[1-9]|[12]\\d|3[01])日?"
            + "|(0?[1-9]|1[0-2])月(0?[1-9]|[12]\\d|3[01])[日号])(?!\\d)"));
  }

  /** The findings in all fields, in field order then position; empty when the text may be published. */
  public List<Finding> check(Map<String, String> fields, List<Token> fileTokens) {
    List<Finding> findings = new ArrayList<>();
    fields.forEach((field, text) -> {
      if (text != null && !text.isEmpty()) {
        findings.addAll(check(field, text, fileTokens));
      }
    });
    return findings;
  }

  private List<Finding> check(String field, String text, List<Token> fileTokens) {
    Normalised normalised = Normalised.of(text);
    List<Finding> found = new ArrayList<>();
    for (Token token : fileTokens) {
      String needle = Normalised.of(token.text()).text();
      if (needle.length() < 2) {
        continue; // a single character matches far too much to mean anything
      }
      for (int at = normalised.text().indexOf(needle); at >= 0; at = normalised.text().indexOf(needle, at + 1)) {
        found.add(normalised.finding(field, token.rule(), at, at + needle.length(), text));
      }
    }
    SHAPES.forEach((rule, pattern) -> {
      Matcher matcher = pattern.matcher(normalised.text());
      while (matcher.find()) {
        found.add(normalised.finding(field, rule, matcher.start(), matcher.end(), text));
      }
    });
    return found.stream()
        .sorted(Comparator.comparingInt(Finding::start).thenComparing(Finding::rule))
        .distinct()
        .toList();
  }

  /** Text folded for matching, with the way back to the original offsets. */
  private record Normalised(String text, int[] originalOffsets) {

    static Normalised of(String original) {
      StringBuilder folded = new StringBuilder(original.length());
      List<Integer> offsets = new ArrayList<>(original.length());
      for (int i = 0; i < original.length(); i++) {
        String piece = Normalizer.normalize(String.valueOf(original.charAt(i)), Normalizer.Form.NFKC);
        for (int j = 0; j < piece.length(); j++) {
          char c = piece.charAt(j);
          if (!Character.isWhitespace(c) && c != '\u3000') {
            folded.append(c);
            offsets.add(i);
          }
        }
      }
      return new Normalised(folded.toString(), offsets.stream().mapToInt(Integer::intValue).toArray());
    }

    Finding finding(String field, Rule rule, int start, int end, String original) {
      int from = originalOffsets[start];
      int to = originalOffsets[end - 1] + 1;
      return new Finding(field, rule, original.substring(from, to), from, to);
    }
  }
}
