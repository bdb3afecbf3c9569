package org.onedoor.backend.needs.publication;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The forms the text guard compares, each a folded copy of the text that remembers, for every character, which
 * characters of the original it came from (so a finding always shows the text exactly as staff wrote it):
 * <ul>
 * <li>{@link #letters}: compatibility forms folded (full-width, circled), traditional characters made simplified
 * (Unicode's ICU conversion), accents and case dropped, and everything that is not a letter or a digit dropped —
 * spaces, invisible and format characters, punctuation, symbols. "王 小·明", "王\u200b小明" and "王曉明"'s simplified
 * form all read as one word.</li>
 * <li>{@link #latin}: the Latin letters alone, tone marks and tone numbers dropped, anything else a break: for names
 * written in pinyin ("Wáng Xiǎo-míng", "wang2 xiao3 ming2").</li>
 * <li>{@link #dates}: Chinese numerals (小写 and 大写, 〇/零/两/幺, and 十 in "二十三") made digits, letters standing
 * for digits inside digit runs made digits (O for 0, l for 1 …), spaces and invisible characters dropped;
 * punctuation kept, so "2015.3.8" still reads as a date.</li>
 * <li>{@link #compactDates}: the dates form without spaces: "2 0 1 5 年 3 月" reads as 2015年3月 (the dates form
 * keeps them, so that "2015 3 8" still reads as a date).</li>
 * <li>{@link #han}: the letters form with everything but Han characters dropped: "王1小a明" reads as 王小明.</li>
 * <li>{@link #digits}: the dates form with every separator between two digits dropped: "139-4567 1234",
 * "一三九四五六七一二三四" and "139O4567I234" all hold 13945671234. For the file's own numbers.</li>
 * <li>{@link #numbers}: the same, dropping only what people put inside one number (spaces, dashes, dots): for the
 * shapes of unknown numbers, so that a list such as "110、120、130" stays a list.</li>
 * </ul>
 *
 * <p>Why almost 400 lines: most of it is tables (look-alike letters, numerals, pinyin initials) and one fold per
 * form; the forms must stay index-aligned with the original text, which is easiest to check in one place.
 */
final class TextForms {

  private static final ThreadLocal<Transliterator> TRADITIONAL_TO_SIMPLIFIED =
      ThreadLocal.withInitial(() -> Transliterator.getInstance("Traditional-Simplified"));
  private static final ThreadLocal<Transliterator> PINYIN =
      ThreadLocal.withInitial(() -> Transliterator.getInstance("Han-Latin; Latin-ASCII; Lower"));
  private static final ThreadLocal<Transliterator> PINYIN_MARKED =
      ThreadLocal.withInitial(() -> Transliterator.getInstance("Han-Latin"));

  /** Chinese numerals (小写, 大写), the circles typed for zero, and the radio alphabet's 幺 洞 两 拐 勾. */
  private static final String NUMERALS = "〇零一二三四五六七八九两幺壹贰叁肆伍陆柒捌玖○◯洞拐勾";
  private static final String NUMERAL_DIGITS = "0012345678921" + "123456789" + "00079";
  /** Cyrillic and Greek letters that look like Latin ones, as pinyin disguises use them. */
  private static final String LOOK_ALIKES = "аеорсхуіјѕкмнтвαεικνορτυχ";
  private static final String LATIN_FOR_LOOK_ALIKES = "aeopcxyijskmhtbaeikvoptux";
  private static final Map<Character, Character> LETTER_DIGITS = Map.of('O', '0', 'o', '0', 'I', '1', 'l', '1',
      '|', '1', 'Z', '2', 'z', '2', 'S', '5', 's', '5', 'B', '8');

  /**
   * One folded form.
   *
   * @param text the folded text
   * @param from for each folded character, where its source starts in the original
   * @param to for each folded character, where its source ends (exclusive) in the original
   */
  record Form(String text, int[] from, int[] to) {

    /** The original text a span of the folded form came from: [start, end) in the original. */
    int[] original(int start, int end) {
      return new int[] {from[start], to[end - 1]};
    }
  }

  final Form letters;
  final Form han;
  final Form latin;
  final Form dates;
  final Form compactDates;
  final Form digits;
  final Form numbers;

  private TextForms(String original) {
    List<Piece> base = base(original);
    this.letters = letters(base);
    this.han = form(toPieces(letters).stream().filter(p -> Character.UnicodeScript.of(p.c)
        == Character.UnicodeScript.HAN).toList());
    this.latin = latin(base);
    List<Piece> shown = base.stream().filter(p -> !hidden(p.c)).toList();
    List<Piece> numbered = lettersAsDigits(numerals(shown));
    this.dates = form(numbered);
    this.compactDates = form(numbered.stream().filter(p -> !invisible(p.c)).toList());
    this.digits = form(withoutSeparatorsBetweenDigits(numbered, TextForms::separator));
    this.numbers = form(withoutSeparatorsBetweenDigits(numbered, TextForms::numberSeparator));
  }

  private static List<Piece> toPieces(Form form) {
    List<Piece> pieces = new ArrayList<>(form.text().length());
    for (int i = 0; i < form.text().length(); i++) {
      pieces.add(new Piece(form.text().charAt(i), form.from()[i], form.to()[i]));
    }
    return pieces;
  }

  static TextForms of(String original) {
    return new TextForms(original);
  }

  /** The text folded the way {@link #letters} is (for tokens of the file). */
  static String letters(String text) {
    return of(text).letters.text();
  }

  /** Simplified characters for traditional ones. */
  static String simplified(String text) {
    return TRADITIONAL_TO_SIMPLIFIED.get().transliterate(text);
  }

  /** The pinyin of Han text, one lower-case syllable per character, separated by spaces. */
  static String pinyin(String han) {
    return PINYIN.get().transliterate(han).strip();
  }

  /**
   * The ways the pinyin of Han text is spelt without tones: ü as u (ICU's ASCII form), v (typed) or yu (passports:
   * 吕 → lu, lv, lyu).
   */
  static List<String> pinyinSpellings(String han) {
    if (han.isEmpty()) {
      return List.of("");
    }
    String marked = Normalizer.normalize(PINYIN_MARKED.get().transliterate(han).strip(), Normalizer.Form.NFD)
        .replaceAll("[\\u0300-\\u0304\\u030c]", "");
    String umlaut = Normalizer.normalize(marked, Normalizer.Form.NFC).toLowerCase(java.util.Locale.ROOT);
    java.util.Set<String> spellings = new java.util.LinkedHashSet<>();
    spellings.add(pinyin(han));
    if (umlaut.contains("ü")) {
      spellings.add(umlaut.replace("ü", "v"));
      spellings.add(umlaut.replace("ü", "yu"));
      spellings.add(umlaut.replace("ü", "u"));
    }
    return List.copyOf(spellings);
  }

  /** A character of a form and the original characters it came from. */
  private record Piece(char c, int from, int to) {
  }

  /** Compatibility forms folded and traditional characters made simplified, piece by original code point. */
  private static List<Piece> base(String original) {
    List<Piece> pieces = new ArrayList<>(original.length());
    for (int i = 0; i < original.length(); ) {
      int codePoint = original.codePointAt(i);
      int next = i + Character.charCount(codePoint);
      String folded = Character.isDigit(codePoint) && (codePoint < '0' || codePoint > '9')
          && Character.digit(codePoint, 10) >= 0
          ? String.valueOf(Character.digit(codePoint, 10)) // Arabic-Indic, Devanagari … digits
          : Normalizer.normalize(original.substring(i, next), Normalizer.Form.NFKC);
      if (Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN) {
        folded = simplified(folded);
      }
      for (int j = 0; j < folded.length(); j++) {
        pieces.add(new Piece(folded.charAt(j), i, next));
      }
      i = next;
    }
    return pieces;
  }

  private static Form letters(List<Piece> base) {
    List<Piece> kept = new ArrayList<>(base.size());
    for (Piece piece : base) {
      String plain = Normalizer.normalize(String.valueOf(piece.c), Normalizer.Form.NFD);
      for (int j = 0; j < plain.length(); j++) {
        char c = plain.charAt(j);
        if (Character.isLetterOrDigit(c)) {
          kept.add(new Piece(Character.toLowerCase(c), piece.from, piece.to));
        }
      }
    }
    return form(kept);
  }

  private static Form latin(List<Piece> base) {
    List<Piece> kept = new ArrayList<>(base.size());
    for (Piece piece : base) {
      String plain = Normalizer.normalize(String.valueOf(piece.c), Normalizer.Form.NFD);
      for (int j = 0; j < plain.length(); j++) {
        char c = Character.toLowerCase(plain.charAt(j));
        int lookAlike = LOOK_ALIKES.indexOf(c);
        if (lookAlike >= 0) {
          c = LATIN_FOR_LOOK_ALIKES.charAt(lookAlike);
        }
        boolean afterLetter = !kept.isEmpty() && kept.getLast().c != '|';
        if (c >= 'a' && c <= 'z') {
          kept.add(new Piece(c, piece.from, piece.to));
        } else if (c >= '1' && c <= '5' && afterLetter) {
          continue; // a tone number: "wang2"
        } else if (Character.isLetterOrDigit(c)) {
          if (afterLetter) {
            kept.add(new Piece('|', piece.from, piece.to));
          }
        }
        // marks, spaces, punctuation, symbols and invisible characters: dropped
      }
    }
    return form(kept);
  }

  /** Chinese numerals as digits: digit by digit, except around 十 ("二十三" is 23, "十二" is 12, "三十" is 30). */
  private static List<Piece> numerals(List<Piece> base) {
    List<Piece> out = new ArrayList<>(base.size());
    for (int i = 0; i < base.size(); i++) {
      char c = base.get(i).c;
      if (c == '十' || c == '拾') {
        Piece ten = base.get(i);
        boolean tensBefore = !out.isEmpty() && out.getLast().from == (i > 0 ? base.get(i - 1).from : -1)
            && i > 0 && digit(base.get(i - 1).c) >= 0;
        int from = tensBefore ? out.getLast().from : ten.from;
        char tens = tensBefore ? out.removeLast().c : '1';
        boolean unitsAfter = i + 1 < base.size() && digit(base.get(i + 1).c) >= 0;
        int to = unitsAfter ? base.get(i + 1).to : ten.to;
        char units = unitsAfter ? Character.forDigit(digit(base.get(i + 1).c), 10) : '0';
        out.add(new Piece(tens, from, to));
        out.add(new Piece(units, from, to));
        if (unitsAfter) {
          i++;
        }
        continue;
      }
      int value = digit(c);
      out.add(value >= 0 ? new Piece(Character.forDigit(value, 10), base.get(i).from, base.get(i).to) : base.get(i));
    }
    return out;
  }

  /** A numeral's or digit's value, or -1. */
  private static int digit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    int at = NUMERALS.indexOf(c);
    return at < 0 ? -1 : NUMERAL_DIGITS.charAt(at) - '0';
  }

  /**
   * Letters that stand for digits among digits: in a word (letters and digits written together) that holds a digit
   * — "139O4567I234" — and in a word of such letters alone written between two such words — "139 OO 4567". Words
   * without a digit, such as "SOS", "OK" or "iOS", keep their letters.
   */
  private static List<Piece> lettersAsDigits(List<Piece> pieces) {
    List<int[]> words = new ArrayList<>();
    for (int i = 0; i < pieces.size(); ) {
      if (!wordChar(pieces.get(i).c)) {
        i++;
        continue;
      }
      int end = i;
      while (end < pieces.size() && wordChar(pieces.get(end).c)) {
        end++;
      }
      words.add(new int[] {i, end});
      i = end;
    }
    List<Piece> out = new ArrayList<>(pieces);
    for (int w = 0; w < words.size(); w++) {
      int[] word = words.get(w);
      boolean convert = hasDigit(pieces, word) && candidatesOnlyBesideDigits(pieces, word)
          || onlyCandidates(pieces, word) && w > 0 && w + 1 < words.size()
          && adjacent(pieces, words.get(w - 1), word) && adjacent(pieces, word, words.get(w + 1))
          && hasDigit(pieces, words.get(w - 1)) && hasDigit(pieces, words.get(w + 1));
      if (convert) {
        for (int j = word[0]; j < word[1]; j++) {
          Piece p = pieces.get(j);
          if (LETTER_DIGITS.containsKey(p.c)) {
            out.set(j, new Piece(LETTER_DIGITS.get(p.c), p.from, p.to));
          }
        }
      }
    }
    return out;
  }

  /** Letters and digits (and the letters that stand for digits) written together. */
  private static boolean wordChar(char c) {
    return isDigit(c) || c < 0x80 && Character.isLetter(c) || LETTER_DIGITS.containsKey(c);
  }

  private static boolean hasDigit(List<Piece> pieces, int[] word) {
    for (int j = word[0]; j < word[1]; j++) {
      if (isDigit(pieces.get(j).c)) {
        return true;
      }
    }
    return false;
  }

  /** The word's letters are all ones that stand for digits ("139O4567", not "3cm" or "A4"). */
  private static boolean candidatesOnlyBesideDigits(List<Piece> pieces, int[] word) {
    for (int j = word[0]; j < word[1]; j++) {
      char c = pieces.get(j).c;
      if (!isDigit(c) && !LETTER_DIGITS.containsKey(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean onlyCandidates(List<Piece> pieces, int[] word) {
    for (int j = word[0]; j < word[1]; j++) {
      if (!LETTER_DIGITS.containsKey(pieces.get(j).c)) {
        return false;
      }
    }
    return true;
  }

  /** Only separators or invisible characters lie between the two words. */
  private static boolean adjacent(List<Piece> pieces, int[] left, int[] right) {
    for (int j = left[1]; j < right[0]; j++) {
      if (!separator(pieces.get(j).c) && !invisible(pieces.get(j).c)) {
        return false;
      }
    }
    return true;
  }

  private static List<Piece> withoutSeparatorsBetweenDigits(List<Piece> pieces,
      java.util.function.Predicate<Character> separator) {
    List<Piece> out = new ArrayList<>(pieces.size());
    for (int i = 0; i < pieces.size(); i++) {
      Piece p = pieces.get(i);
      if (separator.test(p.c) && !out.isEmpty() && isDigit(out.getLast().c)) {
        int next = i + 1;
        while (next < pieces.size() && separator.test(pieces.get(next).c)) {
          next++;
        }
        if (next < pieces.size() && isDigit(pieces.get(next).c)) {
          i = next - 1;
          continue;
        }
      }
      out.add(p);
    }
    return out;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * What people put inside one number: spaces, dashes, dots, slashes, brackets ("139 4567-1234", "(0467)5821234",
   * "139/4567/1234") — not the commas, 、 or + of a list or a sum.
   */
  private static boolean numberSeparator(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.DASH_PUNCTUATION
        || ".·・_~～\u2212/()（）".indexOf(c) >= 0;
  }

  /** Spaces, punctuation and symbols: what people put between digits ("139-4567 1234", "1,200"). */
  private static boolean separator(char c) {
    int type = Character.getType(c);
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || type == Character.DASH_PUNCTUATION
        || type == Character.OTHER_PUNCTUATION || type == Character.CONNECTOR_PUNCTUATION
        || type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
        || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
        || type == Character.MATH_SYMBOL || type == Character.OTHER_SYMBOL || type == Character.MODIFIER_SYMBOL
        || type == Character.CURRENCY_SYMBOL;
  }

  /** Characters that show nothing: format characters (zero-width space and joiners), controls, marks. */
  private static boolean hidden(char c) {
    int type = Character.getType(c);
    return type == Character.FORMAT || type == Character.CONTROL || type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  /** Hidden characters and spaces. */
  private static boolean invisible(char c) {
    return hidden(c) || Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u3000';
  }

  private static Form form(List<Piece> pieces) {
    StringBuilder text = new StringBuilder(pieces.size());
    int[] from = new int[pieces.size()];
    int[] to = new int[pieces.size()];
    for (int i = 0; i < pieces.size(); i++) {
      text.append(pieces.get(i).c);
      from[i] = pieces.get(i).from;
      to[i] = pieces.get(i).to;
    }
    return new Form(text.toString(), from, to);
  }
}
