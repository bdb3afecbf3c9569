package org.onedoor.backend.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.casefiles.Cause;
import org.onedoor.backend.identity.Department;
import org.onedoor.backend.needs.NeedCategory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/** Each routing rule as configured in application.yml, and how rules combine. */
class RoutingTest {

  private final Routing routing = new Routing(configuredRules());

  private static RoutingRules configuredRules() {
    try {
      var sources = new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"));
      return new Binder(ConfigurationPropertySources.from(sources)).bind("onedoor.routing", RoutingRules.class)
          .get();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private Routing.Decision application(List<NeedCategory> categories, List<Cause> causes) {
    return routing.route(IntakeKind.ASSISTANCE_APPLICATION, categories, causes);
  }

  @Test
  void a_mandatory_report_goes_to_public_security_and_civil_affairs_within_24_hours_as_an_emergency() {
    var decision = routing.route(IntakeKind.MANDATORY_REPORT, List.of(), List.of());

    assertThat(decision.departments()).containsExactly(Department.PUBLIC_SECURITY, Department.CIVIL_AFFAIRS);
    assertThat(decision.deadline()).isEqualTo(Duration.ofHours(24));
    assertThat(decision.emergency()).isTrue();
  }

  @Test
  void medical_help_goes_to_health_with_human_resources_and_social_security_for_insurance() {
    var decision = application(List.of(NeedCategory.MEDICAL), List.of());

    assertThat(decision.lead()).isEqualTo(Department.HEALTH);
    assertThat(decision.coHandling()).containsExactly(Department.HUMAN_RESOURCES_SOCIAL_SECURITY);
    assertThat(decision.deadline()).isEqualTo(Duration.ofDays(5));
    assertThat(decision.emergency()).isFalse();
  }

  @Test
  void rehabilitation_goes_to_the_disabled_persons_federation_with_health() {
    assertThat(application(List.of(NeedCategory.REHABILITATION), List.of()).departments())
        .containsExactly(Department.DISABLED_PERSONS_FEDERATION, Department.HEALTH);
  }

  @Test
  void education_goes_to_education() {
    assertThat(application(List.of(NeedCategory.EDUCATION), List.of()).departments())
        .containsExactly(Department.EDUCATION);
  }

  @Test
  void disability_goes_to_the_disabled_persons_federation() {
    assertThat(application(List.of(NeedCategory.BASIC_LIVING), List.of(Cause.DISABILITY_ILLNESS)).departments())
        .containsExactly(Department.DISABLED_PERSONS_FEDERATION);
  }

  @Test
  void poverty_goes_to_civil_affairs() {
    assertThat(application(List.of(NeedCategory.BASIC_LIVING), List.of(Cause.POVERTY)).departments())
        .containsExactly(Department.CIVIL_AFFAIRS);
  }

  @Test
  void guardianship_goes_to_civil_affairs_with_public_security_and_the_womens_federation_within_3_days() {
    var decision = application(List.of(NeedCategory.GUARDIANSHIP_CARE), List.of(Cause.GUARDIANSHIP));

    assertThat(decision.departments()).containsExactly(Department.CIVIL_AFFAIRS, Department.PUBLIC_SECURITY,
        Department.WOMENS_FEDERATION);
    assertThat(decision.deadline()).isEqualTo(Duration.ofDays(3));
  }

  @Test
  void anything_else_goes_to_civil_affairs_by_the_default_rule() {
    assertThat(application(List.of(NeedCategory.PSYCHOLOGICAL), List.of()).departments())
        .containsExactly(Department.CIVIL_AFFAIRS);
  }

  @Test
  void legal_aid_goes_to_the_justice_bureau_with_civil_affairs() {
    var decision = application(List.of(NeedCategory.LEGAL_AID), List.of());
    assertThat(decision.lead()).isEqualTo(Department.JUDICIARY);
    assertThat(decision.departments()).containsExactly(Department.JUDICIARY, Department.CIVIL_AFFAIRS);
  }

  @Test
  void several_rules_combine_the_first_leads_every_other_department_co_handles_the_shortest_deadline_holds() {
    var decision = application(List.of(NeedCategory.MEDICAL), List.of(Cause.GUARDIANSHIP, Cause.POVERTY));

    assertThat(decision.lead()).isEqualTo(Department.HEALTH);
    assertThat(decision.coHandling()).containsExactly(Department.HUMAN_RESOURCES_SOCIAL_SECURITY,
        Department.CIVIL_AFFAIRS, Department.PUBLIC_SECURITY, Department.WOMENS_FEDERATION);
    assertThat(decision.deadline()).isEqualTo(Duration.ofDays(3));
  }

  @Test
  void a_sign_up_goes_to_civil_affairs_for_vetting_within_10_days() {
    var decision = routing.route(IntakeKind.SIGN_UP, List.of(), List.of());

    assertThat(decision.departments()).containsExactly(Department.CIVIL_AFFAIRS);
    assertThat(decision.deadline()).isEqualTo(Duration.ofDays(10));
  }
}
