package org.onedoor.backend.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.platform.crypto.PersonalData;
import org.springframework.data.mongodb.core.mapping.ExplicitEncrypted;

/**
 * The data inventory (docs/data-inventory.md) and the code agree: every stored field the code encrypts is in the
 * inventory with that protection, and every field the inventory says is encrypted is encrypted, the same way.
 */
class DataInventoryTest {

  private static final Path INVENTORY = Path.of("..", "docs", "data-inventory.md");
  private static final Pattern ROW = Pattern.compile("^\\| `([A-Za-z.]+)` \\|.*\\| (encrypted, deterministic|"
      + "encrypted, random|plain[^|]*) \\|.*$");

  @Test
  void every_encrypted_field_is_in_the_inventory_as_encrypted_the_same_way_and_the_inventory_claims_no_more()
      throws Exception {
    Map<String, String> inCode = encryptedInCode();
    Map<String, String> inInventory = new TreeMap<>();
    Map<String, String> plain = new TreeMap<>();
    for (String line : Files.readAllLines(INVENTORY)) {
      Matcher row = ROW.matcher(line);
      if (row.matches()) {
        (row.group(2).startsWith("encrypted") ? inInventory : plain).put(row.group(1), row.group(2));
      }
    }
    assertThat(inCode).as("fields encrypted in the code").hasSizeGreaterThan(40);
    assertThat(inInventory).as("the inventory's encrypted fields, as the code encrypts them").isEqualTo(inCode);
    assertThat(plain.keySet()).as("fields the inventory lists as plain are not encrypted")
        .doesNotContainAnyElementsOf(inCode.keySet());
  }

  /** The fields of the backend's records marked {@link ExplicitEncrypted}, as {@code Type.Nested.field}. */
  static Map<String, String> encryptedInCode() throws IOException, ClassNotFoundException {
    Path classes = Path.of("target", "classes");
    Map<String, String> found = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(classes.resolve("org/onedoor/backend"))) {
      for (Path file : walk.filter(p -> p.toString().endsWith(".class")).toList()) {
        String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
        if (name.contains("$$") || name.matches(".*\\$\\d+$")) {
          continue;
        }
        Class<?> type = Class.forName(name, false, DataInventoryTest.class.getClassLoader());
        for (Field field : type.getDeclaredFields()) {
          ExplicitEncrypted encrypted = field.getAnnotation(ExplicitEncrypted.class);
          if (encrypted != null) {
            String simple = name.substring(name.lastIndexOf('.') + 1).replace('$', '.');
            found.put(simple + "." + field.getName(), encrypted.algorithm().equals(PersonalData.FINDABLE)
                ? "encrypted, deterministic" : "encrypted, random");
          }
        }
      }
    }
    return found;
  }
}
