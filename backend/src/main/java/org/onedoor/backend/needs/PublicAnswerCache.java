package org.onedoor.backend.needs;

import graphql.ExecutionResult;
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
 * <p>Only what anyone may see is kept: a request carrying any credentials, a document with anything but one of the
 * board's public fields ({@code needs}, {@code need}, {@code statistics}) at its root, a mutation and an answer with
 * errors all go through as they came, and a change of the board (a withdrawal, a lapsed consent at midnight) misses
 * every answer kept before it. Bounded: at most {@link #MAX_ENTRIES} answers and documents. See
 * docs/decisions/009-public-read-model.md.
 */
@Component
class PublicAnswerCache implements WebGraphQlInterceptor {

  static final Duration MAX_AGE = Duration.ofSeconds(10);
  static final int MAX_ENTRIES = 256;
  /** Longer documents are never kept (the portal's are under 1,000 characters). */
  static final int MAX_DOCUMENT = 4_000;
  /** Longer operation names or Accept-Language headers are never kept. */
  static final int MAX_NAME = 100;
  /** Variables holding more than about this many characters are never kept (a cursor is about 100). */
  static final int MAX_VARIABLES = 1_000;
  private static final Set<String> PUBLIC_ROOTS = Set.of("needs", "need", "statistics", "__typename");

  private final BoardModel board;
  private final Map<String, Decision> cacheable = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicLong hits = new java.util.concurrent.atomic.AtomicLong();
  private volatile Generation generation = new Generation(-1, null, new ConcurrentHashMap<>());

  /** The answers kept for one version of the board on one day. */
  private record Generation(long version, LocalDate day, Map<Key, Kept> answers) {
  }

  /** What identifies an answer: the document, the operation, the variables and the language asked for. */
  private record Key(String document, String operationName, Map<String, Object> variables, String language) {
  }

  /** Only the result is kept (not the request it answered, which holds the client's address). */
  private record Kept(ExecutionResult result, long keptAtNanos) {
  }

  /** Whether a document's answers may be kept, and the variables it declares (no other may come with it). */
  private record Decision(boolean cacheable, Set<String> declared) {
    static final Decision NEVER = new Decision(false, Set.of());
  }

  PublicAnswerCache(BoardModel board) {
    this.board = board;
  }

  @Override
  public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
    String language = request.getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE);
    if (!anonymous(request) || (language != null && language.length() > MAX_NAME)
        || !cacheable(request.getDocument(), request.getOperationName(), request.getVariables())) {
      return chain.next(request);
    }
    Generation current = current();
    Key key = new Key(request.getDocument(), request.getOperationName(), request.getVariables(), language);
    Kept kept = current.answers().get(key);
    if (kept != null && System.nanoTime() - kept.keptAtNanos() < MAX_AGE.toNanos()) {
      hits.incrementAndGet();
      return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(),
          kept.result())));
    }
    return chain.next(request).doOnNext(response -> {
      if (response.isValid() && response.getErrors().isEmpty()) {
        if (current.answers().size() >= MAX_ENTRIES) {
          current.answers().clear();
        }
        current.answers().put(key, new Kept(response.getExecutionResult(), System.nanoTime()));
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

  /**
   * Whether the answer to this document with these variables may be kept: a query asking one of the board's public
   * fields at its root (decided once per text), with only the variables it declares, and small ones.
   */
  private boolean cacheable(String document, String operationName, Map<String, Object> variables) {
    if (document == null || document.length() > MAX_DOCUMENT
        || (operationName != null && operationName.length() > MAX_NAME)) {
      return false;
    }
    String key = Objects.requireNonNullElse(operationName, "") + "\u0000" + document;
    Decision decision = cacheable.get(key);
    if (decision == null) {
      decision = decide(document, operationName);
      if (cacheable.size() >= MAX_ENTRIES) {
        cacheable.clear();
      }
      cacheable.put(key, decision);
    }
    return decision.cacheable() && decision.declared().containsAll(variables.keySet())
        && weight(variables, 0) <= MAX_VARIABLES;
  }

  /** About how many characters a variable's value holds (nested values count in full; too deep counts as too big). */
  private static int weight(Object value, int depth) {
    if (depth > 4) {
      return Integer.MAX_VALUE / 2;
    }
    return switch (value) {
      case null -> 4;
      case Map<?, ?> map -> map.entrySet().stream()
          .mapToInt(e -> Math.min(MAX_VARIABLES + 1, String.valueOf(e.getKey()).length() + weight(e.getValue(),
              depth + 1))).reduce(0, (a, b) -> Math.min(MAX_VARIABLES + 1, a + b));
      case java.util.Collection<?> list -> list.stream().mapToInt(v -> weight(v, depth + 1))
          .reduce(0, (a, b) -> Math.min(MAX_VARIABLES + 1, a + b));
      default -> String.valueOf(value).length();
    };
  }

  private static Decision decide(String text, String operationName) {
    Document document;
    try {
      document = Parser.parse(text);
    } catch (RuntimeException invalid) { // InvalidSyntaxException and the parser's limits
      return Decision.NEVER;
    }
    List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class).stream()
        .filter(o -> operationName == null || operationName.equals(o.getName())).toList();
    if (operations.size() != 1 || operations.getFirst().getOperation() != OperationDefinition.Operation.QUERY) {
      return Decision.NEVER;
    }
    // Exactly one of the board's fields (and __typename at will): an answer is at most one page, so the answers kept
    // stay small however a document is written (aliases cannot stack pages into one answer).
    int boardFields = 0;
    for (Selection<?> selection : operations.getFirst().getSelectionSet().getSelections()) {
      if (!(selection instanceof Field field) || !PUBLIC_ROOTS.contains(field.getName())) {
        return Decision.NEVER;
      }
      boardFields += field.getName().equals("__typename") ? 0 : 1;
    }
    return boardFields != 1 ? Decision.NEVER : new Decision(true, operations.getFirst().getVariableDefinitions()
        .stream().map(graphql.language.VariableDefinition::getName).collect(java.util.stream.Collectors.toSet()));
  }
}
