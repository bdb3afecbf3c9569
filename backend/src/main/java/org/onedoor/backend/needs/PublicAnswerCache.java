package org.onedoor.backend.needs;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.parser.Parser;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.graphql.ExecutionGraphQlResponse;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Anonymous answers about the public board, reused while nothing they show can have changed: the same document,
 * variables and language asked again on the same day, while this instance's board is the same
 * ({@link BoardModel#version()}), is answered with the answer already worked out, for at most {@link #MAX_AGE} (which
 * bounds what else such an answer shows — a township's name, a children's home — to that age). Every visitor and
 * charity starts at the board, and most ask for the same first pages; without this each of them would run the same
 * few hundred field resolutions again.
 *
 * <p>Only what anyone may see is kept: a request carrying any credentials, a document with anything but the board's
 * public fields ({@code needs}, {@code need}, {@code statistics}) at its root, a mutation and an answer with errors
 * all go through as they came, and a change of the board (a withdrawal, a lapsed consent at midnight) misses every
 * answer kept before it. Bounded: at most {@link #MAX_ENTRIES} answers and documents.
 */
@Component
class PublicAnswerCache implements WebGraphQlInterceptor {

  static final Duration MAX_AGE = Duration.ofSeconds(10);
  static final int MAX_ENTRIES = 256;
  private static final Set<String> PUBLIC_ROOTS = Set.of("needs", "need", "statistics", "__typename");

  private final BoardModel board;
  private final Map<String, Boolean> cacheable = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicLong hits = new java.util.concurrent.atomic.AtomicLong();
  private volatile Generation generation = new Generation(-1, null, new ConcurrentHashMap<>());

  /** The answers kept for one version of the board on one day. */
  private record Generation(long version, LocalDate day, Map<Key, Kept> answers) {
  }

  /** What identifies an answer: the document, the operation, the variables and the language asked for. */
  private record Key(String document, String operationName, Map<String, Object> variables, String language) {
  }

  private record Kept(ExecutionGraphQlResponse response, long keptAtNanos) {
  }

  PublicAnswerCache(BoardModel board) {
    this.board = board;
  }

  @Override
  public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
    if (!anonymous(request) || !cacheable(request.getDocument(), request.getOperationName())) {
      return chain.next(request);
    }
    Generation current = current();
    Key key = new Key(request.getDocument(), request.getOperationName(), request.getVariables(),
        request.getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE));
    Kept kept = current.answers().get(key);
    if (kept != null && System.nanoTime() - kept.keptAtNanos() < MAX_AGE.toNanos()) {
      hits.incrementAndGet();
      return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(),
          kept.response().getExecutionResult())));
    }
    return chain.next(request).doOnNext(response -> {
      if (response.isValid() && response.getErrors().isEmpty()) {
        if (current.answers().size() >= MAX_ENTRIES) {
          current.answers().clear();
        }
        current.answers().put(key, new Kept(response, System.nanoTime()));
      }
    });
  }

  /** How many answers were reused so far. */
  long hits() {
    return hits.get();
  }

  /** The answers of the board as it is now; a new, empty set when it changed or the day turned. */
  private Generation current() {
    long version = board.version();
    LocalDate today = board.today();
    Generation seen = generation;
    if (seen.version() == version && today.equals(seen.day())) {
      return seen;
    }
    Generation fresh = new Generation(version, today, new ConcurrentHashMap<>());
    generation = fresh;
    return fresh;
  }

  /** No credentials of any kind: no Authorization header, no cookie, an anonymous (or no) authentication. */
  private static boolean anonymous(WebGraphQlRequest request) {
    if (request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION) || !request.getCookies().isEmpty()) {
      return false;
    }
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication == null || authentication instanceof AnonymousAuthenticationToken;
  }

  /** Whether the document is a query asking only the board's public fields at its root (decided once per text). */
  private boolean cacheable(String document, String operationName) {
    if (document == null || document.length() > 10_000) {
      return false;
    }
    String key = Objects.requireNonNullElse(operationName, "") + "\u0000" + document;
    Boolean known = cacheable.get(key);
    if (known != null) {
      return known;
    }
    boolean decided = decide(document, operationName);
    if (cacheable.size() >= MAX_ENTRIES) {
      cacheable.clear();
    }
    cacheable.put(key, decided);
    return decided;
  }

  private static boolean decide(String text, String operationName) {
    Document document;
    try {
      document = Parser.parse(text);
    } catch (RuntimeException invalid) { // InvalidSyntaxException and the parser's limits
      return false;
    }
    List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class).stream()
        .filter(o -> operationName == null || operationName.equals(o.getName())).toList();
    if (operations.size() != 1 || operations.getFirst().getOperation() != OperationDefinition.Operation.QUERY) {
      return false;
    }
    boolean asksTheBoard = false;
    for (Selection<?> selection : operations.getFirst().getSelectionSet().getSelections()) {
      if (!(selection instanceof Field field) || !PUBLIC_ROOTS.contains(field.getName())) {
        return false;
      }
      asksTheBoard |= !field.getName().equals("__typename");
    }
    return asksTheBoard;
  }
}
