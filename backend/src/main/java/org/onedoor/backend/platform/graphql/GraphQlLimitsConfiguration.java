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

  /**
   * The complexity limit, counting what fields cost rather than only how many there are: a field costs 1, and the
   * fields that make the server work — ranking offers, aggregating, a page of files or of the board — cost more
   * ({@link #COSTS}), so that aliasing one of them many times exceeds the limit before anything runs.
   */
  @Bean
  MaxQueryComplexityInstrumentation maxQueryComplexity(GraphQlLimits limits) {
    return new MaxQueryComplexityInstrumentation(limits.maxComplexity(),
        (environment, childComplexity) -> COSTS.getOrDefault(environment.getField().getName(), 1) + childComplexity);
  }

  /**
   * What an expensive field costs beyond its selection. The limit (300 by default) lets a page of the board or of
   * the ledger with all its fields through, a handful of them in one document, and no more.
   */
  static final java.util.Map<String, Integer> COSTS = java.util.Map.ofEntries(
      java.util.Map.entry("statistics", 60),
      java.util.Map.entry("offersForNeed", 60),
      java.util.Map.entry("needsForOffer", 60),
      java.util.Map.entry("latestAllocationRun", 30),
      java.util.Map.entry("needs", 30),
      java.util.Map.entry("caseFiles", 30),
      java.util.Map.entry("overdueVisits", 30),
      java.util.Map.entry("visitsDue", 30),
      java.util.Map.entry("fileAccessLog", 30),
      java.util.Map.entry("handlingTasks", 20),
      java.util.Map.entry("townshipIntakes", 20),
      java.util.Map.entry("escalations", 20),
      java.util.Map.entry("pendingMatches", 20),
      java.util.Map.entry("caseworkMatches", 20),
      java.util.Map.entry("openOffers", 20),
      java.util.Map.entry("screeningCampaigns", 20),
      java.util.Map.entry("staffAccounts", 20),
      java.util.Map.entry("volunteers", 20),
      java.util.Map.entry("caringFamilies", 20));

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
