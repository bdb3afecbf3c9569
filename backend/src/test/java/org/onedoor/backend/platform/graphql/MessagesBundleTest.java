package org.onedoor.backend.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every user-facing message of the backend exists in Chinese (the base bundle) and in English. */
class MessagesBundleTest {

  @Test
  void chinese_and_english_messages_have_the_same_keys_and_no_blank_text() throws IOException {
    Properties chinese = load("messages.properties");
    Properties english = load("messages_en.properties");

    assertThat(english.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(chinese.stringPropertyNames());
    assertThat(chinese.stringPropertyNames()).contains("error.NOTHING_TO_CHANGE", "login.title");
    chinese.forEach((key, value) -> assertThat(value.toString()).as(key.toString()).isNotBlank());
    english.forEach((key, value) -> assertThat(value.toString()).as(key.toString()).isNotBlank());
  }

  @Test
  void no_key_is_written_twice_the_first_text_would_never_be_shown() throws IOException {
    for (String name : java.util.List.of("messages.properties", "messages_en.properties")) {
      java.util.Map<String, Long> keys;
      try (var in = MessagesBundleTest.class.getClassLoader().getResourceAsStream(name)) {
        keys = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
            .filter(line -> !line.isBlank() && !line.startsWith("#") && line.contains("="))
            .map(line -> line.substring(0, line.indexOf('=')).strip())
            .collect(java.util.stream.Collectors.groupingBy(k -> k, java.util.stream.Collectors.counting()));
      }
      assertThat(keys.entrySet().stream().filter(e -> e.getValue() > 1).map(java.util.Map.Entry::getKey))
          .as(name).isEmpty();
    }
  }

  private static Properties load(String name) throws IOException {
    Properties properties = new Properties();
    try (var in = MessagesBundleTest.class.getClassLoader().getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
