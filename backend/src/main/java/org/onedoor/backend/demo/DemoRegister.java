package org.onedoor.backend.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.onedoor.backend.casefiles.Benefit;
import org.onedoor.backend.casefiles.CaseFile;
import org.onedoor.backend.casefiles.Cause;
import org.onedoor.backend.casefiles.Condition;
import org.onedoor.backend.casefiles.ConditionCategory;
import org.onedoor.backend.casefiles.Guardian;
import org.onedoor.backend.casefiles.GuardianCapability;
import org.onedoor.backend.casefiles.Guardianship;
import org.onedoor.backend.casefiles.HomeVisit;
import org.onedoor.backend.casefiles.ParentsSituation;
import org.onedoor.backend.casefiles.Schooling;
import org.onedoor.backend.casefiles.SchoolingStatus;
import org.onedoor.backend.casefiles.Sex;
import org.onedoor.backend.casefiles.VisitSettings;
import org.onedoor.backend.geography.Geography;
import org.onedoor.backend.geography.Township;
import org.onedoor.backend.geography.Village;
import org.onedoor.backend.needs.NeedBoard;
import org.onedoor.backend.needs.NeedCategory;
import org.onedoor.backend.needs.NeedInputs;
import org.onedoor.backend.needs.Urgency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Demo profile: a realistic, made-up register for the Hulin townships — children with plausible mixes of causes,
 * ages and villages, guardians' consents for some, and needs drafted and published through the real publication
 * rules (so some are generalised, some withheld). Deterministic from the seed; written only into an empty register.
 */
