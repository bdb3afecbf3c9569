package org.onedoor.backend.benchmarks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.onedoor.backend.casefiles.CaseFile;
import org.onedoor.backend.needs.Need;
import org.onedoor.backend.needs.NeedCategory;
import org.onedoor.backend.needs.NeedStatus;
import org.onedoor.backend.needs.Urgency;
import org.onedoor.backend.needs.publication.AgeBand;
import org.onedoor.backend.needs.publication.Generalisation;
import org.onedoor.backend.needs.publication.PublicProfile;

/**
 * Benchmark data: any number of published needs (100,000 and more) for the children of a register, deterministic
 * from a seed, written in bulk. They are shaped as publication shapes them — sex dropped and the age band widened,
 * a random public id, month precision — without running the publication rules for each (that counts the register
 * several times per need). Never used for real data.
 */
public final class SyntheticNeeds {

  private static final char[] ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz".toCharArray();

  private static final String[] TITLES = {"冬季衣物和棉被", "新学期的书包文具", "康复训练的费用", "每周两次的课业辅导",
      "住院期间的医疗费用", "心理疏导陪伴", "助听器更换", "营养餐补助"};
  private static final String[] SENTENCES = {"孩子今年上小学，家里只有年迈的祖母照顾。", "父母外出务工，常年不在身边。",
      "入冬以后缺少保暖的衣物和被褥。", "学校离家较远，需要一辆自行车。", "医生建议坚持康复训练，每月费用较高。",
      "希望有志愿者每周陪伴孩子学习。", "家庭收入主要靠低保，难以负担额外开支。", "孩子性格内向，需要耐心的陪伴和疏导。",
      "所需物品将由乡镇工作人员统一接收并转交。", "感谢社会各界爱心人士的关注和帮助。"};

  private SyntheticNeeds() {
  }

  /** A description of 3 to 10 sentences (about 50 to 200 characters), as staff write them. */
  private static String description(Random random) {
    StringBuilder text = new StringBuilder();
    for (int i = 3 + random.nextInt(8); i > 0; i--) {
      text.append(SENTENCES[random.nextInt(SENTENCES.length)]);
    }
    return text.toString();
  }

  /** {@code count} published needs spread over the files, consents valid for a year from {@code today}. */
  public static List<Need> make(List<CaseFile> files, int count, long seed, LocalDate today) {
    Random random = new Random(seed);
    List<Need> needs = new ArrayList<>(count);
    Instant start = today.minusDays(365).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    for (int i = 0; i < count; i++) {
      CaseFile file = files.get(random.nextInt(files.size()));
      NeedCategory category = NeedCategory.values()[random.nextInt(NeedCategory.values().length)];
      Urgency urgency = Urgency.values()[random.nextInt(Urgency.values().length)];
      AgeBand band = AgeBand.fineBandOf(file.birthDate(), today);
      Instant publishedAt = start.plusSeconds(random.nextInt(365 * 24 * 3600));
      char[] publicId = new char[12];
      for (int c = 0; c < publicId.length; c++) {
        publicId[c] = ALPHABET[random.nextInt(ALPHABET.length)];
      }
      needs.add(new Need(new UUID(random.nextLong(), random.nextLong()).toString(), new String(publicId), file.id(),
          NeedStatus.PUBLISHED, category, TITLES[random.nextInt(TITLES.length)], description(random),
          urgency, urgency.ordinal(), null,
          200 * (1 + random.nextInt(20)), List.of(), null, false,
          new PublicProfile(band == null ? AgeBand.AGE_12_17 : band.wide(), null, file.townshipId()), null,
          List.of(Generalisation.SEX_DROPPED, Generalisation.AGE_BAND_WIDENED), publishedAt,
          YearMonth.from(publishedAt.atZone(java.time.ZoneOffset.UTC)).toString(), today.plusYears(1), publishedAt, 0));
    }
    return needs;
  }
}
