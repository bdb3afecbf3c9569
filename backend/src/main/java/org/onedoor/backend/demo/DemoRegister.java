package org.onedoor.backend.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.onedoor.backend.casefiles.Cause;
import org.onedoor.backend.casefiles.DemoFiles;
import org.onedoor.backend.needs.NeedBoard;
import org.onedoor.backend.needs.NeedCategory;
import org.onedoor.backend.needs.NeedInputs;
import org.onedoor.backend.needs.Publication;
import org.onedoor.backend.needs.Urgency;
import org.onedoor.backend.platform.CityTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile: a realistic, made-up register for the Hulin townships (written by casefiles' {@link DemoFiles}),
 * guardians' consents for some children, and needs drafted and published through the real publication rules (so
 * some are generalised, some withheld). Deterministic from the seed; written only into an empty register.
 */
@Component
@Profile("demo")
@Order(10)
record DemoRegister(DemoSettings settings, DemoFiles files, NeedBoard needs,
    Publication publication) implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoRegister.class);

  @Override
  public void run(ApplicationArguments args) {
    if (settings.children() <= 0 || !files.registerIsEmpty()) {
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
    LocalDate today = LocalDate.now(CityTime.ZONE);
    List<DemoFiles.DemoChild> children = files.write(settings.children(), random, today);
    int published = 0;
    for (DemoFiles.DemoChild child : children.stream().filter(DemoFiles.DemoChild::wantsHelp).toList()) {
      needs.recordConsent(new NeedInputs.RecordConsentInput(child.caseFileId(), DemoFiles.name(random),
          DemoFiles.relationship(random), today.plusMonths(6 + random.nextInt(18)).toString()),
          Locale.SIMPLIFIED_CHINESE);
      NeedCategory category = category(child.firstCause(), random);
      // Every other education need asks for tutoring hours (a volunteer's service) instead of school things; the
      // choice follows the file, so the seeded sequence (and every other need) stays as it was.
      boolean tutoring = category == NeedCategory.EDUCATION && Math.floorMod(child.caseFileId().hashCode(), 2) == 0;
      var draft = needs.create(new NeedInputs.CreateNeedInput(child.caseFileId(), category,
          tutoring ? "课业辅导志愿服务" : title(category),
          tutoring ? "孩子学习基础薄弱，家里没有人能辅导功课，希望有志愿者每周辅导几个小时。" : description(category),
          Urgency.values()[random.nextInt(Urgency.values().length)],
          today.plusMonths(1 + random.nextInt(6)).toString().substring(0, 7),
          category == NeedCategory.BASIC_LIVING || category == NeedCategory.MEDICAL ? 200 * (1 + random.nextInt(25))
              : null,
          category == NeedCategory.EDUCATION && !tutoring ? List.of("书包", "文具", "冬季校服") : List.of(),
          serviceHours(category, tutoring, random),
          false), Locale.SIMPLIFIED_CHINESE);
      if (draft.need() != null
          && publication.publish(draft.need().id(), Locale.SIMPLIFIED_CHINESE).errors().isEmpty()) {
        published++;
      }
    }
    return published;
  }

  /** Hours of service a need asks for: counselling, legal aid and rehabilitation sessions, or tutoring; else none. */
  private static Integer serviceHours(NeedCategory category, boolean tutoring, Random random) {
    if (category == NeedCategory.PSYCHOLOGICAL || category == NeedCategory.LEGAL_AID
        || category == NeedCategory.REHABILITATION) {
      return 4 * (1 + random.nextInt(10));
    }
    return tutoring ? Integer.valueOf(2) : null;
  }

  private static NeedCategory category(Cause cause, Random random) {
    return switch (cause) {
      case POVERTY -> random.nextBoolean() ? NeedCategory.BASIC_LIVING : NeedCategory.EDUCATION;
      case DISABILITY_ILLNESS -> random.nextBoolean() ? NeedCategory.REHABILITATION : NeedCategory.MEDICAL;
      case GUARDIANSHIP -> random.nextBoolean() ? NeedCategory.PSYCHOLOGICAL : NeedCategory.LEGAL_AID;
    };
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
