package org.onedoor.backend.identity;

import static org.springframework.security.config.Customizer.withDefaults;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The embedded OpenID Connect issuer (Spring Authorization Server): password sign-in against the accounts in
 * MongoDB, authorization code with PKCE for the portal, JWT access tokens carrying the caller's roles and scope.
 * Replaced by an external issuer when {@code onedoor.identity.external.issuer-uri} is set.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedIssuerCondition.class)
class AuthorizationServerConfiguration {

  static final String PORTAL_REGISTRATION = "onedoor";

  @Bean
  @Order(1)
  SecurityFilterChain authorizationServer(HttpSecurity http, SessionRegistry signedIn,
      org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService authorizations)
      throws Exception {
    OAuth2AuthorizationServerConfigurer issuer = new OAuth2AuthorizationServerConfigurer();
    http.securityMatcher(issuer.getEndpointsMatcher())
        .with(issuer, as -> as.oidc(oidc -> oidc.logoutEndpoint(logout -> logout.authenticationProviders(
            providers -> providers.replaceAll(provider -> new SignOutRevokes(provider, authorizations))))))
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
            new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
        .oauth2ResourceServer(resourceServer -> resourceServer.jwt(withDefaults()))
        .sessionManagement(sessions -> sessions.maximumSessions(-1).sessionRegistry(signedIn).expiredUrl("/login"));
    return http.build();
  }

  /**
   * The issuer's signed-in browser sessions by account, on this instance: disabling an account or resetting its
   * password expires them ({@link StaffAccounts}), so the account cannot come back through a session it held.
   */
  @Bean
  SessionRegistry signedInSessions() {
    return new SessionRegistryImpl();
  }

  /** Tells the session registry when sessions end. */
  @Bean
  HttpSessionEventPublisher sessionEvents() {
    return new HttpSessionEventPublisher();
  }

  /** The sign-in page and anything else browsers reach at the issuer. */
  @Bean
  @Order(3)
  SecurityFilterChain signIn(HttpSecurity http, SessionRegistry signedIn) throws Exception {
    http.authorizeHttpRequests(requests -> requests
            .requestMatchers("/login", PasswordChangePage.PATH, "/error", "/favicon.ico").permitAll()
            .anyRequest().authenticated())
        .formLogin(form -> form.loginPage("/login").failureHandler(PasswordChangePage.failureHandler()).permitAll())
        .sessionManagement(sessions -> sessions.maximumSessions(-1).sessionRegistry(signedIn).expiredUrl("/login"));
    return http.build();
  }

  @Bean
  UserDetailsService accountSignIn(AccountRepository accounts) {
    return new AccountUserDetailsService(accounts);
  }

  /** The sign-in page's password check, throttled per account and per client address. */
  @Bean
  org.springframework.security.authentication.AuthenticationProvider throttledSignIn(UserDetailsService accounts,
      PasswordEncoder passwords, SignInThrottle throttle) {
    return new ThrottledSignIn(accounts, passwords, throttle);
  }

  @Bean
  RegisteredClientRepository registeredClients(IdentitySettings settings, PasswordEncoder passwords,
      MongoTemplate mongo) {
    IdentitySettings.Portal portal = settings.portal();
    RegisteredClient client = RegisteredClient.withId(portal.clientId())
        .clientId(portal.clientId())
        .clientSecret(passwords.encode(portal.clientSecret()))
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
        .redirectUris(uris -> portal.urls().forEach(
            url -> uris.add(base(url) + "/login/oauth2/code/" + PORTAL_REGISTRATION)))
        .postLogoutRedirectUris(uris -> portal.urls().forEach(url -> {
          uris.add(base(url));
          uris.add(base(url) + "/");
        }))
        .scope(OidcScopes.OPENID)
        .scope(OidcScopes.PROFILE)
        .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
        .tokenSettings(TokenSettings.builder()
            .accessTokenTimeToLive(settings.accessTokenTtl())
            .reuseRefreshTokens(false)
            .build())
        .build();
    MongoRegisteredClients clients = new MongoRegisteredClients(mongo);
    clients.save(client);
    return clients;
  }

  /** Sign-ins, codes and tokens in MongoDB: every instance serves every user, a restart signs nobody out. */
  @Bean
  OAuth2AuthorizationService authorizations(MongoTemplate mongo, RegisteredClientRepository clients, Clock clock) {
    return new MongoAuthorizationService(mongo, clients, clock);
  }

  @Bean
  OAuth2AuthorizationConsentService consents(MongoTemplate mongo) {
    return new MongoAuthorizationConsents(mongo);
  }

  @Bean
  AuthorizationServerSettings authorizationServerSettings(IdentitySettings settings) {
    return AuthorizationServerSettings.builder().issuer(base(settings.issuerUri())).build();
  }

  @Bean
  SigningKeys jwkSource(MongoTemplate mongo, Clock clock, IdentitySettings settings) {
    // The longest-lived token these keys sign is an ID token (30 minutes) or an access token.
    Duration longest = settings.accessTokenTtl().compareTo(Duration.ofMinutes(30)) > 0 ? settings.accessTokenTtl()
        : Duration.ofMinutes(30);
    return new SigningKeys(mongo, clock, settings.signingKeyRotation(), longest);
  }

