package org.onedoor.backend.registry;

import java.util.ArrayList;
import java.util.List;
import org.onedoor.backend.geography.Coordinates;
import org.onedoor.backend.geography.Geography;
import org.onedoor.backend.geography.Township;
import org.onedoor.backend.needs.NeedCategory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Demo profile: a children's home (儿童之家) and a children's work station (儿童工作站) in every township, the
 * city's institutions in 虎林镇, and a handful of organisations. Made up for the demo; written only when empty.
 */
@Component
@Profile("demo")
@Order(5)
record DemoRegisters(MongoTemplate mongo, Geography geography) implements ApplicationRunner {

  @Override
  public void run(ApplicationArguments args) {
    if (mongo.count(new Query(), ChildrenHome.class) == 0) {
      mongo.insertAll(homes());
    }
    if (mongo.count(new Query(), Organisation.class) == 0) {
      mongo.insertAll(organisations());
    }
    if (mongo.count(new Query(), Volunteer.class) == 0 && mongo.count(new Query(), CaringFamily.class) == 0) {
      careNetwork(new java.util.Random(2018));
    }
  }

  /** Volunteers (a few to a dozen or so per township) and caring families (fewer: some counts stay below k). */
  private void careNetwork(java.util.Random random) {
    String surnames = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗";
    String given = "建国丽华秀英志刚海燕晓东春梅德明桂芝玉兰";
    List<Volunteer> volunteers = new ArrayList<>();
    List<CaringFamily> families = new ArrayList<>();
    java.time.Instant registered = java.time.Instant.parse("2026-01-15T02:00:00Z");
    VolunteerSkill[] skills = VolunteerSkill.values();
    for (Township t : geography.townships()) {
      int count = 3 + random.nextInt(12);
      for (int i = 0; i < count; i++) {
        int g = random.nextInt(given.length() / 2) * 2;
        volunteers.add(new Volunteer(t.id() + "-volunteer-" + i, surnames.charAt(random.nextInt(surnames.length()))
            + given.substring(g, g + 2), "13" + (100_000_000 + random.nextInt(900_000_000)), t.id(),
            List.of(skills[random.nextInt(skills.length)], skills[random.nextInt(skills.length)]).stream().distinct()
                .toList(), random.nextBoolean() ? "周末" : "工作日晚上", random.nextInt(10) > 0, registered, 1));
      }
      int familyCount = 1 + random.nextInt(8);
      for (int i = 0; i < familyCount; i++) {
        int g = random.nextInt(given.length() / 2) * 2;
        List<CareKind> offers = random.nextInt(3) == 0 ? List.of(CareKind.FOSTER, CareKind.SPONSORSHIP)
            : List.of(CareKind.values()[random.nextInt(CareKind.values().length)]);
        families.add(new CaringFamily(t.id() + "-family-" + i, surnames.charAt(random.nextInt(surnames.length()))
            + given.substring(g, g + 2), "13" + (100_000_000 + random.nextInt(900_000_000)), t.id(),
            t.name() + (1 + random.nextInt(9)) + "组", offers, 1 + random.nextInt(2), true, registered, 1));
      }
    }
    mongo.insertAll(volunteers);
    mongo.insertAll(families);
  }

