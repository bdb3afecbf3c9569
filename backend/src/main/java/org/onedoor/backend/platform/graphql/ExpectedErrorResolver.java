package org.onedoor.backend.platform.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Turns the exceptions that mean "the caller asked wrongly" into typed, localised BAD_REQUEST errors.
 * Everything not resolved here or by Spring Security's resolver stays masked as INTERNAL_ERROR: no message,
 * class name or stack trace reaches the response.
 */
@Component
class ExpectedErrorResolver extends DataFetcherExceptionResolverAdapter {

  private final Messages messages;

  ExpectedErrorResolver(Messages messages) {
    this.messages = messages;
  }

  @Override
  protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
    String code = switch (ex) {
      case PageSize.InvalidPageSizeException invalid -> "INVALID_PAGE_SIZE";
      case InvalidCursorException invalid -> "INVALID_CURSOR";
      case BadArgumentException bad -> bad.code();
      default -> null;
    };
    if (code == null) {
      return null;
    }
    Object[] args = ex instanceof BadArgumentException bad ? bad.args() : new Object[0];
    return GraphqlErrorBuilder.newError(env)
        .errorType(ErrorType.BAD_REQUEST)
        .message(messages.get("error." + code, env.getLocale(), args))
        .extensions(java.util.Map.of("code", code))
        .build();
  }
}
