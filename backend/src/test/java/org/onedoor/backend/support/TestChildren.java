package org.onedoor.backend.support;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.onedoor.backend.platform.CityTime;

/** Test children: a createCaseFile input with every section filled. */
public final class TestChildren {


  private TestChildren() {
  }

  /** A girl of eight in Xinhua village, Hulin town, with guardianship, condition, schooling and benefits. */
  public static Map<String, Object> fullChild() {
    Map<String, Object> input = new HashMap<>();
    input.put("name", "李小红");
    input.put("sex", "FEMALE");
    input.put("birthDate", today().minusYears(8).toString());
    input.put("householdRegistration", "黑龙江省虎林市虎林镇");
    input.put("townshipId", "hulin-town");
    input.put("villageId", "hulin-town-xinhua");
    input.put("address", "虎林镇新华村二组5号");
    input.put("causes", List.of("DISABILITY_ILLNESS", "GUARDIANSHIP"));
    input.put("riskTier", 2);
    input.put("guardianship", Map.of("parents", "BOTH_AWAY_FOR_WORK", "capability", "LIMITED",
        "guardians", List.of(Map.of("name", "李桂兰", "relationship", "祖母", "phone", "139 1234 5678"))));
    input.put("condition", Map.of("category", "PHYSICAL", "type", "脑瘫", "grade", 2));
    input.put("schooling", Map.of("school", "虎林镇中心小学", "grade", "二年级", "status", "ENROLLED"));
    input.put("benefits", List.of("MINIMUM_LIVING_GUARANTEE", "DISABILITY_LIVING_ALLOWANCE"));
    input.put("supervisorId", "supervisor");
    return input;
  }

  /** Today in the city, read when asked: a run that crosses midnight sees the new day. */
  private static LocalDate today() {
    return CityTime.today(java.time.Clock.systemUTC());
  }
}
