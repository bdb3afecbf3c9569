package org.onedoor.backend.platform.graphql;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.stereotype.Component;

/**
 * Parses and validates each distinct document once: the portal and API clients send the same few documents again
 * and again, and parsing and validating them cost about as much as running them (measured on the public board).
 * Validation depends on the document and the schema only, never on the variables, so the result — errors included —
 * holds for every later request with the same text (and language, which the errors are worded in). Bounded:
 * documents longer than {@link #MAX_LENGTH} are not kept, and when {@link #MAX_ENTRIES} are kept the set starts again.
 */
@Component
class ParsedDocuments implements PreparsedDocumentProvider, GraphQlSourceBuilderCustomizer {

  static final int MAX_ENTRIES = 300;
  /** Longer documents are parsed every time (the portal's are under 1,000 characters, introspection's 1,500). */
  static final int MAX_LENGTH = 4_000;

  private final Map<String, PreparsedDocumentEntry> parsed = new ConcurrentHashMap<>();

  @Override
  public void customize(org.springframework.graphql.execution.GraphQlSource.SchemaResourceBuilder builder) {
    builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(this));
  }

  @Override
  public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
      Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
    String text = input.getQuery();
    if (text == null || text.length() > MAX_LENGTH) {
      return CompletableFuture.completedFuture(parseAndValidate.apply(input));
    }
    // Validation errors are worded in the request's language.
    String key = input.getLocale() + "\u0000" + text;
    PreparsedDocumentEntry entry = parsed.get(key);
    if (entry == null) {
      entry = parseAndValidate.apply(input);
      if (parsed.size() >= MAX_ENTRIES) {
        parsed.clear();
      }
      parsed.put(key, entry);
    }
    return CompletableFuture.completedFuture(entry);
  }
}
