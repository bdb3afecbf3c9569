package org.onedoor.backend.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Posts GraphQL documents over real HTTP, as the portal and other clients do. */
public final class GraphQlHttp {

  private static final JsonMapper json = JsonMapper.builder().build();
  private static final HttpClient http = HttpClient.newHttpClient();

  private final URI endpoint;
  private final String token;
  private final String language;
  private final String forwardedFor;

  private GraphQlHttp(URI endpoint, String token, String language, String forwardedFor) {
    this.endpoint = endpoint;
    this.token = token;
    this.language = language;
    this.forwardedFor = forwardedFor;
  }

  public static GraphQlHttp at(int port) {
    return new GraphQlHttp(URI.create("http://localhost:" + port + "/graphql"), null, null, null);
  }

  public GraphQlHttp withToken(String bearer) {
    return new GraphQlHttp(endpoint, bearer, language, forwardedFor);
  }

  public GraphQlHttp inLanguage(String acceptLanguage) {
    return new GraphQlHttp(endpoint, token, acceptLanguage, forwardedFor);
  }

  /** Requests that say, in X-Forwarded-For, that they come from this client (as a proxy in front would). */
  public GraphQlHttp forwardedFor(String client) {
    return new GraphQlHttp(endpoint, token, language, client);
  }

  /** The response to a document: HTTP status, raw body and parsed JSON. */
  public record Response(int status, String body, JsonNode json) {
    public JsonNode data() {
      return json.path("data");
    }

    public JsonNode errors() {
      return json.path("errors");
    }
  }

  public Response post(String document) {
    return post(document, Map.of());
  }

  public Response post(String document, Map<String, Object> variables) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("query", document);
    body.put("variables", variables);
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
        .header("Content-Type", "application/json")
        .header("Accept", "application/graphql-response+json, application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (language != null) {
      request.header("Accept-Language", language);
    }
    if (forwardedFor != null) {
      request.header("X-Forwarded-For", forwardedFor);
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode parsed = response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
      return new Response(response.statusCode(), response.body(), parsed);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A document kept under src/test/resources/graphql-test. */
  public static String document(String name) {
    try (var in = GraphQlHttp.class.getResourceAsStream("/graphql-test/" + name + ".graphql")) {
      if (in == null) {
        throw new IllegalArgumentException("no test document " + name);
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
