package org.onedoor.backend.casefiles;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.onedoor.backend.geography.Geography;
import org.onedoor.backend.geography.Township;
import org.onedoor.backend.geography.Village;
import org.springframework.context.annotation.Profile;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: a realistic, made-up register for the Hulin townships — children with plausible mixes of
 * causes, ages and villages, guardians, conditions, schooling, benefits and a last home visit each. Valid by
 * construction, so written in two bulk inserts. The demo feature drives it and then drafts needs through the real
 * services; this feature alone writes its collections.
 */
@Component
@Profile("demo")
public class DemoFiles {

  private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕";
  private static final String GIVEN = "子涵欣怡梓轩浩宇一诺雨桐俊杰思远佳琪明轩嘉怡宇航雅婷志强晓燕文博春梅国庆海燕建华秀兰";
  static final String[] RELATIONSHIPS = {"母亲", "父亲", "祖母", "祖父", "外祖母", "姑姑"};
  private static final ParentsSituation[] GUARDIANSHIP_SITUATIONS = {ParentsSituation.BOTH_AWAY_FOR_WORK,
      ParentsSituation.BOTH_AWAY_FOR_WORK, ParentsSituation.ONE_DECEASED_OR_MISSING,
      ParentsSituation.BOTH_DECEASED_OR_MISSING, ParentsSituation.IN_CUSTODY, ParentsSituation.SEVERELY_DISABLED_OR_ILL};
  private static final String[][] CONDITIONS = {{"脑瘫", "PHYSICAL"}, {"孤独症", "MENTAL"}, {"唐氏综合征", "INTELLECTUAL"},
      {"先天性耳聋", "HEARING"}, {"先天性心脏病", "SERIOUS_ILLNESS"}, {"白血病", "SERIOUS_ILLNESS"}, {"哮喘", "CHRONIC_ILLNESS"}};
  private static final String[][] RARE_CONDITIONS = {{"成骨不全症", "PHYSICAL"}, {"苯丙酮尿症", "INTELLECTUAL"},
      {"视网膜母细胞瘤", "VISUAL"}};
  private static final String[] GRADES = {"一", "二", "三", "四", "五", "六"};
  private static final String[] FINDINGS = {"孩子身体状况良好，监护人照料到位。", "家中取暖不足，已联系村委会协调。",
      "孩子情绪稳定，学习正常。", "监护人年老体弱，照料能力有限，需持续关注。"};

  private final MongoTemplate mongo;
  private final Geography geography;
  private final VisitSettings visits;

  DemoFiles(MongoTemplate mongo, Geography geography, VisitSettings visits) {
    this.mongo = mongo;
    this.geography = geography;
    this.visits = visits;
  }

  /**
   * A child written into the register.
   *
   * @param caseFileId the child's file
   * @param firstCause the first of the child's causes
   * @param wantsHelp whether the demo gives this child a guardian's consent and a need
   */
  public record DemoChild(String caseFileId, Cause firstCause, boolean wantsHelp) {
  }

  /** Whether the register is empty (the demo writes only into an empty one). */
  public boolean registerIsEmpty() {
    return mongo.count(new Query(), CaseFile.class) == 0;
  }

  /** Writes {@code children} files and their last visits, drawing from {@code random}; says who they are. */
  public List<DemoChild> write(int children, Random random, LocalDate today) {
    List<Township> townships = geography.townships();
    List<CaseFile> register = new ArrayList<>();
    List<HomeVisit> visitsMade = new ArrayList<>();
    List<DemoChild> seeded = new ArrayList<>();
    Instant now = Instant.now();
    for (int i = 0; i < children; i++) {
      Township township = townships.get(random.nextInt(townships.size()));
      Village village = township.villages().get(random.nextInt(township.villages().size()));
      EnumSet<Cause> causes = causes(random);
      LocalDate birthDate = today.minusDays(1 + random.nextInt(18 * 365 - 2));
      // Valid by construction, so written in one bulk insert.
      int riskTier = 1 + random.nextInt(4);
      int age = java.time.Period.between(birthDate, today).getYears();
      // A visit within the last four months: tier intervals make some of them overdue, as in life.
      LocalDate lastVisit = today.minusDays(random.nextInt(120));
      String id = new UUID(random.nextLong(), random.nextLong()).toString();
      Sex sex = random.nextBoolean() ? Sex.FEMALE : Sex.MALE;
      int sequence = random.nextInt(500) * 2 + (sex == Sex.MALE ? 1 : 0);
      String nationalId = random.nextInt(5) == 0 ? null
          : NationalId.issue("230381", birthDate, sequence).value();
      CaseFile file = new CaseFile(id, 1, name(random), sex, birthDate, nationalId,
          "黑龙江省虎林市" + township.name(), township.id(), village.id(),
          township.name() + village.name() + (1 + random.nextInt(9)) + "组" + (1 + random.nextInt(60)) + "号",
          causes, riskTier, guardianship(causes, random), causes.contains(Cause.DISABILITY_ILLNESS)
              ? condition(random) : null, schooling(age, township, random), benefits(causes, random),
          "hulin-town-xinhua".equals(village.id()) ? "supervisor" : null, lastVisit,
          lastVisit.plusDays(visits.days(riskTier)), now, now, List.of(), false);
      register.add(file);
      visitsMade.add(new HomeVisit(UUID.nameUUIDFromBytes(id.getBytes(java.nio.charset.StandardCharsets.UTF_8))
          .toString(), id, lastVisit, "demo-seed", "督导员", FINDINGS[random.nextInt(FINDINGS.length)], null, now));
      seeded.add(new DemoChild(file.id(), causes.iterator().next(), random.nextInt(100) < 10));
    }
    mongo.insertAll(register);
    mongo.insertAll(visitsMade);
    return seeded;
  }

