package org.onedoor.backend.platform.graphql;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.introspection.Introspection;
import graphql.parser.ParserOptions;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.http.HttpHeaders;

/**
 * Applies {@link GraphQlLimits} to every request: depth and complexity through graphql-java instrumentation,
 * the parser token limit through per-request parser options, introspection per request. Also fixes the request language: zh-CN unless the
 * caller asks for another through Accept-Language.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlLimitsConfiguration {

  static final Locale DEFAULT_LOCALE = Locale.SIMPLIFIED_CHINESE;

  @Bean
  MaxQueryDepthInstrumentation maxQueryDepth(GraphQlLimits limits) {
    return new MaxQueryDepthInstrumentation(limits.maxDepth());
  }

  @Bean
  MaxQueryComplexityInstrumentation maxQueryComplexity(GraphQlLimits limits) {
    return new MaxQueryComplexityInstrumentation(limits.maxComplexity());
  }

  @Bean
  WebGraphQlInterceptor parserLimitsAndLocale(GraphQlLimits limits) {
    ParserOptions parserOptions = ParserOptions.getDefaultOperationParserOptions().transform(
        options -> options.maxTokens(limits.maxTokens()).maxWhitespaceTokens(limits.maxTokens() * 4));
    return (request, chain) -> {
      Locale locale = request.getHeaders().containsHeader(HttpHeaders.ACCEPT_LANGUAGE)
          && request.getLocale() != null ? request.getLocale() : DEFAULT_LOCALE;
      request.configureExecutionInput((input, builder) -> builder
          .locale(locale)
          .graphQLContext(context -> context
              .put(RequestContext.CLIENT_ADDRESS, request.getRemoteAddress() == null || request.getRemoteAddress().getAddress() == null
                  ? "unknown" : request.getRemoteAddress().getAddress().getHostAddress())
              .put(ParserOptions.class, parserOptions)
              .put(Introspection.INTROSPECTION_DISABLED, !limits.introspection()))
          .build());
      return chain.next(request);
    };
  }
}
