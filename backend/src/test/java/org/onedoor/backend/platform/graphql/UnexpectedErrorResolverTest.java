package org.onedoor.backend.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.Scalars;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.MergedField;
import graphql.execution.ResultPath;
import graphql.language.Field;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.access.AccessDeniedException;

/** An unexpected failure is masked, names the request for the operator, and never carries the exception's text. */
class UnexpectedErrorResolverTest {

  private final UnexpectedErrorResolver resolver = new UnexpectedErrorResolver(new Messages(messages()));

  @Test
  void an_unexpected_failure_is_a_masked_internal_error_naming_the_request_and_nothing_of_the_exception() {
    var failure = new IllegalStateException("duplicate key: nationalId 230381201503081234");

    List<GraphQLError> errors = resolver.resolveException(failure, env(Locale.ENGLISH)).block();

    GraphQLError error = errors.getFirst();
    assertThat(error.getErrorType()).isEqualTo(ErrorType.INTERNAL_ERROR);
    assertThat(error.getMessage()).contains("request id req-12345678").doesNotContain("230381", "duplicate");
    assertThat(error.getExtensions()).containsEntry("requestId", "req-12345678");
    assertThat(resolver.resolveException(failure, env(Locale.SIMPLIFIED_CHINESE)).block().getFirst().getMessage())
        .contains("请求编号 req-12345678");
  }

  @Test
  void access_denied_is_left_to_spring_security_s_resolver() {
    assertThat(resolver.resolveException(new AccessDeniedException("no"), env(Locale.ENGLISH)).block()).isNull();
  }

  private static DataFetchingEnvironment env(Locale locale) {
    return DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
        .graphQLContext(GraphQLContext.of(Map.of("requestId", "req-12345678")))
        .locale(locale)
        .mergedField(MergedField.newMergedField(Field.newField("caseFile").build()).build())
        .executionStepInfo(ExecutionStepInfo.newExecutionStepInfo().type(Scalars.GraphQLString)
            .path(ResultPath.rootPath()).build())
        .build();
  }

  private static ResourceBundleMessageSource messages() {
    var source = new ResourceBundleMessageSource();
    source.setBasename("messages");
    source.setDefaultEncoding("UTF-8");
    source.setFallbackToSystemLocale(false);
    return source;
  }
}
