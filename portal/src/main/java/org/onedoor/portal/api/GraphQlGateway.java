package org.onedoor.portal.api;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.onedoor.portal.PortalSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.ResolvableType;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.FieldAccessException;
import org.springframework.graphql.client.GraphQlTransportException;
import org.springframework.graphql.client.HttpSyncGraphQlClient;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The portal's only way to data: the backend's GraphQL API (and its ledger export), anonymously for public data
 * and with the signed-in user's access token otherwise (see {@link BackendClientConfiguration}). Each feature has
 * its client ({@code NeedsClient}, {@code MatchingClient} …) that builds its requests; this gateway runs them and
 * turns every failure into an {@link ApiException} that views show as a friendly localised message.
 */
@Component
public class GraphQlGateway {

  private static final Logger log = LoggerFactory.getLogger(GraphQlGateway.class);

  private final HttpSyncGraphQlClient graphQl;
  private final RestClient rest;

  GraphQlGateway(RestClient.Builder restClients, PortalSettings settings,
      BackendClientConfiguration.Interceptors interceptors) {
    this.graphQl = HttpSyncGraphQlClient.create(restClients.clone()
        .baseUrl(settings.graphQlEndpoint())
        .requestInterceptors(list -> list.addAll(interceptors.list()))
        .build());
    this.rest = restClients.clone()
        .baseUrl(settings.backendBase())
        .requestInterceptors(list -> list.addAll(interceptors.list()))
        .build();
  }

  /** Runs a request built on the GraphQL client; every failure becomes an {@link ApiException}. */
  public <T> T call(Function<HttpSyncGraphQlClient, T> request) {
    return call(() -> request.apply(graphQl));
  }

  /** Runs a plain HTTP request on the backend (the ledger export); every failure becomes an {@link ApiException}. */
  public <T> T callRest(Function<RestClient, T> request) {
    return call(() -> request.apply(rest));
  }

  /**
   * A mutation taking one {@code input} (a record whose components are the input's fields, or a map) whose payload
   * holds its refusals at {@code <document>.errors}: the refusals (localised, by field), empty on success.
   */
  public List<UserError> refusals(String document, Object input) {
    return refusalsWith(document, variables("input", input));
  }

  /** A mutation taking these variables whose payload holds its refusals: the refusals, empty on success. */
  public List<UserError> refusalsWith(String document, Map<String, Object> variables) {
    return call(graphQl -> {
      var request = graphQl.documentName(document);
      variables.forEach(request::variable);
      return request.retrieveSync(document + ".errors").toEntityList(UserError.class);
    });
  }

  /** Variables by name and value, in pairs; a value may be null (an argument left out). */
  public static Map<String, Object> variables(Object... namesAndValues) {
    Map<String, Object> variables = new java.util.LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      variables.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return variables;
  }

  /** The response, when it is valid and holds no error; else the classified problem as an {@link ApiException}. */
  public ClientGraphQlResponse valid(ClientGraphQlResponse response) {
    if (!response.isValid() || !response.getErrors().isEmpty()) {
      throw new ApiException(classify(response.getErrors()), null);
    }
    return response;
  }

  /** An edge of a Relay connection. */
  private record Edge<T>(T node) {
  }

  /** One page of a Relay connection ({@code field}) answered by a document taking filter, first and after. */
  public <T> Page<T> page(String document, String field, Class<T> type, Map<String, Object> filter, int first,
      String after) {
    Map<String, Object> variables = new java.util.HashMap<>();
    variables.put("filter", filter);
    return pageWith(document, field, type, variables, first, after);
  }

  /** One page of a Relay connection ({@code field}) answered by a document taking these variables, first, after. */
  public <T> Page<T> pageWith(String document, String field, Class<T> type, Map<String, Object> variables,
      int first, String after) {
    return call(() -> {
      var request = graphQl.documentName(document).variable("first", first).variable("after", after);
      variables.forEach(request::variable);
      var response = request.executeSync();
      if (!response.isValid() || !response.getErrors().isEmpty()) {
        throw new ApiException(classify(response.getErrors()), null);
      }
      ParameterizedTypeReference<Edge<T>> edge = ParameterizedTypeReference.forType(
          ResolvableType.forClassWithGenerics(Edge.class, type).getType());
      List<T> items = response.field(field + ".edges").toEntityList(edge).stream().map(Edge::node).toList();
      Boolean more = response.field(field + ".pageInfo.hasNextPage").getValue();
      String end = response.field(field + ".pageInfo.endCursor").getValue();
      return new Page<>(items, Boolean.TRUE.equals(more), end);
    });
  }

  private static <T> T call(Supplier<T> request) {
    try {
      return request.get();
    } catch (ApiException e) {
      throw e;
    } catch (FieldAccessException e) {
      throw new ApiException(classify(e.getResponse().getErrors()), e);
    } catch (GraphQlTransportException e) {
      ApiProblem problem = classifyTransport(e.getCause());
      log.warn("Backend call failed: {} ({})", problem, describe(e.getCause()));
      throw new ApiException(problem, e);
    } catch (OAuth2AuthorizationException e) {
      log.warn("Backend call without a usable token: {}", e.getError().getErrorCode());
      throw new ApiException(ApiProblem.SESSION_EXPIRED, e);
    } catch (org.springframework.web.client.HttpClientErrorException.Unauthorized e) {
      // The backend refused the token (expired, revoked, or the backend's keys changed): sign in again.
      log.warn("Backend refused the sign-in: HTTP 401");
      throw new ApiException(ApiProblem.SESSION_EXPIRED, e);
    } catch (ResourceAccessException e) {
      log.warn("Backend unreachable: {}", describe(e.getCause()));
      throw new ApiException(ApiProblem.BACKEND_UNAVAILABLE, e);
    } catch (RuntimeException e) {
      // Whatever else failed, a view gets a classified problem, never a raw exception.
      log.warn("Backend call failed unexpectedly: {}", describe(e));
      throw new ApiException(ApiProblem.BACKEND_ERROR, e);
    }
  }

  /** What failed, without any response body: bodies may hold data that must not reach a log. */
  private static String describe(Throwable cause) {
    if (cause instanceof org.springframework.web.client.RestClientResponseException response) {
      return "HTTP " + response.getStatusCode().value();
    }
    return cause == null ? "unknown" : cause.getClass().getSimpleName();
  }

  private static ApiProblem classify(List<ResponseError> errors) {
    for (ResponseError error : errors) {
      if (error.getErrorType() == ErrorType.UNAUTHORIZED) {
        return ApiProblem.NOT_SIGNED_IN;
      }
      if (error.getErrorType() == ErrorType.FORBIDDEN) {
        return ApiProblem.FORBIDDEN;
      }
      if (error.getErrorType() == ErrorType.BAD_REQUEST) {
        return ApiProblem.BAD_REQUEST;
      }
    }
    return ApiProblem.BACKEND_ERROR;
  }

  private static ApiProblem classifyTransport(Throwable cause) {
    if (cause instanceof java.io.IOException) {
      return ApiProblem.BACKEND_UNAVAILABLE;
    }
    if (cause instanceof HttpClientErrorException.Unauthorized) {
      return ApiProblem.SESSION_EXPIRED;
    }
    if (cause instanceof OAuth2AuthorizationException) {
      return ApiProblem.SESSION_EXPIRED;
    }
    if (cause instanceof ResourceAccessException) {
      return ApiProblem.BACKEND_UNAVAILABLE;
    }
    return ApiProblem.BACKEND_ERROR;
  }
}