@Component
@Profile("demo")
@Order(10)
class DemoRegister implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoRegister.class);
  private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕";
  private static final String GIVEN = "子涵欣怡梓轩浩宇一诺雨桐俊杰思远佳琪明轩嘉怡宇航雅婷志强晓燕文博春梅国庆海燕建华秀兰";
  private static final String[] RELATIONSHIPS = {"母亲", "父亲", "祖母", "祖父", "外祖母", "姑姑"};
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

  private final DemoSettings settings;
  private final MongoTemplate mongo;
  private final Geography geography;
  private final NeedBoard needs;
  private final VisitSettings visitSettings;

  DemoRegister(DemoSettings settings, MongoTemplate mongo, Geography geography, NeedBoard needs,
      VisitSettings visitSettings) {
    this.visitSettings = visitSettings;
    this.settings = settings;
    this.mongo = mongo;
    this.geography = geography;
    this.needs = needs;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (settings.children() <= 0 || mongo.count(new org.springframework.data.mongodb.core.query.Query(),
        CaseFile.class) > 0) {
      return;
    }
    long started = System.nanoTime();
    int[] published = new int[1];
    SystemCaller.run("demo-seed", () -> published[0] = generate());
    log.info("Demo register: {} children, {} needs published in {} ms", settings.children(), published[0],
        (System.nanoTime() - started) / 1_000_000);
  }

  /** Writes the register; returns how many needs were published. */
  int generate() {
    Random random = new Random(settings.seed());
    List<Township> townships = geography.townships();
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    List<String[]> withConsent = new ArrayList<>();
    List<CaseFile> register = new ArrayList<>();
    List<HomeVisit> visits = new ArrayList<>();
    Instant now = Instant.now();
    for (int i = 0; i < settings.children(); i++) {
      Township township = townships.get(random.nextInt(townships.size()));
      Village village = township.villages().get(random.nextInt(township.villages().size()));
      EnumSet<Cause> causes = causes(random);
      LocalDate birthDate = today.minusDays(1 + random.nextInt(18 * 365 - 2));
      // Valid by construction, so written in one bulk insert; needs below go through the real services.
      int riskTier = 1 + random.nextInt(4);
      int age = java.time.Period.between(birthDate, today).getYears();
      // A visit within the last four months: tier intervals make some of them overdue, as in life.
      LocalDate lastVisit = today.minusDays(random.nextInt(120));
      String id = new UUID(random.nextLong(), random.nextLong()).toString();
      Sex sex = random.nextBoolean() ? Sex.FEMALE : Sex.MALE;
      int sequence = random.nextInt(500) * 2 + (sex == Sex.MALE ? 1 : 0);
      String nationalId = random.nextInt(5) == 0 ? null
          : org.onedoor.backend.casefiles.NationalId.issue("230381", birthDate, sequence).value();
      CaseFile file = new CaseFile(id, 1, name(random), sex, birthDate, nationalId,
          "黑龙江省虎林市" + township.name(), township.id(), village.id(),
          township.name() + village.name() + (1 + random.nextInt(9)) + "组" + (1 + random.nextInt(60)) + "号",
          causes, riskTier, guardianship(causes, random), causes.contains(Cause.DISABILITY_ILLNESS)
              ? condition(random) : null, schooling(age, township, random), benefits(causes, random),
          "hulin-town-xinhua".equals(village.id()) ? "supervisor" : null, lastVisit,
          lastVisit.plusDays(visitSettings.days(riskTier)), now, now, List.of(), false);
      register.add(file);
      visits.add(new HomeVisit(UUID.nameUUIDFromBytes(id.getBytes(java.nio.charset.StandardCharsets.UTF_8))
          .toString(), id, lastVisit, "demo-seed", "督导员", FINDINGS[random.nextInt(FINDINGS.length)], null, now));
      if (random.nextInt(100) < 10) {
        withConsent.add(new String[] {file.id(), causes.iterator().next().name()});
      }
    }
    mongo.insertAll(register);
    mongo.insertAll(visits);
    int published = 0;
    for (String[] child : withConsent) {
      needs.recordConsent(new NeedInputs.RecordConsentInput(child[0], name(random),
          RELATIONSHIPS[random.nextInt(RELATIONSHIPS.length)], today.plusMonths(6 + random.nextInt(18)).toString()),
          Locale.SIMPLIFIED_CHINESE);
      NeedCategory category = category(Cause.valueOf(child[1]), random);
      var draft = needs.create(new NeedInputs.CreateNeedInput(child[0], category, title(category),
          description(category), Urgency.values()[random.nextInt(Urgency.values().length)],
          today.plusMonths(1 + random.nextInt(6)).toString().substring(0, 7),
          category == NeedCategory.BASIC_LIVING || category == NeedCategory.MEDICAL ? 200 * (1 + random.nextInt(25))
              : null,
          category == NeedCategory.EDUCATION ? List.of("书包", "文具", "冬季校服") : List.of(),
          category == NeedCategory.PSYCHOLOGICAL || category == NeedCategory.LEGAL_AID
              || category == NeedCategory.REHABILITATION ? 4 * (1 + random.nextInt(10)) : null,
          false), Locale.SIMPLIFIED_CHINESE);
      if (draft.need() != null
          && needs.publish(draft.need().id(), Locale.SIMPLIFIED_CHINESE).errors().isEmpty()) {
        published++;
      }
    }
    return published;
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

  private static NeedCategory category(Cause cause, Random random) {
    return switch (cause) {
      case POVERTY -> random.nextBoolean() ? NeedCategory.BASIC_LIVING : NeedCategory.EDUCATION;
      case DISABILITY_ILLNESS -> random.nextBoolean() ? NeedCategory.REHABILITATION : NeedCategory.MEDICAL;
      case GUARDIANSHIP -> random.nextBoolean() ? NeedCategory.PSYCHOLOGICAL : NeedCategory.LEGAL_AID;
    };
  }

  private static String name(Random random) {
    int given = random.nextInt(GIVEN.length() / 2) * 2;
    return SURNAMES.charAt(random.nextInt(SURNAMES.length())) + GIVEN.substring(given, given + 2);
  }

  private static String title(NeedCategory category) {
    return switch (category) {
      case BASIC_LIVING -> "为困境儿童募集冬季生活费";
      case MEDICAL -> "儿童住院治疗费用缺口";
      case REHABILITATION -> "康复训练服务";
      case EDUCATION -> "新学期学习用品";
      case GUARDIANSHIP_CARE -> "临时照料服务";
      case PSYCHOLOGICAL -> "心理陪伴与辅导";
      case LEGAL_AID -> "监护相关法律咨询";
    };
  }

  private static String description(NeedCategory category) {
    return switch (category) {
      case BASIC_LIVING -> "家庭收入微薄，冬季取暖和基本生活开支困难，希望爱心人士帮助解决这个冬天的生活费用。";
      case MEDICAL -> "孩子需要住院治疗，医保报销后仍有自付费用缺口，希望得到医疗救助方面的帮助。";
      case REHABILITATION -> "孩子需要定期康复训练，家中缺少专业指导，希望有康复专业志愿者提供上门服务。";
      case EDUCATION -> "新学期即将开始，孩子需要书包、文具和冬季校服，希望爱心人士帮助准备。";
      case GUARDIANSHIP_CARE -> "监护人外出务工期间，孩子需要有人临时照料日常生活。";
      case PSYCHOLOGICAL -> "孩子长期与父母分离，情绪低落，希望有心理咨询志愿者定期陪伴和辅导。";
      case LEGAL_AID -> "孩子的监护安排需要法律方面的咨询和帮助。";
    };
  }
}