  /**
   * Issues the tokens: JWT ID and access tokens (with the account's claims), and refresh tokens that rotate but end
   * with the sign-in's session lifetime ({@link SessionBoundRefreshTokens}).
   */
  @Bean
  org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator<?> tokenGenerator(
      org.springframework.security.oauth2.jwt.JwtEncoder encoder, OAuth2TokenCustomizer<JwtEncodingContext> claims,
      MongoTemplate mongo, Clock clock, IdentitySettings settings) {
    var jwt = new org.springframework.security.oauth2.server.authorization.token.JwtGenerator(encoder);
    jwt.setJwtCustomizer(claims);
    return new org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator(jwt,
        new org.springframework.security.oauth2.server.authorization.token.OAuth2AccessTokenGenerator(),
        new SessionBoundRefreshTokens(mongo, clock, settings.sessionLifetime()));
  }

  /** Signs with the newest key only (the key set also holds older keys, still published for checking). */
  @Bean
  org.springframework.security.oauth2.jwt.JwtEncoder jwtEncoder(SigningKeys keys) {
    return new org.springframework.security.oauth2.jwt.NimbusJwtEncoder(keys.signing());
  }

  /**
   * Accepts only access tokens this issuer signed, for this issuer and the API, unexpired: an ID token (a plain JWT
   * for the portal, which travels in sign-out URLs as id_token_hint) or a token for another audience is refused.
   */
  @Bean
  JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys, IdentitySettings settings, MongoTemplate mongo) {
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys)
        .jwtProcessorCustomizer(processor -> processor.setJWSTypeVerifier(
            new com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier<>(
                new com.nimbusds.jose.JOSEObjectType(TokenClaims.ACCESS_TOKEN_TYPE))))
        .build();
    decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(
        new org.springframework.security.oauth2.jwt.JwtIssuerValidator(base(settings.issuerUri())),
        new org.springframework.security.oauth2.jwt.JwtTypeValidator(TokenClaims.ACCESS_TOKEN_TYPE),
        audience(TokenClaims.API_AUDIENCE), sessionNotEnded(mongo)));
    return decoder;
  }

  /**
   * A token whose sign-in has not ended: a token naming its sign-in is refused once that sign-in's authorization is
   * gone — signed out, or ended by an administrator (disable, password reset) — not only when it expires.
   */
  static org.springframework.security.oauth2.core.OAuth2TokenValidator<org.springframework.security.oauth2.jwt.Jwt>
      sessionNotEnded(MongoTemplate mongo) {
    return jwt -> {
      String session = jwt.getClaimAsString(TokenClaims.SESSION);
      if (session == null || mongo.exists(org.springframework.data.mongodb.core.query.Query.query(
          org.springframework.data.mongodb.core.query.Criteria.where("_id").is(session)),
          MongoAuthorizationService.COLLECTION)) {
        return org.springframework.security.oauth2.core.OAuth2TokenValidatorResult.success();
      }
      return org.springframework.security.oauth2.core.OAuth2TokenValidatorResult.failure(
          new org.springframework.security.oauth2.core.OAuth2Error("invalid_token", "The sign-in has ended", null));
    };
  }

  /** A token whose audience includes this one. */
  static org.springframework.security.oauth2.core.OAuth2TokenValidator<org.springframework.security.oauth2.jwt.Jwt>
      audience(String audience) {
    return new org.springframework.security.oauth2.jwt.JwtClaimValidator<java.util.List<String>>(
        org.springframework.security.oauth2.jwt.JwtClaimNames.AUD,
        aud -> aud != null && aud.contains(audience));
  }

  /**
   * Puts the account's display name, roles and scope (department, township, village) into its tokens, read from the
   * store at every issue. An account that is disabled or must change its password gets no token at all — whatever
   * issuer session or code it still holds (a disable or a reset by an administrator takes effect at once).
   */
  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> accountClaims(AccountRepository accounts) {
    return context -> {
      boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
      boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
      if (!accessToken && !idToken) {
        return;
      }
      if (accessToken) {
        // An access token says what it is (RFC 9068) and names the API, so an ID token can never pass for one.
        context.getJwsHeader().type(TokenClaims.ACCESS_TOKEN_TYPE);
        // A mutable list, like the roles below: the stored authorization reads back only known types.
        context.getClaims().audience(new ArrayList<>(List.of(context.getRegisteredClient().getClientId(),
            TokenClaims.API_AUDIENCE)));
        if (context.getAuthorization() != null) {
          // The sign-in it belongs to: once that ends (sign-out, disabled account, password reset), so does it.
          context.getClaims().claim(TokenClaims.SESSION, context.getAuthorization().getId());
        }
      }
      Account stored = accounts.findById(context.getPrincipal().getName()).orElse(null);
      if (stored == null || !stored.enabled() || stored.mustChangePassword()) {
        throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
            "The account may not sign in now", null));
      }
      Account account = stored;
      context.getClaims().claims(claims -> {
        claims.put(TokenClaims.NAME, account.displayName());
        // A mutable list: the stored authorization keeps the claims as JSON that only known types may be read from.
        claims.put(TokenClaims.ROLES, new ArrayList<>(account.roles().stream().sorted().toList()));
        if (account.department() != null) {
          claims.put(TokenClaims.DEPARTMENT, account.department().name());
        }
        if (account.townshipId() != null) {
          claims.put(TokenClaims.TOWNSHIP, account.townshipId());
        }
        if (account.villageId() != null) {
          claims.put(TokenClaims.VILLAGE, account.villageId());
        }
      });
    };
  }

  private static String base(URI uri) {
    String value = uri.toString();
    return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
  }
}