  private List<ChildrenHome> homes() {
    List<ChildrenHome> homes = new ArrayList<>();
    int phone = 5821000;
    for (Township t : geography.townships()) {
      var village = t.villages().getFirst();
      homes.add(new ChildrenHome(t.id() + "-home", village.name() + "儿童之家", ChildrenHomeType.CHILDRENS_HOME,
          t.id(), t.name() + village.name() + "村委会院内", village.coordinates(), 30,
          List.of("课后托管", "亲情视频", "图书阅览", "安全教育"), "周一至周五 15:00–19:00；周末 9:00–17:00",
          "0467-" + (phone++), 1));
      homes.add(new ChildrenHome(t.id() + "-station", t.name() + "儿童工作站", ChildrenHomeType.CHILDREN_WORK_STATION,
          t.id(), t.name() + "人民政府便民服务中心", nudge(t.coordinates()), 0,
          List.of("困境儿童帮扶申请", "监护指导", "心理疏导转介"), "工作日 8:30–16:30", "0467-" + (phone++), 1));
    }
    Township city = geography.townships().getFirst();
    homes.add(new ChildrenHome("hulin-welfare", "虎林市儿童福利院", ChildrenHomeType.CHILD_WELFARE_INSTITUTION,
        city.id(), "虎林镇民政街", nudge(city.coordinates()), 80, List.of("集中养育", "家庭寄养指导", "康复训练"),
        "全天", "0467-5823100", 1));
    homes.add(new ChildrenHome("hulin-rescue", "虎林市未成年人救助保护站", ChildrenHomeType.RESCUE_PROTECTION_INSTITUTION,
        city.id(), "虎林镇和平路", nudge(city.coordinates()), 20, List.of("临时监护", "临时庇护", "家庭寻亲"), "全天",
        "0467-5823110", 1));
    homes.add(new ChildrenHome("hulin-care", "虎林市特困人员供养服务中心", ChildrenHomeType.EXTREME_POVERTY_CARE_INSTITUTION,
        city.id(), "虎林镇康宁路", nudge(city.coordinates()), 40, List.of("特困供养", "生活照料"), "全天",
        "0467-5823120", 1));
    homes.add(new ChildrenHome("hulin-rehab", "虎林市残疾人康复中心", ChildrenHomeType.DISABILITY_SERVICE_INSTITUTION,
        city.id(), "虎林镇建设路", nudge(city.coordinates()), 25, List.of("脑瘫儿童康复", "辅具适配", "听力语言康复"),
        "工作日 8:00–17:00", "0467-5823130", 1));
    return homes;
  }

  private static List<Organisation> organisations() {
    List<String> all = List.of("hulin-town", "dongfanghong-town", "yingchun-town", "hutou-town", "yanggang-town",
        "dongcheng-town", "baodong-town", "xinle-township", "weiguang-township", "zhenbaodao-township",
        "abei-township");
    return List.of(
        new Organisation("org-charity", "虎林市慈善总会", OrganisationType.CHARITY, "51230381MJ00000012", true, all,
            List.of(NeedCategory.BASIC_LIVING, NeedCategory.MEDICAL, NeedCategory.EDUCATION), "刘会长", "0467-5824001", 1),
        new Organisation("org-social-work", "虎林市阳光社会工作服务中心", OrganisationType.SOCIAL_WORK_AGENCY,
            "52230381MJ00000022", true, List.of("hulin-town", "dongcheng-town", "xinle-township"),
            List.of(NeedCategory.PSYCHOLOGICAL, NeedCategory.GUARDIANSHIP_CARE), "陈主任", "0467-5824002", 1),
        new Organisation("org-volunteers", "虎林市青年志愿者协会", OrganisationType.VOLUNTEER_ORGANISATION,
            "51230381MJ00000038", true, all, List.of(NeedCategory.EDUCATION, NeedCategory.PSYCHOLOGICAL),
            "王秘书长", "0467-5824003", 1),
        new Organisation("org-enterprise", "虎林市北方农业发展有限公司", OrganisationType.ENTERPRISE,
            "91230381MA0000004N", false, List.of("yingchun-town", "hutou-town"),
            List.of(NeedCategory.BASIC_LIVING, NeedCategory.EDUCATION), "赵经理", "0467-5824004", 1),
        new Organisation("org-womens-federation", "虎林市妇女联合会", OrganisationType.MASS_ORGANISATION,
            "13230381MB0000005X", true, all, List.of(NeedCategory.GUARDIANSHIP_CARE, NeedCategory.LEGAL_AID),
            "孙主席", "0467-5824005", 1));
  }

  private static Coordinates nudge(Coordinates c) {
    return new Coordinates(c.latitude() + 0.004, c.longitude() + 0.004);
  }
}
