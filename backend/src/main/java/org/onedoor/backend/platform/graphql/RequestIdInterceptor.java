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
    // The id the servlet filter checked (or made) for this request; never the raw header.
    String current = RequestIds.current();
    request.configureExecutionInput((input, builder) -> builder.graphQLContext(
        context -> context.put(RequestIds.MDC_KEY, current)).build());
    return chain.next(request);
  }
}
