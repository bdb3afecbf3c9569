package org.onedoor.backend.support;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A standard OIDC client against the embedded issuer, as the portal is: authorization code with PKCE, the issuer's
 * login form, the token endpoint. Each instance has its own cookie jar (one browser).
 */
public final class OidcClient {

  public static final String REDIRECT = "http://localhost:8081/login/oauth2/code/onedoor";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final int port;
  private final String clientSecret;
  private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
      .followRedirects(HttpClient.Redirect.NEVER).build();

  public OidcClient(int port) {
    this(port, "onedoor-portal-secret");
  }

  /** A client of an issuer configured with this portal client secret. */
  public OidcClient(int port, String clientSecret) {
    this.port = port;
    this.clientSecret = clientSecret;
  }

  /** Signs in with a password; the token response, or empty when the issuer refused the sign-in. */
  public Optional<JsonNode> signIn(String username, String password) throws Exception {
    return signIn(username, password, port);
  }

  /** Signs in here and redeems the authorization code at the issuer on {@code tokenPort} (another instance). */
  public Optional<JsonNode> signIn(String username, String password, int tokenPort) throws Exception {
    String verifier = randomToken();
    String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    get("/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id", "onedoor-portal",
        "scope", "openid profile", "redirect_uri", REDIRECT, "state", "s", "nonce", "n",
        "code_challenge", challenge, "code_challenge_method", "S256")));
    String csrf = match(get("/login").body(), "name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    var signedIn = post("/login", form(Map.of("username", username, "password", password, "_csrf", csrf)), null);
    if (!location(signedIn).contains("/oauth2/authorize")) {
      return Optional.empty();
    }
    URI back = URI.create(location(signedIn));
    var toClient = get(back.getRawPath() + "?" + back.getRawQuery());
    String code = match(location(toClient), "[?&]code=([^&]+)");
    var token = post(tokenPort, "/oauth2/token", form(Map.of("grant_type", "authorization_code", "code",
        URLDecoder.decode(code, StandardCharsets.UTF_8), "redirect_uri", REDIRECT, "code_verifier", verifier)),
        "Basic " + Base64.getEncoder().encodeToString(("onedoor-portal:" + clientSecret).getBytes(
            StandardCharsets.UTF_8)));
    return token.statusCode() == 200 ? Optional.of(JSON.readTree(token.body())) : Optional.empty();
  }

  /**
   * Asks for tokens again with the issuer session this browser already holds (no password), as the portal does when
   * a refresh fails: empty when the issuer sends the browser to sign in, or issues no token.
   */
  public Optional<JsonNode> authorizeAgain() throws Exception {
    String verifier = randomToken();
    String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    var authorized = get("/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id", "onedoor-portal",
        "scope", "openid profile", "redirect_uri", REDIRECT, "state", "s2", "nonce", "n2",
        "code_challenge", challenge, "code_challenge_method", "S256")));
    if (!location(authorized).startsWith(REDIRECT) || !location(authorized).contains("code=")) {
      return Optional.empty();
    }
    String code = match(location(authorized), "[?&]code=([^&]+)");
    var token = post(port, "/oauth2/token", form(Map.of("grant_type", "authorization_code", "code",
        URLDecoder.decode(code, StandardCharsets.UTF_8), "redirect_uri", REDIRECT, "code_verifier", verifier)),
        "Basic " + Base64.getEncoder().encodeToString(("onedoor-portal:" + clientSecret).getBytes(
            StandardCharsets.UTF_8)));
    return token.statusCode() == 200 ? Optional.of(JSON.readTree(token.body())) : Optional.empty();
  }

  /** Exchanges a refresh token at this issuer: the token response, or the error answer ({@code error}). */
  public JsonNode refresh(String refreshToken) throws Exception {
    var answer = post(port, "/oauth2/token", form(Map.of("grant_type", "refresh_token", "refresh_token",
        refreshToken)), "Basic " + Base64.getEncoder().encodeToString(("onedoor-portal:" + clientSecret).getBytes(
            StandardCharsets.UTF_8)));
    return JSON.readTree(answer.body());
  }

  /** Where the last sign-in attempt sent the browser (e.g. {@code /login?error}). */
  public HttpResponse<String> get(String path) throws Exception {
    return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> post(String path, String form, String authorization) throws Exception {
    return post(port, path, form, authorization);
  }

  private HttpResponse<String> post(int at, String path, String form, String authorization) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + at + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
        .POST(HttpRequest.BodyPublishers.ofString(form));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  public static String location(HttpResponse<?> response) {
    return response.headers().firstValue("Location").orElse("");
  }

  public static String form(Map<String, String> values) {
    return new LinkedHashMap<>(values).entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  public static String match(String text, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    if (!matcher.find()) {
      throw new AssertionError("'" + regex + "' not in " + text);
    }
    return matcher.group(1);
  }

  public static String randomToken() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
