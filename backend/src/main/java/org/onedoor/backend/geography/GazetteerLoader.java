package org.onedoor.backend.geography;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every start, every profile: when the store holds no township yet, the city's townships and villages are loaded
 * from the gazetteer file ({@link GazetteerSettings}), in the file's order. A store that has townships is left as it
 * is: what administrators changed since stays. A file that cannot be read or is not a valid gazetteer stops the start
 * with a message naming the file and the entry at fault.
 */
@Component
@Order(1)
record GazetteerLoader(TownshipRepository townships, GazetteerSettings settings) implements ApplicationRunner {

  static final String FORMAT = "onedoor-gazetteer/1";
  private static final Logger log = LoggerFactory.getLogger(GazetteerLoader.class);
  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  @Override
  public void run(ApplicationArguments args) {
    if (townships.count() > 0) {
      log.info("Gazetteer: {} townships in the store", townships.count());
      return;
    }
    List<Township> loaded = read(settings.location().getDescription(), open());
    townships.saveAll(loaded);
    log.info("Gazetteer: {} townships and {} villages loaded from {}", loaded.size(),
        loaded.stream().mapToInt(t -> t.villages().size()).sum(), settings.location().getDescription());
  }

  private InputStream open() {
    try {
      return settings.location().getInputStream();
    } catch (IOException e) {
      throw new IllegalStateException("The gazetteer " + settings.location().getDescription()
          + " cannot be read (onedoor.gazetteer.location / ONEDOOR_GAZETTEER): " + e.getMessage(), e);
    }
  }

  /** Reads and checks a gazetteer: format, unique ids, names, coordinates, at least one township and village each. */
  static List<Township> read(String source, InputStream in) {
    File file;
    try (in) {
      file = JSON.readValue(in, File.class);
    } catch (JacksonException | IOException e) {
      throw new IllegalStateException("The gazetteer " + source + " is not valid JSON of format " + FORMAT + ": "
          + e.getMessage(), e);
    }
    if (!FORMAT.equals(file.format())) {
      throw new IllegalStateException("The gazetteer " + source + " declares format '" + file.format()
          + "'; expected '" + FORMAT + "'");
    }
    if (file.townships() == null || file.townships().isEmpty()) {
      throw new IllegalStateException("The gazetteer " + source + " lists no township");
    }
    Set<String> ids = new HashSet<>();
    List<Township> result = new ArrayList<>();
    int rank = 0;
    for (Entry township : file.townships()) {
      rank++;
      String where = "township " + rank + " (" + township.id() + ")";
      check(source, where, township, ids);
      if (township.villages() == null || township.villages().isEmpty()) {
        throw new IllegalStateException("The gazetteer " + source + ": " + where + " lists no village");
      }
      List<Village> villages = new ArrayList<>();
      for (Entry village : township.villages()) {
        check(source, where + ", village " + village.id(), village, ids);
        villages.add(new Village(village.id(), village.name(), village.nameEn(), village.coordinates()));
      }
      result.add(new Township(township.id(), township.name(), township.nameEn(), rank, township.coordinates(),
          villages));
    }
    return result;
  }

  private static void check(String source, String where, Entry entry, Set<String> ids) {
    String problem = null;
    if (entry.id() == null || !entry.id().matches("[a-z0-9][a-z0-9-]{1,63}")) {
      problem = "its id must be 2-64 lower-case letters, digits or dashes";
    } else if (!ids.add(entry.id())) {
      problem = "its id is used twice";
    } else if (entry.name() == null || entry.name().isBlank() || entry.nameEn() == null || entry.nameEn().isBlank()) {
      problem = "it needs a name and an English (pinyin) name";
    } else if (entry.latitude() == null || entry.longitude() == null || Math.abs(entry.latitude()) > 90
        || Math.abs(entry.longitude()) > 180) {
      problem = "it needs a latitude (-90..90) and a longitude (-180..180)";
    }
    if (problem != null) {
      throw new IllegalStateException("The gazetteer " + source + ": " + where + ": " + problem);
    }
  }

  /** The file: {@code {"format": "onedoor-gazetteer/1", "city", "cityEn", "townships": [entry with villages]}}. */
  record File(String format, String city, String cityEn, List<Entry> townships) {
  }

  /** A township (with villages) or a village. */
  record Entry(String id, String name, String nameEn, Double latitude, Double longitude, List<Entry> villages) {
    Coordinates coordinates() {
      return new Coordinates(latitude, longitude);
    }
  }
}
