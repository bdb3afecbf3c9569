package org.onedoor.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.onedoor.portal.api.ApiProblem;
import org.onedoor.portal.api.Language;
import org.onedoor.portal.i18n.PortalTranslations;

/** No hard-coded UI text goes missing: both languages have the same keys, and every key the code uses exists. */
class TranslationsTest {

  private static final Pattern USED_KEY = Pattern.compile("(?:getTranslation\\(|title = )\"([a-zA-Z0-9_.]+)\"\\s*[,)]");

  @Test
  void chinese_and_english_bundles_have_exactly_the_same_keys() throws IOException {
    assertThat(load("i18n/messages_en.properties").stringPropertyNames())
        .containsExactlyInAnyOrderElementsOf(load("i18n/messages.properties").stringPropertyNames());
  }

  @Test
  void every_key_used_in_the_code_exists_in_both_languages() throws IOException {
    Set<String> used = new TreeSet<>();
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher matcher = USED_KEY.matcher(Files.readString(source));
        while (matcher.find()) {
          used.add(matcher.group(1));
        }
      }
    }
    for (String role : Set.of("VOLUNTEER", "FAMILY", "CHARITY", "SUPERVISOR", "TOWNSHIP_STAFF", "DEPARTMENT_STAFF",
        "CIVIL_AFFAIRS", "ADMIN")) {
      used.add("role." + role);
    }
    for (ApiProblem problem : ApiProblem.values()) {
      used.add(problem.messageKey());
    }
    for (String department : Set.of("CIVIL_AFFAIRS", "WOMENS_FEDERATION", "EDUCATION", "PUBLIC_SECURITY",
        "HUMAN_RESOURCES_SOCIAL_SECURITY", "HEALTH", "DISABLED_PERSONS_FEDERATION")) {
      used.add("department." + department);
    }
    org.onedoor.portal.api.NeedCategories.CATEGORIES.forEach(c -> used.add("needCategory." + c));
    org.onedoor.portal.api.NeedCategories.URGENCIES.forEach(u -> used.add("urgency." + u));
    org.onedoor.portal.api.NeedCategories.AGE_BANDS.forEach(b -> used.add("ageBand." + b));
    org.onedoor.portal.api.NeedCategories.SEXES.forEach(x -> used.add("sex." + x));
    List.of("POVERTY", "DISABILITY_ILLNESS", "GUARDIANSHIP").forEach(c -> used.add("cause." + c));
    List.of("SEX_DROPPED", "AGE_BAND_WIDENED", "LOCATION_RAISED_TO_CITY").forEach(g -> used.add("generalisation." + g));
    List.of("CHILD_NAME", "GUARDIAN_NAME", "VILLAGE", "ADDRESS", "SCHOOL", "NATIONAL_ID", "PHONE", "NATIONAL_ID_SHAPE",
        "PHONE_SHAPE", "EXACT_DATE", "RARE_CONDITION").forEach(r -> used.add("rule." + r));
    List.of("AT_HOME", "ONE_AWAY_FOR_WORK", "BOTH_AWAY_FOR_WORK", "ONE_DECEASED_OR_MISSING", "BOTH_DECEASED_OR_MISSING",
        "IN_CUSTODY", "SEVERELY_DISABLED_OR_ILL", "GUARDIANSHIP_REVOKED", "OTHER").forEach(p -> used.add("parents." + p));
    List.of("ADEQUATE", "LIMITED", "NONE").forEach(c -> used.add("capability." + c));
    List.of("VISUAL", "HEARING", "SPEECH", "PHYSICAL", "INTELLECTUAL", "MENTAL", "MULTIPLE", "SERIOUS_ILLNESS",
        "CHRONIC_ILLNESS").forEach(c -> used.add("condition." + c));
    List.of("NOT_OF_SCHOOL_AGE", "PRESCHOOL", "ENROLLED", "SPECIAL_SCHOOL", "HOME_TEACHING", "SUSPENDED",
        "DROPPED_OUT", "LEFT_SCHOOL").forEach(s -> used.add("schooling." + s));
    List.of("MINIMUM_LIVING_GUARANTEE", "EXTREME_POVERTY_SUPPORT", "ORPHAN_ALLOWANCE", "UNSUPPORTED_CHILD_ALLOWANCE",
        "DISABILITY_LIVING_ALLOWANCE", "DISABILITY_NURSING_ALLOWANCE", "MEDICAL_ASSISTANCE", "EDUCATION_ASSISTANCE",
        "TEMPORARY_ASSISTANCE", "OTHER").forEach(b -> used.add("benefit." + b));
    List.of("opened", "householdRegistration", "address", "causes", "riskTier", "guardianship", "condition",
        "schooling", "benefits", "supervisorId", "visitRecorded", "consentRecorded", "consentWithdrawn")
        .forEach(f -> used.add("history.field." + f));
    List.of("csv", "xlsx").forEach(x -> used.add("ledger.export." + x));
    org.onedoor.portal.api.Network.CARE_KINDS.forEach(k -> used.add("careKind." + k));
    List.of("DRAFT", "PUBLISHED", "WITHDRAWN", "EXPIRED").forEach(x -> used.add("needStatus." + x));
    List.of("NEIGHBOUR", "SCHOOL", "HOSPITAL", "POLICE", "OTHER").forEach(x -> used.add("reporterKind." + x));
    List.of("ASSISTANCE_APPLICATION", "MANDATORY_REPORT", "SIGN_UP").forEach(x -> used.add("intakeKind." + x));
    List.of("RECEIVED", "IN_HANDLING", "CLOSED").forEach(x -> used.add("intakeStatus." + x));
    List.of("OPEN", "CLAIMED", "DONE").forEach(x -> used.add("taskStatus." + x));
    List.of("VOLUNTEER", "FAMILY", "ORGANISATION").forEach(x -> used.add("signUpKind." + x));
    List.of("COUNSELLING", "TUTORING", "LEGAL_AID", "MEDICAL", "COMPANIONSHIP", "OTHER")
        .forEach(x -> used.add("skill." + x));
    org.onedoor.portal.api.Network.HOME_TYPES.forEach(t -> used.add("homeType." + t));
    org.onedoor.portal.api.Network.ORGANISATION_TYPES.forEach(t -> used.add("organisationType." + t));
    for (Language language : Language.values()) {
      used.add("language.switch." + language.name());
      used.add("language.name." + language.name());
    }
    assertThat(used).contains("app.title", "nav.home", "home.title");
    assertThat(load("i18n/messages.properties").stringPropertyNames()).containsAll(used);
    assertThat(load("i18n/messages_en.properties").stringPropertyNames()).containsAll(used);
  }

  @Test
  void chinese_is_the_default_and_english_is_translated() {
    PortalTranslations translations = new PortalTranslations();

    assertThat(translations.getTranslation("nav.home", Locale.SIMPLIFIED_CHINESE)).isEqualTo("首页");
    assertThat(translations.getTranslation("nav.home", Locale.ENGLISH)).isEqualTo("Home");
    assertThat(translations.getTranslation("nav.home", Locale.FRENCH)).isEqualTo("首页");
    assertThat(translations.getTranslation("no.such.key", Locale.ENGLISH)).isEqualTo("!no.such.key!");
  }

  private static Properties load(String resource) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = TranslationsTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
