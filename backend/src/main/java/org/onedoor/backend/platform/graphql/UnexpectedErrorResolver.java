package org.onedoor.backend.platform.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import org.onedoor.backend.platform.web.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * The last resort: an exception nothing else resolved is answered as a masked INTERNAL_ERROR whose localised message
 * and {@code requestId} extension name the request, and is logged under that id — the class and the stack, never the
 * exception's message, which may hold a value from a child's file (a duplicate key, a failed conversion).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class UnexpectedErrorResolver extends DataFetcherExceptionResolverAdapter {

  private static final Logger log = LoggerFactory.getLogger(UnexpectedErrorResolver.class);

  private final Messages messages;

  UnexpectedErrorResolver(Messages messages) {
    this.messages = messages;
  }

  @Override
  protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
    if (ex instanceof AccessDeniedException || ex instanceof AuthenticationException) {
      return null;
    }
    String requestId = env.getGraphQlContext().getOrDefault(RequestIds.MDC_KEY, RequestIds.current());
    Throwable withoutMessage = new Throwable(ex.getClass().getName());
    withoutMessage.setStackTrace(ex.getStackTrace());
    log.error("Unexpected failure in {} (request {})", env.getField().getName(), requestId, withoutMessage);
    return GraphqlErrorBuilder.newError(env)
        .errorType(ErrorType.INTERNAL_ERROR)
        .message(messages.get("error.INTERNAL", env.getLocale(), requestId))
        .extensions(Map.of("requestId", requestId))
        .build();
  }
}