  /** A made-up relationship of a guardian to the child. */
  public static String relationship(Random random) {
    return RELATIONSHIPS[random.nextInt(RELATIONSHIPS.length)];
  }

  private static Guardianship guardianship(EnumSet<Cause> causes, Random random) {
    ParentsSituation parents = causes.contains(Cause.GUARDIANSHIP)
        ? GUARDIANSHIP_SITUATIONS[random.nextInt(GUARDIANSHIP_SITUATIONS.length)]
        : random.nextInt(3) == 0 ? ParentsSituation.ONE_AWAY_FOR_WORK : ParentsSituation.AT_HOME;
    List<Guardian> guardians = new ArrayList<>();
    int count = 1 + random.nextInt(2);
    for (int i = 0; i < count; i++) {
      guardians.add(new Guardian(name(random), RELATIONSHIPS[random.nextInt(RELATIONSHIPS.length)],
          "13" + (100_000_000 + random.nextInt(900_000_000))));
    }
    GuardianCapability capability = parents == ParentsSituation.BOTH_DECEASED_OR_MISSING
        || parents == ParentsSituation.GUARDIANSHIP_REVOKED ? GuardianCapability.NONE
            : causes.contains(Cause.GUARDIANSHIP) ? GuardianCapability.LIMITED : GuardianCapability.ADEQUATE;
    return new Guardianship(parents, guardians, capability);
  }

  /** Mostly common conditions, a few rare ones (which publication must show only as their category). */
  private static Condition condition(Random random) {
    int pick = random.nextInt(100);
    String[] row = pick < 94 ? CONDITIONS[pick % 7] : RARE_CONDITIONS[pick % RARE_CONDITIONS.length];
    ConditionCategory category = ConditionCategory.valueOf(row[1]);
    return new Condition(category, row[0], category.disability() ? 1 + random.nextInt(4) : null);
  }

  private static Schooling schooling(int age, Township township, Random random) {
    if (age < 3) {
      return new Schooling(null, null, SchoolingStatus.NOT_OF_SCHOOL_AGE);
    }
    if (age < 6) {
      return new Schooling(township.name() + "中心幼儿园", null, SchoolingStatus.PRESCHOOL);
    }
    if (age < 12) {
      return new Schooling(township.name() + "中心小学", GRADES[age - 6] + "年级",
          random.nextInt(40) == 0 ? SchoolingStatus.HOME_TEACHING : SchoolingStatus.ENROLLED);
    }
    if (age < 15) {
      return new Schooling(township.name() + "中学", "初" + GRADES[age - 12],
          random.nextInt(30) == 0 ? SchoolingStatus.DROPPED_OUT : SchoolingStatus.ENROLLED);
    }
    return random.nextInt(4) == 0 ? new Schooling(null, null, SchoolingStatus.LEFT_SCHOOL)
        : new Schooling("虎林市高级中学", "高" + GRADES[age - 15], SchoolingStatus.ENROLLED);
  }

  private static EnumSet<Benefit> benefits(EnumSet<Cause> causes, Random random) {
    EnumSet<Benefit> benefits = EnumSet.noneOf(Benefit.class);
    if (causes.contains(Cause.POVERTY)) {
      benefits.add(random.nextInt(5) == 0 ? Benefit.EXTREME_POVERTY_SUPPORT : Benefit.MINIMUM_LIVING_GUARANTEE);
    }
    if (causes.contains(Cause.DISABILITY_ILLNESS)) {
      benefits.add(random.nextBoolean() ? Benefit.DISABILITY_LIVING_ALLOWANCE : Benefit.MEDICAL_ASSISTANCE);
    }
    if (causes.contains(Cause.GUARDIANSHIP) && random.nextInt(4) == 0) {
      benefits.add(Benefit.UNSUPPORTED_CHILD_ALLOWANCE);
    }
    return benefits;
  }

  private static EnumSet<Cause> causes(Random random) {
    EnumSet<Cause> causes = EnumSet.noneOf(Cause.class);
    if (random.nextInt(100) < 60) {
      causes.add(Cause.POVERTY);
    }
    if (random.nextInt(100) < 25) {
      causes.add(Cause.DISABILITY_ILLNESS);
    }
    if (random.nextInt(100) < 30 || causes.isEmpty()) {
      causes.add(Cause.GUARDIANSHIP);
    }
    return causes;
  }

  /** A made-up name. */
  public static String name(Random random) {
    int given = random.nextInt(GIVEN.length() / 2) * 2;
    return SURNAMES.charAt(random.nextInt(SURNAMES.length())) + GIVEN.substring(given, given + 2);
  }
}
