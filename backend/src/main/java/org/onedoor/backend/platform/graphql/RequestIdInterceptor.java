package org.onedoor.backend.platform.graphql;

import org.onedoor.backend.platform.web.RequestIds;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Puts the HTTP request's id into the GraphQL context, where data fetchers on any thread find it. */
@Component
class RequestIdInterceptor implements WebGraphQlInterceptor {

  @Override
  public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
    String id = request.getHeaders().getFirst(RequestIds.HEADER);
    String current = RequestIds.current();
    request.configureExecutionInput((input, builder) -> builder.graphQLContext(
        context -> context.put(RequestIds.MDC_KEY, "-".equals(current) && id != null ? id : current)).build());
    return chain.next(request);
  }
}
