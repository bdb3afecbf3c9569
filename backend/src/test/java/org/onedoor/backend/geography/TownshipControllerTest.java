package org.onedoor.backend.geography;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.platform.graphql.Messages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

@GraphQlTest(TownshipController.class)
@Import(Messages.class)
class TownshipControllerTest {

  @Autowired
  GraphQlTester graphQl;

  @MockitoBean
  Geography geography;

  @Test
  void townships_maps_names_villages_and_coordinates() {
    given(geography.townships()).willReturn(List.of(new Township("hutou-town", "虎头镇", "Hutou Town", 4,
        new Coordinates(45.977, 133.666),
        List.of(new Village("hutou-town-hutou", "虎头村", "Hutou Village", new Coordinates(45.98, 133.67))))));

    graphQl.document("{ townships { id name nameEn coordinates { latitude } villages { name nameEn } } }")
        .execute()
        .path("townships[0].name").entity(String.class).isEqualTo("虎头镇")
        .path("townships[0].nameEn").entity(String.class).isEqualTo("Hutou Town")
        .path("townships[0].coordinates.latitude").entity(Double.class).isEqualTo(45.977)
        .path("townships[0].villages[0].name").entity(String.class).isEqualTo("虎头村");
  }

  @Test
  void an_unexpected_failure_is_masked_without_message_class_name_or_stack_trace() {
    given(geography.townships()).willThrow(new IllegalStateException("child 230381201001011234 at 新华村"));

    graphQl.document("{ townships { name } }")
        .execute()
        .errors()
        .satisfy(errors -> {
          assertThat(errors).hasSize(1);
          assertThat(errors.getFirst().getErrorType()).isEqualTo(ErrorType.INTERNAL_ERROR);
          var e = errors.getFirst();
          String everything = e.getMessage() + e.getExtensions() + e.getPath();
          assertThat(everything).doesNotContain("230381201001011234", "新华村", "IllegalStateException",
              "java.", "at org.");
        });
  }
}
