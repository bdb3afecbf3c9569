package org.onedoor.backend.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Valid inputs for the one door, shared by the tests that submit them (each test changes what it examines). */
public final class TestIntakes {

  private TestIntakes() {
  }

  /** An anonymous neighbour's mandatory report about 小军 in 虎头村, in immediate danger. */
  public static Map<String, Object> report(String idempotencyKey) {
    Map<String, Object> input = new HashMap<>();
    input.put("idempotencyKey", idempotencyKey);
    input.put("reporterKind", "NEIGHBOUR");
    input.put("townshipId", "hutou-town");
    input.put("place", "虎头镇虎头村东头第三户");
    input.put("childName", "小军");
    input.put("description", "孩子独自在家多日，夜里哭喊，身上有伤。");
    input.put("immediateDanger", true);
    return input;
  }

  /** A guardian's application for 刘小雨 of 新华村 (a heart operation the family cannot pay for). */
  public static Map<String, Object> application(String idempotencyKey) {
    Map<String, Object> input = new HashMap<>();
    input.put("idempotencyKey", idempotencyKey);
    input.put("applicantKind", "GUARDIAN");
    input.put("applicantName", "刘桂英");
    input.put("applicantPhone", "13904671234");
    input.put("childName", "刘小雨");
    input.put("childSex", "FEMALE");
    input.put("childBirthDate", "2016-05-20");
    input.put("townshipId", "hulin-town");
    input.put("villageId", "hulin-town-xinhua");
    input.put("causes", List.of("DISABILITY_ILLNESS"));
    input.put("categories", List.of("MEDICAL"));
    input.put("description", "孩子需要手术，家里无力承担。");
    return input;
  }

  /** A volunteer's sign-up (tutoring, weekends, 迎春镇) with this username. */
  public static Map<String, Object> volunteer(String idempotencyKey, String username) {
    Map<String, Object> input = new HashMap<>();
    input.put("idempotencyKey", idempotencyKey);
    input.put("kind", "VOLUNTEER");
    input.put("username", username);
    input.put("password", "a-long-pass-phrase");
    input.put("displayName", "志愿者 周敏");
    input.put("phone", "13604671111");
    input.put("townshipId", "yingchun-town");
    input.put("skills", List.of("TUTORING"));
    input.put("availability", "周末");
    input.put("nationalId", "230381199001011237");
    return input;
  }
}
