package org.onedoor.backend.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.OneDoorBackendApplication;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The backend's feature modules keep their boundaries (Spring Modulith): no cycle, and no module reaches into another's
 * internals — a module's API is its root package (and the named interfaces platform declares); sub-packages and
 * package-private types are internal. The module documentation in {@code docs/modules} is generated from the code
 * and must match it.
 */
class ModularityTest {

  static final ApplicationModules MODULES = ApplicationModules.of(OneDoorBackendApplication.class);

  /** Where the committed module documentation lives, from the backend module's directory. */
  private static final Path COMMITTED = Path.of("..", "docs", "modules");

  @Test
  void modules_respect_their_boundaries() {
    MODULES.verify();
  }

  @Test
  void the_module_documentation_in_docs_is_that_of_the_code() throws IOException {
    Path generated = Path.of("target", "modulith-docs");
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(generated.toString()))
        .writeDocumentation();
    Map<String, String> now = contents(generated);
    assertThat(now).as("generated documentation").containsKey("components.puml").containsKey("module-needs.adoc");
    if (Boolean.getBoolean("onedoor.write-module-docs")) {
      Files.createDirectories(COMMITTED);
      try (Stream<Path> old = Files.list(COMMITTED)) {
        for (Path file : old.toList()) {
          Files.delete(file);
        }
      }
      for (String name : now.keySet()) {
        Files.copy(generated.resolve(name), COMMITTED.resolve(name), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    assertThat(contents(COMMITTED)).as("docs/modules is stale: run ./mvnw -pl backend test -Dtest=ModularityTest"
        + " -Donedoor.write-module-docs=true and commit it").isEqualTo(now);
  }

  private static Map<String, String> contents(Path folder) throws IOException {
    Map<String, String> contents = new TreeMap<>();
    if (Files.isDirectory(folder)) {
      try (Stream<Path> files = Files.list(folder)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          // Modulith writes relations and references in no fixed order: compare the lines, not their order.
          contents.put(file.getFileName().toString(), Files.readString(file).lines().sorted().toList().toString());
        }
      }
    }
    return contents;
  }
}
