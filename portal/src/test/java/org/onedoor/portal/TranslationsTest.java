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
  /** Any literal shaped like a key ("offer.hours"), e.g. a label key handed to a helper that translates it. */
  private static final Pattern KEY_SHAPED = Pattern.compile("\"([a-z][a-zA-Z0-9]*(?:\\.[a-zA-Z0-9_]+)+)\"");

  @Test
  void chinese_and_english_bundles_have_exactly_the_same_keys() throws IOException {
    assertThat(load("i18n/messages_en.properties").stringPropertyNames())
        .containsExactlyInAnyOrderElementsOf(load("i18n/messages.properties").stringPropertyNames());
  }

  @Test
  void every_key_used_in_the_code_exists_in_both_languages() throws IOException {
    Set<String> used = new TreeSet<>();
    Set<String> throughHelpers = new TreeSet<>();
    Set<String> prefixes = new TreeSet<>();
    load("i18n/messages.properties").stringPropertyNames().forEach(k -> prefixes.add(k.substring(0, k.indexOf('.'))));
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
        String code = Files.readString(source);
        Matcher matcher = USED_KEY.matcher(code);
        while (matcher.find()) {
          used.add(matcher.group(1));
        }
        // A key passed through a helper (number("offer.hours", ...)) is a literal whose first part is a bundle's.
        Matcher shaped = KEY_SHAPED.matcher(code);
        while (shaped.find()) {
          if (prefixes.contains(shaped.group(1).substring(0, shaped.group(1).indexOf('.')))) {
            used.add(shaped.group(1));
            throughHelpers.add(shaped.group(1));
          }
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
    // Every value of the contract's enums the portal shows has a label: a new value in the schema fails here.
    java.util.Map<String, String> labelled = java.util.Map.ofEntries(java.util.Map.entry("department", "Department"),
        java.util.Map.entry("needCategory", "NeedCategory"), java.util.Map.entry("urgency", "Urgency"),
        java.util.Map.entry("ageBand", "AgeBand"), java.util.Map.entry("sex", "Sex"),
        java.util.Map.entry("reporterKind", "ReporterKind"), java.util.Map.entry("applicantKind", "ApplicantKind"),
        java.util.Map.entry("intakeKind", "IntakeKind"), java.util.Map.entry("intakeStatus", "IntakeStatus"),
        java.util.Map.entry("taskStatus", "TaskStatus"), java.util.Map.entry("signUpKind", "SignUpKind"),
        java.util.Map.entry("skill", "VolunteerSkill"), java.util.Map.entry("offerKind", "OfferKind"),
        java.util.Map.entry("cause", "Cause"), java.util.Map.entry("careKind", "CareKind"),
        java.util.Map.entry("parents", "ParentsSituation"), java.util.Map.entry("capability", "GuardianCapability"),
        java.util.Map.entry("condition", "ConditionCategory"), java.util.Map.entry("schooling", "SchoolingStatus"),
        java.util.Map.entry("benefit", "Benefit"), java.util.Map.entry("needStatus", "NeedStatus"),
        java.util.Map.entry("generalisation", "Generalisation"), java.util.Map.entry("role", "Role"),
        java.util.Map.entry("homeType", "ChildrenHomeType"),
        java.util.Map.entry("organisationType", "OrganisationType"),
        java.util.Map.entry("notificationKind", "NotificationKind"),
        java.util.Map.entry("matchStatus", "MatchStatus"), java.util.Map.entry("matchOrigin", "MatchOrigin"),
        java.util.Map.entry("outcome", "FulfilmentOutcome"), java.util.Map.entry("offerStatus", "OfferStatus"),
        java.util.Map.entry("safetyStep", "SafetyStep"), java.util.Map.entry("placement", "PlacementKind"),
        java.util.Map.entry("measure", "InterventionMeasure"), java.util.Map.entry("remit", "Remit"));
    List.of("DROPPED_OUT", "SPECIAL_EDUCATION", "HOUSEHOLD_REGISTRATION", "REHABILITATION_UNDER_7",
        "MEDICAL_ASSISTANCE", "MEDICAL_INSURANCE", "ORPHAN_ALLOWANCE").forEach(r -> used.add("worklist.resolved." + r));
    labelled.forEach((prefix, enumName) -> {
      List<String> values = org.onedoor.portal.api.DocumentsMatchSchemaTest.enumValues(enumName);
      assertThat(values).as(enumName).isNotEmpty();
      values.forEach(value -> used.add(prefix + "." + value));
    });
    List.of("CHILD_NAME", "GUARDIAN_NAME", "VILLAGE", "ADDRESS", "SCHOOL", "NATIONAL_ID", "PHONE", "NATIONAL_ID_SHAPE",
        "PHONE_SHAPE", "EXACT_DATE", "RARE_CONDITION").forEach(r -> used.add("rule." + r));
    List.of("opened", "householdRegistration", "address", "causes", "riskTier", "guardianship", "condition",
        "schooling", "benefits", "supervisorId", "visitRecorded", "consentRecorded", "consentWithdrawn", "draft", "openedFromIntake",
        "intakeLinked", "assessed")
        .forEach(f -> used.add("history.field." + f));
    List.of("csv", "xlsx").forEach(x -> used.add("ledger.export." + x));
    List.of("APPROVED", "REJECTED").forEach(x -> used.add("decision." + x));
    List.of(0, 7, 14, 30).forEach(x -> used.add("visits.ahead." + x));
    org.onedoor.portal.api.Network.HOME_TYPES.forEach(t -> used.add("homeType." + t));
    org.onedoor.portal.api.Network.ORGANISATION_TYPES.forEach(t -> used.add("organisationType." + t));
    for (Language language : Language.values()) {
      used.add("language.switch." + language.name());
      used.add("language.name." + language.name());
    }
    assertThat(used).contains("app.title", "nav.home", "home.title");
    assertThat(throughHelpers).as("label keys handed to helpers are found too").contains("offer.hoursPerWeek");
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
